package guide

import (
	"bytes"
	"fmt"
)

// Limits that keep goldmark fast on careless or hostile input. goldmark
// slows down badly on lists and quotes nested thousands deep and
// quadratically on long runs of emphasis and link brackets in one
// paragraph; real guides use three or four levels and a handful of links
// per paragraph. checkLimits enforces both in one linear scan before goldmark
// sees the body.
const (
	// maxDepth is the deepest nesting of lists and block quotes.
	maxDepth = 20
	// maxMarkup is the most of the characters * _ [ ] in one paragraph or
	// list item (shortcodes not counted).
	maxMarkup = 200
)

// checkLimits scans the body once, line by line, and returns the body line
// (counted from 0) and message of the first limit exceeded. bodyLine is
// the file line of the body's first line, for the message. Nesting is
// followed with the CommonMark container rules (nesting), which can be a
// level or two short after lazy continuation lines; a bound from each line
// alone (depthBound) caps what that can let through at 3×maxDepth, which
// goldmark handles quickly.
func checkLimits(body []byte, bodyLine int) (line int, msg string, ok bool) {
	var stack []container
	prevText := false // the previous line may continue lazily
	markup, blockStart := 0, 0
	for n, start := 0, 0; start <= len(body); n++ {
		end := bytes.IndexByte(body[start:], '\n')
		if end < 0 {
			end = len(body)
		} else {
			end += start
		}
		line := body[start:end]
		start = end + 1
		blank := isBlankLine(line)

		// Markup characters per paragraph or list item.
		if blank {
			markup, blockStart = 0, n+1
		} else if startsItem(line) {
			markup, blockStart = 0, n
		}
		if markup += countMarkup(line); markup > maxMarkup {
			if n == blockStart {
				return n, fmt.Sprintf("more than %d of the characters * _ [ ] on this line; split it into shorter paragraphs", maxMarkup), false
			}
			return blockStart, fmt.Sprintf("more than %d of the characters * _ [ ] in the paragraph from this line to line %d; split it into shorter paragraphs with blank lines between them", maxMarkup, bodyLine+n), false
		}

		// Nesting of block quotes and list items.
		var depth int
		depth, stack = nesting(line, stack, blank, prevText)
		if depth > maxDepth {
			return n, fmt.Sprintf("lists or quotes nested %d deep; at most %d levels", depth, maxDepth), false
		}
		if bound := depthBound(line); bound > 3*maxDepth {
			return n, fmt.Sprintf("lists or quotes nested up to %d deep; at most %d levels", bound, maxDepth), false
		}
		prevText = !blank
	}
	return 0, "", true
}

// container is an open block quote or list item.
type container struct {
	quote bool
	// col is, for a list item, the least column its content can start
	// at, counted from the content start of the nearest quote around it
	// (or the line start): goldmark measures indentation in a quote from
	// the quote marker, which need not be at the same column on each line.
	col int
}

// nesting matches one line against the open containers, opens the new ones
// it starts, and returns the depth and the new stack.
//
// Where it cannot tell, it errs on the deep side: a tab is as wide as one
// column where that makes a list item's content start early, and four
// where that makes a line's indentation reach it; any indentation may
// precede a marker (CommonMark makes four spaces code); and a line that
// opens nothing may continue the open containers lazily after any line of
// text. It still loses levels when it takes a lazy continuation line with
// a list marker for a new item, which depthBound covers.
func nesting(line []byte, stack []container, blank, prevText bool) (int, []container) {
	i, base, tabs := 0, 0, 0 // tabs: between base and i
	skip := func() {
		for ; i < len(line) && (line[i] == ' ' || line[i] == '\t'); i++ {
			if line[i] == '\t' {
				tabs++
			}
		}
	}
	matched := 0
	for matched < len(stack) {
		b := stack[matched]
		if b.quote {
			i0, t0 := i, tabs
			if skip(); i < len(line) && line[i] == '>' {
				i++
				base, tabs = i, 0
				matched++
				continue
			}
			i, tabs = i0, t0
			break
		}
		if !blank {
			i0, t0 := i, tabs
			skip()
			indent := i - base + 3*tabs // the widest this indentation can be
			i, tabs = i0, t0
			if indent < b.col {
				break
			}
		}
		matched++
	}
	opened := false
	open := func(c container) {
		if !opened {
			stack, opened = stack[:matched], true
		}
		stack = append(stack, c)
	}
	for {
		skip()
		if i >= len(line) {
			break
		}
		if line[i] == '>' {
			open(container{quote: true})
			i++
			base, tabs = i, 0
			continue
		}
		k := listMarker(line, i)
		if k < 0 {
			break
		}
		open(container{col: k + 1 - base}) // the narrowest the marker can be
		i = k
	}
	if !opened && matched < len(stack) && (blank || !prevText) {
		stack = stack[:matched] // no lazy continuation: the rest closes
	}
	return len(stack), stack
}

