// Command benchhugo times a regelgids build against Hugo on the same
// pages: for the default content (and for four times its articles) it
// builds the site with regelgids, makes a bilingual Hugo site with the
// same page paths and the same text on each page, and times both as
// separate processes, several runs each, into an output folder that holds
// the previous build (as a rebuild does), into an empty one, and into an
// empty one without the compressed copies regelgids writes beside every
// page (Hugo writes none: "bare").
//
//	go run ./internal/benchhugo [-runs 7] [-times 1,4] [-keep DIR]
//
// It needs hugo on the PATH (Debian: apt-get install hugo) and is a
// benchmark, not a test: CI does not run it.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/regelgids/regelgids/content"
	"github.com/regelgids/regelgids/internal/benchsite"
)

func main() {
	runs := flag.Int("runs", 7, "timed runs of each build")
	timesList := flag.String("times", "1,4", "article multiples to measure, comma-separated")
	keep := flag.String("keep", "", "work in this folder and keep it (default: a temporary folder, removed)")
	flag.Parse()
	if err := run(*runs, *timesList, *keep); err != nil {
		fmt.Fprintln(os.Stderr, "benchhugo:", err)
		os.Exit(1)
	}
}

func run(runs int, timesList, keep string) error {
	hugo, err := exec.LookPath("hugo")
	if err != nil {
		return errors.New("hugo is not installed (Debian: apt-get install hugo); nothing to compare with")
	}
	version, _ := exec.Command(hugo, "version").Output()
	work := keep
	if work == "" {
		if work, err = os.MkdirTemp("", "benchhugo-"); err != nil {
			return err
		}
		defer os.RemoveAll(work)
	}
	bin := filepath.Join(work, "regelgids")
	build := exec.Command("go", "build", "-o", bin, "./cmd/regelgids")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("go build ./cmd/regelgids (run this from the repository): %w", err)
	}
	fmt.Printf("hugo: %s", version)
	fmt.Printf("%d runs each, median; wall and CPU (user+system) of the whole process\n\n", runs)
	fmt.Printf("%-10s %-8s %6s %6s %10s %10s %10s %10s %8s\n", "articles", "output", "pages", "hugo", "wall", "cpu", "hugo wall", "hugo cpu", "per page")
	for _, f := range strings.Split(timesList, ",") {
		times, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || times < 1 {
			return fmt.Errorf("-times: %q is not a positive number", f)
		}
		if err := compare(work, bin, hugo, times, runs); err != nil {
			return err
		}
	}
	fmt.Println("\nrebuild: over the previous output; empty: nothing of the previous build kept (the compressed copies")
	fmt.Println("in the user cache stay); bare: empty, and regelgids writes no NAME.br and NAME.gz, as Hugo writes none")
	fmt.Println("per page: regelgids's wall time per page divided by Hugo's (below 1: regelgids is faster)")
	return nil
}

