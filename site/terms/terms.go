// Package terms keeps one English term per Dutch concept. A content folder
// lists, per Dutch term, the one English term its English texts use, the
// English words that must not stand in for it (variants), and whether the
// Dutch word may stay in English text. Check finds, with file:line, an
// English text that uses a variant or leaves a Dutch term untranslated.
package terms

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/regelgids/regelgids/internal/diag"
	"github.com/regelgids/regelgids/site/internal/yamlfile"
)

// Term is one Dutch concept and how English texts name it.
type Term struct {
	NL      string   `yaml:"nl"`       // the Dutch term, as the ordinance writes it
	NLForms []string `yaml:"nl_forms"` // other Dutch forms: plurals, spellings
	EN      string   `yaml:"en"`       // the one English term
	ENForms []string `yaml:"en_forms"` // other forms of that term: plurals
	// Variants are English words for the same concept that English texts
	// must not use: a reader would take them for a second thing.
	Variants []string `yaml:"variants"`
	// Keep says the Dutch word stays in English texts (residents meet it
	// in letters); Note says why. Without Keep the Dutch word may appear
	// only in brackets beside the English term: "municipality (gemeente)"
	// or "uitkering (benefit)".
	Keep bool   `yaml:"keep"`
	Note string `yaml:"note"`
	Line int    `yaml:"-"`
}

// List is a checked terminology list.
type List struct {
	File  string
	Terms []Term
}

// Parse reads a terminology file: a YAML list of terms. Errors are
// file:line diagnostics.
func Parse(file string, src []byte) (*List, error) {
	var terms []Term
	if _, err := yamlfile.Decode(file, src, &terms); err != nil {
		return nil, err
	}
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		return nil, yamlfile.Error(file, err)
	}
	if len(root.Content) != 1 || root.Content[0].Kind != yaml.SequenceNode || len(root.Content[0].Content) != len(terms) {
		return nil, &diag.Diagnostic{File: file, Line: 1, Message: `expected a list of terms (lines starting with "- nl:")`}
	}
	var problems diag.List
	fail := func(line int, format string, args ...any) { problems.Errorf(file, line, format, args...) }
	type at struct {
		what string
		line int
	}
	seen := map[string]at{} // lower-case phrase → what it is, where
	claim := func(line int, phrase, what string) {
		key := strings.ToLower(strings.Join(strings.Fields(phrase), " "))
		switch prev, dup := seen[key]; {
		case key == "":
			fail(line, "%s is empty", what)
		case utf8.RuneCountInString(key) < 3:
			fail(line, "%s %q is too short to find in running text (at least 3 letters)", what, phrase)
		case dup:
			fail(line, "%s %q is already %s at line %d; each word has one role in the list", what, phrase, prev.what, prev.line)
		default:
			seen[key] = at{what, line}
		}
	}
	for i, n := range root.Content[0].Content {
		t := &terms[i]
		t.Line = n.Line
		if strings.TrimSpace(t.NL) == "" || strings.TrimSpace(t.EN) == "" {
			fail(n.Line, "nl and en are required: the Dutch term and its one English term")
			continue
		}
		if t.Keep && strings.TrimSpace(t.Note) == "" {
			fail(n.Line, "%s: keep: true needs a note saying why the Dutch word stays in English texts", t.NL)
		}
		claim(n.Line, t.NL, "the Dutch term")
		for _, f := range t.NLForms {
			claim(n.Line, f, "the Dutch form")
		}
		claim(n.Line, t.EN, "the English term")
		for _, f := range t.ENForms {
			claim(n.Line, f, "the English form")
		}
		for _, v := range t.Variants {
			claim(n.Line, v, "the variant")
		}
	}
	if err := problems.Err(); err != nil {
		return nil, err
	}
	return &List{File: file, Terms: terms}, nil
}

// Text is English running text and the line of the file it starts on.
type Text struct {
	Line int
	Text string
}

