package calculators_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/regelgids/regelgids/calculators"
	"github.com/regelgids/regelgids/calculators/internal/testbinding"
	"github.com/regelgids/regelgids/calculators/params"
)

// letterDir holds another municipality's participatiepremie as data, taken
// from a letter of its Cliëntenraad (advies-clientenraad-groningen-2023.txt)
// that describes its 2024 ordinance; the letter is not the ordinance (see
// the head of its parameters.yaml).
const letterDir = "testdata/groningen"

// The sentences of the letter the cases rest on.
const (
	letterAge      = "Voor inwoners van 27 jaar of ouder, voor het vergroten van de kans op werk."
	letterPremium  = "Hier is een premie aan verbonden van 800,00 per zes maanden en duurt één jaar."
	letterExtended = "Een verlenging is mogelijk."
	letterThird    = "Eventueel een derde jaar onder voorwaarde dat dit bij een andere werkgever is."
)

// TestParticipatiepremieFromLetter: the same rule, participatiepremie, runs
// with another municipality's numbers and structure, which are data only:
// € 800 per six months, one year, one extension, and a third year only at
// another employer (participatieplaats.andere_werkgever, which the
// Eemsdelta data lacks).
func TestParticipatiepremieFromLetter(t *testing.T) {
	raw, err := os.ReadFile(letterDir + "/parameters.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(raw), "advies-clientenraad-groningen-2023.txt") || !strings.Contains(string(raw), "de verordening niet") {
		t.Error("parameters.yaml does not say at its head that it comes from the letter, which is not the ordinance")
	}
	table, err := params.Parse("parameters.yaml", raw)
	if err != nil {
		t.Fatal(err)
	}
	b := testbinding.Load(t, letterDir)
	if got := strings.Join(b.Names(), ","); got != "participatiepremie" {
		t.Fatalf("publishes %s", got)
	}
	base := map[string]any{"date": "2024-07-01", "age": 35, "receives_algemene_bijstand": true, "sufficient_cooperation": true}
	for _, tc := range []struct {
		name, letter string
		input        map[string]any
		eligible     bool
		amount       string
		periods      int
		duration     string // a text the duration reason must contain, if any
	}{
		{"zes maanden: € 800", letterPremium, map[string]any{"months_in_placement": 6}, true, "800.00", 1, ""},
		{"vijf maanden: nog geen periode", letterPremium, map[string]any{"months_in_placement": 5}, false, "0.00", 0, ""},
		{"een jaar: € 1.600", letterPremium, map[string]any{"months_in_placement": 12}, true, "1600.00", 2, ""},
		{"18 maanden zonder verlenging: alleen het eerste jaar telt", letterPremium, map[string]any{"months_in_placement": 18}, true, "1600.00", 2, "De gemeente kan hem één keer verlengen tot 24 maanden."},
		{"twee jaar met verlenging: € 3.200", letterExtended, map[string]any{"months_in_placement": 24, "extended": true}, true, "3200.00", 4, ""},
		{"derde jaar bij een andere werkgever: € 4.800", letterThird, map[string]any{"months_in_placement": 36, "extended": true, "other_employer": true}, true, "4800.00", 6, ""},
		{"derde jaar bij dezelfde werkgever telt niet", letterThird, map[string]any{"months_in_placement": 36, "extended": true}, true, "3200.00", 4, "alleen bij een andere werkgever"},
		{"derde jaar zonder verlenging telt niet", letterThird + " (na " + letterExtended + ")", map[string]any{"months_in_placement": 36, "other_employer": true}, true, "1600.00", 2, "Uw plaats is niet verlengd."},
		{"vier jaar: hoogstens drie jaar telt", letterThird, map[string]any{"months_in_placement": 48, "extended": true, "other_employer": true}, true, "4800.00", 6, "bij een andere werkgever hoogstens 36 maanden"},
		{"26 jaar: geen participatieplaats", letterAge, map[string]any{"age": 26, "months_in_placement": 12}, false, "0.00", 0, ""},
		{"de brief noemt geen voortzetting na een overstap", letterPremium, map[string]any{"months_in_placement": 12, "continuation_granted": true, "continuation_months": 6}, true, "1600.00", 2, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := map[string]any{}
			for k, v := range base {
				in[k] = v
			}
			for k, v := range tc.input {
				in[k] = v
			}
			input, _ := json.Marshal(in)
			res, err := b.RunTable("participatiepremie", input, table)
			if err != nil {
				t.Fatalf("%s: %v", tc.letter, err)
			}
			if res.Eligible != tc.eligible || res.Money("amount").String() != tc.amount || res.Int("periods") != tc.periods {
				t.Errorf("%s\n%s: eligible %v, amount %s, %d periods; want %v, %s, %d\n%+v",
					tc.letter, input, res.Eligible, res.Money("amount"), res.Int("periods"), tc.eligible, tc.amount, tc.periods, res.Reasons)
			}
			if tc.eligible && res.Money("per_period").String() != "800.00" {
				t.Errorf("per_period %s, want 800.00", res.Money("per_period"))
			}
			if tc.duration != "" {
				found := false
				for _, r := range res.Reasons {
					found = found || r.Key == "duration" && strings.Contains(r.Text, tc.duration)
				}
				if !found {
					t.Errorf("no duration reason with %q: %+v", tc.duration, res.Reasons)
				}
			}
			// The browser's path gives the same.
			set, err := table.At(params.Date{Year: 2024, Month: 7, Day: 1})
			if err != nil {
				t.Fatal(err)
			}
			setJSON, _ := set.MarshalJSON()
			bJSON, _ := b.MarshalJSON()
			var out struct {
				Amount string `json:"amount"`
			}
			if err := json.Unmarshal(calculators.RunJSON("participatiepremie", input, setJSON, bJSON), &out); err != nil || out.Amount != tc.amount {
				t.Errorf("RunJSON: amount %q (%v), want %s", out.Amount, err, tc.amount)
			}
		})
	}

	// The form asks "other employer" here, not where the data lacks the
	// further period; the continuation questions the other way round.
	set, _ := table.At(params.Date{Year: 2024, Month: 7, Day: 1})
	eems, _ := loadTable(t).At(params.Date{Year: 2025, Month: 3, Day: 1})
	asks := func(s params.Set, field string) bool {
		for _, f := range calculators.Lookup("participatiepremie").FieldsFor(s) {
			if f.Name == field {
				return true
			}
		}
		return false
	}
	if !asks(set, "other_employer") || asks(set, "continuation_granted") {
		t.Error("the letter's form should ask other_employer and not continuation_granted")
	}
	if asks(eems, "other_employer") || !asks(eems, "continuation_granted") {
		t.Error("Eemsdelta's form should ask continuation_granted and not other_employer")
	}
}

// TestOtherEmployerWithoutTheParameter: where the data has no further
// period at another employer, the flag changes nothing: Eemsdelta's
// placement counts at most 24 months, 4 × € 1.050.
func TestOtherEmployerWithoutTheParameter(t *testing.T) {
	input := []byte(`{"date":"2025-03-01","age":35,"receives_algemene_bijstand":true,"sufficient_cooperation":true,"months_in_placement":36,"extended":true,"other_employer":true}`)
	res, err := eemsdelta(t).RunTable("participatiepremie", input, loadTable(t))
	if err != nil {
		t.Fatal(err)
	}
	if res.Money("amount").String() != "4200.00" || res.Int("periods") != 4 {
		t.Errorf("amount %s, %d periods; want 4200.00, 4", res.Money("amount"), res.Int("periods"))
	}
}
