package cvdr

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/regelgids/regelgids/internal/diag"
	"github.com/regelgids/regelgids/site/ordinance"
)

// Parse reads a CVDR XML file into the model. Bad XML is one error naming
// file:line; structure the reader is unsure of is a warning with its line.
func Parse(file string, src []byte) (*ordinance.Ordinance, []ordinance.Diagnostic, error) {
	root, _, err := parseTree(file, src)
	if err != nil {
		return nil, nil, err
	}
	r := &reader{file: file, o: &ordinance.Ordinance{}, used: map[string]bool{}}
	r.read(root)
	r.diags.Sort()
	return r.o, r.diags.Diagnostics, nil
}

type reader struct {
	file  string
	o     *ordinance.Ordinance
	diags diag.List
	// explanations are the artikelsgewijze toelichting per article number,
	// attached after the regulation text is read.
	explanations []explanation
	// explIntro is the text before the first explained article.
	explIntro pieces
	// count and used number the articles.
	count int
	used  map[string]bool
}

type explanation struct {
	number, title string
	blocks        []ordinance.Block
	line          int
}

func (r *reader) warn(line int, format string, args ...any) {
	r.diags.Warnf(r.file, line, format, args...)
}

func (r *reader) read(root *node) {
	body := root.child("body")
	if meta := root.child("meta"); meta != nil {
		r.meta(meta)
	} else {
		r.warn(root.line, "no <meta> element: the file has no metadata")
	}
	if body == nil {
		r.warn(root.line, "no <body> element: the file has no regulation text")
		return
	}
	for _, k := range body.kids {
		switch k.name {
		case "":
		case "intitule":
			if t := r.text(k); t != "" {
				r.o.Title = t
			}
		case "regeling":
			r.regeling(k)
		case "toelichting", "algemene-toelichting", "artikelsgewijze-toelichting":
			r.toelichting(k)
		case "bijlage":
			r.bijlage(k)
		default:
			r.warn(k.line, "element <%s> in <body> is not read", k.name)
		}
	}
	if len(r.o.Chapters) == 0 {
		r.warn(body.line, "no articles or chapters found in <regeling-tekst>")
	}
	r.attachExplanations()
	r.o.ExplanationIntro = r.explIntro.join()
	r.o.GeneralExplanation = blocksText(r.o.GeneralBlocks)
}

// meta reads owmskern, owmsmantel and cvdripm.
func (r *reader) meta(meta *node) {
	m := &r.o.Metadata
	var title, issued string
	for _, part := range meta.kids {
		for _, k := range part.kids {
			if k.name == "" {
				continue
			}
			v := r.plain(k)
			switch k.name {
			case "identifier":
				id, version, _ := strings.Cut(v, "_")
				m.Identifier, m.Version = id, version
			case "title":
				title = v
			case "creator":
				m.Municipality = v
			case "modified":
				m.Modified = v
			case "isFormatOf":
				m.Publication = v
				m.PublicationURL = k.attrValue("resourceIdentifier")
			case "alternative":
				m.CitationTitle = v
			case "source":
				r.o.LegalBasis = append(r.o.LegalBasis, ordinance.Reference{Text: v, URL: sourceURL(k.attrValue("resourceIdentifier"))})
			case "isRatifiedBy":
				m.AdoptedBy = v
			case "subject":
				m.Subject = v
			case "issued":
				issued = v
			case "inwerkingtredingDatum":
				m.InForce, m.ValidFrom = v, v
			case "uitwerkingtredingDatum":
				m.ExpiredOn, m.ValidUntil = v, v
			case "betreft":
				m.Change = v
			case "kenmerk":
				m.FileReference = v
			}
		}
	}
	// dcterms:issued is the date the body named in isRatifiedBy decided:
	// the adoption.
	if issued != "" && m.AdoptedBy != "" {
		m.Adopted = issued
	}
	if r.o.Title == "" {
		r.o.Title = title
	}
	if m.ValidFrom != "" && m.ValidUntil != "" && m.ValidUntil < m.ValidFrom {
		r.warn(meta.line, "uitwerkingtredingDatum %s lies before inwerkingtredingDatum %s", m.ValidUntil, m.ValidFrom)
	}
}

