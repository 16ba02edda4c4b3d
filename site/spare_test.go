package site_test

import (
	"bytes"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/regelgids/regelgids/content"
	"github.com/regelgids/regelgids/site"
)

// TestBuildSpareSameOutput: builds to one output folder, each bringing
// the spare folder (the site before the previous one) up to date, leave
// exactly what a build into an empty folder leaves, file for file and no
// file more — when a guide changes, when it changes back to the bytes the
// spare still has, when a page goes away and when it comes back.
func TestBuildSpareSameOutput(t *testing.T) {
	t.Parallel()
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	edited := copyFS(t, content.Default())
	guide := edited["gidsen/nl/uitstroompremie.md"]
	guide.Data = append(bytes.TrimRight(guide.Data, "\n"), []byte(" Een zin die er eerst niet stond.\n")...)
	fewer := copyFS(t, content.Default())
	// Without the glossary the site has no glossary pages and no links to
	// them: pages go away and others change.
	for name := range fewer {
		if filepath.Dir(name) == "begrippen" {
			delete(fewer, name)
		}
	}
	versions := []struct {
		name string
		fsys fs.FS
	}{
		{"default", content.Default()},
		{"guide edited", edited},
		{"default again", content.Default()},
		{"guide edited again", edited},
		{"without glossary", fewer},
		{"default once more", content.Default()},
	}
	for _, v := range versions {
		opts := defaultOptions(out)
		opts.Content = v.fsys
		if _, err := site.Build(opts); err != nil {
			t.Fatalf("%s: %v", v.name, err)
		}
		scratch := defaultOptions(filepath.Join(t.TempDir(), "public"))
		scratch.Content = v.fsys
		if _, err := site.Build(scratch); err != nil {
			t.Fatalf("%s from scratch: %v", v.name, err)
		}
		if diff := sameTree(t, out, scratch.Out); diff != "" {
			t.Errorf("%s: the output differs from a build into an empty folder: %s", v.name, diff)
		}
	}
	if _, err := os.Stat(filepath.Join(parent, ".public.prev")); err != nil {
		t.Errorf("no spare folder kept: %v", err)
	}
}

// sameTree returns "" when folders a and b hold the same files with the
// same bytes, else the first difference.
func sameTree(t *testing.T, a, b string) string {
	t.Helper()
	list := func(root string) map[string][]byte {
		files := map[string][]byte{}
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			files[rel], err = os.ReadFile(p)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return files
	}
	x, y := list(a), list(b)
	for _, name := range slices.Sorted(maps.Keys(x)) {
		if w, ok := y[name]; !ok {
			return name + " is one file too many"
		} else if !bytes.Equal(x[name], w) {
			return name + " has other bytes"
		}
	}
	for _, name := range slices.Sorted(maps.Keys(y)) {
		if _, ok := x[name]; !ok {
			return name + " is missing"
		}
	}
	return ""
}

// TestBuildWithoutCompressedCopies: without the copies (build
// --precompress=false) the site has no NAME.br or NAME.gz and _headers
// names no compressor; every other file is the one a build with copies
// makes. A build with copies into the same folder then equals one into
// an empty folder.
func TestBuildWithoutCompressedCopies(t *testing.T) {
	t.Parallel()
	full := generate(t)
	out := filepath.Join(t.TempDir(), "public")
	opts := defaultOptions(out)
	opts.NoCompressedCopies = true
	res, err := site.Build(opts)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for name, want := range full {
		got, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		switch ext := filepath.Ext(name); {
		case ext == ".br" || ext == ".gz":
			if err == nil {
				t.Errorf("%s is written", name)
			}
		case name == site.HeadersFile:
			if err != nil || bytes.Contains(got, []byte("compressor")) || !bytes.Contains(got, []byte("Content-Security-Policy")) {
				t.Errorf("_headers without copies:\n%s", got)
			}
			n++
		default:
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("%s differs from the build with copies (%v)", name, err)
			}
			n++
		}
	}
	if n != res.Files {
		t.Errorf("%d files written, want %d", res.Files, n)
	}
	withCopies := defaultOptions(out)
	if _, err := site.Build(withCopies); err != nil {
		t.Fatal(err)
	}
	scratch := defaultOptions(filepath.Join(t.TempDir(), "public"))
	if _, err := site.Build(scratch); err != nil {
		t.Fatal(err)
	}
	if diff := sameTree(t, out, scratch.Out); diff != "" {
		t.Errorf("with copies after without: %s", diff)
	}
}
