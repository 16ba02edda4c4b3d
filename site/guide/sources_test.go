package guide

import (
	"regexp"
	"strings"
	"testing"
)

// sourcesEnv is env() with the references gathered: a destination under
// /artikel/ or /toelichting/ is the law.
func sourcesEnv() *Env {
	e := env()
	e.Glossary = nil
	e.Sources = &Sources{Label: "Waar staat dit?", IsSource: func(dest string) bool {
		return strings.HasPrefix(dest, "/artikel/") || strings.HasPrefix(dest, "/toelichting/")
	}}
	return e
}

// TestSources renders one section per case and compares the section's
// HTML after the heading: sentences that only refer to the law move to
// one line at the end, each destination once, in order; a reference woven
// into a sentence, a link to another page, a number or emphasis keeps the
// sentence where it is.
func TestSources(t *testing.T) {
	const a1 = `<a href="REL/artikel/17/#lid-1" class="utrecht-link">artikel 17, lid 1</a>`
	const a2 = `<a href="REL/artikel/17/#lid-2" class="utrecht-link">artikel 17, lid 2</a>`
	const tl = `<a href="REL/artikel/17/#toelichting" class="utrecht-link">toelichting bij artikel 17</a>`
	line := func(links ...string) string {
		return `<p class="utrecht-paragraph rg-sources"><strong>Waar staat dit?</strong> ` + strings.Join(links, "; ") + `.</p>`
	}
	for _, tc := range []struct {
		name, md, want string
	}{
		{"at the end of a paragraph",
			"U krijgt geld. Zie [artikel 17, lid 1](/artikel/17/#lid-1).",
			`<p class="utrecht-paragraph">U krijgt geld.</p>` + "\n" + line(a1)},
		{"in the middle, with 'Dit staat in de'",
			"U krijgt geld. Dit staat in de [toelichting bij artikel 17](/artikel/17/#toelichting). Daarna niets.",
			`<p class="utrecht-paragraph">U krijgt geld. Daarna niets.</p>` + "\n" + line(tl)},
		{"a paragraph of references only goes, two links and 'en'",
			"- Eén.\n- Twee.\n\nDit staat in [artikel 17, lid 1](/artikel/17/#lid-1) en [artikel 17, lid 2](/artikel/17/#lid-2).",
			"<ul class=\"utrecht-unordered-list\">\n<li class=\"utrecht-unordered-list__item\">Eén.</li>\n<li class=\"utrecht-unordered-list__item\">Twee.</li>\n</ul>\n" + line(a1, a2)},
		{"each destination once, in order",
			"Eerst. Zie [artikel 17, lid 2](/artikel/17/#lid-2).\n\nDan. Zie [artikel 17, lid 1](/artikel/17/#lid-1) en [artikel 17, lid 2](/artikel/17/#lid-2).",
			`<p class="utrecht-paragraph">Eerst.</p>` + "\n" + `<p class="utrecht-paragraph">Dan.</p>` + "\n" + line(a2, a1)},
		{"at the start of a paragraph",
			"Zie [artikel 17, lid 1](/artikel/17/#lid-1). Dan volgt dit.",
			`<p class="utrecht-paragraph">Dan volgt dit.</p>` + "\n" + line(a1)},
		{"woven into a sentence: stays",
			"Volgens [artikel 17, lid 1](/artikel/17/#lid-1) krijgt u geld.",
			`<p class="utrecht-paragraph">Volgens ` + a1 + ` krijgt u geld.</p>`},
		{"a link to another page: stays",
			"Lees ook [hoe u hulp vraagt](/voorzieningen/hulp-aanvragen/).",
			`<p class="utrecht-paragraph">Lees ook <a href="REL/voorzieningen/hulp-aanvragen/" class="utrecht-link">hoe u hulp vraagt</a>.</p>`},
		{"too many words: stays",
			"Wat u krijgt staat precies beschreven in het stuk [artikel 17, lid 1](/artikel/17/#lid-1).",
			`<p class="utrecht-paragraph">Wat u krijgt staat precies beschreven in het stuk ` + a1 + `.</p>`},
		{"a number outside the link: stays",
			"Zie [artikel 17](/artikel/17/#lid-1) uit 2024.",
			`<p class="utrecht-paragraph">Zie <a href="REL/artikel/17/#lid-1" class="utrecht-link">artikel 17</a> uit 2024.</p>`},
		{"emphasis: stays",
			"Zie *vooral* [artikel 17, lid 1](/artikel/17/#lid-1).",
			`<p class="utrecht-paragraph">Zie <em>vooral</em> ` + a1 + `.</p>`},
		{"a question before it",
			"Krijgt u geld? See [artikel 17, lid 1](/artikel/17/#lid-1).",
			`<p class="utrecht-paragraph">Krijgt u geld?</p>` + "\n" + line(a1)},
		{"in brackets, in a list item and in a paragraph",
			"- U houdt uw uitkering ([artikel 17, lid 1](/artikel/17/#lid-1)).\n- Zie [artikel 17, lid 2](/artikel/17/#lid-2).\n\nDe gemeente kijkt wat past ([toelichting bij artikel 17](/artikel/17/#toelichting) en [artikel 17, lid 1](/artikel/17/#lid-1)). Daarna niets.",
			"<ul class=\"utrecht-unordered-list\">\n<li class=\"utrecht-unordered-list__item\">U houdt uw uitkering.</li>\n</ul>\n" +
				`<p class="utrecht-paragraph">De gemeente kijkt wat past. Daarna niets.</p>` + "\n" + line(a1, a2, tl)},
		{"a list of references only goes",
			"Eerst.\n\n- Zie [artikel 17, lid 1](/artikel/17/#lid-1).",
			`<p class="utrecht-paragraph">Eerst.</p>` + "\n" + line(a1)},
		{"a link without a number: stays",
			"Zie [de verordening](/artikel/17/).",
			`<p class="utrecht-paragraph">Zie <a href="REL/artikel/17/" class="utrecht-link">de verordening</a>.</p>`},
		{"brackets with other words: stay",
			"U houdt uw uitkering (zoals [artikel 17, lid 1](/artikel/17/#lid-1) zegt).",
			`<p class="utrecht-paragraph">U houdt uw uitkering (zoals ` + a1 + ` zegt).</p>`},
		{"over two lines",
			"U krijgt geld.\nZie [artikel 17, lid 1](/artikel/17/#lid-1).\nDaarna niets.",
			`<p class="utrecht-paragraph">U krijgt geld.` + "\n" + `Daarna niets.</p>` + "\n" + line(a1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(valid, "U krijgt {{< param \"uitstroompremie.volledig\" >}} als u een uitkering had. Zie [artikel 17, lid 1](/artikel/17/#lid-1).", tc.md, 1)
			g, err := Parse("uitstroompremie.md", "uitstroompremie", "nl", []byte(src), structure)
			if err != nil {
				t.Fatal(err)
			}
			html, err := g.Render(sourcesEnv())
			if err != nil {
				t.Fatal(err)
			}
			s := string(html)
			start := strings.Index(s, "</h2>\n") + len("</h2>\n")
			end := strings.Index(s, "\n<h2")
			if got := s[start:end]; got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestSourcesOff: without Sources the references stay where they are.
func TestSourcesOff(t *testing.T) {
	g, err := Parse("uitstroompremie.md", "uitstroompremie", "nl", []byte(valid), structure)
	if err != nil {
		t.Fatal(err)
	}
	html, err := g.Render(env())
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(html), "rg-sources") || !strings.Contains(string(html), `had. Zie <a href="REL/artikel/17/#lid-1"`) {
		t.Errorf("references moved without Sources:\n%s", html)
	}
}

var reLawLink = regexp.MustCompile(`href="REL/(?:artikel|toelichting)/[^"]*"`)

// sameLawLinks reports whether two renderings link to the same places in
// the law (each place at least once).
func sameLawLinks(a, b string) bool {
	set := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range reLawLink.FindAllString(s, -1) {
			m[l] = true
		}
		return m
	}
	sa, sb := set(a), set(b)
	if len(sa) != len(sb) {
		return false
	}
	for l := range sa {
		if !sb[l] {
			return false
		}
	}
	return true
}
