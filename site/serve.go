package site

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/textproto"
	"os"
	"path"
	"runtime/debug"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/regelgids/regelgids/site/routes"
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
	// Rebuilt, if set, receives the outcome of each rebuild after a change
	// in a watched folder: nil once the new site is being served, or the
	// error for which the last good site is kept. Serve waits for the
	// receiver (or for the end of ctx) before it looks for changes again.
	Rebuilt chan<- error
	// Poll is how often the watched folders are looked at; zero means
	// twice a second.
	Poll time.Duration
}

// Serve builds the site, serves it over HTTP and rebuilds it when a watched
// folder changes, until ctx is done. A failed rebuild is reported and the
// last good site keeps being served.
//
// Requests are answered from the files of the last good build, kept in
// memory, and a rebuild switches to the new build's files in one step: a
// request never sees a page missing or half written, whatever happens on
// disk. With opts.Out set, each good build is also written there.
func Serve(ctx context.Context, opts ServeOptions) error {
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.Poll <= 0 {
		opts.Poll = 500 * time.Millisecond
	}
	if opts.Cache == nil {
		opts.Cache = NewCache() // so that a rebuild redoes only what changed
	}
	// Take the fingerprint before the first build, so a change made while
	// it runs is seen.
	seen := fingerprint(opts.Watch)
	fmt.Fprintln(opts.Log, "building the site…")
	// The first serve on a machine compiles the calculators for the
	// browser, which takes a minute or two: the pages are served at once
	// and the module is compiled meanwhile (moduleReady).
	first := opts.Options
	first.wasmLater = true
	res, err := serveBuild(first)
	if err != nil {
		return err
	}
	fmt.Fprintf(opts.Log, "built %d pages in %v\n", res.Pages, res.Duration.Round(time.Millisecond))
	var moduleReady chan error
	if res.Site.modulePending() {
		fmt.Fprintln(opts.Log, "compiling the calculators for the browser, first time only (a minute or two); the pages are served meanwhile and the calculator pages say the forms are coming")
		moduleReady = make(chan error, 1)
		start := time.Now()
		go func() {
			err := prepareWASM()
			if err == nil {
				fmt.Fprintf(opts.Log, "calculators compiled for the browser in %v\n", time.Since(start).Round(time.Second))
			}
			moduleReady <- err
		}()
	}

	h := &siteHandler{}
	h.update(res, res.Site.Files)
	defer h.close()
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

	watching := make(chan struct{})
	if len(opts.Watch) > 0 || moduleReady != nil {
		go func() {
			defer close(watching)
			watch(ctx, opts, seen, h, moduleReady)
		}()
	} else {
		close(watching)
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
	select {
	case <-watching:
	case <-time.After(5 * time.Second):
		// A rebuild that does not finish (a build cannot be interrupted)
		// must not keep the server from stopping.
		fmt.Fprintln(opts.Log, "stopping without waiting for the rebuild that is still running")
	}
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// serveBuild builds for Serve: written to opts.Out if there is one, and
// kept only in memory otherwise. A panic in the build is returned as an
// error, so that a rebuild cannot take the server down.
func serveBuild(opts Options) (res *Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, fmt.Errorf("internal error while building (please report it): %v\n%s", p, debug.Stack())
		}
	}()
	return build(opts, opts.Out != "")
}

