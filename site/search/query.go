package search

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// How much an alternative for a query word counts.
const (
	wExact  = 1.0 // the word's own term
	wPart   = 0.3 // a part of a compound the resident typed: uitstroompremie → premie
	wSyn    = 0.9 // a synonym: taxi → vervoer
	wTypo1  = 0.8 // a word one edit away: jobcoatch → jobcoach
	wTypo2  = 0.6 // two edits away (long words)
	wPrefix = 0.7 // a completion of the last word while typing: uitstr → uitstroompremie
)

// Limits that keep a query cheap whatever is typed.
const (
	maxQueryWords  = 12 // words of a query that count
	maxTypoWord    = 40 // longest word to look for typos of
	maxTypos       = 8  // typo candidates per word
	maxCompletions = 20 // completions of the last word
	minCompletion  = 3  // shortest last word to complete
	typo1Len       = 5  // from this length one edit is tolerated
	typo2Len       = 9  // from this length two edits
)

// alt is what a query word may match, and how much it counts: one index
// term, or the terms of a synonym of several words, which count together.
type alt struct {
	Terms []string `json:"t"`
	W     float64  `json:"w"`
}

// alts collects the alternatives of a query word, each at its highest
// weight.
type alts map[string]float64 // terms, one space apart → weight

func (a alts) add(terms []string, w float64) {
	if len(terms) == 0 {
		return
	}
	k := strings.Join(terms, " ")
	if w > a[k] {
		a[k] = w
	}
}

