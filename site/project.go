// Package site is the generator: it loads a municipality's content folder
// into a Project (parse → model), renders it with html/template into a set
// of files (render), and writes them atomically (build), or serves them.
package site

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"strings"

	"go.yaml.in/yaml/v3"

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
	meta, err := parseMetadata(MetadataFile, raw)
	if err != nil {
		return nil, err
	}
	src, err := fs.ReadFile(content, meta.Text)
	if err != nil {
		return nil, fmt.Errorf("%s: text: %w", MetadataFile, err)
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
	var missing []string
	for _, n := range append(append([]string{}, meta.Voorzieningen...), meta.ApplyArticle) {
		if n != "" && doc.Article(n) == nil {
			missing = append(missing, n)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("%s: voorzieningen/apply_article name article %s, which %s does not have", MetadataFile, strings.Join(missing, ", "), meta.Text)
	}
	return &Project{Meta: meta, Ordinance: doc, Warnings: warns}, nil
}

// parseMetadata decodes metadata.yaml strictly: an unknown key is a typo
// that would otherwise be ignored silently.
func parseMetadata(name string, raw []byte) (Metadata, error) {
	var m Metadata
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	if err := dec.Decode(&m); err != nil {
		if errors.Is(err, io.EOF) {
			return m, fmt.Errorf("%s:1: empty file", name)
		}
		return m, fmt.Errorf("%s: %s", name, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	var problems []string
	if m.Text == "" {
		problems = append(problems, "text: missing (the file name of the ordinance text)")
	}
	if m.Municipality == "" {
		problems = append(problems, "municipality: missing")
	}
	if m.BaseURL == "" {
		problems = append(problems, "base_url: missing (the address where the site is published)")
	} else {
		u, err := url.Parse(m.BaseURL)
		if err != nil || u.Scheme == "" || u.Host == "" {
			problems = append(problems, fmt.Sprintf("base_url: %q is not an absolute URL", m.BaseURL))
		} else if !strings.HasSuffix(u.Path, "/") {
			m.BaseURL += "/"
		}
	}
	if len(problems) > 0 {
		return m, fmt.Errorf("%s: %s", name, strings.Join(problems, "; "))
	}
	return m, nil
}
