package params_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/regelgids/regelgids/calculators/params"
	"github.com/regelgids/regelgids/calculators/params/values"
	"github.com/regelgids/regelgids/internal/golden"
)

const realFile = "../../content/eemsdelta/parameters.yaml"

func parseReal(t testing.TB) *params.Table { return parseFile(t, realFile) }

func parseFile(t testing.TB, file string) *params.Table {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	tb, err := params.Parse("parameters.yaml", b)
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

// withoutLines is p without its line numbers, which differ between files.
func withoutLines(p params.Param) params.Param {
	p.Line = 0
	p.Values = append([]params.Value(nil), p.Values...)
	for i := range p.Values {
		p.Values[i].Line = 0
	}
	return p
}

// TestFixtureMatchesRealFile keeps the golden fixture honest: each of its
// parameters is in the real file, unchanged.
func TestFixtureMatchesRealFile(t *testing.T) {
	real := parseReal(t)
	fixture := parseFile(t, "testdata/parameters.yaml")
	for _, p := range fixture.Params() {
		r, ok := real.Param(p.Name)
		if !ok || !reflect.DeepEqual(withoutLines(r), withoutLines(p)) {
			t.Errorf("fixture parameter %s differs from the real file:\n%+v\n%+v", p.Name, p, r)
		}
	}
}

func TestRealFile(t *testing.T) {
	tb := parseReal(t)
	for _, tc := range []struct {
		name, date, value, from, source string
	}{
		{"uitstroompremie.volledig", "2025-01-01", "600.00", "2024-07-01", "art. 17 lid 1"},
		{"uitstroompremie.gedeeltelijk", "2025-01-01", "300.00", "2024-07-01", "art. 17 lid 2"},
		{"uitstroompremie.inkomensgrens", "2025-01-01", "700.00", "2024-07-01", "art. 17 lid 2"},
		{"uitstroompremie.maximum", "2025-01-01", "600.00", "2024-07-01", "art. 17 lid 3"},
		{"uitstroompremie.periode", "2025-01-01", "3", "2024-07-01", "art. 17 lid 1"},
		{"participatiepremie.bedrag", "2024-12-31", "1050.00", "2024-07-01", "art. 6 lid 5"},
		{"participatiepremie.bedrag", "2025-01-01", "1050.00", "2025-01-01", "art. 6 lid 5"},
		{"participatiepremie.voortzetting_maximum", "2026-06-01", "2100.00", "2025-01-01", "art. 6 lid 6"},
		{"participatieplaats.duur", "2025-01-01", "12", "2024-07-01", "art. 6 lid 3"},
		{"loonkostensubsidie_kwetsbaar.max_percentage", "2025-01-01", "50", "2024-07-01", "art. 11 lid 4"},
		{"minimumloon.per_uur", "2024-07-01", "13.68", "2024-07-01", "Wet minimumloon en minimumvakantiebijslag art. 8 en 14"},
		{"minimumloon.per_uur", "2025-06-30", "14.06", "2025-01-01", ""},
		{"minimumloon.per_uur", "2025-07-01", "14.40", "2025-07-01", ""},
		{"minimumloon.per_uur", "2026-12-31", "14.71", "2026-01-01", ""},
		{"loonkostensubsidie.werkgeverslasten", "2025-01-01", "23.5", "2018-01-01", ""},
	} {
		d, _ := params.ParseDate(tc.date)
		set, err := tb.At(d)
		if err != nil {
			t.Fatal(err)
		}
		v, ok := set.Lookup(tc.name)
		if !ok || values.Format(v.Value) != tc.value || v.From.String() != tc.from {
			t.Errorf("%s on %s = %+v, want %s from %s", tc.name, tc.date, v, tc.value, tc.from)
		}
		p, _ := tb.Param(tc.name)
		if tc.source != "" && p.Source.String() != tc.source {
			t.Errorf("%s source %q, want %q", tc.name, p.Source, tc.source)
		}
		if p.Description == "" || (p.Source.Law != "" && !strings.HasPrefix(p.Source.URL, "https://")) {
			t.Errorf("%s lacks a description or a link", tc.name)
		}
	}
	if _, err := tb.At(params.Date{Year: 2024, Month: 6, Day: 30}); err == nil || !strings.Contains(err.Error(), "uitstroompremie.volledig (first value from 2024-07-01)") {
		t.Errorf("At before the ordinance: %v", err)
	}
	if _, ok := tb.Param("bestaat.niet"); ok {
		t.Error("unknown parameter found")
	}
	if n := len(tb.Names()); n != len(tb.Params()) || n < 20 {
		t.Errorf("%d names", n)
	}
}

// TestGolden checks the text and JSON tables of a fixture, so that adding a
// parameter to the real file does not change the golden files.
func TestGolden(t *testing.T) {
	tb := parseFile(t, "testdata/parameters.yaml")
	var text bytes.Buffer
	if err := tb.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	js, err := tb.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	var indented bytes.Buffer
	if err := json.Indent(&indented, js, "", "  "); err != nil {
		t.Fatal(err)
	}
	indented.WriteByte('\n')
	golden.Check(t, "amounts.golden", text.Bytes())
	golden.Check(t, "amounts.json.golden", indented.Bytes())
}

// TestParseErrors checks every kind of problem, with its line.
func TestParseErrors(t *testing.T) {
	const good = `a.b:
  description: Een zin.
  unit: EUR
  source: {article: "17", paragraph: "1"}
  values:
    - {from: 2024-07-01, value: "600.00"}
`
	if _, err := params.Parse("p.yaml", []byte(good)); err != nil {
		t.Fatalf("good file: %v", err)
	}
	for _, tc := range []struct {
		name, yaml string
		want       []string
	}{
		{"empty", "", []string{"p.yaml:1: file is empty"}},
		{"no parameters", "{}\n", []string{"p.yaml:1: the file has no parameters"}},
		{"not a mapping", "- 1\n", []string{"p.yaml:1: the file must be a mapping from parameter name to parameter"}},
		{"syntax", "a.b: [\n", []string{"p.yaml:1: did not find expected node content"}},
		{"two documents", good + "---\nx: 1\n", []string{"p.yaml:7: only one YAML document is allowed"}},
		{"bad name", strings.Replace(good, "a.b:", "A B:", 1), []string{`p.yaml:1: parameter name "A B" must be lower-case words joined by dots, like uitstroompremie.volledig`}},
		{"duplicate parameter", good + good, []string{"p.yaml:7: parameter a.b is defined twice (first at line 1)"}},
		{"unknown key", strings.Replace(good, "  unit: EUR\n", "  unit: EUR\n  eenheid: EUR\n", 1), []string{`p.yaml:4: a.b: unknown key "eenheid" (allowed: description, unit, source, values, at_most, label, per, reading, group, follows)`}},
		// Indexation groups: a half-done indexation names both parameters.
		{"group half-done", good + "  group: premie\n" + strings.Replace(good, "a.b:", "c.d:", 1) + "    - {from: 2027-01-01, value: \"700.00\"}\n  group: premie\n",
			[]string{"p.yaml:14: c.d has a value from 2027-01-01, but a.b (line 1), indexed with it in group premie, has none from that date; add one to a.b (the same value again if it did not change)"}},
		{"group of one", good + "  group: premie\n", []string{"p.yaml:1: group premie of a.b has no other parameter; the parameters indexed together must all name the same group (a typo?)"}},
		{"group name", good + "  group: Premie Index\n", []string{`p.yaml:7: group "Premie Index" of a.b must be one lower-case word, like participatiepremie_indexatie`}},
		{"reading one language", good + "  reading: {nl: Onze lezing.}\n", []string{"p.yaml:7: reading of a.b: en is missing"}},
		{"label unknown language", good + "  label: {nl: de premie, en: the bonus, de: die Prämie}\n", []string{`p.yaml:7: label of a.b: unknown key "de" (allowed: nl, en)`}},
		{"follows schedule", good + "  follows: {amount: {nl: het minimumloon, en: the minimum wage}, schedule: monthly}\n", []string{`p.yaml:7: follows of a.b: schedule "monthly" is not yearly (each 1 January) or half-yearly (each 1 January and 1 July)`}},
		{"follows without amount", good + "  follows: {schedule: yearly}\n", []string{"p.yaml:7: follows of a.b: amount is missing"}},
		{"missing unit", strings.Replace(good, "  unit: EUR\n", "", 1), []string{"p.yaml:1: unit of a.b is missing"}},
		{"unknown unit", strings.Replace(good, "unit: EUR", "unit: euro", 1), []string{`p.yaml:3: unit "euro" of a.b is not one of EUR, EUR/hour, percent, months, years`}},
		{"missing description", strings.Replace(good, "  description: Een zin.\n", "", 1), []string{"p.yaml:1: description of a.b is missing"}},
		{"empty description", strings.Replace(good, "Een zin.", `" "`, 1), []string{"p.yaml:2: description of a.b is empty"}},
		{"missing source", strings.Replace(good, "  source: {article: \"17\", paragraph: \"1\"}\n", "", 1), []string{"p.yaml:1: source of a.b is missing"}},
		{"source mixes keys", strings.Replace(good, `{article: "17", paragraph: "1"}`, `{law: "Wet", article: "1"}`, 1), []string{`p.yaml:4: source of a.b: unknown key "article" (allowed: law, url)`, "p.yaml:4: source of a.b: url is missing"}},
		{"source url", strings.Replace(good, `{article: "17", paragraph: "1"}`, `{law: "Wet", url: "http://x"}`, 1), []string{`p.yaml:4: source of a.b: url "http://x" must start with https://`}},
		{"source without article", strings.Replace(good, `{article: "17", paragraph: "1"}`, `{paragraph: "1"}`, 1), []string{"p.yaml:4: source of a.b: article is missing"}},
		{"no values", strings.Replace(good, "    - {from: 2024-07-01, value: \"600.00\"}\n", "", 1), []string{"p.yaml:5: values of a.b must be a list"}},
		{"empty values", strings.Replace(good, "    - {from: 2024-07-01, value: \"600.00\"}\n", "    []\n", 1), []string{"p.yaml:6: a.b has no values"}},
		{"not a number", strings.Replace(good, `"600.00"`, `"12,5x"`, 1), []string{`p.yaml:6: value "12,5x" of a.b is not a number`}},
		{"negative", strings.Replace(good, `"600.00"`, `"-1"`, 1), []string{`p.yaml:6: value "-1" of a.b is negative`}},
		{"three decimals", strings.Replace(good, `"600.00"`, `"600.001"`, 1), []string{`p.yaml:6: value "600.001" of a.b has more than 2 decimals; if the point separates thousands, write "600001.00": a point only before the cents`}},
		{"dutch amount", strings.Replace(good, `"600.00"`, `"1.100,00"`, 1), []string{`p.yaml:6: value "1.100,00" of a.b is written the Dutch way; write "1100.00": a point before the cents and no thousands separator`}},
		{"dutch cents", strings.Replace(good, `"600.00"`, `"14,50"`, 1), []string{`p.yaml:6: value "14,50" of a.b is written the Dutch way; write "14.50": a point before the cents and no thousands separator`}},
		{"euro sign", strings.Replace(good, `"600.00"`, `"€ 600"`, 1), []string{`p.yaml:6: value "€ 600" of a.b is written the Dutch way; write "600": a point before the cents and no thousands separator`}},
		{"thousands point", strings.Replace(good, `"600.00"`, `"1.100"`, 1), []string{`p.yaml:6: value "1.100" of a.b has more than 2 decimals; if the point separates thousands, write "1100.00": a point only before the cents`}},
		// A typo of many digits: 37 of them reached pages before.
		{"37 digits", strings.Replace(good, `"600.00"`, `"6000000000000000000000000000000000000"`, 1), []string{`p.yaml:6: value "6000000000000000000000000000000000000" of a.b is more than 1000000 EUR, more than any amount of this kind can be`}},
		{"months bound", strings.Replace(strings.Replace(good, "unit: EUR", "unit: months", 1), `"600.00"`, `"6000"`, 1), []string{`p.yaml:6: value "6000" of a.b is more than 600 months, more than any amount of this kind can be`}},
		{"at_most unknown", good + "  at_most: x.y\n", []string{`p.yaml:7: at_most of a.b: no parameter "x.y"`}},
		{"at_most exceeded later", good + "  at_most: c.d\n" + strings.Replace(strings.Replace(good, "a.b:", "c.d:", 1), `    - {from: 2024-07-01, value: "600.00"}`, `    - {from: 2024-07-01, value: "600.00"}`+"\n"+`    - {from: 2026-01-01, value: "500.00"}`, 1), []string{`p.yaml:7: from 2026-01-01 a.b is 600, more than c.d (500); the ordinance does not allow that`}},
		{"at_most other unit", good + "  at_most: c.d\n" + strings.Replace(strings.Replace(good, "a.b:", "c.d:", 1), "unit: EUR", "unit: months", 1), []string{`p.yaml:7: at_most of a.b: c.d is in months, not EUR`}},
		{"percent over 100", strings.Replace(strings.Replace(good, "unit: EUR", "unit: percent", 1), `"600.00"`, `"101"`, 1), []string{`p.yaml:6: value "101" of a.b is more than 100 percent`}},
		{"fractional months", strings.Replace(strings.Replace(good, "unit: EUR", "unit: months", 1), `"600.00"`, `"1.5"`, 1), []string{`p.yaml:6: value "1.5" of a.b must be a whole number of months`}},
		{"malformed date", strings.Replace(good, "2024-07-01", "2024-02-30", 1), []string{`p.yaml:6: date "2024-02-30" of a.b is not a real date of the form YYYY-MM-DD`}},
		{"missing value", strings.Replace(good, `, value: "600.00"`, "", 1), []string{"p.yaml:6: value of a.b is missing"}},
		{"unknown value key", strings.Replace(good, `value: "600.00"`, `value: "600.00", bron: x`, 1), []string{`p.yaml:6: value of a.b: unknown key "bron" (allowed: from, value, note)`}},
		{"unsorted dates", good + "    - {from: 2024-01-01, value: \"1\"}\n", []string{"p.yaml:7: dates of a.b are not sorted: 2024-01-01 comes after 2024-07-01"}},
		{"duplicate dates", good + "    - {from: 2024-07-01, value: \"1\"}\n", []string{"p.yaml:7: date 2024-07-01 of a.b appears twice"}},
		{"alias", "x: &x\n  description: d\na.b: *x\n", []string{"p.yaml:1: unit of x is missing", "p.yaml:1: source of x is missing", "p.yaml:1: values of x are missing", "p.yaml:3: a.b: aliases are not allowed"}},
		{"every problem at once", strings.Replace(strings.Replace(good, `"600.00"`, `"x"`, 1), "unit: EUR", "unit: euro", 1) + "    - {from: 2024-01-01, value: \"1\"}\n",
			[]string{`p.yaml:3: unit "euro" of a.b is not one of EUR, EUR/hour, percent, months, years`, `p.yaml:6: value "x" of a.b is not a number`, "p.yaml:7: dates of a.b are not sorted: 2024-01-01 comes after 2024-07-01"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := params.Parse("p.yaml", []byte(tc.yaml))
			var pe *params.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("got %v, want a ParseError", err)
			}
			if got := strings.Split(err.Error(), "\n"); strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", err, strings.Join(tc.want, "\n"))
			}
		})
	}
}

