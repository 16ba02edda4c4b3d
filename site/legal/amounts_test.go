package legal

import (
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func TestAmounts(t *testing.T) {
	tests := []struct {
		in   string
		want string // per amount: "text = value unit [bound] [per …] (from the bound's start)"
	}{
		{"een premie van € 1.050,00 (bedrag 2024)", "€ 1.050,00 = 1050 euro [exact] (van € 1.050,00)"},
		{"€ 600,- per maand", "€ 600,- = 600 euro per maand"},
		{"€600", "€600 = 600 euro"},
		{"€ 1050", "€ 1050 = 1050 euro"},
		{"€ 14,50 per uur", "€ 14,50 = 14.5 euro per uur"},
		{"700 euro of meer", "700 euro = 700 euro"},
		{"1.000 Euro per jaar", "1.000 Euro = 1000 euro per jaar"},
		{"€ 700,00 euro", "€ 700,00 = 700 euro"},
		{"tot maximaal € 2.100,00", "€ 2.100,00 = 2100 euro [max] (tot maximaal € 2.100,00)"},
		{"€ 1.050,00 per 6 maanden", "€ 1.050,00 = 1050 euro per 6 maanden | 6 maanden = 6 maanden"},
		{"maximaal 50% van de loonkosten", "50% = 50 procent [max] (maximaal 50%)"},
		{"2,5 procent", "2,5 procent = 2.5 procent"},
		{"50 %", "50 % = 50 procent"},
		{"minimaal 6 maanden", "6 maanden = 6 maanden [min] (minimaal 6 maanden)"},
		{"ten  minste 1 maand", "1 maand = 1 maanden [min] (ten  minste 1 maand)"},
		{"een arbeidsovereenkomst van 12 maanden", "12 maanden = 12 maanden [exact] (van 12 maanden)"},
		{"een aaneengesloten periode van 3 jaar", "3 jaar = 3 jaar [periode] (periode van 3 jaar)"},
		{"2 jaren en 4 weken en 1 week", "2 jaren = 2 jaar | 4 weken = 4 weken | 1 week = 1 weken"},
		{"hoogstens 26 weken", "26 weken = 26 weken [max] (hoogstens 26 weken)"},
		{"€ 3 maand", "€ 3 = 3 euro"},
		// Not amounts.
		{"artikel 6 lid 2", ""},
		{"in 2024", ""},
		{"de 3 inwoners", ""},
		{"€ ", ""},
		{"600euro", ""},
	}
	bound := map[Bound]string{Exact: "exact", AtLeast: "min", AtMost: "max", PeriodOf: "periode"}
	for _, tt := range tests {
		var got []string
		for _, a := range Amounts(tt.in) {
			if tt.in[a.Start:a.End] != a.Text {
				t.Errorf("Amounts(%q): span %d:%d is %q, Text %q", tt.in, a.Start, a.End, tt.in[a.Start:a.End], a.Text)
			}
			s := fmt.Sprintf("%s = %s %s", a.Text, a.Value, a.Unit)
			if a.BoundStart != a.Start {
				s += " [" + bound[a.Bound] + "]"
			}
			if a.Per != "" {
				s += " per " + a.Per
			}
			if a.BoundStart != a.Start {
				s += " (" + tt.in[a.BoundStart:a.End] + ")"
			}
			got = append(got, s)
		}
		if g := strings.Join(got, " | "); g != tt.want {
			t.Errorf("Amounts(%q)\n got %s\nwant %s", tt.in, g, tt.want)
		}
	}
}

func TestAmountString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"€ 1.050,00", "€ 1.050"},
		{"€ 1.050,5", "€ 1.050,50"},
		{"€ 0,125", "€ 0,125"},
		{"€ 2.100,00 per jaar", "€ 2.100 per jaar"},
		{"1000000 euro", "€ 1.000.000"},
		{"minimaal 6 maanden", "minimaal 6 maanden"},
		{"ten minste 1 maand", "minimaal 1 maand"},
		{"hoogstens 1 week", "maximaal 1 week"},
		{"periode van 3 jaren", "periode van 3 jaar"},
		{"van 6 maanden", "6 maanden"},
		{"2,50 procent", "2,5%"},
	}
	for _, tt := range tests {
		as := Amounts(tt.in)
		if len(as) != 1 {
			t.Errorf("Amounts(%q) = %d amounts, want 1", tt.in, len(as))
			continue
		}
		if got := as[0].String(); got != tt.want {
			t.Errorf("Amounts(%q).String() = %q, want %q", tt.in, got, tt.want)
		}
		checkAmountRoundTrip(t, as[0])
	}
}

