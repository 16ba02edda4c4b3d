package params

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/regelgids/regelgids/calculators/params/values"
	"go.yaml.in/yaml/v3"
)

var (
	groupRE     = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	textKeys    = []string{"nl", "en"}
	followsKeys = []string{"amount", "schedule"}
)

// text reads a {nl: ..., en: ...} mapping; both languages are required,
// as every page exists in both.
func (p *parser) text(n *yaml.Node, what string) (values.Text, bool) {
	f, ok := p.fields(n, what, textKeys)
	if f == nil {
		return values.Text{}, false
	}
	var t values.Text
	for _, lang := range textKeys {
		s, good := p.scalar(n.Line, f[lang], what+": "+lang)
		if good && strings.TrimSpace(s) == "" {
			p.add(f[lang].Line, what+": "+lang+" is empty")
			good = false
		}
		if lang == "nl" {
			t.NL = s
		} else {
			t.EN = s
		}
		ok = ok && good
	}
	return t, ok
}

// extras reads the optional keys label, per, reading, group and follows
// into par.
func (p *parser) extras(name string, f map[string]*yaml.Node, par *Param) bool {
	ok := true
	for _, k := range []struct {
		key string
		dst *values.Text
	}{{"label", &par.Label}, {"per", &par.Per}, {"reading", &par.Reading}} {
		if n := f[k.key]; n != nil {
			t, good := p.text(n, k.key+" of "+name)
			*k.dst, ok = t, ok && good
		}
	}
	if n := f["group"]; n != nil {
		s, good := p.scalar(n.Line, n, "group of "+name)
		if good && !groupRE.MatchString(s) {
			p.add(n.Line, "group "+quote(s)+" of "+name+" must be one lower-case word, like participatiepremie_indexatie")
			good = false
		}
		par.Group, ok = s, ok && good
	}
	if n := f["follows"]; n != nil {
		what := "follows of " + name
		ff, good := p.fields(n, what, followsKeys)
		if ff == nil {
			return false
		}
		var fl values.Follows
		if ff["amount"] == nil {
			p.add(n.Line, what+": amount is missing")
			good = false
		} else if t, g := p.text(ff["amount"], what+": amount"); g {
			fl.Amount = t
		} else {
			good = false
		}
		if s, g := p.scalar(n.Line, ff["schedule"], what+": schedule"); !g {
			good = false
		} else if s != values.ScheduleYearly && s != values.ScheduleHalfYearly {
			p.add(ff["schedule"].Line, what+": schedule "+quote(s)+" is not yearly (each 1 January) or half-yearly (each 1 January and 1 July)")
			good = false
		} else {
			fl.Schedule = s
		}
		par.Follows, ok = &fl, ok && good
	}
	return ok
}

// checkGroups checks that the parameters of a group, which the ordinance
// indexes together, take new values on the same dates: from the first
// date on which all of them have a value, a date one member has and
// another lacks is a half-done indexation. A group of one is a typo in
// the group's name.
func (p *parser) checkGroups(ps []Param) {
	groups := map[string][]*Param{}
	var names []string
	for i := range ps {
		if g := ps[i].Group; g != "" {
			if groups[g] == nil {
				names = append(names, g)
			}
			groups[g] = append(groups[g], &ps[i])
		}
	}
	sort.Strings(names)
	for _, g := range names {
		members := groups[g]
		if len(members) == 1 {
			m := members[0]
			p.add(m.Line, "group "+g+" of "+m.Name+" has no other parameter; the parameters indexed together must all name the same group (a typo?)")
			continue
		}
		var start values.Date
		for _, m := range members {
			if first := m.Values[0].From; start.Before(first) {
				start = first
			}
		}
		reported := map[string]bool{}
		for _, m := range members {
			for _, v := range m.Values {
				if v.From.Before(start) {
					continue
				}
				for _, o := range members {
					if o == m || hasDate(o, v.From) || reported[o.Name+v.From.String()] {
						continue
					}
					reported[o.Name+v.From.String()] = true
					p.add(v.Line, m.Name+" has a value from "+v.From.String()+", but "+o.Name+" (line "+strconv.Itoa(o.Line)+
						"), indexed with it in group "+g+", has none from that date; add one to "+o.Name+" (the same value again if it did not change)")
				}
			}
		}
	}
}

func hasDate(p *Param, d values.Date) bool {
	for _, v := range p.Values {
		if v.From == d {
			return true
		}
	}
	return false
}
