package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// reviewPages are the reviewers' pages: the overview, one page of each
// kind of text (article 24 has a score below 0), and the report.
var reviewPages = []string{
	"/leesbaarheid/",
	"/leesbaarheid/artikel/24/",
	"/leesbaarheid/voorzieningen/uitstroompremie/",
	"/leesbaarheid/begrippen/",
	"/leesbaarheid/rapport/",
}

// reviewWidths are phones, a tablet, a small laptop and a desktop.
var reviewWidths = []int64{320, 360, 414, 768, 1024, 1280}

// tablesScript lists the review tables whose region scrolls (it is wider
// than its column) and says whether the rows are stacked (on a phone).
const tablesScript = `JSON.stringify([...document.querySelectorAll(".rg-table-scroll")].map(s => ({
  label: s.getAttribute("aria-label") || document.getElementById(s.getAttribute("aria-labelledby") || "")?.textContent || "",
  scrolls: s.scrollWidth > s.clientWidth + 1,
  stacked: getComputedStyle(s.querySelector("tr")).display === "block",
})))`

// rePDFPage finds the page objects of a PDF.
var rePDFPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

type reviewTable struct {
	Label   string `json:"label"`
	Scrolls bool   `json:"scrolls"`
	Stacked bool   `json:"stacked"`
}

// TestReviewReflow opens the reviewers' pages in both languages from 320
// to 1280 px. Nothing may reach outside the screen except inside a scroll
// region that shows it scrolls; beyond that, the review tables must fit:
// on a phone their rows stack, from a desktop column on they are tables
// that do not scroll at all ("Gemi…" cut off is what this guards).
func TestReviewReflow(t *testing.T) {
	t.Parallel()
	base := serveSite(t)
	b := newBrowser(t)
	checked := 0
	for _, dutch := range reviewPages {
		for _, prefix := range []string{"", "/en"} {
			path := prefix + dutch
			b.run(t, emulation.SetDeviceMetricsOverride(320, 800, 1, true), chromedp.Navigate(base+path), chromedp.WaitReady("body"))
			for _, w := range reviewWidths {
				b.run(t, emulation.SetDeviceMetricsOverride(w, 800, 1, w < 600))
				b.checkFits(t, "body", path, w)
				var js string
				b.run(t, chromedp.Evaluate(tablesScript, &js))
				var tables []reviewTable
				if err := json.Unmarshal([]byte(js), &tables); err != nil {
					t.Fatal(err)
				}
				for _, tb := range tables {
					if tb.Scrolls {
						t.Errorf("%s at %d px: table %q is cut off and scrolls", path, w, tb.Label)
					}
					if wantStacked := w <= 768; tb.Stacked != wantStacked {
						t.Errorf("%s at %d px: table %q stacked %v, want %v", path, w, tb.Label, tb.Stacked, wantStacked)
					}
				}
				checked++
			}
			b.checkErrors(t, path)
		}
	}
	t.Logf("%d review pages × widths checked", checked)
}

// TestReviewAccessibility runs axe-core on the reviewers' pages in both
// languages, on screen and with print media (the report is meant to be
// printed), and checks that printing leaves out the site's navigation and
// keeps the report's tables whole on an A4 width.
func TestReviewAccessibility(t *testing.T) {
	t.Parallel()
	base := serveSite(t)
	b := newBrowser(t)
	axe := axeSource(t)
	for _, dutch := range reviewPages {
		for _, prefix := range []string{"", "/en"} {
			path := prefix + dutch
			for _, media := range []string{"screen", "print"} {
				b.run(t, emulation.SetDeviceMetricsOverride(1280, 900, 1, false), emulation.SetEmulatedMedia().WithMedia(media),
					chromedp.Navigate(base+path), chromedp.WaitReady("body"))
				checkAxe(t, b, axe, path+" ("+media+")")
			}
			b.checkErrors(t, path)
		}
	}
	b.run(t, emulation.SetEmulatedMedia().WithMedia("screen"))
}

