package consistency

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/regelgids/regelgids/site/legal"
	"github.com/regelgids/regelgids/site/readability"
)

// ---- titles ---------------------------------------------------------------

// titles: the heading of an article in the toelichting must carry the
// article's title; case, spacing and the separator ("Artikel 6:" or
// "Artikel 6.") do not count.
func (c *checker) titles() []Finding {
	var out []Finding
	for _, a := range c.doc.Articles() {
		if a.ExplanationLine == 0 || a.ExplanationTitle == "" || normTitle(a.Title) == normTitle(a.ExplanationTitle) {
			continue
		}
		out = append(out, Finding{
			Kind:    "title",
			Article: a.Number,
			Message: fmt.Sprintf("De titel van artikel %s is in de regeling %q en in de toelichting %q.", a.Number, a.Title, a.ExplanationTitle),
			Regeling: Quote{
				Text: "Artikel " + a.Number + ". " + a.Title, Article: a.Number, Line: a.Line,
			},
			Toelichting: Quote{
				Text: "Artikel " + a.Number + ". " + a.ExplanationTitle, Article: a.Number, Line: a.ExplanationLine,
			},
		})
	}
	return out
}

func normTitle(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(strings.Trim(s, " .:"))), " ")
}

// ---- amounts and periods ---------------------------------------------------

// An amount is a sum in euro or a percentage (legal.Amounts), with the
// period it is for when the same sentence names one (legal.Period: "per
// jaar", "na iedere 6 maanden"). A duration is a number of months, weeks
// or years with its qualifier ("minimaal 6 maanden", "maximaal 12
// maanden", "van 6 maanden").

type amount struct {
	value  decimal.Decimal
	unit   legal.Unit // legal.Euro or legal.Percent
	shown  string     // as written
	period string     // "jaar", "6 maanden", "" when the sentence names none
}

func (a amount) same(b amount) bool { return a.unit == b.unit && a.value.Equal(b.value) }

// amountsIn returns the amounts of each sentence of text: per sentence its
// sums in euro, then its percentages.
func amountsIn(text string) []amount {
	var out []amount
	for _, s := range readability.Split(text) {
		found := legal.Amounts(s)
		if len(found) == 0 {
			continue // most sentences: no need to look for their period
		}
		period := legal.Period(s)
		for _, unit := range []legal.Unit{legal.Euro, legal.Percent} {
			for _, a := range found {
				if a.Unit == unit {
					out = append(out, amount{value: a.Value, unit: a.Unit, shown: a.Text, period: period})
				}
			}
		}
	}
	return out
}

func periodText(p string) string {
	if p == "" {
		return "zonder periode"
	}
	return "per " + p
}

type duration struct {
	n     decimal.Decimal
	unit  legal.Unit
	qual  string // "min", "max", "periode" or "exact"
	shown string // with its qualifier: "minimaal 6 maanden"
}

func durationsIn(text string) []duration {
	var out []duration
	for _, a := range legal.Amounts(text) {
		if a.Unit != legal.Months && a.Unit != legal.Years && a.Unit != legal.Weeks {
			continue
		}
		q := "exact"
		switch a.Bound {
		case legal.AtLeast:
			q = "min"
		case legal.AtMost:
			q = "max"
		case legal.PeriodOf:
			q = "periode" // "een periode van 3 jaar gehad": at least that long
		}
		out = append(out, duration{n: a.Value, unit: a.Unit, qual: q, shown: strings.TrimSpace(text[a.BoundStart:a.End])})
	}
	return out
}

// compatible reports whether the toelichting's qualifier fits the
// regeling's: only an explicit "minimaal" or "maximaal" in the toelichting
// is checked; "een periode van N" in the regeling reads as "at least N".
func compatible(toel, reg string) bool {
	switch toel {
	case "min":
		return reg == "min" || reg == "periode"
	case "max":
		return reg == "max"
	}
	return true
}

func (c *checker) amounts() []Finding {
	var out []Finding
	for _, a := range c.doc.Articles() {
		leden := c.leden[a.Number]
		for _, s := range c.notes[a.Number] {
			cited := c.citedLeden(a.Number, s.text)
			pool := cited
			if len(pool) == 0 {
				pool = leden
			}
			for _, am := range amountsIn(s.text) {
				if f, ok := c.checkAmount(s, am, pool, leden); ok {
					out = append(out, f)
				}
			}
			for _, d := range durationsIn(s.text) {
				if d.qual != "min" && d.qual != "max" {
					continue
				}
				var same []*lid
				var shown []string
				ok := false
				for _, l := range pool {
					for _, rd := range durationsIn(l.text) {
						if rd.n.Equal(d.n) && rd.unit == d.unit {
							if compatible(d.qual, rd.qual) {
								ok = true
							}
							same = append(same, l)
							shown = append(shown, rd.shown)
						}
					}
				}
				if ok || len(same) == 0 {
					continue
				}
				out = append(out, Finding{
					Kind:    "amount",
					Article: a.Number,
					Message: fmt.Sprintf("De toelichting zegt %q, %s zegt %q: de regeling noemt geen %s.",
						d.shown, where(same[0]), shown[0], map[string]string{"min": "minimum", "max": "maximum"}[d.qual]),
					Regeling:    regelingQuote(same[0], ""),
					Toelichting: noteQuote(s),
				})
			}
		}
	}
	return out
}

