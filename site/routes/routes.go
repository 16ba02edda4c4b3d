// Package routes decides the address of every page of a site, in one
// place, as Hugo's page_paths does: the generator, its link checks, the
// search index and the templates ask here instead of building paths.
//
// A path is a site path without a language prefix ("/artikel/6/"); a full
// path has the prefix of its language ("/en/artikel/6/"). The first
// language of a site lives at the root, every other one under /LANG/.
package routes

import (
	"strings"
)

// Kind is a kind of page.
type Kind string

// The kinds of page. Their paths are Dutch words, because the ordinance is
// Dutch; every language uses the same paths under its own prefix, so the
// language switch finds the counterpart of any page.
const (
	Home           Kind = "home"
	Guides         Kind = "guides"      // all voorzieningen
	Guide          Kind = "guide"       // one voorziening: name is its slug
	Glossary       Kind = "glossary"    // begrippen A–Z
	Ordinance      Kind = "ordinance"   // the whole ordinance
	Explanation    Kind = "explanation" // the toelichting
	Article        Kind = "article"     // one article: name is its number
	Search         Kind = "search"
	Calculators    Kind = "calculators"
	Calculator     Kind = "calculator" // name is the calculator's name
	Review         Kind = "review"     // the reviewers' overview
	ReviewGuide    Kind = "review-guide"
	ReviewGlossary Kind = "review-glossary"
	ReviewArticle  Kind = "review-article"
	ReviewReport   Kind = "review-report" // every text's scores on one printable page
	Accessibility  Kind = "accessibility" // the toegankelijkheidsverklaring
	Privacy        Kind = "privacy"       // what the site does with what a resident types
	Screener       Kind = "screener"      // "Wat past bij mij?": the questions, with JavaScript
	ScreenerStep   Kind = "screener-step" // one question or result without JavaScript: name is the answers so far
	Changes        Kind = "changes"       // what amounts change and when, with its Atom feed
	NotFound       Kind = "404"
)

// segments are the first path segment of each kind that has one.
var segments = map[Kind]string{
	Guides:        "voorzieningen",
	Guide:         "voorzieningen",
	Glossary:      "begrippen",
	Ordinance:     "verordening",
	Explanation:   "toelichting",
	Article:       "artikel",
	Search:        "zoeken",
	Calculators:   "rekenhulp",
	Calculator:    "rekenhulp",
	Review:        "leesbaarheid",
	Accessibility: "toegankelijkheid",
	Privacy:       "privacy",
	Screener:      "wat-past-bij-mij",
	ScreenerStep:  "wat-past-bij-mij",
	Changes:       "wijzigingen",
}

// reportSegment follows the review segment for the printable report.
const reportSegment = "rapport"

// Path is the site path of a page: name is the slug, number or calculator
// name of kinds that have one, and ignored by the others.
func Path(k Kind, name string) string {
	switch k {
	case Home:
		return "/"
	case NotFound:
		return "/404.html"
	case Guide, Article, Calculator, ScreenerStep:
		return "/" + segments[k] + "/" + name + "/"
	case ReviewGuide:
		return "/" + segments[Review] + Path(Guide, name)
	case ReviewGlossary:
		return "/" + segments[Review] + Path(Glossary, "")
	case ReviewArticle:
		return "/" + segments[Review] + Path(Article, name)
	case ReviewReport:
		return "/" + segments[Review] + "/" + reportSegment + "/"
	}
	return "/" + segments[k] + "/"
}

// ArticleAnchor is the path of an article with the fragment of a lid or
// onderdeel ("/artikel/17/#lid-1"), or of the article alone.
func ArticleAnchor(number, lid, item string) string {
	if lid == "" && item == "" {
		return Path(Article, number)
	}
	return Path(Article, number) + "#" + Anchor("", lid, item)
}

// Anchor is the fragment id of a lid or onderdeel: "lid-1", "lid-1-a", or
// "onderdeel-a" where the article has no numbered leden. prefix makes ids
// unique on the page that holds the whole ordinance ("artikel-6-").
func Anchor(prefix, lid, item string) string {
	var id string
	switch {
	case lid != "" && item != "":
		id = "lid-" + lid + "-" + item
	case lid != "":
		id = "lid-" + lid
	default:
		id = "onderdeel-" + item
	}
	return prefix + id
}

// GlossaryEntry is the path of one term on the glossary page.
func GlossaryEntry(id string) string { return Path(Glossary, "") + "#" + id }

// Chapter is the path of a chapter on the whole-ordinance page.
func Chapter(number string) string { return Path(Ordinance, "") + "#hoofdstuk-" + number }

// Languages are the languages of a site; the first lives at the root.
type Languages []string

// Full adds the language prefix to a path: "/artikel/6/" in English is
// "/en/artikel/6/".
func (ls Languages) Full(lang, path string) string {
	if len(ls) == 0 || lang == ls[0] {
		return path
	}
	return "/" + lang + path
}

// Prefix is "" for the first language and "/en" for English.
func (ls Languages) Prefix(lang string) string {
	return strings.TrimSuffix(ls.Full(lang, "/"), "/")
}

// Split takes the language prefix off a full path (with or without its
// leading slash).
func (ls Languages) Split(full string) (lang, path string) {
	rest := strings.TrimPrefix(full, "/")
	for _, l := range ls[min(1, len(ls)):] {
		if r, ok := strings.CutPrefix(rest, l+"/"); ok {
			return l, "/" + r
		}
	}
	if len(ls) == 0 {
		return "", "/" + rest
	}
	return ls[0], "/" + rest
}

// File is the file that holds the page at a full path: a folder's
// index.html, or the path itself when it names a file ("/404.html").
func File(full string) string {
	name := strings.TrimPrefix(full, "/")
	if name == "" || strings.HasSuffix(name, "/") {
		return name + "index.html"
	}
	return name
}

// Parse tells which page a path without language prefix is. It accepts
// the path with or without a fragment or a trailing index.html.
func Parse(path string) (k Kind, name string, ok bool) {
	if i := strings.IndexByte(path, '#'); i >= 0 {
		path = path[:i]
	}
	path = strings.TrimSuffix(path, "index.html")
	if path == "/" {
		return Home, "", true
	}
	if path == Path(NotFound, "") {
		return NotFound, "", true
	}
	if !strings.HasPrefix(path, "/") || !strings.HasSuffix(path, "/") {
		return "", "", false
	}
	parts := strings.Split(strings.Trim(path, "/"), "/")
	if parts[0] == segments[Review] && len(parts) == 2 && parts[1] == reportSegment {
		return ReviewReport, "", true
	}
	if parts[0] == segments[Review] && len(parts) > 1 {
		k, name, ok := Parse("/" + strings.Join(parts[1:], "/") + "/")
		switch {
		case ok && k == Guide:
			return ReviewGuide, name, true
		case ok && k == Glossary:
			return ReviewGlossary, "", true
		case ok && k == Article:
			return ReviewArticle, name, true
		}
		return "", "", false
	}
	for _, k := range []Kind{Guides, Glossary, Ordinance, Explanation, Search, Calculators, Review, Accessibility, Privacy, Changes, Screener} {
		if len(parts) == 1 && parts[0] == segments[k] {
			return k, "", true
		}
	}
	for _, k := range []Kind{Guide, Article, Calculator, ScreenerStep} {
		if len(parts) == 2 && parts[0] == segments[k] && parts[1] != "" {
			return k, parts[1], true
		}
	}
	return "", "", false
}
