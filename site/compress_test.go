package site_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/andybalholm/brotli"

	"github.com/regelgids/regelgids/site"
)

// TestPrecompressReusesPrevious: a build into a folder that holds the
// previous site takes the compressed copies of unchanged files from there
// and compresses changed ones afresh; either way the site is byte for
// byte the one a build from scratch makes.
func TestPrecompressReusesPrevious(t *testing.T) {
	t.Parallel()
	want := generate(t)
	dir := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(defaultOptions(dir)); err != nil {
		t.Fatal(err)
	}
	// A page that differs from what the build makes, with copies that
	// match it: they must not be taken.
	page := filepath.Join(dir, "index.html")
	stale := []byte("<!DOCTYPE html><title>old</title>" + string(bytes.Repeat([]byte("x"), 2000)))
	var br bytes.Buffer
	w := brotli.NewWriter(&br)
	w.Write(stale)
	w.Close()
	for name, b := range map[string][]byte{page: stale, page + ".br": br.Bytes()} {
		if err := os.WriteFile(name, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := site.Build(defaultOptions(dir)); err != nil {
		t.Fatal(err)
	}
	for name, b := range want {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil || !bytes.Equal(got, b) {
			t.Errorf("%s differs from a build from scratch (%v)", name, err)
		}
	}
	raw, err := io.ReadAll(brotli.NewReader(bytes.NewReader(want["index.html.br"])))
	if err != nil || !bytes.Equal(raw, want["index.html"]) {
		t.Errorf("index.html.br does not give back index.html (%v)", err)
	}
}
