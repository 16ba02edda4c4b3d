package project_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/regelgids/regelgids/calculators"
	"github.com/regelgids/regelgids/content"
	"github.com/regelgids/regelgids/site/project"
)

// TestCalculatorsFile: content/eemsdelta/calculators.yaml publishes every
// rule, in its order, with {param: …} citations resolved to the parameter's
// source.
func TestCalculatorsFile(t *testing.T) {
	p, err := project.Load(content.Default(), testDate)
	if err != nil {
		t.Fatal(err)
	}
	b := p.Calculators
	if b == nil || strings.Join(b.Names(), ",") != strings.Join(calculators.Names(), ",") {
		t.Fatalf("published: %v", b)
	}
	if b.Effective.Date.String() != "2024-07-01" || b.Effective.Cite != (calculators.Cite{Article: "23", Paragraph: "1"}) {
		t.Errorf("effective: %+v", b.Effective)
	}
	c, _ := b.Calculator("uitstroompremie")
	if c.Article != "17" || c.Cites["maximum"] != (calculators.Cite{Article: "17", Paragraph: "3"}) || c.Cites["minimum_age"] != (calculators.Cite{Article: "17", Paragraph: "toelichting"}) {
		t.Errorf("uitstroompremie: %+v", c)
	}
	if !p.Publishes("participatiepremie") || p.Publishes("bestaat-niet") {
		t.Error("Publishes")
	}
}

// TestNoCalculatorsFile: a content folder without calculators.yaml
// publishes no calculators, so a guide that links to one is refused
// (testdata/minimal shows a folder without either).
func TestNoCalculatorsFile(t *testing.T) {
	fsys := copyFS(t, content.Default())
	delete(fsys, project.CalculatorsFile)
	_, err := project.Load(fsys, testDate)
	if err == nil || !strings.Contains(err.Error(), `gidsen/nl/uitstroompremie.md:1: front matter: calculator "uitstroompremie" is not published (calculators.yaml names the calculators of this site)`) || strings.Contains(err.Error(), "link") {
		t.Errorf("error = %v", err)
	}
}

// TestCalculatorsFileErrors: every problem of calculators.yaml stops the
// build with its line, and all problems of the file are reported at once.
func TestCalculatorsFileErrors(t *testing.T) {
	const head = `effective: {date: 2024-07-01, article: "23", paragraph: "1"}
calculators:
`
	const arb = `  loonkostensubsidie-arbeidsbeperking:
    article: "12"
    cites:
`
	const good = head + arb + `      eligibility: {article: "12", paragraph: "1"}
`
	for _, tc := range []struct{ name, file, want string }{
		{"unknown rule", head + `  bestaat-niet:
    article: "12"
`, `calculators.yaml:3: no calculator "bestaat-niet"; the rules are uitstroompremie, participatiepremie, loonkostensubsidie-kwetsbaar, loonkostensubsidie-arbeidsbeperking`},
		{"unknown reason key", head + arb + `      eligibility: {article: "12", paragraph: "1"}
      eligible: {article: "12", paragraph: "1"}
`, `calculators.yaml:7: loonkostensubsidie-arbeidsbeperking has no reason "eligible"; its reasons are eligibility`},
		{"missing reason key", head + arb + `      {}
`, `calculators.yaml:6: loonkostensubsidie-arbeidsbeperking: no citation for reason eligibility (the subsidy is for someone who, by an arbeidsbeperking, cannot earn the minimum wage)`},
		{"missing cites", head + `  loonkostensubsidie-arbeidsbeperking:
    article: "12"
`, `calculators.yaml:3: loonkostensubsidie-arbeidsbeperking: cites is missing: the article and lid of each reason (eligibility)`},
		{"lid that does not exist", head + arb + `      eligibility: {article: "12", paragraph: "9"}
`, `calculators.yaml:6: loonkostensubsidie-arbeidsbeperking.eligibility cites artikel 12 lid 9, which verordening.txt does not have`},
		{"article that does not exist", head + `  loonkostensubsidie-arbeidsbeperking:
    article: "99"
    cites:
      eligibility: {article: "99"}
`, "calculators.yaml:4: loonkostensubsidie-arbeidsbeperking computes artikel 99, which verordening.txt does not have\n" +
			"calculators.yaml:6: loonkostensubsidie-arbeidsbeperking.eligibility cites artikel 99, which verordening.txt does not have"},
		{"effective lid that does not exist", `effective: {date: 2024-07-01, article: "23", paragraph: "3"}
calculators: {}
`, `calculators.yaml:1: effective cites artikel 23 lid 3, which verordening.txt does not have`},
		{"bad date", `effective: {date: 2024-13-01, article: "23", paragraph: "1"}
calculators: {}
`, `calculators.yaml:1: effective: date "2024-13-01" is not a date; write it as YYYY-MM-DD, such as 2024-07-01`},
		{"no effective date", `calculators: {}
`, `calculators.yaml:1: effective is missing: the day the ordinance took effect, with its article, such as effective: {date: 2024-07-01, article: "23", paragraph: "1"}`},
		{"unknown key", good + `calculator: {}
`, `calculators.yaml:7: the file: unknown key "calculator" (the keys are effective, calculators)`},
		{"rule twice", good + arb + `      eligibility: {article: "12", paragraph: "1"}
`, `calculators.yaml:7: calculators: loonkostensubsidie-arbeidsbeperking appears twice`},
		{"unknown parameter", head + arb + `      eligibility: {param: loonkostensubsidie.bestaat_niet}
`, `calculators.yaml:6: loonkostensubsidie-arbeidsbeperking.eligibility: no parameter "loonkostensubsidie.bestaat_niet" in parameters.yaml`},
		{"parameter from other law", head + arb + `      eligibility: {param: minimumloon.per_uur}
`, `calculators.yaml:6: loonkostensubsidie-arbeidsbeperking.eligibility: parameter minimumloon.per_uur comes from Wet minimumloon en minimumvakantiebijslag art. 8 en 14, not from the ordinance; cite the article instead`},
		{"article and parameter", head + arb + `      eligibility: {article: "12", param: loonkostensubsidie.werkgeverslasten}
`, `calculators.yaml:6: loonkostensubsidie-arbeidsbeperking.eligibility: give either article (and paragraph) or param, not both`},
		{"not YAML", head + arb + `      eligibility: {article: "12"
`, `calculators.yaml:6: did not find expected ',' or '}'`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := copyFS(t, content.Default())
			fsys[project.CalculatorsFile] = &fstest.MapFile{Data: []byte(tc.file)}
			_, err := project.Load(fsys, testDate)
			if err == nil || err.Error() != tc.want {
				t.Errorf("got\n%v\nwant\n%s", err, tc.want)
			}
		})
	}
	// The good file loads, and publishes only what it names: the guides
	// that link to the other calculators are refused, that one is not.
	fsys := copyFS(t, content.Default())
	fsys[project.CalculatorsFile] = &fstest.MapFile{Data: []byte(good)}
	_, err := project.Load(fsys, testDate)
	if err == nil || !strings.Contains(err.Error(), `calculator "uitstroompremie" is not published`) || strings.Contains(err.Error(), `"loonkostensubsidie-arbeidsbeperking"`) {
		t.Errorf("error = %v", err)
	}
}
