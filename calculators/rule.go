package calculators

import (
	"github.com/regelgids/regelgids/calculators/params/values"
	"github.com/shopspring/decimal"
)

// Rule is one calculator: the skeleton every calculator shares. Its field
// schema (Fields) drives the JSON decoder and its messages, the range
// checks, the site's form and its interface texts; its outputs drive the
// result's JSON; its reason keys are what the data binds to articles (see
// Binding). Only compute differs from rule to rule.
//
// The rules are package values; read them with Rules or Lookup and do not
// change them.
type Rule struct {
	// Name is the calculator's name: the first argument of Run, the page
	// rekenhulp/NAME/ and the interface texts calc_NAME_….
	Name string
	// Fields is the input schema, in the order a resident answers. Every
	// input also has the optional field "lang" (see Language in README.md),
	// which is not part of the schema.
	Fields []Field
	// Outputs are the result's fields between "eligible" and "reasons", in
	// the order of its JSON.
	Outputs []Output
	// Main is the output that Summary gives as the amount, and MainLabel
	// says what it is.
	Main      string
	MainLabel Text
	// Reasons are the keys of the reasons the rule gives from the ordinance.
	// The municipality's data (calculators.yaml) binds every key to the
	// article and lid it cites; no article number is written in Go.
	Reasons []ReasonKey
	// Params are the parameters the rule reads and needs; reading any other
	// is an error, so this list (with Optional) is complete.
	Params []string
	// Optional are the parameters the rule reads that a municipality may
	// leave out: a structure its ordinance does not have. An absent one
	// reads as 0, and the fields it governs (Field.Param) are not asked.
	Optional []string
	// Examples are typical inputs, for the site's table of examples.
	Examples []Example

	compute func(c *calc) error
}

// Kind is the type of an input field or an output, as its JSON is written.
type Kind string

// Kinds of input fields and outputs.
const (
	KindDate    Kind = "date"    // "YYYY-MM-DD"
	KindInt     Kind = "int"     // a JSON integer: 35
	KindNumber  Kind = "number"  // a JSON number that may have decimals: 24.5
	KindMoney   Kind = "money"   // a decimal string with at most 2 decimals: "700.00"
	KindPercent Kind = "percent" // a decimal string: "50", "23.5"
	KindBool    Kind = "bool"    // true or false
	KindChoice  Kind = "choice"  // one of the field's Choices, as a string
	KindText    Kind = "text"    // outputs only: a string such as a category
)

// Need says whether an input field must be given.
type Need uint8

const (
	// Required fields must be given.
	Required Need = iota
	// Optional fields may be left out; they are then zero: 0, "0.00",
	// false.
	Optional
	// RequiredWhen fields must be given when the field When.Field has the
	// value When.Value, and are optional otherwise.
	RequiredWhen
)

// Condition is a value of another field: exit is "partial".
type Condition struct {
	Field, Value string
}

// Per says what an amount is per, for the message on its bound.
type Per uint8

// Amounts per: in total, per month, per hour.
const (
	InTotal Per = iota
	PerMonth
	PerHour
)

// Field is one input of a rule's schema.
type Field struct {
	// Name is the JSON field. Its label and hint on the site are the
	// interface texts calc_RULE_NAME and calc_RULE_NAME_hint, and a choice's
	// label is calc_RULE_NAME_CHOICE.
	Name string
	Kind Kind
	Need Need
	// When is the condition of a RequiredWhen field. The field it names
	// comes earlier in the schema.
	When Condition
	// Choices are the values of a KindChoice field.
	Choices []string
	// Positive fields must be more than 0; others may not be negative.
	Positive bool
	// Max is the bound of a number (int, number, money, percent): above it
	// an input cannot be right, and the message says so with the bound.
	Max int64
	// Per says what a money field is per, for the message on its bound.
	Per Per
	// Param, when set, is the optional parameter (Rule.Optional) that gives
	// this field its effect. Where the parameters lack it or it is 0, the
	// field has no effect and the form does not ask it (Rule.FieldsFor).
	Param string
}

// Optional reports whether the field may be left out, at least in some
// cases: the form marks it "may stay empty".
func (f Field) Optional() bool { return f.Need != Required }

// Output is one field of a rule's result: money, int or text.
type Output struct {
	Name string
	Kind Kind
}

// ReasonKey is one kind of reason a rule gives from the ordinance. About
// says in English which rule the reason rests on, for whoever binds it to an
// article and lid in the data.
type ReasonKey struct {
	Key, About string
}

// Text is a text in Dutch and in English.
type Text struct {
	NL, EN string
}

func (t Text) in(l lang) string { return l.t(t.NL, t.EN) }

// rules are the calculators, in the order the site lists them by default.
var rules = []*Rule{uitstroompremieRule, participatiepremieRule, kwetsbaarRule, arbeidsbeperkingRule}

// Rules returns every rule of the package.
func Rules() []*Rule { return append([]*Rule(nil), rules...) }

// Lookup returns the rule with the given name, or nil.
func Lookup(name string) *Rule {
	for _, r := range rules {
		if r.Name == name {
			return r
		}
	}
	return nil
}

