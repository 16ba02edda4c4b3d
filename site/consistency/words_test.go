package consistency

import "testing"

// FuzzWithWords: an expression of withWords matches no text that its
// words say it cannot match.
func FuzzWithWords(f *testing.F) {
	for _, s := range []string{"een uiterst kwetsbare inwoner", "werkplek OF proefplaats", "Een X is Y als", "ZEER Ernstig", "uiterſt ſlecht", "niets"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, w := range []withWords{reDefinedHere, reIntensified, rePair} {
			if !w.mayMatch(s) && w.re.MatchString(s) {
				t.Fatalf("%v matches %q, which has none of %q", w.re, s, w.words)
			}
		}
	})
}
