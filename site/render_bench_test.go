package site

import (
	"io/fs"
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
	r, pages := renderSetup(b, templates.Default())
	for b.Loop() {
		if _, _, err := r.renderPages(Output{}, pages, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(len(pages)), "µs/page")
}

// renderSetup is a renderer of the templates tfs and the pages of the
// default content in every language, ready to render.
func renderSetup(tb testing.TB, tfs fs.FS) (*Renderer, []*Page) {
	tb.Helper()
	fsys, err := benchsite.Copy(content.Default())
	if err != nil {
		tb.Fatal(err)
	}
	p, err := project.Load(fsys, params.Date{Year: 2025, Month: 7, Day: 1})
	if err != nil {
		tb.Fatal(err)
	}
	r, err := NewRenderer(tfs)
	if err != nil {
		tb.Fatal(err)
	}
	shared, err := r.assets(p, nil)
	if err != nil {
		tb.Fatal(err)
	}
	assets := addAssets(Output{}, shared)
	var pages []*Page
	for _, lang := range p.Languages {
		sd, err := r.siteData(p, lang, r.consistency(p))
		if err != nil {
			tb.Fatal(err)
		}
		sd.assets = assets
		pages = append(pages, r.pages(sd, nil)...)
	}
	linkAlternates(pages)
	return r, pages
}
