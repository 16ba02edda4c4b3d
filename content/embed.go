// Package content embeds the default content, so the regelgids binary works
// from any folder. `--content DIR` replaces it with a folder on disk.
package content

import (
	"embed"
	"io/fs"
)

//go:embed eemsdelta
var files embed.FS

// Default returns the embedded municipality folder (content/eemsdelta).
func Default() fs.FS {
	sub, err := fs.Sub(files, "eemsdelta")
	if err != nil {
		panic(err) // the folder is embedded at compile time
	}
	return sub
}
