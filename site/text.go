package site

import (
	"html"
	"html/template"
	"strings"
)

// Text renders a piece of ordinance or toelichting text as HTML: escaped,
// a no-break space after "€" so an amount never wraps, references to other
// articles of this ordinance (legal.References) turned into links, and the
// first use of each glossary term linked to its entry. A reference to
// another law ("artikel 10d van de wet") is left as text.
func (p *Page) Text(s string) template.HTML {
	var b strings.Builder
	last := 0
	for _, r := range references(s) { // legal.References, kept per text (cache.go)
		to := r.Targets[0]
		target := p.Site.Doc.Article(to.Article)
		if target == nil || r.Law != "" || (p.Article != nil && p.Article.Number == to.Article && to.Lid == "") {
			continue
		}
		href := ArticlePath(to.Article)
		if to.Lid != "" && target.Paragraph(to.Lid) != nil {
			href += "#lid-" + to.Lid
		}
		b.WriteString(p.mark(s[last:r.Start]))
		b.WriteString(`<a class="utrecht-link" href="` + html.EscapeString(p.URL(href)) + `">` + typeset(r.Text) + `</a>`)
		last = r.End
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

// typeset escapes text for HTML and keeps "€ 600,00" on one line.
func typeset(s string) string {
	return strings.ReplaceAll(html.EscapeString(s), "€ ", "€&nbsp;")
}
