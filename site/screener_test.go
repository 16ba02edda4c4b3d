package site_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/regelgids/regelgids/calculators"
	"github.com/regelgids/regelgids/site"
)

// screenerJob is one call the screener page makes: which question next
// (Asked set) or, at the end of a path, the result.
type screenerJob struct {
	Input string   `json:"input"`
	Asked []string `json:"asked"`
	Match bool     `json:"match"`
}

// screenerPaths walks every path a resident can take through the
// screener with JavaScript: each question the rules ask next, answered
// with each of its answers ("weet ik niet" too), until the result. It
// returns the calls the page makes on the way and the rule package's
// answers to them.
func screenerPaths(t *testing.T, s *calculators.Screener, lang string) ([]screenerJob, []string) {
	var jobs []screenerJob
	var want []string
	var walk func(values map[string]string, asked []string)
	walk = func(values map[string]string, asked []string) {
		input := screenerInputJSON(lang, values)
		askedJSON, _ := json.Marshal(asked)
		if asked == nil {
			askedJSON = []byte("[]")
		}
		next := calculators.NextJSON([]byte(input), askedJSON, mustJSON(t, s))
		if lang == "nl" {
			// The next question does not depend on the language.
			jobs = append(jobs, screenerJob{Input: input, Asked: append([]string{}, asked...)})
			want = append(want, string(next))
		}
		var n struct{ Next string }
		if err := json.Unmarshal(next, &n); err != nil {
			t.Fatalf("%s: %s", input, next)
		}
		if n.Next == "" {
			jobs = append(jobs, screenerJob{Input: input, Match: true})
			a, err := calculators.ParseAnswers([]byte(input))
			if err != nil {
				t.Fatal(err)
			}
			b, _ := s.Match(a).MarshalJSON()
			want = append(want, string(b))
			return
		}
		if len(asked) >= 8 {
			t.Fatalf("a ninth question after %v", asked)
		}
		for _, c := range s.Choices(n.Next) {
			v := map[string]string{n.Next: c.Value}
			for k, x := range values {
				v[k] = x
			}
			walk(v, append(append([]string{}, asked...), n.Next))
		}
	}
	walk(map[string]string{}, nil)
	return jobs, want
}

var rulesJSON []byte

func mustJSON(t *testing.T, s *calculators.Screener) []byte {
	if rulesJSON == nil {
		var err error
		if rulesJSON, err = s.MarshalJSON(); err != nil {
			t.Fatal(err)
		}
	}
	return rulesJSON
}

// screenerInputJSON is the input as the page's script writes it: age and
// benefit always (null until known), others only when known.
func screenerInputJSON(lang string, values map[string]string) string {
	var b strings.Builder
	b.WriteString(`{"lang":"` + lang + `"`)
	for _, f := range calculators.MatchFields {
		v, ok := values[f.Name]
		if !ok && (f.Name == "age" || f.Name == "benefit") {
			v, ok = "null", true
		}
		if ok && (v != "null" || f.Name == "age" || f.Name == "benefit") {
			b.WriteString(`,"` + f.Name + `":` + v)
		}
	}
	return b.String() + "}"
}

// TestScreenerModuleMatchesRules runs the built WebAssembly module under
// Node.js with the built rules file, as the page does, on every path
// through the screener in both languages (every question the rules ask,
// with every answer), and compares each next question and each result
// with the rule package's.
func TestScreenerModuleMatchesRules(t *testing.T) {
	t.Parallel()
	node := nodePath(t)
	out := generate(t)
	p := mustProject(t)
	rules := out[out.Hashed(site.ScreenerRulesFile)]
	if want, _ := p.Screener.Rules.MarshalJSON(); !bytes.Equal(bytes.TrimSpace(rules), want) {
		t.Fatalf("%s is not the screener's rules", site.ScreenerRulesFile)
	}
	var jobs []screenerJob
	var want []string
	for _, lang := range []string{"nl", "en"} {
		j, w := screenerPaths(t, p.Screener.Rules, lang)
		jobs, want = append(jobs, j...), append(want, w...)
	}
	got := runModule(t, node, out, []string{site.ScreenerRulesFile}, jobs, `
  const rules = fs.readFileSync("regels.json", "utf8");
  const out = jobs.map((j) => j.match
    ? globalThis.regelgidsMatch(j.input, rules)
    : globalThis.regelgidsMatchNext(j.input, JSON.stringify(j.asked), rules));`)
	if len(got) != len(want) {
		t.Fatalf("%d answers for %d calls", len(got), len(want))
	}
	results := 0
	for i := range want {
		if jobs[i].Match {
			results++
		}
		if got[i] != want[i] {
			t.Errorf("%s (asked %v):\nbrowser %s\nrules   %s", jobs[i].Input, jobs[i].Asked, got[i], want[i])
		}
	}
	t.Logf("%d paths, %d calls compared", results, len(jobs))
}

// TestScreenerPages: the pages without JavaScript are bounded, every
// answer links to a page that exists, and a path asks at most 8
// questions.
func TestScreenerPages(t *testing.T) {
	out := generate(t)
	p := mustProject(t)
	n := site.ScreenerPageCount(p)
	if n < 20 || n > 400 {
		t.Errorf("%d screener pages per language; the data's without_javascript list keeps it under 400", n)
	}
	pages := 0
	for name := range out {
		if strings.HasPrefix(name, "wat-past-bij-mij/") && strings.HasSuffix(name, "index.html") {
			pages++
			id := strings.TrimSuffix(strings.TrimPrefix(name, "wat-past-bij-mij/"), "index.html")
			if id != "" && strings.Count(id, "-")+1 > 8 {
				t.Errorf("%s: more than 8 answers on the way", name)
			}
		}
	}
	if pages != n {
		t.Errorf("%d pages written, %d in the tree", pages, n)
	}
}
