package site_test

import (
	"crypto/sha256"
	"fmt"
	"strings"
	"testing"

	"github.com/regelgids/regelgids/internal/golden"
)

// TestManifest pins every file of the Eemsdelta site by its hash, so a
// change that should not change the site (a refactoring) is proven not to,
// and one that should shows exactly which files changed. The calculators'
// module and the toolchain's wasm_exec.js are compiled code whose bytes
// depend on the Go version; their size is listed, not their hash.
func TestManifest(t *testing.T) {
	out := generate(t)
	var b strings.Builder
	for _, name := range out.Paths() {
		data := out[name]
		if compiled(name) {
			fmt.Fprintf(&b, "%s compiled\n", name)
			continue
		}
		fmt.Fprintf(&b, "%s %x %d\n", name, sha256.Sum256(data), len(data))
	}
	golden.Check(t, "manifest.golden", []byte(b.String()))
}

func compiled(name string) bool {
	return strings.HasPrefix(name, "rekenhulp/calculators.wasm") || name == "rekenhulp/wasm_exec.js"
}
