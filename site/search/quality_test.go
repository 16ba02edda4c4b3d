package search_test

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/regelgids/regelgids/content"
)

// question is one query of the query set (content/eemsdelta/zoeken/vragen.yaml).
type question struct {
	Q    string `yaml:"q" json:"q"`
	Want string `yaml:"want" json:"want"`
}

func loadQuestions(t testing.TB) map[string][]question {
	t.Helper()
	b, err := fs.ReadFile(content.Default(), "zoeken/vragen.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var qs map[string][]question
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	if err := dec.Decode(&qs); err != nil {
		t.Fatalf("zoeken/vragen.yaml: %v", err)
	}
	return qs
}

// hits reports whether the result URL is the wanted page or section: a
// wanted page without an anchor is hit by any section of that page.
func hits(url, want string) bool {
	if strings.Contains(want, "#") {
		return url == want
	}
	if i := strings.IndexByte(url, '#'); i >= 0 {
		url = url[:i]
	}
	return url == want
}

// rank returns the 1-based position of the wanted page in urls, or 0.
func rank(urls []string, want string) int {
	for i, u := range urls {
		if hits(u, want) {
			return i + 1
		}
	}
	return 0
}

type jsResult struct {
	URL     string  `json:"url"`
	Title   string  `json:"title"`
	Kind    string  `json:"kind"`
	Score   float64 `json:"score"`
	Snippet string  `json:"snippet"`
}

type jsSearch struct {
	MS      float64    `json:"ms"`
	Results []jsResult `json:"results"`
}

func browserSearch(t testing.TB, lang string, queries []string, n int) []jsSearch {
	t.Helper()
	var out []jsSearch
	if err := getNode(t).call(map[string]any{"op": "search", "lang": lang, "queries": queries, "n": n}, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestQuality runs the query set through bleve and through the browser
// search, reports hit@1 and hit@3 per engine and language, and fails under
// 90% hit@3.
func TestQuality(t *testing.T) {
	f := getFixture(t)
	qs := loadQuestions(t)
	if len(qs["nl"]) < 40 || len(qs["en"]) < 15 {
		t.Errorf("the query set has %d Dutch and %d English queries; want at least 40 and 15", len(qs["nl"]), len(qs["en"]))
	}
	var table strings.Builder
	fmt.Fprintf(&table, "\n%-8s %-4s %7s %7s %7s\n", "engine", "lang", "queries", "hit@1", "hit@3")
	for _, lang := range langs {
		var queries []string
		for _, q := range qs[lang] {
			queries = append(queries, q.Q)
		}
		js := browserSearch(t, lang, queries, 3)
		var h1, h3, b1, b3 int
		for i, q := range qs[lang] {
			if !strings.HasPrefix(q.Want, "/") {
				t.Errorf("%s %q: want %q is not a site path", lang, q.Q, q.Want)
			}
			found := false
			for _, d := range f.docs {
				found = found || hits(d.URL, q.Want)
			}
			if !found {
				t.Errorf("%s %q: want %q is not an indexed page or section", lang, q.Q, q.Want)
			}
			rs, err := f.ix.Search(q.Q, lang, 3)
			if err != nil {
				t.Fatal(err)
			}
			var bl, br []string
			for _, r := range rs {
				bl = append(bl, r.URL)
			}
			for _, r := range js[i].Results {
				br = append(br, r.URL)
			}
			rb, rj := rank(bl, q.Want), rank(br, q.Want)
			b1 += b2i(rb == 1)
			b3 += b2i(rb >= 1)
			h1 += b2i(rj == 1)
			h3 += b2i(rj >= 1)
			if rb != 1 || rj != 1 {
				t.Logf("%s %-40q want %s\n\tbleve   #%d %v\n\tbrowser #%d %v", lang, q.Q, q.Want, rb, bl, rj, br)
			}
		}
		n := len(qs[lang])
		fmt.Fprintf(&table, "%-8s %-4s %7d %6.0f%% %6.0f%%\n", "bleve", lang, n, pct(b1, n), pct(b3, n))
		fmt.Fprintf(&table, "%-8s %-4s %7d %6.0f%% %6.0f%%\n", "browser", lang, n, pct(h1, n), pct(h3, n))
		if pct(b3, n) < 90 {
			t.Errorf("%s: bleve hit@3 is %.0f%%, under 90%%", lang, pct(b3, n))
		}
		if pct(h3, n) < 90 {
			t.Errorf("%s: browser hit@3 is %.0f%%, under 90%%", lang, pct(h3, n))
		}
	}
	t.Log(table.String())
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func pct(a, n int) float64 {
	if n == 0 {
		return 0
	}
	return 100 * float64(a) / float64(n)
}
