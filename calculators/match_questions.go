package calculators

import (
	"slices"
	"sort"
	"strconv"
)

// The screener asks only what can change a fit: a question whose every
// answer gives the same fits, whatever the resident answers after it, is
// not asked. A number is asked as a choice between bands: the numbers
// from one threshold of the data to the next give the same result, so a
// band stands for every number in it.

// Choice is one answer to a question.
type Choice struct {
	// Value is the answer as JSON: a number (the band's first number, or
	// its last for the band that starts at 0), a choice such as
	// "algemene_bijstand", true or false; "null" for "weet ik niet".
	Value string
	// Lo and Hi are a number band's first and last number ("age" 18 to 26);
	// Top is true for the last band, which is open-ended ("27 of ouder").
	Lo, Hi int
	Top    bool
	// Unknown is the answer "weet ik niet".
	Unknown bool
	span    span
}

// Choices are the answers to a field's question, "weet ik niet" last.
func (s *Screener) Choices(field string) []Choice {
	f, ok := MatchField(field)
	if !ok {
		return nil
	}
	var out []Choice
	if f.Kind == KindInt {
		cuts := s.thresholds(field)
		lo := 0
		for i := 0; i <= len(cuts); i++ {
			hi := int(f.Max)
			if i < len(cuts) {
				hi = cuts[i] - 1
			}
			v := lo
			if lo == 0 {
				v = hi
			}
			out = append(out, Choice{Value: strconv.Itoa(v), Lo: lo, Hi: hi, Top: i == len(cuts), span: span{lo: lo, hi: hi}})
			if i < len(cuts) {
				lo = cuts[i]
			}
		}
	} else {
		for i, c := range choicesOf(f) {
			v := c
			if f.Kind == KindChoice {
				v = strconv.Quote(c)
			}
			out = append(out, Choice{Value: v, span: span{set: 1 << i}})
		}
	}
	return append(out, Choice{Value: "null", Unknown: true, span: fullSpan(f)})
}

// thresholds are the first numbers of the bands of a number field after
// the one that starts at 0: where some condition changes.
func (s *Screener) thresholds(field string) []int {
	f, _ := MatchField(field)
	seen := map[int]bool{}
	var walk func(cs []Criterion)
	walk = func(cs []Criterion) {
		for _, c := range cs {
			if c.Test == TestAny {
				for _, g := range c.Any {
					walk(g)
				}
				continue
			}
			if c.Field != field {
				continue
			}
			n := c.Number
			if c.Test == TestAbove || c.Test == TestAtMost {
				n++
			}
			if n > 0 && int64(n) <= f.Max {
				seen[n] = true
			}
		}
	}
	for _, v := range s.Voorzieningen {
		walk(v.Conditions)
	}
	var out []int
	for n := range seen {
		out = append(out, n)
	}
	sort.Ints(out)
	return out
}

// With returns the answers with a choice for field.
func (a Answers) With(field string, c Choice) Answers { return a.with(field, c.span) }

// NewAnswers are answers in a language ("nl" or "en") with nothing known
// yet.
func NewAnswers(language string) Answers {
	return Answers{spans: map[string]span{}, lang: langOf(language)}
}

// fields are the fields a voorziening's conditions test, in the order of
// MatchFields.
func (v *Voorziening) fields() []string {
	used := map[string]bool{}
	var walk func(cs []Criterion)
	walk = func(cs []Criterion) {
		for _, c := range cs {
			if c.Test != TestAny {
				used[c.Field] = true
			}
			for _, g := range c.Any {
				walk(g)
			}
		}
	}
	walk(v.Conditions)
	var out []string
	for _, f := range MatchFields {
		if used[f.Name] {
			out = append(out, f.Name)
		}
	}
	return out
}

// outlook is a voorziening's fit for every way the open fields may still
// be answered, in a fixed order: two answers with the same outlook can
// never lead to a different fit.
func (s *Screener) outlook(v *Voorziening, a Answers, open []string) []Fit {
	if len(open) == 0 {
		return []Fit{v.fit(a)}
	}
	var out []Fit
	for _, c := range s.Choices(open[0]) {
		out = append(out, s.outlook(v, a.With(open[0], c), open[1:])...)
	}
	return out
}

