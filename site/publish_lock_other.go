//go:build !unix || aix || hurd

package site

// lockOutput has no file lock to take here: builds to the same output are
// not kept apart, and only temporary folders older than staleAfter are
// taken for stale.
func lockOutput(parent, base string) (unlock func(), locked bool, err error) {
	return func() {}, false, nil
}
