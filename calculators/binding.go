package calculators

import (
	"errors"
	"strings"

	"github.com/regelgids/regelgids/calculators/internal/jsonlite"
	"github.com/regelgids/regelgids/calculators/params/values"
)

// Cite is where a rule is written in the ordinance: an article and its lid.
type Cite struct {
	Article string
	// Paragraph is the lid, "" for the whole article, or "toelichting" for
	// the article's part of the explanatory notes.
	Paragraph string
}

// Effective is the day the ordinance took effect, with the article that
// says so. An input dated earlier is refused: "ligt vóór 1 juli 2024; de
// verordening geldt vanaf die datum (artikel 23)".
type Effective struct {
	Date values.Date
	Cite
}

// Binding binds the rules to one municipality's ordinance: the day it took
// effect, which rules its site publishes, and for each the article it
// computes and the article and lid each of its reasons cites. It is data
// (the site reads it from calculators.yaml in the content folder and hands
// its JSON to the browser), so the rules name no municipality and no
// article number.
type Binding struct {
	Effective Effective
	// Calculators are the published rules, in the order the site lists
	// them.
	Calculators []Calculator
}

// Calculator is one published rule.
type Calculator struct {
	// Rule is the rule's name.
	Rule string
	// Article is the article of the ordinance the rule computes, for the
	// link on its page.
	Article string
	// Cites binds every reason key of the rule (Rule.Reasons) to the
	// article and lid it cites.
	Cites map[string]Cite
}

// Calculator returns the published calculator of the named rule.
func (b *Binding) Calculator(name string) (*Calculator, bool) {
	for i := range b.Calculators {
		if b.Calculators[i].Rule == name {
			return &b.Calculators[i], true
		}
	}
	return nil, false
}

// Names returns the names of the published rules.
func (b *Binding) Names() []string {
	names := make([]string, len(b.Calculators))
	for i, c := range b.Calculators {
		names[i] = c.Rule
	}
	return names
}

// Check reports every way the binding does not fit the rules: an unknown
// or repeated rule, a reason key it does not cite or one the rule does not
// have, an empty article. The site checks the same with line numbers, and
// that every cited article and lid exists in the ordinance.
func (b *Binding) Check() error {
	var problems []string
	if b.Effective.Date.IsZero() {
		problems = append(problems, "effective: geen datum")
	}
	if b.Effective.Article == "" {
		problems = append(problems, "effective: geen artikel")
	}
	seen := map[string]bool{}
	for _, c := range b.Calculators {
		r := Lookup(c.Rule)
		switch {
		case r == nil:
			problems = append(problems, "onbekende rekenhulp "+quote(c.Rule))
			continue
		case seen[c.Rule]:
			problems = append(problems, c.Rule+": komt twee keer voor")
			continue
		}
		seen[c.Rule] = true
		if c.Article == "" {
			problems = append(problems, c.Rule+": geen artikel")
		}
		for _, k := range r.Reasons {
			ct, ok := c.Cites[k.Key]
			if !ok {
				problems = append(problems, c.Rule+": geen bron voor reden "+quote(k.Key))
			} else if ct.Article == "" {
				problems = append(problems, c.Rule+": reden "+quote(k.Key)+" heeft geen artikel")
			}
		}
		for _, k := range sortedKeys(c.Cites) {
			if !r.HasReason(k) {
				problems = append(problems, c.Rule+": onbekende reden "+quote(k))
			}
		}
	}
	if len(problems) > 0 {
		return errors.New("de bronnen passen niet bij de rekenhulpen: " + strings.Join(problems, "; "))
	}
	return nil
}

func quote(s string) string { return "\"" + show(s) + "\"" }

func sortedKeys(m map[string]Cite) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}

func (c Cite) write(w *jsonlite.Writer) {
	w.String("article", c.Article)
	w.String("paragraph", c.Paragraph)
}

