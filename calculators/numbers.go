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
