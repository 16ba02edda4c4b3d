package regelgids_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestNoMunicipalityInGo: what differs between municipalities is data in
// their content folder. No Go file (tests aside) names a municipality that
// has a content folder, and no Go code cites an article of a municipal
// ordinance by number: a reason, a citation or a link to "artikel 17" is
// data. Citations of national law (with a Law field) are allowed.
func TestNoMunicipalityInGo(t *testing.T) {
	names := municipalities(t)
	if len(names) == 0 {
		t.Fatal("found no municipality in the content folders")
	}
	nameRE := regexp.MustCompile(`(?i)\b(` + strings.Join(names, "|") + `)\b`)
	digits := regexp.MustCompile(`^"[0-9]+[a-z]?"$`)
	citing := regexp.MustCompile(`(?i)^(reason|cite|citation|articlepath|articleanchor)$`)
	checked := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || d.Name() == "content" || strings.HasPrefix(d.Name(), ".")) && path != "." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		checked++
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(src), "\n") {
			if m := nameRE.FindString(line); m != "" {
				t.Errorf("%s:%d: names the municipality %q; that belongs in its content folder", path, i+1, m)
			}
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, src, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if len(n.Args) > 0 && citing.MatchString(funcName(n.Fun)) {
					if lit, ok := n.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING && digits.MatchString(lit.Value) {
						t.Errorf("%s: %s(%s, …) cites an article by number; cite it from data", fset.Position(n.Pos()), funcName(n.Fun), lit.Value)
					}
				}
			case *ast.CompositeLit:
				var article *ast.BasicLit
				law := false
				for _, e := range n.Elts {
					kv, ok := e.(*ast.KeyValueExpr)
					if !ok {
						continue
					}
					key, _ := kv.Key.(*ast.Ident)
					if key == nil {
						continue
					}
					if key.Name == "Law" {
						law = true
					}
					if lit, ok := kv.Value.(*ast.BasicLit); ok && key.Name == "Article" && lit.Kind == token.STRING && digits.MatchString(lit.Value) {
						article = lit
					}
				}
				if article != nil && !law {
					t.Errorf("%s: Article: %s names an article of an ordinance; cite it from data", fset.Position(article.Pos()), article.Value)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 50 {
		t.Errorf("checked only %d Go files", checked)
	}
}

func funcName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	}
	return ""
}

// municipalities are the names in every content folder's metadata.yaml,
// and in the test content folders.
func municipalities(t *testing.T) []string {
	var names []string
	re := regexp.MustCompile(`(?m)^municipality:\s*(.+?)\s*$`)
	filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != "metadata.yaml" {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if m := re.FindSubmatch(b); m != nil {
			name := string(m[1])
			if u, err := strconv.Unquote(name); err == nil {
				name = u
			}
			names = append(names, regexp.QuoteMeta(name))
		}
		return nil
	})
	return names
}
