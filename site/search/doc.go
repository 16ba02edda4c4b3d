// Package search indexes the built site and searches it: on the server and
// the command line with bleve, in the browser with a small script over a
// compact index that the build exports per language.
//
// All language work happens here, at build time, with bleve's own
// analyzers ("nl", "en"): every word form the site uses is mapped to its
// index term, Dutch compounds are split against the site's own vocabulary
// (loonkostensubsidie → loonkosten + subsidie; first parts that begin three
// or more words count as words: participatie-), and the synonym list
// (zoeken/synoniemen.yaml in the content folder) is resolved to index terms.
//
// A query word matches its own term, the parts of a compound, its synonyms,
// words one edit away (5+ letters) or two (9+), and for the last word while
// typing, the words it begins. Documents are page sections (guide sections,
// articles, leden and onderdelen, toelichting, glossary entries, page
// introductions); a document scores BM25 over its title, text and compound
// parts fields, per query word the best of its alternatives, times the share
// of query words it matches and a weight for its kind; a page shows once, at
// its best section.
//
// On the server, bleve analyzes and indexes the documents and supplies the
// term frequencies. In the browser, js/zoeken-engine.js tokenizes with the
// same rules, looks words up in zoeken/index-LANG.json, and scores with the
// same formula. Tests run the script under Node.js: it yields exactly
// bleve's terms for every indexed text, analyzes every query and ranks
// exactly as the Go side does (also under fuzzing), and both reach 90% or
// more hit@3 on the query set (zoeken/vragen.yaml in the content folder).
// TestCompareWithPagefind measures bytes, latency and hit@k against
// Pagefind.
package search

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/regelgids/regelgids/site/routes"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Kinds of document.
const (
	KindGuide       = "guide"       // a guide's introduction or one of its sections
	KindArticle     = "article"     // a whole article
	KindLid         = "lid"         // one lid, or one onderdeel, of an article
	KindExplanation = "explanation" // the toelichting on an article, or the general toelichting
	KindGlossary    = "glossary"    // one glossary entry
	KindCalculator  = "calculator"  // a calculator, by its title and introduction
	KindPage        = "page"        // another page: home, lists, the whole ordinance
)

// Document is one section of a page: what a search result links to.
type Document struct {
	URL   string // site path with anchor: "/artikel/17/#lid-1", "/en/voorzieningen/uitstroompremie/#wat-krijg-ik"
	Lang  string // "nl" or "en"
	Kind  string // one of the Kind constants
	Title string // as the result shows it
	Text  string // the section's text; blocks (paragraphs, list items) separated by "\n"
}

// Page returns the document's URL without its anchor.
func (d Document) Page() string {
	if i := strings.IndexByte(d.URL, '#'); i >= 0 {
		return d.URL[:i]
	}
	return d.URL
}

// titleSep joins a page title and a section heading.
const titleSep = " – "

// partLabels name a lid and an onderdeel in the result titles, as the site
// does in its references ("artikel 17, lid 1" / "Article 17, paragraph 1").
// An element's data-label attribute, where the templates print one, wins.
var partLabels = map[string][2]string{
	"nl": {"lid", "onderdeel"},
	"en": {"paragraph", "item"},
}

// DocumentsFromHTML extracts the searchable sections from the built site's
// HTML files (paths like "voorzieningen/uitstroompremie/index.html",
// "en/artikel/6/index.html"). It indexes what the pages for residents show:
// the guides, articles, glossary, toelichting, calculators, home and lists.
// Hidden and visually hidden text, navigation and forms are left out, and
// so are pages that repeat other pages (the whole ordinance beyond its
// title, the search page, 404) or are not for residents (the reviewers'
// leesbaarheid pages), and pages marked <meta name="robots" content="noindex">.
//
// langs are the site's languages (routes decides where each page lives).
func DocumentsFromHTML(files map[string][]byte, langs routes.Languages) ([]Document, error) {
	var docs []Document
	for _, name := range IndexedPages(files, langs) {
		d, err := PageDocuments(name, files[name], langs)
		if err != nil {
			return nil, err
		}
		docs = append(docs, d...)
	}
	return docs, nil
}

