package values

import (
	"errors"
	"strconv"
)

// Date is a civil date without time or zone: the day a rule or amount takes
// effect. Its text and JSON form is YYYY-MM-DD. The zero Date means "no date".
type Date struct {
	Year  int
	Month int
	Day   int
}

// ErrBadDate is returned by ParseDate for text that is not a real
// calendar date in the form YYYY-MM-DD.
var ErrBadDate = errors.New("not a date of the form YYYY-MM-DD")

// ParseDate parses a date in the form YYYY-MM-DD. It rejects dates that do
// not exist, such as 2025-02-29.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, ErrBadDate
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 || y == 0 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return Date{}, ErrBadDate
	}
	return Date{y, m, d}, nil
}

// daysIn returns the number of days of month m in year y (Gregorian).
func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// digits parses a run of ASCII digits; strconv.Atoi alone would also take
// signs.
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// Compare returns -1, 0 or +1 when d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return sign(d.Year - e.Year)
	case d.Month != e.Month:
		return sign(d.Month - e.Month)
	default:
		return sign(d.Day - e.Day)
	}
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// String returns d as YYYY-MM-DD.
func (d Date) String() string {
	b := make([]byte, 0, 10)
	b = pad(b, d.Year, 4)
	b = append(b, '-')
	b = pad(b, d.Month, 2)
	b = append(b, '-')
	b = pad(b, d.Day, 2)
	return string(b)
}

func pad(b []byte, n, width int) []byte {
	s := strconv.Itoa(n)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// MarshalText implements encoding.TextMarshaler, so Date is a JSON string.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Date) UnmarshalText(b []byte) error {
	p, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = p
	return nil
}
