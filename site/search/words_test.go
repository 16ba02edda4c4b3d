package search

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestTextWords: a remembered text gives bleveWords' words, a changed text
// its own, and the memo keeps at most two generations.
func TestTextWords(t *testing.T) {
	for _, s := range []string{"De gemeente betaalt de uitstroompremie.", "De gemeente betaalt de uitstroompremie!", "", "Één 1.250,50 euro"} {
		want := bleveWords(s)
		if got := textWords(s); !slices.Equal(got, want) {
			t.Errorf("textWords(%q) = %q, want %q", s, got, want)
		}
		if got := textWords(s); !slices.Equal(got, want) {
			t.Errorf("remembered textWords(%q) = %q, want %q", s, got, want)
		}
	}
	for i := range 3*wordsLimit + 5 {
		textWords(fmt.Sprint("tekst ", i))
	}
	wordsMemo.mu.Lock()
	n := len(wordsMemo.cur) + len(wordsMemo.prev)
	wordsMemo.mu.Unlock()
	if n > 2*wordsLimit {
		t.Errorf("memo holds %d texts, want at most %d", n, 2*wordsLimit)
	}
}

// FuzzWordsByLine: in valid UTF-8 a line break always ends a word, so the
// words of a text are the words of its lines one after the other
// (newVocabulary reads each distinct line once). An invalid byte before a
// line break can join them.
func FuzzWordsByLine(f *testing.F) {
	for _, s := range []string{"De gemeente\nbetaalt", "a\r\nb", "1.250,\n50 euro", "don'\nt", "x\n\ny", "é\u0301\nz", "re-\nintegratie", "\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		var byLine []string
		for _, line := range strings.Split(s, "\n") {
			byLine = append(byLine, bleveWords(line)...)
		}
		if want := bleveWords(s); !slices.Equal(byLine, want) {
			t.Fatalf("words of %q line by line: %q, whole: %q", s, byLine, want)
		}
	})
}
