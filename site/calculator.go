package site

import (
	"bytes"
	"fmt"
	"sort"

	"github.com/regelgids/regelgids/site/project"

	"github.com/regelgids/regelgids/calculators"
	"github.com/regelgids/regelgids/calculators/params/values"
)

// AmountsFile is what the browser calculators need besides the module: the
// parameter sets, one per period in which all amounts are the same, so a
// date anywhere since the ordinance took effect finds its amounts, and the
// binding (the effective date and the article and lid of every reason):
//
//	{"sets": [set, …], "binding": {"effective": …, "calculators": …}}
//
// A new year or another municipality is new data, not a new module.
const AmountsFile = "rekenhulp/bedragen.json"

// Calculator is one calculator as the site shows it. Its form is built
// from the rule's schema: Fields, in the order a resident answers (less
// those whose parameter the site lacks, Rule.FieldsFor); the
// labels and hints are interface texts "calc_NAME_FIELD" and
// "calc_NAME_FIELD_hint", a choice's label "calc_NAME_FIELD_CHOICE".
type Calculator struct {
	Name     string
	Article  string // the article it computes, from calculators.yaml
	Fields   []calculators.Field
	Examples []ExampleRow
}

// ExampleRow is one typical case computed at build time by the rule
// package, for readers without JavaScript.
type ExampleRow struct {
	Label    string
	Eligible bool
	Amount   string // formatted as the reasons format amounts, "" when there is none
	// AmountLabel says what Amount is: "Hoogstens in totaal", "Premie", …
	AmountLabel string
	Reasons     []calculators.Reason
}

// calculatorsFor lists the calculators the site publishes, in the order of
// calculators.yaml, with their examples computed with the amounts in force
// on the project's date.
func calculatorsFor(p *project.Project, lang string) ([]Calculator, error) {
	b := p.Calculators
	if b == nil {
		return nil, nil
	}
	date := p.Date
	if date.Before(b.Effective.Date) {
		date = b.Effective.Date
	}
	var out []Calculator
	for _, bc := range b.Calculators {
		r := calculators.Lookup(bc.Rule)
		c := Calculator{Name: r.Name, Article: bc.Article, Fields: r.FieldsFor(p.Amount)}
		for _, ex := range r.Examples {
			res, err := b.Run(c.Name, withLang(ex.WithDate(date), lang), p.Amount)
			if err != nil {
				return nil, fmt.Errorf("calculator %s, example %q: %w", c.Name, ex.Label[lang], err)
			}
			s := res.Summary()
			row := ExampleRow{Label: ex.Label[lang], Eligible: s.Eligible, Reasons: s.Reasons}
			// No subsidy, no amount: the outcome sentence says it all.
			if s.Eligible {
				row.Amount = calculators.FormatEuro(s.Amount, lang)
				row.AmountLabel = s.AmountLabel
			}
			c.Examples = append(c.Examples, row)
		}
		out = append(out, c)
	}
	return out, nil
}

// amountsJSON writes AmountsFile: every distinct parameter set since the
// ordinance took effect, oldest first, and the binding.
func amountsJSON(p *project.Project) ([]byte, error) {
	b := p.Calculators
	if b == nil {
		// Nothing published: the pages do not load the module.
		return []byte("{\"sets\":[]}\n"), nil
	}
	eff := b.Effective.Date
	seen := map[values.Date]bool{eff: true}
	dates := []values.Date{eff}
	for _, prm := range p.Params.Params() {
		for _, v := range prm.Values {
			if eff.Before(v.From) && !seen[v.From] {
				seen[v.From] = true
				dates = append(dates, v.From)
			}
		}
	}
	sort.Slice(dates, func(i, j int) bool { return dates[i].Before(dates[j]) })
	var out bytes.Buffer
	out.WriteString(`{"sets":[`)
	for i, d := range dates {
		set, err := p.Params.At(d)
		if err != nil {
			return nil, err
		}
		j, err := set.MarshalJSON()
		if err != nil {
			return nil, err
		}
		if i > 0 {
			out.WriteByte(',')
		}
		out.Write(j)
	}
	bj, err := b.MarshalJSON()
	if err != nil {
		return nil, err
	}
	out.WriteString(`],"binding":`)
	out.Write(bj)
	out.WriteString("}\n")
	return out.Bytes(), nil
}

// withLang adds "lang" to a JSON input object, so reasons come in the
// page's language.
func withLang(input []byte, lang string) []byte {
	input = bytes.TrimSpace(input)
	if len(input) < 2 || input[len(input)-1] != '}' {
		return input
	}
	sep := ","
	if len(bytes.TrimSpace(input[1:len(input)-1])) == 0 {
		sep = ""
	}
	out := append([]byte{}, input[:len(input)-1]...)
	return append(out, sep+`"lang":"`+lang+`"}`...)
}
