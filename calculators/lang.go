package calculators

import (
	"strconv"

	"github.com/regelgids/regelgids/calculators/params/values"
	"github.com/shopspring/decimal"
)

// lang is the language of the texts of one run: the reasons, the summary's
// label and the messages of an InputError. It comes from the optional input
// field "lang": "nl" (the default) or "en".
//
// The texts are paired strings, Dutch first, chosen with t. No i18n
// library: the WebAssembly module has to stay small.
type lang uint8

const (
	langNL lang = iota // Dutch, addressing the reader as "u"
	langEN             // plain English, addressing the reader as "you"
)

// langField is the name of the input field that chooses the language.
const langField = "lang"

// langOf returns the language of a valid value of the field lang: "", "nl"
// or "en".
func langOf(s string) lang {
	if s == "en" {
		return langEN
	}
	return langNL
}

// t returns the text in the run's language.
func (l lang) t(nl, en string) string {
	if l == langEN {
		return en
	}
	return nl
}

var monthNames = [2][12]string{
	{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
	{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
}

// longDate writes a date in words: "1 juli 2024" or "1 July 2024".
func (l lang) longDate(d values.Date) string {
	if d.Month < 1 || d.Month > 12 {
		return d.String()
	}
	return strconv.Itoa(d.Day) + " " + monthNames[l][d.Month-1] + " " + strconv.Itoa(d.Year)
}

// euro formats an amount: "€ 1.050,00" in Dutch, "€1,050.00" in English.
func (l lang) euro(m Money) string {
	if l == langNL {
		return euro(m)
	}
	return formatEuro(m, "€", ',', ".")
}

// plainAmount writes an amount as a resident types it, without the euro
// sign: "1.250,50" in Dutch, "1,250.50" in English.
func (l lang) plainAmount(m Money) string {
	if l == langNL {
		return formatEuro(m, "", '.', ",")
	}
	return formatEuro(m, "", ',', ".")
}

// number formats a decimal: "23,5" in Dutch, "23.5" in English.
func (l lang) number(d decimal.Decimal) string {
	if l == langNL {
		return number(d)
	}
	return values.Format(d)
}

// year names the year of a value: "bedrag 2025" or "2025 amount".
func (l lang) year(v values.SetValue) string {
	y := v.From.String()[:4]
	return l.t("bedrag "+y, y+" amount")
}

// times writes a number of periods of some months: "2 keer 6 maanden" or
// "2 periods of 6 months".
func (l lang) times(n, months int) string {
	m := strconv.Itoa(months)
	if l == langNL {
		return strconv.Itoa(n) + " keer " + m + " maanden"
	}
	if n == 1 {
		return "1 period of " + m + " months"
	}
	return strconv.Itoa(n) + " periods of " + m + " months"
}

// FormatEuro writes an amount the way the reasons do, always with cents:
// "€ 600,00" for "nl", "€600.00" for "en". The site formats the amounts of
// its examples with it, so a page has one money format.
func FormatEuro(m Money, language string) string { return langOf(language).euro(m) }
