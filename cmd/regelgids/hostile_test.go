//go:build unix

package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestHostileContent: every careless or hostile edit of a content folder
// ends in one message naming file and line, exit status 1, the previous
// site untouched and nothing written beside it or into the content folder.
// Special files (a pipe, /dev/zero) must not hang the build or exhaust
// memory.
func TestHostileContent(t *testing.T) {
	t.Parallel()
	base := t.TempDir()
	good := filepath.Join(base, "content")
	if err := os.CopyFS(good, os.DirFS("../../content/eemsdelta")); err != nil {
		t.Fatal(err)
	}
	published := filepath.Join(base, "published")
	if _, stderr, code := run(t, "build", "--content", good, "--out", published, "--date", "2025-03-01"); code != 0 {
		t.Fatalf("good build: exit %d: %s", code, stderr)
	}

	big := func(n int) string {
		return strings.Repeat("Dit is een regel tekst die een bestand groot maakt.\n", n/52+1)
	}
	cases := []struct {
		name   string
		mutate func(t *testing.T, dir string)
		want   string // a substring of the message
		lines  int    // how many lines the error has (0: don't count)
	}{
		{"ordinance is a symlink to /dev/zero", symlink("verordening.txt", "/dev/zero"),
			"verordening.txt:1: is a symbolic link that leads outside the folder", 1},
		{"ordinance is a named pipe", fifo("verordening.txt"),
			"verordening.txt:1: is a named pipe (FIFO), not a regular file", 1},
		{"guide is a symlink to /dev/urandom", symlink("gidsen/nl/jobcoach.md", "/dev/urandom"),
			"gidsen/nl/jobcoach.md:1: is a symbolic link that leads outside the folder", 1},
		{"guide is a named pipe", fifo("gidsen/en/jobcoach.md"),
			"gidsen/en/jobcoach.md:1: is a named pipe (FIFO), not a regular file", 1},
		{"glossary is a named pipe", fifo("begrippen/nl.yaml"),
			"begrippen/nl.yaml:1: is a named pipe (FIFO), not a regular file", 1},
		{"data file is a symlink out of the folder", symlink("zoeken/synoniemen.yaml", "/etc/hostname"),
			"zoeken/synoniemen.yaml:1: is a symbolic link that leads outside the folder", 1},
		{"a folder where a guide should be", func(t *testing.T, dir string) {
			mustDo(t, os.Mkdir(filepath.Join(dir, "gidsen/nl/map.md"), 0o755))
		}, "gidsen/nl/map.md:1: is a folder, not a regular file", 1},
		{"ordinance over 5 MB", appendTo("verordening.txt", big(6<<20)),
			"MB is larger than the 5.0 MB a file of this kind may be", 1},
		{"guide over 1 MB", appendTo("gidsen/nl/scholing.md", big(1<<20+100)),
			"gidsen/nl/scholing.md:1: 1.0 MB is larger than the 1.0 MB a file of this kind may be", 1},
		{"NUL byte in a guide", replace("gidsen/nl/scholing.md", "## Wat krijg ik?", "## Wat krijg ik?\x00"),
			"gidsen/nl/scholing.md:%d: contains a NUL byte", 1},
		{"NUL byte in the ordinance", replace("verordening.txt", "Artikel 5", "Artikel\x00 5"),
			"verordening.txt:%d: contains a NUL byte", 1},
		{"Windows-1252 in the glossary", replace("begrippen/nl.yaml", "ambtshalve\n", "ambtshalve \xe9\n"),
			"begrippen/nl.yaml:%d: byte 0xE9 is not UTF-8 text", 1},
		{"Cyrillic A in an article heading", replace("verordening.txt", "Artikel 5.", "\u0410rtikel 5."),
			`verordening.txt:%d: "Аrtikel" looks like "Artikel" but contains a non-Latin letter (Cyrillic А U+0410)`, 1},
		{"javascript: contact website", replace("metadata.yaml", "website: https://www.eemsdelta.nl/", "website: javascript:alert(1)"),
			`metadata.yaml:%d: contact.website: "javascript:alert(1)" must start with https://`, 1},
		{"javascript: base_url", replace("metadata.yaml", "base_url: https://regelgids.eemsdelta.nl/", "base_url: javascript://x/%0aalert(1)"),
			`metadata.yaml:%d: base_url: "javascript://x/%%0aalert(1)" must start with https://`, 1},
		{"glossary form u", replace("begrippen/nl.yaml", "forms: [bijstand,", "forms: [u, bijstand,"),
			`begrippen/nl.yaml:%d: algemene-bijstand: the form "u" is too short to mark in running text`, 1},
		{"glossary form shared", replace("begrippen/nl.yaml", "forms: [uit eigen beweging]", "forms: [uit eigen beweging, bijstand]"),
			`the form "bijstand" is also a form of algemene-bijstand`, 1},
		{"37-digit amount", replace("parameters.yaml", `value: "300.00"}`, `value: "300.00"}`+"\n    - {from: 2026-01-01, value: \"3000000000000000000000000000000000000\"}"),
			`parameters.yaml:%d: value "3000000000000000000000000000000000000" of uitstroompremie.gedeeltelijk is more than 1000000 EUR`, 1},
		{"partial premium above the maximum", replace("parameters.yaml", `value: "300.00"}`, `value: "300.00"}`+"\n    - {from: 2026-01-01, value: \"700.00\"}"),
			"from 2026-01-01 uitstroompremie.gedeeltelijk is 700, more than uitstroompremie.maximum (600)", 1},
		{"Dutch amount in parameters.yaml", replace("parameters.yaml", `value: "1050.00", note: "Bedrag 2024`, `value: "1.050,00", note: "Bedrag 2024`),
			`parameters.yaml:%d: value "1.050,00" of participatiepremie.bedrag is written the Dutch way; write "1050.00"`, 1},
		// Art 6 lid 7 indexes the premium and its continuation maximum
		// together: a new value on one only is refused, naming both.
		{"half-done indexation in parameters.yaml", replace("parameters.yaml", `dus geen indexatie. Het bedrag voor 2026 staat niet in de gebruikte bronnen."}`, `dus geen indexatie. Het bedrag voor 2026 staat niet in de gebruikte bronnen."}`+"\n    - {from: 2027-01-01, value: \"1100.00\"}"),
			"parameters.yaml:%d: participatiepremie.bedrag has a value from 2027-01-01, but participatiepremie.voortzetting_maximum (line ", 1},
		{"group name with a typo in parameters.yaml", replace("parameters.yaml", "group: participatiepremie_indexatie", "group: participatiepremie_indexate"),
			"group participatiepremie_indexate of participatiepremie.bedrag has no other parameter", 2},
		// Before: one syntax error, then about 90 "no such parameter" lines.
		{"syntax error in parameters.yaml", replace("parameters.yaml", "uitstroompremie.periode:\n", "uitstroompremie.periode: [\n"),
			"parameters.yaml:%d: did not find expected", 1},
		// Before: errors in every guide that links to the broken one.
		{"broken front matter in one guide", replace("gidsen/nl/jobcoach.md", "title:", "title: [\n"),
			"gidsen/nl/jobcoach.md:", 0},
		// Before: a panic in guide.(*Guide).Render that also killed serve.
		{"shortcode straight after a heading", replace("gidsen/nl/uitstroompremie.md", "## Wat is het?", `## Wat is het?{{< param "uitstroompremie.volledig" >}}`),
			`gidsen/nl/uitstroompremie.md:%d: heading "Wat is het?" contains {{< param "uitstroompremie.volledig" >}}`, 1},
		// Before: printed literally on the page.
		{"misspelt shortcode", replace("gidsen/nl/uitstroompremie.md", `{{< param "uitstroompremie.volledig" >}}`, `{{< parm "uitstroompremie.volledig" >}}`),
			`gidsen/nl/uitstroompremie.md:%d: {{< parm "uitstroompremie.volledig" >}} is not a shortcode: there is no shortcode "parm"`, 1},
		{"shortcode with %", replace("gidsen/en/uitstroompremie.md", `{{< param "uitstroompremie.volledig" >}}`, `{{% param "uitstroompremie.volledig" %}}`),
			`gidsen/en/uitstroompremie.md:%d: {{%% param "uitstroompremie.volledig" %%}} is not a shortcode: it uses {{%% %%}} instead of {{< >}}`, 1},
		{"shortcode in single quotes", replace("gidsen/nl/uitstroompremie.md", `{{< param "uitstroompremie.volledig" >}}`, `{{< param 'uitstroompremie.volledig' >}}`),
			`is not a shortcode: the name is in single quotes`, 1},
		{"shortcode name in capitals", replace("gidsen/nl/uitstroompremie.md", `{{< param "uitstroompremie.volledig" >}}`, `{{< Param "uitstroompremie.volledig" >}}`),
			`gidsen/nl/uitstroompremie.md:%d: {{< Param`, 1},
		// Before: <img src=""> on the page.
		{"javascript: image", replace("gidsen/nl/scholing.md", "## Wat is het?\n", "## Wat is het?\n\n![x](javascript:alert(1))\n"),
			`gidsen/nl/scholing.md:%d: image "javascript:alert(1)": guides have no images`, 1},
		{"data: image", replace("gidsen/nl/scholing.md", "## Wat is het?\n", "## Wat is het?\n\n![x](data:image/png;base64,AAAA)\n"),
			`image "data:image/png;base64,AAAA": guides have no images`, 1},
		{"external image", replace("gidsen/nl/scholing.md", "## Wat is het?\n", "## Wat is het?\n\n![x](https://evil.example/x.png)\n"),
			`image "https://evil.example/x.png": guides have no images`, 1},
		// Before: a broken relative link.
		{"scheme-relative link", replace("gidsen/nl/scholing.md", "## Wat is het?\n", "## Wat is het?\n\n[x](//evil.example/)\n"),
			`gidsen/nl/scholing.md:%d: link "//evil.example/" starts with two slashes`, 1},
		// Before: 10 s to minutes in goldmark.
		{"quotes nested 10,000 deep", replace("gidsen/nl/scholing.md", "## Wat is het?\n", "## Wat is het?\n\n"+strings.Repeat(">", 10000)+" x\n"),
			`gidsen/nl/scholing.md:%d: lists or quotes nested 10000 deep; at most 20 levels`, 1},
		{"lists nested 1,000 deep", replace("gidsen/nl/scholing.md", "## Wat is het?\n", "## Wat is het?\n\n"+nestedList(1000)),
			`lists or quotes nested 21 deep; at most 20 levels`, 1},
		{"unknown key in the translation", replace("vertaling/en.yaml", "title: \"Re-integration", "x0: \"Re-integration"),
			"vertaling/en.yaml:%d: unknown key x0", 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			content := filepath.Join(dir, "content")
			if err := os.CopyFS(content, os.DirFS(good)); err != nil {
				t.Fatal(err)
			}
			// The previous site: a few of the good build's files are
			// enough to see that a failed build leaves it as it was.
			out := filepath.Join(dir, "site", "public")
			for _, name := range []string{"index.html", "artikel/1/index.html", "robots.txt"} {
				b, err := os.ReadFile(filepath.Join(published, name))
				mustDo(t, err)
				mustDo(t, os.MkdirAll(filepath.Dir(filepath.Join(out, name)), 0o755))
				mustDo(t, os.WriteFile(filepath.Join(out, name), b, 0o644))
			}
			tc.mutate(t, content)
			want := tc.want
			if strings.Contains(want, "%d") {
				want = fmt.Sprintf(want, markLine(t, content, tc.name))
			}
			beforeOut, beforeContent := treeHash(t, out), treeHash(t, content)

			start := time.Now()
			stderr, code, rss := runLimited(t, "build", "--content", content, "--out", out, "--date", "2025-03-01")
			t.Logf("%v, max RSS %d MB", time.Since(start).Round(time.Millisecond), rss>>20)
			if code != 1 {
				t.Fatalf("exit %d, want 1; stderr:\n%s", code, stderr)
			}
			msg := strings.TrimPrefix(strings.TrimRight(stderr, "\n"), "regelgids: ")
			if !strings.Contains(msg, want) {
				t.Errorf("message:\n%s\nwant it to contain:\n%s", msg, want)
			}
			for _, line := range strings.Split(msg, "\n") {
				if !reFileLine.MatchString(line) {
					t.Errorf("not of the form file:line: message: %q", line)
				}
			}
			if n := strings.Count(msg, "\n") + 1; tc.lines > 0 && n != tc.lines {
				t.Errorf("%d lines, want %d (one fault, one message):\n%s", n, tc.lines, msg)
			}
			if tc.lines == 0 && strings.Contains(msg, "gidsen/") {
				for _, line := range strings.Split(msg, "\n") {
					if !strings.Contains(line, "jobcoach.md") {
						t.Errorf("an error outside the broken guide: %s", line)
					}
				}
			}
			if rss > 500<<20 {
				t.Errorf("max RSS %d MB, want under 500 MB", rss>>20)
			}
			if treeHash(t, out) != beforeOut {
				t.Error("the previous site changed")
			}
			if after := treeHash(t, content); after != beforeContent {
				t.Error("the build wrote into the content folder")
			}
			entries, _ := os.ReadDir(filepath.Dir(out))
			for _, e := range entries {
				// The output's index (site/publish_spare.go) is kept on purpose.
				if e.Name() != filepath.Base(out) && e.Name() != "."+filepath.Base(out)+".files" {
					t.Errorf("left beside the output folder: %v", e)
				}
			}
		})
	}
}

