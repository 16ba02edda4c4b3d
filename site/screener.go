package site

import (
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/regelgids/regelgids/calculators"
	"github.com/regelgids/regelgids/site/project"
	"github.com/regelgids/regelgids/site/routes"
)

// The screener "Wat past bij mij?" (routes.Screener): with JavaScript one
// page asks the questions one at a time and the rule package, as
// WebAssembly, decides which question comes next and how each voorziening
// fits. Without JavaScript the same questions (those the data lists in
// without_javascript) are pages made at build time: each answer is a link
// to the next question, the last page the result for that path, computed
// with the same rules. Answers that lead to the same fits, whatever comes
// after, share a page.

// ScreenerRulesFile is the screener's rules as the browser gets them
// (calculators.Screener.MarshalJSON).
const ScreenerRulesFile = "wat-past-bij-mij/regels.json"

// KindScreener is the layout of the screener's pages.
const KindScreener = "screener"

// ScreenerView is what a screener page shows.
type ScreenerView struct {
	// Start is the page with JavaScript; its first question is also shown
	// as links for readers without it.
	Start bool
	// Question is the question of this page, nil on a result page.
	Question *ScreenerQuestion
	// Questions are every question, for the form the script drives.
	Questions []ScreenerQuestion
	// Result is the answer of a result page, by fit.
	Yes, Maybe, No []ScreenerFit
	// Slugs are every voorziening with its title and links, for the
	// script's result.
	All []ScreenerFit
	// Step and Steps count the questions of a path without JavaScript.
	Step int
}

// ScreenerQuestion is one question with its answers.
type ScreenerQuestion struct {
	Field, Text, Hint, Why string
	Choices                []ScreenerChoice
}

// ScreenerChoice is one answer: Value is its JSON for the rules, Path the
// page it leads to without JavaScript.
type ScreenerChoice struct {
	Label, Value, Path string
	Unknown            bool
}

// ScreenerFit is one voorziening in a result. Guide and Calculator are
// site paths; the hrefs and labels are made in Go, relative to the page,
// because a site has hundreds of result pages.
type ScreenerFit struct {
	Slug, Title, Guide, Calculator string
	Fit                            calculators.Fit
	Reasons                        []calculators.Reason
	Label, GuideHref, CalcHref     string
	Cited                          []ScreenerReason
	// CalcLabel is the link text to the calculator ("Reken het uit").
	CalcLabel string
}

// CacheKey is everything a template can read of the fit, so that pages
// showing the same fit share its HTML (Page.CachedItem);
// TestScreenerFitCacheKey checks it covers every field.
func (f ScreenerFit) CacheKey() string {
	n := 0
	for _, s := range []string{f.Slug, f.Title, f.Guide, f.Calculator, string(f.Fit), f.Label, f.GuideHref, f.CalcHref, f.CalcLabel} {
		n += len(s) + 4
	}
	for _, r := range f.Reasons {
		n += len(r.Key) + len(r.Law) + len(r.Article) + len(r.Paragraph) + len(r.Text) + 20
	}
	for _, r := range f.Cited {
		n += len(r.Href) + len(r.Cite) + 12 // the text is mostly the reason's
	}
	// Every field as its length, ":" and itself; a field never starts
	// with "|" or "=", which can then stand for what follows.
	b := make([]byte, 0, n)
	add := func(s string) {
		b = strconv.AppendInt(b, int64(len(s)), 10)
		b = append(b, ':')
		b = append(b, s...)
	}
	for _, s := range []string{f.Slug, f.Title, f.Guide, f.Calculator, string(f.Fit), f.Label, f.GuideHref, f.CalcHref, f.CalcLabel} {
		add(s)
	}
	for _, r := range f.Reasons {
		add(r.Key)
		add(r.Law)
		add(r.Article)
		add(r.Paragraph)
		add(r.Text)
	}
	b = append(b, '|') // the reasons end, the cited ones begin
	for i, r := range f.Cited {
		if i < len(f.Reasons) && r.Text == f.Reasons[i].Text {
			b = append(b, '=') // the reason's text again, as linked makes it
		} else {
			add(r.Text)
		}
		add(r.Href)
		add(r.Cite)
	}
	return string(b)
}

// ScreenerReason is a reason with its link to the article and lid, and
// the label of that link: "artikel 7 lid 1".
type ScreenerReason struct {
	Text, Href, Cite string
}

