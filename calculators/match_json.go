package calculators

import (
	"errors"
	"strconv"

	"github.com/regelgids/regelgids/calculators/internal/jsonlite"
)

// Check reports the first way a screener does not fit the rule package: a
// test of an unknown field, a test that does not fit the field's kind, a
// value the field does not have, an empty choice. The site checks more
// (every guide, the articles and the quotes) with line numbers.
func (s *Screener) Check() error {
	seen := map[string]bool{}
	for _, v := range s.Voorzieningen {
		if v.Slug == "" || seen[v.Slug] {
			return errors.New("voorziening " + quote(v.Slug) + ": geen of een dubbele naam")
		}
		seen[v.Slug] = true
		if v.Basis.Article == "" {
			return errors.New(v.Slug + ": basis heeft geen artikel")
		}
		if err := checkConditions(v.Conditions); err != nil {
			return errors.New(v.Slug + ": " + err.Error())
		}
	}
	return nil
}

func checkConditions(cs []Criterion) error {
	for _, c := range cs {
		if err := c.Check(); err != nil {
			return err
		}
	}
	return nil
}

// Check reports what is wrong with one condition, or nil.
func (c *Criterion) Check() error {
	if c.Else != "" && c.Else != FitNo && c.Else != FitMaybe {
		return errors.New("else moet \"no\" of \"maybe\" zijn")
	}
	if c.Test == TestAny {
		if len(c.Any) < 2 {
			return errors.New("any heeft minstens twee groepen nodig")
		}
		for _, g := range c.Any {
			if len(g) == 0 {
				return errors.New("any heeft een lege groep")
			}
			if err := checkConditions(g); err != nil {
				return err
			}
		}
		return nil
	}
	if c.Article == "" {
		return errors.New(c.Test + " " + c.Field + ": geen artikel")
	}
	if c.Test == TestOpen {
		if c.Field != "" {
			return errors.New("open heeft geen veld")
		}
		return nil
	}
	f, ok := MatchField(c.Field)
	if !ok {
		return errors.New("onbekend veld " + quote(c.Field))
	}
	switch c.Test {
	case TestAtLeast, TestBelow, TestAtMost, TestAbove:
		if f.Kind != KindInt {
			return errors.New(c.Test + " past niet bij " + c.Field + ", dat geen getal is")
		}
		if c.Number < 0 || int64(c.Number) > f.Max {
			return errors.New(c.Field + ": " + strconv.Itoa(c.Number) + " ligt buiten 0–" + strconv.FormatInt(f.Max, 10))
		}
	case TestIn, TestIs:
		if f.Kind == KindInt {
			return errors.New(c.Test + " past niet bij " + c.Field + ", dat een getal is")
		}
		if c.Test == TestIs && (f.Kind != KindBool || len(c.Values) != 1) {
			return errors.New("is past alleen bij een ja/nee-vraag, met één waarde")
		}
		if len(c.Values) == 0 {
			return errors.New(c.Field + ": geen waarden")
		}
		for _, v := range c.Values {
			found := false
			for _, ch := range choicesOf(f) {
				found = found || ch == v
			}
			if !found {
				return errors.New(c.Field + ": onbekende waarde " + quote(v))
			}
		}
	default:
		return errors.New("onbekende toets " + quote(c.Test))
	}
	return nil
}

func (t Text) json() []byte {
	var w jsonlite.Writer
	w.String("nl", t.NL)
	w.String("en", t.EN)
	return w.Bytes()
}

func (cl Clause) write(w *jsonlite.Writer) {
	cl.Cite.write(w)
	w.String("quote", cl.Quote)
	w.Raw("text", cl.Text.json())
}

func conditionsJSON(cs []Criterion) []byte {
	items := make([][]byte, len(cs))
	for i, c := range cs {
		var w jsonlite.Writer
		w.String("test", c.Test)
		if c.Test == TestAny {
			groups := make([][]byte, len(c.Any))
			for j, g := range c.Any {
				groups[j] = conditionsJSON(g)
			}
			w.Raw("any", jsonlite.Array(groups))
			items[i] = w.Bytes()
			continue
		}
		w.String("field", c.Field)
		w.Int("number", c.Number)
		vals := make([][]byte, len(c.Values))
		for j, v := range c.Values {
			vals[j] = jsonlite.Quote(v)
		}
		w.Raw("values", jsonlite.Array(vals))
		c.Cite.write(&w)
		w.String("quote", c.Quote)
		w.String("else", string(c.Else))
		w.Raw("met", c.Met.json())
		w.Raw("not_met", c.NotMet.json())
		w.Raw("unknown", c.Unknown.json())
		var nc jsonlite.Writer
		c.NotMetCite.write(&nc)
		w.Raw("not_met_cite", nc.Bytes())
		items[i] = w.Bytes()
	}
	return jsonlite.Array(items)
}

// MarshalJSON writes the screener as the browser gets it:
//
//	{"voorzieningen": [{"slug": "beschut-werk", "right": true,
//	  "basis": {"article": "7", "paragraph": "1", "quote": "…", "text": {"nl": "…", "en": "…"}},
//	  "conditions": [{"test": "is", "field": "uwv_beschut_werk", "number": 0, "values": ["true"],
//	    "article": "7", "paragraph": "1", "quote": "…", "else": "",
//	    "met": {"nl": …, "en": …}, "not_met": {…}, "unknown": {…}}]}]}
func (s *Screener) MarshalJSON() ([]byte, error) {
	items := make([][]byte, len(s.Voorzieningen))
	for i, v := range s.Voorzieningen {
		var w, basis jsonlite.Writer
		w.String("slug", v.Slug)
		w.Bool("right", v.Right)
		v.Basis.write(&basis)
		w.Raw("basis", basis.Bytes())
		w.Raw("conditions", conditionsJSON(v.Conditions))
		items[i] = w.Bytes()
	}
	var w jsonlite.Writer
	w.Raw("voorzieningen", jsonlite.Array(items))
	return w.Bytes(), nil
}

