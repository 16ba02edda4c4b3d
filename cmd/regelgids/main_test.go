package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMain lets the test binary act as the regelgids command, so tests can
// check exit statuses and output streams of the real main.
func TestMain(m *testing.M) {
	if os.Getenv("REGELGIDS_AS_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// run runs regelgids with args and returns stdout, stderr and exit code.
func run(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	return runWith(t, invocation{args: args})
}

const ordinanceFile = "../../content/eemsdelta/verordening.txt"

func TestParseJSON(t *testing.T) {
	t.Parallel()
	stdout, stderr, code := run(t, "parse", ordinanceFile, "--json")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var doc struct {
		Title    string
		Metadata map[string]string
		Chapters []struct {
			Number, Title, Intro string
			Articles             []struct {
				Number, Title, Explanation string
				Paragraphs                 []struct {
					Number, Text string
					Items        []struct{ Label, Text string }
				}
			}
		}
		GeneralExplanation string `json:"general_explanation"`
		Signature          struct{ Text string }
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatal(err)
	}
	articles, leden, items := 0, 0, 0
	for _, c := range doc.Chapters {
		for _, a := range c.Articles {
			articles++
			if a.Explanation == "" {
				t.Errorf("article %s: no explanation", a.Number)
			}
			for _, p := range a.Paragraphs {
				if p.Number != "" {
					leden++
				}
				items += len(p.Items)
			}
		}
	}
	if len(doc.Chapters) != 3 || articles != 24 || leden != 70 || items != 34 {
		t.Errorf("chapters %d, articles %d, leden %d, onderdelen %d; want 3, 24, 70, 34", len(doc.Chapters), articles, leden, items)
	}
	if doc.Metadata["valid_from"] != "2024-07-10" || doc.Metadata["adopted"] != "2024-06-27" || doc.GeneralExplanation == "" || doc.Signature.Text == "" {
		t.Errorf("metadata %v", doc.Metadata)
	}
	// The command prints exactly the model the golden file pins.
	golden, err := os.ReadFile("../../site/ordinance/testdata/eemsdelta.golden")
	if err != nil {
		t.Fatal(err)
	}
	var a, b any
	json.Unmarshal(golden, &a)
	json.Unmarshal([]byte(stdout), &b)
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if !bytes.Equal(ja, jb) {
		t.Error("parse --json differs from site/ordinance/testdata/eemsdelta.golden")
	}
}

func TestParseContentFolder(t *testing.T) {
	t.Parallel()
	stdout, _, code := run(t, "parse")
	if code != 0 || !strings.Contains(stdout, "3 chapters, 24 articles, 70 leden, 34 onderdelen, 24 articles with toelichting") {
		t.Errorf("exit %d, output:\n%s", code, stdout)
	}
	stdout, _, _ = run(t, "parse", "--json")
	if !strings.Contains(stdout, `"municipality": "Eemsdelta"`) {
		t.Error("parse --json without FILE lacks the metadata file's municipality")
	}
}

func TestBadInputExitsOne(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"empty", []string{"parse", write("leeg.txt", "")}, "leeg.txt:1: empty file"},
		{"binary", []string{"parse", write("bin.txt", "\x00\x01\x02")}, "bin.txt:1: contains NUL bytes"},
		{"duplicate", []string{"parse", write("dup.txt", "X\nHoofdstuk 1. A\nArtikel 1. A\nTekst.\nArtikel 1. B\nTekst.\n")}, "dup.txt:5: article 1 appears twice (first at line 3)"},
		{"missing file", []string{"parse", filepath.Join(dir, "nope.txt")}, "nope.txt:1: file not found"},
		{"unknown command", []string{"frobnicate"}, "unknown command"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			stdout, stderr, code := run(t, c.args...)
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			if !strings.Contains(stderr, c.want) || stdout != "" {
				t.Errorf("stderr %q, stdout %q; want stderr to contain %q", stderr, stdout, c.want)
			}
			if strings.Contains(stderr, "panic") || strings.Contains(stderr, "goroutine") {
				t.Errorf("panic: %s", stderr)
			}
		})
	}
}

func TestBuild(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "public")
	stdout, stderr, code := run(t, "build", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var pages int
	if _, err := fmt.Sscanf(stdout, "built %d pages", &pages); err != nil || pages < 100 {
		t.Errorf("stdout %q: want more than 100 pages", stdout)
	}
	before, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}

	// A content folder with a broken ordinance: exit 1, output untouched.
	broken := t.TempDir()
	for _, name := range []string{"metadata.yaml", "verordening.txt"} {
		b, err := os.ReadFile(filepath.Join("../../content/eemsdelta", name))
		if err != nil {
			t.Fatal(err)
		}
		if name == "verordening.txt" {
			b = bytes.Replace(b, []byte("Artikel 12. Loonkostensubsidie"), []byte("Artikel 13. Loonkostensubsidie"), 1)
		}
		os.WriteFile(filepath.Join(broken, name), b, 0o644)
	}
	_, stderr, code = run(t, "build", "--out", out, "--content", broken)
	if code != 1 || !strings.Contains(stderr, "verordening.txt:367: article 13 follows 11: expected article 12") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	after, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if !bytes.Equal(before, after) {
		t.Error("a failed build changed the output folder")
	}
}

