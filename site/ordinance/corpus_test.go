package ordinance

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/regelgids/regelgids/internal/golden"
)

// TestCorpus reads the real published texts in testdata/corpus and pins an
// outline of each: the structure, the metadata and every warning.
func TestCorpus(t *testing.T) {
	files, err := filepath.Glob("testdata/corpus/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 10 {
		t.Fatalf("corpus has %d texts, want at least 10", len(files))
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc, warns, err := Parse(filepath.Base(f), src)
			var b strings.Builder
			if err != nil {
				fmt.Fprintf(&b, "error: %v\n", err)
			} else {
				outline(&b, doc)
			}
			for _, w := range warns {
				fmt.Fprintf(&b, "warning: %s\n", w)
			}
			golden.Check(t, "corpus/"+name+".golden", []byte(b.String()))
		})
	}
}

// outline writes the model as a short indented outline: every heading,
// lid and onderdeel with the start of its text.
func outline(b *strings.Builder, doc *Ordinance) {
	m := doc.Metadata
	fmt.Fprintf(b, "title: %s\n", doc.Title)
	for _, kv := range [][2]string{
		{"municipality", m.Municipality}, {"citation_title", m.CitationTitle}, {"publication", m.Publication},
		{"valid_from", m.ValidFrom}, {"valid_until", m.ValidUntil}, {"retroactive_from", m.RetroactiveFrom},
		{"expired_on", m.ExpiredOn}, {"adopted", m.Adopted}, {"in_force", m.InForce},
	} {
		if kv[1] != "" {
			fmt.Fprintf(b, "%s: %s\n", kv[0], kv[1])
		}
	}
	fmt.Fprintf(b, "preamble: %d lines\n", len(doc.Preamble))
	for _, c := range doc.Chapters {
		fmt.Fprintf(b, "hoofdstuk %q %q\n", c.Number, c.Title)
		for _, s := range c.Sections {
			fmt.Fprintf(b, "  %s %q %q: artikelen %s\n", s.Kind, s.Number, s.Title, strings.Join(s.Articles, ", "))
		}
		for _, a := range c.Articles {
			fmt.Fprintf(b, "  artikel %q %q\n", a.Number, a.Title)
			for _, q := range a.Paragraphs {
				fmt.Fprintf(b, "    lid %q: %s\n", q.Number, clip(q.Text))
				items(b, q.Items, "      ")
				if q.Tail != "" {
					fmt.Fprintf(b, "    tail: %s\n", clip(q.Tail))
				}
			}
			if a.Explanation != "" {
				fmt.Fprintf(b, "    toelichting %q: %s\n", a.ExplanationTitle, clip(a.Explanation))
			}
		}
	}
	if doc.GeneralExplanation != "" {
		fmt.Fprintf(b, "algemene toelichting: %s\n", clip(doc.GeneralExplanation))
	}
}

func items(b *strings.Builder, its []Item, indent string) {
	for _, it := range its {
		bullet := ""
		if it.Bullet {
			bullet = " (bullet)"
		}
		fmt.Fprintf(b, "%s%s%s: %s\n", indent, it.Label, bullet, clip(it.Text))
		items(b, it.Items, indent+"  ")
		if it.Tail != "" {
			fmt.Fprintf(b, "%stail: %s\n", indent, clip(it.Tail))
		}
	}
}

// clip is the first 60 characters of s on one line.
func clip(s string) string {
	s = strings.ReplaceAll(s, "\n", " ¶ ")
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}