// depthBound bounds the nesting goldmark can reach on a line from the line
// alone, for lines that open a container: one level per '>' and list
// marker, and one per two columns of indentation (the least a list item's
// content is indented; a tab may be four). nesting is exact enough for
// guides but a lazy continuation line can make it lose levels; this keeps
// what it can lose small whatever comes before.
func depthBound(line []byte) int {
	markers, cols := 0, 0
	for i := 0; i < len(line); {
		switch line[i] {
		case ' ':
			cols++
			i++
		case '\t':
			cols += 4
			i++
		case '>':
			markers++
			i++
		default:
			k := listMarker(line, i)
			if k < 0 {
				if markers == 0 {
					return 0
				}
				return markers + cols/2
			}
			markers++
			i = k
		}
	}
	if markers == 0 {
		return 0
	}
	return markers + cols/2
}

// listMarker returns the index after a list marker at line[j] ("-", "+",
// "*", or up to nine digits and "." or ")") followed by a space, a tab or
// the end of the line, or -1. A thematic break ("- - -") is no marker.
func listMarker(line []byte, j int) int {
	k := j
	switch c := line[j]; {
	case c == '-' || c == '+' || c == '*':
		if isThematicBreak(line[j:]) {
			return -1
		}
		k++
	case c >= '0' && c <= '9':
		for k < len(line) && k-j < 9 && line[k] >= '0' && line[k] <= '9' {
			k++
		}
		if k >= len(line) || (line[k] != '.' && line[k] != ')') {
			return -1
		}
		k++
	default:
		return -1
	}
	if k < len(line) && line[k] != ' ' && line[k] != '\t' {
		return -1
	}
	return k
}

func isThematicBreak(s []byte) bool {
	c, n := s[0], 0
	if c != '-' && c != '*' && c != '_' {
		return false
	}
	for _, b := range s {
		switch b {
		case c:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

func isBlankLine(line []byte) bool {
	for _, b := range line {
		if b != ' ' && b != '\t' && b != '\r' {
			return false
		}
	}
	return true
}

// startsItem reports whether goldmark surely starts a new list item, and
// so ends the paragraph before it, on this line: a bullet or "1." with
// text after it, indented less than four columns (counting a tab as four)
// from the line start or a quote marker. Otherwise the line may continue
// a paragraph.
func startsItem(line []byte) bool {
	i, w := 0, 0
	for ; i < len(line); i++ {
		switch line[i] {
		case ' ':
			w++
		case '\t':
			w += 4
		case '>':
			if w >= 4 {
				return false
			}
			w = 0
		default:
			if w >= 4 {
				return false
			}
			if c := line[i]; c != '-' && c != '+' && c != '*' && (c != '1' || i+1 >= len(line) || (line[i+1] != '.' && line[i+1] != ')')) {
				return false
			}
			k := listMarker(line, i)
			return k >= 0 && !isBlankLine(line[k:])
		}
	}
	return false
}

// countMarkup counts * _ [ ] outside well-formed shortcodes (parameter
// names have underscores).
func countMarkup(line []byte) int {
	n := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '*', '_', '[', ']':
			n++
		case '{':
			if m := reShortcode.Find(line[i:]); m != nil {
				i += len(m) - 1
			}
		}
	}
	return n
}
