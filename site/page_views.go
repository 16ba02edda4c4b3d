package site

import (
	"fmt"
	"strings"

	"github.com/regelgids/regelgids/site/guide"
	"github.com/regelgids/regelgids/site/ordinance"
	"github.com/regelgids/regelgids/site/readability"
	"github.com/regelgids/regelgids/site/routes"
)

// guideSources gathers a guide's references to the law into one line per
// section, labelled with the interface text guide_sources ("Waar staat
// dit?"); without that text they stay where they are.
func (p *Page) guideSources() *guide.Sources {
	label := p.Site.strings["guide_sources"]
	if label == "" {
		return nil
	}
	return &guide.Sources{Label: label, IsSource: func(dest string) bool {
		if !strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "//") {
			return false
		}
		k, _, ok := routes.Parse(strings.SplitN(dest, "#", 2)[0])
		return ok && (k == routes.Article || k == routes.Ordinance || k == routes.Explanation)
	}}
}

// SearchHeading says how many results a search found, and for what:
// "3 resultaten voor “taxi”".
func (p *Page) SearchHeading() (string, error) {
	key := "search_heading_many"
	switch len(p.Results) {
	case 0:
		key = "search_heading_none"
	case 1:
		key = "search_heading_one"
	}
	s, err := p.T(key)
	if err != nil {
		return "", err
	}
	return strings.NewReplacer("{n}", fmt.Sprint(len(p.Results)), "{q}", p.Query).Replace(s), nil
}

// ReviewSentence is a sentence of a reviewed text with what makes it
// hard (Reviewed.SentenceProblems), for the reviewers' per-page views.
type ReviewSentence struct {
	readability.Sentence
	Problems []string
	// Unit is the word after its number of words: the interface text
	// review_word for 1, review_words for any other number.
	Unit string
}

// ReviewSentences are the sentences of r, each with its problems and the
// unit of its word count: one call for a text, where a call per sentence
// costs a template more than the work.
func (p *Page) ReviewSentences(r Reviewed) ([]ReviewSentence, error) {
	one, err := p.T("review_word")
	if err != nil {
		return nil, err
	}
	many, err := p.T("review_words")
	if err != nil {
		return nil, err
	}
	byText := map[string][]string{}
	for _, pr := range r.Report.Problems {
		byText[pr.Sentence] = append(byText[pr.Sentence], pr.Reason)
	}
	out := make([]ReviewSentence, len(r.Report.Sentences))
	for i, s := range r.Report.Sentences {
		out[i] = ReviewSentence{Sentence: s, Problems: byText[s.Text], Unit: many}
		if s.Words == 1 {
			out[i].Unit = one
		}
	}
	return out, nil
}

// SearchKind names the kind of a search result: guide, article,
// calculator, glossary entry…
func (p *Page) SearchKind(kind string) (string, error) { return p.T("search_kind_" + kind) }

// maxPopular is how many searches the search page suggests.
const maxPopular = 6

// PopularQueries are the searches the search page suggests when nothing
// was found: the first word of each of the first synonym groups of the
// content folder (zoeken/synoniemen.yaml), words residents type.
func (p *Page) PopularQueries() []string {
	syn := p.Site.Project.Synonyms
	if syn == nil {
		return nil
	}
	var out []string
	for _, g := range syn.Groups(p.Lang) {
		if len(out) == maxPopular {
			break
		}
		if len(g) > 0 {
			out = append(out, g[0])
		}
	}
	return out
}

