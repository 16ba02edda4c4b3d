package site

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/regelgids/regelgids"
)

// Calculator files the build writes into the site.
const (
	WASMFile     = "rekenhulp/calculators.wasm"
	WASMExecFile = "rekenhulp/wasm_exec.js"
)

// ErrNoToolchain means the Go toolchain is not on this machine; the site is
// then built without the browser calculators (the pages still show their
// tables).
var ErrNoToolchain = errors.New("the Go toolchain (go) is not installed, so the calculators cannot be compiled for the browser")

// wasmModule is the compiled calculators module and the toolchain's loader.
// Its compressed copies are made by precompress and kept on disk by
// content hash (compress.go), so a rebuild never compresses it again.
type wasmModule struct {
	wasm, exec []byte
}

// pendingModule stands for a module that is still being compiled: the
// calculator pages say so and show their tables (see Serve).
var pendingModule = &wasmModule{}

var (
	wasmMu    sync.Mutex                 // guards wasmBuilt
	wasmBuilt = map[string]*wasmModule{} // by source hash, for this process
	compileMu sync.Mutex                 // one compile at a time
)

// buildWASM compiles calculators/wasm for GOOS=js GOARCH=wasm from the
// embedded source. The result is cached by a hash of the source and the
// toolchain version, in memory and in the user's cache folder, so only the
// first build after a change pays for the compiler.
func buildWASM() (*wasmModule, error) {
	goBin, hash, err := wasmSource()
	if err != nil {
		return nil, err
	}
	if m := builtModule(hash); m != nil {
		return m, nil
	}
	compileMu.Lock()
	defer compileMu.Unlock()
	if m := builtModule(hash); m != nil {
		return m, nil // compiled while this build waited
	}
	cache := filepath.Join(cacheDir(), "wasm", hash)
	m, err := readModule(cache)
	if err != nil {
		if m, err = compileWASM(goBin); err != nil {
			return nil, err
		}
		writeModule(cache, m) // a cache that cannot be written only costs time
	}
	wasmMu.Lock()
	wasmBuilt[hash] = m
	wasmMu.Unlock()
	return m, nil
}

func builtModule(hash string) *wasmModule {
	wasmMu.Lock()
	defer wasmMu.Unlock()
	return wasmBuilt[hash]
}

// toolchain is the go command and its version, looked up once a process.
var toolchain = sync.OnceValues(func() ([2]string, error) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		return [2]string{}, ErrNoToolchain
	}
	version, err := goOutput(goBin, "env", "GOVERSION")
	return [2]string{goBin, version}, err
})

// wasmSource finds the toolchain and hashes the module's source with its
// version: the key of the module caches.
func wasmSource() (goBin, hash string, err error) {
	tc, err := toolchain()
	if err != nil {
		return "", "", err
	}
	hash, err = sourceHash(regelgids.CalculatorSource, tc[1]+" "+strings.Join(wasmFlags, " "))
	return tc[0], hash, err
}

// loadCachedModule makes the module ready for buildWASM when it is
// compiled already, in memory or in the cache folder, and returns it; nil
// where it is not. It never compiles.
func loadCachedModule() *wasmModule {
	_, hash, err := wasmSource()
	if err != nil {
		return nil
	}
	if m := builtModule(hash); m != nil {
		return m
	}
	m, err := readModule(filepath.Join(cacheDir(), "wasm", hash))
	if err != nil {
		return nil
	}
	wasmMu.Lock()
	defer wasmMu.Unlock()
	if wasmBuilt[hash] == nil {
		wasmBuilt[hash] = m
	}
	return wasmBuilt[hash]
}

// wasmCached reports whether buildWASM would answer without compiling:
// the module is in memory or in the cache folder, or there is no
// toolchain to compile it with. It never waits for a compile under way.
func wasmCached() bool {
	_, hash, err := wasmSource()
	if err != nil {
		return true // buildWASM fails at once
	}
	if builtModule(hash) != nil {
		return true
	}
	_, err = readModule(filepath.Join(cacheDir(), "wasm", hash))
	return err == nil
}

