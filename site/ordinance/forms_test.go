package ordinance

import (
	"strings"
	"testing"
)

// shape writes the structure of doc compactly: chapters in [], sections in
// {}, articles with their title in "", leden, onderdelen and sub-onderdelen
// by label. "H1[A1"Begrippen"(1(a,b(1,2)),2)]".
func shape(doc *Ordinance) string {
	var b strings.Builder
	var itemsOf func(its []Item)
	itemsOf = func(its []Item) {
		for i, it := range its {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString(it.Label)
			if len(it.Items) > 0 {
				b.WriteString("(")
				itemsOf(it.Items)
				b.WriteString(")")
			}
		}
	}
	for _, c := range doc.Chapters {
		b.WriteString("H" + c.Number)
		if c.Title != "" {
			b.WriteString("\"" + c.Title + "\"")
		}
		b.WriteString("[")
		for _, s := range c.Sections {
			b.WriteString("{" + s.Kind + " " + s.Number + " \"" + s.Title + "\": " + strings.Join(s.Articles, ",") + "}")
		}
		for _, a := range c.Articles {
			b.WriteString("A" + a.Number)
			if a.Title != "" {
				b.WriteString("\"" + a.Title + "\"")
			}
			b.WriteString("(")
			for i, q := range a.Paragraphs {
				if i > 0 {
					b.WriteString(",")
				}
				b.WriteString(q.Number)
				if len(q.Items) > 0 {
					b.WriteString("(")
					itemsOf(q.Items)
					b.WriteString(")")
				}
			}
			b.WriteString(")")
		}
		b.WriteString("]")
	}
	return b.String()
}

type formCase struct {
	name, src, want string
	warn            string // a warning that must be given, "" for none at all
}

func runForms(t *testing.T, cases []formCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, warns, err := Parse("t.txt", []byte(c.src))
			if err != nil {
				t.Fatal(err)
			}
			if got := shape(doc); got != c.want {
				t.Errorf("shape\n got: %s\nwant: %s", got, c.want)
			}
			var ws []string
			for _, w := range warns {
				ws = append(ws, w.String())
			}
			all := strings.Join(ws, "\n")
			if c.warn == "" && all != "" {
				t.Errorf("unexpected warnings:\n%s", all)
			}
			if c.warn != "" && !strings.Contains(all, c.warn) {
				t.Errorf("warnings %q, want %q", ws, c.warn)
			}
		})
	}
}

func TestFormArticleHeadings(t *testing.T) {
	runForms(t, []formCase{
		{"period", "X\nArtikel 1. Begrippen\nTekst.\n", `H[A1"Begrippen"()]`, ""},
		{"no period", "X\nArtikel 1 Begrippen\nTekst.\n", `H[A1"Begrippen"()]`, ""},
		{"dash", "X\nArtikel 1 - Begripsbepalingen\nTekst.\nArtikel 2 – Slot\nTekst.\n", `H[A1"Begripsbepalingen"()A2"Slot"()]`, ""},
		{"colon", "X\nArtikel 1: Begrippen\nTekst.\n", `H[A1"Begrippen"()]`, ""},
		{"alone, title on the next line", "X\nArtikel 1\nBegrippen\nIn deze verordening wordt verstaan onder: niets.\n", `H[A1"Begrippen"()]`, ""},
		{"alone, no title", "X\nArtikel 1\nDeze verordening treedt in werking op 1 januari 2025.\n", `H[A1()]`, ""},
		{"decimal", "X\nHoofdstuk 1. B\nArtikel 1.1. Doel\nTekst.\nArtikel 1.2 Middelen\nTekst.\n", `H1"B"[A1.1"Doel"()A1.2"Middelen"()]`, ""},
		{"decimal across chapters", "X\nHoofdstuk 1 A\nArtikel 1.1 Een\nTekst.\nHoofdstuk 2 B\nArtikel 2.1 Twee\nTekst.\n", `H1"A"[A1.1"Een"()]H2"B"[A2.1"Twee"()]`, ""},
		{"colon numbering", "X\nHoofdstuk 1 A\nArtikel 1:1 Begrippen\nTekst.\nArtikel 1:2 Slot\nTekst.\n", `H1"A"[A1:1"Begrippen"()A1:2"Slot"()]`, ""},
		{"inserted 3a", "X\nArtikel 1 A\nT.\nArtikel 2 B\nT.\nArtikel 3 C\nT.\nArtikel 3a D\nT.\nArtikel 4 E\nT.\n", `H[A1"A"()A2"B"()A3"C"()A3a"D"()A4"E"()]`, ""},
		{"sentence stays text", "X\nArtikel 1 A\nArtikel 10 van de wet is van toepassing.\nArtikel 7 Participatiewet geldt.\n", `H[A1"A"()]`, ""},
	})
}

