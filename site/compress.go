package site

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/andybalholm/brotli"
)

// Precompression: the build writes NAME.br and NAME.gz beside every text
// file and the calculators' module, so `serve`, nginx (brotli_static,
// gzip_static) and other static hosts send compressed bytes without
// compressing on each request.

// compressTypes are the extensions worth compressing; images and fonts
// are compressed already.
var compressTypes = map[string]bool{
	".html": true, ".css": true, ".js": true, ".mjs": true, ".json": true,
	".svg": true, ".xml": true, ".txt": true, ".wasm": true, ".webmanifest": true,
}

// minCompress is the smallest file worth a compressed copy: below it the
// headers of the answer outweigh what compression saves.
const minCompress = 512

// compressedPair is a file's brotli and gzip copies; nil where the copy
// saves too little to be worth a file.
type compressedPair struct{ br, gz []byte }

// Content-hashed assets (the module, scripts, stylesheet) are compressed
// as hard as brotli and gzip go: browsers keep them for a year, and the
// result is kept on disk by content hash, so only a changed file costs
// time (the 3.9 MB module takes about 10 s). Pages and indexes change with
// every content edit and there are many (13 MB of HTML): brotli 5 makes
// them about 12 % larger than brotli 11 at a fifteenth of the time, and
// 0.3 % larger than brotli 6 at two thirds.
const (
	brotliBest, gzipBest = 11, gzip.BestCompression
	brotliFast, gzipFast = 5, 6
	brotliWindow         = 22 // LGWin: 4 MB, the module fits
)

// compressRevision is bumped when the way copies are made changes beyond
// the levels and the libraries (a new writer option, a new rule for which
// copies are kept), so copies made the old way are not reused.
const compressRevision = 2

// Copies are reused from the previous build's folder and from the disk
// cache only when the same compressor made them: else a new brotli release
// or level would leave old copies in place and a build would differ from
// a build from scratch. The compressor is named by its settings and its
// libraries: brotli's module version and checksum and Go's version (gzip
// is the standard library's) where the binary records them, and else (test
// binaries) by what it makes of a fixed probe text. The name is written
// into _headers (compressorLine) and read back from the previous build's.
var compressorID = sync.OnceValue(func() string {
	return compressorIdentity(brotliBest, brotliFast, gzipBest, gzipFast, brotliVersion())
})

// compressorIdentity names the compressor with the given levels and
// brotli library ("" where unknown: then the probe names it).
func compressorIdentity(brBest, brFast, gzBest, gzFast int, library string) string {
	h := sha256.New()
	fmt.Fprintf(h, "revision %d; brotli window %d; levels %d %d %d %d\n", compressRevision, brotliWindow, brBest, brFast, gzBest, gzFast)
	if library != "" {
		fmt.Fprintf(h, "%s; %s\n", library, runtime.Version())
		return hex.EncodeToString(h.Sum(nil)[:8])
	}
	probe := compressProbe()
	for _, q := range []int{brBest, brFast} {
		h.Write(brotliBytes(probe, q))
	}
	for _, l := range []int{gzBest, gzFast} {
		h.Write(gzipLevel(probe, l))
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// compressProbe is 4 KB of page-like text, the same on every run: words
// repeated at varied distances and numbers, so the compressors' match
// finders and entropy coders all take part.
func compressProbe() []byte {
	words := strings.Fields("u de het een uitkering premie werk artikel lid bijstand college kan moet " +
		"<p> </p> <li class=\"rg-item\"> <a href=\"/artikel/ Vanaf januari bedrag euro per maand")
	var b bytes.Buffer
	x := uint32(2463534242)
	for b.Len() < 4<<10 {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		b.WriteString(words[x%uint32(len(words))])
		if x%7 == 0 {
			fmt.Fprintf(&b, " %d,%02d", x%5000, x%100)
		}
		if x%11 == 0 {
			b.WriteByte('\n')
		} else {
			b.WriteByte(' ')
		}
	}
	return b.Bytes()
}

// compressorLine is the line of _headers that names the compressor of the
// build's copies.
const compressorLine = "# NAME.br and NAME.gz are NAME compressed with brotli and gzip by compressor "

// previousCompressor is the compressor named in the _headers of the
// build in folder prev, "" where it names none.
func previousCompressor(prev string) string {
	f, err := os.Open(filepath.Join(prev, HeadersFile))
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 0; n < 20 && sc.Scan(); n++ {
		if id, ok := strings.CutPrefix(sc.Text(), compressorLine); ok {
			return id
		}
	}
	return ""
}

// brotliVersion is the brotli library's module version where the binary
// records it (test binaries do not): it keys the disk cache beside the
// compressor's identity.
var brotliVersion = sync.OnceValue(func() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == "github.com/andybalholm/brotli" {
				if d.Replace != nil {
					d = d.Replace
				}
				if d.Sum == "" {
					return "" // a local copy: its version says nothing of its code
				}
				return d.Path + "@" + d.Version + " " + d.Sum
			}
		}
	}
	return ""
})

