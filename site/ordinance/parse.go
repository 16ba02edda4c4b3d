package ordinance

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/regelgids/regelgids/internal/diag"
	"github.com/regelgids/regelgids/site/legal"
)

// Markers of the published text. The consolidations on overheid.nl write
// "Artikel 6." in the regeling but sometimes "Artikel 6:" in the toelichting,
// leden as a bullet with a number on its own line ("  • 1.") except where an
// article was pasted as "1. De gemeente …" lines, and onderdelen as "• a.".
var (
	reLidMark   = regexp.MustCompile(`^[•·]\s*(\d+[a-z]?)\.?(?:\s+(\S.*))?$`)
	reItemMark  = regexp.MustCompile(`^[•·]\s*(?:([a-z]{1,2})[.)]|[-–])(?:\s+(\S.*))?$`)
	reInlineLid = regexp.MustCompile(`^(\d+)\.\s+(\S.*)$`)
	reLabelled  = regexp.MustCompile(`^([a-z]{1,2})\)\s+(\S.*)$`)
	reBullet    = regexp.MustCompile(`^[•·–-]\s+(\S.*)$`)
)

// line is one non-blank source line.
type line struct {
	no     int    // 1-based line number in the file
	indent int    // leading spaces (a tab counts as four)
	text   string // trimmed
}

// section is the part of the document a line belongs to.
type section int

const (
	secHead section = iota
	secRegeling
	secSignature
	secGeneral
	secArticleNotes
)

// parser reads the published text line by line. It keeps state small: the
// current section, chapter, article, lid and onderdeel.
type parser struct {
	file  string
	doc   *Ordinance
	diags diag.List

	sec      section
	chapter  *Chapter
	article  *Article
	lid      *Paragraph
	item     *Item
	itemMark int // indentation of the current onderdeel marker
	sub      *Item
	subMark  int  // indentation of the current sub-onderdeel marker
	pending  byte // 'l' after a lid marker, 'i' after an item marker, 's' after a sub-item marker, 'd' after a bare dash: the next text is theirs
	sect     *Section

	lines         []line
	idx           int  // index of the line being read
	wti           bool // inside the "Wetstechnische informatie" block
	afterIntitule bool
	titlePending  bool   // after "Artikel 1" alone: the next heading-like line is its title
	defList       bool   // reading unmarked "term: definition" lines as onderdelen
	intitule      string // the title as the Intitulé repeats it, in other spelling

	seenArticles map[string]int // article number → line, in the regeling
	noteArticle  *Article       // article whose toelichting is being read
	noteLines    []line
	generalLines []line
	introLines   []line
	noteSeen     map[string]int
	signature    []line
}

// Parse reads an ordinance as published (plain text from the official
// consolidation) into the model. It returns warnings for irregularities it
// could read past, and a *diag.List of every structural problem (at most
// ten shown).
func Parse(filename string, src []byte) (*Ordinance, []Diagnostic, error) {
	lines, err := splitLines(filename, src)
	if err != nil {
		return nil, nil, err
	}
	p := &parser{
		file:         filename,
		doc:          &Ordinance{},
		diags:        diag.List{Max: maxShown},
		seenArticles: map[string]int{},
		noteSeen:     map[string]int{},
	}
	if err := p.lookalikes(lines); err != nil {
		return nil, nil, err
	}
	lines = p.skipContents(lines)
	p.lines = lines
	for i, l := range lines {
		p.idx = i
		p.line(l)
	}
	p.finish(lines[len(lines)-1].no)

	warns := p.diags.Warnings().Diagnostics
	if errs := p.diags.Errors(); errs.Len() > 0 {
		return nil, warns, errs
	}
	return p.doc, warns, nil
}

// splitLines checks that src is text and returns its non-blank lines.
func splitLines(filename string, src []byte) ([]line, error) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	fail := func(no int, msg string) error {
		errs := newErrors()
		errs.Add(Diagnostic{File: filename, Line: no, Message: msg})
		return errs
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return nil, fail(1+bytes.Count(src[:i], []byte("\n")), "binary file: NUL byte; expected the ordinance as UTF-8 text")
	}
	if !utf8.Valid(src) {
		no := 1
		for i := 0; i < len(src); {
			r, size := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			if r == '\n' {
				no++
			}
			i += size
		}
		return nil, fail(no, "not UTF-8 text (invalid byte sequence); save the file as UTF-8")
	}
	var out []line
	for i, raw := range strings.Split(string(src), "\n") {
		raw = strings.TrimRight(raw, "\r")
		raw = strings.ReplaceAll(raw, "\u00a0", " ")
		indent := 0
		for _, r := range raw {
			if r == ' ' {
				indent++
			} else if r == '\t' {
				indent += 4
			} else {
				break
			}
		}
		text := strings.Join(strings.Fields(raw), " ")
		if text == "" {
			continue
		}
		out = append(out, line{no: i + 1, indent: indent, text: text})
	}
	if len(out) == 0 {
		return nil, fail(1, "empty file: expected the text of an ordinance")
	}
	return out, nil
}

