package calculators

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/regelgids/regelgids/calculators/internal/jsonlite"
	"github.com/regelgids/regelgids/calculators/params/values"
	"github.com/shopspring/decimal"
)

// FieldError is one wrong input field, with a message for the reader in
// the input's language (field "lang": Dutch unless "en").
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// InputError lists every wrong field of an input, not just the first. Its
// messages are in the input's language: English when the input has
// "lang": "en", Dutch otherwise (also when lang itself is wrong, or the input
// is not a JSON object).
type InputError struct {
	Fields []FieldError `json:"fields"`
	lang   lang
}

func (e *InputError) Error() string {
	var b strings.Builder
	b.WriteString(e.lang.t("ongeldige invoer: ", "invalid input: "))
	for i, f := range e.Fields {
		if i > 0 {
			b.WriteString("; ")
		}
		if f.Field != "" {
			b.WriteString(f.Field + ": ")
		}
		b.WriteString(f.Message)
	}
	return b.String()
}

// Messages shared by the decoder and the range checks.
func (l lang) msgMissing() string  { return l.t("ontbreekt", "is missing") }
func (l lang) msgNegative() string { return l.t("mag niet negatief zijn", "must not be negative") }
func (l lang) msgPositive() string { return l.t("moet meer dan 0 zijn", "must be more than 0") }
func (l lang) msgTooMuch(max int) string {
	n := strconv.Itoa(max)
	return l.t("is meer dan "+n+"; dat kan niet kloppen", "is more than "+n+"; that cannot be right")
}

// decoder reads a JSON object field by field so that it can report every
// wrong field at once, where encoding/json stops at the first.
type decoder struct {
	l      lang     // the language of the messages, from the field lang
	lang   string   // the field lang: "", "nl" or "en"
	order  []string // the input's fields, for sorting errors
	broken bool     // not a JSON object: report only that
	raw    map[string][]byte
	errs   []FieldError
	failed map[string]bool
}

func newDecoder(input []byte, order []string) *decoder {
	d := &decoder{order: order, raw: map[string][]byte{}, failed: map[string]bool{}}
	members, err := jsonlite.Object(input)
	if err != nil {
		d.fail("", "de invoer moet een JSON-object zijn, zoals {\"date\": \"2025-01-01\"}")
		d.broken = true
		return d
	}
	var dups []string
	for _, m := range members {
		if _, dup := d.raw[m.Key]; dup {
			dups = append(dups, m.Key)
			continue
		}
		d.raw[m.Key] = m.Value
	}
	// The language comes first, so that every other message can use it.
	if v := d.take(langField, false); v != nil {
		if s, _ := jsonlite.String(v); s == "nl" || s == "en" {
			d.lang, d.l = s, langOf(s)
		} else {
			d.fail(langField, "moet \"nl\" of \"en\" zijn (Nederlands of Engels)")
		}
	}
	for _, k := range dups {
		d.fail(k, d.l.t("komt twee keer voor", "appears twice"))
	}
	return d
}

func (d *decoder) fail(field, msg string) {
	if field != "" && d.failed[field] {
		return
	}
	d.failed[field] = true
	d.errs = append(d.errs, FieldError{field, msg})
}

// take returns the raw value of a field; a missing required field is an
// error and a missing optional one returns nil.
func (d *decoder) take(name string, required bool) []byte {
	if d.broken {
		return nil
	}
	v, ok := d.raw[name]
	delete(d.raw, name)
	if !ok && required {
		d.fail(name, d.l.msgMissing())
	}
	return v
}

func (d *decoder) date(name string) values.Date {
	v := d.take(name, true)
	if v == nil {
		return values.Date{}
	}
	s, ok := jsonlite.String(v)
	if !ok {
		d.fail(name, d.l.t("moet een datum zijn als tekst, zoals \"2025-01-01\"",
			"must be a date as text, such as \"2025-01-01\""))
		return values.Date{}
	}
	t, err := values.ParseDate(s)
	if err != nil {
		d.fail(name, d.l.t("\""+s+"\" is geen bestaande datum in de vorm JJJJ-MM-DD",
			"\""+s+"\" is not a real date in the form YYYY-MM-DD"))
	}
	return t
}

func (d *decoder) integer(name string, required bool) int {
	v := d.take(name, required)
	if v == nil {
		return 0
	}
	s := string(v)
	if !isNumber(v) || strings.ContainsAny(s, ".eE") {
		d.fail(name, d.l.t("moet een heel getal zijn, zonder aanhalingstekens, zoals 12",
			"must be a whole number without quotes, such as 12"))
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		d.fail(name, d.l.t("is te groot", "is too large"))
	}
	return n
}

func (d *decoder) boolean(name string, required bool) bool {
	v := d.take(name, required)
	switch string(v) {
	case "", "false":
		return false
	case "true":
		return true
	}
	d.fail(name, d.l.t("moet true of false zijn", "must be true or false"))
	return false
}

