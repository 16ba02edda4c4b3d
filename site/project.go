// Package site is the generator: it loads a municipality's content folder
// into a Project (parse → model), renders it with html/template into a set
// of files (render), and writes them atomically (build), or serves them.
package site

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"sort"
	"strings"

	"github.com/regelgids/regelgids/site/ordinance"
)

// MetadataFile is the name of the metadata file in a content folder.
const MetadataFile = "metadata.yaml"

// Metadata is what metadata.yaml says about the ordinance.
type Metadata struct {
	Municipality string  `yaml:"municipality"`
	Title        string  `yaml:"title"`
	Identifier   string  `yaml:"identifier"`
	SourceURL    string  `yaml:"source_url"`
	Text         string  `yaml:"text"`
	BaseURL      string  `yaml:"base_url"`
	Contact      Contact `yaml:"contact"`
	// Voorzieningen are the numbers of the articles that each describe a
	// kind of help.
	Voorzieningen []string `yaml:"voorzieningen"`
	ApplyArticle  string   `yaml:"apply_article"`
}

// Contact is how residents reach the municipality.
type Contact struct {
	Name    string `yaml:"name"`
	Phone   string `yaml:"phone"`
	Website string `yaml:"website"`
}

// Project is everything a build needs, loaded and checked.
type Project struct {
	Meta      Metadata
	Ordinance *ordinance.Ordinance
	// Warnings are problems the build could read past; they are printed,
	// not fatal.
	Warnings []ordinance.Diagnostic
}

// Load reads a content folder: metadata.yaml and the ordinance text it names.
func Load(content fs.FS) (*Project, error) {
	raw, err := fs.ReadFile(content, MetadataFile)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", MetadataFile, err)
	}
	meta, lines, err := parseMetadata(MetadataFile, raw)
	if err != nil {
		return nil, err
	}
	src, err := fs.ReadFile(content, meta.Text)
	if err != nil {
		return nil, fmt.Errorf("%s:%d: text: %w", MetadataFile, lines["text"], err)
	}
	doc, warns, err := ordinance.Parse(meta.Text, src)
	if err != nil {
		return nil, err
	}
	doc.Metadata.Municipality = meta.Municipality
	doc.Metadata.Identifier = meta.Identifier
	doc.Metadata.SourceURL = meta.SourceURL
	if meta.Title != "" && meta.Title != doc.Title {
		warns = append(warns, ordinance.Diagnostic{File: MetadataFile, Line: 1, Warning: true,
			Message: fmt.Sprintf("title %q differs from the title in %s: %q", meta.Title, meta.Text, doc.Title)})
	}
	var problems []string
	for key, numbers := range map[string][]string{"voorzieningen": meta.Voorzieningen, "apply_article": {meta.ApplyArticle}} {
		for _, n := range numbers {
			if n != "" && doc.Article(n) == nil {
				problems = append(problems, fmt.Sprintf("%s:%d: %s names article %s, which %s does not have", MetadataFile, lines[key], key, n, meta.Text))
			}
		}
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		return nil, errors.New(strings.Join(problems, "\n"))
	}
	return &Project{Meta: meta, Ordinance: doc, Warnings: warns}, nil
}

// parseMetadata decodes metadata.yaml and checks that what it needs is
// there; lines maps each key to its line, for errors found later.
func parseMetadata(name string, raw []byte) (m Metadata, lines map[string]int, err error) {
	lines, err = decodeYAML(name, raw, &m)
	if err != nil {
		return m, nil, err
	}
	var problems []string
	add := func(key, format string, args ...any) {
		line := lines[key]
		if line == 0 {
			line = 1
		}
		problems = append(problems, fmt.Sprintf("%s:%d: %s: %s", name, line, key, fmt.Sprintf(format, args...)))
	}
	if m.Text == "" {
		add("text", "missing (the file name of the ordinance text)")
	}
	if m.Municipality == "" {
		add("municipality", "missing")
	}
	if m.BaseURL == "" {
		add("base_url", "missing (the address where the site is published)")
	} else if u, err := url.Parse(m.BaseURL); err != nil || u.Scheme == "" || u.Host == "" {
		add("base_url", "%q is not an absolute URL", m.BaseURL)
	} else if !strings.HasSuffix(u.Path, "/") {
		m.BaseURL += "/"
	}
	if len(problems) > 0 {
		return m, nil, errors.New(strings.Join(problems, "\n"))
	}
	return m, lines, nil
}