// reFileLine is the shape of every error line: file:line: message.
var reFileLine = regexp.MustCompile(`^[^\s:]+:\d+: \S`)

// runLimited runs regelgids like run, but kills it after a minute (a hang
// is a failure, not a stuck test) and reports its peak memory.
func runLimited(t *testing.T, args ...string) (stderr string, code int, maxRSS int64) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], args...)
	cmd.Env = append(os.Environ(), "REGELGIDS_AS_MAIN=1")
	var eb bytes.Buffer
	cmd.Stderr = &eb
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("still running after a minute: killed")
	}
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		maxRSS = ru.Maxrss << 10 // kilobytes on Linux
	}
	return eb.String(), code, maxRSS
}

func mustDo(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func symlink(name, target string) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		p := filepath.Join(dir, name)
		mustDo(t, os.Remove(p))
		mustDo(t, os.Symlink(target, p))
	}
}

func fifo(name string) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		p := filepath.Join(dir, name)
		mustDo(t, os.Remove(p))
		mustDo(t, syscall.Mkfifo(p, 0o644))
	}
}

func appendTo(name, text string) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		f, err := os.OpenFile(filepath.Join(dir, name), os.O_APPEND|os.O_WRONLY, 0)
		mustDo(t, err)
		_, err = f.WriteString(text)
		mustDo(t, err)
		mustDo(t, f.Close())
	}
}

