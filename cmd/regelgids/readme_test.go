package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// invocation is one run of the test binary as regelgids.
type invocation struct {
	dir   string   // working directory; "" is this package's folder
	env   []string // added to the environment
	stdin string
	args  []string
}

// runWith is run with a working directory, environment and standard input.
func runWith(t *testing.T, inv invocation) (string, string, int) {
	t.Helper()
	cmd := exec.Command(os.Args[0], inv.args...)
	cmd.Dir = inv.dir
	cmd.Env = append(append(os.Environ(), "REGELGIDS_AS_MAIN=1"), inv.env...)
	cmd.Stdin = strings.NewReader(inv.stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return stdout.String(), stderr.String(), code
}

const goRun = "go run ./cmd/regelgids"

// readmeExample is one `go run ./cmd/regelgids …` line of a sh block of
// README.md, split into words as sh would.
type readmeExample struct {
	line  int
	stdin string // what an `echo '…' |` before the command writes
	words []string
}

func readmeExamples(t *testing.T) []readmeExample {
	t.Helper()
	raw, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var out []readmeExample
	inSh := false
	for i, l := range strings.Split(string(raw), "\n") {
		trimmed := strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(trimmed, "```"):
			inSh = !inSh && trimmed == "```sh"
			continue
		case !inSh || !strings.Contains(trimmed, goRun):
			continue
		}
		words, err := shellWords(trimmed)
		if err != nil {
			t.Fatalf("README.md:%d: %v", i+1, err)
		}
		ex := readmeExample{line: i + 1}
		if k := indexOf(words, "|"); k >= 0 {
			if words[0] != "echo" || k != 2 {
				t.Fatalf("README.md:%d: only `echo 'TEXT' | %s …` is understood before the command", i+1, goRun)
			}
			ex.stdin = words[1] + "\n"
			words = words[k+1:]
		}
		if len(words) < 3 || strings.Join(words[:3], " ") != goRun {
			t.Fatalf("README.md:%d: %q does not start with %s", i+1, trimmed, goRun)
		}
		ex.words = words[3:]
		out = append(out, ex)
	}
	return out
}

func indexOf(words []string, w string) int {
	for i, x := range words {
		if x == w {
			return i
		}
	}
	return -1
}

// shellWords splits a line as sh does for the simple cases in README.md:
// words, 'single' and "double" quotes, a | as its own word, and a comment
// from an unquoted # to the end of the line.
func shellWords(line string) ([]string, error) {
	var words []string
	var w strings.Builder
	inWord := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == '\'' || c == '"':
			j := strings.IndexByte(line[i+1:], c)
			if j < 0 {
				return nil, io.ErrUnexpectedEOF
			}
			w.WriteString(line[i+1 : i+1+j])
			i += j + 1
			inWord = true
		case c == ' ' || c == '\t':
			if inWord {
				words, inWord = append(words, w.String()), false
				w.Reset()
			}
		case c == '#' && !inWord:
			i = len(line)
		case c == '|' && !inWord:
			words = append(words, "|")
		default:
			w.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, w.String())
	}
	return words, nil
}

// variants expands the optional parts of an example: the command without
// them, and with each one (each alternative of `a|b` once), as "[--lang
// nl|en]" reads.
func variants(words []string) [][]string {
	var base []string
	var groups [][]string // each group's words, possibly with a|b alternatives
	for i := 0; i < len(words); i++ {
		if !strings.HasPrefix(words[i], "[") {
			base = append(base, words[i])
			continue
		}
		var g []string
		for ; i < len(words); i++ {
			g = append(g, words[i])
			if strings.HasSuffix(words[i], "]") {
				break
			}
		}
		g[0] = strings.TrimPrefix(g[0], "[")
		g[len(g)-1] = strings.TrimSuffix(g[len(g)-1], "]")
		groups = append(groups, g)
	}
	out := [][]string{base}
	for _, g := range groups {
		last := g[len(g)-1]
		for _, alt := range strings.Split(last, "|") {
			v := append(append(append([]string(nil), base...), g[:len(g)-1]...), alt)
			out = append(out, v)
		}
	}
	return out
}

