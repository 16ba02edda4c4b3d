package site

import (
	"errors"
	"io/fs"

	"github.com/regelgids/regelgids/site/internal/contentfile"
	"github.com/regelgids/regelgids/site/project"
)

// CheckTerms checks the interface texts of the templates against the
// content folder's terminology list (project.TermsFile): the English
// interface uses the same one English term per Dutch concept as the
// guides. The content's own texts are checked when the project loads.
func CheckTerms(p *project.Project, templates fs.FS) error {
	name := "i18n/" + project.TermsLanguage + ".yaml"
	raw, err := contentfile.Read(templates, name, contentfile.FileLimit)
	if errors.Is(err, fs.ErrNotExist) {
		return nil // NewRenderer says what is missing
	} else if err != nil {
		return err
	}
	return p.CheckInterfaceTerms("templates/"+name, raw)
}
