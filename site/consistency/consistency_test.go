package consistency

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/regelgids/regelgids/internal/golden"
	"github.com/regelgids/regelgids/site/ordinance"
)

const eemsdelta = "../../content/eemsdelta/verordening.txt"

func parse(t testing.TB, name string, src string) *ordinance.Ordinance {
	t.Helper()
	doc, _, err := ordinance.Parse(name, []byte(src))
	if err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	return doc
}

// TestEemsdeltaGolden pins the findings on the published ordinance, each
// reviewed by hand against /work/tools/consistency-notes.md: a change
// shows up as a diff of testdata/eemsdelta.golden.
func TestEemsdeltaGolden(t *testing.T) {
	src, err := os.ReadFile(eemsdelta)
	if err != nil {
		t.Fatal(err)
	}
	findings := Check(parse(t, "verordening.txt", string(src)))
	got, err := json.MarshalIndent(findings, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden.Check(t, "eemsdelta.golden", got)

	lines := strings.Split(string(src), "\n")
	for _, f := range findings {
		checkQuote(t, f, "regeling", f.Regeling, lines)
		checkQuote(t, f, "toelichting", f.Toelichting, lines)
	}

	// What a reader found (consistency-notes.md) and the brief names.
	must := []string{
		"title 16", "title 24",
		"amount 6 € 2.100", "amount 8 minimaal 6 maanden",
		"date 23 1 september 2024",
		"reference 19 artikel 18", "reference 19 artikel 10d", "reference 6 lid 5", "reference 3 derde lid",
		"term 11 uiterst kwetsbare", "term 15 opleidingsplaats", "term 16 opleidingsplaats",
		"term 6 recht op", "term 14 zorgt voor", "term 16 zorgt voor",
	}
	for _, m := range must {
		kind, rest, _ := strings.Cut(m, " ")
		article, text, _ := strings.Cut(rest, " ")
		found := false
		for _, f := range findings {
			found = found || f.Kind == kind && f.Article == article && strings.Contains(f.Message, text)
		}
		if !found {
			t.Errorf("no %s finding on article %s about %q", kind, article, text)
		}
	}
	for _, f := range findings {
		if f.Article == "17" && f.Kind == "amount" {
			t.Errorf("article 17 names the same amounts on both sides; got %s", f.Message)
		}
	}
}

// checkQuote requires a quote to be on its line: the toelichting sentence
// on the very line, the regeling text on the line of its lid or onderdeel
// or the line with the text under a "• 1." marker.
func checkQuote(t *testing.T, f Finding, side string, q Quote, lines []string) {
	t.Helper()
	if q.Line < 1 || q.Line > len(lines) || q.Text == "" || q.Article == "" {
		t.Errorf("%s finding on %s: %s quote %+v has no text, article or line", f.Kind, f.Article, side, q)
		return
	}
	head := q.Text
	if len(head) > 40 {
		head = head[:40]
	}
	for i := q.Line - 1; i < len(lines) && i <= q.Line+1; i++ {
		if strings.Contains(strings.Join(strings.Fields(lines[i]), " "), head) {
			return
		}
	}
	t.Errorf("%s finding on %s: %s quote %q is not at line %d", f.Kind, f.Article, side, head, q.Line)
}

// doc writes a small ordinance in the published layout.
func doc(regeling, toelichting string) string {
	var b strings.Builder
	b.WriteString("Testverordening\n\nGeldend van 01-01-2025 t/m heden\n\n")
	b.WriteString("Artikel 1. Begrippen\n\n  • 1.\n\n    In deze verordening wordt verstaan onder:\n\n    • a.\n\n      inwoner: persoon uit de doelgroep;\n\n    • b.\n\n      werkplek: de werkplek bij de werkgever of de proefplaats.\n\n")
	b.WriteString(regeling)
	b.WriteString("\nToelichting\n\nAlgemeen\n\nDeze verordening regelt de premie.\n\nArtikelsgewijze toelichting\n\n")
	b.WriteString(toelichting)
	return b.String()
}

// article writes "Artikel n. title" with numbered leden.
func article(n, title string, leden ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Artikel %s. %s\n\n", n, title)
	for i, l := range leden {
		fmt.Fprintf(&b, "  • %d.\n\n    %s\n\n", i+1, l)
	}
	return b.String()
}

func note(n, title string, paragraphs ...string) string {
	return fmt.Sprintf("Artikel %s. %s\n\n%s\n\n", n, title, strings.Join(paragraphs, "\n\n"))
}

func TestCheckKinds(t *testing.T) {
	premie := article("2", "Premie",
		"De inwoner ontvangt na iedere 6 maanden een premie van € 500,00.",
		"De gemeente indexeert de premie jaarlijks.",
		"De premie wordt ambtshalve toegekend.")
	werking := article("2", "Inwerkingtreding", "Deze verordening treedt in werking op 1 januari 2025.")
	tests := []struct {
		name       string
		regeling   string
		toelicht   string
		kind, want string // want "" means no finding
	}{
		{"amount: other sum", premie, note("2", "Premie", "De inwoner krijgt een premie van € 600 (lid 1)."), "amount", "dat bedrag staat niet in de regeling"},
		{"amount: other period", premie, note("2", "Premie", "De premie is € 500 per jaar (lid 1)."), "amount", "hetzelfde bedrag per 6 maanden"},
		{"amount: same", premie, note("2", "Premie", "De inwoner krijgt iedere 6 maanden € 500,00 (lid 1)."), "amount", ""},
		{"duration: minimum", article("2", "Proef", "De werkgever biedt een arbeidsovereenkomst van 6 maanden aan."), note("2", "Proef", "De werkgever biedt een contract van minimaal 6 maanden."), "amount", "de regeling noemt geen minimum"},
		{"duration: period", article("2", "Premie", "De inwoner krijgt een premie na een aaneengesloten periode van 3 jaar een uitkering."), note("2", "Premie", "De inwoner moet minimaal 3 jaar een uitkering hebben gehad."), "amount", ""},
		{"date: other", werking, note("2", "Inwerkingtreding", "Deze verordening treedt in werking op 1 maart 2025."), "date", "De toelichting noemt 1 maart 2025, lid 1 van artikel 2 noemt 1 januari 2025."},
		{"date: same", werking, note("2", "Inwerkingtreding", "Deze verordening treedt in werking op 1 januari 2025."), "date", ""},
		{"reference: no such lid", premie, note("2", "Premie", "De premie wordt jaarlijks aangepast (lid 5)."), "reference", "dat artikel heeft geen lid 5"},
		{"reference: no such article", premie, note("2", "Premie", "De premie volgt uit artikel 9 en wordt ambtshalve toegekend."), "reference", "deze verordening heeft geen artikel 9"},
		{"reference: the wet", premie, note("2", "Premie", "De premie volgt uit artikel 9 van de wet."), "reference", ""},
		{"reference: wrong lid", premie, note("2", "Premie", "De premie wordt ambtshalve toegekend, de inwoner hoeft niets aan te vragen (lid 2)."), "reference", "past beter bij lid 3 van artikel 2"},
		{"reference: right lid", premie, note("2", "Premie", "De premie wordt ambtshalve toegekend, de inwoner hoeft niets aan te vragen (lid 3)."), "reference", ""},
		{"title: other", premie, note("2", "Premies"), "title", `in de regeling "Premie" en in de toelichting "Premies"`},
		{"title: separator only", premie, "Artikel 2: Premie\n\nDe premie.\n\n", "title", ""},
		{"term: intensified", article("2", "Subsidie", "De gemeente geeft subsidie voor een kwetsbare of zeer kwetsbare werknemer.", "Een werknemer is kwetsbaar als hij lang geen werk had."), note("2", "Subsidie", "Ook voor een zeer kwetsbare werknemer is er subsidie."), "term", `gebruikt "zeer kwetsbare"`},
		{"term: other pair", article("2", "Vervoer", "De gemeente kan vervoer naar de werkplek of opleidingsplaats vergoeden."), note("2", "Vervoer", "Het gaat om vervoer naar de werkplek of proefplaats."), "term", `de toelichting van "werkplek of proefplaats"`},
		{"term: may or must", article("2", "Vervoer", "De gemeente kan een vervoersvoorziening aanbieden aan een inwoner die niet zelf kan reizen."), note("2", "Vervoer", "De gemeente zorgt voor een vervoersvoorziening voor een inwoner die niet zelf kan reizen."), "term", `zegt "De gemeente kan"`},
		{"term: must and must", article("2", "Vervoer", "De gemeente zorgt voor een vervoersvoorziening voor een inwoner die niet zelf kan reizen."), note("2", "Vervoer", "De gemeente zorgt voor een vervoersvoorziening voor een inwoner die niet zelf kan reizen."), "term", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := doc(tt.regeling, tt.toelicht)
			findings := Check(parse(t, "test.txt", src))
			lines := strings.Split(src, "\n")
			var got []Finding
			for _, f := range findings {
				if f.Kind == tt.kind {
					got = append(got, f)
				}
				checkQuote(t, f, "regeling", f.Regeling, lines)
				checkQuote(t, f, "toelichting", f.Toelichting, lines)
			}
			switch {
			case tt.want == "" && len(got) > 0:
				t.Errorf("want no %s finding, got %q", tt.kind, got[0].Message)
			case tt.want != "" && len(got) != 1:
				t.Errorf("want one %s finding about %q, got %d: %+v", tt.kind, tt.want, len(got), got)
			case tt.want != "" && !strings.Contains(got[0].Message, tt.want):
				t.Errorf("message %q does not say %q", got[0].Message, tt.want)
			}
		})
	}
}

