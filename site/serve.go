package site

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/regelgids/regelgids/site/search"
)

// ServeOptions configure Serve.
type ServeOptions struct {
	Options
	Addr string // host:port; "127.0.0.1:8080" keeps the server on loopback
	// Watch lists folders on disk whose changes trigger a rebuild. Embedded
	// content cannot change, so it is not watched.
	Watch []string
	// Rebuild rereads the sources; Serve calls it before each rebuild so a
	// changed folder is read afresh. Nil means opts.Options as they are.
	Rebuild func() Options
	Log     io.Writer
	// Ready, if set, receives the listening address once the server accepts
	// connections.
	Ready chan<- string
}

// Serve builds the site, serves it over HTTP and rebuilds it when a watched
// folder changes, until ctx is done. A failed rebuild is reported and the
// last good site keeps being served.
func Serve(ctx context.Context, opts ServeOptions) error {
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.Out == "" {
		tmp, err := os.MkdirTemp("", "regelgids-serve-*")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		opts.Out = tmp + "/site"
	}
	// Take the fingerprint before the first build, so a change made while
	// it runs is seen.
	seen := fingerprint(opts.Watch)
	res, err := Build(opts.Options)
	if err != nil {
		return err
	}
	fmt.Fprintf(opts.Log, "built %d pages in %v\n", res.Pages, res.Duration.Round(time.Millisecond))

	h := &siteHandler{files: NewHandler(opts.Out)}
	if err := h.update(res); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	fmt.Fprintf(opts.Log, "serving %s at http://%s/ (Ctrl+C stops)\n", res.Project.Ordinance().Title, ln.Addr())
	if opts.Ready != nil {
		opts.Ready <- ln.Addr().String()
	}

	var wg sync.WaitGroup
	if len(opts.Watch) > 0 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			watch(ctx, opts, seen, h)
		}()
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err = <-errc:
	case <-ctx.Done():
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err = srv.Shutdown(shutdown); errors.Is(err, context.DeadlineExceeded) {
			// Connections that never sent a request hold Shutdown until
			// their read timeout; close them rather than wait.
			err = srv.Close()
		}
	}
	wg.Wait()
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// watch polls the watched folders twice a second. Polling needs no
// platform-specific notification API and a content folder is small.
func watch(ctx context.Context, opts ServeOptions, last string, h *siteHandler) {
	tick := time.NewTicker(500 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		now := fingerprint(opts.Watch)
		if now == last {
			continue
		}
		last = now
		build := opts.Options
		if opts.Rebuild != nil {
			build = opts.Rebuild()
			build.Out = opts.Out
		}
		res, err := Build(build)
		if err == nil {
			err = h.update(res)
		}
		if err != nil {
			fmt.Fprintf(opts.Log, "rebuild failed, still serving the last good site:\n%v\n", err)
			continue
		}
		fmt.Fprintf(opts.Log, "rebuilt %d pages in %v\n", res.Pages, res.Duration.Round(time.Millisecond))
	}
}

// fingerprint summarises names, sizes and modification times of every file
// below the folders.
func fingerprint(dirs []string) string {
	var lines []string
	for _, dir := range dirs {
		fs.WalkDir(os.DirFS(dir), ".", func(name string, d fs.DirEntry, err error) error {
			if err != nil {
				lines = append(lines, dir+"/"+name+" error")
				return nil
			}
			if info, err := d.Info(); err == nil && !d.IsDir() {
				lines = append(lines, fmt.Sprintf("%s/%s %d %d", dir, name, info.Size(), info.ModTime().UnixNano()))
			}
			return nil
		})
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// siteHandler serves the built files and answers /zoeken/?q= (and
// /en/zoeken/?q=) from the bleve index of the last good build, so search
// works without JavaScript when the site is served by regelgids.
type siteHandler struct {
	files http.Handler
	mu    sync.RWMutex
	index *search.Index
	res   *Result
}

// update switches to a new build's index.
func (h *siteHandler) update(res *Result) error {
	ix, err := search.NewIndex(res.Project.SearchDocs, res.Project.Synonyms)
	if err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	h.mu.Lock()
	old := h.index
	h.index, h.res = ix, res
	h.mu.Unlock()
	if old != nil {
		old.Close()
	}
	return nil
}

// maxQuery bounds what a query costs: a resident's question is short.
const maxQuery = 200

func (h *siteHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	lang := ""
	for _, l := range Languages {
		if r.URL.Path == LangPath(l, "/zoeken/") {
			lang = l
		}
	}
	if q == "" || lang == "" || r.Method != http.MethodGet {
		h.files.ServeHTTP(w, r)
		return
	}
	if len(q) > maxQuery {
		q = q[:maxQuery]
	}
	h.mu.RLock()
	ix, res := h.index, h.res
	h.mu.RUnlock()
	results, err := ix.Search(q, lang, 20)
	var page []byte
	if err == nil {
		page, err = res.renderer.SearchPage(res.renderer.Site(lang), q, results)
	}
	if err != nil {
		http.Error(w, "search failed", http.StatusInternalServerError)
		return
	}
	setHeaders(w)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(page)
}

func setHeaders(w http.ResponseWriter) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Referrer-Policy", "same-origin")
	// The pages carry the same policy in a meta tag, for static hosts; a
	// header can also forbid framing.
	w.Header().Set("Content-Security-Policy", ContentSecurityPolicy+"; frame-ancestors 'none'")
}

// ContentSecurityPolicy allows only the site's own files, and the
// calculators' WebAssembly module to be compiled.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'"

// NewHandler serves a built site folder: index.html for folders, the site's
// own 404.html with status 404 for anything else, no folder listings.
func NewHandler(dir string) http.Handler {
	root := http.Dir(dir)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		setHeaders(w)
		name := path.Clean("/" + r.URL.Path)
		f, info, ok := open(root, name)
		if ok && info.IsDir() {
			f.Close()
			if !strings.HasSuffix(r.URL.Path, "/") {
				http.Redirect(w, r, name+"/", http.StatusMovedPermanently)
				return
			}
			f, info, ok = open(root, path.Join(name, "index.html"))
		}
		if !ok {
			notFound(w, root)
			return
		}
		defer f.Close()
		// The build writes NAME.gz beside large files (the calculators'
		// module); send it to clients that accept gzip.
		if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			if gz, gzInfo, ok := open(root, name+".gz"); ok {
				defer gz.Close()
				w.Header().Set("Content-Encoding", "gzip")
				w.Header().Set("Content-Type", mime.TypeByExtension(path.Ext(name)))
				w.Header().Add("Vary", "Accept-Encoding")
				http.ServeContent(w, r, info.Name(), gzInfo.ModTime(), gz)
				return
			}
		}
		http.ServeContent(w, r, info.Name(), info.ModTime(), f)
	})
}

func open(root http.Dir, name string) (http.File, fs.FileInfo, bool) {
	f, err := root.Open(name)
	if err != nil {
		return nil, nil, false
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, false
	}
	return f, info, true
}

func notFound(w http.ResponseWriter, root http.Dir) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	if f, err := root.Open("/404.html"); err == nil {
		defer f.Close()
		io.Copy(w, f)
		return
	}
	io.WriteString(w, "<!DOCTYPE html><title>404</title><p>Not found</p>")
}
