package site

import (
	"bytes"
	"fmt"
	"html/template"
	"maps"
	"slices"
	"sync"
	"text/template/parse"
)

// Most of a page's frame (the menu, the search box, the footer) comes out
// the same on hundreds of pages: every page of "Wat past bij mij?" has the
// same menu. Templates include such a partial with {{.Cached "name"}},
// which renders it once and gives the same HTML to every later page for
// which it would come out the same, as Hugo's partialCached does. Unlike
// partialCached, no template names what the output depends on: the
// partial sees only a Frame, whose every field is part of the key, and
// its links, which are relative to the page, are kept with the output and
// worked out again for each page: an output is used only where all of
// them come out as they did.

// Frame is what a cached partial sees of a page: its language, kind and
// search query, the site data of its language, the interface texts, and
// links from the page. The title, path and body are not there, so that
// a template cannot make a partial's output depend on what its key leaves
// out.
type Frame struct {
	Lang, Kind, Query string
	Site              *SiteData
	// Args is what the template passed to Cached after the name (a dict
	// of the page's values the partial needs, such as its title): part of
	// the key.
	Args any

	page  *Page
	links []frameLink // the links the partial made, in order
}

// frameLink is a link a cached partial made and what it came to on the
// page it was rendered for.
type frameLink struct {
	how    linkKind
	target string
	got    string
}

type linkKind uint8

const (
	linkURL linkKind = iota
	linkAsset
	linkLaw
	linkSelf // the page itself; target unused
)

// make is the link as the page makes it.
func (l frameLink) make(p *Page) string {
	switch l.how {
	case linkAsset:
		return p.Asset(l.target)
	case linkLaw:
		return p.LawURL(l.target)
	case linkSelf:
		return p.URL(p.Path)
	}
	return p.URL(l.target)
}

func (f *Frame) link(how linkKind, target string) string {
	l := frameLink{how: how, target: target}
	l.got = l.make(f.page)
	f.links = append(f.links, l)
	return l.got
}

// URL, Asset and LawURL are the page's links (Page.URL, Page.Asset,
// Page.LawURL), kept with the output.
func (f *Frame) URL(target string) string    { return f.link(linkURL, target) }
func (f *Frame) Asset(target string) string  { return f.link(linkAsset, target) }
func (f *Frame) LawURL(target string) string { return f.link(linkLaw, target) }

// SelfURL is the link to the page itself (Page.URL of its path), kept
// like the others: on most pages "./", whatever the path.
func (f *Frame) SelfURL() string { return f.link(linkSelf, "") }

// T, TOpt, Param, LawLang, Year and ContentSecurityPolicy are the page's:
// they depend only on the language's site data.
func (f *Frame) T(key string) (string, error)      { return f.page.T(key) }
func (f *Frame) TOpt(key string) (string, error)   { return f.page.TOpt(key) }
func (f *Frame) Param(name string) (string, error) { return f.page.Param(name) }
func (f *Frame) LawLang() string                   { return f.page.LawLang() }
func (f *Frame) Year() int                         { return f.page.Year() }
func (f *Frame) ContentSecurityPolicy() string     { return f.page.ContentSecurityPolicy() }

// frameKey is everything a Frame shows besides its links.
type frameKey struct {
	layout            *template.Template
	name              string
	site              *SiteData
	lang, kind, query string
	args              string // Frame.Args written out in full (%#v)
}

// frameOutput is a partial's output with the links it made.
type frameOutput struct {
	links []frameLink
	html  template.HTML
}

// fits reports whether the partial comes out the same on p: whether
// every link it made comes to the same there.
func (o *frameOutput) fits(p *Page) bool {
	for _, l := range o.links {
		if l.make(p) != l.got {
			return false
		}
	}
	return true
}

// frameCache holds the outputs of cached partials for one render: the
// site data in the keys is that render's, so nothing outlives what it was
// made from.
type frameCache struct {
	mu    sync.RWMutex
	out   map[frameKey][]*frameOutput
	items map[itemKey]template.HTML
}

func newFrameCache() *frameCache {
	return &frameCache{out: map[frameKey][]*frameOutput{}, items: map[itemKey]template.HTML{}}
}

