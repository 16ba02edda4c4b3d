package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// browserIndex is the file the browser script searches (zoeken/index-LANG.json).
// It holds no postings: the script builds them when it loads, by looking up
// the words of the texts, which a test checks yields bleve's terms exactly.
type browserIndex struct {
	V     int             `json:"v"`
	Lang  string          `json:"lang"`
	Cfg   browserConfig   `json:"cfg"`
	Words string          `json:"words"` // every word form, sorted, one space apart
	Terms []string        `json:"terms"` // per word, its index term: see encodeTerm
	Parts [][]int         `json:"parts"` // compound words: [word, part, part…] as word numbers
	Syn   [][]string      `json:"syn"`   // synonym groups
	Kinds []string        `json:"kinds"`
	Docs  [][]interface{} `json:"docs"` // [url, kind number, title, [text block numbers…]]
	Text  []string        `json:"text"` // the text blocks, each once
}

// browserConfig carries the constants the script shares with this package.
type browserConfig struct {
	Fields     [][]interface{}    `json:"fields"` // [name, boost]
	Kinds      map[string]float64 `json:"kindWeights"`
	W          map[string]float64 `json:"w"`
	Lim        map[string]int     `json:"lim"`
	Compound   bool               `json:"compound"`
	SnippetLen int                `json:"snippetLen"`
}

// formatVersion is the version of the browser index format.
const formatVersion = 1

// ExportBrowser returns the compact index of one language for the browser
// script: every word form of the texts with its bleve term and its
// compound parts, the synonyms, and the documents with their texts.
func ExportBrowser(docs []Document, lang string, syn *Synonyms) ([]byte, error) {
	var ds []Document
	for _, d := range docs {
		if d.Lang == lang {
			ds = append(ds, d)
		}
	}
	if len(ds) == 0 {
		return nil, fmt.Errorf("no documents in language %q", lang)
	}
	v, err := newVocabulary(lang, docTexts(ds), syn)
	if err != nil {
		return nil, err
	}
	bi := v.export()
	kinds := map[string]int{}
	texts := map[string]int{}
	for _, d := range ds {
		k, ok := kinds[d.Kind]
		if !ok {
			k = len(bi.Kinds)
			kinds[d.Kind] = k
			bi.Kinds = append(bi.Kinds, d.Kind)
		}
		blocks := []int{}
		if d.Text != "" {
			for _, b := range strings.Split(d.Text, "\n") {
				n, ok := texts[b]
				if !ok {
					n = len(bi.Text)
					texts[b] = n
					bi.Text = append(bi.Text, b)
				}
				blocks = append(blocks, n)
			}
		}
		bi.Docs = append(bi.Docs, []interface{}{d.URL, k, d.Title, blocks})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(bi); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// export returns the vocabulary part of the browser index.
func (v *vocabulary) export() *browserIndex {
	bi := &browserIndex{V: formatVersion, Lang: v.lang, Words: strings.Join(v.words, " "), Syn: v.syn, Parts: [][]int{}}
	if bi.Syn == nil {
		bi.Syn = [][]string{}
	}
	num := make(map[string]int, len(v.words))
	for i, w := range v.words {
		num[w] = i
	}
	bi.Terms = make([]string, len(v.words))
	for i, w := range v.words {
		e := v.entries[w]
		bi.Terms[i] = encodeTerm(w, e.term)
		if len(e.parts) > 0 {
			p := []int{i}
			for _, part := range e.parts {
				p = append(p, num[part])
			}
			bi.Parts = append(bi.Parts, p)
		}
	}
	bi.Cfg = browserConfig{
		Fields: [][]interface{}{}, Kinds: kindWeights, Compound: v.compound, SnippetLen: snippetLen,
		W: map[string]float64{"exact": wExact, "part": wPart, "syn": wSyn, "typo1": wTypo1, "typo2": wTypo2, "prefix": wPrefix},
		Lim: map[string]int{
			"queryWords": maxQueryWords, "typoWord": maxTypoWord, "typos": maxTypos, "completions": maxCompletions,
			"minCompletion": minCompletion, "typo1Len": typo1Len, "typo2Len": typo2Len,
			"minCompound": minCompound, "minPart": minPart, "maxCompound": maxCompound,
		},
	}
	for _, f := range fields {
		bi.Cfg.Fields = append(bi.Cfg.Fields, []interface{}{f.Name, f.Boost})
	}
	return bi
}

// encodeTerm writes the term of a word relative to the word: "" when they
// are the same, "-" when the word is a stop word (no term), else the number
// of characters to cut off the end of the word, and after a comma what to
// add ("premies" → "premie": "1"; "geïnteresseerde" → "geinteresseerd":
// "14,interesseerd").
func encodeTerm(word, term string) string {
	switch {
	case term == "":
		return "-"
	case term == word:
		return ""
	}
	w, t := []rune(word), []rune(term)
	p := 0
	for p < len(w) && p < len(t) && w[p] == t[p] {
		p++
	}
	s := strconv.Itoa(len(w) - p)
	if p < len(t) {
		s += "," + string(t[p:])
	}
	return s
}

// textWords is bleveWords(s), remembered for the process: a rebuild after
// an edit to one guide exports the index of its language again, and all
// texts but the edited page's are the same. Two generations of at most
// wordsLimit texts each bound the memory. The result is shared: callers
// only read it.
func textWords(s string) []string {
	wordsMemo.mu.Lock()
	w, ok := wordsMemo.cur[s]
	if !ok {
		if w, ok = wordsMemo.prev[s]; ok {
			wordsMemo.keep(s, w)
		}
	}
	wordsMemo.mu.Unlock()
	if ok {
		return w
	}
	w = bleveWords(s) // outside the lock: languages export on several cores
	wordsMemo.mu.Lock()
	wordsMemo.keep(s, w)
	wordsMemo.mu.Unlock()
	return w
}

// wordsLimit is the number of texts in a generation: several times the
// texts of a site's two languages.
const wordsLimit = 1 << 14

var wordsMemo wordsTable

type wordsTable struct {
	mu        sync.Mutex
	cur, prev map[string][]string
}

// keep adds an entry to the current generation, starting a new one when
// it is full. Call with mu held.
func (m *wordsTable) keep(s string, w []string) {
	if len(m.cur) >= wordsLimit {
		m.prev, m.cur = m.cur, nil
	}
	if m.cur == nil {
		m.cur = map[string][]string{}
	}
	m.cur[s] = w
}