// watch polls the watched folders, and rebuilds once the calculators'
// module is ready if moduleReady is not nil. Polling needs no
// platform-specific notification API and a content folder is small.
func watch(ctx context.Context, opts ServeOptions, last string, h *siteHandler, moduleReady <-chan error) {
	tick := time.NewTicker(opts.Poll)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case err := <-moduleReady:
			moduleReady = nil // a nil channel is never ready again
			if err != nil {
				fmt.Fprintf(opts.Log, "the calculators could not be compiled for the browser:\n%v\n", err)
			}
		case <-tick.C:
			now := fingerprint(opts.Watch)
			if now == last {
				continue
			}
			last = now
		}
		build := opts.Options
		if opts.Rebuild != nil {
			build = opts.Rebuild()
			build.Out, build.Cache = opts.Out, opts.Cache
		}
		// Until the module is ready, build without it rather than wait.
		build.wasmLater = moduleReady != nil
		var early *served
		if build.Out == "" {
			// Serve the pages as soon as they are rendered; their
			// compressed copies follow (a build that is also written
			// to a folder is served once it is written).
			build.rendered = func(b *Built, r *Renderer, files Output) {
				early = h.update(&Result{Project: b.Project, Site: b, renderer: r}, files)
			}
		}
		res, err := serveBuild(build)
		if err == nil {
			if early != nil {
				early.files.Store(newSnapshot(res.Site.Files, time.Now()))
				early.res.Store(res)
			} else {
				h.update(res, res.Site.Files)
			}
		}
		if err != nil {
			fmt.Fprintf(opts.Log, "rebuild failed, still serving the last good site:\n%v\n", err)
		} else {
			fmt.Fprintf(opts.Log, "rebuilt %d pages (%d rendered again) in %v\n", res.Pages, res.Site.Rendered, res.Duration.Round(time.Millisecond))
		}
		if opts.Rebuilt != nil {
			select {
			case opts.Rebuilt <- err:
			case <-ctx.Done():
				return
			}
		}
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

// siteHandler serves the last good build from memory and answers
// /zoeken/?q= (and /en/zoeken/?q=) from its bleve index, so search works
// without JavaScript when the site is served by regelgids.
type siteHandler struct {
	current atomic.Pointer[served]
}

// served is one build as the server answers from it. A request takes the
// current one once and answers wholly from it.
type served struct {
	// files and res are the build's: first without the compressed
	// copies, then with them.
	files atomic.Pointer[snapshot]
	res   atomic.Pointer[Result]
	// The search index is made after the build is served (bleve takes
	// longer than the rest of a rebuild); ready is closed when index and
	// indexErr are set.
	ready    chan struct{}
	index    *search.Index
	indexErr error
	// mu is held for reading while a search uses index, and for writing
	// to close it once a newer build is served.
	mu     sync.RWMutex
	closed bool
}

// update switches to a new build: its files at once, its search index as
// soon as it is made. A search waits for the index of the build it is
// answered from.
func (h *siteHandler) update(res *Result, files Output) *served {
	s := &served{ready: make(chan struct{})}
	s.files.Store(newSnapshot(files, time.Now()))
	s.res.Store(res)
	old := h.current.Swap(s)
	go func() {
		// The previous build's index lends the languages whose pages
		// did not change, then is closed: here, so that it is still
		// open while it lends them and the next rebuild does not wait.
		var prev *search.Index
		if old != nil {
			<-old.ready
			prev = old.index
		}
		ix, err := search.NewIndexFrom(prev, res.Site.SearchDocs, res.Project.Synonyms)
		if err != nil {
			err = fmt.Errorf("search index: %w", err)
		}
		s.index, s.indexErr = ix, err
		close(s.ready)
		old.close()
	}()
	return s
}

// close closes the current build's index when the server stops.
func (h *siteHandler) close() { h.current.Load().close() }

// close waits for the searches using s's index to finish, then closes it.
func (s *served) close() {
	if s == nil {
		return
	}
	<-s.ready
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.closed {
		s.closed = true
		if s.index != nil {
			s.index.Close()
		}
	}
}

// search answers a query from the current build's index.
func (h *siteHandler) search(q, lang string) ([]byte, error) {
	for {
		s := h.current.Load()
		s.mu.RLock()
		if s.closed {
			// A newer build came between Load and RLock: use that one.
			s.mu.RUnlock()
			continue
		}
		<-s.ready // close waits for it too, so holding mu here is safe
		if s.indexErr != nil {
			s.mu.RUnlock()
			return nil, s.indexErr
		}
		results, err := s.index.Search(q, lang, 20)
		var page []byte
		if err == nil {
			res := s.res.Load()
			page, err = res.renderer.SearchPage(res.Site.Sites[lang], q, results)
		}
		s.mu.RUnlock()
		return page, err
	}
}

