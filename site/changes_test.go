package site_test

import (
	"encoding/xml"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/regelgids/regelgids/calculators/params"
	"github.com/regelgids/regelgids/content"
	"github.com/regelgids/regelgids/internal/golden"
	"github.com/regelgids/regelgids/site"
	"github.com/regelgids/regelgids/site/project"
	"github.com/regelgids/regelgids/templates"
)

var (
	reMain = regexp.MustCompile(`(?s)<main[^>]*>(.*)</main>`)
	reTag  = regexp.MustCompile(`<[^>]+>`)
)

// changesMainText is the text of a page's main element, one line per line of
// markup, without tags: what a reader reads, for a golden file.
func changesMainText(t *testing.T, page []byte) string {
	t.Helper()
	m := reMain.FindSubmatch(page)
	if m == nil {
		t.Fatal("no <main>")
	}
	var b strings.Builder
	for _, l := range strings.Split(string(m[1]), "\n") {
		if l = strings.TrimSpace(html.UnescapeString(reTag.ReplaceAllString(l, ""))); l != "" {
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}

// atomFeed is what an Atom 1.0 reader needs of a feed (RFC 4287: feed id,
// title, updated and author; entry id, title, updated).
type atomFeed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Author  string   `xml:"author>name"`
	Links   []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Content string `xml:"content"`
	} `xml:"entry"`
}