// sourceURL turns a CVDR source reference into an address: jci references
// ("1.0:c:BWBR0013798&g=2018-07-28") point to wetten.overheid.nl, CVDR
// references ("1.1:CVDR77862_1") to lokaleregelgeving.overheid.nl.
func sourceURL(ref string) string {
	switch {
	case ref == "":
		return ""
	case strings.HasPrefix(ref, "http://") || strings.HasPrefix(ref, "https://"):
		return ref
	case reJCI.MatchString(ref):
		return "https://wetten.overheid.nl/jci" + ref
	case reCVDRRef.MatchString(ref):
		id, _, _ := strings.Cut(reCVDRRef.FindStringSubmatch(ref)[1], "_")
		return "https://lokaleregelgeving.overheid.nl/" + id
	}
	return ""
}

var (
	reJCI     = regexp.MustCompile(`^\d\.\d:c:BWBR\d+`)
	reCVDRRef = regexp.MustCompile(`^\d\.\d:(CVDR\d+(?:_\d+)?)$`)
)

func (r *reader) regeling(n *node) {
	for _, k := range n.kids {
		switch k.name {
		case "":
		case "aanhef":
			r.aanhef(k)
		case "regeling-tekst":
			r.regelingTekst(k)
		case "regeling-sluiting":
			r.sluiting(k)
		case "toelichting", "algemene-toelichting", "artikelsgewijze-toelichting":
			r.toelichting(k)
		case "bijlage":
			r.bijlage(k)
		default:
			r.warn(k.line, "element <%s> in <regeling> is not read", k.name)
		}
	}
}

// aanhef: every paragraph of the preamble, in order.
func (r *reader) aanhef(n *node) {
	var walk func(*node)
	walk = func(n *node) {
		for _, k := range n.kids {
			switch k.name {
			case "":
			case "al", "tussenkop":
				if t := r.text(k); t != "" {
					r.o.Preamble = append(r.o.Preamble, t)
				}
			case "lijst":
				for _, b := range r.blocks(k) {
					r.o.Preamble = append(r.o.Preamble, b.Items...)
				}
			default:
				walk(k)
			}
		}
	}
	walk(n)
}

// chapterState is the chapter being filled and its current section.
type chapterState struct {
	r       *reader
	ch      *ordinance.Chapter
	section *ordinance.Section
	// idx is the chapter's index in Chapters; intro and sectionIntro
	// gather text pieces, joined once by finish (joining piece by piece
	// would take quadratic time on a hostile file).
	idx          int
	intro        []string
	sectionIntro map[int][]string
}

// finish sets the chapter's and its sections' intros.
func (cs *chapterState) finish() {
	ch := &cs.r.o.Chapters[cs.idx]
	ch.Intro = strings.Join(cs.intro, "\n\n")
	for i, parts := range cs.sectionIntro {
		ch.Sections[i].Intro = strings.Join(parts, "\n\n")
	}
}

func (r *reader) regelingTekst(n *node) {
	var loose *chapterState // articles outside any hoofdstuk
	r.levels(n, &loose)
	if loose != nil {
		loose.finish()
	}
}

