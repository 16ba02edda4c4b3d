package site

import (
	"strings"
	"testing"
)

func TestServeRangesFit(t *testing.T) {
	const size = 10000
	cases := []struct {
		header string
		fit    bool
	}{
		{"bytes=0-99", true},
		{"bytes=-500", true},
		{"bytes=9000-", true},
		{"bytes=0-", true},
		{"bytes=0-99999999", true},
		{"bytes=0-99,200-299", true},
		{"bytes=200-299,0-99", true},    // out of order, apart
		{"bytes=0-99,100-199", true},    // adjacent
		{"bytes=0-99, ,,200-299", true}, // empty elements do not count
		{"bytes=0-99,20000-", true},     // unsatisfiable parts are left out
		{"bytes=0-99,50-149", false},    // overlapping
		{"bytes=-100,9950-", false},     // overlapping at the end
		{"bytes=0-,0-", false},          // the whole file twice
		{"bytes=0-4999,5000-", false},   // the whole file plus part headers
		{"bytes=" + strings.Repeat("1-1,", 300) + "1-1", false},
		{"bytes=0-0,2-2,4-4,6-6,8-8,10-10,12-12,14-14,16-16,18-18", true}, // ten
		{"bytes=0-0,2-2,4-4,6-6,8-8,10-10,12-12,14-14,16-16,18-18,20-20", false}, // eleven
		{"bytes=x-y", true},   // left to ServeContent, which answers 416
		{"bytes=5-1", true},   // idem
		{"items=0-1", true},   // idem
		{"bytes=0-1,5", true}, // idem
	}
	for _, c := range cases {
		if got := rangesFit(c.header, size); got != c.fit {
			t.Errorf("rangesFit(%.60q) = %v, want %v", c.header, got, c.fit)
		}
	}
}

func TestServeCutQuery(t *testing.T) {
	a := strings.Repeat("a", 199)
	cases := []struct{ in, want string }{
		{"werk", "werk"},
		{a + "é", a},
		{a + "ab", a + "a"},
		{a[:197] + "😀", a[:197]},
		{strings.Repeat("é", 150), strings.Repeat("é", 100)},
		{strings.Repeat("\x80", 300), strings.Repeat("\uFFFD", 1)},
	}
	for _, c := range cases {
		if got := cutQuery(c.in); got != c.want {
			t.Errorf("cutQuery(%.20q…) = %.20q… (%d bytes), want %d bytes", c.in, got, len(got), len(c.want))
		}
	}
}
