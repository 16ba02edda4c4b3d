package search

import (
	"strings"
	"testing"
)

// FuzzCollapse: collapse is strings.Join(strings.FieldsFunc(s, isSpace), " "),
// also for invalid UTF-8.
func FuzzCollapse(f *testing.F) {
	for _, s := range []string{"", " ", "a b", " a  b ", "a\u00a0\u00a0b", "\u2003a\tb\n", "a \xff b", "a\u3000", "\x85 a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := collapse(s), strings.Join(strings.FieldsFunc(s, isSpace), " "); got != want {
			t.Fatalf("collapse(%q) = %q, want %q", s, got, want)
		}
	})
}