func (p *parser) errorf(no int, format string, args ...any) {
	p.diags.Errorf(p.file, no, format, args...)
}

func (p *parser) warnf(no int, format string, args ...any) {
	p.diags.Warnf(p.file, no, format, args...)
}

func (p *parser) next() (line, bool) {
	if p.idx+1 < len(p.lines) {
		return p.lines[p.idx+1], true
	}
	return line{}, false
}

// skipContents drops an "Inhoudsopgave": the heading and its entries up to
// where the first entry appears again as the real heading.
func (p *parser) skipContents(lines []line) []line {
	for i, l := range lines {
		if l.text != "Inhoudsopgave" && l.text != "Inhoud" && l.text != "INHOUDSOPGAVE" {
			continue
		}
		if i+1 >= len(lines) || !anyHeading(lines[i+1].text) {
			continue
		}
		first := strings.ToLower(lines[i+1].text)
		for j := i + 2; j < len(lines); j++ {
			if strings.ToLower(lines[j].text) == first {
				return append(append([]line{}, lines[:i]...), lines[j:]...)
			}
		}
		p.warnf(l.no, "%s: its first entry %q does not appear again in the text; the entries are read as the text itself", l.text, lines[i+1].text)
		return append(append([]line{}, lines[:i]...), lines[i+1:]...)
	}
	return lines
}

func (p *parser) line(l line) {
	if l.text == "Tekst van de regeling" {
		p.wti = false
		return
	}
	if furniture(l.text) {
		return
	}
	if m := reExpired.FindStringSubmatch(l.text); m != nil {
		p.doc.Metadata.ExpiredOn = isoOf(m[1])
		return
	}
	if m := reRetro.FindStringSubmatch(l.text); m != nil && p.sec == secHead {
		p.doc.Metadata.RetroactiveFrom = isoOf(m[1])
		return
	}
	kind := toelichtingHeading(l.text)
	switch {
	case l.text == "Ondertekening" && p.sec == secRegeling:
		p.sec = secSignature
		return
	case kind == 'g' && (p.sec == secRegeling || p.sec == secSignature):
		p.sec = secGeneral
		return
	case kind == 'a' && (p.sec == secRegeling || p.sec == secSignature || p.sec == secGeneral):
		p.sec = secArticleNotes
		return
	case (l.text == "Algemeen" || l.text == "ALGEMEEN" || kind == 'g') && p.sec == secGeneral && len(p.generalLines) == 0:
		return
	}
	switch p.sec {
	case secHead:
		p.head(l)
	case secRegeling:
		p.regeling(l)
	case secSignature:
		p.signature = append(p.signature, l)
	case secGeneral:
		if h, ok := articleHeading(l.text); ok && p.doc.Article(h.number) != nil {
			// An article heading without "Artikelsgewijze toelichting"
			// above it: the article notes start here.
			p.sec = secArticleNotes
			p.articleNotes(l)
			return
		}
		p.generalLines = append(p.generalLines, l)
	case secArticleNotes:
		p.articleNotes(l)
	}
}

