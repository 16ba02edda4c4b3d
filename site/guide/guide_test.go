package guide

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"

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

// structure is a guide structure as a content folder gives it: six
// sections and four situations, in Dutch and English.
var structure = &Structure{
	File: "gidsen/indeling.yaml",
	Sections: []SectionSpec{
		{ID: "wat-is-het", Heading: map[string]string{"nl": "Wat is het?", "en": "What is it?"}},
		{ID: "is-het-voor-mij", Heading: map[string]string{"nl": "Is het voor mij?", "en": "Is it for me?"}},
		{ID: "wat-krijg-ik", Heading: map[string]string{"nl": "Wat krijg ik?", "en": "What do I get?"}},
		{ID: "wat-moet-ik-doen", Heading: map[string]string{"nl": "Wat moet ik doen?", "en": "What do I have to do?"}},
		{ID: "aanvragen", Heading: map[string]string{"nl": "Hoe vraag ik het aan?", "en": "How do I apply?"}},
		{ID: "voorbeeld", Heading: map[string]string{"nl": "Voorbeeld", "en": "Example"}},
	},
	Situations: []Situation{
		{ID: "werk-zoeken"}, {ID: "werken-met-beperking"}, {ID: "jong-zonder-diploma"}, {ID: "werk-beginnen"},
	},
}

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
	g, err := Parse("uitstroompremie.md", "uitstroompremie", "nl", []byte(valid), structure)
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
			_, err := Parse("x.md", "x", "nl", []byte(c.src), structure)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error:\n%v\nwant: %s", err, c.want)
			}
		})
	}
}

