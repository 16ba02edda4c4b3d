package site_test

import (
	"bytes"
	"runtime"
	"sort"
	"testing"
	"testing/fstest"

	"github.com/regelgids/regelgids/content"
	"github.com/regelgids/regelgids/site"
)

// sameOutput reports the files in which two builds differ.
func sameOutput(t *testing.T, what string, got, want site.Output) {
	t.Helper()
	var diff []string
	for name, b := range want {
		if !bytes.Equal(got[name], b) {
			diff = append(diff, name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			diff = append(diff, name+" (extra)")
		}
	}
	sort.Strings(diff)
	if len(diff) > 0 {
		t.Errorf("%s: %d files differ, first %q", what, len(diff), diff[:min(5, len(diff))])
	}
}

// editedGuide is the default content with one sentence added to a guide.
func editedGuide(t *testing.T, sentence string) fstest.MapFS {
	fsys := copyFS(t, content.Default())
	const g = "gidsen/nl/uitstroompremie.md"
	fsys[g] = &fstest.MapFile{Data: append(bytes.TrimRight(fsys[g].Data, "\n"), []byte(" "+sentence+"\n")...)}
	return fsys
}

// TestCacheSameOutput: a build on one core, on every core, and with a
// Cache of earlier builds (also after an edit, and after undoing it) are
// byte for byte the same as a build from scratch of the same content.
func TestCacheSameOutput(t *testing.T) {
	gen := func(opts site.Options) site.Output {
		t.Helper()
		_, out, err := site.Generate(opts)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	opts := defaultOptions("")
	prev := runtime.GOMAXPROCS(1)
	one := gen(opts)
	runtime.GOMAXPROCS(max(prev, 2))
	defer runtime.GOMAXPROCS(prev)
	all := gen(opts)
	sameOutput(t, "GOMAXPROCS=1 and 2", all, one)

	cache := site.NewCache()
	cached := opts
	cached.Cache = cache
	sameOutput(t, "first build with a cache", gen(cached), one)
	sameOutput(t, "second build with a cache", gen(cached), one)

	edited := opts
	edited.Content = editedGuide(t, "Deze zin is er bij gekomen.")
	fresh := gen(edited)
	sameOutput(t, "edit: the edited site is not the old one", fresh, fresh)
	if bytes.Equal(fresh["voorzieningen/uitstroompremie/index.html"], one["voorzieningen/uitstroompremie/index.html"]) {
		t.Fatal("the edit did not change the guide's page")
	}
	edited.Cache = cache
	sameOutput(t, "edited guide with the cache", gen(edited), fresh)
	sameOutput(t, "edit undone with the cache", gen(cached), one)
}
