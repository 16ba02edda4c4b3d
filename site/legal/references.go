package legal

import (
	"regexp"
	"strconv"
	"strings"
)

// Reference is a reference in running text to articles, leden or
// onderdelen: "artikel 17", "artikel 3, vierde lid", "lid 2 onder a",
// "artikelen 8a, eerste lid, aanhef en onder a, c en e", "(eerste en
// tweede lid)", "artikel 10d van de wet".
type Reference struct {
	// Span is the reference as written, without the law it names:
	// "artikel 10d" in "artikel 10d van de wet".
	Span
	// Targets are the places referred to, one per article, lid or
	// onderdeel, in the order written. "artikel 3 tot en met 5" has
	// three; "leden 1 en 2", without an article, two with Article "".
	Targets []Target
	// Law is the law the reference belongs to when the words right after
	// it name one ("van de wet", "van de Participatiewet", "uit de Awb",
	// "van het Besluit …"): "wet", "Participatiewet", "Awb", "Besluit".
	// "" for a reference to the regulation itself.
	Law string
}

// Target is one place a reference points at. Article is "" for a
// reference to a lid of the article at hand ("het derde lid"); Lid is ""
// for a whole article; Item is the onderdeel's letter or "". Aanhef marks
// the opening words of the lid (or article) before its onderdelen ("lid 1,
// aanhef en onder a" is two targets: the aanhef and onderdeel a).
type Target struct {
	Article string
	Lid     string
	Item    string
	Aanhef  bool
}

// Ordinals are the ordinal words a lid is named by, "eerste" (1) to
// "twintigste" (20): "het derde lid".
var Ordinals = [20]string{"eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende", "tiende",
	"elfde", "twaalfde", "dertiende", "veertiende", "vijftiende", "zestiende", "zeventiende", "achttiende", "negentiende", "twintigste"}

// Ordinal returns the number of an ordinal word ("derde" → 3), 0 for any
// other word.
func Ordinal(word string) int {
	word = strings.ToLower(word)
	for i, w := range Ordinals {
		if w == word {
			return i + 1
		}
	}
	return 0
}

// The grammar of a reference. Keywords are matched in any case; numbers
// are an article number ("17", "10d", "2.1", "1:2"), a lid number ("2",
// "2a"), an onderdeel letter ("a").
const (
	artNum   = `\d+[a-z]?(?:[.:]\d+[a-z]?)*\b`
	lidNum   = `\d+[a-z]?\b`
	label    = `[a-z]\b`
	listSep  = `(?:\s*,\s+(?:(?:en|of)\s+)?|\s+(?:en|of)\s+)` // ", ", ", en ", " en ", " of " (not "2,5")
	rangeSep = `\s+(?:tot\s+en\s+met|t/m)\s+`                 // " tot en met ", " t/m "
	partSep  = `(?:\s*,\s*|\s+)(?:(?:en|of)\s+)?`             // " ", ", ", " en ", ", en "
)

var (
	ordinal = `(?:` + strings.Join(Ordinals[:], "|") + `)\b`
	// lidPart is "lid 2", "leden 1 en 2", "leden 1 tot en met 3", "het
	// derde lid" (without "het"), "eerste en tweede lid".
	lidPart = `(?:(?:lid|leden)\s+` + lidNum + `(?:(?:` + listSep + `|` + rangeSep + `)` + lidNum + `)*` +
		`|` + ordinal + `(?:` + listSep + ordinal + `)*\s+lid\b)` // not "de eerste leden": members
	// itemPart is "onderdeel a", "onder a, c en e", "sub b", "onderdelen a
	// tot en met d".
	itemPart = `(?:onderdelen|onderdeel|onder|sub)\s+` + label + `(?:(?:` + listSep + `|` + rangeSep + `)` + label + `)*`
	part     = `(?:` + lidPart + `|` + itemPart + `|aanhef\b)`
	// article is one article number or a range, with its parts.
	article = artNum + `(?:` + rangeSep + artNum + `)?(?:` + partSep + part + `)*`

	reference = `\b(?:(?:artikelen|artikel)\s+|art\.\s*)` + article + `(?:` + listSep + article + `)*` + // artikel 3, vierde lid
		`|\b` + lidPart + `(?:` + partSep + part + `)*` + // lid 2 onder a
		`(?:\s+van\s+(?:het\s+)?(?:artikel\s+|art\.\s*)` + artNum + `)?` // … van artikel 6
	reReference = regexp.MustCompile(`(?i)` + reference)
	// reReferenceAt is reReference matched only at the start of the text:
	// referenceSpans tries it where a reference can start.
	reReferenceAt = regexp.MustCompile(`(?i)^(?:` + reference + `)`)

	// lawName is "wet", a name ending in "wet" or "besluit"
	// (Participatiewet, Gemeentewet, Wet, Besluit, Bijstandsbesluit), the
	// Algemene wet bestuursrecht, or a law's abbreviation.
	lawName = `algemene\s+wet(?:\s+bestuursrecht)?|\p{L}*(?:wet|besluit)|awb|wia|anw|ww|wmo|wajong|ioaw|ioaz|bbz|wsw|wlz|zvw|wao`
	reLaw   = regexp.MustCompile(`(?i)^(?:\s*,)?\s+(?:van|uit)\s+(?:de|het)\s+(` + lawName + `)\b`)

	// reToken splits a matched reference into its words.
	reToken = regexp.MustCompile(`(?i)t/m|art\.|\d+[a-z]?(?:[.:]\d+[a-z]?)*|\p{L}+`)
)

