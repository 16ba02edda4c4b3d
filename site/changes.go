package site

import (
	"bytes"
	"encoding/xml"
	"strings"

	"github.com/regelgids/regelgids/calculators"
	"github.com/regelgids/regelgids/calculators/params/values"
	"github.com/regelgids/regelgids/site/project"
	"github.com/regelgids/regelgids/site/routes"
)

// The page "Wat verandert er?" (routes.Changes) says per date, in plain
// words, which amounts change: "Vanaf 1 januari 2027 is de
// participatiepremie € 1.100 per zes maanden; dat was € 1.050." It is made
// from the dated values of parameters.yaml: a parameter is on it when it
// has a label (values.Param.Label). Its second part explains the values
// that rest on a reading of an unclear text (values.Param.Reading), which
// guides and calculators mark with a link to it. An Atom feed of the dates
// sits beside the page where the site's address is known.

// FeedFile is the Atom feed's file name in the page's folder.
const FeedFile = "atom.xml"

// ChangeDate is one date on the page, with what changes on it.
type ChangeDate struct {
	Date values.Date
	// ID is the date's anchor on the page: "d-2027-01-01".
	ID        string
	Sentences []ChangeSentence
}

// ChangeSentence is one amount's sentence; Reading is the anchor of the
// explanation when the amount rests on a reading, else "".
type ChangeSentence struct {
	Text    string
	Reading string
}

// ReadingNote explains one value that rests on a reading.
type ReadingNote struct {
	ID    string // anchor on the page: "lezing-uitstroompremie-inkomensgrens"
	Name  string // the parameter
	Value string // formatted, as pages show it
	Text  string // why it is a reading, in the page's language
}

// HasChanges reports whether the site has the page: some parameter has a
// label or rests on a reading.
func (s *SiteData) HasChanges() bool {
	if s.Project.Params == nil {
		return false
	}
	for _, p := range s.Project.Params.Params() {
		if !p.Label.IsZero() || !p.Reading.IsZero() {
			return true
		}
	}
	return false
}

// readingID is the anchor of a parameter's reading on the page.
func readingID(name string) string { return "lezing-" + strings.ReplaceAll(name, ".", "-") }

// ReadingPath is the site path of a parameter's reading explanation, for
// the marks on guides and calculators; "" when it rests on no reading.
func (s *SiteData) ReadingPath(name string) string {
	if s.Project.Params == nil {
		return ""
	}
	if p, ok := s.Project.Params.Param(name); ok && !p.Reading.IsZero() {
		return routes.Path(routes.Changes, "") + "#" + readingID(name)
	}
	return ""
}

// Readings lists the values that rest on a reading, in the order of the
// parameter names, with the values in force on the site's date.
func (s *SiteData) Readings() []ReadingNote {
	var out []ReadingNote
	if s.Project.Params == nil {
		return nil
	}
	for _, p := range s.Project.Params.Params() {
		if p.Reading.IsZero() {
			continue
		}
		n := ReadingNote{ID: readingID(p.Name), Name: p.Name, Text: p.Reading.In(s.Lang)}
		if v, ok := s.Project.Amount.Lookup(p.Name); ok {
			n.Value = FormatValue(v, s.Lang, s.strings)
		}
		out = append(out, n)
	}
	return out
}

// ReadingsFor lists the readings a calculator's amounts rest on.
func (s *SiteData) ReadingsFor(calculator string) []ReadingNote {
	r := calculators.Lookup(calculator)
	if r == nil {
		return nil
	}
	var out []ReadingNote
	for _, n := range s.Readings() {
		for _, name := range append(append([]string(nil), r.Params...), r.Optional...) {
			if name == n.Name {
				out = append(out, n)
			}
		}
	}
	return out
}

// Changes lists the dates on which a labelled amount takes a value, newest
// first, from the first day of the ordinance (the calculators' effective
// date, else the first date of an amount of the ordinance itself). On that
// first day it lists every labelled amount in force; after it, what
// changes.
func (s *SiteData) Changes() []ChangeDate {
	t := s.Project.Params
	if t == nil {
		return nil
	}
	start := changesStart(s.Project)
	var out []ChangeDate
	for _, d := range t.ChangeDates() {
		if d.Before(start) {
			continue
		}
		cd := ChangeDate{Date: d, ID: "d-" + d.String()}
		if d == start {
			set, err := t.At(d)
			if err != nil {
				continue
			}
			for _, p := range t.Params() {
				if v, ok := set.Lookup(p.Name); ok && !p.Label.IsZero() {
					cd.Sentences = append(cd.Sentences, s.changeSentence(values.Change{Param: p, From: d, Value: v.Value}))
				}
			}
		} else {
			for _, c := range t.ChangesOn(d) {
				if !c.Param.Label.IsZero() {
					cd.Sentences = append(cd.Sentences, s.changeSentence(c))
				}
			}
		}
		if len(cd.Sentences) > 0 {
			out = append([]ChangeDate{cd}, out...)
		}
	}
	return out
}

