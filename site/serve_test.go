package site_test

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/regelgids/regelgids/site"
	"github.com/regelgids/regelgids/site/internal/servetest"
	"github.com/regelgids/regelgids/templates"
)

// startServer runs Serve on a free loopback port until the test ends.
func startServer(t *testing.T, opts site.ServeOptions) string {
	t.Helper()
	return servetest.Start(t, opts, 20*time.Second)
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	client := &http.Client{Timeout: 5 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestServe(t *testing.T) {
	t.Parallel()
	base := startServer(t, site.ServeOptions{Options: defaultOptions("")})
	cases := []struct {
		path   string
		status int
		want   string
	}{
		{"/", 200, "<h1 class=\"utrecht-heading-1\">Hulp bij werk</h1>"},
		{"/artikel/6/", 200, "Participatieplaats"},
		{"/artikel/6", 301, ""},
		{"/" + generate(t).Hashed("css/regelgids.css"), 200, "--rg-color-primary"},
		{"/artikel/99/", 404, "Pagina niet gevonden"},
		{"/../../../../etc/passwd", 404, "Pagina niet gevonden"},
		{"/%2e%2e/%2e%2e/etc/passwd", 404, "Pagina niet gevonden"},
		{"/artikel/..%2f..%2f..%2fetc/passwd", 404, ""},
		{"/" + strings.Repeat("a", 8000), 404, ""},
	}
	for _, c := range cases {
		status, body := get(t, base+c.path)
		if status != c.status || !strings.Contains(body, c.want) {
			t.Errorf("GET %.60s: %d, want %d with %q", c.path, status, c.status, c.want)
		}
		if strings.Contains(body, "root:") {
			t.Errorf("GET %s: leaked a file outside the site", c.path)
		}
	}
	head, err := http.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	head.Body.Close()
	if csp := head.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self' 'wasm-unsafe-eval'") || !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("Content-Security-Policy header %q", csp)
	}
	// The calculators' module goes out pre-compressed to clients that
	// accept gzip.
	req0, _ := http.NewRequest("GET", base+"/"+generate(t).Hashed(site.WASMFile), nil)
	req0.Header.Set("Accept-Encoding", "gzip")
	wasm, err := http.DefaultTransport.RoundTrip(req0)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := io.Copy(io.Discard, wasm.Body)
	wasm.Body.Close()
	if wasm.Header.Get("Content-Encoding") != "gzip" || wasm.Header.Get("Content-Type") != "application/wasm" || n > 1<<20 {
		t.Errorf("calculators.wasm: encoding %q, type %q, %d bytes", wasm.Header.Get("Content-Encoding"), wasm.Header.Get("Content-Type"), n)
	}
	resp, err := http.Post(base+"/", "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d", resp.StatusCode)
	}
	// A very long request header is refused, not served.
	req, _ := http.NewRequest("GET", base+"/", nil)
	req.Header.Set("X-Long", strings.Repeat("x", 200<<10))
	if resp, err := http.DefaultClient.Do(req); err == nil {
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
			t.Errorf("huge header: %d", resp.StatusCode)
		}
	}
}

