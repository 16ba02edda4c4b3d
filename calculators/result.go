package calculators

import (
	"sort"

	"github.com/regelgids/regelgids/calculators/internal/jsonlite"
	"github.com/regelgids/regelgids/calculators/params/values"
	"github.com/shopspring/decimal"
)

// Result is the outcome of one rule: whether the person is eligible, the
// rule's outputs (see Rule.Outputs) and the reasons.
//
// Its JSON is {"eligible": …, OUTPUTS…, "reasons": […]}, with the outputs in
// the order of the rule's schema: money as a string with two decimals, int
// as a number, text as a string.
type Result struct {
	Eligible bool
	Reasons  []Reason
	rule     *Rule
	lang     lang
	outs     map[string]any // Money, int or string, by the output's Kind
}

// Summary is the part every result shares.
type Summary struct {
	Eligible bool
	// Amount is the main amount: the premium due, the maximum subsidy in
	// total, or the subsidy per month.
	Amount Money
	// AmountLabel says what Amount is, in the input's language, such as
	// "Premie" or "Premium".
	AmountLabel string
	Reasons     []Reason
}

// Rule returns the rule the result comes from.
func (r *Result) Rule() *Rule { return r.rule }

// Money returns a money output; "0.00" when the rule did not set it.
func (r *Result) Money(name string) Money {
	m, _ := r.out(name, KindMoney).(Money)
	return m
}

// Int returns an int output.
func (r *Result) Int(name string) int {
	n, _ := r.out(name, KindInt).(int)
	return n
}

// Text returns a text output.
func (r *Result) Text(name string) string {
	s, _ := r.out(name, KindText).(string)
	return s
}

func (r *Result) out(name string, k Kind) any {
	for _, o := range r.rule.Outputs {
		if o.Name == name && o.Kind == k {
			if v, ok := r.outs[name]; ok {
				return v
			}
			if k == KindMoney {
				return Money(decimal.Zero)
			}
			return nil
		}
	}
	panic("calculators: rule " + r.rule.Name + " has no " + string(k) + " output " + name)
}

// set sets an output of the rule's schema.
func (r *Result) set(name string, v any) {
	var k Kind
	switch v.(type) {
	case Money:
		k = KindMoney
	case int:
		k = KindInt
	case string:
		k = KindText
	}
	r.out(name, k) // checks the schema
	r.outs[name] = v
}

// Summary returns what every result has, for tables of examples.
func (r *Result) Summary() Summary {
	return Summary{Eligible: r.Eligible, Amount: r.Money(r.rule.Main), AmountLabel: r.rule.MainLabel.in(r.lang), Reasons: r.Reasons}
}

// MarshalJSON writes the result as documented on Result.
func (r *Result) MarshalJSON() ([]byte, error) {
	var w jsonlite.Writer
	w.Bool("eligible", r.Eligible)
	for _, o := range r.rule.Outputs {
		switch o.Kind {
		case KindMoney:
			w.Raw(o.Name, r.Money(o.Name).raw())
		case KindInt:
			w.Int(o.Name, r.Int(o.Name))
		default:
			w.String(o.Name, r.Text(o.Name))
		}
	}
	w.Raw("reasons", reasonsJSON(r.Reasons))
	return w.Bytes(), nil
}

// calc is what a rule's compute function works with: the input, the
// parameters, the result to fill in, and the citations of its reasons. Its
// lang gives the texts in the input's language (t, euro, number, …).
type calc struct {
	lang
	in    *Input
	p     *reader
	res   *Result
	cites map[string]Cite
	// unbound are reason keys the code gives that the binding lacks.
	unbound []string
}

// cite is a reason of the ordinance, with the article and lid the data
// binds to key, and its text in the run's language.
func (c *calc) cite(key, nl, en string) Reason { return c.citeText(key, c.t(nl, en)) }

// citeText is cite with a text already in the run's language.
func (c *calc) citeText(key, text string) Reason {
	ct, ok := c.cites[key]
	if !ok || !c.res.rule.HasReason(key) {
		c.unbound = append(c.unbound, c.res.rule.Name+"."+key)
	}
	return Reason{Key: key, Article: ct.Article, Paragraph: ct.Paragraph, Text: text}
}

// BindingError says that a rule gave a reason whose key the binding does
// not cite: the data or the rule's list of keys is incomplete. Its message
// is in Dutch, for the maintainers.
type BindingError struct {
	Unbound []string
}

func (e *BindingError) Error() string {
	s := "de bronnen zijn niet compleet; geen artikel voor:"
	for _, k := range e.Unbound {
		s += " " + k
	}
	return s
}

// runRule computes a rule on a decoded input with a set and the citations
// of its reasons.
func runRule(in *Input, set values.Set, cites map[string]Cite) (*Result, error) {
	r := in.rule
	c := &calc{
		lang:  in.lang,
		in:    in,
		p:     newReader(set, in.Date("date"), in.lang, r.Params, r.Optional),
		res:   &Result{rule: r, lang: in.lang, outs: map[string]any{}},
		cites: cites,
	}
	if err := r.compute(c); err != nil {
		return nil, err
	}
	if len(c.unbound) > 0 {
		sort.Strings(c.unbound)
		return nil, &BindingError{Unbound: c.unbound}
	}
	return c.res, nil
}
