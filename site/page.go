package site

import (
	"fmt"
	"html/template"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/regelgids/regelgids/site/glossary"
	"github.com/regelgids/regelgids/site/guide"
	"github.com/regelgids/regelgids/site/ordinance"
	"github.com/regelgids/regelgids/site/project"
	"github.com/regelgids/regelgids/site/routes"
)

// Link is a titled internal link; Path is a site path without language
// prefix.
type Link struct {
	Title string
	Path  string
}

// Group is a situation a resident is in, with the guides that fit it.
type Group struct {
	ID     string
	Title  string // in the site's language, from gidsen/indeling.yaml
	Intro  string
	Guides []*guide.Guide
}

// Alternate is the same page in another language.
type Alternate struct {
	Lang  string
	Label string // the language's own name: "Nederlands", "English"
	Path  string // full site path, with language prefix
	// Href is the link to it from the page (Page.Asset of Path), Abs its
	// address (Page.AbsURL of Path): made once, where a template would
	// call a method for each.
	Href, Abs string
}

// SiteData is shared by all pages of one language.
type SiteData struct {
	Lang   string
	Prefix string // "" for the first language, "/en" for English
	Meta   project.Metadata
	// Doc is the ordinance in this language; where it is not translated
	// into it, the ordinance in the first language (Translated is false:
	// the site has no article pages in this language, and links to the
	// law lead to the first language's pages).
	Doc        *ordinance.Ordinance
	Translated bool
	Guides     []*guide.Guide
	Groups     []Group
	Glossary   []glossary.Entry
	// Calculators carry their example tables, computed at build time.
	Calculators []Calculator
	Review      *ReviewData
	// ApplyGuide explains how to apply for help; the home page links to
	// it. nil: no such guide.
	ApplyGuide *guide.Guide
	// HasWASM is false when the calculators could not be compiled for the
	// browser; the pages then show only their tables.
	HasWASM bool
	// WASMPending: the module is still being compiled (a first serve);
	// the calculator pages say so and show their tables.
	WASMPending bool
	Project     *project.Project
	assets      map[string]string // plain → content-hashed paths (assets.go)
	strings     map[string]string
}

// Page is what a layout renders. Templates reach the whole site through
// .Site and build links with .URL so that they are relative to this page.
type Page struct {
	Path        string // site path without language prefix: "/artikel/6/"
	Kind        string
	Lang        string
	Title       string
	Description string
	Breadcrumbs []Link
	Site        *SiteData
	Alternates  []Alternate

	Chapter    *ordinance.Chapter
	Article    *ordinance.Article
	Prev, Next *ordinance.Article
	// Explainers are the guides that explain this article.
	Explainers []*guide.Guide

	Guide *guide.Guide
	Body  template.HTML

	Calculator *Calculator
	// Screener is a page of "Wat past bij mij?".
	Screener *ScreenerView

	// Review is the readability report of the language (reviewers' pages);
	// Reviews are the texts one per-page view shows.
	Review  *ReviewData
	Reviews []Reviewed

	// Query and Results are a search answered by the server (regelgids
	// serve); the static search page has neither.
	Query   string
	Results []SearchHit

	marker *glossary.Marker
	// layout is the page's template set, for the partials it includes
	// with Cached; frames keeps their outputs for the render (nil: none).
	layout  *template.Template
	layouts *layoutSet
	frames  *frameCache
}

// ContentSecurityPolicy is the policy every page declares.
func (p *Page) ContentSecurityPolicy() string { return ContentSecurityPolicy }

// FullPath is the page's path with its language prefix.
func (p *Page) FullPath() string { return p.Site.Prefix + p.Path }

// URL returns target, a site path in this page's language such as
// "/artikel/6/#lid-1", as a link relative to this page, so the site works
// under any address.
func (p *Page) URL(target string) string { return p.link(p.Site.Prefix + target) }

// Asset returns the link to a file shared by all languages ("/css/…").
func (p *Page) Asset(target string) string { return p.link(p.Site.assetPath(target)) }

func (p *Page) link(full string) string {
	if p.Kind == KindNotFound {
		// The 404 page is served at any path: link from the site's root.
		return p.Site.basePath() + strings.TrimPrefix(full, "/")
	}
	return relativeURL(p.FullPath(), full)
}

// LawURL returns the link to a page of the ordinance (an article, the
// whole text, the toelichting): in this page's language where the
// ordinance is translated into it, else in the first language.
func (p *Page) LawURL(target string) string {
	if p.Site.Translated {
		return p.URL(target)
	}
	ls := p.Site.Project.Languages
	return p.link(ls.Full(ls[0], target))
}

