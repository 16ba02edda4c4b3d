package glossary

import (
	"errors"
	"strings"
	"testing"

	"github.com/regelgids/regelgids/internal/diag"
)

const good = `- id: bijstand
  term: algemene bijstand
  forms: [bijstand]
  definition: Geld om van te leven.
- id: uwv
  term: UWV
  definition: Het Uitvoeringsinstituut Werknemersverzekeringen.
`

// TestParseErrors: each broken file gives one message at the line of the
// fault, as file:line.
func TestParseErrors(t *testing.T) {
	if _, err := Parse("begrippen/nl.yaml", []byte(good)); err != nil {
		t.Fatalf("good file: %v", err)
	}
	for _, tc := range []struct {
		name, src, want string
	}{
		{"syntax", good + "- id: [x\n", "begrippen/nl.yaml:8: did not find expected ',' or ']'"},
		{"unknown key", strings.Replace(good, "  definition: Geld", "  defnition: Geld", 1),
			`begrippen/nl.yaml:4: unknown key "defnition" (allowed: id, term, forms, definition, article, paragraph, item)`},
		{"wrong type", strings.Replace(good, "forms: [bijstand]", "forms: {a: b}", 1),
			"begrippen/nl.yaml:3: cannot unmarshal !!map into []string"},
		{"one-letter form", strings.Replace(good, "forms: [bijstand]", "forms: [bijstand, u]", 1),
			`begrippen/nl.yaml:3: bijstand: the form "u" is too short to mark in running text (at least 3 letters)`},
		{"shared form", strings.Replace(good, "  term: UWV\n", "  term: UWV\n  forms: [Bijstand]\n", 1),
			`begrippen/nl.yaml:7: uwv: the form "Bijstand" is also a form of bijstand (line 3); give each form to one entry`},
		{"shortcode", strings.Replace(good, "Geld om van te leven.", `"Geld: {{< param \"x\" >}}."`, 1),
			`begrippen/nl.yaml:1: bijstand: "{{" in a glossary entry; shortcodes such as {{< param "name" >}} work only in guides`},
		{"not an entry", good + "- just text\n", "begrippen/nl.yaml:8: expected an entry with id, term and definition"},
		{"duplicate id", good + "- id: uwv\n  term: Uwv twee\n  definition: x\n", `begrippen/nl.yaml:8: id "uwv" also at line 5`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("begrippen/nl.yaml", []byte(tc.src))
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != tc.want {
				t.Errorf("got\n%s\nwant\n%s", err, tc.want)
			}
			var l *diag.List
			if !errors.As(err, &l) || l.Len() != 1 {
				t.Errorf("error is a %T, want a *diag.List of one", err)
			}
		})
	}
}

func TestMarkerFirstUse(t *testing.T) {
	entries, err := Parse("g.yaml", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	m := NewMarker(entries, func(id string) string { return "#" + id })
	got := m.Split("Met algemene bijstand en bijstand van het UWV.")
	var marked []string
	for _, p := range got {
		if p.TermID != "" {
			marked = append(marked, p.Text+"→"+p.TermID)
		}
	}
	if want := "algemene bijstand→bijstand UWV→uwv"; strings.Join(marked, " ") != want {
		t.Errorf("marked %q, want %q", marked, want)
	}
}

// splitSimple is Split as first written: every term searched for again
// after each mark. FuzzSplit holds Split to it.
func splitSimple(m *Marker, s string) []Piece {
	lower := strings.ToLower(s)
	if len(lower) != len(s) {
		return []Piece{{Text: s}}
	}
	var out []Piece
	pos := 0
	for {
		best, bestID, bestLen := -1, "", 0
		for _, w := range m.terms.words {
			if m.seen[w.entry] {
				continue
			}
			if i := indexWord(lower[pos:], w.lower); i >= 0 && (best < 0 || pos+i < best || pos+i == best && len(w.lower) > bestLen) {
				best, bestID, bestLen = pos+i, w.id, len(w.lower)
			}
		}
		if best < 0 {
			break
		}
		if best > pos {
			out = append(out, Piece{Text: s[pos:best]})
		}
		out = append(out, Piece{Text: s[best : best+bestLen], TermID: bestID})
		m.Seen(bestID)
		pos = best + bestLen
	}
	if pos < len(s) {
		out = append(out, Piece{Text: s[pos:]})
	}
	return out
}

// FuzzSplit: Split marks what searching for every term again after each
// mark marks, over texts split in two calls on one page (terms marked in
// the first are not marked in the second).
func FuzzSplit(f *testing.F) {
	f.Add("Met algemene bijstand en bijstand van het UWV.", "De bijstand, het uwv-kantoor en UWV.", "bijstand|uwv|algemene bijstand|v.d|.uwv")
	f.Add("xbijstand bijstand.uwv", "Bijstand", "bijstand|.uwv|uwv|and")
	f.Add("ééén Ёlk bijstand", "K bijstand", "één|ёlk|k b")
	f.Fuzz(func(t *testing.T, a, b, terms string) {
		var entries []Entry
		for i, w := range strings.Split(terms, "|") {
			if i == 12 {
				break
			}
			entries = append(entries, Entry{ID: "t" + string(rune('a'+i%5)), Term: w})
		}
		tm := NewTerms(entries)
		fast, simple := tm.Marker(nil), tm.Marker(nil)
		for _, s := range []string{a, b} {
			got, want := fast.Split(s), splitSimple(simple, s)
			if len(got) != len(want) {
				t.Fatalf("Split(%q) = %q, want %q", s, got, want)
			}
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("Split(%q) = %q, want %q", s, got, want)
				}
			}
		}
	})
}
