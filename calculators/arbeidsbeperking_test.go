package calculators_test

import (
	"strconv"
	"strings"
	"testing"
)

// TestMinimumWageByAge: the loonkostensubsidie of Participatiewet artikel
// 10d is computed on the minimum wage that applies to the worker, for a
// worker under 21 the minimumjeugdloon (Besluit minimumjeugdloonregeling
// artikel 2 lid 1: 15 jaar 30%, 16 jaar 34,5%, 17 jaar 39,5%, 18 jaar 50%,
// 19 jaar 60%, 20 jaar 80% of the adult minimum wage), at every age 15–21
// on each date the minimum wage changed since 1 July 2024. The hourly
// amounts are the published ones, where a source gives them:
//   - 1 July 2024: slagers.nl, "Wettelijk minimumuurloon per 1 juli 2024"
//     (€ 13,68; 10,94; 8,21; 6,84; 5,40; 4,72; 4,10);
//   - 1 July 2025: metronieuws.nl (€ 14,40; 20 jaar 11,52; 18 jaar 7,20;
//     15 jaar 4,32);
//   - 1 January 2026: staffice.nl, "Minimumuurloon per 1 Jan 2026"
//     (€ 14,71; 11,77; 8,83; 7,36; 5,81; 5,07; 4,41);
//
// and otherwise the percentage of the adult amount rounded to whole cents,
// as those published amounts are (1 January 2025, € 14,06: 60% is 8,436,
// so € 8,44).
func TestMinimumWageByAge(t *testing.T) {
	tb := loadTable(t)
	b := eemsdelta(t)
	for _, tc := range []struct {
		date  string
		wages [7]string // ages 15 to 21
	}{
		{"2024-07-01", [7]string{"4.10", "4.72", "5.40", "6.84", "8.21", "10.94", "13.68"}},
		{"2025-01-01", [7]string{"4.22", "4.85", "5.55", "7.03", "8.44", "11.25", "14.06"}},
		{"2025-07-01", [7]string{"4.32", "4.97", "5.69", "7.20", "8.64", "11.52", "14.40"}},
		{"2026-01-01", [7]string{"4.41", "5.07", "5.81", "7.36", "8.83", "11.77", "14.71"}},
	} {
		for i, want := range tc.wages {
			age := 15 + i
			in := `{"date": "` + tc.date + `", "age": ` + strconv.Itoa(age) + `, "hours_per_week": 20, "loonwaarde_percent": "50", "hourly_wage": "` + want + `"}`
			res, err := b.RunTable("loonkostensubsidie-arbeidsbeperking", []byte(in), tb)
			if err != nil {
				t.Fatalf("%s, %d jaar: %v", tc.date, age, err)
			}
			if got := res.Money("minimum_wage_per_hour").String(); got != want {
				t.Errorf("%s, %d jaar: minimum wage %s, want %s", tc.date, age, got, want)
			}
			// Paid exactly the minimum wage of the age: never told it is
			// less than the minimum wage.
			if !res.Eligible {
				t.Errorf("%s, %d jaar, paid %s: not eligible: %v", tc.date, age, want, res.Reasons)
			}
			youth := strings.Contains(res.Reasons[0].Law, "minimumjeugdloon")
			if youth != (age < 21) {
				t.Errorf("%s, %d jaar: first reason %+v", tc.date, age, res.Reasons[0])
			}
		}
	}
}

// TestNineteenAtTenEuros: a 19-year-old paid € 10 an hour is paid above
// the minimum wage of the age (€ 8,44 in 2025) and is not told the
// employer pays less than the minimum wage; without the age the adult
// minimum wage applies, and the answer says so and why.
func TestNineteenAtTenEuros(t *testing.T) {
	tb := loadTable(t)
	b := eemsdelta(t)
	with := `{"date": "2025-03-01", "age": 19, "hours_per_week": 24, "loonwaarde_percent": "50", "hourly_wage": "10.00"}`
	res, err := b.RunTable("loonkostensubsidie-arbeidsbeperking", []byte(with), tb)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res.Reasons {
		if strings.Contains(r.Text, "lager dan het minimumloon") {
			t.Errorf("a 19-year-old at € 10,00 is told: %s", r.Text)
		}
	}
	if !res.Eligible || res.Money("minimum_wage_per_hour").String() != "8.44" {
		t.Errorf("19 jaar, € 10,00: eligible %v, minimum %s", res.Eligible, res.Money("minimum_wage_per_hour"))
	}
	without := strings.Replace(with, `"age": 19, `, "", 1)
	res, err = b.RunTable("loonkostensubsidie-arbeidsbeperking", []byte(without), tb)
	if err != nil {
		t.Fatal(err)
	}
	if res.Eligible || !strings.Contains(res.Reasons[0].Text, "niet ingevuld") || !strings.Contains(res.Reasons[1].Text, "lager dan het minimumloon") {
		t.Errorf("without age: %v %v", res.Eligible, res.Reasons)
	}
}
