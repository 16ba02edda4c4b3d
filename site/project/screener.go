package project

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/regelgids/regelgids/calculators"
	"github.com/regelgids/regelgids/calculators/params"
	"github.com/regelgids/regelgids/site/internal/yamlfile"
	"github.com/regelgids/regelgids/site/ordinance"
)

// ScreenerFile holds the screener "Wat past bij mij?": its questions and,
// per voorziening (one per guide), the conditions of the ordinance with
// the article, lid and sentence each comes from. A content folder without
// it has no screener. See the comment at its top for the format.
const ScreenerFile = "wat-past-bij-mij.yaml"

// Screener is the screener of a site: the rules (data for the rule
// package) and the texts of its questions.
type Screener struct {
	Rules *calculators.Screener
	// Questions are the texts of each field's question, by field name.
	Questions map[string]Question
	// Static are the fields asked on the pages made for readers without
	// JavaScript (one page per path of answers, so their number must stay
	// small); nil asks every field.
	Static []string
}

// Question is the text of one question, per language.
type Question struct {
	Text, Hint, Why map[string]string
	// Bands label the answers of a number question: below ("Jonger dan
	// {next} jaar"), pair ("{lo} of {hi} jaar"), range and top, with
	// {lo}, {hi}, {next} and {lo_years}, {next_years}.
	Bands map[string]map[string]string
	// Choices label the answers of a choice question.
	Choices map[string]map[string]string
}

var screenerBands = []string{"below", "pair", "range", "top"}

// loadScreener reads ScreenerFile, when the folder has one, and checks it
// against the rule package, the parameters, the guides and the ordinance.
// It needs p.Params, p.Guides and the ordinance.
func (p *Project) loadScreener(content fs.FS) error {
	raw, ok, err := readOptional(content, ScreenerFile)
	if err != nil || !ok {
		return err
	}
	if p.Params == nil {
		return nil // parameters.yaml failed and says why
	}
	s, err := parseScreener(ScreenerFile, raw, p.Params, p.Date, p.Languages, p.quoteProblem)
	if err != nil {
		return err
	}
	first := p.Languages[0]
	files, _ := fs.Glob(content, GuidesDir+"/"+first+"/*.md")
	if len(files) == 0 {
		return nil // no guides: nothing for the screener to lead to
	}
	for _, l := range p.Languages {
		other, _ := fs.Glob(content, GuidesDir+"/"+l+"/*.md")
		if len(other) != len(files) || len(p.Guides[l]) != len(files) {
			// A guide failed or is missing in a language, and says so;
			// which voorzieningen have one is not known.
			p.Screener = s
			return nil
		}
	}
	// One voorziening per guide, and no other.
	var problems []string
	for _, g := range p.Guides[p.Languages[0]] {
		if !slices.ContainsFunc(s.Rules.Voorzieningen, func(v calculators.Voorziening) bool { return v.Slug == g.Slug }) {
			problems = append(problems, fmt.Sprintf("%s:1: no voorziening for the guide %s (%s); every guide of the site needs one", ScreenerFile, g.Slug, g.File))
		}
	}
	for _, v := range s.Rules.Voorzieningen {
		if p.guideBySlug(v.Slug) == nil {
			problems = append(problems, fmt.Sprintf("%s:1: voorziening %s has no guide in %s", ScreenerFile, v.Slug, GuidesDir))
		}
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "\n"))
	}
	p.Screener = s
	return nil
}

func (p *Project) guideBySlug(slug string) any {
	for _, g := range p.Guides[p.Languages[0]] {
		if g.Slug == slug {
			return g
		}
	}
	return nil
}

// LoadScreener reads a content folder's ScreenerFile for the command line,
// with the parameters in force on date: it checks the file against the
// rule package and the parameters, not against the guides and the
// ordinance (a build does). Without the file the screener is nil.
func LoadScreener(content fs.FS, t *params.Table, date params.Date) (*Screener, error) {
	raw, ok, err := readOptional(content, ScreenerFile)
	if err != nil || !ok {
		return nil, err
	}
	return parseScreener(ScreenerFile, raw, t, date, languagesIn(content), nil)
}