func TestRenderErrors(t *testing.T) {
	src := strings.Replace(valid, `{{< param "uitstroompremie.volledig" >}} als`, `{{< param "uitstroompremie.onbekend" >}} als`, 1)
	src = strings.Replace(src, "(/voorzieningen/hulp-aanvragen/)", "(javascript:alert(1))", 1)
	g, err := Parse("x.md", "x", "nl", []byte(src), structure)
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

// TestContentGuides parses every guide of the default content with the
// structure its folder gives (read loosely here; the site package reads it
// strictly and checks it).
func TestContentGuides(t *testing.T) {
	const dir = "../../content/eemsdelta/gidsen"
	raw, err := os.ReadFile(filepath.Join(dir, "indeling.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	content := &Structure{File: "indeling.yaml"}
	if err := yaml.Unmarshal(raw, content); err != nil || len(content.Sections) == 0 {
		t.Fatalf("indeling.yaml: %v, %d sections", err, len(content.Sections))
	}
	for _, lang := range []string{"nl", "en"} {
		files, _ := filepath.Glob(filepath.Join(dir, lang, "*.md"))
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			slug := strings.TrimSuffix(filepath.Base(f), ".md")
			if _, err := Parse(f, slug, lang, src, content); err != nil {
				t.Error(err)
			}
		}
	}
}

// FuzzParse: whatever Parse accepts, Render and Text handle without a
// panic, and no page shows "{{"; gathering the references to the law
// (Sources) loses none of them.
func FuzzParse(f *testing.F) {
	f.Add([]byte(valid))
	f.Add([]byte("---\ntitle: x\n---\n## Wat is het?\n{{< param \"a\" >}} [x](/y)"))
	f.Add([]byte(strings.Replace(valid, "## Wat is het?\n", "## Wat is het?{{< param \"uitstroompremie.volledig\" >}}\n", 1)))
	f.Add([]byte(at("Zie [artikel 1, lid 2](/artikel/1/#lid-2) en de [toelichting bij artikel 3](/artikel/3/#toelichting).\n\n- Een punt ([artikel 4](/artikel/4/)).\n- Zie [artikel 5](/artikel/5/).")))
	f.Add([]byte(at("[*{{< param \"uitstroompremie.volledig\" >}}*](/artikel/17/) `code` ![a](/b.png) > - 1. x\n\n\\{\\{ &#123;")))
	f.Fuzz(func(t *testing.T, src []byte) {
		g, err := Parse("fuzz.md", "fuzz", "nl", src, structure)
		if err != nil {
			return
		}
		html, err := g.Render(env())
		if err == nil && strings.Contains(string(html), "{{") {
			t.Errorf("rendered page shows {{:\n%s", html)
		}
		g.Text(env().Param)
		// Gathering the references keeps every link to the law.
		gathered, err2 := g.Render(sourcesEnv())
		if (err == nil) != (err2 == nil) {
			t.Fatalf("with sources: %v, without: %v", err2, err)
		}
		if err == nil && !sameLawLinks(string(html), string(gathered)) {
			t.Errorf("links to the law differ:\n%s\n---\n%s", html, gathered)
		}
	})
}

func TestText(t *testing.T) {
	g, err := Parse("x.md", "x", "nl", []byte(valid), structure)
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

// at puts text where "Niets." is in the valid guide: line 25.
func at(text string) string { return strings.Replace(valid, "Niets.", text, 1) }

// firstError parses src and returns the first line of the error.
func firstError(t *testing.T, src string) string {
	t.Helper()
	_, err := Parse("x.md", "x", "nl", []byte(src), structure)
	if err == nil {
		t.Fatalf("no error for:\n%s", src)
	}
	first, _, _ := strings.Cut(err.Error(), "\n")
	return first
}

// A shortcode after a heading used to make Render panic (index out of
// range: goldmark has no renderer for a parameter left in a heading).
func TestHeadingShortcode(t *testing.T) {
	src := strings.Replace(valid, "## Wat is het?\n", `## Wat is het?{{< param "uitstroompremie.volledig" >}}`+"\n", 1)
	g, err := Parse("x.md", "x", "nl", []byte(src), structure)
	want := `x.md:11: heading "Wat is het?" contains {{< param "uitstroompremie.volledig" >}}: the six headings are fixed text; put the shortcode in the text under the heading`
	if err == nil || err.Error() != want {
		t.Errorf("error:\n%v\nwant:\n%s", err, want)
	}
	// Render, called anyway, renders it and does not panic.
	html, err := g.Render(env())
	if err != nil || !strings.Contains(string(html), "Wat is het?€\u00a0600</h2>") {
		t.Errorf("render: %v\n%s", err, html)
	}
}

// A shortcode in link text also used to panic; it is rendered.
func TestShortcodeInLinkText(t *testing.T) {
	g, err := Parse("x.md", "x", "nl", []byte(at(`[Vraag *{{< param "uitstroompremie.volledig" >}}* aan](/voorzieningen/hulp-aanvragen/).`)), structure)
	if err != nil {
		t.Fatal(err)
	}
	html, err := g.Render(env())
	if want := `<a href="REL/voorzieningen/hulp-aanvragen/" class="utrecht-link">Vraag <em>€` + "\u00a0" + `600</em> aan</a>.`; err != nil || !strings.Contains(string(html), want) {
		t.Errorf("render: %v\n%s\nwant %s", err, html, want)
	}
}

func TestShortcodeErrors(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"misspelt", `U krijgt {{< parm "x" >}}.`, `x.md:25: {{< parm "x" >}} is not a shortcode: there is no shortcode "parm" (the only one is param); write {{< param "x" >}}`},
		{"percent", `U krijgt {{% param "x" %}}.`, `x.md:25: {{% param "x" %}} is not a shortcode: it uses {{% %}} instead of {{< >}}; write {{< param "x" >}}`},
		{"single quotes", `U krijgt {{< param 'x' >}}.`, `x.md:25: {{< param 'x' >}} is not a shortcode: the name is in single quotes; use double quotes "; write {{< param "x" >}}`},
		{"curly quotes", `U krijgt {{< param “x” >}}.`, `x.md:25: {{< param “x” >}} is not a shortcode: the name must be in straight double quotes " (found “…”); write {{< param "x" >}}`},
		{"no quotes", `U krijgt {{< param x >}}.`, `x.md:25: {{< param x >}} is not a shortcode: the name is not in double quotes; write {{< param "x" >}}`},
		{"wrong case", `U krijgt {{< Param "x" >}}.`, `x.md:25: {{< Param "x" >}} is not a shortcode: "Param" must be written in lowercase; write {{< param "x" >}}`},
		{"name case", `U krijgt {{< param "Uitstroompremie.Volledig" >}}.`, `x.md:25: {{< param "Uitstroompremie.Volledig" >}} is not a shortcode: parameter names are lowercase; write {{< param "uitstroompremie.volledig" >}}`},
		{"bad name", `U krijgt {{< param "a b" >}}.`, `x.md:25: {{< param "a b" >}} is not a shortcode: a parameter name has only lowercase letters, digits, _ and .; write {{< param "name" >}}`},
		{"not closed", `U krijgt {{< param "x" en meer`, `x.md:25: {{< param "x" en meer is not a shortcode: it is not closed with >}} on the same line; write {{< param "x" >}}`},
		{"closed on next line", "U krijgt {{< param \"x\"\n>}}.", `x.md:25: {{< param "x" is not a shortcode: it is not closed with >}} on the same line; write {{< param "x" >}}`},
		{"half closed", `U krijgt {{< param "x" }}.`, `x.md:25: {{< param "x" }} is not a shortcode: it ends with }} instead of >}}; write {{< param "x" >}}`},
		{"go template", `U krijgt {{ param "x" }}.`, `x.md:25: {{ param "x" }} is not a shortcode: it lacks the < after {{; write {{< param "x" >}}`},
		{"no name", `U krijgt {{< param >}}.`, `x.md:25: {{< param >}} is not a shortcode: it gives no parameter name; write {{< param "name" >}}`},
		{"empty", `U krijgt {{<>}}.`, `x.md:25: {{<>}} is not a shortcode: it names no shortcode; write {{< param "name" >}}`},
		{"two names", `U krijgt {{< param "x" "y" >}}.`, `x.md:25: {{< param "x" "y" >}} is not a shortcode: it has more than the name after param; write {{< param "x" >}}`},
		{"three braces", `U krijgt {{{< param "x" >}}.`, `x.md:25: {{{< param "x" >}} is not a shortcode: it starts with more than two {; write {{< param "x" >}}`},
		{"one brace", `U krijgt {< param "x" >}}.`, `x.md:25: {< param "x" >}} is not a shortcode: it starts with one { instead of two; write {{< param "x" >}}`},
		{"stray end", `U krijgt param "x" >}}.`, `x.md:25: ">}}" closes a shortcode that was never opened on this line; write {{< param "name" >}}`},
		{"bare braces", `Een {{ hier.`, `x.md:25: {{ hier. is not a shortcode: it lacks the < after {{, there is no shortcode "hier." (the only one is param), it gives no parameter name; write {{< param "name" >}}`},
		{"long", "Een {{" + strings.Repeat("x", 10000), `x.md:25: {{xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx… is not a shortcode: it lacks the < after {{, there is no shortcode "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" (the only one is param), it gives no parameter name; write {{< param "name" >}}`},
		{"control characters", "Een {{\x00\x1b>}}", `x.md:25: {{\x00\x1b>}} is not a shortcode: it lacks the < after {{, there is no shortcode "\x00\x1b" (the only one is param), it gives no parameter name; write {{< param "name" >}}`},
		{"in a list", "- een\n- {{< parm \"x\" >}}", `x.md:26: {{< parm "x" >}} is not a shortcode`},
		{"in a link", `[{{< parm "x" >}}](/artikel/17/)`, `x.md:25: {{< parm "x" >}} is not a shortcode`},
		{"in a link address", `[a](/artikel/17/{{x)`, `x.md:25: {{x) is not a shortcode`},
		// A well-formed shortcode where it is not replaced.
		{"code span", "Typ `{{< param \"uitstroompremie.volledig\" >}}`.", `x.md:25: "{{" in code: a shortcode in backticks or a code block is printed as written, not replaced; remove the backticks`},
		{"fenced code", "```\nU krijgt\n{{< param \"uitstroompremie.volledig\" >}}\n```", `x.md:27: "{{" in code: a shortcode in backticks or a code block is printed as written, not replaced; remove the backticks`},
		{"indented code", "Niets.\n\n    {{< param \"uitstroompremie.volledig\" >}}", `x.md:27: "{{" in code`},
		{"link title", `[a](/artikel/17/ '{{< param "x" >}}')`, `x.md:25: "{{" in a link address or title: shortcodes are replaced only in the text`},
		// Braces that only become "{{" on the page.
		{"escaped", `Een \{\{ hier.`, `x.md:25: the page would show "{{" (written as \{ or as an entity such as &#123;); guide text may not contain "{{"`},
		{"entity", `Een &#123;&#123; hier.`, `x.md:25: the page would show "{{"`},
		{"named entity", "Een\n&lbrace;&lbrace; hier.", `x.md:26: the page would show "{{"`},
		{"escape after shortcode", `{{< param "uitstroompremie.volledig" >}} \{\{`, `x.md:25: the page would show "{{"`},
		{"title entity", `[a](/artikel/17/ "&#123;&#123;")`, `x.md:25: "{{" in a link address or title`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := firstError(t, at(c.text)); !strings.HasPrefix(got, c.want) {
				t.Errorf("error:\n%s\nwant:\n%s", got, c.want)
			}
		})
	}
	// In the front matter, which templates print as it is.
	src := strings.Replace(valid, "summary: Geld als u gaat werken.", `summary: Geld ({{< param "uitstroompremie.volledig" >}}) als u gaat werken.`, 1)
	if got, want := firstError(t, src), `x.md:3: front matter: summary contains "{{"; shortcodes work only in the body: write the words themselves`; got != want {
		t.Errorf("error:\n%s\nwant:\n%s", got, want)
	}
}

