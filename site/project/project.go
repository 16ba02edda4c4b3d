// Package project loads a municipality's content folder into a Project:
// the ordinance and its translations, metadata, dated amounts, guides,
// glossary, calculators and review lists, each checked against the others,
// with every problem as file:line. Only the ordinance and metadata.yaml are
// required; the site shows what exists. It reads and checks; it never
// renders (package site does).
package project

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/regelgids/regelgids/site/consistency"

	"github.com/regelgids/regelgids/calculators"
	"github.com/regelgids/regelgids/calculators/params"
	"github.com/regelgids/regelgids/calculators/params/values"
	"github.com/regelgids/regelgids/site/glossary"
	"github.com/regelgids/regelgids/site/guide"
	"github.com/regelgids/regelgids/site/internal/contentfile"
	"github.com/regelgids/regelgids/site/internal/together"
	"github.com/regelgids/regelgids/site/internal/yamlfile"
	"github.com/regelgids/regelgids/site/ordinance"
	_ "github.com/regelgids/regelgids/site/ordinance/cvdr" // CVDR XML, chosen by content
	"github.com/regelgids/regelgids/site/routes"
	"github.com/regelgids/regelgids/site/search"
	"github.com/regelgids/regelgids/site/terms"
)

// Files and folders of a content folder.
const (
	MetadataFile   = "metadata.yaml"
	ParametersFile = "parameters.yaml"
	GuidesDir      = "gidsen"    // gidsen/LANG/SLUG.md
	GlossaryDir    = "begrippen" // begrippen/LANG.yaml
	TranslationDir = "vertaling" // vertaling/LANG.yaml
	SynonymsFile   = "zoeken/synoniemen.yaml"
)

// SupportedLanguages are the languages regelgids can publish in: the
// templates speak them and search analyses them. The first is the language
// of Dutch ordinances and lives at the root; a site has the others where
// its content folder has texts in them.
var SupportedLanguages = routes.Languages{"nl", "en"}

// Metadata is what metadata.yaml says about the ordinance.
type Metadata struct {
	Municipality string  `yaml:"municipality"`
	Title        string  `yaml:"title"`
	Identifier   string  `yaml:"identifier"`
	SourceURL    string  `yaml:"source_url"`
	Text         string  `yaml:"text"`
	BaseURL      string  `yaml:"base_url"`
	Contact      Contact `yaml:"contact"`
	// ExpiredOn is the day the regulation ceased to apply (YYYY-MM-DD),
	// where the text does not say so itself; from that day every page
	// says the rules no longer apply.
	ExpiredOn string `yaml:"expired_on"`
	// Site names the site and introduces it on the home page, per
	// language: what the regulation is about (help with work, parking, …)
	// differs per site; without it the templates' neutral texts are used.
	Site SiteTexts `yaml:"site"`
}

// SiteTexts are the texts of a site that depend on its subject, per
// language ("nl", "en").
type SiteTexts struct {
	Name        map[string]string `yaml:"name"`        // in the header and every title
	HomeTitle   map[string]string `yaml:"home_title"`  // the home page's heading
	Description map[string]string `yaml:"description"` // the home page's meta description
	Intro       map[string]string `yaml:"intro"`       // the home page's first paragraph
}

// Overrides are the interface texts these site texts replace, for lang.
func (s SiteTexts) Overrides(lang string) map[string]string {
	out := map[string]string{}
	for key, m := range map[string]map[string]string{"site_name": s.Name, "home_title": s.HomeTitle, "home_description": s.Description, "home_intro": s.Intro} {
		if v, ok := m[lang]; ok && strings.TrimSpace(v) != "" {
			out[key] = v
		}
	}
	return out
}

// Contact is how residents reach the municipality.
type Contact struct {
	Name    string `yaml:"name"`
	Phone   string `yaml:"phone"`
	Website string `yaml:"website"`
}