// References returns the references in s, in text order. A reference starts
// with "artikel", "artikelen" or "art.", or with a lid ("lid 2", "leden 1
// en 2", "het derde lid"), and goes on as long as the words go on naming
// articles, leden ("lid 2", "tweede lid"), onderdelen ("onderdeel a",
// "onder a", "sub a") and "aanhef", in lists ("1, 2 en 3", "a of b") and
// ranges ("3 tot en met 5", "1 t/m 3"). "lid 2 van artikel 6" is one
// reference. Words right after a reference that name a law set its Law.
//
// Numbers after "lid" go on as leden ("artikel 6 lid 2, 3" is leden 2 and
// 3); after an ordinal lid or an onderdeel a number is the next article
// ("artikelen 34a, vijfde lid, onderdeel b, 35").
func References(s string) []Reference {
	var out []Reference
	for _, m := range referenceSpans(s) {
		r := Reference{Span: span(s, m[0], m[1])}
		r.Targets = targets(r.Text)
		if len(r.Targets) == 0 {
			continue
		}
		if l := reLaw.FindStringSubmatch(s[m[1]:]); l != nil {
			r.Law = l[1]
		}
		out = append(out, r)
	}
	return out
}

// referenceSpans is reReference.FindAllStringIndex(s, -1), the same
// spans found faster: the expression is tried only where a word starts
// with the first three letters of a keyword ("art", "lid", "led" or an
// ordinal), instead of letting the regexp engine walk every byte of
// every article, which took most of the time References takes. A match
// of reReference starts there and nowhere else: each alternative opens
// with \b and a keyword. The letters are compared in ASCII; (?i) also
// folds "ſ" (U+017F) to "s" and "K" (U+212A) to "k", so a text with
// either is left to the full expression.
func referenceSpans(s string) [][]int {
	if strings.ContainsAny(s, "\u017f\u212a") {
		return reReference.FindAllStringIndex(s, -1)
	}
	var out [][]int
	for i := 0; i+3 <= len(s); i++ {
		if i > 0 && isWordByte(s[i-1]) || !referenceStart(s[i:i+3]) {
			continue
		}
		if m := reReferenceAt.FindStringIndex(s[i:]); m != nil {
			out = append(out, []int{i, i + m[1]})
			i += m[1] - 1 // the next match starts after this one, as in FindAll
		}
	}
	return out
}

// referenceStarts are the first three letters of every word a reference
// can start with: artikel, artikelen, art., lid, leden and the ordinals.
var referenceStarts = func() map[string]bool {
	m := map[string]bool{"art": true, "lid": true, "led": true}
	for _, w := range Ordinals {
		m[w[:3]] = true
	}
	return m
}()

