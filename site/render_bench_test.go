package site

import (
	"testing"

	"github.com/regelgids/regelgids/calculators/params"
	"github.com/regelgids/regelgids/content"
	"github.com/regelgids/regelgids/internal/benchsite"
	"github.com/regelgids/regelgids/site/project"
	"github.com/regelgids/regelgids/templates"
)

// BenchmarkRenderPages renders every page of the default content, as a
// full build does after the site data is derived: layouts, frame,
// guides and glossary links, without the module, search or writing.
func BenchmarkRenderPages(b *testing.B) {
	fsys, err := benchsite.Copy(content.Default())
	if err != nil {
		b.Fatal(err)
	}
	p, err := project.Load(fsys, params.Date{Year: 2025, Month: 7, Day: 1})
	if err != nil {
		b.Fatal(err)
	}
	r, err := NewRenderer(templates.Default())
	if err != nil {
		b.Fatal(err)
	}
	shared, err := r.assets(p, nil)
	if err != nil {
		b.Fatal(err)
	}
	assets := addAssets(Output{}, shared)
	var pages []*Page
	for _, lang := range p.Languages {
		sd, err := r.siteData(p, lang, r.consistency(p))
		if err != nil {
			b.Fatal(err)
		}
		sd.assets = assets
		pages = append(pages, r.pages(sd, nil)...)
	}
	linkAlternates(pages)
	for b.Loop() {
		if _, _, err := r.renderPages(Output{}, pages, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(len(pages)), "µs/page")
}