// Check reports every variant and every untranslated Dutch term in the
// texts of file, one diagnostic per finding. A Dutch term may stand in
// brackets beside the English ("municipality (gemeente)"), before its
// English term in brackets ("uitkering (benefit)") or in a quotation in
// curly quotes.
//
// The findings of a text are remembered for the process by the list and
// the text (see checked), so that a rebuild after an edit to one guide
// checks only the lines that changed.
func (l *List) Check(file string, texts []Text) []diag.Diagnostic {
	var out []diag.Diagnostic
	key := l.key()
	var ph *phrases // made on the first text not remembered
	check := func(text string) []finding {
		if ph == nil {
			ph = l.phrases()
		}
		return l.check(text, ph)
	}
	for _, tx := range texts {
		for _, f := range checked(key, tx.Text, check) {
			out = append(out, diag.Diagnostic{File: file, Line: tx.Line + f.lines, Message: f.message})
		}
	}
	return out
}

// finding is a diagnostic of a text without its file, its line counted
// from the text's first line.
type finding struct {
	lines   int
	message string
}

// phrases are the list's variants and Dutch terms as the lower-case words
// find looks for: split once per Check rather than once per text and
// phrase.
type phrases struct {
	// refs are the phrases: every term's variants in the list's order,
	// then every term's Dutch forms.
	refs []phraseRef
	// byFirst lists the phrases (numbers in refs) by the first byte of
	// their first word, for scan; see find.
	byFirst [256][]int
	// scan is set when every first word is all word runes.
	scan bool
}

// phraseRef is a phrase: a variant or a Dutch form of term.
type phraseRef struct {
	dutch bool
	term  int
	words []string
}

func (l *List) phrases() *phrases {
	ph := &phrases{scan: true}
	for _, dutch := range []bool{false, true} {
		for i, t := range l.Terms {
			forms := t.Variants
			if dutch {
				forms = append([]string{t.NL}, t.NLForms...)
			}
			for _, f := range forms {
				words := phraseWords(f)
				if len(words) == 0 {
					continue // finds nothing
				}
				ph.scan = ph.scan && allWordRunes(words[0])
				ph.byFirst[words[0][0]] = append(ph.byFirst[words[0][0]], len(ph.refs))
				ph.refs = append(ph.refs, phraseRef{dutch: dutch, term: i, words: words})
			}
		}
	}
	return ph
}

// hit is a phrase found in a text: refs[ref] from start to end.
type hit struct{ ref, start, end int }

// find returns where each phrase stands in low, as findWords finds it,
// in the order of refs and then of place. With scan it reads low once,
// trying at each place where a word starts the phrases whose first word
// starts with that byte, instead of searching low once per phrase (which
// took most of the time of a build's terminology check). Every place it
// tries is one findWords tries: findWords's next search starts after the
// first word of its last match, so it skips a place inside that word,
// and such a place is never where a word starts when the first word has
// only word runes.
func (ph *phrases) find(low string) []hit {
	var hits []hit
	if !ph.scan {
		for i, r := range ph.refs {
			for _, sp := range findWords(low, r.words) {
				hits = append(hits, hit{i, sp[0], sp[1]})
			}
		}
		return hits
	}
	for p := 0; p < len(low); p++ {
		refs := ph.byFirst[low[p]]
		if len(refs) == 0 || !wordStart(low, p) {
			continue
		}
		for _, i := range refs {
			if end, ok := matchAt(low, p, ph.refs[i].words); ok {
				hits = append(hits, hit{i, p, end})
			}
		}
	}
	sort.SliceStable(hits, func(a, b int) bool { return hits[a].ref < hits[b].ref }) // by place within a phrase
	return hits
}

func allWordRunes(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || !wordRune(r) {
			return false
		}
	}
	return true
}

