package site_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/regelgids/regelgids/calculators"
	"github.com/regelgids/regelgids/calculators/params"
	"github.com/regelgids/regelgids/content"
	"github.com/regelgids/regelgids/site"
	"github.com/regelgids/regelgids/site/project"
)

// TestCalculatorFormsFromSchema: every form asks exactly the fields of its
// rule's schema, in the schema's order, each with its kind, and marks the
// fields that may stay empty; every field has a label in both languages.
func TestCalculatorFormsFromSchema(t *testing.T) {
	t.Parallel()
	out := generate(t)
	p, err := project.Load(content.Default(), testDate)
	if err != nil {
		t.Fatal(err)
	}
	amounts := p.Amount // a field governed by a parameter the site lacks is not asked
	field := regexp.MustCompile(`data-field="([^"]+)" data-kind="([^"]+)" data-label="[^"]*"[^>]*>\s*<(?:label|legend)[^>]*>[^<]*(<span class="rg-optional">)?`)
	for _, prefix := range []string{"", "en/"} {
		for _, name := range published(t) {
			page := string(out[prefix+"rekenhulp/"+name+"/index.html"])
			var got, want []string
			for _, m := range field.FindAllStringSubmatch(page, -1) {
				got = append(got, m[1]+":"+m[2]+":"+strconv.FormatBool(m[3] != ""))
			}
			for _, f := range calculators.Lookup(name).FieldsFor(amounts) {
				want = append(want, f.Name+":"+string(f.Kind)+":"+strconv.FormatBool(f.Optional()))
			}
			if strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("%s%s: form\n%v\nschema\n%v", prefix, name, got, want)
			}
		}
	}
}

// published are the calculators content/eemsdelta publishes.
func published(t *testing.T) []string {
	p, err := project.Load(content.Default(), testDate)
	if err != nil {
		t.Fatal(err)
	}
	return p.Calculators.Names()
}

func TestCalculatorPages(t *testing.T) {
	out := generate(t)
	if names := published(t); strings.Join(names, ",") != strings.Join(calculators.Names(), ",") {
		t.Errorf("Eemsdelta publishes %v, want every rule", names)
	}
	for _, prefix := range []string{"", "en/"} {
		for _, name := range published(t) {
			page := string(out[prefix+"rekenhulp/"+name+"/index.html"])
			if page == "" {
				t.Fatalf("%srekenhulp/%s missing", prefix, name)
			}
			rows := strings.Count(page, `<li class="rg-example">`)
			if d := strings.Count(page, `<details class="rg-example__why">`); d != rows {
				t.Errorf("%s%s: %d examples, %d with their reasons behind a details", prefix, name, rows, d)
			}
			for _, old := range []string{"(Participatiewet", "(Regeling", "€ 0,00", "€0.00", ", lid "} {
				if strings.Contains(page, old) {
					t.Errorf("%s%s shows %q", prefix, name, old)
				}
			}
			if rows != len(calculators.Examples(name)) || rows < 5 {
				t.Errorf("%s%s: %d example rows, want %d", prefix, name, rows, len(calculators.Examples(name)))
			}
			for _, want := range []string{`<form class="rg-calc"`, `data-calculator="` + name + `"`, `aria-live="polite"`, `aria-describedby="`, `js/rekenhulp.`} {
				if !strings.Contains(page, want) {
					t.Errorf("%s%s lacks %q", prefix, name, want)
				}
			}
		}
	}
	// The amounts the browser uses: one set per period since the ordinance,
	// and the binding with the citations.
	var amounts struct {
		Sets []struct {
			Date   string
			Values map[string]struct{ Value, Unit, From string }
		}
		Binding json.RawMessage
	}
	if err := json.Unmarshal(out[out.Hashed(site.AmountsFile)], &amounts); err != nil {
		t.Fatal(err)
	}
	if len(amounts.Sets) < 3 || amounts.Sets[0].Date != "2024-07-01" || amounts.Sets[0].Values["uitstroompremie.volledig"].Value != "600.00" {
		t.Errorf("bedragen.json: %+v", amounts.Sets)
	}
	b, err := calculators.ParseBinding(amounts.Binding)
	if err != nil {
		t.Fatal(err)
	}
	if c, ok := b.Calculator("uitstroompremie"); !ok || c.Cites["bbz"] != (calculators.Cite{Article: "17", Paragraph: "5"}) || b.Effective.Date.String() != "2024-07-01" {
		t.Errorf("bedragen.json binding: %s", amounts.Binding)
	}
	// The module and its pre-compressed copy.
	wasm := out.Hashed(site.WASMFile)
	zr, err := gzip.NewReader(bytes.NewReader(out[wasm+".gz"]))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(zr)
	if !bytes.Equal(raw, out[wasm]) || !bytes.HasPrefix(raw, []byte("\x00asm")) {
		t.Error("calculators.wasm.gz does not hold calculators.wasm")
	}
	if gz := len(out[wasm+".gz"]); gz > 1<<20 {
		t.Errorf("calculators.wasm is %d bytes gzip, over the 1 MB budget", gz)
	}
	if len(out[out.Hashed(site.WASMExecFile)]) == 0 {
		t.Error("wasm_exec.js missing")
	}
}

