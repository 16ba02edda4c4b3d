// Package glossary reads the list of terms a resident may not know, with
// their plain-language definitions, and marks the first use of each term in
// a page's text so a reader can look it up.
package glossary

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/regelgids/regelgids/internal/diag"
	"github.com/regelgids/regelgids/site/internal/yamlfile"
)

// Entry is one term of the glossary.
type Entry struct {
	ID         string   `yaml:"id"`
	Term       string   `yaml:"term"`
	Forms      []string `yaml:"forms"`
	Definition string   `yaml:"definition"`
	// Article, Paragraph and Item point at where the ordinance defines or
	// regulates the term, where it does.
	Article   string `yaml:"article"`
	Paragraph string `yaml:"paragraph"`
	Item      string `yaml:"item"`
	Line      int    `yaml:"-"`
}

var reID = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// Parse reads a glossary file: a YAML list of entries. Errors name the file
// and line of the entry: a *diag.Diagnostic or a *diag.List.
func Parse(file string, src []byte) ([]Entry, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		return nil, yamlfile.Error(file, err)
	}
	if len(root.Content) == 0 {
		return nil, &diag.Diagnostic{File: file, Line: 1, Message: "empty file"}
	}
	list := root.Content[0]
	if list.Kind != yaml.SequenceNode {
		return nil, &diag.Diagnostic{File: file, Line: list.Line, Message: `expected a list of entries (lines starting with "- id:")`}
	}
	var entries []Entry
	var problems diag.List
	fail := func(line int, format string, args ...any) { problems.Errorf(file, line, format, args...) }
	seen := map[string]int{}
	forms := map[string]formAt{} // lower-case form → the entry that has it
	for _, n := range list.Content {
		if n.Kind != yaml.MappingNode {
			fail(n.Line, "expected an entry with id, term and definition")
			continue
		}
		if !knownKeys(n, fail) {
			continue
		}
		var e Entry
		if err := n.Decode(&e); err != nil {
			problems.Append(file, yamlfile.Error(file, err))
			continue
		}
		e.Line = n.Line
		switch {
		case !reID.MatchString(e.ID):
			fail(n.Line, "id %q is not a slug (lowercase letters, digits, hyphens)", e.ID)
		case seen[e.ID] > 0:
			fail(n.Line, "id %q also at line %d", e.ID, seen[e.ID])
		case strings.TrimSpace(e.Term) == "" || strings.TrimSpace(e.Definition) == "":
			fail(n.Line, "%s: term and definition are required", e.ID)
		case strings.Contains(e.Term+e.Definition, "{{"):
			// It would be printed as it is: shortcodes are for guides.
			fail(n.Line, "%s: \"{{\" in a glossary entry; shortcodes such as {{< param \"name\" >}} work only in guides", e.ID)
		}
		seen[e.ID] = n.Line
		for _, f := range formNodes(n) {
			w := f.Value
			key := strings.ToLower(strings.TrimSpace(w))
			switch prev, dup := forms[key]; {
			case key == "":
			case utf8.RuneCountInString(key) < MinForm:
				// "u" would link every "u" on the site.
				fail(f.Line, "%s: the form %q is too short to mark in running text (at least %d letters)", e.ID, w, MinForm)
			case dup && prev.id != e.ID:
				// Two entries with one form would split its links.
				fail(f.Line, "%s: the form %q is also a form of %s (line %d); give each form to one entry", e.ID, w, prev.id, prev.line)
			case !dup:
				forms[key] = formAt{e.ID, f.Line}
			}
		}
		entries = append(entries, e)
	}
	if err := problems.Err(); err != nil {
		return nil, err
	}
	return entries, nil
}

// MinForm is the shortest term or form the glossary marks: short
// abbreviations such as "UWV" and "Wmo" still count.
const MinForm = 3

type formAt struct {
	id   string
	line int
}

// formNodes are the term and the forms of an entry, with their lines.
func formNodes(n *yaml.Node) []*yaml.Node {
	var out []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		switch k, v := n.Content[i], n.Content[i+1]; {
		case k.Value == "term" && v.Kind == yaml.ScalarNode:
			out = append(out, v)
		case k.Value == "forms" && v.Kind == yaml.SequenceNode:
			for _, f := range v.Content {
				if f.Kind == yaml.ScalarNode {
					out = append(out, f)
				}
			}
		}
	}
	return out
}

var entryKeys = []string{"id", "term", "forms", "definition", "article", "paragraph", "item"}

// knownKeys refuses keys an entry does not have, at their own line: a
// typo such as "defintion" would otherwise drop the definition silently.
func knownKeys(n *yaml.Node, fail func(int, string, ...any)) bool {
	ok := true
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if !slices.Contains(entryKeys, k.Value) {
			fail(k.Line, "unknown key %q (allowed: %s)", k.Value, strings.Join(entryKeys, ", "))
			ok = false
		}
	}
	return ok
}

// Marker finds the first use of each term on one page. It is stateful: a
// term marked once is not marked again on the same page.
type Marker struct {
	terms *Terms
	seen  []bool // by entry, as Terms.ids numbers them
	href  func(id string) string
	next  []int // Split's, kept for the next text
}

type word struct {
	lower string
	id    string
	entry int // index of id in Terms.ids
}