// levels reads the children of regeling-tekst or of a level above
// hoofdstuk (deel, titeldeel, boek).
func (r *reader) levels(n *node, loose **chapterState) {
	for _, k := range n.kids {
		switch k.name {
		case "":
			if strings.TrimSpace(k.text) != "" {
				r.warn(k.line, "text outside any element in <%s> is not read", n.name)
			}
		case "hoofdstuk":
			if *loose != nil {
				(*loose).finish()
				*loose = nil
			}
			r.hoofdstuk(k)
		case "deel", "titeldeel", "boek", "titel":
			r.warn(k.line, "level <%s> above hoofdstuk is not in the model; its chapters are read in order", k.name)
			r.levels(k, loose)
		default:
			if *loose == nil {
				r.o.Chapters = append(r.o.Chapters, ordinance.Chapter{Line: k.line})
				*loose = &chapterState{r: r, ch: &r.o.Chapters[len(r.o.Chapters)-1], idx: len(r.o.Chapters) - 1, sectionIntro: map[int][]string{}}
			}
			// The chapter slice may have grown: point at the last one.
			(*loose).ch = &r.o.Chapters[len(r.o.Chapters)-1]
			(*loose).child(k)
		}
	}
}

func (r *reader) hoofdstuk(n *node) {
	number, title := r.kop(n.child("kop"))
	r.o.Chapters = append(r.o.Chapters, ordinance.Chapter{Number: number, Title: title, Line: n.line})
	idx := len(r.o.Chapters) - 1
	cs := &chapterState{r: r, idx: idx, sectionIntro: map[int][]string{}}
	defer cs.finish()
	for _, k := range n.kids {
		if k.name == "kop" || k.name == "" {
			continue
		}
		if k.name == "hoofdstuk" {
			r.warn(k.line, "hoofdstuk inside a hoofdstuk: read as the next chapter")
			r.hoofdstuk(k)
			continue
		}
		cs.ch = &r.o.Chapters[idx]
		cs.child(k)
	}
}

// child reads one child of a hoofdstuk (or of regeling-tekst without
// chapters).
func (cs *chapterState) child(k *node) {
	r := cs.r
	switch k.name {
	case "artikel":
		a := r.article(k)
		r.number(&a)
		cs.ch.Articles = append(cs.ch.Articles, a)
		if cs.section != nil {
			s := &cs.ch.Sections[len(cs.ch.Sections)-1]
			s.Articles = append(s.Articles, a.Number)
		}
	case "paragraaf", "afdeling":
		number, title := r.kop(k.child("kop"))
		cs.ch.Sections = append(cs.ch.Sections, ordinance.Section{Kind: k.name, Number: number, Title: title, Articles: []string{}, Line: k.line})
		cs.section = &cs.ch.Sections[len(cs.ch.Sections)-1]
		for _, kk := range k.kids {
			switch kk.name {
			case "", "kop":
			case "artikel":
				cs.child(kk)
			case "paragraaf", "afdeling", "subparagraaf", "sub-paragraaf":
				r.warn(kk.line, "%s inside a %s: its articles are counted in the outer %s", kk.name, k.name, k.name)
				for _, kkk := range kk.kids {
					if kkk.name == "artikel" {
						cs.child(kkk)
					} else if kkk.name != "" && kkk.name != "kop" {
						cs.sectionText(kkk)
					}
				}
			default:
				cs.sectionText(kk)
			}
		}
		cs.section = nil
	default:
		text := blocksText(r.blocks(k))
		if text == "" {
			return
		}
		if len(cs.ch.Articles) > 0 || len(cs.ch.Sections) > 0 {
			r.warn(k.line, "text <%s> after the articles of a chapter: kept in the chapter's intro", k.name)
		}
		cs.intro = append(cs.intro, text)
	}
}

func (cs *chapterState) sectionText(k *node) {
	i := len(cs.ch.Sections) - 1
	s := &cs.ch.Sections[i]
	if t := blocksText(cs.r.blocks(k)); t != "" {
		if len(s.Articles) > 0 {
			cs.r.warn(k.line, "text <%s> after the articles of a %s: kept in its intro", k.name, s.Kind)
		}
		cs.sectionIntro[i] = append(cs.sectionIntro[i], t)
	}
}

var reLabelNumber = regexp.MustCompile(`^(?i:(?:hoofdstuk|artikel|paragraaf|afdeling|§)\s*)?([0-9]+[a-z]?(?:[.:][0-9]+[a-z]?)*|[IVXLC]+)\b[.:]?\s*(.*)$`)

