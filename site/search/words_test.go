package search

import (
	"fmt"
	"slices"
	"testing"
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