// TestReviewReportPrint prints the report as Chromium does for "Save as
// PDF": on A4, without the header, search, breadcrumb and footer, each
// part on its own page, the tables whole; and without JavaScript the page
// is complete. With REGELGIDS_SCREENSHOTS set it writes the overview at
// 360 and 1280 px, the report on screen and print-emulated, and the PDF.
func TestReviewReportPrint(t *testing.T) {
	t.Parallel()
	base := serveSite(t)
	b := newBrowser(t)
	b.run(t, emulation.SetScriptExecutionDisabled(true))
	for _, prefix := range []string{"", "/en"} {
		path := prefix + "/leesbaarheid/rapport/"
		// A4 less 15 mm margins each side is 180 mm: 680 CSS px.
		var hidden []string
		var js string
		var parts int
		b.run(t, emulation.SetDeviceMetricsOverride(680, 1000, 1, false), emulation.SetEmulatedMedia().WithMedia("print"),
			chromedp.Navigate(base+path), chromedp.WaitReady("body"),
			chromedp.Evaluate(`[".rg-header", ".rg-footer", ".utrecht-breadcrumb-nav", "form[role=search]", ".rg-print-hint"].filter(s => {
				const el = document.querySelector(s); return el && el.getBoundingClientRect().height > 0 })`, &hidden),
			chromedp.Evaluate(tablesScript, &js),
			chromedp.Evaluate(`[...document.querySelectorAll(".rg-report__part")].filter(p => getComputedStyle(p).breakBefore === "page").length`, &parts))
		if len(hidden) > 0 {
			t.Errorf("%s printed shows %v", path, hidden)
		}
		var tables []reviewTable
		json.Unmarshal([]byte(js), &tables)
		if len(tables) < 3 {
			t.Errorf("%s: %d tables, want one per kind of text", path, len(tables))
		}
		for _, tb := range tables {
			if tb.Scrolls || tb.Stacked {
				t.Errorf("%s printed: table %q scrolls %v, stacked %v", path, tb.Label, tb.Scrolls, tb.Stacked)
			}
		}
		if parts < 2 {
			t.Errorf("%s printed: %d parts start a new page", path, parts)
		}
		// What "Save as PDF" gives: the report's own A4 page size, a page
		// per part at least.
		var pdf []byte
		b.run(t, chromedp.ActionFunc(func(ctx context.Context) error {
			var err error
			pdf, _, err = page.PrintToPDF().WithPreferCSSPageSize(true).Do(ctx)
			return err
		}))
		if n := len(rePDFPage.FindAll(pdf, -1)); !bytes.HasPrefix(pdf, []byte("%PDF")) || n < parts+1 {
			t.Errorf("%s: printed %d bytes, %d pages; want a PDF of at least %d pages", path, len(pdf), n, parts+1)
		}
		if dir := os.Getenv("REGELGIDS_SCREENSHOTS"); dir != "" && prefix == "" {
			os.WriteFile(filepath.Join(dir, "14-review-report.pdf"), pdf, 0o644)
		}
	}
	b.run(t, emulation.SetEmulatedMedia().WithMedia("screen"))

	dir := os.Getenv("REGELGIDS_SCREENSHOTS")
	if dir == "" {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, shot := range []struct {
		name, path, media string
		width             int64
	}{
		{"overview", "/leesbaarheid/", "screen", 360},
		{"overview", "/leesbaarheid/", "screen", 1280},
		{"overview-en", "/en/leesbaarheid/", "screen", 1280},
		{"article-24", "/leesbaarheid/artikel/24/", "screen", 360},
		{"report", "/leesbaarheid/rapport/", "screen", 360},
		{"report", "/leesbaarheid/rapport/", "screen", 1280},
		{"report-print", "/leesbaarheid/rapport/", "print", 680},
		{"report-en-print", "/en/leesbaarheid/rapport/", "print", 680},
	} {
		var png []byte
		b.run(t, emulation.SetDeviceMetricsOverride(shot.width, 900, 1, shot.width < 600), emulation.SetEmulatedMedia().WithMedia(shot.media),
			chromedp.Navigate(base+shot.path), chromedp.WaitReady("body"), chromedp.FullScreenshot(&png, 100))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("14-review-%s-%d.png", shot.name, shot.width)), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b.run(t, emulation.SetEmulatedMedia().WithMedia("screen"))
}
