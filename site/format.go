package site

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/regelgids/regelgids/calculators/params/values"
	"github.com/regelgids/regelgids/site/project"
)

// Words are the interface texts of one language (templates/i18n/LANG.yaml
// with the site's overrides): the unit words of values and the names the
// generator puts into titles come from there, not from Go code.
type Words map[string]string

// Words returns the interface texts of a language as a site of p shows
// them, for callers that render no page (regelgids check).
func (r *Renderer) Words(p *project.Project, lang string) Words {
	return withOverrides(r.i18n[lang], p.Meta.Site.Overrides(lang))
}

// FormatValue writes a parameter value for readers of a language:
// "€ 1.050" and "12 maanden" in Dutch, "€1,050" and "12 months" in English.
// Whole euros drop the cents; a no-break space keeps number and unit
// together. The unit words are w's unit_* texts.
func FormatValue(v values.SetValue, lang string, w Words) string {
	const nbsp = "\u00a0"
	n := v.Value
	one := n.Equal(decimal.NewFromInt(1))
	switch v.Unit {
	case values.UnitEUR:
		return euro(n, lang)
	case values.UnitEURPerHour:
		return euro(n, lang) + nbsp + w["unit_per_hour"]
	case values.UnitPercent:
		return number(n, lang) + "%"
	case values.UnitMonths:
		return number(n, lang) + nbsp + w[map[bool]string{true: "unit_month", false: "unit_months"}[one]]
	case values.UnitYears:
		return number(n, lang) + nbsp + w[map[bool]string{true: "unit_year", false: "unit_years"}[one]]
	}
	return number(n, lang)
}

// FormatDecimal writes a measured value with a fixed number of decimals
// for readers of a language: "8,2" and "−152" in Dutch, "8.2" in English.
// A negative value has a real minus sign, which screen readers read out.
func FormatDecimal(v float64, places int32, lang string) string {
	s := fixed(decimal.NewFromFloat(v), places, lang)
	if s, ok := strings.CutPrefix(s, "-"); ok {
		if strings.Trim(s, "0.,") == "" {
			return s // -0,0 is 0,0
		}
		return "\u2212" + s
	}
	return s
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

func fixed2(n decimal.Decimal, lang string) string { return fixed(n, 2, lang) }

// fixed writes n rounded to places decimals, grouped: "1.250,50" (nl),
// "1,250.50" (en).
func fixed(n decimal.Decimal, places int32, lang string) string {
	s := n.StringFixed(places)
	whole, frac, hasFrac := strings.Cut(s, ".")
	if !hasFrac {
		return group(whole, lang)
	}
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
