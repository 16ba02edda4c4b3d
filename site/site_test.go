package site_test

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/regelgids/regelgids/site/internal/testfs"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/regelgids/regelgids/site/project"

	"golang.org/x/net/html"

	"github.com/regelgids/regelgids/calculators/params"
	"github.com/regelgids/regelgids/content"
	"github.com/regelgids/regelgids/site"
	"github.com/regelgids/regelgids/templates"
)

// testDate fixes the amounts the tests see, whatever today is.
var testDate = params.Date{Year: 2025, Month: 7, Day: 1}

func defaultOptions(out string) site.Options {
	return site.Options{Content: content.Default(), Templates: templates.Default(), Out: out, Date: testDate}
}

// generate builds the default site once per test binary; tests read the
// result and never change it.
func generate(t testing.TB) site.Output {
	t.Helper()
	b := generated()
	if b.err != nil {
		t.Fatal(b.err)
	}
	return b.out
}

type built struct {
	project *project.Project
	out     site.Output
	err     error
}

var generated = sync.OnceValue(func() built {
	p, out, err := site.Generate(defaultOptions(""))
	return built{p, out, err}
})

// TestPagesExist: every page the site promises is written.
func TestPagesExist(t *testing.T) {
	out := generate(t)
	want := []string{"sitemap.xml", "robots.txt", out.Hashed("css/regelgids.css")}
	guides := []string{"sociale-activering", "werkervaringsplaats", "participatieplaats", "beschut-werk", "proefplaats", "leer-werktraject", "scholing",
		"loonkostensubsidie-kwetsbare-inwoners", "loonkostensubsidie-arbeidsbeperking", "jobcoach", "hulp-bij-beperkingen-motoriek",
		"meeneembare-voorzieningen", "vervoer-naar-werk", "uitstroompremie", "andere-voorzieningen", "hulp-aanvragen"}
	for _, prefix := range []string{"", "en/"} {
		want = append(want, prefix+"index.html", prefix+"verordening/index.html", prefix+"toelichting/index.html", prefix+"404.html",
			prefix+"voorzieningen/index.html", prefix+"begrippen/index.html", prefix+"toegankelijkheid/index.html", prefix+"privacy/index.html")
		for n := 1; n <= 24; n++ {
			want = append(want, fmt.Sprintf("%sartikel/%d/index.html", prefix, n))
		}
		for _, g := range guides {
			want = append(want, prefix+"voorzieningen/"+g+"/index.html")
		}
	}
	for _, name := range want {
		if _, ok := out[name]; !ok {
			t.Errorf("%s not written", name)
		}
	}
	if !bytes.Contains(out["sitemap.xml"], []byte("<loc>https://regelgids.eemsdelta.nl/artikel/17/</loc>\n    <xhtml:link rel=\"alternate\" hreflang=\"nl\" href=\"https://regelgids.eemsdelta.nl/artikel/17/\"/>\n    <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://regelgids.eemsdelta.nl/en/artikel/17/\"/>")) {
		t.Errorf("sitemap lacks article 17:\n%s", out["sitemap.xml"])
	}
	for _, path := range []string{"toegankelijkheid/", "privacy/", "en/toegankelijkheid/", "en/privacy/"} {
		if !bytes.Contains(out["sitemap.xml"], []byte("<loc>https://regelgids.eemsdelta.nl/"+path+"</loc>")) {
			t.Errorf("sitemap lacks %s", path)
		}
	}
	for name, b := range out {
		if strings.HasSuffix(name, ".html") && !bytes.Contains(b, []byte(`toegankelijkheid/"`)) {
			t.Errorf("%s: the footer does not link to the toegankelijkheidsverklaring", name)
		}
		if strings.HasSuffix(name, ".html") && !bytes.Contains(b, []byte(`privacy/"`)) {
			t.Errorf("%s: the footer does not link to the privacy page", name)
		}
	}
	if bytes.Contains(out["sitemap.xml"], []byte("404")) {
		t.Error("sitemap lists the 404 page")
	}
}

