package calculators

import (
	"encoding/json"
	"strings"
	"testing"
)

// testScreener is a screener in the shape of the data: a right after an
// agency's decision, a "kan" with an age and a benefit, and a choice
// between two groups.
func testScreener() *Screener {
	t := func(s string) Text { return Text{s, "en: " + s} }
	return &Screener{Voorzieningen: []Voorziening{
		{Slug: "recht", Right: true, Basis: Clause{Cite: Cite{"7", "1"}, Text: t("basis recht")},
			Conditions: []Criterion{{Test: TestIs, Field: "uwv_beschut_werk", Values: []string{"true"}, Cite: Cite{"7", "1"}, Met: t("uwv ja"), NotMet: t("uwv nee"), Unknown: t("uwv ?")}}},
		{Slug: "kan", Basis: Clause{Cite: Cite{"6", "1"}, Text: t("basis kan")},
			Conditions: []Criterion{
				{Test: TestIn, Field: "benefit", Values: []string{"algemene_bijstand"}, Cite: Cite{"6", "1"}, Met: t("bijstand"), NotMet: t("geen bijstand"), Unknown: t("bijstand?")},
				{Test: TestAtLeast, Field: "age", Number: 27, Cite: Cite{"6", "1"}, Met: t("{n}+"), NotMet: t("onder {n}"), Unknown: t("{n}?")},
			}},
		{Slug: "groepen", Right: true, Basis: Clause{Cite: Cite{"17", "4"}, Text: t("basis groepen")},
			Conditions: []Criterion{
				{Test: TestAny, Any: [][]Criterion{
					{{Test: TestAtLeast, Field: "age", Number: 27, Cite: Cite{"17", "toelichting"}, Met: t("oud genoeg"), NotMet: t("te jong"), Unknown: t("leeftijd?")}},
					{{Test: TestIs, Field: "doelgroep_loonkostensubsidie", Values: []string{"true"}, Cite: Cite{"17", "toelichting"}, Met: t("doelgroep")}},
				}},
				{Test: TestAtLeast, Field: "months_on_benefit", Number: 36, Cite: Cite{"17", "1"}, Met: t("{years} jaar"), NotMet: t("korter"), Unknown: t("duur?")},
				{Test: TestIs, Field: "benefit_stops_for_work", Values: []string{"true"}, Else: FitMaybe, Cite: Cite{"17", "1"}, NotMetCite: Cite{"17", "2"}, NotMet: t("deels")},
			}},
		{Slug: "open", Right: true, Basis: Clause{Cite: Cite{"19", "1"}, Text: t("basis open")},
			Conditions: []Criterion{{Test: TestOpen, Cite: Cite{"3", "4"}, Unknown: t("besluit?")}}},
	}}
}

func TestMatchFits(t *testing.T) {
	s := testScreener()
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		input string
		want  map[string]Fit
		texts map[string]string // slug: reason texts joined by "|"
	}{
		{`{"age": 30, "benefit": "algemene_bijstand", "uwv_beschut_werk": true, "months_on_benefit": 36, "benefit_stops_for_work": true}`,
			map[string]Fit{"recht": FitYes, "kan": FitMaybe, "groepen": FitYes, "open": FitMaybe},
			map[string]string{"recht": "uwv ja|basis recht", "kan": "bijstand|27+|basis kan", "groepen": "oud genoeg|3 jaar|basis groepen", "open": "besluit?|basis open"}},
		{`{"age": 20, "benefit": "ioaw", "uwv_beschut_werk": false, "doelgroep_loonkostensubsidie": false}`,
			map[string]Fit{"recht": FitNo, "kan": FitNo, "groepen": FitNo},
			map[string]string{"recht": "uwv nee", "kan": "geen bijstand|onder 27", "groepen": "te jong"}},
		{`{"age": 20, "benefit": null, "doelgroep_loonkostensubsidie": true, "months_on_benefit": 40, "benefit_stops_for_work": false}`,
			map[string]Fit{"recht": FitMaybe, "kan": FitNo, "groepen": FitMaybe},
			map[string]string{"recht": "uwv ?|basis recht", "kan": "onder 27", "groepen": "doelgroep|3 jaar|deels|basis groepen"}},
		{`{"age": null, "benefit": null}`,
			map[string]Fit{"recht": FitMaybe, "kan": FitMaybe, "groepen": FitMaybe},
			map[string]string{"kan": "bijstand?|27?|basis kan", "groepen": "leeftijd?|duur?|basis groepen"}},
	} {
		a, err := ParseAnswers([]byte(c.input))
		if err != nil {
			t.Fatalf("%s: %v", c.input, err)
		}
		res := s.Match(a)
		last := -1
		for _, v := range res.Voorzieningen {
			if v.Fit.rank() < last {
				t.Errorf("%s: not sorted yes, maybe, no", c.input)
			}
			last = v.Fit.rank()
			if w, ok := c.want[v.Slug]; ok && v.Fit != w {
				t.Errorf("%s: %s is %s, want %s", c.input, v.Slug, v.Fit, w)
			}
			if w, ok := c.texts[v.Slug]; ok {
				var got []string
				for _, r := range v.Reasons {
					got = append(got, r.Text)
				}
				if strings.Join(got, "|") != w {
					t.Errorf("%s: %s says %q, want %q", c.input, v.Slug, strings.Join(got, "|"), w)
				}
			}
		}
	}
	// The partial exit cites its own lid.
	a, _ := ParseAnswers([]byte(`{"age": 30, "benefit": "ioaw", "months_on_benefit": 40, "benefit_stops_for_work": false}`))
	for _, v := range s.Match(a).Voorzieningen {
		if v.Slug == "groepen" && (len(v.Reasons) < 3 || v.Reasons[2].Paragraph != "2") {
			t.Errorf("not_met_cite: %+v", v.Reasons)
		}
	}
}

