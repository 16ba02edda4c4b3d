package search_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/regelgids/regelgids/site/routes"
	"github.com/regelgids/regelgids/site/search"
)

func TestLoadSynonymsErrors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"nl:\n  - [stage]\n", "syn.yaml:2: a group needs at least two words or phrases"},
		{"nl:\n  - [a, b]\nfr:\n  - [x, y]\n", `syn.yaml:3: unknown language "fr" (known: en, nl)`},
		{"nl: [stage, werkervaringsplaats]\n", "syn.yaml:1: expected a group: a list like [stage, werkervaringsplaats]"},
		{"nl:\n  - [stage, Stage]\n", `syn.yaml:2: "Stage" appears twice in this group`},
		{"nl:\n  - [stage, '...']\n", `syn.yaml:2: "..." has no words`},
		{"nl:\n  - [de, het]\n", `syn.yaml:2: "de" has only stop words, which are never searched`},
		{"nl:\n  - [stage, een twee drie vier vijf]\n", `syn.yaml:2: "een twee drie vier vijf" is longer than 4 words; keep synonyms short`},
		{"nl:\n  - [stage, [x]]\n", "syn.yaml:2: expected a word or phrase, got a list"},
		{"nl:\n  - [a, b]\nnl:\n  - [c, d]\n", "syn.yaml:3: language \"nl\" appears twice"},
		{"- [a, b]\n", "syn.yaml:1: expected a language code (nl, en) with a list of synonym groups"},
		{"nl:\n  - [a, b\n", "syn.yaml: "},
		{"nl: stage\n", "syn.yaml:1: nl: expected a list of synonym groups"},
	} {
		_, err := search.LoadSynonyms("syn.yaml", []byte(c.in))
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q: error %v, want %q", c.in, err, c.want)
		}
	}
	s, err := search.LoadSynonyms("syn.yaml", []byte("# none yet\nnl:\nen:\n  - [Taxi, work-experience  placement]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Groups("en"); !reflect.DeepEqual(got, [][]string{{"taxi", "work experience placement"}}) {
		t.Errorf("groups %q", got)
	}
	if s, err := search.LoadSynonyms("empty.yaml", nil); err != nil || s.Groups("nl") != nil {
		t.Errorf("an empty file: %v, %v", s, err)
	}
}

// TestCompoundSplit: Dutch compounds split against the site's own words.
func TestCompoundSplit(t *testing.T) {
	f := getFixture(t)
	for w, want := range map[string]string{
		"loonkostensubsidie":       "loonkosten subsidie",
		"uitstroompremie":          "uitstroom premie",
		"participatiepremie":       "participatie premie",
		"arbeidsbeperking":         "arbeid beperking", // with the linking s; "arbeid" begins many words
		"werkervaringsplaats":      "werkervaring plaats",
		"vrijwilligerswerk":        "vrijwilligers werk",
		"ontwikkelplan":            "ontwikkel plan",       // "ontwikkel" begins three words
		"werkpremie":               "werk premie",          // not on the site: split at query time
		"premiesubsidieloon":       "premie subsidie loon", // three parts
		"verordening":              "",                     // no parts
		"werk":                     "",                     // too short
		"loonkosten2024":           "",                     // not only letters
		"aangepaste":               "",                     // "aange" begins only two words
		"uitstroompremies":         "uitstroom premies",
		strings.Repeat("werk", 11): "", // too long
	} {
		got := strings.Join(f.ix.Split("nl", w), " ")
		if got != want {
			t.Errorf("split %q = %q, want %q", w, got, want)
		}
	}
	if got := f.ix.Split("en", "workplace"); got != nil {
		t.Errorf("English words are not split: %q", got)
	}
}