var (
	trimOnce    sync.Once
	compressMu  sync.Mutex
	compressMem = map[[32]byte]*compressEntry{} // by content and level
	compressGen int
	// compressLast is the last build's files and copies by name: most
	// files of a rebuild are the same bytes, found without hashing them.
	compressLast = map[string]lastCompressed{}
)

type lastCompressed struct {
	raw  []byte
	pair compressedPair
}

type compressEntry struct {
	pair compressedPair
	gen  int // the last precompress that used it
}

// precompress adds NAME.br and NAME.gz to out for every file that gains
// from them. The same bytes always give the same copies. prev is the
// folder of the previous build ("" for none): a file whose bytes did not
// change takes its copies from there, so a build in a new process does
// not compress the whole site again.
func precompress(out Output, prev string) {
	var names []string
	for name, b := range out {
		if compressTypes[path.Ext(name)] && len(b) >= minCompress {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	compressMu.Lock()
	compressGen++
	gen := compressGen
	last := compressLast
	compressMu.Unlock()
	if prev != "" && previousCompressor(prev) != compressorID() {
		prev = "" // made by another compressor, or not known by which
	}

	pairs := make([]compressedPair, len(names))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), max(len(names), 1)) {
		wg.Go(func() {
			for i := range next {
				name := names[i]
				if l, ok := last[name]; ok && bytes.Equal(l.raw, out[name]) {
					pairs[i] = l.pair
					continue
				}
				pairs[i] = compressFileOr(out[name], isHashed(name), gen, func() (compressedPair, bool) {
					return previousCopies(prev, name, out[name])
				})
			}
		})
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, name := range names {
		if pairs[i].br != nil {
			out[name+".br"] = pairs[i].br
		}
		if pairs[i].gz != nil {
			out[name+".gz"] = pairs[i].gz
		}
	}
	// Forget what neither this build nor the one before used, so a server
	// that rebuilds for hours does not keep every old page.
	byName := make(map[string]lastCompressed, len(names))
	for i, name := range names {
		byName[name] = lastCompressed{raw: out[name], pair: pairs[i]}
	}
	trimOnce.Do(trimCompressCache)
	compressMu.Lock()
	compressLast = byName
	for k, e := range compressMem {
		if e.gen < gen-1 {
			delete(compressMem, k)
		}
	}
	compressMu.Unlock()
}

// compressFile returns the copies of b worth writing, from memory, from
// the disk cache or freshly made.
func compressFile(b []byte, best bool, gen int) compressedPair {
	return compressFileOr(b, best, gen, nil)
}

// compressFileOr is compressFile that, before compressing, asks elsewhere
// for the copies (the previous build's folder).
func compressFileOr(b []byte, best bool, gen int, elsewhere func() (compressedPair, bool)) compressedPair {
	key := compressKey(b, best, compressorID(), brotliVersion())
	compressMu.Lock()
	e := compressMem[key]
	if e != nil {
		e.gen = gen
	}
	compressMu.Unlock()
	if e != nil {
		return e.pair
	}
	file := compressCacheFile(key)
	pair, ok := readCompressed(file)
	if !ok && elsewhere != nil {
		if pair, ok = elsewhere(); ok {
			writeCompressed(file, pair)
		}
	}
	if !ok {
		brLevel, gzLevel := brotliFast, gzipFast
		if best {
			brLevel, gzLevel = brotliBest, gzipBest
		}
		pair = compressedPair{br: brotliBytes(b, brLevel), gz: gzipLevel(b, gzLevel)}
		writeCompressed(file, pair) // a cache that cannot be written only costs time
	}
	// Keep a copy only where it saves at least a tenth.
	if len(pair.br) > len(b)*9/10 {
		pair.br = nil
	}
	if len(pair.gz) > len(b)*9/10 {
		pair.gz = nil
	}
	compressMu.Lock()
	compressMem[key] = &compressEntry{pair: pair, gen: gen}
	compressMu.Unlock()
	return pair
}

// compressedCached reports whether compressFile has b's copies at hand,
// in memory or on disk, without making them.
func compressedCached(b []byte, best bool) bool {
	key := compressKey(b, best, compressorID(), brotliVersion())
	compressMu.Lock()
	e := compressMem[key]
	compressMu.Unlock()
	if e != nil {
		return true
	}
	_, err := os.Stat(compressCacheFile(key))
	return err == nil
}

// compressKey keys b's copies in memory and in the disk cache: its bytes,
// the level and the compressor that makes them.
func compressKey(b []byte, best bool, compressor, library string) [32]byte {
	h := sha256.New()
	h.Write(b)
	fmt.Fprintf(h, "\x00%t\x00%s\x00%s", best, compressor, library)
	var key [32]byte
	h.Sum(key[:0])
	return key
}

// previousCopies returns the compressed copies of name in the previous
// build's folder when that build had the same bytes for it. The caller
// has checked that the same compressor made them.
func previousCopies(prev, name string, b []byte) (compressedPair, bool) {
	if prev == "" {
		return compressedPair{}, false
	}
	file := filepath.Join(prev, filepath.FromSlash(name))
	if info, err := os.Stat(file); err != nil || info.Size() != int64(len(b)) {
		return compressedPair{}, false
	}
	old, err := os.ReadFile(file)
	if err != nil || !bytes.Equal(old, b) {
		return compressedPair{}, false
	}
	br, err1 := os.ReadFile(file + ".br")
	gz, err2 := os.ReadFile(file + ".gz")
	if err1 != nil || err2 != nil || len(br) == 0 || len(gz) == 0 {
		return compressedPair{}, false
	}
	return compressedPair{br: br, gz: gz}, true
}

// The disk cache of compressed copies, like Go's build cache: one file per
// content and compressor (compressKey) under cacheDir()/compressed, so a
// build into an empty folder, or of pages that were there before, does
// not compress them again. A file holds both copies: compressMagic, the
// brotli copy's length (8 bytes, big-endian), the SHA-256 of both copies,
// then the brotli and the gzip copy; a damaged or cut file fails the
// checksum and is made again, so it never reaches a browser. A file used
// gets a new modification time (at most once an hour); files unused for
// cacheMaxAge are removed, looked for at most once a day.
const (
	compressMagic       = "rgz1"
	compressHeader      = len(compressMagic) + 8 + sha256.Size
	cacheUsedResolution = time.Hour
	cacheMaxAge         = 5 * 24 * time.Hour
	cacheTrimInterval   = 24 * time.Hour
)

// compressCacheFile is where the copies keyed by key are kept.
func compressCacheFile(key [32]byte) string {
	return filepath.Join(cacheDir(), "compressed", hex.EncodeToString(key[:2]), hex.EncodeToString(key[:]))
}

// readCompressed reads both copies from the disk cache and checks them.
func readCompressed(file string) (compressedPair, bool) {
	f, err := os.Open(file)
	if err != nil {
		return compressedPair{}, false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() || info.Size() < int64(compressHeader) || info.Size() > 1<<30 {
		return compressedPair{}, false
	}
	data := make([]byte, info.Size())
	if _, err := io.ReadFull(f, data); err != nil || string(data[:len(compressMagic)]) != compressMagic {
		return compressedPair{}, false
	}
	n := binary.BigEndian.Uint64(data[len(compressMagic):])
	body := data[compressHeader:]
	if n > uint64(len(body)) || sha256.Sum256(body) != [32]byte(data[len(compressMagic)+8:compressHeader]) {
		return compressedPair{}, false
	}
	// Mark it used, at most once per cacheUsedResolution so a build does
	// not write for every file it reads.
	if time.Since(info.ModTime()) > cacheUsedResolution {
		now := time.Now()
		os.Chtimes(file, now, now)
	}
	return compressedPair{br: body[:n:n], gz: body[n:]}, true
}

func writeCompressed(file string, pair compressedPair) {
	dir := filepath.Dir(file)
	if os.MkdirAll(dir, 0o755) != nil {
		return
	}
	data := make([]byte, compressHeader, compressHeader+len(pair.br)+len(pair.gz))
	copy(data, compressMagic)
	binary.BigEndian.PutUint64(data[len(compressMagic):], uint64(len(pair.br)))
	data = append(append(data, pair.br...), pair.gz...)
	sum := sha256.Sum256(data[compressHeader:])
	copy(data[len(compressMagic)+8:], sum[:])
	tmp, err := os.CreateTemp(dir, filepath.Base(file)+".tmp-*")
	if err != nil {
		return
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), file) != nil {
		os.Remove(tmp.Name())
	}
}

// trimCompressCache removes the cache files unused for cacheMaxAge, at
// most once per cacheTrimInterval (the time of the last trim is kept in
// the file trim.txt).
func trimCompressCache() {
	root := filepath.Join(cacheDir(), "compressed")
	mark := filepath.Join(root, "trim.txt")
	now := time.Now()
	if b, err := os.ReadFile(mark); err == nil {
		if t, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64); err == nil && now.Sub(time.Unix(t, 0)) < cacheTrimInterval {
			return
		}
	}
	if _, err := os.Stat(root); err != nil {
		return
	}
	cutoff := now.Add(-cacheMaxAge)
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == mark {
			return nil
		}
		if info, err := d.Info(); err == nil && info.ModTime().Before(cutoff) {
			os.Remove(p)
		}
		return nil
	})
	os.WriteFile(mark, []byte(strconv.FormatInt(now.Unix(), 10)+"\n"), 0o644)
}

// brotliBytes compresses b with brotli at the given quality (0–11).
func brotliBytes(b []byte, quality int) []byte {
	var buf bytes.Buffer
	w := brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: quality, LGWin: brotliWindow})
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// gzipLevel compresses b deterministically: no name or time in the
// header, so the same bytes give the same .gz file.
func gzipLevel(b []byte, level int) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, level) // the levels used are valid
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}