func TestFormChapterHeadings(t *testing.T) {
	runForms(t, []formCase{
		{"period", "X\nHoofdstuk 1. Algemene bepalingen\nArtikel 1 A\nT.\n", `H1"Algemene bepalingen"[A1"A"()]`, ""},
		{"no period", "X\nHoofdstuk 1 Algemene bepalingen\nArtikel 1 A\nT.\n", `H1"Algemene bepalingen"[A1"A"()]`, ""},
		{"capitals", "X\nHOOFDSTUK 1. ALGEMENE BEPALINGEN\nArtikel 1 A\nT.\n", `H1"ALGEMENE BEPALINGEN"[A1"A"()]`, ""},
		{"no title", "X\nHOOFDSTUK 1\nArtikel 1 A\nT.\n", `H1[A1"A"()]`, ""},
		{"no space", "X\nHoofdstuk1. Algemeen\nArtikel 1 A\nT.\n", `H1"Algemeen"[A1"A"()]`, ""},
		{"roman", "X\nHoofdstuk I Algemeen\nArtikel 1 A\nT.\nHoofdstuk II Slot\nArtikel 2 B\nT.\n", `HI"Algemeen"[A1"A"()]HII"Slot"[A2"B"()]`, ""},
		{"numbered capitals", "X\n1. INLEIDENDE BEPALINGEN\nArtikel 1 A\nT.\n2. SLOTBEPALINGEN\nArtikel 2 B\nT.\n", `H1"INLEIDENDE BEPALINGEN"[A1"A"()]H2"SLOTBEPALINGEN"[A2"B"()]`, ""},
		{"unnumbered capitals", "X\nBEGRIPSBEPALINGEN\nArtikel 1 A\nT.\nNORMSTELLING\nArtikel 2 B\nT.\n", `H"BEGRIPSBEPALINGEN"[A1"A"()]H"NORMSTELLING"[A2"B"()]`, ""},
	})
}

func TestFormSections(t *testing.T) {
	runForms(t, []formCase{
		{"paragraaf", "X\nHoofdstuk 1 B\nParagraaf 1 Doel\nArtikel 1 A\nT.\nParagraaf 2. Middelen\nArtikel 2 B\nT.\nArtikel 3 C\nT.\n",
			`H1"B"[{paragraaf 1 "Doel": 1}{paragraaf 2 "Middelen": 2,3}A1"A"()A2"B"()A3"C"()]`, ""},
		{"§", "X\n§ 1 Algemeen\nArtikel 1 A\nT.\n§ 2\nArtikel 2 B\nT.\n", `H[{paragraaf 1 "Algemeen": 1}{paragraaf 2 "": 2}A1"A"()A2"B"()]`, ""},
		{"afdeling", "X\nHoofdstuk 1 A\nAfdeling 1 Begrippen\nArtikel 1:1 A\nT.\nAfdeling 2 Overig\nArtikel 1:2 B\nT.\n", `H1"A"[{afdeling 1 "Begrippen": 1:1}{afdeling 2 "Overig": 1:2}A1:1"A"()A1:2"B"()]`, ""},
		{"definition afdeling: stays an onderdeel", "X\nArtikel 1 Begrippen\nIn deze verordening wordt verstaan onder:\n- afdeling: een eenheid;\n- college: het college.\n", `H[A1"Begrippen"((1,2))]`, ""},
	})
}

