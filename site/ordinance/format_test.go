package ordinance

import (
	"bytes"
	"testing"
)

// TestRead: a registered format is chosen by content; text reads the rest.
func TestRead(t *testing.T) {
	RegisterFormat(Format{Name: "test-xml", Match: func(src []byte) bool { return bytes.HasPrefix(src, []byte("<test")) },
		Parse: func(file string, src []byte) (*Ordinance, []Diagnostic, error) {
			return &Ordinance{Title: "from test-xml"}, nil, nil
		}})
	doc, _, err := Read("x.xml", []byte("<test/>"))
	if err != nil || doc.Title != "from test-xml" {
		t.Errorf("Read = %+v, %v", doc, err)
	}
	if FormatOf([]byte("Verordening X\n\nArtikel 1. Begrippen\n\nTekst.\n")) != "text" || FormatOf([]byte("<test/>")) != "test-xml" {
		t.Error("FormatOf")
	}
}