// One error per problem, and at most maxErrors per file.
func TestErrorCap(t *testing.T) {
	_, err := Parse("x.md", "x", "nl", []byte(at(strings.Repeat("{{< parm \"x\" >}} {{< parm \"y\" >}}\n\n", 500))), structure)
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != maxErrors+1 || lines[1] != `x.md:25: {{< parm "y" >}} is not a shortcode: there is no shortcode "parm" (the only one is param); write {{< param "y" >}}` ||
		lines[maxErrors] != "x.md:43: 980 more problems not shown; fix the ones above first" {
		t.Errorf("%d lines:\n%s", len(lines), strings.Join(lines[:min(len(lines), 30)], "\n"))
	}
}

// Render refuses "{{" that a parameter value or a link brings in.
func TestRenderBraces(t *testing.T) {
	g, err := Parse("x.md", "x", "nl", []byte(valid), structure)
	if err != nil {
		t.Fatal(err)
	}
	e := env()
	e.Param = func(string) (string, error) { return "{{ .Secret }}", nil }
	if _, err := g.Render(e); err == nil || err.Error() != `x.md:13: the page would show "{{" (from the value of a parameter); a page may not show template syntax` {
		t.Errorf("error: %v", err)
	}
	// goldmark escapes braces in link addresses.
	e = env()
	e.Link = func(dest string) (string, error) { return dest + "{{x}}", nil }
	if html, err := g.Render(e); err != nil || !strings.Contains(string(html), `href="/artikel/17/#lid-1%7B%7Bx%7D%7D"`) {
		t.Errorf("render: %v\n%s", err, html)
	}
}