// maxQuery bounds what a query costs: a resident's question is short.
const maxQuery = 200

// cutQuery makes q valid UTF-8 and cuts it to at most maxQuery bytes,
// between two characters.
func cutQuery(q string) string {
	q = strings.ToValidUTF8(q, "\uFFFD")
	if len(q) <= maxQuery {
		return q
	}
	n := maxQuery
	for n > 0 && !utf8.RuneStart(q[n]) {
		n--
	}
	return strings.TrimSpace(q[:n])
}

func (h *siteHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	cur := h.current.Load()
	langs := cur.res.Load().Project.Languages
	lang, rest := langs.Split(r.URL.Path)
	if k, _, _ := routes.Parse(rest); q == "" || k != routes.Search || rest != routes.Path(routes.Search, "") || r.Method != http.MethodGet {
		serveFiles(w, r, cur.files.Load())
		return
	}
	page, err := h.search(cutQuery(q), lang)
	setHeaders(w)
	if err != nil {
		http.Error(w, "search failed", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", cachePage)
	w.Header().Set("Content-Length", strconv.Itoa(len(page)))
	w.Write(page)
}

// setHeaders sets the headers every answer carries, pages and errors
// alike: securityHeaders, the same as the build's _headers file.
func setHeaders(w http.ResponseWriter) {
	for _, h := range securityHeaders {
		w.Header().Set(h[0], h[1])
	}
}

// ContentSecurityPolicy allows only the site's own files, and the
// calculators' WebAssembly module to be compiled.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'"

// NewHandler serves a built site folder: index.html for folders, the site's
// own 404.html with status 404 for anything else, no folder listings.
func NewHandler(dir string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		serveFiles(w, r, folder(dir))
	})
}

// siteFiles is a built site to serve: a folder or a build in memory.
type siteFiles interface {
	// open returns the file or folder at name, a cleaned slash-separated
	// path starting with "/".
	open(name string) (siteFile, bool)
}

type siteFile struct {
	content io.ReadSeeker
	size    int64
	modTime time.Time
	isDir   bool
	close   func()
	tag     string // the ETag, where the site knows it already
}

// etag is a strong ETag of the file's bytes: each representation (plain,
// brotli, gzip) has its own, as RFC 9110 asks.
func (f siteFile) etag() string {
	if f.tag != "" {
		return f.tag
	}
	h := sha256.New()
	if _, err := io.Copy(h, f.content); err != nil {
		return ""
	}
	if _, err := f.content.Seek(0, io.SeekStart); err != nil {
		return ""
	}
	return etagOf(h.Sum(nil))
}

func etagOf(sum []byte) string { return `"` + hex.EncodeToString(sum[:12]) + `"` }

// folder is a site on disk.
type folder string

func (d folder) open(name string) (siteFile, bool) {
	f, err := http.Dir(d).Open(name)
	if err != nil {
		return siteFile{}, false
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return siteFile{}, false
	}
	return siteFile{content: f, size: info.Size(), modTime: info.ModTime(), isDir: info.IsDir(), close: func() { f.Close() }}, true
}

// snapshot is a build in memory. It is never changed: a rebuild makes a
// new one.
type snapshot struct {
	files   Output
	dirs    map[string]bool // every folder of files, "" the root
	modTime time.Time
	etags   sync.Map // file → ETag, made when first asked for
}

func newSnapshot(files Output, modTime time.Time) *snapshot {
	s := &snapshot{files: files, dirs: map[string]bool{"": true}, modTime: modTime}
	for name := range files {
		for dir := path.Dir(name); dir != "." && !s.dirs[dir]; dir = path.Dir(dir) {
			s.dirs[dir] = true
		}
	}
	return s
}

