// Package calculators holds the rules of a municipal re-integration
// ordinance under the Participatiewet that can be computed: the
// uitstroompremie, the participatiepremie and the two kinds of
// loonkostensubsidie.
//
// Every calculator is a Rule: one field schema that drives the JSON
// decoder, the range checks and the site's form, and a pure computation
// from the decoded input and a values.Set to a Result with Eligible,
// outputs and Reasons. The rules name no municipality and no article: a
// Binding (data, from the content folder's calculators.yaml) says when the
// ordinance took effect, which rules a site publishes and which article and
// lid each reason cites. Binding.Run and Binding.RunTable run a rule from
// JSON for the command line and the site, RunJSON for the browser (through
// WebAssembly), so all share one schema. Money is decimal, never float, and
// is rounded in one place: see cents.
//
// Every input has the optional field "lang": "nl", the default, gives the
// reasons, the summary's label and the messages of an InputError in plain
// Dutch that addresses the reader as "u"; "en" gives them in plain English.
// Any other value is an input error on "lang".
package calculators

import (
	"errors"
	"strings"

	"github.com/regelgids/regelgids/calculators/internal/jsonlite"
	"github.com/regelgids/regelgids/calculators/params/values"
	"github.com/shopspring/decimal"
)

// Reason is one step of a decision in plain language, with the rule it rests
// on: Dutch (B1, addressing the reader as "u"), or English when the input has
// "lang": "en".
// Its JSON form is {"law": ..., "article": ..., "paragraph": ..., "text": ...}
// with "law" only when set.
type Reason struct {
	// Key is the reason's key in its rule (see Rule.Reasons), "" for a
	// reason from other law. It is not part of the JSON.
	Key string `json:"-"`
	// Law is empty for the ordinance itself; otherwise the law that Article
	// and Paragraph belong to, such as "Participatiewet".
	Law string `json:"law,omitempty"`
	// Article is the article number: of the ordinance, as the binding cites
	// it, or of the Law.
	Article string `json:"article"`
	// Paragraph is the lid, "" when the whole article is meant, or
	// "toelichting" when the rule comes from the explanatory notes.
	Paragraph string `json:"paragraph"`
	// Text is a few short sentences at language level B1, in the input's
	// language.
	Text string `json:"text"`
}

func (r Reason) json() []byte {
	var w jsonlite.Writer
	if r.Law != "" {
		w.String("law", r.Law)
	}
	w.String("article", r.Article)
	w.String("paragraph", r.Paragraph)
	w.String("text", r.Text)
	return w.Bytes()
}

func reasonsJSON(rs []Reason) []byte {
	items := make([][]byte, len(rs))
	for i, r := range rs {
		items[i] = r.json()
	}
	return jsonlite.Array(items)
}

func (m Money) raw() []byte { return jsonlite.Quote(m.String()) }

// Money is an amount in euros. It marshals to JSON as a string with two
// decimals, such as "600.00".
type Money decimal.Decimal

// ParseMoney reads an amount such as "700" or "699.99".
func ParseMoney(s string) (Money, error) {
	d, ok := values.ParseDecimal(s)
	if !ok || d.Exponent() < -2 {
		return Money{}, errors.New("not an amount with at most 2 decimals: " + s)
	}
	return Money(d), nil
}

// String returns the amount with two decimals.
func (m Money) String() string { return decimal.Decimal(m).StringFixed(2) }

// MarshalJSON writes the amount as a string with two decimals.
func (m Money) MarshalJSON() ([]byte, error) { return jsonlite.Quote(m.String()), nil }

func (m Money) dec() decimal.Decimal { return decimal.Decimal(m) }

// cents rounds num/den to whole cents, half away from zero: 0.125 becomes
// 0.13 and -0.125 becomes -0.13. It is the only place where this package
// rounds: every amount is computed exactly, and the single division that may
// not be exact (such as hours per week × 52 / 12) happens here, so no
// intermediate rounding can shift a cent.
func cents(num, den decimal.Decimal) Money {
	return Money(num.DivRound(den, 2))
}

var (
	one     = decimal.NewFromInt(1)
	hundred = decimal.NewFromInt(100)
)

// euro formats an amount the Dutch way: € 1.050,00.
func euro(m Money) string { return formatEuro(m, "€ ", '.', ",") }

// formatEuro writes m with a currency prefix, a thousands separator and a
// decimal mark: Dutch "€ 1.050,00", English "€1,050.00".
func formatEuro(m Money, prefix string, thousands byte, mark string) string {
	s := m.String()
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteString("-")
	}
	b.WriteString(prefix)
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(thousands)
		}
		b.WriteRune(c)
	}
	b.WriteString(mark + frac)
	return b.String()
}

// number formats a decimal the Dutch way, with a decimal comma: 23,5.
func number(d decimal.Decimal) string {
	return strings.Replace(values.Format(d), ".", ",", 1)
}
