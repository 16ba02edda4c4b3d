package site

import (
	"bytes"
	"errors"
	"fmt"
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
			if got := listDir(t, parent); strings.Join(got, " ") != "public" {
				t.Errorf("left beside the output: %q", got)
			}
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
	want := append(append([]string{}, keep...), "public")
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
	if got := listDir(t, parent); strings.Join(got, " ") != "public" {
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
	if got := listDir(t, parent); strings.Join(got, " ") != "public" {
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

// TestWriteAtomicKeepsUnchanged: a file whose bytes did not change is the
// previous build's file (same inode, not rewritten); a changed file, also
// one changed by hand to other bytes of the same size, is written anew; a
// file is never shared through a symbolic link in the previous site or with
// a second name elsewhere; a failed build leaves the previous site as it
// was.
func TestWriteAtomicKeepsUnchanged(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	elsewhere := filepath.Join(t.TempDir(), "elsewhere")
	v1 := Output{
		"index.html":         []byte("same"),
		"changed.html":       []byte("before"),
		"by-hand.html":       []byte("original"),
		"deep/er/same.wasm":  bytes.Repeat([]byte("wasm"), 300000), // larger than one read
		"linked/file.txt":    []byte("through a link"),
		"backup/page.html":   []byte("also named elsewhere"),
		"deep/er/other.html": []byte("other"),
	}
	if err := WriteAtomic(out, v1); err != nil {
		t.Fatal(err)
	}
	// The previous site as a person might leave it: a file edited in place
	// (same size), a folder swapped for a link to the same files
	// elsewhere, a file with a second name.
	if err := os.WriteFile(filepath.Join(out, "by-hand.html"), []byte("ORIGINAL"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(elsewhere, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(elsewhere, "file.txt"), v1["linked/file.txt"], 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(out, "linked")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(elsewhere, filepath.Join(out, "linked")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	if err := os.Link(filepath.Join(out, "backup/page.html"), filepath.Join(elsewhere, "page.html")); err != nil {
		t.Skipf("no hard links here: %v", err)
	}
	stat := func(name string) os.FileInfo {
		t.Helper()
		info, err := os.Stat(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		return info
	}
	before := map[string]os.FileInfo{}
	for name := range v1 {
		before[name] = stat(name)
	}
	outside, err := os.Stat(filepath.Join(elsewhere, "file.txt"))
	if err != nil {
		t.Fatal(err)
	}

	v2 := Output{}
	for name, b := range v1 {
		v2[name] = b
	}
	v2["changed.html"] = []byte("after")
	if err := WriteAtomic(out, v2); err != nil {
		t.Fatal(err)
	}
	sameSite(t, out, v2)
	for name, want := range map[string]bool{
		"index.html": true, "deep/er/same.wasm": true, "deep/er/other.html": true,
		"changed.html": false, "by-hand.html": false, "linked/file.txt": false, "backup/page.html": false,
	} {
		if got := os.SameFile(before[name], stat(name)); got != want {
			t.Errorf("%s: kept from the previous build = %v, want %v", name, got, want)
		}
	}
	if info, err := os.Lstat(filepath.Join(out, "linked")); err != nil || !info.IsDir() {
		t.Errorf("linked/ is not a folder of its own in the new site: %v %v", info, err)
	}
	if os.SameFile(outside, stat("linked/file.txt")) {
		t.Error("linked/file.txt shares the file outside the site")
	}

	// A failed build: the previous site stays as it was, the files it
	// shares with the failed one included.
	snap := snapshotTree(t, out)
	bad := Output{"index.html": []byte("same"), "deep/er/same.wasm": v2["deep/er/same.wasm"], "index.html/x": []byte("a file in a file's place")}
	if err := WriteAtomic(out, bad); err == nil {
		t.Fatal("a build with a file in a file's place succeeded")
	}
	if got := snapshotTree(t, out); got != snap {
		t.Errorf("the previous site changed after a failed build:\n%s\nwant\n%s", got, snap)
	}
	if got := listDir(t, parent); strings.Join(got, " ") != "public" {
		t.Errorf("left beside the output: %q", got)
	}
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
