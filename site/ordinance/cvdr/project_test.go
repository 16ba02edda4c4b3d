package cvdr_test

import (
	"encoding/json"
	"io/fs"
	"os"
	"regexp"
	"testing"
	"testing/fstest"

	"github.com/regelgids/regelgids/calculators/params"
	"github.com/regelgids/regelgids/content"
	"github.com/regelgids/regelgids/site/project"
)

// TestContentFolder: a content folder whose metadata.yaml says
// `text: regeling.xml` loads the CVDR file, and gives the chapters the text
// gives.
func TestContentFolder(t *testing.T) {
	base := content.Default()
	fsys := fstest.MapFS{}
	err := fs.WalkDir(base, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(base, p)
		fsys[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	xml, err := os.ReadFile("testdata/eemsdelta.xml")
	if err != nil {
		t.Fatal(err)
	}
	date, err := params.ParseDate("2025-01-01")
	if err != nil {
		t.Fatal(err)
	}
	fromText, err := project.Load(fsys, date)
	if err != nil {
		t.Fatal(err)
	}
	meta := regexp.MustCompile(`(?m)^text:.*$`).ReplaceAll(fsys["metadata.yaml"].Data, []byte("text: regeling.xml"))
	fsys["metadata.yaml"] = &fstest.MapFile{Data: meta}
	fsys["regeling.xml"] = &fstest.MapFile{Data: xml}
	delete(fsys, "verordening.txt")
	fromXML, err := project.Load(fsys, date)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(fromText.Ordinance().Chapters)
	b, _ := json.Marshal(fromXML.Ordinance().Chapters)
	if string(a) != string(b) {
		t.Error("the chapters read from regeling.xml differ from those of verordening.txt")
	}
}