func TestMatchInputErrors(t *testing.T) {
	for _, c := range []struct{ input, want string }{
		{`{"benefit": "none"}`, "age: ontbreekt; schrijf null als het niet bekend is"},
		{`{"age": 30}`, "benefit: ontbreekt"},
		{`{"age": "30", "benefit": "none"}`, "age: moet een heel getal zijn, zonder aanhalingstekens; schrijf 30"},
		{`{"age": 131, "benefit": "none"}`, "age: is meer dan 130"},
		{`{"age": -1, "benefit": "none"}`, "age: mag niet negatief zijn"},
		{`{"age": 30, "benefit": "wajong"}`, `benefit: moet "algemene_bijstand" of "ioaw" of "ioaz" of "none" zijn`},
		{`{"age": 30, "benefit": "none", "single_parent": "ja"}`, "single_parent: moet true of false zijn"},
		{`{"age": 30, "benefit": "none", "leeftijd": 3}`, "leeftijd: is geen veld van deze rekenhulp"},
		{`{"age": 30, "benefit": "none",}`, "na de laatste waarde mag geen komma staan"},
		{`{"age": 30, "benefit": "none", "lang": "en", "uwv_beschut_werk": 1}`, "uwv_beschut_werk: must be true or false"},
		{`[1]`, "ongeldige invoer"},
	} {
		_, err := ParseAnswers([]byte(c.input))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", c.input, err, c.want)
		}
		if _, ok := err.(*InputError); !ok {
			t.Errorf("%s: %T is not an *InputError", c.input, err)
		}
	}
}

// TestScreenerJSONRoundTrip: the browser's form of the rules reads back
// to the same rules, and MatchJSON answers as Match does.
func TestScreenerJSONRoundTrip(t *testing.T) {
	s := testScreener()
	b, err := s.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	s2, err := ParseScreener(b)
	if err != nil {
		t.Fatal(err)
	}
	b2, _ := s2.MarshalJSON()
	if string(b) != string(b2) || !json.Valid(b) {
		t.Errorf("round trip differs:\n%s\n%s", b, b2)
	}
	input := []byte(`{"age": 30, "benefit": "algemene_bijstand", "lang": "en"}`)
	a, _ := ParseAnswers(input)
	want, _ := s.Match(a).MarshalJSON()
	if got := MatchJSON(input, b); string(got) != string(want) {
		t.Errorf("MatchJSON %s, Match %s", got, want)
	}
	if got := MatchJSON([]byte(`{}`), b); !strings.Contains(string(got), `"kind":"input"`) {
		t.Errorf("MatchJSON on a wrong input: %s", got)
	}
	if got := MatchJSON(input, []byte(`{"voorzieningen": [{"slug": "x"}]}`)); !strings.Contains(string(got), `"kind":"params"`) {
		t.Errorf("MatchJSON on broken rules: %s", got)
	}
	for _, bad := range []string{`{}`, `{"voorzieningen": {}}`, `{"voorzieningen": [{"slug": "a", "right": 1, "basis": {}, "conditions": []}]}`} {
		if _, err := ParseScreener([]byte(bad)); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}

// TestNextAsksOnlyWhatChangesAFit: a question whose answers cannot change
// any fit is not asked, and one that can is.
func TestNextAsksOnlyWhatChangesAFit(t *testing.T) {
	s := testScreener()
	a := NewAnswers("nl")
	asked := map[string]bool{}
	var order []string
	for f := s.Next(a, asked); f != ""; f = s.Next(a, asked) {
		order = append(order, f)
		asked[f] = true
		a = a.With(f, s.Choices(f)[0])
	}
	// Under 27 the kan-voorziening is out whatever the benefit, and under
	// 36 months the group is out whatever the exit or the doelgroep: those
	// questions are not asked.
	got := strings.Join(order, ",")
	if got != "age,months_on_benefit,uwv_beschut_werk" {
		t.Errorf("asked %s", got)
	}
	// With benefit "ioaw" the kan-voorziening is out, and age 15 (the
	// first band) rules out the group unless the doelgroep: it is asked.
	ages := s.Choices("age")
	if len(ages) != 3 || ages[0].Hi != 26 || ages[1].Lo != 27 || !ages[2].Unknown {
		t.Errorf("age bands %+v", ages)
	}
	cl := s.Classes(NewAnswers("nl").With("benefit", s.Choices("benefit")[1]), map[string]bool{"benefit": true}, "uwv_beschut_werk")
	if len(cl) != 3 {
		t.Errorf("uwv classes %v", cl)
	}
}

// FuzzParseAnswers: any input gives answers or an *InputError, never a
// panic, and answers that read give a result for every voorziening.
func FuzzParseAnswers(f *testing.F) {
	for _, seed := range []string{
		`{"age": 35, "benefit": "algemene_bijstand", "months_on_benefit": 12, "benefit_stops_for_work": false, "start_qualification": true, "uwv_beschut_werk": false, "doelgroep_loonkostensubsidie": false, "single_parent": false, "self_employed_bbz": false, "lang": "nl"}`,
		`{"age": null, "benefit": null}`, `{"age": 1e3, "benefit": "none",}`, `{"age": 035}`, "\ufeff{}", `{"age":`, `[]`, ``,
	} {
		f.Add([]byte(seed))
	}
	s := testScreener()
	f.Fuzz(func(t *testing.T, input []byte) {
		a, err := ParseAnswers(input)
		if err != nil {
			if _, ok := err.(*InputError); !ok {
				t.Fatalf("%T: %v", err, err)
			}
			return
		}
		if n := len(s.Match(a).Voorzieningen); n != len(s.Voorzieningen) {
			t.Fatalf("%d results", n)
		}
	})
}
