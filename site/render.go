package site

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"
	"text/template/parse"
	"time"

	"github.com/regelgids/regelgids/site/legal"
	"github.com/regelgids/regelgids/site/project"

	"go.yaml.in/yaml/v3"

	"github.com/regelgids/regelgids/site/glossary"
	"github.com/regelgids/regelgids/site/guide"
	"github.com/regelgids/regelgids/site/internal/contentfile"
	"github.com/regelgids/regelgids/site/ordinance"
	"github.com/regelgids/regelgids/site/routes"
	"github.com/regelgids/regelgids/site/search"
)

// Page kinds, one layout each in templates/layouts.
const (
	KindHome        = "home"
	KindArticle     = "article"
	KindOrdinance   = "ordinance"
	KindExplanation = "explanation"
	KindGuide       = "guide"
	KindGuides      = "guides"
	KindGlossary    = "glossary"
	KindCalculator  = "calculator"
	KindCalculators = "calculators"
	KindSearch      = "search"
	KindReview      = "review"
	KindReviewPage  = "review-page"
	// KindReviewReport is every text's scores, hard sentences and the
	// consistency findings on one page to print.
	KindReviewReport = "review-report"
	KindNotFound     = "404"
	// The toegankelijkheidsverklaring and the privacy page: the same texts
	// for every municipality, with its contact from metadata.yaml.
	KindAccessibility = "accessibility"
	KindPrivacy       = "privacy"
	// KindChanges is "Wat verandert er?": the amounts per date and the
	// readings (changes.go).
	KindChanges = "changes"
)

var kinds = []string{KindHome, KindArticle, KindOrdinance, KindExplanation, KindGuide, KindGuides, KindGlossary, KindCalculator, KindCalculators, KindSearch, KindReview, KindReviewPage, KindReviewReport, KindNotFound, KindAccessibility, KindPrivacy, KindChanges, KindScreener}

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

// layoutSet is a templates folder parsed: a set per page kind (base.html,
// the partials and the kind's layout), and base.html with the partials
// alone, from which a partial included with Cached runs where the kind's
// layout defines none of the templates it runs: escaped once, not once
// per kind.
type layoutSet struct {
	byKind   map[string]*template.Template
	partials *template.Template
	shared   map[string]map[string]bool // kind → template name → runs the same from partials
}

// Renderer turns a Project into files with the layouts of one templates
// folder.
type Renderer struct {
	layouts *layoutSet
	static  fs.FS
	i18n    map[string]map[string]string
	cache   *Cache     // what earlier builds derived (Options.Cache); nil: none
	terms   termsCache // per language, for the pages' markers (parallel.go)
	// sources are what the project and templates were read from, when
	// known: pages are then kept in cache by their inputs (pagecache.go).
	sources *sources
}

// Built is a site rendered in memory: its files, and what was derived from
// the project to render them. Rendering never changes the project, so two
// renders of one project can run at once.
type Built struct {
	Project *project.Project
	Files   Output
	// Sites are the site data per language, for pages rendered on request
	// (the search page with results).
	Sites map[string]*SiteData
	// SearchDocs are the page sections the search indexes.
	SearchDocs []search.Document
	// Findings are the regeling/toelichting differences the reviewers'
	// pages show.
	Findings []Finding
	// Rendered is how many pages were rendered; the others were the
	// previous build's (Options.Cache).
	Rendered int
}

// Module is the calculators' WebAssembly module with its loader.
type Module = wasmModule

