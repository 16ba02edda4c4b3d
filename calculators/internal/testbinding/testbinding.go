// Package testbinding reads a content folder's calculators.yaml into a
// calculators.Binding for the tests of the rule package, which cannot use
// the site's loader (package site imports the rules, and does not build for
// js/wasm). It trusts the file: the site's loader checks it line by line and
// against the ordinance; here only Binding.Check runs.
package testbinding

import (
	"os"
	"path/filepath"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/regelgids/regelgids/calculators"
	"github.com/regelgids/regelgids/calculators/params"
)

// Load reads dir/calculators.yaml, resolving {param: NAME} citations with
// the sources in dir/parameters.yaml.
func Load(t testing.TB, dir string) *calculators.Binding {
	t.Helper()
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	table, err := params.Parse("parameters.yaml", read("parameters.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	type cite struct{ Article, Paragraph, Param string }
	var raw struct {
		Effective struct {
			Date, Article, Paragraph string
		}
		Calculators yaml.Node
	}
	if err := yaml.Unmarshal(read("calculators.yaml"), &raw); err != nil {
		t.Fatal(err)
	}
	date, err := params.ParseDate(raw.Effective.Date)
	if err != nil {
		t.Fatal(err)
	}
	b := &calculators.Binding{Effective: calculators.Effective{Date: date, Cite: calculators.Cite{Article: raw.Effective.Article, Paragraph: raw.Effective.Paragraph}}}
	m := raw.Calculators.Content
	for i := 0; i+1 < len(m); i += 2 {
		var c struct {
			Article string
			Cites   map[string]cite
		}
		if err := m[i+1].Decode(&c); err != nil {
			t.Fatal(err)
		}
		calc := calculators.Calculator{Rule: m[i].Value, Article: c.Article, Cites: map[string]calculators.Cite{}}
		for k, ct := range c.Cites {
			if ct.Param != "" {
				p, ok := table.Param(ct.Param)
				if !ok {
					t.Fatalf("calculators.yaml: %s.%s: no parameter %s", calc.Rule, k, ct.Param)
				}
				ct.Article, ct.Paragraph = p.Source.Article, p.Source.Paragraph
			}
			calc.Cites[k] = calculators.Cite{Article: ct.Article, Paragraph: ct.Paragraph}
		}
		b.Calculators = append(b.Calculators, calc)
	}
	if err := b.Check(); err != nil {
		t.Fatal(err)
	}
	return b
}
