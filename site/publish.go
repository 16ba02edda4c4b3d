package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// WriteAtomic writes files into a folder beside dir and then puts it in
// dir's place, so that dir holds a complete site at every instant: the
// previous one until the switch, the new one after it. A failed or killed
// write leaves the previous site as it was.
//
// The folder written is the spare: the site before the previous one, kept
// beside dir as .NAME.prev and brought up to date, so a build writes only
// the files that changed (publish_spare.go). Where there is none, a new
// folder. Where the system can exchange two folders in one step
// (renameat2 with RENAME_EXCHANGE on Linux, renamex_np with RENAME_SWAP on
// macOS) the new folder and the old one trade places and the old one
// becomes the spare. Elsewhere, or on a filesystem that refuses the
// exchange, the old folder is renamed aside and the new one renamed in: a
// gap of two renames.
//
// dir must be a folder or not exist; a symbolic link or a file is refused
// and left alone. Everything WriteAtomic creates is in dir's parent: the
// spare .NAME.prev and its index .NAME.files, and while it writes the
// temporary folders .NAME.new-DIGITS and a lock file .NAME.lock, which
// keeps two builds to the same folder from taking turns in the middle of
// each other. Temporary folders that killed builds left behind are removed
// by the next build to the same folder. The spare and the index can be
// deleted at any time; the next build is then slower.
func WriteAtomic(dir string, files Output) (err error) {
	dir = filepath.Clean(dir)
	parent, base := filepath.Dir(dir), filepath.Base(dir)
	if base == "." || base == ".." || base == string(filepath.Separator) || parent == dir {
		return fmt.Errorf("output folder %q: name a folder to write the site to, such as public", dir)
	}
	if err := checkOutput(dir); err != nil {
		return err
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	unlock, locked, err := lockOutput(parent, base)
	if err != nil {
		return err
	}
	defer unlock()
	// Under the lock no other build is writing here, so every temporary
	// folder of this output that exists now was left by a killed one.
	removeStale(parent, base, locked)

	idx := readIndex(parent, base)
	liveKnown := idx.folder(dir)
	tmp, known, err := takeSpare(parent, base, idx)
	if err != nil {
		return err
	}
	inProcess.add(tmp, tmp+".old")
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
		inProcess.remove(tmp, tmp+".old")
	}()
	written, err := fillFolder(tmp, known, dir, liveKnown, files)
	if err != nil {
		return err
	}
	// MkdirTemp creates 0700; a site folder is meant to be read by a server.
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	// Check again: the folder may have changed while the files were written.
	if err := checkOutput(dir); err != nil {
		return err
	}
	if err := swapIn(tmp, dir, func(old string) { keepSpare(parent, base, old) }); err != nil {
		return err
	}
	writeIndex(parent, base,
		folderIndex{Ino: folderIno(dir), Files: written},
		folderIndex{Ino: folderIno(filepath.Join(parent, spareName(base))), Files: liveKnown})
	return nil
}

// swapIn puts the folder tmp in dir's place and hands the previous site,
// where there was one, to keep (which must remove or move it).
func swapIn(tmp, dir string, keep func(old string)) error {
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		// Nothing to replace: one rename, and the site appears whole.
		return os.Rename(tmp, dir)
	}
	err := exchangeFolders(tmp, dir)
	if err == nil {
		// tmp now holds the previous site. Should keeping or removing it
		// fail, the next build finds it and tries again; the new site is
		// in place.
		keep(tmp)
		return nil
	}
	if !errors.Is(err, errNoExchange) {
		return fmt.Errorf("replace %s: %w", dir, err)
	}
	// The two renames, with a moment in between without a site.
	old := tmp + ".old"
	if err := os.Rename(dir, old); err != nil {
		return err
	}
	if err := os.Rename(tmp, dir); err != nil {
		os.Rename(old, dir) // put the previous site back
		return err
	}
	keep(old)
	return nil
}

// checkOutput refuses an output that is not a folder (or absent): a build
// replaces its output whole, and must not replace a file or a link, nor
// write through a link into a folder elsewhere.
func checkOutput(dir string) error {
	info, err := os.Lstat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case info.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("output folder %s is a symbolic link; a build replaces its output folder whole and does not replace or follow links: give the folder itself (or a new name) as the output", dir)
	case !info.IsDir():
		return fmt.Errorf("output folder %s exists and is not a folder; a build would replace it: remove it or choose another output folder", dir)
	}
	return nil
}

// tempPrefix starts the names of an output's temporary folders: a build of
// "public" writes into ".public.new-DIGITS" and, without an exchange, moves
// the previous site aside to ".public.new-DIGITS.old".
func tempPrefix(base string) string { return "." + base + ".new-" }

// isTemp reports whether name is one of base's temporary folders, exactly
// as WriteAtomic (now or in earlier versions) names them, so that no other
// file in the parent folder is ever taken for one.
func isTemp(name, base string) bool {
	rest, ok := strings.CutPrefix(name, tempPrefix(base))
	if !ok {
		return false
	}
	rest = strings.TrimSuffix(rest, ".old")
	if rest == "" {
		return false
	}
	for _, c := range rest {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// staleAfter is how old a temporary folder must be before a build that
// could not take the output's lock removes it. With the lock any temporary
// folder is stale, since its writer holds the lock while the folder exists.
const staleAfter = time.Hour

// removeStale removes the temporary folders that killed builds of base
// left in parent.
func removeStale(parent, base string, locked bool) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !isTemp(e.Name(), base) {
			continue
		}
		name := filepath.Join(parent, e.Name())
		if !locked {
			info, err := e.Info()
			if err != nil || time.Since(info.ModTime()) < staleAfter {
				continue
			}
		}
		if inProcess.has(name) {
			continue
		}
		os.RemoveAll(name)
	}
}

// inProcess records this process's own temporary folders. The lock file
// keeps writers in different processes apart, and, being taken per open
// file, writers in one process as well; this guards the unlocked case.
var inProcess = tempSet{names: map[string]bool{}}

type tempSet struct {
	mu    sync.Mutex
	names map[string]bool
}

func (s *tempSet) add(names ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, n := range names {
		s.names[n] = true
	}
}

func (s *tempSet) remove(names ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, n := range names {
		delete(s.names, n)
	}
}

func (s *tempSet) has(name string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.names[name]
}

// exchangeFolders is exchange; tests replace it to take the fallback.
var exchangeFolders = exchange

// errNoExchange says the system or the filesystem cannot exchange two
// folders in one step.
var errNoExchange = errors.New("atomic exchange of folders not supported")

// lockWait bounds how long a build waits for another build to the same
// output folder to finish writing it.
const lockWait = 2 * time.Minute
