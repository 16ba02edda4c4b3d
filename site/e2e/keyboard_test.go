package e2e

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/regelgids/regelgids/calculators"
)

// TestCalculatorsWithKeyboardOnly fills in every calculator on a phone-sized
// screen with the keyboard alone, the way a resident without a mouse does:
// Tab from the top of the page to each field, type numbers the Dutch way,
// choose radio buttons with the arrow keys, press Enter on Bereken. The
// answer must match the rule package, take the focus or be announced, and
// fit the screen.
func TestCalculatorsWithKeyboardOnly(t *testing.T) {
	t.Parallel()
	base := serveSite(t)
	b := newBrowser(t)
	p := loadProject(t)
	b.run(t, emulation.SetDeviceMetricsOverride(360, 740, 2, true))
	for _, name := range p.Calculators.Names() {
		examples := calculators.Examples(name)
		if len(examples) == 0 {
			t.Fatalf("%s: no examples", name)
		}
		ex := examples[len(examples)/2]
		input := ex.WithDate(testDate) // the page's date field starts at the build date
		var fields map[string]any
		if err := json.Unmarshal(input, &fields); err != nil {
			t.Fatal(err)
		}
		b.run(t, chromedp.Navigate(base+"/rekenhulp/"+name+"/"), chromedp.WaitVisible("#rekenhulp", chromedp.ByID))

		done := map[string]bool{}
		submitted := false
		for step := 0; step < 200 && !submitted; step++ {
			var el struct {
				Tag, Type, Name, ID string
				InForm              bool
			}
			b.run(t, chromedp.KeyEvent(kb.Tab), chromedp.Evaluate(`(() => { const e = document.activeElement;
				return {Tag: e.tagName, Type: e.type || "", Name: e.name || "", ID: e.id || "", InForm: !!e.closest("#rekenhulp")}; })()`, &el))
			switch {
			case !el.InForm:
				// the skip link, the header's search and language links
			case el.Tag == "BUTTON" && el.Type == "submit":
				b.run(t, chromedp.KeyEvent(kb.Enter))
				submitted = true
			case el.Tag == "INPUT" && el.Type == "radio" && !done[el.Name]:
				want, ok := fields[el.Name]
				if !ok {
					continue
				}
				target := radioID(el.Name, want)
				// Arrow keys move through the group and check what they land on.
				for i := 0; i < 8 && el.ID != target; i++ {
					b.run(t, chromedp.KeyEvent(kb.ArrowDown), chromedp.Evaluate(`document.activeElement.id`, &el.ID))
				}
				b.run(t, chromedp.KeyEvent(" "))
				var checked bool
				b.run(t, chromedp.Evaluate(fmt.Sprintf(`document.getElementById(%q).checked`, target), &checked))
				if !checked {
					t.Fatalf("%s: the keyboard could not choose %s", name, target)
				}
				done[el.Name] = true
			case el.Tag == "INPUT" && el.Type == "text" && !done[el.Name]:
				if v, ok := fields[el.Name]; ok {
					b.run(t, chromedp.KeyEvent(typed(el.Name, v)))
				}
				done[el.Name] = true
			}
		}
		if !submitted {
			t.Fatalf("%s: Tab never reached the Bereken button", name)
		}
		var shown, focusedIn, summary string
		var overflow int
		b.run(t, chromedp.Poll(`(() => { const s = document.querySelector("#rekenhulp .rg-error-summary");
			if (s && !s.hidden) return "errors: " + s.textContent.replace(/\s+/g, " ");
			return document.getElementById("uitkomst-titel") ? "answer" : false; })()`, &summary, chromedp.WithPollingTimeout(20*time.Second)))
		if summary != "answer" {
			t.Fatalf("%s %s: after Enter the page shows %s", name, input, summary)
		}
		b.run(t,
			chromedp.Evaluate(`(document.querySelector("#uitkomst .rg-result__amounts dd") || {}).textContent || ""`, &shown),
			chromedp.Evaluate(`(() => { const e = document.activeElement; return e.closest("#uitkomst") ? "uitkomst" : e.tagName + "#" + e.id; })()`, &focusedIn),
			chromedp.Evaluate(`document.documentElement.scrollWidth - window.innerWidth`, &overflow),
		)
		for f := range fields {
			if f != "date" && f != "lang" && !done[f] {
				t.Errorf("%s: Tab never reached the field %q", name, f)
			}
		}
		res, err := p.Calculators.RunTable(name, input, p.Params)
		if err != nil {
			t.Fatal(err)
		}
		want := res.Summary()
		if wantShown := map[bool]string{true: digits(want.Amount.String()), false: ""}[want.Eligible]; digits(shown) != wantShown {
			t.Errorf("%s (%s): the page shows %q, the rules give %s", name, ex.Label["nl"], shown, want.Amount)
		}
		if focusedIn != "uitkomst" {
			t.Errorf("%s: after Enter the focus is on %s, not on the answer", name, focusedIn)
		}
		if overflow > 0 {
			t.Errorf("%s: the page with its answer is %d px wider than the 360 px screen", name, overflow)
		}
		b.checkErrors(t, name)
	}
}

// radioID is the id of the radio button that gives a field value.
func radioID(field string, v any) string {
	switch v := v.(type) {
	case bool:
		if v {
			return "in-" + field
		}
		return "in-" + field + "-nee"
	case string:
		if f := fieldNamed(field); len(f.Choices) > 0 && v != f.Choices[0] {
			return "in-" + field + "-" + v
		}
	}
	return "in-" + field
}

// typed is what a resident types for a value: Dutch numbers, a euro sign
// before amounts, a percent sign after percentages.
func typed(field string, v any) string {
	s := fmt.Sprint(v)
	if _, isString := v.(string); !isString {
		s = strings.TrimSuffix(fmt.Sprintf("%v", v), ".0")
	}
	switch fieldNamed(field).Kind {
	case calculators.KindMoney:
		return "€ " + dutchNumber(s)
	case calculators.KindPercent:
		return dutchNumber(s) + "%"
	}
	return dutchNumber(s)
}
