package calculators

import (
	"slices"
	"testing"

	"github.com/regelgids/regelgids/calculators/internal/jsonlite"
	"github.com/regelgids/regelgids/calculators/params/values"
	"github.com/shopspring/decimal"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestCents(t *testing.T) {
	for _, tc := range []struct{ num, den, want string }{
		{"0.125", "1", "0.13"},
		{"-0.125", "1", "-0.13"},
		{"0.124999", "1", "0.12"},
		{"0.115", "1", "0.12"},
		{"1", "3", "0.33"},
		{"2", "3", "0.67"},
		{"-2", "3", "-0.67"},
		{"1172.835", "1", "1172.84"},
		{"100", "12", "8.33"},
		{"0.005", "1", "0.01"},
		{"0.0049999999999999999999", "1", "0.00"},
	} {
		if got := cents(dec(tc.num), dec(tc.den)).String(); got != tc.want {
			t.Errorf("cents(%s / %s) = %s, want %s", tc.num, tc.den, got, tc.want)
		}
	}
}

func TestEuro(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"0", "€ 0,00"},
		{"600", "€ 600,00"},
		{"1050", "€ 1.050,00"},
		{"1234567.5", "€ 1.234.567,50"},
		{"-300", "-€ 300,00"},
	} {
		if got := euro(Money(dec(tc.in))); got != tc.want {
			t.Errorf("euro(%s) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := number(dec("23.5")); got != "23,5" {
		t.Errorf("number = %q", got)
	}
}

func TestParseMoney(t *testing.T) {
	for _, s := range []string{"700", "699.99", "0.5", "0"} {
		if _, err := ParseMoney(s); err != nil {
			t.Errorf("ParseMoney(%q): %v", s, err)
		}
	}
	for _, s := range []string{"", "1.234", "12,50", "1e3", "€5", " 5"} {
		if _, err := ParseMoney(s); err == nil {
			t.Errorf("ParseMoney(%q) accepted", s)
		}
	}
}

// testBinding binds every reason of every rule to a made-up article, so
// that these tests do not depend on the data file.
func testBinding() *Binding {
	b := &Binding{Effective: Effective{Date: values.Date{Year: 2024, Month: 7, Day: 1}, Cite: Cite{Article: "X"}}}
	for _, r := range rules {
		c := Calculator{Rule: r.Name, Article: "R", Cites: map[string]Cite{}}
		for _, k := range r.Reasons {
			c.Cites[k.Key] = Cite{Article: "R", Paragraph: k.Key}
		}
		b.Calculators = append(b.Calculators, c)
	}
	return b
}

// TestSchemas checks that every rule's schema is complete: choices for a
// choice, a bound for every number, a RequiredWhen that names an earlier
// choice and one of its values, outputs that include the summary's amount,
// unique reason keys, and examples that use only the schema's fields.
func TestSchemas(t *testing.T) {
	names := map[string]bool{}
	for _, r := range rules {
		if names[r.Name] {
			t.Errorf("rule %s twice", r.Name)
		}
		names[r.Name] = true
		seen := map[string]Field{}
		for _, f := range r.Fields {
			switch {
			case seen[f.Name].Name != "" || f.Name == langField:
				t.Errorf("%s: field %s twice", r.Name, f.Name)
			case f.Kind == KindChoice && len(f.Choices) < 2:
				t.Errorf("%s.%s: a choice needs choices", r.Name, f.Name)
			case f.Kind != KindChoice && len(f.Choices) > 0:
				t.Errorf("%s.%s: choices on a %s", r.Name, f.Name, f.Kind)
			case (f.Kind == KindInt || f.Kind == KindNumber || f.Kind == KindMoney || f.Kind == KindPercent) && f.Max <= 0:
				t.Errorf("%s.%s: a number without a bound", r.Name, f.Name)
			case f.Need == RequiredWhen && !slices.Contains(seen[f.When.Field].Choices, f.When.Value):
				t.Errorf("%s.%s: required when %v, which is no earlier choice", r.Name, f.Name, f.When)
			}
			seen[f.Name] = f
		}
		if seen["date"].Kind != KindDate || seen["date"].Need != Required {
			t.Errorf("%s: no required field date, which picks the amounts", r.Name)
		}
		main := false
		for _, o := range r.Outputs {
			main = main || o.Name == r.Main && o.Kind == KindMoney
		}
		if !main || r.MainLabel.NL == "" || r.MainLabel.EN == "" {
			t.Errorf("%s: summary amount %q is not a money output with labels", r.Name, r.Main)
		}
		keys := map[string]bool{}
		for _, k := range r.Reasons {
			if keys[k.Key] || k.Key == "" || k.About == "" {
				t.Errorf("%s: reason key %+v", r.Name, k)
			}
			keys[k.Key] = true
		}
		for _, ex := range r.Examples {
			members, err := jsonlite.Object(ex.Input)
			if err != nil {
				t.Fatalf("%s example %q: %v", r.Name, ex.Label["nl"], err)
			}
			for _, m := range members {
				if _, ok := seen[m.Key]; !ok {
					t.Errorf("%s example %q: field %s is not in the schema", r.Name, ex.Label["nl"], m.Key)
				}
			}
		}
	}
}

// testParams is a small, made-up parameter table, so that these tests do
// not depend on the data file.
func testParams() []values.Param {
	from := values.Date{Year: 2024, Month: 7, Day: 1}
	p := func(name, unit, v string) values.Param {
		return values.Param{Name: name, Unit: unit, Values: []values.Value{{From: from, Value: dec(v)}}}
	}
	return []values.Param{
		p("uitstroompremie.volledig", values.UnitEUR, "600.00"),
		p("uitstroompremie.gedeeltelijk", values.UnitEUR, "300.00"),
		p("uitstroompremie.inkomensgrens", values.UnitEUR, "700.00"),
		p("uitstroompremie.maximum", values.UnitEUR, "600.00"),
		p("uitstroompremie.periode", values.UnitYears, "3"),
		p("uitstroompremie.minimumleeftijd", values.UnitYears, "27"),
		p("participatieplaats.minimumleeftijd", values.UnitYears, "27"),
		p("participatieplaats.duur", values.UnitMonths, "12"),
		p("participatieplaats.verlenging", values.UnitMonths, "12"),
		p("participatiepremie.periode", values.UnitMonths, "6"),
		p("participatiepremie.bedrag", values.UnitEUR, "1050.00"),
		p("participatiepremie.voortzetting_maximum", values.UnitEUR, "2100.00"),
		p("loonkostensubsidie_kwetsbaar.zonder_werk", values.UnitMonths, "6"),
		p("loonkostensubsidie_kwetsbaar.leeftijd", values.UnitYears, "50"),
		p("loonkostensubsidie_kwetsbaar.uiterst_zonder_werk", values.UnitMonths, "24"),
		p("loonkostensubsidie_kwetsbaar.uiterst_zonder_werk_met_kenmerk", values.UnitMonths, "12"),
		p("loonkostensubsidie_kwetsbaar.max_percentage", values.UnitPercent, "50"),
		p("loonkostensubsidie_kwetsbaar.duur_kwetsbaar", values.UnitMonths, "12"),
		p("loonkostensubsidie_kwetsbaar.duur_uiterst_kwetsbaar", values.UnitMonths, "24"),
		p("minimumloon.per_uur", values.UnitEURPerHour, "14.06"),
		p("minimumvakantiebijslag", values.UnitPercent, "8"),
		p("loonkostensubsidie.maximum_percentage", values.UnitPercent, "70"),
		p("loonkostensubsidie.werkgeverslasten", values.UnitPercent, "23.5"),
	}
}

func TestParticipatiepremieZeroPeriod(t *testing.T) {
	ps := testParams()
	for i := range ps {
		if ps[i].Name == "participatiepremie.periode" {
			ps[i].Values[0].Value = decimal.Zero
		}
	}
	tb, _ := values.NewTable(ps)
	set, _ := tb.At(values.Date{Year: 2025, Month: 1, Day: 1})
	_, err := testBinding().Run("participatiepremie", []byte(`{"date":"2025-01-01","age":30,"receives_algemene_bijstand":true,"months_in_placement":6,"sufficient_cooperation":true}`), set)
	if _, ok := err.(*ParamError); !ok {
		t.Errorf("period 0: got %v, want a ParamError", err)
	}
}
