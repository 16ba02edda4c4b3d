package calculators

import (
	"github.com/regelgids/regelgids/calculators/internal/jsonlite"
	"github.com/regelgids/regelgids/calculators/params/values"
)

// Example is a typical input with a short label in Dutch and in English. The
// site computes and shows the results of the examples for readers without
// JavaScript.
type Example struct {
	// Label is the label by language: "nl" (Dutch) and "en" (English),
	// always both.
	Label map[string]string
	// Input is the JSON input without "date" and without "lang"; see
	// WithDate. For English reasons, add "lang": "en".
	Input []byte
}

// WithDate returns the example's input for the given date, ready for Run.
func (e Example) WithDate(d values.Date) []byte {
	members, err := jsonlite.Object(e.Input)
	if err != nil {
		return e.Input
	}
	var w jsonlite.Writer
	w.String("date", d.String())
	for _, m := range members {
		if m.Key != "date" {
			w.Raw(m.Key, m.Value)
		}
	}
	return w.Bytes()
}

// Examples returns the examples of the named calculator, or nil for an
// unknown name.
func Examples(name string) []Example {
	r := Lookup(name)
	if r == nil {
		return nil
	}
	return append([]Example(nil), r.Examples...)
}

func ex(nl, en, input string) Example {
	return Example{map[string]string{"nl": nl, "en": en}, []byte(input)}
}

var uitstroomExamples = []Example{
	ex("35 jaar, 4 jaar bijstand, volledig aan het werk", "Age 35, 4 years on bijstand, work ends the benefit",
		`{"age": 35, "months_on_benefit": 48, "exit": "full"}`),
	ex("35 jaar, net geen 3 jaar bijstand, volledig aan het werk", "Age 35, just under 3 years on bijstand, work ends the benefit",
		`{"age": 35, "months_on_benefit": 35, "exit": "full"}`),
	ex("40 jaar, 3 jaar bijstand, deeltijdwerk van € 750,00 per maand", "Age 40, 3 years on bijstand, part-time work of €750.00 a month",
		`{"age": 40, "months_on_benefit": 36, "exit": "partial", "monthly_income": "750.00"}`),
	ex("40 jaar, 3 jaar bijstand, deeltijdwerk van € 650,00 per maand", "Age 40, 3 years on bijstand, part-time work of €650.00 a month",
		`{"age": 40, "months_on_benefit": 36, "exit": "partial", "monthly_income": "650.00"}`),
	ex("Eerder € 300,00 gekregen, nu volledig aan het werk", "Got €300.00 before, now work ends the benefit",
		`{"age": 45, "months_on_benefit": 50, "exit": "full", "already_received": "300.00"}`),
	ex("24 jaar, 3 jaar bijstand, volledig aan het werk", "Age 24, 3 years on bijstand, work ends the benefit",
		`{"age": 24, "months_on_benefit": 36, "exit": "full"}`),
	ex("24 jaar, doelgroep loonkostensubsidie, volledig aan het werk", "Age 24, doelgroep loonkostensubsidie (target group), work ends the benefit",
		`{"age": 24, "months_on_benefit": 36, "exit": "full", "loonkostensubsidie_target_group": true}`),
	ex("Zelfstandige met hulp uit het Bbz", "Self-employed with help from the Bbz",
		`{"age": 50, "months_on_benefit": 60, "exit": "full", "self_employed_bbz": true}`),
}

var participatieExamples = []Example{
	ex("30 jaar, 6 maanden op de plaats", "Age 30, 6 months at the place",
		`{"age": 30, "receives_algemene_bijstand": true, "months_in_placement": 6, "sufficient_cooperation": true}`),
	ex("30 jaar, 5 maanden op de plaats", "Age 30, 5 months at the place",
		`{"age": 30, "receives_algemene_bijstand": true, "months_in_placement": 5, "sufficient_cooperation": true}`),
	ex("45 jaar, 12 maanden op de plaats", "Age 45, 12 months at the place",
		`{"age": 45, "receives_algemene_bijstand": true, "months_in_placement": 12, "sufficient_cooperation": true}`),
	ex("45 jaar, 18 maanden, niet verlengd", "Age 45, 18 months, not extended",
		`{"age": 45, "receives_algemene_bijstand": true, "months_in_placement": 18, "sufficient_cooperation": true}`),
	ex("45 jaar, 24 maanden, wel verlengd", "Age 45, 24 months, extended",
		`{"age": 45, "receives_algemene_bijstand": true, "months_in_placement": 24, "extended": true, "sufficient_cooperation": true}`),
	ex("Niet genoeg meegewerkt", "Did not cooperate enough",
		`{"age": 40, "receives_algemene_bijstand": true, "months_in_placement": 12, "sufficient_cooperation": false}`),
	ex("26 jaar", "Age 26",
		`{"age": 26, "receives_algemene_bijstand": true, "months_in_placement": 12, "sufficient_cooperation": true}`),
	ex("Na 6 maanden overgestapt; de gemeente laat de premie 12 maanden doorlopen", "Moved on after 6 months; the gemeente continues the premium for 12 months",
		`{"age": 35, "receives_algemene_bijstand": true, "months_in_placement": 6, "sufficient_cooperation": true, "continuation_granted": true, "continuation_months": 12}`),
}

