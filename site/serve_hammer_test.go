package site_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/regelgids/regelgids/site"
	"github.com/regelgids/regelgids/templates"
)

// TestServeHammer: while the content changes 20 times and serve rebuilds
// after each change, a bounded burst of concurrent requests for pages that
// every build has never gets a 404 or part of a page.
func TestServeHammer(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("rebuilds the site 20 times")
	}
	dir := t.TempDir()
	// The smallest content folder: a rebuild takes a fraction of the full
	// site's, so 20 of them fit in a short test, and the swap under test is
	// the same whatever the site's size.
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", "minimal"))); err != nil {
		t.Fatal(err)
	}
	opts := func() site.Options {
		return site.Options{Content: os.DirFS(dir), Templates: templates.Default(), Date: testDate}
	}
	rebuilt := make(chan error)
	log := &syncBuffer{}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("serve's log:\n%s", log.String())
		}
	})
	base := startServer(t, site.ServeOptions{Options: opts(), Rebuild: opts, Watch: []string{dir},
		Rebuilt: rebuilt, Poll: 20 * time.Millisecond, Log: log})

	guide := filepath.Join(dir, "verordening.txt")
	scratch := t.TempDir()
	src, err := os.ReadFile(guide)
	if err != nil {
		t.Fatal(err)
	}
	const sentence = "een aanvraag die een persoon bij het college indient."
	if !strings.Contains(string(src), sentence) {
		t.Fatalf("%s lacks %q", guide, sentence)
	}
	pages := []string{
		"/", "/artikel/1/", "/artikel/2/", "/artikel/3/", "/artikel/4/", "/verordening/",
		"/leesbaarheid/", "/zoeken/", "/zoeken/?q=inkomenstoeslag", "/robots.txt",
	}

	// A few thousand requests, spread over all the rebuilds. For a heavier
	// run, REGELGIDS_HAMMER_REQUESTS=40000 sends that many without pauses.
	const workers = 6
	budget, pause := int64(6000), 2*time.Millisecond
	if n, err := strconv.ParseInt(os.Getenv("REGELGIDS_HAMMER_REQUESTS"), 10, 64); err == nil && n > 0 {
		budget, pause = n, 0
	}
	var (
		requests, notFound, partial atomic.Int64
		failures                    = make(chan string, 20)
		stop                        = make(chan struct{})
		wg                          sync.WaitGroup
	)
	fail := func(format string, args ...any) {
		select {
		case failures <- fmt.Sprintf(format, args...):
		default:
		}
	}
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DisableCompression: true, MaxIdleConnsPerHost: workers}}
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; ; i += workers {
				select {
				case <-stop:
					return
				default:
				}
				if requests.Add(1) > budget {
					return
				}
				page := pages[i%len(pages)]
				resp, err := client.Get(base + page)
				if err != nil {
					fail("GET %s: %v", page, err)
					continue
				}
				body, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				switch {
				case resp.StatusCode == http.StatusNotFound:
					notFound.Add(1)
					fail("GET %s: 404", page)
				case resp.StatusCode != http.StatusOK:
					fail("GET %s: status %d", page, resp.StatusCode)
				case err != nil || resp.ContentLength != int64(len(body)):
					partial.Add(1)
					fail("GET %s: %d bytes of Content-Length %d (%v)", page, len(body), resp.ContentLength, err)
				case strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") &&
					!strings.HasSuffix(strings.TrimSpace(string(body)), "</html>"):
					partial.Add(1)
					fail("GET %s: the page does not end with </html>", page)
				}
				time.Sleep(pause)
			}
		}()
	}

	const changes = 20
	start := time.Now()
	const perChange = 30 // requests that must overlap each rebuild
	for n := 1; n <= changes; n++ {
		// Let the burst run into this rebuild whatever the machine's load.
		for want := int64(n * perChange); requests.Load() < want && requests.Load() < budget; {
			time.Sleep(time.Millisecond)
		}
		marker := fmt.Sprintf("Dit is wijziging %d.", n)
		text := strings.Replace(string(src), sentence, sentence+" "+marker, 1)
		// Written beside the content and renamed in, so the watcher sees
		// the change whole, once: one change, one rebuild.
		tmp := filepath.Join(scratch, "verordening.txt")
		if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, guide); err != nil {
			t.Fatal(err)
		}
		select {
		case err := <-rebuilt:
			if err != nil {
				t.Fatalf("rebuild %d: %v", n, err)
			}
		case <-time.After(time.Minute):
			t.Fatalf("rebuild %d did not come", n)
		}
		// The change is served as soon as the rebuild reports.
		if _, body := get(t, base+"/artikel/2/"); !strings.Contains(body, marker) {
			t.Fatalf("after rebuild %d the article does not show %q", n, marker)
		}
	}
	close(stop)
	wg.Wait()
	close(failures)
	for f := range failures {
		t.Error(f)
	}
	done := min(requests.Load(), budget)
	t.Logf("%d rebuilds in %v; %d requests, %d 404s, %d partial pages",
		changes, time.Since(start).Round(time.Millisecond), done, notFound.Load(), partial.Load())
	if done < changes*perChange {
		t.Errorf("only %d requests: the burst did not overlap the rebuilds", done)
	}
}

// syncBuffer is a bytes.Buffer for writers in several goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
