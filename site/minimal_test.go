package site_test

import (
	"strings"
	"testing"

	"github.com/regelgids/regelgids/site"
	"github.com/regelgids/regelgids/site/project"
	"github.com/regelgids/regelgids/templates"
)

// TestMinimalSite: a content folder with nothing but an ordinance and a
// three-line metadata.yaml loads and renders, every link resolves, and the
// site has only what exists: one language, no sitemap without base_url.
func TestMinimalSite(t *testing.T) {
	t.Parallel()
	p, out, err := site.Generate(site.Options{Content: project.ContentDir("testdata/minimal"), Templates: templates.Default(), Date: testDate})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Languages) != 1 || p.Languages[0] != "nl" {
		t.Errorf("languages %v, want only nl", p.Languages)
	}
	for _, name := range []string{"index.html", "artikel/1/index.html", "artikel/4/index.html", "verordening/index.html", "404.html", "robots.txt"} {
		if _, ok := out[name]; !ok {
			t.Errorf("%s not written", name)
		}
	}
	for name := range out {
		if strings.HasPrefix(name, "en/") || name == "sitemap.xml" {
			t.Errorf("%s written, but the folder has no English and no base_url", name)
		}
	}
	warned := false
	for _, w := range p.Warnings {
		warned = warned || strings.Contains(w.Message, "base_url is not set")
	}
	if !warned {
		t.Error("no warning that base_url is not set")
	}
	// Without site texts in metadata.yaml the home page is neutral: not
	// another site's subject ("Hulp bij werk").
	if home := string(out["index.html"]); !strings.Contains(home, "Regels van de gemeente") || strings.Contains(home, "Hulp bij werk") {
		t.Error("the home page of a site without site texts is not the neutral one")
	}
	if n := checkLinks(t, out); n < 50 {
		t.Errorf("checked only %d links", n)
	}
}
