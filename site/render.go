package site

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html/template"
	"io/fs"
	"net/url"
	"path"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/regelgids/regelgids/site/ordinance"
)

// Page kinds, one layout each in templates/layouts.
const (
	KindHome        = "home"
	KindArticle     = "article"
	KindOrdinance   = "ordinance"
	KindExplanation = "explanation"
	KindNotFound    = "404"
)

// Output is a rendered site: slash-separated file paths (no leading slash)
// to their bytes.
type Output map[string][]byte

// Paths returns the file paths in sorted order, so writing is deterministic.
func (o Output) Paths() []string {
	paths := make([]string, 0, len(o))
	for p := range o {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	return paths
}

// Link is a titled internal link.
type Link struct {
	Title string
	Path  string
}

// Voorziening is a kind of help as the home page lists it.
type Voorziening struct {
	Article *ordinance.Article
	Summary string
}

// Page is what a layout renders. Templates reach the whole site through
// .Site and build links with .URL so that they are relative to this page.
type Page struct {
	Path        string // URL path of the page, "/artikel/6/"
	Kind        string
	Lang        string
	Title       string
	Description string
	Breadcrumbs []Link
	Site        *SiteData

	Chapter    *ordinance.Chapter
	Article    *ordinance.Article
	Prev, Next *ordinance.Article
}

// SiteData is shared by all pages of one language.
type SiteData struct {
	Meta          Metadata
	Doc           *ordinance.Ordinance
	Voorzieningen []Voorziening
	Apply         *ordinance.Article
	strings       map[string]string
}

// URL returns target (a site path such as "/artikel/6/#lid-1") as a link
// relative to this page, so the site works under any address. The 404 page
// is served at arbitrary paths, so it links from the site's root instead.
func (p *Page) URL(target string) string {
	if p.Kind == KindNotFound {
		return p.Site.basePath() + strings.TrimPrefix(target, "/")
	}
	return relativeURL(p.Path, target)
}

// Canonical returns the absolute URL of the page.
func (p *Page) Canonical() string {
	return p.Site.Meta.BaseURL + strings.TrimPrefix(p.Path, "/")
}

// T returns the interface text for key in the page's language.
func (p *Page) T(key string) (string, error) {
	s, ok := p.Site.strings[key]
	if !ok {
		return "", fmt.Errorf("no interface text %q for language %q (templates/i18n/%s.yaml)", key, p.Lang, p.Lang)
	}
	return s, nil
}

// ArticlePath is the site path of an article page.
func ArticlePath(number string) string { return "/artikel/" + number + "/" }

func (s *SiteData) basePath() string {
	u, err := url.Parse(s.Meta.BaseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	return u.Path
}

// relativeURL makes target relative to the page at from; both are site
// paths, directories end in "/".
func relativeURL(from, target string) string {
	frag := ""
	if i := strings.IndexByte(target, '#'); i >= 0 {
		target, frag = target[:i], target[i:]
	}
	if target == "" {
		return frag
	}
	fromDir := path.Dir(from + "x") // the directory the page is in
	rel := relPath(fromDir, target)
	if strings.HasSuffix(target, "/") && !strings.HasSuffix(rel, "/") {
		rel += "/"
	}
	if rel == "./" && frag != "" && target == from {
		return frag
	}
	return rel + frag
}

func relPath(fromDir, target string) string {
	f := splitPath(fromDir)
	t := splitPath(path.Clean(target))
	i := 0
	for i < len(f) && i < len(t) && f[i] == t[i] {
		i++
	}
	parts := make([]string, 0, len(f)-i+len(t)-i)
	for range f[i:] {
		parts = append(parts, "..")
	}
	parts = append(parts, t[i:]...)
	if len(parts) == 0 {
		return "./"
	}
	return strings.Join(parts, "/")
}

func splitPath(p string) []string {
	p = strings.Trim(p, "/")
	if p == "" {
		return nil
	}
	return strings.Split(p, "/")
}

// Renderer turns a Project into files with the layouts of one templates
// folder.
type Renderer struct {
	layouts map[string]*template.Template
	static  fs.FS
	i18n    map[string]map[string]string
}

// NewRenderer parses the layouts, partials and interface texts of a
// templates folder.
func NewRenderer(tfs fs.FS) (*Renderer, error) {
	r := &Renderer{layouts: map[string]*template.Template{}, i18n: map[string]map[string]string{}}
	base := template.New("").Funcs(funcs)
	partials, err := fs.Glob(tfs, "partials/*.html")
	if err != nil {
		return nil, err
	}
	base, err = parseFiles(base, tfs, append([]string{"layouts/base.html"}, partials...)...)
	if err != nil {
		return nil, err
	}
	for _, kind := range []string{KindHome, KindArticle, KindOrdinance, KindExplanation, KindNotFound} {
		t, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if r.layouts[kind], err = parseFiles(t, tfs, "layouts/"+kind+".html"); err != nil {
			return nil, err
		}
	}
	if r.static, err = fs.Sub(tfs, "static"); err != nil {
		return nil, err
	}
	for _, lang := range []string{"nl"} {
		name := "i18n/" + lang + ".yaml"
		raw, err := fs.ReadFile(tfs, name)
		if err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
		m := map[string]string{}
		if err := yaml.Unmarshal(raw, &m); err != nil {
			return nil, fmt.Errorf("templates/%s: %s", name, strings.TrimPrefix(err.Error(), "yaml: "))
		}
		r.i18n[lang] = m
	}
	return r, nil
}

func parseFiles(t *template.Template, tfs fs.FS, names ...string) (*template.Template, error) {
	for _, name := range names {
		src, err := fs.ReadFile(tfs, name)
		if err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
		if _, err := t.New(name).Parse(string(src)); err != nil {
			return nil, fmt.Errorf("templates/%w", err)
		}
	}
	return t, nil
}

var funcs = template.FuncMap{
	// paragraphs splits text the model joins with blank lines.
	"paragraphs": func(s string) []string {
		if s == "" {
			return nil
		}
		return strings.Split(s, "\n\n")
	},
	// dict builds a map for passing several values to a partial.
	"dict": func(kv ...any) (map[string]any, error) {
		if len(kv)%2 != 0 {
			return nil, fmt.Errorf("dict: odd number of arguments")
		}
		m := make(map[string]any, len(kv)/2)
		for i := 0; i < len(kv); i += 2 {
			k, ok := kv[i].(string)
			if !ok {
				return nil, fmt.Errorf("dict: key %v is not a string", kv[i])
			}
			m[k] = kv[i+1]
		}
		return m, nil
	},
	// anchor is the fragment id of a lid or onderdeel: "lid-1", "lid-1-a",
	// "onderdeel-a" where the article has no numbered leden; prefix makes
	// ids unique on the page that holds the whole ordinance.
	"anchor":    anchorID,
	"dutchDate": dutchDate,
}

func anchorID(prefix, lid, item string) string {
	var id string
	switch {
	case lid != "" && item != "":
		id = "lid-" + lid + "-" + item
	case lid != "":
		id = "lid-" + lid
	default:
		id = "onderdeel-" + item
	}
	return prefix + id
}

var monthNames = []string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}

// dutchDate writes an ISO date the Dutch way: "2024-07-01" → "1 juli 2024".
func dutchDate(iso string) string {
	var y, m, d int
	if _, err := fmt.Sscanf(iso, "%4d-%2d-%2d", &y, &m, &d); err != nil || m < 1 || m > 12 {
		return iso
	}
	return fmt.Sprintf("%d %s %d", d, monthNames[m-1], y)
}

// Render renders every page of the project and copies the static files.
func (r *Renderer) Render(p *Project) (Output, error) {
	out := Output{}
	sd := r.siteData(p, "nl")
	pages := r.pages(sd)
	for _, pg := range pages {
		var buf bytes.Buffer
		if err := r.layouts[pg.Kind].ExecuteTemplate(&buf, "layouts/base.html", pg); err != nil {
			return nil, fmt.Errorf("render %s: %w", pg.Path, err)
		}
		out[filePath(pg)] = buf.Bytes()
	}
	err := fs.WalkDir(r.static, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(r.static, name)
		out[name] = b
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("templates/static: %w", err)
	}
	out["sitemap.xml"] = sitemap(p.Meta.BaseURL, pages)
	out["robots.txt"] = []byte("User-agent: *\nAllow: /\n\nSitemap: " + p.Meta.BaseURL + "sitemap.xml\n")
	return out, nil
}

func filePath(pg *Page) string {
	if pg.Kind == KindNotFound {
		return "404.html"
	}
	return strings.TrimPrefix(pg.Path, "/") + "index.html"
}

func (r *Renderer) siteData(p *Project, lang string) *SiteData {
	sd := &SiteData{Meta: p.Meta, Doc: p.Ordinance, strings: r.i18n[lang]}
	for _, n := range p.Meta.Voorzieningen {
		a := p.Ordinance.Article(n)
		sd.Voorzieningen = append(sd.Voorzieningen, Voorziening{Article: a, Summary: summary(a)})
	}
	if p.Meta.ApplyArticle != "" {
		sd.Apply = p.Ordinance.Article(p.Meta.ApplyArticle)
	}
	return sd
}

// pages lists every page of one language, in a fixed order.
func (r *Renderer) pages(sd *SiteData) []*Page {
	t := sd.strings
	doc := sd.Doc
	home := Link{Title: t["home"], Path: "/"}
	ord := Link{Title: t["ordinance"], Path: "/verordening/"}
	pages := []*Page{
		{Path: "/", Kind: KindHome, Title: t["home_title"], Description: t["home_description"]},
		{Path: "/verordening/", Kind: KindOrdinance, Title: doc.Title, Description: t["ordinance_description"], Breadcrumbs: []Link{home}},
		{Path: "/toelichting/", Kind: KindExplanation, Title: t["explanation_title"], Description: t["explanation_description"], Breadcrumbs: []Link{home, ord}},
		{Path: "/404.html", Kind: KindNotFound, Title: t["not_found_title"], Description: t["not_found_title"]},
	}
	all := doc.Articles()
	for i, a := range all {
		c := doc.ChapterOf(a.Number)
		pg := &Page{
			Path:        ArticlePath(a.Number),
			Kind:        KindArticle,
			Title:       t["article"] + " " + a.Number + ". " + a.Title,
			Description: summary(a),
			Breadcrumbs: []Link{home, ord},
			Chapter:     c,
			Article:     a,
		}
		if c.Number != "" {
			pg.Breadcrumbs = append(pg.Breadcrumbs, Link{Title: t["chapter"] + " " + c.Number + ". " + c.Title, Path: "/verordening/#hoofdstuk-" + c.Number})
		}
		if i > 0 {
			pg.Prev = all[i-1]
		}
		if i+1 < len(all) {
			pg.Next = all[i+1]
		}
		pages = append(pages, pg)
	}
	for _, pg := range pages {
		pg.Lang, pg.Site = "nl", sd
	}
	return pages
}

// summary is a one-sentence description of an article for lists and the
// meta description: the sentence that states its purpose ("Het doel …")
// where there is one, else its first sentence.
func summary(a *ordinance.Article) string {
	for _, q := range a.Paragraphs {
		if strings.HasPrefix(q.Text, "Het doel") || strings.HasPrefix(q.Text, "Doel ") {
			return firstSentence(q.Text)
		}
	}
	if len(a.Paragraphs) == 0 {
		return ""
	}
	return firstSentence(a.Paragraphs[0].Text)
}

func firstSentence(s string) string {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '.' && s[i+1] == ' ' && i > 0 && s[i-1] != ' ' && !isAbbrevEnd(s[:i]) {
			return s[:i+1]
		}
	}
	return s
}

// isAbbrevEnd reports whether text ends in an abbreviation, whose period
// does not end a sentence.
func isAbbrevEnd(s string) bool {
	for _, ab := range []string{"bijv", "o.a", "art", "evt", "zgn", "dwz", "e.d", "nr", "jo"} {
		if strings.HasSuffix(s, " "+ab) || s == ab {
			return true
		}
	}
	return false
}

func sitemap(base string, pages []*Page) []byte {
	type loc struct {
		Loc string `xml:"loc"`
	}
	type urlset struct {
		XMLName xml.Name `xml:"urlset"`
		NS      string   `xml:"xmlns,attr"`
		URLs    []loc    `xml:"url"`
	}
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, pg := range pages {
		if pg.Kind != KindNotFound {
			set.URLs = append(set.URLs, loc{Loc: base + strings.TrimPrefix(pg.Path, "/")})
		}
	}
	sort.Slice(set.URLs, func(i, j int) bool { return set.URLs[i].Loc < set.URLs[j].Loc })
	b, _ := xml.MarshalIndent(set, "", "  ") // plain strings cannot fail to marshal
	return append(append([]byte(xml.Header), b...), '\n')
}
