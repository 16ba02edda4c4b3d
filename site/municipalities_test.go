package site_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/regelgids/regelgids/content"
	"github.com/regelgids/regelgids/site"
	"github.com/regelgids/regelgids/site/project"
	"github.com/regelgids/regelgids/templates"
)

// TestOtherMunicipalities: a site from another municipality's real
// published ordinance with nothing but a three-line metadata.yaml builds,
// every link and anchor resolves, nothing on it comes from Eemsdelta, and
// it has no page, menu item or script for what the folder lacks.
func TestOtherMunicipalities(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		dir     string
		minimum int      // links at least
		expired string   // the date the expired notice names, "" for none
		want    []string // on the ordinance page
	}{
		{"someren", 100, "", []string{`href="https://lokaleregelgeving.overheid.nl/CVDR680781/1"`, ">CVDR680781_1</a>"}},
		{"zandvoort", 50, "1 januari 2012", nil},
	} {
		t.Run(c.dir, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join("testdata", c.dir)
			meta, err := os.ReadFile(filepath.Join(dir, "metadata.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			if n := bytes.Count(bytes.TrimSpace(meta), []byte("\n")) + 1; n != 3 {
				t.Errorf("metadata.yaml has %d lines, want 3", n)
			}
			p, out := generateFrom(t, project.ContentDir(dir))
			if len(p.Languages) != 1 {
				t.Errorf("languages %v, want only nl", p.Languages)
			}
			pages := checkOnlyWhatExists(t, out)
			if n := checkLinks(t, out); n < c.minimum {
				t.Errorf("checked only %d links", n)
			}
			t.Logf("%d pages, %d files", pages, len(out))
			for name, b := range out {
				if !strings.HasSuffix(name, ".html") {
					continue
				}
				notice := expiredNotice(b)
				switch {
				case c.expired == "" && notice != "":
					t.Errorf("%s: expired notice %q, but the regulation applies", name, notice)
				case c.expired != "" && !strings.Contains(notice, c.expired):
					t.Errorf("%s: expired notice %q, want one naming %s", name, notice, c.expired)
				}
			}
			for _, w := range c.want {
				if !bytes.Contains(out["verordening/index.html"], []byte(w)) {
					t.Errorf("verordening/index.html lacks %s", w)
				}
			}
		})
	}
}

// TestExpiredOn: expired_on in metadata.yaml puts one sentence with the
// date and a link to the source at the top of every page.
func TestExpiredOn(t *testing.T) {
	t.Parallel()
	fsys := copyFS(t, project.ContentDir("testdata/someren"))
	f := fsys["metadata.yaml"]
	f.Data = append(f.Data, "expired_on: 2020-07-01\n"...)
	_, out := generateFrom(t, fsys)
	pages := 0
	for name, b := range out {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		notice := expiredNotice(b)
		if !strings.Contains(notice, `<time datetime="2020-07-01">1 juli 2020</time>`) || !strings.Contains(notice, `href="https://lokaleregelgeving.overheid.nl/CVDR680781/1"`) {
			t.Errorf("%s: expired notice %q, want the date and the CVDR link", name, notice)
		}
		if strings.Count(notice, ". ") > 0 {
			t.Errorf("%s: expired notice %q is more than one sentence", name, notice)
		}
	}
	if pages < 10 {
		t.Errorf("only %d pages", pages)
	}
	checkLinks(t, out)

	// Not yet expired on the build date: no notice.
	f.Data = bytes.Replace(f.Data, []byte("2020-07-01"), []byte("2030-01-01"), 1)
	_, out = generateFrom(t, fsys)
	if n := expiredNotice(out["index.html"]); n != "" {
		t.Errorf("notice %q before the regulation expires", n)
	}

	// Not a date: an error at its line.
	f.Data = bytes.Replace(f.Data, []byte("2030-01-01"), []byte("1 juli"), 1)
	if _, err := project.Load(fsys, testDate); err == nil || !strings.Contains(err.Error(), "metadata.yaml:4: expired_on") {
		t.Errorf("error %v, want one at metadata.yaml:4: expired_on", err)
	}
}

// TestEnglishGuidesWithoutTranslation: English guides and glossary
// without an English ordinance build; there are no English article pages,
// the English pages link to the Dutch articles and say the rules are only
// in Dutch, and no page offers a language switch to a page that does not
// exist.
func TestEnglishGuidesWithoutTranslation(t *testing.T) {
	t.Parallel()
	fsys := copyFS(t, content.Default())
	delete(fsys, "vertaling/en.yaml")
	p, out := generateFrom(t, fsys)
	if len(p.Languages) != 2 {
		t.Fatalf("languages %v, want nl and en", p.Languages)
	}
	for name := range out {
		if strings.HasPrefix(name, "en/artikel/") || strings.HasPrefix(name, "en/verordening/") || strings.HasPrefix(name, "en/toelichting/") || strings.HasPrefix(name, "en/leesbaarheid/artikel/") {
			t.Errorf("%s written without an English ordinance", name)
		}
	}
	guide := string(out["en/voorzieningen/uitstroompremie/index.html"])
	if guide == "" {
		t.Fatal("no English guide")
	}
	if !strings.Contains(guide, `href="../../../artikel/17/`) {
		t.Error("the English guide does not link to the Dutch article 17")
	}
	for _, name := range []string{"en/index.html", "en/voorzieningen/uitstroompremie/index.html"} {
		if !strings.Contains(string(out[name]), "only available in Dutch") {
			t.Errorf("%s does not say the rules are only in Dutch", name)
		}
	}
	if strings.Contains(string(out["artikel/17/index.html"]), `hreflang="en"`) {
		t.Error("the Dutch article links to an English counterpart that does not exist")
	}
	if !strings.Contains(string(out["voorzieningen/uitstroompremie/index.html"]), `hreflang="en"`) {
		t.Error("the Dutch guide does not link to its English counterpart")
	}
	if n := checkLinks(t, out); n < 1000 {
		t.Errorf("checked only %d links", n)
	}
}

func generateFrom(t *testing.T, content fs.FS) (*project.Project, site.Output) {
	t.Helper()
	p, out, err := site.Generate(site.Options{Content: content, Templates: templates.Default(), Date: testDate})
	if err != nil {
		t.Fatal(err)
	}
	return p, out
}

var reExpired = regexp.MustCompile(`<p class="utrecht-paragraph rg-expired" role="note">(.*?)</p>`)

// expiredNotice is the expired notice of a page, "" for none.
func expiredNotice(page []byte) string {
	if m := reExpired.FindSubmatch(page); m != nil {
		return string(m[1])
	}
	return ""
}

// checkOnlyWhatExists checks a site of an ordinance alone: nothing from
// Eemsdelta, and no guides, glossary, calculator or toelichting pages,
// menu items or scripts. It returns the number of pages.
func checkOnlyWhatExists(t *testing.T, out site.Output) int {
	t.Helper()
	pages := 0
	for name, b := range out {
		if bytes.Contains(bytes.ToLower(b), []byte("eemsdelta")) {
			t.Errorf("%s mentions Eemsdelta", name)
		}
		for _, prefix := range []string{"voorzieningen/", "begrippen/", "rekenhulp/", "toelichting/", "js/rekenhulp.", "en/"} {
			if strings.HasPrefix(name, prefix) {
				t.Errorf("%s written, but the folder has nothing for it", name)
			}
		}
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		for _, link := range []string{"voorzieningen/", "begrippen/", "rekenhulp/", "toelichting/", "footer-contact"} {
			if bytes.Contains(b, []byte(link)) {
				t.Errorf("%s has %s", name, link)
			}
		}
	}
	return pages
}