// Project is everything a build needs, loaded and checked.
type Project struct {
	Meta Metadata
	// calculatorsUnknown is set when calculators.yaml could not be read,
	// so links to calculators are not checked against it.
	calculatorsUnknown bool
	// Languages are the languages of this site: the ordinance's first,
	// then each supported language the content folder has texts in.
	Languages routes.Languages
	// Docs holds the ordinance per language: the published Dutch text and
	// its translations.
	Docs     map[string]*ordinance.Ordinance
	Guides   map[string][]*guide.Guide // per language, sorted by order
	Glossary map[string][]glossary.Entry
	Params   *params.Table
	// Calculators are the calculators the site publishes, bound to the
	// ordinance by calculators.yaml; nil when the folder has none.
	Calculators *calculators.Binding
	// Screener is "Wat past bij mij?" (ScreenerFile); nil without it.
	Screener *Screener
	// Date is the day the site is built for: the amounts in force then are
	// published.
	Date   params.Date
	Amount params.Set
	// Lists are the readability thresholds and word lists.
	Lists *ReviewLists
	// Synonyms widen search queries ("taxi" finds "vervoer").
	Synonyms *search.Synonyms
	// Terms is the one English term per Dutch concept (vertaling/termen.yaml);
	// nil without that file.
	Terms *terms.List
	// GuideStructure is what gidsen/indeling.yaml says: the sections every
	// guide has and the situations of the home page; nil without guides.
	GuideStructure *GuideStructure
	// Warnings are problems the build could read past; they are printed,
	// not fatal.
	Warnings []ordinance.Diagnostic
}

// Consistency compares the regeling with its toelichting. Findings are
// warnings for reviewers: the law is what it is.
func (p *Project) Consistency() []consistency.Finding { return consistency.Check(p.Ordinance()) }

// MissingCounterparts reports names present in one language but not in
// another: guides, glossary entries, interface texts.
func MissingCounterparts(names map[string]map[string]int, msg func(lang, name string) string) error {
	return missingCounterparts(names, msg)
}

// Ordinance is the legally binding text.
func (p *Project) Ordinance() *ordinance.Ordinance { return p.Docs[p.Languages[0]] }

// Load reads a content folder and checks that its parts fit together: every
// guide, translation and glossary entry exists in every language, and every
// link and parameter a guide uses resolves. date picks the amounts.
func Load(content fs.FS, date params.Date) (*Project, error) {
	raw, err := readFile(content, MetadataFile)
	if err != nil {
		return nil, err
	}
	meta, lines, err := parseMetadata(MetadataFile, raw)
	if err != nil {
		return nil, err
	}
	src, err := contentfile.Read(content, meta.Text, contentfile.OrdinanceLimit)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s:%d: text: %s does not exist in the content folder", MetadataFile, lines["text"], meta.Text)
	} else if err != nil {
		return nil, err
	}
	doc, warns, err := ordinance.Read(meta.Text, src)
	if err != nil {
		return nil, err
	}
	doc.Metadata.Municipality = meta.Municipality
	if meta.Identifier != "" || doc.Metadata.Identifier == "" {
		doc.Metadata.Identifier = meta.Identifier // else the text's own (CVDR XML)
	}
	if meta.SourceURL != "" {
		doc.Metadata.SourceURL = meta.SourceURL
	}
	if meta.ExpiredOn != "" {
		doc.Metadata.ExpiredOn = meta.ExpiredOn
	}
	if meta.BaseURL == "" {
		warns = append(warns, ordinance.Diagnostic{File: MetadataFile, Line: 1, Warning: true,
			Message: "base_url is not set: the site has no sitemap.xml, no canonical links and no Atom feed of its changes (set it to the address where the site is published)"})
	}
	if meta.Title != "" && meta.Title != doc.Title {
		warns = append(warns, ordinance.Diagnostic{File: MetadataFile, Line: lines["title"], Warning: true,
			Message: fmt.Sprintf("title %q differs from the title in %s: %q", meta.Title, meta.Text, doc.Title)})
	}
	p := &Project{
		Meta:      meta,
		Languages: languagesIn(content),
		Docs:      map[string]*ordinance.Ordinance{SupportedLanguages[0]: doc},
		Guides:    map[string][]*guide.Guide{},
		Glossary:  map[string][]glossary.Entry{},
		Date:      date,
		Warnings:  warns,
	}
	var errs loadErrors
	errs.add(p.loadParams(content))
	errs.add(p.loadCalculators(content)) // after loadParams: it checks the parameters
	errs.add(p.loadTranslations(content))
	errs.add(p.loadGlossary(content))
	errs.add(p.loadGuides(content))
	// The steps left only read what the steps above loaded, and each sets
	// a field of its own: they run at once, on every core (the
	// terminology check takes longest), their errors kept in this order.
	for _, err := range concurrently(
		func() error { return p.loadTerms(content) },    // after loadGlossary: it checks the glossary's terms
		func() error { return p.loadScreener(content) }, // after loadGuides: one voorziening per guide
		func() (err error) {
			p.Lists, err = loadReviewLists(content)
			return err
		},
		func() error {
			raw, ok, err := readOptional(content, SynonymsFile)
			if err != nil || !ok {
				return err
			}
			p.Synonyms, err = search.LoadSynonyms(SynonymsFile, raw)
			return err
		},
	) {
		errs.add(err)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if err := p.checkAmounts(); err != nil {
		return nil, err
	}
	return p, nil
}