func (s *snapshot) open(name string) (siteFile, bool) {
	key := strings.TrimPrefix(name, "/")
	if b, ok := s.files[key]; ok {
		tag, ok := s.etags.Load(key)
		if !ok {
			sum := sha256.Sum256(b)
			tag, _ = s.etags.LoadOrStore(key, etagOf(sum[:]))
		}
		return siteFile{content: bytes.NewReader(b), size: int64(len(b)), modTime: s.modTime, close: func() {}, tag: tag.(string)}, true
	}
	if s.dirs[key] {
		return siteFile{modTime: s.modTime, isDir: true, close: func() {}}, true
	}
	return siteFile{}, false
}

// serveFiles answers a request for a file of site: index.html for
// folders, a redirect to the folder's name with a slash, the site's own
// 404.html with status 404, no folder listings. A file the build
// compressed (NAME.br, NAME.gz beside it) goes out in the coding the
// client prefers (negotiate). Every answer carries the security headers,
// a strong ETag of the bytes sent (so If-None-Match gets 304) and the
// Cache-Control of its kind (cacheControl).
func serveFiles(w http.ResponseWriter, r *http.Request, site siteFiles) {
	setHeaders(w)
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := path.Clean("/" + r.URL.Path)
	if hostingHint(name) {
		notFound(w, site)
		return
	}
	f, ok := site.open(name)
	if ok && f.isDir {
		f.close()
		if !strings.HasSuffix(r.URL.Path, "/") {
			http.Redirect(w, r, name+"/", http.StatusMovedPermanently)
			return
		}
		name = path.Join(name, "index.html")
		f, ok = site.open(name)
	}
	if ok && f.isDir {
		f.close()
		ok = false
	}
	if !ok {
		notFound(w, site)
		return
	}
	defer f.close()
	hdr := w.Header()
	if ct := contentType(name); ct != "" {
		hdr.Set("Content-Type", ct)
	}
	hdr.Set("Cache-Control", cacheControl(name))
	if compressTypes[path.Ext(name)] {
		// Whatever is sent, a cache must ask again for another
		// Accept-Encoding.
		hdr.Set("Vary", "Accept-Encoding")
		var have []string
		for _, c := range codings {
			if v, ok := site.open(name + c.ext); ok {
				v.close()
				if !v.isDir {
					have = append(have, c.name)
				}
			}
		}
		if coding := negotiate(r.Header.Values("Accept-Encoding"), have); coding != "identity" {
			if v, ok := site.open(name + codingExt(coding)); ok && !v.isDir {
				defer v.close()
				hdr.Set("Content-Encoding", coding)
				f = v
			}
		}
	}
	hdr.Set("ETag", f.etag())
	serveContent(w, r, path.Base(name), f)
}

// codings are the content codings the build writes, best first: brotli is
// about a fifth smaller than gzip on pages and the module.
var codings = []struct{ name, ext string }{{"br", ".br"}, {"gzip", ".gz"}}

func codingExt(coding string) string {
	for _, c := range codings {
		if c.name == coding {
			return c.ext
		}
	}
	return ""
}

// negotiate picks the content coding to send from the Accept-Encoding
// header values (RFC 9110, section 12.5.3) among have (which the server
// has) and "identity": the highest q-value wins, q=0 refuses, "*" stands
// for every coding not named, identity not named comes last, and at equal
// q-values the smaller coding (the order of codings) wins. No header means
// identity, as
// a client that names no coding may not decode one. When nothing
// acceptable is left (identity;q=0 with no usable coding) the header is
// disregarded and identity sent, as section 12.1 allows: a page is better
// than a 406.
func negotiate(header []string, have []string) string {
	if len(header) == 0 {
		return "identity"
	}
	q := map[string]float64{}
	star, hasStar := 0.0, false
	for _, v := range header {
		for _, part := range strings.Split(v, ",") {
			coding, params, _ := strings.Cut(part, ";")
			coding = strings.ToLower(textproto.TrimString(coding))
			if coding == "" {
				continue
			}
			weight := 1.0
			for _, p := range strings.Split(params, ";") {
				k, val, ok := strings.Cut(p, "=")
				if !ok || !strings.EqualFold(textproto.TrimString(k), "q") {
					continue
				}
				f, err := strconv.ParseFloat(textproto.TrimString(val), 64)
				if err != nil || f < 0 || f > 1 {
					f = 0 // unreadable: a refusal, as identity is always safe
				}
				weight = f
			}
			if coding == "x-gzip" {
				coding = "gzip"
			}
			if coding == "*" {
				star, hasStar = weight, true
				continue
			}
			if old, ok := q[coding]; !ok || weight < old {
				q[coding] = weight // named twice: a refusal stands
			}
		}
	}
	weight := func(coding string) float64 {
		if w, ok := q[coding]; ok {
			return w
		}
		if hasStar {
			return star
		}
		if coding == "identity" {
			// Acceptable unless refused by name or by "*", but below any
			// coding the client names: naming one asks for it.
			return 0.0001
		}
		return 0
	}
	best, bestQ := "identity", weight("identity")
	for _, c := range codings {
		if !slices.Contains(have, c.name) {
			continue
		}
		if w := weight(c.name); w > 0 && (w > bestQ || w == bestQ && best == "identity") {
			best, bestQ = c.name, w
		}
	}
	return best
}