// head reads the title, the validity line, the Wetstechnische informatie
// and the Intitulé.
func (p *parser) head(l line) {
	md := &p.doc.Metadata
	if l.text == "Wetstechnische informatie" {
		p.wti = true
		return
	}
	if p.wti {
		if m := reCiteer.FindStringSubmatch(l.text); m != nil {
			md.CitationTitle = m[1]
		}
		if m := reOfficial.FindStringSubmatch(l.text); m != nil && p.doc.Title == "" {
			p.doc.Title = m[1]
		}
		if m := rePublished.FindString(l.text); m != "" && md.Publication == "" {
			md.Publication = m
		}
		if !anyHeading(l.text) && l.text != "Intitulé" {
			return
		}
		p.wti = false
	}
	if strings.HasPrefix(l.text, "Intitul") {
		p.afterIntitule = true
		return
	}
	afterIntitule := p.afterIntitule
	p.afterIntitule = false
	v, isValidity := legal.ParseValidity(l.text)
	switch {
	case isValidity:
		md.ValidityLine = l.text
		md.ValidFrom = iso(v.From)
		md.ValidUntil = iso(v.Until) // "" for "heden"
		md.RetroactiveFrom = iso(v.Retroactive)
		if !v.Until.IsZero() && v.Until.ISO() < v.From.ISO() {
			p.warnf(l.no, "validity line ends (%s) before it starts (%s)", v.Until.Numeric(), v.From.Numeric())
		}
	case strings.HasPrefix(l.text, "Gemeente ") && p.doc.Title == "" && md.Municipality == "" && len(strings.Fields(l.text)) <= 4:
		md.Municipality = strings.TrimPrefix(l.text, "Gemeente ")
	case p.doc.Title == "":
		p.doc.Title = l.text
	case strings.EqualFold(l.text, p.doc.Title) || l.text == p.intitule:
	case afterIntitule && (l.text == md.CitationTitle || capsHeading(l.text)):
		p.intitule = l.text
	case p.startsRegeling(l):
		p.sec = secRegeling
		p.regeling(l)
	default:
		p.doc.Preamble = append(p.doc.Preamble, l.text)
	}
}

// startsRegeling reports whether l is the first heading of the regeling.
func (p *parser) startsRegeling(l line) bool {
	if anyHeading(l.text) {
		return true
	}
	if n, ok := p.next(); ok && capsHeading(l.text) {
		if _, ok := articleHeading(n.text); ok {
			return true
		}
	}
	if m := reCapsChapter.FindStringSubmatch(l.text); m != nil && m[1] == "1" && capsHeading(m[2]) {
		return true
	}
	return false
}

