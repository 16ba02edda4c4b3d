package calculators_test

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/regelgids/regelgids/calculators"
	"github.com/regelgids/regelgids/calculators/params"
)

// TestHostileInput feeds inputs that a careless or hostile user writes and
// that cases.json cannot hold (it holds valid JSON only). Each must give an
// input error that names the field (or, for a fault in the writing of the
// JSON, the line and character) and says what to write, in the input's
// language, and must never echo more than 40 characters of the input.
func TestHostileInput(t *testing.T) {
	tb := loadTable(t)
	const (
		uit = "uitstroompremie"
		arb = "loonkostensubsidie-arbeidsbeperking"
		kw  = "loonkostensubsidie-kwetsbaar"
	)
	ok := `"date":"2025-03-01","age":35,"months_on_benefit":40,"exit":"full"`
	long := strings.Repeat("9", 900_000) // under the 1 MB limit, far over any field
	for _, tc := range []struct {
		name, calc, input string
		fields            []string // the fields in error, "" for the writing of the JSON
		messages          []string // the exact messages, when given
	}{
		{"leading zero", uit, `{"date":"2025-03-01","age":035,"months_on_benefit":40,"exit":"full"}`,
			[]string{"age"}, []string{"035 begint met een 0; schrijf 35"}},
		{"English: leading zero", uit, `{"lang":"en","date":"2025-03-01","age":035,"months_on_benefit":40,"exit":"full"}`,
			[]string{"age"}, []string{"035 starts with a 0; write 35"}},
		{"leading zeros in a number with decimals", arb, `{"date":"2026-03-01","hours_per_week":024.5,"loonwaarde_percent":"50","hourly_wage":"15.00"}`,
			[]string{"hours_per_week"}, []string{"024.5 begint met een 0; schrijf 24.5"}},
		{"exponents", uit, `{"date":"2025-03-01","age":1e308,"months_on_benefit":2.4e1,"exit":"full"}`,
			[]string{"age", "months_on_benefit"}, []string{"1e308 is geschreven met een e; schrijf een heel getal, zoals 12", "2.4e1 is geschreven met een e; schrijf 24"}},
		{"English: exponents", uit, `{"lang":"en","date":"2025-03-01","age":1e308,"months_on_benefit":2.4e1,"exit":"full"}`,
			[]string{"age", "months_on_benefit"}, []string{"1e308 is written with an e; write a whole number, such as 12", "2.4e1 is written with an e; write 24"}},
		{"exponent in hours", arb, `{"date":"2026-03-01","hours_per_week":2.45E+1,"loonwaarde_percent":"50","hourly_wage":"15.00"}`,
			[]string{"hours_per_week"}, []string{"2.45E+1 is geschreven met een e; schrijf 24.5"}},
		{"exponent in an amount", uit, `{"date":"2025-03-01","age":35,"months_on_benefit":40,"exit":"partial","monthly_income":"1e308"}`,
			[]string{"monthly_income"}, []string{"Vul een bedrag in, bijvoorbeeld 1.250,50"}},
		{"English: exponent in a percentage", arb, `{"lang":"en","date":"2026-03-01","hours_per_week":36,"loonwaarde_percent":"5e1","hourly_wage":"15.00"}`,
			[]string{"loonwaarde_percent"}, []string{"Fill in the percentage like this: 50"}},
		{"decimal comma in a bare number", arb, `{"date":"2026-03-01","hours_per_week":24,5,"loonwaarde_percent":"50","hourly_wage":"15.00"}`,
			[]string{"hours_per_week"}, []string{"24,5 heeft een komma; schrijf 24.5"}},
		{"English: decimal comma in a bare number", arb, `{"lang":"en","date":"2026-03-01","hours_per_week":24,5,"loonwaarde_percent":"50","hourly_wage":"15.00"}`,
			[]string{"hours_per_week"}, []string{"24,5 has a comma; write 24.5"}},
		{"plus, point first, point last", uit, `{"date":"2025-03-01","age":+35,"months_on_benefit":36.,"exit":"full","already_received":".5"}`,
			[]string{"age", "months_on_benefit", "already_received"}, []string{"+35 begint met een +; schrijf 35", "36. eindigt op een punt; schrijf 36", "Vul het bedrag zo in: 0,50"}},
		{"a decimal where a whole number belongs", uit, `{"date":"2025-03-01","age":35.5,"months_on_benefit":40,"exit":"full"}`,
			[]string{"age"}, []string{"35.5 is geen heel getal; schrijf een heel getal, zoals 35"}},
		{"quoted number, bare amount, quoted boolean", uit, `{"date":"2025-03-01","age":"35","months_on_benefit":40,"exit":"partial","monthly_income":750,"self_employed_bbz":"false"}`,
			[]string{"age", "monthly_income", "self_employed_bbz"}, []string{"moet een heel getal zijn, zonder aanhalingstekens; schrijf 35", `moet een bedrag zijn als tekst, tussen aanhalingstekens; schrijf "750"`, "moet true of false zijn, zonder aanhalingstekens"}},
		{"words and single quotes", uit, `{"date":'2025-03-01',"age":veertig,"months_on_benefit":40,"exit":"full","self_employed_bbz":nee}`,
			[]string{"date", "age", "self_employed_bbz"}, []string{`gebruik dubbele aanhalingstekens ("), geen enkele (')`, "moet een heel getal zijn, zoals 12", "moet true of false zijn"}},
		{"a field without a value", uit, `{"date":"2025-03-01","age":,"months_on_benefit":40,"exit":"full"}`,
			[]string{"age"}, []string{"heeft geen waarde; schrijf een waarde na de dubbele punt"}},
		{"a tab in a text", uit, "{\"date\":\"2025-03-01\t\",\"age\":35,\"months_on_benefit\":40,\"exit\":\"full\"}",
			[]string{"date"}, []string{`bevat een tab, een ander stuurteken of een \ die niet mag; haal die weg`}},
		{"day first", uit, `{"date":"01-03-2025","age":35,"months_on_benefit":40,"exit":"full"}`,
			[]string{"date"}, []string{`"01-03-2025" heeft de dag vooraan; schrijf het jaar vooraan: "2025-03-01"`}},
		{"too large for a whole number", uit, `{"date":"2025-03-01","age":99999999999999999999999,"months_on_benefit":-99999999999999999999999,"exit":"full"}`,
			[]string{"age", "months_on_benefit"}, []string{"is meer dan 130; dat kan niet kloppen", "mag niet negatief zijn"}},

		// Faults in the writing of the JSON: line and character.
		{"trailing comma", uit, "{" + ok + ",\n}",
			[]string{""}, []string{"regel 1, teken 67: na de laatste waarde mag geen komma staan; haal de komma weg"}},
		{"English: trailing comma", uit, `{"lang":"en",` + ok + ",}",
			[]string{""}, []string{"line 1, character 79: no comma may follow the last value; remove the comma"}},
		{"missing comma, and a wrong field", uit, "{\"date\":\"2025-03-01\"\n \"age\":035,\"months_on_benefit\":40,\"exit\":\"full\"}",
			[]string{"", "age"}, []string{"regel 2, teken 2: hier ontbreekt een komma (,) tussen twee velden", "035 begint met een 0; schrijf 35"}},
		{"no closing quote", uit, "{\"date\":\"2025-03-01,\n\"age\":35}",
			[]string{""}, []string{`regel 1, teken 9: de tekst die hier begint, heeft geen aanhalingsteken (") aan het eind van de regel`}},
		{"name without quotes", uit, `{"date":"2025-03-01", age:35}`,
			[]string{""}, []string{`regel 1, teken 23: hier moet de naam van een veld staan, tussen dubbele aanhalingstekens ("), zoals "date"`}},
		{"name in single quotes", uit, `{'date':"2025-03-01"}`,
			[]string{""}, []string{`regel 1, teken 2: zet de naam van een veld tussen dubbele aanhalingstekens ("), niet tussen enkele (')`}},
		{"no colon", uit, `{"date" "2025-03-01"}`,
			[]string{""}, []string{`regel 1, teken 9: na de naam "date" moet een dubbele punt (:) staan`}},
		{"two values", uit, "{\"date\":\"2025-03-01\",\n\"age\":35 36}",
			[]string{""}, []string{"regel 2, teken 10: na de waarde van age moet een komma (,) of } staan"}},
		{"no closing brace", uit, `{"date":"2025-03-01"`,
			[]string{""}, []string{"de invoer houdt op voordat het object klaar is; zet een } aan het eind"}},
		{"text after the object", uit, "{" + ok + "}\n{}",
			[]string{""}, []string{"regel 2, teken 1: na de laatste } mag niets meer staan"}},
		{"empty", uit, " \n ",
			[]string{""}, []string{`de invoer is leeg; geef een JSON-object, zoals {"date": "2025-01-01"}`}},
		{"UTF-16", uit, "\xff\xfe{\x00}\x00",
			[]string{""}, []string{"de invoer is opgeslagen als UTF-16; sla hem op als UTF-8"}},
		{"a BOM that is not at the start", uit, " \uFEFF{" + ok + "}",
			[]string{""}, []string{`de invoer moet een JSON-object zijn, zoals {"date": "2025-01-01"}`}},
		{"a BOM and a fault: places count from after the BOM", uit, "\uFEFF{" + ok + ",}",
			[]string{""}, []string{"regel 1, teken 67: na de laatste waarde mag geen komma staan; haal de komma weg"}},

		// Dates and bounds.
		{"far future", uit, `{"date":"9999-12-31","age":35,"months_on_benefit":40,"exit":"full"}`,
			[]string{"date"}, []string{"ligt na 2027; voor die datum zijn de bedragen nog niet bekend. Kies een datum tot en met 31 december 2027"}},
		{"far future, listed with the other faults", uit, `{"date":"3025-03-01","age":-1,"months_on_benefit":40,"exit":"full"}`,
			[]string{"date", "age"}, nil},
		{"far past", uit, `{"date":"0001-01-01","age":35,"months_on_benefit":40,"exit":"full"}`,
			[]string{"date"}, []string{"ligt vóór 1 juli 2024; de verordening geldt vanaf die datum (artikel 23)"}},
		{"English: amounts above their bounds", uit, `{"lang":"en","date":"2025-03-01","age":35,"months_on_benefit":40,"exit":"partial","monthly_income":"1000000.01","already_received":"99999999999"}`,
			[]string{"monthly_income", "already_received"}, []string{"is more than €1,000,000.00 a month; that cannot be right", "is more than €1,000,000.00; that cannot be right"}},

		// Long input is never echoed.
		{"a long number", uit, `{"date":"2025-03-01","age":0` + long + `,"months_on_benefit":40,"exit":"full"}`,
			[]string{"age"}, []string{"0" + strings.Repeat("9", 39) + "… heeft te veel cijfers; schrijf een heel getal, zoals 12"}},
		{"a long amount", uit, `{"date":"2025-03-01","age":35,"months_on_benefit":40,"exit":"partial","monthly_income":"` + long + `"}`,
			[]string{"monthly_income"}, []string{"Vul een bedrag in, bijvoorbeeld 1.250,50"}},
		{"a long date", uit, `{"date":"` + long + `","age":35,"months_on_benefit":40,"exit":"full"}`,
			[]string{"date"}, []string{`"` + strings.Repeat("9", 40) + `…" is geen bestaande datum in de vorm JJJJ-MM-DD`}},
		{"a long field name", uit, `{` + ok + `,"` + long + `":1}`,
			[]string{strings.Repeat("9", 40) + "…"}, []string{"is geen veld van deze rekenhulp"}},
		{"control characters are not echoed", uit, `{"date":"2025\u001b[31m-03-01\u202e","age":35,"months_on_benefit":40,"exit":"full"}`,
			[]string{"date"}, []string{"\"2025\uFFFD[31m-03-01\uFFFD\" is geen bestaande datum in de vorm JJJJ-MM-DD"}},
		{"many unknown fields", uit, `{` + ok + `,"a":1,"b":1,"c":1,"d":1,"e":1,"f":1,"g":1}`,
			[]string{"a", "b", "c", "d", "e", ""}, []string{"is geen veld van deze rekenhulp", "is geen veld van deze rekenhulp", "is geen veld van deze rekenhulp", "is geen veld van deze rekenhulp", "is geen veld van deze rekenhulp", "en nog 2 velden die niet bij deze rekenhulp horen"}},
		{"more than 1 MB", uit, `{"date":"2025-03-01","x":"` + strings.Repeat("x", calculators.MaxInputSize) + `"}`,
			[]string{""}, []string{"de invoer is groter dan 1 MB; zo groot kan een invoer niet zijn"}},
		{"English: a long word", kw, `{"lang":"en","date":"2025-03-01","monthly_wage_costs":"2000","months_without_paid_work":30,"has_start_qualification":` + strings.Repeat("j", 900_000) + `,"age":30,"single_parent":false}`,
			[]string{"has_start_qualification"}, []string{"must be true or false"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := eemsdelta(t).RunTable(tc.calc, []byte(tc.input), tb)
			var ie *calculators.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("got %v, want an input error", err)
			}
			var fields, messages []string
			for _, f := range ie.Fields {
				fields = append(fields, f.Field)
				messages = append(messages, f.Message)
			}
			if !reflect.DeepEqual(fields, tc.fields) {
				t.Errorf("fields %q, want %q", fields, tc.fields)
			}
			if tc.messages != nil && !reflect.DeepEqual(messages, tc.messages) {
				t.Errorf("messages\n got %q\nwant %q", messages, tc.messages)
			}
			checkNoEcho(t, ie.Error())
			english := strings.Contains(tc.input, `"lang":"en"`)
			if english != strings.HasPrefix(ie.Error(), "invalid input: ") {
				t.Errorf("language: %.100s", ie.Error())
			}

			// The browser gets the same, as JSON.
			set, err := tb.At(params.Date{Year: 2026, Month: 3, Day: 1})
			if err != nil {
				t.Fatal(err)
			}
			setJSON, _ := set.MarshalJSON()
			out := calculators.RunJSON(tc.calc, []byte(tc.input), setJSON, bindingJSON(t))
			var got struct {
				Error struct {
					Kind    string `json:"kind"`
					Message string `json:"message"`
					Fields  []struct{ Field, Message string }
				} `json:"error"`
			}
			if err := json.Unmarshal(out, &got); err != nil || got.Error.Kind != calculators.ErrorInput || len(got.Error.Fields) == 0 {
				t.Errorf("RunJSON: %.300s", out)
			}
			checkNoEcho(t, string(out))
		})
	}
}

