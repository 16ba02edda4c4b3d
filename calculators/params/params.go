// Package params holds the dated amounts and numbers that the rules use:
// premiums, durations, percentages and the statutory minimum wage. They live
// in a YAML file (content/eemsdelta/parameters.yaml) so that next year's
// amount is one appended line, not a code change.
//
// Parse reads that file into a Table; Table.At picks the values in force on
// one date as a Set, which marshals to JSON for the browser.
package params

import (
	"encoding/json"
	"errors"
	"sort"
	"strings"

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

func knownUnit(u string) bool {
	switch u {
	case UnitEUR, UnitEURPerHour, UnitPercent, UnitMonths, UnitYears:
		return true
	}
	return false
}

// Source says where a value comes from: an article (and paragraph, "lid") of
// the ordinance, or another law with a link to its text.
type Source struct {
	Article   string `json:"article,omitempty"`
	Paragraph string `json:"paragraph,omitempty"`
	Law       string `json:"law,omitempty"`
	URL       string `json:"url,omitempty"`
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

// Value is one dated value of a parameter: it applies from From until the
// From of the next value.
type Value struct {
	From  Date            `json:"from"`
	Value decimal.Decimal `json:"-"`
	Note  string          `json:"note,omitempty"`
}

// MarshalJSON writes the value as a decimal string with the digits of the
// source file ("600.00", not 600).
func (v Value) MarshalJSON() ([]byte, error) {
	type value Value
	return json.Marshal(struct {
		value
		Text string `json:"value"`
	}{value(v), Format(v.Value)})
}

// Param is one named parameter with all its dated values, oldest first.
type Param struct {
	Name        string  `json:"name"`
	Description string  `json:"description"`
	Unit        string  `json:"unit"`
	Source      Source  `json:"source"`
	Values      []Value `json:"values"`
}

// Table is every parameter of the file, sorted by name.
type Table struct {
	params []Param
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
	return append([]Param(nil), t.params...)
}

// Param returns the parameter with the given name.
func (t *Table) Param(name string) (Param, bool) {
	i := sort.Search(len(t.params), func(i int) bool { return t.params[i].Name >= name })
	if i < len(t.params) && t.params[i].Name == name {
		return t.params[i], true
	}
	return Param{}, false
}

// MarshalJSON writes the whole table: {"parameters": [...]}.
func (t *Table) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Parameters []Param `json:"parameters"`
	}{t.params})
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
// amount needs new data but no new code.
type Set struct {
	Date   Date                `json:"date"`
	Values map[string]SetValue `json:"values"`
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

type setValueJSON struct {
	Value string `json:"value"`
	Unit  string `json:"unit"`
	From  Date   `json:"from"`
	Until *Date  `json:"until,omitempty"`
}

// MarshalJSON writes {"value": "600.00", "unit": "EUR", "from": "2024-07-01"}
// with "until" when a later value exists.
func (v SetValue) MarshalJSON() ([]byte, error) {
	j := setValueJSON{Value: Format(v.Value), Unit: v.Unit, From: v.From}
	if !v.Until.IsZero() {
		j.Until = &v.Until
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads the form written by MarshalJSON and checks it.
func (v *SetValue) UnmarshalJSON(b []byte) error {
	var j setValueJSON
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&j); err != nil {
		return err
	}
	d, ok := ParseDecimal(j.Value)
	if !ok {
		return errors.New("value " + quote(j.Value) + " is not a number")
	}
	if !knownUnit(j.Unit) {
		return errors.New("unknown unit " + quote(j.Unit))
	}
	if j.From.IsZero() {
		return errors.New("from is missing")
	}
	*v = SetValue{Value: d, Unit: j.Unit, From: j.From}
	if j.Until != nil {
		if !j.From.Before(*j.Until) {
			return errors.New("until " + j.Until.String() + " is not after from " + j.From.String())
		}
		v.Until = *j.Until
	}
	return nil
}

// UnmarshalJSON reads a Set and rejects one without a date or values.
func (s *Set) UnmarshalJSON(b []byte) error {
	type set Set
	var j set
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&j); err != nil {
		return err
	}
	if j.Date.IsZero() {
		return errors.New("parameter set has no date")
	}
	if len(j.Values) == 0 {
		return errors.New("parameter set has no values")
	}
	*s = Set(j)
	return nil
}

// Lookup returns the value of the named parameter.
func (s Set) Lookup(name string) (SetValue, bool) {
	v, ok := s.Values[name]
	return v, ok
}

// ParseDecimal parses a plain decimal such as "600", "13.27" or "-1.5".
// Unlike decimal.NewFromString it rejects exponents, spaces, "+", ".5" and
// thousands separators, so that the file reads the way it computes.
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
	d, err := decimal.NewFromString(s)
	return d, err == nil
}

// Format writes d with the number of decimals it was given with, so
// "600.00" stays "600.00".
func Format(d decimal.Decimal) string {
	if e := d.Exponent(); e < 0 {
		return d.StringFixed(-e)
	}
	return d.String()
}

func quote(s string) string { return "\"" + s + "\"" }