func TestRefsIn(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"In artikel 18 is dit herhaald.", "18:[]"},
		{"In artikel 10d lid 2 is geregeld dat.", "10d:[2]"},
		{"Dit staat in artikel 10, vijfde lid van de wet.", ""},
		{"(zie ook artikel 8a onderdeel e, van de wet)", ""},
		{"(artikel 31, tweede lid, onderdeel j en vijfde lid van de wet)", ""},
		{"Het werk leidt niet tot verdringing (lid 5).", ":[5]"},
		{"binnen de kaders (lid 3 en 4).", ":[3 4]"},
		{"Dat is vastgelegd in het derde lid.", ":[3]"},
		{"(eerste en tweede lid)", ":[1 2]"},
		{"de gemeente (artikel 8a, tweede lid, onderdeel f, van de wet)", ""},
	}
	for _, tt := range tests {
		var parts []string
		for _, r := range refsIn(tt.in) {
			parts = append(parts, fmt.Sprintf("%s:%v", r.article, r.leden))
		}
		if got := strings.Join(parts, " "); got != tt.want {
			t.Errorf("refsIn(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStem(t *testing.T) {
	same := [][2]string{{"vastgesteld", "vaststellen"}, {"aanvraag", "aanvragen"}, {"ingezet", "inzet"}, {"premies", "premie"}, {"2.100,00", "2.100"}}
	for _, p := range same {
		if stem(p[0]) != stem(p[1]) {
			t.Errorf("stem(%q) = %q, stem(%q) = %q: want the same", p[0], stem(p[0]), p[1], stem(p[1]))
		}
	}
	if !match(stem("formulier"), stem("aanvraagformulier")) || !match(stem("grens"), stem("begrenzing")) {
		t.Errorf("compounds do not match")
	}
	if stem("gemeente") != "" || stem("de") != "" {
		t.Errorf("stopwords must give no stem")
	}
}

func BenchmarkCheck(b *testing.B) {
	src, err := os.ReadFile(eemsdelta)
	if err != nil {
		b.Fatal(err)
	}
	d := parse(b, "verordening.txt", string(src))
	for b.Loop() {
		Check(d)
	}
}

// TestPositions: the quotes of a finding as file:line diagnostics, in the
// form `regelgids check` prints them.
func TestPositions(t *testing.T) {
	f := Finding{
		Regeling:    Quote{Text: `De premie is € 600.`, Article: "6", Paragraph: "5", Line: 223},
		Toelichting: Quote{Text: "De premie is € 700.", Article: "6", Line: 609},
	}
	var got []string
	for _, d := range f.Positions("verordening.txt") {
		got = append(got, d.String())
	}
	want := "verordening.txt:223: regeling: \"De premie is € 600.\"\nverordening.txt:609: toelichting: \"De premie is € 700.\""
	if g := strings.Join(got, "\n"); g != want {
		t.Errorf("Positions:\n%s\nwant:\n%s", g, want)
	}
	if ps := (Finding{Toelichting: f.Toelichting}).Positions("v.txt"); len(ps) != 1 || ps[0].Line != 609 {
		t.Errorf("a finding without a regeling quote: %v", ps)
	}
}
