package project_test

import (
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/regelgids/regelgids/calculators/params"
)

// testDate fixes the amounts the tests see, whatever today is.
var testDate = params.Date{Year: 2025, Month: 7, Day: 1}

// copyFS is an in-memory copy of a content folder, for tests that change it.
func copyFS(t testing.TB, src fs.FS) fstest.MapFS {
	m := fstest.MapFS{}
	err := fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(src, p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}