// TestChangesPage: "Wat verandert er?" says per date, in B1, what changes
// ("…is het minimumloon … € 14,40 per uur; dat was € 14,06 per uur"), in
// both languages, with the readings explained; the Atom feed has one entry
// per date, ids and dates from the data, and is linked from the page.
func TestChangesPage(t *testing.T) {
	out := generate(t)
	var all strings.Builder
	for _, prefix := range []string{"", "en/"} {
		page := out[prefix+"wijzigingen/index.html"]
		if page == nil {
			t.Fatalf("no %swijzigingen/index.html", prefix)
		}
		if !strings.Contains(string(page), `<link rel="alternate" type="application/atom+xml" title=`) || !strings.Contains(string(page), `href="atom.xml">`) {
			t.Errorf("%swijzigingen/ does not link its feed in the head", prefix)
		}
		all.WriteString("== " + prefix + "wijzigingen/\n" + changesMainText(t, page))
		feed := out[prefix+"wijzigingen/atom.xml"]
		var f atomFeed
		if err := xml.Unmarshal(feed, &f); err != nil {
			t.Fatalf("%s feed: %v", prefix, err)
		}
		if f.ID != "https://regelgids.eemsdelta.nl/"+prefix+"wijzigingen/" || f.Title == "" || f.Author == "" || f.Updated != "2026-01-01T00:00:00Z" {
			t.Errorf("%s feed head: %+v", prefix, f)
		}
		sections := strings.Count(string(page), `<section class="rg-changes__date"`)
		if len(f.Entries) != sections || sections < 4 {
			t.Errorf("%s feed: %d entries for %d dates", prefix, len(f.Entries), sections)
		}
		for _, e := range f.Entries {
			if !strings.HasPrefix(e.ID, f.ID+"#d-") || !strings.HasSuffix(e.Updated, "T00:00:00Z") || e.Title == "" || e.Content == "" {
				t.Errorf("%s feed entry %+v", prefix, e)
			}
		}
		golden.Check(t, map[string]string{"": "changes-feed-nl.golden", "en/": "changes-feed-en.golden"}[prefix], feed)
	}
	golden.Check(t, "changes.golden", []byte(all.String()))
	nl := strings.ReplaceAll(all.String(), "\u00a0", " ") // the values keep number and unit together
	for _, want := range []string{
		"Vanaf 1 juli 2025 is het minimumloon voor werknemers van 21 jaar en ouder € 14,40 per uur; dat was € 14,06 per uur.",
		"Vanaf 1 januari 2025 blijft de participatiepremie € 1.050 per zes maanden.",
		"From 1 July 2025, the minimum wage for employees aged 21 and older is €14.40 per hour; it was €14.06 per hour.",
		"Bedragen en getallen die op onze lezing rusten",
	} {
		if !strings.Contains(nl, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
}

// TestReadingMarks: a value that rests on a reading is marked where a
// guide or a calculator page shows it, with a link to why.
func TestReadingMarks(t *testing.T) {
	out := generate(t)
	for file, want := range map[string]string{
		"voorzieningen/uitstroompremie/index.html":          "€\u00a0700 " + `<a href="../../wijzigingen/#lezing-uitstroompremie-inkomensgrens" class="utrecht-link">(onze lezing)</a>`,
		"en/voorzieningen/uitstroompremie/index.html":       `(our reading)</a>`,
		"voorzieningen/participatieplaats/index.html":       `#lezing-participatiepremie-voortzetting_maximum" class="utrecht-link">(onze lezing)</a>`,
		"rekenhulp/uitstroompremie/index.html":              "€\u00a0700 " + `<a class="utrecht-link" href="../../wijzigingen/#lezing-uitstroompremie-inkomensgrens">(onze lezing)</a>`,
		"rekenhulp/loonkostensubsidie-kwetsbaar/index.html": `#lezing-loonkostensubsidie_kwetsbaar-leeftijd">(onze lezing)</a>`,
		"wijzigingen/index.html":                            "<dt id=\"lezing-uitstroompremie-inkomensgrens\">€\u00a0700</dt>",
	} {
		if !strings.Contains(string(out[file]), want) {
			t.Errorf("%s lacks %s", file, want)
		}
	}
	// An amount that is no reading has no mark.
	if strings.Contains(string(out["rekenhulp/loonkostensubsidie-arbeidsbeperking/index.html"]), "rg-reading-note") {
		t.Error("loonkostensubsidie-arbeidsbeperking is marked, but rests on no reading")
	}
}

// TestChangesWithoutBaseURL: without base_url there is no feed and no
// link to it, and the one base_url warning says so.
func TestChangesWithoutBaseURL(t *testing.T) {
	c := copyFS(t, content.Default())
	replaceIn(t, "metadata.yaml", "base_url: https://regelgids.eemsdelta.nl/", "")(c)
	p, out, err := site.Generate(site.Options{Content: c, Templates: templates.Default(), Date: testDate})
	if err != nil {
		t.Fatal(err)
	}
	if out["wijzigingen/atom.xml"] != nil || out["wijzigingen/index.html"] == nil || strings.Contains(string(out["wijzigingen/index.html"]), "atom") {
		t.Error("a feed or a link to one without base_url")
	}
	n := 0
	for _, w := range p.Warnings {
		if strings.Contains(w.Message, "base_url is not set") {
			n++
			if !strings.Contains(w.Message, "no Atom feed") {
				t.Errorf("warning does not name the feed: %s", w.Message)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d base_url warnings, want 1", n)
	}
}

// TestStaleWarning: a build for a date past the next change of a national
// amount without its new value warns, naming the parameter and the
// missing date (the minimum wage changes on 1 January and 1 July, the
// volunteer allowance that art 6 lid 7 follows each 1 January).
func TestStaleWarning(t *testing.T) {
	for _, tc := range []struct {
		date string
		want []string
		not  []string
	}{
		{"2025-12-31", nil, []string{"minimumloon.per_uur", "participatiepremie.bedrag"}},
		{"2026-03-01", []string{"participatiepremie.bedrag follows de fiscale vrijwilligersvergoeding, which changes each 1 January, but has no value from 2026-01-01"}, []string{"minimumloon.per_uur"}},
		{"2027-01-01", []string{"minimumloon.per_uur follows het wettelijk minimumloon, which changes each 1 January and 1 July, but has no value from 2026-07-01: the site for 2027-01-01 shows the value from 2026-01-01 as current"}, nil},
	} {
		d, _ := params.ParseDate(tc.date)
		p, err := project.Load(content.Default(), d)
		if err != nil {
			t.Fatal(err)
		}
		var all []string
		for _, w := range p.Warnings {
			all = append(all, w.String())
		}
		text := strings.Join(all, "\n")
		for _, w := range tc.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: warnings lack %q:\n%s", tc.date, w, text)
			}
		}
		for _, w := range tc.not {
			if strings.Contains(text, w) {
				t.Errorf("%s: warning about %s:\n%s", tc.date, w, text)
			}
		}
		if tc.want != nil && !strings.Contains(text, "parameters.yaml:") {
			t.Errorf("%s: warning without file:line:\n%s", tc.date, text)
		}
	}
}