// TestBrowserModuleMatchesRules runs the built module under node with the
// built amounts file, the way the page does, on every example, and compares
// each answer with the rule package's own.
func TestBrowserModuleMatchesRules(t *testing.T) {
	t.Parallel()
	node := nodePath(t)
	out := generate(t)
	type job struct {
		Name  string          `json:"name"`
		Input json.RawMessage `json:"input"`
	}
	var jobs []job
	var want []string
	p := mustProject(t)
	table := p.Params
	for _, name := range p.Calculators.Names() {
		for _, ex := range calculators.Examples(name) {
			for _, date := range []string{"2024-09-01", "2025-03-01", "2025-10-01"} {
				d, _ := params.ParseDate(date)
				in := ex.WithDate(d)
				jobs = append(jobs, job{Name: name, Input: in})
				res, err := p.Calculators.RunTable(name, in, table)
				if err != nil {
					t.Fatal(err)
				}
				b, _ := res.MarshalJSON()
				want = append(want, string(b))
			}
		}
	}
	got := runModule(t, node, out, []string{site.AmountsFile}, jobs, `
  const amounts = JSON.parse(fs.readFileSync("bedragen.json"));
  const sets = amounts.sets, binding = JSON.stringify(amounts.binding);
  const out = jobs.map((j) => {
    let set = sets[0];
    for (const s of sets) if (s.date <= j.input.date) set = s;
    return globalThis.regelgidsCalc(j.name, JSON.stringify(j.input), JSON.stringify(set), binding);
  });`)
	if len(got) != len(want) {
		t.Fatalf("%d answers for %d jobs", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%s %s:\nbrowser %s\nrules   %s", jobs[i].Name, jobs[i].Input, got[i], want[i])
		}
	}
}

// nodePath finds Node.js, which the tests that run the WebAssembly module
// need.
func nodePath(t *testing.T) string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("node is needed to run the WebAssembly module: install Node.js")
	}
	return node
}

// runModule runs the built WebAssembly module under node the way a page
// loads it (wasm_exec.js, then calculators.wasm), with the built files
// named beside it under their plain names and jobs as jobs.json. body is
// JavaScript that sees fs and jobs and sets const out to one string per
// job; runModule returns those strings.
func runModule(t *testing.T, node string, out site.Output, files []string, jobs any, body string) []string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range append([]string{site.WASMFile, site.WASMExecFile}, files...) {
		os.WriteFile(filepath.Join(dir, filepath.Base(f)), out[out.Hashed(f)], 0o644)
	}
	jb, _ := json.Marshal(jobs)
	os.WriteFile(filepath.Join(dir, "jobs.json"), jb, 0o644)
	script := `
const fs = require("fs");
globalThis.require = require;
require("./wasm_exec.js");
const go = new Go();
WebAssembly.instantiate(fs.readFileSync("calculators.wasm"), go.importObject).then((r) => {
  go.run(r.instance);
  const jobs = JSON.parse(fs.readFileSync("jobs.json"));` + body + `
  fs.writeFileSync("answers.json", JSON.stringify(out));
  process.exit(0);
});`
	os.WriteFile(filepath.Join(dir, "run.js"), []byte(script), 0o644)
	cmd := exec.Command(node, "run.js")
	cmd.Dir = dir
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("node: %v\n%s", err, msg)
	}
	var got []string
	b, _ := os.ReadFile(filepath.Join(dir, "answers.json"))
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	return got
}