func compare(work, bin, hugo string, times, runs int) error {
	dir := filepath.Join(work, fmt.Sprintf("x%d", times))
	src := filepath.Join(dir, "content")
	fsys, err := benchsite.Scale(content.Default(), times)
	if err != nil {
		return err
	}
	for name, f := range fsys {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(src, name)), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(src, name), f.Data, 0o644); err != nil {
			return err
		}
	}
	out := filepath.Join(dir, "public")
	rg := []string{bin, "build", "--content", src, "--out", out, "--date", "2025-07-01"}
	// The first build fills the caches a build on a working machine has
	// (the calculators' module, compiled and compressed once).
	if _, err := timed(rg...); err != nil {
		return err
	}
	pages, err := writeHugoSite(out, filepath.Join(dir, "hugo"))
	if err != nil {
		return err
	}
	hout := filepath.Join(dir, "hugo-public")
	hg := []string{hugo, "--quiet", "--source", filepath.Join(dir, "hugo"), "--destination", hout}
	if _, err := timed(hg...); err != nil {
		return err
	}
	hpages := countPages(hout)
	for _, mode := range []string{"rebuild", "empty", "bare"} {
		var rw, rc, hw, hc []time.Duration
		args := rg
		if mode == "bare" {
			// The pages as Hugo writes them: without NAME.br and NAME.gz.
			args = append(append([]string(nil), rg...), "--precompress=false")
		}
		for range runs {
			if mode != "rebuild" {
				// Nothing of the previous build: not the output, nor the
				// spare folder and index regelgids keeps beside it. The
				// compressed copies in the user cache stay, as Hugo's
				// resource cache and Go's build cache do.
				for _, p := range []string{out, filepath.Join(dir, ".public.prev"), filepath.Join(dir, ".public.files"), hout} {
					os.RemoveAll(p)
				}
			}
			r, err := timed(args...)
			if err != nil {
				return err
			}
			h, err := timed(hg...)
			if err != nil {
				return err
			}
			rw, rc, hw, hc = append(rw, r.wall), append(rc, r.cpu), append(hw, h.wall), append(hc, h.cpu)
		}
		ratio := (float64(median(rw)) / float64(pages)) / (float64(median(hw)) / float64(hpages))
		fmt.Printf("%-10s %-8s %6d %6d %10v %10v %10v %10v %8.2f\n", fmt.Sprintf("×%d", times), mode, pages, hpages,
			median(rw).Round(time.Millisecond), median(rc).Round(time.Millisecond),
			median(hw).Round(time.Millisecond), median(hc).Round(time.Millisecond), ratio)
	}
	return nil
}

type usage struct{ wall, cpu time.Duration }

func timed(args ...string) (usage, error) {
	cmd := exec.Command(args[0], args[1:]...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return usage{}, fmt.Errorf("%s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	wall := time.Since(start)
	return usage{wall, cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}, nil
}

func median(d []time.Duration) time.Duration {
	s := append([]time.Duration(nil), d...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

func countPages(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			n++
		}
		return nil
	})
	return n
}

// writeHugoSite makes a bilingual Hugo site with a page for every HTML
// page of the regelgids build in out: the same path (Dutch at the root,
// English under /en/), the same title, and the text of its <main> as
// Markdown headings, paragraphs and list items. It returns the number of
// pages of the build.
func writeHugoSite(out, site string) (int, error) {
	os.RemoveAll(site)
	pages := 0
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		pages++
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		if rel == "404.html" || rel == "en/404.html" {
			return nil // Hugo makes its own 404 per language
		}
		lang := "nl"
		if r, ok := strings.CutPrefix(rel, "en/"); ok {
			lang, rel = "en", r
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		title, body, err := pageText(data)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		url := "/" + strings.TrimSuffix(rel, "index.html")
		// Flat files with their address in url: Hugo would read nested
		// index.md files as bundles inside bundles and skip them.
		name := filepath.Join(site, "content", lang, fmt.Sprintf("p%05d.md", pages))
		if url == "/" {
			name = filepath.Join(site, "content", lang, "_index.md")
		}
		// Hugo 0.111 does not put a language's prefix before url.
		prefixed := url
		if lang == "en" {
			prefixed = "/en" + url
		}
		front := fmt.Sprintf("---\ntitle: %s\nurl: %q\ntranslationKey: %q\n---\n\n", strconv.Quote(title), prefixed, url)
		if url == "/" {
			front = fmt.Sprintf("---\ntitle: %s\n---\n\n", strconv.Quote(title))
		}
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
		return os.WriteFile(name, []byte(front+body), 0o644)
	})
	if err != nil {
		return 0, err
	}
	for name, text := range hugoFiles {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(site, name)), 0o755); err != nil {
			return 0, err
		}
		if err := os.WriteFile(filepath.Join(site, name), []byte(text), 0o644); err != nil {
			return 0, err
		}
	}
	return pages, nil
}

