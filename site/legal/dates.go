package legal

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Date is a calendar day.
type Date struct {
	Year, Month, Day int
}

// MonthNames are the Dutch month names, January first.
var MonthNames = [12]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}

// MonthName is the Dutch name of month m (1–12): "juli"; "" for any other m.
func MonthName(m int) string {
	if m < 1 || m > 12 {
		return ""
	}
	return MonthNames[m-1]
}

// String writes the date as running text does: "1 juli 2024".
func (d Date) String() string {
	return fmt.Sprintf("%d %s %04d", d.Day, MonthName(d.Month), d.Year)
}

// Numeric writes the date as day-month-year in digits, as the official
// consolidations do: "01-07-2024".
func (d Date) Numeric() string { return fmt.Sprintf("%02d-%02d-%04d", d.Day, d.Month, d.Year) }

// ISO writes the date as YYYY-MM-DD: "2024-07-01".
func (d Date) ISO() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// IsZero reports whether d is the zero Date (no date).
func (d Date) IsZero() bool { return d == Date{} }

// Valid reports whether d is a day of the calendar, in a year of four
// digits.
func (d Date) Valid() bool {
	if d.Year < 1000 || d.Year > 9999 || d.Month < 1 || d.Month > 12 || d.Day < 1 {
		return false
	}
	days := [12]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[d.Month-1]
	if d.Month == 2 && d.Year%4 == 0 && (d.Year%100 != 0 || d.Year%400 == 0) {
		days = 29
	}
	return d.Day <= days
}

// DateMention is a date as a text writes it.
type DateMention struct {
	Date
	Span
	// Digits is true for "01-07-2024", false for "1 juli 2024".
	Digits bool
}

// The two ways a date is written: "1 juli 2024" (any case, any spacing)
// and "01-07-2024" or "1-7-2024".
const (
	writtenDate = `(\d{1,2})\s+(?i:(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december))\s+(\d{4})`
	numericDate = `(\d{1,2})-(\d{1,2})-(\d{4})`
)

var (
	reDate      = regexp.MustCompile(`\b(?:` + writtenDate + `|` + numericDate + `)\b`)
	reWholeDate = regexp.MustCompile(`^(?:` + writtenDate + `|` + numericDate + `)$`)
)

// Dates returns the dates in s, in text order: "1 juli 2024" and
// "01-07-2024" (also "1-7-2024"). A pattern that is no day of the calendar
// ("31 februari 2024") is not a date.
func Dates(s string) []DateMention {
	var out []DateMention
	for _, m := range reDate.FindAllStringSubmatchIndex(s, -1) {
		if d, numeric, ok := dateOf(s, m[2:]); ok {
			out = append(out, DateMention{Date: d, Span: span(s, m[0], m[1]), Digits: numeric})
		}
	}
	return out
}

// ParseDate reads one date, the whole of s but for spaces around it:
// "1 juli 2024", "01-07-2024" or "1-7-2024".
func ParseDate(s string) (Date, error) {
	t := strings.TrimSpace(s)
	if m := reWholeDate.FindStringSubmatchIndex(t); m != nil {
		if d, _, ok := dateOf(t, m[2:]); ok {
			return d, nil
		}
		return Date{}, errors.New("no such day: " + quote(s))
	}
	return Date{}, errors.New(`not a date such as "1 juli 2024" or "01-07-2024": ` + quote(s))
}

// dateOf reads the submatches of writtenDate then numericDate.
func dateOf(s string, g []int) (Date, bool, bool) {
	num := func(i int) int {
		n, _ := strconv.Atoi(s[g[2*i]:g[2*i+1]])
		return n
	}
	var d Date
	numeric := g[0] < 0
	if !numeric {
		name := strings.ToLower(s[g[2]:g[3]])
		for i, m := range MonthNames {
			if m == name {
				d.Month = i + 1
			}
		}
		d.Day, d.Year = num(0), num(2)
	} else {
		d.Day, d.Month, d.Year = num(3), num(4), num(5)
	}
	return d, numeric, d.Valid()
}

func span(s string, start, end int) Span { return Span{Start: start, End: end, Text: s[start:end]} }

// Validity is the validity line of an official consolidation:
//
//	Geldend van 10-07-2024 t/m heden met terugwerkende kracht vanaf 01-07-2024
type Validity struct {
	From Date
	// Until is zero for "t/m heden".
	Until Date
	// Retroactive is the day the rules apply from, when that lies before
	// From; zero when the line does not say.
	Retroactive Date
}

var reValidity = regexp.MustCompile(`^Geldend van (` + numericDate + `) t/m (heden|` + numericDate + `)(?: met terugwerkende kracht vanaf (` + numericDate + `))?`)

// ParseValidity reads a line that starts "Geldend van DD-MM-YYYY t/m heden"
// or "… t/m DD-MM-YYYY", optionally followed by "met terugwerkende kracht
// vanaf DD-MM-YYYY". It reports false for any other line, and for a line
// whose dates are no days of the calendar.
func ParseValidity(line string) (Validity, bool) {
	m := reValidity.FindStringSubmatch(line)
	if m == nil {
		return Validity{}, false
	}
	var v Validity
	var err error
	if v.From, err = ParseDate(m[1]); err != nil {
		return Validity{}, false
	}
	if m[5] != "heden" {
		if v.Until, err = ParseDate(m[5]); err != nil {
			return Validity{}, false
		}
	}
	if m[9] != "" {
		if v.Retroactive, err = ParseDate(m[9]); err != nil {
			return Validity{}, false
		}
	}
	return v, true
}

var reInForce = regexp.MustCompile(`(?i)\btreedt\s+in\s+werking\s+(?:op|met\s+ingang\s+van|per)\s+(?:` + writtenDate + `|` + numericDate + `)\b`)

// InForce finds the day an article on entry into force names: "Deze
// verordening treedt in werking op 1 juli 2024" (also "met ingang van",
// "per", and the date in digits). It reports false when s names none.
func InForce(s string) (Date, bool) {
	for _, m := range reInForce.FindAllStringSubmatchIndex(s, -1) {
		if d, _, ok := dateOf(s, m[2:]); ok {
			return d, true
		}
	}
	return Date{}, false
}