// mustProject loads content/eemsdelta.
func mustProject(t *testing.T) *project.Project {
	p, err := project.Load(content.Default(), testDate)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestAmountsMustMatchOrdinance: a data file that disagrees with an amount
// the ordinance states stops the build, naming the line of the article.
func TestAmountsMustMatchOrdinance(t *testing.T) {
	fsys := copyFS(t, content.Default())
	f := fsys[project.ParametersFile]
	f.Data = bytes.Replace(f.Data, []byte(`{from: 2024-07-01, value: "300.00"}`), []byte(`{from: 2024-07-01, value: "350.00"}`), 1)
	_, err := project.Load(fsys, testDate)
	if err == nil || !strings.Contains(err.Error(), "verordening.txt:433: artikel 17 lid 2 says 300 / 700, but parameters.yaml gives uitstroompremie.gedeeltelijk = 350 on 2024-07-01") {
		t.Errorf("error = %v", err)
	}
	// A later indexation is data, not a disagreement.
	fsys = copyFS(t, content.Default())
	fsys[project.ParametersFile] = &fstest.MapFile{Data: bytes.Replace(fsys[project.ParametersFile].Data,
		[]byte(`    - {from: 2024-07-01, value: "300.00"}`), []byte("    - {from: 2024-07-01, value: \"300.00\"}\n    - {from: 2026-01-01, value: \"325.00\"}"), 1)}
	if _, err := project.Load(fsys, testDate); err != nil {
		t.Errorf("indexed amount refused: %v", err)
	}
	// An indexation that lifts the full premium above the maximum of
	// artikel 17 lid 3 contradicts the ordinance (at_most in the data).
	fsys = copyFS(t, content.Default())
	fsys[project.ParametersFile] = &fstest.MapFile{Data: bytes.Replace(fsys[project.ParametersFile].Data,
		[]byte(`    - {from: 2024-07-01, value: "600.00"}`), []byte("    - {from: 2024-07-01, value: \"600.00\"}\n    - {from: 2026-01-01, value: \"625.00\"}"), 1)}
	_, err = project.Load(fsys, testDate)
	if err == nil || err.Error() != "parameters.yaml:34: from 2026-01-01 uitstroompremie.volledig is 625, more than uitstroompremie.maximum (600); the ordinance does not allow that" {
		t.Errorf("error = %v", err)
	}
}

// TestDatePicksAmounts: --date publishes the amounts in force that day and
// says which year they belong to.
func TestDatePicksAmounts(t *testing.T) {
	t.Parallel()
	build := func(date string) string {
		d, _ := params.ParseDate(date)
		opts := defaultOptions("")
		opts.Date = d
		_, out, err := site.Generate(opts)
		if err != nil {
			t.Fatal(err)
		}
		return string(out["voorzieningen/loonkostensubsidie-arbeidsbeperking/index.html"])
	}
	early, late := build("2024-08-01"), build("2026-02-01")
	if !strings.Contains(early, "€\u00a013,68\u00a0per uur") || !strings.Contains(early, "gelden in 2024") {
		t.Error("2024 build lacks the 2024-07-01 minimum wage or its year")
	}
	if !strings.Contains(late, "€\u00a014,71\u00a0per uur") || !strings.Contains(late, "gelden in 2026") {
		t.Error("2026 build lacks the 2026-01-01 minimum wage or its year")
	}
}
