package ordinance

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/regelgids/regelgids/site/legal"
)

// The heading forms of published texts. A title after the number is
// separated by ".", ":", "-" or only a space; after a space alone it must
// start with a capital and not end as a sentence does, so that "Artikel 10
// van de wet …" stays text.
const (
	artNumber = `(\d+(?:[.:]\d+)*[a-z]?)`
	secNumber = `(\d+(?:\.\d+)*[a-z]?|[IVXLC]+)`
	titleTail = `(?:\s*[.:]\s*[-–]?\s*(\S.*)|\s+[-–]\s*(\S.*)|\s+(\p{Lu}.*[^.;,:]|\p{Lu})|\s*[.:]?)$`
)

var (
	reArticleHead = regexp.MustCompile(`^A(?i:rtikel)\s*` + artNumber + titleTail)
	reChapterHead = regexp.MustCompile(`^(?:H(?i:oofdstuk)|T(?i:iteldeel))\s*` + secNumber + titleTail)
	reSectionHead = regexp.MustCompile(`^(?:(P(?i:aragraaf)|A(?i:fdeling))\s*` + secNumber + `|(§)\s*` + secNumber + `?)` + titleTail)
	// "1. INLEIDENDE BEPALINGEN": a numbered heading in capitals.
	reCapsChapter = regexp.MustCompile(`^(\d+)\.?\s+(\P{Ll}+)$`)

	reParenLid  = regexp.MustCompile(`^\((\d+[a-z]?)\)(?:\s+(\S.*))?$`)
	reBareLid   = regexp.MustCompile(`^(\d+)\.$`)
	reSubMark   = regexp.MustCompile(`^(?:[•·]\s*)?(\d+)°\s*(\S.*)?$`)
	reAnyItem   = regexp.MustCompile(`^(?:[•·\-–]\s*)?([a-z]{1,2})[.)](?:\s+(\S.*))?$`)
	reDashItem  = regexp.MustCompile(`^(?:[•·]\s*[-–·•]?|[-–])(?:\s+(\S.*))?$`)
	reDefLine   = regexp.MustCompile(`^[^:]{1,60}:\s*\S`)
	rePublished = regexp.MustCompile(`\bgmb-\d{4}-\d+\b`)
	reExpired   = regexp.MustCompile(`^Regeling vervallen per (\d{1,2}-\d{1,2}-\d{4})$`)
	reRetro     = regexp.MustCompile(`^met terugwerkende kracht vanaf (\d{1,2}-\d{1,2}-\d{4})$`)
	reCiteer    = regexp.MustCompile(`^Citeertitel\s*(\S.*)$`)
	reOfficial  = regexp.MustCompile(`^Officiële naam regeling\s*(\S.*)$`)
	reURL       = regexp.MustCompile(`^https?://\S+$`)
	// Onderdelen run into the lid's text: "onder:a. Openbare …;b. Weg: …".
	reRunIn = regexp.MustCompile(`[:;]\s?(?:a|1)[.)]\s?\S.*[;.]\s?(?:b|2)[.)]\s?\S`)
)

// heading is a recognised article, chapter or section heading.
type heading struct {
	kind   string // "artikel", "hoofdstuk", "paragraaf", "afdeling"
	number string
	title  string
}

func titleOf(m []string, from int) string {
	for _, s := range m[from:] {
		if s != "" {
			return s
		}
	}
	return ""
}

func articleHeading(s string) (heading, bool) {
	m := reArticleHead.FindStringSubmatch(s)
	if m == nil {
		return heading{}, false
	}
	return heading{"artikel", m[1], titleOf(m, 2)}, true
}

func chapterHeading(s string) (heading, bool) {
	m := reChapterHead.FindStringSubmatch(s)
	if m == nil {
		return heading{}, false
	}
	return heading{"hoofdstuk", m[1], titleOf(m, 2)}, true
}

func sectionHeading(s string) (heading, bool) {
	m := reSectionHead.FindStringSubmatch(s)
	if m == nil {
		return heading{}, false
	}
	if m[3] == "§" {
		return heading{"paragraaf", m[4], titleOf(m, 5)}, true
	}
	return heading{strings.ToLower(m[1]), m[2], titleOf(m, 5)}, true
}

