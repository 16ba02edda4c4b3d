package site

import (
	"reflect"
	"testing"

	"github.com/regelgids/regelgids/site/ordinance"
	"github.com/regelgids/regelgids/site/readability"
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

// TestReviewSentences: each sentence gets the problems SentenceProblems
// gives it, in order, a repeated sentence the same ones, a sentence
// without problems none.
func TestReviewSentences(t *testing.T) {
	r := Reviewed{Report: &readability.Report{
		Sentences: []readability.Sentence{{Text: "Kort."}, {Text: "Lang en moeilijk."}, {Text: "Kort."}, {Text: "Lang en moeilijk."}},
		Problems: []readability.Problem{
			{Sentence: "Lang en moeilijk.", Reason: "te lang"},
			{Reason: "de hele tekst"},
			{Sentence: "Lang en moeilijk.", Reason: "lijdende vorm"},
		},
	}}
	sd := &SiteData{strings: map[string]string{"review_word": "woord", "review_words": "woorden"}}
	r.Report.Sentences[0].Words, r.Report.Sentences[1].Words = 1, 3
	got, err := (&Page{Site: sd}).ReviewSentences(r)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(r.Report.Sentences) {
		t.Fatalf("%d sentences, want %d", len(got), len(r.Report.Sentences))
	}
	for i, s := range got {
		if s.Sentence.Text != r.Report.Sentences[i].Text {
			t.Errorf("sentence %d is %q, want %q", i, s.Text, r.Report.Sentences[i].Text)
		}
		if want := r.SentenceProblems(s.Text); !reflect.DeepEqual(s.Problems, want) {
			t.Errorf("%q: problems %q, want %q", s.Text, s.Problems, want)
		}
		if want := map[bool]string{true: "woord", false: "woorden"}[s.Words == 1]; s.Unit != want {
			t.Errorf("%q, %d words: unit %q, want %q", s.Text, s.Words, s.Unit, want)
		}
	}
	if want := []string{"te lang", "lijdende vorm"}; !reflect.DeepEqual(got[1].Problems, want) {
		t.Errorf("problems %q, want %q", got[1].Problems, want)
	}
}
