package site_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/url"
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
	"golang.org/x/net/html"

	"github.com/regelgids/regelgids/site"
)

// hashedAsset is a content-hashed file name: css/regelgids.3f2a1c9b.css.
var hashedAsset = regexp.MustCompile(`\.[0-9a-f]{8}\.[a-z]+$`)

// assetExt are the extensions of files a page links that are not pages.
var assetExt = map[string]bool{".css": true, ".js": true, ".mjs": true, ".wasm": true, ".json": true, ".svg": true, ".png": true, ".jpg": true, ".webp": true, ".ico": true, ".woff2": true, ".xml": true, ".txt": true}

// TestAssetsResolve walks every page of the site and follows every link to
// a file that is not a page (stylesheets, scripts, the module, its loader
// and amounts, the search index, named in href, src and data-* attributes):
// each resolves to a built file, and every shared file is linked by its
// content-hashed name, never by a plain one.
func TestAssetsResolve(t *testing.T) {
	out := generate(t)
	checked := map[string]int{}
	for name, b := range out {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		doc, err := html.Parse(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		base := path.Dir("/" + name)
		if strings.HasSuffix(name, "404.html") {
			base = "/" // served at any path, links from the root
		}
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				for _, a := range n.Attr {
					if a.Key != "href" && a.Key != "src" && !strings.HasPrefix(a.Key, "data-") {
						continue
					}
					u, err := url.Parse(a.Val)
					if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" || strings.HasPrefix(a.Val, "#") {
						continue
					}
					if !assetExt[path.Ext(u.Path)] || strings.Contains(a.Val, " ") {
						continue // a page, or a data- text
					}
					target := strings.TrimPrefix(path.Join(base, u.Path), "/")
					if _, ok := out[target]; !ok {
						t.Errorf("%s: %s=%q points to %s, which was not built", name, a.Key, a.Val, target)
						continue
					}
					// A shared file has only its hashed name; data made
					// per build (the search index, the screener's rules,
					// the Atom feed) keeps one address.
					if out.Hashed(target) != "" {
						t.Errorf("%s: %s=%q links %s by a name without content hash", name, a.Key, a.Val, target)
					}
					checked[path.Ext(target)]++
				}
			}
			// <noscript> content is text to the parser when scripting is
			// on: parse it as markup too.
			if n.Type == html.ElementNode && n.Data == "noscript" && n.FirstChild != nil && n.FirstChild.Type == html.TextNode {
				nodes, err := html.ParseFragment(strings.NewReader(n.FirstChild.Data), n)
				if err == nil {
					for _, c := range nodes {
						walk(c)
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
	}
	for _, ext := range []string{".css", ".js", ".wasm", ".json"} {
		if checked[ext] == 0 {
			t.Errorf("no link to a %s file checked: the walk misses them", ext)
		}
	}
	// Every file under templates/static and the module is hashed, and
	// nothing is left under its plain name.
	for _, plain := range []string{"css/regelgids.css", "css/noscript.css", "js/rekenhulp.js", "js/zoeken.js", "js/zoeken-engine.js",
		site.WASMFile, site.WASMExecFile, site.AmountsFile} {
		if out.Hashed(plain) == "" {
			t.Errorf("%s: no hashed copy", plain)
		}
		if _, ok := out[plain]; ok {
			t.Errorf("%s is also written under its plain name", plain)
		}
	}
}

// TestNoscriptStylesheet: the calculator form is in the page from the
// first paint (no hidden attribute for a script to remove) and a
// stylesheet inside <noscript> hides it for readers without JavaScript.
func TestNoscriptStylesheet(t *testing.T) {
	out := generate(t)
	page := string(out["rekenhulp/uitstroompremie/index.html"])
	form := regexp.MustCompile(`<form class="rg-calc"[^>]*>`).FindString(page)
	if form == "" || strings.Contains(form, " hidden") {
		t.Fatalf("calculator form %q: missing or hidden", form)
	}
	m := regexp.MustCompile(`<noscript><link rel="stylesheet" href="\.\./\.\./(css/noscript\.[0-9a-f]{8}\.css)"></noscript>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no <noscript> stylesheet in the calculator page")
	}
	if head := page[:strings.Index(page, "</head>")]; !strings.Contains(head, m[0]) {
		t.Error("the <noscript> stylesheet is not in <head>: the form would show before it hides")
	}
	if css := string(out[m[1]]); !strings.Contains(css, ".rg-calc") || !strings.Contains(css, "display: none") {
		t.Errorf("%s does not hide the form:\n%s", m[1], css)
	}
	if home := string(out["index.html"]); strings.Contains(home, "noscript.") {
		t.Error("pages without a calculator load the noscript stylesheet")
	}
}

// TestPrecompressed: every text file and the module worth compressing has
// a brotli and a gzip copy that give back its bytes; tiny files have none.
func TestPrecompressed(t *testing.T) {
	out := generate(t)
	want := []string{"index.html", "en/artikel/6/index.html", "rekenhulp/uitstroompremie/index.html", "sitemap.xml", "zoeken/index-nl.json",
		out.Hashed("css/regelgids.css"), out.Hashed("js/rekenhulp.js"), out.Hashed(site.WASMFile), out.Hashed(site.WASMExecFile), out.Hashed(site.AmountsFile)}
	for _, name := range want {
		for _, ext := range []string{".br", ".gz"} {
			c, ok := out[name+ext]
			if !ok {
				t.Errorf("%s%s missing", name, ext)
				continue
			}
			var r io.Reader = brotli.NewReader(bytes.NewReader(c))
			if ext == ".gz" {
				zr, err := gzip.NewReader(bytes.NewReader(c))
				if err != nil {
					t.Errorf("%s%s: %v", name, ext, err)
					continue
				}
				r = zr
			}
			raw, err := io.ReadAll(r)
			if err != nil || !bytes.Equal(raw, out[name]) {
				t.Errorf("%s%s does not give back %s (%v)", name, ext, name, err)
			}
			if len(c) >= len(out[name]) {
				t.Errorf("%s%s: %d bytes for %d", name, ext, len(c), len(out[name]))
			}
		}
	}
	for name, b := range out {
		base := strings.TrimSuffix(strings.TrimSuffix(name, ".br"), ".gz")
		if base == name {
			continue
		}
		if _, ok := out[base]; !ok {
			t.Errorf("%s: a copy of nothing", name)
		}
		if len(out[base]) < 512 {
			t.Errorf("%s: a compressed copy of a %d-byte file", name, len(out[base]))
		}
		if len(b) > len(out[base])*9/10 {
			t.Errorf("%s: %d bytes for %d, too little saved to be worth a file", name, len(b), len(out[base]))
		}
	}
	if _, ok := out[out.Hashed("css/noscript.css")+".br"]; ok {
		t.Error("the tiny noscript.css has a compressed copy")
	}
	if _, ok := out["robots.txt.gz"]; ok {
		t.Error("robots.txt has a compressed copy")
	}
}

// TestHeadersFile: _headers gives every path the security headers serve
// sends, and every file that is not a page the cache lifetime serve sends:
// a year for the hashed ones, five minutes for the others.
func TestHeadersFile(t *testing.T) {
	out := generate(t)
	h := string(out[site.HeadersFile])
	rules := map[string][]string{}
	var order []string
	var cur string
	for i, line := range strings.Split(h, "\n") {
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "/"):
			cur = line
			if _, dup := rules[cur]; dup {
				t.Errorf("_headers:%d: %s twice", i+1, cur)
			}
			rules[cur] = nil
			order = append(order, cur)
		case strings.HasPrefix(line, "  ") && cur != "" && strings.Contains(line, ": "):
			rules[cur] = append(rules[cur], strings.TrimSpace(line))
		default:
			t.Errorf("_headers:%d: %q is not a path, header or comment", i+1, line)
		}
	}
	if len(order) == 0 || order[0] != "/*" {
		t.Fatalf("_headers does not start with the rule for every path:\n%s", h)
	}
	all := strings.Join(rules["/*"], "\n")
	for _, want := range []string{"Content-Security-Policy: " + site.ContentSecurityPolicy + "; frame-ancestors 'none'", "X-Content-Type-Options: nosniff", "Referrer-Policy: same-origin"} {
		if !strings.Contains(all, want) {
			t.Errorf("/* lacks %q", want)
		}
	}
	if strings.Contains(all, "Cache-Control") {
		t.Error("/* sets Cache-Control, which Cloudflare Pages would join with the assets' own")
	}
	if len(order) > 100 {
		t.Errorf("%d rules: Cloudflare Pages reads at most 100", len(order))
	}
	for _, rule := range order[1:] {
		name := strings.TrimPrefix(rule, "/")
		if _, ok := out[name]; !ok {
			t.Errorf("_headers: %s is not a built file", rule)
		}
		want := "Cache-Control: public, max-age=300"
		if hashedAsset.MatchString(name) {
			want = "Cache-Control: public, max-age=31536000, immutable"
		}
		if path.Base(name) == site.FeedFile {
			want += "\nContent-Type: application/atom+xml; charset=utf-8"
		}
		if got := strings.Join(rules[rule], "\n"); got != want {
			t.Errorf("_headers %s: %q, want %q", rule, got, want)
		}
	}
	for name := range out {
		if hashedAsset.MatchString(name) {
			if _, ok := rules["/"+name]; !ok {
				t.Errorf("_headers has no rule for %s", name)
			}
		}
	}
}
