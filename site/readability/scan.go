package readability

import (
	"unicode"
	"unicode/utf8"
)

// wordSpans returns the byte spans of the words of s, exactly the matches
// of reWordPattern (TestWordSpansMatchRegexp and FuzzWordSpans hold it to
// that). A hand-written scan: the regexp backtracks on every character and
// was a tenth of a build.
//
// The pattern's loop is greedy and nothing after it can fail, so a word is
// a run of letters and digits followed by as many joins as there are: a
// hyphen, apostrophe or slash with the letters and digits after it; a
// period or comma before a digit, or before a letter and a period ("o.a.").
func wordSpans(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isAlnum(r) {
			i += n
			continue
		}
		start := i
		i = alnumRun(s, i)
		for i < len(s) {
			c, n := utf8.DecodeRuneInString(s[i:])
			switch c {
			case '-', '\'', '’', '/':
				i = alnumRun(s, i+n)
				continue
			case '.', ',':
				next, m := utf8.DecodeRuneInString(s[i+n:])
				if i+n < len(s) && unicode.IsNumber(next) {
					i = alnumRun(s, i+n+m)
					continue
				}
				if i+n < len(s) && unicode.IsLetter(next) && i+n+m < len(s) && s[i+n+m] == '.' {
					i = alnumRun(s, i+n+m+1)
					continue
				}
			}
			break
		}
		out = append(out, [2]int{start, i})
	}
	return out
}

// alnumRun returns the end of the run of letters and digits at i.
func alnumRun(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isAlnum(r) {
			break
		}
		i += n
	}
	return i
}

// isAlnum is the pattern's [\p{L}\p{N}]. Bytes that are not UTF-8 decode
// as U+FFFD, which is neither, as in the regexp.
func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}
