package search

import "testing"

// TestNewIndexFromShares: the language whose documents did not change is
// the same index, the other a new one.
func TestNewIndexFromShares(t *testing.T) {
	docs := []Document{
		{URL: "/a/", Lang: "nl", Kind: KindGuide, Title: "Jobcoach", Text: "Een jobcoach helpt."},
		{URL: "/en/a/", Lang: "en", Kind: KindGuide, Title: "Job coach", Text: "A job coach helps."},
	}
	prev, err := NewIndex(docs, nil)
	if err != nil {
		t.Fatal(err)
	}
	edited := append([]Document(nil), docs...)
	edited[0].Text = "Een jobcoach helpt u."
	next, err := NewIndexFrom(prev, edited, nil)
	if err != nil {
		t.Fatal(err)
	}
	if next.langs["en"] != prev.langs["en"] || next.langs["nl"] == prev.langs["nl"] {
		t.Errorf("en shared: %t (want true), nl shared: %t (want false)", next.langs["en"] == prev.langs["en"], next.langs["nl"] == prev.langs["nl"])
	}
	if got := next.langs["en"].refs.Load(); got != 2 {
		t.Errorf("en held by %d indexes, want 2", got)
	}
	prev.Close()
	next.Close()
	if got := next.langs["en"].refs.Load(); got != 0 {
		t.Errorf("en held by %d indexes after both closed, want 0", got)
	}
}