// TestServeConcurrent sends a bounded burst of requests from many
// goroutines over loopback; every one must succeed.
func TestServeConcurrent(t *testing.T) {
	t.Parallel()
	base := startServer(t, site.ServeOptions{Options: defaultOptions("")})
	const workers, each = 32, 25
	var wg sync.WaitGroup
	errs := make(chan error, workers*each)
	client := &http.Client{Timeout: 10 * time.Second}
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				resp, err := client.Get(fmt.Sprintf("%s/artikel/%d/", base, 1+(w+i)%24))
				if err != nil {
					errs <- err
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					errs <- fmt.Errorf("status %d", resp.StatusCode)
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestServeRebuilds: a change in a watched content folder is rebuilt and
// served; a broken change keeps the last good site.
func TestServeRebuilds(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for name, f := range copyFS(t, defaultOptions("").Content) {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	opts := func() site.Options {
		return site.Options{Content: os.DirFS(dir), Templates: templates.Default(), Date: testDate}
	}
	base := startServer(t, site.ServeOptions{Options: opts(), Rebuild: opts, Watch: []string{dir}})
	text := filepath.Join(dir, "verordening.txt")
	src, _ := os.ReadFile(text)
	waitFor := func(want string) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			if _, body := get(t, base+"/artikel/4/"); strings.Contains(body, want) {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("page never showed %q", want)
	}
	os.WriteFile(text, []byte(strings.Replace(string(src), "Artikel 4. Sociale activering", "Artikel 4. Sociale activering en meedoen", 1)), 0o644)
	waitFor("Sociale activering en meedoen")

	os.WriteFile(text, []byte(strings.Replace(string(src), "Artikel 5. Werkervaringsplaats", "Artikel 4. Werkervaringsplaats", 1)), 0o644)
	time.Sleep(1500 * time.Millisecond)
	waitFor("Sociale activering en meedoen") // the broken text was not published
}

// TestServeSearch: /zoeken/?q= is answered by the server from bleve, in
// both languages, and works without JavaScript.
func TestServeSearch(t *testing.T) {
	t.Parallel()
	base := startServer(t, site.ServeOptions{Options: defaultOptions("")})
	cases := []struct{ path, want string }{
		{"/zoeken/?q=taxi+naar+werk", `href="../voorzieningen/vervoer-naar-werk/"`},
		{"/zoeken/?q=jobcoch", `href="../voorzieningen/jobcoach/`},
		{"/en/zoeken/?q=taxi+to+work", `rg-search-page__link" href="../voorzieningen/vervoer-naar-werk/`},
		{"/zoeken/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "&lt;script&gt;alert(1)&lt;/script&gt;"},
	}
	for _, c := range cases {
		status, body := get(t, base+c.path)
		if status != 200 || !strings.Contains(body, c.want) {
			t.Errorf("GET %s: %d; want %q in:\n%.3000s", c.path, status, c.want, body)
		}
		if strings.Contains(body, "<script>alert") {
			t.Errorf("GET %s: the query reached the page as markup", c.path)
		}
	}
	status, body := get(t, base+"/zoeken/?q="+strings.Repeat("werk+", 300))
	if status != 200 || !strings.Contains(body, "resultaten voor “werk werk") {
		t.Errorf("long query: %d", status)
	}
}

// TestServeDetails: every answer, errors and redirects included, carries
// the security headers; many, overlapping or oversized ranges get the
// whole file; a long query is cut between two characters.
func TestServeDetails(t *testing.T) {
	t.Parallel()
	base := startServer(t, site.ServeOptions{Options: defaultOptions("")})
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DisableCompression: true},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	do := func(t *testing.T, method, path string, header ...string) (*http.Response, []byte) {
		t.Helper()
		req, err := http.NewRequest(method, base+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return resp, b
	}
	_, home := do(t, "GET", "/")
	size := len(home)

	t.Run("headers", func(t *testing.T) {
		cases := []struct {
			method, path string
			status       int
		}{
			{"GET", "/", 200},
			{"HEAD", "/", 200},
			{"GET", "/artikel/6", 301},
			{"GET", "/bestaat-niet/", 404},
			{"HEAD", "/bestaat-niet/", 404},
			{"GET", "/zoeken/?q=werk", 200},
			{"POST", "/", 405},
			{"PUT", "/artikel/6/", 405},
			{"DELETE", "/bestaat-niet/", 405},
			{"OPTIONS", "/", 405},
			{"PATCH", "/zoeken/?q=werk", 405},
			{"POST", "/zoeken/?q=werk", 405},
		}
		for _, c := range cases {
			resp, _ := do(t, c.method, c.path, "Range", "")
			if resp.StatusCode != c.status {
				t.Errorf("%s %s: %d, want %d", c.method, c.path, resp.StatusCode, c.status)
			}
			for name, want := range map[string]string{
				"X-Content-Type-Options":  "nosniff",
				"Referrer-Policy":         "same-origin",
				"Content-Security-Policy": "frame-ancestors 'none'",
			} {
				if got := resp.Header.Get(name); !strings.Contains(got, want) {
					t.Errorf("%s %s (%d): %s = %q, want %q", c.method, c.path, resp.StatusCode, name, got, want)
				}
			}
			if c.status == 405 && resp.Header.Get("Allow") != "GET, HEAD" {
				t.Errorf("%s %s: Allow = %q", c.method, c.path, resp.Header.Get("Allow"))
			}
		}
		// Range errors too.
		resp, _ := do(t, "GET", "/", "Range", fmt.Sprintf("bytes=%d-", 10*size))
		if resp.StatusCode != 416 || !strings.Contains(resp.Header.Get("Content-Security-Policy"), "frame-ancestors") {
			t.Errorf("unsatisfiable range: %d, CSP %q", resp.StatusCode, resp.Header.Get("Content-Security-Policy"))
		}
	})

	t.Run("ranges", func(t *testing.T) {
		many := func(n, step int) string {
			var parts []string
			for i := range n {
				parts = append(parts, fmt.Sprintf("%d-%d", i*step, i*step))
			}
			return "bytes=" + strings.Join(parts, ",")
		}
		half := size / 2
		cases := []struct {
			name, ranges string
			status       int
			maxBytes     int
		}{
			{"one range", "bytes=0-9", 206, 10},
			{"suffix", "bytes=-10", 206, 10},
			{"two ranges", "bytes=0-9,1000-1009", 206, size},
			{"ten ranges", many(10, 100), 206, size},
			{"eleven ranges", many(11, 100), 200, size},
			{"three hundred ranges", many(300, 2), 200, size},
			{"the whole file hundreds of times", "bytes=" + strings.Repeat("0-,", 300) + "0-", 200, size},
			{"overlapping", "bytes=0-99,50-149", 200, size},
			{"overlapping suffixes", "bytes=-100,-100", 200, size},
			{"same range twice", "bytes=10-19,10-19", 200, size},
			{"halves: more than the file with the part headers", fmt.Sprintf("bytes=0-%d,%d-", half, half+1), 200, size},
			{"unsatisfiable", fmt.Sprintf("bytes=%d-", size), 416, 100},
			{"not bytes", "lines=1-2", 416, 100},
		}
		for _, c := range cases {
			resp, body := do(t, "GET", "/", "Range", c.ranges)
			if resp.StatusCode != c.status || len(body) > c.maxBytes {
				t.Errorf("%s: %d with %d bytes, want %d with at most %d (the page has %d)", c.name, resp.StatusCode, len(body), c.status, c.maxBytes, size)
			}
			if c.status == 200 && string(body) != string(home) {
				t.Errorf("%s: not the whole page", c.name)
			}
		}
	})

	t.Run("query cut", func(t *testing.T) {
		a := func(n int) string { return strings.Repeat("a", n) }
		cases := []struct{ query, want string }{
			{a(199) + "é", a(199)},         // é is 2 bytes: byte 200 is its first half
			{a(198) + "€", a(198)},         // 3 bytes from byte 199
			{a(197) + "😀", a(197)},         // 4 bytes from byte 198
			{a(198) + "é", a(198) + "é"},   // exactly 200 bytes
			{a(200) + "é", a(200)},         // cut just before it
			{a(199) + " bb", a(199)},       // no space left at the end
			{"werk\xff\xfe", "werk\uFFFD"}, // invalid UTF-8 is replaced
			{a(199) + "\xc3", a(199)},      // replaced by U+FFFD, 3 bytes, then cut before it
		}
		for _, c := range cases {
			resp, body := do(t, "GET", "/zoeken/?q="+url.QueryEscape(c.query))
			if resp.StatusCode != 200 || !utf8.Valid(body) {
				t.Errorf("q=%.20q…: %d, valid UTF-8 %v", c.query, resp.StatusCode, utf8.Valid(body))
				continue
			}
			if !strings.Contains(string(body), "“"+c.want+"”") {
				t.Errorf("q=%.20q… (%d bytes): the page does not show the query cut to %d bytes", c.query, len(c.query), len(c.want))
			}
			if n, _ := strconv.Atoi(resp.Header.Get("Content-Length")); n != len(body) {
				t.Errorf("q=%.20q…: Content-Length %q for %d bytes", c.query, resp.Header.Get("Content-Length"), len(body))
			}
		}
	})
}

// TestServeHostingFiles: the build's hint for static hosts (_headers) is
// not a page and is not served, as the README's nginx lines refuse it;
// the Atom feeds go out as Atom, and _headers tells hosts the same.
func TestServeHostingFiles(t *testing.T) {
	t.Parallel()
	base := startServer(t, site.ServeOptions{Options: defaultOptions("")})
	files := generate(t)
	cases := []struct {
		path        string
		status      int
		contentType string
	}{
		{"/" + site.HeadersFile, 404, "text/html; charset=utf-8"},
		{"/" + site.HeadersFile + "/", 404, "text/html; charset=utf-8"},
		{"/%5Fheaders", 404, "text/html; charset=utf-8"},
		{"/artikel/../_headers", 404, "text/html; charset=utf-8"},
		{"/wijzigingen/" + site.FeedFile, 200, "application/atom+xml; charset=utf-8"},
		{"/en/wijzigingen/" + site.FeedFile, 200, "application/atom+xml; charset=utf-8"},
		{"/sitemap.xml", 200, "text/xml; charset=utf-8"},
		{"/robots.txt", 200, "text/plain; charset=utf-8"},
	}
	client := &http.Client{Timeout: 10 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, c := range cases {
		resp, err := client.Get(base + c.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.status || resp.Header.Get("Content-Type") != c.contentType {
			t.Errorf("GET %s: %d %q, want %d %q", c.path, resp.StatusCode, resp.Header.Get("Content-Type"), c.status, c.contentType)
		}
		if strings.Contains(string(body), "Cache-Control:") {
			t.Errorf("GET %s: the body is the _headers file", c.path)
		}
	}
	headers := string(files[site.HeadersFile])
	for _, feed := range []string{"wijzigingen/" + site.FeedFile, "en/wijzigingen/" + site.FeedFile} {
		if _, ok := files[feed]; !ok {
			t.Fatalf("the build has no %s", feed)
		}
		_, rule, ok := strings.Cut(headers, "\n/"+feed+"\n")
		rule, _, _ = strings.Cut(rule, "\n\n")
		if !ok || !strings.Contains(rule, "  Content-Type: application/atom+xml; charset=utf-8") {
			t.Errorf("_headers gives %s no Atom Content-Type: %q", feed, rule)
		}
	}
}
