package guide

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Sources gathers the references to the law that stand as sentences of
// their own ("Zie artikel 17, lid 1.", "This is in article 6.") into one
// line at the end of each section, so the text reads calmly and every
// exact article-and-lid link is still there.
type Sources struct {
	// Label starts the line: "Waar staat dit?".
	Label string
	// IsSource reports whether a destination written in the guide is a
	// page of the law (an article, the ordinance, the toelichting).
	IsSource func(dest string) bool
}

// How many words a sentence that only refers may have before its first
// link ("Dit staat in de", "This is in the") and between two links ("en
// in de", "and in the").
const (
	maxLeadWords = 5
	maxJoinWords = 3
)

// gatherSources moves the reference sentences of every paragraph to a
// "sources" paragraph at the end of its section, each destination once,
// in the order they first appear. A reference woven into a sentence stays
// where it is.
func gatherSources(doc ast.Node, src []byte, s *Sources) {
	if s == nil || s.Label == "" || s.IsSource == nil {
		return
	}
	var links []*ast.Link
	seen := map[string]bool{}
	flush := func(before ast.Node) {
		if len(links) == 0 {
			return
		}
		p := ast.NewParagraph()
		p.SetAttributeString("class", []byte("utrecht-paragraph rg-sources"))
		label := ast.NewEmphasis(2)
		label.AppendChild(label, ast.NewString([]byte(s.Label)))
		p.AppendChild(p, label)
		for i, l := range links {
			sep := " "
			if i > 0 {
				sep = "; "
			}
			p.AppendChild(p, ast.NewString([]byte(sep)))
			p.AppendChild(p, l)
		}
		p.AppendChild(p, ast.NewString([]byte(".")))
		if before == nil {
			doc.AppendChild(doc, p)
		} else {
			doc.InsertBefore(doc, before, p)
		}
		links = nil
		clear(seen)
	}
	for c := doc.FirstChild(); c != nil; {
		next := c.NextSibling()
		if _, ok := c.(*ast.Heading); ok {
			flush(c)
		} else {
			var paras []ast.Node // paragraphs, and the text of tight list items
			ast.Walk(c, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				switch n.(type) {
				case *ast.Paragraph, *ast.TextBlock:
					if entering {
						paras = append(paras, n)
					}
					return ast.WalkSkipChildren, nil
				}
				return ast.WalkContinue, nil
			})
			for _, p := range paras {
				for _, l := range takeReferences(p, src, s.IsSource) {
					d := string(l.Destination)
					if !seen[d] {
						seen[d] = true
						links = append(links, l)
					}
				}
			}
		}
		c = next
	}
	flush(nil)
}

// piece is one character position of a paragraph's inline text: a rune of
// a Text or String node (node, byte offset in it), a soft line break at
// the end of a Text (off -1), or a whole other inline node (off -2).
type piece struct {
	node ast.Node
	off  int
	r    rune
}

// Placeholders for inline nodes in the flattened text.
const (
	linkRune  = '\uE000'
	otherRune = '\uE001'
)

