package calculators

import (
	"encoding/json"
	"reflect"
	"testing"

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

// TestTypedAPI checks that the typed functions and Run agree, with the
// inputs marshaled by encoding/json through their json tags.
func TestTypedAPI(t *testing.T) {
	tb, err := values.NewTable(testParams())
	if err != nil {
		t.Fatal(err)
	}
	date := values.Date{Year: 2025, Month: 3, Day: 1}
	set, err := tb.At(date)
	if err != nil {
		t.Fatal(err)
	}
	money := func(s string) Money { m, _ := ParseMoney(s); return m }
	for _, tc := range []struct {
		name  string
		in    any
		typed func() (Result, error)
	}{
		{"uitstroompremie", UitstroompremieInput{Date: date, Age: 30, MonthsOnBenefit: 40, Exit: ExitPartial, MonthlyIncome: money("750"), AlreadyReceived: money("0")},
			func() (Result, error) {
				return Uitstroompremie(UitstroompremieInput{Date: date, Age: 30, MonthsOnBenefit: 40, Exit: ExitPartial, MonthlyIncome: money("750")}, set)
			}},
		{"participatiepremie", ParticipatiepremieInput{Date: date, Age: 30, ReceivesAlgemeneBijstand: true, MonthsInPlacement: 12, SufficientCooperation: true},
			func() (Result, error) {
				return Participatiepremie(ParticipatiepremieInput{Date: date, Age: 30, ReceivesAlgemeneBijstand: true, MonthsInPlacement: 12, SufficientCooperation: true}, set)
			}},
		{"loonkostensubsidie-kwetsbaar", KwetsbaarInput{Date: date, MonthlyWageCosts: money("2000"), MonthsWithoutPaidWork: 13, Age: 40, SingleParent: true, HasStartQualification: true},
			func() (Result, error) {
				return Kwetsbaar(KwetsbaarInput{Date: date, MonthlyWageCosts: money("2000"), MonthsWithoutPaidWork: 13, Age: 40, SingleParent: true, HasStartQualification: true}, set)
			}},
		{"loonkostensubsidie-arbeidsbeperking", ArbeidsbeperkingInput{Date: date, HoursPerWeek: Hours(dec("24.5")), LoonwaardePercent: Percent(dec("40")), HourlyWage: money("15.00")},
			func() (Result, error) {
				return Arbeidsbeperking(ArbeidsbeperkingInput{Date: date, HoursPerWeek: Hours(dec("24.5")), LoonwaardePercent: Percent(dec("40")), HourlyWage: money("15.00")}, set)
			}},
	} {
		input, err := json.Marshal(tc.in)
		if err != nil {
			t.Fatal(err)
		}
		viaJSON, err := Run(tc.name, input, set)
		if err != nil {
			t.Fatalf("%s: %v (input %s)", tc.name, err, input)
		}
		typed, err := tc.typed()
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(viaJSON, typed) {
			t.Errorf("%s: Run and the typed function differ:\n%#v\n%#v", tc.name, viaJSON, typed)
		}
	}
	// The typed functions check their input too.
	if _, err := Uitstroompremie(UitstroompremieInput{Date: date, Age: -1, Exit: "x"}, set); err == nil {
		t.Error("typed function accepted a bad input")
	}
	if _, err := Participatiepremie(ParticipatiepremieInput{}, set); err == nil {
		t.Error("typed function accepted a bad input")
	}
	if _, err := Kwetsbaar(KwetsbaarInput{}, set); err == nil {
		t.Error("typed function accepted a bad input")
	}
	if _, err := Arbeidsbeperking(ArbeidsbeperkingInput{}, set); err == nil {
		t.Error("typed function accepted a bad input")
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
	_, err := Participatiepremie(ParticipatiepremieInput{Date: set.Date, Age: 30, ReceivesAlgemeneBijstand: true, MonthsInPlacement: 6, SufficientCooperation: true}, set)
	if _, ok := err.(*ParamError); !ok {
		t.Errorf("period 0: got %v, want a ParamError", err)
	}
}
