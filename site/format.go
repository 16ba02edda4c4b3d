package site

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/regelgids/regelgids/calculators/params/values"
)

// FormatValue writes a parameter value for readers of a language:
// "€ 1.050" and "12 maanden" in Dutch, "€1,050" and "12 months" in English.
// Whole euros drop the cents; a no-break space keeps number and unit
// together.
func FormatValue(v values.SetValue, lang string) string {
	const nbsp = "\u00a0"
	n := v.Value
	switch v.Unit {
	case values.UnitEUR:
		return euro(n, lang)
	case values.UnitEURPerHour:
		if lang == "en" {
			return euro(n, lang) + nbsp + "per hour"
		}
		return euro(n, lang) + nbsp + "per uur"
	case values.UnitPercent:
		return number(n, lang) + "%"
	case values.UnitMonths:
		word := map[bool]map[string]string{true: {"nl": "maand", "en": "month"}, false: {"nl": "maanden", "en": "months"}}[n.Equal(decimal.NewFromInt(1))][lang]
		return number(n, lang) + nbsp + word
	case values.UnitYears:
		if lang == "en" {
			if n.Equal(decimal.NewFromInt(1)) {
				return "1" + nbsp + "year"
			}
			return number(n, lang) + nbsp + "years"
		}
		return number(n, lang) + nbsp + "jaar"
	}
	return number(n, lang)
}

func euro(n decimal.Decimal, lang string) string {
	s := number(n.Round(2), lang)
	if !n.Equal(n.Truncate(0)) {
		s = fixed2(n, lang)
	}
	if lang == "en" {
		return "€" + s
	}
	return "€\u00a0" + s
}

// number writes n with thousands separators: "1.050" (nl), "1,050" (en).
func number(n decimal.Decimal, lang string) string {
	if !n.Equal(n.Truncate(0)) {
		s := n.String()
		if lang != "en" {
			s = strings.Replace(s, ".", ",", 1)
		}
		return s
	}
	return group(n.Truncate(0).String(), lang)
}

func fixed2(n decimal.Decimal, lang string) string {
	s := n.StringFixed(2)
	whole, frac, _ := strings.Cut(s, ".")
	if lang == "en" {
		return group(whole, lang) + "." + frac
	}
	return group(whole, lang) + "," + frac
}

func group(whole, lang string) string {
	sep := "."
	if lang == "en" {
		sep = ","
	}
	neg := strings.HasPrefix(whole, "-")
	whole = strings.TrimPrefix(whole, "-")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
