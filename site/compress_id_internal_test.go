package site

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCompressorIdentity: the compressor's name changes with every level
// and stays the same from run to run, so it can key reused copies.
func TestCompressorIdentity(t *testing.T) {
	base := compressorIdentity(brotliBest, brotliFast, gzipBest, gzipFast, "")
	if base != compressorID() || base != compressorIdentity(brotliBest, brotliFast, gzipBest, gzipFast, "") {
		t.Fatal("the compressor's name differs between two runs")
	}
	cases := []struct {
		name                           string
		brBest, brFast, gzBest, gzFast int
	}{
		{"brotli best", brotliBest - 1, brotliFast, gzipBest, gzipFast},
		{"brotli fast", brotliBest, brotliFast + 1, gzipBest, gzipFast},
		{"gzip best", brotliBest, brotliFast, gzipBest - 1, gzipFast},
		{"gzip fast", brotliBest, brotliFast, gzipBest, gzipFast - 1},
	}
	for _, c := range cases {
		if compressorIdentity(c.brBest, c.brFast, c.gzBest, c.gzFast, "") == base {
			t.Errorf("another %s level gives the same compressor name", c.name)
		}
	}
	// A binary that records its brotli version is named by it, not the probe.
	v1 := compressorIdentity(brotliBest, brotliFast, gzipBest, gzipFast, "github.com/andybalholm/brotli@v1.2.0 h1:a")
	v2 := compressorIdentity(brotliBest, brotliFast, gzipBest, gzipFast, "github.com/andybalholm/brotli@v1.2.1 h1:b")
	if v1 == v2 || v1 == base || v1 != compressorIdentity(brotliBest, brotliFast, gzipBest, gzipFast, "github.com/andybalholm/brotli@v1.2.0 h1:a") {
		t.Error("the compressor's name does not follow the brotli version")
	}
	a := []byte(strings.Repeat("tekst ", 200))
	if compressKey(a, false, base, "") == compressKey(a, false, "ander", "") ||
		compressKey(a, false, base, "") == compressKey(a, false, base, "github.com/andybalholm/brotli@v9") ||
		compressKey(a, false, base, "") == compressKey(a, true, base, "") {
		t.Error("the disk cache's key does not follow the compressor")
	}
}

// TestPrecompressPreviousCompressor: a build takes unchanged files'
// copies from the previous build's folder only when its _headers names
// the same compressor; else it makes them again, as a build from scratch.
func TestPrecompressPreviousCompressor(t *testing.T) {
	page := []byte("<!DOCTYPE html><p>" + strings.Repeat("een pagina die blijft ", 300))
	scratch := Output{"a/index.html": page}
	forget := func() {
		compressMu.Lock()
		compressLast, compressMem = map[string]lastCompressed{}, map[[32]byte]*compressEntry{}
		compressMu.Unlock()
	}
	forget()
	precompress(scratch, "")
	// Copies another compressor made: valid, but other bytes.
	other := brotliBytes(page, 0)
	if bytes.Equal(other, scratch["a/index.html.br"]) {
		t.Fatal("quality 0 gives the same copy")
	}
	cases := []struct {
		name      string
		headers   string // the previous build's _headers; "" for none
		wantReuse bool
	}{
		{"same compressor", compressorLine + compressorID() + "\n/*\n", true},
		{"other compressor", compressorLine + "0123456789abcdef\n/*\n", false},
		{"older build without a name", "# HTTP headers\n/*\n", false},
		{"no _headers", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("REGELGIDS_CACHE", t.TempDir()) // the copies only in prev
			prev := t.TempDir()
			os.MkdirAll(filepath.Join(prev, "a"), 0o755)
			os.WriteFile(filepath.Join(prev, "a", "index.html"), page, 0o644)
			os.WriteFile(filepath.Join(prev, "a", "index.html.br"), other, 0o644)
			os.WriteFile(filepath.Join(prev, "a", "index.html.gz"), scratch["a/index.html.gz"], 0o644)
			if c.headers != "" {
				os.WriteFile(filepath.Join(prev, HeadersFile), []byte(c.headers), 0o644)
			}
			forget()
			out := Output{"a/index.html": page}
			precompress(out, prev)
			want := scratch["a/index.html.br"]
			if c.wantReuse {
				want = other
			}
			if !bytes.Equal(out["a/index.html.br"], want) {
				t.Errorf("reused the previous copy: %t, want %t", bytes.Equal(out["a/index.html.br"], other), c.wantReuse)
			}
		})
	}
	// The build's own _headers names its compressor.
	if got := previousCompressorOf(t, headersFile(scratch, true)); got != compressorID() {
		t.Errorf("_headers names compressor %q, want %q", got, compressorID())
	}
}

func previousCompressorOf(t *testing.T, headers []byte) string {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, HeadersFile), headers, 0o644); err != nil {
		t.Fatal(err)
	}
	return previousCompressor(dir)
}
