package search_test

import (
	"reflect"
	"testing"

	"github.com/regelgids/regelgids/site/search"
)

// TestNewIndexFrom: an index made from the one before answers as one made
// from scratch, in the language that changed and in the one it kept, and
// goes on answering after the one before is closed.
func TestNewIndexFrom(t *testing.T) {
	docs := []search.Document{
		{URL: "/voorzieningen/jobcoach/", Lang: "nl", Kind: search.KindGuide, Title: "Jobcoach", Text: "Een jobcoach helpt u op het werk."},
		{URL: "/voorzieningen/uitstroompremie/", Lang: "nl", Kind: search.KindGuide, Title: "Uitstroompremie", Text: "Een premie als u gaat werken."},
		{URL: "/en/voorzieningen/jobcoach/", Lang: "en", Kind: search.KindGuide, Title: "Job coach", Text: "A job coach helps you at work."},
	}
	prev, err := search.NewIndex(docs, nil)
	if err != nil {
		t.Fatal(err)
	}
	edited := append([]search.Document(nil), docs...)
	edited[1].Text = "Een premie als u gaat werken. Een uitstroompremie is eenmalig."
	next, err := search.NewIndexFrom(prev, edited, nil)
	if err != nil {
		t.Fatal(err)
	}
	scratch, err := search.NewIndex(edited, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer scratch.Close()
	queries := map[string][]string{"nl": {"premie", "eenmalig", "jobcoach werk"}, "en": {"job coach", "work"}}
	check := func(when string) {
		t.Helper()
		for lang, qs := range queries {
			for _, q := range qs {
				got, err := next.Search(q, lang, 10)
				if err != nil {
					t.Fatal(err)
				}
				want, _ := scratch.Search(q, lang, 10)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s: %s %q: %v, want %v", when, lang, q, got, want)
				}
				if len(want) == 0 {
					t.Errorf("%s: %s %q finds nothing; the test needs a query that finds", when, lang, q)
				}
			}
		}
	}
	check("before the previous index is closed")
	if err := prev.Close(); err != nil {
		t.Fatal(err)
	}
	check("after the previous index is closed")
	if err := next.Close(); err != nil {
		t.Fatal(err)
	}
}
