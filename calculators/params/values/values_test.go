package values

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func TestParseDate(t *testing.T) {
	for _, s := range []string{"2024-07-01", "2024-02-29", "2000-02-29", "2026-12-31"} {
		d, err := ParseDate(s)
		if err != nil || d.String() != s {
			t.Errorf("ParseDate(%q) = %v, %v", s, d, err)
		}
	}
	for _, s := range []string{"", "2025-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "0000-01-01", "2024-7-1", "2024/07/01", "+024-07-01", "2024-07-01 "} {
		if _, err := ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) accepted", s)
		}
	}
	a, b := Date{2024, 7, 1}, Date{2024, 12, 31}
	if !a.Before(b) || b.Before(a) || a.Compare(a) != 0 || b.Compare(a) != 1 || (Date{2025, 1, 1}).Compare(b) != 1 {
		t.Error("Compare")
	}
	var d Date
	if err := d.UnmarshalText([]byte("2025-01-02")); err != nil || d != (Date{2025, 1, 2}) || !(Date{}).IsZero() {
		t.Errorf("UnmarshalText: %v %v", d, err)
	}
	if err := d.UnmarshalText([]byte("x")); err == nil {
		t.Error("UnmarshalText accepted x")
	}
	if b, _ := d.MarshalText(); string(b) != "2025-01-02" {
		t.Errorf("MarshalText = %s", b)
	}
}

func TestParseDecimalAndFormat(t *testing.T) {
	for _, tc := range []struct{ in, out string }{{"600.00", "600.00"}, {"23.5", "23.5"}, {"0", "0"}, {"-1.50", "-1.50"}, {"007", "7"}} {
		d, ok := ParseDecimal(tc.in)
		if !ok || Format(d) != tc.out {
			t.Errorf("ParseDecimal(%q) = %v, %v", tc.in, Format(d), ok)
		}
	}
	for _, s := range []string{"", "-", ".5", "5.", "1e3", "1,5", " 1", "+1", "1.2.3", "--1", strings.Repeat("9", 41)} {
		if _, ok := ParseDecimal(s); ok {
			t.Errorf("ParseDecimal(%q) accepted", s)
		}
	}
}

func param(name, unit string, vals ...Value) Param {
	return Param{Name: name, Unit: unit, Source: Source{Article: "6", Paragraph: "5"}, Values: vals}
}

func TestTable(t *testing.T) {
	v := func(y, m int, s string) Value { return Value{From: Date{y, m, 1}, Value: decimal.RequireFromString(s)} }
	tb, err := NewTable([]Param{
		param("b", UnitEURPerHour, v(2024, 1, "13.27"), v(2024, 7, "13.68")),
		param("a", UnitEUR, v(2024, 7, "1050.00")),
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(tb.Names(), ","); got != "a,b" {
		t.Errorf("Names = %s", got)
	}
	if _, err := tb.At(Date{2024, 6, 30}); err == nil || err.Error() != "no value on 2024-06-30 for: a (first value from 2024-07-01)" {
		t.Errorf("At before: %v", err)
	}
	s, err := tb.At(Date{2024, 7, 1})
	if err != nil {
		t.Fatal(err)
	}
	if b := s.Values["b"]; Format(b.Value) != "13.68" || b.From != (Date{2024, 7, 1}) || !b.Until.IsZero() {
		t.Errorf("b on 2024-07-01 = %+v", b)
	}
	s, _ = tb.At(Date{2024, 6, 30}.next())
	js, _ := s.MarshalJSON()
	want := `{"date":"2024-07-01","values":{"a":{"value":"1050.00","unit":"EUR","from":"2024-07-01"},"b":{"value":"13.68","unit":"EUR/hour","from":"2024-07-01"}}}`
	if string(js) != want {
		t.Errorf("Set JSON\n got %s\nwant %s", js, want)
	}
	tb2, _ := NewTable([]Param{param("b", UnitEURPerHour, v(2024, 1, "13.27"), v(2024, 7, "13.68"))})
	s2, _ := tb2.At(Date{2024, 3, 1})
	js2, _ := s2.MarshalJSON()
	var back Set
	if err := back.UnmarshalJSON(js2); err != nil || back.Values["b"].Until != (Date{2024, 7, 1}) || back.Date != (Date{2024, 3, 1}) {
		t.Errorf("round trip: %v %+v (%s)", err, back, js2)
	}
	if src := (Source{Law: "Wet", URL: "https://x"}).String(); src != "Wet" {
		t.Errorf("law source = %s", src)
	}
	if src := (Source{Article: "17", Paragraph: "toelichting"}).String(); src != "art. 17 (toelichting)" {
		t.Errorf("toelichting source = %s", src)
	}
	if src := (Source{Article: "23"}).String(); src != "art. 23" {
		t.Errorf("article source = %s", src)
	}
	for _, ps := range [][]Param{
		{param("a", UnitEUR, v(2024, 1, "1")), param("a", UnitEUR, v(2024, 1, "1"))},
		{param("a", "euro", v(2024, 1, "1"))},
		{param("a", UnitEUR)},
		{param("a", UnitEUR, v(2024, 7, "1"), v(2024, 1, "1"))},
	} {
		if _, err := NewTable(ps); err == nil {
			t.Errorf("NewTable accepted %+v", ps)
		}
	}
}

// next is the day after d, for readable tests.
func (d Date) next() Date {
	if d.Day < daysIn(d.Year, d.Month) {
		return Date{d.Year, d.Month, d.Day + 1}
	}
	if d.Month < 12 {
		return Date{d.Year, d.Month + 1, 1}
	}
	return Date{d.Year + 1, 1, 1}
}

func TestSetUnmarshalErrors(t *testing.T) {
	for _, in := range []string{
		`[]`,
		`{"values":{"a":{"value":"1","unit":"EUR","from":"2024-07-01"}}}`,
		`{"date":"2024-07-01"}`,
		`{"date":"2024-07-01","values":{}}`,
		`{"date":"2024-07-01","values":{"a":{"value":"1","unit":"EUR","from":"2024-07-01"}},"extra":1}`,
		`{"date":"2024-07-01","date":"2024-07-01","values":{"a":{"value":"1","unit":"EUR","from":"2024-07-01"}}}`,
		`{"date":"2024-07-01","values":{"a":{"value":"1","unit":"EUR","from":"2024-07-01"},"a":{"value":"1","unit":"EUR","from":"2024-07-01"}}}`,
		`{"date":"2024-07-01","values":{"a":{"value":1,"unit":"EUR","from":"2024-07-01"}}}`,
		`{"date":"2024-07-01","values":{"a":{"value":"1","unit":"euro","from":"2024-07-01"}}}`,
		`{"date":"2024-07-01","values":{"a":{"value":"1","unit":"EUR"}}}`,
		`{"date":"2024-07-01","values":{"a":{"value":"1","unit":"EUR","from":"2024-07-01","until":"2024-07-01"}}}`,
		`{"date":"2024-07-01","values":{"a":{"value":"1","unit":"EUR","from":"2024-07-01","until":"x"}}}`,
		`{"date":"2024-07-01","values":{"a":[]}}`,
	} {
		var s Set
		if err := s.UnmarshalJSON([]byte(in)); err == nil {
			t.Errorf("accepted %s", in)
		}
	}
}
