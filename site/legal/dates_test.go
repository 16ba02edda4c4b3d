package legal

import (
	"strings"
	"testing"
)

func TestDates(t *testing.T) {
	tests := []struct {
		in   string
		want string // per date: "text = ISO", "(digits)" for the numeric form
	}{
		{"Deze verordening treedt in werking op 1 juli 2024.", "1 juli 2024 = 2024-07-01"},
		{"van 14 mei 2024; gelet op het advies van 29 maart 2024", "14 mei 2024 = 2024-05-14 | 29 maart 2024 = 2024-03-29"},
		{"1 Juli  2024", "1 Juli  2024 = 2024-07-01"},
		{"Geldend van 10-07-2024 t/m heden", "10-07-2024 = 2024-07-10 (digits)"},
		{"op 1-7-2024 en 1 september 2024", "1-7-2024 = 2024-07-01 (digits) | 1 september 2024 = 2024-09-01"},
		{"29 februari 2024", "29 februari 2024 = 2024-02-29"},
		// Not dates.
		{"29 februari 2023", ""},
		{"31-04-2024", ""},
		{"00 juli 2024", ""},
		{"1 juli 24", ""},
		{"gmb-2019-277778", ""},
		{"2024-07-01", ""},
		{"11 juli 20245", ""},
		{"1 julie 2024", ""},
	}
	for _, tt := range tests {
		var got []string
		for _, d := range Dates(tt.in) {
			if tt.in[d.Start:d.End] != d.Text {
				t.Errorf("Dates(%q): span %d:%d is %q, Text %q", tt.in, d.Start, d.End, tt.in[d.Start:d.End], d.Text)
			}
			s := d.Text + " = " + d.ISO()
			if d.Digits {
				s += " (digits)"
			}
			got = append(got, s)
		}
		if g := strings.Join(got, " | "); g != tt.want {
			t.Errorf("Dates(%q)\n got %s\nwant %s", tt.in, g, tt.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"1 juli 2024": "2024-07-01", " 01-07-2024 ": "2024-07-01", "1-7-2024": "2024-07-01", "31 december 1999": "1999-12-31",
	} {
		d, err := ParseDate(in)
		if err != nil || d.ISO() != want {
			t.Errorf("ParseDate(%q) = %v, %v; want %s", in, d, err, want)
		}
	}
	for in, want := range map[string]string{
		"":                       `not a date such as "1 juli 2024" or "01-07-2024": ""`,
		"op 1 juli 2024":         `not a date`,
		"31 juni 2024":           `no such day: "31 juni 2024"`,
		"1 juli 2024 en 2 juli":  `not a date`,
		"0001-07-01":             `not a date`,
		"1 juli 0999":            `no such day`,
		strings.Repeat("x", 100): `…`,
	} {
		if _, err := ParseDate(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseDate(%q) error %v, want it to say %q", in, err, want)
		}
	}
	d := Date{2024, 7, 1}
	if d.String() != "1 juli 2024" || d.Numeric() != "01-07-2024" || d.ISO() != "2024-07-01" {
		t.Errorf("Date{2024, 7, 1}: %q %q %q", d.String(), d.Numeric(), d.ISO())
	}
	if MonthName(12) != "december" || MonthName(0) != "" || MonthName(13) != "" {
		t.Error("MonthName")
	}
}

func TestParseValidity(t *testing.T) {
	tests := []struct {
		in   string
		want string // from/until/retroactive, "-" for none; "" when not a validity line
	}{
		{"Geldend van 10-07-2024 t/m heden met terugwerkende kracht vanaf 01-07-2024", "2024-07-10/-/2024-07-01"},
		{"Geldend van 01-01-2019 t/m 31-12-2020", "2019-01-01/2020-12-31/-"},
		{"Geldend van 01-01-2019 t/m heden", "2019-01-01/-/-"},
		{"Geldend van 31-02-2019 t/m heden", ""},
		{"Geldend vanaf 01-01-2019", ""},
		{"Deze regeling is geldend van 01-01-2019 t/m heden", ""},
	}
	iso := func(d Date) string {
		if d.IsZero() {
			return "-"
		}
		return d.ISO()
	}
	for _, tt := range tests {
		got := ""
		if v, ok := ParseValidity(tt.in); ok {
			got = iso(v.From) + "/" + iso(v.Until) + "/" + iso(v.Retroactive)
		}
		if got != tt.want {
			t.Errorf("ParseValidity(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestInForce(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Deze verordening treedt in werking op 1 juli 2024.", "2024-07-01"},
		{"Deze verordening treedt in werking met ingang van 1 september 2024. De Re-integratieverordening 2021 wordt ingetrokken.", "2024-09-01"},
		{"Treedt in werking per 01-01-2025", "2025-01-01"},
		{"Deze verordening treedt in werking op de dag na bekendmaking.", ""},
		{"treedt in werking op 31 juni 2024, of anders treedt in werking op 1 juli 2024", "2024-07-01"},
		{"in werking op 1 juli 2024", ""},
	}
	for _, tt := range tests {
		got := ""
		if d, ok := InForce(tt.in); ok {
			got = d.ISO()
		}
		if got != tt.want {
			t.Errorf("InForce(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzDates: no panic; every date found is a day of the calendar, where it
// says, and reads back from its text, its String and its Numeric form; a
// date ParseDate accepts does the same; ParseValidity and InForce give
// days of the calendar.
func FuzzDates(f *testing.F) {
	for _, s := range []string{
		"op 1 juli 2024 of 01-07-2024", "29 februari 2024", "31-04-2024", "1-7-2024",
		"Geldend van 10-07-2024 t/m heden met terugwerkende kracht vanaf 01-07-2024",
		"Deze verordening treedt in werking met ingang van 1 september 2024.",
	} {
		f.Add(s)
	}
	roundTrip := func(t *testing.T, d Date) {
		for _, s := range []string{d.String(), d.Numeric()} {
			if back, err := ParseDate(s); err != nil || back != d {
				t.Fatalf("%+v: %q reads back as %+v, %v", d, s, back, err)
			}
		}
		if iso := d.ISO(); len(iso) != 10 || iso[4] != '-' || iso[7] != '-' {
			t.Fatalf("%+v: ISO %q", d, iso)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		end := 0
		for _, d := range Dates(s) {
			if d.Start < end || d.End <= d.Start || d.End > len(s) || s[d.Start:d.End] != d.Text {
				t.Fatalf("span %d:%d (after %d) of %q in %q", d.Start, d.End, end, d.Text, s)
			}
			end = d.End
			if !d.Valid() {
				t.Fatalf("%q: %+v is no day", d.Text, d.Date)
			}
			if back, err := ParseDate(d.Text); err != nil || back != d.Date {
				t.Fatalf("%q reads back as %+v, %v; want %+v", d.Text, back, err, d.Date)
			}
			roundTrip(t, d.Date)
		}
		if d, err := ParseDate(s); err == nil {
			if !d.Valid() {
				t.Fatalf("ParseDate(%q) = %+v, no day", s, d)
			}
			roundTrip(t, d)
		}
		if v, ok := ParseValidity(s); ok {
			for _, d := range []Date{v.From, v.Until, v.Retroactive} {
				if !d.IsZero() && !d.Valid() {
					t.Fatalf("ParseValidity(%q): %+v", s, v)
				}
			}
		}
		if d, ok := InForce(s); ok && !d.Valid() {
			t.Fatalf("InForce(%q) = %+v", s, d)
		}
	})
}