// LawLang is the language of the law pages LawURL links to.
func (p *Page) LawLang() string {
	if p.Site.Translated {
		return p.Lang
	}
	return p.Site.Project.Languages[0]
}

// Canonical returns the absolute URL of the page.
func (p *Page) Canonical() string { return p.Site.Meta.BaseURL + strings.TrimPrefix(p.FullPath(), "/") }

// AbsURL returns the absolute URL of a full site path.
func (p *Page) AbsURL(full string) string { return p.Site.Meta.BaseURL + strings.TrimPrefix(full, "/") }

// T returns the interface text for key in the page's language.
func (p *Page) T(key string) (string, error) {
	s, ok := p.Site.strings[key]
	if !ok {
		return "", fmt.Errorf("no interface text %q for language %q (templates/i18n/%s.yaml)", key, p.Lang, p.Lang)
	}
	return p.expand(key, s)
}

// TOpt returns the interface text for key, or "" where there is none (an
// optional hint).
func (p *Page) TOpt(key string) (string, error) { return p.expand(key, p.Site.strings[key]) }

// reParam is a parameter in an interface text: the texts are the same for
// every municipality, so an amount or age in one comes from the content
// folder's parameters.yaml, as "{param:uitstroompremie.minimumleeftijd}".
var reParam = regexp.MustCompile(`\{param:([a-z0-9_.]+)\}`)

func (p *Page) expand(key, s string) (string, error) {
	if !strings.Contains(s, "{param:") {
		return s, nil // most texts: no need to run the expression
	}
	var err error
	s = reParam.ReplaceAllStringFunc(s, func(m string) string {
		v, e := p.Param(reParam.FindStringSubmatch(m)[1])
		if e != nil && err == nil {
			err = fmt.Errorf("templates/i18n/%s.yaml: %s: %w", p.Lang, key, e)
		}
		return v
	})
	return s, err
}

// Param returns the formatted value in force of a parameter.
func (p *Page) Param(name string) (string, error) {
	v, ok := p.Site.Project.Amount.Lookup(name)
	if !ok {
		return "", fmt.Errorf("no parameter %q", name)
	}
	return FormatValue(v, p.Lang, p.Site.strings), nil
}

// Year is the year of the amounts the site shows.
func (p *Page) Year() int { return p.Site.Project.Date.Year }

// ArticlePath is the site path of an article page.
func ArticlePath(number string) string { return routes.Path(routes.Article, number) }