func TestImagesAndLinks(t *testing.T) {
	noImages := `: guides have no images (see gidsen/README.md); say in words what the reader needs to know`
	twoSlashes := ` starts with two slashes, which a browser reads as another web site; write https://… for another site or one / for a page of this site, such as /artikel/17/`
	cases := []struct{ name, text, want string }{
		{"javascript image", "![foto](javascript:alert(1))", `x.md:25: image "javascript:alert(1)"` + noImages},
		{"data image", "Zie:\n![](data:image/png;base64,iVBORw0KGgo=)", `x.md:26: image "data:image/png;base64,iVBORw0KGgo="` + noImages},
		{"external image", "![logo](https://evil.example/logo.png)", `x.md:25: image "https://evil.example/logo.png"` + noImages},
		{"scheme-relative image", "![logo](//evil.example/logo.png)", `x.md:25: image "//evil.example/logo.png"` + noImages},
		{"site image", "![logo](/img/logo.png)", `x.md:25: image "/img/logo.png"` + noImages},
		{"image in link", "[![logo](/img/logo.png)](/artikel/17/)", `x.md:25: image "/img/logo.png"` + noImages},
		{"reference image", "![logo][l]\n\n[l]: /img/logo.png", `x.md:25: image "/img/logo.png"` + noImages},
		{"scheme-relative link", "[artikel](//evil.example/artikel/17/)", `x.md:25: link "//evil.example/artikel/17/"` + twoSlashes},
		{"escaped slash", `[artikel](/\/evil.example/artikel/17/)`, `x.md:25: link "//evil.example/artikel/17/"` + twoSlashes},
		{"entity slashes", `[artikel](&#47;&#47;evil.example/)`, `x.md:25: link "//evil.example/"` + twoSlashes},
		{"backslashes", `[artikel](\\\\evil.example/)`, `x.md:25: link "\\evil.example/"` + twoSlashes},
		{"leading space", "[artikel](< //evil.example/>)", `x.md:25: link " //evil.example/"` + twoSlashes},
		{"reference link", "[artikel][a]\n\n[a]: //evil.example/", `x.md:25: link "//evil.example/"` + twoSlashes},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := firstError(t, at(c.text)); got != c.want {
				t.Errorf("error:\n%s\nwant:\n%s", got, c.want)
			}
		})
	}
	// Links are recorded as the browser reads them, for the site's checks.
	g, err := Parse("x.md", "x", "nl", []byte(at(`[a](/artikel/17/#lid&#45;1) [b](https://example.org/?a=1&amp;b=2)`)), structure)
	if err != nil {
		t.Fatal(err)
	}
	if got := g.Links[1:3]; len(got) != 2 || got[0] != (Ref{"/artikel/17/#lid-1", 25}) || got[1] != (Ref{"https://example.org/?a=1&b=2", 25}) {
		t.Errorf("links %+v", got)
	}
	html, err := g.Render(env())
	if err != nil || !strings.Contains(string(html), `<a href="REL/artikel/17/#lid-1" class="utrecht-link">a</a> <a href="RELhttps://example.org/?a=1&amp;b=2" class="utrecht-link">b</a>`) {
		t.Errorf("render: %v\n%s", err, html)
	}
}

