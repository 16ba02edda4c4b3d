package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/regelgids/regelgids/site/legal"
	"github.com/regelgids/regelgids/site/project"
	"github.com/regelgids/regelgids/site/readability"
	"github.com/regelgids/regelgids/site/routes"
	"github.com/regelgids/regelgids/site/search"
)

// Cache keeps what a build derived from its inputs, keyed by a hash of
// those inputs: readability reports per text, the search sections per
// built page, the browser search indexes and their compressed copies. A
// rebuild with the same Cache redoes only the work whose inputs changed, so
// after an edit to one guide `serve` re-reads one page for search and
// reviews one text again. The result is byte for byte what a build without
// a cache makes (TestCacheSameOutput).
//
// Entries that a build does not use are dropped at its end, so the cache
// holds one build's worth, two while a build runs. A Cache is safe for
// concurrent builds; the zero of *Cache (nil) caches nothing.
type Cache struct {
	mu        sync.Mutex
	cur, prev map[cacheKey]any
}

// cacheKey is a kind of entry and the hash of its inputs.
type cacheKey struct {
	kind string
	sum  [sha256.Size]byte
}

// NewCache returns an empty cache to pass in Options.Cache.
func NewCache() *Cache { return &Cache{cur: map[cacheKey]any{}, prev: map[cacheKey]any{}} }

func (c *Cache) get(k cacheKey) (any, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.cur[k]; ok {
		return v, true
	}
	if v, ok := c.prev[k]; ok {
		c.cur[k] = v // used by this build: kept for the next
		return v, true
	}
	return nil, false
}

func (c *Cache) put(k cacheKey, v any) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.cur[k] = v
}

// endBuild forgets what neither this build nor the one before used.
func (c *Cache) endBuild() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.prev, c.cur = c.cur, map[cacheKey]any{}
}

// cached returns the value for kind and the hash of parts, computing and
// keeping it on a miss. Two builds that miss at once both compute it; the
// values are equal.
func cached[V any](c *Cache, kind string, parts [][]byte, compute func() (V, error)) (V, error) {
	if c == nil {
		return compute()
	}
	k := cacheKey{kind: kind, sum: hashParts(parts...)}
	if v, ok := c.get(k); ok {
		return v.(V), nil
	}
	v, err := compute()
	if err != nil {
		return v, err // errors are not kept: they name files and lines that may change
	}
	c.put(k, v)
	return v, nil
}

