package search

import (
	"fmt"
	"html"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Index is the site's search index: one in-memory bleve index per language.
type Index struct {
	langs map[string]*langIndex
}

type langIndex struct {
	vocab *vocabulary
	docs  []Document
	bleve bleve.Index
}

// Result is one search result: a page, at its best-matching section.
type Result struct {
	URL     string  // site path with anchor, like Document.URL
	Title   string  // the section's title
	Kind    string  // the section's kind (KindGuide, …)
	Snippet string  // HTML: escaped text with <mark> around the words that matched
	Score   float64 // higher is better
}

// NewIndex indexes docs, in every language they are in, with bleve: the
// titles and texts with the language's analyzer, and the parts of Dutch
// compound words in fields of their own.
func NewIndex(docs []Document, syn *Synonyms) (*Index, error) {
	byLang := map[string][]Document{}
	for _, d := range docs {
		if _, ok := Languages[d.Lang]; !ok {
			return nil, fmt.Errorf("%s: unknown language %q", d.URL, d.Lang)
		}
		byLang[d.Lang] = append(byLang[d.Lang], d)
	}
	ix := &Index{langs: map[string]*langIndex{}}
	for lang, ds := range byLang {
		li, err := newLangIndex(lang, ds, syn)
		if err != nil {
			return nil, err
		}
		ix.langs[lang] = li
	}
	return ix, nil
}

func docTexts(docs []Document) []string {
	texts := make([]string, 0, 2*len(docs))
	for _, d := range docs {
		texts = append(texts, d.Title, d.Text)
	}
	return texts
}

func indexMapping(lang string) mapping.IndexMapping {
	dm := bleve.NewDocumentStaticMapping()
	for _, f := range fields {
		fm := bleve.NewTextFieldMapping()
		fm.Analyzer = Languages[lang]
		fm.Store = false
		fm.IncludeInAll = false
		fm.IncludeTermVectors = false
		dm.AddFieldMappingsAt(f.Name, fm)
	}
	im := bleve.NewIndexMapping()
	im.DefaultMapping = dm
	im.DefaultAnalyzer = Languages[lang]
	return im
}

func newLangIndex(lang string, docs []Document, syn *Synonyms) (*langIndex, error) {
	v, err := newVocabulary(lang, docTexts(docs), syn)
	if err != nil {
		return nil, err
	}
	bi, err := bleve.NewMemOnly(indexMapping(lang))
	if err != nil {
		return nil, err
	}
	batch := bi.NewBatch()
	for i, d := range docs {
		if err := batch.Index(strconv.Itoa(i), v.fieldValues(d)); err != nil {
			return nil, err
		}
	}
	if err := bi.Batch(batch); err != nil {
		return nil, err
	}
	return &langIndex{vocab: v, docs: docs, bleve: bi}, nil
}

// fieldValues returns what is indexed of a document, per field.
func (v *vocabulary) fieldValues(d Document) map[string]any {
	return map[string]any{
		"title":  d.Title,
		"text":   d.Text,
		"tparts": v.partsText(d.Title),
		"xparts": v.partsText(d.Text),
	}
}

// Languages returns the languages in the index.
func (ix *Index) Languages() []string { return sortedKeys(ix.langs) }

// Close releases the bleve indexes.
func (ix *Index) Close() error {
	for _, li := range ix.langs {
		if err := li.bleve.Close(); err != nil {
			return err
		}
	}
	return nil
}

// Search returns the n best pages for what a resident typed, in a
// language, each at its best-matching section. Query words are matched
// with their compound parts, synonyms, close misspellings and, for the last
// word, its completions.
func (ix *Index) Search(q, lang string, n int) ([]Result, error) {
	li, ok := ix.langs[lang]
	if !ok {
		return nil, fmt.Errorf("no index for language %q", lang)
	}
	words := li.vocab.analyzeQuery(q)
	var wordQs []query.Query
	matched := map[string]bool{}
	for _, w := range words {
		if len(w.Alts) == 0 {
			continue
		}
		// Bleve multiplies a disjunction's score by the share of its
		// clauses that matched. A document matches a word through one or
		// two of its alternatives, so the boosts undo that share.
		k := float64(len(w.Alts))
		var altQs []query.Query
		for _, a := range w.Alts {
			matched[a.Term] = true
			var fieldQs []query.Query
			for _, f := range fields {
				tq := query.NewTermQuery(a.Term)
				tq.SetField(f.Name)
				tq.SetBoost(f.Boost * float64(len(fields)))
				fieldQs = append(fieldQs, tq)
			}
			dq := query.NewDisjunctionQuery(fieldQs)
			dq.SetBoost(a.W * k)
			altQs = append(altQs, dq)
		}
		wordQs = append(wordQs, query.NewDisjunctionQuery(altQs))
	}
	if len(wordQs) == 0 || n <= 0 {
		return nil, nil
	}
	// every word counts towards coordination, also one that matches nothing
	for len(wordQs) < len(words) {
		wordQs = append(wordQs, query.NewMatchNoneQuery())
	}
	req := bleve.NewSearchRequestOptions(query.NewDisjunctionQuery(wordQs), len(li.docs), 0, false)
	res, err := li.bleve.Search(req)
	if err != nil {
		return nil, err
	}
	best := map[string]Result{}
	for _, h := range res.Hits {
		i, err := strconv.Atoi(h.ID)
		if err != nil || i < 0 || i >= len(li.docs) {
			return nil, fmt.Errorf("bleve returned unknown document %q", h.ID)
		}
		d := li.docs[i]
		score := h.Score * kindWeights[d.Kind]
		page := d.Page()
		if b, ok := best[page]; ok && (b.Score > score || b.Score == score && b.URL <= d.URL) {
			continue
		}
		best[page] = Result{URL: d.URL, Title: d.Title, Kind: d.Kind, Score: score, Snippet: d.Text}
	}
	out := make([]Result, 0, len(best))
	for _, r := range best {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].URL < out[j].URL
	})
	if len(out) > n {
		out = out[:n]
	}
	for i := range out {
		out[i].Snippet = li.vocab.snippet(out[i].Snippet, matched)
	}
	return out, nil
}

