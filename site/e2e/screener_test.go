package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/regelgids/regelgids/calculators"
	"github.com/regelgids/regelgids/site/project"
)

// screenerStory is a resident's answers, by field, as the form's values
// (calculators.Choice.Value); a question not named is answered "weet ik
// niet".
type screenerStory struct {
	name    string
	lang    string
	answers map[string]string
}

var screenerStories = []screenerStory{
	{"24-zonder-diploma", "nl", map[string]string{"age": "18", "benefit": `"algemene_bijstand"`, "start_qualification": "false"}},
	{"40-na-vier-jaar-bijstand", "en", map[string]string{"age": "27", "benefit": `"algemene_bijstand"`, "months_on_benefit": "36", "benefit_stops_for_work": "true", "self_employed_bbz": "false"}},
	{"uwv-beschut-werk", "nl", map[string]string{"age": "27", "benefit": `"none"`, "uwv_beschut_werk": "true"}},
}

// screenerInput is the JSON the page's script gives the rules for the
// answers: age and benefit always (null when not known), the others only
// when known.
func screenerInput(lang string, answers map[string]string) []byte {
	parts := []string{`"lang": "` + lang + `"`}
	for _, f := range []string{"age", "benefit"} {
		v, ok := answers[f]
		if !ok {
			v = "null"
		}
		parts = append(parts, fmt.Sprintf("%q: %s", f, v))
	}
	for _, f := range calculators.MatchFields[2:] {
		if v, ok := answers[f.Name]; ok && v != "null" {
			parts = append(parts, fmt.Sprintf("%q: %s", f.Name, v))
		}
	}
	return []byte("{" + strings.Join(parts, ", ") + "}")
}

// shownResult reads the result as the page shows it: per voorziening its
// fit and its reasons' texts, in order.
const shownResult = `JSON.stringify([...document.querySelectorAll(".rg-screener-fit")].map(li => ({
  slug: li.dataset.slug, fit: li.dataset.fit,
  reasons: [...li.querySelectorAll(".rg-reasons > li")].map(r => r.firstChild.textContent.trim())})))`

type shownFit struct {
	Slug    string   `json:"slug"`
	Fit     string   `json:"fit"`
	Reasons []string `json:"reasons"`
}

func goResult(t *testing.T, s *project.Screener, input []byte) []shownFit {
	t.Helper()
	a, err := calculators.ParseAnswers(input)
	if err != nil {
		t.Fatalf("%s: %v", input, err)
	}
	var out []shownFit
	for _, v := range s.Rules.Match(a).Voorzieningen {
		f := shownFit{Slug: v.Slug, Fit: string(v.Fit)}
		for _, r := range v.Reasons {
			f.Reasons = append(f.Reasons, r.Text)
		}
		out = append(out, f)
	}
	return out
}

