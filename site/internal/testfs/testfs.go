// Package testfs holds what tests of several packages do to content folders.
package testfs

import (
	"io/fs"
	"testing"
	"testing/fstest"
)

// Copy is an in-memory copy of a content folder, for tests that change it.
func Copy(t testing.TB, src fs.FS) fstest.MapFS {
	t.Helper()
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
