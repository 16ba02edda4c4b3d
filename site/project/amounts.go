package project

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/regelgids/regelgids/calculators"
	"github.com/regelgids/regelgids/calculators/params"
	"github.com/regelgids/regelgids/calculators/params/values"
	"github.com/regelgids/regelgids/internal/diag"
	"github.com/regelgids/regelgids/site/legal"
	"github.com/regelgids/regelgids/site/ordinance"
)

// checkAmounts compares every parameter that cites an article of this
// ordinance with what that article says, for the values in force when the
// ordinance took effect. A mismatch means the data file and the published
// text disagree, and the build stops. A parameter file names no line for
// a citation (the message is about the file), the ordinance the line of
// the lid; the problems are sorted by file and line.
func (p *Project) checkAmounts() error {
	doc := p.Ordinance()
	effective := doc.Metadata.InForce
	if effective == "" {
		effective = doc.Metadata.RetroactiveFrom
	}
	date, err := params.ParseDate(effective)
	if err != nil {
		return nil // no date to compare at: nothing to check
	}
	var problems diag.List
	for _, prm := range p.Params.Params() {
		src := prm.Source
		if src.Article == "" {
			continue
		}
		a := doc.Article(src.Article)
		if a == nil {
			problems.Add(diag.Diagnostic{File: ParametersFile, Message: fmt.Sprintf("%s cites artikel %s, which %s does not have", prm.Name, src.Article, p.Meta.Text)})
			continue
		}
		text, line := citedText(a, src.Paragraph)
		if line == 0 {
			problems.Add(diag.Diagnostic{File: ParametersFile, Message: fmt.Sprintf("%s cites artikel %s lid %s, which does not exist", prm.Name, src.Article, src.Paragraph)})
			continue
		}
		v, ok := valueAt(prm, date)
		if !ok {
			continue // the parameter starts later than the ordinance
		}
		found := quantities(text, prm.Unit)
		if found == nil {
			continue // the article states no number of this unit (e.g. a rule in words)
		}
		if !containsDecimal(found, v) {
			problems.Errorf(p.Meta.Text, line, "artikel %s %s says %s, but %s gives %s = %s on %s",
				src.Article, lidName(src.Paragraph), strings.Join(formatAll(found), " / "), ParametersFile, prm.Name, v.String(), date)
		}
	}
	if problems.Len() > 0 {
		problems.Sort()
		return fmt.Errorf("the amounts in %s disagree with the ordinance:\n%w", ParametersFile, &problems)
	}
	return nil
}

func lidName(paragraph string) string {
	switch paragraph {
	case "":
		return ""
	case "toelichting":
		return "(toelichting)"
	}
	return "lid " + paragraph
}

// citedText returns the text a source cites and its line.
func citedText(a *ordinance.Article, paragraph string) (string, int) {
	switch paragraph {
	case "toelichting":
		return a.Explanation, a.ExplanationLine
	case "":
		var parts []string
		for _, q := range a.Paragraphs {
			parts = append(parts, paragraphText(q))
		}
		return strings.Join(parts, " "), a.Line
	}
	q := a.Paragraph(paragraph)
	if q == nil {
		return "", 0
	}
	return paragraphText(*q), q.Line
}

func paragraphText(q ordinance.Paragraph) string {
	parts := []string{q.Text}
	for _, it := range q.Items {
		parts = append(parts, it.Text)
	}
	return strings.Join(append(parts, q.Tail), " ")
}

// legalUnits are the units of the parameter file that the ordinance
// writes as amounts (legal.Amounts): "€ 1.050,00", "700 euro"; "12
// maanden", "3 jaar"; "50 procent".
var legalUnits = map[string]legal.Unit{
	values.UnitEUR:     legal.Euro,
	values.UnitMonths:  legal.Months,
	values.UnitYears:   legal.Years,
	values.UnitPercent: legal.Percent,
}

// quantities finds the numbers of a unit in text; nil when there are none.
func quantities(text, unit string) []decimal.Decimal {
	want, ok := legalUnits[unit]
	if !ok {
		return nil
	}
	var out []decimal.Decimal
	for _, a := range legal.Amounts(text) {
		if a.Unit == want {
			out = append(out, a.Value)
		}
	}
	return out
}

func containsDecimal(ds []decimal.Decimal, v decimal.Decimal) bool {
	for _, d := range ds {
		if d.Equal(v) {
			return true
		}
	}
	return false
}

func formatAll(ds []decimal.Decimal) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.String()
	}
	return out
}

func valueAt(prm params.Param, d params.Date) (decimal.Decimal, bool) {
	var v decimal.Decimal
	ok := false
	for _, x := range prm.Values {
		if !d.Before(x.From) {
			v, ok = x.Value, true
		}
	}
	return v, ok
}

func calculatorExists(name string) bool {
	for _, n := range calculators.Names() {
		if n == name {
			return true
		}
	}
	return false
}