func TestLimits(t *testing.T) {
	lines := func(n int, line func(i int) string) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(line(i) + "\n")
		}
		return b.String()
	}
	rep := strings.Repeat
	const nested = "lists or quotes nested %d deep; at most 20 levels"
	cases := []struct{ name, text, want string }{
		{"10,000 lists on one line", rep("- ", 10000) + "x", "x.md:25: " + fmt.Sprintf(nested, 10000)},
		{"10,000 quotes on one line", rep(">", 10000) + " x", "x.md:25: " + fmt.Sprintf(nested, 10000)},
		{"10,000 quotes and tabs", rep(">\t", 10000) + "x", "x.md:25: " + fmt.Sprintf(nested, 10000)},
		{"10,000 quotes and lists", rep("> 1. ", 5000) + "x", "x.md:25: " + fmt.Sprintf(nested, 10000)},
		{"1,000 lists, a line each", lines(1000, func(i int) string { return rep(" ", 2*i) + "- a" }), "x.md:45: " + fmt.Sprintf(nested, 21)},
		{"1,000 lists indented with tabs", lines(1000, func(i int) string { return rep("\t", i) + "- a" }), "x.md:45: " + fmt.Sprintf(nested, 21)},
		{"1,000 quotes, a line each", lines(1000, func(i int) string { return rep(">", i+1) + " a" }), "x.md:45: " + fmt.Sprintf(nested, 21)},
		{"lazy lines between", lines(1000, func(i int) string {
			if i%2 == 1 {
				return "tekst"
			}
			return rep("  ", i/2) + "- a"
		}), "x.md:65: " + fmt.Sprintf(nested, 21)},
		{"quotes resumed", "> a\n>\n" + lines(100, func(i int) string { return "> " + rep("- ", i) + "a" }), "x.md:47: " + fmt.Sprintf(nested, 21)},
		{"21 on one line", rep("- ", 20) + "1. x", "x.md:25: " + fmt.Sprintf(nested, 21)},
		{"deep by indentation alone", "- a\n" + rep("\t", 40) + "> x", "x.md:26: lists or quotes nested up to 81 deep; at most 20 levels"},
		{"link brackets on a line", rep("[a](", 300), "x.md:25: more than 200 of the characters * _ [ ] on this line; split it into shorter paragraphs"},
		{"emphasis over lines", lines(150, func(int) string { return "*a*" }), "x.md:25: more than 200 of the characters * _ [ ] in the paragraph from this line to line 125; split it into shorter paragraphs with blank lines between them"},
		{"reference definitions", lines(1<<17, func(int) string { return "[a]: /x" }), "x.md:25: more than 200 of the characters * _ [ ] in the paragraph from this line to line 125; split it into shorter paragraphs with blank lines between them"},
		{"emphasis delimiters", rep("*a_a", 1<<18), "x.md:25: more than 200 of the characters * _ [ ] on this line; split it into shorter paragraphs"},
		{"in a list item", "- een\n- " + rep("*a* ", 40) + "\n  " + rep("*a* ", 40) + "\n  " + rep("*a* ", 40), "x.md:26: more than 200 of the characters * _ [ ] in the paragraph from this line to line 28; split it into shorter paragraphs with blank lines between them"},
		{"not an item: indented", "*a*\n" + rep("    - "+rep("*a*", 50)+"\n", 3), "x.md:25: more than 200 of the characters * _ [ ] in the paragraph from this line to line 27; split it into shorter paragraphs with blank lines between them"},
		{"not an item: numbered 2", "*a*\n" + rep("2. "+rep("*a*", 50)+"\n", 3), "x.md:25: more than 200 of the characters * _ [ ] in the paragraph from this line to line 27; split it into shorter paragraphs with blank lines between them"},
		{"not an item: empty", rep("*a*", 50) + "\n-\n" + rep("*a*", 50) + "\n-\n" + rep("*a*", 50), "x.md:25: more than 200 of the characters * _ [ ] in the paragraph from this line to line 29; split it into shorter paragraphs with blank lines between them"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			got := firstError(t, at(c.text))
			t.Logf("%d bytes refused in %v", len(c.text), time.Since(start))
			if got != c.want {
				t.Errorf("error:\n%s\nwant:\n%s", got, c.want)
			}
		})
	}
}

