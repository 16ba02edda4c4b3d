// Package legal reads the pieces of Dutch legal language that the rest of
// regelgids reasons about: references to articles, leden and onderdelen,
// amounts with their unit, and dates. It is the one grammar for them, shared
// by the ordinance reader, the site's text renderer, the amounts check and
// the consistency check.
//
// Each finder takes running text and returns what it found in text order,
// with its place (Span):
//
//	References("zie artikel 17, tweede lid, onder a")  // artikel 17 lid 2 onderdeel a
//	References("(eerste en tweede lid)")                // leden 1 and 2 of the article at hand
//	References("artikel 10d van de wet")                // Law: "wet"
//	Amounts("€ 1.050,00 per 6 maanden")                 // 1050 euro, Per "6 maanden"; and 6 months
//	Amounts("minimaal 6 maanden")                       // 6 months, AtLeast
//	Dates("op 1 juli 2024 of 01-07-2024")               // 2024-07-01, twice
//
// and each has a String form that reads back to the same value:
// References(r.String()) gives r's targets and law, Amounts(a.String())
// a's value, unit, bound and period, ParseDate(d.String()) d.
//
// The finders are deliberately literal: a pattern of words, not an
// understanding of the sentence. What each accepts is listed at the finder;
// anything else is ordinary text.
package legal

// Span is where something was found in a text: Text is text[Start:End],
// as written.
type Span struct {
	Start, End int
	Text       string
}