// serveContent is http.ServeContent with a bound on Range requests: see
// rangesFit.
func serveContent(w http.ResponseWriter, r *http.Request, name string, f siteFile) {
	if h := r.Header.Get("Range"); h != "" && !rangesFit(h, f.size) {
		r = r.Clone(r.Context())
		r.Header.Del("Range")
	}
	http.ServeContent(w, r, name, f.modTime, f.content)
}

// maxRanges bounds the ranges of one request.
const maxRanges = 10

// partOverhead is about what an answer with several ranges adds per
// range: the boundary and the part's Content-Type and Content-Range.
const partOverhead = 100

// rangesFit reports whether a Range header may be answered as asked: at
// most maxRanges ranges, none overlapping another, and an answer no larger
// than the whole file. Otherwise the server ignores the header and sends
// the whole file with 200, as RFC 9110 (section 14.2) allows; a client
// that asks for hundreds of ranges then gets no more bytes than the file
// has. A header ServeContent cannot read is left to ServeContent, which
// answers 416.
func rangesFit(h string, size int64) bool {
	spec, ok := strings.CutPrefix(h, "bytes=")
	if !ok {
		return true
	}
	type span struct{ start, end int64 } // end excluded
	var spans []span
	var total int64
	count := 0
	for _, part := range strings.Split(spec, ",") {
		part = textproto.TrimString(part)
		if part == "" {
			continue
		}
		if count++; count > maxRanges {
			return false
		}
		first, last, ok := strings.Cut(part, "-")
		if !ok {
			return true
		}
		first, last = textproto.TrimString(first), textproto.TrimString(last)
		var s span
		if first == "" {
			// The last N bytes.
			n, err := strconv.ParseInt(last, 10, 64)
			if err != nil || n < 0 {
				return true
			}
			s = span{max(size-n, 0), size}
		} else {
			start, err := strconv.ParseInt(first, 10, 64)
			if err != nil || start < 0 {
				return true
			}
			if start >= size {
				continue // unsatisfiable; ServeContent leaves it out
			}
			s = span{start, size}
			if last != "" {
				end, err := strconv.ParseInt(last, 10, 64)
				if err != nil || end < start {
					return true
				}
				s.end = min(end+1, size)
			}
		}
		spans = append(spans, s)
		total += s.end - s.start
	}
	if len(spans) <= 1 {
		return true
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	for i := 1; i < len(spans); i++ {
		if spans[i].start < spans[i-1].end {
			return false
		}
	}
	return total+int64(len(spans))*partOverhead <= size
}

func notFound(w http.ResponseWriter, site siteFiles) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", cachePage)
	if f, ok := site.open("/404.html"); ok && !f.isDir {
		defer f.close()
		w.Header().Set("Content-Length", strconv.FormatInt(f.size, 10))
		w.WriteHeader(http.StatusNotFound)
		io.Copy(w, f.content)
		return
	}
	w.WriteHeader(http.StatusNotFound)
	io.WriteString(w, "<!DOCTYPE html><title>404</title><p>Not found</p>")
}
