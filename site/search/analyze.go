package search

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/lang/nl"
	bleveunicode "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"
)

// Languages lists the languages the site is published in, with the bleve
// analyzer for each.
var Languages = map[string]string{"nl": nl.AnalyzerName, "en": en.AnalyzerName}

// Fields of an indexed document, with how much a match in each counts.
// The parts fields hold the parts of the compound words in the title and
// the text (loonkostensubsidie → loonkosten subsidie), so that a search
// for "subsidie" finds the loonkostensubsidie, a little less strongly.
var fields = []struct {
	Name  string
	Boost float64
}{
	{"title", 3},
	{"text", 1},
	{"tparts", 1.5},
	{"xparts", 0.5},
}

// kindWeights favour the plain-language guides over the legal text.
var kindWeights = map[string]float64{
	KindGuide:       1.5,
	KindGlossary:    1.1,
	KindPage:        1.0,
	KindCalculator:  1.0,
	KindArticle:     1.0,
	KindLid:         0.95,
	KindExplanation: 0.8,
}

var analyzerCache = registry.NewCache()

func bleveAnalyzer(lang string) (analysis.Analyzer, error) {
	name, ok := Languages[lang]
	if !ok {
		return nil, fmt.Errorf("no analyzer for language %q", lang)
	}
	return analyzerCache.AnalyzerNamed(name)
}

// analyzeTerms runs bleve's analyzer for lang over s.
func analyzeTerms(a analysis.Analyzer, s string) []string {
	ts := a.Analyze([]byte(s))
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = string(t.Term)
	}
	return out
}

// analyzeWord is analyzeTerms(a, w) for a word of bleveWords. An ASCII
// word is one token to the tokenizer (asciiWords, FuzzASCIIWords), so it
// goes straight to the analyzer's token filters, which do not look at a
// token's type or place: running the Unicode segmenter again on each of
// the site's thousands of words took a fifth of the export's time.
// FuzzAnalyzeWord compares the two.
func analyzeWord(a analysis.Analyzer, w string) []string {
	da, ok := a.(*analysis.DefaultAnalyzer)
	if !ok || len(da.CharFilters) > 0 {
		return analyzeTerms(a, w)
	}
	if ws, ascii := asciiWords(w); !ascii || len(ws) != 1 || ws[0] != w {
		return analyzeTerms(a, w)
	}
	typ := analysis.Numeric
	for i := range len(w) {
		if asciiLetter(w[i]) || w[i] == '_' && !strings.ContainsAny(w, "0123456789") {
			typ = analysis.AlphaNumeric // what the segmenter calls a word, not a number
			break
		}
	}
	ts := analysis.TokenStream{&analysis.Token{Term: []byte(w), Start: 0, End: len(w), Position: 1, Type: typ}}
	for _, f := range da.TokenFilters {
		ts = f.Filter(ts)
	}
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = string(t.Term)
	}
	return out
}

// bleveWords returns the lowercased words of s as bleve's tokenizer and
// lowercase filter see them.
func bleveWords(s string) []string {
	if w, ok := asciiWords(s); ok {
		return w
	}
	return segmentedWords(s)
}

// segmentedWords is bleveWords by bleve's own tokenizer.
func segmentedWords(s string) []string {
	ts := bleveunicode.NewUnicodeTokenizer().Tokenize([]byte(s))
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = lower(string(t.Term))
	}
	return out
}

// stopWords returns the language's stop words as bleve's analyzer drops them.
func stopWords(lang string) []string {
	var list []byte
	switch lang {
	case "nl":
		list = nl.DutchStopWords
	case "en":
		list = en.EnglishStopWords
	}
	var out []string
	for _, line := range strings.Split(string(list), "\n") {
		if i := strings.IndexByte(line, '|'); i >= 0 {
			line = line[:i]
		}
		for _, w := range strings.Fields(line) {
			out = append(out, lower(w))
		}
	}
	return out
}

// entry is what the index knows about one word form.
type entry struct {
	term  string   // the index term; "" for a stop word
	parts []string // the parts of a compound word, each itself a word of the vocabulary
}