// hashParts hashes byte strings with their lengths, so that ("ab", "c")
// and ("a", "bc") differ.
func hashParts(parts ...[]byte) [sha256.Size]byte {
	h := sha256.New()
	var n [8]byte
	for _, p := range parts {
		binary.LittleEndian.PutUint64(n[:], uint64(len(p)))
		h.Write(n[:])
		h.Write(p)
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
}

// consistency is p.Consistency(), kept by the ordinance it compares.
func (r *Renderer) consistency(p *project.Project) []Finding {
	if r.cache == nil {
		return p.Consistency()
	}
	// gob and not JSON: the model's line numbers, which findings quote,
	// are left out of its JSON.
	var model bytes.Buffer
	if err := gob.NewEncoder(&model).Encode(p.Ordinance()); err != nil {
		return p.Consistency() // not expected: the model is plain data
	}
	findings, _ := cached(r.cache, "consistency", [][]byte{model.Bytes()}, func() ([]Finding, error) {
		return p.Consistency(), nil
	})
	return findings
}

// searchDocuments is search.DocumentsFromHTML on every core, with the
// sections of a page kept by the page's bytes, or by its key where
// fileKeys has one (the key of a page stands for its bytes, and is
// cheaper than hashing them).
func (r *Renderer) searchDocuments(out Output, langs routes.Languages, fileKeys map[string]cacheKey) ([]search.Document, error) {
	names := search.IndexedPages(out, langs)
	docs := make([][]search.Document, len(names))
	langKey := []byte(strings.Join(langs, "\x00"))
	err := forEach(len(names), func(i int) error {
		var err error
		page := out[names[i]]
		if k, ok := fileKeys[names[i]]; ok {
			page = append([]byte("page key "), k.sum[:]...)
		}
		docs[i], err = cached(r.cache, "search-page", [][]byte{langKey, []byte(names[i]), page}, func() ([]search.Document, error) {
			return search.PageDocuments(names[i], out[names[i]], langs)
		})
		return err
	})
	if err != nil {
		return nil, err
	}
	var all []search.Document
	for _, d := range docs {
		all = append(all, d...)
	}
	return all, nil
}

// exportSearch makes the browser's index of each language, on every core,
// kept by what it is made of (search.ExportKey).
func (r *Renderer) exportSearch(docs []search.Document, p *project.Project) ([][]byte, error) {
	out := make([][]byte, len(p.Languages))
	err := forEach(len(p.Languages), func(i int) error {
		lang := p.Languages[i]
		b, err := cached(r.cache, "search-export", [][]byte{search.ExportKey(docs, lang, p.Synonyms)}, func() ([]byte, error) {
			return search.ExportBrowser(docs, lang, p.Synonyms)
		})
		if err != nil {
			return fmt.Errorf("search index %s: %w", lang, err)
		}
		out[i] = b
		return nil
	})
	return out, err
}

// analyzer runs the readability review of one language's texts: queued by
// analyze, done by run on every core, each report kept in the cache by
// its text and options. Reports in the cache are shared between builds
// and never changed: run copies them.
type analyzer struct {
	cache *Cache
	jobs  []analysis
}

type analysis struct {
	text, lang string
	opts       readability.Options
	into       *readability.Report
	law        string // the kind of law text: scored, not judged
}

// analyze queues readability.Analyze(text, lang, opts) and returns the
// report run fills in.
func (a *analyzer) analyze(text, lang string, opts readability.Options) *readability.Report {
	r := &readability.Report{}
	a.jobs = append(a.jobs, analysis{text: text, lang: lang, opts: opts, into: r})
	return r
}

// analyzeLaw is analyze for a text that is measured against the guides'
// yardstick (opts) but never judged: its report has kind and is not graded.
func (a *analyzer) analyzeLaw(text, lang string, opts readability.Options, kind string) *readability.Report {
	r := a.analyze(text, lang, opts)
	a.jobs[len(a.jobs)-1].law = kind
	return r
}

// run analyses the queued texts and returns out, now with their reports.
func (a *analyzer) run(out []Reviewed) ([]Reviewed, error) {
	keys := make([][]byte, len(a.jobs))
	if a.cache != nil {
		// The lists are the project's, the same for every text, and the
		// glossary words the same for every text of a language: hashed
		// once each, told apart by identity while they are in use here.
		type lists struct {
			th         *readability.Thresholds
			jargon     *string
			n          int
			common     uintptr
			explained  *string
			nExplained int
		}
		seen := map[lists][]byte{}
		for i, j := range a.jobs {
			o := j.opts
			id := lists{o.Thresholds, unsafe.SliceData(o.Jargon), len(o.Jargon), reflect.ValueOf(o.Common).Pointer(), unsafe.SliceData(o.Explained), len(o.Explained)}
			if seen[id] == nil {
				sum := hashParts(optionsKey(o), []byte(strings.Join(o.Explained, "\n")))
				seen[id] = sum[:]
			}
			sum := hashParts(seen[id], []byte(o.Kind), []byte(j.lang), []byte(j.text))
			keys[i] = sum[:]
		}
	}
	err := forEach(len(a.jobs), func(i int) error {
		j := a.jobs[i]
		r, _ := cached(a.cache, "readability", [][]byte{keys[i]}, func() (*readability.Report, error) {
			return readability.Analyze(j.text, j.lang, j.opts), nil
		})
		*j.into = *r
		if j.law != "" {
			j.into.Kind, j.into.Graded = j.law, false
		}
		return nil
	})
	a.jobs = nil
	return out, err
}

// optionsKey hashes the lists of readability options: the thresholds,
// the jargon and the common words.
func optionsKey(o readability.Options) []byte {
	th, _ := json.Marshal(o.Thresholds) // plain data; the source lines are not used
	var common uint64
	for w := range o.Common {
		// A sum of the words' hashes: the map's order does not matter.
		h := fnv.New64a()
		h.Write([]byte(w))
		common += h.Sum64()
	}
	sum := hashParts(th, []byte(strings.Join(o.Jargon, "\n")), fmt.Appendf(nil, "%d %d %t", common, len(o.Common), o.Common != nil))
	return sum[:]
}

// references is legal.References, kept per text for the process: the
// same article text is linked on its article page, on the whole
// ordinance and on the reviewers' pages, and again at every rebuild, and
// the reference grammar is a regular expression that backtracks.
// The result is shared: callers only read it.
func references(s string) []legal.Reference {
	if v, ok := referencesMemo.m.Load(s); ok {
		return v.([]legal.Reference)
	}
	refs := legal.References(s)
	if referencesMemo.n.Load() < referencesLimit {
		if _, loaded := referencesMemo.m.LoadOrStore(s, refs); !loaded {
			referencesMemo.n.Add(1)
		}
	}
	return refs
}

// referencesLimit bounds the memo; texts beyond it are parsed each time.
const referencesLimit = 1 << 14

var referencesMemo struct {
	m sync.Map // text → []legal.Reference
	n atomic.Int64
}
