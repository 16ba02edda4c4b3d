package main

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/regelgids/regelgids/calculators/params"
	"github.com/regelgids/regelgids/internal/golden"
)

// TestAmountsFitsTerminal: the text fits $COLUMNS (80 when unset and not a
// terminal), as a table with footnotes at 160 columns and one block per
// parameter at 80; --json is the same at every width.
func TestAmountsFitsTerminal(t *testing.T) {
	t.Parallel()
	var jsons []string
	for _, width := range []string{"80", "160", ""} {
		env := []string{"COLUMNS=" + width}
		stdout, stderr, code := runWith(t, invocation{env: env, args: []string{"amounts"}})
		if code != 0 {
			t.Fatalf("COLUMNS=%s: exit %d: %s", width, code, stderr)
		}
		limit := 80
		if width == "160" {
			limit = 160
		}
		for i, l := range strings.Split(stdout, "\n") {
			if n := utf8.RuneCountInString(l); n > limit {
				t.Errorf("COLUMNS=%s: line %d is %d wide: %s", width, i+1, n, l)
			}
		}
		if width != "" {
			golden.Check(t, "amounts-"+width+".golden", []byte(stdout))
		} else if want, _, _ := runWith(t, invocation{env: []string{"COLUMNS=80"}, args: []string{"amounts"}}); stdout != want {
			t.Error("without $COLUMNS the text is not the one for 80 columns")
		}
		stdout, _, _ = runWith(t, invocation{env: env, args: []string{"amounts", "--json"}})
		jsons = append(jsons, stdout)
	}
	if jsons[0] != jsons[1] || jsons[0] != jsons[2] || !json.Valid([]byte(jsons[0])) {
		t.Error("amounts --json depends on $COLUMNS")
	}
	// --width wins over $COLUMNS; the full table with its note column
	// when it fits.
	stdout, _, _ := runWith(t, invocation{env: []string{"COLUMNS=80"}, args: []string{"amounts", "--width", "400"}})
	if !strings.HasPrefix(stdout, "PARAMETER") || !strings.Contains(strings.SplitN(stdout, "\n", 2)[0], "NOTITIE") {
		t.Errorf("--width 400: %.200s", stdout)
	}
}

func TestAmountsLayouts(t *testing.T) {
	from, err := params.ParseDate("2024-07-01")
	if err != nil {
		t.Fatal(err)
	}
	ps := []params.Param{{
		Name: "a.b", Unit: "EUR", Source: params.Source{Article: "17", Paragraph: "1"},
		Values: []params.Value{{From: from, Note: "een heel lange notitie die over meer dan een regel loopt als het scherm smal is"}},
	}}
	got := amountsText(ps, 40)
	want := "a.b (EUR)\n  bron: art. 17 lid 1\n  vanaf 2024-07-01  0\n    een heel lange notitie die over meer\n    dan een regel loopt als het scherm\n    smal is\n"
	if got != want {
		t.Errorf("40 columns:\n%s\nwant:\n%s", got, want)
	}
}

