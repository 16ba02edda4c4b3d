//go:build !unix

package site

import "io/fs"

// haveInodes is false: without inodes a file changed by hand cannot be
// told from the one the index describes, so every build writes a new
// folder and keeps no spare.
const haveInodes = false

func fileID(fs.FileInfo) (ino, links uint64, ok bool) { return 0, 0, false }
