// Package templates embeds the default layouts, partials, translations of
// the interface and static files. `--templates DIR` replaces them.
package templates

import (
	"embed"
	"io/fs"
)

//go:embed layouts partials static i18n
var files embed.FS

// Default returns the embedded templates folder.
func Default() fs.FS { return files }
