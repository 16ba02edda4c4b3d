package routes

import "testing"

// TestRoundTrip: every kind's path parses back to the kind and name.
func TestRoundTrip(t *testing.T) {
	for _, c := range []struct {
		k    Kind
		name string
		path string
	}{
		{Home, "", "/"},
		{Guides, "", "/voorzieningen/"},
		{Guide, "jobcoach", "/voorzieningen/jobcoach/"},
		{Glossary, "", "/begrippen/"},
		{Ordinance, "", "/verordening/"},
		{Explanation, "", "/toelichting/"},
		{Article, "6", "/artikel/6/"},
		{Article, "2.1", "/artikel/2.1/"},
		{Search, "", "/zoeken/"},
		{Calculators, "", "/rekenhulp/"},
		{Calculator, "uitstroompremie", "/rekenhulp/uitstroompremie/"},
		{Review, "", "/leesbaarheid/"},
		{ReviewGuide, "jobcoach", "/leesbaarheid/voorzieningen/jobcoach/"},
		{ReviewGlossary, "", "/leesbaarheid/begrippen/"},
		{ReviewArticle, "17", "/leesbaarheid/artikel/17/"},
		{ReviewReport, "", "/leesbaarheid/rapport/"},
		{Accessibility, "", "/toegankelijkheid/"},
		{Privacy, "", "/privacy/"},
		{Screener, "", "/wat-past-bij-mij/"},
		{ScreenerStep, "a3-b0", "/wat-past-bij-mij/a3-b0/"},
		{NotFound, "", "/404.html"},
	} {
		if got := Path(c.k, c.name); got != c.path {
			t.Errorf("Path(%s, %q) = %q, want %q", c.k, c.name, got, c.path)
		}
		k, name, ok := Parse(c.path)
		if !ok || k != c.k || name != c.name {
			t.Errorf("Parse(%q) = %s, %q, %v", c.path, k, name, ok)
		}
	}
	for _, bad := range []string{"", "artikel/6/", "/artikel/", "/artikel/6/x/", "/onbekend/", "/leesbaarheid/zoeken/", "/leesbaarheid/privacy/", "/leesbaarheid/rapport/x/", "/rapport/", "/privacy/x/", "//x/"} {
		if k, _, ok := Parse(bad); ok {
			t.Errorf("Parse(%q) = %s, want no page", bad, k)
		}
	}
}

func TestLanguages(t *testing.T) {
	ls := Languages{"nl", "en"}
	if got := ls.Full("en", "/artikel/6/"); got != "/en/artikel/6/" {
		t.Errorf("Full = %q", got)
	}
	if got := ls.Full("nl", "/artikel/6/"); got != "/artikel/6/" {
		t.Errorf("Full = %q", got)
	}
	if ls.Prefix("en") != "/en" || ls.Prefix("nl") != "" {
		t.Errorf("Prefix = %q, %q", ls.Prefix("en"), ls.Prefix("nl"))
	}
	for full, want := range map[string][2]string{
		"/en/artikel/6/":         {"en", "/artikel/6/"},
		"en/begrippen/":          {"en", "/begrippen/"},
		"/artikel/6/":            {"nl", "/artikel/6/"},
		"/energie/":              {"nl", "/energie/"},
		"voorzieningen/x/":       {"nl", "/voorzieningen/x/"},
		"en/voorzieningen/x/ix/": {"en", "/voorzieningen/x/ix/"},
	} {
		if lang, path := ls.Split(full); lang != want[0] || path != want[1] {
			t.Errorf("Split(%q) = %q, %q", full, lang, path)
		}
	}
	if File("/en/artikel/6/") != "en/artikel/6/index.html" || File("/") != "index.html" || File("/en/404.html") != "en/404.html" {
		t.Error("File")
	}
	if ArticleAnchor("17", "1", "") != "/artikel/17/#lid-1" || ArticleAnchor("9", "", "a") != "/artikel/9/#onderdeel-a" || ArticleAnchor("3", "", "") != "/artikel/3/" {
		t.Error("ArticleAnchor")
	}
}
