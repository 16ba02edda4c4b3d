package e2e

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/regelgids/regelgids/content"
	"github.com/regelgids/regelgids/site"
	"github.com/regelgids/regelgids/site/internal/servetest"
	"github.com/regelgids/regelgids/templates"
)

// headerScript measures the header: its height, whether the language
// switch's name stays on one line, whether the search box (or, on the
// home and search pages, the box in the page) is visible and usable, and
// whether the menu list is hidden until the menu button is pressed.
const headerScript = `(() => {
  const header = document.querySelector("header");
  const lang = document.querySelector("a.rg-lang");
  const text = [...lang.childNodes].filter(n => n.nodeType === 3).pop();
  const range = document.createRange();
  range.selectNodeContents(text);
  const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
  const box = document.getElementById("zoeken-q");
  const br = box.getBoundingClientRect();
  const list = document.querySelector(".rg-nav__list");
  return JSON.stringify({
    height: header.getBoundingClientRect().height,
    langLines: lines,
    langText: text.textContent.trim(),
    boxWidth: br.width,
    boxVisible: br.width > 0 && br.height > 0 && getComputedStyle(box).visibility !== "hidden",
    label: (document.querySelector("label[for=zoeken-q]") || {}).textContent || "",
    labelShown: document.querySelector("label[for=zoeken-q]").getBoundingClientRect().width > 1,
    menuShown: getComputedStyle(list).display !== "none",
  });
})()`

type headerFacts struct {
	Height     float64 `json:"height"`
	LangLines  int     `json:"langLines"`
	LangText   string  `json:"langText"`
	BoxWidth   float64 `json:"boxWidth"`
	BoxVisible bool    `json:"boxVisible"`
	Label      string  `json:"label"`
	LabelShown bool    `json:"labelShown"`
	MenuShown  bool    `json:"menuShown"`
}

// TestPhoneHeader: on a phone (320, 360 and 414 px) and on a desktop, in
// both languages, the header is at most 150 px high, the language switch
// ("English", "Nederlands") stays on one line, and search is at hand: a
// search box in the header, or on the home and search pages one in the
// page with its label shown. On a phone the menu folds behind a button
// that opens it, with JavaScript on and off.
func TestPhoneHeader(t *testing.T) {
	t.Parallel()
	base := serveSite(t)
	b := newBrowser(t)
	pages := []string{"/", "/voorzieningen/uitstroompremie/", "/zoeken/", "/rekenhulp/uitstroompremie/"}
	for _, js := range []bool{true, false} {
		b.run(t, emulation.SetScriptExecutionDisabled(!js))
		for _, prefix := range []string{"", "/en"} {
			for _, page := range pages {
				path := prefix + page
				for _, w := range reflowWidths {
					var res string
					b.run(t, emulation.SetDeviceMetricsOverride(w, 800, 1, w < 600),
						chromedp.Navigate(base+path), chromedp.WaitReady("body"),
						chromedp.Evaluate(headerScript, &res))
					var f headerFacts
					if err := json.Unmarshal([]byte(res), &f); err != nil {
						t.Fatal(err)
					}
					where := path + " at " + itoa(w) + " px, JavaScript " + map[bool]string{true: "on", false: "off"}[js]
					if f.Height > 150 {
						t.Errorf("%s: the header is %.0f px high, want at most 150", where, f.Height)
					}
					if f.LangLines != 1 {
						t.Errorf("%s: the language switch %q takes %d lines", where, f.LangText, f.LangLines)
					}
					if !f.BoxVisible || f.BoxWidth < 100 {
						t.Errorf("%s: the search box is not usable (visible %v, %.0f px wide)", where, f.BoxVisible, f.BoxWidth)
					}
					inPage := page == "/" || page == "/zoeken/"
					if inPage != f.LabelShown || f.Label == "" {
						t.Errorf("%s: search label %q shown %v, want shown %v", where, f.Label, f.LabelShown, inPage)
					}
					if phone := w < 600; phone == f.MenuShown {
						t.Errorf("%s: the menu list is shown %v before the menu button is pressed", where, f.MenuShown)
					}
					if w == 320 {
						var shown bool
						b.run(t, chromedp.Click("summary.rg-menu__button", chromedp.ByQuery),
							chromedp.Evaluate(`getComputedStyle(document.querySelector(".rg-nav__list")).display !== "none" &&
								document.querySelector(".rg-nav__link").getBoundingClientRect().width > 0`, &shown))
						if !shown {
							t.Errorf("%s: pressing the menu button does not show the menu", where)
						}
					}
				}
			}
		}
	}
	b.run(t, emulation.SetScriptExecutionDisabled(false))
	b.checkErrors(t, "")
}