// kop returns the number and title of a heading: <nr> and <titel>, or,
// where nr is empty, a number at the start of <label> ("1.Parkeren").
func (r *reader) kop(k *node) (number, title string) {
	if k == nil {
		return "", ""
	}
	var label string
	for _, c := range k.kids {
		switch c.name {
		case "nr":
			number = cleanNumber(r.plain(c))
		case "titel":
			title = r.text(c)
		case "label":
			label = r.plain(c)
		}
	}
	if number == "" && label != "" {
		if m := reLabelNumber.FindStringSubmatch(label); m != nil {
			number = cleanNumber(m[1])
			rest := strings.TrimSpace(m[2])
			if title == "" {
				title = rest
			}
		} else if title == "" && !isKindWord(label) {
			title = label
		}
	}
	return number, title
}

func isKindWord(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "hoofdstuk", "artikel", "paragraaf", "afdeling", "§", "bijlage":
		return true
	}
	return false
}

// cleanNumber drops the punctuation printed after or around a number:
// "1." → "1", "(2)" → "2", "a)" → "a".
func cleanNumber(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "(")
	s = strings.TrimRight(s, ".):")
	return strings.TrimSpace(s)
}

func (r *reader) article(n *node) ordinance.Article {
	a := ordinance.Article{Line: n.line, Paragraphs: []ordinance.Paragraph{}}
	a.Number, a.Title = r.kop(n.child("kop"))
	hasLeden := false
	// Text pieces per paragraph, joined once at the end.
	acc := map[int]*textParts{}
	parts := func(i int) *textParts {
		if acc[i] == nil {
			p := &a.Paragraphs[i]
			acc[i] = &textParts{}
			acc[i].text.add(p.Text)
			acc[i].tail.add(p.Tail)
		}
		return acc[i]
	}
	// loose returns the index of the unnumbered paragraph that holds text
	// outside leden.
	loose := func(k *node) int {
		if len(a.Paragraphs) == 0 {
			a.Paragraphs = append(a.Paragraphs, ordinance.Paragraph{Items: []ordinance.Item{}, Line: k.line})
		} else if hasLeden {
			r.warn(k.line, "<%s> in artikel %s outside its leden: kept after lid %s", k.name, orQ(a.Number), orQ(a.Paragraphs[len(a.Paragraphs)-1].Number))
		}
		return len(a.Paragraphs) - 1
	}

	for _, k := range n.kids {
		switch k.name {
		case "", "kop":
		case "lid":
			if !hasLeden && len(a.Paragraphs) > 0 {
				r.warn(k.line, "text in artikel %s before its first lid: kept as an unnumbered paragraph", orQ(a.Number))
			}
			hasLeden = true
			a.Paragraphs = append(a.Paragraphs, r.lid(k))
		case "lijst":
			i := loose(k)
			if tp := parts(i); len(tp.tail) > 0 && !hasLeden {
				// Text, list, text, list: the second list starts a new
				// unnumbered paragraph with the text before it.
				a.Paragraphs = append(a.Paragraphs, ordinance.Paragraph{Items: []ordinance.Item{}, Line: k.line})
				i = len(a.Paragraphs) - 1
				acc[i] = &textParts{text: tp.tail}
				tp.tail = nil
			}
			a.Paragraphs[i].Items = append(a.Paragraphs[i].Items, r.list(k)...)
		case "artikel":
			r.warn(k.line, "artikel inside artikel %s: its text is kept in the outer article", orQ(a.Number))
			inner := r.article(k)
			a.Paragraphs = append(a.Paragraphs, inner.Paragraphs...)
		default:
			t := blocksText(r.blocks(k))
			if t == "" {
				continue
			}
			i := loose(k)
			parts(i).add(&a.Paragraphs[i], t)
		}
	}
	for i, tp := range acc {
		a.Paragraphs[i].Text = tp.text.join()
		a.Paragraphs[i].Tail = tp.tail.join()
	}
	return a
}

