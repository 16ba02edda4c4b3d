package search_test

import (
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/regelgids/regelgids/site/search"
)

// extraQueries exercise typing, typos, phrases and odd input.
var extraQueries = map[string][]string{
	"nl": {"", " ", "uit", "uitstr", "uitstroompremie ", "loonkostensubsid", "werkpremie", "werkpremie ",
		"sociale werkplaats", "vervoer naar werk", "job coach", "JOBCOACH!", "zzp'er", "re-integratie",
		"artikel 17 lid 2", "€ 600,00", "ge\u00efnteresseerde", "premie premie premie", "de het een",
		"a b c d e f g h i j k l m n o p", "loonkostesubsidie arbeitsbeperking", "ıi İ ß ẞ"},
	"en": {"", "exit bon", "exit bonus ", "job coach", "wage cost subsidy", "employer's", "how much",
		"transprot", "disabled people", "Article 9 item b"},
}

// TestScriptMatchesGo: the browser engine analyzes queries, ranks and
// makes snippets exactly as the Go side (over bleve's index) does.
func TestScriptMatchesGo(t *testing.T) {
	f := getFixture(t)
	n := getNode(t)
	qs := loadQuestions(t)
	for _, lang := range langs {
		queries := append([]string(nil), extraQueries[lang]...)
		for _, q := range qs[lang] {
			queries = append(queries, q.Q, q.Q[:len(q.Q)/2], q.Q+" ")
		}
		queries = validQueries(queries)
		var js [][]search.QueryWord
		if err := n.call(map[string]any{"op": "query", "lang": lang, "queries": queries}, &js); err != nil {
			t.Fatal(err)
		}
		for i, q := range queries {
			if got := f.ix.AnalyzeQuery(q, lang); !sameWords(js[i], got) {
				t.Errorf("%s %q:\nscript %v\nGo     %v", lang, q, js[i], got)
			}
		}
		res := browserSearch(t, lang, queries, 8)
		for i, q := range queries {
			rs, err := f.ix.Search(q, lang, 8)
			if err != nil {
				t.Fatal(err)
			}
			if msg := sameResults(res[i].Results, rs); msg != "" {
				t.Errorf("%s %q: %s", lang, q, msg)
			}
		}
	}
}

func validQueries(qs []string) []string {
	for i, q := range qs {
		if !utf8.ValidString(q) {
			qs[i] = strings.ToValidUTF8(q, "\uFFFD")
		}
	}
	return qs
}

func sameWords(a, b []search.QueryWord) bool {
	if len(a) == 0 && len(b) == 0 {
		return true
	}
	return reflect.DeepEqual(a, b)
}

// sameResults compares the script's results with Go's: the same sections
// in the same order (two whose scores are equal to rounding may swap), the
// same scores to rounding, the same snippets.
func sameResults(js []jsResult, gr []search.Result) string {
	if len(js) != len(gr) {
		return "script found " + itoa(len(js)) + " results, Go " + itoa(len(gr))
	}
	close := func(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b)) }
	for i := range js {
		j := i
		if js[i].URL != gr[i].URL {
			// a tie broken differently by rounding
			for k := range gr {
				if gr[k].URL == js[i].URL && close(gr[k].Score, gr[i].Score) {
					j = k
				}
			}
		}
		g := gr[j]
		switch {
		case js[i].URL != g.URL:
			return "result " + itoa(i+1) + ": script " + js[i].URL + ", Go " + gr[i].URL
		case !close(js[i].Score, g.Score):
			return js[i].URL + ": score differs"
		case js[i].Title != g.Title || js[i].Kind != g.Kind:
			return js[i].URL + ": title or kind differs"
		case js[i].Snippet != g.Snippet:
			return js[i].URL + ": snippet\nscript " + js[i].Snippet + "\nGo     " + g.Snippet
		}
	}
	return ""
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// FuzzQueryAnalysis: whatever is typed, the script's query analysis equals
// Go's, every term it searches for is in the index, and searching works.
//
//	go test ./site/search -run '^$' -fuzz FuzzQueryAnalysis -fuzztime 20s
func FuzzQueryAnalysis(f *testing.F) {
	for _, qs := range extraQueries {
		for _, q := range qs {
			f.Add(q)
		}
	}
	for _, q := range []string{"premie als ik ga werken", "taxi naar mijn werk", "stagge", "uitstroompremi",
		"jobcoatch", "a.b.c", "1,5", "d'r", "x\u0301y", "\u00ad", "__", "ĳsselmeer", "\xff\xfe", "😀 werk", "werk\u200dplek"} {
		f.Add(q)
	}
	fx := getFixture(f)
	n := getNode(f)
	terms := map[string]map[string]bool{}
	for _, lang := range langs {
		terms[lang] = map[string]bool{}
		for _, field := range []string{"title", "text", "tparts", "xparts"} {
			ts, err := fx.ix.FieldTerms(lang, field)
			if err != nil {
				f.Fatal(err)
			}
			for _, t := range ts {
				terms[lang][t] = true
			}
		}
	}
	f.Fuzz(func(t *testing.T, q string) {
		// the string the script gets, as JSON carries it
		b, _ := json.Marshal(q)
		if err := json.Unmarshal(b, &q); err != nil {
			t.Fatal(err)
		}
		for _, lang := range langs {
			goWords := fx.ix.AnalyzeQuery(q, lang)
			if again := fx.ix.AnalyzeQuery(q, lang); !sameWords(goWords, again) {
				t.Fatalf("%s %q: analysis not deterministic", lang, q)
			}
			var js [][]search.QueryWord
			if err := n.call(map[string]any{"op": "query", "lang": lang, "queries": []string{q}}, &js); err != nil {
				t.Fatal(err)
			}
			if !sameWords(js[0], goWords) {
				t.Fatalf("%s %q:\nscript %v\nGo     %v", lang, q, js[0], goWords)
			}
			for _, w := range goWords {
				for _, a := range w.Alts {
					if a.W <= 0 || a.W > 1 {
						t.Fatalf("%s %q: weight %v", lang, q, a.W)
					}
					for _, term := range a.Terms {
						if !terms[lang][term] {
							t.Fatalf("%s %q: term %q is not in the index", lang, q, term)
						}
					}
				}
			}
			if _, err := fx.ix.Search(q, lang, 5); err != nil {
				t.Fatalf("%s %q: %v", lang, q, err)
			}
		}
	})
}
