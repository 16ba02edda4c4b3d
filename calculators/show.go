package calculators

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxShown is the most characters of an input that a message quotes: a
// message names what is wrong but never echoes a long input back.
const maxShown = 40

// show returns input text to quote in a message: at most maxShown
// characters, with "…" when there was more, and with control characters,
// invisible formatting characters (such as a right-to-left override) and
// invalid UTF-8 replaced by U+FFFD, so a message cannot hide text or steer a
// terminal.
func show(s string) string { return showN(s, maxShown) }

// showN is show with a limit of n characters.
func showN(s string, n int) string {
	var b strings.Builder
	count := 0
	for i := 0; i < len(s); {
		if count == n {
			b.WriteString("…")
			break
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			r = utf8.RuneError
		}
		b.WriteRune(r)
		i += size
		count++
	}
	return b.String()
}

// showBytes is show for raw input, which may be very long: only its start
// is converted.
func showBytes(b []byte) string {
	const enough = 4 * (maxShown + 1) // bytes for maxShown+1 runes
	if len(b) > enough {
		return show(string(b[:enough]))
	}
	return show(string(b))
}