func orQ(s string) string {
	if s == "" {
		return "(without number)"
	}
	return s
}

// pieces are paragraphs of text, joined by a blank line once at the end.
type pieces []string

func (ps *pieces) add(s string) {
	if s != "" {
		*ps = append(*ps, s)
	}
}

func (ps pieces) join() string { return strings.Join(ps, "\n\n") }

// textParts gathers the Text and Tail of a lid.
type textParts struct{ text, tail pieces }

// add adds a paragraph of text to a lid: before its onderdelen to Text,
// after them to Tail.
func (tp *textParts) add(p *ordinance.Paragraph, t string) {
	if len(p.Items) > 0 {
		tp.tail.add(t)
	} else {
		tp.text.add(t)
	}
}

func (r *reader) lid(n *node) ordinance.Paragraph {
	p := ordinance.Paragraph{Line: n.line, Items: []ordinance.Item{}}
	var tp textParts
	for _, k := range n.kids {
		switch k.name {
		case "":
			if t := collapse(k.text); t != "" {
				tp.add(&p, t)
			}
		case "lidnr":
			p.Number = cleanNumber(r.plain(k))
		case "lijst":
			if len(tp.tail) > 0 {
				r.warn(k.line, "a second list after text in lid %s: its items follow the first list", orQ(p.Number))
			}
			p.Items = append(p.Items, r.list(k)...)
		default:
			if t := blocksText(r.blocks(k)); t != "" {
				tp.add(&p, t)
			}
		}
	}
	p.Text, p.Tail = tp.text.join(), tp.tail.join()
	return p
}

// bullets are the printed marks of an unlabelled onderdeel.
func isBullet(label string) bool {
	switch label {
	case "", "-", "–", "—", "•", "·", "▪", "◦", "○", "*", "o":
		return true
	}
	return false
}

// list reads a lijst into onderdelen; a nested lijst becomes the Items
// of the li it is in.
func (r *reader) list(n *node) []ordinance.Item {
	items := []ordinance.Item{}
	var texts []pieces // per item, joined once at the end
	for _, k := range n.kids {
		if k.name == "" {
			continue
		}
		if k.name != "li" {
			if t := blocksText(r.blocks(k)); t != "" {
				r.warn(k.line, "<%s> inside a lijst: kept with the previous item", k.name)
				if len(items) == 0 {
					items = append(items, ordinance.Item{Label: "1", Bullet: true, Line: k.line})
					texts = append(texts, nil)
				}
				texts[len(texts)-1].add(t)
			}
			continue
		}
		it := ordinance.Item{Line: k.line}
		var text pieces
		label := strings.TrimSpace(k.attrValue("nr"))
		for _, c := range k.kids {
			switch c.name {
			case "":
				text.add(collapse(c.text))
			case "li.nr":
				label = r.plain(c)
			case "lijst":
				it.Items = append(it.Items, r.list(c)...)
			default:
				if t := blocksText(r.blocks(c)); t != "" {
					if len(it.Items) > 0 {
						r.warn(c.line, "text after a nested list in an item: appended to the item's text")
					}
					text.add(t)
				}
			}
		}
		if isBullet(label) {
			it.Bullet = true
			it.Label = strconv.Itoa(len(items) + 1)
		} else {
			it.Label = cleanNumber(label)
		}
		items = append(items, it)
		texts = append(texts, text)
	}
	for i := range items {
		items[i].Text = texts[i].join()
	}
	return items
}

