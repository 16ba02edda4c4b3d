package site

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/regelgids/regelgids/site/consistency"
	"github.com/regelgids/regelgids/site/glossary"
	"github.com/regelgids/regelgids/site/ordinance"
	"github.com/regelgids/regelgids/site/project"
	"github.com/regelgids/regelgids/site/readability"
	"github.com/regelgids/regelgids/site/routes"
)

// Kinds of reviewed text, as the readability thresholds name them.
const (
	TextGuide       = "guide"
	TextGlossary    = "glossary"
	TextArticle     = "article"
	TextExplanation = "explanation"
)

// Reviewed is one text with its readability report.
type Reviewed struct {
	// Path is the page the text is on (language-neutral site path), with
	// an anchor where the text is part of a page.
	Path   string
	Title  string
	Kind   string
	Lang   string
	Report *readability.Report
	// Article is the number of the article a text belongs to ("" for a
	// glossary entry).
	Article string
}

// Fails reports whether a text that must pass does not.
func (r Reviewed) Fails() bool { return r.Report.Graded && !r.Report.Pass }

// Review scores every text of one language: each guide, each glossary
// entry, each article and each article's toelichting. Guides and glossary
// entries are judged against the B1 thresholds; law is scored only. w are
// the language's interface texts (the word for "article", unit words).
func Review(p *project.Project, lang string, w Words) ([]Reviewed, error) {
	return reviewTexts(p, lang, w, nil)
}

// reviewTexts is Review with the texts analysed on every core, each
// report kept in c by its text and options.
func reviewTexts(p *project.Project, lang string, w Words, c *Cache) ([]Reviewed, error) {
	// Beside gathering the texts below, which takes a few milliseconds on
	// one core; the analyses wait for it in any case.
	go readability.Prepare(lang)
	an := &analyzer{cache: c}
	explained := glossaryWords(p.Glossary[lang]) // the same for every text; read only
	opts := func(kind string) readability.Options {
		o := readability.Options{Kind: kind, Thresholds: p.Lists.Thresholds, Jargon: p.Lists.Jargon, Explained: explained}
		if lang == p.Languages[0] {
			o.Common = p.Lists.Common
		}
		return o
	}
	var out []Reviewed
	for _, g := range p.Guides[lang] {
		text, err := g.Text(func(name string) (string, error) {
			v, ok := p.Amount.Lookup(name)
			if !ok {
				return "", fmt.Errorf("no parameter %q", name)
			}
			return FormatValue(v, lang, w), nil
		})
		if err != nil {
			return nil, err
		}
		out = append(out, Reviewed{Path: routes.Path(routes.Guide, g.Slug), Title: g.Title, Kind: TextGuide, Lang: lang,
			Report: an.analyze(g.Title+"\n\n"+g.Summary+"\n\n"+text, lang, opts(TextGuide)), Article: firstOf(g.Articles)})
	}
	for _, e := range sortedGlossary(p.Glossary[lang]) {
		out = append(out, Reviewed{Path: routes.GlossaryEntry(e.ID), Title: e.Term, Kind: TextGlossary, Lang: lang,
			Report: an.analyze(e.Definition, lang, opts(TextGlossary))})
	}
	// Law is measured against the guides' B1 yardstick so reviewers see
	// which sentences are hard and why, but it is never judged: the
	// ordinance is what the council adopted.
	law := func(text, kind string) *readability.Report {
		return an.analyzeLaw(text, lang, opts(TextGuide), kind)
	}
	doc := p.Docs[lang]
	if doc == nil {
		return an.run(out) // not translated: no article pages in this language
	}
	for _, a := range doc.Articles() {
		title := fmt.Sprintf("%s %s. %s", w["article"], a.Number, a.Title)
		out = append(out, Reviewed{Path: ArticlePath(a.Number), Title: title, Kind: TextArticle, Lang: lang, Article: a.Number,
			Report: law(articleText(a), TextArticle)})
		if a.Explanation != "" {
			out = append(out, Reviewed{Path: ArticlePath(a.Number) + "#toelichting", Title: title, Kind: TextExplanation, Lang: lang, Article: a.Number,
				Report: law(a.Explanation, TextExplanation)})
		}
	}
	return an.run(out)
}

