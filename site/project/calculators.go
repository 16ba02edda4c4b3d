package project

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/regelgids/regelgids/calculators"
	"github.com/regelgids/regelgids/calculators/params"
	"github.com/regelgids/regelgids/calculators/params/values"
	"github.com/regelgids/regelgids/site/internal/yamlfile"
)

// CalculatorsFile says which calculators a site publishes and binds them to
// its ordinance: the day the ordinance took effect, and per calculator the
// article it computes and the article and lid each of its reasons cites. A
// content folder without it publishes no calculators.
//
//	effective: {date: 2024-07-01, article: "23", paragraph: "1"}
//	calculators:
//	  uitstroompremie:
//	    article: "17"
//	    cites:
//	      bbz: {article: "17", paragraph: "5"}
//	      maximum: {param: uitstroompremie.maximum}   # the source of that parameter
//
// paragraph is a lid, "" (or left out) for the whole article, or
// "toelichting".
const CalculatorsFile = "calculators.yaml"

// loadCalculators reads CalculatorsFile, when the folder has one, into
// p.Calculators, and checks it against the rules, the parameters and the
// ordinance. It needs p.Params (nil when parameters.yaml failed to load,
// which has its own message).
func (p *Project) loadCalculators(content fs.FS) error {
	raw, err := readFile(content, CalculatorsFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	} else if err != nil {
		return err
	}
	b, err := parseCalculators(CalculatorsFile, raw, p.Params, p.citeExists)
	if err != nil || p.Params == nil {
		// Which calculators exist is unknown: links to them are not
		// errors of their own.
		p.calculatorsUnknown = true
		return err
	}
	p.Calculators = b
	return nil
}

// LoadCalculators reads a content folder's CalculatorsFile for the command
// line, which runs calculators without loading the whole site: it checks
// the file against the rules and the parameters t, but not against the
// ordinance (a build does). Without the file, no calculator is published
// and the binding is nil.
func LoadCalculators(content fs.FS, t *params.Table) (*calculators.Binding, error) {
	raw, err := readFile(content, CalculatorsFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	return parseCalculators(CalculatorsFile, raw, t, nil)
}

// Publishes reports whether the site publishes the named calculator.
func (p *Project) Publishes(name string) bool {
	if p.calculatorsUnknown {
		return true // calculators.yaml or parameters.yaml failed and said why
	}
	if p.Calculators == nil {
		return false
	}
	_, ok := p.Calculators.Calculator(name)
	return ok
}

// citeExists says what is wrong with a citation of the ordinance, or "".
func (p *Project) citeExists(c calculators.Cite) string {
	a := p.Ordinance().Article(c.Article)
	switch {
	case a == nil:
		return fmt.Sprintf("artikel %s, which %s does not have", c.Article, p.Meta.Text)
	case c.Paragraph == "toelichting" && a.Explanation == "":
		return fmt.Sprintf("the toelichting of artikel %s, which %s does not have", c.Article, p.Meta.Text)
	case c.Paragraph != "" && c.Paragraph != "toelichting" && !p.anchorExists(c.Article, c.Paragraph, ""):
		return fmt.Sprintf("artikel %s lid %s, which %s does not have", c.Article, c.Paragraph, p.Meta.Text)
	}
	return ""
}

// calcProblems are the problems of a calculators file, each with its line.
type calcProblems struct {
	file string
	list []calcProblem
	// unresolved is set when a {param: …} citation could not be resolved
	// because the parameters did not load (they say why).
	unresolved bool
}

type calcProblem struct {
	line int
	msg  string
}

func (ps *calcProblems) add(n *yaml.Node, format string, args ...any) {
	ps.list = append(ps.list, calcProblem{n.Line, fmt.Sprintf(format, args...)})
}

func (ps *calcProblems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	sort.SliceStable(ps.list, func(i, j int) bool { return ps.list[i].line < ps.list[j].line })
	msgs := make([]string, len(ps.list))
	for i, p := range ps.list {
		msgs[i] = fmt.Sprintf("%s:%d: %s", ps.file, p.line, p.msg)
	}
	return errors.New(strings.Join(msgs, "\n"))
}

// calcPair is a key of a YAML mapping with its value.
type calcPair struct{ key, value *yaml.Node }

// mapping returns the pairs of a mapping node, refusing repeated keys and
// keys not in allowed (when given).
func (ps *calcProblems) mapping(n *yaml.Node, what string, allowed ...string) []calcPair {
	if n.Kind != yaml.MappingNode {
		ps.add(n, "%s must be a mapping of keys to values", what)
		return nil
	}
	var out []calcPair
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch {
		case seen[k.Value]:
			ps.add(k, "%s: %s appears twice", what, k.Value)
			continue
		case len(allowed) > 0 && !slices.Contains(allowed, k.Value):
			ps.add(k, "%s: unknown key %q (the keys are %s)", what, k.Value, strings.Join(allowed, ", "))
			continue
		}
		seen[k.Value] = true
		out = append(out, calcPair{k, v})
	}
	return out
}

