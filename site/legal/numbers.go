package legal

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// number is a number written the Dutch way: "1.250,50", "1250,50", "1.250",
// "600", "2,5". Thousands are grouped by a point, decimals follow a comma.
const number = `(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?`

var reNumber = regexp.MustCompile(`^` + number + `$`)

// ParseNumber reads a number written the Dutch way ("1.250,50", "600",
// "2,5"), without sign, unit or spaces.
func ParseNumber(s string) (decimal.Decimal, error) {
	if !reNumber.MatchString(s) {
		return decimal.Decimal{}, errors.New("not a Dutch number (such as 1.250,50): " + quote(s))
	}
	return decimal.NewFromString(strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", "."))
}

// FormatNumber writes d the Dutch way: thousands grouped by a point, the
// decimals (as many as d has) after a comma: "1.250,5", "600", "-3".
func FormatNumber(d decimal.Decimal) string {
	return groupDigits(d.String())
}

// groupDigits turns "-1250.50" into "-1.250,50".
func groupDigits(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	b.WriteString(sign)
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	if hasFrac {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}

// quote quotes s for a message, cut to about 40 bytes.
func quote(s string) string {
	if len(s) > 40 {
		i := 40
		for i > 0 && !utf8.RuneStart(s[i]) {
			i--
		}
		return strconv.Quote(s[:i]) + "…"
	}
	return strconv.Quote(s)
}
