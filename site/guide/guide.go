// Package guide reads the plain-language guides: Markdown with YAML front
// matter, one file per voorziening and language. It checks their structure
// (the six questions every guide answers, in order) and renders them with
// goldmark, resolving {{< param "name" >}} shortcodes, site links and
// glossary terms through an Env the generator provides.
package guide

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"
)

// FrontMatter is the YAML block at the top of a guide.
type FrontMatter struct {
	Title    string `yaml:"title"`
	Summary  string `yaml:"summary"`
	Audience string `yaml:"audience"`
	// Articles are the numbers of the articles the guide explains.
	Articles []string `yaml:"articles"`
	// Situations group guides on the home page.
	Situations []string `yaml:"situations"`
	// Calculator names the calculator of this voorziening, if any.
	Calculator string `yaml:"calculator"`
	Order      int    `yaml:"order"`
}

// Situations a guide can belong to, in the order the home page shows them.
var Situations = []string{"werk-zoeken", "werken-met-beperking", "jong-zonder-diploma", "werk-beginnen"}

// Section is one of the six questions a guide answers.
type Section struct {
	ID    string // the same in every language, so anchors match
	Title string
}

// sectionIDs name the six sections, in order.
var sectionIDs = []string{"wat-is-het", "is-het-voor-mij", "wat-krijg-ik", "wat-moet-ik-doen", "aanvragen", "voorbeeld"}

// Headings are the section headings per language, in the order every guide
// must use them.
var Headings = map[string][]string{
	"nl": {"Wat is het?", "Is het voor mij?", "Wat krijg ik?", "Wat moet ik doen?", "Hoe vraag ik het aan?", "Voorbeeld"},
	"en": {"What is it?", "Is it for me?", "What do I get?", "What do I have to do?", "How do I apply?", "Example"},
}

// Guide is one parsed guide file.
type Guide struct {
	FrontMatter
	Slug     string
	Lang     string
	File     string // the name used in error messages
	Sections []Section
	// Links are the destinations of all links in the body, with lines.
	Links []Ref
	// Params are the parameter names the body refers to, with lines.
	Params []Ref

	body     []byte
	bodyLine int // line number of the body's first line in the file
}

// Ref is a reference from a guide with the line it is on.
type Ref struct {
	Target string
	Line   int
}

// Error is a problem in a guide file at a line.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// Errors collects every problem found in one pass.
type Errors []*Error

func (es Errors) Error() string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "\n")
}

func (es Errors) err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}

var reSlug = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// Parse reads a guide. file is the name for error messages, slug its URL
// name and lang its language ("nl" or "en").
func Parse(file, slug, lang string, src []byte) (*Guide, error) {
	g := &Guide{Slug: slug, Lang: lang, File: file}
	var errs Errors
	fail := func(line int, format string, args ...any) {
		errs = append(errs, &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	if !reSlug.MatchString(slug) {
		fail(1, "file name %q is not a URL slug (lowercase letters, digits and hyphens)", slug)
	}
	headings, ok := Headings[lang]
	if !ok {
		fail(1, "unknown language %q", lang)
		return nil, errs
	}
	src = bytes.ReplaceAll(bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")), []byte("\r\n"), []byte("\n"))
	front, body, bodyLine, ok := splitFrontMatter(src)
	if !ok {
		fail(1, "no front matter: start the file with a line \"---\", the YAML fields, and another \"---\"")
		return nil, errs
	}
	g.body, g.bodyLine = body, bodyLine
	if err := decodeFront(front, &g.FrontMatter); err != nil {
		fail(err.line+1, "front matter: %s", err.msg)
	}
	g.checkFront(fail)

	// Walk the body once: headings, links and parameter references.
	doc := newMarkdown().Parser().Parse(text.NewReader(body))
	var got []string
	rawHTMLLine := 0 // report raw HTML once per line
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			line := g.lineOf(n)
			title := string(plainText(n, body))
			if n.Level != 2 {
				fail(line, "heading %q is level %d; guides use only the six \"## \" headings", title, n.Level)
				return ast.WalkSkipChildren, nil
			}
			got = append(got, title)
			if i := len(got) - 1; i < len(headings) && title == headings[i] {
				g.Sections = append(g.Sections, Section{ID: sectionIDs[i], Title: title})
			} else if i < len(headings) {
				fail(line, "heading %d is %q; expected %q (the six headings are: %s)", i+1, title, headings[i], strings.Join(headings, " | "))
			} else {
				fail(line, "heading %q after the six sections; a guide has exactly six", title)
			}
		case *ast.Link:
			g.Links = append(g.Links, Ref{Target: string(n.Destination), Line: g.lineOf(n)})
		case *ast.AutoLink:
			g.Links = append(g.Links, Ref{Target: string(n.URL(body)), Line: g.lineOf(n)})
		case *paramNode:
			g.Params = append(g.Params, Ref{Target: n.name, Line: g.lineAt(n.offset)})
		case *ast.HTMLBlock, *ast.RawHTML:
			if line := g.lineOf(n); line != rawHTMLLine {
				fail(line, "raw HTML is not allowed in a guide; write Markdown")
				rawHTMLLine = line
			}
		}
		return ast.WalkContinue, nil
	})
	if first := doc.FirstChild(); first != nil && first.Kind() != ast.KindHeading {
		fail(g.lineOf(first), "text before the first heading %q", headings[0])
	}
	if len(got) < len(headings) {
		fail(g.bodyLine+bytes.Count(body, []byte("\n")), "%d of the six headings found; missing %q", len(got), headings[len(got):])
	}
	return g, errs.err()
}

