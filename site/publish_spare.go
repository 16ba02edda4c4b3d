package site

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The spare folder. A build does not write a whole new folder each time:
// making 600 folders and 2,000 files and removing the previous site's
// costs more than rendering them. After the swap the previous site is kept
// beside the output as .NAME.prev, and the next build brings that folder
// up to date — writing only the files whose bytes differ, removing what is
// gone — and swaps it in. An index file, .NAME.files, records for both
// folders every file's SHA-256 and what lstat said of it when it was
// written (inode, size, modification time) and every folder's inode and
// modification time. A file is taken as unchanged only when lstat still
// says the same: a file edited by hand, replaced, or given a second name
// is written anew; a folder whose modification time moved has its entries
// read and anything unknown removed. While it is being updated the spare
// folder has a temporary name, so a killed build leaves a temporary
// folder the next build removes, never a half-updated spare.

// spareName is the previous site kept beside the output "public".
func spareName(base string) string { return "." + base + ".prev" }

// indexName is the file beside the output that describes it and its spare.
func indexName(base string) string { return "." + base + ".files" }

// indexVersion is bumped when the index's meaning changes; an index of
// another version is not used.
const indexVersion = 1

// siteIndex is what .NAME.files holds.
type siteIndex struct {
	Version int
	Folders []folderIndex
}

// folderIndex describes one folder as the build that wrote it left it.
type folderIndex struct {
	Ino   uint64
	Files map[string]indexEntry // slash paths; "." is the folder itself
}

// indexEntry is a file or folder as it was written.
type indexEntry struct {
	Dir   bool
	Sum   [sha256.Size]byte
	Size  int64
	Mtime int64 // nanoseconds since 1970
	Ino   uint64
}

