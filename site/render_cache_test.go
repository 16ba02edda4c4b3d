package site

import (
	"html/template"
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/regelgids/regelgids/calculators"
	"github.com/regelgids/regelgids/templates"
)

// TestScreenerFitCacheKey: a change to any field of a fit, nested ones
// included, changes its CacheKey, so no page is given another fit's HTML.
// A field of a kind the key does not know fails here first.
func TestScreenerFitCacheKey(t *testing.T) {
	base := func() ScreenerFit {
		return ScreenerFit{Reasons: []calculators.Reason{{}}, Cited: []ScreenerReason{{}}}
	}
	leaves := stringLeaves(t, reflect.ValueOf(ptr(base())).Elem(), "ScreenerFit")
	if len(leaves) < 10 {
		t.Fatalf("only %d fields found", len(leaves))
	}
	seen := map[string]string{base().CacheKey(): "none"}
	for _, name := range leaves {
		f := base()
		setLeaf(reflect.ValueOf(&f).Elem(), "ScreenerFit", name, "x")
		k := f.CacheKey()
		if other, ok := seen[k]; ok {
			t.Errorf("setting %s gives the key of setting %s", name, other)
		}
		seen[k] = name
	}
	// Moving a string from one field to the next is a different key.
	a, b := base(), base()
	a.Slug, a.Title = "ab", ""
	b.Slug, b.Title = "a", "b"
	if a.CacheKey() == b.CacheKey() {
		t.Error("the key does not keep fields apart")
	}
	// A cited reason with the reason's text is not one with another.
	same, other := base(), base()
	same.Reasons[0].Text, same.Cited[0].Text = "x", "x"
	other.Reasons[0].Text, other.Cited[0].Text = "x", "="
	if same.CacheKey() == other.CacheKey() {
		t.Error("the key does not tell a cited reason's own text from the reason's")
	}
	// A second reason is not a cited one.
	c, d := base(), base()
	c.Reasons = append(c.Reasons, calculators.Reason{})
	d.Cited = append(d.Cited, ScreenerReason{}, ScreenerReason{})
	if c.CacheKey() == d.CacheKey() {
		t.Error("the key does not keep reasons and cited reasons apart")
	}
}

func ptr[T any](v T) *T { return &v }

// stringLeaves lists the paths of the string fields under v (structs, and
// the first element of slices), failing on any other kind.
func stringLeaves(t *testing.T, v reflect.Value, path string) []string {
	switch v.Kind() {
	case reflect.String:
		return []string{path}
	case reflect.Struct:
		var out []string
		for i := range v.NumField() {
			out = append(out, stringLeaves(t, v.Field(i), path+"."+v.Type().Field(i).Name)...)
		}
		return out
	case reflect.Slice:
		if v.Len() == 0 {
			t.Fatalf("%s: empty slice in the test fit", path)
		}
		return stringLeaves(t, v.Index(0), path+"[0]")
	}
	t.Fatalf("%s: a %s field, which ScreenerFit.CacheKey does not cover", path, v.Kind())
	return nil
}

func setLeaf(v reflect.Value, path, want, s string) {
	switch v.Kind() {
	case reflect.String:
		if path == want {
			v.SetString(s)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			setLeaf(v.Field(i), path+"."+v.Type().Field(i).Name, want, s)
		}
	case reflect.Slice:
		setLeaf(v.Index(0), path+"[0]", want, s)
	}
}