// NewRenderer parses the layouts, partials and interface texts of a
// templates folder.
func NewRenderer(tfs fs.FS) (*Renderer, error) {
	r := &Renderer{i18n: map[string]map[string]string{}}
	base := template.New("").Funcs(funcs)
	partials, err := fs.Glob(tfs, "partials/*.html")
	if err != nil {
		return nil, err
	}
	base, err = parseFiles(base, tfs, append([]string{"layouts/base.html"}, partials...)...)
	if err != nil {
		return nil, err
	}
	r.layouts = &layoutSet{byKind: map[string]*template.Template{}, partials: base, shared: map[string]map[string]bool{}}
	runs := templatesRun(base)
	for _, kind := range kinds {
		t, err := base.Clone()
		if err != nil {
			return nil, err
		}
		before := map[string]*parse.Tree{}
		for _, x := range t.Templates() {
			before[x.Name()] = x.Tree
		}
		if r.layouts.byKind[kind], err = parseFiles(t, tfs, "layouts/"+kind+".html"); err != nil {
			return nil, err
		}
		// What the layout defines or redefines has a tree of its own.
		defines := map[string]bool{}
		for _, x := range t.Templates() {
			if x.Tree != before[x.Name()] {
				defines[x.Name()] = true
			}
		}
		r.layouts.shared[kind] = map[string]bool{}
		for name, used := range runs {
			r.layouts.shared[kind][name] = !slices.ContainsFunc(used, func(u string) bool { return defines[u] })
		}
	}
	if r.static, err = fs.Sub(tfs, "static"); err != nil {
		return nil, err
	}
	keys := map[string]map[string]int{}
	for _, lang := range project.SupportedLanguages {
		name := "i18n/" + lang + ".yaml"
		raw, err := contentfile.Read(tfs, name, contentfile.FileLimit)
		if err != nil {
			return nil, fmt.Errorf("templates/%w", err)
		}
		m := map[string]string{}
		if err := yaml.Unmarshal(raw, &m); err != nil {
			return nil, fmt.Errorf("templates/%s: %s", name, strings.TrimPrefix(err.Error(), "yaml: "))
		}
		r.i18n[lang] = m
		keys[lang] = map[string]int{}
		for k := range m {
			keys[lang][k] = 1
		}
	}
	if err := project.MissingCounterparts(keys, func(lang, key string) string {
		return fmt.Sprintf("templates/i18n/%s.yaml: interface text %q is missing", lang, key)
	}); err != nil {
		return nil, err
	}
	return r, nil
}

