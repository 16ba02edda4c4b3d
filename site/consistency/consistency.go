// Package consistency finds mechanical contradictions between the regeling
// of an ordinance and its artikelsgewijze toelichting: amounts, periods and
// dates that differ, references to an article or lid that does not exist or
// does not say what the toelichting claims, terms used but never defined,
// and titles that differ between an article and its toelichting heading.
//
// Every check is a transparent rule, described where it is implemented,
// and every finding quotes both sides with their line in the source text.
// References to articles "van de wet" (the Participatiewet) or another law
// are not checked.
package consistency

import (
	"fmt"
	"sort"
	"strings"

	"github.com/regelgids/regelgids/internal/diag"
	"github.com/regelgids/regelgids/site/internal/together"
	"github.com/regelgids/regelgids/site/ordinance"
	"github.com/regelgids/regelgids/site/readability"
)

// Finding is one contradiction between regeling and toelichting.
type Finding struct {
	// Kind is "amount", "date", "reference", "term" or "title".
	Kind string `json:"kind"`
	// Article is the article whose toelichting (or text) has the problem.
	Article string `json:"article"`
	// Message says in plain Dutch what differs.
	Message     string `json:"message"`
	Regeling    Quote  `json:"regeling"`
	Toelichting Quote  `json:"toelichting"`
}

// Quote is a piece of the source text. Paragraph is the lid ("" for the
// toelichting or an article without leden). Line is the line in the source
// file: for the regeling the line where the lid or onderdeel starts (its
// number), for the toelichting the line of the paragraph that holds the
// sentence.
type Quote struct {
	Text      string `json:"text"`
	Article   string `json:"article"`
	Paragraph string `json:"paragraph,omitempty"`
	Line      int    `json:"line"`
}

// Positions returns the quotes of a finding as diagnostics of file (the
// ordinance's name), each at its line: `file:129: regeling: "Een
// voorziening …"`, then the toelichting's; a side without a quote is left
// out.
func (f Finding) Positions(file string) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, q := range []struct {
		side string
		Quote
	}{{"regeling", f.Regeling}, {"toelichting", f.Toelichting}} {
		if q.Text != "" {
			out = append(out, diag.Diagnostic{File: file, Line: q.Line, Message: fmt.Sprintf("%s: %q", q.side, q.Text)})
		}
	}
	return out
}

// Check runs every check on doc and returns the findings in the order of
// the articles, then by kind.
func Check(doc *ordinance.Ordinance) []Finding {
	c := newChecker(doc)
	// The checks only read the checker: they run at once, on every
	// core, and their findings are joined in this order.
	checks := []func() []Finding{c.titles, c.amounts, c.dates, c.references, c.terms, c.modals}
	found := make([][]Finding, len(checks))
	steps := make([]func(), len(checks))
	for i, check := range checks {
		steps[i] = func() { found[i] = check() }
	}
	together.Run(steps...)
	var out []Finding
	for i := range checks {
		out = append(out, found[i]...)
	}
	order := map[string]int{}
	for i, a := range doc.Articles() {
		order[a.Number] = i
	}
	kinds := map[string]int{"title": 0, "amount": 1, "date": 2, "reference": 3, "term": 4}
	sort.SliceStable(out, func(i, j int) bool {
		if order[out[i].Article] != order[out[j].Article] {
			return order[out[i].Article] < order[out[j].Article]
		}
		if kinds[out[i].Kind] != kinds[out[j].Kind] {
			return kinds[out[i].Kind] < kinds[out[j].Kind]
		}
		return out[i].Toelichting.Line < out[j].Toelichting.Line
	})
	return out
}

// lid is one lid of the regeling as one text: its own text, its
// onderdelen and its tail.
type lid struct {
	article *ordinance.Article
	number  string // "" for an article without numbered leden
	text    string
	line    int
	items   bool // the lid has onderdelen (a list)
	para    *ordinance.Paragraph
	stems   map[string]string
}

// sentence is one sentence of an article's toelichting with its line.
type sentence struct {
	article *ordinance.Article
	text    string
	line    int
}

type checker struct {
	doc   *ordinance.Ordinance
	leden map[string][]*lid // by article number
	notes map[string][]sentence
	idf   map[string]float64
	// ledenCount is the number of leden in the regeling.
	ledenCount int
}

