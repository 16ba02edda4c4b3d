package e2e

import (
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestPrintAccessibility runs axe-core on the print view of every page
// type in both languages, and of a calculator with its answer (what "Print
// uw uitkomst" puts on paper): what a resident takes to a consulent must
// pass WCAG 2.1 AA as well, and printing must hide the header and menu.
func TestPrintAccessibility(t *testing.T) {
	t.Parallel()
	base := serveSite(t)
	b := newBrowser(t)
	axe := axeSource(t)
	b.run(t, emulation.SetEmulatedMedia().WithMedia("print"))
	defer b.run(t, emulation.SetEmulatedMedia().WithMedia("screen"))
	for _, kind := range sortedKeys(pageTypes) {
		if kind == "404" {
			continue
		}
		for _, prefix := range []string{"", "/en"} {
			path := prefix + pageTypes[kind]
			var headerShown bool
			b.run(t, chromedp.Navigate(base+path), chromedp.WaitReady("body"),
				chromedp.Evaluate(`(() => { const h = document.querySelector("header"); return !!h && h.getBoundingClientRect().height > 0 && getComputedStyle(h).display !== "none"; })()`, &headerShown))
			checkAxe(t, b, axe, path+" (print)")
			if headerShown {
				t.Errorf("%s: the site header is printed", path)
			}
			b.checkErrors(t, path)
		}
	}
	// A calculator's answer on paper.
	// The form itself is not printed: fill it in on screen.
	path := "/rekenhulp/uitstroompremie/"
	b.run(t, emulation.SetEmulatedMedia().WithMedia("screen"), chromedp.Navigate(base+path), chromedp.WaitVisible("#rekenhulp", chromedp.ByID),
		chromedp.SetValue("#in-age", "40", chromedp.ByID),
		chromedp.SetValue("#in-months_on_benefit", "48", chromedp.ByID))
	b.run(t, fill("exit", "full")...)
	b.run(t, chromedp.Click(`#rekenhulp button[type=submit]`, chromedp.ByQuery), chromedp.WaitVisible(`#uitkomst-titel`, chromedp.ByID),
		emulation.SetEmulatedMedia().WithMedia("print"))
	var formShown bool
	b.run(t, chromedp.Evaluate(`document.getElementById("rekenhulp").getBoundingClientRect().height > 0`, &formShown))
	if formShown {
		t.Errorf("%s: the form is printed, not only the answer", path)
	}
	checkAxe(t, b, axe, path+" with its answer (print)")
	b.checkErrors(t, path)
}