// readIndex reads the index beside the output; nil where there is none
// or it cannot be used.
func readIndex(parent, base string) *siteIndex {
	f, err := os.Open(filepath.Join(parent, indexName(base)))
	if err != nil {
		return nil
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() || info.Size() > 64<<20 {
		return nil
	}
	return decodeIndex(bufio.NewReader(f))
}

// decodeIndex decodes an index; nil for anything that is not one.
func decodeIndex(r interface{ Read([]byte) (int, error) }) (idx *siteIndex) {
	defer func() {
		if recover() != nil { // gob refuses bad input with errors; be sure
			idx = nil
		}
	}()
	var x siteIndex
	if err := gob.NewDecoder(r).Decode(&x); err != nil || x.Version != indexVersion {
		return nil
	}
	return &x
}

// folder returns the entries of the folder at name when the index
// describes it: the same inode.
func (idx *siteIndex) folder(name string) map[string]indexEntry {
	if idx == nil {
		return nil
	}
	info, err := os.Lstat(name)
	if err != nil || !info.IsDir() {
		return nil
	}
	ino, _, ok := fileID(info)
	if !ok {
		return nil
	}
	for _, f := range idx.Folders {
		if f.Ino == ino && f.Files != nil {
			return f.Files
		}
	}
	return nil
}

// writeIndex records the output folder and the spare beside it. The old
// index is removed first: if writing fails, no index is better than one
// that describes folders as they no longer are.
func writeIndex(parent, base string, folders ...folderIndex) {
	name := filepath.Join(parent, indexName(base))
	os.Remove(name)
	idx := siteIndex{Version: indexVersion}
	for _, f := range folders {
		if f.Files != nil && f.Ino != 0 {
			idx.Folders = append(idx.Folders, f)
		}
	}
	if len(idx.Folders) == 0 {
		return
	}
	var buf bytes.Buffer
	if gob.NewEncoder(&buf).Encode(&idx) != nil {
		return
	}
	tmp := name + ".tmp-" + strconv.FormatUint(rand.Uint64(), 10)
	if os.WriteFile(tmp, buf.Bytes(), 0o644) != nil || os.Rename(tmp, name) != nil {
		os.Remove(tmp)
	}
}

// folderIno is the inode of the folder at name, 0 where unknown.
func folderIno(name string) uint64 {
	info, err := os.Lstat(name)
	if err != nil {
		return 0
	}
	ino, _, _ := fileID(info)
	return ino
}

// takeSpare gives the build its folder to write in: the spare, renamed
// to a temporary name, with what the index knows of it; or, where there is
// no spare the index describes, a new empty folder. An unknown spare is
// removed.
func takeSpare(parent, base string, idx *siteIndex) (string, map[string]indexEntry, error) {
	spare := filepath.Join(parent, spareName(base))
	if info, err := os.Lstat(spare); err == nil {
		if known := idx.folder(spare); known != nil && info.IsDir() {
			tmp := filepath.Join(parent, tempPrefix(base)+strconv.FormatUint(rand.Uint64(), 10))
			if err := os.Rename(spare, tmp); err == nil {
				return tmp, known, nil
			}
		}
		os.RemoveAll(spare)
	}
	tmp, err := os.MkdirTemp(parent, tempPrefix(base)+"*")
	return tmp, nil, err
}

// keepSpare keeps the previous site, now at old, as the spare.
func keepSpare(parent, base, old string) {
	if !haveInodes {
		os.RemoveAll(old) // no inodes here: an index could not trust it
		return
	}
	spare := filepath.Join(parent, spareName(base))
	os.RemoveAll(spare) // none should be there: takeSpare took it
	if os.Rename(old, spare) != nil {
		os.RemoveAll(old)
	}
}

// fillFolder makes the folder dir hold exactly files. known is what the
// index says dir holds (nil: dir is empty and new); live is the output
// folder as it is now and liveKnown what the index says it holds (nil:
// unknown). A file whose bytes the live site has too gets the live file's
// modification time, so that rsync, a CDN upload and a browser's
// If-Modified-Since see it unchanged; any other file written or kept gets
// the time of this build. It returns what dir holds afterwards.
func fillFolder(dir string, known map[string]indexEntry, live string, liveKnown map[string]indexEntry, files Output) (map[string]indexEntry, error) {
	names := files.Paths()
	wantDirs := map[string]bool{".": true}
	for _, name := range names {
		for d := path.Dir(name); !wantDirs[d]; d = path.Dir(d) {
			wantDirs[d] = true
		}
	}
	// A name that is both a file and a folder cannot be written.
	for _, name := range names {
		if wantDirs[name] {
			return nil, fmt.Errorf("%s: both a file and a folder in the site", name)
		}
	}
	known, touched := sweep(dir, known, files, wantDirs)
	dirs := make([]string, 0, len(wantDirs))
	for d := range wantDirs {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	// The folders to make, a level at a time (parents before their
	// folders), each level on every core: making a folder costs as much
	// kernel time as making a file on some filesystems.
	var levels [][]string
	for _, d := range dirs {
		if _, ok := known[d]; ok || d == "." {
			continue
		}
		depth := strings.Count(d, "/")
		for len(levels) <= depth {
			levels = append(levels, nil)
		}
		levels[depth] = append(levels[depth], d)
		touched[d], touched[path.Dir(d)] = true, true
	}
	for _, level := range levels {
		if err := forEach(len(level), func(i int) error {
			return os.Mkdir(filepath.Join(dir, filepath.FromSlash(level[i])), 0o755)
		}); err != nil {
			return nil, err
		}
	}

	now := time.Now()
	entries := make([]indexEntry, len(names))
	wrote := make([]bool, len(names))
	err := forEach(len(names), func(i int) error {
		name, data := names[i], files[names[i]]
		sum := sha256.Sum256(data)
		target := filepath.Join(dir, filepath.FromSlash(name))
		// The live file's time where its bytes are the same.
		var mtime time.Time
		if liveKnown != nil {
			if l, ok := liveKnown[name]; ok && l.Sum == sum && statMatches(filepath.Join(live, filepath.FromSlash(name)), l) {
				mtime = time.Unix(0, l.Mtime)
			}
		} else if info, ok := sameBytes(filepath.Join(live, filepath.FromSlash(name)), data); ok {
			mtime = info.ModTime()
		}
		if k, ok := known[name]; ok && k.Sum == sum && statMatches(target, k) {
			e := k
			if liveChanged := mtime.IsZero() && liveHas(live, liveKnown, name); liveChanged {
				mtime = now // the same bytes as two builds ago, not as the live site
			}
			if !mtime.IsZero() && mtime.UnixNano() != k.Mtime {
				if err := os.Chtimes(target, time.Time{}, mtime); err != nil {
					return err
				}
				e.Mtime = mtime.UnixNano()
			}
			entries[i] = e
			return nil
		}
		_, exists := known[name]
		e, err := writeFile(target, data, exists, mtime)
		if err != nil {
			return err
		}
		e.Sum = sum
		entries[i], wrote[i] = e, true
		return nil
	})
	if err != nil {
		return nil, err
	}

	out := make(map[string]indexEntry, len(names)+len(dirs))
	for i, name := range names {
		out[name] = entries[i]
		if wrote[i] {
			touched[path.Dir(name)] = true
		}
	}
	for _, d := range dirs {
		k, ok := known[d]
		if ok && !touched[d] {
			out[d] = k
			continue
		}
		info, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(d)))
		if err != nil {
			return nil, err
		}
		ino, _, _ := fileID(info)
		out[d] = indexEntry{Dir: true, Mtime: info.ModTime().UnixNano(), Ino: ino}
	}
	return out, nil
}

// liveHas reports whether the live site has a file at name (as far as
// its index, or else lstat, tells).
func liveHas(live string, liveKnown map[string]indexEntry, name string) bool {
	if liveKnown != nil {
		e, ok := liveKnown[name]
		return ok && !e.Dir
	}
	info, err := os.Lstat(filepath.Join(live, filepath.FromSlash(name)))
	return err == nil && !info.IsDir()
}

