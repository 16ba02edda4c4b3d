package site_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"

	"github.com/regelgids/regelgids/site"
)

// TestServeHTTPCaching checks what serve sends for each kind of file, from
// memory (Serve) and from a folder on disk (NewHandler): the coding the
// client asked for, Vary, a strong ETag per representation that turns
// If-None-Match into 304, and Cache-Control per kind.
func TestServeHTTPCaching(t *testing.T) {
	t.Parallel()
	out := generate(t)
	dir := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(defaultOptions(dir)); err != nil {
		t.Fatal(err)
	}
	folder := httptest.NewServer(site.NewHandler(dir))
	t.Cleanup(folder.Close)
	servers := map[string]string{
		"serve":  startServer(t, site.ServeOptions{Options: defaultOptions("")}),
		"folder": folder.URL,
	}
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DisableCompression: true},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	css, wasm := "/"+out.Hashed("css/regelgids.css"), "/"+out.Hashed(site.WASMFile)
	const (
		year  = "public, max-age=31536000, immutable"
		short = "public, max-age=300"
	)
	cases := []struct {
		path, accept       string
		encoding, cache    string
		contentType, plain string // plain: the file the body must decode to
		vary               bool
	}{
		{"/", "br, gzip;q=0.5", "br", "no-cache", "text/html; charset=utf-8", "index.html", true},
		{"/", "br;q=0, gzip", "gzip", "no-cache", "text/html; charset=utf-8", "index.html", true},
		{"/", "gzip;q=0", "", "no-cache", "text/html; charset=utf-8", "index.html", true},
		{"/", "", "", "no-cache", "text/html; charset=utf-8", "index.html", true},
		{"/", "*;q=0", "", "no-cache", "text/html; charset=utf-8", "index.html", true},
		{"/en/artikel/6/", "gzip", "gzip", "no-cache", "text/html; charset=utf-8", "en/artikel/6/index.html", true},
		{css, "gzip, deflate, br, zstd", "br", year, "text/css; charset=utf-8", css[1:], true},
		{css, "identity", "", year, "text/css; charset=utf-8", css[1:], true},
		{wasm, "br", "br", year, "application/wasm", wasm[1:], true},
		{wasm, "gzip", "gzip", year, "application/wasm", wasm[1:], true},
		{"/" + out.Hashed("js/rekenhulp.js"), "br", "br", year, "text/javascript; charset=utf-8", out.Hashed("js/rekenhulp.js"), true},
		{"/zoeken/index-nl.json", "br", "br", short, "application/json", "zoeken/index-nl.json", true},
		{"/robots.txt", "br", "", short, "text/plain; charset=utf-8", "robots.txt", true},
	}
	for srv, base := range servers {
		etags := map[string]string{}
		for _, c := range cases {
			req, _ := http.NewRequest("GET", base+c.path, nil)
			if c.accept != "" {
				req.Header.Set("Accept-Encoding", c.accept)
			}
			resp, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			what := srv + " " + c.path + " (Accept-Encoding: " + c.accept + ")"
			if resp.StatusCode != 200 {
				t.Errorf("%s: %d", what, resp.StatusCode)
				continue
			}
			h := resp.Header
			if got := h.Get("Content-Encoding"); got != c.encoding {
				t.Errorf("%s: Content-Encoding %q, want %q", what, got, c.encoding)
			}
			if got := h.Get("Cache-Control"); got != c.cache {
				t.Errorf("%s: Cache-Control %q, want %q", what, got, c.cache)
			}
			if got := h.Get("Content-Type"); got != c.contentType {
				t.Errorf("%s: Content-Type %q, want %q", what, got, c.contentType)
			}
			if got := h.Get("Vary") == "Accept-Encoding"; got != c.vary {
				t.Errorf("%s: Vary %q", what, h.Get("Vary"))
			}
			var r io.Reader = bytes.NewReader(body)
			switch c.encoding {
			case "br":
				r = brotli.NewReader(r)
			case "gzip":
				if r, err = gzip.NewReader(r); err != nil {
					t.Errorf("%s: %v", what, err)
					continue
				}
			}
			if plain, err := io.ReadAll(r); err != nil || !bytes.Equal(plain, out[c.plain]) {
				t.Errorf("%s: the body is not %s (%v)", what, c.plain, err)
			}
			etag := h.Get("ETag")
			if !strings.HasPrefix(etag, `"`) || !strings.HasSuffix(etag, `"`) || len(etag) < 10 {
				t.Errorf("%s: ETag %q is not a strong validator", what, etag)
			}
			key := c.path + " " + c.encoding
			if old, ok := etags[key]; ok && old != etag {
				t.Errorf("%s: ETag %q, and %q for the same bytes", what, etag, old)
			}
			for k, v := range etags {
				if v == etag && k != key {
					t.Errorf("%s: the same ETag %s as %s", what, etag, k)
				}
			}
			etags[key] = etag

			// Asked again with the ETag: 304, no body, same validators.
			req.Header.Set("If-None-Match", etag)
			resp, err = client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ = io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusNotModified || len(body) != 0 || resp.Header.Get("ETag") != etag || resp.Header.Get("Cache-Control") != c.cache {
				t.Errorf("%s with If-None-Match: %d, %d bytes, ETag %q, Cache-Control %q", what, resp.StatusCode, len(body), resp.Header.Get("ETag"), resp.Header.Get("Cache-Control"))
			}
			// Another representation's ETag does not match.
			req.Header.Set("If-None-Match", `"0000000000000000"`)
			if resp, err = client.Do(req); err == nil {
				resp.Body.Close()
				if resp.StatusCode != 200 {
					t.Errorf("%s with another ETag: %d", what, resp.StatusCode)
				}
			}
		}
		// A range of the module as the client accepts it: the bytes of
		// that representation.
		req, _ := http.NewRequest("GET", base+wasm, nil)
		req.Header.Set("Range", "bytes=0-3")
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusPartialContent || string(body) != "\x00asm" {
			t.Errorf("%s: range of the module: %d %q", srv, resp.StatusCode, body)
		}
		// A page that does not exist: the 404 page, never cached for long.
		resp, err = client.Get(base + "/bestaat-niet/")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 404 || resp.Header.Get("Cache-Control") != "no-cache" {
			t.Errorf("%s: 404 page: %d, Cache-Control %q", srv, resp.StatusCode, resp.Header.Get("Cache-Control"))
		}
	}
}
