package site

import (
	"path"
	"strings"
	"testing"
)

// relativeURLSplit is relativeURL as first written, with the paths split
// into slices; FuzzRelativeURL holds relativeURL to it.
func relativeURLSplit(from, target string) string {
	frag := ""
	if i := strings.IndexByte(target, '#'); i >= 0 {
		target, frag = target[:i], target[i:]
	}
	if target == "" {
		return frag
	}
	if target == from && frag != "" {
		return frag
	}
	split := func(p string) []string {
		p = strings.Trim(p, "/")
		if p == "" {
			return nil
		}
		return strings.Split(p, "/")
	}
	f := split(path.Dir(from + "x"))
	t := split(path.Clean(target))
	i := 0
	for i < len(f) && i < len(t) && f[i] == t[i] {
		i++
	}
	var parts []string
	for range f[i:] {
		parts = append(parts, "..")
	}
	parts = append(parts, t[i:]...)
	rel := "./"
	if len(parts) > 0 {
		rel = strings.Join(parts, "/")
	}
	if strings.HasSuffix(target, "/") && !strings.HasSuffix(rel, "/") {
		rel += "/"
	}
	return rel + frag
}

// TestRelativeURL: the shortest link from a page to another, a file, the
// same page's anchor, the root.
func TestRelativeURL(t *testing.T) {
	for _, tc := range []struct{ from, target, want string }{
		{"/artikel/6/", "/artikel/7/#lid-1", "../7/#lid-1"},
		{"/artikel/6/", "/artikel/6/#lid-1", "#lid-1"},
		{"/artikel/6/", "/artikel/6/", "./"},
		{"/artikel/6/", "/", "../../"},
		{"/", "/", "./"},
		{"/", "/zoeken/", "zoeken/"},
		{"/en/wat-past-bij-mij/a1-b0/", "/en/wat-past-bij-mij/", "../"},
		{"/leesbaarheid/artikel/3/", "/css/regelgids.f5.css", "../../../css/regelgids.f5.css"},
		{"/voorzieningen/", "/voorzieningen/uitstroompremie/", "uitstroompremie/"},
		{"/404.html", "/zoeken/", "zoeken/"},
	} {
		if got := relativeURL(tc.from, tc.target); got != tc.want {
			t.Errorf("relativeURL(%q, %q) = %q, want %q", tc.from, tc.target, got, tc.want)
		}
		if got := relativeURLSplit(tc.from, tc.target); got != tc.want {
			t.Errorf("relativeURLSplit(%q, %q) = %q, want %q", tc.from, tc.target, got, tc.want)
		}
	}
}

// FuzzRelativeURL: relativeURL gives what splitting the paths gives, for
// any two strings.
func FuzzRelativeURL(f *testing.F) {
	for _, s := range [][2]string{
		{"/artikel/6/", "/artikel/7/#lid-1"}, {"/", "/"}, {"/a/b", "/a/b/c/"}, {"a", "b/../c"},
		{"//a//b/", "/a/./b/#x"}, {"/en/x/", "/en/"}, {"", ""}, {"/a/", "#"}, {"/a/b/", "."},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, from, target string) {
		if got, want := relativeURL(from, target), relativeURLSplit(from, target); got != want {
			t.Fatalf("relativeURL(%q, %q) = %q, want %q", from, target, got, want)
		}
	})
}
