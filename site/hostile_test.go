package site_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"

	"github.com/regelgids/regelgids/content"
	"github.com/regelgids/regelgids/site"
)

// TestHostileContentIsText: markup in front matter, glossary, translation
// or metadata reaches pages only as escaped text.
func TestHostileContentIsText(t *testing.T) {
	t.Parallel()
	const evil = `<script>alert("x")</script><img src=x onerror=alert(1)>`
	fsys := copyFS(t, content.Default())
	edit := func(name, old, new string) {
		f := fsys[name]
		if !bytes.Contains(f.Data, []byte(old)) {
			t.Fatalf("%s lacks %q", name, old)
		}
		f.Data = bytes.Replace(f.Data, []byte(old), []byte(new), 1)
	}
	quoted := `"` + strings.ReplaceAll(evil, `"`, `\"`)
	edit("gidsen/nl/scholing.md", "title: Scholing\n", "title: "+quoted+` Scholing"`+"\n")
	edit("gidsen/nl/scholing.md", "summary: Een cursus", "summary: "+quoted+" Een cursus")
	edit("gidsen/nl/scholing.md", "werk vindt.\naudience", "werk vindt.\"\naudience")
	edit("begrippen/nl.yaml", "definition: \"", "definition: \""+strings.ReplaceAll(evil, `"`, `\"`))
	edit("vertaling/en.yaml", `title: "Definitions"`, `title: "Definitions `+strings.ReplaceAll(evil, `"`, `\"`)+`"`)
	edit("metadata.yaml", "name: Gemeente Eemsdelta", "name: \"Gemeente Eemsdelta "+strings.ReplaceAll(evil, `"`, `\"`)+"\"")
	opts := defaultOptions("")
	opts.Content = fsys
	_, out, err := site.Generate(opts)
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for name, b := range out {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		if bytes.Contains(b, []byte("<script>alert")) || bytes.Contains(b, []byte("<img src=x")) {
			t.Errorf("%s: hostile markup reached the page", name)
		}
		if bytes.Contains(b, []byte("&lt;script&gt;alert")) {
			found++
		}
	}
	if found < 5 {
		t.Errorf("the escaped text shows on only %d pages; the test did not reach the content", found)
	}
}

var (
	reScript = regexp.MustCompile(`<script\b[^>]*>`)
	reCSP    = regexp.MustCompile(`^default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; .*object-src 'none'`)
)

// TestContentSecurityPolicy: every page carries the policy that allows
// only the site's own scripts and the WebAssembly module, and has no
// inline script for it to allow.
func TestContentSecurityPolicy(t *testing.T) {
	out := generate(t)
	for name, b := range out {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		if csp := metaCSP(parsePage(t, name, b).doc); !reCSP.MatchString(csp) {
			t.Errorf("%s: Content-Security-Policy %q", name, csp)
		}
		for _, tag := range reScript.FindAll(b, -1) {
			if !bytes.Contains(tag, []byte(" src=")) {
				t.Errorf("%s: inline script %s", name, tag)
			}
		}
		if bytes.Contains(b, []byte(" onclick=")) || bytes.Contains(b, []byte(" onload=")) || bytes.Contains(b, []byte("javascript:")) {
			t.Errorf("%s: inline event handler or javascript: URL", name)
		}
	}
}

// TestBrokenContentKeepsOutput: each kind of broken content gives one
// clear error with file and line, and the previous output folder stays.
func TestBrokenContentKeepsOutput(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(defaultOptions(out)); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, out)
	cases := []struct {
		name, file, old, new, want string
	}{
		{"unknown parameter reference", "gidsen/nl/uitstroompremie.md", `{{< param "uitstroompremie.volledig" >}}`, `{{< param "uitstroompremie.vollledig" >}}`,
			`gidsen/nl/uitstroompremie.md:`},
		{"malformed date", "parameters.yaml", "from: 2024-07-01, value: \"600.00\"", "from: 2024-13-01, value: \"600.00\"", "parameters.yaml:"},
		{"value not a number", "parameters.yaml", `value: "300.00"`, `value: "drie honderd"`, "parameters.yaml:"},
		{"missing translation", "vertaling/en.yaml", `    title: "Social activation"`, `    titel: "Social activation"`, "vertaling/en.yaml:"},
		{"duplicated article", "verordening.txt", "Artikel 8. Proefplaats", "Artikel 7. Proefplaats", "verordening.txt:277: article 7 appears twice"},
		{"guide front matter", "gidsen/en/scholing.md", "order:", "ordre:", "gidsen/en/scholing.md:"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := copyFS(t, content.Default())
			f := fsys[c.file]
			if f == nil || !bytes.Contains(f.Data, []byte(c.old)) {
				t.Fatalf("%s lacks %q", c.file, c.old)
			}
			fsys[c.file] = &fstest.MapFile{Data: bytes.Replace(f.Data, []byte(c.old), []byte(c.new), 1)}
			opts := defaultOptions(out)
			opts.Content = fsys
			_, err := site.Build(opts)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error:\n%v\nwant it to contain %q", err, c.want)
			}
			if after := snapshot(t, out); after != before {
				t.Error("the previous output changed")
			}
		})
	}
}

// snapshot summarises a folder's files and sizes.
func snapshot(t *testing.T, dir string) string {
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b.WriteString(rel + " " + info.ModTime().String() + "\n")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// metaCSP returns the content of the page's Content-Security-Policy meta.
func metaCSP(n *html.Node) string {
	if n.Type == html.ElementNode && n.Data == "meta" && attr(n, "http-equiv") == "Content-Security-Policy" {
		return attr(n, "content")
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if v := metaCSP(c); v != "" {
			return v
		}
	}
	return ""
}
