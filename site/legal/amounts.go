package legal

import (
	"regexp"
	"strings"

	"github.com/shopspring/decimal"
)

// Unit is what an amount counts.
type Unit string

// The units an amount can have, named as Dutch writes them after a number.
const (
	Euro    Unit = "euro"    // "€ 1.050,00", "€ 600,-", "600 euro"
	Percent Unit = "procent" // "50%", "2,5 procent"
	Months  Unit = "maanden" // "6 maanden", "1 maand"
	Years   Unit = "jaar"    // "3 jaar", "2 jaren"
	Weeks   Unit = "weken"   // "4 weken", "1 week"
)

// Bound is what the words before an amount make of it.
type Bound int

// The bounds an amount can have.
const (
	Exact    Bound = iota // no bounding words, or "van": "een premie van € 600"
	AtLeast               // "minimaal", "ten minste", "minstens"
	AtMost                // "maximaal", "tot maximaal", "hoogstens", "ten hoogste"
	PeriodOf              // "(een) periode van": "na een periode van 3 jaar"
)

// Amount is a sum of money, a percentage or a duration as a text writes
// it.
type Amount struct {
	// Span is the amount itself: "€ 1.050,00", "600 euro", "6 maanden".
	Span
	Value decimal.Decimal
	Unit  Unit
	Bound Bound
	// BoundStart is where the words that bound the amount start ("van",
	// "minimaal", "periode van"), Start when there are none: the text
	// from BoundStart to End reads "minimaal 6 maanden".
	BoundStart int
	// Per is the period stated right after the amount: "maand" for
	// "€ 600 per maand", "6 maanden" for "€ 1.050 per 6 maanden"; "" when
	// none follows. See Period for the period a whole sentence names.
	Per string
}

const (
	bounds = `minimaal|ten\s+minste|minstens|maximaal|tot\s+maximaal|hoogstens|ten\s+hoogste|periode\s+van|van`
	// units after a number; the longer word of a pair first.
	unitWords = `euro|procent|maanden|maand|jaren|jaar|weken|week`
)

var reAmount = regexp.MustCompile(`(?i)(?:\b(` + bounds + `)\s+)?` +
	`(?:(€\s?(` + number + `)(?:,-)?)` + // € 1.050,00 · € 600,-
	`|\b(` + number + `)(?:\s*(%)|\s+(` + unitWords + `)\b))`) // 600 euro · 50% · 6 maanden

// Amounts returns the sums in euro, percentages and durations (months,
// years, weeks) in s, in text order. A number needs its unit: "€" before
// it, or "euro", "%", "procent", "maand(en)", "jaar", "jaren", "week" or
// "weken" after it; "€ 700,00 euro" is one amount ("€ 700,00").
func Amounts(s string) []Amount {
	if !strings.ContainsAny(s, "0123456789") {
		// Every amount has a number, and \d is ASCII: most sentences
		// have none, and the regexp engine would walk them byte by byte.
		return nil
	}
	var out []Amount
	for _, m := range reAmount.FindAllStringSubmatchIndex(s, -1) {
		var a Amount
		var num string
		switch {
		case m[4] >= 0: // € …
			a.Span, a.Unit, num = span(s, m[4], m[5]), Euro, s[m[6]:m[7]]
		case m[10] >= 0: // … %
			a.Span, a.Unit, num = span(s, m[8], m[1]), Percent, s[m[8]:m[9]]
		default: // … euro, procent, maanden, jaar, weken
			a.Span, a.Unit, num = span(s, m[8], m[1]), unitOf(s[m[12]:m[13]]), s[m[8]:m[9]]
		}
		v, err := ParseNumber(num)
		if err != nil {
			continue // cannot happen: the pattern is a number
		}
		a.Value = v
		a.BoundStart = a.Start
		if m[2] >= 0 {
			a.Bound, a.BoundStart = boundOf(s[m[2]:m[3]]), m[2]
		}
		a.Per = perAfter(s[a.End:])
		out = append(out, a)
	}
	return out
}

