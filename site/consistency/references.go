package consistency

import (
	"fmt"
	"math"
	"regexp"
	"strings"

	"github.com/regelgids/regelgids/site/legal"
)

// References in the toelichting (legal.References): "artikel 18", "artikel
// 10d lid 2", "(lid 5)", "in het derde lid", "(eerste en tweede lid)". A
// reference followed by "van de wet", "van de Participatiewet" or another
// law is about that law and is not checked.
//
// A reference is reported when the article or lid does not exist, or when
// it does not say what the sentence claims. For the second the sentence
// (with the sentence before it when it has fewer than three content words)
// is compared by content-word overlap (text.go) with the cited lid and with
// the other leden of the same article (for a lid) or with the leden of the
// article being explained (for another article). It is reported only when
// another lid scores at least twice as high and more by at least 0.9 ×
// ln(number of leden), about the weight of a word that only one lid uses:
// a clear difference, not a close call.
const gainFactor = 0.9

// ref is a reference of a toelichting sentence to this ordinance.
type ref struct {
	text    string   // as written: "artikel 18", "lid 5" in "(lid 5)"
	article string   // "" for the article being explained
	leden   []string // lid numbers, none for a whole article
}

// refsIn returns the references of a sentence to this ordinance: those of
// legal.References that name no law. A reference to several articles
// counts as one to its first.
func refsIn(s string) []ref {
	var out []ref
	for _, r := range legal.References(s) {
		if r.Law != "" {
			continue
		}
		article := r.Targets[0].Article
		out = append(out, ref{text: r.Text, article: article, leden: r.Leden(article)})
	}
	return out
}

// namesArticle reports whether text refers to article n; of a law when
// law is set.
func namesArticle(text, n string, law bool) bool {
	for _, r := range legal.References(text) {
		if law && r.Law == "" {
			continue
		}
		for _, t := range r.Targets {
			if t.Article == n {
				return true
			}
		}
	}
	return false
}

// citedLeden returns the leden of the article that a sentence of its
// toelichting cites.
func (c *checker) citedLeden(article, s string) []*lid {
	var out []*lid
	for _, r := range refsIn(s) {
		if r.article != "" && r.article != article {
			continue
		}
		for _, n := range r.leden {
			if l := c.lidByNumber(article, n); l != nil {
				out = append(out, l)
			}
		}
	}
	return out
}

// bestLid returns the lid among candidates (except skip) with the highest
// overlap with passage, or nil when none shares a word.
func (c *checker) bestLid(passage map[string]string, candidates []*lid, skip map[*lid]bool) (*lid, float64) {
	var best *lid
	bestScore := 0.0
	for _, l := range candidates {
		if skip[l] {
			continue
		}
		if score, _ := c.overlap(passage, l); score > bestScore {
			best, bestScore = l, score
		}
	}
	return best, bestScore
}

func (c *checker) references() []Finding {
	var out []Finding
	for _, a := range c.doc.Articles() {
		notes := c.notes[a.Number]
		for i, s := range notes {
			refs := refsIn(s.text)
			if len(refs) == 0 {
				continue
			}
			passage := stems(s.text)
			if len(passage) < 3 && i > 0 {
				for k, v := range stems(notes[i-1].text) {
					passage[k] = v
				}
			}
			// "… in het derde lid. Hier staat een opsomming …": the next
			// sentence goes on about the lid.
			if i+1 < len(notes) && continues(notes[i+1].text) {
				for k, v := range stems(notes[i+1].text) {
					passage[k] = v
				}
			}
			for _, r := range refs {
				if f, ok := c.checkRef(a.Number, s, r, passage); ok {
					out = append(out, f)
				}
			}
		}
	}
	return out
}