// TestQueryAnalysis: synonyms, compounds, typos and completions as a
// resident would use them.
func TestQueryAnalysis(t *testing.T) {
	f := getFixture(t)
	has := func(lang, q, word string, terms ...string) {
		t.Helper()
		for _, w := range f.ix.AnalyzeQuery(q, lang) {
			if w.Word != word {
				continue
			}
			for _, a := range w.Alts {
				if reflect.DeepEqual(a.Terms, terms) {
					return
				}
			}
			t.Errorf("%s %q: word %q has %v, not %q", lang, q, word, w.Alts, terms)
			return
		}
		t.Errorf("%s %q: no query word %q in %v", lang, q, word, f.ix.AnalyzeQuery(q, lang))
	}
	term := func(lang, w string) string { return f.ix.Term(lang, w) }
	// synonyms, both ways, and phrases
	has("nl", "stage ", "stage", term("nl", "werkervaringsplaats"))
	has("nl", "stageplek ", "stageplek", term("nl", "werkervaringsplaats"))
	has("nl", "taxi ", "taxi", term("nl", "vervoer"))
	has("nl", "baan ", "baan", term("nl", "werk"))
	has("nl", "sociale werkplaats ", "werkplaats", term("nl", "beschut"), term("nl", "werk"))
	has("en", "job coach ", "coach", term("en", "jobcoach"))
	// compounds: the parts of a word of the site, and a word the site does not have
	has("nl", "uitstroompremie ", "uitstroompremie", term("nl", "premie"))
	has("nl", "werkpremie ", "premie", term("nl", "premie"))
	has("nl", "werkpremie ", "werk", term("nl", "werk"))
	// typos: one edit from 5 letters, two from 9
	has("nl", "jobcoatch ", "jobcoatch", term("nl", "jobcoach"))
	has("nl", "premei ", "premei", term("nl", "premie"))
	has("nl", "loonkostesubsidie ", "loonkostesubsidie", term("nl", "loonkostensubsidie"))
	has("nl", "lonkostesubsidie ", "lonkostesubsidie", term("nl", "loonkostensubsidie"))
	has("en", "transprot ", "transprot", term("en", "transport"))
	if got := f.ix.Typos("nl", "wrek"); len(got) != 0 {
		t.Errorf("four letters: no typos, got %v", got)
	}
	if got := f.ix.Typos("nl", "jobcoatch"); got["jobcoach"] != 1 {
		t.Errorf("typos of jobcoatch: %v", got)
	}
	// completions of the last word, only while typing
	has("nl", "uitstr", "uitstr", term("nl", "uitstroompremie"))
	for _, w := range f.ix.AnalyzeQuery("uitstr ", "nl") {
		if len(w.Alts) > 0 {
			t.Errorf("a finished word is not completed: %v", w)
		}
	}
	// stop words are not searched
	if got := f.ix.AnalyzeQuery("de het een ", "nl"); len(got) != 0 {
		t.Errorf("stop words: %v", got)
	}
}

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		max  int
		want int
	}{
		{"jobcoach", "jobcoach", 2, 0},
		{"jobcoatch", "jobcoach", 2, 1}, // inserted
		{"jobcaoch", "jobcoach", 2, 1},  // swapped
		{"jobcoah", "jobcoach", 2, 1},   // left out
		{"jobcoach", "jobkoach", 2, 1},  // changed
		{"premie", "premei", 1, 1},
		{"taksi", "taxi", 2, 2},
		{"werk", "baan", 1, 2}, // more than max: max+1
		{"ëé", "ee", 2, 2},     // characters, not bytes
	} {
		if got := search.EditDistance(c.a, c.b, c.max); got != c.want {
			t.Errorf("distance(%q, %q, %d) = %d, want %d", c.a, c.b, c.max, got, c.want)
		}
	}
}

func TestEncodeTerm(t *testing.T) {
	for _, c := range []struct{ word, term, want string }{
		{"subsidie", "subsidie", ""},
		{"de", "", "-"},
		{"premies", "premie", "1"},
		{"werken", "werk", "2"},
		{"geïnteresseerde", "geinteresseerd", "13,interesseerd"},
		{"10d", "10", "1"},
		{"ab", "abc", "0,c"},
	} {
		if got := search.EncodeTerm(c.word, c.term); got != c.want {
			t.Errorf("encode(%q, %q) = %q, want %q", c.word, c.term, got, c.want)
		}
	}
}

