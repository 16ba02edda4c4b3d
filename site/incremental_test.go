package site_test

import (
	"bytes"
	"testing"
	"testing/fstest"

	"github.com/regelgids/regelgids/calculators/params"
	"github.com/regelgids/regelgids/content"
	"github.com/regelgids/regelgids/site"
	"github.com/regelgids/regelgids/templates"
)

// TestIncrementalSameOutput makes one kind of edit after another to the
// content and templates, as a writer does while `serve` runs, and checks
// after each that the build with the Cache of the builds before (which
// renders only the pages whose inputs changed) is byte for byte, in every
// file, the build from scratch. It is what makes the page cache safe: an
// input a page reads but its key leaves out shows up here as a stale page.
func TestIncrementalSameOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the site about 40 times")
	}
	c := copyFS(t, content.Default())
	tm := copyFS(t, templates.Default())
	orig := map[string][]byte{}
	for name, f := range c {
		orig[name] = bytes.Clone(f.Data)
	}
	for name, f := range tm {
		orig["templates:"+name] = bytes.Clone(f.Data)
	}
	date := testDate
	cache := site.NewCache()
	build := func(cache *site.Cache) *site.Built {
		t.Helper()
		b, err := site.GenerateSite(site.Options{Content: c, Templates: tm, Date: date, Cache: cache})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	first := build(cache)
	total := first.Rendered

	// edit replaces old with new in a file; old must be there.
	edit := func(fsys fstest.MapFS, name, old, new string) {
		t.Helper()
		f := fsys[name]
		if f == nil || !bytes.Contains(f.Data, []byte(old)) {
			t.Fatalf("%s has no %q", name, old)
		}
		fsys[name] = &fstest.MapFile{Data: bytes.Replace(f.Data, []byte(old), []byte(new), 1)}
	}
	appendTo := func(fsys fstest.MapFS, name, text string) {
		fsys[name] = &fstest.MapFile{Data: append(bytes.TrimRight(fsys[name].Data, "\n"), []byte(text+"\n")...)}
	}
	restore := func(fsys fstest.MapFS, prefix, name string) {
		fsys[name] = &fstest.MapFile{Data: bytes.Clone(orig[prefix+name])}
	}
	const (
		guideNL = "gidsen/nl/uitstroompremie.md"
		guideEN = "gidsen/en/uitstroompremie.md"
	)
	tests := []struct {
		name string
		do   func()
		// most is the most pages the rebuild may render (0: any
		// number); a kind of edit that only some pages read must not
		// render them all.
		most int
		// shows is a file and a text the edit puts in it, so that each
		// step is known to change the site.
		shows [2]string
	}{
		{"nothing changed", func() {}, 0, [2]string{}},
		{"guide body", func() { appendTo(c, guideNL, " Een zin erbij.") }, 8, [2]string{"voorzieningen/uitstroompremie/index.html", "Een zin erbij."}},
		{"guide body again", func() { appendTo(c, guideNL, " Nog een zin.") }, 8, [2]string{"voorzieningen/uitstroompremie/index.html", "Nog een zin."}},
		{"guide body uses a glossary term and a parameter", func() {
			appendTo(c, "gidsen/nl/jobcoach.md", "\nU heeft een grote afstand tot de arbeidsmarkt. De premie is {{< param \"uitstroompremie.volledig\" >}}.")
		}, 8, [2]string{"voorzieningen/jobcoach/index.html", "arbeidsmarkt</a>. De premie is €\u00a0600."}},
		{"English guide body", func() { appendTo(c, guideEN, " One more sentence.") }, 8, [2]string{"en/voorzieningen/uitstroompremie/index.html", "One more sentence."}},
		{"guide undone", func() { restore(c, "", guideNL); restore(c, "", "gidsen/nl/jobcoach.md") }, 8, [2]string{}},
		{"guide title", func() { edit(c, guideNL, "title: Uitstroompremie", "title: Uitstroompremie bij werk") }, 0, [2]string{}},
		{"guide summary", func() { edit(c, guideEN, "summary: ", "summary: Briefly, ") }, 0, [2]string{}},
		{"guide's articles", func() {
			edit(c, guideNL, `articles: ["17"]`, `articles: ["17", "16"]`)
			appendTo(c, guideNL, " Lees ook [artikel 16](/artikel/16/).")
		}, 0, [2]string{"artikel/16/index.html", "Uitstroompremie bij werk"}},
		{"parameter value", func() {
			edit(c, "parameters.yaml", `value: "14.40"}`, `value: "14.45"}`)
		}, 0, [2]string{}},
		{"glossary definition", func() {
			edit(c, "begrippen/nl.yaml", "Hoe moeilijk het voor u is", "Hoe zwaar het voor u is")
		}, 0, [2]string{}},
		{"glossary term forms", func() {
			edit(c, "begrippen/nl.yaml", "forms: [grote afstand tot de arbeidsmarkt]", "forms: [grote afstand tot de arbeidsmarkt, afstand]")
		}, 0, [2]string{}},
		{"ordinance translation", func() {
			edit(c, "vertaling/en.yaml", `title: "Re-integration Ordinance`, `title: "The Re-integration Ordinance`)
		}, 0, [2]string{}},
		{"metadata", func() { edit(c, "metadata.yaml", "name: Gemeente Eemsdelta", "name: Gemeente Eemsdelta (test)") }, 0, [2]string{}},
		{"jargon list", func() { appendTo(c, "woorden/jargon.txt", "\nuitstroompremie") }, 0, [2]string{}},
		{"search synonyms", func() { appendTo(c, "zoeken/synoniemen.yaml", "\n# een regel commentaar") }, 0, [2]string{}},
		{"layout", func() { edit(tm, "layouts/guide.html", "{{- range $g.Sections}}", "<!-- x -->{{- range $g.Sections}}") }, 0, [2]string{}},
		{"base layout", func() { edit(tm, "layouts/base.html", "</body>", "<!-- y --></body>") }, 0, [2]string{}},
		{"interface text", func() {
			edit(tm, "i18n/nl.yaml", "home_title: Regels van de gemeente", "home_title: De regels van de gemeente")
		}, 0, [2]string{}},
		{"stylesheet", func() { appendTo(tm, "static/css/regelgids.css", "/* z */") }, 0, [2]string{}},
		{"build date", func() { date = params.Date{Year: 2026, Month: 1, Day: 2} }, 0, [2]string{}},
		{"all undone", func() {
			for name := range c {
				restore(c, "", name)
			}
			for name := range tm {
				restore(tm, "templates:", name)
			}
			date = testDate
		}, 0, [2]string{}},
	}
	for _, tt := range tests {
		tt.do()
		inc := build(cache)
		scratch := build(nil)
		sameOutput(t, tt.name, inc.Files, scratch.Files)
		if tt.most > 0 && (inc.Rendered > tt.most || inc.Rendered == 0) {
			t.Errorf("%s: %d of %d pages rendered again, want 1 to %d", tt.name, inc.Rendered, total, tt.most)
		}
		if tt.name == "nothing changed" && inc.Rendered != 0 {
			t.Errorf("nothing changed: %d pages rendered again, want 0", inc.Rendered)
		}
		if f := tt.shows[0]; f != "" && !bytes.Contains(inc.Files[f], []byte(tt.shows[1])) {
			t.Errorf("%s: %s does not show %q", tt.name, f, tt.shows[1])
		}
		t.Logf("%s: %d of %d pages rendered", tt.name, inc.Rendered, total)
	}
}
