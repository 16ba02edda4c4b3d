//go:build unix && !aix && !hurd

package site

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/sys/unix"
)

// lockOutput takes the lock file .BASE.lock in parent with flock, waiting
// up to lockWait for another build to the same output to finish, and
// removes the file again on unlock. The kernel releases a lock when its
// holder dies, so a lock is never stale. Each call opens the file afresh,
// and flock locks belong to the open file, so two builds in one process
// exclude each other too. Where the filesystem has no locks, locked is
// false and the build goes on without.
func lockOutput(parent, base string) (unlock func(), locked bool, err error) {
	name := filepath.Join(parent, "."+base+".lock")
	deadline := time.Now().Add(lockWait)
	for {
		// O_NOFOLLOW: a link planted in the lock file's place is refused,
		// not followed; O_NONBLOCK: a FIFO there cannot hang the open.
		fd, err := unix.Open(name, unix.O_RDWR|unix.O_CREAT|unix.O_NOFOLLOW|unix.O_NONBLOCK|unix.O_CLOEXEC, 0o644)
		if err != nil {
			return nil, false, fmt.Errorf("lock file %s: %w", name, err)
		}
		f := os.NewFile(uintptr(fd), name)
		info, err := f.Stat()
		if err != nil || !info.Mode().IsRegular() {
			f.Close()
			return nil, false, fmt.Errorf("lock file %s is not a regular file; remove it", name)
		}
		for {
			err = unix.Flock(fd, unix.LOCK_EX|unix.LOCK_NB)
			if !errors.Is(err, unix.EWOULDBLOCK) && !errors.Is(err, unix.EINTR) {
				break
			}
			if time.Now().After(deadline) {
				f.Close()
				return nil, false, fmt.Errorf("output folder %s: another build has been writing it for %v (it holds %s); try again when it has finished", filepath.Join(parent, base), lockWait, name)
			}
			time.Sleep(10 * time.Millisecond)
		}
		if err != nil {
			// ENOLCK, EOPNOTSUPP: a filesystem without locks.
			return func() {
				os.Remove(name)
				f.Close()
			}, false, nil
		}
		// The holder before us removes the file before it lets go, so the
		// lock we got may be on a file no longer at name: then start over.
		if now, err := os.Lstat(name); err == nil && os.SameFile(info, now) {
			return func() {
				os.Remove(name)
				f.Close()
			}, true, nil
		}
		f.Close()
	}
}
