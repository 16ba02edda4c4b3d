package guide

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
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
	// Mark, when set, returns the link and text of the mark that follows a
	// parameter whose value rests on a reading ("(onze lezing)"), or "".
	Mark func(name string) (href, text string)
	// Sources gathers the sentences that only refer to the law into one
	// line per section; nil leaves them where they are.
	Sources *Sources
}

// Render renders the guide body to HTML. Every unresolved parameter or
// link is an error with the guide's file and line.
func (g *Guide) Render(env *Env) (template.HTML, error) {
	doc := markdown.Parser().Parse(text.NewReader(g.body))
	var errs Errors
	fail := func(line int, format string, args ...any) {
		errs = append(errs, &Error{File: g.File, Line: line, Message: fmt.Sprintf(format, args...)})
	}
	markReadings(doc, env.Mark)
	// Parameters first, wherever they are: text, emphasis, link text.
	replaceParams(doc, func(n *paramNode) ast.Node {
		v, err := env.Param(n.name)
		if err != nil {
			fail(g.lineAt(n.offset), "%s: %v", canonical(n.name), err)
		}
		return ast.NewString([]byte(v))
	})
	gatherSources(doc, g.body, env.Sources)
	section := 0
	var texts []*ast.Text
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if g.structure != nil && section < len(g.structure.Sections) {
				n.SetAttributeString("id", []byte(g.structure.Sections[section].ID))
			}
			section++
			return ast.WalkSkipChildren, nil // no glossary links in headings
		case *ast.Link:
			dest := resolveDest(n.Destination)
			href, err := env.Link(string(dest))
			if err != nil {
				fail(g.lineOf(n), "link %q: %v", dest, err)
			}
			n.Destination = escapeDest(href)
			n.SetAttributeString("class", []byte("utrecht-link"))
			return ast.WalkSkipChildren, nil // no glossary links inside links
		case *ast.AutoLink:
			if _, err := env.Link(string(n.URL(g.body))); err != nil {
				fail(g.lineOf(n), "link %q: %v", n.URL(g.body), err)
			}
		case *ast.Text:
			texts = append(texts, n)
		}
		return ast.WalkContinue, nil
	})
	if env.Glossary != nil {
		for _, t := range texts {
			markTerms(t, g.body, env.Glossary)
		}
	}
	if len(errs) > 0 {
		return "", errs.err()
	}
	var buf bytes.Buffer
	if err := markdown.Renderer().Render(&buf, g.body, doc); err != nil {
		return "", &Error{File: g.File, Line: g.bodyLine, Message: err.Error()}
	}
	// Parse refuses every "{{" in the guide itself; this catches one that
	// a parameter value brings in (goldmark percent-encodes braces in link
	// addresses).
	if bytes.Contains(buf.Bytes(), []byte("{{")) {
		line := g.bodyLine
		if n, _ := braces(g.body, doc); n != nil {
			line = g.bracesLine(n)
		}
		return "", &Error{File: g.File, Line: line, Message: `the page would show "{{" (from the value of a parameter); a page may not show template syntax`}
	}
	return template.HTML(addClasses(buf.Bytes())), nil
}

// replaceParams replaces every parameter node in the tree by the node
// value returns for it.
func replaceParams(doc ast.Node, value func(*paramNode) ast.Node) {
	var params []*paramNode
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if p, ok := n.(*paramNode); ok && entering {
			params = append(params, p)
		}
		return ast.WalkContinue, nil
	})
	for _, p := range params {
		p.Parent().ReplaceChild(p.Parent(), p, value(p))
	}
}

// firstParam returns the first parameter node under n, or nil.
func firstParam(n ast.Node) *paramNode {
	var found *paramNode
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if p, ok := c.(*paramNode); ok && entering {
			found = p
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// braces returns the deepest node whose HTML contains "{{", or nil: the
// node itself shows it (code, a link title), or "{{" starts in the child
// before it.
func braces(src []byte, n ast.Node) (ast.Node, error) {
	var buf bytes.Buffer
	render := func(n ast.Node) ([]byte, error) {
		buf.Reset()
		err := markdown.Renderer().Render(&buf, src, n)
		return buf.Bytes(), err
	}
	out, err := render(n)
	if err != nil || !bytes.Contains(out, []byte("{{")) {
		return nil, err
	}
outer:
	for {
		brace := false // the previous child ended with "{"
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			out, err := render(c)
			if err != nil {
				return nil, err
			}
			if bytes.Contains(out, []byte("{{")) {
				n = c
				continue outer
			}
			if brace && bytes.HasPrefix(out, []byte("{")) {
				return c, nil
			}
			if len(out) > 0 {
				brace = out[len(out)-1] == '{'
			}
		}
		return n, nil
	}
}

// bracesLine returns the line of the "{{" that braces found in n.
func (g *Guide) bracesLine(n ast.Node) int {
	if n.Type() == ast.TypeBlock {
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			// Code blocks show their lines as written.
			if bytes.Contains(seg.Value(g.body), []byte("{{")) {
				return g.lineAt(seg.Start)
			}
		}
	}
	return g.lineOf(n)
}

// bracesMsg says why the HTML of n shows "{{".
func bracesMsg(n ast.Node) string {
	for p := n; p != nil; p = p.Parent() {
		switch p.(type) {
		case *ast.CodeSpan, *ast.CodeBlock, *ast.FencedCodeBlock:
			return `"{{" in code: a shortcode in backticks or a code block is printed as written, not replaced; remove the backticks`
		case *ast.Link, *ast.AutoLink, *ast.Image:
			if p == n {
				return `"{{" in a link address or title: shortcodes are replaced only in the text`
			}
		}
	}
	return `the page would show "{{" (written as \{ or as an entity such as &#123;); guide text may not contain "{{"`
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
	return []byte(classAdder.Replace(string(b)))
}

var classAdder = strings.NewReplacer(
	"<p>", `<p class="utrecht-paragraph">`,
	"<ul>", `<ul class="utrecht-unordered-list">`,
	"<ol>", `<ol class="utrecht-ordered-list">`,
	"<li>", `<li class="utrecht-unordered-list__item">`,
	`<h2 id=`, `<h2 class="utrecht-heading-2" id=`,
)

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

// paramRenderer refuses a parameter node that was not replaced: Render
// replaces them all, so this only turns a bug into an error, not a panic.
type paramRenderer struct{}

func (paramRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindParam, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		return ast.WalkStop, fmt.Errorf("%s was not replaced", canonical(n.(*paramNode).name))
	})
}
