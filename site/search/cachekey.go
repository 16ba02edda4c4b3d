package search

import (
	"fmt"
	"strings"
)

// ExportKey is everything ExportBrowser(docs, lang, syn) depends on, as
// bytes: equal keys give equal indexes, so a build can keep the index (and
// its compressed copies) of the last build whose key was the same.
func ExportKey(docs []Document, lang string, syn *Synonyms) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "v%d\x00%s\x00", formatVersion, lang)
	if syn != nil {
		fmt.Fprintf(&b, "%#v", *syn) // every field, maps in key order
	}
	for _, d := range docs {
		if d.Lang == lang {
			for _, f := range []string{d.URL, d.Kind, d.Title, d.Text} {
				fmt.Fprintf(&b, "\x00%d:%s", len(f), f)
			}
		}
	}
	return []byte(b.String())
}