// TestReadmeExamples runs every `go run ./cmd/regelgids …` line of the sh
// blocks of README.md, from the repository root as the README means them,
// and wants exit status 0. What the examples write goes to a temporary
// folder: --out and the folder `new` creates (and later examples' use of
// it) are rewritten, and `serve` listens on a free port and is stopped once
// it says it is serving.
func TestReadmeExamples(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	examples := readmeExamples(t)
	commands := map[string]bool{}
	for _, ex := range examples {
		commands[ex.words[0]] = true
	}
	for _, c := range []string{"serve", "build", "parse", "calc", "amounts", "search", "check", "new"} {
		if !commands[c] {
			t.Errorf("README.md has no example of %s", c)
		}
	}
	moved := map[string]string{} // a folder the README names → where the test put it
	tmp := t.TempDir()
	n := 0
	for _, ex := range examples {
		for _, words := range variants(ex.words) {
			n++
			args := append([]string(nil), words...)
			for i, a := range args {
				if p, ok := moved[a]; ok {
					args[i] = p
				}
			}
			switch args[0] {
			case "new":
				dir := filepath.Join(tmp, strings.Repeat("n", n))
				if err := os.Mkdir(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				moved[words[1]] = filepath.Join(dir, words[1])
				args[1] = moved[words[1]]
			case "build", "serve":
				if k := indexOf(args, "--out"); k >= 0 {
					args[k+1] = filepath.Join(tmp, "out", args[k+1])
				} else if args[0] == "build" {
					args = append(args, "--out", filepath.Join(tmp, "out", "public"))
				}
			}
			name := strings.Join(words, " ")
			t.Logf("README.md:%d: %s", ex.line, name)
			if args[0] == "serve" {
				runServe(t, root, ex.line, name, append(args, "--addr", "127.0.0.1:0"))
				continue
			}
			stdout, stderr, code := runWith(t, invocation{dir: root, stdin: ex.stdin, args: args})
			if code != 0 {
				t.Errorf("README.md:%d: %s: exit %d\n%s", ex.line, name, code, stderr)
			} else if strings.TrimSpace(stdout) == "" {
				t.Errorf("README.md:%d: %s: no output", ex.line, name)
			}
		}
	}
	if n < 12 {
		t.Errorf("ran %d examples; the README's sh blocks have more", n)
	}
}

var servingLine = regexp.MustCompile(`(?m)^serving .* at http://`)

// runServe starts serve and stops it once it says it is serving.
func runServe(t *testing.T, root string, line int, name string, args []string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "REGELGIDS_AS_MAIN=1")
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var seen strings.Builder
	sc := bufio.NewScanner(stdout)
	serving := false
	for sc.Scan() {
		seen.WriteString(sc.Text() + "\n")
		if servingLine.MatchString(sc.Text()) {
			serving = true
			break
		}
	}
	cmd.Process.Signal(os.Interrupt)
	go io.Copy(io.Discard, stdout)
	err = cmd.Wait()
	if !serving {
		t.Errorf("README.md:%d: %s never said it was serving (%v)\n%s%s", line, name, err, seen.String(), stderr.String())
	} else if err != nil {
		t.Errorf("README.md:%d: %s: after Ctrl+C: %v\n%s", line, name, err, stderr.String())
	}
}

func TestShellWords(t *testing.T) {
	got, err := shellWords(`echo '{"a": 1}' | go run ./cmd/regelgids search "taxi naar werk" [--lang en]   # comment`)
	want := []string{"echo", `{"a": 1}`, "|", "go", "run", "./cmd/regelgids", "search", "taxi naar werk", "[--lang", "en]"}
	if err != nil || strings.Join(got, "\x00") != strings.Join(want, "\x00") {
		t.Errorf("shellWords = %q, %v; want %q", got, err, want)
	}
	v := variants([]string{"check", "[--lang", "nl|en]", "[--json]"})
	if len(v) != 4 || strings.Join(v[2], " ") != "check --lang en" || strings.Join(v[3], " ") != "check --json" {
		t.Errorf("variants = %q", v)
	}
}
