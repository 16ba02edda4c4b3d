package calculators_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/regelgids/regelgids/calculators"
	"github.com/regelgids/regelgids/calculators/params"
)

// withLang returns an input object with the field "lang" set, or nil when
// the input is not an object or already has a lang.
func withLang(input []byte, lang string) []byte {
	var m map[string]json.RawMessage
	if json.Unmarshal(input, &m) != nil || m == nil {
		return nil
	}
	if _, ok := m["lang"]; ok {
		return nil
	}
	m["lang"], _ = json.Marshal(lang)
	b, _ := json.Marshal(m)
	return b
}

// outcome is what a run gives, in a form to compare across languages.
type outcome struct {
	json    map[string]any // the result without reason texts, or the error without messages
	texts   []string       // reason texts, or error messages
	label   string
	message string // InputError.Error()
}

func run(t *testing.T, tb *params.Table, name string, input []byte) outcome {
	t.Helper()
	res, err := eemsdelta(t).RunTable(name, input, tb)
	var o outcome
	var ie *calculators.InputError
	switch {
	case errors.As(err, &ie):
		o.message = ie.Error()
		var fields []string
		for _, f := range ie.Fields {
			fields = append(fields, f.Field)
			o.texts = append(o.texts, f.Message)
		}
		o.json = map[string]any{"fields": fields}
		return o
	case err != nil:
		t.Fatal(err)
	}
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &o.json); err != nil {
		t.Fatal(err)
	}
	for _, r := range o.json["reasons"].([]any) {
		rm := r.(map[string]any)
		o.texts = append(o.texts, rm["text"].(string))
		delete(rm, "text")
	}
	o.label = res.Summary().AmountLabel
	return o
}

// TestLangParity runs every case of cases.json without lang, with "nl" and
// with "en". Dutch is the default; English gives the same outcome, reasons
// and error fields, with every text translated.
func TestLangParity(t *testing.T) {
	tb := loadTable(t)
	for _, c := range loadCases(t) {
		nlIn, enIn := withLang(c.Input, "nl"), withLang(c.Input, "en")
		if nlIn == nil {
			continue
		}
		t.Run(c.Calculator+"/"+c.Name, func(t *testing.T) {
			def := run(t, tb, c.Calculator, c.Input)
			nl := run(t, tb, c.Calculator, nlIn)
			en := run(t, tb, c.Calculator, enIn)
			if !reflect.DeepEqual(def, nl) {
				t.Errorf("no lang and \"nl\" differ:\n%+v\n%+v", def, nl)
			}
			if !reflect.DeepEqual(nl.json, en.json) || len(nl.texts) != len(en.texts) {
				t.Fatalf("\"nl\" and \"en\" differ beyond the texts:\n%v\n%v", nl.json, en.json)
			}
			for i := range nl.texts {
				if nl.texts[i] == en.texts[i] {
					t.Errorf("text not translated: %q", en.texts[i])
				}
			}
			if nl.label != "" && nl.label == en.label {
				t.Errorf("label not translated: %q", en.label)
			}
			if nl.message != "" && !strings.HasPrefix(en.message, "invalid input: ") {
				t.Errorf("English input error: %q", en.message)
			}
		})
	}
}

var (
	// informal Dutch: the reader is "u", never "je".
	informal = regexp.MustCompile(`(?i)\b(je|jij|jou|jouw|jezelf|jullie)\b`)
	// Dutch words that should not be in an English sentence (outside the
	// Dutch names in brackets or before them, which these are not part of).
	dutchWords = regexp.MustCompile(`\b(u|uw|U|Uw|je|Je|de|De|het|Het|een|van|niet|dus|dan|geen|voor|per maand|per uur)\b`)
)

// texts returns every text a reader can meet for a calculator in a
// language: reasons, labels and input error messages of all cases and
// examples.
func allTexts(t *testing.T, tb *params.Table, lang string) []string {
	var out []string
	dates := []params.Date{{Year: 2024, Month: 7, Day: 1}, {Year: 2025, Month: 3, Day: 1}, {Year: 2026, Month: 3, Day: 1}}
	add := func(name string, input []byte) {
		if in := withLang(input, lang); in != nil {
			o := run(t, tb, name, in)
			out = append(out, o.texts...)
			out = append(out, o.label, o.message)
		}
	}
	for _, c := range loadCases(t) {
		add(c.Calculator, c.Input)
	}
	for _, name := range calculators.Names() {
		for _, ex := range calculators.Examples(name) {
			out = append(out, ex.Label[lang])
			for _, d := range dates {
				add(name, ex.WithDate(d))
			}
		}
	}
	return out
}

// TestPlainLanguage checks the style of every text: Dutch addresses the
// reader as "u", English has no Dutch pronouns or function words, and no
// sentence is long.
func TestPlainLanguage(t *testing.T) {
	tb := loadTable(t)
	seen := map[string]bool{}
	for _, lang := range []string{"nl", "en"} {
		for _, s := range allTexts(t, tb, lang) {
			if seen[s] {
				continue
			}
			seen[s] = true
			if lang == "nl" && informal.MatchString(s) {
				t.Errorf("Dutch text addresses the reader as \"je\": %q", s)
			}
			if lang == "en" {
				// Leave out the Dutch names that the English texts keep.
				plain := regexp.MustCompile(`Besluit bijstandsverlening zelfstandigen|doelgroep loonkostensubsidie`).ReplaceAllString(s, "")
				if m := dutchWords.FindString(plain); m != "" {
					t.Errorf("English text has Dutch word %q: %q", m, s)
				}
			}
			for _, sentence := range regexp.MustCompile(`[.:;?!] `).Split(s, -1) {
				if n := len(strings.Fields(sentence)); n > 18 {
					t.Errorf("sentence of %d words: %q", n, sentence)
				}
			}
		}
	}
}

