package legal

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// show writes a reference's targets compactly: "17.2.a" is artikel 17 lid 2
// onderdeel a, ".3" lid 3 of the article at hand, "8a.1.^" the aanhef of
// artikel 8a lid 1; the law follows "@".
func show(r Reference) string {
	var parts []string
	for _, t := range r.Targets {
		s := t.Article
		if t.Lid != "" || t.Item != "" || t.Aanhef {
			s += "." + t.Lid
		}
		if t.Item != "" {
			s += "." + t.Item
		}
		if t.Aanhef {
			s += ".^"
		}
		parts = append(parts, s)
	}
	out := strings.Join(parts, " ")
	if r.Law != "" {
		out += " @" + r.Law
	}
	return out
}

func TestReferences(t *testing.T) {
	tests := []struct {
		in   string
		want string // per reference: "text = targets", joined by " | "
	}{
		// Articles.
		{"zie artikel 17.", "artikel 17 = 17"},
		{"In Artikel 6 staan de hoofdlijnen", "Artikel 6 = 6"},
		{"ARTIKEL 3A", "ARTIKEL 3A = 3A"},
		{"art. 12 en art.13", "art. 12 = 12 | art.13 = 13"},
		{"artikel 2.1 en artikel 1:2", "artikel 2.1 = 2.1 | artikel 1:2 = 1:2"},
		{"artikelen 6 en 7", "artikelen 6 en 7 = 6 7"},
		{"artikelen 3, 5 of 9", "artikelen 3, 5 of 9 = 3 5 9"},
		{"artikel 3 tot en met 5", "artikel 3 tot en met 5 = 3 4 5"},
		{"artikelen 8a t/m 8c", "artikelen 8a t/m 8c = 8a 8b 8c"},
		{"artikel 1 tot en met 9999", "artikel 1 tot en met 9999 = 1 9999"},
		// Leden, as numbers and ordinals.
		{"artikel 17 lid 1", "artikel 17 lid 1 = 17.1"},
		{"artikel 3, vierde lid", "artikel 3, vierde lid = 3.4"},
		{"artikel 6, twaalfde lid", "artikel 6, twaalfde lid = 6.12"},
		{"artikel 6, leden 1 en 2", "artikel 6, leden 1 en 2 = 6.1 6.2"},
		{"artikel 6 lid 1 t/m 3", "artikel 6 lid 1 t/m 3 = 6.1 6.2 6.3"},
		{"artikel 6, eerste en tweede lid", "artikel 6, eerste en tweede lid = 6.1 6.2"},
		{"artikel 6 lid 2a", "artikel 6 lid 2a = 6.2a"},
		{"artikel 6 lid 2,5 procent", "artikel 6 lid 2 = 6.2"},
		// Onderdelen and aanhef.
		{"artikel 17, tweede lid, onder a", "artikel 17, tweede lid, onder a = 17.2.a"},
		{"lid 2 onder a", "lid 2 onder a = .2.a"},
		{"artikel 8a onderdeel e, van de wet", "artikel 8a onderdeel e = 8a..e @wet"},
		{"artikel 9, onderdelen a tot en met c", "artikel 9, onderdelen a tot en met c = 9..a 9..b 9..c"},
		{"artikel 5, sub b", "artikel 5, sub b = 5..b"},
		{"artikel 8a, eerste lid, aanhef en onder a, c en e", "artikel 8a, eerste lid, aanhef en onder a, c en e = 8a.1.^ 8a.1.a 8a.1.c 8a.1.e"},
		{"artikel 31, tweede lid, onderdeel j en vijfde lid van de wet)", "artikel 31, tweede lid, onderdeel j en vijfde lid = 31.2.j 31.5 @wet"},
		{"artikelen 34a, vijfde lid, onderdeel b, 35, vierde lid, onderdeel b, en 36 van de Participatiewet",
			"artikelen 34a, vijfde lid, onderdeel b, 35, vierde lid, onderdeel b, en 36 = 34a.5.b 35.4.b 36 @Participatiewet"},
		{"artikelen 8a, eerste lid, onderdeel a, en tweede lid, onderdeel a en e", "artikelen 8a, eerste lid, onderdeel a, en tweede lid, onderdeel a en e = 8a.1.a 8a.2.a 8a.2.e"},
		{"artikel 6 lid 2 onder a, 3", "artikel 6 lid 2 onder a, 3 = 6.2.a 3"},
		{"onder a en de gemeente", ""},
		// Leden of the article at hand.
		{"Het werk leidt niet tot verdringing (lid 5).", "lid 5 = .5"},
		{"binnen de kaders (lid 3 en 4).", "lid 3 en 4 = .3 .4"},
		{"Dat is vastgelegd in het derde lid.", "derde lid = .3"},
		{"(eerste en tweede lid)", "eerste en tweede lid = .1 .2"},
		{"leden 1 t/m 3", "leden 1 t/m 3 = .1 .2 .3"},
		{"het tweede lid, aanhef en onder b", "tweede lid, aanhef en onder b = .2.^ .2.b"},
		{"lid 2 van artikel 6", "lid 2 van artikel 6 = 6.2"},
		{"het derde lid van het artikel 7", "derde lid van het artikel 7 = 7.3"},
		{"de eerste leden van de raad", ""},
		{"het lid van de commissie", ""},
		// Other laws.
		{"artikel 10d van de wet", "artikel 10d = 10d @wet"},
		{"artikel 10, vijfde lid van de wet is", "artikel 10, vijfde lid = 10.5 @wet"},
		{"artikel 10d, van de wet, voor zover", "artikel 10d = 10d @wet"},
		{"artikel 7 uit de Participatiewet", "artikel 7 = 7 @Participatiewet"},
		{"artikel 4:8 van de Algemene wet bestuursrecht", "artikel 4:8 = 4:8 @Algemene wet bestuursrecht"},
		{"artikel 3 van het Besluit", "artikel 3 = 3 @Besluit"},
		{"artikel 2 van de WIA", "artikel 2 = 2 @WIA"},
		{"lid 3 van de wet", "lid 3 = .3 @wet"},
		{"artikel 6 van deze verordening", "artikel 6 = 6"},
		{"artikel 6 van de wetgever", "artikel 6 = 6"},
		{"zie artikel 12 voor de hoogte van de premie", "artikel 12 = 12"},
		// Not references.
		{"artikel", ""},
		{"het artikel over de premie", ""},
		{"hoofdartikel 6", ""},
		{"artikel 10de", ""},
		{"lidmaatschap 3", ""},
	}
	for _, tt := range tests {
		var got []string
		for _, r := range References(tt.in) {
			if tt.in[r.Start:r.End] != r.Text {
				t.Errorf("References(%q): span %d:%d is %q, Text %q", tt.in, r.Start, r.End, tt.in[r.Start:r.End], r.Text)
			}
			got = append(got, r.Text+" = "+show(r))
		}
		if g := strings.Join(got, " | "); g != tt.want {
			t.Errorf("References(%q)\n got %s\nwant %s", tt.in, g, tt.want)
		}
	}
}