// checkAmount compares one amount of the toelichting with the amounts of
// the cited leden (or the whole article).
func (c *checker) checkAmount(s sentence, am amount, pool, leden []*lid) (Finding, bool) {
	var sameValue []*lid
	var regAmounts []amount
	var regLeden []*lid
	for _, l := range leden {
		for _, ra := range amountsIn(l.text) {
			regAmounts = append(regAmounts, ra)
			regLeden = append(regLeden, l)
		}
	}
	if len(regAmounts) == 0 {
		return Finding{}, false // the regeling of this article names no amount
	}
	for _, l := range pool {
		for _, ra := range amountsIn(l.text) {
			if !ra.same(am) {
				continue
			}
			if ra.period == am.period {
				return Finding{}, false
			}
			sameValue = append(sameValue, l)
		}
	}
	a := s.article.Number
	others := func(skip *lid) string {
		var parts []string
		for i, ra := range regAmounts {
			if regLeden[i] != skip {
				parts = append(parts, fmt.Sprintf("%s %s (%s)", lidName(regLeden[i]), ra.shown, periodText(ra.period)))
			}
		}
		if len(parts) == 0 {
			return ""
		}
		return " Elders in artikel " + a + ": " + strings.Join(parts, "; ") + "."
	}
	if len(sameValue) > 0 {
		l := sameValue[0]
		var rp string
		for _, ra := range amountsIn(l.text) {
			if ra.same(am) {
				rp = ra.period
				break
			}
		}
		return Finding{
			Kind:    "amount",
			Article: a,
			Message: fmt.Sprintf("De toelichting noemt %s %s; %s noemt hetzelfde bedrag %s.%s",
				am.shown, periodText(am.period), where(l), periodText(rp), others(l)),
			Regeling:    regelingQuote(l, ""),
			Toelichting: noteQuote(s),
		}, true
	}
	for _, ra := range regAmounts {
		if ra.same(am) {
			return Finding{}, false // the amount is in another lid than cited: the reference check speaks
		}
	}
	best, _ := c.bestLid(stems(s.text), leden, nil)
	if best == nil {
		return Finding{}, false
	}
	return Finding{
		Kind:    "amount",
		Article: a,
		Message: fmt.Sprintf("De toelichting noemt %s %s; dat bedrag staat niet in de regeling van artikel %s.%s",
			am.shown, periodText(am.period), a, others(nil)),
		Regeling:    regelingQuote(best, ""),
		Toelichting: noteQuote(s),
	}, true
}

// ---- dates -----------------------------------------------------------------

type date struct{ iso, shown string }

// datesIn returns the dates of text (legal.Dates): those written in words
// ("1 juli 2024"), then those in digits ("01-07-2024").
func datesIn(text string) []date {
	var out []date
	found := legal.Dates(text)
	for _, digits := range []bool{false, true} {
		for _, d := range found {
			if d.Digits == digits {
				out = append(out, date{d.ISO(), d.Text})
			}
		}
	}
	return out
}

// dates: a date in an article's toelichting must be one of the dates its
// regeling names, when the regeling names any. The validity line of the
// publication ("Geldend van … met terugwerkende kracht vanaf …") is quoted
// in the message to show which side it supports.
func (c *checker) dates() []Finding {
	var out []Finding
	for _, a := range c.doc.Articles() {
		var dated []*lid
		regDates := map[string]bool{}
		for _, l := range c.leden[a.Number] {
			ds := datesIn(l.text)
			if len(ds) > 0 {
				dated = append(dated, l)
			}
			for _, d := range ds {
				regDates[d.iso] = true
			}
		}
		if len(dated) == 0 {
			continue
		}
		for _, s := range c.notes[a.Number] {
			for _, d := range datesIn(s.text) {
				if regDates[d.iso] {
					continue
				}
				best, _ := c.bestLid(stems(s.text), dated, nil)
				if best == nil {
					best = dated[0]
				}
				rd := datesIn(best.text)[0]
				msg := fmt.Sprintf("De toelichting noemt %s, %s noemt %s.", d.shown, where(best), rd.shown)
				msg += c.metadataNote(rd.iso, d.iso)
				out = append(out, Finding{Kind: "date", Article: a.Number, Message: msg, Regeling: regelingQuote(best, ""), Toelichting: noteQuote(s)})
			}
		}
	}
	return out
}

// metadataNote says which of two dates the publication's validity line
// supports.
func (c *checker) metadataNote(regeling, toelichting string) string {
	md := c.doc.Metadata
	if md.ValidityLine == "" {
		return ""
	}
	for _, d := range []string{md.RetroactiveFrom, md.ValidFrom} {
		switch d {
		case "":
		case regeling:
			return fmt.Sprintf(" De publicatie (%q) past bij de regeling.", md.ValidityLine)
		case toelichting:
			return fmt.Sprintf(" De publicatie (%q) past bij de toelichting.", md.ValidityLine)
		}
	}
	return fmt.Sprintf(" De publicatie zegt: %q.", md.ValidityLine)
}
