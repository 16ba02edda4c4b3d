package readability

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// TestDutchSyllableAccuracy measures the Dutch syllable counter on the
// hand-made list in testdata/lettergrepen.txt and logs the accuracy; the
// package doc quotes the number.
func TestDutchSyllableAccuracy(t *testing.T) {
	for _, name := range []string{"lettergrepen.txt", "lettergrepen-controle.txt"} {
		t.Run(name, func(t *testing.T) { syllableAccuracy(t, "testdata/"+name) })
	}
}

func syllableAccuracy(t *testing.T, name string) {
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	total, right := 0, 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		word, sylls, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("bad line %q: want word<TAB>syl·la·bles", line)
		}
		want := len(strings.Split(sylls, "·"))
		got := DutchSyllables(word)
		total++
		if got == want {
			right++
		} else {
			t.Logf("miss: %s: got %d, want %d (%s; hyphenation %s)", word, got, want, sylls, strings.Join(Hyphenate(word), "-"))
		}
	}
	if total < 100 {
		t.Fatalf("only %d words in %s; want at least 100", total, name)
	}
	acc := float64(right) / float64(total)
	t.Logf("Dutch syllable accuracy on %s: %d of %d words (%.1f%%)", name, right, total, 100*acc)
	if acc < 0.90 {
		t.Errorf("accuracy %.1f%% is below 90%%", 100*acc)
	}
}