func TestReferenceString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"artikel 17", "artikel 17"},
		{"artikel 17 lid 2 onder a", "artikel 17, tweede lid, onderdeel a"},
		{"(lid 5)", "vijfde lid"},
		{"leden 1 en 25", "eerste lid, lid 25"},
		{"artikel 10d van de wet", "artikel 10d van de wet"},
		{"artikelen 34a, vijfde lid, onderdeel b, 35", "artikel 34a, vijfde lid, onderdeel b, 35"},
		{"artikel 8a, eerste lid, aanhef en onder a", "artikel 8a, eerste lid, aanhef, onderdeel a"},
		{"artikel 6 lid 2 onder a, 6 onder b", "artikel 6, tweede lid, onderdeel a, 6, onderdeel b"},
		{"lid 2 van artikel 6", "artikel 6, tweede lid"},
	}
	for _, tt := range tests {
		rs := References(tt.in)
		if len(rs) != 1 {
			t.Errorf("References(%q) = %d references, want 1", tt.in, len(rs))
			continue
		}
		if got := rs[0].String(); got != tt.want {
			t.Errorf("References(%q).String() = %q, want %q", tt.in, got, tt.want)
		}
		checkReferenceRoundTrip(t, rs[0])
	}
}

func TestLeden(t *testing.T) {
	r := References("artikel 8a, eerste lid, onder a en c, en tweede lid, 9, derde lid")[0]
	if got := fmt.Sprint(r.Leden("8a")); got != "[1 2]" {
		t.Errorf("Leden(8a) = %s, want [1 2]", got)
	}
	if got := fmt.Sprint(r.Leden("9")); got != "[3]" {
		t.Errorf("Leden(9) = %s, want [3]", got)
	}
	if got := r.Leden("7"); got != nil {
		t.Errorf("Leden(7) = %v, want none", got)
	}
}

