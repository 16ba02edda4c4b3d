package site

import (
	"html"
	"html/template"
	"regexp"
	"strconv"
	"strings"
)

// reArticleRef finds references such as "artikel 6", "artikel 17 lid 1"
// and "artikel 3, vierde lid" in running text.
var reArticleRef = regexp.MustCompile(`\b[Aa]rtikel (\d+[a-z]?)\b(?: lid (\d+)|, (eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende) lid)?`)

var ordinals = map[string]int{"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6, "zevende": 7, "achtste": 8, "negende": 9, "tiende": 10}

// Text renders a piece of ordinance or toelichting text as HTML: escaped,
// a no-break space after "€" so an amount never wraps, references to other
// articles of this ordinance turned into links, and the first use of each
// glossary term linked to its entry. A reference to
// another law ("artikel 10d van de wet") is left as text.
func (p *Page) Text(s string) template.HTML {
	var b strings.Builder
	last := 0
	for _, m := range reArticleRef.FindAllStringSubmatchIndex(s, -1) {
		number := s[m[2]:m[3]]
		target := p.Site.Doc.Article(number)
		if target == nil || refersToLaw(s[m[1]:]) || (p.Article != nil && p.Article.Number == number && m[4] < 0 && m[6] < 0) {
			continue
		}
		lid := ""
		switch {
		case m[4] >= 0:
			lid = s[m[4]:m[5]]
		case m[6] >= 0:
			lid = strconv.Itoa(ordinals[s[m[6]:m[7]]])
		}
		href := ArticlePath(number)
		if lid != "" && target.Paragraph(lid) != nil {
			href += "#lid-" + lid
		}
		b.WriteString(p.mark(s[last:m[0]]))
		b.WriteString(`<a class="utrecht-link" href="` + html.EscapeString(p.URL(href)) + `">` + typeset(s[m[0]:m[1]]) + `</a>`)
		last = m[1]
	}
	b.WriteString(p.mark(s[last:]))
	return template.HTML(b.String())
}

// mark typesets text and links the first use on the page of each glossary
// term to its entry.
func (p *Page) mark(s string) string {
	if p.marker == nil {
		return typeset(s)
	}
	var b strings.Builder
	for _, piece := range p.marker.Split(s) {
		if piece.TermID == "" {
			b.WriteString(typeset(piece.Text))
			continue
		}
		b.WriteString(`<a class="utrecht-link rg-term" href="` + html.EscapeString(p.marker.Href(piece.TermID)) + `">` + typeset(piece.Text) + `</a>`)
	}
	return b.String()
}

// refersToLaw reports whether the words after a reference say it belongs
// to another law: "… van de wet", "… van de Participatiewet", "… van de
// WIA", within the same clause.
func refersToLaw(after string) bool {
	end := len(after)
	if i := strings.IndexAny(after, ".;()"); i >= 0 {
		end = i
	}
	clause := after[:end]
	if len(clause) > 80 {
		clause = clause[:80]
	}
	return strings.Contains(clause, " van de ") || strings.Contains(clause, " van het ") || strings.Contains(clause, " uit de ")
}

// typeset escapes text for HTML and keeps "€ 600,00" on one line.
func typeset(s string) string {
	return strings.ReplaceAll(html.EscapeString(s), "€ ", "€&nbsp;")
}