// pageText returns a page's title and its <main> as Markdown.
func pageText(page []byte) (string, string, error) {
	root, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return "", "", err
	}
	var title string
	var b strings.Builder
	var walk func(n *html.Node, inMain bool)
	walk = func(n *html.Node, inMain bool) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Title:
				title = textOf(n)
				return
			case atom.Main:
				inMain = true
			case atom.Script, atom.Style, atom.Noscript:
				return
			case atom.H1, atom.H2, atom.H3, atom.H4:
				if inMain {
					fmt.Fprintf(&b, "%s %s\n\n", strings.Repeat("#", int(n.Data[1]-'0')), textOf(n))
					return
				}
			case atom.P, atom.Dt, atom.Dd, atom.Td, atom.Th, atom.Summary, atom.Label, atom.Figcaption:
				if inMain {
					if t := textOf(n); t != "" {
						b.WriteString(t + "\n\n")
					}
					return
				}
			case atom.Li:
				if inMain {
					if t := textOf(n); t != "" {
						b.WriteString("- " + t + "\n\n")
					}
					return
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inMain)
		}
	}
	walk(root, false)
	return title, b.String(), nil
}

func textOf(n *html.Node) string {
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
	s := strings.Join(strings.Fields(b.String()), " ")
	// Markdown would read these as markup; the text is what counts.
	return strings.NewReplacer("*", "", "_", " ", "<", "", "[", "(", "]", ")", "#", "").Replace(s)
}

// hugoFiles are the Hugo site's configuration and layouts: a page shell
// like regelgids's (header, navigation, breadcrumb, language switch,
// footer) around the content.
var hugoFiles = map[string]string{
	"config.toml": `baseURL = "https://example.org/"
defaultContentLanguage = "nl"
disableKinds = ["taxonomy", "term", "RSS"]
[languages.nl]
  contentDir = "content/nl"
  languageName = "Nederlands"
  weight = 1
[languages.en]
  contentDir = "content/en"
  languageName = "English"
  weight = 2
`,
	"layouts/_default/baseof.html": `<!DOCTYPE html>
<html lang="{{ .Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} | {{ .Site.Title }}</title>
<meta name="description" content="{{ .Summary | plainify | truncate 160 }}">
<link rel="stylesheet" href="{{ "css/site.css" | relURL }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}</head>
<body>
<a class="skip" href="#main">Skip</a>
<header><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
<nav><ul>
<li><a href="{{ "verordening/" | relLangURL }}">Verordening</a></li>
<li><a href="{{ "voorzieningen/" | relLangURL }}">Voorzieningen</a></li>
<li><a href="{{ "begrippen/" | relLangURL }}">Begrippen</a></li>
<li><a href="{{ "rekenhulp/" | relLangURL }}">Rekenhulp</a></li>
<li><a href="{{ "zoeken/" | relLangURL }}">Zoeken</a></li>
</ul></nav>
{{ range .Translations }}<a hreflang="{{ .Language.Lang }}" href="{{ .RelPermalink }}">{{ .Language.LanguageName }}</a>{{ end }}
</header>
<nav aria-label="breadcrumb"><ol><li><a href="{{ .Site.Home.RelPermalink }}">Home</a></li><li>{{ .Title }}</li></ol></nav>
<main id="main">
{{ block "main" . }}{{ end }}
</main>
<footer><ul>
<li><a href="{{ "toegankelijkheid/" | relLangURL }}">Toegankelijkheid</a></li>
<li><a href="{{ "privacy/" | relLangURL }}">Privacy</a></li>
</ul></footer>
</body>
</html>
`,
	"layouts/_default/single.html": `{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}{{ end }}
`,
	"layouts/_default/list.html": `{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}{{ end }}
`,
	"layouts/index.html": `{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}{{ end }}
`,
	"layouts/404.html": `{{ define "main" }}<h1>Niet gevonden</h1>{{ end }}
`,
	"static/css/site.css": "body { font-family: sans-serif; max-width: 40rem; margin: auto; }\n",
}
