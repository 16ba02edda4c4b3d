package calculators_test

import (
	"encoding/json"
	"testing"

	"github.com/regelgids/regelgids/calculators"
	"github.com/regelgids/regelgids/calculators/params"
)

// FuzzRun feeds arbitrary JSON to every calculator. It must never panic,
// and must always answer with valid JSON: a result or an error.
func FuzzRun(f *testing.F) {
	tb := loadTable(f)
	set, err := tb.At(params.Date{Year: 2026, Month: 3, Day: 1})
	if err != nil {
		f.Fatal(err)
	}
	setJSON, _ := set.MarshalJSON()
	bind := bindingJSON(f)
	names := calculators.Names()
	index := map[string]uint8{}
	for i, n := range names {
		index[n] = uint8(i)
	}
	for _, c := range loadCases(f) {
		f.Add(index[c.Calculator], []byte(c.Input))
	}
	f.Add(uint8(0), []byte(`{"date":"2026-03-01","age":9223372036854775807,"months_on_benefit":-9223372036854775808,"exit":"full"}`))
	f.Add(uint8(3), []byte(`{"date":"2026-03-01","hours_per_week":1e400,"loonwaarde_percent":"99999999999999999999999999999999999","hourly_wage":"0.01"}`))
	// Input that is not JSON, which the decoder reads loosely to name the
	// field (see syntax.go).
	f.Add(uint8(0), []byte("\uFEFF{\"date\":\"9999-12-31\",\"age\":035,\"months_on_benefit\":2.4e1,\"exit\":'full',}"))
	f.Add(uint8(3), []byte("{\"date\":\"2026-03-01\" \"hours_per_week\":24,5,\"loonwaarde_percent\":\"5e1\",\"hourly_wage\":\n}x"))
	f.Add(uint8(2), []byte("{\"monthly_wage_costs\":\"\t\",\"age\":,\"x\":[1,{\"y\":\"}\"}]"))
	f.Fuzz(func(t *testing.T, which uint8, input []byte) {
		name := names[int(which)%len(names)]
		out := calculators.RunJSON(name, input, setJSON, bind)
		if !json.Valid(out) {
			t.Fatalf("RunJSON(%s, %q) gave invalid JSON %q", name, input, out)
		}
		res, err := eemsdelta(t).RunTable(name, input, tb)
		if err == nil {
			if _, err := json.Marshal(res); err != nil {
				t.Fatalf("result does not marshal: %v", err)
			}
		}
	})
}
