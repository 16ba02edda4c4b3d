package cvdr

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzRead: any input either parses or gives one error; never a panic or
// a hang. Seeded with the real files, the Eemsdelta rendering and the
// element forms of TestForms.
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.xml")
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		if len(src) < 20000 {
			f.Add(src)
		}
	}
	f.Add([]byte(doc(`<owmskern><dcterms:identifier>CVDR1_2</dcterms:identifier></owmskern>`,
		`<hoofdstuk><kop><nr>1</nr></kop><paragraaf><kop><nr>1.1</nr></kop><artikel><kop><nr/></kop><lid><lidnr>1</lidnr><al>x <extref doc="u">y</extref></al><lijst><li nr="a."><al>z</al><lijst><li><li.nr>1°</li.nr><al>w</al></li></lijst></li></lijst><al>t</al></lid></artikel></paragraaf></hoofdstuk>`,
		`<toelichting><tussenkop>Artikelsgewijs</tussenkop><tussenkop>Artikel 1</tussenkop><al>u</al></toelichting><bijlage><table><tgroup><tbody><row><entry>a</entry></row></tbody></tgroup></table></bijlage>`)))
	f.Fuzz(func(t *testing.T, src []byte) {
		o, diags, err := Parse("f.xml", src)
		if err != nil {
			if o != nil || diags != nil {
				t.Fatal("an error comes alone")
			}
			return
		}
		for _, a := range o.Articles() {
			if a.Number == "" {
				t.Fatal("an article without a number")
			}
		}
		for _, d := range diags {
			if d.Line < 1 {
				t.Fatalf("diagnostic without a line: %s", d.String())
			}
		}
	})
}
