package site

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"io"
	"io/fs"
	"os"
	"strings"
	"testing"
	"time"

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

// TestCompressDiskCache: a build in a new process (memory forgotten, no
// previous folder) takes the copies from the disk cache; a cache file cut
// short or changed is not used but made again; files unused for
// cacheMaxAge go at the next trim, used ones stay.
func TestCompressDiskCache(t *testing.T) {
	t.Setenv("REGELGIDS_CACHE", t.TempDir())
	forget := func() {
		compressMu.Lock()
		compressMem = map[[32]byte]*compressEntry{}
		compressLast = map[string]lastCompressed{}
		compressMu.Unlock()
	}
	raw := []byte("<!DOCTYPE html><p>" + strings.Repeat("schoon werk ", 400))
	forget()
	want := compressFile(raw, false, 1)
	file := compressCacheFile(compressKey(raw, false, compressorID(), brotliVersion()))
	if _, ok := readCompressed(file); !ok {
		t.Fatal("the copies are not in the disk cache")
	}
	data, _ := os.ReadFile(file)
	for _, damage := range []struct {
		name string
		data []byte
	}{
		{"cut short", data[:len(data)-3]},
		{"one byte changed", append(append([]byte{}, data[:len(data)-1]...), data[len(data)-1]^1)},
		{"empty", nil},
		{"length past the end", append(append([]byte(compressMagic), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff), data[compressHeader-sha256.Size:]...)},
	} {
		if err := os.WriteFile(file, damage.data, 0o644); err != nil {
			t.Fatal(err)
		}
		forget()
		got := compressFile(raw, false, 2)
		if !bytes.Equal(got.br, want.br) || !bytes.Equal(got.gz, want.gz) {
			t.Errorf("%s: the copies differ from the ones made before", damage.name)
		}
		if again, _ := os.ReadFile(file); !bytes.Equal(again, data) {
			t.Errorf("%s: the cache file was not made again", damage.name)
		}
	}

	// Trim: one file used long ago, one just now.
	compressFile([]byte(strings.Repeat("oud ", 300)), false, 3)
	oldFile := compressCacheFile(compressKey([]byte(strings.Repeat("oud ", 300)), false, compressorID(), brotliVersion()))
	long := time.Now().Add(-cacheMaxAge - time.Hour)
	if err := os.Chtimes(oldFile, long, long); err != nil {
		t.Fatal(err)
	}
	trimCompressCache()
	if _, err := os.Stat(oldFile); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a file unused for %v is still there: %v", cacheMaxAge, err)
	}
	if _, err := os.Stat(file); err != nil {
		t.Errorf("a file in use was removed: %v", err)
	}
}