// continues reports whether a sentence goes on about the lid the sentence
// before it cited.
func continues(s string) bool {
	for _, p := range []string{"Hier ", "Daar ", "Dit lid ", "Dat lid ", "In dat lid ", "In dit lid "} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func (c *checker) checkRef(own string, s sentence, r ref, passage map[string]string) (Finding, bool) {
	target := r.article
	if target == "" {
		target = own
	}
	f := Finding{Kind: "reference", Article: own, Toelichting: noteQuote(s)}
	if c.doc.Article(target) == nil {
		// Not in this ordinance. Is it an article of the wet that the
		// toelichting cites without saying so?
		if l := c.lawMention(target, passage); l != nil {
			f.Regeling = itemQuote(l, func(text string) bool { return namesArticle(text, target, false) })
			at := where(l)
			if f.Regeling.Line != l.line {
				at += ", onderdeel " + itemLabel(l, f.Regeling.Line)
			}
			f.Message = fmt.Sprintf("De toelichting verwijst naar %q, maar deze verordening heeft geen artikel %s. De regeling noemt wel artikel %s van de wet (%s): in de toelichting staat \"van de wet\" er niet bij.",
				r.text, target, target, at)
			return f, true
		}
		best, _ := c.bestLid(passage, c.leden[own], nil)
		if best == nil {
			return Finding{}, false
		}
		f.Message = fmt.Sprintf("De toelichting verwijst naar %q, maar deze verordening heeft geen artikel %s.", r.text, target)
		f.Regeling = regelingQuote(best, "")
		return f, true
	}
	leden := c.leden[target]
	// A lid that does not exist.
	var cited []*lid
	for _, n := range r.leden {
		l := c.lidByNumber(target, n)
		if l == nil {
			best, _ := c.bestLid(passage, leden, nil)
			if best == nil {
				return Finding{}, false
			}
			f.Message = fmt.Sprintf("De toelichting verwijst naar lid %s van artikel %s, maar dat artikel heeft geen lid %s.", n, target, n)
			f.Regeling = regelingQuote(best, "")
			return f, true
		}
		cited = append(cited, l)
	}
	var alternatives []*lid
	skip := map[*lid]bool{}
	switch {
	case len(cited) > 0:
		// A lid: compare with the other leden of the same article.
		for _, l := range cited {
			skip[l] = true
		}
		alternatives = leden
	case target == own:
		return Finding{}, false // "in artikel 6 staan de hoofdlijnen"
	default:
		// Another article: its best lid against the article explained.
		best, _ := c.bestLid(passage, leden, nil)
		if best == nil {
			best = leden[0]
		}
		cited = []*lid{best}
		alternatives = c.leden[own]
	}
	citedBest, citedScore := cited[0], 0.0
	for _, l := range cited {
		if score, _ := c.overlap(passage, l); score > citedScore {
			citedBest, citedScore = l, score
		}
	}
	better, betterScore := c.bestLid(passage, alternatives, skip)
	minGain := gainFactor * math.Log(float64(c.ledenCount))
	if better == nil || betterScore < 2*citedScore || betterScore-citedScore < minGain {
		return Finding{}, false
	}
	_, betterWords := c.overlap(passage, better)
	_, citedWords := c.overlap(passage, citedBest)
	citedName := where(citedBest)
	if len(r.leden) == 0 {
		citedName = "artikel " + target
	}
	f.Message = fmt.Sprintf("De toelichting verwijst naar %s (%q), maar de zin past beter bij %s (gedeelde woorden: %s) dan bij %s (%s).",
		citedName, r.text, where(better), wordList(betterWords, 5), citedName, sharedText(citedWords))
	f.Regeling = regelingQuote(citedBest, "")
	return f, true
}

func itemLabel(l *lid, line int) string {
	for _, it := range l.para.Items {
		if it.Line == line {
			return it.Label
		}
	}
	return ""
}

func wordList(ws []string, n int) string {
	if len(ws) > n {
		ws = ws[:n]
	}
	return strings.Join(ws, ", ")
}

func sharedText(ws []string) string {
	if len(ws) == 0 {
		return "geen gedeelde woorden"
	}
	return "gedeelde woorden: " + wordList(ws, 5)
}

// lawMention returns the lid of the regeling that best matches passage
// among those that name "artikel N … van de wet".
func (c *checker) lawMention(n string, passage map[string]string) *lid {
	var found []*lid
	for _, a := range c.doc.Articles() {
		for _, l := range c.leden[a.Number] {
			if namesArticle(l.text, n, true) {
				found = append(found, l)
			}
		}
	}
	if len(found) == 0 {
		return nil
	}
	if best, _ := c.bestLid(passage, found, nil); best != nil {
		return best
	}
	return found[0]
}

// ---- terms -----------------------------------------------------------------

// Terms. Artikel 1 defines terms ("inwoner: persoon uit de doelgroep") and
// an article can define one itself ("Een werknemer is kwetsbaar als
// hij: …"). Two rules:
//
//   - a defined term used with an intensifier ("uiterst kwetsbaar") is a
//     new term that nothing defines;
//   - where the regeling pairs a term with another ("werkplek of
//     opleidingsplaats") and the toelichting of the same article pairs it
//     with a third ("werkplek of proefplaats") that the article's regeling
//     does not use, the two sides name different things.
var (
	reDefinedHere = withWords{regexp.MustCompile(`(?i)\b(?:een|de)\s+\p{L}+\s+is\s+(\p{L}+)\s+als\b`), []string{"als"}}
	reIntensified = withWords{regexp.MustCompile(`(?i)\b(uiterst|zeer|extra|bijzonder|ernstig)\s+(\p{L}+)`), []string{"uiterst", "zeer", "extra", "bijzonder", "ernstig"}}
	rePair        = withWords{regexp.MustCompile(`(?i)\b(\p{L}{4,})\s+of\s+(?:de\s+|het\s+|een\s+)?(\p{L}{4,})\b`), []string{"of"}}
)

// withWords is a regexp and words of which each of its matches holds
// one: it runs only on a text that holds one of them in any case (most
// leden and sentences do not, and a regexp walks the whole text to find
// nothing).
type withWords struct {
	re    *regexp.Regexp
	words []string // lower case
}

func (w withWords) FindAllStringSubmatch(s string, n int) [][]string {
	if !w.mayMatch(s) {
		return nil
	}
	return w.re.FindAllStringSubmatch(s, n)
}

// mayMatch reports whether s holds one of the words in any case.
// strings.ToLower folds as (?i) does but for the long s (U+017F), which
// (?i) also reads as an "s": a text with one may match.
func (w withWords) mayMatch(s string) bool {
	if strings.ContainsRune(s, '\u017f') {
		return true
	}
	low := strings.ToLower(s)
	for _, word := range w.words {
		if strings.Contains(low, word) {
			return true
		}
	}
	return false
}

func (c *checker) definitions() map[string]string {
	defs := map[string]string{} // stem → term as written
	if first := c.doc.Article("1"); first != nil {
		for _, p := range first.Paragraphs {
			for _, it := range p.Items {
				if term, _, ok := strings.Cut(it.Text, ":"); ok && len(strings.Fields(term)) <= 3 {
					defs[stem(strings.ToLower(strings.TrimSpace(term)))] = strings.TrimSpace(term)
				}
			}
		}
	}
	for _, a := range c.doc.Articles() {
		for _, l := range c.leden[a.Number] {
			for _, m := range reDefinedHere.FindAllStringSubmatch(l.text, -1) {
				defs[stem(strings.ToLower(m[1]))] = m[1]
			}
		}
	}
	delete(defs, "")
	return defs
}

func (c *checker) terms() []Finding {
	var out []Finding
	defs := c.definitions()
	for _, a := range c.doc.Articles() {
		// Intensified terms.
		type use struct {
			phrase string
			leden  []*lid
		}
		uses := map[string]*use{}
		var order []string
		for _, l := range c.leden[a.Number] {
			for _, m := range reIntensified.FindAllStringSubmatch(l.text, -1) {
				base, ok := defs[stem(strings.ToLower(m[2]))]
				if !ok {
					continue
				}
				key := strings.ToLower(m[1]) + " " + base
				u := uses[key]
				if u == nil {
					u = &use{phrase: strings.ToLower(m[0])}
					uses[key] = u
					order = append(order, key)
				}
				if len(u.leden) == 0 || u.leden[len(u.leden)-1] != l {
					u.leden = append(u.leden, l)
				}
			}
		}
		for _, key := range order {
			u := uses[key]
			if defs[stem(strings.ReplaceAll(key, " ", ""))] != "" {
				continue
			}
			modifier, base, _ := strings.Cut(key, " ")
			note, ok := c.noteWith(a.Number, modifier, stem(strings.ToLower(base)))
			if !ok {
				continue
			}
			out = append(out, Finding{
				Kind:    "term",
				Article: a.Number,
				Message: fmt.Sprintf("Artikel %s gebruikt %q (%s), maar omschrijft alleen %q; artikel 1 omschrijft %q ook niet. De toelichting gebruikt het begrip ook zonder het te omschrijven.",
					a.Number, u.phrase, lidNames(u.leden), base, key),
				Regeling:    regelingQuote(u.leden[0], ""),
				Toelichting: noteQuote(note),
			})
		}

		// Paired terms.
		regText := ""
		for _, l := range c.leden[a.Number] {
			regText += " " + l.text
		}
		regStems := stems(regText)
		for _, s := range c.notes[a.Number] {
			for _, tm := range rePair.FindAllStringSubmatch(s.text, -1) {
				x, y := strings.ToLower(tm[1]), strings.ToLower(tm[2])
				if stem(x) == "" || stem(y) == "" || hasStem(regStems, stem(y)) {
					continue
				}
				for _, l := range c.leden[a.Number] {
					for _, rm := range rePair.FindAllStringSubmatch(l.text, -1) {
						rx, ry := strings.ToLower(rm[1]), strings.ToLower(rm[2])
						if stem(rx) != stem(x) || stem(ry) == stem(y) || stem(ry) == "" || strings.Contains(strings.ToLower(noteText(c.notes[a.Number])), ry) {
							continue
						}
						out = append(out, Finding{
							Kind:    "term",
							Article: a.Number,
							Message: fmt.Sprintf("De regeling spreekt van %q (%s), de toelichting van %q; %q komt in de regeling van artikel %s niet voor.",
								rm[0], lidName(l), tm[0], y, a.Number),
							Regeling:    regelingQuote(l, ""),
							Toelichting: noteQuote(s),
						})
					}
				}
			}
		}
	}
	return out
}

func hasStem(set map[string]string, s string) bool {
	for t := range set {
		if match(s, t) {
			return true
		}
	}
	return false
}

func noteText(ss []sentence) string {
	var b strings.Builder
	for _, s := range ss {
		b.WriteString(s.text)
		b.WriteString(" ")
	}
	return b.String()
}

// noteWith returns the first toelichting sentence of an article that uses
// the intensifier with a form of the term ("uiterst kwetsbaar",
// "uiterst kwetsbare").
func (c *checker) noteWith(article, modifier, termStem string) (sentence, bool) {
	for _, s := range c.notes[article] {
		for _, m := range reIntensified.FindAllStringSubmatch(s.text, -1) {
			if strings.EqualFold(m[1], modifier) && stem(strings.ToLower(m[2])) == termStem {
				return s, true
			}
		}
	}
	return sentence{}, false
}

// ---- may or must -------------------------------------------------------------

// A toelichting that gives a right or a duty ("heeft recht op", "zorgt
// voor", "is verplicht") where the lid it explains only gives a power
// ("De gemeente kan …", "De inwoner kan … ontvangen") says more than the
// regeling. The lid is the one of the same article that shares the most
// content words with the sentence; it must open with "<subject> kan" and
// contain no word of duty itself.
var (
	reMust    = regexp.MustCompile(`(?i)\b(heeft recht op|hebben recht op|zorgt voor|zorgt ervoor|is verplicht|zijn verplicht)\b`)
	reMayLead = regexp.MustCompile(`^(?:De|Een)\s+\p{L}+\s+kan\b`)
	reDuty    = regexp.MustCompile(`(?i)\b(recht op|zorgt|moet|moeten|verplicht|kent .* toe)\b`)
)

func (c *checker) modals() []Finding {
	var out []Finding
	for _, a := range c.doc.Articles() {
		for _, s := range c.notes[a.Number] {
			m := reMust.FindString(s.text)
			if m == "" {
				continue
			}
			best, _ := c.bestLid(stems(s.text), c.leden[a.Number], nil)
			if best == nil || !reMayLead.MatchString(best.text) || reDuty.MatchString(best.text) {
				continue
			}
			lead := reMayLead.FindString(best.text)
			out = append(out, Finding{
				Kind:    "term",
				Article: a.Number,
				Message: fmt.Sprintf("De toelichting zegt %q (een recht of plicht), maar %s zegt %q (een bevoegdheid: het mag, het hoeft niet).",
					strings.ToLower(m), where(best), lead),
				Regeling:    regelingQuote(best, ""),
				Toelichting: noteQuote(s),
			})
		}
	}
	return out
}
