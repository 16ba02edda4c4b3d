// Package scaffold writes a new content folder from a published ordinance:
// the text copied unchanged, a metadata.yaml filled from what the text
// says, a draft parameters.yaml with every amount, percentage and duration
// the articles name, and a to-do list of guides. The folder builds at once;
// staff then review the drafts and add guides one by one.
//
// New works in memory (testable, no disk); Write puts the files on disk
// atomically and never overwrites.
package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/regelgids/regelgids/site/ordinance"
	_ "github.com/regelgids/regelgids/site/ordinance/cvdr" // CVDR XML, chosen by content
	"github.com/regelgids/regelgids/site/project"
)

// Names of the ordinance in the new folder, by format.
const (
	TextFile = "verordening.txt"
	XMLFile  = "regeling.xml"
	// GuidesTodo is the to-do list for guide writers.
	GuidesTodo = project.GuidesDir + "/README.md"
)

// Options change what New writes.
type Options struct {
	// Municipality is the name of the municipality; "" means: read it
	// from the source (CVDR creator, preamble, title).
	Municipality string
}

// Folder is a content folder to be written: file name (slash-separated,
// relative to the folder) to content.
type Folder struct {
	Files map[string][]byte
	// Ordinance is the ordinance as read from the source.
	Ordinance *ordinance.Ordinance
	// Params are the parameters of the draft, in file order.
	Params []Param
	// Guides are the articles of the to-do list.
	Guides []GuideTodo
	// Warnings are problems the reader could read past.
	Warnings []ordinance.Diagnostic
}

// Names returns the file names of the folder, sorted.
func (f *Folder) Names() []string {
	names := make([]string, 0, len(f.Files))
	for n := range f.Files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// New reads the ordinance src (a published text or a CVDR XML file; file
// names it in messages) and makes the folder.
func New(file string, src []byte, opt Options) (*Folder, error) {
	doc, warns, err := ordinance.Read(file, src)
	if err != nil {
		return nil, err
	}
	text := TextFile
	if ordinance.FormatOf(src) != "text" {
		text = XMLFile
	}
	muni := opt.Municipality
	if muni == "" {
		muni = Municipality(doc)
	}
	if muni == "" {
		return nil, &ordinance.Diagnostic{File: file, Line: 1,
			Message: `the text does not say which municipality it is from (no CVDR creator, no "De raad van de gemeente …", no "gemeente …" in the title): give it with --municipality NAME`}
	}
	params := Parameters(doc)
	guides := Guides(doc)
	f := &Folder{
		Files: map[string][]byte{
			text:                   src,
			project.MetadataFile:   metadataYAML(doc, muni, text),
			project.ParametersFile: parametersYAML(doc, text, params),
			GuidesTodo:             guidesReadme(doc, text, guides),
		},
		Ordinance: doc,
		Params:    params,
		Guides:    guides,
		Warnings:  warns,
	}
	if len(params) == 0 {
		// A parameter file needs at least one parameter: without amounts
		// there is none, and the site is one of the ordinance alone.
		delete(f.Files, project.ParametersFile)
	}
	return f, nil
}

// Write writes the folder as dir. dir must not exist: Write never
// overwrites. The files are written in a temporary folder next to dir and
// renamed into place, so dir is either complete or absent.
func (f *Folder) Write(dir string) error {
	if _, err := os.Lstat(dir); err == nil {
		return fmt.Errorf("%s already exists: regelgids new never overwrites a folder; choose a new name or remove it first", dir)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	parent := filepath.Dir(filepath.Clean(dir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	// Claim the name first: Mkdir fails if someone else made dir meanwhile.
	if err := os.Mkdir(dir, 0o755); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s already exists: regelgids new never overwrites a folder; choose a new name or remove it first", dir)
		}
		return err
	}
	tmp, err := os.MkdirTemp(parent, ".regelgids-new-*")
	if err != nil {
		os.Remove(dir)
		return err
	}
	fail := func(err error) error {
		os.RemoveAll(tmp)
		os.Remove(dir) // our own empty claim
		return err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return fail(err)
	}
	for _, name := range f.Names() {
		p := filepath.Join(tmp, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fail(err)
		}
		if err := os.WriteFile(p, f.Files[name], 0o644); err != nil {
			return fail(err)
		}
	}
	// On Unix, rename replaces the empty folder that claims the name.
	if err := os.Rename(tmp, dir); err != nil {
		if rmErr := os.Remove(dir); rmErr != nil {
			return fail(err)
		}
		if err := os.Rename(tmp, dir); err != nil {
			return fail(err)
		}
	}
	return nil
}
