package readability

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Abbreviations that end in a period but do not end a sentence. Those in
// listEnders can close an enumeration ("bemiddelen e.d. De gemeente …"):
// they end the sentence when a capital follows.
var (
	abbreviations = map[string]bool{
		// Dutch
		"bijv.": true, "bv.": true, "b.v.": true, "o.a.": true, "art.": true, "artt.": true,
		"evt.": true, "dwz.": true, "d.w.z.": true, "zgn.": true, "z.g.n.": true,
		"e.d.": true, "e.a.": true, "nr.": true, "nrs.": true, "enz.": true, "etc.": true,
		"m.b.t.": true, "mbt.": true, "i.p.v.": true, "ipv.": true, "i.v.m.": true, "ivm.": true,
		"t.a.v.": true, "tav.": true, "o.b.v.": true, "z.s.m.": true, "zsm.": true, "incl.": true,
		"excl.": true, "ca.": true, "resp.": true, "jl.": true, "dhr.": true, "mevr.": true,
		"mr.": true, "drs.": true, "ir.": true, "dr.": true, "prof.": true, "ing.": true,
		"blz.": true, "pag.": true, "p.": true, "vs.": true, "max.": true, "min.": true,
		"tel.": true, "o.m.": true, "a.s.": true, "jr.": true, "sr.": true, "m.a.w.": true,
		"n.a.v.": true, "t.z.t.": true, "i.c.m.": true, "c.q.": true, "e.v.": true, "m.i.v.": true,
		"m.u.v.": true, "o.g.v.": true, "i.o.m.": true, "t.b.v.": true, "tbv.": true, "a.u.b.": true,
		"z.o.z.": true,
		// English
		"e.g.": true, "i.e.": true, "mrs.": true, "ms.": true, "no.": true, "approx.": true,
		"para.": true, "st.": true, "cf.": true,
	}
	listEnders = map[string]bool{"enz.": true, "etc.": true, "e.d.": true, "e.a.": true, "e.v.": true}
)

// reMarker matches a list marker at the start of a line: "- ", "* ", "• ",
// "1. ", "1) ", "a. ", "a) ".
var reMarker = regexp.MustCompile(`^(?:[-*•·–]\s+|\d{1,3}[.)]\s+|[a-z][.)]\s+)`)

// Split cuts text into sentences. Paragraphs are separated by a blank line;
// a line that starts with a list marker is a list item. A heading or a list
// item without a final period is a sentence of its own. Periods in
// abbreviations ("bijv.", "o.a.", "art."), in numbers ("€ 1.050,00") and in
// initials ("H. Brandenburgh") do not end a sentence. List markers are
// left out of the sentences.
func Split(text string) []string {
	var out []string
	for _, unit := range units(text) {
		out = append(out, sentences(unit)...)
	}
	return out
}

// units returns the paragraphs, list items and headings of text, each on
// one line.
func units(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\u00a0", " ")
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
			cur = nil
		}
	}
	lines := strings.Split(text, "\n")
	for i, raw := range lines {
		line := strings.Join(strings.Fields(raw), " ")
		if line == "" {
			flush()
			continue
		}
		if m := reMarker.FindString(line); m != "" && (len(cur) == 0 || startsItem(m)) {
			flush()
			line = strings.TrimSpace(line[len(m):])
			if line == "" {
				continue
			}
		}
		cur = append(cur, line)
		// A short line without closing punctuation followed by a line
		// that starts with a capital is a heading: "Maatwerk\nEen …".
		if i+1 < len(lines) && isHeadingLine(line) && startsUpper(strings.TrimSpace(lines[i+1])) {
			flush()
		}
	}
	flush()
	return out
}

// startsItem tells a list marker from a sentence that goes on over a line
// break and happens to start with "a. " or a number: inside a paragraph
// only bullets and numbers start an item.
func startsItem(marker string) bool {
	r, _ := utf8.DecodeRuneInString(marker)
	return !unicode.IsLetter(r)
}

func isHeadingLine(line string) bool {
	if len(strings.Fields(line)) > 8 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	return !strings.ContainsRune(".,;:!?)", last) && !unicode.IsLower(firstRune(line))
}

func startsUpper(s string) bool {
	return unicode.IsUpper(firstRune(s))
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// closers may follow the final punctuation of a sentence.
const closers = `.!?"”’')]»…`

// sentences splits one unit (paragraph, item, heading) at sentence ends.
func sentences(unit string) []string {
	var out []string
	start := 0
	for i := 0; i < len(unit); {
		r, size := utf8.DecodeRuneInString(unit[i:])
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += size
			continue
		}
		end := i + size
		for end < len(unit) {
			c, sz := utf8.DecodeRuneInString(unit[end:])
			if !strings.ContainsRune(closers, c) {
				break
			}
			end += sz
		}
		if end < len(unit) && unit[end] != ' ' {
			i = end // "1.050", "o.a.", "www.x.nl": inside a token
			continue
		}
		if r == '.' && !endsSentence(unit[start:i+size], unit[end:]) {
			i = end
			continue
		}
		if s := strings.TrimSpace(unit[start:end]); s != "" {
			out = append(out, s)
		}
		start = end
		i = end
	}
	if s := strings.TrimSpace(unit[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// endsSentence decides for a period whether it ends the sentence, from the
// text up to and including the period and the text after it.
func endsSentence(before, after string) bool {
	token := before
	if k := strings.LastIndexAny(before, " (‘“'\"/"); k >= 0 {
		token = before[k+1:]
	}
	lower := strings.ToLower(token)
	next := strings.TrimLeft(after, " ")
	nextRune := firstRune(next)
	if next == "" {
		return true
	}
	if abbreviations[lower] || isDottedAbbreviation(lower) {
		return listEnders[lower] && unicode.IsUpper(nextRune)
	}
	// A single capital and a period is an initial: "H. Brandenburgh".
	if rs := []rune(token); len(rs) == 2 && unicode.IsUpper(rs[0]) {
		return false
	}
	// An unknown abbreviation is followed by a lower-case word.
	return !unicode.IsLower(nextRune)
}

// isDottedAbbreviation matches "o.a.", "d.w.z.", "m.b.t.": letters each
// followed by a period.
func isDottedAbbreviation(s string) bool {
	rs := []rune(s)
	if len(rs) < 4 || len(rs)%2 != 0 {
		return false
	}
	for i, r := range rs {
		if i%2 == 0 && !unicode.IsLetter(r) || i%2 == 1 && r != '.' {
			return false
		}
	}
	return true
}

// reWordPattern finds words: letters and digits, joined by a hyphen, apostrophe,
// slash, or a period or comma between digits ("re-integratie",
// "collega's", "t/m", "1.050,00", "o.a"); a trailing hyphen stays with the
// word ("IOAW- of IOAZ-uitkering"). wordSpans finds them without the
// regexp engine.
const reWordPattern = `[\p{L}\p{N}]+(?:(?:[-'’/]|[.,](?:\p{N}|\p{L}\.))[\p{L}\p{N}]*)*-?`

// Words returns the words of a sentence.
func Words(sentence string) []string {
	spans := wordSpans(sentence)
	out := make([]string, 0, len(spans))
	for _, sp := range spans {
		w := strings.TrimRight(sentence[sp[0]:sp[1]], ".,'’/")
		if w != "" && w != "-" {
			out = append(out, w)
		}
	}
	return out
}
