// Package guide reads the plain-language guides: Markdown with YAML front
// matter, one file per voorziening and language. It checks their structure
// against a Structure the caller reads from the content folder (the
// sections every guide has, in order; the situations it may name) and
// renders them with goldmark, resolving {{< param "name" >}} shortcodes,
// site links and glossary terms through an Env the generator provides.
package guide

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/regelgids/regelgids/internal/diag"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
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

// Structure is what the guides of one site share, read from the content
// folder: the sections every guide has and the situations that group
// guides on the home page. Texts are per language.
type Structure struct {
	// File is where the structure was read from, for messages.
	File string `yaml:"-"`
	// Sections are the questions every guide answers, in the order every
	// guide must use them.
	Sections []SectionSpec `yaml:"sections"`
	// Situations group guides on the home page, in the order it shows
	// them.
	Situations []Situation `yaml:"situations"`
}

// SectionSpec is one section every guide has.
type SectionSpec struct {
	ID      string            `yaml:"id"`      // the anchor, the same in every language
	Heading map[string]string `yaml:"heading"` // the "## " heading per language
}

// Situation is a situation a resident is in; the home page groups the
// guides that name it.
type Situation struct {
	ID    string            `yaml:"id"`
	Title map[string]string `yaml:"title"` // per language
	Intro map[string]string `yaml:"intro"` // per language
}

// Headings returns the section headings of a language, in order, and
// whether the structure has them all.
func (s *Structure) Headings(lang string) ([]string, bool) {
	if s == nil || len(s.Sections) == 0 {
		return nil, false
	}
	out := make([]string, len(s.Sections))
	for i, sec := range s.Sections {
		h, ok := sec.Heading[lang]
		if !ok {
			return nil, false
		}
		out[i] = h
	}
	return out, true
}

// name is the structure's file, for messages.
func (s *Structure) name() string {
	if s == nil || s.File == "" {
		return "the guide structure"
	}
	return s.File
}

// SituationIDs returns the ids of the situations, in order.
func (s *Structure) SituationIDs() []string {
	if s == nil {
		return nil
	}
	ids := make([]string, len(s.Situations))
	for i, sit := range s.Situations {
		ids[i] = sit.ID
	}
	return ids
}

// Section is one of the sections of a parsed guide.
type Section struct {
	ID    string // the same in every language, so anchors match
	Title string
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

	structure *Structure
	body      []byte
	bodyLine  int   // line number of the body's first line in the file
	newlines  []int // offsets of the body's newlines, for lineAt
}

// Ref is a reference from a guide with the line it is on.
type Ref struct {
	Target string
	Line   int
}

// Error is a problem in a guide file at a line: the project's one
// diagnostic type.
type Error = diag.Diagnostic

// maxErrors is the most problems Parse reports for one file; a careless
// or hostile file can have thousands, and the first ones point at the cause.
const maxErrors = 20

// Errors collects every problem found in one pass.
type Errors []*Error

// err is the problems as a diag.List, or nil.
func (es Errors) err() error {
	if len(es) == 0 {
		return nil
	}
	l := &diag.List{}
	for _, e := range es {
		l.Add(*e)
	}
	return l
}