// synonymTerms returns the index terms of the words of a synonym.
func (v *vocabulary) synonymTerms(phrase string) []string {
	var out []string
	for _, x := range strings.Split(phrase, " ") {
		if t := v.term(x); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// queryWord is one word of a query with the terms it may match. A document
// scores per word for the best of its alternatives.
type queryWord struct {
	Word string `json:"word"`
	Alts []alt  `json:"alts"`
}

// lexicon returns the words that typos and completions are looked for
// among, sorted: the words with an index term and the one-word synonyms.
func (v *vocabulary) lexicon() []string { return v.lex }

// buildLexicon fills the lexicon once the vocabulary is complete; searches
// only read it, so they may run at the same time.
func (v *vocabulary) buildLexicon() {
	seen := map[string]bool{}
	for _, w := range v.words {
		if v.entries[w].term != "" {
			seen[w] = true
		}
	}
	for _, g := range v.syn {
		for _, m := range g {
			if !strings.Contains(m, " ") {
				seen[m] = true
			}
		}
	}
	v.lex = sortedKeys(seen)
}

// term returns the index term of a word, or "".
func (v *vocabulary) term(w string) string {
	if e, ok := v.entries[w]; ok {
		return e.term
	}
	return ""
}

// sameWord reports whether a query word matches a word of a synonym.
func (v *vocabulary) sameWord(q, s string) bool {
	if q == s {
		return true
	}
	t := v.term(q)
	return t != "" && t == v.term(s)
}

// expand adds the alternatives of a single word, times f: its term, the
// terms of its parts and of its synonyms.
func (v *vocabulary) expand(w string, into alts, f float64) {
	if e, ok := v.entries[w]; ok {
		if e.term != "" {
			into.add([]string{e.term}, wExact*f)
		}
		for _, p := range e.parts {
			if t := v.term(p); t != "" {
				into.add([]string{t}, wPart*f)
			}
		}
	}
	for _, g := range v.syn {
		for i, m := range g {
			if strings.Contains(m, " ") || !v.sameWord(w, m) {
				continue
			}
			for j, o := range g {
				if j != i {
					into.add(v.synonymTerms(o), wSyn*f)
				}
			}
		}
	}
}

// isKnown reports whether w is a word of the texts, a stop word or a
// one-word synonym.
func (v *vocabulary) isKnown(w string) bool {
	if _, ok := v.entries[w]; ok {
		return true
	}
	lex := v.lexicon()
	i := sort.SearchStrings(lex, w)
	return i < len(lex) && lex[i] == w
}

// maxSkip is how many stop words a phrase of a synonym group may have
// between its words in a query: "gaat in" is found in "wanneer gaat het
// in", the Dutch verb split around its object.
const maxSkip = 2

// phraseAt returns the positions of the words of phrase mw in the query
// words ws starting at i, or nil where it does not start there. Between
// two words of the phrase the query may have up to maxSkip stop words.
func (v *vocabulary) phraseAt(ws []string, i int, mw []string) []int {
	if !v.sameWord(ws[i], mw[0]) {
		return nil
	}
	at := []int{i}
	j := i
	for _, m := range mw[1:] {
		j++
		for skipped := 0; j < len(ws) && !v.sameWord(ws[j], m) && v.isStop(ws[j]) && skipped < maxSkip; skipped++ {
			j++
		}
		if j >= len(ws) || !v.sameWord(ws[j], m) {
			return nil
		}
		at = append(at, j)
	}
	return at
}

// isStop reports whether w is a stop word of the texts: a word with no
// index term.
func (v *vocabulary) isStop(w string) bool {
	e, ok := v.entries[w]
	return ok && e.term == ""
}

// analyzeQuery turns what a resident typed into query words with their
// alternatives. zoeken-engine.js does exactly the same; FuzzQueryAnalysis
// checks that.
func (v *vocabulary) analyzeQuery(q string) []queryWord {
	toks := tokenize(q)
	typing := len(toks) > 0 && toks[len(toks)-1].End == len(q)
	if len(toks) > maxQueryWords {
		toks, typing = toks[:maxQueryWords], false
	}
	ws := make([]string, len(toks))
	for i, t := range toks {
		ws[i] = lower(t.Text)
	}
	// phrases of a synonym group found in the query
	phraseAlts := make([]alts, len(ws))
	for _, g := range v.syn {
		for mi, m := range g {
			mw := strings.Split(m, " ")
			if len(mw) < 2 {
				continue
			}
			for i := range ws {
				at := v.phraseAt(ws, i, mw)
				if at == nil {
					continue
				}
				for oi, o := range g {
					if oi == mi {
						continue
					}
					terms := v.synonymTerms(o)
					for _, k := range at {
						if phraseAlts[k] == nil {
							phraseAlts[k] = alts{}
						}
						phraseAlts[k].add(terms, wSyn)
					}
				}
			}
		}
	}
	var out []queryWord
	for i, w := range ws {
		as := alts{}
		for k, wt := range phraseAlts[i] {
			as[k] = wt
		}
		last := typing && i == len(ws)-1
		if v.isKnown(w) {
			v.expand(w, as, 1)
			if last {
				v.complete(w, as)
			}
			if len(as) == 0 {
				continue // a stop word
			}
			out = append(out, queryWord{Word: w, Alts: as.sorted()})
			continue
		}
		if last && v.complete(w, as) {
			out = append(out, queryWord{Word: w, Alts: as.sorted()})
			continue
		}
		if len(as) == 0 {
			if parts := v.split(w); parts != nil {
				for _, p := range parts {
					pa := alts{}
					v.expand(p, pa, 1)
					out = append(out, queryWord{Word: p, Alts: pa.sorted()})
				}
				continue
			}
		}
		for _, c := range v.typos(w) {
			f := wTypo1
			if c.d == 2 {
				f = wTypo2
			}
			v.expand(c.word, as, f)
		}
		out = append(out, queryWord{Word: w, Alts: as.sorted()})
	}
	return out
}

// complete adds the terms of the words that w is the beginning of, and
// reports whether there were any.
func (v *vocabulary) complete(w string, into alts) bool {
	if utf8.RuneCountInString(w) < minCompletion {
		return false
	}
	lex := v.lexicon()
	var cands []string
	for i := sort.SearchStrings(lex, w); i < len(lex) && strings.HasPrefix(lex[i], w); i++ {
		if lex[i] != w {
			cands = append(cands, lex[i])
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		return utf8.RuneCountInString(cands[i]) < utf8.RuneCountInString(cands[j])
	})
	if len(cands) > maxCompletions {
		cands = cands[:maxCompletions]
	}
	for _, c := range cands {
		v.expand(c, into, wPrefix)
	}
	return len(cands) > 0
}

type typo struct {
	word string
	d    int
}

// typos returns the words of the lexicon within the tolerated number of
// edits of w (an edit: a letter added, left out, changed, or two letters
// swapped), nearest first.
func (v *vocabulary) typos(w string) []typo {
	rw := []rune(w)
	max := 0
	switch n := len(rw); {
	case n > maxTypoWord:
		return nil
	case n >= typo2Len:
		max = 2
	case n >= typo1Len:
		max = 1
	default:
		return nil
	}
	var out []typo
	for _, c := range v.lexicon() {
		rc := []rune(c)
		if d := len(rc) - len(rw); d > max || -d > max {
			continue
		}
		if d := editDistance(rw, rc, max); d <= max {
			out = append(out, typo{c, d})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].d < out[j].d })
	if len(out) > maxTypos {
		out = out[:maxTypos]
	}
	return out
}

// editDistance returns the optimal string alignment distance between a and
// b (insertions, deletions, substitutions, transpositions of neighbours),
// or max+1 once it is sure to exceed max.
func editDistance(a, b []rune, max int) int {
	n, m := len(a), len(b)
	prev2 := make([]int, m+1)
	prev := make([]int, m+1)
	cur := make([]int, m+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= n; i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= m; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d = min(d, prev2[j-2]+1)
			}
			cur[j] = d
			rowMin = min(rowMin, d)
		}
		if rowMin > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[m]
}

// sorted returns the alternatives ordered by their terms.
func (a alts) sorted() []alt {
	keys := sortedKeys(a)
	out := make([]alt, len(keys))
	for i, k := range keys {
		out[i] = alt{strings.Split(k, " "), a[k]}
	}
	return out
}
