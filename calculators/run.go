package calculators

import (
	"errors"
	"strings"

	"github.com/regelgids/regelgids/calculators/internal/jsonlite"
	"github.com/regelgids/regelgids/calculators/params/values"
)

// find returns the named rule, or an error for an unknown name that lists
// the names to choose from.
func find(name string, names []string) (*Rule, error) {
	for _, n := range names {
		if n == name {
			if r := Lookup(name); r != nil {
				return r, nil
			}
		}
	}
	return nil, errors.New("onbekende rekenhulp \"" + show(name) + "\"; kies uit " + strings.Join(names, ", "))
}

// Run decodes a JSON input strictly, checks it and computes the named
// calculator with the given parameter set. The calculator must be one the
// binding publishes. A wrong input gives an *InputError that lists every
// wrong field; a set that lacks a value gives a *ParamError; a set made for
// another date gives an *InputError on "date".
func (b *Binding) Run(name string, input []byte, set values.Set) (*Result, error) {
	r, err := find(name, b.Names())
	if err != nil {
		return nil, err
	}
	in, err := r.decode(input, lastDate(set), b.Effective)
	if err != nil {
		return nil, err
	}
	c, _ := b.Calculator(name)
	return runRule(in, set, c.Cites)
}

// RunTable is Run with the parameters in force on the input's date.
func (b *Binding) RunTable(name string, input []byte, t *values.Table) (*Result, error) {
	r, err := find(name, b.Names())
	if err != nil {
		return nil, err
	}
	in, err := r.decode(input, tableLastDate(t), b.Effective)
	if err != nil {
		return nil, err
	}
	set, err := t.At(in.Date("date"))
	if err != nil {
		return nil, err
	}
	c, _ := b.Calculator(name)
	return runRule(in, set, c.Cites)
}

// tableLastDate is lastDate of the newest set of a table.
func tableLastDate(t *values.Table) values.Date {
	var newest values.Date
	for _, p := range t.Params() {
		if n := len(p.Values); n > 0 && newest.Before(p.Values[n-1].From) {
			newest = p.Values[n-1].From
		}
	}
	return yearAfter(newest)
}

// Kinds of error in the JSON of RunJSON.
const (
	ErrorInput  = "input"  // the input is wrong; see fields
	ErrorParams = "params" // the parameter set is missing or incomplete
	ErrorName   = "name"   // no calculator has that name
)

// RunJSON is Run with JSON in and out, for the browser: set is the JSON of
// a values.Set and binding the JSON of a Binding. It returns the result's
// JSON, or
//
//	{"error": {"kind": "input", "message": "...", "fields": [{"field": "age", "message": "..."}]}}
//
// with kind "input", "params" or "name" (see ErrorInput and the others) and
// "fields" only for kind "input". An unreadable binding is kind "params".
func RunJSON(name string, input, set, binding []byte) []byte {
	if _, err := find(name, Names()); err != nil {
		return errorJSON(ErrorName, err.Error(), nil)
	}
	b, err := ParseBinding(binding)
	if err != nil {
		return errorJSON(ErrorParams, showN(err.Error(), 200), nil)
	}
	if _, err := find(name, b.Names()); err != nil {
		return errorJSON(ErrorName, err.Error(), nil)
	}
	var s values.Set
	if err := s.UnmarshalJSON(set); err != nil {
		return errorJSON(ErrorParams, "de bedragen zijn onleesbaar: "+showN(err.Error(), 200), nil)
	}
	res, err := b.Run(name, input, s)
	if ie, ok := err.(*InputError); ok {
		return errorJSON(ErrorInput, err.Error(), ie.Fields)
	} else if err != nil {
		return errorJSON(ErrorParams, err.Error(), nil)
	}
	b2, _ := res.MarshalJSON() // cannot fail
	return b2
}
func errorJSON(kind, msg string, fields []FieldError) []byte {
	var e jsonlite.Writer
	e.String("kind", kind)
	e.String("message", msg)
	if fields != nil {
		items := make([][]byte, len(fields))
		for i, f := range fields {
			var w jsonlite.Writer
			w.String("field", f.Field)
			w.String("message", f.Message)
			items[i] = w.Bytes()
		}
		e.Raw("fields", jsonlite.Array(items))
	}
	var w jsonlite.Writer
	w.Raw("error", e.Bytes())
	return w.Bytes()
}