// resultsScript reads the search results page.
const resultsScript = `JSON.stringify({
  value: document.getElementById("zoeken-q").value,
  heading: document.getElementById("resultaten").textContent,
  shown: !document.querySelector("[data-zoeken-page-results]").hidden,
  items: [...document.querySelectorAll(".rg-search-page__item")].map(li => ({
    href: li.querySelector("a").getAttribute("href"),
    kind: (li.querySelector(".rg-search-page__kind") || {}).textContent || "",
  })),
  help: !document.querySelector("[data-zoeken-help]").hidden,
  helpLinks: [...document.querySelectorAll("[data-zoeken-help] a")].map(a => a.getAttribute("href")),
})`

type resultsPage struct {
	Value   string `json:"value"`
	Heading string `json:"heading"`
	Shown   bool   `json:"shown"`
	Items   []struct {
		Href string `json:"href"`
		Kind string `json:"kind"`
	} `json:"items"`
	Help      bool     `json:"help"`
	HelpLinks []string `json:"helpLinks"`
}

// TestSearchResultsPage submits searches to /zoeken/?q= and reads the
// page: on a static host with JavaScript (the script finds the results)
// and from regelgids serve with JavaScript off (bleve finds them). Each
// keeps the query in the box, says how many results there are, names the
// kind of each (guide, article, calculator, glossary…), and helps when
// nothing is found; "wanneer gaat het in" and "when does it start" reach
// article 23, the article on when the ordinance takes effect.
func TestSearchResultsPage(t *testing.T) {
	t.Parallel()
	static := serveSite(t)
	served := startServe(t)
	b := newBrowser(t)
	cases := []struct {
		path, query string
		first       string // the first result's link ends in this
		kind        string // a result of this kind is among them
		none        bool
	}{
		{"/zoeken/", "wanneer gaat het in", "artikel/23/", "Artikel", false},
		{"/en/zoeken/", "when does it start", "artikel/23/", "Article", false},
		{"/zoeken/", "rekenhulp uitstroompremie", "rekenhulp/uitstroompremie/", "Rekenhulp", false},
		{"/en/zoeken/", "exit bonus calculator", "", "Calculator", false},
		{"/zoeken/", "jobcoach", "voorzieningen/jobcoach/", "Begrip", false},
		{"/zoeken/", "xqzvy", "", "", true},
		{"/en/zoeken/", "xqzvy", "", "", true},
	}
	for _, host := range []struct {
		name, base string
		js         bool
	}{{"static host, JavaScript on", static, true}, {"regelgids serve, JavaScript off", served, false}} {
		b.run(t, emulation.SetScriptExecutionDisabled(!host.js), emulation.SetDeviceMetricsOverride(360, 800, 1, true))
		for _, c := range cases {
			where := host.name + ": " + c.path + "?q=" + c.query
			var res string
			b.run(t, chromedp.Navigate(host.base+c.path+"?q="+strings.ReplaceAll(c.query, " ", "+")), chromedp.WaitReady("body"))
			if host.js {
				b.run(t, chromedp.Poll(`!document.querySelector("[data-zoeken-page-results]").hidden`, nil, chromedp.WithPollingTimeout(10*time.Second)))
			}
			b.run(t, chromedp.Evaluate(resultsScript, &res))
			var r resultsPage
			if err := json.Unmarshal([]byte(res), &r); err != nil {
				t.Fatal(err)
			}
			if r.Value != c.query {
				t.Errorf("%s: the box holds %q", where, r.Value)
			}
			if !r.Shown || !strings.Contains(r.Heading, "“"+c.query+"”") {
				t.Errorf("%s: heading %q (shown %v)", where, r.Heading, r.Shown)
			}
			if c.none {
				if len(r.Items) != 0 || !r.Help || !strings.HasPrefix(r.Heading, map[bool]string{true: "Niets", false: "Nothing"}[c.path == "/zoeken/"]) {
					t.Errorf("%s: %d results, help shown %v, heading %q", where, len(r.Items), r.Help, r.Heading)
				}
				var queries, guides bool
				for _, h := range r.HelpLinks {
					queries = queries || strings.Contains(h, "?q=")
					guides = guides || strings.HasSuffix(h, "voorzieningen/")
				}
				if !queries || !guides {
					t.Errorf("%s: the help has no suggested searches (%v) or no link to all guides (%v): %v", where, queries, guides, r.HelpLinks)
				}
				continue
			}
			if len(r.Items) == 0 || r.Help {
				t.Errorf("%s: %d results, help shown %v", where, len(r.Items), r.Help)
				continue
			}
			if n := itoa(int64(len(r.Items))); !strings.HasPrefix(r.Heading, n+" ") {
				t.Errorf("%s: heading %q does not say there are %s results", where, r.Heading, n)
			}
			if c.first != "" && !strings.HasSuffix(strings.Split(r.Items[0].Href, "#")[0], c.first) {
				t.Errorf("%s: first result %s, want …%s", where, r.Items[0].Href, c.first)
			}
			kinds := map[string]bool{}
			for _, it := range r.Items {
				if it.Kind == "" || (it.Kind == "Pagina" || it.Kind == "Page") && reCalculator.MatchString(it.Href) {
					t.Errorf("%s: %s has kind %q", where, it.Href, it.Kind)
				}
				kinds[it.Kind] = true
			}
			if !kinds[c.kind] {
				t.Errorf("%s: no result of kind %q among %v", where, c.kind, kinds)
			}
		}
	}
	b.run(t, emulation.SetScriptExecutionDisabled(false))
	b.checkErrors(t, "")
}

