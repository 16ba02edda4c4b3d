package calculators_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/regelgids/regelgids/calculators"
)

// TestNoOrdinanceFactsInGo: the rules are the same for every municipality,
// so no Go file of the package (tests aside) cites an article or lid of an
// ordinance, or dates it. Those are data (calculators.yaml). It looks at
// the code, not the comments:
//
//   - a call of reason, cite, citeText, criterion or any other function
//     whose name mentions a reason, a cite or an article, with a string
//     literal that looks like an article or lid ("17", "10d", "toelichting");
//   - a Reason or Cite literal with an Article literal but no Law: national
//     law, such as Participatiewet artikel 10d, may be cited in Go;
//   - a Date literal with a year, such as values.Date{Year: 2024, …};
//   - a string literal with "artikel 17", "article 23" or "lid 5" in it,
//     such as a message that names the article itself, unless it names the
//     other law it cites (Participatiewet, Verordening (EU) 651/2014, …).
//
// The check must see the calls it looks for, so it also asserts that the
// rule files do call cite with keys.
func TestNoOrdinanceFactsInGo(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	citing := regexp.MustCompile(`(?i)(reason|cite|article|artikel|criterion)`)
	articleLike := regexp.MustCompile(`^([0-9]+[a-z]?|toelichting)$`)
	inText := regexp.MustCompile(`(?i)\b(artikel|article|artikelen|articles|lid)\s+[0-9]+[a-z]?\b`)
	otherLaw := regexp.MustCompile(`\(EU\)|Participatiewet|\bWet\b|Regeling|Besluit`)
	cites := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, src, 0) // without comments
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				fn := callName(n.Fun)
				if fn == "cite" || fn == "citeText" {
					cites++
				}
				if !citing.MatchString(fn) {
					break
				}
				for _, a := range n.Args {
					if s, ok := stringLit(a); ok && articleLike.MatchString(s) {
						t.Errorf("%s: %s(…%q…) cites an article or lid; bind a reason key in calculators.yaml instead", fset.Position(a.Pos()), fn, s)
					}
				}
			case *ast.CompositeLit:
				fields := map[string]ast.Expr{}
				for _, e := range n.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok {
						if k, ok := kv.Key.(*ast.Ident); ok {
							fields[k.Name] = kv.Value
						}
					}
				}
				if s, ok := stringLit(fields["Article"]); ok && s != "" && fields["Law"] == nil {
					t.Errorf("%s: a literal with Article %q and no Law cites the ordinance; bind a reason key in calculators.yaml instead", fset.Position(n.Pos()), s)
				}
				if y, ok := fields["Year"].(*ast.BasicLit); ok && y.Kind == token.INT {
					t.Errorf("%s: a date literal with year %s; dates of an ordinance are data", fset.Position(n.Pos()), y.Value)
				}
			case *ast.BasicLit:
				if s, ok := stringLit(n); ok && inText.MatchString(s) && !otherLaw.MatchString(s) {
					t.Errorf("%s: %q names an article or lid; take it from the binding", fset.Position(n.Pos()), inText.FindString(s))
				}
			}
			return true
		})
	}
	if cites < 10 {
		t.Errorf("found %d calls of cite; the check does not see the rules", cites)
	}
}

func callName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	}
	return ""
}

func stringLit(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

// TestEveryReasonKeyIsCovered: the cases and examples give every reason
// key of every rule, and no other, so every citation in calculators.yaml is
// tested, and a key the data must bind is not left unused.
func TestEveryReasonKeyIsCovered(t *testing.T) {
	tb := loadTable(t)
	b := eemsdelta(t)
	seen := map[string]map[string]bool{}
	add := func(name string, input []byte) {
		res, err := b.RunTable(name, input, tb)
		if err != nil {
			return // input errors have no reasons
		}
		if seen[name] == nil {
			seen[name] = map[string]bool{}
		}
		for _, r := range res.Reasons {
			if r.Law == "" {
				seen[name][r.Key] = true
			}
		}
	}
	for _, c := range loadCases(t) {
		add(c.Calculator, c.Input)
	}
	for _, r := range calculators.Rules() {
		for _, ex := range r.Examples {
			add(r.Name, ex.WithDate(b.Effective.Date))
		}
		var want, got []string
		for _, k := range r.Reasons {
			want = append(want, k.Key)
		}
		for k := range seen[r.Name] {
			got = append(got, k)
		}
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s: the cases give reasons %v, the rule declares %v", r.Name, got, want)
		}
	}
}

// TestBindingErrors: a binding that does not fit the rules is refused,
// naming every problem; a reason key the code gives but the binding lacks is
// an error, not a reason without an article.
func TestBindingErrors(t *testing.T) {
	good, err := eemsdelta(t).MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := calculators.ParseBinding(good); err != nil {
		t.Fatalf("the binding's own JSON: %v", err)
	}
	for _, tc := range []struct{ name, from, to, want string }{
		{"unknown rule", `"uitstroompremie":{`, `"bestaat-niet":{`, `onbekende rekenhulp "bestaat-niet"`},
		{"missing key", `"bbz":{"article":"17","paragraph":"5"},`, ``, `uitstroompremie: geen bron voor reden "bbz"`},
		{"unknown key", `"bbz":{`, `"bzz":{`, `uitstroompremie: onbekende reden "bzz"`},
		{"bad date", `"date":"2024-07-01"`, `"date":"2024-13-01"`, `effective: date: 2024-13-01 is geen datum`},
		{"unknown field", `"paragraph":"1"},"calculators"`, `"paragraph":"1","x":"y"},"calculators"`, `onbekende sleutel "x"`},
		{"not JSON", `{`, `[`, `onleesbaar`},
	} {
		bad := strings.Replace(string(good), tc.from, tc.to, 1)
		if bad == string(good) {
			t.Fatalf("%s: %s is not in %s", tc.name, tc.from, good)
		}
		if _, err := calculators.ParseBinding([]byte(bad)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want %q", tc.name, err, tc.want)
		}
	}
	// A binding built in Go is checked when it runs: the code gives a key
	// the binding lacks.
	b := *eemsdelta(t)
	b.Calculators = slices.Clone(b.Calculators)
	c := b.Calculators[0]
	c.Cites = map[string]calculators.Cite{}
	b.Calculators[0] = c
	_, err = b.RunTable(c.Rule, []byte(`{"date":"2025-03-01","age":35,"months_on_benefit":40,"exit":"full"}`), loadTable(t))
	if _, ok := err.(*calculators.BindingError); !ok || !strings.Contains(err.Error(), c.Rule+".full_exit") {
		t.Errorf("run without citations: %v", err)
	}
}