func TestExampleLabels(t *testing.T) {
	for _, name := range calculators.Names() {
		for i, ex := range calculators.Examples(name) {
			if len(ex.Label) != 2 || ex.Label["nl"] == "" || ex.Label["en"] == "" || ex.Label["nl"] == ex.Label["en"] {
				t.Errorf("%s example %d: labels %q, want both \"nl\" and \"en\"", name, i, ex.Label)
			}
			if bytes.Contains(ex.Input, []byte(`"lang"`)) {
				t.Errorf("%s example %d has a lang", name, i)
			}
		}
	}
}

func TestLangField(t *testing.T) {
	tb := loadTable(t)
	base := `{"date":"2025-03-01","age":30,"months_on_benefit":40,"exit":"full"`
	for _, bad := range []string{`"de"`, `""`, `"EN"`, `1`, `null`, `["en"]`} {
		_, err := eemsdelta(t).RunTable("uitstroompremie", []byte(base+`,"lang":`+bad+`}`), tb)
		var ie *calculators.InputError
		if !errors.As(err, &ie) || len(ie.Fields) != 1 || ie.Fields[0].Field != "lang" {
			t.Errorf("lang %s: got %v", bad, err)
		}
	}
	// "nl" is the default.
	set, err := tb.At(params.Date{Year: 2025, Month: 3, Day: 1})
	if err != nil {
		t.Fatal(err)
	}
	def, err := eemsdelta(t).Run("uitstroompremie", []byte(base+`}`), set)
	if err != nil {
		t.Fatal(err)
	}
	nl, err := eemsdelta(t).Run("uitstroompremie", []byte(base+`,"lang":"nl"}`), set)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(def, nl) || def.Summary().AmountLabel != "Premie" {
		t.Errorf("no lang differs from \"nl\":\n%+v\n%+v", def, nl)
	}
	en, err := eemsdelta(t).Run("uitstroompremie", []byte(base+`,"lang":"en"}`), set)
	if err != nil || en.Summary().AmountLabel != "Bonus" {
		t.Errorf("English: %v, %+v", err, en)
	}
	// A set for another date gives an English error on "date".
	set2026, _ := tb.At(params.Date{Year: 2026, Month: 3, Day: 1})
	_, err = eemsdelta(t).Run("loonkostensubsidie-arbeidsbeperking",
		[]byte(`{"date":"2025-03-01","hours_per_week":36,"loonwaarde_percent":"50","hourly_wage":"14.06","lang":"en"}`), set2026)
	if err == nil || !strings.HasPrefix(err.Error(), "invalid input: date: the amounts given do not apply on this date (minimumloon.per_uur applies from 2026-01-01") {
		t.Errorf("set for another date, English: %v", err)
	}
}

func TestInputErrorMessagesEnglish(t *testing.T) {
	for _, tc := range []struct{ input, want string }{
		{`{"lang":"en","date":"2025-03-01","age":30,"age":31,"months_on_benefit":40,"exit":"full"}`, "invalid input: age: appears twice"},
		{`{"lang":"en","date":"2025-03-01","age":1e1,"months_on_benefit":99999999999999999999,"exit":"full"}`, "invalid input: age: 1e1 is written with an e; write 10; months_on_benefit: is more than 1200; that cannot be right"},
		{`{"lang":"en","date":20250301,"age":30,"months_on_benefit":40,"exit":"full","self_employed_bbz":"nee"}`, "invalid input: date: must be a date as text, such as \"2025-01-01\"; self_employed_bbz: must be true or false"},
		{`{"lang":"en","date":"2025-03-01","age":200,"months_on_benefit":40,"exit":"partial","monthly_income":"twelve"}`, "invalid input: age: is more than 130; that cannot be right; monthly_income: Fill in an amount, for example 1,250.50"},
		{`{"lang":"en","date":"2025-03-01","age":200,"months_on_benefit":40,"exit":"partial","monthly_income":"1.234"}`, "invalid input: age: is more than 130; that cannot be right; monthly_income: Fill in an amount with at most 2 digits after the point, for example 1,250.50"},
		{`{"lang":"en","date":"2024-06-30","age":-1,"exit":"half","bonus":1}`, "invalid input: date: is before 1 July 2024; the ordinance applies from that date (article 23); age: must not be negative; months_on_benefit: is missing; exit: must be \"full\" or \"partial\"; bonus: is not a field of this calculator"},
		{`{"lang":"de","date":"2025-03-01","age":30,"months_on_benefit":40,"exit":"full"}`, "ongeldige invoer: lang: moet \"nl\" of \"en\" zijn (Nederlands of Engels)"},
	} {
		_, err := eemsdelta(t).Run("uitstroompremie", []byte(tc.input), params.Set{})
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s:\n got %v\nwant %s", tc.input, err, tc.want)
		}
	}
}