// openFields are the fields of v not yet asked, less skip.
func openFields(v *Voorziening, asked map[string]bool, skip string) []string {
	var out []string
	for _, f := range v.fields() {
		if !asked[f] && f != skip {
			out = append(out, f)
		}
	}
	return out
}

// Classes groups the choices of a field's question by what they lead to:
// two choices are in one class when, for every answer still to come, every
// voorziening has the same fit. A question with one class changes nothing
// and is not asked. The answers of a class together (a band from the
// first's first number to the last's last, or a set of choices) are
// ClassAnswers.
func (s *Screener) Classes(a Answers, asked map[string]bool, field string) [][]Choice {
	choices := s.Choices(field)
	// Only the voorzieningen that test the field can tell its answers
	// apart.
	var using []*Voorziening
	for j := range s.Voorzieningen {
		v := &s.Voorzieningen[j]
		for _, f := range v.fields() {
			if f == field {
				using = append(using, v)
				break
			}
		}
	}
	outlooks := make([][][]Fit, len(choices))
	for i, c := range choices {
		ac := a.With(field, c)
		for _, v := range using {
			outlooks[i] = append(outlooks[i], s.outlook(v, ac, openFields(v, asked, field)))
		}
	}
	same := func(i, j int) bool {
		for k := range outlooks[i] {
			if !slices.Equal(outlooks[i][k], outlooks[j][k]) {
				return false
			}
		}
		return true
	}
	var classes [][]Choice
	var firsts []int
	for i, c := range choices {
		placed := false
		for k, first := range firsts {
			if same(first, i) {
				// The class's answers together must also lead to the
				// same fits, or it is split.
				merged := append(append([]Choice(nil), classes[k]...), c)
				if s.holdsTogether(a, asked, field, merged, using, outlooks[first]) {
					classes[k] = merged
					placed = true
				}
				break
			}
		}
		if !placed {
			classes = append(classes, []Choice{c})
			firsts = append(firsts, i)
		}
	}
	return classes
}

func (s *Screener) holdsTogether(a Answers, asked map[string]bool, field string, cs []Choice, using []*Voorziening, want [][]Fit) bool {
	ac := a.with(field, union(cs))
	for j, v := range using {
		if !slices.Equal(s.outlook(v, ac, openFields(v, asked, field)), want[j]) {
			return false
		}
	}
	return true
}

// union is what is known when the answer is one of cs.
func union(cs []Choice) span {
	u := cs[0].span
	for _, c := range cs[1:] {
		u.lo, u.hi, u.set = min(u.lo, c.span.lo), max(u.hi, c.span.hi), u.set|c.span.set
	}
	return u
}

// ClassAnswers are the answers with "one of the choices cs" for field.
func (a Answers) ClassAnswers(field string, cs []Choice) Answers { return a.with(field, union(cs)) }

// Next is the first question not yet asked whose answer can change a fit,
// or "" when none is left: then the screener shows its result.
func (s *Screener) Next(a Answers, asked map[string]bool) string {
	for _, f := range MatchFields {
		if asked[f.Name] {
			continue
		}
		if s.changes(a, asked, f.Name) {
			return f.Name
		}
	}
	return ""
}

// changes reports whether some answer to field can lead to another fit
// than its first answer, for some answers still to come.
func (s *Screener) changes(a Answers, asked map[string]bool, field string) bool {
	choices := s.Choices(field)
	for j := range s.Voorzieningen {
		v := &s.Voorzieningen[j]
		uses := false
		for _, f := range v.fields() {
			uses = uses || f == field
		}
		if !uses {
			continue
		}
		open := openFields(v, asked, field)
		first := s.outlook(v, a.With(field, choices[0]), open)
		for _, c := range choices[1:] {
			if !slices.Equal(first, s.outlook(v, a.With(field, c), open)) {
				return true
			}
		}
	}
	return false
}