// scalar returns the text of a scalar node.
func (ps *calcProblems) scalar(n *yaml.Node, what string) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		ps.add(n, "%s must be a single value", what)
		return "", false
	}
	return n.Value, true
}

// parseCalculators reads a calculators file and checks it: known rules, a
// citation for every reason key of each and no other, parameters that
// exist in the table (t, nil to skip), and citations that exist in the
// ordinance (exists says what is wrong with one, or ""; nil to skip).
func parseCalculators(file string, raw []byte, t *params.Table, exists func(calculators.Cite) string) (*calculators.Binding, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(raw, &root); err != nil {
		return nil, yamlfile.Error(file, err)
	}
	if len(root.Content) == 0 {
		return nil, fmt.Errorf("%s:1: empty file", file)
	}
	ps := &calcProblems{file: file}
	if exists == nil {
		exists = func(calculators.Cite) string { return "" }
	}
	b := &calculators.Binding{}
	var effNode, calcsNode *yaml.Node
	for _, kv := range ps.mapping(root.Content[0], "the file", "effective", "calculators") {
		switch kv.key.Value {
		case "effective":
			effNode = kv.value
		case "calculators":
			calcsNode = kv.value
		}
	}
	if effNode == nil {
		ps.add(root.Content[0], "effective is missing: the day the ordinance took effect, with its article, such as effective: {date: 2024-07-01, article: \"23\", paragraph: \"1\"}")
	} else {
		b.Effective = ps.effective(effNode, exists)
	}
	if calcsNode != nil {
		for _, kv := range ps.mapping(calcsNode, "calculators") {
			if c, ok := ps.calculator(kv.key, kv.value, t, exists); ok {
				b.Calculators = append(b.Calculators, c)
			}
		}
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	if ps.unresolved {
		return nil, nil
	}
	if err := b.Check(); err != nil {
		// parseCalculators checks all this with lines; this is a safety net.
		return nil, fmt.Errorf("%s:1: %w", file, err)
	}
	return b, nil
}

func (ps *calcProblems) effective(n *yaml.Node, exists func(calculators.Cite) string) calculators.Effective {
	var eff calculators.Effective
	var dateNode *yaml.Node
	for _, kv := range ps.mapping(n, "effective", "date", "article", "paragraph") {
		s, ok := ps.scalar(kv.value, "effective: "+kv.key.Value)
		if !ok {
			continue
		}
		switch kv.key.Value {
		case "date":
			dateNode = kv.value
			d, err := values.ParseDate(s)
			if err != nil {
				ps.add(kv.value, "effective: date %q is not a date; write it as YYYY-MM-DD, such as 2024-07-01", s)
				continue
			}
			eff.Date = d
		case "article":
			eff.Article = s
		case "paragraph":
			eff.Paragraph = s
		}
	}
	switch {
	case dateNode == nil:
		ps.add(n, "effective: date is missing: the day the ordinance took effect")
	case eff.Article == "":
		ps.add(n, "effective: article is missing: the article that says when the ordinance takes effect")
	default:
		if msg := exists(eff.Cite); msg != "" {
			ps.add(n, "effective cites %s", msg)
		}
	}
	return eff
}

// calculator reads one published calculator.
func (ps *calcProblems) calculator(key, n *yaml.Node, t *params.Table, exists func(calculators.Cite) string) (calculators.Calculator, bool) {
	name := key.Value
	r := calculators.Lookup(name)
	if r == nil {
		ps.add(key, "no calculator %q; the rules are %s", name, strings.Join(calculators.Names(), ", "))
		return calculators.Calculator{}, false
	}
	c := calculators.Calculator{Rule: name, Cites: map[string]calculators.Cite{}}
	var citesNode *yaml.Node
	for _, kv := range ps.mapping(n, name, "article", "cites") {
		switch kv.key.Value {
		case "article":
			if s, ok := ps.scalar(kv.value, name+": article"); ok {
				c.Article = s
				if msg := exists(calculators.Cite{Article: s}); msg != "" {
					ps.add(kv.value, "%s computes %s", name, msg)
				}
			}
		case "cites":
			citesNode = kv.value
		}
	}
	if c.Article == "" {
		ps.add(key, "%s: article is missing: the article of the ordinance it computes", name)
	}
	if t != nil {
		var missing []string
		for _, prm := range r.Params {
			if _, ok := t.Param(prm); !ok {
				missing = append(missing, prm)
			}
		}
		if len(missing) > 0 {
			ps.add(key, "%s needs %s in %s", name, strings.Join(missing, ", "), ParametersFile)
		}
	}
	if citesNode == nil {
		ps.add(key, "%s: cites is missing: the article and lid of each reason (%s)", name, reasonKeys(r))
		return c, true
	}
	for _, kv := range ps.mapping(citesNode, name+": cites") {
		k := kv.key.Value
		if !r.HasReason(k) {
			ps.add(kv.key, "%s has no reason %q; its reasons are %s", name, k, reasonKeys(r))
			continue
		}
		if ct, ok := ps.cite(name+"."+k, kv.value, t); ok {
			if msg := exists(ct); msg != "" {
				ps.add(kv.value, "%s.%s cites %s", name, k, msg)
			}
			c.Cites[k] = ct
		}
	}
	for _, k := range r.Reasons {
		if _, ok := c.Cites[k.Key]; !ok && !ps.citedBadly(citesNode, k.Key) {
			ps.add(citesNode, "%s: no citation for reason %s (%s)", name, k.Key, k.About)
		}
	}
	return c, true
}

// citedBadly reports whether a key is in the cites mapping, so a key with a
// wrong citation has that message and not also "no citation".
func (ps *calcProblems) citedBadly(cites *yaml.Node, key string) bool {
	for i := 0; i+1 < len(cites.Content); i += 2 {
		if cites.Content[i].Value == key {
			return true
		}
	}
	return false
}

// cite reads {article, paragraph} or {param: NAME}.
func (ps *calcProblems) cite(what string, n *yaml.Node, t *params.Table) (calculators.Cite, bool) {
	var ct calculators.Cite
	var param string
	for _, kv := range ps.mapping(n, what, "article", "paragraph", "param") {
		s, ok := ps.scalar(kv.value, what+": "+kv.key.Value)
		if !ok {
			return ct, false
		}
		switch kv.key.Value {
		case "article":
			ct.Article = s
		case "paragraph":
			ct.Paragraph = s
		case "param":
			param = s
		}
	}
	switch {
	case n.Kind != yaml.MappingNode:
		return ct, false
	case param != "" && (ct.Article != "" || ct.Paragraph != ""):
		ps.add(n, "%s: give either article (and paragraph) or param, not both", what)
		return ct, false
	case param != "":
		if t == nil {
			ps.unresolved = true // parameters.yaml failed and says why
			return ct, false
		}
		prm, ok := t.Param(param)
		switch {
		case !ok:
			ps.add(n, "%s: no parameter %q in %s", what, param, ParametersFile)
			return ct, false
		case prm.Source.Article == "":
			ps.add(n, "%s: parameter %s comes from %s, not from the ordinance; cite the article instead", what, param, prm.Source.Law)
			return ct, false
		}
		return calculators.Cite{Article: prm.Source.Article, Paragraph: prm.Source.Paragraph}, true
	case ct.Article == "":
		ps.add(n, "%s: article is missing", what)
		return ct, false
	}
	return ct, true
}

func reasonKeys(r *calculators.Rule) string {
	keys := make([]string, len(r.Reasons))
	for i, k := range r.Reasons {
		keys[i] = k.Key
	}
	return strings.Join(keys, ", ")
}
