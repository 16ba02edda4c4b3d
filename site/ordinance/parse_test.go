package ordinance

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/regelgids/regelgids/internal/diag"
	"github.com/regelgids/regelgids/internal/golden"
)

const eemsdelta = "../../content/eemsdelta/verordening.txt"

func parseFile(t testing.TB, name string) *Ordinance {
	t.Helper()
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	doc, warns, err := Parse(filepath.Base(name), src)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range warns {
		t.Errorf("unexpected warning: %s", w)
	}
	return doc
}

// TestEemsdeltaGolden pins the whole model of the published ordinance.
func TestEemsdeltaGolden(t *testing.T) {
	doc := parseFile(t, eemsdelta)
	got, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "eemsdelta.golden", append(got, '\n'))
}

// TestEemsdeltaStructure checks the counts and the irregular places of the
// published text one by one, so a failure says what broke.
func TestEemsdeltaStructure(t *testing.T) {
	doc := parseFile(t, eemsdelta)
	if got := len(doc.Chapters); got != 3 {
		t.Fatalf("chapters = %d, want 3", got)
	}
	if got := len(doc.Articles()); got != 24 {
		t.Fatalf("articles = %d, want 24", got)
	}
	perChapter := []int{len(doc.Chapters[0].Articles), len(doc.Chapters[1].Articles), len(doc.Chapters[2].Articles)}
	if perChapter[0] != 2 || perChapter[1] != 17 || perChapter[2] != 5 {
		t.Errorf("articles per chapter = %v, want [2 17 5]", perChapter)
	}

	cases := []struct {
		article     string
		leden       []string // numbers of the leden, "" for unnumbered text
		items       map[string]string
		explanation string // a phrase from its toelichting
	}{
		{"1", []string{"1", "2"}, map[string]string{"1": "abcdefghij"}, "Doelgroep"},
		{"3", []string{"1", "2", "3", "4", "5", "6"}, map[string]string{"2": "abcdefg", "4": "abcde", "5": "abc"}, "maatwerk-principe"},
		{"6", []string{"1", "2", "3", "4", "5", "6", "7"}, nil, "artikel 10a van de wet"},
		{"9", []string{""}, map[string]string{"": "ab"}, "16 of 17 jaar"},
		{"13", []string{"1", "2", "3", "4", "5", "6", "7", "8"}, nil, "Harrie"},
		{"14", []string{""}, nil, "bewegingsapparaat"},
		{"16", []string{"1", "2", "3"}, nil, "reiskostenvergoeding"},
		{"17", []string{"1", "2", "3", "4", "5"}, nil, "Besluit bijstandsverlening zelfstandigen 2004"},
		{"24", []string{""}, nil, "spreekt voor zich"},
	}
	for _, c := range cases {
		a := doc.Article(c.article)
		if a == nil {
			t.Errorf("article %s missing", c.article)
			continue
		}
		var leden []string
		for _, q := range a.Paragraphs {
			leden = append(leden, q.Number)
			labels := ""
			for _, it := range q.Items {
				labels += it.Label
				if it.Text == "" || strings.ContainsAny(it.Text, "•\t") {
					t.Errorf("article %s lid %s onderdeel %s: unclean text %q", a.Number, q.Number, it.Label, it.Text)
				}
			}
			if labels != c.items[q.Number] {
				t.Errorf("article %s lid %q: onderdelen %q, want %q", a.Number, q.Number, labels, c.items[q.Number])
			}
			if strings.ContainsAny(q.Text, "•\t") || strings.HasPrefix(q.Text, " ") {
				t.Errorf("article %s lid %s: unclean text %q", a.Number, q.Number, q.Text)
			}
		}
		if strings.Join(leden, ",") != strings.Join(c.leden, ",") {
			t.Errorf("article %s: leden %q, want %q", a.Number, leden, c.leden)
		}
		if !strings.Contains(a.Explanation, c.explanation) {
			t.Errorf("article %s: toelichting lacks %q", a.Number, c.explanation)
		}
	}

	// Artikel 13's leden are inline "1. De gemeente …" lines: the number
	// must not remain in the text.
	if got := doc.Article("13").Paragraph("1").Text; !strings.HasPrefix(got, "De gemeente kan een werknemer") {
		t.Errorf("article 13 lid 1 = %q", got)
	}
	// Toelichting headings "Artikel 6:" and titles that differ.
	if got := doc.Article("6").ExplanationTitle; got != "Participatieplaats" {
		t.Errorf("article 6 toelichting title = %q", got)
	}
	if got := doc.Article("16").ExplanationTitle; got != "Vervoersvoorziening" {
		t.Errorf("article 16 toelichting title = %q, want the toelichting's own spelling", got)
	}
	// Every article of this ordinance has a toelichting.
	for _, a := range doc.Articles() {
		if a.Explanation == "" {
			t.Errorf("article %s has no toelichting", a.Number)
		}
	}
	// The sub-heading "Doelgroep" inside the toelichting on article 1.
	found := false
	for _, b := range doc.Article("1").ExplanationBlocks {
		found = found || b.Kind == BlockHeading && b.Text == "Doelgroep"
	}
	if !found {
		t.Error(`toelichting on article 1: sub-heading "Doelgroep" not found`)
	}

	m := doc.Metadata
	if m.ValidFrom != "2024-07-10" || m.RetroactiveFrom != "2024-07-01" || m.Adopted != "2024-06-27" || m.InForce != "2024-07-01" {
		t.Errorf("metadata = %+v", m)
	}
	if len(doc.Preamble) != 5 || !strings.HasPrefix(doc.Preamble[0], "De raad van de gemeente Eemsdelta") {
		t.Errorf("preamble = %q", doc.Preamble)
	}
	if len(doc.Signature.Signatories) != 2 || doc.Signature.Signatories[1] != (Signatory{Role: "de griffier", Name: "Tineke Kramer"}) {
		t.Errorf("signature = %+v", doc.Signature)
	}
	if !strings.HasPrefix(doc.GeneralExplanation, "De gemeente heeft tot taak") || strings.Contains(doc.GeneralExplanation, "Artikelsgewijze") {
		t.Errorf("general explanation starts %q", doc.GeneralExplanation[:40])
	}
	if doc.Chapters[1].Intro == "" || doc.Chapters[2].Title != "Slotbepalingen" {
		t.Errorf("chapter 2 intro %q, chapter 3 title %q", doc.Chapters[1].Intro, doc.Chapters[2].Title)
	}
}

