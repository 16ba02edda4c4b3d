package search

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
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

// FuzzASCIIWords: on ASCII text asciiWords finds bleve's words.
func FuzzASCIIWords(f *testing.F) {
	for _, s := range []string{
		"De gemeente betaalt € 1.250,50 per maand.", "e.g. don't a:b 1,2;3 1.2.3 a.1 1.a a,b 1:2",
		"a_b _ __ _1 1_ a_.b 1_,2 a'.b a.b. 'a' x1.2y", "Artikel 6, lid 2\r\nonder a\tb", "",
		"...", "a..b", "1;;2", "3'4 a'b' 'c", "A.B.C. U.S.A", "\x00a\x7fb\x1b",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// s as it is, and with every byte made ASCII, so that most inputs
		// test the fast path.
		b := []byte(s)
		for i := range b {
			b[i] &= 0x7f
		}
		for _, s := range []string{s, string(b)} {
			got, ok := asciiWords(s)
			ascii := true
			for i := range len(s) {
				ascii = ascii && s[i] < utf8.RuneSelf
			}
			if ok != ascii {
				t.Fatalf("asciiWords(%q): ok = %t", s, ok)
			}
			if want := segmentedWords(s); ok && !slices.Equal(got, want) {
				t.Fatalf("asciiWords(%q) = %q, bleve's tokenizer: %q", s, got, want)
			}
		}
	})
}

// FuzzAnalyzeWord: analyzeWord gives bleve's terms for a word, in both
// languages; every input is also tried lower-cased and with its bytes
// made ASCII, as the vocabulary's words are.
func FuzzAnalyzeWord(f *testing.F) {
	for _, s := range []string{"uitkeringen", "premies", "the", "de", "running", "cat's", "1.250,50", "e.g", "_", "_1", "a_b", "don't", "x1", "geïnteresseerde"} {
		f.Add(s)
	}
	analyzers := map[string]analysis.Analyzer{}
	for lang := range Languages {
		a, err := bleveAnalyzer(lang)
		if err != nil {
			f.Fatal(err)
		}
		analyzers[lang] = a
	}
	f.Fuzz(func(t *testing.T, s string) {
		b := []byte(strings.ToLower(s))
		for i := range b {
			b[i] &= 0x7f
		}
		for _, w := range []string{s, strings.ToLower(s), string(b)} {
			for lang, a := range analyzers {
				if got, want := analyzeWord(a, w), analyzeTerms(a, w); !slices.Equal(got, want) {
					t.Fatalf("%s: analyzeWord(%q) = %q, the analyzer gives %q", lang, w, got, want)
				}
			}
		}
	})
}
