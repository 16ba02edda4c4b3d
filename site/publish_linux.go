package site

import (
	"errors"

	"golang.org/x/sys/unix"
)

// exchange swaps the folders at a and b in one step with renameat2's
// RENAME_EXCHANGE (Linux 3.15; ext4, xfs, btrfs, tmpfs, overlayfs and
// others), so that b never stops existing. Filesystems and kernels without
// it answer EINVAL or ENOSYS (or, under some seccomp filters, EPERM); those
// get errNoExchange and the caller's two renames.
func exchange(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOSYS), errors.Is(err, unix.EOPNOTSUPP), errors.Is(err, unix.EPERM):
		return errNoExchange
	}
	return err
}
