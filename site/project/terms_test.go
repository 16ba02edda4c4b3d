package project_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/regelgids/regelgids/content"
	"github.com/regelgids/regelgids/site/project"
	"github.com/regelgids/regelgids/site/terms"
)

// TestTermsContent: Eemsdelta's English texts use one English term per
// Dutch concept of vertaling/termen.yaml.
func TestTermsContent(t *testing.T) {
	p, err := project.Load(content.Default(), testDate)
	if err != nil {
		t.Fatal(err)
	}
	if p.Terms == nil || len(p.Terms.Terms) < 10 {
		t.Fatalf("terms not loaded: %v", p.Terms)
	}
}

// TestTermsErrors: a second English term or an untranslated Dutch term in
// a guide, the glossary or the translation stops the load with its file and
// line, and so does a broken terminology file.
func TestTermsErrors(t *testing.T) {
	tests := []struct {
		name         string
		file, old, s string // replace old by s in file
		want         string
	}{
		{"variant in a guide", "gidsen/en/proefplaats.md", "trial placement", "trial job",
			`gidsen/en/proefplaats.md:2: "trial job" is a second English term for proefplaats: write "trial placement" (vertaling/termen.yaml:`},
		{"dutch in a guide's link text", "gidsen/en/uitstroompremie.md", "Then contact the municipality.", "Then [the gemeente decides](/voorzieningen/hulp-aanvragen/).",
			`gidsen/en/uitstroompremie.md:`},
		{"variant in the glossary", "begrippen/en.yaml", "you get the exit bonus ex officio", "you get the bonus for leaving your benefit ex officio",
			`begrippen/en.yaml:`},
		{"glossary term differs", "begrippen/en.yaml", "term: trial placement (proefplaats)", "term: test placement (proefplaats)",
			`the glossary calls proefplaats "test placement"; vertaling/termen.yaml:`},
		{"glossary term is a variant", "begrippen/en.yaml", "term: trial placement (proefplaats)", "term: trial job (proefplaats)",
			`begrippen/en.yaml:`},
		{"variant in the translation", "vertaling/en.yaml", "wage cost subsidy", "wage-cost subsidy",
			`vertaling/en.yaml:`},
		{"bad yaml line", "vertaling/termen.yaml", "- nl: gemeente\n", "- nl: [gemeente\n",
			`vertaling/termen.yaml:`},
		{"unknown key", "vertaling/termen.yaml", "- nl: gemeente\n", "- nl: gemeente\n  engels: council\n",
			`vertaling/termen.yaml:LINE+1: unknown key engels`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := copyFS(t, content.Default())
			src := string(fsys[tt.file].Data)
			if !strings.Contains(src, tt.old) {
				t.Fatalf("%s has no %q", tt.file, tt.old)
			}
			fsys[tt.file] = &fstest.MapFile{Data: []byte(strings.Replace(src, tt.old, tt.s, 1))}
			// LINE is the line of the change.
			line := strings.Count(src[:strings.Index(src, tt.old)], "\n") + 1
			tt.want = strings.ReplaceAll(tt.want, "LINE+1", strconv.Itoa(line+1))
			_, err := project.Load(fsys, testDate)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v\nwant it to contain %q", err, tt.want)
			}
			// One fault, one message, as file:line: message.
			lines := strings.Split(err.Error(), "\n")
			if len(lines) != 1 {
				t.Errorf("one fault, %d messages:\n%s", len(lines), err)
			}
			for _, line := range lines {
				f, rest, _ := strings.Cut(line, ":")
				if n, _, _ := strings.Cut(rest, ":"); f == "" || n == "" || strings.Trim(n, "0123456789") != "" {
					t.Errorf("not file:line: %q", line)
				}
			}
		})
	}
	// A missing terminology file checks nothing.
	fsys := copyFS(t, content.Default())
	delete(fsys, project.TermsFile)
	if p, err := project.Load(fsys, testDate); err != nil || p.Terms != nil {
		t.Errorf("without %s: %v, %v", project.TermsFile, p.Terms, err)
	}
}

// TestTermsInterface: the English interface texts follow the list.
func TestTermsInterface(t *testing.T) {
	p, err := project.Load(content.Default(), testDate)
	if err != nil {
		t.Fatal(err)
	}
	at := 0
	for _, term := range p.Terms.Terms {
		if term.NL == "gemeente" {
			at = term.Line
		}
	}
	want := fmt.Sprintf(`en.yaml:2: "gemeente" is Dutch: write "municipality", or give the Dutch word in brackets beside it, as in "municipality (gemeente)" (vertaling/termen.yaml:%d)`, at)
	if err := p.CheckInterfaceTerms("en.yaml", []byte("a: Trial placement\nb: The gemeente decides\n")); err == nil || err.Error() != want {
		t.Errorf("error = %v", err)
	}
}

// TestTermsCalculators: the English texts of the calculators (the second
// string of t(nl, en), cite(key, nl, en) and Text{nl, en} in the rule
// package's Go source) follow Eemsdelta's list. The rules are the same for
// every municipality, so this is a test and not a build check.
func TestTermsCalculators(t *testing.T) {
	p, err := project.Load(content.Default(), testDate)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../../calculators/*.go")
	if len(files) == 0 {
		t.Fatal("no calculators source")
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		var texts []terms.Text
		ast.Inspect(f, func(n ast.Node) bool {
			var en ast.Expr
			switch n := n.(type) {
			case *ast.CallExpr:
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok && (sel.Sel.Name == "t" && len(n.Args) == 2 || sel.Sel.Name == "cite" && len(n.Args) == 3) {
					en = n.Args[len(n.Args)-1]
				}
			case *ast.CompositeLit:
				if id, ok := n.Type.(*ast.Ident); ok && id.Name == "Text" && len(n.Elts) == 2 {
					en = n.Elts[1]
				}
			}
			if en != nil {
				texts = append(texts, terms.Text{Line: fset.Position(en.Pos()).Line, Text: literal(en)})
			}
			return true
		})
		for _, d := range p.Terms.Check(filepath.ToSlash(strings.TrimPrefix(name, "../../")), texts) {
			t.Error(d.String())
		}
	}
}

// literal is the text of a string literal or a sum of them; what is not a
// literal (a formatted number) stands as "…".
func literal(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.BasicLit:
		if s, err := strconv.Unquote(e.Value); err == nil {
			return s
		}
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			return literal(e.X) + literal(e.Y)
		}
	case *ast.ParenExpr:
		return literal(e.X)
	}
	return "…"
}