var spaces = regexp.MustCompile(`\s+`)

// quoteProblem says why a quote is not in the article, lid or toelichting
// it cites, or "".
func (p *Project) quoteProblem(c calculators.Cite, quote string) string {
	if msg := p.citeExists(c); msg != "" {
		return "cites " + msg
	}
	a := p.Ordinance().Article(c.Article)
	var text string
	switch c.Paragraph {
	case "toelichting":
		text = a.Explanation
		for _, b := range a.ExplanationBlocks {
			text += " " + b.Text + " " + strings.Join(b.Items, " ")
		}
	default:
		for _, q := range a.Paragraphs {
			if c.Paragraph == "" || q.Number == c.Paragraph {
				text += " " + lidText(q)
			}
		}
	}
	norm := func(s string) string { return strings.TrimSpace(spaces.ReplaceAllString(s, " ")) }
	if !strings.Contains(norm(text), norm(quote)) {
		where := "artikel " + c.Article
		switch c.Paragraph {
		case "":
		case "toelichting":
			where = "the toelichting of " + where
		default:
			where += " lid " + c.Paragraph
		}
		return fmt.Sprintf("quote %q is not in %s; copy the sentence word for word", quote, where)
	}
	return ""
}

func lidText(q ordinance.Paragraph) string {
	var b strings.Builder
	b.WriteString(q.Text)
	var items func(is []ordinance.Item)
	items = func(is []ordinance.Item) {
		for _, it := range is {
			b.WriteString(" " + it.Text)
			items(it.Items)
			b.WriteString(" " + it.Tail)
		}
	}
	items(q.Items)
	b.WriteString(" " + q.Tail)
	return b.String()
}

// parseScreener reads a screener file. quoteProblem (nil to skip) checks
// each cited sentence against the ordinance.
func parseScreener(file string, raw []byte, t *params.Table, date params.Date, langs []string, quoteProblem func(calculators.Cite, string) string) (*Screener, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(raw, &root); err != nil {
		return nil, yamlfile.Error(file, err)
	}
	if len(root.Content) == 0 {
		return nil, fmt.Errorf("%s:1: empty file", file)
	}
	set, err := t.At(date)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", ParametersFile, err)
	}
	sp := &screenerParser{calcProblems: calcProblems{file: file}, t: t, set: set, langs: langs, quoteProblem: quoteProblem}
	s := &Screener{Rules: &calculators.Screener{}, Questions: map[string]Question{}}
	var qNode, vNode *yaml.Node
	for _, kv := range sp.mapping(root.Content[0], "the file", "questions", "voorzieningen", "without_javascript") {
		switch kv.key.Value {
		case "questions":
			qNode = kv.value
		case "voorzieningen":
			vNode = kv.value
		default:
			for _, f := range valuesOf(kv.value) {
				if _, ok := calculators.MatchField(f); !ok {
					sp.add(kv.value, "without_javascript: no field %q; the fields are %s", f, matchFieldNames())
				}
				s.Static = append(s.Static, f)
			}
		}
	}
	if vNode == nil {
		sp.add(root.Content[0], "voorzieningen is missing")
	} else if vNode.Kind != yaml.SequenceNode {
		sp.add(vNode, "voorzieningen must be a list")
	} else {
		for _, n := range vNode.Content {
			if v, ok := sp.voorziening(n); ok {
				s.Rules.Voorzieningen = append(s.Rules.Voorzieningen, v)
			}
		}
	}
	if qNode != nil {
		for _, kv := range sp.mapping(qNode, "questions") {
			f, ok := calculators.MatchField(kv.key.Value)
			if !ok {
				sp.add(kv.key, "questions: no field %q; the fields are %s", kv.key.Value, matchFieldNames())
				continue
			}
			s.Questions[f.Name] = sp.question(f, kv.value)
		}
	}
	if err := sp.err(); err != nil {
		return nil, err
	}
	// Every field the rules test needs its question.
	for _, f := range calculators.MatchFields {
		if _, ok := s.Questions[f.Name]; !ok && usesField(s.Rules, f.Name) {
			sp.add(qNode, "questions: %s is missing; a condition tests it", f.Name)
		}
	}
	if err := sp.err(); err != nil {
		return nil, err
	}
	if err := s.Rules.Check(); err != nil {
		return nil, fmt.Errorf("%s:1: %w", file, err)
	}
	return s, nil
}