// sweep removes from dir everything that is not to stay: files and
// folders the new site does not have, entries the index does not know
// (found in folders whose modification time moved), and anything that is
// no longer what the index says (a folder replaced by a link). It returns
// the entries of known still in place.
func sweep(dir string, known map[string]indexEntry, files Output, wantDirs map[string]bool) (kept map[string]indexEntry, touched map[string]bool) {
	touched = map[string]bool{}
	if known == nil {
		return nil, touched
	}
	kept = make(map[string]indexEntry, len(known))
	gone := map[string]bool{} // folders removed whole
	under := func(name string) bool {
		for d := path.Dir(name); ; d = path.Dir(d) {
			if gone[d] {
				return true
			}
			if d == "." {
				return false
			}
		}
	}
	var knownDirs []string
	for name, e := range known {
		if e.Dir {
			knownDirs = append(knownDirs, name)
		}
	}
	sort.Strings(knownDirs) // parents first
	for _, d := range knownDirs {
		if under(d) {
			continue
		}
		full := filepath.Join(dir, filepath.FromSlash(d))
		e := known[d]
		info, err := os.Lstat(full)
		ino, _, _ := fileID(info)
		if err != nil || !info.IsDir() || ino != e.Ino || (!wantDirs[d] && d != ".") {
			os.RemoveAll(full)
			gone[d] = true
			touched[path.Dir(d)] = true
			continue
		}
		if info.ModTime().UnixNano() != e.Mtime {
			// Something was added, removed or renamed here since.
			removeUnknown(full, d, known)
			touched[d] = true
		}
		kept[d] = e
	}
	for name, e := range known {
		if e.Dir || under(name) {
			continue
		}
		if _, ok := files[name]; !ok {
			os.Remove(filepath.Join(dir, filepath.FromSlash(name)))
			touched[path.Dir(name)] = true
			continue
		}
		kept[name] = e
	}
	if _, ok := kept["."]; !ok {
		// The folder itself is not what the index says: start empty.
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
		return nil, map[string]bool{".": true}
	}
	return kept, touched
}

// removeUnknown removes the entries of the folder full (rel in the site)
// that known does not list as what they are.
func removeUnknown(full, rel string, known map[string]indexEntry) {
	entries, err := os.ReadDir(full)
	if err != nil {
		return
	}
	for _, de := range entries {
		name := path.Join(rel, de.Name())
		if e, ok := known[name]; ok && e.Dir == de.IsDir() && de.Type()&fs.ModeSymlink == 0 {
			continue
		}
		os.RemoveAll(filepath.Join(full, de.Name()))
	}
}

// statMatches reports whether the file at name is still the one e
// describes: a regular file with one name, the same inode, size and
// modification time.
func statMatches(name string, e indexEntry) bool {
	info, err := os.Lstat(name)
	if err != nil || !info.Mode().IsRegular() || info.Size() != e.Size || info.ModTime().UnixNano() != e.Mtime {
		return false
	}
	ino, links, ok := fileID(info)
	return ok && ino == e.Ino && links == 1
}

// writeFile writes data to name and, if mtime is set, gives it that
// modification time. Where a file is in the way it is replaced by a
// rename, never written through: it may have other names.
func writeFile(name string, data []byte, replace bool, mtime time.Time) (indexEntry, error) {
	target := name
	if replace {
		target = name + ".tmp-" + strconv.FormatUint(rand.Uint64(), 10)
	}
	f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return indexEntry{}, err
	}
	_, err = f.Write(data)
	var info fs.FileInfo
	if err == nil {
		info, err = f.Stat()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil && !mtime.IsZero() {
		err = os.Chtimes(target, time.Time{}, mtime)
	}
	if err == nil && replace {
		if err = os.Rename(target, name); err != nil {
			var pe *os.LinkError
			if errors.As(err, &pe) {
				// A folder where the file goes: the index did not know it.
				os.RemoveAll(name)
				err = os.Rename(target, name)
			}
		}
	}
	if err != nil {
		if replace {
			os.Remove(target)
		}
		return indexEntry{}, err
	}
	ino, _, _ := fileID(info)
	e := indexEntry{Size: int64(len(data)), Mtime: info.ModTime().UnixNano(), Ino: ino}
	if !mtime.IsZero() {
		e.Mtime = mtime.UnixNano()
	}
	return e, nil
}

// sameBytes reports whether the regular file at name holds exactly data,
// with what lstat says of it.
func sameBytes(name string, data []byte) (fs.FileInfo, bool) {
	info, err := os.Lstat(name)
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(data)) {
		return nil, false
	}
	old, err := os.ReadFile(name)
	if err != nil || !bytes.Equal(old, data) {
		return nil, false
	}
	return info, true
}