// takeReferences removes from the paragraph p the sentences that only
// refer to the law, and the references in brackets ("… past (artikel 3,
// lid 1)."), and returns their links.
func takeReferences(p ast.Node, src []byte, isSource func(string) bool) []*ast.Link {
	// At most a piece per byte of text and two per node: made once, not
	// grown rune by rune.
	size := 0
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		switch n := c.(type) {
		case *ast.Text:
			size += n.Segment.Len()
		case *ast.String:
			size += len(n.Value)
		}
		size += 2
	}
	ps := make([]piece, 0, size)
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		switch n := c.(type) {
		case *ast.Text:
			v := n.Segment.Value(src)
			for i, r := range string(v) {
				ps = append(ps, piece{n, i, r})
			}
			if n.SoftLineBreak() || n.HardLineBreak() {
				ps = append(ps, piece{n, -1, ' '})
			}
		case *ast.String:
			for i, r := range string(n.Value) {
				ps = append(ps, piece{n, i, r})
			}
		case *ast.Link:
			ps = append(ps, piece{n, -2, linkRune})
		default:
			ps = append(ps, piece{n, -2, otherRune})
		}
	}
	// sentences: [start, end), end just after the terminating mark
	type span struct{ start, end int }
	var remove []span
	start := 0
	for i := 0; i <= len(ps); i++ {
		end := i == len(ps)
		if !end {
			r := ps[i].r
			if (r != '.' && r != '?' && r != '!') || (i+1 < len(ps) && !unicode.IsSpace(ps[i+1].r)) {
				continue
			}
		}
		stop := i + 1
		if end {
			stop = len(ps)
		}
		for start < stop && unicode.IsSpace(ps[start].r) {
			start++
		}
		if start < stop && ps[stop-1].r == '.' && !hasBracket(ps[start:stop]) && linksOnly(ps[start:stop], maxLeadWords, src, isSource) {
			remove = append(remove, span{start, stop})
		} else {
			// references in brackets
			for i := start; i < stop; i++ {
				if ps[i].r != '(' || ps[i].off == -2 {
					continue
				}
				j := i + 1
				for j < stop && ps[j].r != ')' && ps[j].r != '(' {
					j++
				}
				if j < stop && ps[j].r == ')' && ps[j].off != -2 && linksOnly(ps[i+1:j], 0, src, isSource) {
					remove = append(remove, span{i, j + 1})
					i = j
				}
			}
		}
		start = stop
	}
	if len(remove) == 0 {
		return nil
	}
	// the whitespace before each removed sentence goes with it; at the
	// start of the paragraph, the whitespace after it
	drop := make([]bool, len(ps))
	for _, s := range remove {
		a, b := s.start, s.end
		for a > 0 && unicode.IsSpace(ps[a-1].r) {
			a--
		}
		if a == 0 {
			for b < len(ps) && unicode.IsSpace(ps[b].r) {
				b++
			}
		}
		for k := a; k < b; k++ {
			drop[k] = true
		}
	}
	// keep, per Text or String node, the one contiguous part not dropped
	type keep struct{ from, to, n int }
	kept := map[ast.Node]*keep{}
	var links []*ast.Link
	var dropped []ast.Node
	for i, pc := range ps {
		switch {
		case pc.off == -2:
			if drop[i] {
				dropped = append(dropped, pc.node)
				if l, ok := pc.node.(*ast.Link); ok {
					links = append(links, l)
				}
			}
		case pc.off == -1:
			if drop[i] {
				t := pc.node.(*ast.Text)
				t.SetSoftLineBreak(false)
				t.SetHardLineBreak(false)
			}
		default:
			k := kept[pc.node]
			if k == nil {
				k = &keep{from: -1}
				kept[pc.node] = k
			}
			k.n++
			if !drop[i] {
				if k.from < 0 {
					k.from = pc.off
				}
				k.to = pc.off + utf8.RuneLen(pc.r)
			}
		}
	}
	for n, k := range kept {
		switch t := n.(type) {
		case *ast.Text:
			if k.from < 0 {
				if t.SoftLineBreak() || t.HardLineBreak() {
					t.Segment = text.NewSegment(t.Segment.Start, t.Segment.Start)
					continue
				}
				dropped = append(dropped, t)
				continue
			}
			t.Segment = text.NewSegment(t.Segment.Start+k.from, t.Segment.Start+k.to)
		case *ast.String:
			if k.from < 0 {
				dropped = append(dropped, t)
				continue
			}
			t.Value = t.Value[k.from:k.to]
		}
	}
	for _, n := range dropped {
		p.RemoveChild(p, n)
	}
	// an empty paragraph goes, and so do a list item and a list it leaves
	// empty
	if p.FirstChild() == nil || strings.TrimSpace(inlineText(p, src)) == "" {
		for n := p; ; {
			parent := n.Parent()
			if parent == nil {
				break
			}
			parent.RemoveChild(parent, n)
			_, item := parent.(*ast.ListItem)
			_, list := parent.(*ast.List)
			if (!item && !list) || parent.FirstChild() != nil {
				break
			}
			n = parent
		}
	}
	return links
}

// linksOnly reports whether ps only refers to the law: at most lead
// words ("Zie", "Dit staat in de"), then links to the law that name a
// number ("artikel 17, lid 1"), joined by at most three words ("en in de",
// "and the"), then only punctuation; nothing else (emphasis, code, an
// image) and no number outside the links.
func linksOnly(ps []piece, lead int, src []byte, isSource func(string) bool) bool {
	links, words, inWord := 0, 0, false
	for _, pc := range ps {
		switch {
		case pc.r == linkRune && pc.off == -2:
			l := pc.node.(*ast.Link)
			if !isSource(string(resolveDest(l.Destination))) || !strings.ContainsAny(inlineText(l, src), "0123456789") {
				return false
			}
			if (links == 0 && words > lead) || (links > 0 && words > maxJoinWords) {
				return false
			}
			links++
			words, inWord = 0, false
		case pc.r == otherRune && pc.off == -2:
			return false
		case unicode.IsDigit(pc.r):
			return false
		case unicode.IsLetter(pc.r):
			if !inWord {
				words++
			}
			inWord = true
		default:
			inWord = false
		}
	}
	return links > 0 && words == 0
}

// hasBracket reports whether ps has a bracket outside its links: a
// sentence with a reference in brackets is more than a reference.
func hasBracket(ps []piece) bool {
	for _, pc := range ps {
		if pc.off != -2 && (pc.r == '(' || pc.r == ')') {
			return true
		}
	}
	return false
}

// inlineText is the plain text of a paragraph's inline nodes.
func inlineText(p ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(p, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			b.Write(n.Segment.Value(src))
		case *ast.String:
			b.Write(n.Value)
		case *ast.Image:
			b.WriteString("x")
			return ast.WalkSkipChildren, nil
		case *ast.Link:
			if n != p {
				b.WriteString("x")
				return ast.WalkSkipChildren, nil
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
