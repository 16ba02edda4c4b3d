package readability

import (
	"slices"
	"strings"
)

// A jargon term counts as explained on a page when the page marks it as a
// glossary term (Options.Explained) or when the text itself explains it,
// recognised by these patterns around any use of the term:
//
//	Dutch:   "<term> is/zijn/betekent/heet …", "Dat heet <term>",
//	         "Met <term> bedoelen …", "<term> (…)", "<term>: …", or the next
//	         sentence starting "Dat is", "Dit zijn", "Dat betekent" …
//	English: "<term> is/are/means …", "called <term>", "<term> (…)",
//	         "<term>: …", or the next sentence starting "This is",
//	         "That means" …
//
// An unexplained term is reported once, at its first use.

type jargonSet struct {
	terms     [][]string // each term as lower-case words
	explained map[string]bool
	first     map[string]bool // the first word of each term
}

func newJargon(terms, explained []string) *jargonSet {
	j := &jargonSet{explained: map[string]bool{}, first: map[string]bool{}}
	for _, t := range terms {
		ws := Words(strings.ToLower(t))
		if len(ws) > 0 {
			j.terms = append(j.terms, ws)
			j.first[ws[0]] = true
		}
	}
	for _, e := range explained {
		j.explained[strings.Join(Words(strings.ToLower(e)), " ")] = true
	}
	return j
}

// occurrence is one use of a jargon term.
type occurrence struct {
	sentence, start, end int // word span [start, end)
	surface              string
}

var (
	nlExplainAfter  = wordSet("is zijn betekent betekenen heet heten wil")
	nlExplainBefore = wordSet("heet heten noemen noemt noemde bedoelen bedoelt")
	nlExplainNext   = []string{"dat is", "dit is", "dat zijn", "dit zijn", "dat betekent", "dit betekent", "dat heet", "zo heet", "daarmee bedoel", "dat wil zeggen", "dat houdt in"}
	enExplainAfter  = wordSet("is are means mean")
	enExplainBefore = wordSet("called call means")
	enExplainNext   = []string{"this is", "that is", "these are", "those are", "this means", "that means", "it means", "it is"}
)

// unexplained returns, per sentence, the jargon first used there and not
// explained anywhere on the page.
func (j *jargonSet) unexplained(sents []Sentence, words [][]string, lang string) [][]string {
	out := make([][]string, len(sents))
	if len(j.terms) == 0 {
		return out
	}
	lower := make([][]string, len(words))
	for i, ws := range words {
		lower[i] = make([]string, len(ws))
		for k, w := range ws {
			lower[i][k] = strings.ToLower(w)
		}
	}
	at := wordIndex(lower, j.first)
	for _, term := range j.terms {
		occs := findTerm(term, lower, at[term[0]])
		if len(occs) == 0 {
			continue
		}
		key := strings.Join(term, " ")
		if j.explained[key] {
			continue
		}
		done := false
		for _, o := range occs {
			if j.explained[o.surface] || explainedAt(o, sents, lower, lang) {
				done = true
				break
			}
		}
		if !done {
			first := occs[0]
			out[first.sentence] = append(out[first.sentence], key)
		}
	}
	return out
}

// wordPos is a word's place: sentence and word number.
type wordPos struct{ sentence, word int }

// wordIndex lists where each word of keep stands, in text order, also
// where it stands with an inflection ending, so that a term is looked for
// only where its first word is and not at every word of the text. Only
// the terms' first words are looked up, so only they are kept: indexing
// every word of every text took more time than the look-ups saved.
func wordIndex(lower [][]string, keep map[string]bool) map[string][]wordPos {
	at := map[string][]wordPos{}
	for si, ws := range lower {
		for i, w := range ws {
			p := wordPos{si, i}
			if keep[w] {
				at[w] = append(at[w], p)
			}
			for _, end := range inflections {
				if stem, ok := strings.CutSuffix(w, end); ok && stem != "" && keep[stem] {
					at[stem] = append(at[stem], p)
				}
			}
		}
	}
	return at
}

// findTerm returns the uses of a term; its last word may be inflected
// ("uitkeringen", "jobcoaches"). starts are the places of its first word
// (wordIndex).
func findTerm(term []string, lower [][]string, starts []wordPos) []occurrence {
	var out []occurrence
	for _, p := range starts {
		si, i, ws := p.sentence, p.word, lower[p.sentence]
		if i+len(term) > len(ws) {
			continue
		}
		ok := true
		for k, t := range term {
			w := ws[i+k]
			if w == t || k == len(term)-1 && inflects(w, t) {
				continue
			}
			ok = false
			break
		}
		if ok {
			out = append(out, occurrence{sentence: si, start: i, end: i + len(term), surface: strings.Join(ws[i:i+len(term)], " ")})
		}
	}
	return out
}

// inflections are the endings inflects accepts.
var inflections = []string{"en", "s", "n", "e", "es", "'s", "’s"}

func inflects(w, term string) bool {
	rest, ok := strings.CutPrefix(w, term)
	if !ok {
		return false
	}
	return slices.Contains(inflections, rest)
}

func explainedAt(o occurrence, sents []Sentence, lower [][]string, lang string) bool {
	ws := lower[o.sentence]
	after, before, next := nlExplainAfter, nlExplainBefore, nlExplainNext
	if lang == "en" {
		after, before, next = enExplainAfter, enExplainBefore, enExplainNext
	}
	if o.end < len(ws) && after[ws[o.end]] {
		return true
	}
	// "Dat heet ambtshalve", "Dat laatste heet hulp in natura".
	for k := o.start - 1; k >= 0 && k >= o.start-2; k-- {
		if before[ws[k]] {
			return true
		}
	}
	if lang != "en" && o.start > 0 && ws[o.start-1] == "met" && o.end < len(ws) && strings.HasPrefix(ws[o.end], "bedoel") {
		return true
	}
	// "uitkering (benefit)", "Bbz: een regeling …": the text right after
	// the term opens an explanation.
	text := strings.ToLower(sents[o.sentence].Text)
	if k := strings.Index(text, o.surface); k >= 0 {
		rest := strings.TrimLeft(text[k+len(o.surface):], " ")
		if strings.HasPrefix(rest, "(") || strings.HasPrefix(rest, ":") {
			return true
		}
	}
	if o.sentence+1 < len(sents) {
		n := strings.ToLower(sents[o.sentence+1].Text)
		for _, p := range next {
			if strings.HasPrefix(n, p) {
				return true
			}
		}
	}
	return false
}