// ParseScreener reads the JSON that MarshalJSON writes, strictly, and
// checks it (see Check).
func ParseScreener(data []byte) (*Screener, error) {
	s, err := parseScreener(data)
	if err != nil {
		return nil, errors.New("de regels van de keuzehulp zijn onleesbaar: " + err.Error())
	}
	if err := s.Check(); err != nil {
		return nil, errors.New("de regels van de keuzehulp kloppen niet: " + err.Error())
	}
	return s, nil
}

func parseScreener(data []byte) (*Screener, error) {
	top, err := object(data, "voorzieningen")
	if err != nil {
		return nil, err
	}
	els, err := jsonlite.Elements(top["voorzieningen"])
	if err != nil {
		return nil, errors.New("voorzieningen: " + err.Error())
	}
	s := &Screener{}
	for _, e := range els {
		f, err := object(e, "slug", "right", "basis", "conditions")
		if err != nil {
			return nil, err
		}
		var v Voorziening
		var ok bool
		if v.Slug, ok = jsonlite.String(f["slug"]); !ok {
			return nil, errors.New("slug moet tekst zijn")
		}
		switch string(f["right"]) {
		case "true":
			v.Right = true
		case "false":
		default:
			return nil, errors.New(v.Slug + ": right moet true of false zijn")
		}
		if v.Basis, err = parseClause(f["basis"]); err != nil {
			return nil, errors.New(v.Slug + ": basis: " + err.Error())
		}
		if v.Conditions, err = parseConditions(f["conditions"], 0); err != nil {
			return nil, errors.New(v.Slug + ": " + err.Error())
		}
		s.Voorzieningen = append(s.Voorzieningen, v)
	}
	return s, nil
}

func parseText(raw []byte) (Text, error) {
	f, err := object(raw, "nl", "en")
	if err != nil {
		return Text{}, err
	}
	nl, ok1 := jsonlite.String(f["nl"])
	en, ok2 := jsonlite.String(f["en"])
	if !ok1 || !ok2 {
		return Text{}, errors.New("nl en en moeten tekst zijn")
	}
	return Text{nl, en}, nil
}

func parseClause(raw []byte) (Clause, error) {
	f, err := object(raw, "article", "paragraph", "quote", "text")
	if err != nil {
		return Clause{}, err
	}
	var cl Clause
	if cl.Cite, err = cite(f); err != nil {
		return cl, err
	}
	var ok bool
	if cl.Quote, ok = jsonlite.String(f["quote"]); !ok {
		return cl, errors.New("quote moet tekst zijn")
	}
	cl.Text, err = parseText(f["text"])
	return cl, err
}

func parseConditions(raw []byte, depth int) ([]Criterion, error) {
	if depth > 4 {
		return nil, errors.New("any is te diep genest")
	}
	els, err := jsonlite.Elements(raw)
	if err != nil {
		return nil, errors.New("conditions: " + err.Error())
	}
	var out []Criterion
	for _, e := range els {
		members, err := jsonlite.Object(e)
		if err != nil {
			return nil, errors.New("conditions: geen JSON-object")
		}
		var c Criterion
		isAny := false
		for _, m := range members {
			if m.Key == "test" {
				t, _ := jsonlite.String(m.Value)
				isAny = t == TestAny
			}
		}
		if isAny {
			f, err := object(e, "test", "any")
			if err != nil {
				return nil, err
			}
			c.Test = TestAny
			groups, err := jsonlite.Elements(f["any"])
			if err != nil {
				return nil, errors.New("any: " + err.Error())
			}
			for _, g := range groups {
				cs, err := parseConditions(g, depth+1)
				if err != nil {
					return nil, err
				}
				c.Any = append(c.Any, cs)
			}
			out = append(out, c)
			continue
		}
		f, err := object(e, "test", "field", "number", "values", "article", "paragraph", "quote", "else", "met", "not_met", "unknown", "not_met_cite")
		if err != nil {
			return nil, err
		}
		var ok [4]bool
		c.Test, ok[0] = jsonlite.String(f["test"])
		c.Field, ok[1] = jsonlite.String(f["field"])
		c.Quote, ok[2] = jsonlite.String(f["quote"])
		var elseFit string
		elseFit, ok[3] = jsonlite.String(f["else"])
		c.Else = Fit(elseFit)
		if !ok[0] || !ok[1] || !ok[2] || !ok[3] {
			return nil, errors.New("test, field, quote en else moeten tekst zijn")
		}
		if !isJSONInt(f["number"]) {
			return nil, errors.New(c.Field + ": number moet een heel getal zijn")
		}
		if c.Number, err = strconv.Atoi(string(f["number"])); err != nil {
			return nil, errors.New(c.Field + ": number is te groot")
		}
		if c.Values, err = jsonlite.Strings(f["values"]); err != nil {
			return nil, errors.New(c.Field + ": values: " + err.Error())
		}
		if c.Cite, err = cite(f); err != nil {
			return nil, err
		}
		for key, t := range map[string]*Text{"met": &c.Met, "not_met": &c.NotMet, "unknown": &c.Unknown} {
			if *t, err = parseText(f[key]); err != nil {
				return nil, errors.New(c.Field + ": " + key + ": " + err.Error())
			}
		}
		nc, err := object(f["not_met_cite"], "article", "paragraph")
		if err != nil {
			return nil, errors.New(c.Field + ": not_met_cite: " + err.Error())
		}
		if c.NotMetCite, err = cite(nc); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}
