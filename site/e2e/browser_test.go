package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	stdpng "image/png"
	"maps"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/regelgids/regelgids/site/project"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/regelgids/regelgids/calculators"
	"github.com/regelgids/regelgids/calculators/params"
	"github.com/regelgids/regelgids/content"
	"github.com/regelgids/regelgids/site"
	"github.com/regelgids/regelgids/templates"
)

// testDate fixes the amounts, whatever today is.
var testDate = params.Date{Year: 2025, Month: 7, Day: 1}

var (
	siteOnce sync.Once
	siteURL  string
	siteErr  error
)

// serveSite builds the site once and serves it on a loopback port for the
// whole test binary.
func serveSite(t *testing.T) string {
	t.Helper()
	siteOnce.Do(func() {
		dir, err := os.MkdirTemp("", "regelgids-e2e-*")
		if err != nil {
			siteErr = err
			return
		}
		out := filepath.Join(dir, "public")
		if _, siteErr = site.Build(site.Options{Content: content.Default(), Templates: templates.Default(), Out: out, Date: testDate}); siteErr != nil {
			return
		}
		siteURL = httptest.NewServer(site.NewHandler(out)).URL
	})
	if siteErr != nil {
		t.Fatal(siteErr)
	}
	return siteURL
}

// chromium finds Debian's chromium. Outside CI a machine without it skips
// the browser tests; in CI (CI set) that is a failure: .ci/run installs it.
func chromium(t *testing.T) string {
	t.Helper()
	for _, p := range []string{os.Getenv("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"} {
		if p != "" {
			if _, err := os.Stat(p); err == nil {
				return p
			}
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("Chromium is not installed; .ci/run installs it with apt-get install chromium")
	}
	t.Skip("Chromium is not installed (apt-get install chromium); the browser tests need it")
	return ""
}

// browser starts a headless Chromium for one test and collects console
// errors, exceptions and failed loads.
type browser struct {
	ctx    context.Context
	mu     sync.Mutex
	errors []string
}

func newBrowser(t *testing.T) *browser {
	t.Helper()
	profile, err := os.MkdirTemp("", "regelgids-chromium-*")
	if err != nil {
		t.Fatal(err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)),
		chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 900),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() {
		chromedp.Cancel(ctx) // closes the browser and waits for it
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
		os.RemoveAll(profile)
	})
	b := &browser{ctx: ctx}
	chromedp.ListenTarget(ctx, func(ev any) {
		b.mu.Lock()
		defer b.mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.APITypeError {
				var parts []string
				for _, a := range ev.Args {
					parts = append(parts, string(a.Value))
				}
				b.errors = append(b.errors, "console.error: "+strings.Join(parts, " "))
			}
		case *runtime.EventExceptionThrown:
			b.errors = append(b.errors, "exception: "+ev.ExceptionDetails.Error())
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.LevelError {
				b.errors = append(b.errors, "log: "+ev.Entry.Text+" "+ev.Entry.URL)
			}
		}
	})
	if err := chromedp.Run(ctx, log.Enable(), runtime.Enable()); err != nil {
		t.Fatal(err)
	}
	return b
}

