package cvdr

import (
	"strings"
	"testing"
	"time"
)

// TestLinearTime: many sibling elements whose text goes to one field take
// linear time (joined once, not piece by piece: that took 25 s each).
func TestLinearTime(t *testing.T) {
	for name, inner := range map[string]string{
		"chapter intro": "<hoofdstuk><kop><nr>1</nr></kop>" + strings.Repeat("<al>xxxxxxxxxx</al>", 190000) + "</hoofdstuk>",
		"article text":  "<artikel><kop><nr>1</nr></kop>" + strings.Repeat("<al>xxxxxxxxxx</al>", 190000) + "</artikel>",
		"lid text":      "<artikel><kop><nr>1</nr></kop><lid>" + strings.Repeat("<al>xxxxxxxxxx</al>", 190000) + "</lid></artikel>",
		"item text":     "<artikel><kop><nr>1</nr></kop><lijst><li>" + strings.Repeat("<al>xxxxxxxxxx</al>", 190000) + "</li></lijst></artikel>",
		"section intro": "<hoofdstuk><paragraaf>" + strings.Repeat("<al>xxxxxxxxxx</al>", 190000) + "</paragraaf></hoofdstuk>",
		"signature":     "</regeling-tekst><regeling-sluiting>" + strings.Repeat("<slotformulering><al>xxxxxxxxxx</al></slotformulering>", 90000) + "</regeling-sluiting><regeling-tekst>",
		"toelichtingen": "</regeling-tekst>" + strings.Repeat("<toelichting><al>xxxxxxxxxx</al></toelichting>", 90000) + "<regeling-tekst>",
		"expl intro":    "</regeling-tekst><toelichting><artikelsgewijze-toelichting>" + strings.Repeat("<al>xxxxxxxxxx</al>", 190000) + "</artikelsgewijze-toelichting></toelichting><regeling-tekst>",
	} {
		start := time.Now()
		_, _, err := Parse("x.xml", []byte(doc("", inner, "")))
		if d := time.Since(start); err != nil || d > 10*time.Second {
			t.Errorf("%s: %v, %v", name, d, err)
		}
	}
}
