// Package values holds dated parameter values: the Table of every value over
// time and the Set in force on one date, with their JSON forms.
//
// It is separate from package params, which parses the YAML file into a
// Table, so that the WebAssembly module (which only reads a Set) does not
// carry a YAML parser. Package params re-exports these types under the same
// names.
package values

import (
	"errors"
	"math/big"
	"slices"
	"sort"
	"strings"

	"github.com/regelgids/regelgids/calculators/internal/jsonlite"
	"github.com/shopspring/decimal"
)

// Units a parameter can have.
const (
	UnitEUR        = "EUR"
	UnitEURPerHour = "EUR/hour"
	UnitPercent    = "percent"
	UnitMonths     = "months"
	UnitYears      = "years"
)

// KnownUnit reports whether u is one of the units above.
func KnownUnit(u string) bool {
	switch u {
	case UnitEUR, UnitEURPerHour, UnitPercent, UnitMonths, UnitYears:
		return true
	}
	return false
}

// Source says where a value comes from: an article (and paragraph, "lid") of
// the ordinance, or another law with a link to its text.
type Source struct {
	Article string
	// Paragraph is the lid, "" for the whole article, or "toelichting" for
	// the explanatory notes.
	Paragraph string
	Law       string
	URL       string
}

// String returns a short Dutch citation such as "art. 17 lid 1".
func (s Source) String() string {
	if s.Law != "" {
		return s.Law
	}
	c := "art. " + s.Article
	switch s.Paragraph {
	case "":
	case "toelichting":
		c += " (toelichting)"
	default:
		c += " lid " + s.Paragraph
	}
	return c
}

func (s Source) json() []byte {
	var w jsonlite.Writer
	if s.Law != "" {
		w.String("law", s.Law)
		w.String("url", s.URL)
	} else {
		w.String("article", s.Article)
		w.String("paragraph", s.Paragraph)
	}
	return w.Bytes()
}

// Value is one dated value of a parameter: it applies from From until the
// From of the next value.
type Value struct {
	From  Date
	Value decimal.Decimal
	Note  string
	// Line is the line of the value in the parameter file, 0 when the
	// table was not read from one.
	Line int
}

// Param is one named parameter with all its dated values, oldest first.
type Param struct {
	Name        string
	Description string
	Unit        string
	Source      Source
	Values      []Value
	// Label names the amount in plain words per language, for the page of
	// changes ("de participatiepremie"); Per says what it is per ("per zes
	// maanden"). Both are optional; without a label the page leaves the
	// parameter out.
	Label, Per Text
	// Reading, when given, says why the value rests on a reading of an
	// unclear text; pages that show the value mark it.
	Reading Text
	// Group names the parameters the ordinance indexes together: a new
	// value on one of them needs one on each.
	Group string
	// Follows is set when the value follows a national amount that changes
	// on fixed dates.
	Follows *Follows
	// Line is the line of the parameter's name in the parameter file.
	Line int
}

// Table is every parameter, sorted by name.
type Table struct {
	params []Param
}

// NewTable makes a Table. Names must be unique, units known, and every
// parameter needs at least one value, with dates strictly increasing.
func NewTable(ps []Param) (*Table, error) {
	t := &Table{params: append([]Param(nil), ps...)}
	slices.SortFunc(t.params, func(a, b Param) int { return strings.Compare(a.Name, b.Name) })
	for i, p := range t.params {
		switch {
		case i > 0 && t.params[i-1].Name == p.Name:
			return nil, errors.New("parameter " + p.Name + " appears twice")
		case !KnownUnit(p.Unit):
			return nil, errors.New("parameter " + p.Name + " has unknown unit " + quote(p.Unit))
		case len(p.Values) == 0:
			return nil, errors.New("parameter " + p.Name + " has no values")
		}
		for j := 1; j < len(p.Values); j++ {
			if !p.Values[j-1].From.Before(p.Values[j].From) {
				return nil, errors.New("values of " + p.Name + " are not in increasing date order")
			}
		}
	}
	return t, nil
}

// Names returns the parameter names in sorted order.
func (t *Table) Names() []string {
	names := make([]string, len(t.params))
	for i, p := range t.params {
		names[i] = p.Name
	}
	return names
}

// Params returns every parameter with all its dated values, sorted by name.
func (t *Table) Params() []Param {
	return slices.Clone(t.params)
}

// Param returns the parameter with the given name.
func (t *Table) Param(name string) (Param, bool) {
	i := sort.Search(len(t.params), func(i int) bool { return t.params[i].Name >= name })
	if i < len(t.params) && t.params[i].Name == name {
		return t.params[i], true
	}
	return Param{}, false
}