// blocks reads running text: al → paragraph, tussenkop and kop → heading,
// lijst → list, a CALS table → one paragraph per row (cells joined by
// " | "); other elements are read for their text.
func (r *reader) blocks(n *node) []ordinance.Block {
	var out []ordinance.Block
	var walk func(n *node)
	walk = func(n *node) {
		switch n.name {
		case "":
			if t := collapse(n.text); t != "" {
				out = append(out, ordinance.Block{Kind: ordinance.BlockParagraph, Text: t, Line: n.line})
			}
		case "al", "functie", "naam", "plaats", "datum":
			if t := r.text(n); t != "" {
				out = append(out, ordinance.Block{Kind: ordinance.BlockParagraph, Text: t, Line: n.line})
			}
		case "tussenkop":
			if t := r.text(n); t != "" {
				out = append(out, ordinance.Block{Kind: ordinance.BlockHeading, Text: t, Line: n.line})
			}
		case "kop":
			var parts []string
			for _, c := range n.kids {
				if c.name == "label" || c.name == "nr" || c.name == "titel" {
					if t := r.text(c); t != "" {
						parts = append(parts, t)
					}
				}
			}
			if t := strings.Join(parts, " "); t != "" {
				out = append(out, ordinance.Block{Kind: ordinance.BlockHeading, Text: t, Line: n.line})
			}
		case "lijst":
			b := ordinance.Block{Kind: ordinance.BlockList, Line: n.line}
			var add func(items []ordinance.Item, indent string)
			add = func(items []ordinance.Item, indent string) {
				for _, it := range items {
					t := it.Text
					if !it.Bullet {
						t = it.Label + ") " + t
					}
					b.Items = append(b.Items, indent+t)
					b.ItemLines = append(b.ItemLines, it.Line)
					add(it.Items, indent+"  ")
				}
			}
			add(r.list(n), "")
			if len(b.Items) > 0 {
				out = append(out, b)
			}
		case "table":
			for _, row := range findAll(n, "row", 3) {
				var cells []string
				for _, e := range row.kids {
					if e.name == "entry" {
						cells = append(cells, r.text(e))
					}
				}
				if t := strings.TrimSpace(strings.Join(cells, " | ")); strings.Trim(t, "| ") != "" {
					out = append(out, ordinance.Block{Kind: ordinance.BlockParagraph, Text: t, Line: row.line})
				}
			}
		default:
			for _, k := range n.kids {
				walk(k)
			}
		}
	}
	walk(n)
	return out
}

// findAll returns the descendants named name, at most depth levels down,
// without descending into a match.
func findAll(n *node, name string, depth int) []*node {
	var out []*node
	for _, k := range n.kids {
		if k.name == name {
			out = append(out, k)
		} else if depth > 1 {
			out = append(out, findAll(k, name, depth-1)...)
		}
	}
	return out
}

// blocksText is the plain text of blocks, as Article.Explanation has it:
// blocks separated by a blank line, list items by a newline.
func blocksText(bs []ordinance.Block) string {
	var parts []string
	for _, b := range bs {
		if b.Kind == ordinance.BlockList {
			parts = append(parts, strings.Join(b.Items, "\n"))
		} else {
			parts = append(parts, b.Text)
		}
	}
	return strings.Join(parts, "\n\n")
}

// text is the text of an inline element with its links: extref keeps its
// words in the text and its address in Ordinance.Links.
func (r *reader) text(n *node) string {
	var b strings.Builder
	r.inline(n, &b)
	return collapse(b.String())
}

// plain is the text of an element without recording links (metadata).
func (r *reader) plain(n *node) string {
	var b strings.Builder
	var walk func(*node)
	walk = func(n *node) {
		if n.name == "" {
			b.WriteString(n.text)
		}
		for _, k := range n.kids {
			walk(k)
		}
	}
	walk(n)
	return collapse(b.String())
}

func (r *reader) inline(n *node, b *strings.Builder) {
	switch n.name {
	case "":
		b.WriteString(n.text)
		return
	case "extref", "intref":
		t := r.plain(n)
		if url := n.attrValue("doc"); url != "" && t != "" {
			r.o.Links = append(r.o.Links, ordinance.Reference{Text: t, URL: url})
		}
		b.WriteString(t)
		return
	case "br":
		b.WriteByte(' ')
		return
	}
	for _, k := range n.kids {
		r.inline(k, b)
	}
}

