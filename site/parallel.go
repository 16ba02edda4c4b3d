package site

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"

	"github.com/regelgids/regelgids/site/glossary"
)

// forEach calls f(i) for every i in [0, n) on up to GOMAXPROCS goroutines
// and returns the error of the lowest i that failed: the error a loop
// would have stopped at, whatever the timing. Items after a known failure
// are skipped; every item before it runs. A panic in f is raised again in
// the caller, so the server's recover still turns it into an error.
func forEach(n int, f func(i int) error) error {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			if err := f(i); err != nil {
				return err
			}
		}
		return nil
	}
	errs := make([]error, n)
	var (
		next     atomic.Int64
		failed   atomic.Int64 // lowest failed index + 1; 0 while none
		panicked atomic.Pointer[workerPanic]
		wg       sync.WaitGroup
	)
	for range workers {
		wg.Go(func() {
			defer func() {
				if p := recover(); p != nil {
					panicked.CompareAndSwap(nil, &workerPanic{value: p, stack: debug.Stack()})
					failed.Store(1) // stop the others
				}
			}()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				if first := failed.Load(); first != 0 && i >= int(first-1) {
					continue
				}
				if errs[i] = f(i); errs[i] != nil {
					for {
						first := failed.Load()
						if first != 0 && int(first-1) <= i || failed.CompareAndSwap(first, int64(i+1)) {
							break
						}
					}
				}
			}
		})
	}
	wg.Wait()
	if p := panicked.Load(); p != nil {
		panic(fmt.Sprintf("%v\n\ngoroutine stack:\n%s", p.value, p.stack))
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

type workerPanic struct {
	value any
	stack []byte
}

// renderPages renders pages on every core into out. Each page is rendered
// into a file set of its own and the sets are merged in page order, so out
// is what rendering them one after the other gives. With keys, a page
// whose inputs an earlier build had is taken from the cache.
// It returns how many pages it rendered, and with keys each file's key.
func (r *Renderer) renderPages(out Output, pages []*Page, keys *pageKeys) (int, map[string]cacheKey, error) {
	files := make([]Output, len(pages))
	pageKeys := make([]cacheKey, len(pages))
	var rendered atomic.Int64
	frames := newFrameCache() // this render's site data: kept no longer
	for _, pg := range pages {
		pg.frames = frames
	}
	err := forEach(len(pages), func(i int) error {
		files[i] = Output{}
		if keys == nil {
			rendered.Add(1)
			return r.renderPage(files[i], pages[i])
		}
		k := keys.key(pages[i])
		pageKeys[i] = k
		if b, ok := r.cache.get(k); ok {
			files[i][filePath(pages[i])] = b.([]byte)
			return nil
		}
		rendered.Add(1)
		if err := r.renderPage(files[i], pages[i]); err != nil {
			return err
		}
		r.cache.put(k, files[i][filePath(pages[i])])
		return nil
	})
	if err != nil {
		return 0, nil, err
	}
	var byFile map[string]cacheKey
	if keys != nil {
		byFile = make(map[string]cacheKey, len(pages))
		for i, pg := range pages {
			byFile[filePath(pg)] = pageKeys[i]
		}
	}
	for _, f := range files {
		for name, b := range f {
			out[name] = b
		}
	}
	return int(rendered.Load()), byFile, nil
}

// termsCache holds the glossary words of each language, prepared once
// for the markers of all its pages (a page's marker only keeps which terms
// it has marked).
type termsCache struct{ m sync.Map } // *SiteData → *glossary.Terms

func (r *Renderer) glossaryTerms(sd *SiteData) *glossary.Terms {
	if t, ok := r.terms.m.Load(sd); ok {
		return t.(*glossary.Terms)
	}
	t, _ := r.terms.m.LoadOrStore(sd, glossary.NewTerms(sd.Glossary))
	return t.(*glossary.Terms)
}
