package calculators

import (
	"errors"
	"strings"

	"github.com/regelgids/regelgids/calculators/params"
)

// calculator ties a name to the JSON form of its input.
type calculator struct {
	name string
	// parse decodes and checks a JSON input. It returns the date to pick
	// parameters for and the computation, or an *InputError.
	parse    func(input []byte) (params.Date, func(params.Set) (Result, error), error)
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
	return nil, errors.New("onbekende rekenhulp \"" + name + "\"; kies uit " + strings.Join(Names(), ", "))
}

// Run decodes a JSON input strictly, checks it and computes the named
// calculator with the given parameter set. A wrong input gives an
// *InputError that lists every wrong field; a set that lacks a value gives
// a *ParamError; a set made for another date gives an *InputError on "date".
func Run(name string, input []byte, set params.Set) (Result, error) {
	c, err := find(name)
	if err != nil {
		return nil, err
	}
	_, run, err := c.parse(input)
	if err != nil {
		return nil, err
	}
	return run(set)
}

// RunTable is Run with the parameters in force on the input's date.
func RunTable(name string, input []byte, t *params.Table) (Result, error) {
	c, err := find(name)
	if err != nil {
		return nil, err
	}
	date, run, err := c.parse(input)
	if err != nil {
		return nil, err
	}
	set, err := t.At(date)
	if err != nil {
		return nil, err
	}
	return run(set)
}

// runner wraps a typed computation for the registry, taking care that a nil
// result becomes a nil Result rather than a typed nil.
func runner[I any, R Result](in I, calc func(I, params.Set) (R, error)) func(params.Set) (Result, error) {
	return func(set params.Set) (Result, error) {
		r, err := calc(in, set)
		if err != nil {
			return nil, err
		}
		return r, nil
	}
}