func firstOf(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// articleText is an article's leden and onderdelen as plain text, each on
// its own.
func articleText(a *ordinance.Article) string {
	var parts []string
	for _, q := range a.Paragraphs {
		if q.Text != "" {
			parts = append(parts, q.Text)
		}
		var items []string
		for _, it := range q.Items {
			items = append(items, "- "+it.Text)
		}
		if len(items) > 0 {
			parts = append(parts, strings.Join(items, "\n"))
		}
		if q.Tail != "" {
			parts = append(parts, q.Tail)
		}
	}
	return strings.Join(parts, "\n\n")
}

// glossaryWords are every term and form of the glossary: the site links
// each one to its entry on first use, so they count as explained.
func glossaryWords(entries []glossary.Entry) []string {
	var words []string
	for _, e := range entries {
		words = append(words, strings.ToLower(e.Term))
		for _, f := range e.Forms {
			words = append(words, strings.ToLower(f))
		}
	}
	return words
}

// Reviews are texts with their reports, in the order the pages show them.
type Reviews []Reviewed

// BelowZero reports whether a text's score is below 0, where a table
// needs the sentence that says what such a score means.
func (rs Reviews) BelowZero() bool {
	for _, r := range rs {
		if r.BelowZero() {
			return true
		}
	}
	return false
}

// Hard are the texts with at least one sentence or whole-text problem.
func (rs Reviews) Hard() Reviews {
	var out Reviews
	for _, r := range rs {
		if len(r.Report.Problems) > 0 {
			out = append(out, r)
		}
	}
	return out
}

// ReviewData is what the reviewers' pages show for one language.
type ReviewData struct {
	Texts    Reviews
	Findings []Finding
	// Pairs put each article beside the guide that explains it.
	Pairs []ReviewPair
}

// ReviewPair is an article with its toelichting and its B1 guide.
type ReviewPair struct {
	Article, Explanation, Guide *Reviewed
}

// Kind returns the texts of one kind.
func (d *ReviewData) Kind(kind string) Reviews {
	var out Reviews
	for _, r := range d.Texts {
		if r.Kind == kind {
			out = append(out, r)
		}
	}
	return out
}

// Passing counts graded texts that pass, and graded texts.
func (d *ReviewData) Passing() (pass, graded int) {
	for _, r := range d.Texts {
		if r.Report.Graded {
			graded++
			if r.Report.Pass {
				pass++
			}
		}
	}
	return pass, graded
}

// PassCount and GradedCount are Passing for templates.
func (d *ReviewData) PassCount() int   { p, _ := d.Passing(); return p }
func (d *ReviewData) GradedCount() int { _, g := d.Passing(); return g }

// GlossaryPass reports whether every glossary entry passes.
func (d *ReviewData) GlossaryPass() bool {
	for _, r := range d.Kind(TextGlossary) {
		if r.Fails() {
			return false
		}
	}
	return true
}

// ReviewGroup is the texts of one kind.
type ReviewGroup struct {
	Kind  string
	Texts Reviews
}

// Groups are the texts by kind, in the order the report lists them:
// guides, glossary entries, articles, toelichtingen; kinds without texts
// are left out.
func (d *ReviewData) Groups() []ReviewGroup {
	var out []ReviewGroup
	for _, k := range []string{TextGuide, TextGlossary, TextArticle, TextExplanation} {
		if texts := d.Kind(k); len(texts) > 0 {
			out = append(out, ReviewGroup{Kind: k, Texts: texts})
		}
	}
	return out
}

// PairsBelowZero reports whether a score in the side-by-side table is
// below 0.
func (d *ReviewData) PairsBelowZero() bool {
	for _, p := range d.Pairs {
		if p.Article.BelowZero() || p.Guide.BelowZero() || (p.Explanation != nil && p.Explanation.BelowZero()) {
			return true
		}
	}
	return false
}

func newReviewData(texts []Reviewed, findings []Finding) *ReviewData {
	d := &ReviewData{Texts: texts, Findings: findings}
	find := func(kind, article string) *Reviewed {
		for i := range d.Texts {
			if d.Texts[i].Kind == kind && d.Texts[i].Article == article {
				return &d.Texts[i]
			}
		}
		return nil
	}
	for i := range d.Texts {
		r := &d.Texts[i]
		if r.Kind != TextArticle {
			continue
		}
		if g := find(TextGuide, r.Article); g != nil {
			d.Pairs = append(d.Pairs, ReviewPair{Article: r, Explanation: find(TextExplanation, r.Article), Guide: g})
		}
	}
	return d
}

// ReviewPath is the site path of the per-page readability view of a text.
func (r Reviewed) ReviewPath() string {
	switch r.Kind {
	case TextGuide:
		_, slug, _ := routes.Parse(r.Path)
		return routes.Path(routes.ReviewGuide, slug)
	case TextGlossary:
		return routes.Path(routes.ReviewGlossary, "")
	}
	return routes.Path(routes.ReviewArticle, r.Article)
}

// SentenceProblems are the reasons a sentence breaks a threshold.
func (r Reviewed) SentenceProblems(sentence string) []string {
	var out []string
	for _, p := range r.Report.Problems {
		if p.Sentence == sentence {
			out = append(out, p.Reason)
		}
	}
	return out
}

// TextProblems are the problems of the whole text (not one sentence).
func (r Reviewed) TextProblems() []string {
	var out []string
	for _, p := range r.Report.Problems {
		if p.Sentence == "" {
			out = append(out, p.Reason)
		}
	}
	return out
}

// scoreValue is the main readability score of the text in its language:
// Flesch–Douma for Dutch, Flesch Reading Ease for English; nil for an
// empty text.
func (r Reviewed) scoreValue() *float64 {
	if r.Lang == "en" {
		return r.Report.Metrics.FleschReadingEase
	}
	return r.Report.Metrics.FleschDouma
}

// Score is the main readability score, written for readers of the text's
// language ("−152"), or "–" where there is none.
func (r Reviewed) Score() string {
	v := r.scoreValue()
	if v == nil {
		return "–"
	}
	return FormatDecimal(*v, 0, r.Lang)
}

// BelowZero reports whether the score is below 0: the formula then no
// longer measures how hard the text is, and the pages say so.
func (r Reviewed) BelowZero() bool {
	v := r.scoreValue()
	return v != nil && *v < 0
}

// HardSentences are the sentences that break a threshold, each with its
// reasons, in the order of the text.
func (r Reviewed) HardSentences() []HardSentence {
	var out []HardSentence
	for _, s := range r.Report.Sentences {
		if reasons := r.SentenceProblems(s.Text); len(reasons) > 0 {
			out = append(out, HardSentence{Text: s.Text, Words: s.Words, Reasons: reasons})
		}
	}
	return out
}

// HardSentence is a sentence that breaks a threshold, with why.
type HardSentence struct {
	Text    string
	Words   int
	Reasons []string
}

// Num writes a measured value for readers of the page's language, with a
// fixed number of decimals: "8,2" on a Dutch page, "8.2" on an English one.
func (p *Page) Num(v float64, places int) string { return FormatDecimal(v, int32(places), p.Lang) }

// NumOpt is Num for an optional value with as many decimals as it has
// (a threshold: "20", "0,5"), "–" where there is none.
func (p *Page) NumOpt(v *float64) string {
	if v == nil {
		return "–"
	}
	return FormatDecimal(*v, max(0, -decimal.NewFromFloat(*v).Exponent()), p.Lang)
}

// FindingsLang is the language of the consistency findings where it is not
// the page's: they compare the binding text, which is in the site's first
// language; "" on a page in that language.
func (p *Page) FindingsLang() string {
	if first := p.Site.Project.Languages[0]; first != p.Lang {
		return first
	}
	return ""
}

// Finding is a contradiction between the regeling and its toelichting.
type Finding = consistency.Finding

// Consistency compares the regeling with its toelichting. Findings are
// warnings for reviewers: the law is what it is.
func Consistency(p *project.Project) []Finding { return p.Consistency() }

// FindingText writes a finding on one line for the command line, with
// both quotes and their lines.
func FindingText(file string, f Finding) string {
	s := fmt.Sprintf("%s: artikel %s: %s", f.Kind, f.Article, f.Message)
	if f.Regeling.Text != "" {
		s += fmt.Sprintf("\n    %s:%d: regeling: %q", file, f.Regeling.Line, f.Regeling.Text)
	}
	if f.Toelichting.Text != "" {
		s += fmt.Sprintf("\n    %s:%d: toelichting: %q", file, f.Toelichting.Line, f.Toelichting.Text)
	}
	return s
}

// QuoteURL links a quote of the regeling to its article and lid.
func (p *Page) QuoteURL(q consistency.Quote) string {
	return p.LawURL(routes.ArticleAnchor(q.Article, q.Paragraph, ""))
}
