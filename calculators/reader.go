package calculators

import (
	"slices"

	"github.com/regelgids/regelgids/calculators/params/values"
	"github.com/shopspring/decimal"
)

// ParamError says that the parameter set lacks a value a rule needs: the
// data is incomplete, not the input. Its message is in Dutch, for the
// maintainers, whatever the input's language.
type ParamError struct {
	Missing []string
}

func (e *ParamError) Error() string {
	s := "de bedragen zijn niet compleet; ontbreekt:"
	for _, m := range e.Missing {
		s += " " + m
	}
	return s
}

// reader reads parameter values for one input date. It remembers what is
// missing, and which values do not apply on that date (a set made for
// another date), so a rule can read all it needs and check once.
type reader struct {
	l       lang     // the language of the error on "date"
	allowed []string // the parameters the rule declares
	opt     []string // the parameters it declares that may be absent
	set     values.Set
	date    values.Date
	missing []string
	outside []string
}

func newReader(set values.Set, date values.Date, l lang, allowed, optional []string) *reader {
	return &reader{l: l, allowed: allowed, opt: optional, set: set, date: date}
}

func (r *reader) value(name string) values.SetValue {
	v, ok := r.set.Lookup(name)
	switch {
	case !slices.Contains(r.allowed, name) && !slices.Contains(r.opt, name):
		// A mistake in the rule: its Params must list what it reads.
		r.missing = append(r.missing, name+" (niet in Params van de rekenhulp)")
	case !ok:
		r.missing = append(r.missing, name)
	case r.date.Before(v.From) || (!v.Until.IsZero() && !r.date.Before(v.Until)):
		w := name + r.l.t(" geldt vanaf ", " applies from ") + v.From.String()
		if !v.Until.IsZero() {
			w += r.l.t(" tot ", " until ") + v.Until.String()
		}
		r.outside = append(r.outside, w)
	}
	return v
}

// optional reads a parameter of the rule's Optional list: 0 when the set
// lacks it, as the municipality's ordinance has no such rule.
func (r *reader) optional(name string) values.SetValue {
	if !slices.Contains(r.opt, name) {
		r.missing = append(r.missing, name+" (niet in Optional van de rekenhulp)")
		return values.SetValue{}
	}
	if _, ok := r.set.Lookup(name); !ok {
		return values.SetValue{}
	}
	return r.value(name)
}

func (r *reader) dec(name string) decimal.Decimal { return r.value(name).Value }

// int reads a whole number such as a number of months; the parameter file
// guarantees months and years are whole.
func (r *reader) int(name string) int { return int(r.dec(name).IntPart()) }

func (r *reader) money(name string) Money { return Money(r.dec(name)) }

// err reports missing values as a *ParamError, and a date after the last
// one the set can price (see lastDate) or values that do not apply on the
// input date as an *InputError on the field "date".
func (r *reader) err() error {
	if len(r.missing) > 0 {
		return &ParamError{Missing: r.missing}
	}
	if last := lastDate(r.set); !last.IsZero() && last.Before(r.date) {
		return &InputError{Fields: []FieldError{{Field: "date", Message: r.l.afterLast(last)}}, lang: r.l}
	}
	if len(r.outside) > 0 {
		msg := r.l.t("de meegegeven bedragen gelden niet op deze datum (", "the amounts given do not apply on this date (")
		for i, o := range r.outside {
			if i > 0 {
				msg += "; "
			}
			msg += o
		}
		return &InputError{Fields: []FieldError{{Field: "date", Message: msg + ")"}}, lang: r.l}
	}
	return nil
}
