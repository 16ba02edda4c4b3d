package calculators_test

import (
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"sync"
	"testing"

	"github.com/regelgids/regelgids/calculators"
	"github.com/regelgids/regelgids/calculators/internal/testbinding"
	"github.com/regelgids/regelgids/calculators/params"
)

// testCase is one entry of testdata/cases.json.
type testCase struct {
	Name       string          `json:"name"`
	Calculator string          `json:"calculator"`
	Source     string          `json:"source"`
	Input      json.RawMessage `json:"input"`
	Expected   map[string]any  `json:"expected"`
	Error      *struct {
		Kind   string   `json:"kind"`
		Fields []string `json:"fields"`
		// Messages, when given, are the exact messages of Fields.
		Messages []string `json:"messages"`
	} `json:"error"`
}

func loadCases(t testing.TB) []testCase {
	t.Helper()
	b, err := os.ReadFile("testdata/cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Cases []testCase `json:"cases"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Cases) == 0 {
		t.Fatal("no cases")
	}
	return doc.Cases
}

func loadTable(t testing.TB) *params.Table {
	t.Helper()
	b, err := os.ReadFile("../content/eemsdelta/parameters.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tb, err := params.Parse("parameters.yaml", b)
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

var (
	bindingOnce sync.Once
	binding     *calculators.Binding
)

// eemsdelta is the binding of content/eemsdelta/calculators.yaml: the
// citations the cases expect.
func eemsdelta(t testing.TB) *calculators.Binding {
	bindingOnce.Do(func() { binding = testbinding.Load(t, "../content/eemsdelta") })
	if binding == nil {
		t.Fatal("calculators.yaml did not load")
	}
	return binding
}

// bindingJSON is the JSON of eemsdelta, as the browser gets it.
func bindingJSON(t testing.TB) []byte {
	b, err := eemsdelta(t).MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// setDate is the date to make a parameter set for: the input's date, or the
// ordinance's first day when the input has no usable date (its errors do
// not depend on the set).
func setDate(t testing.TB, input []byte) params.Date {
	var in struct {
		Date string `json:"date"`
	}
	json.Unmarshal(input, &in)
	d, err := params.ParseDate(in.Date)
	if eff := eemsdelta(t).Effective.Date; err != nil || d.Before(eff) {
		return eff
	}
	return d
}

// checkOutput compares the JSON of a result, or of an {"error": ...}, with a
// case. Reasons are compared by law, article and paragraph; their text has
// to be there, and has to match exactly when the case gives it. The same
// holds for the messages of an input error.
func checkOutput(t *testing.T, c testCase, out []byte) {
	t.Helper()
	var got map[string]any
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if c.Error != nil {
		e, ok := got["error"].(map[string]any)
		if !ok {
			t.Fatalf("want error %v, got %s", c.Error.Fields, out)
		}
		var fields, messages []string
		for _, f := range e["fields"].([]any) {
			fm := f.(map[string]any)
			if fm["message"] == "" {
				t.Errorf("field %v has no message", fm["field"])
			}
			fields = append(fields, fm["field"].(string))
			messages = append(messages, fm["message"].(string))
		}
		if e["kind"] != c.Error.Kind || !reflect.DeepEqual(fields, c.Error.Fields) {
			t.Errorf("error kind %v fields %v, want %s %v", e["kind"], fields, c.Error.Kind, c.Error.Fields)
		}
		if c.Error.Messages != nil && !reflect.DeepEqual(messages, c.Error.Messages) {
			t.Errorf("error messages\n got %q\nwant %q", messages, c.Error.Messages)
		}
		return
	}
	if _, isErr := got["error"]; isErr {
		t.Fatalf("unexpected error: %s", out)
	}
	for k, want := range c.Expected {
		if k == "reasons" {
			continue
		}
		if !reflect.DeepEqual(got[k], want) {
			t.Errorf("%s = %v, want %v", k, got[k], want)
		}
	}
	for k := range got {
		if _, ok := c.Expected[k]; !ok {
			t.Errorf("output has field %q the case does not expect", k)
		}
	}
	var gotReasons []map[string]any
	var gotTexts []string
	for _, r := range got["reasons"].([]any) {
		rm := r.(map[string]any)
		s, _ := rm["text"].(string)
		if s == "" {
			t.Errorf("reason %v has no text", rm)
		}
		gotTexts = append(gotTexts, s)
		delete(rm, "text")
		if rm["law"] == nil {
			delete(rm, "law")
		}
		gotReasons = append(gotReasons, rm)
	}
	var wantReasons []map[string]any
	for i, r := range c.Expected["reasons"].([]any) {
		rm := map[string]any{}
		for k, v := range r.(map[string]any) {
			rm[k] = v
		}
		if want, ok := rm["text"]; ok {
			if i >= len(gotTexts) || gotTexts[i] != want {
				got := ""
				if i < len(gotTexts) {
					got = gotTexts[i]
				}
				t.Errorf("reason %d text\n got %q\nwant %q", i, got, want)
			}
			delete(rm, "text")
		}
		wantReasons = append(wantReasons, rm)
	}
	if !reflect.DeepEqual(gotReasons, wantReasons) {
		t.Errorf("reasons\n got %v\nwant %v\n%s", gotReasons, wantReasons, out)
	}
}

// TestCases runs every case through RunTable, as the command line does.
func TestCases(t *testing.T) {
	tb := loadTable(t)
	for _, c := range loadCases(t) {
		t.Run(c.Calculator+"/"+c.Name, func(t *testing.T) {
			if c.Source == "" {
				t.Error("case has no source")
			}
			res, err := eemsdelta(t).RunTable(c.Calculator, c.Input, tb)
			var out []byte
			var ie *calculators.InputError
			switch {
			case errors.As(err, &ie):
				out, _ = json.Marshal(map[string]any{"error": map[string]any{"kind": "input", "fields": ie.Fields}})
			case err != nil:
				t.Fatal(err)
			default:
				out, err = json.Marshal(res)
				if err != nil {
					t.Fatal(err)
				}
				if s := res.Summary(); s.Eligible != c.Expected["eligible"] || len(s.Reasons) == 0 || s.AmountLabel == "" {
					t.Errorf("summary %+v does not match", s)
				}
			}
			checkOutput(t, c, out)
		})
	}
}

// TestCasesRunJSON runs every case through RunJSON with the JSON of the
// parameter set for the case's date: what the WebAssembly module does.
func TestCasesRunJSON(t *testing.T) {
	tb := loadTable(t)
	for _, c := range loadCases(t) {
		t.Run(c.Calculator+"/"+c.Name, func(t *testing.T) {
			set, err := tb.At(setDate(t, c.Input))
			if err != nil {
				t.Fatal(err)
			}
			setJSON, err := set.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			out := calculators.RunJSON(c.Calculator, c.Input, setJSON, bindingJSON(t))
			if !json.Valid(out) {
				t.Fatalf("invalid JSON: %s", out)
			}
			checkOutput(t, c, out)
		})
	}
}

func TestExamples(t *testing.T) {
	tb := loadTable(t)
	dates := []params.Date{{Year: 2024, Month: 7, Day: 1}, {Year: 2025, Month: 3, Day: 1}, {Year: 2026, Month: 3, Day: 1}}
	for _, name := range calculators.Names() {
		exs := calculators.Examples(name)
		if len(exs) < 6 || len(exs) > 10 {
			t.Errorf("%s has %d examples, want 6 to 10", name, len(exs))
		}
		eligible := map[bool]bool{}
		for _, ex := range exs {
			for _, d := range dates {
				res, err := eemsdelta(t).RunTable(name, ex.WithDate(d), tb)
				if err != nil {
					t.Errorf("%s %q on %v: %v", name, ex.Label["nl"], d, err)
					continue
				}
				eligible[res.Summary().Eligible] = true
			}
		}
		if !eligible[true] || !eligible[false] {
			t.Errorf("%s: examples should show both outcomes", name)
		}
	}
	if calculators.Examples("onbekend") != nil {
		t.Error("examples for an unknown calculator")
	}
}

func TestRunErrors(t *testing.T) {
	tb := loadTable(t)
	set2026, _ := tb.At(params.Date{Year: 2026, Month: 3, Day: 1})
	input2025 := []byte(`{"date": "2025-03-01", "hours_per_week": 36, "loonwaarde_percent": "50", "hourly_wage": "14.06"}`)

	// A set made for 2026 cannot price a 2025 date.
	_, err := eemsdelta(t).Run("loonkostensubsidie-arbeidsbeperking", input2025, set2026)
	var ie *calculators.InputError
	if !errors.As(err, &ie) || len(ie.Fields) != 1 || ie.Fields[0].Field != "date" {
		t.Errorf("set for another date: got %v", err)
	}

	// A set without the minimum wage is incomplete data.
	partial := params.Set{Date: set2026.Date, Values: map[string]params.SetValue{}}
	for k, v := range set2026.Values {
		if k != "minimumloon.per_uur" {
			partial.Values[k] = v
		}
	}
	_, err = eemsdelta(t).Run("loonkostensubsidie-arbeidsbeperking", input2025, partial)
	var pe *calculators.ParamError
	if !errors.As(err, &pe) || !reflect.DeepEqual(pe.Missing, []string{"minimumloon.per_uur"}) || pe.Error() == "" {
		t.Errorf("incomplete set: got %v", err)
	}

	if _, err := eemsdelta(t).Run("bestaat-niet", input2025, set2026); err == nil {
		t.Error("unknown calculator accepted")
	}
	if _, err := eemsdelta(t).RunTable("bestaat-niet", input2025, tb); err == nil {
		t.Error("unknown calculator accepted by RunTable")
	}
	// The table has no parameters before the ordinance, but the input
	// check rejects such dates before the table is asked.
	if _, err := eemsdelta(t).RunTable("uitstroompremie", []byte(`{"date":"2020-01-01","age":30,"months_on_benefit":40,"exit":"full"}`), tb); !errors.As(err, &ie) {
		t.Errorf("old date: got %v", err)
	}

	setJSON, _ := set2026.MarshalJSON()
	for _, tc := range []struct{ name, input, set, kind string }{
		{"bestaat-niet", `{}`, string(setJSON), calculators.ErrorName},
		{"uitstroompremie", `{}`, `{"date": "2026-01-01"}`, calculators.ErrorParams},
		{"uitstroompremie", `[]`, string(setJSON), calculators.ErrorInput},
		{"uitstroompremie", `{"date":"2026-03-01","age":30,"months_on_benefit":40,"exit":"full"}`, string(partial2(t, set2026)), calculators.ErrorParams},
	} {
		var got struct {
			Error struct {
				Kind    string `json:"kind"`
				Message string `json:"message"`
			} `json:"error"`
		}
		out := calculators.RunJSON(tc.name, []byte(tc.input), []byte(tc.set), bindingJSON(t))
		if err := json.Unmarshal(out, &got); err != nil || got.Error.Kind != tc.kind || got.Error.Message == "" {
			t.Errorf("RunJSON(%s, %s): %s, want kind %s", tc.name, tc.input, out, tc.kind)
		}
	}
}

// partial2 is the JSON of set without the uitstroompremie amounts.
func partial2(t *testing.T, set params.Set) []byte {
	p := params.Set{Date: set.Date, Values: map[string]params.SetValue{}}
	for k, v := range set.Values {
		if k != "uitstroompremie.volledig" {
			p.Values[k] = v
		}
	}
	b, err := p.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestInputErrorMessages(t *testing.T) {
	for _, tc := range []struct{ input, want string }{
		{`nonsense`, "ongeldige invoer: de invoer moet een JSON-object zijn, zoals {\"date\": \"2025-01-01\"}"},
		{`{"date":"2025-03-01","age":30,"age":31,"months_on_benefit":40,"exit":"full"}`, "ongeldige invoer: age: komt twee keer voor"},
		{`{"date":"2025-03-01","age":1e1,"months_on_benefit":99999999999999999999,"exit":"full"}`, "ongeldige invoer: age: 1e1 is geschreven met een e; schrijf 10; months_on_benefit: is meer dan 1200; dat kan niet kloppen"},
		{`{"date":20250301,"age":30,"months_on_benefit":40,"exit":"full","self_employed_bbz":"nee"}`, "ongeldige invoer: date: moet een datum zijn als tekst, zoals \"2025-01-01\"; self_employed_bbz: moet true of false zijn"},
		{`{"date":"2025-03-01","age":200,"months_on_benefit":40,"exit":"partial","monthly_income":"12,5O"}`, "ongeldige invoer: age: is meer dan 130; dat kan niet kloppen; monthly_income: Vul een bedrag in, bijvoorbeeld 1.250,50"},
		{`{"date":"2025-03-01","age":200,"months_on_benefit":40,"exit":"partial","monthly_income":"1,234"}`, "ongeldige invoer: age: is meer dan 130; dat kan niet kloppen; monthly_income: Vul een bedrag in met hoogstens 2 cijfers na de komma, bijvoorbeeld 1.250,50"},
	} {
		_, err := eemsdelta(t).Run("uitstroompremie", []byte(tc.input), params.Set{})
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s:\n got %v\nwant %s", tc.input, err, tc.want)
		}
	}
}
