package calculators

import "testing"

// TestReadNumber: numbers as residents type them, in both languages, with
// the value they give ("" is refused). The ambiguous ones are decided by the
// language: a single "." followed by three digits groups thousands in
// Dutch and is a decimal point in English, and "," the other way round.
func TestReadNumber(t *testing.T) {
	for _, tc := range []struct {
		in     string
		unit   numUnit
		nl, en string
	}{
		// The formats of the issue.
		{"1.100,00", unitEuro, "1100.00", "1100.00"},
		{"1100", unitEuro, "1100", "1100"},
		{"1.100", unitEuro, "1100", "1.100"},
		{"€ 1.100", unitEuro, "1100", "1.100"},
		{"14,50", unitEuro, "14.50", "14.50"},
		{"60%", unitPercent, "60", "60"},
		{"60 %", unitPercent, "60", "60"},
		{"1,100.00", unitEuro, "1100.00", "1100.00"},
		{"1,100", unitEuro, "1.100", "1100"},
		{"1,5", unitNone, "1.5", "1.5"},
		{"1.5", unitNone, "1.5", "1.5"},
		// More of the same.
		{"€1.250,50", unitEuro, "1250.50", "1250.50"},
		{"1.250,50 €", unitEuro, "1250.50", "1250.50"},
		{"€\u00a01.250,50", unitEuro, "1250.50", "1250.50"},
		{" 700 ", unitEuro, "700", "700"},
		{"700.00", unitEuro, "700.00", "700.00"},
		{"1.100.000", unitEuro, "1100000", "1100000"},
		{"1,100,000", unitEuro, "1100000", "1100000"},
		{"1.100.000,5", unitEuro, "1100000.5", "1100000.5"},
		{"62,5%", unitPercent, "62.5", "62.5"},
		{"62.5 %", unitPercent, "62.5", "62.5"},
		{"24,5", unitNone, "24.5", "24.5"},
		{"0,50", unitEuro, "0.50", "0.50"},
		{"-5", unitEuro, "-5", "-5"},
		{"035", unitNone, "35", "35"},
		// Refused: the messages say what to type.
		{"tieneuro", unitEuro, "", ""},
		{"10 euro", unitEuro, "", ""},
		{"€", unitEuro, "", ""},
		{"", unitEuro, "", ""},
		{",5", unitEuro, "", ""},
		{".5", unitEuro, "", ""},
		{"5,", unitEuro, "", ""},
		{"+5", unitEuro, "", ""},
		{"5e1", unitPercent, "", ""},
		{"1.10.0", unitEuro, "", ""},
		{"1.100,00,00", unitEuro, "", ""},
		{"1,100.000,00", unitEuro, "", ""},
		{"1 100", unitEuro, "", ""},
		{"60%", unitEuro, "", ""},
		{"€ 60", unitPercent, "", ""},
		{"60 %", unitNone, "", ""},
		{"1" + string(make([]byte, 200)), unitNone, "", ""},
	} {
		if got := langNL.readNumber(tc.in, tc.unit); got != tc.nl {
			t.Errorf("nl %q: got %q, want %q", tc.in, got, tc.nl)
		}
		if got := langEN.readNumber(tc.in, tc.unit); got != tc.en {
			t.Errorf("en %q: got %q, want %q", tc.in, got, tc.en)
		}
	}
}
