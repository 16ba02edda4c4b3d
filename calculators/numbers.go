package calculators

import (
	"strings"
)

// numProblem is what is wrong with a number as written, for messages that
// say what to write instead.
type numProblem uint8

const (
	numPlain         numProblem = iota // a plain decimal: 24, -3, 24.5
	numExponent                        // 2.4e1, 1e308
	numComma                           // 24,5: a decimal comma
	numLeadingPoint                    // .5
	numTrailingPoint                   // 5.
	numLeadingZero                     // 035 (JSON does not allow it)
	numPlus                            // +5
	numTooLong                         // more digits than the calculators read
	numBad                             // anything else: not a number
)

// maxDigits is the longest plain number that is read or suggested; it is
// the limit of values.ParseDecimal.
const maxDigits = 40

// analyzeNumber looks at s, a number as written in the input (a bare JSON
// token, or the text of a money or percent field), and says what is wrong
// with it. fixed is the same number written plainly, such as "24" for
// "2.4e1" or "35" for "035", or "" when it cannot be given (not a number,
// or too long to suggest). For numPlain, fixed is s without leading zeros.
func analyzeNumber(s string) (p numProblem, fixed string) {
	if len(s) > 4*maxDigits {
		if strings.IndexFunc(s, func(r rune) bool { return (r < '0' || r > '9') && r != '.' && r != '-' }) < 0 {
			return numTooLong, ""
		}
		return numBad, ""
	}
	sign, body := "", s
	switch {
	case strings.HasPrefix(body, "-"):
		sign, body = "-", body[1:]
	case strings.HasPrefix(body, "+"):
		p, body = numPlus, body[1:]
	}
	if i := strings.IndexAny(body, "eE"); i >= 0 {
		return numExponent, expand(sign, body[:i], body[i+1:])
	}
	whole, frac, hasPoint := strings.Cut(body, ".")
	if !hasPoint {
		if w, f, hasComma := strings.Cut(body, ","); hasComma {
			if !plainDigits(w) || !plainDigits(f) {
				return numBad, ""
			}
			return numComma, plain(sign, w, f)
		}
	}
	switch {
	case !hasPoint && plainDigits(whole):
	case hasPoint && whole == "" && plainDigits(frac):
		return numLeadingPoint, plain(sign, "0", frac)
	case hasPoint && frac == "" && plainDigits(whole):
		return numTrailingPoint, plain(sign, whole, "")
	case hasPoint && plainDigits(whole) && plainDigits(frac):
	default:
		return numBad, ""
	}
	fixed = plain(sign, whole, frac)
	switch {
	case p == numPlus:
	case len(body) > maxDigits:
		p = numTooLong
	case len(whole) > 1 && whole[0] == '0':
		p = numLeadingZero
	}
	return p, fixed
}

func plainDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// plain writes a number from its digits, without leading zeros, or ""
// when it is longer than maxDigits.
func plain(sign, whole, frac string) string {
	whole = strings.TrimLeft(whole, "0")
	if whole == "" {
		whole = "0"
	}
	s := whole
	if frac != "" {
		s += "." + frac
	}
	if len(s) > maxDigits {
		return ""
	}
	if s == "0" || strings.Trim(s, "0.") == "" {
		return s // no "-0"
	}
	return sign + s
}

// expand writes mantissa × 10^exp plainly: expand("", "2.4", "1") is "24".
// It returns "" when that is not a number or longer than maxDigits.
func expand(sign, mantissa, exp string) string {
	whole, frac, hasPoint := strings.Cut(mantissa, ".")
	if !plainDigits(whole) || hasPoint && !plainDigits(frac) {
		return ""
	}
	e := strings.TrimPrefix(strings.TrimPrefix(exp, "+"), "-")
	if !plainDigits(e) {
		return ""
	}
	e = strings.TrimLeft(e, "0")
	if len(e) > 3 {
		return ""
	}
	n := 0
	for i := 0; i < len(e); i++ {
		n = n*10 + int(e[i]-'0')
	}
	if strings.HasPrefix(exp, "-") {
		n = -n
	}
	digits := strings.TrimLeft(whole, "0")
	point := len(digits) + n // the place of the point in digits+frac
	digits += frac
	trimmed := strings.TrimLeft(digits, "0")
	point -= len(digits) - len(trimmed)
	digits = trimmed
	if digits == "" {
		return "0"
	}
	if point > maxDigits || point < -maxDigits {
		return ""
	}
	var w, f string
	switch {
	case point <= 0:
		w, f = "0", strings.Repeat("0", -point)+digits
	case point >= len(digits):
		w = digits + strings.Repeat("0", point-len(digits))
	default:
		w, f = digits[:point], digits[point:]
	}
	f = strings.TrimRight(f, "0")
	return plain(sign, w, f)
}

// isInteger reports whether a plain number has no decimals.
func isInteger(s string) bool { return s != "" && !strings.Contains(s, ".") }

// wholePart is the part of a plain number before the point.
func wholePart(s string) string {
	w, _, _ := strings.Cut(s, ".")
	if w == "-0" {
		return "0"
	}
	return w
}

