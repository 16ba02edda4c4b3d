package site_test

import (
	"crypto/sha256"
	"fmt"
	"path"
	"strings"
	"testing"

	"github.com/regelgids/regelgids/internal/golden"
	"github.com/regelgids/regelgids/site"
)

// TestManifest pins every file of the Eemsdelta site by its hash, so a
// change that should not change the site (a refactoring) is proven not to,
// and one that should shows exactly which files changed. The calculators'
// module and the toolchain's wasm_exec.js are compiled code whose bytes
// depend on the Go version; they are listed without hash, and the hash in
// their names is shown as "compiled" in names and in the files that link
// them. A compressed copy (.br, .gz) is listed by name: its bytes follow
// from the file it copies.
func TestManifest(t *testing.T) {
	out := generate(t)
	var pairs []string
	for _, plain := range []string{site.WASMFile, site.WASMExecFile} {
		if h := out.Hashed(plain); h != "" {
			ext := path.Ext(plain)
			// By base name: the pages link them relatively.
			pairs = append(pairs, path.Base(h), path.Base(strings.TrimSuffix(plain, ext)+".compiled"+ext))
		}
	}
	norm := strings.NewReplacer(pairs...)
	var b strings.Builder
	for _, name := range out.Paths() {
		data := out[name]
		shown := norm.Replace(name)
		switch {
		case compiled(shown):
			fmt.Fprintf(&b, "%s compiled\n", shown)
		case strings.HasSuffix(name, ".br") || strings.HasSuffix(name, ".gz"):
			fmt.Fprintf(&b, "%s compressed\n", shown)
		default:
			fmt.Fprintf(&b, "%s %x %d\n", shown, sha256.Sum256([]byte(norm.Replace(string(data)))), len(data))
		}
	}
	golden.Check(t, "manifest.golden", []byte(b.String()))
}

func compiled(name string) bool {
	return strings.HasPrefix(name, "rekenhulp/calculators.compiled.wasm") || strings.HasPrefix(name, "rekenhulp/wasm_exec.compiled.js")
}