// SituationGroups are the situations of the home page, each with the
// guides that fit it, leaving out the guides that fit every situation
// (CommonGuides shows those once).
func (s *SiteData) SituationGroups() []Group {
	common := map[*guide.Guide]bool{}
	for _, g := range s.CommonGuides() {
		common[g] = true
	}
	var out []Group
	for _, gr := range s.Groups {
		g := gr
		g.Guides = nil
		for _, gd := range gr.Guides {
			if !common[gd] {
				g.Guides = append(g.Guides, gd)
			}
		}
		if len(g.Guides) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// CommonGuides are the guides that fit every situation (how to apply, how
// to object), in the site's order; none when there are fewer than two
// situations.
func (s *SiteData) CommonGuides() []*guide.Guide {
	if len(s.Groups) < 2 {
		return nil
	}
	count := map[*guide.Guide]int{}
	for _, gr := range s.Groups {
		for _, gd := range gr.Guides {
			count[gd]++
		}
	}
	var out []*guide.Guide
	for _, gd := range s.Guides {
		if count[gd] == len(s.Groups) {
			out = append(out, gd)
		}
	}
	return out
}

// IsCommon reports whether a guide fits every situation (the home page
// shows it once, under CommonGuides).
func (s *SiteData) IsCommon(g *guide.Guide) bool {
	for _, c := range s.CommonGuides() {
		if c == g {
			return true
		}
	}
	return false
}

// ChapterView is a chapter as the whole-ordinance page shows it: with an
// anchor of its own and its articles grouped by paragraaf or afdeling.
type ChapterView struct {
	*ordinance.Chapter
	Anchor string
	Parts  []ChapterPart
}

// ChapterPart is a run of a chapter's articles: those outside any section
// (Section nil), or one paragraaf or afdeling with its own anchor.
type ChapterPart struct {
	Section  *ordinance.Section
	Anchor   string
	Intro    []string // paragraphs of the section's own text
	Articles []*ordinance.Article
}

// Chapters returns the chapters of the ordinance for its page. A chapter
// with a number is "#hoofdstuk-N" as before; one without (a heading in
// capitals, no number) takes its title, or its position where that is
// not unique, so every chapter has an anchor of its own that stays the
// same from build to build. A section is the chapter's anchor with its
// kind and number (or position): "#hoofdstuk-2-paragraaf-1".
func (s *SiteData) Chapters() []ChapterView {
	used := map[string]bool{}
	for _, c := range s.Doc.Chapters {
		if c.Number != "" {
			used["hoofdstuk-"+c.Number] = true
		}
	}
	var out []ChapterView
	for i := range s.Doc.Chapters {
		c := &s.Doc.Chapters[i]
		v := ChapterView{Chapter: c, Anchor: chapterAnchor(s.Doc, i)}
		if c.Number == "" {
			for used[v.Anchor] {
				v.Anchor += "-" + fmt.Sprint(i+1)
			}
			used[v.Anchor] = true
		}
		inSection := map[string]bool{}
		for _, sec := range c.Sections {
			for _, n := range sec.Articles {
				inSection[n] = true
			}
		}
		var loose []*ordinance.Article
		for j := range c.Articles {
			if a := &c.Articles[j]; !inSection[a.Number] {
				loose = append(loose, a)
			}
		}
		if len(loose) > 0 {
			v.Parts = append(v.Parts, ChapterPart{Articles: loose})
		}
		for j := range c.Sections {
			sec := &c.Sections[j]
			id := anchorPart(sec.Number)
			if id == "" {
				id = fmt.Sprint(j + 1)
			}
			part := ChapterPart{Section: sec, Anchor: v.Anchor + "-" + anchorPart(sec.Kind) + "-" + id}
			for _, p := range strings.Split(sec.Intro, "\n\n") {
				if p = strings.TrimSpace(p); p != "" {
					part.Intro = append(part.Intro, p)
				}
			}
			for _, n := range sec.Articles {
				for k := range c.Articles {
					if c.Articles[k].Number == n {
						part.Articles = append(part.Articles, &c.Articles[k])
					}
				}
			}
			v.Parts = append(v.Parts, part)
		}
		out = append(out, v)
	}
	return out
}

// chapterAnchor is the anchor of the i-th chapter without regard to the
// others: "hoofdstuk-N", or "hoofdstuk-" and its title.
func chapterAnchor(doc *ordinance.Ordinance, i int) string {
	c := doc.Chapters[i]
	if c.Number != "" {
		return "hoofdstuk-" + c.Number // as routes.Chapter links it
	}
	if t := anchorPart(c.Title); t != "" {
		return "hoofdstuk-" + t
	}
	return "hoofdstuk-" + fmt.Sprint(i+1)
}

// ChapterAnchor is the anchor of the article page's chapter on the
// whole-ordinance page.
func (p *Page) ChapterAnchor() string {
	if p.Chapter == nil {
		return ""
	}
	for _, v := range p.Site.Chapters() {
		if v.Chapter == p.Chapter || (v.Number == p.Chapter.Number && v.Title == p.Chapter.Title) {
			return v.Anchor
		}
	}
	return ""
}

// anchorPart makes s fit in an anchor: lower case letters and digits,
// the rest one hyphen ("2.1" → "2-1", "BEGRIPSBEPALINGEN" →
// "begripsbepalingen").
func anchorPart(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		default:
			dash = true
		}
	}
	return b.String()
}

// SectionLabel is the heading of a paragraaf or afdeling: "Paragraaf 1.
// Beleid en financiën".
func (p *Page) SectionLabel(s *ordinance.Section) (string, error) {
	kind, err := p.T("section_" + s.Kind)
	if err != nil {
		return "", err
	}
	label := kind + " "
	if s.Number != "" {
		label += s.Number + ". "
	}
	return label + s.Title, nil
}
