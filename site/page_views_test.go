package site

import (
	"reflect"
	"testing"

	"github.com/regelgids/regelgids/site/ordinance"
)

// TestChapterAnchors: every chapter and section of the whole-ordinance
// page has an anchor of its own, the same in every build: a numbered
// chapter keeps "hoofdstuk-N", one without a number (a heading in
// capitals) takes its title, or its position where the title is taken;
// a section adds its kind and number, or its position.
func TestChapterAnchors(t *testing.T) {
	art := func(ns ...string) []ordinance.Article {
		var out []ordinance.Article
		for _, n := range ns {
			out = append(out, ordinance.Article{Number: n})
		}
		return out
	}
	doc := &ordinance.Ordinance{Chapters: []ordinance.Chapter{
		{Number: "1", Title: "Algemene bepalingen", Articles: art("1", "2")},
		{Title: "BEGRIPSBEPALINGEN", Articles: art("3")},
		{Title: "BEGRIPSBEPALINGEN", Articles: art("4")},
		{Title: "§§", Articles: art("5")},
		{Number: "2", Title: "Re-integratie", Articles: art("6", "7", "8", "9"), Sections: []ordinance.Section{
			{Kind: "paragraaf", Number: "2.1", Title: "Beleid", Articles: []string{"7"}},
			{Kind: "afdeling", Title: "Zonder nummer", Articles: []string{"8", "9"}, Intro: "Eerste.\n\nTweede."},
		}},
	}}
	sd := &SiteData{Doc: doc}
	type part struct {
		anchor   string
		articles []string
		intro    int
	}
	want := []struct {
		anchor string
		parts  []part
	}{
		{"hoofdstuk-1", []part{{"", []string{"1", "2"}, 0}}},
		{"hoofdstuk-begripsbepalingen", []part{{"", []string{"3"}, 0}}},
		{"hoofdstuk-begripsbepalingen-3", []part{{"", []string{"4"}, 0}}},
		{"hoofdstuk-4", []part{{"", []string{"5"}, 0}}},
		{"hoofdstuk-2", []part{{"", []string{"6"}, 0}, {"hoofdstuk-2-paragraaf-2-1", []string{"7"}, 0}, {"hoofdstuk-2-afdeling-2", []string{"8", "9"}, 2}}},
	}
	got := sd.Chapters()
	if len(got) != len(want) {
		t.Fatalf("%d chapters, want %d", len(got), len(want))
	}
	for i, w := range want {
		if got[i].Anchor != w.anchor {
			t.Errorf("chapter %d: anchor %q, want %q", i, got[i].Anchor, w.anchor)
		}
		var parts []part
		for _, p := range got[i].Parts {
			var ns []string
			for _, a := range p.Articles {
				ns = append(ns, a.Number)
			}
			parts = append(parts, part{p.Anchor, ns, len(p.Intro)})
		}
		if !reflect.DeepEqual(parts, w.parts) {
			t.Errorf("chapter %d: parts %+v, want %+v", i, parts, w.parts)
		}
	}
	// The same document gives the same anchors again.
	if again := sd.Chapters(); !reflect.DeepEqual(again, got) {
		t.Error("anchors differ between two calls")
	}
}