// MarshalJSON writes the binding as the browser gets it:
//
//	{"effective": {"date": "2024-07-01", "article": "23", "paragraph": "1"},
//	 "calculators": {"uitstroompremie": {"article": "17",
//	   "cites": {"bbz": {"article": "17", "paragraph": "5"}, …}}, …}}
//
// with the calculators in their order and the cites in the order of the
// rule's reason keys.
func (b *Binding) MarshalJSON() ([]byte, error) {
	var eff jsonlite.Writer
	eff.String("date", b.Effective.Date.String())
	b.Effective.Cite.write(&eff)
	var calcs jsonlite.Writer
	for _, c := range b.Calculators {
		var cites jsonlite.Writer
		keys := sortedKeys(c.Cites)
		if r := Lookup(c.Rule); r != nil {
			keys = keys[:0]
			for _, k := range r.Reasons {
				if _, ok := c.Cites[k.Key]; ok {
					keys = append(keys, k.Key)
				}
			}
		}
		for _, k := range keys {
			var w jsonlite.Writer
			c.Cites[k].write(&w)
			cites.Raw(k, w.Bytes())
		}
		var w jsonlite.Writer
		w.String("article", c.Article)
		w.Raw("cites", cites.Bytes())
		calcs.Raw(c.Rule, w.Bytes())
	}
	var w jsonlite.Writer
	w.Raw("effective", eff.Bytes())
	w.Raw("calculators", calcs.Bytes())
	return w.Bytes(), nil
}

// ParseBinding reads the JSON that MarshalJSON writes, strictly, and checks
// it against the rules (see Check).
func ParseBinding(data []byte) (*Binding, error) {
	b, err := parseBinding(data)
	if err != nil {
		return nil, errors.New("de bronnen zijn onleesbaar: " + err.Error())
	}
	if err := b.Check(); err != nil {
		return nil, err
	}
	return b, nil
}

func parseBinding(data []byte) (*Binding, error) {
	top, err := object(data, "effective", "calculators")
	if err != nil {
		return nil, err
	}
	eff, err := object(top["effective"], "date", "article", "paragraph")
	if err != nil {
		return nil, errors.New("effective: " + err.Error())
	}
	b := &Binding{}
	ds, _ := jsonlite.String(eff["date"])
	if b.Effective.Date, err = values.ParseDate(ds); err != nil {
		return nil, errors.New("effective: date: " + show(ds) + " is geen datum")
	}
	if b.Effective.Cite, err = cite(eff); err != nil {
		return nil, errors.New("effective: " + err.Error())
	}
	members, err := jsonlite.Object(top["calculators"])
	if err != nil {
		return nil, errors.New("calculators: geen JSON-object")
	}
	for _, m := range members {
		f, err := object(m.Value, "article", "cites")
		if err != nil {
			return nil, errors.New(show(m.Key) + ": " + err.Error())
		}
		c := Calculator{Rule: m.Key, Cites: map[string]Cite{}}
		c.Article, _ = jsonlite.String(f["article"])
		cites, err := jsonlite.Object(f["cites"])
		if err != nil {
			return nil, errors.New(show(m.Key) + ": cites: geen JSON-object")
		}
		for _, cm := range cites {
			cf, err := object(cm.Value, "article", "paragraph")
			if err == nil {
				c.Cites[cm.Key], err = cite(cf)
			}
			if err != nil {
				return nil, errors.New(show(m.Key) + ": " + show(cm.Key) + ": " + err.Error())
			}
		}
		b.Calculators = append(b.Calculators, c)
	}
	return b, nil
}

// object reads a JSON object whose keys must all be given and allowed,
// each once, with string values where the key is not an object.
func object(data []byte, keys ...string) (map[string][]byte, error) {
	if data == nil {
		return nil, errors.New("ontbreekt")
	}
	members, err := jsonlite.Object(data)
	if err != nil {
		return nil, errors.New("geen JSON-object")
	}
	f := map[string][]byte{}
	for _, m := range members {
		known := false
		for _, k := range keys {
			known = known || k == m.Key
		}
		switch {
		case !known:
			return nil, errors.New("onbekende sleutel " + quote(m.Key))
		case f[m.Key] != nil:
			return nil, errors.New(quote(m.Key) + " komt twee keer voor")
		}
		f[m.Key] = m.Value
	}
	for _, k := range keys {
		if f[k] == nil {
			return nil, errors.New(quote(k) + " ontbreekt")
		}
	}
	return f, nil
}

func cite(f map[string][]byte) (Cite, error) {
	a, ok1 := jsonlite.String(f["article"])
	p, ok2 := jsonlite.String(f["paragraph"])
	if !ok1 || !ok2 {
		return Cite{}, errors.New("article en paragraph moeten tekst zijn")
	}
	return Cite{Article: a, Paragraph: p}, nil
}