func TestPeriod(t *testing.T) {
	tests := []struct{ in, want string }{
		{"€ 2.100 per jaar", "jaar"},
		{"De inwoner kan na iedere 6 maanden een premie van € 1.050,00 ontvangen.", "6 maanden"},
		{"De gemeente indexeert de premie jaarlijks.", "jaar"},
		{"Elke Week", "week"},
		{"per kwartaal of per maand", "kwartaal"},
		{"een premie van € 600", ""},
		{"performance per jaartal", ""},
		{"De premie wordt wekelijks betaald.", "week"},
		{"MAANDELIJKS", "maand"},
		{"per \u212awartaal", "kwartaal"}, // the Kelvin sign is a k to (?i)
		{"per uur", "uur"},
		{"iedere dag", "dag"},
	}
	for _, tt := range tests {
		if got := Period(tt.in); got != tt.want {
			t.Errorf("Period(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNumbers(t *testing.T) {
	tests := []struct {
		in, value, out string
	}{
		{"1.250,50", "1250.5", "1.250,5"},
		{"1250,50", "1250.5", "1.250,5"},
		{"600", "600", "600"},
		{"2,5", "2.5", "2,5"},
		{"1.000.000", "1000000", "1.000.000"},
		{"0,05", "0.05", "0,05"},
		{"007", "7", "7"},
	}
	for _, tt := range tests {
		v, err := ParseNumber(tt.in)
		if err != nil || v.String() != tt.value {
			t.Errorf("ParseNumber(%q) = %v, %v; want %s", tt.in, v, err, tt.value)
			continue
		}
		if got := FormatNumber(v); got != tt.out {
			t.Errorf("FormatNumber(%s) = %q, want %q", v, got, tt.out)
		}
	}
	for _, bad := range []string{"", "1.25", "1.2500", "1,", ",5", "1 000", "-3", "1.250.50", "€ 600", "12a"} {
		if v, err := ParseNumber(bad); err == nil {
			t.Errorf("ParseNumber(%q) = %v, want an error", bad, v)
		}
	}
	if got := FormatNumber(decimal.RequireFromString("-1234567.891")); got != "-1.234.567,891" {
		t.Errorf("FormatNumber(-1234567.891) = %q", got)
	}
}

// checkAmountRoundTrip: an amount's standard form reads back, first, as
// the same value, unit, bound and period.
func checkAmountRoundTrip(t *testing.T, a Amount) {
	t.Helper()
	s := a.String()
	back := Amounts(s)
	if len(back) == 0 || !back[0].Value.Equal(a.Value) || back[0].Unit != a.Unit || back[0].Bound != a.Bound || back[0].Per != a.Per {
		t.Errorf("%q (%s %s, bound %d, per %q) reads back from %q as %+v", a.Text, a.Value, a.Unit, a.Bound, a.Per, s, back)
	}
	if v, err := ParseNumber(FormatNumber(a.Value)); err != nil || !v.Equal(a.Value) {
		t.Errorf("FormatNumber(%s) = %q reads back as %v, %v", a.Value, FormatNumber(a.Value), v, err)
	}
}

// FuzzAmounts: no panic; every amount is where it says, its bounding
// words come before it, its value is not negative, and it reads back
// from its standard form; Period never panics.
func FuzzAmounts(f *testing.F) {
	for _, s := range []string{
		"een premie van € 1.050,00 per 6 maanden", "tot maximaal € 2.100,00 (bedrag 2024)", "€ 600,- per maand",
		"700 euro", "maximaal 50%", "2,5 procent", "minimaal 6 maanden", "een periode van 3 jaren", "ten minste 26 weken",
		"€ 0,125 jaarlijks", "wekelijks", "elke dag",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		Period(s)
		if !strings.ContainsAny(s, "0123456789") && reAmount.MatchString(s) {
			t.Fatalf("%q has no digit but an amount", s) // Amounts looks only where there are digits
		}
		if !mayNamePeriod(s) && rePeriod.MatchString(s) {
			t.Fatalf("%q names a period without a digit or a unit word", s) // Period looks only there
		}
		end := 0
		for _, a := range Amounts(s) {
			if a.BoundStart < end || a.Start < a.BoundStart || a.End <= a.Start || a.End > len(s) || s[a.Start:a.End] != a.Text {
				t.Fatalf("span %d:%d:%d (after %d) of %q in %q", a.BoundStart, a.Start, a.End, end, a.Text, s)
			}
			end = a.End
			if a.Value.IsNegative() {
				t.Fatalf("%q: negative value %s", a.Text, a.Value)
			}
			checkAmountRoundTrip(t, a)
		}
	})
}
