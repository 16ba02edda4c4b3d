package consistency

import (
	"math"
	"strings"
	"unicode"

	"github.com/regelgids/regelgids/site/readability"
)

// Content-word overlap is how the reference check decides what a lid is
// about. Words are reduced to rough stems (below), function words and
// words every lid uses are dropped (also the parties every lid speaks of:
// gemeente, inwoner, werkgever, werknemer), and each shared stem weighs its
// inverse document frequency over the leden of the regeling: a word found
// in one lid weighs ln(N), a word found in half of them ln(2).

// listToken stands for "this lid is a list (has onderdelen)"; a toelichting
// sentence that speaks of an "opsomming" carries it too.
const listToken = "<opsomming>"

var listWords = map[string]bool{"opsomming": true, "opgesomd": true, "opsomt": true, "limitatief": true}

var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`de het een en of van in op te dat die dit deze is zijn wordt worden
		kan kunnen moet moeten aan met voor als om door bij tot uit niet ook wel er hij zij ze hun haar
		u wij we ons dan dus maar omdat zo zoals al nog meer geen wat welke wie waar hoe over naar na
		onder tegen tussen zonder per elk ieder iedere alle andere ander eigen hier daar daarom daarvoor
		hiervoor waarbij waarin waarvoor heeft hebben had was waren zal zullen wil geweest gaan gaat komt
		komen staat staan artikel artikelen lid leden onderdeel wet verordening toelichting gemeente
		inwoner inwoners eerste tweede derde vierde vijfde zesde zevende achtste negende tiende bepaald
		bepaalde geval gevallen sprake wijze manier mogelijk zich zelf daarbij daarmee hiermee waarmee
		dergelijke betreffende bijvoorbeeld echter overigens namelijk uiteraard vooral steeds altijd
		nodig zie regels regel geregeld genoemd vastgelegd bepaling bepalingen dwz zgn evt bijv
		werkgever werkgevers werknemer werknemers geldt gelden`) {
		m[w] = true
	}
	return m
}()

// stems returns the content stems of a text, each with the first word it
// came from (for messages).
func stems(text string) map[string]string {
	out := map[string]string{}
	for _, w := range readability.Words(text) {
		lw := strings.ToLower(w)
		if listWords[lw] {
			out[listToken] = lw + " (een lid met onderdelen)"
			continue
		}
		if s := stem(lw); s != "" {
			if _, ok := out[s]; !ok {
				out[s] = lw
			}
		}
	}
	return out
}

// stem reduces a lower-case word to a rough stem, the same way on both
// sides: "vastgesteld" and "vaststellen" → "vaststel"; "aanvraag" and
// "aanvragen" → "anvrag"; "begrenzing" → "begrens". Numbers keep their
// digits ("2.100,00" → "2100"). Stopwords and words under three letters
// give "".
func stem(w string) string {
	if stopwords[w] {
		return ""
	}
	if unicode.IsDigit([]rune(w)[0]) {
		n := strings.ReplaceAll(w, ".", "")
		n = strings.TrimSuffix(strings.TrimSuffix(n, ",00"), ",-")
		return n
	}
	if len([]rune(w)) < 3 || !isLetters(w) {
		return ""
	}
	// Participles: "vastgesteld" → "vaststeld", "ingezet" → "inzet".
	if len(w) >= 7 && (strings.HasSuffix(w, "d") || strings.HasSuffix(w, "t") || strings.HasSuffix(w, "en")) {
		for _, p := range []string{"aan", "af", "bij", "door", "in", "mee", "na", "om", "op", "over", "toe", "uit", "vast", "voor", "weg", "terug", ""} {
			if strings.HasPrefix(w, p+"ge") && len(w) > len(p)+4 {
				w = p + w[len(p)+2:]
				break
			}
		}
	}
	for _, suf := range []string{"ingen", "ing", "heden", "heid", "elijk", "lijk", "en", "e", "s", "t", "d"} {
		if suf == "s" && strings.HasSuffix(w, "s") && len(w) > 1 && !strings.ContainsRune("aeiouylr", rune(w[len(w)-2])) {
			continue // "grens", "kans": the s is part of the word
		}
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 4 {
			w = strings.TrimSuffix(w, suf)
			break
		}
	}
	if strings.HasSuffix(w, "e") && len(w) >= 5 {
		w = strings.TrimSuffix(w, "e") // "premies" → "premie" → "premi"
	}
	// Double letters: "stell" → "stel", "vraag" → "vrag".
	var b strings.Builder
	var prev rune
	for _, r := range w {
		if r == prev {
			continue
		}
		b.WriteRune(r)
		prev = r
	}
	w = b.String()
	switch {
	case strings.HasSuffix(w, "z"):
		w = strings.TrimSuffix(w, "z") + "s"
	case strings.HasSuffix(w, "v"):
		w = strings.TrimSuffix(w, "v") + "f"
	}
	if stopwords[w] {
		return ""
	}
	return w
}

func isLetters(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '-' {
			return false
		}
	}
	return true
}

func idf(df map[string]int, n int) map[string]float64 {
	out := make(map[string]float64, len(df))
	for s, d := range df {
		out[s] = math.Log(float64(n) / float64(d))
	}
	return out
}

// match reports whether two stems are the same word or one is part of the
// other (compounds: "formulier" in "aanvraagformulier").
func match(a, b string) bool {
	if a == b {
		return true
	}
	if strings.HasPrefix(a, "<") || strings.HasPrefix(b, "<") {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	return len([]rune(a)) >= 5 && strings.Contains(b, a)
}

// overlap scores how well a lid's stems cover the stems of a toelichting
// passage and returns the shared stems, heaviest first.
func (c *checker) overlap(passage map[string]string, l *lid) (float64, []string) {
	score := 0.0
	type hit struct {
		stem string
		w    float64
	}
	var hits []hit
	for s := range passage {
		best := 0.0
		for t := range l.stems {
			if match(s, t) && c.idf[t] > best {
				best = c.idf[t]
			}
		}
		if best > 0 {
			score += best
			hits = append(hits, hit{s, best})
		}
	}
	// Heaviest first, then by name, so messages are stable.
	for i := 1; i < len(hits); i++ {
		for j := i; j > 0 && (hits[j].w > hits[j-1].w || hits[j].w == hits[j-1].w && hits[j].stem < hits[j-1].stem); j-- {
			hits[j], hits[j-1] = hits[j-1], hits[j]
		}
	}
	words := make([]string, len(hits))
	for i, h := range hits {
		words[i] = passage[h.stem]
	}
	return score, words
}
