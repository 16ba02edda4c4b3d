package readability

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"testing"
)

var reWord = regexp.MustCompile(reWordPattern)

// regexpSpans are the pattern's matches, which wordSpans must equal.
func regexpSpans(s string) [][2]int {
	var out [][2]int
	for _, m := range reWord.FindAllStringIndex(s, -1) {
		out = append(out, [2]int{m[0], m[1]})
	}
	return out
}

var scanCases = []string{
	"", "re-integratie", "collega's", "t/m", "€ 1.050,00", "o.a. de gemeente", "o.a", "IOAW- of IOAZ-uitkering",
	"a--b", "a-", "-a", "x.y.z.", "1.2.3,4", "a,b", "a,1", "a.b", "a.b.", "a.bc.", "a.b.c.d", "1.", "1,", "1,-",
	"d.w.z. dat", "www.x.nl", "jan’s", "ge\u0308ïnd", "٣٤٥ Ⅻ x²", "a\xffb", "a.\xff.", "a.é.", "A.B.-C",
	"Artikel 17, lid 1, onderdeel a. De gemeente: (zie art. 3)!", "2024/2025", "50%", "‘quote’ “x”",
}

func TestWordSpansMatchRegexp(t *testing.T) {
	texts := append([]string(nil), scanCases...)
	// Every guide as well: real text with every kind of word.
	for _, lang := range []string{"nl", "en"} {
		names, _ := filepath.Glob(filepath.Join(content, "gidsen", lang, "*.md"))
		for _, n := range names {
			b, err := os.ReadFile(n)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(b))
		}
	}
	if len(texts) == len(scanCases) {
		t.Fatal("no guides found")
	}
	for _, s := range texts {
		if got, want := wordSpans(s), regexpSpans(s); !reflect.DeepEqual(got, want) {
			t.Errorf("wordSpans(%.60q) = %v, regexp %v", s, got, want)
		}
	}
}

func FuzzWordSpans(f *testing.F) {
	for _, s := range scanCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := wordSpans(s), regexpSpans(s); !reflect.DeepEqual(got, want) {
			t.Errorf("wordSpans(%q) = %v, regexp %v", s, got, want)
		}
	})
}
