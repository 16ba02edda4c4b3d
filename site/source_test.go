package site

import (
	"testing"

	"github.com/regelgids/regelgids/site/guide"
	"github.com/regelgids/regelgids/site/project"
	"github.com/regelgids/regelgids/site/routes"
)

// TestSourceOf: an error found in a built page names the content file the
// page was made from, never the output path.
func TestSourceOf(t *testing.T) {
	p := &project.Project{
		Meta:      project.Metadata{Text: "verordening.txt"},
		Languages: routes.Languages{"nl", "en"},
		Guides: map[string][]*guide.Guide{
			"nl": {{Slug: "jobcoach", File: "gidsen/nl/jobcoach.md"}},
			"en": {{Slug: "jobcoach", File: "gidsen/en/jobcoach.md"}},
		},
	}
	for page, want := range map[string]string{
		"voorzieningen/jobcoach/index.html":    "gidsen/nl/jobcoach.md",
		"en/voorzieningen/jobcoach/index.html": "gidsen/en/jobcoach.md",
		"begrippen/index.html":                 "begrippen/nl.yaml",
		"en/begrippen/index.html":              "begrippen/en.yaml",
		"artikel/6/index.html":                 "verordening.txt",
		"en/artikel/6/index.html":              "vertaling/en.yaml",
	} {
		if got := sourceOf(p, page); got != want {
			t.Errorf("sourceOf(%s) = %s, want %s", page, got, want)
		}
	}
}