// Terms are the words of a glossary, longest first, ready for matching:
// made once per language and shared by the markers of all its pages,
// which only read them.
type Terms struct {
	words []word
	ids   map[string]int
	// byFirst lists the words by their first byte: a text is read once
	// for the places a word can start, not once per word.
	byFirst [256][]int
}

// NewTerms prepares the entries for matching.
func NewTerms(entries []Entry) *Terms {
	t := &Terms{ids: map[string]int{}}
	for _, e := range entries {
		if _, ok := t.ids[e.ID]; !ok {
			t.ids[e.ID] = len(t.ids)
		}
		for _, w := range append([]string{e.Term}, e.Forms...) {
			if w = strings.TrimSpace(w); w != "" {
				t.words = append(t.words, word{lower: strings.ToLower(w), id: e.ID, entry: t.ids[e.ID]})
			}
		}
	}
	// Longer words first, so "algemene bijstand" wins over "bijstand".
	sort.SliceStable(t.words, func(i, j int) bool { return len(t.words[i].lower) > len(t.words[j].lower) })
	for i, w := range t.words {
		t.byFirst[w.lower[0]] = append(t.byFirst[w.lower[0]], i)
	}
	return t
}

// Marker starts marking the terms on one page. href gives the link to an
// entry from that page.
func (t *Terms) Marker(href func(id string) string) *Marker {
	return &Marker{terms: t, seen: make([]bool, len(t.ids)), href: href}
}

// NewMarker prepares the entries for matching. href gives the link to an
// entry from the page being rendered.
func NewMarker(entries []Entry, href func(id string) string) *Marker {
	return NewTerms(entries).Marker(href)
}

// Href is the link to an entry.
func (m *Marker) Href(id string) string { return m.href(id) }

// Seen marks a term as already shown, so it is not marked again.
func (m *Marker) Seen(id string) {
	if i, ok := m.terms.ids[id]; ok {
		m.seen[i] = true
	}
}

// Piece is a run of text; TermID is set when the run is a marked term.
type Piece struct {
	Text   string
	TermID string
}

// Split cuts s around the first use on this page of each term: the
// earliest match of any term not yet marked, the longest where several
// start there, and so on after it.
func (m *Marker) Split(s string) []Piece {
	lower := strings.ToLower(s)
	if len(lower) != len(s) {
		// Lowercasing changed byte lengths (rare letters); match nothing
		// rather than cut in the wrong place.
		return []Piece{{Text: s}}
	}
	words := m.terms.words
	// next[i] is where word i first matches at or after pos, -1 where it
	// does not. One pass finds them all: a match starts the text or
	// follows a rune that is not part of a word.
	next := m.next[:0]
	for range words {
		next = append(next, -1)
	}
	m.next = next
	for p := 0; p < len(lower); p++ {
		cands := m.terms.byFirst[lower[p]]
		if len(cands) == 0 {
			continue
		}
		if before, _ := utf8.DecodeLastRuneInString(lower[:p]); isWordRune(before) {
			continue
		}
		for _, i := range cands {
			if w := words[i]; next[i] < 0 && !m.seen[w.entry] && strings.HasPrefix(lower[p:], w.lower) && endsWord(lower[p+len(w.lower):]) {
				next[i] = p
			}
		}
	}
	var out []Piece
	pos := 0
	for {
		best, bestWord := -1, -1
		for i, w := range words {
			if p := next[i]; p >= 0 && !m.seen[w.entry] && (best < 0 || p < best || p == best && len(w.lower) > len(words[bestWord].lower)) {
				best, bestWord = p, i
			}
		}
		if best < 0 {
			break
		}
		w := words[bestWord]
		if best > pos {
			out = append(out, Piece{Text: s[pos:best]})
		}
		out = append(out, Piece{Text: s[best : best+len(w.lower)], TermID: w.id})
		m.seen[w.entry] = true
		pos = best + len(w.lower)
		// A match the mark covered is looked for again after it; further
		// on, a match is what it was, and no match stays none. Right
		// after a mark a word needs no boundary before it, as where a
		// text starts (indexWord does the same).
		for i, w := range words {
			if p := next[i]; p >= 0 && p < pos && !m.seen[w.entry] {
				if j := indexWord(lower[pos:], w.lower); j >= 0 {
					next[i] = pos + j
				} else {
					next[i] = -1
				}
			}
		}
		if pos < len(lower) {
			for _, i := range m.terms.byFirst[lower[pos]] {
				if w := words[i]; !m.seen[w.entry] && strings.HasPrefix(lower[pos:], w.lower) && endsWord(lower[pos+len(w.lower):]) {
					next[i] = pos
				}
			}
		}
	}
	if pos < len(s) {
		out = append(out, Piece{Text: s[pos:]})
	}
	return out
}

// indexWord finds w in s as a whole word: no letter, digit or hyphen on
// either side.
func indexWord(s, w string) int {
	from := 0
	for {
		i := strings.Index(s[from:], w)
		if i < 0 {
			return -1
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		if !isWordRune(before) && endsWord(s[i+len(w):]) {
			return i
		}
		from = i + 1
	}
}

// endsWord reports whether rest, the text after a match, does not go on
// with the same word.
func endsWord(rest string) bool {
	after, _ := utf8.DecodeRuneInString(rest)
	return !isWordRune(after)
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-')
}