func (p *parser) regeling(l line) {
	if h, ok := chapterHeading(l.text); ok {
		p.startChapter(l, h.number, h.title)
		return
	}
	if h, ok := sectionHeading(l.text); ok {
		p.startSection(l, h)
		return
	}
	if h, ok := articleHeading(l.text); ok {
		p.startArticle(l, h.number, h.title)
		p.titlePending = h.title == ""
		return
	}
	if p.titlePending {
		p.titlePending = false
		if p.pending == 0 && looksLikeHeading(l.text) && !p.marker(l.text) {
			if n, ok := p.next(); ok && !anyHeading(n.text) {
				p.article.Title = l.text
				return
			}
		}
	}
	// Headings without the word Hoofdstuk: "1. INLEIDENDE BEPALINGEN"
	// where it continues the chapters, "BEGRIPSBEPALINGEN" in capitals
	// before an article.
	if p.pending == 0 {
		if m := reCapsChapter.FindStringSubmatch(l.text); m != nil && capsHeading(m[2]) && m[1] == p.nextChapter() {
			p.startChapter(l, m[1], m[2])
			return
		}
		if n, ok := p.next(); ok && capsHeading(l.text) {
			if _, ok := articleHeading(n.text); ok {
				p.startChapter(l, "", l.text)
				return
			}
		}
	}
	if strings.EqualFold(l.text, p.doc.Title) || l.text == p.intitule {
		return // the title repeated above the articles
	}
	if p.article == nil {
		if p.chapter == nil {
			p.doc.Preamble = append(p.doc.Preamble, l.text)
			return
		}
		if p.marker(l.text) {
			p.errorf(l.no, "%q outside an article: expected an \"Artikel N.\" heading first", l.text)
			return
		}
		p.chapter.Intro = joinText(p.chapter.Intro, l.text, " ")
		return
	}
	a := p.article
	// A bare dash before a lid ("-" then "1. Als …").
	if l.text == "-" || l.text == "–" {
		p.pending = 'd'
		return
	}
	dash := p.pending == 'd'
	if dash {
		p.pending = 0
	}
	// A bullet is a marker even where text was expected: the marker
	// before it was left empty, which closeArticle reports.
	if strings.HasPrefix(l.text, "•") {
		p.pending = 0
	}
	// Sub-onderdelen: "1°", or a numbered or dashed bullet indented under
	// an onderdeel.
	if p.item != nil && p.pending == 0 {
		if m := reSubMark.FindStringSubmatch(l.text); m != nil {
			p.startSub(l, m[1], m[2])
			return
		}
		if l.indent > p.itemMark {
			if m := reLidMark.FindStringSubmatch(l.text); m != nil {
				if m[1] != "1" && len(p.item.Items) == 0 {
					p.warnf(l.no, "article %s: %q indented under onderdeel %s is read as its sub-onderdeel %s; check the indentation", a.Number, l.text, p.item.Label, m[1])
				}
				p.startSub(l, m[1], m[2])
				return
			}
			if m := reDashItem.FindStringSubmatch(l.text); m != nil && !reAnyItem.MatchString(l.text) {
				p.startSub(l, "", m[1])
				return
			}
		}
		if m := reInlineLid.FindStringSubmatch(l.text); m != nil && strings.HasSuffix(p.item.Text, ":") && len(p.item.Items) == 0 && m[1] == "1" ||
			m != nil && len(p.item.Items) > 0 && p.sub != nil && m[1] == nextNumber(p.sub.Label) && !p.sub.Bullet {
			p.startSub(l, m[1], m[2])
			return
		}
	}
	// A marker alone on its line ("• 1.") gives the next line to its lid
	// or onderdeel; some publications put the text on the same line.
	if m := reLidMark.FindStringSubmatch(l.text); m != nil && p.pending == 0 {
		p.startLid(l, m[1], m[2])
		if m[2] == "" {
			p.pending = 'l'
		}
		return
	}
	if m := reParenLid.FindStringSubmatch(l.text); m != nil && p.pending == 0 && p.continuesLeden(m[1]) {
		p.startLid(l, m[1], m[2])
		if m[2] == "" {
			p.pending = 'l'
		}
		return
	}
	if m := reBareLid.FindStringSubmatch(l.text); m != nil && p.pending == 0 && p.continuesLeden(m[1]) {
		p.startLid(l, m[1], "")
		p.pending = 'l'
		return
	}
	if p.pending == 0 {
		if m := reAnyItem.FindStringSubmatch(l.text); m != nil {
			p.startItem(l, m[1])
			p.item.Text = m[2]
			if m[2] == "" {
				p.pending = 'i'
			}
			return
		}
		if m := reDashItem.FindStringSubmatch(l.text); m != nil {
			// "• -", "• ·", "- tekst" and unlabelled "• term: definition"
			// mark an onderdeel without a letter: it is numbered by
			// position so that it still has an anchor.
			p.startItem(l, "")
			p.item.Text = m[1]
			if m[1] == "" {
				p.pending = 'i'
			}
			return
		}
	}
	// Leden pasted as "1. De gemeente …" lines: only at the article's own
	// level and only when the number continues the sequence, so a sentence
	// that happens to start with a number is not taken for a lid.
	if m := reInlineLid.FindStringSubmatch(l.text); m != nil && p.pending == 0 && (l.indent <= 2 || dash) && p.continuesLeden(m[1]) {
		p.startLid(l, m[1], m[2])
		return
	}
	if dash {
		p.startItem(l, "")
		p.item.Text = l.text
		return
	}
	// Definitions without any marker after "… verstaan onder:": each
	// "term: definition" line is an unlabelled onderdeel, also where the
	// term stands on a line of its own ("adres:" then the definition).
	termOnly := strings.HasSuffix(l.text, ":") && len(strings.Fields(l.text)) <= 6
	if p.pending == 0 && p.lid != nil && (reDefLine.MatchString(l.text) || termOnly) && !startsWithDigit(l.text) &&
		(p.item == nil && strings.HasSuffix(p.lid.Text, ":") || p.item != nil && p.item.Bullet && p.defList) {
		p.startItem(l, "")
		p.item.Text = l.text
		p.defList = true
		if termOnly {
			p.pending = 'j'
		}
		return
	}
	switch {
	case p.pending == 'j':
		p.item.Text += " " + l.text
	case p.pending == 's':
		p.sub.Text = l.text
	case p.pending == 'i':
		p.item.Text = l.text
	case p.pending == 'l':
		p.lid.Text = l.text
	case p.sub != nil && l.indent > p.subMark:
		p.sub.Text = joinText(p.sub.Text, l.text, "\n\n")
	case p.sub != nil && l.indent > p.itemMark:
		p.item.Tail = joinText(p.item.Tail, l.text, "\n\n")
	case p.item != nil && l.indent > p.itemMark && p.sub == nil:
		p.item.Text = joinText(p.item.Text, l.text, "\n\n")
	case p.item != nil:
		p.lid.Tail = joinText(p.lid.Tail, l.text, "\n\n")
	case p.lid != nil:
		p.lid.Text = joinText(p.lid.Text, l.text, "\n\n")
	default:
		a.Paragraphs = append(a.Paragraphs, Paragraph{Text: l.text, Line: l.no})
		p.lid = &a.Paragraphs[len(a.Paragraphs)-1]
	}
	p.pending = 0
}