// Names returns the names of every rule.
func Names() []string {
	names := make([]string, len(rules))
	for i, r := range rules {
		names[i] = r.Name
	}
	return names
}

// Field returns the field of the schema with the given name.
func (r *Rule) Field(name string) (Field, bool) {
	for _, f := range r.Fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

// FieldsFor returns the fields a form asks with the parameter set: every
// field, less those whose Param the set lacks or has as 0.
func (r *Rule) FieldsFor(set values.Set) []Field {
	var out []Field
	for _, f := range r.Fields {
		if f.Param != "" {
			if v, ok := set.Lookup(f.Param); !ok || v.Value.IsZero() {
				continue
			}
		}
		out = append(out, f)
	}
	return out
}

// HasReason reports whether key is one of the rule's reason keys.
func (r *Rule) HasReason(key string) bool {
	for _, k := range r.Reasons {
		if k.Key == key {
			return true
		}
	}
	return false
}

// order is the order of the fields for sorting errors: the schema, then
// lang.
func (r *Rule) order() []string {
	names := make([]string, 0, len(r.Fields)+1)
	for _, f := range r.Fields {
		names = append(names, f.Name)
	}
	return append(names, langField)
}

// Input is a decoded input: a value for every field of the rule's schema,
// the zero value for an optional field left out.
type Input struct {
	rule *Rule
	lang lang
	vals map[string]any // values.Date, int, decimal.Decimal, bool or string, by Kind
}

// value returns a field's value, checking that the rule's code reads a
// field of its own schema with its own kind. Anything else is a mistake in
// the code, which the tests (they run every rule) find at once.
func (in *Input) value(name string, kinds ...Kind) any {
	f, ok := in.rule.Field(name)
	if !ok || !kindIn(f.Kind, kinds) {
		panic("calculators: rule " + in.rule.Name + " reads field " + name + " as " + string(kinds[0]))
	}
	return in.vals[name]
}

func kindIn(k Kind, kinds []Kind) bool {
	for _, x := range kinds {
		if k == x {
			return true
		}
	}
	return false
}

// Date returns a date field.
func (in *Input) Date(name string) values.Date { return in.value(name, KindDate).(values.Date) }

// Int returns an int field.
func (in *Input) Int(name string) int { return in.value(name, KindInt).(int) }

// Money returns a money field.
func (in *Input) Money(name string) Money { return Money(in.value(name, KindMoney).(decimal.Decimal)) }

// Decimal returns a number or percent field.
func (in *Input) Decimal(name string) decimal.Decimal {
	return in.value(name, KindNumber, KindPercent).(decimal.Decimal)
}

// Bool returns a bool field.
func (in *Input) Bool(name string) bool { return in.value(name, KindBool).(bool) }

// Choice returns a choice field: one of its Choices, or "" when it was left
// out.
func (in *Input) Choice(name string) string { return in.value(name, KindChoice).(string) }

// zero is the value of a field left out or unreadable.
func zero(k Kind) any {
	switch k {
	case KindDate:
		return values.Date{}
	case KindInt:
		return 0
	case KindMoney, KindNumber, KindPercent:
		return decimal.Decimal{}
	case KindBool:
		return false
	}
	return ""
}

// decode reads and checks a JSON input against the rule's schema. last is
// the last date the amounts can price (zero: no limit) and effective the
// first day of the ordinance; an error is an *InputError.
func (r *Rule) decode(input []byte, last values.Date, eff Effective) (*Input, error) {
	d := newDecoder(input, r.order(), last)
	in := &Input{rule: r, lang: d.l, vals: make(map[string]any, len(r.Fields))}
	for _, f := range r.Fields {
		required := f.Need == Required ||
			f.Need == RequiredWhen && in.vals[f.When.Field] == f.When.Value
		var v any
		switch f.Kind {
		case KindDate:
			v = d.date(f.Name, required)
		case KindInt:
			v = d.integer(f.Name, required)
		case KindNumber:
			v = d.number(f.Name, required)
		case KindMoney:
			v = decimal.Decimal(d.money(f.Name, required))
		case KindPercent:
			v = d.percent(f.Name, required)
		case KindBool:
			v = d.boolean(f.Name, required)
		case KindChoice:
			v = d.choice(f.Name, required, f.Choices...)
		default:
			panic("calculators: field " + f.Name + " of rule " + r.Name + " has kind " + string(f.Kind))
		}
		in.vals[f.Name] = v
	}
	if err := d.finish(r.check(in, eff)); err != nil {
		return nil, err
	}
	return in, nil
}

// check returns the range errors of an input: dates before the ordinance,
// negative numbers, numbers above their bound.
func (r *Rule) check(in *Input, eff Effective) []FieldError {
	c := &checks{l: in.lang}
	for _, f := range r.Fields {
		v := in.vals[f.Name]
		switch f.Kind {
		case KindDate:
			c.date(f, v.(values.Date), eff)
		case KindInt:
			c.count(f, v.(int))
		case KindNumber:
			c.number(f, v.(decimal.Decimal))
		case KindMoney:
			c.money(f, Money(v.(decimal.Decimal)))
		case KindPercent:
			c.percent(f, v.(decimal.Decimal))
		}
	}
	return c.errs
}