// IndexedPages are the names of the files DocumentsFromHTML reads, in the
// order it reads them.
func IndexedPages(files map[string][]byte, langs routes.Languages) []string {
	names := make([]string, 0, len(files))
	for name := range files {
		if (name == "index.html" || strings.HasSuffix(name, "/index.html")) && pageKind(langs, name) != "" {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}

// PageDocuments extracts the sections of one page of IndexedPages: what
// DocumentsFromHTML takes from it. A page depends on nothing else, so the
// build reads pages in parallel and reads again only the pages that
// changed.
func PageDocuments(name string, page []byte, langs routes.Languages) ([]Document, error) {
	root, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return nil, &PageError{Page: name, Err: err}
	}
	p := &pageParser{name: name, url: "/" + strings.TrimSuffix(name, "index.html"), kind: pageKind(langs, name)}
	p.lang = attr(find(root, func(n *html.Node) bool { return n.DataAtom == atom.Html }), "lang")
	if p.lang == "" {
		p.lang, _ = langs.Split(name)
	}
	if robots := find(root, func(n *html.Node) bool { return n.DataAtom == atom.Meta && attr(n, "name") == "robots" }); robots != nil && strings.Contains(attr(robots, "content"), "noindex") {
		return nil, nil
	}
	p.main = find(root, func(n *html.Node) bool { return n.DataAtom == atom.Main })
	if p.main == nil {
		return nil, &PageError{Page: name, Err: errors.New("no <main> element")}
	}
	if err := p.parse(); err != nil {
		return nil, &PageError{Page: name, Err: err}
	}
	return p.docs, nil
}

// PageError is a built page the search cannot read. The generator names
// the source file the page was made from.
type PageError struct {
	Page string // path in the output, such as voorzieningen/jobcoach/index.html
	Err  error
}

func (e *PageError) Error() string { return e.Page + ": " + e.Err.Error() }
func (e *PageError) Unwrap() error { return e.Err }

type pageParser struct {
	kind            string // as pageKind says
	name, url, lang string
	main            *html.Node
	docs            []Document
}

func (p *pageParser) add(anchor, kind, title string, blocks []string) {
	url := p.url
	if anchor != "" {
		url += "#" + anchor
	}
	p.docs = append(p.docs, Document{URL: url, Lang: p.lang, Kind: kind, Title: title, Text: strings.Join(blocks, "\n")})
}

// pageKind says how a page is indexed, from its path; "" when it is not.
// The pages for residents are the guides, the articles, the glossary, the
// toelichting, and home, lists, the whole ordinance and the calculators by
// their title and introduction. The search page lists what the others say,
// and the reviewers' pages (leesbaarheid) are not for residents.
func pageKind(langs routes.Languages, name string) string {
	_, path := langs.Split(name)
	k, _, _ := routes.Parse(path)
	switch k {
	case routes.Guide, routes.Article, routes.Glossary, routes.Explanation:
		return string(k)
	case routes.Calculator:
		return KindCalculator
	case routes.Home, routes.Guides, routes.Ordinance, routes.Calculators:
		return "page"
	}
	return ""
}

func (p *pageParser) parse() error {
	switch p.kind {
	case "guide":
		return p.guide()
	case "article":
		return p.article()
	case "glossary":
		return p.glossary()
	case "explanation":
		p.explanation()
	case "page", KindCalculator:
		p.plainPage()
	}
	return nil
}

// heading1 returns the text of the page's h1.
func (p *pageParser) heading1() string {
	return text(find(p.main, isTag(atom.H1)))
}

// plainPage indexes the h1 and the paragraphs directly in <main>.
func (p *pageParser) plainPage() {
	var blocks []string
	for c := p.main.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom == atom.P {
			blocks = append(blocks, blocksOf(c)...)
		}
	}
	kind := KindPage
	if p.kind == KindCalculator {
		kind = KindCalculator
	}
	p.add("", kind, p.heading1(), blocks)
}

