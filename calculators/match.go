package calculators

import (
	"sort"
	"strconv"
	"strings"
)

// The screener ("Wat past bij mij?") tells a resident which voorzieningen
// of an ordinance may fit them, from a few answers. The rule package gives
// the kinds of condition (an age at least a number, a benefit in a set, an
// answer that must be yes, …) and how they combine; which voorziening has
// which conditions, with their numbers, the article and lid and the
// sentence of the ordinance each comes from, is data: a Screener, which
// the site reads from the content folder. So the rules name no
// municipality and no article, as with the calculators.

// Fit is how well a voorziening fits the answers.
type Fit string

// The fits, best first.
const (
	// FitYes: the ordinance gives a right and the answers meet its
	// conditions.
	FitYes Fit = "yes"
	// FitMaybe: the gemeente decides ("kan"), or an answer is unknown.
	FitMaybe Fit = "maybe"
	// FitNo: an answer excludes it by a rule.
	FitNo Fit = "no"
)

func (f Fit) rank() int {
	switch f {
	case FitYes:
		return 0
	case FitMaybe:
		return 1
	}
	return 2
}

// MatchFields are the screener's answers, in the order it asks them. Age
// and benefit must be given (null says "weet ik niet" on purpose); every
// other answer may be left out, which also means "weet ik niet".
var MatchFields = []Field{
	{Name: "age", Kind: KindInt, Max: maxAge},
	{Name: "benefit", Kind: KindChoice, Choices: []string{"algemene_bijstand", "ioaw", "ioaz", "none"}},
	{Name: "months_on_benefit", Kind: KindInt, Need: Optional, Max: maxMonths},
	{Name: "benefit_stops_for_work", Kind: KindBool, Need: Optional},
	{Name: "self_employed_bbz", Kind: KindBool, Need: Optional},
	{Name: "start_qualification", Kind: KindBool, Need: Optional},
	{Name: "uwv_beschut_werk", Kind: KindBool, Need: Optional},
	{Name: "doelgroep_loonkostensubsidie", Kind: KindBool, Need: Optional},
	{Name: "single_parent", Kind: KindBool, Need: Optional},
}