// vocabulary is every word form of one language's texts, with its term,
// and the compound dictionary built from it.
type vocabulary struct {
	lang     string
	compound bool              // split compound words (Dutch)
	entries  map[string]*entry // lowercased word → entry
	words    []string          // the words, sorted
	syn      [][]string        // synonym groups: phrases of lowercased words separated by one space
	lex      []string          // see lexicon
	analyzer analysis.Analyzer
}

// Sizes for compound splitting.
const (
	minCompound = 8  // shortest word to split
	minPart     = 4  // shortest part
	maxCompound = 40 // longest word to split
)

// newVocabulary analyzes every word of texts with bleve's analyzer for lang.
func newVocabulary(lang string, texts []string, syn *Synonyms) (*vocabulary, error) {
	a, err := bleveAnalyzer(lang)
	if err != nil {
		return nil, err
	}
	v := &vocabulary{lang: lang, compound: lang == "nl", entries: map[string]*entry{}, analyzer: a}
	add := func(w string) {
		if _, ok := v.entries[w]; ok {
			return
		}
		e := &entry{}
		switch ts := analyzeWord(a, w); len(ts) {
		case 0:
		case 1:
			e.term = ts[0]
		default:
			// cannot happen: a word the tokenizer produced is one token
			e.term = ts[0]
		}
		v.entries[w] = e
	}
	// Only the set of words matters, and a line break ends a word
	// (FuzzWordsByLine): each distinct line is read once. An article's
	// lines are also the texts of its leden and onderdelen, so the same
	// line comes up two or three times.
	seen := map[string]bool{}
	for _, t := range texts {
		lines := []string{t}
		if utf8.ValidString(t) {
			lines = strings.Split(t, "\n")
		}
		for _, line := range lines {
			if seen[line] {
				continue
			}
			seen[line] = true
			for _, w := range textWords(line) { // export.go
				add(w)
			}
		}
	}
	for _, w := range stopWords(lang) {
		add(w)
	}
	if syn != nil {
		v.syn = syn.groups[lang]
	}
	if v.compound {
		for _, h := range v.heads() {
			add(h)
		}
	}
	v.words = sortedKeys(v.entries)
	if v.compound {
		for _, w := range v.words {
			v.entries[w].parts = v.split(w)
		}
	}
	v.buildLexicon()
	return v, nil
}

// minHeadWords is how many words of the site must start with a head for it
// to count as a word of its own.
const minHeadWords = 3

// heads returns the first parts of compound words that the site does not
// use as words of their own: "participatie" begins participatieplaats and
// participatiepremie, whose rests are words of the site.
func (v *vocabulary) heads() []string {
	count := map[string]int{}
	for w := range v.entries {
		rs := []rune(w)
		if len(rs) < minCompound || !allLetters(w) {
			continue
		}
		seen := map[string]bool{}
		for i := minPart; i <= len(rs)-minPart; i++ {
			if !v.inDict(string(rs[i:])) {
				continue
			}
			seen[string(rs[:i])] = true
			if i > minPart && rs[i-1] == 's' {
				seen[string(rs[:i-1])] = true
			}
		}
		for h := range seen {
			count[h]++
		}
	}
	var out []string
	for h, n := range count {
		if n < minHeadWords {
			continue
		}
		if _, ok := v.entries[h]; ok {
			continue
		}
		if base := strings.TrimSuffix(h, "s"); base != h {
			if _, ok := v.entries[base]; ok || count[base] >= minHeadWords {
				continue // the head with its linking s
			}
		}
		if len(analyzeTerms(v.analyzer, h)) == 1 {
			out = append(out, h)
		}
	}
	sort.Strings(out)
	return out
}

// inDict reports whether w may be a part of a compound word: a word of the
// site's own texts with an index term, of letters only, at least minPart
// letters long.
func (v *vocabulary) inDict(w string) bool {
	e, ok := v.entries[w]
	return ok && e.term != "" && utf8.RuneCountInString(w) >= minPart && allLetters(w)
}

func allLetters(w string) bool {
	for _, r := range w {
		if charClass(r) != cLetter {
			return false
		}
	}
	return w != ""
}

