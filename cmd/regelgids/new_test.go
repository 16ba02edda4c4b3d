package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNew: regelgids new writes a folder that build accepts at once, and
// refuses what it cannot do with a message naming the file or folder.
func TestNew(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "mijn-gemeente")
	stdout, stderr, code := run(t, "new", dir, "--from", ordinanceFile)
	if code != 0 || stderr != "" {
		t.Fatalf("new: exit %d, stderr %q", code, stderr)
	}
	for _, want := range []string{"metadata.yaml", "parameters.yaml", "verordening.txt", "README.md", "28 parameters to review"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	out := filepath.Join(tmp, "public")
	stdout, stderr, code = run(t, "build", "--content", dir, "--out", out)
	if code != 0 {
		t.Fatalf("build: exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Error(err)
	}

	for _, tc := range []struct {
		name string
		args []string
		want []string
	}{
		{"existing folder", []string{"new", dir, "--from", ordinanceFile}, []string{dir, "already exists"}},
		{"no --from", []string{"new", filepath.Join(tmp, "a")}, []string{"--from FILE is required"}},
		{"missing file", []string{"new", filepath.Join(tmp, "b"), "--from", filepath.Join(tmp, "geen.txt")}, []string{"geen.txt"}},
		{"folder as file", []string{"new", filepath.Join(tmp, "c"), "--from", tmp}, []string{tmp}},
		{"no DIR", []string{"new", "--from", ordinanceFile}, []string{"accepts 1 arg"}},
	} {
		_, stderr, code := run(t, tc.args...)
		if code != 1 {
			t.Errorf("%s: exit %d, want 1", tc.name, code)
		}
		for _, w := range tc.want {
			if !strings.Contains(stderr, w) {
				t.Errorf("%s: stderr %q lacks %q", tc.name, stderr, w)
			}
		}
	}
	for _, n := range []string{"a", "b", "c"} {
		if _, err := os.Lstat(filepath.Join(tmp, n)); err == nil {
			t.Errorf("%s was written by a refused command", n)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(tmp, ".regelgids-new-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary folders left: %v", leftovers)
	}
}

// TestNewXML: from a CVDR XML file the ordinance is kept as regeling.xml.
func TestNewXML(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "kampen")
	_, stderr, code := run(t, "new", dir, "--from", "../../site/ordinance/cvdr/testdata/CVDR100394_2.xml")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	meta, err := os.ReadFile(filepath.Join(dir, "metadata.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"municipality: Kampen", "text: regeling.xml", "identifier: CVDR100394"} {
		if !strings.Contains(string(meta), want) {
			t.Errorf("metadata.yaml lacks %q", want)
		}
	}
	if _, stderr, code := run(t, "parse", "--content", dir); code != 0 {
		t.Errorf("parse --content: exit %d, stderr %q", code, stderr)
	}
}