// guide indexes the introduction (title, lead, audience) and each section
// that starts at an h2 with an id.
func (p *pageParser) guide() error {
	art := find(p.main, func(n *html.Node) bool { return n.DataAtom == atom.Article })
	if art == nil {
		p.plainPage() // the list of all guides
		return nil
	}
	title := p.heading1()
	var intro []string
	var cur *html.Node // current section heading
	var blocks []string
	flush := func() {
		if cur != nil {
			p.add(attr(cur, "id"), KindGuide, title+titleSep+text(cur), blocks)
		}
		cur, blocks = nil, nil
	}
	for c := art.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch {
		case c.DataAtom == atom.H1:
		case c.DataAtom == atom.H2 && attr(c, "id") != "" && visible(c):
			flush()
			cur = c
		case c.DataAtom == atom.Nav, c.DataAtom == atom.Aside:
			flush() // table of contents, "the rules": links only
		case cur != nil:
			blocks = append(blocks, blocksOf(c)...)
		case c.DataAtom == atom.P:
			intro = append(intro, blocksOf(c)...)
		}
	}
	flush()
	// the introduction first, so it is the page's own document
	p.docs = append([]Document{{URL: p.url, Lang: p.lang, Kind: KindGuide, Title: title, Text: strings.Join(intro, "\n")}}, p.docs...)
	return nil
}

// article indexes the whole article, each lid and onderdeel, and its
// toelichting.
func (p *pageParser) article() error {
	title := p.heading1()
	if title == "" {
		return fmt.Errorf("article page without h1")
	}
	labels := partLabels[p.lang]
	if labels[0] == "" {
		labels = partLabels["nl"]
	}
	official := find(p.main, func(n *html.Node) bool { return hasClass(n, "rg-official") })
	if official == nil {
		return fmt.Errorf("article page without the official text (class rg-official)")
	}
	var whole []string
	for c := official.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && !isHeading(c) {
			whole = append(whole, blocksOf(c)...)
		}
	}
	p.add("", KindArticle, title, whole)
	for _, li := range findAll(official, func(n *html.Node) bool {
		return n.DataAtom == atom.Li && attr(n, "id") != "" && (hasClass(n, "rg-lid") || hasClass(n, "rg-onderdeel"))
	}) {
		id := attr(li, "id")
		label := attr(li, "data-label")
		if label == "" {
			label = partLabel(id, labels)
		}
		p.add(id, KindLid, title+titleSep+label, blocksOf(li))
	}
	if ex := find(p.main, func(n *html.Node) bool { return hasClass(n, "rg-explanation") }); ex != nil {
		var blocks []string
		heading := ""
		for c := ex.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type != html.ElementNode:
			case c.DataAtom == atom.H2:
				heading = text(c)
			case hasClass(c, "rg-note"):
				// "in the toelichting this article is called …": not the explanation itself
			default:
				blocks = append(blocks, blocksOf(c)...)
			}
		}
		if h := find(ex, isTag(atom.H2)); len(blocks) > 0 && attr(h, "id") != "" {
			p.add(attr(h, "id"), KindExplanation, title+titleSep+heading, blocks)
		}
	}
	return nil
}

// partLabel turns "lid-2" into "lid 2", "lid-1-a" into "lid 1, onderdeel a"
// and "onderdeel-b" into "onderdeel b".
func partLabel(id string, labels [2]string) string {
	f := strings.Split(id, "-")
	switch {
	case len(f) == 2 && f[0] == "lid":
		return labels[0] + " " + f[1]
	case len(f) == 3 && f[0] == "lid":
		return labels[0] + " " + f[1] + ", " + labels[1] + " " + f[2]
	case len(f) == 2 && f[0] == "onderdeel":
		return labels[1] + " " + f[1]
	}
	return id
}