// MarshalJSON writes the whole table, for `regelgids amounts --json`:
//
//	{"parameters": [{"name": ..., "description": ..., "unit": ...,
//	  "source": {"article": "17", "paragraph": "1"} or {"law": ..., "url": ...},
//	  "values": [{"from": "2024-07-01", "value": "600.00", "note": ...}],
//	  "label": {"nl": ..., "en": ...}, "per": {...}, "reading": {...},
//	  "group": ..., "follows": {"amount": {...}, "schedule": "half-yearly"}}]}
//
// with label, per, reading, group and follows only where given.
func (t *Table) MarshalJSON() ([]byte, error) {
	ps := make([][]byte, len(t.params))
	for i, p := range t.params {
		vs := make([][]byte, len(p.Values))
		for j, v := range p.Values {
			var w jsonlite.Writer
			w.String("from", v.From.String())
			w.String("value", Format(v.Value))
			if v.Note != "" {
				w.String("note", v.Note)
			}
			vs[j] = w.Bytes()
		}
		var w jsonlite.Writer
		w.String("name", p.Name)
		w.String("description", p.Description)
		w.String("unit", p.Unit)
		w.Raw("source", p.Source.json())
		w.Raw("values", jsonlite.Array(vs))
		if !p.Label.IsZero() {
			w.Raw("label", p.Label.json())
		}
		if !p.Per.IsZero() {
			w.Raw("per", p.Per.json())
		}
		if !p.Reading.IsZero() {
			w.Raw("reading", p.Reading.json())
		}
		if p.Group != "" {
			w.String("group", p.Group)
		}
		if p.Follows != nil {
			var f jsonlite.Writer
			f.Raw("amount", p.Follows.Amount.json())
			f.String("schedule", p.Follows.Schedule)
			w.Raw("follows", f.Bytes())
		}
		ps[i] = w.Bytes()
	}
	var w jsonlite.Writer
	w.Raw("parameters", jsonlite.Array(ps))
	return w.Bytes(), nil
}

// At returns the values in force on date d: for each parameter the value
// with the latest From on or before d. It fails, naming every such
// parameter, when some parameter has no value yet on d.
func (t *Table) At(d Date) (Set, error) {
	s := Set{Date: d, Values: make(map[string]SetValue, len(t.params))}
	var missing []string
	for _, p := range t.params {
		i := sort.Search(len(p.Values), func(i int) bool { return d.Before(p.Values[i].From) })
		if i == 0 {
			missing = append(missing, p.Name+" (first value from "+p.Values[0].From.String()+")")
			continue
		}
		v := SetValue{Value: p.Values[i-1].Value, Unit: p.Unit, From: p.Values[i-1].From}
		if i < len(p.Values) {
			v.Until = p.Values[i].From
		}
		s.Values[p.Name] = v
	}
	if missing != nil {
		return Set{}, errors.New("no value on " + d.String() + " for: " + strings.Join(missing, ", "))
	}
	return s, nil
}

// Set is the value of every parameter on one date. It is what the rules
// read, and its JSON form is what the site hands to the browser, so a new
// amount needs new data but no new code:
//
//	{"date": "2025-03-01", "values": {"minimumloon.per_uur":
//	  {"value": "14.06", "unit": "EUR/hour", "from": "2025-01-01", "until": "2025-07-01"}, ...}}
type Set struct {
	Date   Date
	Values map[string]SetValue
}

// SetValue is a parameter value with the period it is valid in, so that a
// page can say "bedrag 2025" and a rule can refuse a date outside it.
type SetValue struct {
	Value decimal.Decimal
	Unit  string
	From  Date
	// Until is the first day the value no longer applies; zero when no
	// later value is known.
	Until Date
}

// Lookup returns the value of the named parameter.
func (s Set) Lookup(name string) (SetValue, bool) {
	v, ok := s.Values[name]
	return v, ok
}

// MarshalJSON writes the form shown at Set, names sorted.
func (s Set) MarshalJSON() ([]byte, error) {
	names := make([]string, 0, len(s.Values))
	for n := range s.Values {
		names = append(names, n)
	}
	sort.Strings(names)
	var vals jsonlite.Writer
	for _, n := range names {
		v := s.Values[n]
		var w jsonlite.Writer
		w.String("value", Format(v.Value))
		w.String("unit", v.Unit)
		w.String("from", v.From.String())
		if !v.Until.IsZero() {
			w.String("until", v.Until.String())
		}
		vals.Raw(n, w.Bytes())
	}
	var w jsonlite.Writer
	w.String("date", s.Date.String())
	w.Raw("values", vals.Bytes())
	return w.Bytes(), nil
}