var reSlug = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// Parse reads a guide. file is the name for error messages, slug its URL
// name and lang its language ("nl" or "en"); structure gives the sections
// the guide must have and the situations it may name.
func Parse(file, slug, lang string, src []byte, structure *Structure) (*Guide, error) {
	g := &Guide{Slug: slug, Lang: lang, File: file, structure: structure}
	var errs Errors
	dropped := 0
	fail := func(line int, format string, args ...any) {
		if len(errs) == maxErrors {
			dropped++
			return
		}
		errs = append(errs, &Error{File: file, Line: line, Message: fmt.Sprintf(format, args...)})
	}
	result := func() (*Guide, error) {
		if dropped > 0 {
			errs = append(errs, &Error{File: file, Line: errs[len(errs)-1].Line, Message: fmt.Sprintf("%d more problems not shown; fix the ones above first", dropped)})
		}
		return g, errs.err()
	}
	if !reSlug.MatchString(slug) {
		fail(1, "file name %q is not a URL slug (lowercase letters, digits and hyphens)", slug)
	}
	headings, ok := structure.Headings(lang)
	if !ok {
		if structure == nil || len(structure.Sections) == 0 {
			fail(1, "no sections are defined for guides")
		} else {
			fail(1, "unknown language %q: %s has no headings in it", lang, structure.name())
		}
		return nil, errs.err()
	}
	six := count(len(headings))
	src = bytes.ReplaceAll(bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")), []byte("\r\n"), []byte("\n"))
	front, body, bodyLine, ok := splitFrontMatter(src)
	if !ok {
		fail(1, "no front matter: start the file with a line \"---\", the YAML fields, and another \"---\"")
		return nil, errs.err()
	}
	g.body, g.bodyLine = body, bodyLine
	for i, b := range body {
		if b == '\n' {
			g.newlines = append(g.newlines, i)
		}
	}
	if err := decodeFront(front, &g.FrontMatter); err != nil {
		fail(err.line+1, "front matter: %s", err.msg)
	}
	g.checkFront(front, fail)

	// Refuse what would make goldmark slow before it sees the body.
	if line, msg, ok := checkLimits(body, bodyLine); !ok {
		fail(bodyLine+line, "%s", msg)
		return result()
	}
	// Every "{{" must start a well-formed shortcode.
	before := len(errs) + dropped
	checkShortcodes(body, func(offset int, msg string) { fail(g.lineAt(offset), "%s", msg) })
	badShortcodes := len(errs)+dropped > before

	// Walk the body once: headings, links and parameter references.
	doc := markdown.Parser().Parse(text.NewReader(body))
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
				fail(line, "heading %q is level %d; guides use only the %s \"## \" headings", title, n.Level, six)
				return ast.WalkSkipChildren, nil
			}
			got = append(got, title)
			if p := firstParam(n); p != nil {
				fail(line, "heading %q contains %s: the %s headings are fixed text; put the shortcode in the text under the heading", title, canonical(p.name), six)
			}
			if i := len(got) - 1; i < len(headings) && title == headings[i] {
				g.Sections = append(g.Sections, Section{ID: structure.Sections[i].ID, Title: title})
			} else if i < len(headings) {
				fail(line, "heading %d is %q; expected %q (%s gives these %s: %s)", i+1, title, headings[i], structure.name(), six, strings.Join(headings, " | "))
			} else {
				fail(line, "heading %q after the %s sections; a guide has exactly %s", title, six, six)
			}
		case *ast.Link:
			dest := string(resolveDest(n.Destination))
			if schemeRelative(dest) {
				fail(g.lineOf(n), "link %s starts with two slashes, which a browser reads as another web site; write https://… for another site or one / for a page of this site, such as /artikel/17/", quote(dest))
				break
			}
			g.Links = append(g.Links, Ref{Target: dest, Line: g.lineOf(n)})
		case *ast.Image:
			fail(g.lineOf(n), "image %s: guides have no images (see gidsen/README.md); say in words what the reader needs to know", quote(resolveDest(n.Destination)))
			return ast.WalkSkipChildren, nil
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
		fail(g.bodyLine+len(g.newlines), "%d of the %s headings found; missing %q", len(got), six, headings[len(got):])
	}
	// Nothing may print "{{" on the page: a shortcode in code or in a link
	// address, or braces written as \{ or &#123;.
	if !badShortcodes {
		replaceParams(doc, func(*paramNode) ast.Node { return ast.NewString([]byte("0")) })
		if n, err := braces(body, doc); err != nil {
			fail(g.bodyLine, "%v", err)
		} else if n != nil {
			fail(g.bracesLine(n), "%s", bracesMsg(n))
		}
	}
	return result()
}