// TestScreenerWithKeyboard walks the screener with the keyboard only, in
// both languages: Tab to the first answer, the arrow keys to choose, Enter
// for the next question. The result must be what the rule package answers
// on the same input, and the pages must have no axe-core violations and no
// sideways scrolling at 320 px.
func TestScreenerWithKeyboard(t *testing.T) {
	t.Parallel()
	base := serveSite(t)
	p := loadProject(t)
	axe := axeSource(t)
	dir := shotDir(t)
	for _, st := range screenerStories {
		t.Run(st.name, func(t *testing.T) {
			b := newBrowser(t)
			prefix := ""
			if st.lang == "en" {
				prefix = "/en"
			}
			b.run(t, emulation.SetDeviceMetricsOverride(360, 800, 1, true),
				chromedp.Navigate(base+prefix+"/wat-past-bij-mij/"),
				chromedp.WaitVisible(`#keuzehulp fieldset:not([hidden])`, chromedp.ByQuery))
			// Tab from the top of the page to the first answer.
			for i := 0; i < 80; i++ {
				var inForm bool
				b.run(t, chromedp.Evaluate(`!!document.activeElement.closest("#keuzehulp fieldset")`, &inForm))
				if inForm {
					break
				}
				b.run(t, chromedp.KeyEvent(kb.Tab))
			}
			given := map[string]string{}
			for step := 1; step <= 9; step++ {
				var field string
				b.run(t, chromedp.Evaluate(`(document.querySelector("#keuzehulp:not([hidden]) fieldset:not([hidden])") || {dataset: {}}).dataset.field || ""`, &field))
				if field == "" {
					break
				}
				if step > 8 {
					t.Fatalf("more than 8 questions")
				}
				want, ok := st.answers[field]
				if !ok {
					want = "null"
				}
				given[field] = want
				var values []string
				b.run(t, chromedp.Evaluate(fmt.Sprintf(`[...document.querySelectorAll("fieldset[data-field=%s] input")].map(i => i.value)`, field), &values))
				idx := -1
				for i, v := range values {
					if v == want {
						idx = i
					}
				}
				if idx < 0 {
					t.Fatalf("%s: no answer %s in %v", field, want, values)
				}
				var png []byte
				if st.name == screenerStories[0].name {
					b.run(t, chromedp.FullScreenshot(&png, 100))
					os.WriteFile(filepath.Join(dir, fmt.Sprintf("15-screener-%d-360.png", step)), png, 0o644)
				}
				// The first answer has the focus: Space chooses it, the
				// arrow keys choose the others.
				keys := []chromedp.Action{chromedp.KeyEvent(" ")}
				if idx > 0 {
					keys = nil
					for i := 0; i < idx; i++ {
						keys = append(keys, chromedp.KeyEvent(kb.ArrowDown))
					}
				}
				b.run(t, keys...)
				b.run(t, chromedp.KeyEvent(kb.Enter))
			}
			b.run(t, chromedp.WaitVisible(`#keuzehulp-uitkomst .rg-screener-fit`, chromedp.ByQuery))
			var raw string
			var focused string
			b.run(t, chromedp.Evaluate(shownResult, &raw), chromedp.Evaluate(`document.activeElement.id`, &focused))
			var shown []shownFit
			if err := json.Unmarshal([]byte(raw), &shown); err != nil {
				t.Fatal(err)
			}
			input := screenerInput(st.lang, given)
			if want := goResult(t, p.Screener, input); !reflect.DeepEqual(shown, want) {
				t.Errorf("the page shows\n%v\nthe rules answer on %s\n%v", shown, input, want)
			}
			if focused != "uitkomst-titel" {
				t.Errorf("after the last answer the focus is on %q, want the result's heading", focused)
			}
			var png []byte
			var scroll int64
			b.run(t, chromedp.Evaluate(`document.documentElement.scrollWidth`, &scroll), chromedp.FullScreenshot(&png, 100))
			if scroll > 360 {
				t.Errorf("the result is %d px wide at 360 px", scroll)
			}
			os.WriteFile(filepath.Join(dir, fmt.Sprintf("15-screener-result-%s-360.png", st.name)), png, 0o644)
			b.run(t, emulation.SetDeviceMetricsOverride(320, 800, 1, true), chromedp.Evaluate(`document.documentElement.scrollWidth`, &scroll))
			if scroll > 320 {
				t.Errorf("the result is %d px wide at 320 px", scroll)
			}
			b.run(t, emulation.SetDeviceMetricsOverride(1280, 900, 1, false), chromedp.FullScreenshot(&png, 100))
			os.WriteFile(filepath.Join(dir, fmt.Sprintf("15-screener-result-%s-1280.png", st.name)), png, 0o644)
			b.run(t, chromedp.Evaluate(`document.querySelectorAll("main details").forEach(d => d.open = true)`, nil))
			checkAxe(t, b, axe, "the result")
			b.checkErrors(t, "")
		})
	}
}

