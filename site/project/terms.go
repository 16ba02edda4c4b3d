package project

import (
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/regelgids/regelgids/internal/diag"
	"github.com/regelgids/regelgids/site/terms"
)

// TermsFile lists the one English term per Dutch concept (optional).
const TermsFile = TranslationDir + "/termen.yaml"

// TermsLanguage is the language the terminology list gives terms in and
// whose texts it checks.
const TermsLanguage = "en"

// loadTerms reads vertaling/termen.yaml and checks the English texts of the
// content folder against it: guides, glossary and the translated
// ordinance. Call it after loadGlossary.
func (p *Project) loadTerms(content fs.FS) error {
	if !slices.Contains(p.Languages, TermsLanguage) {
		return nil
	}
	raw, ok, err := readOptional(content, TermsFile)
	if err != nil || !ok {
		return err
	}
	list, err := terms.Parse(TermsFile, raw)
	if err != nil {
		return err
	}
	p.Terms = list
	var problems diag.List
	check := func(name string, texts []terms.Text) {
		for _, d := range list.Check(name, texts) {
			problems.Add(d)
		}
	}
	// Only files that loaded: a file that failed said why, once.
	for _, g := range p.Guides[TermsLanguage] {
		if src, err := readFile(content, g.File); err == nil {
			check(g.File, terms.Markdown(src))
		}
	}
	yamls := []struct {
		name   string
		loaded bool
		skip   []string
	}{
		// forms are search forms, not shown; the rest are ids and numbers.
		{path.Join(GlossaryDir, TermsLanguage+".yaml"), p.Glossary[TermsLanguage] != nil, []string{"id", "forms", "article", "paragraph", "item"}},
		{path.Join(TranslationDir, TermsLanguage+".yaml"), p.Docs[TermsLanguage] != nil, []string{"number"}},
	}
	for _, y := range yamls {
		if !y.loaded {
			continue
		}
		src, err := readFile(content, y.name)
		if err != nil {
			continue
		}
		texts, err := terms.YAML(y.name, src, y.skip...)
		if err != nil {
			continue
		}
		check(y.name, texts)
	}
	// The glossary defines each term: "municipality (gemeente)".
	for _, e := range p.Glossary[TermsLanguage] {
		en, nl, ok := strings.Cut(strings.TrimSuffix(e.Term, ")"), " (")
		if !ok {
			continue
		}
		for _, t := range list.Terms {
			// A listed variant is reported as one above.
			if strings.EqualFold(nl, t.NL) && !strings.EqualFold(en, t.EN) && !slices.ContainsFunc(t.Variants, func(v string) bool { return strings.EqualFold(v, en) }) {
				problems.Errorf(path.Join(GlossaryDir, TermsLanguage+".yaml"), e.Line, "%s: the glossary calls %s %q; %s:%d says %q", e.ID, t.NL, en, TermsFile, t.Line, t.EN)
			}
		}
	}
	problems.Sort()
	return problems.Err()
}

// CheckInterfaceTerms checks interface texts (the templates' i18n file of
// the terminology list's language) against the project's terminology list.
func (p *Project) CheckInterfaceTerms(name string, src []byte) error {
	if p.Terms == nil {
		return nil
	}
	texts, err := terms.YAML(name, src)
	if err != nil {
		return err
	}
	var problems diag.List
	for _, d := range p.Terms.Check(name, texts) {
		problems.Add(d)
	}
	return problems.Err()
}
