package site

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// TestPrecompressRebuild: a rebuild (the same process, as serve) takes the
// copies of unchanged files from the last build and makes new ones for a
// file whose bytes changed under the same name.
func TestPrecompressRebuild(t *testing.T) {
	page := func(s string) []byte { return []byte("<!DOCTYPE html><p>" + strings.Repeat(s+" ", 300)) }
	first := Output{"a/index.html": page("eerste"), "b/index.html": page("blijft")}
	precompress(first, "")
	second := Output{"a/index.html": page("tweede"), "b/index.html": page("blijft")}
	precompress(second, "")
	for name, raw := range map[string][]byte{"a/index.html": second["a/index.html"], "b/index.html": second["b/index.html"]} {
		got, err := io.ReadAll(brotli.NewReader(bytes.NewReader(second[name+".br"])))
		if err != nil || !bytes.Equal(got, raw) {
			t.Errorf("%s.br after the rebuild does not give back %s (%v)", name, name, err)
		}
	}
	if !bytes.Equal(second["b/index.html.gz"], first["b/index.html.gz"]) {
		t.Error("an unchanged file got different copies")
	}
}