// split returns the parts of a compound word, or nil: two words of the
// dictionary (the first may be followed by the linking s:
// arbeid-s-beperking), or else a word and a compound of two. Of several
// ways, the one whose shortest part is longest wins, then the one found
// first (the shortest first part).
func (v *vocabulary) split(w string) []string {
	if !v.compound {
		return nil
	}
	rs := []rune(w)
	if len(rs) < minCompound || len(rs) > maxCompound || !allLetters(w) {
		return nil
	}
	if parts := v.split2(rs); parts != nil {
		return parts
	}
	var best []string
	bestScore := 0
	for i := minPart; i <= len(rs)-minCompound; i++ {
		head := v.head(rs[:i])
		if head == "" {
			continue
		}
		sub := v.split2(rs[i:])
		if sub == nil {
			continue
		}
		parts := append([]string{head}, sub...)
		if score := shortest(parts); score > bestScore {
			best, bestScore = parts, score
		}
	}
	return best
}

// split2 splits rs into two dictionary words, or returns nil.
func (v *vocabulary) split2(rs []rune) []string {
	var best []string
	bestScore := 0
	for i := minPart; i <= len(rs)-minPart; i++ {
		tail := string(rs[i:])
		if !v.inDict(tail) {
			continue
		}
		head := v.head(rs[:i])
		if head == "" {
			continue
		}
		parts := []string{head, tail}
		if score := shortest(parts); score > bestScore {
			best, bestScore = parts, score
		}
	}
	return best
}

// shortest returns the length in letters of the shortest word.
func shortest(words []string) int {
	n := -1
	for _, w := range words {
		if l := utf8.RuneCountInString(w); n < 0 || l < n {
			n = l
		}
	}
	return n
}

// head returns the dictionary word that rs is, or that rs is with a linking
// s, or "".
func (v *vocabulary) head(rs []rune) string {
	if s := string(rs); v.inDict(s) {
		return s
	}
	if n := len(rs); n > minPart && rs[n-1] == 's' {
		if s := string(rs[:n-1]); v.inDict(s) {
			return s
		}
	}
	return ""
}

// partsText returns the parts of the compound words of s, separated by
// spaces: the text of a parts field, which bleve analyzes like any text.
func (v *vocabulary) partsText(s string) string {
	var parts []string
	for _, w := range bleveWords(s) {
		if e, ok := v.entries[w]; ok {
			parts = append(parts, e.parts...)
		}
	}
	return strings.Join(parts, " ")
}

// asciiWords is bleveWords for a text of ASCII characters only (most lines
// of the site; ok is false for any other), without bleve's Unicode word
// segmenter, which took most of the time of exporting the search index.
// On ASCII the segmenter's rules (Unicode's word boundaries, UAX #29) come
// to this: a word is a run of letters, digits and underscores, which also
// goes on over one ":", "." or "'" between two letters ("e.g", "don't")
// and over one ",", ";", "." or "'" between two digits ("1.250,50").
// FuzzASCIIWords compares the two.
func asciiWords(s string) ([]string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return nil, false
		}
	}
	out := []string{}
	start := -1 // the start of the word being read, -1 between words
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case asciiWordByte(c):
			if start < 0 {
				start = i
			}
			continue
		case start >= 0 && i+1 < len(s) && joins(s[i-1], c, s[i+1]):
			continue
		}
		if start >= 0 {
			out = append(out, strings.ToLower(s[start:i]))
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, strings.ToLower(s[start:]))
	}
	return out, true
}

func asciiWordByte(c byte) bool {
	return asciiLetter(c) || asciiDigit(c) || c == '_'
}

func asciiLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func asciiDigit(c byte) bool  { return '0' <= c && c <= '9' }

// joins reports whether mid, between before and after, keeps them in one
// word: MidLetter, MidNumLet or Single_Quote between letters, MidNum,
// MidNumLet or Single_Quote between digits.
func joins(before, mid, after byte) bool {
	switch {
	case asciiLetter(before) && asciiLetter(after):
		return mid == ':' || mid == '.' || mid == '\''
	case asciiDigit(before) && asciiDigit(after):
		return mid == ',' || mid == ';' || mid == '.' || mid == '\''
	}
	return false
}
