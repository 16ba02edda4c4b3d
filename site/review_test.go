package site_test

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"github.com/regelgids/regelgids/internal/golden"
	"github.com/regelgids/regelgids/site"
	"github.com/regelgids/regelgids/templates"
)

// TestFormatDecimal: measured values in each language's number format,
// with a real minus sign.
func TestFormatDecimal(t *testing.T) {
	for _, c := range []struct {
		v      float64
		places int32
		lang   string
		want   string
	}{
		{8.23, 1, "nl", "8,2"},
		{8.23, 1, "en", "8.2"},
		{8, 1, "nl", "8,0"},
		{-152.4, 0, "nl", "\u2212152"},
		{-152.4, 0, "en", "\u2212152"},
		{-0.04, 1, "nl", "0,0"},
		{1250.5, 1, "nl", "1.250,5"},
		{1250.5, 1, "en", "1,250.5"},
		{79.5, 0, "nl", "80"},
	} {
		if got := site.FormatDecimal(c.v, c.places, c.lang); got != c.want {
			t.Errorf("FormatDecimal(%v, %d, %s) = %q, want %q", c.v, c.places, c.lang, got, c.want)
		}
	}
}

// TestReviewReport: the printable report holds, per language, a table per
// kind of text with a row for every text, every hard sentence with its
// reasons, every regeling/toelichting finding, the meaning of a score
// below 0 where one occurs, and numbers in the page's language. Its text
// is kept in testdata/review-report-nl.golden for a reviewer to read,
// without the guides and glossary entries, which change with each edit.
func TestReviewReport(t *testing.T) {
	b := generated()
	if b.err != nil {
		t.Fatal(b.err)
	}
	r, err := site.NewRenderer(templates.Default())
	if err != nil {
		t.Fatal(err)
	}
	findings := b.project.Consistency()
	for _, lang := range []string{"nl", "en"} {
		prefix := map[string]string{"nl": "", "en": "en/"}[lang]
		page := string(b.out[prefix+"leesbaarheid/rapport/index.html"])
		if page == "" {
			t.Fatalf("%sleesbaarheid/rapport/ not written", prefix)
		}
		if !strings.Contains(string(b.out[prefix+"leesbaarheid/index.html"]), `href="rapport/"`) {
			t.Errorf("%s: the overview does not link to the report", lang)
		}
		if !strings.Contains(string(b.out["sitemap.xml"]), "<loc>https://regelgids.eemsdelta.nl/"+prefix+"leesbaarheid/rapport/</loc>") {
			t.Errorf("%s: the sitemap does not list the report", lang)
		}
		main := mainText(t, page)
		texts, err := site.Review(b.project, lang, r.Words(b.project, lang))
		if err != nil {
			t.Fatal(err)
		}
		rows := strings.Count(main, "\n| ") - strings.Count(main, "\n| "+map[string]string{"nl": "Tekst", "en": "Text"}[lang]+" |")
		if rows != len(texts) {
			t.Errorf("%s: %d rows in the summary tables, want one per text (%d)", lang, rows, len(texts))
		}
		hard := 0
		for _, x := range texts {
			for _, s := range x.HardSentences() {
				hard++
				if !strings.Contains(main, "- "+oneLine(s.Text)+" [") || !strings.Contains(main, oneLine(strings.Join(s.Reasons, "; "))) {
					t.Errorf("%s: %s: hard sentence or its reasons missing: %q %q", lang, x.Title, s.Text, s.Reasons)
				}
			}
			if x.BelowZero() && !strings.Contains(main, "| "+x.Title+" | "+x.Score()+" |") {
				t.Errorf("%s: %s scores %s, not in the summary", lang, x.Title, x.Score())
			}
		}
		if hard == 0 {
			t.Errorf("%s: no hard sentences at all; the law has many", lang)
		}
		for _, f := range findings {
			if !strings.Contains(main, oneLine(f.Message)) {
				t.Errorf("%s: finding missing: %s", lang, f.Message)
			}
		}
		if lang == "en" && len(findings) > 0 && !strings.Contains(page, `<span lang="nl">`+html.EscapeString(findings[0].Message)) {
			t.Errorf("en: the Dutch finding is not marked lang=nl")
		}
		// Article 24 is one sentence of long words: below 0, explained.
		below := map[string]string{"nl": "Een score onder 0 betekent", "en": "A score below 0 means"}[lang]
		if !strings.Contains(main, "\u2212") || strings.Count(main, below) < 2 {
			t.Errorf("%s: no score below 0 with its explanation (method and table)", lang)
		}
		// Numbers as the language writes them: "8,3" in Dutch, "8.3" in English.
		wrong := map[string]*regexp.Regexp{"nl": regexp.MustCompile(`\| \d+\.\d \|`), "en": regexp.MustCompile(`\| \d+,\d \|`)}[lang]
		if m := wrong.FindString(main); m != "" {
			t.Errorf("%s: number %q in the other language's format", lang, m)
		}
		for _, part := range []string{"## ", "### "} {
			if !strings.Contains(main, "\n"+part) {
				t.Errorf("%s: no %q headings", lang, part)
			}
		}
		if lang == "nl" {
			// The golden holds what comes from the ordinance and the
			// interface texts; the guides' and glossary's rows change
			// with every edit of a guide and are checked above.
			golden.Check(t, "review-report-nl.golden", []byte(withoutSections(main, "### Uitleg in gewone woorden", "### Begrippen", "### Uitleg: ", "### Begrip: ")))
		}
	}
}