// FuzzParseParams: Parse must never panic, and what it accepts must work.
func FuzzParseParams(f *testing.F) {
	b, err := os.ReadFile(realFile)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte("a.b:\n  description: d\n  unit: EUR\n  source: {article: \"1\"}\n  values: [{from: 2024-07-01, value: \"1\"}]\n"))
	f.Add([]byte("a: &a [*a]\n"))
	// The optional keys, a group and a half-done indexation.
	f.Add([]byte("a.b:\n  description: d\n  unit: EUR\n  source: {article: \"1\"}\n  values: [{from: 2024-07-01, value: \"1\"}]\n  label: {nl: de premie, en: the bonus}\n  per: {nl: per maand, en: a month}\n  reading: {nl: Onze lezing., en: Our reading.}\n  group: g\n  follows: {amount: {nl: x, en: y}, schedule: yearly}\nc.d:\n  description: d\n  unit: EUR\n  source: {article: \"1\"}\n  values: [{from: 2024-07-01, value: \"1\"}, {from: 2025-01-01, value: \"1.100,00\"}]\n  group: g\n"))
	f.Add([]byte("---\n...\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tb, err := params.Parse("f.yaml", data)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		var buf bytes.Buffer
		if err := tb.WriteText(&buf); err != nil {
			t.Fatal(err)
		}
		if _, err := tb.MarshalJSON(); err != nil {
			t.Fatal(err)
		}
		for _, d := range tb.ChangeDates() {
			tb.ChangesOn(d)
			tb.Stale(d)
		}
		for _, p := range tb.Params() {
			set, err := tb.At(p.Values[len(p.Values)-1].From)
			if err != nil {
				continue
			}
			js, _ := set.MarshalJSON()
			var back params.Set
			if err := back.UnmarshalJSON(js); err != nil {
				t.Fatalf("set does not round-trip: %v\n%s", err, js)
			}
		}
	})
}
