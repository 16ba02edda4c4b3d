package search_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/regelgids/regelgids/site/search"
)

// pagefindVersion is the Pagefind release compared against.
const pagefindVersion = "1.6.0"

// TestCompareWithPagefind builds the site into a folder with the search
// files, indexes the same pages with Pagefind (npm package, installed once
// into the user cache folder), and runs testdata/bench.mjs: index bytes per
// language, bytes transferred before the first result and per query, query
// latency (median, p95) and hit@1/hit@3 on the query set, for both. It is
// a benchmark with a download, so it runs only when REGELGIDS_PAGEFIND is
// set (CI sets it); under CI it fails rather than skips when Pagefind
// cannot be installed.
//
//	REGELGIDS_PAGEFIND=1 go test ./site/search -run CompareWithPagefind -v
func TestCompareWithPagefind(t *testing.T) {
	if os.Getenv("REGELGIDS_PAGEFIND") == "" {
		t.Skip("set REGELGIDS_PAGEFIND=1 to compare with Pagefind (installs it from npm once)")
	}
	f := getFixture(t)
	getNode(t) // skips without Node.js
	dir := t.TempDir()
	if err := writeSite(dir, f); err != nil {
		t.Fatal(err)
	}
	pfDir, err := installPagefind(t)
	if err != nil && os.Getenv("CI") != "" {
		t.Fatalf("Pagefind not available (npm or network): %v", err)
	} else if err != nil {
		t.Skipf("Pagefind not available (npm or network): %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", filepath.Join(pfDir, "node_modules/pagefind/lib/runner/bin.cjs"), "--site", dir, "--output-subdir", "pagefind")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pagefind: %v\n%s", err, out)
	}
	qs := loadQuestions(t)
	qfile := filepath.Join(dir, "queries.json")
	b, _ := json.Marshal(qs)
	if err := os.WriteFile(qfile, b, 0o644); err != nil {
		t.Fatal(err)
	}
	bench, _ := filepath.Abs("testdata/bench.mjs")
	out, err := exec.CommandContext(ctx, "node", bench, dir, qfile, filepath.Join(dir, "pagefind")).Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			t.Fatalf("bench: %v\n%s", err, ee.Stderr)
		}
		t.Fatal(err)
	}
	var res map[string]map[string]benchResult
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("bench output %q: %v", out, err)
	}
	var tb strings.Builder
	fmt.Fprintf(&tb, "\n%-9s %-4s %9s %9s %10s %9s %9s %8s %8s %9s %8s %6s %6s\n", "engine", "lang", "index", "code", "1st query", "later q", "per query", "load ms", "med ms", "p95 ms", "typed95", "hit@1", "hit@3")
	for _, lang := range langs {
		for _, engine := range []string{"regelgids", "pagefind"} {
			r := res[lang][engine]
			fmt.Fprintf(&tb, "%-9s %-4s %9s %9s %10s %9s %9s %8.1f %8.2f %9.2f %8.2f %5.0f%% %5.0f%%\n", engine, lang,
				kb(r.IndexWire), kb(r.CodeWire), kb(r.BeforeFirst), kb(r.AfterFirst), kb(r.PerQuery), r.FirstMs, r.Latency.Median, r.Latency.P95, r.Typed.P95, 100*r.Hit1, 100*r.Hit3)
		}
		ours, theirs := res[lang]["regelgids"], res[lang]["pagefind"]
		if ours.Hit3 < theirs.Hit3 {
			t.Errorf("%s: hit@3 %.0f%% is below Pagefind's %.0f%%", lang, 100*ours.Hit3, 100*theirs.Hit3)
		}
		if ours.BeforeFirst > theirs.BeforeFirst {
			t.Errorf("%s: %s before the first result, more than Pagefind's %s", lang, kb(ours.BeforeFirst), kb(theirs.BeforeFirst))
		}
	}
	tb.WriteString("Bytes on the wire (gzip -9 for text; Pagefind's index files are compressed already). index: the language's index\n")
	tb.WriteString("(Pagefind: chunks, fragments, metadata); code: scripts (Pagefind: with its WebAssembly); 1st query: all bytes before the\n")
	tb.WriteString("first result; later q: mean bytes of each later query; per query: all bytes of the session / queries. load ms: from\n")
	tb.WriteString("nothing to the first result (files read from disk); med/p95 ms: warm query, top 5 with snippets, each query 5 times;\n")
	tb.WriteString("typed95: p95 over every prefix of every query, as typed. hit@k: the query set, first result per page.\n")
	t.Log(tb.String())
}

type benchResult struct {
	IndexRaw, IndexWire, CodeWire, BeforeFirst float64
	PerQuery, AfterFirst, LoadMs, FirstMs      float64
	Latency, Typed                             struct{ Median, P95 float64 }
	Hit1, Hit3                                 float64
}

func kb(n float64) string { return fmt.Sprintf("%.1f KB", n/1000) }

// writeSite writes the pages for residents with the search files into dir,
// as the build does. The reviewers' pages are left out: neither engine
// should index them.
func writeSite(dir string, f *fixture) error {
	files := map[string][]byte{}
	for name, b := range f.files {
		if u := strings.TrimPrefix(name, "en/"); strings.HasPrefix(u, "leesbaarheid/") {
			continue
		}
		files[name] = b
	}
	for name, b := range search.Assets() {
		files[name] = b
	}
	for _, lang := range langs {
		files[search.IndexPath(lang)] = f.exports[lang]
	}
	for name, b := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// installPagefind installs the Pagefind npm package once into the user's
// cache folder and returns that folder.
func installPagefind(t *testing.T) (string, error) {
	if _, err := exec.LookPath("npm"); err != nil {
		return "", err
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(cache, "regelgids", "pagefind-"+pagefindVersion)
	if _, err := os.Stat(filepath.Join(dir, "node_modules/pagefind/lib/runner/bin.cjs")); err == nil {
		return dir, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "npm", "install", "--no-audit", "--no-fund", "--prefix", dir, "pagefind@"+pagefindVersion)
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("%v: %s", err, out)
	}
	t.Logf("installed Pagefind %s into %s", pagefindVersion, dir)
	return dir, nil
}