func TestOrdinal(t *testing.T) {
	for want, w := range Ordinals {
		if got := Ordinal(w); got != want+1 {
			t.Errorf("Ordinal(%q) = %d, want %d", w, got, want+1)
		}
	}
	if Ordinal("Derde") != 3 || Ordinal("laatste") != 0 || Ordinal("") != 0 {
		t.Error("Ordinal: case or unknown words")
	}
}

// checkReferenceRoundTrip: the standard form of a reference reads back as
// one reference with the same targets and law.
func checkReferenceRoundTrip(t *testing.T, r Reference) {
	t.Helper()
	s := r.String()
	back := References(s)
	if len(back) != 1 || !reflect.DeepEqual(back[0].Targets, r.Targets) || back[0].Law != r.Law {
		var got []string
		for _, b := range back {
			got = append(got, show(b))
		}
		t.Errorf("%q (%s) reads back from %q as %q", r.Text, show(r), s, got)
	}
}

// FuzzReferences: no panic; every reference is where it says, has a
// target, names a lid or article in each, and reads back from its
// standard form.
func FuzzReferences(f *testing.F) {
	for _, s := range []string{
		"zie artikel 17, tweede lid, onder a", "(eerste en tweede lid)", "artikel 10d van de wet",
		"artikelen 8a, eerste lid, aanhef en onder a, c, d en e, en tweede lid van de wet",
		"artikelen 34a, vijfde lid, onderdeel b, 35, vierde lid, onderdeel b, en 36",
		"artikel 3 tot en met 5", "leden 1 t/m 3", "lid 2 van artikel 6", "art. 2.1, lid 3a",
		"artikel 6 lid 2, 3 onder a tot en met c, aanhef, 7 uit de Awb",
		"Artikel 4 en LID 2, ZESDE lid; xartikel 3, _lid 2, 2lid 3, élid 4", "zeſde lid, artiKel 5",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := referenceSpans(s), reReference.FindAllStringIndex(s, -1); !reflect.DeepEqual(got, want) {
			t.Fatalf("referenceSpans(%q) = %v, the regexp finds %v", s, got, want)
		}
		end := 0
		for _, r := range References(s) {
			if r.Start < end || r.End <= r.Start || r.End > len(s) || s[r.Start:r.End] != r.Text {
				t.Fatalf("span %d:%d (after %d) of %q in %q", r.Start, r.End, end, r.Text, s)
			}
			end = r.End
			if len(r.Targets) == 0 {
				t.Fatalf("%q: no targets", r.Text)
			}
			for _, x := range r.Targets {
				if x.Article == "" && x.Lid == "" {
					t.Fatalf("%q: target %+v names neither article nor lid", r.Text, x)
				}
			}
			if len(r.Targets) > MaxTargets {
				t.Fatalf("%q: %d targets", r.Text, len(r.Targets))
			}
			if utf8.ValidString(s) && len(r.Targets) < MaxTargets { // a full one was cut
				checkReferenceRoundTrip(t, r)
			}
		}
	})
}

// TestReferenceSpansCorpus: on the published ordinances in the repository,
// line by line and whole, referenceSpans finds what the regexp finds.
func TestReferenceSpansCorpus(t *testing.T) {
	files, err := filepath.Glob("../../content/*/verordening.txt")
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob("../testdata/*/*.txt")
	files = append(files, more...)
	if len(files) == 0 {
		t.Fatal("no ordinance texts found")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		for _, s := range append(strings.Split(text, "\n"), text) {
			if got, want := referenceSpans(s), reReference.FindAllStringIndex(s, -1); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: referenceSpans(%.80q…) = %v, the regexp finds %v", f, s, got, want)
			}
		}
	}
}
