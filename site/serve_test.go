package site_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/regelgids/regelgids/site"
	"github.com/regelgids/regelgids/templates"
)

// startServer runs Serve on a free loopback port until the test ends.
func startServer(t *testing.T, opts site.ServeOptions) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	opts.Addr, opts.Ready = "127.0.0.1:0", ready
	done := make(chan error, 1)
	go func() { done <- site.Serve(ctx, opts) }()
	select {
	case addr := <-ready:
		t.Cleanup(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("Serve: %v", err)
			}
		})
		return "http://" + addr
	case err := <-done:
		cancel()
		t.Fatalf("Serve stopped: %v", err)
	case <-time.After(20 * time.Second):
		cancel()
		t.Fatal("server did not start")
	}
	return ""
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
	base := startServer(t, site.ServeOptions{Options: defaultOptions("")})
	cases := []struct {
		path   string
		status int
		want   string
	}{
		{"/", 200, "<h1 class=\"utrecht-heading-1\">Hulp bij werk</h1>"},
		{"/artikel/6/", 200, "Participatieplaats"},
		{"/artikel/6", 301, ""},
		{"/css/regelgids.css", 200, "--rg-color-primary"},
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
	req0, _ := http.NewRequest("GET", base+"/rekenhulp/calculators.wasm", nil)
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
	if status != 200 || !strings.Contains(body, "Zoekresultaten voor") {
		t.Errorf("long query: %d", status)
	}
}