// Cached renders the partial name (a template of partials/) for this
// page, or gives its output for an earlier page where it comes out the
// same (see Frame). One more argument, if given, is the partial's
// .Args.
func (p *Page) Cached(name string, args ...any) (template.HTML, error) {
	f := &Frame{Lang: p.Lang, Kind: p.Kind, Query: p.Query, Site: p.Site, page: p}
	key := frameKey{layout: p.layout, name: name, site: p.Site, lang: p.Lang, kind: p.Kind, query: p.Query}
	switch len(args) {
	case 0:
	case 1:
		// %#v writes strings quoted and maps in key order: equal text
		// only for equal values.
		f.Args, key.args = args[0], fmt.Sprintf("%#v", args[0])
	default:
		return "", fmt.Errorf("Cached %q: one value after the name at most (a dict), not %d", name, len(args))
	}
	key.layout = p.runFrom(name)
	c := p.frames
	if c != nil {
		c.mu.RLock()
		outs := c.out[key]
		c.mu.RUnlock()
		for _, o := range outs {
			if o.fits(p) {
				return o.html, nil
			}
		}
	}
	var buf bytes.Buffer
	if err := key.layout.ExecuteTemplate(&buf, name, f); err != nil {
		return "", err
	}
	html := template.HTML(buf.String())
	if c != nil {
		c.mu.Lock()
		c.out[key] = append(c.out[key], &frameOutput{links: f.links, html: html})
		c.mu.Unlock()
	}
	return html, nil
}

// An item is what a partial included with CachedItem renders: its
// CacheKey holds everything a template can read of it.
type item interface{ CacheKey() string }

type itemKey struct {
	layout *template.Template // a layout may define a partial of its own
	name   string
	key    string
}

// CachedItem renders the partial name with it as its data, or gives the
// output of an earlier page for an item with the same CacheKey. The
// partial sees only the item, not the page, so the key is all its output
// depends on.
func (p *Page) CachedItem(name string, it item) (template.HTML, error) {
	key := itemKey{layout: p.runFrom(name), name: name, key: it.CacheKey()}
	c := p.frames
	if c != nil {
		c.mu.RLock()
		html, ok := c.items[key]
		c.mu.RUnlock()
		if ok {
			return html, nil
		}
	}
	var buf bytes.Buffer
	if err := key.layout.ExecuteTemplate(&buf, name, it); err != nil {
		return "", err
	}
	html := template.HTML(buf.String())
	if c != nil {
		c.mu.Lock()
		c.items[key] = html
		c.mu.Unlock()
	}
	return html, nil
}

// runFrom is the template set to run the partial name from for this page:
// the partials alone where that comes out the same as the page's own set,
// so that it is escaped once for all kinds (layoutSet).
func (p *Page) runFrom(name string) *template.Template {
	if ls := p.layouts; ls != nil && ls.shared[p.Kind][name] {
		return ls.partials
	}
	return p.layout
}

// templatesRun lists for each template of set the templates it runs,
// itself included, following {{template}} calls.
func templatesRun(set *template.Template) map[string][]string {
	calls := map[string][]string{}
	for _, t := range set.Templates() {
		if t.Tree != nil {
			calls[t.Name()] = templateCalls(t.Tree.Root, nil)
		}
	}
	out := map[string][]string{}
	for name := range calls {
		seen := map[string]bool{}
		var visit func(string)
		visit = func(n string) {
			if seen[n] {
				return
			}
			seen[n] = true
			for _, c := range calls[n] {
				visit(c)
			}
		}
		visit(name)
		out[name] = slices.Sorted(maps.Keys(seen))
	}
	return out
}

// templateCalls adds the names of the templates n calls to out.
func templateCalls(n parse.Node, out []string) []string {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				out = templateCalls(c, out)
			}
		}
	case *parse.TemplateNode:
		out = append(out, n.Name)
	case *parse.IfNode:
		out = templateCalls(n.List, templateCalls(n.ElseList, out))
	case *parse.RangeNode:
		out = templateCalls(n.List, templateCalls(n.ElseList, out))
	case *parse.WithNode:
		out = templateCalls(n.List, templateCalls(n.ElseList, out))
	}
	return out
}
