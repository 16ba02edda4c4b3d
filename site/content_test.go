package site_test

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/regelgids/regelgids/content"
	"github.com/regelgids/regelgids/site/project"
)

// TestContentErrors: each way the bilingual content can fall apart stops
// the build with a message that names the file, the line and what is
// missing.
func TestContentErrors(t *testing.T) {
	replace := func(name, old, new string) func(fstest.MapFS) { return replaceIn(t, name, old, new) }
	cases := []struct {
		name   string
		change func(fstest.MapFS)
		want   string
	}{
		{"guide missing in English", func(m fstest.MapFS) { delete(m, "gidsen/en/scholing.md") },
			`gidsen/en/scholing.md:1: the guide "scholing" is missing in this language (it exists in nl)`},
		{"guide missing in Dutch", func(m fstest.MapFS) { delete(m, "gidsen/nl/jobcoach.md") },
			`gidsen/nl/jobcoach.md:1: the guide "jobcoach" is missing in this language (it exists in en)`},
		{"guide loses its article link", func(m fstest.MapFS) {
			f := m["gidsen/nl/scholing.md"]
			f.Data = bytes.ReplaceAll(f.Data, []byte("](/artikel/10/"), []byte("](/artikel/3/"))
		},
			"gidsen/nl/scholing.md:1: the guide explains article 10 but never links to it"},
		{"link to a missing lid", replace("gidsen/nl/uitstroompremie.md", "/artikel/17/#lid-1", "/artikel/17/#lid-9"),
			`article 17 has no anchor #lid-9`},
		{"unknown parameter", replace("gidsen/en/uitstroompremie.md", `{{< param "uitstroompremie.volledig" >}}`, `{{< param "uitstroompremie.volleidg" >}}`),
			`{{< param "uitstroompremie.volleidg" >}}: no such parameter in parameters.yaml`},
		{"article translation missing", replace("vertaling/en.yaml", `  - number: "24"`, `  - number: "25"`),
			`vertaling/en.yaml:`},
		{"glossary entry missing", replace("begrippen/en.yaml", "- id: ambtshalve", "- id: ambtshalve-x"),
			`begrippen/en.yaml:1: glossary entry "ambtshalve" is missing (it exists in nl)`},
		{"raw html in a guide", replace("gidsen/nl/scholing.md", "## Wat is het?\n", "## Wat is het?\n\n<script>alert(1)</script>\n"),
			"gidsen/nl/scholing.md:"},
		{"javascript link in a guide", replace("gidsen/nl/scholing.md", "](/artikel/10/", "](javascript:alert(1)) [x](/artikel/10/"),
			`scheme "javascript" is not allowed`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := copyFS(t, content.Default())
			c.change(fsys)
			_, err := project.Load(fsys, testDate)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error:\n%v\nwant it to contain:\n%s", err, c.want)
			}
			if err != nil && strings.Contains(c.name, "guide missing") && strings.Count(err.Error(), "\n") > 0 {
				t.Errorf("one fault, more messages:\n%v", err)
			}
		})
	}
}

// TestLanguageCounterparts: every page links to the same page in the other
// language, and carries hreflang alternates for both.
func TestLanguageCounterparts(t *testing.T) {
	out := generate(t)
	pages := 0
	for name, b := range out {
		if !strings.HasSuffix(name, "index.html") {
			continue
		}
		pages++
		en := strings.HasPrefix(name, "en/")
		path := "/" + strings.TrimSuffix(strings.TrimPrefix(name, "en/"), "index.html")
		counterpart := "en" + path + "index.html"
		if en {
			counterpart = strings.TrimPrefix(path, "/") + "index.html"
		}
		if _, ok := out[counterpart]; !ok {
			t.Errorf("%s has no counterpart %s", name, counterpart)
			continue
		}
		p := parsePage(t, name, b)
		found := false
		for _, href := range p.links {
			if strings.HasSuffix(href, strings.TrimSuffix(counterpart, "index.html")) && strings.Contains(string(b), `class="rg-lang" href="`+href+`"`) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: the language switch does not link to %s", name, counterpart)
		}
		for _, lang := range []string{"nl", "en", "x-default"} {
			if !strings.Contains(string(b), `<link rel="alternate" hreflang="`+lang+`"`) {
				t.Errorf("%s: no hreflang %s", name, lang)
			}
		}
	}
	if pages < 100 {
		t.Errorf("only %d pages", pages)
	}
	// English renderings of the ordinance say they are unofficial and link
	// to the binding Dutch text.
	a6 := string(out["en/artikel/6/index.html"])
	if !strings.Contains(a6, "unofficial translation") || !strings.Contains(a6, `href="../../../artikel/6/" hreflang="nl"`) {
		t.Error("en/artikel/6 lacks the unofficial-translation notice with a link to the Dutch text")
	}
}

// TestGlossaryMarking: the first use of a term on a page links to its
// entry; later uses do not.
func TestGlossaryMarking(t *testing.T) {
	out := generate(t)
	page := string(out["voorzieningen/uitstroompremie/index.html"])
	if n := strings.Count(page, `href="../../begrippen/#uitkering"`); n != 1 {
		t.Errorf("uitstroompremie: %d links to the entry uitkering, want 1", n)
	}
	gl := string(out["begrippen/index.html"])
	for _, want := range []string{`<dt id="ambtshalve"`, `<dfn>ambtshalve</dfn>`, `<dt id="startkwalificatie"`, `href="#letter-U"`} {
		if !strings.Contains(gl, want) {
			t.Errorf("glossary lacks %q", want)
		}
	}
	if strings.Contains(gl, "rg-term") {
		t.Error("the glossary marks terms on its own page")
	}
}