func (g *Guide) checkFront(front []byte, fail func(int, string, ...any)) {
	f := g.FrontMatter
	required := map[string]string{"title": f.Title, "summary": f.Summary, "audience": f.Audience}
	for _, k := range []string{"title", "summary", "audience"} {
		if strings.TrimSpace(required[k]) == "" {
			fail(1, "front matter: %s is missing", k)
		} else if strings.Contains(required[k], "{{") {
			fail(frontLine(front, k), "front matter: %s contains \"{{\"; shortcodes work only in the body: write the words themselves", k)
		}
	}
	if len(f.Articles) == 0 {
		fail(1, "front matter: articles is missing (the articles this guide explains)")
	}
	known := g.structure.SituationIDs()
	if len(f.Situations) == 0 && len(known) > 0 {
		fail(1, "front matter: situations is missing (one or more of %s)", strings.Join(known, ", "))
	}
	for _, s := range f.Situations {
		if slices.Contains(known, s) {
			continue
		}
		if len(known) == 0 {
			fail(frontLine(front, "situations"), "front matter: unknown situation %q (%s names no situations; leave situations out)", s, g.structure.name())
		} else {
			fail(frontLine(front, "situations"), "front matter: unknown situation %q (%s names %s)", s, g.structure.name(), strings.Join(known, ", "))
		}
	}
}

// count spells a small number as a word, for messages.
func count(n int) string {
	words := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}
	if n < len(words) {
		return words[n]
	}
	return strconv.Itoa(n)
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
	if off >= 0 {
		return g.lineAt(off)
	}
	// No text of its own (an image without alt text, an empty link): the
	// line the text before it ends on.
	if prev := n.PreviousSibling(); prev != nil {
		last := -1
		brk := false
		ast.Walk(prev, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
			if t, ok := c.(*ast.Text); ok && entering {
				last, brk = t.Segment.Stop, t.SoftLineBreak() || t.HardLineBreak()
			}
			return ast.WalkContinue, nil
		})
		if last >= 0 {
			if brk {
				return g.lineAt(last) + 1
			}
			return g.lineAt(last)
		}
		return g.lineOf(prev)
	}
	if p := n.Parent(); p != nil {
		return g.lineOf(p)
	}
	return g.bodyLine
}

// lineAt returns the file line of a body offset.
func (g *Guide) lineAt(offset int) int {
	return g.bodyLine + sort.SearchInts(g.newlines, offset)
}

// frontLine returns the file line of key in the front matter, or 1.
func frontLine(front []byte, key string) int {
	for i, l := range bytes.Split(front, []byte("\n")) {
		if bytes.HasPrefix(l, []byte(key+":")) {
			return i + 2 // the front matter starts on line 2
		}
	}
	return 1
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
// markdown is made once: goldmark's parsers and renderers keep no state
// between documents (what a parse needs is in its parser.Context), so one
// serves every guide on every core, as its author says (gohugoio/hugo#6484).
var markdown = newMarkdown()

func newMarkdown() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithParserOptions(parser.WithInlineParsers(paramParserPrio())),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(paramRenderer{}, 100))),
	)
}

// resolveDest returns a link destination as goldmark prints it: backslash
// escapes and character references resolved.
func resolveDest(dest []byte) []byte {
	return util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(dest)))
}

// escapeDest escapes an href so that goldmark, which resolves escapes and
// references in destinations, prints it as it is.
func escapeDest(href string) []byte {
	return []byte(destEscaper.Replace(href))
}

// Replacers are made once: building one costs more than most replacing.
var (
	destEscaper  = strings.NewReplacer(`\`, `\\`, "&", "&amp;")
	newlinesGone = strings.NewReplacer("\t", "", "\n", "", "\r", "")
)

// schemeRelative reports whether a browser reads dest as an address on
// another host: "//host/…", also written with backslashes, after the
// spaces and control characters browsers ignore.
func schemeRelative(dest string) bool {
	dest = strings.TrimLeft(dest, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	dest = newlinesGone.Replace(dest)
	return len(dest) >= 2 && (dest[0] == '/' || dest[0] == '\\') && (dest[1] == '/' || dest[1] == '\\')
}