func parseFiles(t *template.Template, tfs fs.FS, names ...string) (*template.Template, error) {
	for _, name := range names {
		src, err := contentfile.Read(tfs, name, contentfile.FileLimit)
		if err != nil {
			return nil, fmt.Errorf("templates/%w", err)
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
	"anchor": routes.Anchor,
	// articleFragment is "#lid-1-e" for a lid and onderdeel, "" for none.
	"articleFragment": func(lid, item string) string {
		if lid == "" && item == "" {
			return ""
		}
		return "#" + routes.Anchor("", lid, item)
	},
	"date": formatDate,
	// cachedItem is Page.CachedItem as a function, for a partial called
	// once per item of a long list: a method call costs a template more.
	"cachedItem": func(p *Page, name string, it item) (template.HTML, error) { return p.CachedItem(name, it) },
	"join":       strings.Join,
	// anchorSafe turns a path into an id fragment.
	"anchorSafe": func(s string) string {
		return strings.Trim(anchorReplacer.Replace(s), "-")
	},
	// reasonFragment is the anchor a calculator reason links to.
	"reasonFragment": func(paragraph string) string {
		switch paragraph {
		case "":
			return ""
		case "toelichting":
			return "#toelichting"
		}
		return "#lid-" + paragraph
	},
	// initial is the first letter of a term, for the A–Z index.
	"initial": func(s string) string {
		for _, r := range strings.ToUpper(s) {
			return string(r)
		}
		return ""
	},
}

var anchorReplacer = strings.NewReplacer("/", "-", "#", "-")

// formatDate writes an ISO date for readers: "1 juli 2024", "1 July 2024".
func formatDate(lang, iso string) string {
	var y, m, d int
	if _, err := fmt.Sscanf(iso, "%4d-%2d-%2d", &y, &m, &d); err != nil || m < 1 || m > 12 {
		return iso
	}
	month := time.Month(m).String() // English
	if lang == "nl" {
		month = legal.MonthName(m)
	}
	return fmt.Sprintf("%d %s %d", d, month, y)
}

// Render renders every page of the project in every language and copies
// the static files. mod is the calculators' WebAssembly module; nil builds
// the site without browser calculators.
func (r *Renderer) Render(p *project.Project, mod *Module) (*Built, error) {
	out := Output{}
	var all []*Page
	b := &Built{Project: p, Files: out, Sites: map[string]*SiteData{}, Findings: r.consistency(p)}
	if p.Calculators == nil || len(p.Calculators.Calculators) == 0 {
		mod = nil // no calculators: no module, amounts or scripts for them
	}
	shared, err := r.assets(p, mod)
	if err != nil {
		return nil, err
	}
	if mod != nil && mod.wasm != nil {
		if err := screenerFiles(shared, p); err != nil {
			return nil, err
		}
	}
	assets := addAssets(out, shared)
	hasWASM, pending := mod != nil && mod.wasm != nil, mod != nil && mod.wasm == nil
	var keys *pageKeys
	if r.cache != nil {
		keys = newPageKeys(r.sources, p, assets, hasWASM, pending)
	}
	for _, lang := range p.Languages {
		sd, err := r.siteData(p, lang, b.Findings)
		if err != nil {
			return nil, err
		}
		b.Sites[lang] = sd
		sd.HasWASM, sd.WASMPending = hasWASM, pending
		sd.assets = assets
		all = append(all, r.pages(sd, keys)...)
	}
	linkAlternates(all)
	var fileKeys map[string]cacheKey
	if b.Rendered, fileKeys, err = r.renderPages(out, all, keys); err != nil {
		return nil, err
	}
	if b.SearchDocs, err = r.addSearch(out, p, fileKeys); err != nil {
		return nil, err
	}
	addChangesFeeds(out, b.Sites)
	out["robots.txt"] = []byte("User-agent: *\nAllow: /\n")
	if p.Meta.BaseURL != "" {
		// A sitemap lists absolute addresses: only where the site's
		// address is known.
		out["sitemap.xml"] = sitemap(p.Meta.BaseURL, all)
		out["robots.txt"] = []byte("User-agent: *\nAllow: /\n\nSitemap: " + p.Meta.BaseURL + "sitemap.xml\n")
	}
	return b, nil
}

func (r *Renderer) renderPage(out Output, pg *Page) error {
	pg.marker = r.glossaryTerms(pg.Site).Marker(func(id string) string { return pg.URL("/begrippen/#" + id) })
	if pg.Kind == KindGlossary {
		for _, e := range pg.Site.Glossary {
			pg.marker.Seen(e.ID) // the glossary does not link to itself
		}
	}
	if pg.Guide != nil {
		body, err := pg.Guide.Render(&guide.Env{
			Param: pg.Param,
			Mark: func(name string) (string, string) {
				if p := pg.Site.ReadingPath(name); p != "" {
					return p, pg.Site.strings["reading_mark"]
				}
				return "", ""
			},
			Link: func(dest string) (string, error) {
				if strings.HasPrefix(dest, "/") && !strings.HasPrefix(dest, "//") {
					if k, _, ok := routes.Parse(strings.SplitN(dest, "#", 2)[0]); ok && (k == routes.Article || k == routes.Ordinance || k == routes.Explanation) {
						return pg.LawURL(dest), nil
					}
					return pg.URL(dest), nil
				}
				u, err := url.Parse(dest)
				if err != nil || (u.Scheme != "https" && u.Scheme != "http" && u.Scheme != "mailto" && u.Scheme != "tel") {
					return "", fmt.Errorf("not a site path or web address")
				}
				return dest, nil
			},
			Glossary: pg.marker,
			Sources:  pg.guideSources(),
		})
		if err != nil {
			return err
		}
		pg.Body = body
	}
	pg.layout, pg.layouts = r.layouts.byKind[pg.Kind], r.layouts
	buf := pageBuffers.Get().(*bytes.Buffer)
	defer pageBuffers.Put(buf)
	buf.Reset()
	if err := pg.layout.ExecuteTemplate(buf, "layouts/base.html", pg); err != nil {
		return fmt.Errorf("render %s: %w", pg.FullPath(), err)
	}
	out[filePath(pg)] = bytes.Clone(buf.Bytes())
	return nil
}

// pageBuffers are buffers to render pages into: one that has grown to the
// size of a page renders the next without growing again, and the page
// keeps an exact copy.
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func filePath(pg *Page) string { return routes.File(pg.FullPath()) }

// linkAlternates connects each page to the same path in the other
// languages.
func linkAlternates(pages []*Page) {
	byPath := map[string][]*Page{}
	for _, pg := range pages {
		byPath[pg.Path] = append(byPath[pg.Path], pg)
	}
	for _, pg := range pages {
		for _, other := range byPath[pg.Path] {
			full := other.FullPath()
			pg.Alternates = append(pg.Alternates, Alternate{Lang: other.Lang, Label: other.Site.strings["language_name"], Path: full, Href: pg.Asset(full), Abs: pg.AbsURL(full)})
		}
	}
}

func (r *Renderer) siteData(p *project.Project, lang string, findings []Finding) (*SiteData, error) {
	sd := &SiteData{
		Lang:       lang,
		Meta:       p.Meta,
		Doc:        p.Docs[lang],
		Translated: p.Docs[lang] != nil,
		Guides:     p.Guides[lang],
		Glossary:   sortedGlossary(p.Glossary[lang]),
		Project:    p,
		strings:    withOverrides(r.i18n[lang], p.Meta.Site.Overrides(lang)),
	}
	sd.Prefix = p.Languages.Prefix(lang)
	if !sd.Translated {
		sd.Doc = p.Ordinance() // for titles; its pages are the first language's
	}
	if gs := p.GuideStructure; gs != nil {
		for _, s := range gs.Situations {
			g := Group{ID: s.ID, Title: s.Title[lang], Intro: s.Intro[lang]}
			for _, gd := range sd.Guides {
				for _, id := range gd.Situations {
					if id == s.ID {
						g.Guides = append(g.Guides, gd)
					}
				}
			}
			sd.Groups = append(sd.Groups, g)
		}
		sd.ApplyGuide = sd.GuideBySlug(gs.ApplyGuide)
	}
	calcs, err := calculatorsFor(p, lang)
	if err != nil {
		return nil, err
	}
	sd.Calculators = calcs
	texts, err := reviewTexts(p, lang, sd.strings, r.cache)
	if err != nil {
		return nil, err
	}
	sd.Review = newReviewData(texts, findings)
	return sd, nil
}

// pages lists every page of one language, in a fixed order. With keys,
// the pages of "Wat past bij mij?" are the previous build's when nothing
// they are made of changed.
func (r *Renderer) pages(sd *SiteData, keys *pageKeys) []*Page {
	t := sd.strings
	doc := sd.Doc
	home := Link{Title: t["home"], Path: routes.Path(routes.Home, "")}
	ord := Link{Title: t["ordinance"], Path: routes.Path(routes.Ordinance, "")}
	guides := Link{Title: t["guides"], Path: routes.Path(routes.Guides, "")}
	// Only what the content folder has: no page without guides, glossary
	// entries, toelichting or a translation of the ordinance to show.
	pages := []*Page{{Path: home.Path, Kind: KindHome, Title: t["home_title"], Description: t["home_description"]}}
	if sd.HasGuides() {
		pages = append(pages, &Page{Path: guides.Path, Kind: KindGuides, Title: t["guides_title"], Description: t["guides_description"], Breadcrumbs: []Link{home}})
	}
	if sd.HasGlossary() {
		pages = append(pages, &Page{Path: routes.Path(routes.Glossary, ""), Kind: KindGlossary, Title: t["glossary_title"], Description: t["glossary_description"], Breadcrumbs: []Link{home}})
	}
	if sd.Translated {
		pages = append(pages, &Page{Path: ord.Path, Kind: KindOrdinance, Title: doc.Title, Description: t["ordinance_description"], Breadcrumbs: []Link{home}})
		if sd.HasExplanation() {
			pages = append(pages, &Page{Path: routes.Path(routes.Explanation, ""), Kind: KindExplanation, Title: t["explanation_title"], Description: t["explanation_description"], Breadcrumbs: []Link{home, ord}})
		}
	}
	pages = append(pages,
		&Page{Path: routes.Path(routes.Search, ""), Kind: KindSearch, Title: t["search_title"], Description: t["search_page_intro"], Breadcrumbs: []Link{home}},
		&Page{Path: routes.Path(routes.NotFound, ""), Kind: KindNotFound, Title: t["not_found_title"], Description: t["not_found_title"]},
		// Linked from every footer; not in the search index, which holds
		// what the regulation says (search.pageKind).
		&Page{Path: routes.Path(routes.Accessibility, ""), Kind: KindAccessibility, Title: t["a11y_title"], Description: t["a11y_description"], Breadcrumbs: []Link{home}},
		&Page{Path: routes.Path(routes.Privacy, ""), Kind: KindPrivacy, Title: t["privacy_title"], Description: t["privacy_description"], Breadcrumbs: []Link{home}},
	)
	if sd.HasChanges() {
		pages = append(pages, &Page{Path: routes.Path(routes.Changes, ""), Kind: KindChanges, Title: t["changes_title"], Description: t["changes_description"], Breadcrumbs: []Link{home}})
	}
	review := Link{Title: t["review_title"], Path: routes.Path(routes.Review, "")}
	pages = append(pages, &Page{Path: review.Path, Kind: KindReview, Title: t["review_title"], Description: t["review_intro"], Breadcrumbs: []Link{home}, Review: sd.Review},
		&Page{Path: routes.Path(routes.ReviewReport, ""), Kind: KindReviewReport, Title: t["review_report_title"], Description: t["review_report_description"], Breadcrumbs: []Link{home, review}, Review: sd.Review})
	views := map[string]*Page{}
	for _, r := range sd.Review.Texts {
		pg := views[r.ReviewPath()]
		if pg == nil {
			title := r.Title
			if r.Kind == TextGlossary {
				title = t["glossary_title"]
			}
			pg = &Page{Path: r.ReviewPath(), Kind: KindReviewPage, Title: t["review_title"] + ": " + title, Description: t["review_page_intro"], Breadcrumbs: []Link{home, review}}
			views[r.ReviewPath()] = pg
			pages = append(pages, pg)
		}
		pg.Reviews = append(pg.Reviews, r)
	}
	pages = append(pages, r.cachedScreenerPages(sd, home, keys)...)
	calcs := Link{Title: t["calcs"], Path: routes.Path(routes.Calculators, "")}
	if sd.HasCalculators() {
		pages = append(pages, &Page{Path: calcs.Path, Kind: KindCalculators, Title: t["calcs_title"], Description: t["calcs_intro"], Breadcrumbs: []Link{home}})
	}
	for i := range sd.Calculators {
		c := &sd.Calculators[i]
		pages = append(pages, &Page{
			Path: routes.Path(routes.Calculator, c.Name), Kind: KindCalculator, Title: t["calc_"+c.Name+"_title"], Description: t["calc_"+c.Name+"_intro"],
			Breadcrumbs: []Link{home, calcs}, Calculator: c,
		})
	}
	for _, g := range sd.Guides {
		pages = append(pages, &Page{
			Path: routes.Path(routes.Guide, g.Slug), Kind: KindGuide, Title: g.Title, Description: g.Summary,
			Breadcrumbs: []Link{home, guides}, Guide: g,
		})
	}
	all := doc.Articles()
	if !sd.Translated {
		all = nil // the articles are read in the first language
	}
	for i, a := range all {
		c := doc.ChapterOf(a.Number)
		pg := &Page{
			Path:        routes.Path(routes.Article, a.Number),
			Kind:        KindArticle,
			Title:       t["article"] + " " + a.Number + ". " + a.Title,
			Description: summary(a),
			Breadcrumbs: []Link{home, ord},
			Chapter:     c,
			Article:     a,
		}
		if c.Number != "" {
			pg.Breadcrumbs = append(pg.Breadcrumbs, Link{Title: t["chapter"] + " " + c.Number + ". " + c.Title, Path: routes.Chapter(c.Number)})
		}
		if i > 0 {
			pg.Prev = all[i-1]
		}
		if i+1 < len(all) {
			pg.Next = all[i+1]
		}
		for _, g := range sd.Guides {
			for _, n := range g.Articles {
				if n == a.Number {
					pg.Explainers = append(pg.Explainers, g)
				}
			}
		}
		pages = append(pages, pg)
	}
	for _, pg := range pages {
		pg.Lang, pg.Site = sd.Lang, sd
	}
	return pages
}

// summary is a one-sentence description of an article for the meta
// description: the sentence that states its purpose ("Het doel …") where
// there is one, else its first sentence.
func summary(a *ordinance.Article) string {
	for _, q := range a.Paragraphs {
		if strings.HasPrefix(q.Text, "Het doel") || strings.HasPrefix(q.Text, "Doel ") || strings.HasPrefix(q.Text, "The purpose") {
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
	for _, ab := range []string{"bijv", "o.a", "art", "evt", "zgn", "dwz", "e.d", "nr", "jo", "e.g", "i.e"} {
		if strings.HasSuffix(s, " "+ab) || s == ab {
			return true
		}
	}
	return false
}

// sitemap lists every page with its language alternates (hreflang), as
// search engines read them.
func sitemap(base string, pages []*Page) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	var listed []*Page
	for _, pg := range pages {
		if pg.Kind != KindNotFound {
			listed = append(listed, pg)
		}
	}
	sort.Slice(listed, func(i, j int) bool { return listed[i].FullPath() < listed[j].FullPath() })
	esc := func(s string) string {
		var e bytes.Buffer
		template.HTMLEscape(&e, []byte(s))
		return e.String()
	}
	for _, pg := range listed {
		fmt.Fprintf(&b, "  <url>\n    <loc>%s</loc>\n", esc(base+strings.TrimPrefix(pg.FullPath(), "/")))
		for _, alt := range pg.Alternates {
			fmt.Fprintf(&b, "    <xhtml:link rel=\"alternate\" hreflang=\"%s\" href=\"%s\"/>\n", alt.Lang, esc(base+strings.TrimPrefix(alt.Path, "/")))
		}
		b.WriteString("  </url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// sortedGlossary orders entries alphabetically by their term in this
// language, ignoring case, hyphens and accents, as a dictionary does.
func sortedGlossary(entries []glossary.Entry) []glossary.Entry {
	out := append([]glossary.Entry(nil), entries...)
	key := func(s string) string { return dictionaryOrder.Replace(strings.ToLower(s)) }
	sort.SliceStable(out, func(i, j int) bool { return key(out[i].Term) < key(out[j].Term) })
	return out
}

var dictionaryOrder = strings.NewReplacer("-", "", "é", "e", "ë", "e", "è", "e", "ï", "i", "ö", "o", "ü", "u", "á", "a")

// SearchHit is a search result as the search page shows it; Snippet is
// HTML the index escaped, with <mark> around matched words.
type SearchHit struct {
	URL, Title, Kind string
	Snippet          template.HTML
}

// SearchPage renders the search page of a language with the results of a
// query, for the server. It reuses the site data of the last build.
func (r *Renderer) SearchPage(sd *SiteData, query string, results []search.Result) ([]byte, error) {
	pg := &Page{Path: routes.Path(routes.Search, ""), Kind: KindSearch, Lang: sd.Lang, Site: sd, Title: sd.strings["search_title"], Description: sd.strings["search_page_intro"],
		Breadcrumbs: []Link{{Title: sd.strings["home"], Path: routes.Path(routes.Home, "")}}, Query: query}
	for _, res := range results {
		pg.Results = append(pg.Results, SearchHit{URL: res.URL, Title: res.Title, Kind: res.Kind, Snippet: template.HTML(res.Snippet)})
	}
	pg.Alternates = []Alternate{}
	langs := sd.Project.Languages
	for _, lang := range langs {
		full := langs.Full(lang, pg.Path)
		pg.Alternates = append(pg.Alternates, Alternate{Lang: lang, Label: r.i18n[lang]["language_name"], Path: full, Href: pg.Asset(full), Abs: pg.AbsURL(full)})
	}
	pg.marker = glossary.NewMarker(nil, func(string) string { return "" })
	pg.layout, pg.layouts = r.layouts.byKind[KindSearch], r.layouts // no frames: every query would be kept
	var buf bytes.Buffer
	if err := pg.layout.ExecuteTemplate(&buf, "layouts/base.html", pg); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// addSearch indexes what the pages show: it extracts the sections of the
// rendered pages and writes the browser's index per language, the search
// scripts, and the search styles into the one stylesheet.
func (r *Renderer) addSearch(out Output, p *project.Project, fileKeys map[string]cacheKey) ([]search.Document, error) {
	docs, err := r.searchDocuments(out, p.Languages, fileKeys)
	var pe *search.PageError
	if errors.As(err, &pe) {
		return nil, fmt.Errorf("%s:1: the page made from it cannot be read for search (%v)", sourceOf(p, pe.Page), pe.Err)
	} else if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	indexes, err := r.exportSearch(docs, p)
	if err != nil {
		return nil, err
	}
	for i, lang := range p.Languages {
		out[strings.TrimPrefix(search.IndexPath(lang), "/")] = indexes[i]
	}
	return docs, nil
}

// sourceOf names the content file a built page was made from, so an
// error found in the output points where the editor can fix it.
func sourceOf(p *project.Project, page string) string {
	lang, rest := p.Languages.Split(page)
	k, name, _ := routes.Parse(rest)
	switch k {
	case routes.Guide:
		for _, g := range p.Guides[lang] {
			if g.Slug == name {
				return g.File
			}
		}
	case routes.Glossary:
		return path.Join(project.GlossaryDir, lang+".yaml")
	}
	if lang != p.Languages[0] {
		return path.Join(project.TranslationDir, lang+".yaml")
	}
	return p.Meta.Text
}

// withOverrides is the interface texts with the site's own texts in place
// of the templates' neutral ones.
func withOverrides(texts, overrides map[string]string) map[string]string {
	if len(overrides) == 0 {
		return texts
	}
	out := make(map[string]string, len(texts))
	for k, v := range texts {
		out[k] = v
	}
	for k, v := range overrides {
		out[k] = v
	}
	return out
}
