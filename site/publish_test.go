package site

import (
	"bytes"
	"encoding/gob"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// version is a small site whose every file says which version it is and
// ends like a page, so a reader can tell a whole file of one version from
// anything else.
func version(n int) Output {
	out := Output{}
	page := func(name string) []byte {
		return fmt.Appendf(nil, "<!DOCTYPE html><title>%s</title><p>version %d%s</html>\n", name, n, strings.Repeat(" padding", 500))
	}
	out["index.html"] = page("index")
	out["404.html"] = page("404")
	for i := range 8 {
		out[fmt.Sprintf("artikel/%d/index.html", i)] = page(fmt.Sprint(i))
	}
	return out
}

// listDir names what is in dir, sorted.
func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

// sameSite checks that dir holds exactly the files of out.
func sameSite(t *testing.T, dir string, out Output) {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		n++
		rel, _ := filepath.Rel(dir, p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if want, ok := out[filepath.ToSlash(rel)]; !ok || !bytes.Equal(b, want) {
			return fmt.Errorf("%s: not the written file", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != len(out) {
		t.Fatalf("%s holds %d files, want %d", dir, n, len(out))
	}
}

// leftBeside names what is in parent besides the output "public", its
// spare and the spare's index, which a build keeps on purpose
// (publish_spare.go).
func leftBeside(t *testing.T, parent string) string {
	t.Helper()
	var left []string
	for _, name := range listDir(t, parent) {
		if name != "public" && name != ".public.prev" && name != ".public.files" {
			left = append(left, name)
		}
	}
	return strings.Join(left, " ")
}

// exchangeWorks reports whether the filesystem under dir can exchange two
// folders in one step.
func exchangeWorks(t *testing.T, dir string) bool {
	a, b := filepath.Join(dir, "probe-a"), filepath.Join(dir, "probe-b")
	os.Mkdir(a, 0o755)
	os.Mkdir(b, 0o755)
	defer os.Remove(a)
	defer os.Remove(b)
	return exchange(a, b) == nil
}

// TestWriteAtomicAlwaysComplete: while WriteAtomic replaces the site 20
// times, a reader that keeps opening out/index.html never misses it and
// never reads part of a file.
func TestWriteAtomicAlwaysComplete(t *testing.T) {
	for _, fallback := range []bool{false, true} {
		t.Run(map[bool]string{false: "exchange", true: "two renames"}[fallback], func(t *testing.T) {
			root := t.TempDir()
			parent := filepath.Join(root, "site")
			out := filepath.Join(parent, "public")
			if !fallback && !exchangeWorks(t, root) {
				t.Skipf("%s cannot exchange folders in one step", root)
			}
			if fallback {
				exchangeFolders = func(a, b string) error { return errNoExchange }
				defer func() { exchangeFolders = exchange }()
			}
			if err := WriteAtomic(out, version(0)); err != nil {
				t.Fatal(err)
			}
			var reads, misses atomic.Int64
			stop := make(chan struct{})
			done := make(chan struct{})
			go func() {
				defer close(done)
				for {
					select {
					case <-stop:
						return
					default:
					}
					b, err := os.ReadFile(filepath.Join(out, "index.html"))
					reads.Add(1)
					if err != nil || !bytes.HasSuffix(b, []byte("</html>\n")) {
						misses.Add(1)
					}
				}
			}()
			for i := 1; i <= 20; i++ {
				if err := WriteAtomic(out, version(i)); err != nil {
					t.Fatal(err)
				}
			}
			close(stop)
			<-done
			sameSite(t, out, version(20))
			if got := leftBeside(t, parent); got != "" {
				t.Errorf("left beside the output: %q", got)
			}
			sameSite(t, filepath.Join(parent, ".public.prev"), version(19))
			if got := listDir(t, root); strings.Join(got, " ") != "site" {
				t.Errorf("written outside the output's parent: %q", got)
			}
			t.Logf("%d reads, %d missed", reads.Load(), misses.Load())
			if !fallback && misses.Load() > 0 {
				t.Errorf("%d of %d reads found no whole index.html", misses.Load(), reads.Load())
			}
			if reads.Load() < 20 {
				t.Errorf("only %d reads: the reader did not overlap the writes", reads.Load())
			}
		})
	}
}

// TestWriteAtomicRefuses: an output that is a file or a symbolic link is
// refused with a clear message and left as it was, and nothing is left
// beside it.
func TestWriteAtomicRefuses(t *testing.T) {
	cases := []struct {
		name  string
		setup func(t *testing.T, root, out string)
		want  string
	}{
		{"file", func(t *testing.T, root, out string) {
			os.WriteFile(out, []byte("keep me"), 0o644)
		}, "exists and is not a folder"},
		{"link to a folder", func(t *testing.T, root, out string) {
			os.Mkdir(filepath.Join(root, "elsewhere"), 0o755)
			os.WriteFile(filepath.Join(root, "elsewhere", "index.html"), []byte("keep me"), 0o644)
			os.Symlink(filepath.Join(root, "elsewhere"), out)
		}, "is a symbolic link"},
		{"link to a file", func(t *testing.T, root, out string) {
			os.WriteFile(filepath.Join(root, "elsewhere"), []byte("keep me"), 0o644)
			os.Symlink(filepath.Join(root, "elsewhere"), out)
		}, "is a symbolic link"},
		{"dangling link", func(t *testing.T, root, out string) {
			os.Symlink(filepath.Join(root, "nowhere"), out)
		}, "is a symbolic link"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if runtime.GOOS == "windows" && strings.Contains(c.name, "link") {
				t.Skip("symbolic links need privileges on Windows")
			}
			root := t.TempDir()
			parent := filepath.Join(root, "parent")
			os.Mkdir(parent, 0o755)
			out := filepath.Join(parent, "public")
			c.setup(t, root, out)
			before := snapshotTree(t, root)
			err := WriteAtomic(out, version(1))
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), out) {
				t.Fatalf("error = %v, want one naming %s with %q", err, out, c.want)
			}
			if after := snapshotTree(t, root); after != before {
				t.Errorf("changed the files:\nbefore:\n%s\nafter:\n%s", before, after)
			}
		})
	}
	for _, out := range []string{".", "/", "public/.."} {
		if err := WriteAtomic(out, version(1)); err == nil || !strings.Contains(err.Error(), "name a folder") {
			t.Errorf("WriteAtomic(%q): %v", out, err)
		}
	}
}

// snapshotTree describes every file, folder and link below root.
func snapshotTree(t *testing.T, root string) string {
	t.Helper()
	var b strings.Builder
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		switch {
		case d.Type()&os.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			fmt.Fprintf(&b, "%s -> %s\n", rel, target)
		case d.IsDir():
			fmt.Fprintf(&b, "%s/\n", rel)
		default:
			data, _ := os.ReadFile(p)
			fmt.Fprintf(&b, "%s %q\n", rel, data)
		}
		return nil
	})
	return b.String()
}