// page is a parsed HTML page with what the checks need.
type page struct {
	ids   map[string]bool
	links []string // href values
	doc   *html.Node
}

func parsePage(t *testing.T, name string, b []byte) *page {
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	p := &page{ids: map[string]bool{}, doc: doc}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				switch {
				case a.Key == "id":
					if p.ids[a.Val] {
						t.Errorf("%s: id %q appears twice", name, a.Val)
					}
					p.ids[a.Val] = true
				case (a.Key == "href" || a.Key == "src") && n.Data != "base":
					p.links = append(p.links, a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return p
}

// TestNoBrokenLinks walks the output and resolves every internal link and
// anchor against the files and ids that exist.
func TestNoBrokenLinks(t *testing.T) {
	if checked := checkLinks(t, generate(t)); checked < 2000 {
		t.Errorf("checked only %d links; the walk misses pages", checked)
	}
}

// checkLinks resolves every internal link and anchor of a built site and
// returns how many it checked.
func checkLinks(t *testing.T, out site.Output) int {
	t.Helper()
	pages := map[string]*page{}
	for name, b := range out {
		if strings.HasSuffix(name, ".html") {
			pages[name] = parsePage(t, name, b)
		}
	}
	checked := 0
	for name, p := range pages {
		if strings.HasSuffix(name, "404.html") {
			continue // served at any path; its links start at the root
		}
		dir := path.Dir("/" + name)
		for _, href := range p.links {
			u, err := url.Parse(href)
			if err != nil {
				t.Errorf("%s: bad link %q", name, href)
				continue
			}
			if u.Scheme != "" || u.Host != "" {
				continue // external
			}
			target := name
			if u.Path != "" {
				if strings.HasPrefix(u.Path, "/") {
					t.Errorf("%s: root-relative link %q breaks under a sub-path", name, href)
				}
				resolved := path.Join(dir, u.Path)
				if strings.HasSuffix(u.Path, "/") || u.Path == "." || u.Path == ".." {
					resolved = path.Join(resolved, "index.html")
				}
				target = strings.TrimPrefix(resolved, "/")
			}
			if _, ok := out[target]; !ok {
				t.Errorf("%s: link %q points to %s, which does not exist", name, href, target)
				continue
			}
			if u.Fragment != "" {
				tp := pages[target]
				if tp == nil || !tp.ids[u.Fragment] {
					t.Errorf("%s: link %q: no id %q in %s", name, href, u.Fragment, target)
				}
			}
			checked++
		}
	}
	return checked
}

// TestAccessibleStructure checks the WCAG basics that the markup alone
// decides: language, one h1, headings without skipped levels, a skip link
// to the main landmark, landmarks present, a title.
func TestAccessibleStructure(t *testing.T) {
	out := generate(t)
	for name, b := range out {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		p := parsePage(t, name, b)
		var headings []int
		var lang, title string
		landmarks := map[string]int{}
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				switch n.Data {
				case "html":
					lang = attr(n, "lang")
				case "title":
					title = text(n)
				case "h1", "h2", "h3", "h4", "h5", "h6":
					headings = append(headings, int(n.Data[1]-'0'))
					if strings.TrimSpace(text(n)) == "" {
						t.Errorf("%s: empty %s", name, n.Data)
					}
				case "main", "header", "footer", "nav":
					landmarks[n.Data]++
				case "a":
					if strings.TrimSpace(text(n)) == "" && attr(n, "aria-label") == "" {
						t.Errorf("%s: link %q without text", name, attr(n, "href"))
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(p.doc)
		wantLang := "nl"
		if strings.HasPrefix(name, "en/") {
			wantLang = "en"
		}
		if lang != wantLang {
			t.Errorf("%s: lang=%q, want %q", name, lang, wantLang)
		}
		if title == "" {
			t.Errorf("%s: no title", name)
		}
		if len(headings) == 0 || headings[0] != 1 {
			t.Errorf("%s: first heading is not h1: %v", name, headings)
		}
		h1 := 0
		for i, h := range headings {
			if h == 1 {
				h1++
			}
			if i > 0 && h > headings[i-1]+1 {
				t.Errorf("%s: heading level jumps from h%d to h%d", name, headings[i-1], h)
			}
		}
		if h1 != 1 {
			t.Errorf("%s: %d h1 elements", name, h1)
		}
		if landmarks["main"] != 1 || landmarks["header"] < 1 || landmarks["footer"] < 1 || landmarks["nav"] < 1 {
			t.Errorf("%s: landmarks %v", name, landmarks)
		}
		if !p.ids["inhoud"] || !bytes.Contains(b, []byte(`href="#inhoud"`)) {
			t.Errorf("%s: no skip link to #inhoud", name)
		}
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// TestArticleAnchors: leden and onderdelen carry the anchors other pages
// and the search link to.
func TestArticleAnchors(t *testing.T) {
	out := generate(t)
	cases := map[string][]string{
		"artikel/1/index.html":   {"lid-1", "lid-1-a", "lid-1-j", "lid-2", "toelichting"},
		"artikel/9/index.html":   {"onderdeel-a", "onderdeel-b"},
		"artikel/13/index.html":  {"lid-1", "lid-8"},
		"artikel/17/index.html":  {"lid-1", "lid-5"},
		"verordening/index.html": {"hoofdstuk-1", "hoofdstuk-3", "artikel-6", "artikel-6-lid-5", "artikel-3-lid-2-g", "artikel-9-onderdeel-b", "ondertekening"},
		"toelichting/index.html": {"algemeen", "toelichting-artikel-17"},
	}
	for name, ids := range cases {
		p := parsePage(t, name, out[name])
		for _, id := range ids {
			if !p.ids[id] {
				t.Errorf("%s: no id %q", name, id)
			}
		}
	}
	// Artikel 6 shows its text, its toelichting, breadcrumb and pager.
	a6 := string(out["artikel/6/index.html"])
	for _, want := range []string{
		"€&nbsp;1.050,00 (bedrag 2024)",
		"In artikel 10a van de <a class=\"utrecht-link rg-term\" href=\"../../begrippen/#wet\">wet</a> is de participatieplaats geregeld.",
		`href="../../verordening/#hoofdstuk-2"`,
		`rel="prev"`, `rel="next"`,
		`<li class="rg-lid" id="lid-5" value="5">`,
	} {
		if !strings.Contains(a6, want) {
			t.Errorf("artikel/6 lacks %q", want)
		}
	}
	// References to other articles of the ordinance become links; those to
	// another law do not.
	if a11 := string(out["artikel/11/index.html"]); !strings.Contains(a11, `(zie <a class="utrecht-link" href="../12/">artikel 12</a>)`) || strings.Contains(a11, `>artikel 10d</a>`) {
		t.Error("artikel/11: reference to artikel 12 not linked, or artikel 10d van de wet linked")
	}
	// The toelichting's own title is shown where it differs.
	if !strings.Contains(string(out["artikel/16/index.html"]), "“Vervoersvoorziening”") {
		t.Error("artikel/16 does not show the toelichting's differing title")
	}
}

// TestDeterministic: the same input gives byte-identical output.
func TestDeterministic(t *testing.T) {
	t.Parallel()
	a, b := t.TempDir()+"/a", t.TempDir()+"/b"
	for _, out := range []string{a, b} {
		if _, err := site.Build(defaultOptions(out)); err != nil {
			t.Fatal(err)
		}
	}
	files := 0
	err := filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		x, _ := os.ReadFile(p)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two builds", rel)
		}
		files++
		return nil
	})
	if err != nil || files < 30 {
		t.Fatalf("walked %d files: %v", files, err)
	}
}

// TestFailedBuildKeepsPreviousOutput: a broken content folder gives an
// error naming file and line, and the old site stays as it was.
func TestFailedBuildKeepsPreviousOutput(t *testing.T) {
	t.Parallel()
	out := t.TempDir() + "/public"
	if _, err := site.Build(defaultOptions(out)); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(filepath.Join(out, "artikel/6/index.html"))

	broken := copyFS(t, content.Default())
	src := broken["verordening.txt"].Data
	broken["verordening.txt"].Data = bytes.Replace(src, []byte("Artikel 7. Participatievoorziening"), []byte("Artikel 6. Participatievoorziening"), 1)
	opts := defaultOptions(out)
	opts.Content = broken
	_, err := site.Build(opts)
	if err == nil || !strings.Contains(err.Error(), "verordening.txt:") || !strings.Contains(err.Error(), "article 6 appears twice") {
		t.Fatalf("error = %v", err)
	}
	after, _ := os.ReadFile(filepath.Join(out, "artikel/6/index.html"))
	if !bytes.Equal(before, after) || len(after) == 0 {
		t.Error("the previous output changed after a failed build")
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	for _, e := range entries {
		// The index of the output (publish_spare.go) is kept on purpose.
		if e.Name() != "public" && e.Name() != ".public.files" {
			t.Errorf("left beside the output folder: %v", e)
		}
	}
}

func TestMetadataErrors(t *testing.T) {
	cases := []struct{ name, yaml, want string }{
		{"unknown key", "municipality: X\ntext: verordening.txt\nbase_url: https://x.nl/\ncolour: blue\n", "metadata.yaml:4: unknown key colour"},
		{"empty", "", "metadata.yaml:1: empty file"},
		{"missing text", "municipality: X\nbase_url: https://x.nl/\n", "metadata.yaml:1: text: missing"},
		{"bad base url", "municipality: X\ntext: verordening.txt\nbase_url: regelgids\n", `metadata.yaml:3: base_url: "regelgids" must start with https://`},
		// Before: written unescaped into sitemap.xml and robots.txt.
		{"javascript base url", "municipality: X\ntext: verordening.txt\nbase_url: javascript://x.nl/%0aalert(1)\n", `metadata.yaml:3: base_url: "javascript://x.nl/%0aalert(1)" must start with https://`},
		{"base url with markup", "municipality: X\ntext: verordening.txt\nbase_url: https://x.nl/<script>\n", `metadata.yaml:3: base_url: "https://x.nl/<script>" contains a space, a quote or another character that does not belong in a web address`},
		{"base url with query", "municipality: X\ntext: verordening.txt\nbase_url: https://x.nl/?a=b\n", `metadata.yaml:3: base_url: "https://x.nl/?a=b" must not have a ?query or #fragment: pages are added after it`},
		{"http base url", "municipality: X\ntext: verordening.txt\nbase_url: http://x.nl/\n", `metadata.yaml:3: base_url: "http://x.nl/" must start with https://`},
		// Before: #ZgotmplZ on every page.
		{"javascript website", "municipality: X\ntext: verordening.txt\nbase_url: https://x.nl/\ncontact:\n  website: javascript:alert(1)\n", `metadata.yaml:5: contact.website: "javascript:alert(1)" must start with https://`},
		{"data source url", "municipality: X\ntext: verordening.txt\nbase_url: https://x.nl/\nsource_url: data:text/html,hi\n", `metadata.yaml:4: source_url: "data:text/html,hi" must start with https://`},
		{"user in url", "municipality: X\ntext: verordening.txt\nbase_url: https://a:b@x.nl/\n", `metadata.yaml:3: base_url: "https://a:b@x.nl/" must not contain a user name or password`},
		{"bad host", "municipality: X\ntext: verordening.txt\nbase_url: https://x_y..nl/\n", `metadata.yaml:3: base_url: "https://x_y..nl/" has an invalid host name "x_y..nl"`},
		{"phone", "municipality: X\ntext: verordening.txt\nbase_url: https://x.nl/\ncontact:\n  phone: \"javascript:1\"\n", `metadata.yaml:5: contact.phone: "javascript:1" is not a phone number`},
		{"text outside folder", "municipality: X\ntext: ../../etc/passwd\nbase_url: https://x.nl/\n", `metadata.yaml:2: text: "../../etc/passwd" must be a file name inside the content folder, such as verordening.txt`},
		{"site text in an unknown language", "municipality: X\ntext: verordening.txt\nsite:\n  intro:\n    fr: Bonjour\n", `metadata.yaml:4: site.intro: unknown language "fr" (use nl, en)`},
		{"long value clipped", "municipality: X\ntext: verordening.txt\nbase_url: https://x.nl/\nsource_url: ftp://" + strings.Repeat("a", 5000) + "\n", `metadata.yaml:4: source_url: "ftp://` + strings.Repeat("a", 54) + `…" must start with https://`},
		{"missing text file", "municipality: X\ntext: nietbestaand.txt\nbase_url: https://x.nl/\n", "metadata.yaml:2: text: nietbestaand.txt does not exist in the content folder"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := copyFS(t, content.Default())
			fsys["metadata.yaml"] = &fstest.MapFile{Data: []byte(c.yaml)}
			_, err := project.Load(fsys, testDate)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error = %v, want %q", err, c.want)
			}
		})
	}
}

// replaceIn changes the first old into new in one file of a copied content
// folder, and fails the test when the file does not contain old.
func replaceIn(t testing.TB, name, old, new string) func(fstest.MapFS) {
	return func(m fstest.MapFS) {
		f := m[name]
		if !bytes.Contains(f.Data, []byte(old)) {
			t.Fatalf("%s does not contain %q", name, old)
		}
		f.Data = bytes.Replace(f.Data, []byte(old), []byte(new), 1)
	}
}

// copyFS is an in-memory copy of a content folder, for tests that change it.
func copyFS(t testing.TB, src fs.FS) fstest.MapFS { return testfs.Copy(t, src) }

func TestTemplateErrors(t *testing.T) {
	t.Parallel()
	tfs := copyFS(t, templates.Default())
	tfs["layouts/article.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{.T "no_such_key"}}{{end}}`)}
	_, _, err := site.Generate(site.Options{Content: content.Default(), Templates: tfs, Date: testDate})
	if err == nil || !strings.Contains(err.Error(), `no interface text "no_such_key"`) {
		t.Errorf("error = %v", err)
	}
	tfs["layouts/article.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{if}}{{end}}`)}
	_, _, err = site.Generate(site.Options{Content: content.Default(), Templates: tfs, Date: testDate})
	if err == nil || !strings.Contains(err.Error(), "layouts/article.html:1") {
		t.Errorf("error = %v", err)
	}
	if errors.Is(err, fs.ErrNotExist) {
		t.Error("parse error reported as a missing file")
	}
}

// BenchmarkBuild measures a full build from the embedded content: load,
// parse, render and write.
func BenchmarkBuild(b *testing.B) {
	out := b.TempDir() + "/public"
	opts := defaultOptions(out)
	for b.Loop() {
		if _, err := site.Build(opts); err != nil {
			b.Fatal(err)
		}
	}
}

// TestReviewPages: the reviewers' overview has a row per guide and the
// consistency findings with both quotes; per-page views mark hard
// sentences with their reasons.
func TestReviewPages(t *testing.T) {
	out := generate(t)
	page := string(out["leesbaarheid/index.html"])
	for _, want := range []string{
		`href="voorzieningen/uitstroompremie/"`,
		`href="artikel/17/"`,
		"Deze verordening treedt in werking met ingang van 1 september 2024.",
		`href="../artikel/23/#lid-1"`,
		"Flesch-Douma",
		"dbnl.org", // the source of the Flesch–Douma threshold
	} {
		if !strings.Contains(page, want) {
			t.Errorf("leesbaarheid lacks %q", want)
		}
	}
	art := string(out["leesbaarheid/artikel/3/index.html"])
	if !strings.Contains(art, `<mark class="rg-hard">`) && !strings.Contains(art, "alleen gemeten") {
		t.Error("per-page view of artikel 3 shows no sentences")
	}
	if _, ok := out["en/leesbaarheid/voorzieningen/uitstroompremie/index.html"]; !ok {
		t.Error("no English per-page view")
	}
}