// TestForms covers the irregular forms of published texts on small inputs.
func TestForms(t *testing.T) {
	cases := []struct {
		name  string
		src   string
		check func(t *testing.T, doc *Ordinance)
	}{
		{
			name: "colon after numbers, no chapters",
			src:  "Verordening X\n\nArtikel 1: Begrippen\n\nTekst.\n\nArtikel 2: Slot\n\nEinde.\n",
			check: func(t *testing.T, doc *Ordinance) {
				if len(doc.Chapters) != 1 || doc.Chapters[0].Number != "" || len(doc.Articles()) != 2 {
					t.Errorf("chapters %+v", doc.Chapters)
				}
				if doc.Article("2").Title != "Slot" {
					t.Errorf("title %q", doc.Article("2").Title)
				}
			},
		},
		{
			name: "inserted article 2a",
			src:  "X\nHoofdstuk 1. A\nArtikel 1. A\nTekst.\nArtikel 2. B\nTekst.\nArtikel 2a. C\nTekst.\nArtikel 3. D\nTekst.\n",
			check: func(t *testing.T, doc *Ordinance) {
				if got := len(doc.Articles()); got != 4 {
					t.Errorf("articles = %d", got)
				}
			},
		},
		{
			name: "lid text after its onderdelen and continuation lines",
			src:  "X\nHoofdstuk 1. A\nArtikel 1. A\n  • 1.\n    Aanhef:\n    • a.\n      een;\n    • b.\n      twee.\n    Slotzin van het lid.\n  • 2.\n    Eerste alinea.\n    Tweede alinea.\n",
			check: func(t *testing.T, doc *Ordinance) {
				a := doc.Article("1")
				if a.Paragraphs[0].Tail != "Slotzin van het lid." {
					t.Errorf("tail = %q", a.Paragraphs[0].Tail)
				}
				if a.Paragraphs[1].Text != "Eerste alinea.\n\nTweede alinea." {
					t.Errorf("lid 2 = %q", a.Paragraphs[1].Text)
				}
			},
		},
		{
			name: "CRLF line ends, byte order mark and no-break spaces",
			src:  "\ufeffX\r\n\r\nHoofdstuk 1. A\r\nArtikel 1.\u00a0Begrippen\r\n  •\u00a01.\r\n    Tekst\u00a0hier.\r\n",
			check: func(t *testing.T, doc *Ordinance) {
				if doc.Title != "X" || doc.Article("1").Title != "Begrippen" || doc.Article("1").Paragraphs[0].Text != "Tekst hier." {
					t.Errorf("got %+v", doc.Article("1"))
				}
			},
		},
		{
			name: "capitals, chapter without title, text beside the markers",
			src:  "X\nGeldend van 01-01-2017 t/m 31-12-2020\nHOOFDSTUK 1\nARTIKEL 1. BEGRIPPEN\n  • 1. In deze verordening wordt verstaan onder:\n    • a. wet: Participatiewet;\n    • b. college: het college.\n  • 2. Tweede lid.\n",
			check: func(t *testing.T, doc *Ordinance) {
				a := doc.Article("1")
				if doc.Metadata.ValidUntil != "2020-12-31" || doc.Metadata.ValidFrom != "2017-01-01" {
					t.Errorf("metadata %+v", doc.Metadata)
				}
				if doc.Chapters[0].Number != "1" || doc.Chapters[0].Title != "" || a == nil || a.Title != "BEGRIPPEN" {
					t.Fatalf("chapters %+v", doc.Chapters)
				}
				if len(a.Paragraphs) != 2 || a.Paragraphs[0].Text != "In deze verordening wordt verstaan onder:" || a.Paragraphs[0].Items[1].Text != "college: het college." || a.Paragraphs[1].Text != "Tweede lid." {
					t.Errorf("article 1 = %+v", a.Paragraphs)
				}
			},
		},
		{
			name: "onderdelen with a dash instead of a letter",
			src:  "X\nHoofdstuk 1. A\nArtikel 1. Begripsbepalingen\n  • 1.\n    In deze verordening wordt verstaan onder:\n    • -\n      de wet: de Participatiewet;\n    • -\n      de doelgroep: personen.\n",
			check: func(t *testing.T, doc *Ordinance) {
				items := doc.Article("1").Paragraphs[0].Items
				if len(items) != 2 || items[1].Label != "2" || !items[1].Bullet || items[1].Text != "de doelgroep: personen." {
					t.Errorf("items %+v", items)
				}
			},
		},
		{
			name: "toelichting without Artikelsgewijze heading",
			src:  "X\nHoofdstuk 1. A\nArtikel 1. A\nTekst.\nToelichting\nAlgemeen\nUitleg.\nArtikel 1. A\nUitleg bij 1.\n",
			check: func(t *testing.T, doc *Ordinance) {
				if doc.GeneralExplanation != "Uitleg." || doc.Article("1").Explanation != "Uitleg bij 1." {
					t.Errorf("general %q, article %q", doc.GeneralExplanation, doc.Article("1").Explanation)
				}
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, _, err := Parse("test.txt", []byte(c.src))
			if err != nil {
				t.Fatal(err)
			}
			c.check(t, doc)
		})
	}
}