// What guides really do stays well inside the limits.
func TestLimitsAllow(t *testing.T) {
	rep := strings.Repeat
	for name, text := range map[string]string{
		"20 lists on one line":  rep("- ", 20) + "x",
		"20 quotes":             rep("> ", 20) + "x",
		"nested lists":          "- een\n  - twee\n    - drie\n      1. vier\n         - vijf\n- een\n\n  > citaat\n  > - lijst",
		"lists indented by 4":   "- een\n    - twee\n        - drie\n            - vier",
		"a long list":           rep("- Een punt met [een link](/artikel/17/) en *nadruk*.\n", 100),
		"a long thematic break": rep("- ", 30),
		"parameter names":       rep(`{{< param "loonkostensubsidie_kwetsbaar.zonder_werk" >}} `, 300),
		"markup in paragraphs":  rep(rep("*a* ", 50)+"\n\n", 20),
		"indented text":         rep(" ", 200) + "tekst",
	} {
		if _, err := Parse("x.md", "x", "nl", []byte(at(text)), structure); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// nesting may lose a level or two after lazy lines; depthBound never
// underestimates what goldmark builds, so the two limits together hold.
func TestDepthAgainstGoldmark(t *testing.T) {
	pieces := []string{" ", "  ", "   ", "\t", ">", "> ", ">\t", "- ", "-\t", "* ", "+ ", "1. ", "12) ", "a", "b c", "-", "*", "#", "```", "    ", "- - -", "> -"}
	r := rand.New(rand.NewSource(1))
	worst := 0
	for range 20000 {
		var b bytes.Buffer
		for range r.Intn(20) + 1 {
			for range r.Intn(10) {
				b.WriteString(pieces[r.Intn(len(pieces))])
			}
			if r.Intn(3) > 0 {
				b.WriteString("x")
			}
			b.WriteByte('\n')
		}
		src := b.Bytes()
		doc := newMarkdown().Parser().Parse(text.NewReader(src))
		depth := 0
		var walk func(n ast.Node, d int)
		walk = func(n ast.Node, d int) {
			if n.Kind() == ast.KindBlockquote || n.Kind() == ast.KindListItem {
				d++
			}
			depth = max(depth, d)
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				walk(c, d)
			}
		}
		walk(doc, 0)
		var stack []container
		mine, bound, prevText := 0, 0, false
		for _, line := range bytes.Split(src, []byte("\n")) {
			var d int
			d, stack = nesting(line, stack, isBlankLine(line), prevText)
			mine, bound = max(mine, d), max(bound, depthBound(line))
			prevText = !isBlankLine(line)
		}
		if depth > bound {
			t.Errorf("goldmark nests %d deep, bound %d: %q", depth, bound, src)
		}
		worst = max(worst, depth-mine)
	}
	t.Logf("nesting was at most %d levels short", worst)
}

// BenchmarkWorstAccepted: the worst 1 MB inputs the limits let through,
// parsed and rendered (about 0.1–0.9 s each on the project machine).
func BenchmarkWorstAccepted(b *testing.B) {
	rep := strings.Repeat
	blocks := func(block string) string { // 1 MB of blocks at the markup limit
		block = rep(block, maxMarkup/countMarkup([]byte(block)))
		return rep(block+"\n\n", (1<<20)/(len(block)+2))
	}
	for _, c := range []struct{ name, text string }{
		{"links-opened", blocks("*[a*](")},
		{"emphasis", blocks("*a_a")},
		{"list-items", rep("- "+rep("*[a*](", 50)+"\n", (1<<20)/302)},
		{"lists-20-deep", rep(rep("- ", 20)+"x\n", (1<<20)/42)},
		{"quotes-and-tabs", rep(rep(">\t", 20)+"x\n", (1<<20)/42)},
	} {
		src := []byte(at(c.text))
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				g, err := Parse("x.md", "x", "nl", src, structure)
				if err != nil {
					b.Fatalf("%.200v", err)
				}
				if _, err := g.Render(env()); err != nil {
					b.Fatalf("%.200v", err)
				}
			}
		})
	}
}

