//go:build !unix

package site

import "io/fs"

// soleLink cannot tell here how many names a file has: every file is
// written anew.
func soleLink(fs.FileInfo) bool { return false }
