package guide

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Text returns the guide body as plain text for readability scoring: each
// heading, paragraph and list item on its own, separated as the reader
// sees them ("\n\n" between blocks, list items as "- item"), links as their
// text, parameters as their values.
func (g *Guide) Text(param func(name string) (string, error)) (string, error) {
	doc := markdown.Parser().Parse(text.NewReader(g.body))
	var b strings.Builder
	var err error
	var inline func(n ast.Node)
	inline = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				b.Write(c.Segment.Value(g.body))
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(c.Value)
			case *paramNode:
				v, perr := param(c.name)
				if perr != nil && err == nil {
					err = &Error{File: g.File, Line: g.lineAt(c.offset), Message: perr.Error()}
				}
				b.WriteString(v)
			default:
				inline(c)
			}
		}
	}
	var block func(n ast.Node)
	block = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c.Kind() {
			case ast.KindHeading, ast.KindParagraph, ast.KindTextBlock:
				if _, item := c.Parent().(*ast.ListItem); item && c.PreviousSibling() == nil {
					b.WriteString("- ")
				}
				inline(c)
				if _, item := c.Parent().(*ast.ListItem); item {
					b.WriteString("\n")
				} else {
					b.WriteString("\n\n")
				}
			default:
				block(c)
			}
		}
		if n.Kind() == ast.KindList {
			b.WriteString("\n")
		}
	}
	block(doc)
	return strings.TrimSpace(b.String()), err
}