// referenceStart reports whether three bytes are, in any case, the start
// of a keyword.
func referenceStart(b string) bool {
	var low [3]byte
	for i := range low {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	return referenceStarts[string(low[:])]
}

// isWordByte reports whether c is a word character of \b: an ASCII
// letter, digit or underscore. A byte of a multi-byte character is not.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// targets reads the targets of one matched reference, word by word.
func targets(text string) []Target {
	t := targetReader{mode: modeArticle}
	words := reToken.FindAllString(text, -1)
	for i := 0; i < len(words); i++ {
		w := strings.ToLower(words[i])
		switch {
		case w == "artikel" || w == "artikelen" || w == "art.":
			t.mode = modeArticle
		case w == "lid" || w == "leden":
			if len(t.ords) > 0 { // "eerste en tweede lid"
				t.startLeden(t.ords)
				t.ords, t.mode = nil, modeArticle
			} else {
				t.mode, t.newGroup = modeLid, true
			}
		case w == "onderdeel" || w == "onderdelen" || w == "onder" || w == "sub":
			t.mode = modeItem
		case w == "aanhef":
			t.aanhef()
			t.mode = modeArticle
		case w == "tot" && i+2 < len(words) && strings.EqualFold(words[i+1], "en") && strings.EqualFold(words[i+2], "met"):
			t.toNext = true
			i += 2
		case w == "t/m":
			t.toNext = true
		case Ordinal(w) > 0:
			t.ords = append(t.ords, strconv.Itoa(Ordinal(w)))
		case w[0] >= '0' && w[0] <= '9':
			t.number(words[i])
		case len(w) == 1 && t.mode == modeItem:
			t.items(words[i])
		}
		// "en", "of", "van", "het": only joining words.
	}
	return t.finish()
}

type mode int

const (
	modeArticle mode = iota // numbers are articles
	modeLid                 // numbers are leden, after "lid" or "leden"
	modeItem                // letters are onderdelen, after "onderdeel"
)

// targetReader builds targets from the words of a reference: an article,
// its leden, their onderdelen; each a list.
type targetReader struct {
	out      []Target
	mode     mode
	newGroup bool     // the next lid starts a new group ("lid" was just read)
	toNext   bool     // the next number or letter ends a range
	ords     []string // ordinal leden waiting for "lid"
	article  string   // the current article ("" before one is named)
	parts    bool     // the current article has leden, onderdelen or aanhef
	leden    []string // the current group of leden
	used     bool     // the current leden have onderdelen or an aanhef
	lastItem string
}

// number reads a number: an article, or a lid after "lid".
func (t *targetReader) number(n string) {
	if t.mode == modeLid {
		switch {
		case t.toNext && len(t.leden) > 0:
			t.leden = append(t.leden, expand(t.leden[len(t.leden)-1], n)[1:]...)
		case t.newGroup:
			t.startLeden([]string{n})
		default:
			t.leden = append(t.leden, n)
		}
		t.leden = t.leden[:min(len(t.leden), MaxTargets)]
		t.toNext, t.newGroup = false, false
		return
	}
	if t.article == "" && (len(t.out) > 0 || len(t.leden) > 0) {
		// "lid 2 van artikel 6": the leden so far are of article 6.
		t.flushLeden()
		for i := range t.out {
			t.out[i].Article = n
		}
		t.article, t.parts = n, true
		t.mode = modeArticle
		return
	}
	ns := []string{n}
	if t.toNext && t.article != "" {
		ns = expand(t.article, n)[1:]
	}
	t.toNext = false
	for _, n := range ns {
		t.startArticle(n)
	}
	t.mode = modeArticle
}

// items reads an onderdeel letter.
func (t *targetReader) items(l string) {
	ls := []string{l}
	if t.toNext && t.lastItem != "" {
		ls = expand(t.lastItem, l)[1:]
	}
	t.toNext = false
	for _, l := range ls {
		t.each(Target{Item: l})
	}
	t.lastItem = l
}

func (t *targetReader) aanhef() { t.each(Target{Aanhef: true}) }

// each adds x (an onderdeel or aanhef) for each lid of the current group,
// or for the article itself when it has none.
func (t *targetReader) each(x Target) {
	x.Article = t.article
	if len(t.leden) == 0 {
		t.add(x)
	}
	for _, l := range t.leden {
		x.Lid = l
		t.add(x)
	}
	t.used, t.parts = true, true
}

// MaxTargets is the most targets a reference has; the rest of a longer
// one ("leden 1 tot en met 100, onder a tot en met z") is dropped, so a
// hostile text cannot make a short reference take much memory.
const MaxTargets = 500

func (t *targetReader) add(x Target) {
	if len(t.out) < MaxTargets {
		t.out = append(t.out, x)
	}
}

func (t *targetReader) startArticle(n string) {
	t.flushArticle()
	t.article, t.parts, t.leden, t.used = n, false, nil, false
}

func (t *targetReader) startLeden(ls []string) {
	t.flushLeden()
	t.leden, t.used, t.parts = ls, false, true
}

// flushLeden adds the leden of the current group that had no onderdelen.
func (t *targetReader) flushLeden() {
	if !t.used {
		for _, l := range t.leden {
			t.add(Target{Article: t.article, Lid: l})
		}
	}
	t.leden, t.used = nil, false
}

// flushArticle adds the current article when nothing more was named of
// it.
func (t *targetReader) flushArticle() {
	t.flushLeden()
	if t.article != "" && !t.parts {
		t.add(Target{Article: t.article})
	}
}

func (t *targetReader) finish() []Target {
	t.flushArticle()
	return t.out
}

// maxRange is the longest range expanded into its members; a longer one
// ("artikel 1 tot en met 9999") keeps only its ends.
const maxRange = 100

// expand lists a range from its first to its last member: "3", "5" → 3,
// 4, 5; "a", "d" → a, b, c, d; "3a", "3c" → 3a, 3b, 3c. A range it cannot
// count is its two ends.
func expand(from, to string) []string {
	out := []string{from}
	fromBase, fromSuffix := splitNumber(from)
	toBase, toSuffix := splitNumber(to)
	switch {
	case fromSuffix == "" && toSuffix == "" && fromBase != "" && toBase != "":
		a, errA := strconv.Atoi(fromBase)
		b, errB := strconv.Atoi(toBase)
		if errA != nil || errB != nil || b <= a || b-a > maxRange {
			break
		}
		for n := a + 1; n < b; n++ {
			out = append(out, strconv.Itoa(n))
		}
	case fromBase == toBase && len(fromSuffix) == 1 && len(toSuffix) == 1 && sameCase(fromSuffix[0], toSuffix[0]) && fromSuffix < toSuffix:
		for c := fromSuffix[0] + 1; c < toSuffix[0]; c++ {
			out = append(out, fromBase+string(c))
		}
	}
	return append(out, to)
}

// splitNumber splits "3a" into "3" and "a", "a" into "" and "a".
func splitNumber(s string) (string, string) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i], s[i:]
}

