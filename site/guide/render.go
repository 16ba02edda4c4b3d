package guide

import (
	"bytes"
	"fmt"
	"html/template"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/regelgids/regelgids/site/glossary"
)

// Env resolves what a guide refers to, for one page in one language.
type Env struct {
	// Param returns the formatted value of a parameter ("€ 600").
	Param func(name string) (string, error)
	// Link turns a destination written in the guide (a site path such as
	// "/artikel/17/#lid-1", or an external URL) into the href to print, or
	// says why it is wrong.
	Link func(dest string) (string, error)
	// Glossary marks the first use of each glossary term on the page; nil
	// marks nothing.
	Glossary *glossary.Marker
}

// Render renders the guide body to HTML. Every unresolved parameter or
// link is an error with the guide's file and line.
func (g *Guide) Render(env *Env) (template.HTML, error) {
	md := newMarkdown()
	doc := md.Parser().Parse(text.NewReader(g.body))
	var errs Errors
	fail := func(line int, format string, args ...any) {
		errs = append(errs, &Error{File: g.File, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	section := 0
	var params []*paramNode
	var texts []*ast.Text
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if section < len(sectionIDs) {
				n.SetAttributeString("id", []byte(sectionIDs[section]))
			}
			section++
			return ast.WalkSkipChildren, nil // no glossary links in headings
		case *ast.Link:
			href, err := env.Link(string(n.Destination))
			if err != nil {
				fail(g.lineOf(n), "link %q: %v", n.Destination, err)
			}
			n.Destination = []byte(href)
			n.SetAttributeString("class", []byte("utrecht-link"))
			return ast.WalkSkipChildren, nil // no glossary links inside links
		case *ast.AutoLink:
			if _, err := env.Link(string(n.URL(g.body))); err != nil {
				fail(g.lineOf(n), "link %q: %v", n.URL(g.body), err)
			}
		case *paramNode:
			params = append(params, n)
		case *ast.Text:
			texts = append(texts, n)
		}
		return ast.WalkContinue, nil
	})
	for _, n := range params {
		v, err := env.Param(n.name)
		if err != nil {
			fail(g.lineAt(n.offset), "{{< param %q >}}: %v", n.name, err)
			continue
		}
		n.Parent().ReplaceChild(n.Parent(), n, ast.NewString([]byte(v)))
	}
	if env.Glossary != nil {
		for _, t := range texts {
			markTerms(t, g.body, env.Glossary)
		}
	}
	if len(errs) > 0 {
		return "", errs
	}
	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, g.body, doc); err != nil {
		return "", fmt.Errorf("%s: %w", g.File, err)
	}
	return template.HTML(addClasses(buf.Bytes())), nil
}

// markTerms splits a text node around the first use of glossary terms and
// links each to its entry.
func markTerms(t *ast.Text, src []byte, m *glossary.Marker) {
	value := t.Segment.Value(src)
	pieces := m.Split(string(value))
	if len(pieces) < 2 {
		return
	}
	parent := t.Parent()
	start := t.Segment.Start
	var last ast.Node
	for i, p := range pieces {
		seg := text.NewSegment(start, start+len(p.Text))
		start += len(p.Text)
		txt := ast.NewTextSegment(seg)
		if i == len(pieces)-1 {
			txt.SetSoftLineBreak(t.SoftLineBreak())
			txt.SetHardLineBreak(t.HardLineBreak())
		}
		var node ast.Node = txt
		if p.TermID != "" {
			link := ast.NewLink()
			link.Destination = []byte(m.Href(p.TermID))
			link.SetAttributeString("class", []byte("utrecht-link rg-term"))
			link.AppendChild(link, txt)
			node = link
		}
		if last == nil {
			parent.InsertBefore(parent, t, node)
		} else {
			parent.InsertAfter(parent, last, node)
		}
		last = node
	}
	parent.RemoveChild(parent, t)
}

// addClasses gives the rendered elements their NL Design System classes.
func addClasses(b []byte) []byte {
	r := strings.NewReplacer(
		"<p>", `<p class="utrecht-paragraph">`,
		"<ul>", `<ul class="utrecht-unordered-list">`,
		"<ol>", `<ol class="utrecht-ordered-list">`,
		"<li>", `<li class="utrecht-unordered-list__item">`,
		`<h2 id=`, `<h2 class="utrecht-heading-2" id=`,
	)
	return []byte(r.Replace(string(b)))
}

// paramNode is a {{< param "name" >}} shortcode.
type paramNode struct {
	ast.BaseInline
	name   string
	offset int
}

var kindParam = ast.NewNodeKind("Param")

func (n *paramNode) Kind() ast.NodeKind { return kindParam }

func (n *paramNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Name": n.name}, nil)
}

var reShortcode = regexp.MustCompile(`^\{\{<\s*param\s+"([a-z0-9_.]+)"\s*>\}\}`)

// paramParser reads shortcodes. Anything else starting with "{" is text.
type paramParser struct{}

func (paramParser) Trigger() []byte { return []byte{'{'} }

func (paramParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	m := reShortcode.FindSubmatch(line)
	if m == nil {
		return nil
	}
	block.Advance(len(m[0]))
	return &paramNode{name: string(m[1]), offset: seg.Start}
}

func paramParserPrio() util.PrioritizedValue { return util.Prioritized(paramParser{}, 100) }