// changesStart is the first date the page shows.
func changesStart(p *project.Project) values.Date {
	if p.Calculators != nil && !p.Calculators.Effective.Date.IsZero() {
		return p.Calculators.Effective.Date
	}
	var start values.Date
	for _, prm := range p.Params.Params() {
		if prm.Source.Law == "" && (start.IsZero() || prm.Values[0].From.Before(start)) {
			start = prm.Values[0].From
		}
	}
	return start
}

// changeSentence writes one change in the words of the interface texts
// changes_new, changes_changed and changes_same, with {date}, {name},
// {value} and {old}.
func (s *SiteData) changeSentence(c values.Change) ChangeSentence {
	format := func(d values.SetValue) string {
		v := FormatValue(d, s.Lang, s.strings)
		if per := c.Param.Per.In(s.Lang); per != "" {
			v += " " + per
		}
		return v
	}
	key := "changes_new"
	switch {
	case c.Same():
		key = "changes_same"
	case c.HasOld:
		key = "changes_changed"
	}
	text := strings.NewReplacer(
		"{date}", formatDate(s.Lang, c.From.String()),
		"{name}", c.Param.Label.In(s.Lang),
		"{value}", format(values.SetValue{Value: c.Value, Unit: c.Param.Unit}),
		"{old}", format(values.SetValue{Value: c.Old, Unit: c.Param.Unit}),
	).Replace(s.strings[key])
	cs := ChangeSentence{Text: text}
	if !c.Param.Reading.IsZero() {
		cs.Reading = readingID(c.Param.Name)
	}
	return cs
}

// FeedPath is the site path of the Atom feed of the page, "" when the
// site's address is not known (a feed needs absolute addresses).
func (s *SiteData) FeedPath() string {
	if s.Meta.BaseURL == "" || !s.HasChanges() {
		return ""
	}
	return routes.Path(routes.Changes, "") + FeedFile
}

// changesFeed writes the Atom 1.0 feed of the page of one language: one
// entry per date, newest first. Everything in it comes from the data, not
// the clock, so two builds write the same bytes: the feed's updated is its
// newest entry's date, each entry's updated its date (midnight UTC; the
// data has days, not times).
func changesFeed(s *SiteData) []byte {
	page := s.Meta.BaseURL + strings.TrimPrefix(s.Prefix+routes.Path(routes.Changes, ""), "/")
	esc := func(str string) string {
		var b bytes.Buffer
		xml.EscapeText(&b, []byte(str))
		return b.String()
	}
	stamp := func(d values.Date) string { return d.String() + "T00:00:00Z" }
	changes := s.Changes()
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>` + "\n")
	b.WriteString(`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="` + s.Lang + `">` + "\n")
	title := s.strings["changes_title"]
	if name := s.strings["site_name"]; name != "" {
		title = name + ": " + title
	}
	b.WriteString("  <title>" + esc(title) + "</title>\n")
	b.WriteString("  <subtitle>" + esc(s.strings["changes_description"]) + "</subtitle>\n")
	b.WriteString("  <id>" + esc(page) + "</id>\n")
	updated := changesStart(s.Project)
	if len(changes) > 0 {
		updated = changes[0].Date
	}
	b.WriteString("  <updated>" + stamp(updated) + "</updated>\n")
	b.WriteString(`  <link rel="self" type="application/atom+xml" href="` + esc(page+FeedFile) + `"/>` + "\n")
	b.WriteString(`  <link rel="alternate" type="text/html" href="` + esc(page) + `"/>` + "\n")
	author := s.Meta.Municipality
	if author == "" {
		author = title
	}
	b.WriteString("  <author><name>" + esc(author) + "</name></author>\n")
	for _, cd := range changes {
		var texts []string
		for _, st := range cd.Sentences {
			texts = append(texts, st.Text)
		}
		b.WriteString("  <entry>\n")
		b.WriteString("    <title>" + esc(s.strings["changes_from"]+" "+formatDate(s.Lang, cd.Date.String())) + "</title>\n")
		b.WriteString("    <id>" + esc(page+"#"+cd.ID) + "</id>\n")
		b.WriteString("    <updated>" + stamp(cd.Date) + "</updated>\n")
		b.WriteString(`    <link rel="alternate" type="text/html" href="` + esc(page+"#"+cd.ID) + `"/>` + "\n")
		b.WriteString(`    <content type="text">` + esc(strings.Join(texts, " ")) + "</content>\n")
		b.WriteString("  </entry>\n")
	}
	b.WriteString("</feed>\n")
	return []byte(b.String())
}

// addChangesFeeds writes the feed of each language that has the page.
func addChangesFeeds(out Output, sites map[string]*SiteData) {
	for _, s := range sites {
		if p := s.FeedPath(); p != "" {
			out[strings.TrimPrefix(s.Prefix+p, "/")] = changesFeed(s)
		}
	}
}
