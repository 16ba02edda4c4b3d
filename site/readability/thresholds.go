package readability

import (
	"bytes"
	"errors"
	"io"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/regelgids/regelgids/internal/diag"
	"github.com/regelgids/regelgids/site/internal/yamlfile"
)

// Thresholds are the limits a text must keep to pass at language level B1,
// read from a file such as leesbaarheid.yaml in a content folder. Every rule
// names its source.
type Thresholds struct {
	Rules []Rule `yaml:"rules" json:"rules"`
	// Bands are published score tables (Flesch–Douma, Brouwer, Flesch
	// Reading Ease) for showing a score in words; they decide nothing.
	Bands []Band `yaml:"bands" json:"bands,omitempty"`
}

// Rule is one limit on one metric, for one language and some kinds of
// text.
type Rule struct {
	Metric string   `yaml:"metric" json:"metric"`
	Lang   string   `yaml:"lang" json:"lang"`
	Kinds  []string `yaml:"kinds" json:"kinds"`
	Min    *float64 `yaml:"min" json:"min,omitempty"`
	Max    *float64 `yaml:"max" json:"max,omitempty"`
	// MinWords applies a text-level rule only to texts of at least this
	// many words: the formulas were made for samples of 100 words.
	MinWords int    `yaml:"min_words" json:"min_words,omitempty"`
	Source   string `yaml:"source" json:"source"`
	URL      string `yaml:"url" json:"url,omitempty"`
	// Guidance is true where the source gives advice but no number: the
	// number is then the project's reading of that advice.
	Guidance bool   `yaml:"guidance" json:"guidance,omitempty"`
	Note     string `yaml:"note" json:"note,omitempty"`
	Line     int    `yaml:"-" json:"-"`
}

// Band is a published table of score ranges with their meaning.
type Band struct {
	Metric string      `yaml:"metric" json:"metric"`
	Source string      `yaml:"source" json:"source"`
	URL    string      `yaml:"url" json:"url,omitempty"`
	Ranges []BandRange `yaml:"ranges" json:"ranges"`
}

// BandRange is one row of a Band: From ≤ score < To.
type BandRange struct {
	From  float64 `yaml:"from" json:"from"`
	To    float64 `yaml:"to" json:"to"`
	Label string  `yaml:"label" json:"label"`
}

// The metrics a rule can limit, with the languages they exist for.
var metricLangs = map[string]string{
	"sentence_words":       "nl en",
	"avg_sentence_words":   "nl en",
	"long_words_share":     "nl en",
	"uncommon_words_share": "nl",
	"passive_sentences":    "nl en",
	"unexplained_jargon":   "nl en",
	"flesch_douma":         "nl",
	"brouwer":              "nl",
	"flesch_reading_ease":  "en",
	"flesch_kincaid_grade": "en",
}

// Kinds are the kinds of text Analyze knows.
var Kinds = []string{"guide", "glossary", "article", "explanation"}

// ParseThresholds reads a thresholds file. Errors (a *diag.Diagnostic or a
// *diag.List) read "file:line: message", one per line, for unknown keys, unknown metrics, languages or kinds, a
// rule without a limit or without a source.
func ParseThresholds(file string, data []byte) (*Thresholds, error) {
	var t Thresholds
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&t); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &diag.Diagnostic{File: file, Line: 1, Message: `empty file; expected a list of rules under "rules"`}
		}
		return nil, yamlfile.Error(file, err)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, yamlfile.Error(file, err)
	}
	ruleLines, bandLines := itemLines(&root, "rules"), itemLines(&root, "bands")
	var errs diag.List
	fail := func(line int, format string, args ...any) { errs.Errorf(file, line, format, args...) }
	if len(t.Rules) == 0 {
		fail(1, "no rules")
	}
	for i := range t.Rules {
		r := &t.Rules[i]
		if i < len(ruleLines) {
			r.Line = ruleLines[i]
		}
		langs, ok := metricLangs[r.Metric]
		switch {
		case !ok:
			fail(r.Line, "unknown metric %q; known: %s", r.Metric, strings.Join(metricNames(), ", "))
		case r.Lang != "nl" && r.Lang != "en":
			fail(r.Line, "lang %q: want nl or en", r.Lang)
		case !strings.Contains(langs, r.Lang):
			fail(r.Line, "metric %s is not computed for lang %s", r.Metric, r.Lang)
		}
		if len(r.Kinds) == 0 {
			fail(r.Line, "rule for %s names no kinds; known: %s", r.Metric, strings.Join(Kinds, ", "))
		}
		for _, k := range r.Kinds {
			if !knownKind(k) {
				fail(r.Line, "unknown kind %q; known: %s", k, strings.Join(Kinds, ", "))
			}
		}
		if r.Min == nil && r.Max == nil {
			fail(r.Line, "rule for %s has neither min nor max", r.Metric)
		}
		if strings.TrimSpace(r.Source) == "" {
			fail(r.Line, "rule for %s has no source", r.Metric)
		}
		if r.MinWords < 0 {
			fail(r.Line, "min_words %d is negative", r.MinWords)
		}
	}
	for i, b := range t.Bands {
		line := 1
		if i < len(bandLines) {
			line = bandLines[i]
		}
		if _, ok := metricLangs[b.Metric]; !ok {
			fail(line, "unknown metric %q in bands", b.Metric)
		}
		if strings.TrimSpace(b.Source) == "" {
			fail(line, "bands for %s have no source", b.Metric)
		}
		for _, r := range b.Ranges {
			if r.From >= r.To {
				fail(line, "band %q: from %g is not below to %g", r.Label, r.From, r.To)
			}
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return &t, nil
}

// For returns the rules that apply to a language and kind of text.
func (t *Thresholds) For(lang, kind string) []Rule {
	if t == nil {
		return nil
	}
	var out []Rule
	for _, r := range t.Rules {
		if r.Lang != lang {
			continue
		}
		for _, k := range r.Kinds {
			if k == kind {
				out = append(out, r)
				break
			}
		}
	}
	return out
}

// Label returns the meaning of a score in the published bands for the
// metric ("normaal"), or "".
func (t *Thresholds) Label(metric string, score float64) string {
	if t == nil {
		return ""
	}
	for _, b := range t.Bands {
		if b.Metric != metric {
			continue
		}
		for _, r := range b.Ranges {
			if score >= r.From && score < r.To {
				return r.Label
			}
		}
	}
	return ""
}

func knownKind(k string) bool {
	for _, known := range Kinds {
		if k == known {
			return true
		}
	}
	return false
}

func metricNames() []string {
	names := make([]string, 0, len(metricLangs))
	for n := range metricLangs {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// itemLines returns the line of each item of the top-level sequence key.
func itemLines(root *yaml.Node, key string) []int {
	if len(root.Content) != 1 || root.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	m := root.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key && m.Content[i+1].Kind == yaml.SequenceNode {
			var lines []int
			for _, item := range m.Content[i+1].Content {
				lines = append(lines, item.Line)
			}
			return lines
		}
	}
	return nil
}