// checkNoEcho fails when a message is long or quotes more than 40
// characters of a run of one repeated character (as the long inputs are).
func checkNoEcho(t *testing.T, msg string) {
	t.Helper()
	if n := utf8.RuneCountInString(msg); n > 1000 {
		t.Errorf("message of %d characters: %.200s…", n, msg)
	}
	for _, c := range []string{"9", "x", "j"} {
		if strings.Contains(msg, strings.Repeat(c, 41)) {
			t.Errorf("message echoes more than 40 characters: %.200s…", msg)
		}
	}
}

// TestBOM: Windows Notepad starts a UTF-8 file with a byte order mark. One
// at the start of the input is skipped, as RFC 8259 allows.
func TestBOM(t *testing.T) {
	tb := loadTable(t)
	in := []byte(`{"date":"2025-03-01","age":35,"months_on_benefit":40,"exit":"full"}`)
	want, err := eemsdelta(t).RunTable("uitstroompremie", in, tb)
	if err != nil {
		t.Fatal(err)
	}
	got, err := eemsdelta(t).RunTable("uitstroompremie", append([]byte("\uFEFF"), in...), tb)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("with a BOM: %v, %v", got, err)
	}
	// Two are one too many.
	if _, err := eemsdelta(t).RunTable("uitstroompremie", append([]byte("\uFEFF\uFEFF"), in...), tb); err == nil {
		t.Error("two BOMs accepted")
	}
}

