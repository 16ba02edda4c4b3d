// Package readability scores Dutch and English texts of the site (guides,
// articles, leden, toelichting, glossary entries) and judges them against
// the B1 thresholds in the content folder's leesbaarheid.yaml, where every
// threshold names its source.
//
// Use:
//
//	th, err := readability.ParseThresholds(name, data)
//	r := readability.Analyze(text, "nl", readability.Options{
//		Kind: "guide", Thresholds: th, Jargon: jargon, Explained: glossaryTerms, Common: common,
//	})
//	// r.Metrics, r.Sentences, r.Problems (reasons in the text's language), r.Pass
//
// Text is plain: the caller strips Markdown. Paragraphs are separated by a
// blank line, list items start with "- " (or "1.", "a)", "•"); a heading or
// list item without a final period is a sentence of its own (Split).
//
// # Measures
//
//   - Flesch–Douma = 206.84 − 0.77 × syllables per 100 words − 0.93 × words
//     per sentence; Leesindex Brouwer = 195 − 2 × words per sentence − 67 ×
//     syllables per word (Dutch).
//   - Flesch Reading Ease = 206.835 − 1.015 × words per sentence − 84.6 ×
//     syllables per word; Flesch–Kincaid grade = 0.39 × words per sentence +
//     11.8 × syllables per word − 15.59 (English).
//   - Average and longest sentence in words; the share of long words (four
//     or more syllables, numbers and abbreviations left out); sentences in
//     the passive voice (passive.go says how they are found); jargon used
//     without explanation on the page (jargon.go); the share of words
//     outside a list of common words.
//   - A number is one word with the syllables of the number read aloud
//     ("600" is zes-hon-derd); "€" and "%" are not words. An abbreviation
//     in capitals ("UWV") is spelled, one syllable a letter.
//
// # Dutch syllables
//
// Syllables are vowel groups, split further where the OpenTaal
// hyphenation patterns (data/hyph_nl_NL.dic, applied with Liang's
// algorithm) break a vowel group, plus a few rules for vowel clashes the
// patterns leave alone at word ends ("ra-di-o", "mooi-e"). Measured on
// hand-counted words in testdata (TestDutchSyllableAccuracy logs the
// numbers): 348 of 348 (100%) on lettergrepen.txt, the list the rules were
// tuned on, including compounds and loanwords (loonkostensubsidie,
// uitstroompremie, participatieplaats, jobcoach, re-integratie,
// ambtshalve), and 125 of 126 (99.2%) on lettergrepen-controle.txt, a list
// written afterwards and not used for tuning (the miss: "smartphone"). The
// English counter is a rule of thumb (vowel groups, silent e, -ed, -es) and
// is not measured the same way.
//
// # Common words
//
// The common-word list is woorden/gewone-woorden.txt in the content folder: the
// 10,000 most frequent word forms of the npm package
// @zxcvbn-ts/language-nl-be (MIT); its header says how it was made.
package readability