// readFile reads a data file, guide or glossary of the content folder:
// a regular UTF-8 text file of at most contentfile.FileLimit bytes.
func readFile(content fs.FS, name string) ([]byte, error) {
	return contentfile.Read(content, name, contentfile.FileLimit)
}

// readOptional reads a file that a content folder may leave out: ok is
// false when it is not there.
func readOptional(content fs.FS, name string) (b []byte, ok bool, err error) {
	b, err = readFile(content, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	return b, err == nil, err
}

// ContentDir is a content or templates folder on disk. Unlike os.DirFS it
// refuses symbolic links that lead outside the folder.
func ContentDir(dir string) fs.FS { return contentfile.Dir(dir) }

// languagesIn are the site's languages: the first supported one, and each
// other one the content folder has a translation, guides or a glossary in.
func languagesIn(content fs.FS) routes.Languages {
	langs := routes.Languages{SupportedLanguages[0]}
	for _, lang := range SupportedLanguages[1:] {
		for _, name := range []string{path.Join(TranslationDir, lang+".yaml"), path.Join(GuidesDir, lang), path.Join(GlossaryDir, lang+".yaml")} {
			if _, err := fs.Stat(content, name); err == nil {
				langs = append(langs, lang)
				break
			}
		}
	}
	return langs
}

// ReadOrdinance reads an ordinance file named on the command line: a
// regular UTF-8 text file of at most contentfile.OrdinanceLimit bytes.
func ReadOrdinance(name string) ([]byte, error) {
	dir, base := filepath.Split(name)
	if dir == "" {
		dir = "."
	}
	b, err := contentfile.Read(os.DirFS(dir), base, contentfile.OrdinanceLimit)
	var ce *contentfile.Error
	if errors.As(err, &ce) {
		ce.File = name
	}
	return b, err
}

// concurrently calls every step at once and returns their errors in the
// order of steps. A panic in one is raised again in the caller, where the
// server's recover turns it into an error.
func concurrently(steps ...func() error) []error {
	errs := make([]error, len(steps))
	run := make([]func(), len(steps))
	for i, f := range steps {
		run[i] = func() { errs[i] = f() }
	}
	together.Run(run...)
	return errs
}

// loadErrors gathers the errors of independent parts, so one build shows
// everything that is wrong.
type loadErrors []error

func (es *loadErrors) add(err error) {
	if err != nil {
		*es = append(*es, err)
	}
}

func (es loadErrors) Error() string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "\n")
}

func (p *Project) loadParams(content fs.FS) error {
	raw, ok, err := readOptional(content, ParametersFile)
	if err != nil {
		return err
	}
	if !ok {
		// No amounts yet: a site of the ordinance alone.
		p.Params, _ = values.NewTable(nil)
		p.Amount = params.Set{Date: p.Date}
		return nil
	}
	t, err := params.Parse(ParametersFile, raw)
	if err != nil {
		return err
	}
	p.Params = t
	set, err := t.At(p.Date)
	if err != nil {
		return fmt.Errorf("%s: no amounts for %s: %w", ParametersFile, p.Date, err)
	}
	p.Amount = set
	p.Warnings = append(p.Warnings, staleWarnings(t, p.Date)...)
	return nil
}

