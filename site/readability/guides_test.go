package readability

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/regelgids/regelgids/internal/golden"

	"go.yaml.in/yaml/v3"
)

const content = "../../content/eemsdelta"

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// eemsdeltaThresholds reads the project's thresholds file.
func eemsdeltaThresholds(t testing.TB) *Thresholds {
	t.Helper()
	name := filepath.Join(content, "leesbaarheid.yaml")
	th, err := ParseThresholds(name, readFile(t, name))
	if err != nil {
		t.Fatal(err)
	}
	return th
}

// wordList reads a word list: one entry a line, "#" starts a comment.
func wordList(t testing.TB, name string) []string {
	t.Helper()
	return ParseWords(readFile(t, filepath.Join(content, "woorden", name)))
}

// glossaryTerms returns every term and form of a glossary file: the site
// marks each of them as a glossary term on a guide page, which counts as
// explained. "ex officio (ambtshalve)" yields the whole, both parts.
func glossaryTerms(t testing.TB, lang string) []string {
	t.Helper()
	var entries []struct {
		Term  string   `yaml:"term"`
		Forms []string `yaml:"forms"`
	}
	if err := yaml.Unmarshal(readFile(t, filepath.Join(content, "begrippen", lang+".yaml")), &entries); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		for _, s := range append([]string{e.Term}, e.Forms...) {
			out = append(out, s)
			if before, inside, ok := strings.Cut(s, " ("); ok {
				out = append(out, before, strings.TrimSuffix(inside, ")"))
			}
		}
	}
	return out
}

// params reads content/eemsdelta/parameters.yaml and formats the newest
// value of each parameter as a guide shows it.
func params(t testing.TB, lang string) map[string]string {
	t.Helper()
	var raw map[string]struct {
		Unit   string `yaml:"unit"`
		Values []struct {
			Value string `yaml:"value"`
		} `yaml:"values"`
	}
	if err := yaml.Unmarshal(readFile(t, filepath.Join(content, "parameters.yaml")), &raw); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for name, p := range raw {
		if len(p.Values) == 0 {
			continue
		}
		v := p.Values[len(p.Values)-1].Value
		out[name] = formatParam(v, p.Unit, lang)
	}
	return out
}

func formatParam(v, unit, lang string) string {
	whole, frac, _ := strings.Cut(v, ".")
	if strings.Trim(frac, "0") == "" {
		frac = ""
	}
	sep, dec := ".", ","
	if lang == "en" {
		sep, dec = ",", "."
	}
	if len(whole) > 3 {
		whole = whole[:len(whole)-3] + sep + whole[len(whole)-3:]
	}
	n := whole
	if frac != "" {
		n += dec + frac
	}
	plural := v != "1"
	switch unit {
	case "EUR", "EUR/hour":
		if lang == "en" {
			return "€" + n
		}
		return "€ " + n
	case "percent":
		return n + "%"
	case "months":
		if lang == "en" {
			return n + map[bool]string{true: " months", false: " month"}[plural]
		}
		return n + map[bool]string{true: " maanden", false: " maand"}[plural]
	case "years":
		if lang == "en" {
			return n + map[bool]string{true: " years", false: " year"}[plural]
		}
		return n + " jaar"
	}
	return n
}

var (
	reLink  = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	reParam = regexp.MustCompile(`\{\{<\s*param\s+"([^"]+)"\s*>\}\}`)
)

// guideText turns a guide's Markdown into the plain text Analyze reads:
// no front matter, headings without "## ", links as their text, parameters
// as their values.
func guideText(t testing.TB, md string, values map[string]string) string {
	t.Helper()
	if rest, ok := strings.CutPrefix(md, "---\n"); ok {
		if _, body, ok := strings.Cut(rest, "\n---\n"); ok {
			md = body
		}
	}
	md = reParam.ReplaceAllStringFunc(md, func(m string) string {
		name := reParam.FindStringSubmatch(m)[1]
		v, ok := values[name]
		if !ok {
			t.Errorf("unknown parameter %q", name)
		}
		return v
	})
	md = reLink.ReplaceAllString(md, "$1")
	var lines []string
	for _, line := range strings.Split(md, "\n") {
		lines = append(lines, strings.TrimPrefix(line, "## "))
	}
	return strings.Join(lines, "\n")
}

// TestGuidesGolden scores every guide in both languages, pins the metrics
// in testdata/guides.golden and requires every guide to pass B1, so a guide
// that slips above B1 breaks CI. The thresholds are not lowered to make a
// guide pass: the text is rewritten.
func TestGuidesGolden(t *testing.T) {
	th := eemsdeltaThresholds(t)
	jargon := wordList(t, "jargon.txt")
	common := map[string]bool{}
	for _, w := range wordList(t, "gewone-woorden.txt") {
		common[w] = true
	}
	var b strings.Builder
	b.WriteString("# Metrics of every guide; regenerate with go test -update.\n")
	for _, lang := range []string{"nl", "en"} {
		values := params(t, lang)
		explained := glossaryTerms(t, lang)
		files, err := filepath.Glob(filepath.Join(content, "gidsen", lang, "*.md"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no guides for %s: %v", lang, err)
		}
		sort.Strings(files)
		for _, f := range files {
			text := guideText(t, string(readFile(t, f)), values)
			opts := Options{Kind: "guide", Thresholds: th, Jargon: jargon, Explained: explained}
			if lang == "nl" {
				opts.Common = common
			}
			r := Analyze(text, lang, opts)
			name := lang + "/" + filepath.Base(f)
			fmt.Fprintf(&b, "%s %s\n", name, summary(r))
			for _, p := range r.Problems {
				fmt.Fprintf(&b, "  FAIL %s: %q\n", p.Reason, p.Sentence)
			}
			for _, p := range r.Problems {
				t.Errorf("%s does not pass B1: %s (%q)", name, p.Reason, p.Sentence)
			}
		}
	}
	t.Log("\n" + b.String())
	golden.Check(t, "guides.golden", []byte(b.String()))
}

// summary is one line of metrics.
func summary(r *Report) string {
	m := r.Metrics
	s := fmt.Sprintf("words=%d sentences=%d avg=%.1f max=%d syl/word=%.2f long=%.1f%% passive=%d jargon=%d",
		m.Words, m.Sentences, m.AvgSentenceWords, m.MaxSentenceWords, m.SyllablesPerWord, m.LongWordsShare, m.PassiveSentences, m.UnexplainedJargon)
	for _, v := range []struct {
		name string
		v    *float64
	}{{"uncommon", m.UncommonWordsShare}, {"douma", m.FleschDouma}, {"brouwer", m.Brouwer}, {"fre", m.FleschReadingEase}, {"fk", m.FleschKincaidGrade}} {
		if v.v != nil {
			s += fmt.Sprintf(" %s=%.1f", v.name, *v.v)
		}
	}
	if r.Pass {
		return s + " pass"
	}
	return s + " fail"
}
