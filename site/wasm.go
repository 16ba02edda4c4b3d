package site

import (
	"bytes"
	"compress/gzip"
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
type wasmModule struct {
	wasm, exec []byte
	gz         []byte // wasm, compressed once: gzip -9 of 3 MB is the slowest step of a build
}

var (
	wasmMu    sync.Mutex
	wasmBuilt = map[string]*wasmModule{} // by source hash, for this process
)

// buildWASM compiles calculators/wasm for GOOS=js GOARCH=wasm from the
// embedded source. The result is cached by a hash of the source and the
// toolchain version, in memory and in the user's cache folder, so only the
// first build after a change pays for the compiler.
func buildWASM() (*wasmModule, error) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		return nil, ErrNoToolchain
	}
	version, err := goOutput(goBin, "env", "GOVERSION")
	if err != nil {
		return nil, err
	}
	hash, err := sourceHash(regelgids.CalculatorSource, version)
	if err != nil {
		return nil, err
	}
	wasmMu.Lock()
	defer wasmMu.Unlock()
	if m := wasmBuilt[hash]; m != nil {
		return m, nil
	}
	cache := filepath.Join(cacheDir(), "wasm", hash)
	m, err := readModule(cache)
	if err != nil {
		if m, err = compileWASM(goBin); err != nil {
			return nil, err
		}
		m.gz = gzipBytes(m.wasm)
		writeModule(cache, m) // a cache that cannot be written only costs time
	}
	wasmBuilt[hash] = m
	return m, nil
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
	cmd := exec.Command(goBin, "build", "-trimpath", "-ldflags=-s -w", "-o", out, "./calculators/wasm")
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
	gz, err := os.ReadFile(filepath.Join(dir, "calculators.wasm.gz"))
	if err != nil {
		return nil, err
	}
	return &wasmModule{wasm: wasm, exec: execJS, gz: gz}, nil
}

func writeModule(dir string, m *wasmModule) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for name, b := range map[string][]byte{"calculators.wasm": m.wasm, "wasm_exec.js": m.exec, "calculators.wasm.gz": m.gz} {
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

// gzipBytes compresses b deterministically: no name or time in the header,
// so the same module gives the same .gz file.
func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression) // the level is valid
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}