func anyHeading(s string) bool {
	_, a := articleHeading(s)
	_, c := chapterHeading(s)
	_, p := sectionHeading(s)
	return a || c || p
}

// capsHeading reports an unnumbered heading in capitals ("BEGRIPSBEPALINGEN").
func capsHeading(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	last := s[len(s)-1]
	return letters >= 4 && !strings.ContainsRune(".:;,!?\"”", rune(last)) && len(strings.Fields(s)) <= 8 && !strings.ContainsAny(s, "\"“”")
}

// furniture is text of the publishing website, never part of the
// regulation.
func furniture(s string) bool {
	switch {
	case s == "Permanente link", s == "Ga naar de inhoud", s == "Naar de actuele versie van de regeling",
		s == "Naar de door u bekeken versie", s == "Tekst van de regeling", s == "Zoek regelingen op overheid.nl",
		strings.HasPrefix(s, "Ziet u een fout in deze regeling?"), reURL.MatchString(s):
		return true
	}
	return false
}

// toelichtingHeading classifies the headings that start the toelichting:
// 'g' for the general part, 'a' for the artikelsgewijze part.
func toelichtingHeading(s string) byte {
	t := strings.ToLower(strings.TrimRight(s, ".:"))
	switch t {
	case "toelichting", "algemene toelichting", "toelichting algemeen", "i algemeen", "i. algemeen", "algemene toelichting en artikelsgewijze toelichting":
		return 'g'
	case "artikelsgewijze toelichting", "ii artikelsgewijs", "ii. artikelsgewijs", "artikelsgewijs", "ii artikelsgewijze toelichting", "ii. artikelsgewijze toelichting", "toelichting per artikel", "artikelgewijze toelichting":
		return 'a'
	}
	return 0
}

// romanValue reads a Roman numeral ("II" → 2), 0 when s is none.
func romanValue(s string) int {
	vals := map[rune]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100}
	total, prev := 0, 0
	for i := len(s) - 1; i >= 0; i-- {
		v, ok := vals[rune(s[i])]
		if !ok {
			return 0
		}
		if v < prev {
			total -= v
		} else {
			total += v
			prev = v
		}
	}
	return total
}

// numberValue is the chapter number as an integer: "2" → 2, "II" → 2, "2a" → 2.
func numberValue(s string) int {
	if v := romanValue(s); v > 0 {
		return v
	}
	v, _ := strconv.Atoi(strings.TrimRightFunc(s, unicode.IsLetter))
	return v
}

// nextArticleNumbers are the numbers an article may have after prev: the
// next integer, or for decimal numbering ("2.1", "1:2") the next in the
// same chapter or the first of the next; chapter, when known, admits its
// own first article ("3.1" at the start of hoofdstuk 3).
func nextArticleNumbers(prev, chapter string) []string {
	var out []string
	if chapter != "" {
		for _, sep := range []string{".", ":"} {
			out = append(out, strconv.Itoa(numberValue(chapter))+sep+"1")
		}
	}
	if prev == "" {
		return append(out, "1", "1.1", "1:1")
	}
	base := strings.TrimRightFunc(prev, unicode.IsLetter)
	if i := strings.LastIndexAny(base, ".:"); i >= 0 {
		head, tail := base[:i], base[i+1:]
		n, _ := strconv.Atoi(tail)
		out = append(out, head+base[i:i+1]+strconv.Itoa(n+1))
		if j := strings.LastIndexAny(head, ".:"); j < 0 {
			h, _ := strconv.Atoi(head)
			out = append(out, strconv.Itoa(h+1)+base[i:i+1]+"1")
		}
		return out
	}
	return append(out, nextNumber(prev))
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// isoOf reads one DD-MM-YYYY date as YYYY-MM-DD, "" when it is none.
func isoOf(s string) string {
	d, err := legal.ParseDate(s)
	if err != nil {
		return ""
	}
	return d.ISO()
}