func unitOf(word string) Unit {
	switch strings.ToLower(word) {
	case "euro":
		return Euro
	case "procent":
		return Percent
	case "maand", "maanden":
		return Months
	case "jaar", "jaren":
		return Years
	}
	return Weeks
}

func boundOf(words string) Bound {
	switch strings.Join(strings.Fields(strings.ToLower(words)), " ") {
	case "minimaal", "ten minste", "minstens":
		return AtLeast
	case "maximaal", "tot maximaal", "hoogstens", "ten hoogste":
		return AtMost
	case "periode van":
		return PeriodOf
	}
	return Exact
}

// String writes the amount the Dutch way, with its bound and period:
// "€ 1.050,50", "€ 2.100 per jaar", "minimaal 6 maanden", "2,5%",
// "1 maand". Whole euros have no cents.
func (a Amount) String() string {
	var b strings.Builder
	switch a.Bound {
	case AtLeast:
		b.WriteString("minimaal ")
	case AtMost:
		b.WriteString("maximaal ")
	case PeriodOf:
		b.WriteString("periode van ")
	}
	n := FormatNumber(a.Value)
	switch a.Unit {
	case Euro:
		if !a.Value.IsInteger() && a.Value.Round(2).Equal(a.Value) {
			n = groupDigits(a.Value.StringFixed(2)) // € 1.050,50, not € 1.050,5
		}
		b.WriteString("€ " + n)
	case Percent:
		b.WriteString(n + "%")
	default:
		b.WriteString(n + " " + unitName(a.Unit, a.Value))
	}
	if a.Per != "" {
		b.WriteString(" per " + a.Per)
	}
	return b.String()
}

func unitName(u Unit, v decimal.Decimal) string {
	if v.Equal(decimal.NewFromInt(1)) {
		switch u {
		case Months:
			return "maand"
		case Weeks:
			return "week"
		}
	}
	return string(u)
}

// Periods: "per jaar", "per 6 maanden", "iedere maand", "elke week",
// "jaarlijks".
const period = `\b(?:per|iedere|elke|na\s+iedere)\s+(jaar|maand|week|dag|uur|kwartaal|\d+\s+(?:maanden|jaar|weken))\b|\b(jaarlijks|maandelijks|wekelijks)\b`

var (
	rePeriod   = regexp.MustCompile(`(?i)` + period)
	rePerAfter = regexp.MustCompile(`(?i)^\s*per\s+(jaar|maand|week|dag|uur|kwartaal|\d+\s+(?:maanden|jaar|weken))\b`)
)

// Period returns the first period s names, in lower case: "jaar" for "per
// jaar" or "jaarlijks", "maand" for "iedere maand" or "maandelijks", "6
// maanden" for "na iedere 6 maanden"; "" when s names none. The
// consistency check takes it as the period of every amount in a sentence.
func Period(s string) string {
	if !mayNamePeriod(s) {
		return "" // most sentences: the regexp engine would walk them byte by byte
	}
	m := rePeriod.FindStringSubmatch(s)
	switch {
	case m == nil:
		return ""
	case m[2] != "":
		return map[string]string{"jaarlijks": "jaar", "maandelijks": "maand", "wekelijks": "week"}[strings.ToLower(m[2])]
	}
	return strings.ToLower(m[1])
}

// periodUnits are the words of which every period has one (or a
// number): "per jaar", "jaarlijks", "iedere 6 maanden", "wekelijks".
var periodUnits = []string{"jaar", "maand", "week", "wekelijks", "dag", "uur", "kwartaal"}

// mayNamePeriod reports whether s has a digit or a word of periodUnits
// in any case; without one, rePeriod finds nothing. strings.ToLower
// folds as (?i) does ("K", U+212A, is "k").
func mayNamePeriod(s string) bool {
	if strings.ContainsAny(s, "0123456789") {
		return true
	}
	low := strings.ToLower(s)
	for _, u := range periodUnits {
		if strings.Contains(low, u) {
			return true
		}
	}
	return false
}

// perAfter is the period "per …" at the start of s.
func perAfter(s string) string {
	if m := rePerAfter.FindStringSubmatch(s); m != nil {
		return strings.ToLower(m[1])
	}
	return ""
}