func TestCalc(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "in.json")
	os.WriteFile(in, []byte(`{"date": "2025-03-01", "age": 40, "months_on_benefit": 40, "exit": "partial", "monthly_income": "750.00"}`), 0o644)
	stdout, stderr, code := run(t, "calc", "uitstroompremie", "--input", in, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var res struct {
		Eligible bool
		Amount   string
		Reasons  []struct{ Article, Paragraph, Text string }
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatal(err)
	}
	if !res.Eligible || res.Amount != "300.00" || len(res.Reasons) == 0 || res.Reasons[len(res.Reasons)-1].Article != "17" {
		t.Errorf("result %+v", res)
	}
	stdout, _, code = run(t, "calc", "uitstroompremie", "--input", in)
	if code != 0 || !strings.Contains(stdout, "uitstroompremie: ja") || !strings.Contains(stdout, "300.00") || !strings.Contains(stdout, "[artikel 17 lid 2]") {
		t.Errorf("exit %d, output:\n%s", code, stdout)
	}

	// Bad input: every wrong field named, exit status 1.
	os.WriteFile(in, []byte(`{"date": "2023-01-01", "age": "veertig", "months_on_benefit": -3}`), 0o644)
	_, stderr, code = run(t, "calc", "uitstroompremie", "--input", in)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, field := range []string{"date", "age", "months_on_benefit", "exit"} {
		if !strings.Contains(stderr, field) {
			t.Errorf("stderr lacks field %s: %s", field, stderr)
		}
	}
	_, stderr, code = run(t, "calc", "bestaatniet", "--input", in)
	if code != 1 || !strings.Contains(stderr, "bestaatniet") {
		t.Errorf("unknown calculator: exit %d, %s", code, stderr)
	}
}

func TestAmounts(t *testing.T) {
	t.Parallel()
	stdout, _, code := run(t, "amounts")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"uitstroompremie.volledig", "minimumloon.per_uur", "2025-07-01", "14.40", "art. 17 lid 1"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("amounts lacks %q", want)
		}
	}
}

func TestCheck(t *testing.T) {
	t.Parallel()
	stdout, stderr, code := run(t, "check", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rep struct {
		Documents []struct {
			URL, Kind, Lang string
			Pass            bool
			Metrics         map[string]any
			Problems        []struct{ Sentence, Reason string }
		}
		Consistency []struct{ Kind, Article, Message string }
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, d := range rep.Documents {
		kinds[d.Lang+" "+d.Kind]++
		if (d.Kind == "guide" || d.Kind == "glossary") && !d.Pass {
			t.Errorf("%s does not pass B1: %v", d.URL, d.Problems)
		}
		if d.Metrics["avg_sentence_words"] == nil {
			t.Errorf("%s: no metrics", d.URL)
		}
	}
	if kinds["nl guide"] != 17 || kinds["en guide"] != 17 || kinds["nl article"] != 24 || kinds["nl glossary"] < 40 || kinds["en explanation"] != 24 {
		t.Errorf("documents per kind: %v", kinds)
	}
	dates := 0
	for _, f := range rep.Consistency {
		if f.Kind == "date" && f.Article == "23" {
			dates++
		}
	}
	if dates != 1 || len(rep.Consistency) < 10 {
		t.Errorf("consistency findings: %d (date on article 23: %d)", len(rep.Consistency), dates)
	}

	// A guide that slips above B1 makes check fail.
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../content/eemsdelta")); err != nil {
		t.Fatal(err)
	}
	guide := filepath.Join(dir, "gidsen/nl/scholing.md")
	b, _ := os.ReadFile(guide)
	os.WriteFile(guide, bytes.Replace(b, []byte("## Wat is het?\n"), []byte("## Wat is het?\n\nDe scholing wordt door de gemeente ambtshalve toegekend aan inwoners die naar het oordeel van de gemeente onvoldoende vaardigheden bezitten om zonder aanvullende ondersteuning betaald werk te verkrijgen of te behouden.\n"), 1), 0o644)
	stdout, stderr, code = run(t, "check", "--lang", "nl", "--content", dir)
	if code != 1 || !strings.Contains(stdout, "zin van") || !strings.Contains(stdout, "lijdende vorm") || !strings.Contains(stderr, "fail B1") {
		t.Errorf("exit %d, stderr %q, stdout:\n%.2000s", code, stderr, stdout)
	}
}