// sluiting reads regeling-sluiting: the slotformulering and the
// ondertekening.
func (r *reader) sluiting(n *node) {
	var lines []string
	var signing []string
	for _, k := range n.kids {
		switch k.name {
		case "":
		case "ondertekening":
			for _, b := range r.blocks(k) {
				signing = append(signing, strings.Split(blocksText([]ordinance.Block{b}), "\n")...)
			}
		default:
			if t := blocksText(r.blocks(k)); t != "" {
				lines = append(lines, t)
			}
		}
	}
	s := &r.o.Signature
	i := 0
	for ; i < len(signing) && !isRole(signing[i]); i++ {
		lines = append(lines, signing[i])
	}
	s.Text = strings.Join(lines, "\n\n")
	for ; i < len(signing); i++ {
		role := strings.TrimRight(strings.TrimSpace(signing[i]), ",:")
		if !isRole(signing[i]) {
			r.warn(n.line, "line %q in the ondertekening follows no role: kept as a name without role", signing[i])
			s.Signatories = append(s.Signatories, ordinance.Signatory{Name: signing[i]})
			continue
		}
		name := ""
		if i+1 < len(signing) && !isRole(signing[i+1]) {
			name = signing[i+1]
			i++
		}
		s.Signatories = append(s.Signatories, ordinance.Signatory{Role: role, Name: name})
	}
}

var reRole = regexp.MustCompile(`^(?i:de|het)\s+\p{Ll}[\p{L} -]{0,40}[,:]?$`)

// isRole reports whether a line of the ondertekening names a role: "de
// voorzitter", "de burgemeester,", "de griffier".
func isRole(s string) bool { return reRole.MatchString(strings.TrimSpace(s)) }

// bijlage: kept as an appendix.
func (r *reader) bijlage(n *node) {
	_, title := r.kop(n.child("kop"))
	var blocks []ordinance.Block
	for _, k := range n.kids {
		if k.name != "kop" {
			blocks = append(blocks, r.blocks(k)...)
		}
	}
	if title == "" {
		title = "Bijlage"
	}
	r.o.Appendices = append(r.o.Appendices, ordinance.Appendix{Title: title, Text: blocksText(blocks), Blocks: blocks})
}

var (
	reExplArticle  = regexp.MustCompile(`^(?i:artikel)\s+([0-9]+[a-z]?(?:[.:][0-9]+[a-z]?)*)[.:]?(?:\s*[-–:]?\s+(.*))?$`)
	reExplGeneral  = regexp.MustCompile(`^(?i:(?:I\.?\s+)?(?:algemeen|algemene toelichting|algemeen deel))$`)
	reExplArticle2 = regexp.MustCompile(`^(?i:(?:II\.?\s+)?(?:artikelsgewijs|artikelsgewijze toelichting|artikelgewijze toelichting|toelichting per artikel))$`)
)