// TestWriteAtomicRemovesStale: temporary folders that killed builds left
// beside the output are removed by the next build; nothing else is.
func TestWriteAtomicRemovesStale(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if err := WriteAtomic(out, version(0)); err != nil {
		t.Fatal(err)
	}
	stale := []string{".public.new-123", ".public.new-4567.old", ".public.new-89"}
	keep := []string{".public.new-abc", ".public.new-", ".public.new-1.old.keep", ".other.new-1", "public.new-1", ".public.new-1x", "notes.txt"}
	for _, name := range append(append([]string{}, stale...), keep...) {
		if strings.HasSuffix(name, ".txt") {
			os.WriteFile(filepath.Join(parent, name), []byte("x"), 0o644)
			continue
		}
		os.MkdirAll(filepath.Join(parent, name, "artikel"), 0o755)
		os.WriteFile(filepath.Join(parent, name, "artikel", "index.html"), []byte("old"), 0o644)
	}
	if err := WriteAtomic(out, version(1)); err != nil {
		t.Fatal(err)
	}
	want := append(append([]string{}, keep...), "public", ".public.prev", ".public.files")
	sort.Strings(want)
	if got := listDir(t, parent); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("after the build:\n%q\nwant\n%q", got, want)
	}
	sameSite(t, out, version(1))
}