// staleWarnings are the parameters that follow a national amount which
// changed on or before the build date without a new value in the data: the
// site would show the old amount as current (values.Table.Stale).
func staleWarnings(t *params.Table, date params.Date) []ordinance.Diagnostic {
	var out []ordinance.Diagnostic
	for _, s := range t.Stale(date) {
		when := "each 1 January"
		if s.Param.Follows.Schedule == values.ScheduleHalfYearly {
			when = "each 1 January and 1 July"
		}
		out = append(out, ordinance.Diagnostic{File: ParametersFile, Line: s.Param.Line, Warning: true, Message: fmt.Sprintf(
			"%s follows %s, which changes %s, but has no value from %s: the site for %s shows the value from %s as current (add the new value with its source)",
			s.Param.Name, s.Param.Follows.Amount.NL, when, s.Missing, date, s.Last)})
	}
	return out
}

func (p *Project) loadTranslations(content fs.FS) error {
	var errs loadErrors
	for _, lang := range p.Languages[1:] {
		name := path.Join(TranslationDir, lang+".yaml")
		src, err := readFile(content, name)
		if errors.Is(err, fs.ErrNotExist) {
			// Guides or a glossary in this language without the ordinance
			// translated: they link to the articles in the first language.
			continue
		} else if err != nil {
			errs.add(err)
			continue
		}
		doc, err := ordinance.Translate(p.Ordinance(), name, src)
		if err != nil {
			errs.add(err)
			continue
		}
		p.Docs[lang] = doc
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

func (p *Project) loadGlossary(content fs.FS) error {
	var errs loadErrors
	var missing []string
	ids := map[string]map[string]int{}
	for _, lang := range p.Languages {
		name := path.Join(GlossaryDir, lang+".yaml")
		src, ok, err := readOptional(content, name)
		if err != nil {
			errs.add(err)
			continue
		}
		if !ok {
			missing = append(missing, name)
			continue // no glossary in this language
		}
		entries, err := glossary.Parse(name, src)
		if err != nil {
			errs.add(err)
			continue
		}
		ids[lang] = map[string]int{}
		for _, e := range entries {
			ids[lang][e.ID] = e.Line
			if e.Article != "" && !p.anchorExists(e.Article, e.Paragraph, e.Item) {
				errs.add(fmt.Errorf("%s:%d: %s points at artikel %s lid %q onderdeel %q, which does not exist", name, e.Line, e.ID, e.Article, e.Paragraph, e.Item))
			}
		}
		p.Glossary[lang] = entries
	}
	if len(missing) > 0 && len(ids) > 0 {
		// One message for a missing file, not one per entry it lacks.
		for _, name := range missing {
			errs.add(fmt.Errorf("%s:1: the glossary is missing in this language (%s has one)", name, strings.Join(slices.Sorted(maps.Keys(ids)), ", ")))
		}
	}
	errs.add(missingCounterparts(ids, func(lang, id string) string {
		return fmt.Sprintf("%s/%s.yaml:1: glossary entry %q is missing (it exists in %s)", GlossaryDir, lang, id, otherLangs(ids, lang, id))
	}))
	if len(errs) > 0 {
		return errs
	}
	return nil
}

func (p *Project) loadGuides(content fs.FS) error {
	structure, err := loadGuideStructure(content, p.Languages, SupportedLanguages)
	if err != nil || structure == nil {
		return err
	}
	p.GuideStructure = structure
	var errs loadErrors
	slugs := map[string]map[string]int{}
	broken := map[string]bool{} // guides that failed to load, in any language
	// Every guide is read and parsed at once, on every core (each parse
	// stands alone); the results are taken in the order of the files.
	type parsed struct {
		lang, name string
		g          *guide.Guide
		err        error
	}
	files := map[string][]string{}
	var results []*parsed
	for _, lang := range p.Languages {
		names, err := fs.Glob(content, path.Join(GuidesDir, lang, "*.md"))
		if err != nil {
			return err
		}
		files[lang] = names
		for _, name := range names {
			results = append(results, &parsed{lang: lang, name: name})
		}
	}
	steps := make([]func() error, len(results))
	for i, r := range results {
		steps[i] = func() error {
			src, err := readFile(content, r.name)
			if err == nil {
				slug := strings.TrimSuffix(path.Base(r.name), ".md")
				r.g, err = guide.Parse(r.name, slug, r.lang, src, &structure.Structure)
			}
			r.err = err
			return nil
		}
	}
	concurrently(steps...)
	i := 0
	for _, lang := range p.Languages {
		slugs[lang] = map[string]int{}
		for _, name := range files[lang] {
			// A guide that fails still exists: its counterpart and the
			// links to it are not errors of their own.
			slug := strings.TrimSuffix(path.Base(name), ".md")
			slugs[lang][slug] = 1
			r := results[i]
			i++
			if r.err == nil {
				p.Guides[lang] = append(p.Guides[lang], r.g)
				continue
			}
			errs.add(r.err)
			broken[slug] = true
		}
		sort.SliceStable(p.Guides[lang], func(i, j int) bool {
			a, b := p.Guides[lang][i], p.Guides[lang][j]
			if a.Order != b.Order {
				return a.Order < b.Order
			}
			return a.Slug < b.Slug
		})
	}
	for slug := range broken {
		for _, lang := range p.Languages {
			slugs[lang][slug] = 1 // its counterpart is not a second fault
		}
	}
	errs.add(missingCounterparts(slugs, func(lang, slug string) string {
		return fmt.Sprintf("%s/%s/%s.md:1: the guide %q is missing in this language (it exists in %s)", GuidesDir, lang, slug, slug, otherLangs(slugs, lang, slug))
	}))
	// Links may point at a guide of any language: a guide missing in one
	// language is reported once above, not again at every link to it.
	anyLang := map[string]int{}
	for _, m := range slugs {
		for s := range m {
			anyLang[s] = 1
		}
	}
	unknown := map[string][]string{} // parameter name → where guides use it
	for _, lang := range p.Languages {
		for _, g := range p.Guides[lang] {
			errs.add(p.checkGuide(g, anyLang, unknown))
		}
	}
	// One message per unknown parameter, however many guides use it: a
	// renamed parameter is one fault.
	names := make([]string, 0, len(unknown))
	for n := range unknown {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		at := unknown[n]
		msg := fmt.Sprintf("%s: {{< param %q >}}: no such parameter in %s", at[0], n, ParametersFile)
		if len(at) > 1 {
			msg += fmt.Sprintf(" (also used at %s)", strings.Join(at[1:min(len(at), 4)], ", "))
			if len(at) > 4 {
				msg = strings.TrimSuffix(msg, ")") + fmt.Sprintf(" and %d more)", len(at)-4)
			}
		}
		errs.add(errors.New(msg))
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// checkGuide resolves what a guide refers to: articles and their anchors,
// other guides, calculators, parameters. A guide must link to every article
// it says it explains.
func (p *Project) checkGuide(g *guide.Guide, slugs map[string]int, unknown map[string][]string) error {
	var errs []string
	fail := func(line int, format string, args ...any) {
		errs = append(errs, fmt.Sprintf("%s:%d: %s", g.File, line, fmt.Sprintf(format, args...)))
	}
	linked := map[string]bool{}
	ownCalculator := g.Calculator != "" && !p.Publishes(g.Calculator)
	for _, l := range g.Links {
		if number, ok := p.linkedArticle(l.Target); ok {
			linked[number] = true
		}
		if k, name, _ := routes.Parse(l.Target); ownCalculator && k == routes.Calculator && name == g.Calculator {
			continue // said once, at the front matter
		}
		if err := p.checkLink(l.Target, slugs); err != nil {
			fail(l.Line, "link %q: %v", l.Target, err)
		}
	}
	for _, a := range g.Articles {
		if p.Ordinance().Article(a) == nil {
			fail(1, "front matter: article %s does not exist", a)
		} else if !linked[a] {
			fail(1, "the guide explains article %s but never links to it", a)
		}
	}
	if ownCalculator {
		fail(1, "front matter: calculator %q is not published (%s names the calculators of this site)", g.Calculator, CalculatorsFile)
	}
	for _, r := range g.Params {
		if p.Params == nil {
			break // parameters.yaml failed to load and said why
		}
		if _, ok := p.Amount.Lookup(r.Target); !ok {
			unknown[r.Target] = append(unknown[r.Target], fmt.Sprintf("%s:%d", g.File, r.Line))
		}
	}
	if len(errs) > 0 {
		return errors.New(strings.Join(errs, "\n"))
	}
	return nil
}

func (p *Project) linkedArticle(target string) (string, bool) {
	k, number, ok := routes.Parse(target)
	return number, ok && k == routes.Article
}

// checkLink checks a site path a guide links to.
func (p *Project) checkLink(target string, slugs map[string]int) error {
	u, err := url.Parse(target)
	if err != nil {
		return err
	}
	switch u.Scheme {
	case "https", "http", "mailto", "tel":
		return nil
	case "":
		if u.Host != "" || strings.HasPrefix(target, "//") {
			return errors.New("starts with two slashes, which a browser reads as another web site; write https://… or one /")
		}
	default:
		return fmt.Errorf("scheme %q is not allowed", u.Scheme)
	}
	if !strings.HasPrefix(u.Path, "/") {
		return errors.New("site links start with /, such as /artikel/17/#lid-1")
	}
	k, name, ok := routes.Parse(u.Path)
	switch {
	case ok && k == routes.Article:
		a := p.Ordinance().Article(name)
		if a == nil {
			return fmt.Errorf("article %s does not exist", name)
		}
		if u.Fragment != "" && !articleAnchor(a, u.Fragment) {
			return fmt.Errorf("article %s has no anchor #%s", name, u.Fragment)
		}
	case ok && k == routes.Guide:
		if slugs[name] == 0 {
			return fmt.Errorf("no guide %q", name)
		}
	case ok && k == routes.Calculator:
		if !p.Publishes(name) {
			return fmt.Errorf("no calculator %q", name)
		}
	case ok && (k == routes.Ordinance || k == routes.Explanation || k == routes.Glossary || k == routes.Guides || k == routes.Home || k == routes.Calculators || k == routes.Search):
	default:
		return fmt.Errorf("no page at %s", u.Path)
	}
	return nil
}

// articleAnchor reports whether an article page has the fragment id.
func articleAnchor(a *ordinance.Article, frag string) bool {
	if frag == "toelichting" || frag == "tekst" {
		return true
	}
	for _, q := range a.Paragraphs {
		if q.Number != "" && frag == routes.Anchor("", q.Number, "") {
			return true
		}
		for _, it := range q.Items {
			if frag == routes.Anchor("", q.Number, it.Label) {
				return true
			}
		}
	}
	return false
}

func (p *Project) anchorExists(article, lid, item string) bool {
	a := p.Ordinance().Article(article)
	if a == nil {
		return false
	}
	if lid == "" && item == "" {
		return true
	}
	return articleAnchor(a, routes.Anchor("", lid, item))
}

// missingCounterparts reports names present in one language but not in
// another.
func missingCounterparts(names map[string]map[string]int, msg func(lang, name string) string) error {
	all := map[string]bool{}
	for _, m := range names {
		for n := range m {
			all[n] = true
		}
	}
	var problems []string
	for n := range all {
		for lang, m := range names {
			if m[n] == 0 {
				problems = append(problems, msg(lang, n))
			}
		}
	}
	if len(problems) == 0 {
		return nil
	}
	sort.Strings(problems)
	return errors.New(strings.Join(problems, "\n"))
}

func otherLangs(names map[string]map[string]int, lang, name string) string {
	var in []string
	for l, m := range names {
		if l != lang && m[name] > 0 {
			in = append(in, l)
		}
	}
	sort.Strings(in)
	return strings.Join(in, ", ")
}

// parseMetadata decodes metadata.yaml and checks that what it needs is
// there; lines maps each key to its line, for errors found later.
func parseMetadata(name string, raw []byte) (m Metadata, lines map[string]int, err error) {
	lines, err = yamlfile.Decode(name, raw, &m)
	if err != nil {
		return m, nil, err
	}
	var problems []string
	add := func(key, format string, args ...any) {
		line := lines[key]
		if line == 0 {
			line = 1
		}
		problems = append(problems, fmt.Sprintf("%s:%d: %s: %s", name, line, key, fmt.Sprintf(format, args...)))
	}
	if m.Text == "" {
		add("text", "missing (the file name of the ordinance text)")
	}
	if m.Municipality == "" {
		add("municipality", "missing")
	}
	if m.Text != "" && (!fs.ValidPath(m.Text) || m.Text == ".") {
		add("text", "%q must be a file name inside the content folder, such as verordening.txt", clip(m.Text))
	}
	if m.BaseURL == "" {
		// Pages link relatively and work under any address; only the
		// sitemap and canonical links need it (Load warns).
	} else if msg := checkWebAddress(m.BaseURL, true); msg != "" {
		add("base_url", "%q %s", clip(m.BaseURL), msg)
	} else if !strings.HasSuffix(m.BaseURL, "/") {
		m.BaseURL += "/"
	}
	if m.SourceURL != "" {
		if msg := checkWebAddress(m.SourceURL, false); msg != "" {
			add("source_url", "%q %s", clip(m.SourceURL), msg)
		}
	}
	if m.ExpiredOn != "" {
		if _, err := time.Parse(time.DateOnly, m.ExpiredOn); err != nil {
			add("expired_on", "%q is not a date: write YYYY-MM-DD, such as 2024-12-31", clip(m.ExpiredOn))
		}
	}
	if m.Contact.Website != "" {
		if msg := checkWebAddress(m.Contact.Website, false); msg != "" {
			add("contact.website", "%q %s", clip(m.Contact.Website), msg)
		}
	}
	for key, texts := range map[string]map[string]string{"site.name": m.Site.Name, "site.home_title": m.Site.HomeTitle, "site.description": m.Site.Description, "site.intro": m.Site.Intro} {
		for lang := range texts {
			if !slices.Contains(SupportedLanguages, lang) {
				add(key, "unknown language %q (use %s)", clip(lang), strings.Join(SupportedLanguages, ", "))
			}
		}
	}
	if m.Contact.Phone != "" && !rePhone.MatchString(m.Contact.Phone) {
		add("contact.phone", "%q is not a phone number: use digits, spaces, + - ( ) only, such as \"14 0596\" or \"+31 596 123 456\"", clip(m.Contact.Phone))
	}
	if len(problems) > 0 {
		return m, nil, errors.New(strings.Join(problems, "\n"))
	}
	return m, lines, nil
}

var rePhone = regexp.MustCompile(`^\+?[0-9][0-9 ()-]{1,24}$`)

// checkWebAddress says what is wrong with an address that pages link to
// and sitemap.xml and robots.txt print: only a well-formed https address
// of a host (a javascript: or data: address would run or show anything,
// and http exposes residents to tampering). base also refuses a query or
// fragment, which cannot be followed by page paths.
func checkWebAddress(s string, base bool) string {
	for _, r := range s {
		if r <= ' ' || r == 0x7f || strings.ContainsRune(`<>"'\\{}|^`+"`", r) {
			return "contains a space, a quote or another character that does not belong in a web address"
		}
	}
	u, err := url.Parse(s)
	switch {
	case err != nil:
		return "is not a web address"
	case u.Scheme != "https":
		return "must start with https://"
	case u.Host == "" || u.Opaque != "":
		return "has no host name after https://"
	case u.User != nil:
		return "must not contain a user name or password"
	case base && (u.RawQuery != "" || u.Fragment != "" || u.ForceQuery):
		return "must not have a ?query or #fragment: pages are added after it"
	}
	if host := u.Hostname(); !reHost.MatchString(host) {
		return "has an invalid host name " + strconv.Quote(host)
	}
	return ""
}

var reHost = regexp.MustCompile(`^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$`)

// clip shortens a quoted value in a message: a broken file may hold
// anything, and the message must stay one readable line.
func clip(s string) string {
	const most = 60
	if utf8.RuneCountInString(s) <= most {
		return s
	}
	r := []rune(s)
	return string(r[:most]) + "…"
}