func (g *Guide) checkFront(fail func(int, string, ...any)) {
	f := g.FrontMatter
	required := map[string]string{"title": f.Title, "summary": f.Summary, "audience": f.Audience}
	for _, k := range []string{"title", "summary", "audience"} {
		if strings.TrimSpace(required[k]) == "" {
			fail(1, "front matter: %s is missing", k)
		}
	}
	if len(f.Articles) == 0 {
		fail(1, "front matter: articles is missing (the articles this guide explains)")
	}
	if len(f.Situations) == 0 {
		fail(1, "front matter: situations is missing (one or more of %s)", strings.Join(Situations, ", "))
	}
	for _, s := range f.Situations {
		known := false
		for _, k := range Situations {
			known = known || s == k
		}
		if !known {
			fail(1, "front matter: unknown situation %q (use %s)", s, strings.Join(Situations, ", "))
		}
	}
}

// lineOf returns the file line of a node: its first text segment.
func (g *Guide) lineOf(n ast.Node) int {
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return g.lineAt(n.Lines().At(0).Start)
	}
	off := -1
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			off = t.Segment.Start
			return ast.WalkStop, nil
		}
		if p, ok := c.(*paramNode); ok && entering {
			off = p.offset
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if off < 0 {
		if p := n.Parent(); p != nil {
			return g.lineOf(p)
		}
		return g.bodyLine
	}
	return g.lineAt(off)
}

func (g *Guide) lineAt(offset int) int {
	if offset > len(g.body) {
		offset = len(g.body)
	}
	return g.bodyLine + bytes.Count(g.body[:offset], []byte("\n"))
}

func plainText(n ast.Node, src []byte) []byte {
	var b bytes.Buffer
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() {
				b.WriteByte(' ')
			}
		}
		return ast.WalkContinue, nil
	})
	return b.Bytes()
}

// splitFrontMatter splits "---\nYAML\n---\nbody" and returns the line the
// body starts on.
func splitFrontMatter(src []byte) (front, body []byte, bodyLine int, ok bool) {
	if !bytes.HasPrefix(src, []byte("---\n")) {
		return nil, nil, 0, false
	}
	rest := src[4:]
	end := bytes.Index(rest, []byte("\n---\n"))
	if end < 0 {
		if bytes.HasSuffix(rest, []byte("\n---")) {
			end = len(rest) - 4
		} else {
			return nil, nil, 0, false
		}
	}
	front = rest[:end+1]
	body = rest[min(end+5, len(rest)):]
	bodyLine = 2 + bytes.Count(front, []byte("\n")) + 1
	return front, body, bodyLine, true
}

type frontError struct {
	line int
	msg  string
}

var reYAMLLine = regexp.MustCompile(`line (\d+): (.*)`)

// decodeFront decodes the front matter strictly; the line it reports is
// relative to the front matter.
func decodeFront(front []byte, f *FrontMatter) *frontError {
	dec := yaml.NewDecoder(bytes.NewReader(front))
	dec.KnownFields(true)
	if err := dec.Decode(f); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		msg = strings.TrimPrefix(msg, "unmarshal errors:\n  ")
		line := 0
		if m := reYAMLLine.FindStringSubmatch(msg); m != nil {
			fmt.Sscan(m[1], &line)
			msg = strings.Replace(m[2], "field ", "unknown key ", 1)
			if i := strings.Index(msg, " not found in type"); i >= 0 {
				msg = msg[:i]
			}
		}
		if err.Error() == "EOF" {
			msg = "empty"
		}
		return &frontError{line: line, msg: msg}
	}
	return nil
}

// newMarkdown returns a goldmark instance that reads the param shortcode.
// Raw HTML stays off: content never reaches a page as markup.
func newMarkdown() goldmark.Markdown {
	return goldmark.New(goldmark.WithParserOptions(parser.WithInlineParsers(paramParserPrio())))
}