// linked fills in the hrefs and labels of fits shown on the page at full
// path from.
func linked(sd *SiteData, from string, fits []ScreenerFit) []ScreenerFit {
	t := sd.strings
	law := func(target string) string {
		if sd.Translated {
			return relativeURL(from, sd.Prefix+target)
		}
		ls := sd.Project.Languages
		return relativeURL(from, ls.Full(ls[0], target))
	}
	out := make([]ScreenerFit, len(fits))
	for i, f := range fits {
		f.Label = t["screener_fit_"+string(f.Fit)]
		f.CalcLabel = t["screener_calc"]
		f.GuideHref = relativeURL(from, sd.Prefix+f.Guide)
		if f.Calculator != "" {
			f.CalcHref = relativeURL(from, sd.Prefix+f.Calculator)
		}
		for _, r := range f.Reasons {
			frag, cite := "", t["calc_cite_article"]+" "+r.Article
			switch r.Paragraph {
			case "":
			case "toelichting":
				frag, cite = "#toelichting", cite+", toelichting"
			default:
				frag, cite = "#lid-"+r.Paragraph, cite+" "+t["lid"]+" "+r.Paragraph
			}
			f.Cited = append(f.Cited, ScreenerReason{Text: r.Text, Href: law(routes.Path(routes.Article, r.Article) + frag), Cite: cite})
		}
		out[i] = f
	}
	return out
}

// screenerNode is one page of the screener without JavaScript.
type screenerNode struct {
	id      string // "" for the start page
	answers calculators.Answers
	field   string // the question; "" on a result page
	classes [][]calculators.Choice
	next    []string // the id each class leads to
	step    int
}

type screenerTree struct {
	nodes []*screenerNode
}

var (
	treeMu    sync.Mutex
	treeCache = map[string]*screenerTree{} // by the rules' JSON and the static fields
)

// treeOf builds the pages without JavaScript once per screener: the shape
// is the same in every language.
func treeOf(s *project.Screener) *screenerTree {
	rules, _ := s.Rules.MarshalJSON()
	key := string(rules) + strings.Join(s.Static, ",")
	treeMu.Lock()
	defer treeMu.Unlock()
	if t := treeCache[key]; t != nil {
		return t
	}
	t := &screenerTree{}
	asked := map[string]bool{}
	if s.Static != nil {
		for _, f := range calculators.MatchFields {
			asked[f.Name] = true
		}
		for _, f := range s.Static {
			delete(asked, f)
		}
	}
	t.grow(s.Rules, "", calculators.NewAnswers("nl"), asked, 1)
	if len(treeCache) > 8 {
		clear(treeCache) // serve rebuilds after every edit of the data
	}
	treeCache[key] = t
	return t
}

func fieldCode(field string) string {
	for i, f := range calculators.MatchFields {
		if f.Name == field {
			return string(rune('a' + i))
		}
	}
	return "x"
}

func (t *screenerTree) grow(rules *calculators.Screener, id string, a calculators.Answers, asked map[string]bool, step int) {
	n := &screenerNode{id: id, answers: a, step: step}
	t.nodes = append(t.nodes, n)
	n.field = rules.Next(a, asked)
	if n.field == "" {
		return
	}
	n.classes = rules.Classes(a, asked, n.field)
	next := map[string]bool{n.field: true}
	for k := range asked {
		next[k] = true
	}
	for i, c := range n.classes {
		cid := fieldCode(n.field) + strconv.Itoa(i)
		if id != "" {
			cid = id + "-" + cid
		}
		n.next = append(n.next, cid)
		t.grow(rules, cid, a.ClassAnswers(n.field, c), next, step+1)
	}
}

// screenerPages are the screener's pages of one language.
func (r *Renderer) screenerPages(sd *SiteData, home Link) []*Page {
	s := sd.Project.Screener
	if s == nil {
		return nil
	}
	tree := treeOf(s)
	t := sd.strings
	start := Link{Title: t["screener_title"], Path: routes.Path(routes.Screener, "")}
	var pages []*Page
	for _, n := range tree.nodes {
		v := &ScreenerView{Step: n.step}
		pg := &Page{Kind: KindScreener, Screener: v, Breadcrumbs: []Link{home, start}}
		if n.id == "" {
			v.Start = true
			pg.Path, pg.Title, pg.Description, pg.Breadcrumbs = start.Path, start.Title, t["screener_intro"], []Link{home}
			v.Questions = screenerQuestions(sd, s)
			v.All = screenerFits(sd, s.Rules.Match(calculators.NewAnswers(sd.Lang)).Voorzieningen)
		} else {
			pg.Path = routes.Path(routes.ScreenerStep, n.id)
		}
		if n.field != "" {
			q := screenerQuestion(sd, s, n.field, n.classes, n.next)
			v.Question = &q
			if !v.Start {
				pg.Title, pg.Description = q.Text, q.Why
			}
		} else {
			pg.Title, pg.Description = t["screener_result_title"], t["screener_result_intro"]
			for _, f := range linked(sd, sd.Prefix+pg.Path, screenerFits(sd, s.Rules.Match(n.answers.WithLang(sd.Lang)).Voorzieningen)) {
				switch f.Fit {
				case calculators.FitYes:
					v.Yes = append(v.Yes, f)
				case calculators.FitMaybe:
					v.Maybe = append(v.Maybe, f)
				default:
					v.No = append(v.No, f)
				}
			}
		}
		pages = append(pages, pg)
	}
	return pages
}

