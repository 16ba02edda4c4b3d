package search

import (
	"context"
	"fmt"
	"html"
	"math"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"
)

// Index is the site's search index: one in-memory bleve index per language.
type Index struct {
	langs map[string]*langIndex
}

type langIndex struct {
	// refs counts the Indexes that hold this one (NewIndexFrom shares
	// a language's index between builds); the last Close closes bleve.
	refs   atomic.Int32
	syn    [][]string // the language's synonym groups it was made with
	vocab  *vocabulary
	docs   []Document
	bleve  bleve.Index
	lens   [][]int   // per document, the number of terms in each field
	avgLen []float64 // per field, the average number of terms
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
	return NewIndexFrom(nil, docs, syn)
}

// NewIndexFrom is NewIndex, taking a language's index from prev where
// its documents and synonyms are the same: after an edit in one language
// serve indexes that language again, not both. prev stays usable; a
// language index the two share is closed with the last of them. prev
// must not be closed while NewIndexFrom runs.
func NewIndexFrom(prev *Index, docs []Document, syn *Synonyms) (*Index, error) {
	byLang := map[string][]Document{}
	for _, d := range docs {
		if _, ok := Languages[d.Lang]; !ok {
			return nil, fmt.Errorf("%s: unknown language %q", d.URL, d.Lang)
		}
		byLang[d.Lang] = append(byLang[d.Lang], d)
	}
	// One language per goroutine: the languages share nothing, and
	// serve waits for this before it shows a rebuilt site. Errors are
	// reported for the first language in sorted order.
	langs := sortedKeys(byLang)
	made := make([]*langIndex, len(langs))
	errs := make([]error, len(langs))
	var wg sync.WaitGroup
	for i, lang := range langs {
		if prev != nil {
			if li := prev.langs[lang]; li != nil && slices.Equal(li.docs, byLang[lang]) && reflect.DeepEqual(li.syn, syn.Groups(lang)) {
				li.refs.Add(1)
				made[i] = li
				continue
			}
		}
		wg.Go(func() { made[i], errs[i] = newLangIndex(lang, byLang[lang], syn) })
	}
	wg.Wait()
	ix := &Index{langs: map[string]*langIndex{}}
	for i, lang := range langs {
		if made[i] != nil {
			ix.langs[lang] = made[i]
		}
	}
	for _, err := range errs {
		if err != nil {
			ix.Close()
			return nil, err
		}
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
	a := bi.Mapping().AnalyzerNamed(Languages[lang])
	li := &langIndex{syn: syn.Groups(lang), vocab: v, docs: docs, bleve: bi, avgLen: make([]float64, len(fields))}
	li.refs.Store(1)
	batch := bi.NewBatch()
	for i, d := range docs {
		vals := v.fieldValues(d)
		if err := batch.Index(strconv.Itoa(i), vals); err != nil {
			return nil, err
		}
		lens := make([]int, len(fields))
		for f, field := range fields {
			lens[f] = len(a.Analyze([]byte(vals[field.Name].(string))))
			li.avgLen[f] += float64(lens[f])
		}
		li.lens = append(li.lens, lens)
	}
	for f := range li.avgLen {
		li.avgLen[f] /= float64(len(docs))
	}
	if err := bi.Batch(batch); err != nil {
		return nil, err
	}
	return li, nil
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
	var first error
	for _, li := range ix.langs {
		if li.refs.Add(-1) != 0 {
			continue // another Index still uses it
		}
		if err := li.bleve.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// BM25 parameters.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// Search returns the n best pages for what a resident typed, in a
// language, each at its best-matching section. Query words are matched
// with their compound parts, synonyms, close misspellings and, for the last
// word, its completions.
//
// Bleve analyzes and indexes the documents; the term frequencies come from
// bleve's index. The scoring is BM25 over the fields, per query word the
// best of its alternatives, which bleve's queries cannot express: it is the
// formula the browser uses, so the search page without JavaScript and the
// search box rank alike.
func (ix *Index) Search(q, lang string, n int) ([]Result, error) {
	li, ok := ix.langs[lang]
	if !ok {
		return nil, fmt.Errorf("no index for language %q", lang)
	}
	words := li.vocab.analyzeQuery(q)
	any := false
	for _, w := range words {
		any = any || len(w.Alts) > 0
	}
	if !any || n <= 0 {
		return nil, nil
	}
	adv, err := li.bleve.Advanced()
	if err != nil {
		return nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	cache := map[string]map[int]float64{}
	matched := map[string]bool{}
	perWord := make([]map[int]float64, len(words))
	for wi, w := range words {
		perWord[wi] = map[int]float64{}
		for _, a := range w.Alts {
			// the words of a synonym of several words count together: the
			// share that matched, of the weight shared between them
			k := float64(len(a.Terms))
			sum, hits := map[int]float64{}, map[int]int{}
			var order []int
			for _, t := range a.Terms {
				matched[t] = true
				sc, ok := cache[t]
				if !ok {
					if sc, err = li.termScores(r, t); err != nil {
						return nil, err
					}
					cache[t] = sc
				}
				for _, d := range sortedDocs(sc) {
					if _, seen := sum[d]; !seen {
						order = append(order, d)
					}
					sum[d] += sc[d]
					hits[d]++
				}
			}
			for _, d := range order {
				s := sum[d] * a.W * float64(hits[d]) / (k * k)
				if s > perWord[wi][d] {
					perWord[wi][d] = s
				}
			}
		}
	}
	total, count := map[int]float64{}, map[int]int{}
	for _, m := range perWord {
		for _, d := range sortedDocs(m) {
			total[d] += m[d]
			count[d]++
		}
	}
	best := map[string]Result{}
	for _, i := range sortedDocs(total) {
		d := li.docs[i]
		score := total[i] * (float64(count[i]) / float64(len(words))) * kindWeights[d.Kind]
		g := d.group()
		if b, ok := best[g]; ok && (b.Score > score || b.Score == score && b.URL <= d.URL) {
			continue
		}
		best[g] = Result{URL: d.URL, Title: d.Title, Kind: d.Kind, Score: score, Snippet: d.Text}
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

// termScores returns the BM25 score of a term in each document that has
// it, summed over the fields with their boosts, from bleve's postings.
func (li *langIndex) termScores(r index.IndexReader, term string) (map[int]float64, error) {
	type posting struct{ doc, field, tf int }
	var ps []posting
	docs := map[int]bool{}
	for f, field := range fields {
		tfr, err := r.TermFieldReader(context.Background(), []byte(term), field.Name, true, false, false)
		if err != nil {
			return nil, err
		}
		for {
			td, err := tfr.Next(nil)
			if err != nil {
				tfr.Close()
				return nil, err
			}
			if td == nil {
				break
			}
			id, err := r.ExternalID(td.ID)
			if err != nil {
				tfr.Close()
				return nil, err
			}
			d, err := strconv.Atoi(id)
			if err != nil || d < 0 || d >= len(li.docs) {
				tfr.Close()
				return nil, fmt.Errorf("bleve returned unknown document %q", id)
			}
			ps = append(ps, posting{d, f, int(td.Freq)})
			docs[d] = true
		}
		tfr.Close()
	}
	// per document, the fields in order, as the browser adds them
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].doc < ps[j].doc })
	n := float64(len(li.docs))
	df := float64(len(docs))
	idf := math.Log(1 + (n-df+0.5)/(df+0.5))
	out := map[int]float64{}
	for _, p := range ps {
		tf := float64(p.tf)
		avg := li.avgLen[p.field]
		if avg == 0 {
			avg = 1
		}
		norm := tf * (bm25K1 + 1) / (tf + bm25K1*(1-bm25B+bm25B*float64(li.lens[p.doc][p.field])/avg))
		out[p.doc] += fields[p.field].Boost * idf * norm
	}
	return out, nil
}

func sortedDocs[V any](m map[int]V) []int {
	out := make([]int, 0, len(m))
	for d := range m {
		out = append(out, d)
	}
	sort.Ints(out)
	return out
}

// group returns what a result stands for: its page, or for a glossary
// entry, the entry (the glossary is one page of many short answers).
func (d Document) group() string {
	if d.Kind == KindGlossary {
		return d.URL
	}
	return d.Page()
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