// reCalculator matches the link to one calculator (not to their list).
var reCalculator = regexp.MustCompile(`rekenhulp/[a-z]`)

// startServe runs regelgids serve (which answers /zoeken/?q= with bleve)
// on a loopback port for one test.
func startServe(t *testing.T) string {
	t.Helper()
	return servetest.Start(t, site.ServeOptions{Options: site.Options{Content: content.Default(), Templates: templates.Default(), Date: testDate}}, 2*time.Minute)
}

func itoa(n int64) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// homeScript reads the home page's situation tiles and guide links.
const homeScript = `JSON.stringify({
  tiles: [...document.querySelectorAll(".rg-situation")].map(li => {
    const r = li.getBoundingClientRect();
    return {top: Math.round(r.top + scrollY), height: Math.round(r.height), width: Math.round(r.width),
      guides: [...li.querySelectorAll("a")].map(a => a.getAttribute("href"))};
  }),
  listWidth: Math.round(document.querySelector(".rg-situations__list").getBoundingClientRect().width),
  links: [...document.querySelectorAll("main a")].map(a => a.getAttribute("href")).filter(h => h.includes("voorzieningen/") && !h.endsWith("voorzieningen/")),
  height: document.documentElement.scrollHeight,
})`

// TestHomeCompact: the home page shows each situation once as a tile
// with its guides as links, each guide once per tile; a guide that fits
// every situation is shown once, not in every tile; on a desktop the
// tiles have one height and none stands alone in its row; on a phone the
// page stays short enough to scan.
func TestHomeCompact(t *testing.T) {
	t.Parallel()
	base := serveSite(t)
	b := newBrowser(t)
	type tile struct {
		Top, Height, Width int
		Guides             []string
	}
	for _, prefix := range []string{"", "/en"} {
		for _, w := range []int64{360, 1280} {
			var res string
			b.run(t, emulation.SetDeviceMetricsOverride(w, 800, 1, w < 600),
				chromedp.Navigate(base+prefix+"/"), chromedp.WaitReady("body"), chromedp.Evaluate(homeScript, &res))
			var h struct {
				Tiles     []tile
				ListWidth int
				Links     []string
				Height    int
			}
			if err := json.Unmarshal([]byte(res), &h); err != nil {
				t.Fatal(err)
			}
			where := prefix + "/ at " + itoa(w) + " px"
			if len(h.Tiles) < 2 {
				t.Fatalf("%s: %d situation tiles", where, len(h.Tiles))
			}
			inTiles := map[string]int{}
			for _, tl := range h.Tiles {
				seen := map[string]bool{}
				for _, g := range tl.Guides {
					if seen[g] {
						t.Errorf("%s: %s twice in one tile", where, g)
					}
					seen[g] = true
					inTiles[g]++
				}
			}
			onPage := map[string]int{}
			for _, l := range h.Links {
				onPage[l]++
			}
			for g, n := range inTiles {
				if n == len(h.Tiles) {
					t.Errorf("%s: %s is in every tile; it belongs once under the guides for everyone", where, g)
				}
			}
			for g, n := range onPage {
				if inTiles[g] == 0 && n > 1 {
					t.Errorf("%s: %s shown %d times outside the tiles", where, g, n)
				}
			}
			if w == 1280 {
				rows := map[int][]tile{}
				for _, tl := range h.Tiles {
					rows[tl.Top] = append(rows[tl.Top], tl)
					if d := tl.Height - h.Tiles[0].Height; d > 1 || d < -1 {
						t.Errorf("%s: tiles of %d and %d px high", where, tl.Height, h.Tiles[0].Height)
					}
				}
				for top, row := range rows {
					if len(row) == 1 && row[0].Width < h.ListWidth-2 {
						t.Errorf("%s: the tile at %d px stands alone in its row", where, top)
					}
				}
			}
			if w == 360 && h.Height > 5000 {
				t.Errorf("%s: the home page is %d px tall", where, h.Height)
			}
			t.Logf("%s: %d tiles, page %d px tall", where, len(h.Tiles), h.Height)
		}
	}
}