func TestFormLeden(t *testing.T) {
	runForms(t, []formCase{
		{"bullet, text on the next line", "X\nArtikel 1 A\n  • 1.\n    Een.\n  • 2.\n    Twee.\n", `H[A1"A"(1,2)]`, ""},
		{"bullet, text on the same line", "X\nArtikel 1 A\n  • 1. Een.\n  • 2. Twee.\n", `H[A1"A"(1,2)]`, ""},
		{"plain numbers", "X\nArtikel 1 A\n1. Een.\n2. Twee.\n", `H[A1"A"(1,2)]`, ""},
		{"number alone", "X\nArtikel 1 A\n1.\nEen.\n2.\nTwee.\n", `H[A1"A"(1,2)]`, ""},
		{"parenthesised", "X\nArtikel 1 A\n(1) Een.\n(2) Twee.\n", `H[A1"A"(1,2)]`, ""},
		{"bare dash before the number", "X\nArtikel 1 A\n-\n1. Een.\n-\n2. Twee.\n", `H[A1"A"(1,2)]`, ""},
	})
}

func TestFormOnderdelen(t *testing.T) {
	runForms(t, []formCase{
		{"bullet letter", "X\nArtikel 1 A\nOnder:\n  • a.\n    een;\n  • b. twee.\n", `H[A1"A"((a,b))]`, ""},
		{"dash letter", "X\nArtikel 1 A\nOnder:\n- a.\neen;\n- b. twee.\n", `H[A1"A"((a,b))]`, ""},
		{"letter and parenthesis", "X\nArtikel 1 A\nOnder:\na) een;\nb) twee.\n", `H[A1"A"((a,b))]`, ""},
		{"letter without bullet", "X\nArtikel 1 A\nOnder:\na. een;\nb. twee.\n", `H[A1"A"((a,b))]`, ""},
		{"bullet dash", "X\nArtikel 1 A\nOnder:\n  • -\n    een;\n  • - twee.\n", `H[A1"A"((1,2))]`, ""},
		{"unlabelled term: definition", "X\nArtikel 1 A\nOnder:\n  • wet: de Participatiewet;\n  • college: het college.\n", `H[A1"A"((1,2))]`, ""},
		{"middle dot", "X\nArtikel 1 A\nOnder:\n  • ·\n    een;\n  • ·\n    twee.\n", `H[A1"A"((1,2))]`, ""},
		{"unmarked definitions after verstaan onder:", "X\nArtikel 1 A\nIn dit reglement wordt verstaan onder:\nvoorzitter: de voorzitter;\nwet: Gemeentewet.\n", `H[A1"A"((1,2))]`, ""},
		{"in a lid", "X\nArtikel 1 A\n  • 1. Onder:\n    • a. een;\n    • b. twee.\n  • 2. Slot.\n", `H[A1"A"(1(a,b),2)]`, ""},
	})
}