// check finds the variants and untranslated Dutch terms in one text.
func (l *List) check(text string, ph *phrases) []finding {
	var out []finding
	low := strings.ToLower(text)
	orig := text
	if len(orig) != len(low) {
		orig = low // a letter whose lower case is longer: quote the lower case
	}
	lineAt := func(i int) int { return strings.Count(low[:i], "\n") }
	hits := ph.find(low)
	for _, h := range hits {
		if r := ph.refs[h.ref]; !r.dutch {
			t := l.Terms[r.term]
			out = append(out, finding{lineAt(h.start), fmt.Sprintf(
				"%q is a second English term for %s: write %q (%s:%d)", oneLine(orig[h.start:h.end]), t.NL, t.EN, l.File, t.Line)})
		}
	}
	quotes := quoted(low)
	for _, m := range l.dutch(hits, ph) {
		t := m.term
		if t.Keep || inBrackets(low, m.start) || glossed(low, m.end, t) || within(quotes, m.start) {
			continue
		}
		out = append(out, finding{lineAt(m.start), fmt.Sprintf(
			"%q is Dutch: write %q, or give the Dutch word in brackets beside it, as in \"%s (%s)\" (%s:%d)", oneLine(orig[m.start:m.end]), t.EN, t.EN, t.NL, l.File, t.Line)})
	}
	return out
}

// key hashes what a finding's message depends on besides the text: the
// list's file and every field of its terms (TestKeyFields). Made at each
// Check, so that a list changed after a Check is not judged by its old
// findings.
func (l *List) key() [sha256.Size]byte {
	h := sha256.New()
	var n [8]byte
	str := func(s string) { // with its length: ("ab", "c") is not ("a", "bc")
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		io.WriteString(h, s)
	}
	strs := func(ss []string) {
		str(strconv.Itoa(len(ss)))
		for _, s := range ss {
			str(s)
		}
	}
	str(l.File)
	for _, t := range l.Terms {
		str(t.NL)
		strs(t.NLForms)
		str(t.EN)
		strs(t.ENForms)
		strs(t.Variants)
		str(strconv.FormatBool(t.Keep))
		str(t.Note)
		str(strconv.Itoa(t.Line))
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
}

// checked returns check(text) for the list with key, remembered (see
// table). The findings are shared: callers only read them.
func checked(key [sha256.Size]byte, text string, check func(string) []finding) []finding {
	return memo.get(memoKey{key, text}, func() []finding { return check(text) })
}

// memoLimit is the number of texts in a generation: several times the
// English texts of a content folder (about 3,000 lines).
const memoLimit = 1 << 14

type memoKey struct {
	list [sha256.Size]byte
	text string
}

var memo table[memoKey, []finding]

// table remembers values for the process in two generations of at most
// memoLimit entries each: an entry used in this or the previous generation
// is kept, one not used for a generation is dropped.
type table[K comparable, V any] struct {
	mu        sync.Mutex
	cur, prev map[K]V
}

// get returns the value of k, computing it on a miss. Two calls that miss
// at once both compute it; the values are equal.
func (m *table[K, V]) get(k K, compute func() V) V {
	if v, ok := m.lookup(k); ok {
		return v
	}
	v := compute() // outside the lock: texts may be checked on several cores
	m.add(k, v)
	return v
}

// lookup returns the value of k, if it is remembered.
func (m *table[K, V]) lookup(k K) (V, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.cur[k]
	if !ok {
		if v, ok = m.prev[k]; ok {
			m.keep(k, v) // used in this generation: kept for the next
		}
	}
	return v, ok
}

// add remembers v for k.
func (m *table[K, V]) add(k K, v V) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.keep(k, v)
}

// keep adds an entry to the current generation, starting a new one when
// it is full. Call with mu held.
func (m *table[K, V]) keep(k K, v V) {
	if len(m.cur) >= memoLimit {
		m.prev, m.cur = m.cur, nil
	}
	if m.cur == nil {
		m.cur = map[K]V{}
	}
	m.cur[k] = v
}

type match struct {
	start, end int
	term       *Term
}

