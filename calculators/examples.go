package calculators

import (
	"github.com/regelgids/regelgids/calculators/internal/jsonlite"
	"github.com/regelgids/regelgids/calculators/params/values"
)

// Example is a typical input with a short Dutch label. The site computes and
// shows the results of the examples for readers without JavaScript.
type Example struct {
	Label string
	// Input is the JSON input without "date"; see WithDate.
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
	c, err := find(name)
	if err != nil {
		return nil
	}
	return append([]Example(nil), c.examples...)
}

func ex(label, input string) Example { return Example{label, []byte(input)} }

var uitstroomExamples = []Example{
	ex("35 jaar, 4 jaar bijstand, volledig aan het werk", `{"age": 35, "months_on_benefit": 48, "exit": "full"}`),
	ex("35 jaar, net geen 3 jaar bijstand, volledig aan het werk", `{"age": 35, "months_on_benefit": 35, "exit": "full"}`),
	ex("40 jaar, 3 jaar bijstand, deeltijdwerk van € 750 per maand", `{"age": 40, "months_on_benefit": 36, "exit": "partial", "monthly_income": "750.00"}`),
	ex("40 jaar, 3 jaar bijstand, deeltijdwerk van € 650 per maand", `{"age": 40, "months_on_benefit": 36, "exit": "partial", "monthly_income": "650.00"}`),
	ex("Eerder € 300 gekregen, nu volledig aan het werk", `{"age": 45, "months_on_benefit": 50, "exit": "full", "already_received": "300.00"}`),
	ex("24 jaar, 3 jaar bijstand, volledig aan het werk", `{"age": 24, "months_on_benefit": 36, "exit": "full"}`),
	ex("24 jaar, doelgroep loonkostensubsidie, volledig aan het werk", `{"age": 24, "months_on_benefit": 36, "exit": "full", "loonkostensubsidie_target_group": true}`),
	ex("Zelfstandige met hulp uit het Bbz", `{"age": 50, "months_on_benefit": 60, "exit": "full", "self_employed_bbz": true}`),
}

var participatieExamples = []Example{
	ex("30 jaar, 6 maanden op de plaats", `{"age": 30, "receives_algemene_bijstand": true, "months_in_placement": 6, "sufficient_cooperation": true}`),
	ex("30 jaar, 5 maanden op de plaats", `{"age": 30, "receives_algemene_bijstand": true, "months_in_placement": 5, "sufficient_cooperation": true}`),
	ex("45 jaar, 12 maanden op de plaats", `{"age": 45, "receives_algemene_bijstand": true, "months_in_placement": 12, "sufficient_cooperation": true}`),
	ex("45 jaar, 18 maanden, niet verlengd", `{"age": 45, "receives_algemene_bijstand": true, "months_in_placement": 18, "sufficient_cooperation": true}`),
	ex("45 jaar, 24 maanden, wel verlengd", `{"age": 45, "receives_algemene_bijstand": true, "months_in_placement": 24, "extended": true, "sufficient_cooperation": true}`),
	ex("Niet genoeg meegewerkt", `{"age": 40, "receives_algemene_bijstand": true, "months_in_placement": 12, "sufficient_cooperation": false}`),
	ex("26 jaar", `{"age": 26, "receives_algemene_bijstand": true, "months_in_placement": 12, "sufficient_cooperation": true}`),
	ex("Na 6 maanden overgestapt; de gemeente laat de premie 12 maanden doorlopen", `{"age": 35, "receives_algemene_bijstand": true, "months_in_placement": 6, "sufficient_cooperation": true, "continuation_granted": true, "continuation_months": 12}`),
}

var kwetsbaarExamples = []Example{
	ex("8 maanden zonder werk, € 2.500 loonkosten", `{"monthly_wage_costs": "2500.00", "months_without_paid_work": 8, "has_start_qualification": true, "age": 35, "single_parent": false}`),
	ex("Geen startkwalificatie, net werkloos", `{"monthly_wage_costs": "2200.00", "months_without_paid_work": 1, "has_start_qualification": false, "age": 22, "single_parent": false}`),
	ex("55 jaar, 3 maanden zonder werk", `{"monthly_wage_costs": "3000.00", "months_without_paid_work": 3, "has_start_qualification": true, "age": 55, "single_parent": false}`),
	ex("Alleenstaande ouder", `{"monthly_wage_costs": "2400.00", "months_without_paid_work": 2, "has_start_qualification": true, "age": 33, "single_parent": true}`),
	ex("2 jaar zonder werk", `{"monthly_wage_costs": "2600.00", "months_without_paid_work": 24, "has_start_qualification": true, "age": 40, "single_parent": false}`),
	ex("1 jaar zonder werk en alleenstaande ouder", `{"monthly_wage_costs": "2600.00", "months_without_paid_work": 12, "has_start_qualification": true, "age": 38, "single_parent": true}`),
	ex("Geen van de punten", `{"monthly_wage_costs": "2800.00", "months_without_paid_work": 2, "has_start_qualification": true, "age": 30, "single_parent": false}`),
}

var arbeidsbeperkingExamples = []Example{
	ex("36 uur, loonwaarde 50%, uurloon € 16,00", `{"hours_per_week": 36, "loonwaarde_percent": "50", "hourly_wage": "16.00"}`),
	ex("20 uur, loonwaarde 60%, uurloon € 16,00", `{"hours_per_week": 20, "loonwaarde_percent": "60", "hourly_wage": "16.00"}`),
	ex("32 uur, loonwaarde 20%: het maximum geldt", `{"hours_per_week": 32, "loonwaarde_percent": "20", "hourly_wage": "16.00"}`),
	ex("24,5 uur, loonwaarde 70%, uurloon € 18,00", `{"hours_per_week": 24.5, "loonwaarde_percent": "70", "hourly_wage": "18.00"}`),
	ex("38 uur, loonwaarde 100%", `{"hours_per_week": 38, "loonwaarde_percent": "100", "hourly_wage": "16.00"}`),
	ex("Uurloon onder het minimumloon", `{"hours_per_week": 30, "loonwaarde_percent": "50", "hourly_wage": "12.00"}`),
}
