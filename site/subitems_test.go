package site_test

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/regelgids/regelgids/site"
	"github.com/regelgids/regelgids/templates"
)

// TestSubItemsShown: sub-onderdelen (the third level of a real financiële
// verordening) reach the article page under their onderdeel, with their
// printed labels.
func TestSubItemsShown(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("ordinance/testdata/corpus/steenbergen-financieel.txt")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{
		"verordening.txt": {Data: src},
		"metadata.yaml":   {Data: []byte("municipality: Steenbergen\ntext: verordening.txt\n")},
	}
	_, out, err := site.Generate(site.Options{Content: fsys, Templates: templates.Default(), Date: testDate})
	if err != nil {
		t.Fatal(err)
	}
	page := string(out["artikel/1/index.html"])
	onderdeel := page[strings.Index(page, `id="onderdeel-c"`):]
	onderdeel = onderdeel[:strings.Index(onderdeel, "</ol>")]
	for _, want := range []string{`<ul class="rg-subonderdelen">`, `<span class="rg-label">1</span> de financieel-economische positie;`, `<span class="rg-label">5</span> alsmede tot het afleggen`} {
		if !strings.Contains(onderdeel, want) {
			t.Errorf("onderdeel c lacks %q:\n%s", want, onderdeel)
		}
	}
}