// TestDocuments: what is indexed of the built site.
func TestDocuments(t *testing.T) {
	f := getFixture(t)
	byURL := map[string]search.Document{}
	for _, d := range f.docs {
		if _, dup := byURL[d.URL]; dup {
			t.Errorf("%s indexed twice", d.URL)
		}
		byURL[d.URL] = d
		if d.Title == "" {
			t.Errorf("%s: no title", d.URL)
		}
		if strings.Contains(d.Text, "  ") || strings.Contains(d.Text, "\u00a0") {
			t.Errorf("%s: white space not collapsed", d.URL)
		}
	}
	for url, want := range map[string]search.Document{
		"/voorzieningen/uitstroompremie/":              {Kind: "guide", Title: "Uitstroompremie"},
		"/voorzieningen/uitstroompremie/#wat-krijg-ik": {Kind: "guide", Title: "Uitstroompremie – Wat krijg ik?"},
		"/en/voorzieningen/uitstroompremie/#aanvragen": {Kind: "guide", Title: "Uitstroompremie (exit bonus) – How do I apply?"},
		"/artikel/17/":                   {Kind: "article", Title: "Artikel 17. Uitstroompremie"},
		"/artikel/17/#lid-2":             {Kind: "lid", Title: "Artikel 17. Uitstroompremie – lid 2"},
		"/artikel/1/#lid-1-e":            {Kind: "lid", Title: "Artikel 1. Begrippen – lid 1, onderdeel e"},
		"/en/artikel/9/#onderdeel-b":     {Kind: "lid", Title: "Article 9. Support with a work-study programme – item b"},
		"/en/artikel/17/#lid-5":          {Kind: "lid", Title: "Article 17. Exit bonus – paragraph 5"},
		"/artikel/17/#toelichting":       {Kind: "explanation", Title: "Artikel 17. Uitstroompremie – Toelichting"},
		"/toelichting/#algemeen":         {Kind: "explanation", Title: "Toelichting op de verordening – Algemeen"},
		"/begrippen/#jobcoach":           {Kind: "glossary", Title: "jobcoach"},
		"/rekenhulp/uitstroompremie/":    {Kind: "calculator", Title: "Rekenhulp uitstroompremie"},
		"/en/begrippen/#uitstroompremie": {Kind: "glossary", Title: "exit bonus (uitstroompremie)"},
	} {
		d, ok := byURL[url]
		if !ok {
			t.Errorf("%s is not indexed", url)
			continue
		}
		if d.Kind != want.Kind || d.Title != want.Title {
			t.Errorf("%s: %s %q, want %s %q", url, d.Kind, d.Title, want.Kind, want.Title)
		}
	}
	// the text of a lid is what the page shows, without markup
	if got := byURL["/artikel/17/#lid-3"].Text; got != "Het totale premiebedrag is maximaal € 600,00 euro." {
		t.Errorf("artikel 17 lid 3: %q", got)
	}
	// the article holds all its leden; the guide section stops at the next heading
	if !strings.Contains(byURL["/artikel/17/"].Text, "Besluit bijstandsverlening zelfstandigen 2004") {
		t.Error("artikel 17 misses lid 5")
	}
	if s := byURL["/voorzieningen/uitstroompremie/#voorbeeld"].Text; !strings.HasPrefix(s, "Dit is een verzonnen voorbeeld.") || strings.Contains(s, "De regels") {
		t.Errorf("voorbeeld: %q", s)
	}
	// not indexed: hidden and visually hidden text, the search page, 404
	for _, d := range f.docs {
		for _, bad := range []string{"Vul de vragen in. Klik dan op Bereken.", "Op deze pagina", "Andere taal"} {
			if strings.Contains(d.Text, bad) {
				t.Errorf("%s indexes hidden text %q", d.URL, bad)
			}
		}
		if u := strings.TrimPrefix(d.URL, "/en"); strings.HasPrefix(u, "/zoeken/") || strings.HasPrefix(u, "/leesbaarheid/") || strings.Contains(u, "404") {
			t.Errorf("%s is indexed", d.URL)
		}
	}
}