func matchFieldNames() string {
	var names []string
	for _, f := range calculators.MatchFields {
		names = append(names, f.Name)
	}
	return strings.Join(names, ", ")
}

func usesField(s *calculators.Screener, field string) bool {
	for i := range s.Voorzieningen {
		if s.Voorzieningen[i].AnyCondition(func(c *calculators.Criterion) bool { return c.Field == field }) {
			return true
		}
	}
	return false
}

type screenerParser struct {
	calcProblems
	t            *params.Table
	set          params.Set
	langs        []string
	quoteProblem func(calculators.Cite, string) string
}

// texts reads {nl: …, en: …}: a text in every language of the site,
// which may be "" where empty is true (the condition then says nothing).
func (sp *screenerParser) texts(n *yaml.Node, what string, empty bool) map[string]string {
	out := map[string]string{}
	for _, kv := range sp.mapping(n, what, "nl", "en") {
		if s, ok := sp.scalar(kv.value, what+": "+kv.key.Value); ok {
			out[kv.key.Value] = strings.TrimSpace(s)
		}
	}
	if n.Kind != yaml.MappingNode {
		return out
	}
	for _, l := range sp.langs {
		if v, ok := out[l]; !ok || v == "" && !empty {
			sp.add(n, "%s: the text in %s is missing", what, l)
		}
	}
	return out
}

func text(m map[string]string) calculators.Text { return calculators.Text{NL: m["nl"], EN: m["en"]} }

func (sp *screenerParser) question(f calculators.Field, n *yaml.Node) Question {
	q := Question{Bands: map[string]map[string]string{}, Choices: map[string]map[string]string{}}
	for _, kv := range sp.mapping(n, f.Name, "text", "hint", "why", "bands", "choices") {
		switch kv.key.Value {
		case "text":
			q.Text = sp.texts(kv.value, f.Name+": text", false)
		case "hint":
			q.Hint = sp.texts(kv.value, f.Name+": hint", false)
		case "why":
			q.Why = sp.texts(kv.value, f.Name+": why", false)
		case "bands":
			if f.Kind != calculators.KindInt {
				sp.add(kv.key, "%s: bands are for a number question", f.Name)
				continue
			}
			for _, b := range sp.mapping(kv.value, f.Name+": bands", screenerBands...) {
				q.Bands[b.key.Value] = sp.texts(b.value, f.Name+": bands: "+b.key.Value, false)
			}
		case "choices":
			if f.Kind != calculators.KindChoice {
				sp.add(kv.key, "%s: choices are for a choice question", f.Name)
				continue
			}
			for _, c := range sp.mapping(kv.value, f.Name+": choices", f.Choices...) {
				q.Choices[c.key.Value] = sp.texts(c.value, f.Name+": choices: "+c.key.Value, false)
			}
		}
	}
	if q.Text == nil || q.Why == nil {
		sp.add(n, "%s: text and why are required: the question and why it is asked", f.Name)
	}
	if f.Kind == calculators.KindInt {
		for _, b := range []string{"below", "range", "top"} {
			if q.Bands[b] == nil {
				sp.add(n, "%s: bands: %s is missing", f.Name, b)
			}
		}
	}
	if f.Kind == calculators.KindChoice {
		for _, c := range f.Choices {
			if q.Choices[c] == nil {
				sp.add(n, "%s: choices: %s is missing", f.Name, c)
			}
		}
	}
	return q
}