// TestErrors checks that input which does not fit the structure is refused
// with the file, the line and what is wrong.
func TestErrors(t *testing.T) {
	ok := "X\nHoofdstuk 1. A\nArtikel 1. A\nTekst.\nArtikel 2. B\nTekst.\n"
	cases := []struct {
		name, src, want string
	}{
		{"empty", "", "test.txt:1: empty file"},
		{"only blanks", "\n  \n\t\n", "test.txt:1: empty file"},
		{"binary", "X\nArtikel 1. A\x00\x01", "test.txt:2: binary file"},
		{"not utf-8", "X\nHoofdstuk 1. A\nArtikel 1. \xff\xfe", "test.txt:3: not UTF-8"},
		{"no articles", "Zomaar een tekst.\nNog een regel.\n", "test.txt:2: no \"Artikel N.\" heading found"},
		{"repeated article", ok + "Artikel 2. C\nTekst.\n", "test.txt:7: article 2 appears twice (first at line 5)"},
		{"skipped article", ok + "Artikel 4. D\nTekst.\n", "test.txt:7: article 4 follows 2: expected article 3"},
		{"first article not 1", "X\nHoofdstuk 1. A\nArtikel 2. B\nTekst.\n", "test.txt:3: article 2 follows the start: expected article 1"},
		{"skipped chapter", "X\nHoofdstuk 1. A\nArtikel 1. A\nTekst.\nHoofdstuk 3. C\nArtikel 2. B\nTekst.\n", "test.txt:5: chapter 3 follows 1: expected chapter 2"},
		{"toelichting on missing article", ok + "Toelichting\nArtikelsgewijze toelichting\nArtikel 9. Z\nUitleg.\n", "test.txt:9: toelichting on article 9, which the regeling does not have"},
		{"toelichting twice", ok + "Toelichting\nArtikelsgewijze toelichting\nArtikel 1. A\nUitleg.\nArtikel 1. A\nNog eens.\n", "test.txt:11: toelichting on article 1 appears twice (first at line 9)"},
		{"repeated lid", "X\nHoofdstuk 1. A\nArtikel 1. A\n  • 1.\n    Een.\n  • 1.\n    Twee.\n", "test.txt:6: article 1: lid 1 appears twice (first at line 4)"},
		{"empty article", "X\nHoofdstuk 1. A\nArtikel 1. A\nArtikel 2. B\nTekst.\n", "test.txt:3: article 1 has no text"},
		{"empty onderdeel", "X\nHoofdstuk 1. A\nArtikel 1. A\n  • 1.\n    Aanhef:\n    • a.\n    • b.\n      twee.\n", "test.txt:6: article 1: onderdeel a has no text"},
		{"lid outside article", "X\nHoofdstuk 1. A\n  • 1.\n    Tekst.\nArtikel 1. A\nTekst.\n", "test.txt:3: \"• 1.\" outside an article"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := Parse("test.txt", []byte(c.src))
			if err == nil {
				t.Fatalf("no error, want %q", c.want)
			}
			if _, ok := err.(*diag.List); !ok {
				t.Errorf("error is %T, want *diag.List", err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error:\n%v\nwant it to contain:\n%s", err, c.want)
			}
		})
	}
}

