package site

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/regelgids/regelgids/calculators"
	"github.com/regelgids/regelgids/calculators/params"
	"github.com/regelgids/regelgids/calculators/params/values"
	"github.com/regelgids/regelgids/site/ordinance"
)

// Amounts as the ordinance writes them: "€ 1.050,00", "€ 700,00 euro",
// "700 euro"; durations and ages: "12 maanden", "3 jaar"; "50 procent".
var (
	reEuro     = regexp.MustCompile(`€\s?(\d{1,3}(?:\.\d{3})*(?:,\d{2})?)|(\d+(?:,\d{2})?) euro`)
	reQuantity = regexp.MustCompile(`(\d+) (maanden|maand|jaar|procent)\b`)
)

// checkAmounts compares every parameter that cites an article of this
// ordinance with what that article says, for the values in force when the
// ordinance took effect. A mismatch means the data file and the published
// text disagree, and the build stops.
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
	var problems []string
	for _, prm := range p.Params.Params() {
		src := prm.Source
		if src.Article == "" {
			continue
		}
		a := doc.Article(src.Article)
		if a == nil {
			problems = append(problems, fmt.Sprintf("%s: %s cites artikel %s, which %s does not have", ParametersFile, prm.Name, src.Article, p.Meta.Text))
			continue
		}
		text, line := citedText(a, src.Paragraph)
		if line == 0 {
			problems = append(problems, fmt.Sprintf("%s: %s cites artikel %s lid %s, which does not exist", ParametersFile, prm.Name, src.Article, src.Paragraph))
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
			problems = append(problems, fmt.Sprintf("%s:%d: artikel %s %s says %s, but %s gives %s = %s on %s",
				p.Meta.Text, line, src.Article, lidName(src.Paragraph), strings.Join(formatAll(found), " / "), ParametersFile, prm.Name, v.String(), date))
		}
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		return fmt.Errorf("the amounts in %s disagree with the ordinance:\n%s", ParametersFile, strings.Join(problems, "\n"))
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

// quantities finds the numbers of a unit in text; nil when there are none.
func quantities(text, unit string) []decimal.Decimal {
	var out []decimal.Decimal
	switch unit {
	case values.UnitEUR:
		for _, m := range reEuro.FindAllStringSubmatch(text, -1) {
			s := m[1] + m[2]
			s = strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", ".")
			if d, err := decimal.NewFromString(s); err == nil {
				out = append(out, d)
			}
		}
	case values.UnitMonths, values.UnitYears, values.UnitPercent:
		word := map[string][]string{values.UnitMonths: {"maanden", "maand"}, values.UnitYears: {"jaar"}, values.UnitPercent: {"procent"}}[unit]
		for _, m := range reQuantity.FindAllStringSubmatch(text, -1) {
			for _, w := range word {
				if m[2] == w {
					out = append(out, decimal.RequireFromString(m[1]))
				}
			}
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