// UnmarshalJSON reads the form written by MarshalJSON and checks it
// strictly: unknown or repeated keys, bad dates and bad numbers are errors.
func (s *Set) UnmarshalJSON(b []byte) error {
	top, err := fields(b, "date", "values")
	if err != nil {
		return errors.New("parameter set: " + err.Error())
	}
	var out Set
	if out.Date, err = dateField(top, "date"); err != nil {
		return errors.New("parameter set: " + err.Error())
	}
	if top["values"] == nil {
		return errors.New("parameter set: values is missing")
	}
	members, err := jsonlite.Object(top["values"])
	if err != nil || len(members) == 0 {
		return errors.New("parameter set: values must be a non-empty object")
	}
	out.Values = make(map[string]SetValue, len(members))
	for _, m := range members {
		if _, dup := out.Values[m.Key]; dup {
			return errors.New("parameter set: " + m.Key + " appears twice")
		}
		v, err := setValue(m.Value)
		if err != nil {
			return errors.New("parameter set: " + m.Key + ": " + err.Error())
		}
		out.Values[m.Key] = v
	}
	*s = out
	return nil
}

func setValue(b []byte) (SetValue, error) {
	f, err := fields(b, "value", "unit", "from", "until")
	if err != nil {
		return SetValue{}, err
	}
	var v SetValue
	text, isString := jsonlite.String(f["value"])
	d, isNumber := ParseDecimal(text)
	if !isString || !isNumber {
		return SetValue{}, errors.New("value must be a decimal string such as \"600.00\"")
	}
	v.Value = d
	unit, isString := jsonlite.String(f["unit"])
	if !isString || !KnownUnit(unit) {
		return SetValue{}, errors.New("unit must be one of EUR, EUR/hour, percent, months, years")
	}
	v.Unit = unit
	if v.From, err = dateField(f, "from"); err != nil {
		return SetValue{}, err
	}
	if f["until"] != nil {
		if v.Until, err = dateField(f, "until"); err != nil {
			return SetValue{}, err
		}
		if !v.From.Before(v.Until) {
			return SetValue{}, errors.New("until " + v.Until.String() + " is not after from " + v.From.String())
		}
	}
	return v, nil
}

// fields parses a JSON object that may only have the allowed keys, each
// at most once.
func fields(b []byte, allowed ...string) (map[string][]byte, error) {
	members, err := jsonlite.Object(b)
	if err != nil {
		return nil, err
	}
	f := make(map[string][]byte, len(members))
	for _, m := range members {
		switch {
		case !slices.Contains(allowed, m.Key):
			return nil, errors.New("unknown key " + quote(m.Key))
		case f[m.Key] != nil:
			return nil, errors.New("key " + quote(m.Key) + " appears twice")
		}
		f[m.Key] = m.Value
	}
	return f, nil
}

func dateField(f map[string][]byte, key string) (Date, error) {
	if f[key] == nil {
		return Date{}, errors.New(key + " is missing")
	}
	s, _ := jsonlite.String(f[key])
	d, err := ParseDate(s)
	if err != nil {
		return Date{}, errors.New(key + " must be a date string YYYY-MM-DD")
	}
	return d, nil
}

// ParseDecimal parses a plain decimal such as "600", "13.27" or "-1.5".
// Unlike decimal.NewFromString it rejects exponents, spaces, "+", ".5" and
// thousands separators, so that the data reads the way it computes.
func ParseDecimal(s string) (decimal.Decimal, bool) {
	t := strings.TrimPrefix(s, "-")
	intPart, frac, hasDot := strings.Cut(t, ".")
	if intPart == "" || (hasDot && frac == "") || len(t) > 40 {
		return decimal.Decimal{}, false
	}
	for _, part := range []string{intPart, frac} {
		for i := 0; i < len(part); i++ {
			if part[i] < '0' || part[i] > '9' {
				return decimal.Decimal{}, false
			}
		}
	}
	n, ok := new(big.Int).SetString(intPart+frac, 10)
	if !ok {
		return decimal.Decimal{}, false
	}
	if t != s {
		n.Neg(n)
	}
	return decimal.NewFromBigInt(n, -int32(len(frac))), true
}

// Format writes d with the number of decimals it was given with, so
// "600.00" stays "600.00".
func Format(d decimal.Decimal) string {
	if e := d.Exponent(); e < 0 {
		return d.StringFixed(-e)
	}
	return d.String()
}

func quote(s string) string { return string(jsonlite.Quote(s)) }
