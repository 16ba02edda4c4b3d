package site_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/regelgids/regelgids/content"
	"github.com/regelgids/regelgids/internal/benchsite"
	"github.com/regelgids/regelgids/site"
	"github.com/regelgids/regelgids/templates"
)

// Build benchmarks. Figures and how they compare with Hugo: README,
// "Performance"; go run ./internal/benchhugo measures the same side by
// side with Hugo in separate processes.

// BenchmarkBuildSite builds and writes the whole site over its previous
// build, with the ordinance as it is and with four times its articles
// (copies numbered on, translation and toelichting included). Two builds
// come first: the first writes a new folder and the second another, after
// which a build brings the spare up to date (publish_spare.go), as every
// build at a municipality does. ns/page is per HTML page.
func BenchmarkBuildSite(b *testing.B) {
	for _, times := range []int{1, 4} {
		fsys, err := benchsite.Scale(content.Default(), times)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("articles×%d", times), func(b *testing.B) {
			opts := defaultOptions(filepath.Join(b.TempDir(), "public"))
			opts.Content = fsys
			for range 2 {
				if _, err := site.Build(opts); err != nil {
					b.Fatal(err)
				}
			}
			var pages int
			cpu := cpuTime()
			for b.Loop() {
				res, err := site.Build(opts)
				if err != nil {
					b.Fatal(err)
				}
				pages = res.Pages
			}
			reportCPU(b, cpu)
			b.ReportMetric(float64(pages), "pages")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(pages), "ns/page")
		})
	}
}

// contentOnDisk writes the default content folder to a temporary folder,
// as `regelgids serve --content DIR` reads it.
func contentOnDisk(tb testing.TB) string {
	tb.Helper()
	dir := tb.TempDir()
	fsys, err := benchsite.Copy(content.Default())
	if err != nil {
		tb.Fatal(err)
	}
	for name, f := range fsys {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), f.Data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

// guideEdit alternates a guide on disk between its text and the text with
// one sentence more, so each call is a real edit.
func guideEdit(tb testing.TB, dir string) func(i int) string {
	name := filepath.Join(dir, "gidsen", "nl", "uitstroompremie.md")
	orig, err := os.ReadFile(name)
	if err != nil {
		tb.Fatal(err)
	}
	// Written beside and renamed over the guide, as editors save, so a
	// rebuild never reads half a file.
	tmp := filepath.Join(tb.TempDir(), "guide.md")
	return func(i int) string {
		mark := fmt.Sprintf("Bewerking %d.", i)
		if err := os.WriteFile(tmp, append(bytes.TrimRight(orig, "\n"), []byte(" "+mark+"\n")...), 0o644); err != nil {
			tb.Fatal(err)
		}
		if err := os.Rename(tmp, name); err != nil {
			tb.Fatal(err)
		}
		return mark
	}
}

// BenchmarkRebuild is the rebuild `serve` makes after an edit to one
// guide: the content folder is read again from disk and built in memory
// with the Cache of the builds before.
func BenchmarkRebuild(b *testing.B) {
	dir := contentOnDisk(b)
	edit := guideEdit(b, dir)
	cache := site.NewCache()
	opts := func() site.Options {
		return site.Options{Content: os.DirFS(dir), Templates: templates.Default(), Date: testDate, Cache: cache}
	}
	if _, err := site.GenerateSite(opts()); err != nil {
		b.Fatal(err)
	}
	i := 0
	cpu := cpuTime()
	for b.Loop() {
		i++
		mark := edit(i)
		built, err := site.GenerateSite(opts())
		if err != nil {
			b.Fatal(err)
		}
		if !bytes.Contains(built.Files["voorzieningen/uitstroompremie/index.html"], []byte(mark)) {
			b.Fatal("the edit is not on the rebuilt page")
		}
	}
	reportCPU(b, cpu)
}

// reportCPU adds the process's CPU time per operation since start.
func reportCPU(b *testing.B, start time.Duration) {
	if used := cpuTime() - start; used > 0 {
		b.ReportMetric(float64(used.Milliseconds())/float64(b.N), "cpu-ms/op")
	}
}

// BenchmarkServeEdit measures what a writer waits for: from saving an
// edited guide to `serve` answering with the new page (polling the
// folder every 10 ms; the default is 500 ms). served-ms is that wait;
// ns/op goes on until the rebuild is done (the compressed copies and the
// search index follow the pages).
func BenchmarkServeEdit(b *testing.B) {
	dir := contentOnDisk(b)
	edit := guideEdit(b, dir)
	opts := func() site.Options {
		return site.Options{Content: os.DirFS(dir), Templates: templates.Default(), Date: testDate}
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	rebuilt := make(chan error)
	done := make(chan error, 1)
	go func() {
		done <- site.Serve(ctx, site.ServeOptions{Options: opts(), Rebuild: opts, Watch: []string{dir},
			Addr: "127.0.0.1:0", Ready: ready, Rebuilt: rebuilt, Poll: 10 * time.Millisecond})
	}()
	var base string
	select {
	case addr := <-ready:
		base = "http://" + addr
	case err := <-done:
		b.Fatal(err)
	}
	defer func() {
		cancel()
		<-done
	}()
	page := base + "/voorzieningen/uitstroompremie/"
	shows := func(mark []byte) bool {
		resp, err := http.Get(page)
		if err != nil {
			b.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return bytes.Contains(body, mark)
	}
	var served time.Duration
	i := 0
	cpu := cpuTime()
	for b.Loop() {
		i++
		start := time.Now()
		mark := []byte(edit(i))
		// Ask for the page every 2 ms until it has the edit, then wait
		// for the end of that rebuild. A rebuild may also come from the
		// calculators' module getting ready: only one that ends after
		// the edit is served counts.
		tick := time.NewTicker(2 * time.Millisecond)
		seen := false
	wait:
		for {
			select {
			case err := <-rebuilt:
				if err != nil {
					b.Fatal(err)
				}
				if !seen && shows(mark) {
					served += time.Since(start)
					seen = true
				}
				if seen {
					break wait // the rebuild that served the edit is done
				}
			case <-tick.C:
				if !seen && shows(mark) {
					served += time.Since(start)
					seen = true
				}
			}
		}
		tick.Stop()
	}
	reportCPU(b, cpu)
	b.ReportMetric(float64(served.Microseconds())/1000/float64(b.N), "served-ms/op")
}
