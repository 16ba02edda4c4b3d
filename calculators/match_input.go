package calculators

import (
	"bytes"
	"sync"

	"github.com/regelgids/regelgids/calculators/internal/jsonlite"
	"github.com/regelgids/regelgids/calculators/params/values"
)

// ParseAnswers reads the screener's JSON input strictly, with the
// calculators' messages:
//
//	{"age": 35, "benefit": "algemene_bijstand", "months_on_benefit": 12,
//	 "benefit_stops_for_work": false, "start_qualification": true, …, "lang": "nl"}
//
// age and benefit must be given; null says "weet ik niet". Every other
// field may be left out or null: "weet ik niet". A wrong input gives an
// *InputError that lists every wrong field.
func ParseAnswers(input []byte) (Answers, error) {
	order := make([]string, 0, len(MatchFields)+1)
	for _, f := range MatchFields {
		order = append(order, f.Name)
	}
	order = append(order, langField)
	d := newDecoder(input, order, values.Date{})
	a := Answers{spans: map[string]span{}, lang: d.l}
	c := &checks{l: d.l}
	for _, f := range MatchFields {
		if v, ok := d.raw[f.Name]; ok && string(v) == "null" && !d.broken {
			delete(d.raw, f.Name) // weet ik niet, said on purpose
			continue
		}
		required := f.Need == Required
		if d.broken {
			continue
		}
		if _, ok := d.raw[f.Name]; !ok && required {
			d.fail(f.Name, d.l.t("ontbreekt; schrijf null als het niet bekend is", "is missing; write null when it is not known"))
			continue
		}
		if _, ok := d.raw[f.Name]; !ok {
			continue
		}
		switch f.Kind {
		case KindInt:
			n := d.integer(f.Name, required)
			if !d.failed[f.Name] {
				c.count(f, n)
				a.spans[f.Name] = span{lo: n, hi: n}
			}
		case KindBool:
			b := d.boolean(f.Name, required)
			if !d.failed[f.Name] {
				a.spans[f.Name] = choiceSpan(f, map[bool]string{true: "true", false: "false"}[b])
			}
		case KindChoice:
			s := d.choice(f.Name, required, f.Choices...)
			if !d.failed[f.Name] {
				a.spans[f.Name] = choiceSpan(f, s)
			}
		}
	}
	if err := d.finish(c.errs); err != nil {
		return Answers{}, err
	}
	return a, nil
}

func choiceSpan(f Field, v string) span {
	for i, c := range choicesOf(f) {
		if c == v {
			return span{set: 1 << i}
		}
	}
	return fullSpan(f)
}

// Lang is the language of the answers' texts: "nl" or "en".
func (a Answers) Lang() string { return a.lang.t("nl", "en") }

// WithLang returns the answers with the texts in another language.
func (a Answers) WithLang(language string) Answers {
	out := a.with("", span{})
	delete(out.spans, "")
	out.lang = langOf(language)
	return out
}

// MarshalJSON writes the result:
//
//	{"voorzieningen": [{"slug": "…", "fit": "yes", "reasons": [{"article": "7", "paragraph": "1", "text": "…"}]}]}
func (r *MatchResult) MarshalJSON() ([]byte, error) {
	items := make([][]byte, len(r.Voorzieningen))
	for i, v := range r.Voorzieningen {
		var w jsonlite.Writer
		w.String("slug", v.Slug)
		w.String("fit", string(v.Fit))
		w.Raw("reasons", reasonsJSON(v.Reasons))
		items[i] = w.Bytes()
	}
	var w jsonlite.Writer
	w.Raw("voorzieningen", jsonlite.Array(items))
	return w.Bytes(), nil
}

// MatchJSON is Match with JSON in and out, for the browser: screener is
// the JSON of a Screener (see Screener.MarshalJSON). It answers the
// result's JSON or {"error": {"kind": "input" | "params", …}} as RunJSON
// does; an unreadable screener is kind "params".
func MatchJSON(input, screener []byte) []byte {
	s, a, fail := screenerAnswers(input, screener)
	if fail != nil {
		return fail
	}
	out, _ := s.Match(a).MarshalJSON()
	return out
}

// screenerAnswers reads the screener and the answers for MatchJSON and
// NextJSON; fail is the error JSON to answer when either is unreadable.
func screenerAnswers(input, screener []byte) (s *Screener, a Answers, fail []byte) {
	s, err := parseScreenerOnce(screener)
	if err != nil {
		return nil, a, errorJSON(ErrorParams, showN(err.Error(), 200), nil)
	}
	a, err = ParseAnswers(input)
	if ie, ok := err.(*InputError); ok {
		return nil, a, errorJSON(ErrorInput, err.Error(), ie.Fields)
	} else if err != nil {
		return nil, a, errorJSON(ErrorParams, err.Error(), nil)
	}
	return s, a, nil
}

// NextJSON answers which question the screener asks next, for the
// browser: input holds the answers so far (as for MatchJSON) and asked the
// JSON array of the fields already asked, answered or not. It answers
// {"next": "field"}, or {"next": ""} when no question left can change a
// fit. Errors are as MatchJSON's.
func NextJSON(input, asked, screener []byte) []byte {
	s, a, fail := screenerAnswers(input, screener)
	if fail != nil {
		return fail
	}
	names, err := jsonlite.Strings(asked)
	if err != nil {
		return errorJSON(ErrorInput, "asked: "+err.Error(), nil)
	}
	done := map[string]bool{}
	for _, n := range names {
		done[n] = true
	}
	var w jsonlite.Writer
	w.String("next", s.Next(a, done))
	return w.Bytes()
}

// The page gives the same rules with every call: the last ones read are
// kept, so a call costs the answers, not the rules.
var (
	lastMu       sync.Mutex
	lastRules    []byte
	lastScreener *Screener
)

func parseScreenerOnce(data []byte) (*Screener, error) {
	lastMu.Lock()
	defer lastMu.Unlock()
	if lastScreener != nil && bytes.Equal(data, lastRules) {
		return lastScreener, nil
	}
	s, err := ParseScreener(data)
	if err != nil {
		return nil, err
	}
	lastRules, lastScreener = append([]byte(nil), data...), s
	return s, nil
}