func TestFormSubOnderdelen(t *testing.T) {
	runForms(t, []formCase{
		{"degree", "X\nArtikel 1 A\nOnder:\na. inzicht in:\n1° de positie;\n2° het beheer;\nb. twee.\n", `H[A1"A"((a(1,2),b))]`, ""},
		{"indented numbers, 2/4/6", "X\nArtikel 1 A\n  • 1. Onder:\n    • a. een;\n    • c. inzicht in:\n      • 1.\n        de positie;\n      • 2.\n        het beheer;\n    • d. vier;\n  • 2. Slot.\n",
			`H[A1"A"(1(a,c(1,2),d),2)]`, "t.txt:5: warning: article 1: onderdeel c where onderdeel b was expected"},
		{"indented dashes, 1/2/3", "X\nArtikel 1 A\n • 1. Onder:\n  • e.\n   uitkering:\n   • -\n    de norm;\n   • -\n    de toeslag;\n  • f.\n   vijf.\n",
			`H[A1"A"(1(e(1,2),f))]`, "onderdeel e where onderdeel a was expected"},
		{"indented plain dash", "X\nArtikel 1 A\nOnder:\n  • a. inzicht in:\n    - de positie;\n    - het beheer;\n  • b. twee.\n", `H[A1"A"((a(1,2),b))]`, ""},
		{"unsure: sub-bullet not starting at 1", "X\nArtikel 1 A\n  • 1. Onder:\n    • a. een:\n      • 2.\n        twee.\n",
			`H[A1"A"(1(a(2)))]`, "t.txt:5: warning: article 1: \"• 2.\" indented under onderdeel a is read as its sub-onderdeel 2; check the indentation"},
	})
}

func TestFormFurniture(t *testing.T) {
	cases := []struct {
		name, src string
		check     func(t *testing.T, doc *Ordinance)
		warn      string
	}{
		{"expired, validity, Intitulé", "Regeling vervallen per 01-01-2021\nVerordening X\nGeldend van 01-01-2017 t/m 31-12-2020\nIntitulé\nVerordening X\nDe raad;\nArtikel 1 A\nT.\n",
			func(t *testing.T, doc *Ordinance) {
				m := doc.Metadata
				if doc.Title != "Verordening X" || m.ExpiredOn != "2021-01-01" || m.ValidFrom != "2017-01-01" || m.ValidUntil != "2020-12-31" || len(doc.Preamble) != 1 {
					t.Errorf("title %q, metadata %+v, preamble %q", doc.Title, m, doc.Preamble)
				}
			}, ""},
		{"retroactive on its own line", "Verordening X\nGeldend van 10-07-2024 t/m heden\nmet terugwerkende kracht vanaf 01-07-2024\nArtikel 1 A\nT.\n",
			func(t *testing.T, doc *Ordinance) {
				if doc.Metadata.RetroactiveFrom != "2024-07-01" || len(doc.Preamble) != 0 {
					t.Errorf("metadata %+v, preamble %q", doc.Metadata, doc.Preamble)
				}
			}, ""},
		{"site furniture", "Ga naar de inhoud\nPermanente link\nNaar de actuele versie van de regeling\nhttp://lokaleregelgeving.overheid.nl/CVDR1\nZiet u een fout in deze regeling? Meld het ons op regelgeving@overheid.nl!\nVerordening X\nArtikel 1 A\nT.\n",
			func(t *testing.T, doc *Ordinance) {
				if doc.Title != "Verordening X" || len(doc.Preamble) != 0 {
					t.Errorf("title %q, preamble %q", doc.Title, doc.Preamble)
				}
			}, ""},
		{"title after Intitulé", "Intitulé\nVerordening Y\nDe raad;\nArtikel 1 A\nT.\n",
			func(t *testing.T, doc *Ordinance) {
				if doc.Title != "Verordening Y" || len(doc.Preamble) != 1 {
					t.Errorf("title %q, preamble %q", doc.Title, doc.Preamble)
				}
			}, ""},
		{"Wetstechnische informatie", "Gemeente Ede\nVerordening Z\nWetstechnische informatie\nGegevens van de regeling\nCiteertitelZorgverordening\nBron bekendmaking\ngmb-2019-277778\nTekst van de regeling\nDe raad;\nArtikel 1 A\nT.\n",
			func(t *testing.T, doc *Ordinance) {
				m := doc.Metadata
				if doc.Title != "Verordening Z" || m.Municipality != "Ede" || m.CitationTitle != "Zorgverordening" || m.Publication != "gmb-2019-277778" || len(doc.Preamble) != 1 {
					t.Errorf("title %q, metadata %+v, preamble %q", doc.Title, m, doc.Preamble)
				}
			}, ""},
		{"validity ending before it starts", "Verordening X\nGeldend van 01-01-2020 t/m 31-12-2019\nArtikel 1 A\nT.\n",
			func(t *testing.T, doc *Ordinance) {}, "t.txt:2: warning: validity line ends (31-12-2019) before it starts (01-01-2020)"},
		{"Inhoudsopgave skipped", "Verordening X\nInhoudsopgave\nHoofdstuk 1 Algemeen\nArtikel 1 Begrippen\nArtikel 2 Slot\nHoofdstuk 1 Algemeen\nArtikel 1 Begrippen\nT.\nArtikel 2 Slot\nT.\n",
			func(t *testing.T, doc *Ordinance) {
				if got := shape(doc); got != `H1"Algemeen"[A1"Begrippen"()A2"Slot"()]` {
					t.Errorf("shape %s", got)
				}
			}, ""},
		{"Inhoudsopgave whose entries never return", "Verordening X\nInhoudsopgave\nArtikel 1 Begrippen\nT.\n",
			func(t *testing.T, doc *Ordinance) {}, "t.txt:2: warning: Inhoudsopgave: its first entry"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, warns, err := Parse("t.txt", []byte(c.src))
			if err != nil {
				t.Fatal(err)
			}
			c.check(t, doc)
			var ws []string
			for _, w := range warns {
				ws = append(ws, w.String())
			}
			all := strings.Join(ws, "\n")
			if c.warn == "" && all != "" || !strings.Contains(all, c.warn) {
				t.Errorf("warnings %q, want %q", ws, c.warn)
			}
		})
	}
}