// TestScreenerWithoutJavaScript follows the answer links of the pages made
// at build time, with JavaScript off, and checks the last page against
// the rule package on the same answers; every page it passes has no
// axe-core violations and fits 320 px.
func TestScreenerWithoutJavaScript(t *testing.T) {
	t.Parallel()
	base := serveSite(t)
	p := loadProject(t)
	axe := axeSource(t)
	static := map[string]bool{}
	for _, f := range p.Screener.Static {
		static[f] = true
	}
	for _, st := range screenerStories {
		t.Run(st.name, func(t *testing.T) {
			b := newBrowser(t)
			b.run(t, emulation.SetScriptExecutionDisabled(true), emulation.SetDeviceMetricsOverride(320, 800, 1, true))
			prefix := ""
			if st.lang == "en" {
				prefix = "/en"
			}
			b.run(t, chromedp.Navigate(base+prefix+"/wat-past-bij-mij/"))
			given := map[string]string{}
			var visited []string
			for step := 1; ; step++ {
				if step > 9 {
					t.Fatal("more than 8 questions")
				}
				var scroll int64
				b.run(t, chromedp.Evaluate(`document.documentElement.scrollWidth`, &scroll),
					chromedp.Evaluate(`document.querySelectorAll("main details").forEach(d => d.open = true)`, nil))
				if scroll > 320 {
					t.Errorf("step %d: %d px wide at 320 px", step, scroll)
				}
				var here string
				var png []byte
				b.run(t, chromedp.Evaluate(`location.href`, &here), chromedp.FullScreenshot(&png, 100))
				if st.name == screenerStories[0].name {
					os.WriteFile(filepath.Join(shotDir(t), fmt.Sprintf("15-screener-nojs-%d-320.png", step)), png, 0o644)
				}
				visited = append(visited, here)
				var field string
				b.run(t, chromedp.Evaluate(`(document.querySelector("[data-static]") || {dataset: {}}).dataset.field || ""`, &field))
				if field == "" {
					break
				}
				idx := -1
				want := st.answers[field]
				if want == "" {
					want = "null"
				}
				for i, c := range p.Screener.Rules.Choices(field) {
					if c.Value == want {
						idx = i
					}
				}
				if !static[field] {
					t.Fatalf("a page without JavaScript asks %s, which the data leaves out", field)
				}
				given[field] = want
				var href string
				b.run(t, chromedp.Evaluate(fmt.Sprintf(`document.querySelectorAll("[data-static] .rg-screener__answer")[%d].href`, idx), &href))
				b.run(t, chromedp.Navigate(href), chromedp.WaitReady("h1", chromedp.ByQuery))
			}
			var raw string
			b.run(t, chromedp.Evaluate(shownResult, &raw))
			var shown []shownFit
			json.Unmarshal([]byte(raw), &shown)
			want := goResult(t, p.Screener, screenerInput(st.lang, given))
			if len(shown) != len(want) {
				t.Fatalf("the page shows %d voorzieningen, the rules %d", len(shown), len(want))
			}
			// axe-core needs scripts: the pages have none of their own
			// (the start page's script only hides its links).
			b.run(t, emulation.SetScriptExecutionDisabled(false))
			for _, u := range visited {
				b.run(t, chromedp.Navigate(u), chromedp.Evaluate(`document.querySelectorAll("main details").forEach(d => d.open = true)`, nil))
				checkAxe(t, b, axe, u)
			}
			// The fits are the rules' on the same answers. A page that stands
			// for several answers (a band of ages) says only what holds for
			// all of them, so its reasons may be fewer.
			for i := range want {
				if shown[i].Slug != want[i].Slug || shown[i].Fit != want[i].Fit {
					t.Errorf("%d: the page shows %s %s, the rules %s %s", i, shown[i].Slug, shown[i].Fit, want[i].Slug, want[i].Fit)
				}
			}
		})
	}
}