// dutch finds the Dutch terms in low; where terms overlap ("doelgroep
// loonkostensubsidie" and "loonkostensubsidie") the longer one counts.
func (l *List) dutch(hits []hit, ph *phrases) []match {
	var all []match
	for _, h := range hits {
		if r := ph.refs[h.ref]; r.dutch {
			all = append(all, match{h.start, h.end, &l.Terms[r.term]})
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].end-all[i].start > all[j].end-all[j].start })
	var kept []match
next:
	for _, m := range all {
		for _, k := range kept {
			if m.start < k.end && k.start < m.end {
				continue next
			}
		}
		kept = append(kept, m)
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].start < kept[j].start })
	return kept
}

// quoted are the spans between curly quotes: a Dutch title quoted in an
// English text (‘Wijziging van de Participatiewet …’) stays Dutch.
func quoted(s string) [][2]int {
	var out [][2]int
	for _, q := range [][2]string{{"‘", "’"}, {"“", "”"}} {
		for from := 0; ; {
			i := strings.Index(s[from:], q[0])
			if i < 0 {
				break
			}
			start := from + i + len(q[0])
			j := strings.Index(s[start:], q[1])
			if j < 0 {
				break
			}
			out = append(out, [2]int{start, start + j})
			from = start + j + len(q[1])
		}
	}
	return out
}

func within(spans [][2]int, i int) bool {
	for _, sp := range spans {
		if sp[0] <= i && i < sp[1] {
			return true
		}
	}
	return false
}

// inBrackets: the Dutch word opens a bracket, as a name given beside the
// English: "municipality (gemeente)".
func inBrackets(low string, start int) bool {
	return strings.HasSuffix(strings.TrimRight(low[:start], " "), "(")
}

// glossed: the Dutch word is followed by its English term in brackets:
// "uitkering (benefit)". A variant in the brackets counts too: it is
// reported as a variant, once.
func glossed(low string, end int, t *Term) bool {
	rest := strings.TrimLeft(low[end:], " ")
	if !strings.HasPrefix(rest, "(") {
		return false
	}
	inner, _, _ := strings.Cut(rest[1:], ")")
	for _, f := range append(append([]string{t.EN}, t.ENForms...), t.Variants...) {
		if len(find(inner, f)) > 0 {
			return true
		}
	}
	return false
}

// oneLine joins a phrase found across a line break.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// find returns the spans where phrase stands in low as whole words, matched without
// regard to case; a line break or several spaces count as one space.
// Letters, digits and hyphens are word characters, so "trial place" is not
// found in "trial placement", nor "gemeente" in "Gemeentewet".
func find(low, phrase string) [][2]int {
	return findWords(low, phraseWords(phrase))
}

// phraseWords are the words find looks for.
func phraseWords(phrase string) []string { return strings.Fields(strings.ToLower(phrase)) }

// findWords is find with the phrase as phraseWords gives it.
func findWords(low string, words []string) [][2]int {
	if len(words) == 0 {
		return nil
	}
	var out [][2]int
	for from := 0; from < len(low); {
		i := strings.Index(low[from:], words[0])
		if i < 0 {
			break
		}
		start := from + i
		from = start + len(words[0])
		if !wordStart(low, start) {
			continue
		}
		if end, ok := matchAt(low, start, words); ok {
			out = append(out, [2]int{start, end})
		}
	}
	return out
}

// matchAt reports whether the phrase's words stand at start, one after
// the other with white space between, the last one ending a word, and
// where it ends. The caller has checked that a word starts at start.
func matchAt(low string, start int, words []string) (int, bool) {
	if !strings.HasPrefix(low[start:], words[0]) {
		return 0, false
	}
	end := start + len(words[0])
	for _, w := range words[1:] {
		j := end
		for j < len(low) && (low[j] == ' ' || low[j] == '\n' || low[j] == '\t') {
			j++
		}
		if j == end || !strings.HasPrefix(low[j:], w) {
			return 0, false
		}
		end = j + len(w)
	}
	return end, wordEnd(low, end)
}

func wordStart(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return i == 0 || !wordRune(r)
}

func wordEnd(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return i == len(s) || !wordRune(r)
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' }