func (sp *screenerParser) voorziening(n *yaml.Node) (calculators.Voorziening, bool) {
	var v calculators.Voorziening
	var basis, conds *yaml.Node
	right := false
	for _, kv := range sp.mapping(n, "voorziening", "slug", "right", "basis", "conditions") {
		switch kv.key.Value {
		case "slug":
			v.Slug, _ = sp.scalar(kv.value, "slug")
		case "right":
			switch kv.value.Value {
			case "true":
				v.Right = true
			case "false":
			default:
				sp.add(kv.value, "right must be true (the ordinance gives a right) or false (the gemeente \"kan\")")
			}
			right = true
		case "basis":
			basis = kv.value
		case "conditions":
			conds = kv.value
		}
	}
	if v.Slug == "" {
		sp.add(n, "voorziening: slug is missing: the guide it belongs to")
		return v, false
	}
	if !right || basis == nil {
		sp.add(n, "%s: right and basis are required", v.Slug)
		return v, false
	}
	v.Basis = sp.clause(basis, v.Slug+": basis")
	if conds != nil {
		v.Conditions = sp.conditions(conds, v.Slug, 0)
	}
	return v, true
}

// cite reads article and paragraph and the quote, and checks them.
func (sp *screenerParser) citeAndQuote(n *yaml.Node, what string, m map[string]*yaml.Node) (calculators.Cite, string) {
	var c calculators.Cite
	var quote string
	if a := m["article"]; a != nil {
		c.Article = a.Value
	} else {
		sp.add(n, "%s: article is missing", what)
	}
	if p := m["paragraph"]; p != nil {
		c.Paragraph = p.Value
	}
	if q := m["quote"]; q != nil && strings.TrimSpace(q.Value) != "" {
		quote = strings.TrimSpace(q.Value)
	} else {
		sp.add(n, "%s: quote is missing: the sentence of the ordinance it comes from, word for word", what)
	}
	if c.Article != "" && quote != "" && sp.quoteProblem != nil {
		if msg := sp.quoteProblem(c, quote); msg != "" {
			sp.add(m["quote"], "%s: %s", what, msg)
		}
	}
	return c, quote
}

func (sp *screenerParser) clause(n *yaml.Node, what string) calculators.Clause {
	m := map[string]*yaml.Node{}
	var texts yaml.Node
	texts.Kind = yaml.MappingNode
	texts.Line = n.Line
	for _, kv := range sp.mapping(n, what, "article", "paragraph", "quote", "nl", "en") {
		m[kv.key.Value] = kv.value
		if kv.key.Value == "nl" || kv.key.Value == "en" {
			texts.Content = append(texts.Content, kv.key, kv.value)
		}
	}
	var cl calculators.Clause
	cl.Cite, cl.Quote = sp.citeAndQuote(n, what, m)
	cl.Text = text(sp.texts(&texts, what, false))
	return cl
}

func (sp *screenerParser) conditions(n *yaml.Node, what string, depth int) []calculators.Criterion {
	if n.Kind != yaml.SequenceNode {
		sp.add(n, "%s: conditions must be a list", what)
		return nil
	}
	var out []calculators.Criterion
	for _, cn := range n.Content {
		if c, ok := sp.condition(cn, what, depth); ok {
			out = append(out, c)
		}
	}
	return out
}

var conditionKeys = []string{"test", "field", "number", "values", "article", "paragraph", "quote", "else", "met", "not_met", "unknown", "not_met_cite", "any"}

