//go:build unix

package site

import (
	"io/fs"
	"syscall"
)

// haveInodes says lstat tells files apart here, so the spare folder and
// its index (publish_spare.go) can be trusted.
const haveInodes = true

// fileID returns a file's inode and how many names it has.
func fileID(info fs.FileInfo) (ino, links uint64, ok bool) {
	if info == nil {
		return 0, 0, false
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0, false
	}
	return uint64(st.Ino), uint64(st.Nlink), true
}