// prepareWASM compiles the module and compresses it, so that the build
// that then uses it finds both in the caches.
func prepareWASM() error {
	m, err := buildWASM()
	if err != nil {
		return err
	}
	compressFile(m.wasm, true, 0)
	return nil
}

func cacheDir() string {
	if d := os.Getenv("REGELGIDS_CACHE"); d != "" {
		return d
	}
	if d, err := os.UserCacheDir(); err == nil {
		return filepath.Join(d, "regelgids")
	}
	return filepath.Join(os.TempDir(), "regelgids-cache")
}

// sourceHash hashes every embedded file (name and content, sorted) and the
// toolchain version.
func sourceHash(src fs.FS, version string) (string, error) {
	var names []string
	err := fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return err
	})
	if err != nil {
		return "", err
	}
	sort.Strings(names)
	h := sha256.New()
	fmt.Fprintf(h, "%s\n", version)
	for _, n := range names {
		b, err := fs.ReadFile(src, n)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s %d\n", n, len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:24], nil
}

// wasmFlags build the smallest module over the wire: no file paths, no
// symbol table or DWARF, and no inlining. Inlining makes the module 2 %
// smaller raw but 12 % larger in brotli (762 KB against 673 KB): the
// inlined copies of small functions differ too much to compress well. The
// rules take milliseconds either way.
var wasmFlags = []string{"-trimpath", "-gcflags=all=-l", "-ldflags=-s -w"}

func compileWASM(goBin string) (*wasmModule, error) {
	dir, err := os.MkdirTemp("", "regelgids-wasm-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	if err := os.CopyFS(dir, regelgids.CalculatorSource); err != nil {
		return nil, err
	}
	out := filepath.Join(dir, "calculators.wasm")
	cmd := exec.Command(goBin, append(append([]string{"build"}, wasmFlags...), "-o", out, "./calculators/wasm")...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0", "GOFLAGS=-mod=readonly")
	if msg, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("compiling the calculators for the browser: %v\n%s", err, msg)
	}
	wasm, err := os.ReadFile(out)
	if err != nil {
		return nil, err
	}
	root, err := goOutput(goBin, "env", "GOROOT")
	if err != nil {
		return nil, err
	}
	// Go 1.24 moved wasm_exec.js from misc/wasm to lib/wasm.
	var execJS []byte
	for _, p := range []string{"lib/wasm/wasm_exec.js", "misc/wasm/wasm_exec.js"} {
		if execJS, err = os.ReadFile(filepath.Join(root, p)); err == nil {
			break
		}
	}
	if err != nil {
		return nil, fmt.Errorf("wasm_exec.js not found in %s: %w", root, err)
	}
	return &wasmModule{wasm: wasm, exec: execJS}, nil
}

func goOutput(goBin string, args ...string) (string, error) {
	out, err := exec.Command(goBin, args...).Output()
	if err != nil {
		return "", fmt.Errorf("go %s: %w", strings.Join(args, " "), err)
	}
	return strings.TrimSpace(string(out)), nil
}

func readModule(dir string) (*wasmModule, error) {
	wasm, err := os.ReadFile(filepath.Join(dir, "calculators.wasm"))
	if err != nil {
		return nil, err
	}
	execJS, err := os.ReadFile(filepath.Join(dir, "wasm_exec.js"))
	if err != nil {
		return nil, err
	}
	return &wasmModule{wasm: wasm, exec: execJS}, nil
}

func writeModule(dir string, m *wasmModule) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for name, b := range map[string][]byte{"calculators.wasm": m.wasm, "wasm_exec.js": m.exec} {
		tmp, err := os.CreateTemp(dir, name+".tmp-*")
		if err != nil {
			return err
		}
		_, werr := tmp.Write(b)
		cerr := tmp.Close()
		if werr != nil || cerr != nil {
			os.Remove(tmp.Name())
			return errors.Join(werr, cerr)
		}
		if err := os.Rename(tmp.Name(), filepath.Join(dir, name)); err != nil {
			return err
		}
	}
	return nil
}
