package ordinance

import (
	"os"
	"strings"
	"testing"
)

func TestTranslateEnglish(t *testing.T) {
	nl := parseFile(t, eemsdelta)
	src, err := os.ReadFile("../../content/eemsdelta/vertaling/en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	en, err := Translate(nl, "vertaling/en.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	if len(en.Articles()) != 24 || en.Article("6").Paragraph("5") == nil || en.Article("1").Paragraphs[0].Items[9].Label != "j" {
		t.Fatal("structure not kept")
	}
	if !strings.Contains(en.Article("17").Paragraph("1").Text, "600") || strings.Contains(en.Article("17").Paragraph("1").Text, "uitkering heeft gehad") {
		t.Errorf("article 17 lid 1 = %q", en.Article("17").Paragraph("1").Text)
	}
	if en.Signature.Signatories[0].Name != "Ben Visser" || en.Metadata != nl.Metadata {
		t.Error("names or metadata changed")
	}
	// The original is untouched.
	if nl.Article("6").Title != "Participatieplaats" {
		t.Error("Translate changed the original")
	}
}

func TestTranslateErrors(t *testing.T) {
	nl, _, err := Parse("test.txt", []byte("X\nHoofdstuk 1. A\nArtikel 1. A\n  • 1.\n    Aanhef:\n    • a.\n      een;\n  • 2.\n    Twee.\nArtikel 2. B\nTekst.\nToelichting\nAlgemeen\nUitleg.\nArtikelsgewijze toelichting\nArtikel 1. A\nDoelgroep\nUitleg.\n"))
	if err != nil {
		t.Fatal(err)
	}
	good := `title: "X"
chapters:
  - {number: "1", title: "A", intro: ""}
articles:
  - number: "1"
    title: "A"
    paragraphs:
      - {text: "Opening:", items: ["one;"]}
      - {text: "Two."}
    explanation_title: "A"
    explanation:
      - heading: "Target group"
      - "Explanation."
  - number: "2"
    title: "B"
    paragraphs:
      - {text: "Text."}
general_explanation:
  - "Explanation."
signature: {text: ""}
`
	if _, err := Translate(nl, "en.yaml", []byte(good)); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ name, src, want string }{
		{"article missing", strings.Split(good, "  - number: \"2\"")[0] + "general_explanation:\n  - \"E.\"\n", "en.yaml:1: article 2 is missing"},
		{"item missing", strings.Replace(good, `items: ["one;"]`, `items: []`, 1), "en.yaml:5: article 1 lid 1 has 0 items; the original has 1 onderdelen"},
		{"block kind", strings.Replace(good, `- heading: "Target group"`, `- "Target group"`, 1), "en.yaml:12: article 1 explanation: block 1 is a paragraph; the original has a heading"},
		{"wrong number", strings.Replace(good, `number: "2"`, `number: "3"`, 1), `en.yaml:14: article number "3" where the original has article 2`},
		{"unknown key", strings.Replace(good, "title: \"X\"", "titel: \"X\"", 1), "en.yaml:1: unknown key titel"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Translate(nl, "en.yaml", []byte(c.src))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error:\n%v\nwant: %s", err, c.want)
			}
		})
	}
}
