package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The browser cannot run bleve, so it tokenizes with the rules below, which
// zoeken-engine.js implements character for character. They are the
// Unicode word-boundary rules (UAX #29) that bleve's "unicode" tokenizer
// applies, restricted to the Latin script, digits and the punctuation that
// joins words: the texts of this site are Dutch and English. Tests check
// that these rules split every indexed text exactly as bleve does, and that
// the script agrees with this Go code on any input (FuzzQueryAnalysis).

// Character classes.
const (
	cOther     = iota
	cLetter    // Latin letters (ALetter)
	cDigit     // 0–9 (Numeric)
	cMidLetter // joins letters: a:b
	cMidNumLet // joins letters or digits: a.b, 1.5, d’r
	cMidNum    // joins digits: 1,5
	cExtNumLet // _ (ExtendNumLet): joins anything, is a word by itself
	cExtend    // combining marks, format characters: belong to what precedes
	cBreak     // CR, LF and other line breaks: nothing attaches to them
)

func charClass(r rune) int {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		return cLetter
	case r >= '0' && r <= '9':
		return cDigit
	case r < 0x80:
		switch r {
		case ':':
			return cMidLetter
		case '.', '\'':
			return cMidNumLet
		case ',', ';':
			return cMidNum
		case '_':
			return cExtNumLet
		case '\n', '\r', '\v', '\f':
			return cBreak
		}
		return cOther
	case r < 0x2B0 || r >= 0x1E00 && r <= 0x1EFF:
		if unicode.IsLetter(r) {
			return cLetter
		}
	}
	switch r {
	case 0xB7:
		return cMidLetter
	case 0x2018, 0x2019, 0x2024, 0xFE52, 0xFF07, 0xFF0E:
		return cMidNumLet
	case 0x2044, 0xFE50, 0xFE54, 0xFF0C, 0xFF1B:
		return cMidNum
	case 0x203F, 0x2040, 0x2054, 0xFE33, 0xFE34, 0xFE4D, 0xFE4E, 0xFE4F, 0xFF3F:
		return cExtNumLet
	case 0x85, 0x2028, 0x2029:
		return cBreak
	case 0xAD, 0x200C, 0x200D, 0x200E, 0x200F, 0xFEFF:
		return cExtend
	}
	if r >= 0x300 && r <= 0x36F || r >= 0x202A && r <= 0x202E || r >= 0x2060 && r <= 0x2064 ||
		r >= 0x2066 && r <= 0x206F || r >= 0xFE00 && r <= 0xFE0F || r >= 0xFE20 && r <= 0xFE2F {
		return cExtend
	}
	return cOther
}

// span is a token: its text and its byte offsets in the input.
type span struct {
	Text       string
	Start, End int
}

// unit is one character with the combining marks and format characters
// that follow it (UAX #29 rule WB4).
type unit struct {
	class      int
	start, end int
}

func units(s string) []unit {
	var out []unit
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		c := charClass(r)
		if c == cExtend && len(out) > 0 && out[len(out)-1].class != cBreak && out[len(out)-1].end == i {
			out[len(out)-1].end = i + w
		} else {
			if c == cExtend {
				c = cOther
			}
			out = append(out, unit{class: c, start: i, end: i + w})
		}
		i += w
	}
	return out
}

// tokenize splits s into words as bleve's unicode tokenizer does for Latin
// text. Separators, punctuation and other scripts are dropped.
func tokenize(s string) []span {
	us := units(s)
	var out []span
	for i := 0; i < len(us); {
		c := us[i].class
		if c != cLetter && c != cDigit && c != cExtNumLet {
			i++
			continue
		}
		j := i + 1
		for j < len(us) {
			prev, cur := us[j-1].class, us[j].class
			if cur == cLetter || cur == cDigit || cur == cExtNumLet {
				j++
				continue
			}
			// a joiner between two letters, or between two digits
			if j+1 < len(us) {
				next := us[j+1].class
				if prev == cLetter && next == cLetter && (cur == cMidLetter || cur == cMidNumLet) ||
					prev == cDigit && next == cDigit && (cur == cMidNum || cur == cMidNumLet) {
					j += 2
					continue
				}
			}
			break
		}
		out = append(out, span{Text: s[us[i].start:us[j-1].end], Start: us[i].start, End: us[j-1].end})
		i = j
	}
	return out
}

// lower lowercases a token as bleve's to_lower filter does.
func lower(s string) string {
	return strings.Map(unicode.ToLower, s)
}