func (b *browser) run(t *testing.T, actions ...chromedp.Action) {
	t.Helper()
	if err := chromedp.Run(b.ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// takeErrors returns and clears the errors seen so far.
func (b *browser) takeErrors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	e := b.errors
	b.errors = nil
	return e
}

// checkErrors fails the test on every error the browser reported since
// the last check or take (console errors, failed requests); where, unless
// empty, names the page in front of each.
func (b *browser) checkErrors(t *testing.T, where string) {
	t.Helper()
	for _, e := range b.takeErrors() {
		if where == "" {
			t.Error(e)
		} else {
			t.Errorf("%s: %s", where, e)
		}
	}
}

// axeSource returns axe-core's script: from AXE_CORE_JS, or installed from
// the npm registry into the user cache (not into the repository).
func axeSource(t *testing.T) string {
	t.Helper()
	path := os.Getenv("AXE_CORE_JS")
	if path == "" {
		cache, err := os.UserCacheDir()
		if err != nil {
			cache = os.TempDir()
		}
		prefix := filepath.Join(cache, "regelgids", "npm")
		path = filepath.Join(prefix, "node_modules", "axe-core", "axe.min.js")
		if _, err := os.Stat(path); err != nil {
			cmd := exec.Command("npm", "install", "--no-audit", "--no-fund", "--prefix", prefix, "axe-core@4")
			if msg, err := cmd.CombinedOutput(); err != nil {
				if os.Getenv("CI") != "" {
					t.Fatalf("npm install axe-core: %v\n%s", err, msg)
				}
				t.Skipf("axe-core is not available (npm install failed: %v)", err)
			}
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

type violation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

const axeRun = `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, resultTypes: ["violations"]})
  .then(r => JSON.stringify({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(" "))})), passes: r.passes.length}))`

func awaitPromise(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }

// shotDir is where screenshots go for review: REGELGIDS_SCREENSHOTS or a
// temporary folder.
func shotDir(t *testing.T) string {
	dir := os.Getenv("REGELGIDS_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "regelgids-screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// checkAxe runs axe-core (its script in axe) on the page b shows and fails
// the test on every WCAG 2.0/2.1 A or AA violation, naming where. It
// returns how many violations there were and how many rules passed, for a
// report.
func checkAxe(t *testing.T, b *browser, axe, where string) (violations, passes int) {
	t.Helper()
	var res string
	b.run(t, chromedp.Evaluate(axe, nil), chromedp.Evaluate(axeRun, &res, awaitPromise))
	var out struct {
		Violations []violation
		Passes     int
	}
	if err := json.Unmarshal([]byte(res), &out); err != nil {
		t.Fatal(err)
	}
	for _, v := range out.Violations {
		t.Errorf("%s: axe %s (%s): %s at %v", where, v.ID, v.Impact, v.Help, v.Nodes)
	}
	return len(out.Violations), out.Passes
}

// pageTypes are one page of every kind, by Dutch path; English adds /en.
var pageTypes = map[string]string{
	"home":          "/",
	"article":       "/artikel/6/",
	"ordinance":     "/verordening/",
	"explanation":   "/toelichting/",
	"guide":         "/voorzieningen/uitstroompremie/",
	"guides":        "/voorzieningen/",
	"glossary":      "/begrippen/",
	"calculator":    "/rekenhulp/uitstroompremie/",
	"calculators":   "/rekenhulp/",
	"search":        "/zoeken/",
	"review":        "/leesbaarheid/",
	"review-page":   "/leesbaarheid/artikel/3/",
	"review-report": "/leesbaarheid/rapport/",
	"accessibility": "/toegankelijkheid/",
	"privacy":       "/privacy/",
	"changes":       "/wijzigingen/",
	"404":           "/bestaat-niet/",
}

// TestAccessibility runs axe-core on every page type in both languages and
// fails on any WCAG 2.0/2.1 A or AA violation and on any console error. It
// also follows the language switch and checks it lands on the counterpart.
func TestAccessibility(t *testing.T) {
	t.Parallel()
	base := serveSite(t)
	b := newBrowser(t)
	axe := axeSource(t)
	var report []string
	for _, kind := range sortedKeys(pageTypes) {
		for _, prefix := range []string{"", "/en"} {
			path := prefix + pageTypes[kind]
			if kind == "404" && prefix == "/en" {
				path = "/en/bestaat-niet/"
			}
			b.run(t, chromedp.Navigate(base+path), chromedp.WaitReady("body"))
			violations, passes := checkAxe(t, b, axe, path)
			for _, e := range b.takeErrors() {
				if kind == "404" && strings.Contains(e, "status of 404") && strings.HasSuffix(e, path) {
					continue // the 404 page itself is served with status 404, as it should be
				}
				t.Errorf("%s: %s", path, e)
			}
			report = append(report, fmt.Sprintf("%-12s %-34s violations %d, rules passed %d", kind, path, violations, passes))

			if kind == "404" {
				continue // the 404 page's switch leads to the other 404 page, not a counterpart
			}
			var landed string
			want := strings.TrimPrefix(path, "/en")
			if prefix == "" {
				want = "/en" + path
			}
			b.run(t, chromedp.Click("a.rg-lang", chromedp.ByQuery), chromedp.WaitReady("body"),
				chromedp.Evaluate(`location.pathname`, &landed))
			if landed != want {
				t.Errorf("%s: the language switch leads to %s, want %s", path, landed, want)
			}
		}
	}
	t.Logf("axe-core results per page type:\n%s", strings.Join(report, "\n"))
}

// sortedKeys are a map's keys in order, so tests run and report the same way each time.
func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }

// TestCalculatorsInBrowser fills every calculator form with every example,
// submits it, and compares the amount on the page with the rule package's.
func TestCalculatorsInBrowser(t *testing.T) {
	t.Parallel()
	base := serveSite(t)
	b := newBrowser(t)
	p := loadProject(t)
	date := "2025-03-01"
	d, _ := params.ParseDate(date)
	checked := 0
	for _, name := range p.Calculators.Names() {
		for _, ex := range calculators.Examples(name) {
			input := ex.WithDate(d)
			res, err := p.Calculators.RunTable(name, input, p.Params)
			if err != nil {
				t.Fatal(err)
			}
			want := res.Summary()
			var fields map[string]any
			json.Unmarshal(input, &fields)
			actions := []chromedp.Action{chromedp.Navigate(base + "/rekenhulp/" + name + "/"), chromedp.WaitVisible("#rekenhulp", chromedp.ByID)}
			for field, v := range fields {
				actions = append(actions, fill(field, v)...)
			}
			var shown, verdict, result string
			actions = append(actions,
				chromedp.Click(`#rekenhulp button[type=submit]`, chromedp.ByQuery),
				chromedp.WaitVisible(`#uitkomst-titel`, chromedp.ByID),
				chromedp.Evaluate(`(document.querySelector("#uitkomst .rg-result__amounts dd") || {}).textContent || ""`, &shown),
				chromedp.Text(`#uitkomst .rg-result__verdict`, &verdict, chromedp.ByQuery),
				chromedp.Text(`#uitkomst`, &result, chromedp.ByQuery),
			)
			b.run(t, actions...)
			// Without a subsidy or premium the page shows the outcome
			// sentence only, no amounts.
			if wantShown := map[bool]string{true: digits(want.Amount.String()), false: ""}[want.Eligible]; digits(shown) != wantShown {
				t.Errorf("%s, %s: page shows %q, rules give %s (eligible %v)", name, ex.Label["nl"], shown, want.Amount, want.Eligible)
			}
			for _, old := range []string{"(Participatiewet", "(Regeling", "€ 0,00", "€\u00a00,00", ", lid "} {
				if strings.Contains(result, old) {
					t.Errorf("%s, %s: result shows %q", name, ex.Label["nl"], old)
				}
			}
			if strings.Contains(verdict, "geen") == want.Eligible {
				t.Errorf("%s, %s: verdict %q, eligible %v", name, ex.Label["nl"], verdict, want.Eligible)
			}
			b.checkErrors(t, name)
			checked++
		}
	}
	t.Logf("%d calculator cases compared in the browser", checked)
}

// fill sets one form field to an example value the way a person would,
// typing numbers the Dutch way: amounts as "€ 2.500,00", percentages as
// "62,5 %", hours as "24,5".
func fill(field string, v any) []chromedp.Action {
	f := fieldNamed(field)
	switch v := v.(type) {
	case bool:
		id := "#in-" + field
		if !v {
			id += "-nee"
		}
		return []chromedp.Action{chromedp.Click(id, chromedp.ByQuery)}
	case float64:
		return []chromedp.Action{chromedp.SetValue("#in-"+field, dutchNumber(fmt.Sprint(v)), chromedp.ByQuery)}
	case string:
		if f.Kind == calculators.KindChoice {
			id := "#in-" + field
			if v != f.Choices[0] {
				id += "-" + v
			}
			return []chromedp.Action{chromedp.Click(id, chromedp.ByQuery)}
		}
		switch f.Kind {
		case calculators.KindMoney:
			v = "€ " + dutchNumber(v)
		case calculators.KindPercent:
			v = dutchNumber(v) + " %"
		}
		return []chromedp.Action{chromedp.SetValue("#in-"+field, v, chromedp.ByQuery)}
	}
	return nil
}

// fieldNamed finds a field of a calculator by its name; a name means the
// same kind of field in every calculator.
func fieldNamed(name string) calculators.Field {
	for _, r := range calculators.Rules() {
		if f, ok := r.Field(name); ok {
			return f
		}
	}
	return calculators.Field{}
}

// dutchNumber writes a plain number the Dutch way: "2500.00" as
// "2.500,00", "24.5" as "24,5".
func dutchNumber(s string) string {
	whole, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteString("," + frac)
	}
	return b.String()
}

var reDigits = regexp.MustCompile(`[^0-9]`)

// digits keeps the digits of an amount: "€ 1.050,00" and "1050.00" both
// give "105000".
func digits(s string) string { return reDigits.ReplaceAllString(s, "") }

// loadProject loads the project the site is built from.
func loadProject(t *testing.T) *project.Project {
	p, err := project.Load(content.Default(), testDate)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestCalculatorErrors: wrong input shows an error tied to its field, read
// by screen readers, and an error summary that takes focus.
func TestCalculatorErrors(t *testing.T) {
	t.Parallel()
	base := serveSite(t)
	b := newBrowser(t)
	var errText, describedBy, invalid, focused string
	var errHidden bool
	b.run(t,
		chromedp.Navigate(base+"/rekenhulp/uitstroompremie/"),
		chromedp.WaitVisible("#rekenhulp", chromedp.ByID),
		chromedp.SetValue("#in-age", "veertig", chromedp.ByID),
		chromedp.Click(`#rekenhulp button[type=submit]`, chromedp.ByQuery),
		chromedp.WaitVisible(`.rg-error-summary`, chromedp.ByQuery),
		chromedp.Text("#err-age", &errText, chromedp.ByID),
		chromedp.Evaluate(`document.getElementById("err-age").hidden`, &errHidden),
		chromedp.AttributeValue("#in-age", "aria-describedby", &describedBy, nil, chromedp.ByID),
		chromedp.AttributeValue("#in-age", "aria-invalid", &invalid, nil, chromedp.ByID),
		chromedp.Evaluate(`document.activeElement.className`, &focused),
	)
	if errText != "Vul een heel getal in, bijvoorbeeld 12" {
		t.Errorf("age error %q, want what to type", errText)
	}
	if errText == "" || errHidden || !strings.Contains(describedBy, "err-age") || invalid != "true" {
		t.Errorf("age error %q hidden=%v, aria-describedby %q, aria-invalid %q", errText, errHidden, describedBy, invalid)
	}
	if !strings.Contains(focused, "rg-error-summary") {
		t.Errorf("focus on %q, want the error summary", focused)
	}
	b.checkErrors(t, "")
}

// TestCalculatorBusy: from the tap on Bereken until the answer, the button
// says it is busy and a polite live region says "Even rekenen…"; then the
// result takes its place.
func TestCalculatorBusy(t *testing.T) {
	t.Parallel()
	base := serveSite(t)
	b := newBrowser(t)
	var during struct {
		Status, Live, Role, Disabled, Label string
	}
	var afterStatus, afterLabel string
	var afterDisabled bool
	b.run(t,
		chromedp.Navigate(base+"/rekenhulp/loonkostensubsidie-arbeidsbeperking/"),
		chromedp.WaitVisible("#rekenhulp", chromedp.ByID),
		chromedp.SetValue("#in-hours_per_week", "36", chromedp.ByID),
		chromedp.SetValue("#in-loonwaarde_percent", "50,5 %", chromedp.ByID),
		chromedp.SetValue("#in-hourly_wage", "€ 14,71", chromedp.ByID),
		// The click's handler marks the form busy before anything loads.
		chromedp.Evaluate(`(() => {
			const btn = document.querySelector("#rekenhulp button[type=submit]");
			btn.click();
			const st = document.querySelector("#rekenhulp [data-status]");
			return {Status: st.textContent, Live: st.getAttribute("aria-live"), Role: st.getAttribute("role"),
				Disabled: btn.getAttribute("aria-disabled"), Label: btn.textContent};
		})()`, &during),
		chromedp.WaitVisible(`#uitkomst-titel`, chromedp.ByID),
		chromedp.Text(`#rekenhulp [data-status]`, &afterStatus, chromedp.ByQuery),
		chromedp.Text(`#rekenhulp button[type=submit]`, &afterLabel, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelector("#rekenhulp button[type=submit]").hasAttribute("aria-disabled")`, &afterDisabled),
	)
	if during.Status != "Even rekenen…" || during.Live != "polite" || during.Role != "status" || during.Disabled != "true" || during.Label == "Bereken" {
		t.Errorf("while loading: %+v", during)
	}
	if afterStatus != "" || afterLabel != "Bereken" || afterDisabled {
		t.Errorf("after the result: status %q, button %q, aria-disabled %v", afterStatus, afterLabel, afterDisabled)
	}
	b.checkErrors(t, "")
}

// TestCalculatorTypedNumbers: numbers typed as residents type them, on the
// Dutch and the English page, give the amount the rule package gives for
// the same text (what regelgids calc prints).
func TestCalculatorTypedNumbers(t *testing.T) {
	t.Parallel()
	base := serveSite(t)
	b := newBrowser(t)
	p := loadProject(t)
	for _, tc := range []struct {
		page, calc string
		typed      map[string]string
	}{
		{"/rekenhulp/", "loonkostensubsidie-arbeidsbeperking", map[string]string{"hours_per_week": "24,5", "loonwaarde_percent": "60%", "hourly_wage": "€ 14,71"}},
		{"/en/rekenhulp/", "loonkostensubsidie-arbeidsbeperking", map[string]string{"hours_per_week": "24.5", "loonwaarde_percent": "62.5 %", "hourly_wage": "€14.71"}},
		{"/rekenhulp/", "loonkostensubsidie-kwetsbaar", map[string]string{"monthly_wage_costs": "2.600", "months_without_paid_work": "30", "age": "30"}},
		{"/en/rekenhulp/", "loonkostensubsidie-kwetsbaar", map[string]string{"monthly_wage_costs": "€1,100.00", "months_without_paid_work": "30", "age": "30"}},
	} {
		lang := "nl"
		if strings.HasPrefix(tc.page, "/en/") {
			lang = "en"
		}
		in := map[string]any{"lang": lang, "date": "2026-03-01"}
		actions := []chromedp.Action{chromedp.Navigate(base + tc.page + tc.calc + "/"), chromedp.WaitVisible("#rekenhulp", chromedp.ByID),
			chromedp.SetValue("#in-date", "2026-03-01", chromedp.ByID)}
		for f, v := range tc.typed {
			actions = append(actions, chromedp.SetValue("#in-"+f, v, chromedp.ByID))
			in[f] = v
			if fieldNamed(f).Kind == calculators.KindInt {
				in[f], _ = strconv.Atoi(v)
			}
		}
		if tc.calc == "loonkostensubsidie-kwetsbaar" {
			actions = append(actions, chromedp.Click("#in-has_start_qualification-nee", chromedp.ByID), chromedp.Click("#in-single_parent-nee", chromedp.ByID))
			in["has_start_qualification"], in["single_parent"] = false, false
		}
		var shown string
		actions = append(actions,
			chromedp.Click(`#rekenhulp button[type=submit]`, chromedp.ByQuery),
			chromedp.WaitVisible(`#uitkomst-titel`, chromedp.ByID),
			chromedp.Text(`#uitkomst dl dd`, &shown, chromedp.ByQuery))
		b.run(t, actions...)
		input, _ := json.Marshal(in)
		res, err := p.Calculators.RunTable(tc.calc, input, p.Params)
		if err != nil {
			t.Fatalf("%s: %v", input, err)
		}
		if want := res.Summary().Amount.String(); digits(shown) != digits(want) {
			t.Errorf("%s%s %v: page shows %q, rules give %s", tc.page, tc.calc, tc.typed, shown, want)
		}
	}
	b.checkErrors(t, "")
}

// TestWithoutJavaScript: every page type is readable, the calculators
// show their tables (and no dead form), and the search box leads to the
// A–Z page.
func TestWithoutJavaScript(t *testing.T) {
	t.Parallel()
	base := serveSite(t)
	b := newBrowser(t)
	b.run(t, emulation.SetScriptExecutionDisabled(true))
	for _, kind := range sortedKeys(pageTypes) {
		var h1 string
		b.run(t, chromedp.Navigate(base+pageTypes[kind]), chromedp.Text("h1", &h1, chromedp.ByQuery))
		if strings.TrimSpace(h1) == "" {
			t.Errorf("%s: no heading without JavaScript", kind)
		}
	}
	var formVisible bool
	var rows int
	b.run(t, chromedp.Navigate(base+"/rekenhulp/participatiepremie/"),
		chromedp.Evaluate(`getComputedStyle(document.getElementById("rekenhulp")).display !== "none"`, &formVisible),
		chromedp.Evaluate(`document.querySelectorAll(".rg-examples .rg-example").length`, &rows))
	if formVisible || rows < 5 {
		t.Errorf("without JavaScript: form visible %v, %d examples", formVisible, rows)
	}
	var landed string
	b.run(t, chromedp.Navigate(base+"/"),
		chromedp.SetValue(`form[role=search] input[name=q]`, "taxi", chromedp.ByQuery),
		chromedp.Submit(`form[role=search] input[name=q]`, chromedp.ByQuery),
		chromedp.WaitReady(`#alle-begrippen`, chromedp.ByID),
		chromedp.Evaluate(`location.pathname`, &landed))
	if landed != "/zoeken/" {
		t.Errorf("the search box leads to %s without JavaScript, want /zoeken/", landed)
	}
}

// TestScreenshots writes the home page, a guide and a calculator at phone
// and desktop widths to a folder for a person to look at.
func TestScreenshots(t *testing.T) {
	t.Parallel()
	base := serveSite(t)
	b := newBrowser(t)
	dir := os.Getenv("REGELGIDS_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "regelgids-screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	pages := map[string]string{"home": "/", "guide": "/voorzieningen/uitstroompremie/", "search": "/zoeken/?q=premie+als+ik+ga+werken",
		"review": "/leesbaarheid/", "screener": "/wat-past-bij-mij/", "changes": "/wijzigingen/"}
	// Each calculator with the answer to its first example.
	answered := map[string]string{}
	for _, name := range loadProject(t).Calculators.Names() {
		pages["calculator-"+name] = "/rekenhulp/" + name + "/"
		if ex := calculators.Examples(name); len(ex) > 0 {
			answered["calculator-"+name] = string(ex[0].Input)
		}
	}
	for _, name := range sortedKeys(pages) {
		for _, width := range []int64{360, 1280} {
			var png []byte
			var scrollWidth, headings int64
			b.run(t, emulation.SetDeviceMetricsOverride(width, 800, 1, width < 600),
				chromedp.Navigate(base+pages[name]), chromedp.WaitReady("body"))
			if input, ok := answered[name]; ok {
				var fields map[string]any
				json.Unmarshal([]byte(input), &fields)
				b.run(t, chromedp.WaitVisible("#rekenhulp", chromedp.ByID))
				for field, v := range fields {
					b.run(t, fill(field, v)...)
				}
				b.run(t, chromedp.Click(`#rekenhulp button[type=submit]`, chromedp.ByQuery), chromedp.WaitVisible(`#uitkomst-titel`, chromedp.ByID))
			}
			b.run(t, chromedp.Evaluate(`document.documentElement.scrollWidth`, &scrollWidth),
				chromedp.Evaluate(`document.querySelectorAll("main h1").length`, &headings),
				chromedp.FullScreenshot(&png, 100)) // quality 100 gives PNG
			// What the screenshot shows: the page at this width, without
			// sideways scrolling, with its heading.
			img, err := stdpng.DecodeConfig(bytes.NewReader(png))
			switch {
			case err != nil:
				t.Errorf("%s at %d px: not a PNG: %v", name, width, err)
			case int64(img.Width) != width || img.Height < 400:
				t.Errorf("%s at %d px: screenshot is %d×%d", name, width, img.Width, img.Height)
			}
			if scrollWidth > width {
				t.Errorf("%s at %d px: the page is %d px wide and scrolls sideways", name, width, scrollWidth)
			}
			if headings != 1 {
				t.Errorf("%s at %d px: %d h1 in main", name, width, headings)
			}
			file := filepath.Join(dir, fmt.Sprintf("%s-%d.png", name, width))
			if err := os.WriteFile(file, png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	t.Logf("screenshots in %s", dir)
}

// TestSearchWithKeyboard types queries into the search box with the
// keyboard only, checks the announced count and the first result, and
// follows it with the arrow keys and Enter to the right page and anchor.
func TestSearchWithKeyboard(t *testing.T) {
	t.Parallel()
	base := serveSite(t)
	b := newBrowser(t)
	cases := []struct{ start, query, wantPath string }{
		{"/", "taxi naar mijn werk", "/voorzieningen/vervoer-naar-werk/"},
		{"/artikel/6/", "jobcoch", "/voorzieningen/jobcoach/"},
		{"/en/", "bonus when I start working", "/en/voorzieningen/uitstroompremie/"},
	}
	for _, c := range cases {
		b.run(t, chromedp.Navigate(base+c.start), chromedp.WaitReady("body"))
		focused := ""
		for i := 0; i < 20 && focused != "zoeken-q"; i++ {
			b.run(t, chromedp.KeyEvent(kb.Tab), chromedp.Evaluate(`document.activeElement.id`, &focused))
		}
		if focused != "zoeken-q" {
			t.Fatalf("%s: Tab never reached the search box", c.start)
		}
		var status, firstHref, landedPath, landedHash string
		var anchorExists bool
		b.run(t,
			chromedp.KeyEvent(c.query),
			chromedp.WaitVisible(`[data-zoeken-list] a`, chromedp.ByQuery),
			// The count is announced once typing pauses.
			chromedp.Poll(`document.querySelector("[data-zoeken-status]").textContent`, &status, chromedp.WithPollingTimeout(5*time.Second)),
			chromedp.AttributeValue(`[data-zoeken-list] a`, "href", &firstHref, nil, chromedp.ByQuery),
			chromedp.KeyEvent(kb.ArrowDown),
			chromedp.KeyEvent(kb.Enter),
			chromedp.WaitReady("body"),
			chromedp.Sleep(300*time.Millisecond),
			chromedp.Evaluate(`location.pathname`, &landedPath),
			chromedp.Evaluate(`location.hash`, &landedHash),
			chromedp.Evaluate(`!location.hash || !!document.getElementById(decodeURIComponent(location.hash.slice(1)))`, &anchorExists),
		)
		if !strings.Contains(status, "resulta") && !strings.Contains(status, "result") {
			t.Errorf("%q: the live region says %q", c.query, status)
		}
		if landedPath != c.wantPath {
			t.Errorf("%q: first result %s led to %s%s, want %s", c.query, firstHref, landedPath, landedHash, c.wantPath)
		}
		if !anchorExists {
			t.Errorf("%q: landed on %s%s, but the page has no such anchor", c.query, landedPath, landedHash)
		}
		b.checkErrors(t, fmt.Sprintf("%q", c.query))
	}
}
