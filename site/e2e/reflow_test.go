package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/regelgids/regelgids/calculators"
)

// reflowWidths are the phone widths WCAG 1.4.10 (Reflow) is about, and a
// desktop.
var reflowWidths = []int64{320, 360, 414, 1280}

// overflowScript lists the elements under the selector that reach outside
// the viewport, each as "tag.class (width px): text". An element inside a
// scroll container (overflow-x auto or scroll) is fine when the container
// itself fits and shows that it scrolls: it can take keyboard focus, has an
// accessible name and a visible cue (a background image: the scroll
// shadow). Only the innermost elements of a nest of too-wide ones are
// listed: they are the cause.
// The document's own scrollWidth is checked too.
const overflowScript = `(sel => {
  const vw = document.documentElement.clientWidth;
  const out = [];
  const describe = el => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += "#" + el.id;
    if (el.classList.length) s += "." + [...el.classList].join(".");
    const text = (el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 40);
    return s + (text ? " “" + text + "”" : "");
  };
  const scroller = el => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const ox = getComputedStyle(a).overflowX;
      if (ox === "auto" || ox === "scroll") return a;
    }
    return null;
  };
  const tooWide = new Set(), hasWide = new Set(), wide = [];
  const root = document.querySelector(sel);
  if (!root) return JSON.stringify({vw, scrollWidth: 0, items: ["no " + sel]});
  for (const el of root.querySelectorAll("*")) {
    const cs = getComputedStyle(el);
    if (cs.display === "none" || cs.visibility === "hidden") continue;
    const r = el.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) continue; // visually hidden
    if (cs.position === "absolute" && r.bottom < 0) continue; // skip link, off screen until focused
    let right = r.right;
    if (cs.overflowX === "visible") right = Math.max(right, r.left + el.scrollWidth);
    if (right <= vw + 0.5 && r.left >= -0.5) continue;
    const sc = scroller(el);
    if (sc) {
      const sr = sc.getBoundingClientRect();
      const cue = sc.tabIndex === 0 && (sc.getAttribute("aria-label") || sc.getAttribute("aria-labelledby")) &&
        getComputedStyle(sc).backgroundImage !== "none";
      if (sr.right <= vw + 0.5 && sr.left >= -0.5 && cue) continue;
      if (!cue && !tooWide.has(sc)) {
        tooWide.add(sc);
        out.push("scroll container without focus, name or visible cue: " + describe(sc));
      }
      continue;
    }
    wide.push([el, right]);
    for (let a = el.parentElement; a && !hasWide.has(a); a = a.parentElement) hasWide.add(a);
  }
  for (const [el, right] of wide) {
    if (!hasWide.has(el) && out.length < 12) out.push(describe(el) + " reaches " + Math.round(right) + " px");
  }
  return JSON.stringify({vw, scrollWidth: document.documentElement.scrollWidth, items: out});
})`

type overflow struct {
	VW          int64    `json:"vw"`
	ScrollWidth int64    `json:"scrollWidth"`
	Items       []string `json:"items"`
}