func (sp *screenerParser) condition(n *yaml.Node, what string, depth int) (calculators.Criterion, bool) {
	var c calculators.Criterion
	m := map[string]*yaml.Node{}
	for _, kv := range sp.mapping(n, what+": condition", conditionKeys...) {
		m[kv.key.Value] = kv.value
	}
	if m["test"] == nil {
		sp.add(n, "%s: condition: test is missing", what)
		return c, false
	}
	c.Test = m["test"].Value
	if c.Test == calculators.TestAny {
		if depth > 2 || m["any"] == nil || m["any"].Kind != yaml.SequenceNode {
			sp.add(n, "%s: any needs a list of groups of conditions (at most two deep)", what)
			return c, false
		}
		for _, g := range m["any"].Content {
			c.Any = append(c.Any, sp.conditions(g, what, depth+1))
		}
		if err := c.Check(); err != nil {
			sp.add(n, "%s: %v", what, err)
		}
		return c, true
	}
	c.Cite, c.Quote = sp.citeAndQuote(n, what+": "+c.Test, m)
	if f := m["field"]; f != nil {
		c.Field = f.Value
	}
	for _, v := range valuesOf(m["values"]) {
		c.Values = append(c.Values, v)
	}
	if e := m["else"]; e != nil {
		c.Else = calculators.Fit(e.Value)
	}
	if nc := m["not_met_cite"]; nc != nil {
		for _, kv := range sp.mapping(nc, what+": not_met_cite", "article", "paragraph") {
			if kv.key.Value == "article" {
				c.NotMetCite.Article = kv.value.Value
			} else {
				c.NotMetCite.Paragraph = kv.value.Value
			}
		}
		if sp.quoteProblem != nil {
			if msg := sp.quoteProblem(c.NotMetCite, ""); msg != "" {
				sp.add(nc, "%s: not_met_cite %s", what, msg)
			}
		}
	}
	if num := m["number"]; num != nil {
		c.Number = sp.number(num, what, c.Field, c.Quote)
	}
	for key, dst := range map[string]*calculators.Text{"met": &c.Met, "not_met": &c.NotMet, "unknown": &c.Unknown} {
		if tn := m[key]; tn != nil {
			*dst = text(sp.texts(tn, what+": "+key, true))
		} else {
			sp.add(n, "%s: %s is missing (write {nl: \"\", en: \"\"} to say nothing)", what, key)
		}
	}
	if err := c.Check(); err != nil {
		sp.add(n, "%s: %v", what, err)
		return c, false
	}
	return c, true
}

func valuesOf(n *yaml.Node) []string {
	if n == nil {
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		return []string{n.Value}
	}
	var out []string
	for _, v := range n.Content {
		out = append(out, v.Value)
	}
	return out
}

// number reads a number or {param: NAME}: the value of that parameter on
// the site's date, in months where the field counts months and the
// parameter is in years. The number as the ordinance writes it must be in
// the quote.
func (sp *screenerParser) number(n *yaml.Node, what, field, quote string) int {
	raw := n.Value
	factor := 1
	if n.Kind == yaml.MappingNode {
		var name string
		for _, kv := range sp.mapping(n, what+": number", "param") {
			name = kv.value.Value
		}
		prm, ok := sp.t.Param(name)
		v, ok2 := sp.set.Lookup(name)
		if !ok || !ok2 {
			sp.add(n, "%s: no parameter %q in %s", what, name, ParametersFile)
			return 0
		}
		switch {
		case prm.Unit == "years" && field == "months_on_benefit":
			factor = 12
		case prm.Unit != "years" && prm.Unit != "months":
			sp.add(n, "%s: parameter %s is in %s; a condition needs years or months", what, name, prm.Unit)
			return 0
		}
		raw = v.Value.String()
	}
	num, err := strconv.Atoi(raw)
	if err != nil {
		sp.add(n, "%s: number %q is not a whole number", what, raw)
		return 0
	}
	if quote != "" && !regexp.MustCompile(`\b`+regexp.QuoteMeta(raw)+`\b`).MatchString(quote) {
		sp.add(n, "%s: the number %s is not in the quote %q", what, raw, quote)
	}
	return num * factor
}
