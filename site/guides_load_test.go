package site_test

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/regelgids/regelgids/content"
	"github.com/regelgids/regelgids/site"
	"github.com/regelgids/regelgids/site/project"
	"github.com/regelgids/regelgids/templates"
)

// TestGuideStructureErrors: each fault in gidsen/indeling.yaml, or in a
// guide against it, is one message with the file and the line.
func TestGuideStructureErrors(t *testing.T) {
	const file = "gidsen/indeling.yaml"
	replace := func(name, old, new string) func(fstest.MapFS) { return replaceIn(t, name, old, new) }
	situations := "werk-zoeken, werken-met-beperking, jong-zonder-diploma, werk-beginnen"
	cases := []struct {
		name   string
		change func(fstest.MapFS)
		want   string
	}{
		{"unknown key", replace(file, "  - id: wat-krijg-ik\n", "  - id: wat-krijg-ik\n    kop: Wat krijg ik?\n"),
			file + ":16: unknown key kop"},
		{"unknown top-level key", replace(file, "apply_guide:", "aanvragen:"),
			file + ":66: unknown key aanvragen"},
		{"heading missing in English", replace(file, "      en: What do I get?\n", ""),
			file + `:16: section "wat-krijg-ik": heading has no text in "en"`},
		{"heading empty in Dutch", replace(file, "      nl: Wat krijg ik?\n", "      nl: \"\"\n"),
			file + `:17: section "wat-krijg-ik": heading in "nl" is empty`},
		{"heading left out", replace(file, "    heading:\n      nl: Voorbeeld\n      en: Example\n", ""),
			file + `:27: section "voorbeeld": heading is missing (a text in each of nl, en)`},
		{"intro missing in English", replace(file, "      en: You are starting work. This help is for you or for your employer.\n", ""),
			file + `:60: situation "werk-beginnen": intro has no text in "en"`},
		{"title in an unknown language", replace(file, "      en: I am looking for work\n", "      en: I am looking for work\n      de: Ich suche Arbeit\n"),
			file + `:39: situation "werk-zoeken": title in "de": regelgids has no language "de" (it publishes in nl, en)`},
		{"duplicate section id", replace(file, "  - id: voorbeeld", "  - id: wat-is-het"),
			file + `:27: section id "wat-is-het" is used twice (first on line 7)`},
		{"duplicate situation id", replace(file, "  - id: werk-beginnen", "  - id: werk-zoeken"),
			file + `:56: situation id "werk-zoeken" is used twice (first on line 35)`},
		{"id not a slug", replace(file, "  - id: aanvragen", "  - id: Hoe aanvragen"),
			file + `:23: section id "Hoe aanvragen" is not a slug (lowercase letters, digits and hyphens)`},
		{"id missing", replace(file, "  - id: aanvragen\n    heading:", "  - heading:"),
			file + `:23: section 5 has no id`},
		{"no sections", replace(file, "sections:\n", "sections: []\nold:\n"),
			file + ":7: unknown key old"},
		{"empty sections", func(m fstest.MapFS) {
			f := m[file]
			start, end := bytes.Index(f.Data, []byte("sections:\n")), bytes.Index(f.Data, []byte("\n# The situations"))
			f.Data = append(append(f.Data[:start:start], "sections: []\n"...), f.Data[end:]...)
		}, file + ":6: sections is missing: the questions every guide answers, in order, each with an id and a heading per language"},
		{"unknown apply guide", replace(file, "apply_guide: hulp-aanvragen", "apply_guide: hulp-aanvrage"),
			file + `:66: apply_guide: there is no guide "hulp-aanvrage" (no gidsen/nl/hulp-aanvrage.md or gidsen/en/hulp-aanvrage.md)`},
		{"not YAML", replace(file, "  - id: wat-is-het\n", "  - id: [wat-is-het\n"),
			file + ":7: did not find expected ',' or ']'"},
		{"file missing", func(m fstest.MapFS) { delete(m, file) },
			file + ":1: the file is missing; the guides in gidsen/ need it: the sections every guide has and the situations of the home page (see gidsen/README.md)"},
		{"guide names an unknown situation", replace("gidsen/nl/scholing.md", "situations: [", "situations: [werk-vinden, "),
			`gidsen/nl/scholing.md:6: front matter: unknown situation "werk-vinden" (gidsen/indeling.yaml names ` + situations + ")"},
		{"guide heading not in the structure", replace(file, "      nl: Voorbeeld\n", "      nl: Een voorbeeld\n"),
			`gidsen/nl/andere-voorzieningen.md:56: heading 6 is "Voorbeeld"; expected "Een voorbeeld" (gidsen/indeling.yaml gives these six: Wat is het? | Is het voor mij? | Wat krijg ik? | Wat moet ik doen? | Hoe vraag ik het aan? | Een voorbeeld)` + "\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := copyFS(t, content.Default())
			c.change(fsys)
			_, err := project.Load(fsys, testDate)
			if err == nil {
				t.Fatalf("no error, want:\n%s", c.want)
			}
			if strings.HasSuffix(c.want, "\n") {
				if !strings.HasPrefix(err.Error(), c.want) {
					t.Errorf("error:\n%v\nwant it to start with:\n%s", err, c.want)
				}
			} else if err.Error() != c.want {
				t.Errorf("error:\n%v\nwant:\n%s", err, c.want)
			}
		})
	}
}

// TestGuideStructureOptional: a folder without guides needs no
// gidsen/indeling.yaml, and its home page has no situations.
func TestGuideStructureOptional(t *testing.T) {
	fsys := copyFS(t, content.Default())
	for name := range fsys {
		if strings.HasPrefix(name, "gidsen/") {
			delete(fsys, name)
		}
	}
	p, err := project.Load(fsys, testDate)
	if err != nil {
		t.Fatal(err)
	}
	if p.GuideStructure != nil || len(p.Guides["nl"]) != 0 {
		t.Errorf("structure %+v, %d guides", p.GuideStructure, len(p.Guides["nl"]))
	}
	_, out, err := site.Generate(site.Options{Content: fsys, Templates: templates.Default(), Date: testDate})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"index.html", "en/index.html"} {
		home := string(out[name])
		if !strings.Contains(home, `id="meer"`) || strings.Contains(home, "rg-situation") || strings.Contains(home, "voorzieningen/hulp-aanvragen") {
			t.Errorf("%s shows situations or the apply guide without guides:\n%s", name, home)
		}
	}
}

// TestGuideStructureLoaded: the Eemsdelta file gives six sections and four
// situations, in both languages, and the guide to apply with.
func TestGuideStructureLoaded(t *testing.T) {
	p, err := project.Load(content.Default(), testDate)
	if err != nil {
		t.Fatal(err)
	}
	s := p.GuideStructure
	if s == nil || len(s.Sections) != 6 || len(s.Situations) != 4 || s.ApplyGuide != "hulp-aanvragen" {
		t.Fatalf("structure %+v", s)
	}
	if h, ok := s.Headings("en"); !ok || h[4] != "How do I apply?" || s.Sections[4].ID != "aanvragen" {
		t.Errorf("English headings %q, %v", h, ok)
	}
	if sit := s.Situation("werk-beginnen"); sit == nil || sit.Title["nl"] != "Ik begin met werken" {
		t.Errorf("situation werk-beginnen: %+v", sit)
	}
}
