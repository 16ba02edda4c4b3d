package site

import (
	"bytes"
	"fmt"
	"sort"

	"github.com/shopspring/decimal"

	"github.com/regelgids/regelgids/calculators"
	"github.com/regelgids/regelgids/calculators/params"
	"github.com/regelgids/regelgids/calculators/params/values"
)

// AmountsFile holds the parameter sets the browser calculators use: one per
// period in which all amounts are the same, so a date anywhere since the
// ordinance took effect finds its amounts. A new year is new data, not a new
// module.
const AmountsFile = "rekenhulp/bedragen.json"

// Field is one input of a calculator form. Name is the JSON field of the
// calculator's input; labels and hints are interface texts
// "calc_NAME_FIELD" and "calc_NAME_FIELD_hint".
type Field struct {
	Name     string
	Kind     string // date, int, number, money, percent, bool, choice
	Choices  []string
	Optional bool
}

// Calculator is one calculator as the site shows it.
type Calculator struct {
	Name     string
	Article  string // the article it computes
	Fields   []Field
	Examples []ExampleRow
}

// ExampleRow is one typical case computed at build time by the rule
// package, for readers without JavaScript.
type ExampleRow struct {
	Label    string
	Eligible bool
	Amount   string // formatted, "" when there is none
	Reasons  []calculators.Reason
}

// calculatorForms lists the inputs of each calculator in the order a
// resident answers them. A test checks them against the rule package's
// input schema, so form and rules cannot drift apart.
var calculatorForms = []Calculator{
	{Name: "uitstroompremie", Article: "17", Fields: []Field{
		{Name: "date", Kind: "date"},
		{Name: "age", Kind: "int"},
		{Name: "months_on_benefit", Kind: "int"},
		{Name: "exit", Kind: "choice", Choices: []string{"full", "partial"}},
		{Name: "monthly_income", Kind: "money", Optional: true},
		{Name: "already_received", Kind: "money", Optional: true},
		{Name: "loonkostensubsidie_target_group", Kind: "bool", Optional: true},
		{Name: "self_employed_bbz", Kind: "bool", Optional: true},
	}},
	{Name: "participatiepremie", Article: "6", Fields: []Field{
		{Name: "date", Kind: "date"},
		{Name: "age", Kind: "int"},
		{Name: "receives_algemene_bijstand", Kind: "bool"},
		{Name: "months_in_placement", Kind: "int"},
		{Name: "extended", Kind: "bool", Optional: true},
		{Name: "sufficient_cooperation", Kind: "bool"},
		{Name: "continuation_granted", Kind: "bool", Optional: true},
		{Name: "continuation_months", Kind: "int", Optional: true},
	}},
	{Name: "loonkostensubsidie-kwetsbaar", Article: "11", Fields: []Field{
		{Name: "date", Kind: "date"},
		{Name: "monthly_wage_costs", Kind: "money"},
		{Name: "months_without_paid_work", Kind: "int"},
		{Name: "has_start_qualification", Kind: "bool"},
		{Name: "age", Kind: "int"},
		{Name: "single_parent", Kind: "bool"},
	}},
	{Name: "loonkostensubsidie-arbeidsbeperking", Article: "12", Fields: []Field{
		{Name: "date", Kind: "date"},
		{Name: "hours_per_week", Kind: "number"},
		{Name: "loonwaarde_percent", Kind: "percent"},
		{Name: "hourly_wage", Kind: "money"},
	}},
}

// CalculatorFields returns the input names the form of a calculator asks.
func CalculatorFields(name string) []string {
	for _, c := range calculatorForms {
		if c.Name == name {
			names := make([]string, len(c.Fields))
			for i, f := range c.Fields {
				names[i] = f.Name
			}
			return names
		}
	}
	return nil
}

// calculatorsFor computes the example tables of every calculator with the
// amounts in force on the project's date.
func (p *Project) calculatorsFor(lang string) ([]Calculator, error) {
	date := p.Date
	if date.Before(calculators.EffectiveDate) {
		date = calculators.EffectiveDate
	}
	var out []Calculator
	for _, c := range calculatorForms {
		c.Examples = nil
		for _, ex := range calculators.Examples(c.Name) {
			res, err := calculators.Run(c.Name, withLang(ex.WithDate(date), lang), p.Amount)
			if err != nil {
				return nil, fmt.Errorf("calculator %s, example %q: %w", c.Name, ex.Label[lang], err)
			}
			s := res.Summary()
			row := ExampleRow{Label: ex.Label[lang], Eligible: s.Eligible, Reasons: s.Reasons}
			if s.Eligible || !decimal.Decimal(s.Amount).IsZero() {
				row.Amount = FormatValue(values.SetValue{Value: decimal.Decimal(s.Amount), Unit: values.UnitEUR}, lang)
			}
			c.Examples = append(c.Examples, row)
		}
		out = append(out, c)
	}
	return out, nil
}

// amountsJSON writes every distinct parameter set since the ordinance took
// effect: {"sets": [set, …]} oldest first.
func amountsJSON(t *params.Table) ([]byte, error) {
	seen := map[values.Date]bool{calculators.EffectiveDate: true}
	dates := []values.Date{calculators.EffectiveDate}
	for _, prm := range t.Params() {
		for _, v := range prm.Values {
			if calculators.EffectiveDate.Before(v.From) && !seen[v.From] {
				seen[v.From] = true
				dates = append(dates, v.From)
			}
		}
	}
	sort.Slice(dates, func(i, j int) bool { return dates[i].Before(dates[j]) })
	var b bytes.Buffer
	b.WriteString(`{"sets":[`)
	for i, d := range dates {
		set, err := t.At(d)
		if err != nil {
			return nil, err
		}
		j, err := set.MarshalJSON()
		if err != nil {
			return nil, err
		}
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(j)
	}
	b.WriteString("]}\n")
	return b.Bytes(), nil
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
