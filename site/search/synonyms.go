package search

import (
	"fmt"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Synonyms are groups of words and short phrases that mean the same to a
// resident: a search for one also finds the others (stage ↔
// werkervaringsplaats, taxi ↔ vervoer).
type Synonyms struct {
	groups map[string][][]string // language → groups → phrases (lowercased words, one space apart)
}

// maxPhraseWords is the longest phrase a synonym may be.
const maxPhraseWords = 4

// LoadSynonyms reads a synonym file: per language a list of groups, each a
// list of at least two words or short phrases.
//
//	nl:
//	  - [stage, stageplek, werkervaringsplaats]
//	en:
//	  - [internship, work experience placement]
//
// Errors name the file and line.
func LoadSynonyms(file string, data []byte) (*Synonyms, error) {
	fail := func(line int, format string, args ...any) error {
		return fmt.Errorf("%s:%d: %s", file, line, fmt.Sprintf(format, args...))
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		var te *yaml.TypeError
		if ok := asTypeError(err, &te); ok && len(te.Errors) > 0 {
			return nil, fmt.Errorf("%s: %s", file, te.Errors[0])
		}
		return nil, fmt.Errorf("%s: %v", file, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	s := &Synonyms{groups: map[string][][]string{}}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return s, nil // an empty file: no synonyms
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, fail(root.Line, "expected a language code (nl, en) with a list of synonym groups")
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, val := root.Content[i], root.Content[i+1]
		lang := k.Value
		if _, ok := Languages[lang]; !ok {
			return nil, fail(k.Line, "unknown language %q (known: %s)", lang, strings.Join(sortedKeys(Languages), ", "))
		}
		if _, dup := s.groups[lang]; dup {
			return nil, fail(k.Line, "language %q appears twice", lang)
		}
		s.groups[lang] = [][]string{}
		if val.Kind == yaml.ScalarNode && val.Tag == "!!null" {
			continue
		}
		if val.Kind != yaml.SequenceNode {
			return nil, fail(val.Line, "%s: expected a list of synonym groups", lang)
		}
		stops := map[string]bool{}
		for _, w := range stopWords(lang) {
			stops[w] = true
		}
		for _, g := range val.Content {
			if g.Kind != yaml.SequenceNode {
				return nil, fail(g.Line, "expected a group: a list like [stage, werkervaringsplaats]")
			}
			if len(g.Content) < 2 {
				return nil, fail(g.Line, "a group needs at least two words or phrases")
			}
			var group []string
			seen := map[string]bool{}
			for _, m := range g.Content {
				if m.Kind != yaml.ScalarNode || m.Tag != "!!str" && m.Tag != "!!int" {
					return nil, fail(m.Line, "expected a word or phrase, got %s", describe(m))
				}
				var words []string
				for _, t := range tokenize(m.Value) {
					words = append(words, lower(t.Text))
				}
				switch {
				case len(words) == 0:
					return nil, fail(m.Line, "%q has no words", m.Value)
				case len(words) > maxPhraseWords:
					return nil, fail(m.Line, "%q is longer than %d words; keep synonyms short", m.Value, maxPhraseWords)
				}
				allStop := true
				for _, w := range words {
					allStop = allStop && stops[w]
				}
				if allStop {
					return nil, fail(m.Line, "%q has only stop words, which are never searched", m.Value)
				}
				phrase := strings.Join(words, " ")
				if seen[phrase] {
					return nil, fail(m.Line, "%q appears twice in this group", m.Value)
				}
				seen[phrase] = true
				group = append(group, phrase)
			}
			s.groups[lang] = append(s.groups[lang], group)
		}
	}
	return s, nil
}

// Groups returns the synonym groups of a language.
func (s *Synonyms) Groups(lang string) [][]string {
	if s == nil {
		return nil
	}
	return s.groups[lang]
}

func asTypeError(err error, te **yaml.TypeError) bool {
	t, ok := err.(*yaml.TypeError)
	if ok {
		*te = t
	}
	return ok
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.AliasNode:
		return "an alias"
	}
	return "a " + strings.TrimPrefix(n.Tag, "!!")
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
