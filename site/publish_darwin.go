package site

import (
	"errors"

	"golang.org/x/sys/unix"
)

// exchange swaps the folders at a and b in one step with renamex_np's
// RENAME_SWAP (macOS 10.12, APFS), so that b never stops existing.
// Filesystems without it get errNoExchange and the caller's two renames.
func exchange(a, b string) error {
	err := unix.RenamexNp(a, b, unix.RENAME_SWAP)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOTSUP), errors.Is(err, unix.ENOSYS), errors.Is(err, unix.EPERM):
		return errNoExchange
	}
	return err
}