func TestDocumentsFromHTMLSkips(t *testing.T) {
	page := "<html lang=nl><head>%s</head><body><main><h1>Titel</h1><p>Tekst</p></main></body></html>"
	docs, err := search.DocumentsFromHTML(map[string][]byte{
		"index.html":                  []byte(fmt.Sprintf(page, "")),
		"rekenhulp/index.html":        []byte(fmt.Sprintf(page, `<meta name="robots" content="noindex, nofollow">`)),
		"leesbaarheid/index.html":     []byte(fmt.Sprintf(page, "")),
		"zoeken/index.html":           []byte(fmt.Sprintf(page, "")),
		"en/iets-nieuws/index.html":   []byte(fmt.Sprintf(page, "")),
		"voorzieningen/x/uitleg.html": []byte(fmt.Sprintf(page, "")),
	}, routes.Languages{"nl", "en"})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].URL != "/" || docs[0].Text != "Tekst" {
		t.Errorf("docs %+v, want only the home page", docs)
	}
}

func TestDocumentsFromHTMLErrors(t *testing.T) {
	for name, page := range map[string]string{
		"artikel/1/index.html": "<html lang=nl><body><main><p>no heading</p></main></body></html>",
		"begrippen/index.html": "<html lang=nl><body><main><h1>B</h1><dl><dd>no term</dd></dl></main></body></html>",
		"index.html":           "<html lang=nl><body><p>no main</p></body></html>",
	} {
		if _, err := search.DocumentsFromHTML(map[string][]byte{name: []byte(page)}, routes.Languages{"nl", "en"}); err == nil || !strings.HasPrefix(err.Error(), name+": ") {
			t.Errorf("%s: error %v", name, err)
		}
	}
}

// TestConcurrentSearch: the server searches for many residents at once
// (run with -race).
func TestConcurrentSearch(t *testing.T) {
	f := getFixture(t)
	qs := loadQuestions(t)
	done := make(chan error)
	for i := 0; i < 8; i++ {
		go func(i int) {
			var err error
			for _, lang := range langs {
				for _, q := range qs[lang] {
					if _, e := f.ix.Search(q.Q[:len(q.Q)-i%3], lang, 5); e != nil {
						err = e
					}
				}
			}
			done <- err
		}(i)
	}
	for i := 0; i < 8; i++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

// TestExportDeterministic: two builds of the same site give the same index files.
func TestExportDeterministic(t *testing.T) {
	f := getFixture(t)
	for _, lang := range langs {
		b, err := search.ExportBrowser(f.docs, lang, f.syn)
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != string(f.exports[lang]) {
			t.Errorf("%s: the export differs between two runs", lang)
		}
	}
	if _, err := search.ExportBrowser(f.docs, "fr", f.syn); err == nil {
		t.Error("exporting a language without documents should fail")
	}
}

func BenchmarkBuildIndex(b *testing.B) {
	f := getFixture(b)
	for i := 0; i < b.N; i++ {
		ix, err := search.NewIndex(f.docs, f.syn)
		if err != nil {
			b.Fatal(err)
		}
		ix.Close()
		for _, lang := range langs {
			if _, err := search.ExportBrowser(f.docs, lang, f.syn); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkSearch(b *testing.B) {
	f := getFixture(b)
	qs := loadQuestions(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := qs["nl"][i%len(qs["nl"])]
		if _, err := f.ix.Search(q.Q, "nl", 8); err != nil {
			b.Fatal(err)
		}
	}
}
