package search_test

import (
	"math/rand"
	"reflect"
	"sort"
	"strings"
	"testing"

	bleveunicode "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"

	"github.com/regelgids/regelgids/site/search"
)

type analyzed struct {
	Terms []string `json:"terms"`
	Parts []string `json:"parts"`
}

// TestTermParity: for every indexed text (each document's title and text,
// in both languages) the browser's analysis yields exactly the terms of
// bleve's analyzer, in order, for the text fields and for the compound
// parts fields; and the terms the browser indexes per field are bleve's
// dictionary of that field.
func TestTermParity(t *testing.T) {
	f := getFixture(t)
	n := getNode(t)
	for _, lang := range langs {
		var texts []string
		for _, d := range f.docs {
			if d.Lang == lang {
				texts = append(texts, d.Title, d.Text)
			}
		}
		var got []analyzed
		if err := n.call(map[string]any{"op": "analyze", "lang": lang, "texts": texts}, &got); err != nil {
			t.Fatal(err)
		}
		bad := 0
		for i, text := range texts {
			terms, parts := f.ix.BleveTerms(lang, text)
			if !sameStrings(got[i].Terms, terms) || !sameStrings(got[i].Parts, parts) {
				bad++
				if bad <= 5 {
					t.Errorf("%s: %.80q:\nbrowser terms %q\nbleve terms   %q\nbrowser parts %q\nbleve parts   %q",
						lang, text, got[i].Terms, terms, got[i].Parts, parts)
				}
			}
		}
		if bad > 0 {
			t.Errorf("%s: %d of %d texts differ", lang, bad, len(texts))
		}
		var fields map[string][]string
		if err := n.call(map[string]any{"op": "fieldTerms", "lang": lang}, &fields); err != nil {
			t.Fatal(err)
		}
		for _, field := range []string{"title", "text", "tparts", "xparts"} {
			want, err := f.ix.FieldTerms(lang, field)
			if err != nil {
				t.Fatal(err)
			}
			if !sameStrings(fields[field], want) {
				t.Errorf("%s %s: browser has %d terms, bleve's dictionary %d: %s", lang, field, len(fields[field]), len(want), diff(fields[field], want))
			}
		}
		t.Logf("%s: %d texts, terms identical to bleve's", lang, len(texts))
	}
}

func sameStrings(a, b []string) bool {
	return len(a) == len(b) && (len(a) == 0 || reflect.DeepEqual(a, b))
}

func diff(got, want []string) string {
	g, w := map[string]bool{}, map[string]bool{}
	for _, s := range got {
		g[s] = true
	}
	for _, s := range want {
		w[s] = true
	}
	var extra, missing []string
	for s := range g {
		if !w[s] {
			extra = append(extra, s)
		}
	}
	for s := range w {
		if !g[s] {
			missing = append(missing, s)
		}
	}
	sort.Strings(extra)
	sort.Strings(missing)
	if len(extra) > 10 {
		extra = extra[:10]
	}
	if len(missing) > 10 {
		missing = missing[:10]
	}
	return "extra " + strings.Join(extra, " ") + "; missing " + strings.Join(missing, " ")
}

// bleveTokens returns the lowercased tokens of bleve's unicode tokenizer.
func bleveTokens(s string) []string {
	var out []string
	for _, t := range bleveunicode.NewUnicodeTokenizer().Tokenize([]byte(s)) {
		out = append(out, search.Lower(string(t.Term)))
	}
	return out
}

// randomLatin returns a string of letters, digits, joiners, marks and
// separators: the characters whose word-boundary rules the tokenizer
// reproduces.
func randomLatin(r *rand.Rand) string {
	alphabet := []string{"a", "b", "e", "Z", "é", "ë", "ß", "İ", "ſ", "ĳ", "0", "7", "'", "’", "‘", ".", ",", ";", ":", "·",
		"_", "‿", "-", " ", "\n", "\r\n", "\u00ad", "\u0301", "\u200d", "\u2060", "/", "(", "€", "\t", "\u00a0", "…", "!", "?"}
	var b strings.Builder
	for n := r.Intn(30); n > 0; n-- {
		b.WriteString(alphabet[r.Intn(len(alphabet))])
	}
	return b.String()
}

// TestTokenizerMatchesBleve: the browser's tokenizer rules (Go side) split
// every indexed text, and random Latin text, as bleve's unicode tokenizer
// does; and the script agrees with the Go side.
func TestTokenizerMatchesBleve(t *testing.T) {
	f := getFixture(t)
	texts := []string{}
	for _, d := range f.docs {
		texts = append(texts, d.Title, d.Text)
	}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 5000; i++ {
		texts = append(texts, randomLatin(r))
	}
	for _, s := range texts {
		if got, want := search.Tokenize(s), bleveTokens(s); !sameStrings(got, want) {
			t.Fatalf("%q: tokens %q, bleve %q", s, got, want)
		}
	}
	n := getNode(t)
	var js [][]string
	if err := n.call(map[string]any{"op": "tokenize", "texts": texts}, &js); err != nil {
		t.Fatal(err)
	}
	for i, s := range texts {
		if got := search.Tokenize(s); !sameStrings(js[i], got) {
			t.Fatalf("%q: script %q, Go %q", s, js[i], got)
		}
	}
}

// TestCharClassesMatchScript compares the character classes and the
// lowercasing of the script with the Go side for every code point.
func TestCharClassesMatchScript(t *testing.T) {
	n := getNode(t)
	var runs [][2]int
	if err := n.call(map[string]any{"op": "classes"}, &runs); err != nil {
		t.Fatal(err)
	}
	runs = append(runs, [2]int{0x110000, -1})
	var inWords []int
	for i := 0; i+1 < len(runs); i++ {
		for cp := runs[i][0]; cp < runs[i+1][0]; cp++ {
			if cp >= 0xD800 && cp <= 0xDFFF {
				continue // not characters; Go sees U+FFFD
			}
			if got := search.CharClass(rune(cp)); got != runs[i][1] {
				t.Fatalf("U+%04X: class %d in the script, %d in Go", cp, runs[i][1], got)
			}
			if runs[i][1] != 0 && runs[i][1] != 8 {
				inWords = append(inWords, cp)
			}
		}
	}
	var lowered []string
	if err := n.call(map[string]any{"op": "lower", "cps": inWords}, &lowered); err != nil {
		t.Fatal(err)
	}
	for i, cp := range inWords {
		if want := search.Lower(string(rune(cp))); lowered[i] != want {
			t.Errorf("U+%04X: lowercase %q in the script, %q in Go (bleve)", cp, lowered[i], want)
		}
	}
}