// toelichting reads the explanatory memorandum, in either form: with
// <algemene-toelichting> and <artikelsgewijze-toelichting> holding
// <artikel> elements, or as running text whose headings ("Algemeen",
// "Artikelsgewijze toelichting", "Artikel 1. Begrippen") divide it.
func (r *reader) toelichting(n *node) {
	mode := "general"
	if n.name == "artikelsgewijze-toelichting" {
		mode = "articles"
	}
	var cur *explanation
	flush := func() {
		if cur != nil {
			r.explanations = append(r.explanations, *cur)
			cur = nil
		}
	}
	addBlocks := func(bs []ordinance.Block) {
		for _, b := range bs {
			if b.Kind == ordinance.BlockHeading {
				switch {
				case reExplGeneral.MatchString(b.Text):
					flush()
					mode = "general"
					continue
				case reExplArticle2.MatchString(b.Text):
					flush()
					mode = "articles"
					continue
				case strings.EqualFold(b.Text, "toelichting"):
					continue
				case mode == "articles" && reExplArticle.MatchString(b.Text):
					flush()
					m := reExplArticle.FindStringSubmatch(b.Text)
					cur = &explanation{number: cleanNumber(m[1]), title: strings.TrimSpace(m[2]), line: b.Line}
					continue
				}
			}
			switch {
			case cur != nil:
				cur.blocks = append(cur.blocks, b)
			case mode == "articles":
				if b.Kind == ordinance.BlockHeading && reChapterHeading.MatchString(b.Text) {
					continue // a chapter heading between the explained articles
				}
				r.explIntro.add(blocksText([]ordinance.Block{b}))
			default:
				r.o.GeneralBlocks = append(r.o.GeneralBlocks, b)
			}
		}
	}
	var walk func(n *node)
	walk = func(n *node) {
		for _, k := range n.kids {
			switch k.name {
			case "":
				addBlocks(r.blocks(k))
			case "algemene-toelichting", "algemeen":
				flush()
				mode = "general"
				walk(k)
			case "artikelsgewijze-toelichting", "artikelsgewijs":
				flush()
				mode = "articles"
				walk(k)
			case "artikel":
				flush()
				number, title := r.kop(k.child("kop"))
				e := explanation{number: number, title: title, line: k.line}
				for _, c := range k.kids {
					if c.name != "kop" {
						e.blocks = append(e.blocks, r.blocks(c)...)
					}
				}
				if number == "" {
					r.warn(k.line, "artikel in the toelichting without a number: not attached to an article")
					continue
				}
				r.explanations = append(r.explanations, e)
			case "hoofdstuk", "paragraaf", "afdeling", "toelichting":
				if k.name == "toelichting" || mode != "articles" {
					addBlocks(r.blocks(k.child("kop")))
				}
				for _, c := range k.kids {
					if c.name != "kop" {
						walk(&node{name: "group", kids: []*node{c}})
					}
				}
			case "group":
				walk(k)
			default:
				addBlocks(r.blocks(k))
			}
		}
	}
	walk(n)
	flush()
}

var reChapterHeading = regexp.MustCompile(`^(?i:hoofdstuk|paragraaf|afdeling|§)\s*\S`)

// attachExplanations gives each article its part of the artikelsgewijze
// toelichting.
func (r *reader) attachExplanations() {
	byNumber := map[string]*ordinance.Article{}
	for _, a := range r.o.Articles() {
		if byNumber[a.Number] == nil {
			byNumber[a.Number] = a
		}
	}
	for _, e := range r.explanations {
		a := byNumber[e.number]
		if a == nil {
			r.warn(e.line, "toelichting on artikel %s, which the regulation does not have", e.number)
			continue
		}
		if a.Explanation != "" {
			r.warn(e.line, "a second toelichting on artikel %s: appended to the first", e.number)
		}
		a.ExplanationBlocks = append(a.ExplanationBlocks, e.blocks...)
		a.Explanation = "-" // set below, once per article
		if a.ExplanationTitle == "" {
			a.ExplanationTitle = e.title
		}
		if a.ExplanationLine == 0 {
			a.ExplanationLine = e.line
		}
	}
	for _, a := range byNumber {
		if a.Explanation != "" {
			a.Explanation = blocksText(a.ExplanationBlocks)
		}
	}
}

// number gives an article without a number its position among all
// articles, so that it has a URL and an anchor, with a warning.
func (r *reader) number(a *ordinance.Article) {
	r.count++
	if a.Number != "" {
		if r.used[a.Number] {
			r.warn(a.Line, "a second artikel %s: its URL and anchor are those of the first", a.Number)
		}
		r.used[a.Number] = true
		return
	}
	n := strconv.Itoa(r.count)
	for k := 2; r.used[n]; k++ {
		n = fmt.Sprintf("%d-%d", r.count, k)
	}
	r.used[n] = true
	a.Number = n
	r.warn(a.Line, "artikel without a number: numbered %s (its position) for its URL and anchor", n)
}
