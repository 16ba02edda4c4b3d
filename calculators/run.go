package calculators

import (
	"errors"
	"strings"

	"github.com/regelgids/regelgids/calculators/internal/jsonlite"
	"github.com/regelgids/regelgids/calculators/params/values"
)

// calculator ties a name to the JSON form of its input.
type calculator struct {
	name string
	// parse decodes and checks a JSON input; a date after last (when not
	// zero) is an error. It returns the date to pick parameters for and
	// the computation, or an *InputError.
	parse    func(input []byte, last values.Date) (values.Date, func(values.Set) (Result, error), error)
	examples []Example
}

var calculators = []calculator{
	{"uitstroompremie", parseUitstroompremie, uitstroomExamples},
	{"participatiepremie", parseParticipatiepremie, participatieExamples},
	{"loonkostensubsidie-kwetsbaar", parseKwetsbaar, kwetsbaarExamples},
	{"loonkostensubsidie-arbeidsbeperking", parseArbeidsbeperking, arbeidsbeperkingExamples},
}

// Names returns the names of the calculators, as used by Run.
func Names() []string {
	names := make([]string, len(calculators))
	for i, c := range calculators {
		names[i] = c.name
	}
	return names
}

func find(name string) (*calculator, error) {
	for i := range calculators {
		if calculators[i].name == name {
			return &calculators[i], nil
		}
	}
	return nil, errors.New("onbekende rekenhulp \"" + show(name) + "\"; kies uit " + strings.Join(Names(), ", "))
}

// Run decodes a JSON input strictly, checks it and computes the named
// calculator with the given parameter set. A wrong input gives an
// *InputError that lists every wrong field; a set that lacks a value gives
// a *ParamError; a set made for another date gives an *InputError on "date".
func Run(name string, input []byte, set values.Set) (Result, error) {
	c, err := find(name)
	if err != nil {
		return nil, err
	}
	_, run, err := c.parse(input, lastDate(set))
	if err != nil {
		return nil, err
	}
	return run(set)
}

// RunTable is Run with the parameters in force on the input's date.
func RunTable(name string, input []byte, t *values.Table) (Result, error) {
	c, err := find(name)
	if err != nil {
		return nil, err
	}
	date, run, err := c.parse(input, tableLastDate(t))
	if err != nil {
		return nil, err
	}
	set, err := t.At(date)
	if err != nil {
		return nil, err
	}
	return run(set)
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

// runner wraps a typed computation for the registry, taking care that a nil
// result becomes a nil Result rather than a typed nil.
func runner[I any, R Result](in I, calc func(I, values.Set) (R, error)) func(values.Set) (Result, error) {
	return func(set values.Set) (Result, error) {
		r, err := calc(in, set)
		if err != nil {
			return nil, err
		}
		return r, nil
	}
}

// Kinds of error in the JSON of RunJSON.
const (
	ErrorInput  = "input"  // the input is wrong; see fields
	ErrorParams = "params" // the parameter set is missing or incomplete
	ErrorName   = "name"   // no calculator has that name
)

// RunJSON is Run with JSON in and out, for the browser: set is the JSON of
// a values.Set. It returns the result's JSON, or
//
//	{"error": {"kind": "input", "message": "...", "fields": [{"field": "age", "message": "..."}]}}
//
// with kind "input", "params" or "name" (see ErrorInput and the others) and
// "fields" only for kind "input".
func RunJSON(name string, input, set []byte) []byte {
	var s values.Set
	if _, err := find(name); err != nil {
		return errorJSON(ErrorName, err.Error(), nil)
	}
	if err := s.UnmarshalJSON(set); err != nil {
		return errorJSON(ErrorParams, "de bedragen zijn onleesbaar: "+showN(err.Error(), 200), nil)
	}
	res, err := Run(name, input, s)
	if ie, ok := err.(*InputError); ok {
		return errorJSON(ErrorInput, err.Error(), ie.Fields)
	} else if err != nil {
		return errorJSON(ErrorParams, err.Error(), nil)
	}
	b, _ := res.MarshalJSON() // the results' MarshalJSON cannot fail
	return b
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