// TestStructure: the sections, their anchors and the situations come from
// the Structure the caller gives, not from the package.
func TestStructure(t *testing.T) {
	two := &Structure{
		File: "indeling.yaml",
		Sections: []SectionSpec{
			{ID: "kort", Heading: map[string]string{"nl": "In het kort"}},
			{ID: "meer", Heading: map[string]string{"nl": "Meer weten"}},
		},
	}
	src := "---\ntitle: T\nsummary: S\naudience: A\narticles: [\"1\"]\n---\n\n## In het kort\n\nTekst.\n\n## Meer weten\n\nMeer.\n"
	g, err := Parse("x.md", "x", "nl", []byte(src), two)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Sections) != 2 || g.Sections[1] != (Section{ID: "meer", Title: "Meer weten"}) {
		t.Errorf("sections %+v", g.Sections)
	}
	html, err := g.Render(env())
	if err != nil || !strings.Contains(string(html), `<h2 class="utrecht-heading-2" id="kort">In het kort</h2>`) {
		t.Errorf("render: %v\n%s", err, html)
	}
	cases := []struct {
		name, src string
		s         *Structure
		lang      string
		want      string
	}{
		{"one heading short", strings.Split(src, "## Meer")[0], two, "nl",
			`x.md:12: 1 of the two headings found; missing ["Meer weten"]`},
		{"heading after the last", src + "\n## Nog meer\n", two, "nl",
			`x.md:16: heading "Nog meer" after the two sections; a guide has exactly two`},
		{"wrong heading", strings.Replace(src, "## Meer weten", "## Meer", 1), two, "nl",
			`x.md:12: heading 2 is "Meer"; expected "Meer weten" (indeling.yaml gives these two: In het kort | Meer weten)`},
		{"language without headings", src, two, "en",
			`x.md:1: unknown language "en": indeling.yaml has no headings in it`},
		{"no structure", src, nil, "nl",
			`x.md:1: no sections are defined for guides`},
		{"situation where there are none", strings.Replace(src, "articles:", "situations: [werk]\narticles:", 1), two, "nl",
			`x.md:5: front matter: unknown situation "werk" (indeling.yaml names no situations; leave situations out)`},
		{"unknown situation", strings.Replace(valid, "[werk-beginnen]", "[werk-beginen]", 1), structure, "nl",
			`x.md:6: front matter: unknown situation "werk-beginen" (gidsen/indeling.yaml names werk-zoeken, werken-met-beperking, jong-zonder-diploma, werk-beginnen)`},
		{"situations missing", strings.Replace(valid, "situations: [werk-beginnen]\n", "", 1), structure, "nl",
			`x.md:1: front matter: situations is missing (one or more of werk-zoeken, werken-met-beperking, jong-zonder-diploma, werk-beginnen)`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("x.md", "x", c.lang, []byte(c.src), c.s)
			if err == nil || err.Error() != c.want {
				t.Errorf("error:\n%v\nwant:\n%s", err, c.want)
			}
		})
	}
}