// numberFault describes what is wrong with a number as written, such as
// "035 begint met een 0"; written is the number as the message shows it
// (see show). It is "" when there is nothing specific to say.
func (l lang) numberFault(p numProblem, written string) string {
	w := written
	switch p {
	case numExponent:
		return l.t(w+" is geschreven met een e", w+" is written with an e")
	case numComma:
		return l.t(w+" heeft een komma", w+" has a comma")
	case numLeadingPoint:
		return l.t(w+" begint met een punt", w+" starts with a point")
	case numTrailingPoint:
		return l.t(w+" eindigt op een punt", w+" ends with a point")
	case numLeadingZero:
		return l.t(w+" begint met een 0", w+" starts with a 0")
	case numPlus:
		return l.t(w+" begint met een +", w+" starts with a +")
	case numTooLong:
		return l.t(w+" heeft te veel cijfers", w+" has too many digits")
	}
	return ""
}

// numUnit is what may be written around a number in a text field: a euro
// sign for an amount, a percent sign for a percentage.
type numUnit uint8

const (
	unitNone numUnit = iota
	unitEuro
	unitPercent
)

// readNumber reads a number as residents type it in a form, and as the
// string value of a money, percent or number field, and returns it as a
// plain decimal ("1100.00"), or "" when it cannot be read.
//
// Around the number may stand spaces and, for an amount, a euro sign
// (€ 1.100, 1.100 €), for a percentage a percent sign (60%, 60 %). A minus
// sign may come first. In between there are only digits, points and
// commas, and the number starts and ends with a digit. Which mark is the
// decimal mark:
//
//   - Both a point and a comma: the one that comes last, once, is the
//     decimal mark and the other groups thousands: 1.100,00 and 1,100.00
//     are both 1100.00, in either language.
//   - One kind of mark, the language's thousands mark (Dutch ".", English
//     ","): it groups thousands when every group after it has exactly three
//     digits (Dutch 1.100 and 1.100.000, English 1,100); otherwise, written
//     once, it is a decimal mark (Dutch 14.50 and 1.5, English 14,50).
//   - One kind of mark, the language's decimal mark (Dutch ",", English
//     "."): once, it is the decimal mark (Dutch 1,5 and 1,100 is 1.1; English
//     1.100 is 1.1); more than once, it groups thousands (Dutch 1,100,000).
//
// So "1.100" is eleven hundred in Dutch and one point one in English, and
// "1,100" the other way round: each reads as the page's language writes.
func (l lang) readNumber(s string, unit numUnit) string {
	if len(s) > 4*maxDigits {
		return ""
	}
	s = trimSpace(s)
	switch unit {
	case unitEuro:
		if t, ok := strings.CutPrefix(s, "€"); ok {
			s = trimSpace(t)
		} else if t, ok := strings.CutSuffix(s, "€"); ok {
			s = trimSpace(t)
		}
	case unitPercent:
		if t, ok := strings.CutSuffix(s, "%"); ok {
			s = trimSpace(t)
		}
	}
	sign := ""
	if t, ok := strings.CutPrefix(s, "-"); ok {
		sign, s = "-", t
	}
	if s == "" || !isDigit(s[0]) || !isDigit(s[len(s)-1]) {
		return ""
	}
	points, commas := strings.Count(s, "."), strings.Count(s, ",")
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isDigit(c) && c != '.' && c != ',' {
			return ""
		}
	}
	group := byte('.') // the thousands mark: Dutch "."
	if l == langEN {
		group = ','
	}
	var whole, frac string
	switch {
	case points > 0 && commas > 0:
		last := strings.LastIndexAny(s, ".,")
		dec := s[last]
		if strings.Count(s, string(dec)) != 1 {
			return ""
		}
		other := byte('.')
		if dec == '.' {
			other = ','
		}
		if strings.IndexByte(s[last:], other) >= 0 {
			return ""
		}
		whole, frac = s[:last], s[last+1:]
		var ok bool
		if whole, ok = ungroup(whole, other); !ok {
			return ""
		}
	case points == 0 && commas == 0:
		whole = s
	default:
		c, n := byte('.'), points
		if commas > 0 {
			c, n = ',', commas
		}
		switch g, ok := ungroup(s, c); {
		case ok && (c == group || n > 1):
			whole = g
		case n == 1:
			whole, frac, _ = strings.Cut(s, string(c))
		default:
			return ""
		}
	}
	if len(whole)+len(frac) > maxDigits {
		return ""
	}
	return plain(sign, whole, frac)
}

// ungroup removes the thousands mark c from s when s is grouped by it: one
// to three digits, then groups of exactly three.
func ungroup(s string, c byte) (string, bool) {
	parts := strings.Split(s, string(c))
	if len(parts[0]) < 1 || len(parts[0]) > 3 && len(parts) > 1 {
		return "", false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 {
			return "", false
		}
	}
	return strings.Join(parts, ""), true
}

// trimSpace trims spaces, including the no-break spaces that copying an
// amount from a web page or a spreadsheet brings.
func trimSpace(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\u00a0' || r == '\u202f' || r == '\u2009'
	})
}
