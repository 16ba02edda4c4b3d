package cvdr

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/regelgids/regelgids/internal/golden"
	"github.com/regelgids/regelgids/site/ordinance"
)

// outline prints the structure of an ordinance for a golden file: the
// metadata, the levels with their numbers and titles, leden, onderdelen
// and the warnings.
func outline(o *ordinance.Ordinance, diags []ordinance.Diagnostic) string {
	var b strings.Builder
	fmt.Fprintf(&b, "title: %s\n", o.Title)
	meta, _ := json.Marshal(o.Metadata)
	fmt.Fprintf(&b, "metadata: %s\n", meta)
	for _, r := range o.LegalBasis {
		fmt.Fprintf(&b, "legal basis: %s <%s>\n", r.Text, r.URL)
	}
	for _, r := range o.Links {
		fmt.Fprintf(&b, "link: %s <%s>\n", r.Text, r.URL)
	}
	fmt.Fprintf(&b, "preamble: %d lines\n", len(o.Preamble))
	articles := 0
	var items func(its []ordinance.Item, indent string)
	items = func(its []ordinance.Item, indent string) {
		for _, it := range its {
			bullet := ""
			if it.Bullet {
				bullet = " (bullet)"
			}
			fmt.Fprintf(&b, "%s%s%s: %s\n", indent, it.Label, bullet, clip(it.Text))
			items(it.Items, indent+"  ")
		}
	}
	for _, c := range o.Chapters {
		fmt.Fprintf(&b, "hoofdstuk %q %s (intro %d chars)\n", c.Number, c.Title, len(c.Intro))
		for _, s := range c.Sections {
			fmt.Fprintf(&b, "  %s %q %s: articles %v (intro %d chars)\n", s.Kind, s.Number, s.Title, s.Articles, len(s.Intro))
		}
		for _, a := range c.Articles {
			articles++
			fmt.Fprintf(&b, "  artikel %s %s (line %d; toelichting %d chars)\n", a.Number, a.Title, a.Line, len(a.Explanation))
			for _, p := range a.Paragraphs {
				fmt.Fprintf(&b, "    lid %q: %s\n", p.Number, clip(p.Text))
				items(p.Items, "      ")
				if p.Tail != "" {
					fmt.Fprintf(&b, "      tail: %s\n", clip(p.Tail))
				}
			}
		}
	}
	fmt.Fprintf(&b, "articles: %d\n", articles)
	fmt.Fprintf(&b, "general explanation: %d blocks\n", len(o.GeneralBlocks))
	for _, a := range o.Appendices {
		fmt.Fprintf(&b, "bijlage %s: %d blocks\n", a.Title, len(a.Blocks))
	}
	fmt.Fprintf(&b, "signature: %s\n", o.Signature.Text)
	for _, s := range o.Signature.Signatories {
		fmt.Fprintf(&b, "  %s: %s\n", s.Role, s.Name)
	}
	for _, d := range diags {
		fmt.Fprintf(&b, "%s\n", d.String())
	}
	return b.String()
}

func clip(s string) string {
	s = strings.ReplaceAll(s, "\n", "⏎")
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

// TestRealFiles reads the two real CVDR files and the Eemsdelta rendering
// and compares their outlines with the golden files.
func TestRealFiles(t *testing.T) {
	for _, name := range []string{"CVDR100394_2.xml", "CVDR680781_1.xml", "eemsdelta.xml"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("testdata", name)
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !Match(src) {
				t.Fatal("Match = false")
			}
			o, diags, err := ordinance.Read(path, src)
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, strings.TrimSuffix(name, ".xml")+".golden", []byte(outline(o, diags)))
		})
	}
}

// TestSameAsText: the text and the CVDR XML of the Eemsdelta ordinance
// give the same model for everything the XML holds.
func TestSameAsText(t *testing.T) {
	text, err := os.ReadFile("../../../content/eemsdelta/verordening.txt")
	if err != nil {
		t.Fatal(err)
	}
	want, _, err := ordinance.Parse("verordening.txt", text)
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("testdata/eemsdelta.xml")
	if err != nil {
		t.Fatal(err)
	}
	got, diags, err := Parse("eemsdelta.xml", src)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diags {
		t.Errorf("unexpected diagnostic: %s", d.String())
	}
	shared := func(o *ordinance.Ordinance) map[string]any {
		return map[string]any{
			"title":               o.Title,
			"preamble":            o.Preamble,
			"chapters":            o.Chapters,
			"general_explanation": o.GeneralExplanation,
			"general_blocks":      o.GeneralBlocks,
			"explanation_intro":   o.ExplanationIntro,
			"signature":           o.Signature,
			"adopted":             o.Metadata.Adopted,
			"in_force":            o.Metadata.InForce,
		}
	}
	for key, w := range shared(want) {
		g := shared(got)[key]
		wj, _ := json.MarshalIndent(w, "", " ")
		gj, _ := json.MarshalIndent(g, "", " ")
		if string(wj) != string(gj) {
			t.Errorf("%s differs between text and XML:\n%s", key, golden.FirstDifference(string(wj), string(gj)))
		}
	}
}
