package site

import (
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/regelgids/regelgids/calculators/params"
	"github.com/regelgids/regelgids/content"
	"github.com/regelgids/regelgids/templates"
)

// timedLog keeps each line written to it with when it came.
type timedLog struct {
	mu    sync.Mutex
	start time.Time
	lines []string
	at    []time.Duration
}

func (l *timedLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, strings.TrimSuffix(string(p), "\n"))
	l.at = append(l.at, time.Since(l.start))
	return len(p), nil
}

// firstRun makes the test a newcomer's first run: an empty cache folder
// and no calculators module compiled in this process (restored after the
// test, for the other tests).
func firstRun(t *testing.T) {
	t.Helper()
	t.Setenv("REGELGIDS_CACHE", t.TempDir())
	wasmMu.Lock()
	saved := wasmBuilt
	wasmBuilt = map[string]*wasmModule{}
	wasmMu.Unlock()
	t.Cleanup(func() {
		wasmMu.Lock()
		wasmBuilt = saved
		wasmMu.Unlock()
	})
}

// TestBuildFirstRun is a newcomer's first `regelgids build`: nothing
// cached. Progress hears at once that the calculators are being compiled
// and compressed, not only when the build ends; a second build, with
// everything cached, says nothing.
func TestBuildFirstRun(t *testing.T) {
	firstRun(t)
	opts := Options{Content: content.Default(), Templates: templates.Default(), Date: params.Date{Year: 2025, Month: 7, Day: 1},
		Out: filepath.Join(t.TempDir(), "public")}
	log := &timedLog{start: time.Now()}
	opts.Progress = log
	res, err := Build(opts)
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(log.start)
	want := []string{
		"compiling the calculators for the browser, first time only",
		"calculators compiled for the browser in ",
		"compressing them with brotli and gzip, first time only",
	}
	if len(log.lines) != len(want) {
		t.Fatalf("progress:\n%s\nwant %d lines", strings.Join(log.lines, "\n"), len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(log.lines[i], w) {
			t.Errorf("progress line %d: %q, want it to start with %q", i+1, log.lines[i], w)
		}
	}
	// Loading and checking the content comes first; the compile is the
	// long part, and the first line comes before it.
	if log.at[0] > 3*time.Second || log.at[0] > took/2 {
		t.Errorf("the first progress line came after %v of a %v build", log.at[0], took)
	}
	if res.Pages < 100 {
		t.Errorf("built %d pages", res.Pages)
	}

	again := &timedLog{start: time.Now()}
	opts.Progress = again
	if _, err := Build(opts); err != nil {
		t.Fatal(err)
	}
	if len(again.lines) != 0 {
		t.Errorf("a build with everything cached says:\n%s", strings.Join(again.lines, "\n"))
	}
}