// replace changes the first old into new and remembers the line, so the
// expected message can name it.
func replace(name, old, new string) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		p := filepath.Join(dir, name)
		b, err := os.ReadFile(p)
		mustDo(t, err)
		i := bytes.Index(b, []byte(old))
		if i < 0 {
			t.Fatalf("%s lacks %q", name, old)
		}
		// The line of the first changed byte.
		prefix := commonPrefix(old, new)
		line := 1 + bytes.Count(b[:i+prefix], []byte("\n"))
		mustDo(t, os.WriteFile(p, append(append(append([]byte{}, b[:i]...), new...), b[i+len(old):]...), 0o644))
		mustDo(t, os.WriteFile(filepath.Join(dir, ".line-"+sanitize(t.Name())), []byte(fmt.Sprint(line)), 0o644))
	}
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	if n == len(a) && strings.Contains(b[n:], "\n") {
		// Appended lines: the problem is on the first new line, or the
		// one after a newline that starts the addition.
		if strings.HasPrefix(b[n:], "\n") {
			n++
		}
	}
	return n
}

func markLine(t *testing.T, dir, _ string) int {
	b, err := os.ReadFile(filepath.Join(dir, ".line-"+sanitize(t.Name())))
	mustDo(t, err)
	mustDo(t, os.Remove(filepath.Join(dir, ".line-"+sanitize(t.Name()))))
	var n int
	fmt.Sscan(string(b), &n)
	return n
}

func sanitize(s string) string { return regexp.MustCompile(`[^A-Za-z0-9]+`).ReplaceAllString(s, "-") }

// treeHash summarises names, kinds and contents of every file below dir.
func treeHash(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	var names []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		names = append(names, p)
		return nil
	})
	mustDo(t, err)
	sort.Strings(names)
	for _, p := range names {
		info, err := os.Lstat(p)
		mustDo(t, err)
		fmt.Fprintf(h, "%s %v\n", p, info.Mode().Type())
		if info.Mode().IsRegular() {
			b, err := os.ReadFile(p)
			mustDo(t, err)
			h.Write(b)
		}
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// nestedList is a Markdown list nested n deep, each item indented under
// the one before.
func nestedList(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat("  ", i) + "- x\n")
	}
	return b.String()
}