// TestDateHorizon: a date is priced up to 31 December of the year after
// the newest amount, both through RunTable and through Run with a set.
func TestDateHorizon(t *testing.T) {
	tb := loadTable(t)
	var newest params.Date
	for _, p := range tb.Params() {
		if f := p.Values[len(p.Values)-1].From; newest.Before(f) {
			newest = f
		}
	}
	last := params.Date{Year: newest.Year + 1, Month: 12, Day: 31}
	after := params.Date{Year: newest.Year + 2, Month: 1, Day: 1}
	input := func(d params.Date) []byte {
		return []byte(`{"date":"` + d.String() + `","age":35,"months_on_benefit":40,"exit":"full"}`)
	}
	if _, err := eemsdelta(t).RunTable("uitstroompremie", input(last), tb); err != nil {
		t.Errorf("%s: %v", last, err)
	}
	_, err := eemsdelta(t).RunTable("uitstroompremie", input(after), tb)
	var ie *calculators.InputError
	if !errors.As(err, &ie) || len(ie.Fields) != 1 || ie.Fields[0].Field != "date" {
		t.Errorf("%s: %v", after, err)
	}
	set, _ := tb.At(after)
	if _, err := eemsdelta(t).Run("uitstroompremie", input(after), set); !errors.As(err, &ie) {
		t.Errorf("Run %s: %v", after, err)
	}
	// In English too, with the set's own limit.
	en := []byte(`{"lang":"en","date":"` + after.String() + `","age":35,"months_on_benefit":40,"exit":"full"}`)
	if _, err := eemsdelta(t).Run("uitstroompremie", en, set); !errors.As(err, &ie) ||
		ie.Fields[0].Field != "date" || !strings.Contains(ie.Fields[0].Message, "not known yet") {
		t.Errorf("English %s: %v", after, err)
	}
}

// TestUnknownNameNotEchoed: an unknown calculator name is quoted short and
// without control characters.
func TestUnknownNameNotEchoed(t *testing.T) {
	out := string(calculators.RunJSON("x\x1b[2J"+strings.Repeat("y", 1000), []byte(`{}`), []byte(`{}`), bindingJSON(t)))
	if strings.Contains(out, strings.Repeat("y", 41)) || strings.Contains(out, "\\u001b") {
		t.Errorf("unknown name echoed: %.200s", out)
	}
	out = string(calculators.RunJSON("uitstroompremie", []byte(`{}`), []byte(`{"date":"2026-01-01","values":{"`+strings.Repeat("y", 10000)+`":1}}`), bindingJSON(t)))
	if strings.Contains(out, strings.Repeat("y", 201)) {
		t.Errorf("parameter set echoed: %.300s", out)
	}
}