// sameCase reports whether a and b are both lower-case or both upper-case
// ASCII letters.
func sameCase(a, b byte) bool {
	lower := func(c byte) bool { return c >= 'a' && c <= 'z' }
	upper := func(c byte) bool { return c >= 'A' && c <= 'Z' }
	return lower(a) && lower(b) || upper(a) && upper(b)
}

// Leden returns the leden the reference names of article ("" for the
// article at hand), each once, in order; none for a whole article.
func (r Reference) Leden(article string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range r.Targets {
		if t.Article == article && t.Lid != "" && !seen[t.Lid] {
			seen[t.Lid] = true
			out = append(out, t.Lid)
		}
	}
	return out
}

// String writes the reference in one standard form that References reads
// back to the same targets and law: "artikel 6, tweede lid, onderdeel a,
// 7 van de wet", "derde lid".
func (r Reference) String() string {
	var b strings.Builder
	sep := func() {
		if b.Len() > 0 {
			b.WriteString(", ")
		}
	}
	var prev Target
	for i, t := range r.Targets {
		newArticle := i == 0 || t.Article != prev.Article || prev.bare() || t.bare() || t.Lid == "" && prev.Lid != ""
		if newArticle && t.Article != "" {
			if i == 0 {
				b.WriteString("artikel ")
			} else {
				sep()
			}
			b.WriteString(t.Article)
		}
		if t.Lid != "" && (newArticle || t.Lid != prev.Lid || prev.bareLid() || t.bareLid()) {
			sep()
			b.WriteString(lidName(t.Lid))
		}
		switch {
		case t.Aanhef:
			sep()
			b.WriteString("aanhef")
		case t.Item != "":
			sep()
			b.WriteString("onderdeel " + t.Item)
		}
		prev = t
	}
	if r.Law != "" {
		b.WriteString(" van de " + r.Law)
	}
	return b.String()
}

// bare reports whether t is a whole article; bareLid whether it is a
// whole lid.
func (t Target) bare() bool    { return t.Lid == "" && t.Item == "" && !t.Aanhef }
func (t Target) bareLid() bool { return t.Lid != "" && t.Item == "" && !t.Aanhef }

// lidName is "tweede lid" for lid 1 to 20, else "lid 25", "lid 2a": after
// an ordinal lid, a number is the next article.
func lidName(l string) string {
	if n, err := strconv.Atoi(l); err == nil && n >= 1 && n <= len(Ordinals) && strconv.Itoa(n) == l {
		return Ordinals[n-1] + " lid"
	}
	return "lid " + l
}