var kwetsbaarExamples = []Example{
	ex("8 maanden zonder werk, € 2.500,00 loonkosten", "8 months without work, €2,500.00 wage costs",
		`{"monthly_wage_costs": "2500.00", "months_without_paid_work": 8, "has_start_qualification": true, "age": 35, "single_parent": false}`),
	ex("Geen startkwalificatie, net werkloos", "No startkwalificatie (basic qualification), just out of work",
		`{"monthly_wage_costs": "2200.00", "months_without_paid_work": 1, "has_start_qualification": false, "age": 22, "single_parent": false}`),
	ex("55 jaar, 3 maanden zonder werk", "Age 55, 3 months without work",
		`{"monthly_wage_costs": "3000.00", "months_without_paid_work": 3, "has_start_qualification": true, "age": 55, "single_parent": false}`),
	ex("Alleenstaande ouder", "Single parent",
		`{"monthly_wage_costs": "2400.00", "months_without_paid_work": 2, "has_start_qualification": true, "age": 33, "single_parent": true}`),
	ex("2 jaar zonder werk", "2 years without work",
		`{"monthly_wage_costs": "2600.00", "months_without_paid_work": 24, "has_start_qualification": true, "age": 40, "single_parent": false}`),
	ex("1 jaar zonder werk en alleenstaande ouder", "1 year without work and single parent",
		`{"monthly_wage_costs": "2600.00", "months_without_paid_work": 12, "has_start_qualification": true, "age": 38, "single_parent": true}`),
	ex("Geen van de punten", "None of the points",
		`{"monthly_wage_costs": "2800.00", "months_without_paid_work": 2, "has_start_qualification": true, "age": 30, "single_parent": false}`),
	ex("22 jaar, 14 maanden zonder werk: twee lezingen", "Age 22, 14 months without work: two readings",
		`{"monthly_wage_costs": "2200.00", "months_without_paid_work": 14, "has_start_qualification": true, "age": 22, "single_parent": false}`),
}

var arbeidsbeperkingExamples = []Example{
	ex("36 uur, loonwaarde 50%, uurloon € 16,00", "36 hours, wage value 50%, hourly wage €16.00",
		`{"age": 30, "hours_per_week": 36, "loonwaarde_percent": "50", "hourly_wage": "16.00"}`),
	ex("20 uur, loonwaarde 60%, uurloon € 16,00", "20 hours, wage value 60%, hourly wage €16.00",
		`{"age": 30, "hours_per_week": 20, "loonwaarde_percent": "60", "hourly_wage": "16.00"}`),
	ex("32 uur, loonwaarde 20%: het maximum geldt", "32 hours, wage value 20%: the maximum applies",
		`{"age": 30, "hours_per_week": 32, "loonwaarde_percent": "20", "hourly_wage": "16.00"}`),
	ex("24,5 uur, loonwaarde 70%, uurloon € 18,00", "24.5 hours, wage value 70%, hourly wage €18.00",
		`{"age": 30, "hours_per_week": 24.5, "loonwaarde_percent": "70", "hourly_wage": "18.00"}`),
	ex("38 uur, loonwaarde 100%", "38 hours, wage value 100%",
		`{"age": 30, "hours_per_week": 38, "loonwaarde_percent": "100", "hourly_wage": "16.00"}`),
	ex("Uurloon onder het minimumloon", "Hourly wage below the minimum wage",
		`{"age": 30, "hours_per_week": 30, "loonwaarde_percent": "50", "hourly_wage": "12.00"}`),
	ex("19 jaar, uurloon € 10,00: minimumjeugdloon", "19 years old, hourly wage €10.00: youth minimum wage",
		`{"age": 19, "hours_per_week": 24, "loonwaarde_percent": "50", "hourly_wage": "10.00"}`),
}
