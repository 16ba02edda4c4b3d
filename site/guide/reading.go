package guide

import (
	"github.com/yuin/goldmark/ast"
)

// markReadings puts a link after every parameter whose value rests on a
// reading of an unclear text (Env.Mark), so the reader sees "€ 700 (onze
// lezing)" and can read why. The link goes through Env.Link like any
// other. A parameter inside a link or a heading gets no mark: links do
// not nest, and a heading stays short.
func markReadings(doc ast.Node, mark func(string) (string, string)) {
	if mark == nil {
		return
	}
	var params []*paramNode
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link, *ast.AutoLink, *ast.Heading:
			return ast.WalkSkipChildren, nil
		case *paramNode:
			params = append(params, n)
		}
		return ast.WalkContinue, nil
	})
	for _, p := range params {
		href, text := mark(p.name)
		if href == "" {
			continue
		}
		link := ast.NewLink()
		link.Destination = []byte(href)
		link.AppendChild(link, ast.NewString([]byte("("+text+")")))
		p.Parent().InsertAfter(p.Parent(), p, link)
		p.Parent().InsertAfter(p.Parent(), p, ast.NewString([]byte(" ")))
	}
}
