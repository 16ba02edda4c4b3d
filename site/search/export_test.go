package search

import "sort"

// Hooks for the tests in package search_test, which build the real site
// (package site will import this package, so these tests cannot live here).

// QueryWord is a query word with the terms it may match.
type QueryWord = queryWord

// Alt is one alternative of a query word.
type Alt = alt

// AnalyzeQuery returns the query words as the index of lang sees them.
func (ix *Index) AnalyzeQuery(q, lang string) []QueryWord {
	return ix.langs[lang].vocab.analyzeQuery(q)
}

// BleveTerms analyzes s with the analyzer of the bleve index of lang: the
// terms of the text fields, and of the parts fields.
func (ix *Index) BleveTerms(lang, s string) (terms, parts []string) {
	li := ix.langs[lang]
	a := li.bleve.Mapping().AnalyzerNamed(Languages[lang])
	return analyzeTerms(a, s), analyzeTerms(a, li.vocab.partsText(s))
}

// FieldTerms returns the terms in bleve's dictionary of a field.
func (ix *Index) FieldTerms(lang, field string) ([]string, error) {
	d, err := ix.langs[lang].bleve.FieldDict(field)
	if err != nil {
		return nil, err
	}
	defer d.Close()
	var out []string
	for {
		e, err := d.Next()
		if err != nil {
			return nil, err
		}
		if e == nil {
			break
		}
		out = append(out, e.Term)
	}
	sort.Strings(out)
	return out, nil
}

// Snippet returns the snippet of the document at url for the terms of a query.
func (ix *Index) Snippet(lang, url, q string) string {
	li := ix.langs[lang]
	matched := map[string]bool{}
	for _, w := range li.vocab.analyzeQuery(q) {
		for _, a := range w.Alts {
			for _, t := range a.Terms {
				matched[t] = true
			}
		}
	}
	for _, d := range li.docs {
		if d.URL == url {
			return li.vocab.snippet(d.Text, matched)
		}
	}
	return ""
}

// Split, Typos and Complete expose the word-level steps of query analysis.
func (ix *Index) Split(lang, w string) []string { return ix.langs[lang].vocab.split(w) }

func (ix *Index) Typos(lang, w string) map[string]int {
	out := map[string]int{}
	for _, t := range ix.langs[lang].vocab.typos(w) {
		out[t.word] = t.d
	}
	return out
}

func (ix *Index) Term(lang, w string) string { return ix.langs[lang].vocab.term(w) }

// Tokenize and Lower are the Go side of the browser's tokenizer.
func Tokenize(s string) []string {
	var out []string
	for _, t := range tokenize(s) {
		out = append(out, lower(t.Text))
	}
	return out
}

func CharClass(r rune) int { return charClass(r) }

func Lower(s string) string { return lower(s) }

func EditDistance(a, b string, max int) int { return editDistance([]rune(a), []rune(b), max) }

func EncodeTerm(word, term string) string { return encodeTerm(word, term) }

// DebugHeads lists the inferred compound heads of a language.
func DebugHeads(docs []Document, lang string) []string {
	var texts []string
	for _, d := range docs {
		if d.Lang == lang {
			texts = append(texts, d.Title, d.Text)
		}
	}
	v, _ := newVocabulary(lang, texts, nil)
	seen := map[string]bool{}
	for _, t := range texts {
		for _, w := range bleveWords(t) {
			seen[w] = true
		}
	}
	for _, w := range stopWords(lang) {
		seen[w] = true
	}
	var out []string
	for _, w := range v.words {
		if !seen[w] {
			out = append(out, w)
		}
	}
	return out
}
