package ordinance

import "github.com/regelgids/regelgids/internal/diag"

// Diagnostic is a problem found in a source file, at a line: the project's
// one diagnostics type, under the name this package's callers know.
type Diagnostic = diag.Diagnostic

// maxShown is the most problems an error from Parse or Translate shows;
// the rest are counted ("(and 3 more)").
const maxShown = 10

// newErrors returns an empty list for the problems of one file.
func newErrors() *diag.List { return &diag.List{Max: maxShown} }
