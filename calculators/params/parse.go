package params

import (
	"errors"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/regelgids/regelgids/calculators/params/values"
	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"
)

// Problem is one thing wrong in a parameter file, at a line.
type Problem struct {
	Line    int
	Message string
}

// ParseError lists every problem found in a parameter file, in line order.
type ParseError struct {
	File     string
	Problems []Problem
}

// Error returns one "file:line: message" line per problem.
func (e *ParseError) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.File)
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(p.Line))
		b.WriteString(": ")
		b.WriteString(p.Message)
	}
	return b.String()
}

var (
	nameRE      = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$`)
	yamlLineRE  = regexp.MustCompile(`line (\d+): `)
	paramKeys   = []string{"description", "unit", "source", "values", "at_most", "label", "per", "reading", "group", "follows"}
	valueKeys   = []string{"from", "value", "note"}
	articleKeys = []string{"article", "paragraph"}
	lawKeys     = []string{"law", "url"}
)

// Parse reads a parameter file. filename is only used in messages. Every
// problem is reported, not just the first; the error is then a *ParseError.
//
// The file is a mapping from parameter name to
//
//	description: one plain Dutch sentence
//	unit: EUR | EUR/hour | percent | months | years
//	source: {article: "17", paragraph: "1"} or {law: "...", url: "https://..."}
//	values:
//	  - {from: 2024-07-01, value: "600.00", note: "..."}
//	at_most: other.parameter   (optional)
//	label: {nl: de participatiepremie, en: the participation bonus}   (optional)
//	per: {nl: per zes maanden, en: per six months}                    (optional)
//	reading: {nl: why the value is a reading, en: ...}                (optional)
//	group: participatiepremie_indexatie                               (optional)
//	follows: {amount: {nl: ..., en: ...}, schedule: half-yearly}      (optional)
//
// with values sorted by date. at_most states what the ordinance implies
// (a partial premium is never more than the full one); it is checked on
// every date either parameter changes, so a yearly indexation that raises
// one and forgets the other is caught. Parameters with the same group are
// indexed together: a value from a date on one needs one from that date on
// each (checkGroups). follows names the national amount a parameter
// follows and when that changes (Table.Stale); reading marks a value that
// rests on a reading of an unclear text.
func Parse(filename string, data []byte) (t *Table, err error) {
	p := &parser{file: filename}
	defer func() {
		// yaml.v3 reports some malformed input by panicking inside the
		// decoder; a broken file must never take the caller down.
		if r := recover(); r != nil {
			t, err = nil, &ParseError{File: filename, Problems: []Problem{{1, "cannot read YAML"}}}
		}
	}()
	var root yaml.Node
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	switch err := dec.Decode(&root); {
	case errors.Is(err, io.EOF):
		p.add(1, "file is empty")
		return nil, p.err()
	case err != nil:
		// A problem at the end of the file is on its last line.
		line := min(yamlLine(err), max(1, strings.Count(strings.TrimRight(string(data), "\n"), "\n")+1))
		p.add(line, yamlLineRE.ReplaceAllString(strings.TrimPrefix(err.Error(), "yaml: "), ""))
		return nil, p.err()
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		line := extra.Line
		if err != nil {
			line = yamlLine(err)
		}
		p.add(line, "only one YAML document is allowed")
	}
	var ps []Param
	var limits []limit
	doc := &root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		doc = doc.Content[0]
	}
	if doc.Kind != yaml.MappingNode {
		p.add(doc.Line, "the file must be a mapping from parameter name to parameter")
		return nil, p.err()
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		name := k.Value
		if k.Kind != yaml.ScalarNode || !nameRE.MatchString(name) {
			p.add(k.Line, "parameter name "+quote(name)+" must be lower-case words joined by dots, like uitstroompremie.volledig")
			continue
		}
		if line, dup := seen[name]; dup {
			p.add(k.Line, "parameter "+name+" is defined twice (first at line "+strconv.Itoa(line)+")")
			continue
		}
		seen[name] = k.Line
		if par, ok := p.param(name, k.Line, v); ok {
			ps = append(ps, par)
		}
		if v.Kind == yaml.MappingNode {
			for j := 0; j+1 < len(v.Content); j += 2 {
				if v.Content[j].Value == "at_most" {
					limits = append(limits, limit{name, v.Content[j+1].Value, v.Content[j+1].Line})
				}
			}
		}
	}
	if len(doc.Content) == 0 {
		p.add(doc.Line, "the file has no parameters")
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	p.checkLimits(ps, limits)
	p.checkGroups(ps)
	if err := p.err(); err != nil {
		return nil, err
	}
	return values.NewTable(ps)
}

// limit says that parameter name is never more than parameter max.
type limit struct {
	name, max string
	line      int
}

// checkLimits checks every at_most relation on each date where either
// side takes a new value.
func (p *parser) checkLimits(ps []Param, limits []limit) {
	byName := map[string]*Param{}
	for i := range ps {
		byName[ps[i].Name] = &ps[i]
	}
	for _, l := range limits {
		a, b := byName[l.name], byName[l.max]
		switch {
		case b == nil:
			p.add(l.line, "at_most of "+l.name+": no parameter "+quote(l.max))
			continue
		case a.Unit != b.Unit:
			p.add(l.line, "at_most of "+l.name+": "+l.max+" is in "+b.Unit+", not "+a.Unit)
			continue
		}
		for _, d := range changeDates(a, b) {
			va, okA := valueAt(a, d)
			vb, okB := valueAt(b, d)
			if okA && okB && va.GreaterThan(vb) {
				p.add(l.line, "from "+d.String()+" "+l.name+" is "+va.String()+", more than "+l.max+" ("+vb.String()+"); the ordinance does not allow that")
				break
			}
		}
	}
}

func changeDates(a, b *Param) []Date {
	var ds []Date
	for _, v := range a.Values {
		ds = append(ds, v.From)
	}
	for _, v := range b.Values {
		ds = append(ds, v.From)
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i].Before(ds[j]) })
	return ds
}

func valueAt(p *Param, d Date) (decimal.Decimal, bool) {
	var v decimal.Decimal
	found := false
	for _, x := range p.Values {
		if x.From.Before(d) || x.From == d {
			v, found = x.Value, true
		}
	}
	return v, found
}

type parser struct {
	file     string
	problems []Problem
}

func (p *parser) add(line int, msg string) {
	p.problems = append(p.problems, Problem{line, msg})
}

func (p *parser) err() error {
	if len(p.problems) == 0 {
		return nil
	}
	sort.SliceStable(p.problems, func(i, j int) bool { return p.problems[i].Line < p.problems[j].Line })
	return &ParseError{File: p.file, Problems: p.problems}
}

// zeroBased are yaml.v3's parser messages (site/internal/yamlfile keeps
// the same list for the site's data files).
var zeroBased = []string{
	"did not find expected ',' or ']'",
	"did not find expected ',' or '}'",
	"did not find expected key",
	"did not find expected '-' indicator",
	"did not find expected node content",
	"did not find expected <document start>",
	"found a tab character that violates indentation",
}

// yamlLine finds the line number in a yaml.v3 syntax error. Its parser
// (not its scanner) counts lines from 0: "c: [x" on line 3 is reported as
// "line 2: did not find expected ',' or ']'".
func yamlLine(err error) int {
	if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
		if n, e := strconv.Atoi(m[1]); e == nil {
			for _, msg := range zeroBased {
				if strings.Contains(err.Error(), msg) {
					n++
					break
				}
			}
			return n
		}
	}
	return 1
}

// fields checks that n is a mapping with only the allowed keys, each once,
// and returns the values by key.
func (p *parser) fields(n *yaml.Node, what string, allowed []string) (map[string]*yaml.Node, bool) {
	if n.Kind == yaml.AliasNode {
		p.add(n.Line, what+": aliases are not allowed")
		return nil, false
	}
	if n.Kind != yaml.MappingNode {
		p.add(n.Line, what+" must be a mapping with keys "+strings.Join(allowed, ", "))
		return nil, false
	}
	m := map[string]*yaml.Node{}
	ok := true
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		switch {
		case !contains(allowed, k.Value):
			p.add(k.Line, what+": unknown key "+quote(k.Value)+" (allowed: "+strings.Join(allowed, ", ")+")")
			ok = false
		case m[k.Value] != nil:
			p.add(k.Line, what+": key "+quote(k.Value)+" appears twice")
			ok = false
		default:
			m[k.Value] = n.Content[i+1]
		}
	}
	return m, ok
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// scalar returns the text of a scalar node; a missing node (reported at
// line) or a non-scalar one is a problem.
func (p *parser) scalar(line int, n *yaml.Node, what string) (string, bool) {
	switch {
	case n == nil:
		p.add(line, what+" is missing")
		return "", false
	case n.Kind != yaml.ScalarNode:
		p.add(n.Line, what+" must be a single value")
		return "", false
	case n.Tag == "!!null":
		p.add(n.Line, what+" is empty")
		return "", false
	}
	return n.Value, true
}

func (p *parser) param(name string, line int, n *yaml.Node) (Param, bool) {
	f, ok := p.fields(n, name, paramKeys)
	if f == nil {
		return Param{}, false
	}
	par := Param{Name: name, Line: line}
	if s, good := p.scalar(line, f["description"], "description of "+name); good && strings.TrimSpace(s) == "" {
		p.add(f["description"].Line, "description of "+name+" is empty")
		ok = false
	} else {
		par.Description = s
		ok = ok && good
	}
	unitOK := false
	if s, good := p.scalar(line, f["unit"], "unit of "+name); good {
		if values.KnownUnit(s) {
			par.Unit, unitOK = s, true
		} else {
			p.add(f["unit"].Line, "unit "+quote(s)+" of "+name+" is not one of EUR, EUR/hour, percent, months, years")
		}
	}
	ok = ok && unitOK
	if f["source"] == nil {
		p.add(line, "source of "+name+" is missing")
		ok = false
	} else if src, good := p.source(name, f["source"]); good {
		par.Source = src
	} else {
		ok = false
	}
	vals, good := p.values(name, line, f["values"], par.Unit, unitOK)
	par.Values = vals
	ok = p.extras(name, f, &par) && ok
	return par, ok && good
}

func (p *parser) source(name string, n *yaml.Node) (Source, bool) {
	what := "source of " + name
	if n.Kind == yaml.MappingNode {
		hasLaw := false
		for i := 0; i < len(n.Content); i += 2 {
			hasLaw = hasLaw || n.Content[i].Value == "law" || n.Content[i].Value == "url"
		}
		if hasLaw {
			f, ok := p.fields(n, what, lawKeys)
			if f == nil {
				return Source{}, false
			}
			law, ok1 := p.scalar(n.Line, f["law"], what+": law")
			url, ok2 := p.scalar(n.Line, f["url"], what+": url")
			if ok2 && !strings.HasPrefix(url, "https://") {
				p.add(f["url"].Line, what+": url "+quote(url)+" must start with https://")
				ok2 = false
			}
			return Source{Law: law, URL: url}, ok && ok1 && ok2
		}
	}
	f, ok := p.fields(n, what, articleKeys)
	if f == nil {
		return Source{}, false
	}
	art, ok1 := p.scalar(n.Line, f["article"], what+": article")
	par := ""
	if f["paragraph"] != nil {
		if f["paragraph"].Kind != yaml.ScalarNode {
			p.add(f["paragraph"].Line, what+": paragraph must be a single value")
			ok = false
		} else if f["paragraph"].Tag != "!!null" {
			par = f["paragraph"].Value
		}
	}
	return Source{Article: art, Paragraph: par}, ok && ok1
}

func (p *parser) values(name string, line int, n *yaml.Node, unit string, unitOK bool) ([]Value, bool) {
	switch {
	case n == nil:
		p.add(line, "values of "+name+" are missing")
		return nil, false
	case n.Kind != yaml.SequenceNode:
		p.add(n.Line, "values of "+name+" must be a list")
		return nil, false
	case len(n.Content) == 0:
		p.add(n.Line, name+" has no values")
		return nil, false
	}
	ok := true
	var vals []Value
	var prev Date
	for _, item := range n.Content {
		f, good := p.fields(item, "value of "+name, valueKeys)
		if f == nil {
			ok = false
			continue
		}
		v := Value{Line: item.Line}
		if s, g := p.scalar(item.Line, f["from"], "from of a value of "+name); g {
			d, err := values.ParseDate(s)
			switch {
			case err != nil:
				p.add(f["from"].Line, "date "+quote(s)+" of "+name+" is not a real date of the form YYYY-MM-DD")
				g = false
			case !prev.IsZero() && d == prev:
				p.add(f["from"].Line, "date "+s+" of "+name+" appears twice")
				g = false
			case !prev.IsZero() && d.Before(prev):
				p.add(f["from"].Line, "dates of "+name+" are not sorted: "+s+" comes after "+prev.String())
				g = false
			}
			if g {
				v.From, prev = d, d
			}
			good = good && g
		} else {
			good = false
		}
		if s, g := p.scalar(item.Line, f["value"], "value of "+name); g {
			d, err := checkValue(s, unit, unitOK)
			if err != "" {
				p.add(f["value"].Line, "value "+quote(s)+" of "+name+" "+err)
				g = false
			}
			v.Value = d
			good = good && g
		} else {
			good = false
		}
		if nn := f["note"]; nn != nil {
			if nn.Kind != yaml.ScalarNode {
				p.add(nn.Line, "note of "+name+" must be text")
				good = false
			} else if nn.Tag != "!!null" {
				v.Note = nn.Value
			}
		}
		if good {
			vals = append(vals, v)
		}
		ok = ok && good
	}
	return vals, ok
}

// checkValue parses a value and checks it fits its unit. It returns the end
// of a message ("is not a number") when it does not.
func checkValue(s, unit string, unitOK bool) (decimal.Decimal, string) {
	d, ok := values.ParseDecimal(s)
	switch {
	case !ok && dutchNumberRE.MatchString(s):
		return d, "is written the Dutch way; write " + quote(plainNumber(s)) + ": a point before the cents and no thousands separator"
	case !ok:
		return d, "is not a number"
	case unitOK && unit != values.UnitPercent && d.GreaterThan(maxValue[unit]):
		return d, "is more than " + maxValue[unit].String() + " " + unit + ", more than any amount of this kind can be"
	case d.Sign() < 0:
		return d, "is negative"
	case !unitOK:
		return d, ""
	case unit == values.UnitPercent && d.GreaterThan(decimal.NewFromInt(100)):
		return d, "is more than 100 percent"
	case (unit == values.UnitMonths || unit == values.UnitYears) && !d.IsInteger():
		return d, "must be a whole number of " + unit
	case (unit == values.UnitEUR || unit == values.UnitEURPerHour) && d.Exponent() < -2 && thousandsRE.MatchString(s):
		return d, "has more than 2 decimals; if the point separates thousands, write " + quote(strings.ReplaceAll(s, ".", "")+".00") + ": a point only before the cents"
	case (unit == values.UnitEUR || unit == values.UnitEURPerHour) && d.Exponent() < -2:
		return d, "has more than 2 decimals"
	}
	return d, ""
}

// maxValue bounds each unit far above any real amount of a re-integration
// ordinance, so a typo of a few extra digits (or 37 of them) is caught.
var maxValue = map[string]decimal.Decimal{
	values.UnitEUR:        decimal.NewFromInt(1_000_000),
	values.UnitEURPerHour: decimal.NewFromInt(1_000),
	values.UnitPercent:    decimal.NewFromInt(100),
	values.UnitMonths:     decimal.NewFromInt(600),
	values.UnitYears:      decimal.NewFromInt(120),
}

// dutchNumberRE matches amounts as Dutch staff type them: 1.100,00 or
// 14,50 or € 600.
var dutchNumberRE = regexp.MustCompile(`^(?:€\s*)?\d{1,3}(?:\.\d{3})*(?:,\d+)?$|^(?:€\s*)?\d+,\d+$|^€\s*\d+(?:\.\d+)?$`)

var thousandsRE = regexp.MustCompile(`^\d{1,3}(?:\.\d{3})+$`)

func plainNumber(s string) string {
	s = strings.TrimSpace(strings.TrimPrefix(s, "€"))
	if strings.Contains(s, ",") {
		s = strings.ReplaceAll(s, ".", "")
		s = strings.ReplaceAll(s, ",", ".")
	}
	return s
}
