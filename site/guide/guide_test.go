package guide

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/regelgids/regelgids/site/glossary"
)

const valid = `---
title: Uitstroompremie
summary: Geld als u gaat werken.
audience: Voor wie lang een uitkering had.
articles: ["17"]
situations: [werk-beginnen]
calculator: uitstroompremie
order: 17
---

## Wat is het?

U krijgt {{< param "uitstroompremie.volledig" >}} als u een uitkering had. Zie [artikel 17, lid 1](/artikel/17/#lid-1).

## Is het voor mij?

- Ja, als u lang een uitkering had.

## Wat krijg ik?

Een premie. Daarna geen uitkering meer.

## Wat moet ik doen?

Niets.

## Hoe vraag ik het aan?

De gemeente geeft het [vanzelf](/voorzieningen/hulp-aanvragen/).

## Voorbeeld

Anna krijgt {{< param "uitstroompremie.volledig" >}}.
`

func env() *Env {
	return &Env{
		Param: func(name string) (string, error) {
			if name == "uitstroompremie.volledig" {
				return "€\u00a0600", nil
			}
			return "", errors.New("no such parameter")
		},
		Link: func(dest string) (string, error) {
			if strings.HasPrefix(dest, "javascript:") {
				return "", errors.New("not a web address")
			}
			return "REL" + dest, nil
		},
		Glossary: glossary.NewMarker([]glossary.Entry{{ID: "uitkering", Term: "uitkering", Forms: []string{"uitkeringen"}}}, func(id string) string { return "GLOSS#" + id }),
	}
}

func TestParseAndRender(t *testing.T) {
	g, err := Parse("uitstroompremie.md", "uitstroompremie", "nl", []byte(valid))
	if err != nil {
		t.Fatal(err)
	}
	if g.Title != "Uitstroompremie" || g.Calculator != "uitstroompremie" || len(g.Sections) != 6 || g.Sections[5].ID != "voorbeeld" {
		t.Errorf("guide %+v", g)
	}
	if len(g.Params) != 2 || g.Params[0] != (Ref{Target: "uitstroompremie.volledig", Line: 13}) || g.Params[1].Line != 33 {
		t.Errorf("params %+v", g.Params)
	}
	if len(g.Links) != 2 || g.Links[0] != (Ref{Target: "/artikel/17/#lid-1", Line: 13}) {
		t.Errorf("links %+v", g.Links)
	}
	html, err := g.Render(env())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<h2 class="utrecht-heading-2" id="wat-is-het">Wat is het?</h2>`,
		"U krijgt €\u00a0600 als u een",
		`<a href="GLOSS#uitkering" class="utrecht-link rg-term">uitkering</a> had.`,
		`<a href="REL/artikel/17/#lid-1" class="utrecht-link">artikel 17, lid 1</a>`,
		`Ja, als u lang een uitkering had.`, // marked only the first time
		`<ul class="utrecht-unordered-list">`,
	} {
		if !strings.Contains(string(html), want) {
			t.Errorf("rendered HTML lacks %q:\n%s", want, html)
		}
	}
}

func TestErrors(t *testing.T) {
	replace := func(old, new string) string { return strings.Replace(valid, old, new, 1) }
	cases := []struct{ name, src, want string }{
		{"no front matter", "## Wat is het?\n", "x.md:1: no front matter"},
		{"unknown key", replace("order: 17", "ordre: 17"), "x.md:8: front matter: unknown key ordre"},
		{"missing summary", replace("summary: Geld als u gaat werken.\n", ""), "x.md:1: front matter: summary is missing"},
		{"unknown situation", replace("[werk-beginnen]", "[werk-beginen]"), `unknown situation "werk-beginen"`},
		{"wrong heading", replace("## Wat krijg ik?", "## Hoeveel krijg ik?"), `x.md:19: heading 3 is "Hoeveel krijg ik?"; expected "Wat krijg ik?"`},
		{"missing heading", strings.Split(valid, "## Voorbeeld")[0], `5 of the six headings found; missing ["Voorbeeld"]`},
		{"deeper heading", replace("Niets.", "### Stap 1\n\nNiets."), `x.md:25: heading "Stap 1" is level 3`},
		{"text before heading", replace("\n## Wat is het?", "Hallo.\n\n## Wat is het?"), `x.md:10: text before the first heading`},
		{"raw html", replace("Niets.", "<script>alert(1)</script>"), "x.md:25: raw HTML is not allowed"},
		{"inline html", replace("Niets.", "Niets <b>echt</b>."), "x.md:25: raw HTML is not allowed"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("x.md", "x", "nl", []byte(c.src))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error:\n%v\nwant: %s", err, c.want)
			}
		})
	}
}

func TestRenderErrors(t *testing.T) {
	src := strings.Replace(valid, `{{< param "uitstroompremie.volledig" >}} als`, `{{< param "uitstroompremie.onbekend" >}} als`, 1)
	src = strings.Replace(src, "(/voorzieningen/hulp-aanvragen/)", "(javascript:alert(1))", 1)
	g, err := Parse("x.md", "x", "nl", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	_, err = g.Render(env())
	for _, want := range []string{`x.md:13: {{< param "uitstroompremie.onbekend" >}}: no such parameter`, `x.md:29: link "javascript:alert(1)": not a web address`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error:\n%v\nwant: %s", err, want)
		}
	}
}

// TestContentGuides parses every guide of the default content.
func TestContentGuides(t *testing.T) {
	for _, lang := range []string{"nl", "en"} {
		files, _ := filepath.Glob(filepath.Join("../../content/eemsdelta/gidsen", lang, "*.md"))
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			slug := strings.TrimSuffix(filepath.Base(f), ".md")
			if _, err := Parse(f, slug, lang, src); err != nil {
				t.Error(err)
			}
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(valid))
	f.Add([]byte("---\ntitle: x\n---\n## Wat is het?\n{{< param \"a\" >}} [x](/y)"))
	f.Fuzz(func(t *testing.T, src []byte) {
		g, err := Parse("fuzz.md", "fuzz", "nl", src)
		if err != nil {
			return
		}
		g.Render(env()) // must not panic
	})
}

func TestText(t *testing.T) {
	g, err := Parse("x.md", "x", "nl", []byte(valid))
	if err != nil {
		t.Fatal(err)
	}
	got, err := g.Text(env().Param)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Wat is het?\n\nU krijgt €\u00a0600 als u een uitkering had. Zie artikel 17, lid 1.\n\n",
		"Is het voor mij?\n\n- Ja, als u lang een uitkering had.\n",
		"Anna krijgt €\u00a0600.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("text lacks %q:\n%s", want, got)
		}
	}
}