func (d *decoder) money(name string, required bool) Money {
	v := d.take(name, required)
	if v == nil {
		return Money{}
	}
	s, ok := jsonlite.String(v)
	if !ok {
		d.fail(name, d.l.t("moet een bedrag zijn als tekst, zoals \"700.00\"",
			"must be an amount as text, such as \"700.00\""))
		return Money{}
	}
	m, err := ParseMoney(s)
	if err != nil {
		d.fail(name, d.l.t("\""+s+"\" is geen bedrag; schrijf bijvoorbeeld \"700.00\", met een punt en hoogstens 2 decimalen",
			"\""+s+"\" is not an amount; write for example \"700.00\", with a point and at most 2 decimals"))
	}
	return m
}

func (d *decoder) percent(name string) Percent {
	v := d.take(name, true)
	if v == nil {
		return Percent{}
	}
	s, ok := jsonlite.String(v)
	if !ok {
		d.fail(name, d.l.t("moet een percentage zijn als tekst, zoals \"50\"",
			"must be a percentage as text, such as \"50\""))
		return Percent{}
	}
	p, ok := values.ParseDecimal(s)
	if !ok {
		d.fail(name, d.l.t("\""+s+"\" is geen getal; schrijf bijvoorbeeld \"50\" of \"62.5\"",
			"\""+s+"\" is not a number; write for example \"50\" or \"62.5\""))
	}
	return Percent(p)
}

// number reads a JSON number that may have decimals, such as hours 24.5,
// from its text, so that no float is involved.
func (d *decoder) number(name string) decimal.Decimal {
	v := d.take(name, true)
	if v == nil {
		return decimal.Decimal{}
	}
	n, ok := values.ParseDecimal(string(v))
	if !ok {
		d.fail(name, d.l.t("moet een getal zijn, zonder aanhalingstekens, zoals 24 of 24.5",
			"must be a number without quotes, such as 24 or 24.5"))
	}
	return n
}

func (d *decoder) choice(name string, options ...string) string {
	v := d.take(name, true)
	if v == nil {
		return ""
	}
	if s, ok := jsonlite.String(v); ok {
		for _, o := range options {
			if s == o {
				return s
			}
		}
	}
	d.fail(name, d.l.oneOf(options))
	return ""
}

// oneOf is the message for a value that is not one of the options:
// moet "full" of "partial" zijn.
func (l lang) oneOf(options []string) string {
	q := make([]string, len(options))
	for i, o := range options {
		q[i] = "\"" + o + "\""
	}
	return l.t("moet "+strings.Join(q, " of ")+" zijn", "must be "+strings.Join(q, " or "))
}

// finish reports unknown fields, adds the range errors of fields that were
// read correctly, and returns every error in the order of the input's
// fields.
func (d *decoder) finish(rangeErrs []FieldError) error {
	if d.broken {
		return inputError(d.errs, d.order, d.l)
	}
	var unknown []string
	for k := range d.raw {
		unknown = append(unknown, k)
	}
	sort.Strings(unknown)
	for _, k := range unknown {
		d.fail(k, d.l.t("is geen veld van deze rekenhulp", "is not a field of this calculator"))
	}
	for _, e := range rangeErrs {
		d.fail(e.Field, e.Message)
	}
	return inputError(d.errs, d.order, d.l)
}

// inputError sorts errors by the position of their field in order (unknown
// fields last) and wraps them, or returns nil when there are none.
func inputError(errs []FieldError, order []string, l lang) error {
	if len(errs) == 0 {
		return nil
	}
	pos := func(f string) int {
		for i, o := range order {
			if o == f {
				return i
			}
		}
		if f == "" {
			return -1
		}
		return len(order)
	}
	slices.SortStableFunc(errs, func(a, b FieldError) int { return pos(a.Field) - pos(b.Field) })
	return &InputError{Fields: errs, lang: l}
}

// checks collects range errors of a typed input, in the language of its
// field Lang.
type checks struct {
	l    lang
	errs []FieldError
}

// newChecks starts the checks of a typed input with its field Lang, which
// must be "", "nl" or "en".
func newChecks(langName string) *checks {
	c := &checks{l: langOf(langName)}
	if !validLang(langName) {
		c.add(langField, "moet \"nl\" of \"en\" zijn (Nederlands of Engels)")
	}
	return c
}

func (c *checks) add(field, msg string) { c.errs = append(c.errs, FieldError{field, msg}) }

func (c *checks) date(field string, d values.Date) {
	if d.IsZero() {
		c.add(field, c.l.msgMissing())
	} else if d.Before(EffectiveDate) {
		c.add(field, c.l.t("ligt vóór 1 juli 2024; de verordening geldt vanaf die datum (artikel 23)",
			"is before 1 July 2024; the ordinance applies from that date (article 23)"))
	}
}

func (c *checks) count(field string, n, max int) {
	switch {
	case n < 0:
		c.add(field, c.l.msgNegative())
	case n > max:
		c.add(field, c.l.msgTooMuch(max))
	}
}

func (c *checks) money(field string, m Money, positive bool) {
	switch {
	case m.dec().Sign() < 0:
		c.add(field, c.l.msgNegative())
	case positive && m.dec().Sign() == 0:
		c.add(field, c.l.msgPositive())
	}
}

// isNumber reports whether a raw, valid JSON value is a number.
func isNumber(v []byte) bool { return len(v) > 0 && (v[0] == '-' || v[0] >= '0' && v[0] <= '9') }