// MatchField returns the screener field with the given name.
func MatchField(name string) (Field, bool) {
	for _, f := range MatchFields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

var boolChoices = []string{"true", "false"}

// choicesOf are the values of a choice or bool field.
func choicesOf(f Field) []string {
	if f.Kind == KindBool {
		return boolChoices
	}
	return f.Choices
}

// Tests are the kinds of condition.
const (
	TestAtLeast = "at_least" // a number field is Number or more
	TestBelow   = "below"    // a number field is less than Number
	TestAtMost  = "at_most"  // a number field is Number or less ("16 of 17 jaar")
	TestAbove   = "above"    // a number field is more than Number ("ouder dan 50")
	TestIn      = "in"       // a choice field is one of Values
	TestIs      = "is"       // a yes/no field has Values[0], "true" or "false"
	TestAny     = "any"      // at least one of the groups Any holds
	// TestOpen is a condition the screener does not ask about (six months
	// without paid work): never known, so never more than maybe.
	TestOpen = "open"
)

// Screener is the data of a screener: the voorzieningen, each with its
// conditions, in the order the site lists them.
type Screener struct {
	Voorzieningen []Voorziening
}

// Voorziening is one voorziening (one guide of the site) with the
// conditions of the ordinance for it.
type Voorziening struct {
	Slug string
	// Right is true when the ordinance gives a right once the conditions
	// hold (the gemeente "kent toe", "biedt aan als"); false when the
	// gemeente decides ("kan"): then the best fit is maybe.
	Right bool
	// Basis is the sentence that says who decides: always shown with a
	// fit of yes or maybe.
	Basis Clause
	// Conditions must all hold.
	Conditions []Criterion
}

// AnyCondition reports whether f holds for one of the voorziening's
// conditions, those inside "one of several groups" included.
func (v *Voorziening) AnyCondition(f func(c *Criterion) bool) bool {
	var walk func(cs []Criterion) bool
	walk = func(cs []Criterion) bool {
		for i := range cs {
			if f(&cs[i]) {
				return true
			}
			for _, g := range cs[i].Any {
				if walk(g) {
					return true
				}
			}
		}
		return false
	}
	return walk(v.Conditions)
}

// Clause is a rule of the ordinance with the sentence it comes from and
// what the screener says about it.
type Clause struct {
	Cite
	// Quote is the sentence of the ordinance (or of its toelichting) the
	// clause comes from, word for word.
	Quote string
	// Text is what the screener says, per language ("nl", "en").
	Text Text
}

// Criterion is one condition of a voorziening: a test of one answer, or
// (TestAny) a choice between groups of conditions.
type Criterion struct {
	Test   string
	Field  string
	Number int
	Values []string
	Any    [][]Criterion
	Cite
	Quote string
	// Else is the fit when the condition does not hold: FitNo, or FitMaybe
	// for a condition the gemeente may still weigh (a toelichting's
	// "in principe").
	Else Fit
	// Met, NotMet and Unknown are what the screener says when the
	// condition holds, does not hold, or an answer is not known; an empty
	// text says nothing. "{n}" in a text is Number, "{years}" Number/12.
	Met, NotMet, Unknown Text
	// NotMetCite, when set, is what NotMet cites instead: the lid that
	// applies when this one does not (a partial exit after a full one).
	NotMetCite Cite
}

// truth is a three-valued truth: an answer may be unknown.
type truth uint8

const (
	unknown truth = iota
	holds
	fails
)

// span is what is known of one answer: for a number field the values from
// lo to hi, for a choice or yes/no field the set of values it may have (a
// bit per choice). An unknown answer is every value.
type span struct {
	lo, hi int
	set    uint32
}

// Answers are what a resident answered, per field of MatchFields.
type Answers struct {
	spans map[string]span
	lang  lang
}

func fullSpan(f Field) span {
	if f.Kind == KindInt {
		return span{lo: 0, hi: int(f.Max)}
	}
	return span{set: 1<<len(choicesOf(f)) - 1}
}

func (a Answers) get(name string) span {
	if s, ok := a.spans[name]; ok {
		return s
	}
	f, _ := MatchField(name)
	return fullSpan(f)
}

func (a Answers) with(name string, s span) Answers {
	out := Answers{spans: make(map[string]span, len(a.spans)+1), lang: a.lang}
	for k, v := range a.spans {
		out.spans[k] = v
	}
	out.spans[name] = s
	return out
}

// eval tests one condition against the answers.
func (c *Criterion) eval(a Answers) truth {
	if c.Test == TestAny {
		out := fails
		for _, g := range c.Any {
			switch all(g, a) {
			case holds:
				return holds
			case unknown:
				out = unknown
			}
		}
		return out
	}
	if c.Test == TestOpen {
		return unknown
	}
	s := a.get(c.Field)
	switch c.Test {
	case TestAtLeast:
		return between(s, c.Number, int(^uint(0)>>1))
	case TestBelow:
		return between(s, -1<<31, c.Number-1)
	case TestAtMost:
		return between(s, -1<<31, c.Number)
	case TestAbove:
		return between(s, c.Number+1, int(^uint(0)>>1))
	}
	f, _ := MatchField(c.Field)
	var want uint32
	for i, ch := range choicesOf(f) {
		for _, v := range c.Values {
			if v == ch {
				want |= 1 << i
			}
		}
	}
	switch {
	case s.set&^want == 0:
		return holds
	case s.set&want == 0:
		return fails
	}
	return unknown
}

// between tests that every value of s lies in [lo, hi].
func between(s span, lo, hi int) truth {
	switch {
	case s.lo >= lo && s.hi <= hi:
		return holds
	case s.hi < lo || s.lo > hi:
		return fails
	}
	return unknown
}

// all is the truth of a group of conditions that must all hold.
func all(cs []Criterion, a Answers) truth {
	out := holds
	for i := range cs {
		switch cs[i].eval(a) {
		case fails:
			return fails
		case unknown:
			out = unknown
		}
	}
	return out
}

// fit is a voorziening's fit on the answers, and the first condition that
// failed (nil when none did).
func (v *Voorziening) fit(a Answers) Fit {
	out := FitYes
	if !v.Right {
		out = FitMaybe
	}
	for i := range v.Conditions {
		c := &v.Conditions[i]
		switch c.eval(a) {
		case fails:
			if c.Else == FitMaybe {
				out = worse(out, FitMaybe)
			} else {
				return FitNo
			}
		case unknown:
			out = worse(out, FitMaybe)
		}
	}
	return out
}

func worse(a, b Fit) Fit {
	if b.rank() > a.rank() {
		return b
	}
	return a
}

// reasons are the sentences that explain a fit: with no, only the
// conditions that exclude the voorziening; otherwise what each condition
// says on the answers, then the basis.
func (v *Voorziening) reasons(a Answers, fit Fit) []Reason {
	var out []Reason
	for i := range v.Conditions {
		c := &v.Conditions[i]
		t := c.eval(a)
		if fit == FitNo && (t != fails || c.Else == FitMaybe) {
			continue
		}
		out = c.explain(a, t, out)
	}
	if fit != FitNo {
		out = v.Basis.reason(a.lang, 0, out)
	}
	return out
}

// explain adds what a condition says on the answers. A choice between
// groups speaks through the group that decides: the first that holds; when
// none does, the condition that fails in each; else every open group.
func (c *Criterion) explain(a Answers, t truth, out []Reason) []Reason {
	if c.Test != TestAny {
		cl := Clause{Cite: c.Cite, Text: c.Unknown}
		switch t {
		case holds:
			cl.Text = c.Met
		case fails:
			cl.Text = c.NotMet
			if c.NotMetCite.Article != "" {
				cl.Cite = c.NotMetCite
			}
		}
		return cl.reason(a.lang, c.Number, out)
	}
	for _, g := range c.Any {
		if all(g, a) == holds {
			for i := range g {
				out = g[i].explain(a, holds, out)
			}
			return out
		}
	}
	for _, g := range c.Any {
		gt := all(g, a)
		for i := range g {
			ct := g[i].eval(a)
			if gt == fails && ct == fails {
				out = g[i].explain(a, ct, out)
				break
			}
			if gt == unknown {
				out = g[i].explain(a, ct, out)
			}
		}
	}
	return out
}

func (cl Clause) reason(l lang, n int, out []Reason) []Reason {
	s := cl.Text.in(l)
	if s == "" {
		return out
	}
	if strings.Contains(s, "{") {
		// Two plain replacements rather than a strings.Replacer, which
		// builds a lookup table on every call (the screener's pages ask
		// for thousands of reasons a build). The placeholders do not
		// overlap and the numbers hold no braces, so the result is the same.
		s = strings.ReplaceAll(s, "{n}", strconv.Itoa(n))
		s = strings.ReplaceAll(s, "{years}", strconv.Itoa(n/12))
	}
	return append(out, Reason{Article: cl.Article, Paragraph: cl.Paragraph, Text: s})
}

// MatchResult is the screener's answer: every voorziening with its fit,
// yes first, then maybe, then no.
type MatchResult struct {
	Voorzieningen []VoorzieningFit `json:"voorzieningen"`
}

// VoorzieningFit is one voorziening's fit with the reasons for it.
type VoorzieningFit struct {
	Slug    string   `json:"slug"`
	Fit     Fit      `json:"fit"`
	Reasons []Reason `json:"reasons"`
}

// Match tells how each voorziening fits the answers.
func (s *Screener) Match(a Answers) *MatchResult {
	res := &MatchResult{}
	for i := range s.Voorzieningen {
		v := &s.Voorzieningen[i]
		f := v.fit(a)
		res.Voorzieningen = append(res.Voorzieningen, VoorzieningFit{Slug: v.Slug, Fit: f, Reasons: v.reasons(a, f)})
	}
	sort.SliceStable(res.Voorzieningen, func(i, j int) bool {
		return res.Voorzieningen[i].Fit.rank() < res.Voorzieningen[j].Fit.rank()
	})
	return res
}

// fits are the fits of every voorziening, in the data's order.
func (s *Screener) fits(a Answers) []Fit {
	out := make([]Fit, len(s.Voorzieningen))
	for i := range s.Voorzieningen {
		out[i] = s.Voorzieningen[i].fit(a)
	}
	return out
}