// snippetLen is about how many characters a snippet shows.
const snippetLen = 160

// snippet returns the part of text with the most words that matched, as
// HTML with <mark> around them.
func (v *vocabulary) snippet(text string, matched map[string]bool) string {
	text = strings.ReplaceAll(text, "\n", " ")
	toks := tokenize(text)
	hit := make([]bool, len(toks))
	for i, t := range toks {
		w := lower(t.Text)
		e, ok := v.entries[w]
		if !ok {
			continue
		}
		hit[i] = matched[e.term]
		for _, p := range e.parts {
			hit[i] = hit[i] || matched[v.term(p)]
		}
	}
	// the window of snippetLen characters with the most hits, starting a
	// few words before a hit
	bestStart, bestCount := 0, 0
	for i := range toks {
		if !hit[i] {
			continue
		}
		s := max(i-3, 0)
		for s < i && runeLen(text[toks[s].Start:toks[i].Start]) > snippetLen/3 {
			s++
		}
		count := 0
		for j := s; j < len(toks) && runeLen(text[toks[s].Start:toks[j].End]) <= snippetLen; j++ {
			if hit[j] {
				count++
			}
		}
		if count > bestCount {
			bestStart, bestCount = s, count
		}
	}
	var b strings.Builder
	start := 0
	if bestStart > 0 {
		start = toks[bestStart].Start
	}
	if bestStart > 0 {
		b.WriteString("… ")
	}
	pos, end := start, len(text)
	for j := bestStart; j < len(toks); j++ {
		if j > bestStart && runeLen(text[start:toks[j].End]) > snippetLen {
			end = toks[j-1].End
			break
		}
		if hit[j] {
			b.WriteString(html.EscapeString(text[pos:toks[j].Start]))
			b.WriteString("<mark>" + html.EscapeString(toks[j].Text) + "</mark>")
			pos = toks[j].End
		}
	}
	if end < pos {
		end = pos
	}
	b.WriteString(html.EscapeString(text[pos:end]))
	if end < len(text) {
		b.WriteString(" …")
	}
	return b.String()
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }
