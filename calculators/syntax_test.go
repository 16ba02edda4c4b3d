package calculators

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/regelgids/regelgids/calculators/internal/jsonlite"
	"github.com/regelgids/regelgids/calculators/params/values"
	"github.com/shopspring/decimal"
)

func TestAnalyzeNumber(t *testing.T) {
	for _, tc := range []struct {
		in    string
		p     numProblem
		fixed string
	}{
		{"24", numPlain, "24"},
		{"-24.50", numPlain, "-24.50"},
		{"0", numPlain, "0"},
		{"035", numLeadingZero, "35"},
		{"-035", numLeadingZero, "-35"},
		{"000", numLeadingZero, "0"},
		{"007.5", numLeadingZero, "7.5"},
		{"2.4e1", numExponent, "24"},
		{"2.45E+1", numExponent, "24.5"},
		{"1e-2", numExponent, "0.01"},
		{"-1.5e3", numExponent, "-1500"},
		{"0e5", numExponent, "0"},
		{"1e308", numExponent, ""},
		{"1e99999999999", numExponent, ""},
		{"1ee2", numExponent, ""},
		{"24,5", numComma, "24.5"},
		{"1.250,50", numBad, ""},
		{".5", numLeadingPoint, "0.5"},
		{"5.", numTrailingPoint, "5"},
		{"+5", numPlus, "5"},
		{"+035", numPlus, "35"},
		{strings.Repeat("9", 41), numTooLong, ""},
		{strings.Repeat("9", 1000), numTooLong, ""},
		{"1." + strings.Repeat("5", 1000), numTooLong, ""},
		{"ja", numBad, ""},
		{"-", numBad, ""},
		{"", numBad, ""},
		{"0x1F", numBad, ""},
		{"1_000", numBad, ""},
	} {
		p, fixed := analyzeNumber(tc.in)
		if p != tc.p || fixed != tc.fixed {
			t.Errorf("analyzeNumber(%.50q) = %d, %q; want %d, %q", tc.in, p, fixed, tc.p, tc.fixed)
		}
	}
}

func TestShow(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"2025-03-01", "2025-03-01"},
		{strings.Repeat("a", 40), strings.Repeat("a", 40)},
		{strings.Repeat("a", 41), strings.Repeat("a", 40) + "…"},
		{strings.Repeat("é", 50), strings.Repeat("é", 40) + "…"},
		{"a\x1b[2Jb\u202ec\xffd\n", "a\uFFFD[2Jb\uFFFDc\uFFFDd\uFFFD"},
	} {
		if got := show(tc.in); got != tc.want {
			t.Errorf("show(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := showBytes([]byte(strings.Repeat("€", 1000))); got != strings.Repeat("€", 40)+"…" {
		t.Errorf("showBytes = %q", got)
	}
}

// TestLooseObjectPlaces checks the line and character of faults, counted
// in characters, not bytes.
func TestLooseObjectPlaces(t *testing.T) {
	for _, tc := range []struct {
		in        string
		kind      syntaxKind
		line, col int
	}{
		{"{\n  \"é€\": 1\n  \"b\": 2,\n}", synTrailingComma, 3, 9},
		{"{\"é€\": 1 x}", synAfterValue, 1, 10},
		{"\n\n   [", synNotObject, 3, 4},
	} {
		_, notes, fatal := looseObject([]byte(tc.in))
		var got []syntaxIssue
		got = append(got, notes...)
		if fatal != nil {
			got = append(got, *fatal)
		}
		last := got[len(got)-1]
		if last.kind != tc.kind || last.line != tc.line || last.col != tc.col {
			t.Errorf("%q: %+v, want kind %d at %d:%d", tc.in, got, tc.kind, tc.line, tc.col)
		}
	}
	// Notes are bounded.
	in := "{" + strings.Repeat(`"a":1 `, 10000) + "}"
	if _, notes, fatal := looseObject([]byte(in)); len(notes) != maxNotes || fatal != nil {
		t.Errorf("%d notes, fatal %v", len(notes), fatal)
	}
}

// FuzzLooseObject: looseObject never panics, and on valid JSON it reads
// exactly what jsonlite.Object reads, with no fault.
func FuzzLooseObject(f *testing.F) {
	for _, s := range []string{`{}`, `{"a":1}`, `{"a":[1,{"b":"}"}],"c":null}`, `{"a":035}`, `{"a":24,5}`, `{"a":,}`,
		"{\"a\":\"x\ty\"}", `{'a':1}`, `{"a":1,}`, `{"a":1 "b":2}`, `{"a":1}x`, `{"a":"\u00e9"}`, "\xff\xfe{\x00}\x00"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		members, notes, fatal := looseObject(data)
		want, err := jsonlite.Object(data)
		if err != nil {
			if fatal == nil && len(notes) == 0 {
				// Accepted without a fault: every value must then be one a field refuses.
				for _, m := range members {
					if _, ok := jsonlite.Object([]byte(`{"k":` + string(m.Value) + `}`)); ok == nil {
						continue
					}
					return
				}
				t.Fatalf("looseObject(%q) found no fault in invalid JSON", data)
			}
			return
		}
		if fatal != nil || len(notes) > 0 || !reflect.DeepEqual(members, want) {
			t.Fatalf("looseObject(%q) = %q, %v, %v; jsonlite %q", data, members, notes, fatal, want)
		}
	})
}

// TestMaxTotalRoundedOnce: the total of artikel 11 is computed from the
// exact monthly amount and rounded once, so it is not the rounded monthly
// amount times the months.
func TestMaxTotalRoundedOnce(t *testing.T) {
	tb, err := values.NewTable(testParams())
	if err != nil {
		t.Fatal(err)
	}
	date := values.Date{Year: 2025, Month: 3, Day: 1}
	set, _ := tb.At(date)
	for _, tc := range []struct {
		wage                         string
		months                       int
		monthly, total, roundedTwice string
	}{
		{"1000.01", 30, "500.01", "12000.12", "12000.24"}, // uiterst kwetsbaar: 24 months
		{"2345.67", 6, "1172.84", "14074.02", "14074.08"}, // kwetsbaar: 12 months
		{"2000.00", 6, "1000.00", "12000.00", "12000.00"},
	} {
		in := fmt.Sprintf(`{"date":"2025-03-01","monthly_wage_costs":%q,"months_without_paid_work":%d,"has_start_qualification":true,"age":30,"single_parent":false}`, tc.wage, tc.months)
		res, err := testBinding().Run("loonkostensubsidie-kwetsbaar", []byte(in), set)
		if err != nil {
			t.Fatal(err)
		}
		monthly, total := res.Money("max_monthly"), res.Money("max_total")
		twice := monthly.dec().Mul(decimal.NewFromInt(int64(res.Int("max_months"))))
		if monthly.String() != tc.monthly || total.String() != tc.total || Money(twice).String() != tc.roundedTwice {
			t.Errorf("%s: monthly %s total %s (rounded twice %s), want %s %s %s", tc.wage, monthly, total, Money(twice), tc.monthly, tc.total, tc.roundedTwice)
		}
	}
}

// TestMoneyBounds: amounts above their bounds are refused, naming the
// bound; the bound itself is allowed.
func TestMoneyBounds(t *testing.T) {
	tb, _ := values.NewTable(testParams())
	date := values.Date{Year: 2025, Month: 3, Day: 1}
	set, _ := tb.At(date)
	_, err := testBinding().Run("loonkostensubsidie-kwetsbaar", []byte(`{"date":"`+date.String()+`","monthly_wage_costs":"1000000.01","months_without_paid_work":0,"has_start_qualification":true,"age":30,"single_parent":false}`), set)
	if ie, ok := err.(*InputError); !ok || ie.Fields[0].Message != "is meer dan € 1.000.000,00 per maand; dat kan niet kloppen" {
		t.Errorf("got %v", err)
	}
	if _, err := testBinding().Run("loonkostensubsidie-arbeidsbeperking", []byte(`{"date":"`+date.String()+`","hours_per_week":36,"loonwaarde_percent":"50","hourly_wage":"1000.00"}`), set); err != nil {
		t.Errorf("€ 1.000 an hour is the bound itself: %v", err)
	}
}