// TestCachedPartial: a cached partial comes out as rendering it for the
// page would, also where its links differ from page to page; it is
// rendered again only for what its key and links do not cover; it sees
// nothing of the page but the Frame.
func TestCachedPartial(t *testing.T) {
	layout := template.Must(template.New("").Funcs(funcs).Parse(
		`{{define "nav"}}<a href="{{.URL "/zoeken/"}}">{{.T "search"}}</a> {{.Kind}}{{with .Args}} {{.}}{{end}}{{end}}` +
			`{{define "self"}}<a href="{{.SelfURL}}">{{.Args.Title}}</a>{{end}}` +
			`{{define "title"}}{{.Title}}{{end}}`))
	sd := &SiteData{Lang: "nl", strings: map[string]string{"search": "Zoeken"}}
	frames := newFrameCache()
	page := func(path, kind string) *Page {
		return &Page{Path: path, Kind: kind, Lang: "nl", Site: sd, layout: layout, frames: frames}
	}
	for _, tc := range []struct {
		path, kind string
		args       []any
		want       string
	}{
		{"/artikel/1/", KindArticle, nil, `<a href="../../zoeken/">Zoeken</a> article`},
		{"/artikel/2/", KindArticle, nil, `<a href="../../zoeken/">Zoeken</a> article`},
		{"/zoeken/", KindArticle, nil, `<a href="./">Zoeken</a> article`},
		{"/", KindArticle, nil, `<a href="zoeken/">Zoeken</a> article`},
		{"/voorzieningen/bijstand/", KindArticle, nil, `<a href="../../zoeken/">Zoeken</a> article`},
		{"/artikel/1/", KindGuide, nil, `<a href="../../zoeken/">Zoeken</a> guide`},
		{"/artikel/1/", KindArticle, []any{"een"}, `<a href="../../zoeken/">Zoeken</a> article een`},
		{"/artikel/1/", KindArticle, []any{"twee"}, `<a href="../../zoeken/">Zoeken</a> article twee`},
	} {
		got, err := page(tc.path, tc.kind).Cached("nav", tc.args...)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != tc.want {
			t.Errorf("%s %s %v: %q, want %q", tc.path, tc.kind, tc.args, got, tc.want)
		}
	}
	renders := 0
	for k, outs := range frames.out {
		if k.name == "nav" {
			renders += len(outs)
		}
	}
	// Once per kind and args for the ../../ pages, once each for /zoeken/
	// and /: six of eight.
	if renders != 6 {
		t.Errorf("rendered %d times, want 6", renders)
	}
	for _, path := range []string{"/wat-past-bij-mij/a0/", "/wat-past-bij-mij/a1/", "/"} {
		got, err := page(path, KindScreener).Cached("self", map[string]any{"Title": "Uitkomst"})
		if want := `<a href="./">Uitkomst</a>`; err != nil || string(got) != want {
			t.Errorf("%s: %q, %v; want %q", path, got, err, want)
		}
	}
	if _, err := page("/", KindArticle).Cached("title"); err == nil || !strings.Contains(err.Error(), "Title") {
		t.Errorf("a partial reading the page's title: error %v, want one naming Title", err)
	}
	if _, err := page("/", KindArticle).Cached("nav", 1, 2); err == nil {
		t.Error("two values after the name: no error")
	}
}

// TestCachedPartialRedefined: a cached partial runs from the partials
// shared by all kinds, except for a kind whose layout redefines a
// template it runs: there the layout's definition shows.
func TestCachedPartialRedefined(t *testing.T) {
	tfs := fstest.MapFS{}
	err := fs.WalkDir(templates.Default(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(templates.Default(), name)
		tfs[name] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	tfs["layouts/guide.html"].Data = append(tfs["layouts/guide.html"].Data, `{{define "search"}}<p>eigen zoekvak</p>{{end}}`...)
	r, pages := renderSetup(t, tfs)
	if r.layouts.shared[KindGuide]["header-nav"] || !r.layouts.shared[KindArticle]["header-nav"] || !r.layouts.shared[KindGuide]["footer"] {
		t.Errorf("shared: guide header-nav %v, article header-nav %v, guide footer %v; want false, true, true",
			r.layouts.shared[KindGuide]["header-nav"], r.layouts.shared[KindArticle]["header-nav"], r.layouts.shared[KindGuide]["footer"])
	}
	out := Output{}
	if _, _, err := r.renderPages(out, pages, nil); err != nil {
		t.Fatal(err)
	}
	for _, pg := range pages {
		if pg.Kind != KindGuide && pg.Kind != KindArticle {
			continue
		}
		page := string(out[filePath(pg)])
		own, form := strings.Contains(page, "eigen zoekvak"), strings.Contains(page, `<form class="rg-search"`)
		if pg.Kind == KindGuide && (!own || form) || pg.Kind == KindArticle && (own || !form) {
			t.Errorf("%s: own search %v, search form %v", pg.FullPath(), own, form)
		}
	}
}