// TestWarnings: irregularities the text can be read past.
func TestWarnings(t *testing.T) {
	cases := []struct {
		name, src, want string
	}{
		{"skipped lid", "X\nHoofdstuk 1. A\nArtikel 1. A\n  • 1.\n    Een.\n  • 3.\n    Drie.\n", "test.txt:6: warning: article 1: lid 3 where lid 2 was expected"},
		{"skipped onderdeel", "X\nHoofdstuk 1. A\nArtikel 1. A\n  • 1.\n    Aanhef:\n    • a.\n      een;\n    • c.\n      drie.\n", "test.txt:8: warning: article 1: onderdeel c where onderdeel b was expected"},
		{"toelichting on unknown chapter", "X\nHoofdstuk 1. A\nArtikel 1. A\nTekst.\nToelichting\nArtikelsgewijze toelichting\nHoofdstuk 4. Z\n", "test.txt:7: warning: toelichting names chapter 4"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, warns, err := Parse("test.txt", []byte(c.src))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range warns {
				got = append(got, w.String())
			}
			if !strings.Contains(strings.Join(got, "\n"), c.want) {
				t.Errorf("warnings %q, want %q", got, c.want)
			}
		})
	}
}

// FuzzParse: any input gives a model or a *diag.List, never a panic, and a
// model always satisfies the invariants the renderer relies on.
func FuzzParse(f *testing.F) {
	src, err := os.ReadFile(eemsdelta)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(src)
	f.Add([]byte("X\nHoofdstuk 1. A\nArtikel 1. A\n  • 1.\n    Aanhef:\n    • a.\n      een;\n"))
	f.Add([]byte("X\nArtikel 1: A\n1. Een.\n2. Twee.\nToelichting\nAlgemeen\nDoelgroep\na) b\n"))
	corpus, _ := filepath.Glob("testdata/corpus/*.txt")
	for _, name := range corpus {
		if src, err := os.ReadFile(name); err == nil {
			f.Add(src)
		}
	}
	f.Add([]byte("X\nInhoudsopgave\nHoofdstuk 1 A\nArtikel 1 B\nHoofdstuk 1 A\nArtikel 1 B\n  • 1. Onder:\n    • a. x:\n      • 1.\n      1° y\n-\n2. z\n§ 2\nArtikel 1.1\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, _, err := Parse("fuzz.txt", src)
		if err != nil {
			if _, ok := err.(*diag.List); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		seen := map[string]bool{}
		for _, a := range doc.Articles() {
			if a.Number == "" || seen[a.Number] {
				t.Fatalf("article number %q empty or repeated", a.Number)
			}
			seen[a.Number] = true
			lids := map[string]bool{}
			for _, q := range a.Paragraphs {
				if q.Number != "" && lids[q.Number] {
					t.Fatalf("article %s: lid %s repeated", a.Number, q.Number)
				}
				lids[q.Number] = true
				if q.Items == nil {
					t.Fatal("nil items")
				}
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	src, err := os.ReadFile(eemsdelta)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, _, err := Parse("verordening.txt", src); err != nil {
			b.Fatal(err)
		}
	}
}