// glossary indexes each <dt id> with its <dd>.
func (p *pageParser) glossary() error {
	dl := find(p.main, isTag(atom.Dl))
	if dl == nil {
		return fmt.Errorf("glossary page without <dl>")
	}
	var dt *html.Node
	for c := dl.FirstChild; c != nil; c = c.NextSibling {
		switch c.DataAtom {
		case atom.Dt:
			dt = c
		case atom.Dd:
			if dt == nil || attr(dt, "id") == "" {
				return fmt.Errorf("<dd> without a <dt id> before it")
			}
			p.add(attr(dt, "id"), KindGlossary, text(dt), blocksOf(c))
			dt = nil
		}
	}
	return nil
}

// explanation indexes the general part of the toelichting page; the notes
// per article are indexed on the article pages, where they link to.
func (p *pageParser) explanation() {
	title := p.heading1()
	for _, sec := range findAll(p.main, isTag(atom.Section)) {
		h := find(sec, isTag(atom.H2))
		if h == nil || h.Parent != sec || attr(h, "id") != "algemeen" && attr(sec, "aria-labelledby") != "algemeen" {
			continue
		}
		var blocks []string
		for c := sec.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c != h && c.DataAtom != atom.Section {
				blocks = append(blocks, blocksOf(c)...)
			}
		}
		p.add(attr(h, "id"), KindExplanation, title+titleSep+text(h), blocks)
	}
}

// --- HTML helpers ---

func attr(n *html.Node, key string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return true
		}
	}
	return false
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

func isTag(a atom.Atom) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.DataAtom == a }
}

func isHeading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// find returns the first element in document order that matches, or nil.
func find(n *html.Node, match func(*html.Node) bool) *html.Node {
	if n == nil {
		return nil
	}
	if n.Type == html.ElementNode && match(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if m := find(c, match); m != nil {
			return m
		}
	}
	return nil
}

func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// visible reports whether an element shows: not hidden, not only for
// screen readers, not a script or form.
func visible(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return true
	}
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Template, atom.Noscript, atom.Form, atom.Button, atom.Input, atom.Select, atom.Textarea:
		return false
	}
	return !hasAttr(n, "hidden") && attr(n, "aria-hidden") != "true" && !hasClass(n, "rg-visually-hidden")
}

// blockTags start a new block of text.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Li: true, atom.Dt: true, atom.Dd: true, atom.Div: true, atom.Section: true,
	atom.Article: true, atom.Aside: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Table: true,
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Caption: true, atom.Blockquote: true, atom.Pre: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Figure: true, atom.Figcaption: true, atom.Header: true, atom.Footer: true, atom.Nav: true,
}

// blocksOf returns the visible text of n as blocks: one per paragraph,
// list item, heading, with whitespace collapsed and empty blocks dropped.
func blocksOf(n *html.Node) []string {
	var out []string
	var buf strings.Builder
	flush := func() {
		if s := collapse(buf.String()); s != "" {
			out = append(out, s)
		}
		buf.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			buf.WriteString(n.Data)
			return
		case html.ElementNode:
			if !visible(n) {
				return
			}
			if n.DataAtom == atom.Br {
				buf.WriteByte(' ')
				return
			}
		}
		block := n.Type == html.ElementNode && blockTags[n.DataAtom]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(n)
	flush()
	return out
}

// text returns the visible text of n on one line.
func text(n *html.Node) string {
	if n == nil {
		return ""
	}
	return strings.Join(blocksOf(n), " ")
}

// collapse turns every run of white space (also no-break spaces) into one
// space and trims the ends: strings.Join(strings.FieldsFunc(s, isSpace),
// " ") in one pass, and without a copy when s is collapsed already, as
// most text of a built page is (every block of every indexed page goes
// through here).
func collapse(s string) string {
	var b []byte // nil while s is collapsed up to i
	space := false
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if isSpace(r) {
			if b == nil && (r != ' ' || i == 0 || space || i+n == len(s)) {
				b = append(make([]byte, 0, len(s)), s[:i]...)
				if space {
					b = b[:len(b)-1] // the space before this one is part of the run
				}
			}
			space = true
			i += n
			continue
		}
		if b != nil {
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			b = append(b, s[i:i+n]...)
		}
		space = false
		i += n
	}
	if b == nil {
		return s
	}
	return string(b)
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}