func newChecker(doc *ordinance.Ordinance) *checker {
	c := &checker{doc: doc, leden: map[string][]*lid{}, notes: map[string][]sentence{}}
	df := map[string]int{}
	n := 0
	for _, a := range doc.Articles() {
		for pi, p := range a.Paragraphs {
			parts := []string{p.Text}
			for _, it := range p.Items {
				parts = append(parts, it.Text)
			}
			parts = append(parts, p.Tail)
			l := &lid{article: a, number: p.Number, text: strings.TrimSpace(strings.Join(parts, " ")), line: p.Line, items: len(p.Items) > 0, para: &a.Paragraphs[pi]}
			l.stems = stems(l.text)
			if l.items {
				l.stems[listToken] = "opsomming (een lid met onderdelen)"
			}
			for s := range l.stems {
				df[s]++
			}
			n++
			c.leden[a.Number] = append(c.leden[a.Number], l)
		}
		c.notes[a.Number] = noteSentences(a)
	}
	c.idf = idf(df, n)
	c.ledenCount = n
	return c
}

// noteSentences splits an article's toelichting into sentences, each with
// the line of its paragraph.
func noteSentences(a *ordinance.Article) []sentence {
	if a.ExplanationLine == 0 {
		return nil
	}
	var out []sentence
	lines := explanationLines(a)
	k := 0
	for _, b := range a.ExplanationBlocks {
		texts := []string{b.Text}
		if b.Kind == ordinance.BlockList {
			texts = b.Items
		}
		for _, t := range texts {
			line := a.ExplanationLine
			if k < len(lines) {
				line = lines[k]
			}
			k++
			if b.Kind == ordinance.BlockHeading {
				continue
			}
			for _, s := range readability.Split(t) {
				out = append(out, sentence{article: a, text: s, line: line})
			}
		}
	}
	return out
}

// explanationLines returns the source line of each line of an article's
// toelichting (a paragraph, heading or list item each had one line), as
// the parser recorded them; a model built otherwise (a translation) has
// none, and every sentence gets the heading's line.
func explanationLines(a *ordinance.Article) []int {
	var out []int
	for _, b := range a.ExplanationBlocks {
		if b.Kind == ordinance.BlockList {
			for i := range b.Items {
				line := a.ExplanationLine
				if i < len(b.ItemLines) {
					line = b.ItemLines[i]
				}
				out = append(out, line)
			}
			continue
		}
		line := b.Line
		if line == 0 {
			line = a.ExplanationLine
		}
		out = append(out, line)
	}
	return out
}

// lidByNumber returns the lid of an article, or nil.
func (c *checker) lidByNumber(article, number string) *lid {
	for _, l := range c.leden[article] {
		if l.number == number {
			return l
		}
	}
	return nil
}

func regelingQuote(l *lid, text string) Quote {
	if text == "" {
		text = l.text
	}
	return Quote{Text: text, Article: l.article.Number, Paragraph: l.number, Line: l.line}
}

func noteQuote(s sentence) Quote {
	return Quote{Text: s.text, Article: s.article.Number, Line: s.line}
}

// itemQuote quotes the onderdeel of a lid that matches re, or the whole
// lid.
func itemQuote(l *lid, contains func(string) bool) Quote {
	for _, it := range l.para.Items {
		if contains(it.Text) {
			return Quote{Text: it.Text, Article: l.article.Number, Paragraph: l.number, Line: it.Line}
		}
	}
	return regelingQuote(l, "")
}

// lidNames is "lid 1", "leden 1 en 3", "leden 1, 3 en 5".
func lidNames(ls []*lid) string {
	if len(ls) == 1 {
		return lidName(ls[0])
	}
	var ns []string
	for _, l := range ls {
		ns = append(ns, l.number)
	}
	return "leden " + strings.Join(ns[:len(ns)-1], ", ") + " en " + ns[len(ns)-1]
}

// where is "lid 5 van artikel 6", or "artikel 14" for an article without
// leden.
func where(l *lid) string {
	if l.number == "" {
		return "artikel " + l.article.Number
	}
	return "lid " + l.number + " van artikel " + l.article.Number
}

// lidName is "lid 5", or "artikel 14" for an article without leden.
func lidName(l *lid) string {
	if l.number == "" {
		return "artikel " + l.article.Number
	}
	return "lid " + l.number
}
