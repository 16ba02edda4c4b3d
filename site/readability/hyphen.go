package readability

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The Dutch hyphenation patterns of OpenTaal as LibreOffice ships them
// (Debian package hyphen-nl 1:7.5.0-1), unchanged; see data/README.md for
// the licence (BSD-2-clause or CC-BY-3.0) and the attribution.
//
//go:embed data/hyph_nl_NL.dic
var hyphNL []byte

// patterns holds Liang hyphenation patterns: letters → the values between
// them (len(letters)+1 values).
type patterns struct {
	values map[string][]uint8
	maxLen int // longest pattern in runes
}

var (
	nlOnce     sync.Once
	nlPatterns *patterns
)

// Prepare loads now what Analyze needs for texts in lang, the Dutch
// hyphenation patterns (a few milliseconds, once a process), so that a
// caller can do it beside other work instead of in the first Analyze.
func Prepare(lang string) {
	if lang != "en" {
		dutchPatterns()
	}
}

func dutchPatterns() *patterns {
	nlOnce.Do(func() { nlPatterns = parsePatterns(hyphNL) })
	return nlPatterns
}

// parsePatterns reads a hyphen (libhyphen) pattern file: the first line
// names the character set, the others are patterns such as ".aan5" or
// "a4a4". ISO8859-1 files are decoded byte by byte; comments ("%") and
// libhyphen's extensions (lines with "/" or "=") are skipped.
func parsePatterns(data []byte) *patterns {
	text := string(data)
	lines := strings.Split(text, "\n")
	if len(lines) > 0 && strings.Contains(strings.ToUpper(lines[0]), "8859-1") {
		var b strings.Builder
		for _, c := range data {
			b.WriteRune(rune(c))
		}
		lines = strings.Split(b.String(), "\n")
	}
	// Read at the start of every process that counts Dutch syllables
	// (16,000 patterns): the map is made at its size and the values of
	// all patterns share one array, rather than two small slices each.
	p := &patterns{values: make(map[string][]uint8, len(lines))}
	vals := make([]uint8, 0, len(text)+len(lines)) // at most a value per byte and one more per line
	var letters []byte
	for i, line := range lines {
		line = strings.TrimSpace(line)
		if i == 0 || line == "" || strings.HasPrefix(line, "%") || strings.ContainsAny(line, "/=") {
			continue
		}
		letters = letters[:0]
		n, start := 0, len(vals)
		pending := uint8(0)
		for _, r := range line {
			if r >= '0' && r <= '9' {
				pending = uint8(r - '0')
				continue
			}
			vals = append(vals, pending)
			pending = 0
			letters = utf8.AppendRune(letters, r)
			n++
		}
		vals = append(vals, pending)
		if n == 0 {
			vals = vals[:start]
			continue
		}
		p.values[string(letters)] = vals[start:len(vals):len(vals)]
		if n > p.maxLen {
			p.maxLen = n
		}
	}
	return p
}

// breaks returns, for a lower-case word, whether a hyphen may stand before
// each rune (index 0 is always false). No minimum number of letters before
// or after a break is applied: the syllable counter needs every boundary
// the patterns know, also "a-" in "a-part".
func (p *patterns) breaks(word []rune) []bool {
	n := len(word)
	// The padded word as a string with the byte offset of each rune, so
	// that each candidate pattern is a substring and looking it up
	// allocates nothing.
	padded := "." + string(word) + "."
	at := make([]int, 0, n+3)
	for i := range padded {
		at = append(at, i)
	}
	at = append(at, len(padded))
	runes := len(at) - 1
	score := make([]uint8, runes+1)
	for i := range runes {
		for j := i + 1; j <= runes && j-i <= p.maxLen; j++ {
			vals, ok := p.values[padded[at[i]:at[j]]]
			if !ok {
				continue
			}
			for k, v := range vals {
				if v > score[i+k] {
					score[i+k] = v
				}
			}
		}
	}
	out := make([]bool, n)
	for i := 1; i < n; i++ {
		// score index i+1 is the position before word[i] in padded.
		out[i] = score[i+1]%2 == 1
	}
	return out
}

// Hyphenate splits a Dutch word at the break points of the patterns, for
// tests and for reviewers who want to see why a word got its count.
func Hyphenate(word string) []string {
	rs := []rune(strings.ToLower(word))
	br := dutchPatterns().breaks(rs)
	var parts []string
	start := 0
	for i := 1; i < len(rs); i++ {
		if br[i] && unicode.IsLetter(rs[i-1]) && unicode.IsLetter(rs[i]) {
			parts = append(parts, string(rs[start:i]))
			start = i
		}
	}
	return append(parts, string(rs[start:]))
}
