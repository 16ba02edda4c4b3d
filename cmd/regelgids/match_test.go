package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMatch runs regelgids match on the three resident stories of issue
// 15, from a file and from standard input, as text and as JSON, and on
// wrong input.
func TestMatch(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "in.json")
	os.WriteFile(in, []byte(`{"age": 40, "benefit": "algemene_bijstand", "months_on_benefit": 48, "benefit_stops_for_work": true, "self_employed_bbz": false}`), 0o644)
	stdout, stderr, code := run(t, "match", "--input", in, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var res struct {
		Voorzieningen []struct {
			Slug, Fit string
			Reasons   []struct{ Article, Paragraph, Text string }
		}
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatal(err)
	}
	fits := map[string]string{}
	for _, v := range res.Voorzieningen {
		fits[v.Slug] = v.Fit
		if len(v.Reasons) == 0 {
			t.Errorf("%s: no reasons", v.Slug)
		}
	}
	if fits["uitstroompremie"] != "yes" || fits["participatieplaats"] != "maybe" || res.Voorzieningen[0].Fit != "yes" || len(fits) < 15 {
		t.Errorf("40 after four years of bijstand: %v", fits)
	}
	// Standard input, text, English.
	stdout, stderr, code = runWith(t, invocation{args: []string{"match", "--input", "-"}, stdin: `{"age": 30, "benefit": "none", "uwv_beschut_werk": true, "lang": "en"}`})
	if code != 0 || !strings.HasPrefix(stdout, "yes       beschut-werk\n") || !strings.Contains(stdout, "[article 7 paragraph 1]") {
		t.Errorf("exit %d %s, output:\n%s", code, stderr, stdout)
	}
	// Wrong input: the calculators' messages, every field, exit 1.
	_, stderr, code = runWith(t, invocation{args: []string{"match", "--input", "-"}, stdin: `{"age": "veertig", "benefit": "wajong", "extra": 1}`})
	if code != 1 || !strings.Contains(stderr, "-: ongeldige invoer: age: Vul een heel getal in") || !strings.Contains(stderr, `benefit: moet "algemene_bijstand" of`) || !strings.Contains(stderr, "extra: is geen veld") {
		t.Errorf("exit %d, stderr %s", code, stderr)
	}
	if _, stderr, code = run(t, "match"); code != 1 || !strings.Contains(stderr, "--input FILE is required") {
		t.Errorf("no --input: exit %d, %s", code, stderr)
	}
	if _, stderr, code = run(t, "match", "--input", "/dev/zero"); code != 1 || !strings.Contains(stderr, "/dev/zero: not a regular file") {
		t.Errorf("/dev/zero: exit %d, %s", code, stderr)
	}
}