// screenerQuestions are every question of the form the script drives,
// each with all its answers.
func screenerQuestions(sd *SiteData, s *project.Screener) []ScreenerQuestion {
	var out []ScreenerQuestion
	for _, f := range calculators.MatchFields {
		if _, ok := s.Questions[f.Name]; !ok {
			continue
		}
		var classes [][]calculators.Choice
		for _, c := range s.Rules.Choices(f.Name) {
			classes = append(classes, []calculators.Choice{c})
		}
		out = append(out, screenerQuestion(sd, s, f.Name, classes, nil))
	}
	return out
}

func screenerQuestion(sd *SiteData, s *project.Screener, field string, classes [][]calculators.Choice, next []string) ScreenerQuestion {
	q := s.Questions[field]
	l := sd.Lang
	out := ScreenerQuestion{Field: field, Text: q.Text[l], Hint: q.Hint[l], Why: q.Why[l]}
	// The answers in their own order, each linking to its class's page.
	for i, cl := range classes {
		for _, c := range cl {
			ch := ScreenerChoice{Label: choiceLabel(sd, q, field, c), Value: c.Value, Unknown: c.Unknown}
			if next != nil {
				ch.Path = routes.Path(routes.ScreenerStep, next[i])
			}
			out.Choices = append(out.Choices, ch)
		}
	}
	order := map[string]int{}
	for i, c := range s.Rules.Choices(field) {
		order[c.Value] = i
	}
	sort.SliceStable(out.Choices, func(i, j int) bool { return order[out.Choices[i].Value] < order[out.Choices[j].Value] })
	return out
}

func choiceLabel(sd *SiteData, q project.Question, field string, c calculators.Choice) string {
	l := sd.Lang
	if c.Unknown {
		return sd.strings["screener_unknown"]
	}
	f, _ := calculators.MatchField(field)
	switch f.Kind {
	case calculators.KindBool:
		if c.Value == "true" {
			return sd.strings["yes"]
		}
		return sd.strings["no"]
	case calculators.KindChoice:
		v, _ := strconv.Unquote(c.Value)
		return q.Choices[v][l]
	}
	band := "range"
	switch {
	case c.Lo == 0:
		band = "below"
	case c.Top:
		band = "top"
	case c.Hi == c.Lo+1 && q.Bands["pair"] != nil:
		band = "pair"
	}
	return strings.NewReplacer("{lo}", strconv.Itoa(c.Lo), "{hi}", strconv.Itoa(c.Hi), "{next}", strconv.Itoa(c.Hi+1),
		"{lo_years}", strconv.Itoa(c.Lo/12), "{next_years}", strconv.Itoa((c.Hi+1)/12)).Replace(q.Bands[band][l])
}

// screenerFits gives each voorziening of a result its guide's title and
// links.
func screenerFits(sd *SiteData, vs []calculators.VoorzieningFit) []ScreenerFit {
	var out []ScreenerFit
	for _, v := range vs {
		f := ScreenerFit{Slug: v.Slug, Title: v.Slug, Fit: v.Fit, Reasons: v.Reasons, Guide: routes.Path(routes.Guide, v.Slug)}
		if g := sd.GuideBySlug(v.Slug); g != nil {
			f.Title = g.Title
			if g.Calculator != "" && sd.Project.Publishes(g.Calculator) {
				f.Calculator = routes.Path(routes.Calculator, g.Calculator)
			}
		}
		out = append(out, f)
	}
	return out
}

// screenerFiles adds the rules the script gives the module to the shared
// files, which get a content hash in their name.
func screenerFiles(out Output, p *project.Project) error {
	if p.Screener == nil {
		return nil
	}
	b, err := p.Screener.Rules.MarshalJSON()
	if err != nil {
		return err
	}
	out[ScreenerRulesFile] = append(b, '\n')
	return nil
}

// ScreenerPageCount is the number of pages the screener has per language
// without JavaScript, for the documentation and its test.
func ScreenerPageCount(p *project.Project) int {
	if p.Screener == nil {
		return 0
	}
	return len(treeOf(p.Screener).nodes)
}