func TestFormToelichting(t *testing.T) {
	const regeling = "X\nArtikel 1 Begrippen\nT.\nArtikel 2 Slot\nT.\n"
	cases := []struct{ name, src, general string }{
		{"Toelichting", regeling + "Toelichting\nAlgemeen\nUitleg.\nArtikelsgewijze toelichting\nArtikel 1 Begrippen\nBij 1.\nArtikel 2 Slot\nBij 2.\n", "Uitleg."},
		{"TOELICHTING", regeling + "TOELICHTING\nUitleg.\nARTIKELSGEWIJZE TOELICHTING\nArtikel 1\nBij 1.\nArtikel 2\nBij 2.\n", "Uitleg."},
		{"Algemene toelichting", regeling + "Algemene toelichting\nUitleg.\nArtikelsgewijze toelichting\nArtikel 1: Begrippen\nBij 1.\nArtikel 2: Slot\nBij 2.\n", "Uitleg."},
		{"I Algemeen, II Artikelsgewijs", regeling + "Toelichting\nI Algemeen\nUitleg.\nII Artikelsgewijs\nArtikel 1 - Begrippen\nBij 1.\nArtikel 2 - Slot\nBij 2.\n", "Uitleg."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, warns, err := Parse("t.txt", []byte(c.src))
			if err != nil {
				t.Fatal(err)
			}
			if len(warns) > 0 {
				t.Errorf("warnings %v", warns)
			}
			if doc.GeneralExplanation != c.general || doc.Article("1").Explanation != "Bij 1." || doc.Article("2").Explanation != "Bij 2." {
				t.Errorf("general %q, 1 %q, 2 %q", doc.GeneralExplanation, doc.Article("1").Explanation, doc.Article("2").Explanation)
			}
		})
	}
	t.Run("none", func(t *testing.T) {
		doc, warns, err := Parse("t.txt", []byte(regeling))
		if err != nil || len(warns) > 0 || doc.GeneralExplanation != "" {
			t.Errorf("err %v, warnings %v", err, warns)
		}
	})
}