func (s *SiteData) basePath() string {
	u, err := url.Parse(s.Meta.BaseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	return u.Path
}

// HasGuides, HasGlossary, HasCalculators and HasExplanation report what
// the content folder has: menus, home page and lists show only that.
func (s *SiteData) HasGuides() bool      { return len(s.Guides) > 0 }
func (s *SiteData) HasGlossary() bool    { return len(s.Glossary) > 0 }
func (s *SiteData) HasCalculators() bool { return len(s.Calculators) > 0 }

// HasExplanation reports whether the ordinance has a toelichting: a
// general part or one on an article.
func (s *SiteData) HasExplanation() bool {
	if len(s.Doc.GeneralBlocks) > 0 || s.Doc.ExplanationIntro != "" {
		return true
	}
	for _, a := range s.Doc.Articles() {
		if len(a.ExplanationBlocks) > 0 || a.Explanation != "" {
			return true
		}
	}
	return false
}

// HasContact reports whether metadata.yaml says how to reach the
// municipality.
func (s *SiteData) HasContact() bool {
	c := s.Meta.Contact
	return c.Name != "" || c.Phone != "" || c.Website != ""
}

// CVDRID is the CVDR identifier of the consolidation with its version
// where known ("CVDR680781_1"), "" when the identifier is not a CVDR one.
func (s *SiteData) CVDRID() string {
	md := s.Project.Ordinance().Metadata
	id := md.Identifier
	if !reCVDR.MatchString(id) {
		return ""
	}
	if md.Version != "" && !strings.Contains(id, "_") {
		id += "_" + md.Version
	}
	return id
}

// CVDRURL is the address of the consolidation on
// lokaleregelgeving.overheid.nl ("/CVDR680781/1" for CVDR680781_1), ""
// when the identifier is not known.
func (s *SiteData) CVDRURL() string {
	id := s.CVDRID()
	if id == "" {
		return ""
	}
	regulation, version, _ := strings.Cut(id, "_")
	return "https://lokaleregelgeving.overheid.nl/" + regulation + "/" + version
}

var reCVDR = regexp.MustCompile(`^CVDR[0-9]+(_[0-9]+)?$`)

// SourceURL is where the binding text is published: source_url, else the
// CVDR page, else "".
func (s *SiteData) SourceURL() string {
	if s.Meta.SourceURL != "" {
		return s.Meta.SourceURL
	}
	return s.CVDRURL()
}

// Expired is the notice every page shows when the regulation no longer
// applies on the build date; nil while it applies.
type Expired struct {
	Date  string // ISO
	Until bool   // Date is the last day it applied, not the first it did not
}

// Expired reports whether the regulation has ceased to apply by the
// build date: metadata.yaml's expired_on, or what the text says
// (expired on, valid until).
func (s *SiteData) Expired() *Expired {
	md := s.Project.Ordinance().Metadata
	today := s.Project.Date.String()
	switch {
	case md.ExpiredOn != "" && md.ExpiredOn <= today:
		return &Expired{Date: md.ExpiredOn}
	case md.ExpiredOn == "" && md.ValidUntil != "" && md.ValidUntil < today:
		return &Expired{Date: md.ValidUntil, Until: true}
	}
	return nil
}

// ExpiredNotice is the one sentence at the top of every page of a
// regulation that no longer applies, with the date and a link to the
// source; "" while it applies.
func (p *Page) ExpiredNotice() (template.HTML, error) {
	e := p.Site.Expired()
	if e == nil {
		return "", nil
	}
	key := "expired_since"
	if e.Until {
		key = "expired_until"
	}
	sentence, err := p.T(key)
	if err != nil {
		return "", err
	}
	label, err := p.T("expired_source")
	if err != nil {
		return "", err
	}
	src := p.Site.SourceURL()
	if src == "" {
		src = "https://lokaleregelgeving.overheid.nl/"
	}
	esc := template.HTMLEscapeString
	out := esc(sentence)
	out = strings.Replace(out, "{date}", `<time datetime="`+esc(e.Date)+`">`+esc(formatDate(p.Lang, e.Date))+`</time>`, 1)
	out = strings.Replace(out, "{source}", `<a class="utrecht-link" href="`+esc(src)+`">`+esc(label)+`</a>`, 1)
	return template.HTML(out), nil
}

// GuidesAZ returns the guides sorted by title, for A–Z lists.
func (s *SiteData) GuidesAZ() []*guide.Guide {
	out := append([]*guide.Guide(nil), s.Guides...)
	sort.SliceStable(out, func(i, j int) bool { return strings.ToLower(out[i].Title) < strings.ToLower(out[j].Title) })
	return out
}

// GuideBySlug returns the guide with the slug, or nil.
func (s *SiteData) GuideBySlug(slug string) *guide.Guide {
	for _, g := range s.Guides {
		if g.Slug == slug {
			return g
		}
	}
	return nil
}

// relativeURL makes target relative to the page at from; both are site
// paths, directories end in "/". Every link of every page is made here,
// so it works on the strings without splitting them into slices.
func relativeURL(from, target string) string {
	frag := ""
	if i := strings.IndexByte(target, '#'); i >= 0 {
		target, frag = target[:i], target[i:]
	}
	if target == "" {
		return frag
	}
	if target == from && frag != "" {
		return frag
	}
	fromDir := path.Dir(from + "x") // the directory the page is in
	up, rest := relPath(fromDir, target)
	var b strings.Builder
	b.Grow(3*up + len(rest) + 1 + len(frag))
	for i := range up {
		if i > 0 {
			b.WriteByte('/')
		}
		b.WriteString("..")
	}
	if rest != "" {
		if up > 0 {
			b.WriteByte('/')
		}
		b.WriteString(rest)
	}
	if b.Len() == 0 {
		b.WriteString("./")
	} else if strings.HasSuffix(target, "/") {
		b.WriteByte('/')
	}
	b.WriteString(frag)
	return b.String()
}

// relPath is the way from the directory fromDir to target: up how many
// directories, then down which path ("a/b"). Both are cut into their
// slash-separated parts as given, target cleaned.
func relPath(fromDir, target string) (up int, rest string) {
	f := strings.Trim(fromDir, "/")
	t := strings.Trim(path.Clean(target), "/")
	for f != "" && t != "" {
		fs, frest, _ := strings.Cut(f, "/")
		ts, trest, _ := strings.Cut(t, "/")
		if fs != ts {
			break
		}
		f, t = frest, trest
	}
	if f != "" {
		up = strings.Count(f, "/") + 1
	}
	return up, t
}
