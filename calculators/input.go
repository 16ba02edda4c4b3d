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

// FieldError is one wrong input field, with a Dutch message for the reader.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// InputError lists every wrong field of an input, not just the first.
type InputError struct {
	Fields []FieldError `json:"fields"`
}

func (e *InputError) Error() string {
	var b strings.Builder
	b.WriteString("ongeldige invoer: ")
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
const (
	msgMissing  = "ontbreekt"
	msgNegative = "mag niet negatief zijn"
)

// decoder reads a JSON object field by field so that it can report every
// wrong field at once, where encoding/json stops at the first.
type decoder struct {
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
	for _, m := range members {
		if _, dup := d.raw[m.Key]; dup {
			d.fail(m.Key, "komt twee keer voor")
			continue
		}
		d.raw[m.Key] = m.Value
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
		d.fail(name, msgMissing)
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
		d.fail(name, "moet een datum zijn als tekst, zoals \"2025-01-01\"")
		return values.Date{}
	}
	t, err := values.ParseDate(s)
	if err != nil {
		d.fail(name, "\""+s+"\" is geen bestaande datum in de vorm JJJJ-MM-DD")
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
		d.fail(name, "moet een heel getal zijn, zonder aanhalingstekens, zoals 12")
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		d.fail(name, "is te groot")
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
	d.fail(name, "moet true of false zijn")
	return false
}

func (d *decoder) money(name string, required bool) Money {
	v := d.take(name, required)
	if v == nil {
		return Money{}
	}
	s, ok := jsonlite.String(v)
	if !ok {
		d.fail(name, "moet een bedrag zijn als tekst, zoals \"700.00\"")
		return Money{}
	}
	m, err := ParseMoney(s)
	if err != nil {
		d.fail(name, "\""+s+"\" is geen bedrag; schrijf bijvoorbeeld \"700.00\", met een punt en hoogstens 2 decimalen")
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
		d.fail(name, "moet een percentage zijn als tekst, zoals \"50\"")
		return Percent{}
	}
	p, ok := values.ParseDecimal(s)
	if !ok {
		d.fail(name, "\""+s+"\" is geen getal; schrijf bijvoorbeeld \"50\" of \"62.5\"")
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
		d.fail(name, "moet een getal zijn, zonder aanhalingstekens, zoals 24 of 24.5")
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
	d.fail(name, "moet "+quoteAll(options)+" zijn")
	return ""
}

func quoteAll(options []string) string {
	q := make([]string, len(options))
	for i, o := range options {
		q[i] = "\"" + o + "\""
	}
	return strings.Join(q, " of ")
}

// finish reports unknown fields, adds the range errors of fields that were
// read correctly, and returns every error in the order of the input's
// fields.
func (d *decoder) finish(rangeErrs []FieldError) error {
	if d.broken {
		return inputError(d.errs, d.order)
	}
	var unknown []string
	for k := range d.raw {
		unknown = append(unknown, k)
	}
	sort.Strings(unknown)
	for _, k := range unknown {
		d.fail(k, "is geen veld van deze rekenhulp")
	}
	for _, e := range rangeErrs {
		d.fail(e.Field, e.Message)
	}
	return inputError(d.errs, d.order)
}

// inputError sorts errors by the position of their field in order (unknown
// fields last) and wraps them, or returns nil when there are none.
func inputError(errs []FieldError, order []string) error {
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
	return &InputError{Fields: errs}
}

// checks collects range errors of a typed input.
type checks []FieldError

func (c *checks) add(field, msg string) { *c = append(*c, FieldError{field, msg}) }

func (c *checks) date(field string, d values.Date) {
	if d.IsZero() {
		c.add(field, msgMissing)
	} else if d.Before(EffectiveDate) {
		c.add(field, "ligt vóór 1 juli 2024; de verordening geldt vanaf die datum (artikel 23)")
	}
}

func (c *checks) count(field string, n, max int) {
	switch {
	case n < 0:
		c.add(field, msgNegative)
	case n > max:
		c.add(field, "is meer dan "+strconv.Itoa(max)+"; dat kan niet kloppen")
	}
}

func (c *checks) money(field string, m Money, positive bool) {
	switch {
	case m.dec().Sign() < 0:
		c.add(field, msgNegative)
	case positive && m.dec().Sign() == 0:
		c.add(field, "moet meer dan 0 zijn")
	}
}

// isNumber reports whether a raw, valid JSON value is a number.
func isNumber(v []byte) bool { return len(v) > 0 && (v[0] == '-' || v[0] >= '0' && v[0] <= '9') }
