//go:build unix

package site

import (
	"io/fs"
	"syscall"
)

// soleLink reports whether a file of the previous site has no other name:
// a file also linked from elsewhere (a backup made with cp -al) could be
// changed from there, so it is written anew rather than shared.
func soleLink(info fs.FileInfo) bool {
	st, ok := info.Sys().(*syscall.Stat_t)
	return ok && st.Nlink == 1
}