// TestWriteAtomicConcurrent: builds to the same folder at the same time
// take turns; each succeeds, the folder ends up whole and nothing is left
// beside it.
func TestWriteAtomicConcurrent(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 5 {
				errs <- WriteAtomic(out, version(10*w+i))
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	b, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	var n int
	fmt.Sscanf(string(b[bytes.Index(b, []byte("version ")):]), "version %d", &n)
	sameSite(t, out, version(n))
	if got := leftBeside(t, parent); got != "" {
		t.Errorf("left beside the output: %q", got)
	}
}

// TestWriteAtomicSiblingProcess: a build in another process that is still
// writing keeps its temporary folder; once that process is killed, the
// next build removes what it left.
func TestWriteAtomicSiblingProcess(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "js" || runtime.GOOS == "wasip1" {
		t.Skip("needs the unix file lock")
	}
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if err := WriteAtomic(out, version(0)); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperSlowBuild$")
	cmd.Env = append(os.Environ(), "REGELGIDS_SLOW_BUILD="+out)
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	var sibling string
	for deadline := time.Now().Add(10 * time.Second); sibling == "" && time.Now().Before(deadline); {
		for _, name := range listDir(t, parent) {
			if isTemp(name, "public") {
				sibling = filepath.Join(parent, name)
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	if sibling == "" {
		t.Fatal("the sibling build did not start")
	}
	done := make(chan error, 1)
	go func() { done <- WriteAtomic(out, version(1)) }()
	select {
	case err := <-done:
		t.Fatalf("WriteAtomic did not wait for the sibling build: %v", err)
	case <-time.After(300 * time.Millisecond):
	}
	if _, err := os.Stat(sibling); err != nil {
		t.Fatalf("the live sibling's folder was touched: %v", err)
	}
	cmd.Process.Kill()
	cmd.Wait()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("WriteAtomic still waits after the sibling died")
	}
	if _, err := os.Stat(sibling); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the killed sibling's folder %s is still there", sibling)
	}
	sameSite(t, out, version(1))
	if got := leftBeside(t, parent); got != "" {
		t.Errorf("left beside the output: %q", got)
	}
}

// TestHelperSlowBuild is the sibling process of
// TestWriteAtomicSiblingProcess: it takes the output's lock, starts a
// temporary folder as WriteAtomic does and waits to be killed.
func TestHelperSlowBuild(t *testing.T) {
	out := os.Getenv("REGELGIDS_SLOW_BUILD")
	if out == "" {
		t.Skip("helper process")
	}
	parent, base := filepath.Split(out)
	if _, locked, err := lockOutput(filepath.Clean(parent), base); err != nil || !locked {
		t.Fatalf("lock: %v", err)
	}
	tmp, err := os.MkdirTemp(parent, tempPrefix(base)+"*")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(tmp, "index.html"), []byte("half"), 0o644)
	time.Sleep(time.Minute)
}

// TestWriteAtomicKeepsUnchanged: a file whose bytes did not change keeps
// its modification time from build to build (what rsync, a CDN upload and
// If-Modified-Since look at), also when the spare folder's copy was
// older; a changed file gets a new one, also when its bytes are those of
// two builds ago. Whatever a person did to the output or the spare — a
// file edited in place with the same size, a file with a second name
// elsewhere, a folder swapped for a link, a file added — is undone by the
// build after, never followed or kept; a failed build leaves the previous
// site as it was.
func TestWriteAtomicKeepsUnchanged(t *testing.T) {
	if !haveInodes {
		t.Skip("every build writes a new folder here")
	}
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	spare := filepath.Join(parent, ".public.prev")
	elsewhere := t.TempDir()
	v1 := Output{
		"index.html":         []byte("same"),
		"changed.html":       []byte("before"),
		"by-hand.html":       []byte("original"),
		"deep/er/same.wasm":  bytes.Repeat([]byte("wasm"), 300000), // larger than one read
		"linked/file.txt":    []byte("through a link"),
		"backup/page.html":   []byte("also named elsewhere"),
		"deep/er/other.html": []byte("other"),
	}
	with := func(o Output, name, data string) Output {
		n := Output{}
		maps.Copy(n, o)
		n[name] = []byte(data)
		return n
	}
	mtime := func(dir, name string) time.Time {
		t.Helper()
		info, err := os.Lstat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return info.ModTime()
	}
	write := func(o Output) {
		t.Helper()
		time.Sleep(20 * time.Millisecond) // a new build has a later time
		if err := WriteAtomic(out, o); err != nil {
			t.Fatal(err)
		}
		sameSite(t, out, o)
	}
	write(v1)
	first := map[string]time.Time{}
	for name := range v1 {
		first[name] = mtime(out, name)
	}
	v2 := with(v1, "changed.html", "after")
	write(v2) // the first spare: v1's folder
	sameSite(t, spare, v1)
	for name := range v1 {
		if got := mtime(out, name); name != "changed.html" && !got.Equal(first[name]) {
			t.Errorf("%s: unchanged, but its time moved from %v to %v", name, first[name], got)
		}
	}
	changedAt := mtime(out, "changed.html")
	if !changedAt.After(first["changed.html"]) {
		t.Errorf("changed.html: changed, but its time stayed %v", changedAt)
	}

	// Now the spare is brought up to date. What a person might have done
	// meanwhile, to the live site (the next spare) and to the spare:
	if err := os.WriteFile(filepath.Join(spare, "by-hand.html"), []byte("ORIGINAL"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(spare, "stray.html"), []byte("added"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(elsewhere, "file.txt"), v1["linked/file.txt"], 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(spare, "linked")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(elsewhere, filepath.Join(spare, "linked")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	if err := os.Link(filepath.Join(spare, "backup/page.html"), filepath.Join(elsewhere, "page.html")); err != nil {
		t.Skipf("no hard links here: %v", err)
	}
	if err := os.WriteFile(filepath.Join(out, "deep/er/stray.txt"), []byte("added to the live site"), 0o644); err != nil {
		t.Fatal(err)
	}
	outside := snapshotTree(t, elsewhere)
	v3 := with(v2, "changed.html", "before") // back to v1's bytes
	write(v3)
	if got := snapshotTree(t, elsewhere); got != outside {
		t.Errorf("the build changed files outside the site:\n%s\nwant\n%s", got, outside)
	}
	if info, err := os.Lstat(filepath.Join(out, "linked")); err != nil || !info.IsDir() {
		t.Errorf("linked/ is not a folder of its own in the new site: %v %v", info, err)
	}
	if got := mtime(out, "changed.html"); !got.After(changedAt) {
		t.Errorf("changed.html: changed back to the spare's bytes, but its time %v is not after the live one's %v", got, changedAt)
	}
	for _, name := range []string{"index.html", "deep/er/same.wasm", "deep/er/other.html"} {
		if got := mtime(out, name); !got.Equal(first[name]) {
			t.Errorf("%s: unchanged for three builds, but its time moved from %v to %v", name, first[name], got)
		}
	}
	write(v3) // the live site with a stray file becomes the spare again
	sameSite(t, spare, v3)
	write(with(v3, "index.html", "new"))
	sameSite(t, spare, v3)

	// A failed build: the previous site stays as it was.
	snap := snapshotTree(t, out)
	bad := Output{"index.html": []byte("same"), "deep/er/same.wasm": v2["deep/er/same.wasm"], "index.html/x": []byte("a file in a file's place")}
	if err := WriteAtomic(out, bad); err == nil {
		t.Fatal("a build with a file in a file's place succeeded")
	}
	if got := snapshotTree(t, out); got != snap {
		t.Errorf("the previous site changed after a failed build:\n%s\nwant\n%s", got, snap)
	}
	if got := leftBeside(t, parent); got != "" {
		t.Errorf("left beside the output: %q", got)
	}
}

// TestWriteAtomicSpareDamaged: a spare or an index that cannot be trusted
// — the index garbled, describing another folder, or the spare replaced by
// a file — is not used, and the site is still written whole.
func TestWriteAtomicSpareDamaged(t *testing.T) {
	for _, damage := range []struct {
		name string
		do   func(parent string) error
	}{
		{"garbled index", func(p string) error {
			return os.WriteFile(filepath.Join(p, ".public.files"), []byte("not an index"), 0o644)
		}},
		{"no index", func(p string) error { return os.Remove(filepath.Join(p, ".public.files")) }},
		{"spare replaced", func(p string) error {
			if err := os.Rename(filepath.Join(p, ".public.prev"), filepath.Join(p, "aside")); err != nil {
				return err
			}
			return os.CopyFS(filepath.Join(p, ".public.prev"), os.DirFS(filepath.Join(p, "aside")))
		}},
		{"spare is a file", func(p string) error {
			if err := os.RemoveAll(filepath.Join(p, ".public.prev")); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(p, ".public.prev"), []byte("x"), 0o644)
		}},
		{"index is a folder", func(p string) error {
			if err := os.Remove(filepath.Join(p, ".public.files")); err != nil {
				return err
			}
			return os.Mkdir(filepath.Join(p, ".public.files"), 0o755)
		}},
	} {
		t.Run(damage.name, func(t *testing.T) {
			parent := t.TempDir()
			out := filepath.Join(parent, "public")
			for i := range 2 {
				if err := WriteAtomic(out, version(i)); err != nil {
					t.Fatal(err)
				}
			}
			if err := damage.do(parent); err != nil {
				t.Fatal(err)
			}
			for i := 2; i < 5; i++ {
				if err := WriteAtomic(out, version(i)); err != nil {
					t.Fatal(err)
				}
			}
			sameSite(t, out, version(4))
		})
	}
}

// FuzzDecodeIndex: whatever is in the index file, reading it neither
// panics nor gives an index of another version.
func FuzzDecodeIndex(f *testing.F) {
	var buf bytes.Buffer
	gob.NewEncoder(&buf).Encode(&siteIndex{Version: indexVersion, Folders: []folderIndex{{Ino: 7, Files: map[string]indexEntry{"a/index.html": {Size: 3}}}}})
	f.Add(buf.Bytes())
	f.Add([]byte("not an index"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if idx := decodeIndex(bytes.NewReader(data)); idx != nil && idx.Version != indexVersion {
			t.Fatalf("version %d accepted", idx.Version)
		}
	})
}

// BenchmarkWriteAtomic writes a site of 200 pages and one 4 MB module over
// its previous build: unchanged (every file linked) and all changed.
func BenchmarkWriteAtomic(b *testing.B) {
	site := func(v int) Output {
		out := Output{"rekenhulp/calculators.wasm": bytes.Repeat([]byte{byte(v)}, 4<<20)}
		for i := range 200 {
			out[fmt.Sprintf("artikel/%d/index.html", i)] = fmt.Appendf(nil, "<p>version %d%s", v, strings.Repeat(" padding", 2000))
		}
		return out
	}
	for _, bc := range []struct {
		name    string
		changed bool
	}{{"unchanged", false}, {"changed", true}} {
		b.Run(bc.name, func(b *testing.B) {
			out := filepath.Join(b.TempDir(), "public")
			v := 0
			if err := WriteAtomic(out, site(v)); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if bc.changed {
					v++
				}
				if err := WriteAtomic(out, site(v)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
