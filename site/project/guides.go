package project

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/regelgids/regelgids/internal/diag"
	"github.com/regelgids/regelgids/site/guide"
	"github.com/regelgids/regelgids/site/internal/yamlfile"
)

// GuideStructureFile lays out the guides of a content folder: the sections
// every guide has, the situations the home page groups them by, and the
// guide the home page links to for applying. See gidsen/README.md.
const GuideStructureFile = GuidesDir + "/indeling.yaml"

// GuideStructure is what GuideStructureFile says.
type GuideStructure struct {
	guide.Structure `yaml:",inline"`
	// ApplyGuide is the slug of the guide that explains how to apply for
	// help; the home page links to it. Empty: no such link.
	ApplyGuide string `yaml:"apply_guide"`
}

// Situation returns the situation with the id, or nil.
func (s *GuideStructure) Situation(id string) *guide.Situation {
	if s == nil {
		return nil
	}
	for i := range s.Situations {
		if s.Situations[i].ID == id {
			return &s.Situations[i]
		}
	}
	return nil
}

var reID = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// loadGuideStructure reads and checks GuideStructureFile. Guides need it;
// a folder without guides may leave it out, and then there is no
// structure (nil, nil). Every text must be given in each of the site's
// languages; texts in other supported languages are allowed (a folder may
// drop its English guides and keep the file). Errors are a
// *diag.Diagnostic or a *diag.List.
func loadGuideStructure(content fs.FS, languages, supported []string) (*GuideStructure, error) {
	slugs := map[string]bool{} // guides in any language
	for _, lang := range languages {
		files, err := fs.Glob(content, path.Join(GuidesDir, lang, "*.md"))
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			slugs[strings.TrimSuffix(path.Base(f), ".md")] = true
		}
	}
	name := GuideStructureFile
	raw, err := readFile(content, name)
	if errors.Is(err, fs.ErrNotExist) {
		if len(slugs) == 0 {
			return nil, nil
		}
		return nil, &diag.Diagnostic{File: name, Line: 1, Err: err,
			Message: fmt.Sprintf("the file is missing; the guides in %s/ need it: the sections every guide has and the situations of the home page (see %s/README.md)", GuidesDir, GuidesDir)}
	} else if err != nil {
		return nil, err
	}
	s := &GuideStructure{}
	if _, err := yamlfile.Decode(name, raw, s); err != nil {
		return nil, err
	}
	s.File = name
	var root yaml.Node
	if err := yaml.Unmarshal(raw, &root); err != nil {
		return nil, yamlfile.Error(name, err)
	}
	lines := map[string]int{}
	if len(root.Content) == 1 {
		nodeLines(root.Content[0], "", lines)
	}
	line := func(keys ...string) int {
		for _, k := range keys {
			if l, ok := lines[k]; ok {
				return l
			}
		}
		return 1
	}
	var errs diag.List
	fail := func(line int, format string, args ...any) { errs.Errorf(name, line, format, args...) }
	// texts checks a text given per language: every language of the site,
	// no other, none empty.
	texts := func(what, item, field string, m map[string]string) {
		key := item + "." + field
		if m == nil {
			fail(line(key, item), "%s is missing (a text in each of %s)", what, strings.Join(languages, ", "))
			return
		}
		for _, lang := range languages {
			if t, ok := m[lang]; !ok {
				fail(line(key), "%s has no text in %q", what, lang)
			} else if strings.TrimSpace(t) == "" {
				fail(line(key+"."+lang), "%s in %q is empty", what, lang)
			}
		}
		for _, lang := range sortedKeys(m) {
			if !slices.Contains(languages, lang) && !slices.Contains(supported, lang) {
				fail(line(key+"."+lang), "%s in %q: regelgids has no language %q (it publishes in %s)", what, lang, lang, strings.Join(supported, ", "))
			}
		}
	}
	// id checks the id of a list item: present, a slug, not used before.
	id := func(kind, item string, i int, v string, seen map[string]int) bool {
		at := line(item+".id", item)
		switch {
		case v == "":
			fail(at, "%s %d has no id", kind, i+1)
		case !reID.MatchString(v):
			fail(at, "%s id %q is not a slug (lowercase letters, digits and hyphens)", kind, v)
		case seen[v] != 0:
			fail(at, "%s id %q is used twice (first on line %d)", kind, v, seen[v])
		default:
			seen[v] = at
			return true
		}
		return false
	}

	if len(s.Sections) == 0 {
		fail(line("sections"), "sections is missing: the questions every guide answers, in order, each with an id and a heading per language")
	}
	seen := map[string]int{}
	for i, sec := range s.Sections {
		item := "sections." + strconv.Itoa(i)
		what := "section " + strconv.Itoa(i+1)
		if id("section", item, i, sec.ID, seen) {
			what = fmt.Sprintf("section %q", sec.ID)
		}
		texts(what+": heading", item, "heading", sec.Heading)
	}
	seen = map[string]int{}
	for i, sit := range s.Situations {
		item := "situations." + strconv.Itoa(i)
		what := "situation " + strconv.Itoa(i+1)
		if id("situation", item, i, sit.ID, seen) {
			what = fmt.Sprintf("situation %q", sit.ID)
		}
		texts(what+": title", item, "title", sit.Title)
		texts(what+": intro", item, "intro", sit.Intro)
	}
	if a := s.ApplyGuide; a != "" && !slugs[a] {
		fail(line("apply_guide"), "apply_guide: there is no guide %q (%s)", a, guideFiles(a, languages))
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return s, nil
}

// guideFiles names the files a guide would be in, for messages.
func guideFiles(slug string, languages []string) string {
	files := make([]string, len(languages))
	for i, lang := range languages {
		files[i] = path.Join(GuidesDir, lang, slug+".md")
	}
	return "no " + strings.Join(files, " or ")
}

// nodeLines records the line of every mapping key and list item, as
// "sections.2.heading.en", so a check points at the line it is about.
func nodeLines(n *yaml.Node, prefix string, lines map[string]int) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			key := prefix + n.Content[i].Value
			lines[key] = n.Content[i].Line
			nodeLines(n.Content[i+1], key+".", lines)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			key := prefix + strconv.Itoa(i)
			lines[key] = c.Line
			nodeLines(c, key+".", lines)
		}
	}
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
