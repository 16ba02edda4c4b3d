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
