//go:build unix

package site_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/regelgids/regelgids/site"
	"github.com/regelgids/regelgids/site/project"
	"github.com/regelgids/regelgids/templates"
)

// TestServeSpecialFile: a named pipe that appears in the content folder
// while serving fails that rebuild by name; the watcher goes on and the
// server still stops promptly (before, the rebuild blocked on the pipe for
// ever, and with it the watcher and shutdown).
func TestServeSpecialFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("..", "content", "eemsdelta"))); err != nil {
		t.Fatal(err)
	}
	opts := func() site.Options {
		return site.Options{Content: project.ContentDir(dir), Templates: templates.Default(), Date: testDate}
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready, rebuilt, done := make(chan string, 1), make(chan error, 4), make(chan error, 1)
	go func() {
		done <- site.Serve(ctx, site.ServeOptions{Options: opts(), Rebuild: opts, Watch: []string{dir},
			Addr: "127.0.0.1:0", Ready: ready, Rebuilt: rebuilt, Poll: 20 * time.Millisecond})
	}()
	select {
	case <-ready:
	case err := <-done:
		t.Fatalf("Serve stopped: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("server did not start")
	}
	for _, name := range []string{"gidsen/nl/jobcoach.md", "verordening.txt"} {
		p := filepath.Join(dir, name)
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Fatal(err)
		}
		// The watcher may rebuild more than once for one change (it can see
		// the removal and the pipe in two polls), and a rebuild started
		// before this step reports the step before: wait for the rebuild
		// that names this pipe. Every rebuild must fail.
		want := name + ":1: is a named pipe (FIFO), not a regular file"
		deadline := time.After(30 * time.Second)
	wait:
		for {
			select {
			case err := <-rebuilt:
				if err == nil {
					t.Fatalf("a rebuild succeeded with %s a pipe", name)
				}
				if strings.Contains(err.Error(), want) {
					break wait
				}
				t.Logf("an earlier rebuild: %v", err)
			case <-deadline:
				t.Fatalf("no rebuild said %q", want)
			}
		}
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not stop")
	}
}
