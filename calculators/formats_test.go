package calculators_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/regelgids/regelgids/calculators"
)

// TestTypedNumbers: money, percent and number fields take their value as
// text the way residents type it, in the input's language; each typed form
// gives the same result as the plain value. The browser form sends the text
// as typed, so the command line, the browser and these tests agree.
func TestTypedNumbers(t *testing.T) {
	tb := loadTable(t)
	const (
		arb = "loonkostensubsidie-arbeidsbeperking"
		kw  = "loonkostensubsidie-kwetsbaar"
	)
	base := map[string]map[string]any{
		arb: {"date": "2026-03-01", "hours_per_week": 36, "loonwaarde_percent": "50", "hourly_wage": "14.71"},
		kw:  {"date": "2025-03-01", "monthly_wage_costs": "2000", "months_without_paid_work": 30, "has_start_qualification": false, "age": 30, "single_parent": false},
	}
	for _, tc := range []struct {
		lang, calc, field string
		typed             any
		plain             any // the value it gives, written plainly
	}{
		{"nl", kw, "monthly_wage_costs", "1.100,00", "1100.00"},
		{"nl", kw, "monthly_wage_costs", "1100", "1100"},
		{"nl", kw, "monthly_wage_costs", "1.100", "1100"},
		{"nl", kw, "monthly_wage_costs", "€ 1.100", "1100"},
		{"nl", kw, "monthly_wage_costs", "2.600", "2600"},
		{"nl", kw, "monthly_wage_costs", "1,100.00", "1100.00"},
		{"nl", kw, "monthly_wage_costs", "€1.250,50", "1250.50"},
		{"nl", arb, "hourly_wage", "14,50", "14.50"},
		{"nl", arb, "hourly_wage", "14.50", "14.50"},
		{"nl", arb, "hourly_wage", "€ 14,71", "14.71"},
		{"nl", arb, "loonwaarde_percent", "60%", "60"},
		{"nl", arb, "loonwaarde_percent", "60 %", "60"},
		{"nl", arb, "loonwaarde_percent", "62,5", "62.5"},
		{"nl", arb, "loonwaarde_percent", "1,5", "1.5"},
		{"nl", arb, "hours_per_week", "24,5", 24.5},
		{"nl", arb, "hours_per_week", "36", 36},
		{"en", kw, "monthly_wage_costs", "1,100.00", "1100.00"},
		{"en", kw, "monthly_wage_costs", "1,100", "1100"},
		{"en", kw, "monthly_wage_costs", "€1,100", "1100"},
		{"en", kw, "monthly_wage_costs", "1100", "1100"},
		{"en", kw, "monthly_wage_costs", "1.100,00", "1100.00"},
		{"en", arb, "hourly_wage", "14.50", "14.50"},
		{"en", arb, "hourly_wage", "14,50", "14.50"},
		{"en", arb, "loonwaarde_percent", "60%", "60"},
		{"en", arb, "loonwaarde_percent", "62.5 %", "62.5"},
		{"en", arb, "loonwaarde_percent", "1.100", "1.100"}, // one point one
		{"en", arb, "hours_per_week", "24.5", 24.5},
	} {
		t.Run(tc.lang+"/"+tc.field+"/"+tc.typed.(string), func(t *testing.T) {
			run := func(v any) string {
				in := map[string]any{"lang": tc.lang}
				for k, x := range base[tc.calc] {
					in[k] = x
				}
				in[tc.field] = v
				b, _ := json.Marshal(in)
				res, err := eemsdelta(t).RunTable(tc.calc, b, tb)
				if err != nil {
					var ie *calculators.InputError
					if errors.As(err, &ie) {
						return "error: " + ie.Error()
					}
					t.Fatal(err)
				}
				out, _ := json.Marshal(res)
				return string(out)
			}
			if got, want := run(tc.typed), run(tc.plain); got != want {
				t.Errorf("%q gives\n %s\nwant as %v:\n %s", tc.typed, got, tc.plain, want)
			}
		})
	}
}

// TestTypedNumberMessages: what a resident reads when a number cannot be
// read: what to type, in the input's language, never the input itself.
func TestTypedNumberMessages(t *testing.T) {
	tb := loadTable(t)
	base := map[string]string{"date": `"2026-03-01"`, "hours_per_week": "36", "loonwaarde_percent": `"50"`, "hourly_wage": `"14.71"`}
	for _, tc := range []struct {
		lang, field, value, want string
	}{
		{"nl", "hourly_wage", `"tieneuro"`, "Vul een bedrag in, bijvoorbeeld 1.250,50"},
		{"en", "hourly_wage", `"tieneuro"`, "Fill in an amount, for example 1,250.50"},
		{"nl", "hourly_wage", `"14,555"`, "Vul een bedrag in met hoogstens 2 cijfers na de komma, bijvoorbeeld 1.250,50"},
		{"en", "hourly_wage", `"14.555"`, "Fill in an amount with at most 2 digits after the point, for example 1,250.50"},
		{"nl", "hourly_wage", `",50"`, "Vul een bedrag in, bijvoorbeeld 1.250,50"},
		{"nl", "hourly_wage", `"+14"`, "Vul het bedrag zo in: 14,00"},
		{"en", "hourly_wage", `"+1400"`, "Fill in the amount like this: 1,400.00"},
		{"nl", "loonwaarde_percent", `"zestig"`, "Vul een percentage in, bijvoorbeeld 60 of 62,5"},
		{"en", "loonwaarde_percent", `"sixty"`, "Fill in a percentage, for example 60 or 62.5"},
		{"nl", "loonwaarde_percent", `"6e1"`, "Vul het percentage zo in: 60"},
		{"nl", "loonwaarde_percent", `"60 procent"`, "Vul een percentage in, bijvoorbeeld 60 of 62,5"},
		{"nl", "loonwaarde_percent", `"€ 60"`, "Vul een percentage in, bijvoorbeeld 60 of 62,5"},
		{"nl", "hours_per_week", `"veel"`, "Vul een getal in, bijvoorbeeld 24 of 24,5"},
		{"en", "hours_per_week", `"many"`, "Fill in a number, for example 24 or 24.5"},
		{"nl", "hours_per_week", `".5"`, "Vul het getal zo in: 0,5"},
		{"nl", "loonwaarde_percent", `"1.100"`, "moet tussen 0 en 100 liggen"},
	} {
		in := `{"lang":"` + tc.lang + `"`
		for _, k := range []string{"date", "hours_per_week", "loonwaarde_percent", "hourly_wage"} {
			v := base[k]
			if k == tc.field {
				v = tc.value
			}
			in += `,"` + k + `":` + v
		}
		in += "}"
		_, err := eemsdelta(t).RunTable("loonkostensubsidie-arbeidsbeperking", []byte(in), tb)
		var ie *calculators.InputError
		if !errors.As(err, &ie) || len(ie.Fields) != 1 || ie.Fields[0].Field != tc.field || ie.Fields[0].Message != tc.want {
			t.Errorf("%s %s: got %v\nwant %s", tc.lang, tc.value, err, tc.want)
		}
	}
	// A whole number typed as a word: what to type, not "zonder aanhalingstekens".
	in := `{"date":"2025-03-01","age":"veertig","months_on_benefit":40,"exit":"full"}`
	_, err := eemsdelta(t).RunTable("uitstroompremie", []byte(in), tb)
	var ie *calculators.InputError
	if !errors.As(err, &ie) || ie.Fields[0].Message != "Vul een heel getal in, bijvoorbeeld 12" {
		t.Errorf("age \"veertig\": %v", err)
	}
}