// checkFits fails the test when the page is wider than the screen or
// when anything in selector reaches outside it other than inside a scroll
// region that shows it scrolls (WCAG 1.4.10); where and w (the screen's
// width) name the page in the errors.
func (b *browser) checkFits(t *testing.T, selector, where string, w int64) {
	t.Helper()
	var res string
	b.run(t, chromedp.Evaluate(overflowScript+"("+jsString(selector)+")", &res))
	var o overflow
	if err := json.Unmarshal([]byte(res), &o); err != nil {
		t.Fatal(err)
	}
	if o.ScrollWidth > o.VW {
		t.Errorf("%s at %d px: the page is %d px wide", where, w, o.ScrollWidth)
	}
	for _, it := range o.Items {
		t.Errorf("%s at %d px: %s", where, w, it)
	}
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// reflowPages are the pages TestReflow opens: every page type, every guide
// and every calculator, by Dutch path.
func reflowPages(t *testing.T) []string {
	p := loadProject(t)
	seen := map[string]bool{}
	var paths []string
	add := func(path string) {
		if !seen[path] {
			seen[path] = true
			paths = append(paths, path)
		}
	}
	for _, kind := range sortedKeys(pageTypes) {
		add(pageTypes[kind])
	}
	for _, g := range p.Guides["nl"] {
		add("/voorzieningen/" + g.Slug + "/")
	}
	for _, name := range p.Calculators.Names() {
		add("/rekenhulp/" + name + "/")
	}
	return paths
}

// TestReflow opens every page type in both languages at 320, 360, 414 and
// 1280 px and fails on anything wider than the screen that is not inside a
// scroll container showing it scrolls (WCAG 1.4.10). It then submits every
// calculator with one of its examples, typed the Dutch way, at 360 px and
// checks the answer fits. With REGELGIDS_REFLOW_SHOTS set to a folder it
// also writes /verordening/, /leesbaarheid/ and the loonkostensubsidie
// answers at 320 px there, for a person to look at.
func TestReflow(t *testing.T) {
	t.Parallel()
	base := serveSite(t)
	b := newBrowser(t)
	pages := reflowPages(t)
	checked := 0
	for _, dutch := range pages {
		for _, prefix := range []string{"", "/en"} {
			path := prefix + dutch
			b.run(t, emulation.SetDeviceMetricsOverride(reflowWidths[0], 800, 1, true),
				chromedp.Navigate(base+path), chromedp.WaitReady("body"))
			for _, w := range reflowWidths {
				b.run(t, emulation.SetDeviceMetricsOverride(w, 800, 1, w < 600))
				b.checkFits(t, "body", path, w)
				checked++
			}
			if shots := os.Getenv("REGELGIDS_REFLOW_SHOTS"); shots != "" && prefix == "" && (dutch == "/verordening/" || dutch == "/leesbaarheid/") {
				// The whole page, and the screen a resident sees first
				// (at /leesbaarheid/: the first table).
				var full, view []byte
				b.run(t, emulation.SetDeviceMetricsOverride(320, 800, 1, true), chromedp.FullScreenshot(&full, 100),
					chromedp.Evaluate(`(document.querySelector(".rg-table-scroll") || document.body).scrollIntoView({block: "start", behavior: "instant"})`, nil),
					chromedp.CaptureScreenshot(&view))
				name := filepath.Join(shots, "reflow-"+strings.Trim(dutch, "/")+"-320")
				os.WriteFile(name+".png", full, 0o644)
				os.WriteFile(name+"-screen.png", view, 0o644)
			}
			b.takeErrors() // the 404 page's status; TestAccessibility checks errors
		}
	}

	p := loadProject(t)
	answers := 0
	for _, name := range p.Calculators.Names() {
		examples := calculators.Examples(name)
		if len(examples) == 0 {
			continue
		}
		var fields map[string]any
		json.Unmarshal(examples[0].Input, &fields)
		actions := []chromedp.Action{
			emulation.SetDeviceMetricsOverride(360, 800, 1, true),
			chromedp.Navigate(base + "/rekenhulp/" + name + "/"), chromedp.WaitVisible("#rekenhulp", chromedp.ByID),
		}
		for field, v := range fields {
			actions = append(actions, fill(field, v)...)
		}
		actions = append(actions,
			chromedp.Click(`#rekenhulp button[type=submit]`, chromedp.ByQuery),
			chromedp.WaitVisible(`#uitkomst-titel`, chromedp.ByID))
		b.run(t, actions...)
		for _, w := range []int64{320, 360, 414} {
			b.run(t, emulation.SetDeviceMetricsOverride(w, 800, 1, true))
			b.checkFits(t, "#uitkomst", name+" answer", w)
		}
		if shots := os.Getenv("REGELGIDS_REFLOW_SHOTS"); shots != "" && strings.HasPrefix(name, "loonkosten") {
			var png []byte
			b.run(t, emulation.SetDeviceMetricsOverride(320, 800, 1, true), chromedp.Screenshot("#uitkomst", &png, chromedp.ByID))
			os.WriteFile(filepath.Join(shots, "reflow-"+name+"-result-320.png"), png, 0o644)
		}
		b.checkErrors(t, name)
		answers++
	}
	t.Logf("%d pages × widths checked (%d paths in two languages), %d calculator answers at 320–414 px", checked, len(pages), answers)
}
