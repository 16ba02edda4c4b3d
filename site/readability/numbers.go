package readability

import (
	"regexp"
	"strconv"
	"strings"
)

// Numbers are words too: a reader says "zeshonderd" for "600". They count
// as one word with the syllables of the spoken number, so "€ 1.050,00"
// weighs as "duizend vijftig" and not as one short word.

var (
	reNumberNL = regexp.MustCompile(`^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+|-))?([a-z]*)$`)
	reNumberEN = regexp.MustCompile(`^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?([a-z]*)$`)
)

func numberSyllables(word, lang string) (int, bool) {
	w := strings.TrimRight(word, "%")
	if w == "" || !isDigit(rune(w[0])) {
		return 0, false
	}
	re, sep := reNumberNL, "."
	if lang == "en" {
		re, sep = reNumberEN, ","
	}
	m := re.FindStringSubmatch(w)
	if m == nil {
		// Dates and ranges ("01-07-2024", "16/17"): every number in it.
		total := 0
		for _, f := range strings.FieldsFunc(w, func(r rune) bool { return !isDigit(r) }) {
			n, _ := numberSyllables(f, lang)
			total += n
		}
		if total == 0 {
			return 0, false
		}
		return total, true
	}
	whole, err := strconv.ParseInt(strings.ReplaceAll(m[1], sep, ""), 10, 64)
	if err != nil || whole >= 1e12 {
		return len(m[1]), true
	}
	n := spokenSyllables(whole, lang)
	if frac := strings.TrimRight(m[2], "0"); frac != "" && frac != "-" {
		// "komma vijf" / "point five": the word and the digits.
		f, _ := strconv.ParseInt(frac, 10, 64)
		n += 2 + spokenSyllables(f, lang)
	}
	// A suffix such as "8a" or "27ste" is read as letters or as an
	// ordinal ending: one syllable.
	if m[3] != "" {
		n++
	}
	return n, true
}

// isDigit accepts ASCII digits only, as the number patterns do.
func isDigit(r rune) bool { return r >= '0' && r <= '9' }

var (
	nlUnits = [20]int{1, 1, 1, 1, 1, 1, 1, 2, 1, 2, 1, 1, 1, 2, 2, 2, 2, 3, 2, 3}
	nlTens  = [10]int{0, 1, 2, 2, 2, 2, 2, 3, 2, 3}
	enUnits = [20]int{2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 3, 1, 2, 2, 2, 2, 3, 2, 2}
	enTens  = [10]int{0, 1, 2, 2, 2, 2, 2, 3, 2, 2}
)

// spokenSyllables counts the syllables of n as it is read aloud, for
// integers below 10^12: "zevenentwintig" 5, "twenty-seven" 3.
func spokenSyllables(n int64, lang string) int {
	units, tens := nlUnits, nlTens
	if lang == "en" {
		units, tens = enUnits, enTens
	}
	if n < 20 {
		return units[n]
	}
	const hundred, thousand, million = 2, 2, 2 // hon-derd, dui-zend, mil-joen; hun-dred, thou-sand, mil-lion
	total := 0
	for _, step := range []struct {
		size  int64
		words int
	}{{1e9, 3}, {1e6, million}, {1e3, thousand}} {
		if n >= step.size {
			q := n / step.size
			// "duizend", not "een duizend", in Dutch; "one thousand" in English.
			if q > 1 || lang == "en" {
				total += spokenSyllables(q, lang)
			}
			total += step.words
			n %= step.size
		}
	}
	if n >= 100 {
		q := n / 100
		if q > 1 || lang == "en" {
			total += units[q]
		}
		total += hundred
		n %= 100
	}
	switch {
	case n == 0:
	case n < 20:
		total += units[n]
	default:
		total += tens[n/10]
		if u := n % 10; u > 0 {
			total += units[u]
			if lang == "nl" {
				total++ // "en" in "eenentwintig"
			}
		}
	}
	return total
}