// TestCalcWithoutDate: an input without "date" is calculated for today (or
// --date), and calc says so on stderr and in --json; a date in the input
// wins and is not remarked on.
func TestCalcWithoutDate(t *testing.T) {
	t.Parallel()
	in := `{"age": 40, "months_on_benefit": 40, "exit": "full"}`
	stdout, stderr, code := runWith(t, invocation{stdin: in, args: []string{"calc", "uitstroompremie", "--input", "-"}})
	if code != 0 || !strings.Contains(stdout, "uitstroompremie: ja") || !strings.Contains(stderr, `no "date" in the input; calculated for today, 20`) {
		t.Errorf("exit %d, stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	stdout, stderr, code = runWith(t, invocation{stdin: in, args: []string{"calc", "uitstroompremie", "--input", "-", "--json", "--date", "2025-03-01"}})
	var res struct {
		Eligible    bool
		AssumedDate string `json:"assumed_date"`
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil || code != 0 || !res.Eligible || res.AssumedDate != "2025-03-01" ||
		!strings.Contains(stderr, "calculated for --date, 2025-03-01") {
		t.Errorf("exit %d, %v, stdout:\n%s\nstderr:\n%s", code, err, stdout, stderr)
	}
	dated := `{"date": "2025-03-01", "age": 40, "months_on_benefit": 40, "exit": "full"}`
	stdout, stderr, code = runWith(t, invocation{stdin: dated, args: []string{"calc", "uitstroompremie", "--input", "-", "--json"}})
	if code != 0 || stderr != "" || strings.Contains(stdout, "assumed_date") {
		t.Errorf("with a date: exit %d, stderr %q, stdout:\n%s", code, stderr, stdout)
	}
	// A wrong date stays wrong: it is the input's, not a missing one.
	_, stderr, code = runWith(t, invocation{stdin: `{"date": "gisteren", "age": 40, "months_on_benefit": 40, "exit": "full"}`, args: []string{"calc", "uitstroompremie", "--input", "-"}})
	if code != 1 || !strings.Contains(stderr, "date") {
		t.Errorf("wrong date: exit %d, %s", code, stderr)
	}
}

func TestWithDate(t *testing.T) {
	d, _ := params.ParseDate("2026-01-02")
	for in, want := range map[string]string{
		`{}`:                    `{"date": "2026-01-02"}`,
		" \n{ }":                `{"date": "2026-01-02" }`,
		`{"age": 1}`:            `{"date": "2026-01-02","age": 1}`,
		`{"date": null}`:        `{"date": null}`,
		`[1]`:                   `[1]`,
		`null`:                  `null`,
		`{"age": `:              `{"age": `,
		`{"date": "x", "a": 1}`: `{"date": "x", "a": 1}`,
	} {
		got, _ := withDate([]byte(in), d)
		if string(got) != want {
			t.Errorf("withDate(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestAmountsChanges: --changes DATE lists what changes on that date with
// the value before it; a date without changes says so; a bad date is one
// clear error.
func TestAmountsChanges(t *testing.T) {
	t.Parallel()
	stdout, stderr, code := runWith(t, invocation{args: []string{"amounts", "--changes", "2025-01-01"}})
	want := "Wijzigingen op 2025-01-01:\n\n" +
		"PARAMETER                                EENHEID   WAS      WORDT\n" +
		"minimumloon.per_uur                      EUR/hour  13.68    14.06\n" +
		"participatiepremie.bedrag                EUR       1050.00  1050.00  ongewijzigd\n" +
		"participatiepremie.voortzetting_maximum  EUR       2100.00  2100.00  ongewijzigd\n"
	if code != 0 || stdout != want {
		t.Errorf("exit %d, stderr %s, stdout:\n%s\nwant:\n%s", code, stderr, stdout, want)
	}
	stdout, _, _ = runWith(t, invocation{args: []string{"amounts", "--changes", "2025-07-01", "--json"}})
	var js struct {
		Date    string `json:"date"`
		Changes []struct{ Name, Old, Value string }
	}
	if err := json.Unmarshal([]byte(stdout), &js); err != nil || js.Date != "2025-07-01" || len(js.Changes) != 1 || js.Changes[0].Name != "minimumloon.per_uur" || js.Changes[0].Old != "14.06" || js.Changes[0].Value != "14.40" {
		t.Errorf("--json: %v\n%s", err, stdout)
	}
	if stdout, _, code := runWith(t, invocation{args: []string{"amounts", "--changes", "2025-02-01"}}); code != 0 || stdout != "Geen wijzigingen op 2025-02-01.\n" {
		t.Errorf("no changes: exit %d: %q", code, stdout)
	}
	if _, stderr, code := runWith(t, invocation{args: []string{"amounts", "--changes", "1-1-2025"}}); code != 1 || !strings.Contains(stderr, `--changes "1-1-2025": not a date of the form YYYY-MM-DD`) {
		t.Errorf("bad date: exit %d: %s", code, stderr)
	}
}