// withoutSections leaves out of an outline the sections whose heading
// starts with one of prefixes, up to the next heading.
func withoutSections(outline string, prefixes ...string) string {
	var b strings.Builder
	skip := false
	for _, line := range strings.SplitAfter(outline, "\n") {
		if strings.HasPrefix(line, "#") {
			skip = false
			for _, p := range prefixes {
				if strings.HasPrefix(line, p) {
					skip = true
				}
			}
		}
		if !skip {
			b.WriteString(line)
		}
	}
	return b.String()
}

// oneLine collapses white space as a reader sees it.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// mainText is the text of a page's main element as a reader meets it:
// headings with their level, table rows as "| cell | cell |", list items
// as "- ", terms and descriptions as "term: description", each paragraph
// on its own line.
func mainText(t *testing.T, page string) string {
	t.Helper()
	doc, err := xhtml.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	var text func(n *xhtml.Node) string
	text = func(n *xhtml.Node) string {
		if n.Type == xhtml.TextNode {
			return n.Data
		}
		var b strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == xhtml.ElementNode && c.Data == "br" {
				b.WriteString(" / ")
				continue
			}
			b.WriteString(text(c))
		}
		return b.String()
	}
	clean := oneLine
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode {
			switch n.Data {
			case "h1", "h2", "h3", "h4":
				out.WriteString("\n" + strings.Repeat("#", int(n.Data[1]-'0')) + " " + clean(text(n)) + "\n")
				return
			case "tr":
				var cells []string
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.Type == xhtml.ElementNode {
						cells = append(cells, clean(text(c)))
					}
				}
				out.WriteString("| " + strings.Join(cells, " | ") + " |\n")
				return
			case "caption":
				return
			case "li":
				out.WriteString("- " + clean(text(n)) + "\n")
				return
			case "dt":
				out.WriteString(clean(text(n)) + ": ")
				return
			case "dd", "p":
				out.WriteString(clean(text(n)) + "\n")
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	var find func(n *xhtml.Node) *xhtml.Node
	find = func(n *xhtml.Node) *xhtml.Node {
		if n.Type == xhtml.ElementNode && n.Data == "main" {
			return n
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if m := find(c); m != nil {
				return m
			}
		}
		return nil
	}
	m := find(doc)
	if m == nil {
		t.Fatal("no main element")
	}
	walk(m)
	return out.String()
}
