package search

import _ "embed"

// Script is the small script every page loads (js/zoeken.js): it loads
// Engine and the page's index when the search box is first used.
//
//go:embed js/zoeken.js
var Script []byte

// Engine is the search in the browser (js/zoeken-engine.js): the index
// lookup, scoring, and the behaviour of the search box.
//
//go:embed js/zoeken-engine.js
var Engine []byte

// Stylesheet holds the classes of the search box and its results
// (search.css), to merge into the site's stylesheet.
//
//go:embed search.css
var Stylesheet []byte

// Assets returns the files to write into the site besides the indexes:
// path → content.
func Assets() map[string][]byte {
	return map[string][]byte{
		"js/zoeken.js":        Script,
		"js/zoeken-engine.js": Engine,
	}
}

// IndexPath returns where the browser index of a language goes in the site.
func IndexPath(lang string) string { return "zoeken/index-" + lang + ".json" }