// marker reports whether s starts a lid or an onderdeel.
func (p *parser) marker(s string) bool {
	return reLidMark.MatchString(s) || reAnyItem.MatchString(s) || reDashItem.MatchString(s) || reParenLid.MatchString(s) || reSubMark.MatchString(s)
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// nextChapter is the number the next chapter would have.
func (p *parser) nextChapter() string {
	last := p.lastChapterNumber()
	if last == "" {
		return "1"
	}
	return strconv.Itoa(numberValue(last) + 1)
}

func (p *parser) startSection(l line, h heading) {
	p.closeArticle()
	if p.chapter == nil {
		p.doc.Chapters = append(p.doc.Chapters, Chapter{Line: l.no})
		p.chapter = &p.doc.Chapters[len(p.doc.Chapters)-1]
	}
	p.chapter.Sections = append(p.chapter.Sections, Section{Kind: h.kind, Number: h.number, Title: h.title, Articles: []string{}, Line: l.no})
	p.sect = &p.chapter.Sections[len(p.chapter.Sections)-1]
}

func (p *parser) startSub(l line, label, text string) {
	it := p.item
	bullet := label == ""
	if bullet {
		label = strconv.Itoa(len(it.Items) + 1)
	}
	it.Items = append(it.Items, Item{Label: label, Text: text, Bullet: bullet, Line: l.no})
	p.sub = &it.Items[len(it.Items)-1]
	p.subMark = l.indent
	if text == "" {
		p.pending = 's'
	} else {
		p.pending = 0
	}
}

func (p *parser) continuesLeden(number string) bool {
	n, _ := strconv.Atoi(number)
	ps := p.article.Paragraphs
	if len(ps) == 0 {
		return n == 1
	}
	prev, err := strconv.Atoi(ps[len(ps)-1].Number)
	return err == nil && n == prev+1
}

func (p *parser) startChapter(l line, number, title string) {
	p.closeArticle()
	p.sect = nil
	if number == "" {
		// An unnumbered heading in capitals between articles.
		if n := len(p.doc.Chapters); n == 1 && p.doc.Chapters[0].Number == "" && p.doc.Chapters[0].Title == "" && len(p.doc.Chapters[0].Articles) == 0 {
			p.doc.Chapters = p.doc.Chapters[:0]
		}
		p.doc.Chapters = append(p.doc.Chapters, Chapter{Title: title, Line: l.no})
		p.chapter = &p.doc.Chapters[len(p.doc.Chapters)-1]
		return
	}
	last := p.lastChapterNumber()
	if want := p.nextChapter(); numberValue(number) != numberValue(want) && !isSuffixOf(number, last) {
		p.errorf(l.no, "chapter %s follows %s: expected chapter %s", number, orStart(last), want)
	}
	p.doc.Chapters = append(p.doc.Chapters, Chapter{Number: number, Title: title, Line: l.no})
	p.chapter = &p.doc.Chapters[len(p.doc.Chapters)-1]
}

func (p *parser) lastChapterNumber() string {
	for i := len(p.doc.Chapters) - 1; i >= 0; i-- {
		if n := p.doc.Chapters[i].Number; n != "" {
			return n
		}
	}
	return ""
}

func (p *parser) startArticle(l line, number, title string) {
	p.closeArticle()
	if p.chapter == nil {
		// An ordinance without chapters: keep one unnamed chapter.
		p.doc.Chapters = append(p.doc.Chapters, Chapter{Line: l.no})
		p.chapter = &p.doc.Chapters[len(p.doc.Chapters)-1]
	}
	prev := p.lastArticleNumber()
	if first, ok := p.seenArticles[number]; ok {
		p.errorf(l.no, "article %s appears twice (first at line %d)", number, first)
	} else if wants := nextArticleNumbers(prev, p.chapter.Number); !contains(wants, number) && !isSuffixOf(number, prev) {
		p.errorf(l.no, "article %s follows %s: expected article %s", number, orStart(prev), wants[len(wants)-1])
	}
	p.seenArticles[number] = l.no
	p.chapter.Articles = append(p.chapter.Articles, Article{Number: number, Title: title, Line: l.no})
	p.article = &p.chapter.Articles[len(p.chapter.Articles)-1]
	if p.sect != nil {
		p.sect.Articles = append(p.sect.Articles, number)
	}
}

func (p *parser) lastArticleNumber() string {
	last := ""
	for _, c := range p.doc.Chapters {
		if n := len(c.Articles); n > 0 {
			last = c.Articles[n-1].Number
		}
	}
	return last
}

func (p *parser) startLid(l line, number, text string) {
	a := p.article
	if q := a.Paragraph(number); q != nil {
		p.errorf(l.no, "article %s: lid %s appears twice (first at line %d)", a.Number, number, q.Line)
	} else if n := len(a.Paragraphs); n > 0 && a.Paragraphs[n-1].Number == "" {
		p.warnf(l.no, "article %s: numbered lid %s follows unnumbered text", a.Number, number)
	} else {
		want := "1"
		if n > 0 {
			want = nextNumber(a.Paragraphs[n-1].Number)
		}
		if number != want && !(n > 0 && isSuffixOf(number, a.Paragraphs[n-1].Number)) {
			p.warnf(l.no, "article %s: lid %s where lid %s was expected", a.Number, number, want)
		}
	}
	a.Paragraphs = append(a.Paragraphs, Paragraph{Number: number, Text: text, Line: l.no})
	p.lid = &a.Paragraphs[len(a.Paragraphs)-1]
	p.item, p.sub, p.defList = nil, nil, false
}

func (p *parser) startItem(l line, label string) {
	a := p.article
	if p.lid == nil {
		// Onderdelen directly under the article (Artikel 9): they belong to
		// one unnumbered lid.
		a.Paragraphs = append(a.Paragraphs, Paragraph{Line: l.no})
		p.lid = &a.Paragraphs[len(a.Paragraphs)-1]
	}
	bullet := label == ""
	if bullet {
		label = strconv.Itoa(len(p.lid.Items) + 1)
	} else {
		want := "a"
		if n := len(p.lid.Items); n > 0 {
			prev := p.lid.Items[n-1].Label
			if prev == label {
				p.errorf(l.no, "article %s: onderdeel %s appears twice in the same lid", a.Number, label)
			}
			want = nextLabel(prev)
		}
		if label != want {
			p.warnf(l.no, "article %s: onderdeel %s where onderdeel %s was expected", a.Number, label, want)
		}
	}
	p.lid.Items = append(p.lid.Items, Item{Label: label, Bullet: bullet, Line: l.no})
	p.item = &p.lid.Items[len(p.lid.Items)-1]
	p.itemMark = l.indent
	p.sub = nil
}

func (p *parser) closeArticle() {
	if p.article != nil {
		a := p.article
		if len(a.Paragraphs) == 0 {
			p.errorf(a.Line, "article %s has no text", a.Number)
		}
		if p.pending != 0 {
			p.errorf(a.Line, "article %s ends with an empty lid or onderdeel", a.Number)
		}
		for _, q := range a.Paragraphs {
			for _, it := range q.Items {
				if it.Text == "" && len(it.Items) == 0 {
					p.errorf(it.Line, "article %s: onderdeel %s has no text", a.Number, it.Label)
				}
				for _, s := range it.Items {
					if s.Text == "" {
						p.errorf(s.Line, "article %s: onderdeel %s, sub-onderdeel %s has no text", a.Number, it.Label, s.Label)
					}
				}
			}
			if len(q.Items) == 0 && reRunIn.MatchString(q.Text) {
				p.warnf(q.Line, "article %s: onderdelen run into the text of lid %q (\"…:a. …;b. …\"); they are kept as text: put each on its own line", a.Number, q.Number)
			}
			if q.Text == "" && len(q.Items) == 0 {
				p.errorf(q.Line, "article %s: lid %s has no text", a.Number, q.Number)
			}
		}
	}
	p.article, p.lid, p.item, p.sub, p.pending, p.titlePending, p.defList = nil, nil, nil, nil, 0, false, false
}

// articleNotes reads the artikelsgewijze toelichting.
func (p *parser) articleNotes(l line) {
	if h, ok := chapterHeading(l.text); ok {
		p.closeNote()
		found := false
		for _, c := range p.doc.Chapters {
			found = found || c.Number == h.number
		}
		if !found {
			p.warnf(l.no, "toelichting names chapter %s, which the regeling does not have", h.number)
		}
		return
	}
	if h, ok := articleHeading(l.text); ok {
		m := []string{l.text, h.number, h.title}
		p.closeNote()
		a := p.doc.Article(m[1])
		if a == nil {
			p.errorf(l.no, "toelichting on article %s, which the regeling does not have", m[1])
			return
		}
		if first, ok := p.noteSeen[m[1]]; ok {
			p.errorf(l.no, "toelichting on article %s appears twice (first at line %d)", m[1], first)
			return
		}
		p.noteSeen[m[1]] = l.no
		a.ExplanationTitle = m[2]
		a.ExplanationLine = l.no
		p.noteArticle = a
		return
	}
	if p.noteArticle == nil {
		p.introLines = append(p.introLines, l)
		return
	}
	p.noteLines = append(p.noteLines, l)
}

func (p *parser) closeNote() {
	if p.noteArticle != nil {
		p.noteArticle.ExplanationBlocks = blocks(p.noteLines)
		p.noteArticle.Explanation = blocksText(p.noteArticle.ExplanationBlocks)
	}
	p.noteArticle, p.noteLines = nil, nil
}

func (p *parser) finish(lastLine int) {
	p.closeArticle()
	p.closeNote()
	if len(p.doc.Chapters) == 0 {
		p.errorf(lastLine, "no \"Artikel N.\" heading found: this does not look like an ordinance")
	}
	p.doc.GeneralBlocks = blocks(p.generalLines)
	p.doc.GeneralExplanation = blocksText(p.doc.GeneralBlocks)
	p.doc.ExplanationIntro = blocksText(blocks(p.introLines))
	p.readSignature()
	p.doc.Metadata.InForce = p.entryIntoForce()
	// Lists are always present in JSON, empty rather than null, so
	// consumers need no null checks.
	for _, a := range p.doc.Articles() {
		for i := range a.Paragraphs {
			if a.Paragraphs[i].Items == nil {
				a.Paragraphs[i].Items = []Item{}
			}
		}
	}
}

// readSignature splits the Ondertekening into its sentence and the
// signatories, written as a role line ("de voorzitter") and a name line.
func (p *parser) readSignature() {
	s := &p.doc.Signature
	var rest []line
	for i, l := range p.signature {
		if strings.HasSuffix(l.text, ":") || i == 0 && !startsLower(l.text) {
			s.Text = joinText(s.Text, l.text, " ")
			continue
		}
		rest = p.signature[i:]
		break
	}
	for i := 0; i < len(rest); i++ {
		if startsLower(rest[i].text) && i+1 < len(rest) && !startsLower(rest[i+1].text) {
			s.Signatories = append(s.Signatories, Signatory{Role: rest[i].text, Name: rest[i+1].text})
			i++
			continue
		}
		p.warnf(rest[i].no, "ondertekening: %q is not a role followed by a name", rest[i].text)
	}
	if ds := legal.Dates(s.Text); len(ds) > 0 {
		p.doc.Metadata.Adopted = ds[0].ISO()
	}
}

// entryIntoForce is the date of the first lid that says "… treedt in
// werking op <date>".
func (p *parser) entryIntoForce() string {
	for _, a := range p.doc.Articles() {
		for _, q := range a.Paragraphs {
			if d, ok := legal.InForce(q.Text); ok {
				return d.ISO()
			}
		}
	}
	return ""
}

// blocks turns running toelichting lines into paragraphs, sub-headings and
// lists. A sub-heading is a short line without closing punctuation that is
// followed by more text ("Doelgroep").
func blocks(lines []line) []Block {
	var out []Block
	appendItem := func(text string, no int) {
		if n := len(out); n > 0 && out[n-1].Kind == BlockList {
			out[n-1].Items = append(out[n-1].Items, text)
			out[n-1].ItemLines = append(out[n-1].ItemLines, no)
			return
		}
		out = append(out, Block{Kind: BlockList, Items: []string{text}, Line: no, ItemLines: []int{no}})
	}
	for i, l := range lines {
		switch {
		case reLabelled.MatchString(l.text):
			appendItem(l.text, l.no)
		case reBullet.MatchString(l.text):
			appendItem(reBullet.FindStringSubmatch(l.text)[1], l.no)
		case i+1 < len(lines) && looksLikeHeading(l.text):
			out = append(out, Block{Kind: BlockHeading, Text: l.text, Line: l.no})
		default:
			out = append(out, Block{Kind: BlockParagraph, Text: l.text, Line: l.no})
		}
	}
	return out
}

func looksLikeHeading(s string) bool {
	if len(strings.Fields(s)) > 10 || startsLower(s) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(".:;,!?", last)
}

// blocksText renders blocks as plain text: blocks separated by a blank
// line, list items one per line.
func blocksText(bs []Block) string {
	parts := make([]string, 0, len(bs))
	for _, b := range bs {
		if b.Kind == BlockList {
			parts = append(parts, strings.Join(b.Items, "\n"))
		} else {
			parts = append(parts, b.Text)
		}
	}
	return strings.Join(parts, "\n\n")
}

func joinText(have, add, sep string) string {
	if have == "" {
		return add
	}
	return have + sep + add
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// nextNumber gives the number expected after n: "6" → "7", "8a" → "9",
// "" → "1".
func nextNumber(n string) string {
	digits := strings.TrimRightFunc(n, unicode.IsLetter)
	v, err := strconv.Atoi(digits)
	if err != nil {
		return "1"
	}
	return strconv.Itoa(v + 1)
}

// isSuffixOf reports whether n is an inserted number after prev: "8a" after
// "8", "8b" after "8a".
func isSuffixOf(n, prev string) bool {
	base := strings.TrimRightFunc(n, unicode.IsLetter)
	suffix := n[len(base):]
	if suffix == "" || prev == "" {
		return false
	}
	prevBase := strings.TrimRightFunc(prev, unicode.IsLetter)
	if base != prevBase {
		return false
	}
	prevSuffix := prev[len(prevBase):]
	if prevSuffix == "" {
		return suffix == "a"
	}
	return suffix == nextLabel(prevSuffix)
}

func orStart(n string) string {
	if n == "" {
		return "the start"
	}
	return n
}

// nextLabel gives the onderdeel label after l: "a" → "b", "z" → "aa".
func nextLabel(l string) string {
	if l == "" {
		return "a"
	}
	last := l[len(l)-1]
	if last < 'z' {
		return l[:len(l)-1] + string(last+1)
	}
	return nextLabel(l[:len(l)-1]) + "a"
}

// iso is d as YYYY-MM-DD, "" for no date.
func iso(d legal.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.ISO()
}

// keywords start the lines that give an ordinance its structure. A
// look-alike letter from another script in one of them ("Аrtikel" with a
// Cyrillic А, pasted from a PDF or a word processor) would silently turn a
// heading into text and move every later article.
var keywords = []string{"artikel", "hoofdstuk", "paragraaf", "afdeling", "toelichting", "ondertekening", "algemeen", "lid", "bijlage"}

// lookalikes reports words that mix Latin letters with Cyrillic or Greek
// ones: an error where the word would be a structural keyword, a warning
// elsewhere.
func (p *parser) lookalikes(lines []line) error {
	errs := newErrors()
	for _, l := range lines {
		for i, w := range strings.Fields(l.text) {
			latin, foreign := false, false
			for _, r := range w {
				switch {
				case unicode.Is(unicode.Latin, r):
					latin = true
				case unicode.Is(unicode.Cyrillic, r) || unicode.Is(unicode.Greek, r):
					foreign = true
				}
			}
			if !foreign || !latin && !isKeyword(toLatin(w)) {
				continue
			}
			folded := toLatin(w)
			if i == 0 && isKeyword(folded) {
				errs.Errorf(p.file, l.no, "%q looks like %q but contains a non-Latin letter (%s); retype the word", w, folded, foreignLetters(w))
				continue
			}
			p.warnf(l.no, "%q mixes Latin letters with non-Latin look-alikes (%s); retype the word", w, foreignLetters(w))
		}
	}
	return errs.Err()
}

func isKeyword(w string) bool {
	w = strings.ToLower(strings.TrimRight(w, ".:"))
	for _, k := range keywords {
		if w == k {
			return true
		}
	}
	return false
}

// confusables maps Cyrillic and Greek letters to the Latin letters they
// look like (Unicode's confusables.txt, the letters that occur in Dutch
// words).
var confusables = map[rune]rune{
	'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T', 'Х': 'X', 'У': 'Y', 'І': 'I', 'Ј': 'J', 'Ѕ': 'S',
	'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'і': 'i', 'ј': 'j', 'ѕ': 's', 'һ': 'h', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w',
	'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N', 'Ο': 'O', 'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X',
	'ο': 'o', 'ν': 'v', 'ι': 'i', 'κ': 'k', 'α': 'a', 'τ': 't', 'ρ': 'p', 'υ': 'u',
}

func toLatin(w string) string {
	return strings.Map(func(r rune) rune {
		if l, ok := confusables[r]; ok {
			return l
		}
		return r
	}, w)
}

func foreignLetters(w string) string {
	var out []string
	for _, r := range w {
		if unicode.Is(unicode.Cyrillic, r) || unicode.Is(unicode.Greek, r) {
			script := "Cyrillic"
			if unicode.Is(unicode.Greek, r) {
				script = "Greek"
			}
			out = append(out, fmt.Sprintf("%s %c U+%04X", script, r, r))
		}
	}
	return strings.Join(out, ", ")
}
