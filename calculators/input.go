package calculators

import (
	"bytes"
	"math"
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
func (l lang) msgTooMuch(max int64) string {
	n := strconv.FormatInt(max, 10)
	return l.t("is meer dan "+n+"; dat kan niet kloppen", "is more than "+n+"; that cannot be right")
}

// MaxInputSize is the largest input, in bytes, that Run and RunTable read:
// 1 MB. A form gives a few hundred bytes; the command line reads no more.
const MaxInputSize = 1 << 20

// maxUnknown is the most unknown fields an InputError names one by one.
const maxUnknown = 5

// bom is the UTF-8 byte order mark. Windows Notepad writes it at the start
// of a file, and RFC 8259 lets a reader ignore it, so one at the very start
// of the input is skipped.
const bom = "\uFEFF"

// decoder reads a JSON object field by field so that it can report every
// wrong field at once, where encoding/json stops at the first.
type decoder struct {
	l      lang     // the language of the messages, from the field lang
	lang   string   // the field lang: "", "nl" or "en"
	order  []string // the input's fields, for sorting errors
	broken bool     // not a JSON object: report only that
	last   values.Date
	raw    map[string][]byte
	errs   []FieldError
	failed map[string]bool
}

// newDecoder reads input, which may start with a byte order mark. last is
// the last date the amounts can price (zero: no limit).
func newDecoder(input []byte, order []string, last values.Date) *decoder {
	d := &decoder{order: order, last: last, raw: map[string][]byte{}, failed: map[string]bool{}}
	if len(input) > MaxInputSize {
		d.fail("", "de invoer is groter dan 1 MB; zo groot kan een invoer niet zijn")
		d.broken = true
		return d
	}
	input = bytes.TrimPrefix(input, []byte(bom))
	members, err := jsonlite.Object(input)
	var notes []syntaxIssue
	var fatal *syntaxIssue
	if err != nil {
		members, notes, fatal = looseObject(input)
	}
	known := map[string]bool{}
	for _, f := range order {
		known[f] = true
	}
	var dups []string
	for _, m := range members {
		if _, dup := d.raw[m.Key]; dup {
			if known[m.Key] {
				dups = append(dups, m.Key)
			}
			continue
		}
		d.raw[m.Key] = m.Value
	}
	// The language comes first, so that every other message can use it.
	v, hasLang := d.raw[langField]
	if s, _ := jsonlite.String(v); s == "nl" || s == "en" {
		d.lang, d.l = s, langOf(s)
	}
	for _, n := range notes {
		d.fail("", d.l.syntaxMessage(n))
	}
	if fatal != nil {
		d.fail("", d.l.syntaxMessage(*fatal))
		d.broken = true
		return d
	}
	delete(d.raw, langField)
	if hasLang && d.lang == "" {
		d.fail(langField, "moet \"nl\" of \"en\" zijn (Nederlands of Engels)")
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
// error and a missing optional one returns nil. A field written without a
// value ("age": ,) is an error and returns nil.
func (d *decoder) take(name string, required bool) []byte {
	if d.broken {
		return nil
	}
	v, ok := d.raw[name]
	delete(d.raw, name)
	switch {
	case !ok && required:
		d.fail(name, d.l.msgMissing())
	case ok && len(v) == 0:
		d.fail(name, d.l.t("heeft geen waarde; schrijf een waarde na de dubbele punt", "has no value; write a value after the colon"))
		return nil
	}
	return v
}

// text returns the text of a JSON string value; ok is false for any other
// value. A string that JSON does not allow, or one in single quotes, is
// reported on the field here.
func (d *decoder) text(name string, v []byte) (string, bool) {
	if s, ok := jsonlite.String(v); ok {
		return s, true
	}
	switch v[0] {
	case '"':
		d.fail(name, d.l.t("bevat een tab, een ander stuurteken of een \\ die niet mag; haal die weg",
			"contains a tab, another control character or a \\ that is not allowed; remove it"))
	case '\'':
		d.fail(name, d.l.t("gebruik dubbele aanhalingstekens (\"), geen enkele (')", "use double quotes (\"), not single quotes (')"))
	}
	return "", false
}

// bareNumber reports whether a raw value that is not a string looks like a
// number, so that its faults are worth describing.
func bareNumber(v []byte) bool {
	c := v[0]
	return c == '-' || c == '+' || c == '.' || isDigit(c)
}

func (d *decoder) date(name string, required bool) values.Date {
	v := d.take(name, required)
	if v == nil {
		return values.Date{}
	}
	s, ok := d.text(name, v)
	if !ok {
		d.fail(name, d.l.t("moet een datum zijn als tekst, zoals \"2025-01-01\"",
			"must be a date as text, such as \"2025-01-01\""))
		return values.Date{}
	}
	t, err := values.ParseDate(s)
	if err != nil {
		q := "\"" + show(s) + "\""
		// 01-03-2025: the Dutch order, day first.
		if len(s) == 10 && s[2] == '-' && s[5] == '-' {
			if swapped, err := values.ParseDate(s[6:] + "-" + s[3:5] + "-" + s[:2]); err == nil {
				d.fail(name, d.l.t(q+" heeft de dag vooraan; schrijf het jaar vooraan: \""+swapped.String()+"\"",
					q+" has the day first; write the year first: \""+swapped.String()+"\""))
			}
		}
		d.fail(name, d.l.t(q+" is geen bestaande datum in de vorm JJJJ-MM-DD",
			q+" is not a real date in the form YYYY-MM-DD"))
		return values.Date{}
	}
	if !d.last.IsZero() && d.last.Before(t) {
		d.fail(name, d.l.afterLast(d.last))
	}
	return t
}

// afterLast is the message for a date after the last one the amounts can
// price (see lastDate).
func (l lang) afterLast(last values.Date) string {
	y := strconv.Itoa(last.Year)
	return l.t("ligt na "+y+"; voor die datum zijn de bedragen nog niet bekend. Kies een datum tot en met 31 december "+y,
		"is after "+y+"; the amounts for that date are not known yet. Choose a date up to 31 December "+y)
}

// lastDate is the last date the amounts of a set can price: 31 December of
// the year after its newest value. An amount applies until a newer one
// replaces it, so a date in the coming year is priced with the amounts
// known now; later than that they are guesses, and a date such as
// 9999-12-31 is a typing error.
func lastDate(set values.Set) values.Date {
	var newest values.Date
	for _, v := range set.Values {
		if newest.Before(v.From) {
			newest = v.From
		}
	}
	return yearAfter(newest)
}

// yearAfter is 31 December of the year after d, or zero for zero.
func yearAfter(d values.Date) values.Date {
	if d.IsZero() {
		return values.Date{}
	}
	return values.Date{Year: d.Year + 1, Month: 12, Day: 31}
}

// isJSONInt reports whether v is a JSON integer: -?(0|[1-9][0-9]*).
func isJSONInt(v []byte) bool {
	if len(v) > 0 && v[0] == '-' {
		v = v[1:]
	}
	if len(v) == 0 || len(v) > 1 && v[0] == '0' {
		return false
	}
	for _, c := range v {
		if !isDigit(c) {
			return false
		}
	}
	return true
}

func (d *decoder) integer(name string, required bool) int {
	v := d.take(name, required)
	if v == nil {
		return 0
	}
	if isJSONInt(v) {
		n, err := strconv.Atoi(string(v))
		if err != nil {
			// Too large for an int: the range check names the maximum.
			if v[0] == '-' {
				return math.MinInt
			}
			return math.MaxInt
		}
		return n
	}
	d.fail(name, d.notWhole(name, v))
	return 0
}

// notWhole is the message for a value that is not a JSON integer.
func (d *decoder) notWhole(name string, v []byte) string {
	l := d.l
	if s, ok := d.text(name, v); ok {
		if p, fixed := analyzeNumber(s); p == numPlain && isInteger(fixed) {
			return l.t("moet een heel getal zijn, zonder aanhalingstekens; schrijf "+fixed,
				"must be a whole number without quotes; write "+fixed)
		}
		return l.t("Vul een heel getal in, bijvoorbeeld 12", "Fill in a whole number, for example 12")
	}
	if !bareNumber(v) {
		return l.t("moet een heel getal zijn, zoals 12", "must be a whole number, such as 12")
	}
	p, fixed := analyzeNumber(string(v))
	w := showBytes(v)
	example := "12"
	if fixed != "" && p != numTooLong {
		example = wholePart(fixed)
	}
	advice := l.t("schrijf een heel getal, zoals "+example, "write a whole number, such as "+example)
	if fixed != "" && isInteger(fixed) && p != numTooLong {
		advice = l.t("schrijf "+fixed, "write "+fixed)
	}
	switch p {
	case numPlain:
		return l.t(w+" is geen heel getal; ", w+" is not a whole number; ") + advice
	case numBad:
		return l.t(w+" is geen getal; ", w+" is not a number; ") + advice
	}
	return l.numberFault(p, w) + "; " + advice
}

func (d *decoder) boolean(name string, required bool) bool {
	v := d.take(name, required)
	switch string(v) {
	case "", "false":
		return false
	case "true":
		return true
	}
	if s, ok := d.text(name, v); ok && (s == "true" || s == "false") {
		d.fail(name, d.l.t("moet true of false zijn, zonder aanhalingstekens", "must be true or false without quotes"))
	}
	d.fail(name, d.l.t("moet true of false zijn", "must be true or false"))
	return false
}

func (d *decoder) money(name string, required bool) Money {
	v := d.take(name, required)
	if v == nil {
		return Money{}
	}
	l := d.l
	s, ok := d.text(name, v)
	if !ok {
		if bareNumber(v) {
			if p, fixed := analyzeNumber(string(v)); p == numPlain {
				if _, err := ParseMoney(fixed); err == nil {
					d.fail(name, l.t("moet een bedrag zijn als tekst, tussen aanhalingstekens; schrijf \""+fixed+"\"",
						"must be an amount as text, in quotes; write \""+fixed+"\""))
				}
			}
		}
		d.fail(name, l.t("moet een bedrag zijn als tekst, zoals \"1.250,50\"",
			"must be an amount as text, such as \"1,250.50\""))
		return Money{}
	}
	if n := l.readNumber(s, unitEuro); n != "" {
		if m, err := ParseMoney(n); err == nil {
			return m
		}
		d.fail(name, l.t("Vul een bedrag in met hoogstens 2 cijfers na de komma, bijvoorbeeld 1.250,50",
			"Fill in an amount with at most 2 digits after the point, for example 1,250.50"))
		return Money{}
	}
	// A number written another way (.5, 5., +5, 2.4e1): say how to write it.
	if p, fixed := analyzeNumber(s); p != numBad && p != numTooLong && fixed != "" {
		if m, err := ParseMoney(fixed); err == nil {
			d.fail(name, l.t("Vul het bedrag zo in: "+l.plainAmount(m), "Fill in the amount like this: "+l.plainAmount(m)))
		}
	}
	d.fail(name, l.t("Vul een bedrag in, bijvoorbeeld 1.250,50", "Fill in an amount, for example 1,250.50"))
	return Money{}
}

func (d *decoder) percent(name string, required bool) decimal.Decimal {
	v := d.take(name, required)
	if v == nil {
		return decimal.Decimal{}
	}
	l := d.l
	s, ok := d.text(name, v)
	if !ok {
		if bareNumber(v) {
			if p, fixed := analyzeNumber(string(v)); p == numPlain && fixed != "" {
				d.fail(name, l.t("moet een percentage zijn als tekst, tussen aanhalingstekens; schrijf \""+fixed+"\"",
					"must be a percentage as text, in quotes; write \""+fixed+"\""))
			}
		}
		d.fail(name, l.t("moet een percentage zijn als tekst, zoals \"60\"",
			"must be a percentage as text, such as \"60\""))
		return decimal.Decimal{}
	}
	if p, ok := d.textNumber(s, unitPercent); ok {
		return p
	}
	if h := l.fixHint(s, "het percentage", "the percentage"); h != "" {
		d.fail(name, h)
	}
	d.fail(name, l.t("Vul een percentage in, bijvoorbeeld 60 of 62,5", "Fill in a percentage, for example 60 or 62.5"))
	return decimal.Decimal{}
}

// textNumber reads a number typed as text (see readNumber). When it cannot,
// it reports a number written another way (.5, +5, 5e1) on the field with
// how to write it, and returns false.
func (d *decoder) textNumber(s string, unit numUnit) (decimal.Decimal, bool) {
	if n := d.l.readNumber(s, unit); n != "" {
		if p, ok := values.ParseDecimal(n); ok {
			return p, true
		}
	}
	return decimal.Decimal{}, false
}

// fixHint is "Vul het getal zo in: 24,5" for a number written another way
// that can be written plainly, or "".
func (l lang) fixHint(s, what, whatEN string) string {
	if p, fixed := analyzeNumber(s); p != numBad && p != numTooLong && fixed != "" {
		if n, ok := values.ParseDecimal(fixed); ok {
			return l.t("Vul "+what+" zo in: "+l.number(n), "Fill in "+whatEN+" like this: "+l.number(n))
		}
	}
	return ""
}

// number reads a JSON number that may have decimals, such as hours 24.5,
// from its text, so that no float is involved.
func (d *decoder) number(name string, required bool) decimal.Decimal {
	v := d.take(name, required)
	if v == nil {
		return decimal.Decimal{}
	}
	if bareNumber(v) {
		p, fixed := analyzeNumber(string(v))
		if p == numPlain {
			if n, ok := values.ParseDecimal(string(v)); ok {
				return n
			}
		}
		w := showBytes(v)
		advice := d.l.t("schrijf een getal zoals 24 of 24.5", "write a number such as 24 or 24.5")
		if fixed != "" && p != numTooLong {
			advice = d.l.t("schrijf "+fixed, "write "+fixed)
		}
		switch p {
		case numBad:
			d.fail(name, d.l.t(w+" is geen getal; ", w+" is not a number; ")+advice)
		case numPlain:
			d.fail(name, d.l.t(w+" heeft te veel cijfers; ", w+" has too many digits; ")+advice)
		default:
			d.fail(name, d.l.numberFault(p, w)+"; "+advice)
		}
		return decimal.Decimal{}
	}
	if s, ok := d.text(name, v); ok {
		if n, ok := d.textNumber(s, unitNone); ok {
			return n
		}
		if h := d.l.fixHint(s, "het getal", "the number"); h != "" {
			d.fail(name, h)
		}
		d.fail(name, d.l.t("Vul een getal in, bijvoorbeeld 24 of 24,5", "Fill in a number, for example 24 or 24.5"))
		return decimal.Decimal{}
	}
	d.fail(name, d.l.t("moet een getal zijn, zoals 24 of 24.5", "must be a number, such as 24 or 24.5"))
	return decimal.Decimal{}
}

func (d *decoder) choice(name string, required bool, options ...string) string {
	v := d.take(name, required)
	if v == nil {
		return ""
	}
	if s, ok := d.text(name, v); ok {
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
	for i, k := range unknown {
		if i == maxUnknown {
			break
		}
		// The name is shown shortened: it is part of the input.
		d.fail(show(k), d.l.t("is geen veld van deze rekenhulp", "is not a field of this calculator"))
	}
	for _, e := range rangeErrs {
		d.fail(e.Field, e.Message)
	}
	err := inputError(d.errs, d.order, d.l)
	if n := len(unknown) - maxUnknown; n > 0 {
		more := strconv.Itoa(n)
		ie := err.(*InputError)
		ie.Fields = append(ie.Fields, FieldError{"", d.l.t("en nog "+more+" velden die niet bij deze rekenhulp horen",
			"and "+more+" more fields that are not part of this calculator")})
	}
	return err
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

// checks collects the range errors of an input, in its language.
type checks struct {
	l    lang
	errs []FieldError
}

func (c *checks) add(field, msg string) { c.errs = append(c.errs, FieldError{field, msg}) }

// date refuses a date before the ordinance took effect. A required date
// that is missing has its error from the decoder already.
func (c *checks) date(f Field, d values.Date, eff Effective) {
	if d.IsZero() {
		if f.Need == Required {
			c.add(f.Name, c.l.msgMissing())
		}
		return
	}
	if d.Before(eff.Date) {
		c.add(f.Name, c.l.t("ligt vóór "+c.l.longDate(eff.Date)+"; de verordening geldt vanaf die datum (artikel "+eff.Article+")",
			"is before "+c.l.longDate(eff.Date)+"; the ordinance applies from that date (article "+eff.Article+")"))
	}
}

func (c *checks) count(f Field, n int) {
	switch {
	case n < 0:
		c.add(f.Name, c.l.msgNegative())
	case f.Positive && n == 0:
		c.add(f.Name, c.l.msgPositive())
	case f.Max > 0 && int64(n) > f.Max:
		c.add(f.Name, c.l.msgTooMuch(f.Max))
	}
}

// number checks a number that may have decimals, such as hours per week.
func (c *checks) number(f Field, d decimal.Decimal) {
	switch {
	case f.Positive && d.Sign() <= 0:
		c.add(f.Name, c.l.msgPositive())
	case d.Sign() < 0:
		c.add(f.Name, c.l.msgNegative())
	case f.Max > 0 && d.GreaterThan(decimal.NewFromInt(f.Max)):
		c.add(f.Name, c.l.msgTooMuch(f.Max))
	}
}

// percent checks a percentage: from 0 up to its bound.
func (c *checks) percent(f Field, p decimal.Decimal) {
	max := strconv.FormatInt(f.Max, 10)
	if p.Sign() < 0 || f.Positive && p.Sign() == 0 || p.GreaterThan(decimal.NewFromInt(f.Max)) {
		c.add(f.Name, c.l.t("moet tussen 0 en "+max+" liggen", "must be between 0 and "+max))
	}
}

func (c *checks) money(f Field, m Money) {
	switch {
	case m.dec().Sign() < 0:
		c.add(f.Name, c.l.msgNegative())
	case f.Positive && m.dec().Sign() == 0:
		c.add(f.Name, c.l.msgPositive())
	case f.Max > 0 && m.dec().GreaterThan(decimal.NewFromInt(f.Max)):
		nl, en := "", ""
		switch f.Per {
		case PerMonth:
			nl, en = " per maand", " a month"
		case PerHour:
			nl, en = " per uur", " an hour"
		}
		max := Money(decimal.NewFromInt(f.Max))
		c.add(f.Name, c.l.t("is meer dan "+c.l.euro(max)+nl+"; dat kan niet kloppen",
			"is more than "+c.l.euro(max)+en+"; that cannot be right"))
	}
}

// Bounds of the fields: above them an input cannot be right, and the
// message says so with the bound.
const (
	maxAge          = 130       // years
	maxMonths       = 1200      // months, a hundred years
	maxPerMonth     = 1_000_000 // euros per month: an income or wage costs
	maxPerHour      = 1_000     // euros per hour; it also catches a monthly wage typed as an hourly one
	maxAmount       = 1_000_000 // euros received in total
	maxHoursPerWeek = 60
	maxPercent      = 100
)
