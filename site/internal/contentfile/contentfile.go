// Package contentfile reads the files of a content or templates folder the
// way a careful editor would expect: only regular files, each within the
// size limit of its kind, as UTF-8 text without NUL bytes. Anything else —
// a named pipe, a device, a symbolic link out of the folder, a file that
// grows without end — is refused by name before it can hang or exhaust a
// build.
package contentfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"unicode/utf8"

	"github.com/regelgids/regelgids/internal/diag"
)

// Size limits per kind of file. A real ordinance is 50–500 KB and a guide
// 2–10 KB; the limits leave a wide margin and keep a mistaken file (a video,
// a database dump) from becoming a 50 MB search index.
const (
	OrdinanceLimit = 5 << 20 // the ordinance text or XML
	FileLimit      = 1 << 20 // a guide, data file, template or static file
)

// Error is a problem with a file at a line of it, or with the folder
// itself (Line 0, "folder: message"); Err is the underlying error, if any.
type Error = diag.Diagnostic

// Read returns the contents of name, a text file of at most limit bytes.
func Read(fsys fs.FS, name string, limit int64) ([]byte, error) {
	b, err := ReadBytes(fsys, name, limit)
	if err != nil {
		return nil, err
	}
	if err := CheckText(name, b); err != nil {
		return nil, err
	}
	return b, nil
}

// ReadBytes is Read without the text checks, for binary static files.
func ReadBytes(fsys fs.FS, name string, limit int64) ([]byte, error) {
	if err := Check(fsys, name, limit); err != nil {
		return nil, err
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, openError(name, err)
	}
	defer f.Close()
	// The file may have grown since Check; never read more than the limit.
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, &Error{File: name, Line: 1, Message: "cannot be read: " + err.Error(), Err: err}
	}
	if int64(len(b)) > limit {
		return nil, tooLarge(name, int64(len(b)), limit)
	}
	return b, nil
}

// Check refuses anything but a regular file of at most limit bytes, without
// opening it: opening a named pipe blocks until someone writes to it.
func Check(fsys fs.FS, name string, limit int64) error {
	if lfs, ok := fsys.(fs.ReadLinkFS); ok {
		if info, err := lfs.Lstat(name); err == nil && info.Mode()&fs.ModeSymlink != 0 {
			if _, err := fs.Stat(fsys, name); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return &Error{File: name, Line: 1, Err: err,
					Message: "is a symbolic link that leads outside the folder; copy the file into the folder instead"}
			}
		}
	}
	if _, ok := fsys.(fs.StatFS); !ok {
		// Without Stat (an embedded or in-memory folder) nothing can be a
		// pipe or a device; ReadBytes still enforces the limit.
		return nil
	}
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return openError(name, err)
	}
	if t := info.Mode().Type(); t != 0 {
		return &Error{File: name, Line: 1, Message: fmt.Sprintf("is %s, not a regular file; regelgids reads only ordinary files", kind(t))}
	}
	if info.Size() > limit {
		return tooLarge(name, info.Size(), limit)
	}
	return nil
}

func openError(name string, err error) error {
	var fe *folderError
	if errors.As(err, &fe) {
		msg := "cannot be opened: " + fe.err.Error()
		if errors.Is(fe.err, fs.ErrNotExist) {
			msg = "no such folder"
		}
		return &Error{File: fe.dir, Message: msg, Err: err}
	}
	if errors.Is(err, fs.ErrNotExist) {
		return &Error{File: name, Line: 1, Message: "file not found", Err: err}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	if err.Error() == "path escapes from parent" {
		return &Error{File: name, Line: 1, Err: err,
			Message: "is a symbolic link that leads outside the folder; copy the file into the folder instead"}
	}
	return &Error{File: name, Line: 1, Message: "cannot be read: " + err.Error(), Err: err}
}

func tooLarge(name string, size, limit int64) error {
	return &Error{File: name, Line: 1, Message: fmt.Sprintf("%s is larger than the %s a file of this kind may be", human(size), human(limit))}
}

func human(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

func kind(t fs.FileMode) string {
	switch {
	case t&fs.ModeDir != 0:
		return "a folder"
	case t&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case t&fs.ModeSocket != 0:
		return "a socket"
	case t&fs.ModeCharDevice != 0:
		return "a character device"
	case t&fs.ModeDevice != 0:
		return "a device"
	case t&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "a special file"
}

// CheckText refuses bytes that are not UTF-8 text, naming the line of the
// first bad byte: a NUL (a binary file, or a file saved as UTF-16) or an
// invalid sequence (a file saved as Latin-1 or Windows-1252).
func CheckText(name string, b []byte) error {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		if !utf8.Valid(b[:i]) {
			return invalidUTF8(name, b)
		}
		msg := "contains a NUL byte; save it as UTF-8 text"
		if i <= 1 {
			msg = "contains NUL bytes (a binary file, or text saved as UTF-16); save it as UTF-8 text"
		}
		return &Error{File: name, Line: LineAt(b, i), Message: msg}
	}
	if !utf8.Valid(b) {
		return invalidUTF8(name, b)
	}
	return nil
}

func invalidUTF8(name string, b []byte) error {
	i := 0
	for i < len(b) {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		i += size
	}
	return &Error{File: name, Line: LineAt(b, i),
		Message: fmt.Sprintf("byte 0x%02X is not UTF-8 text (perhaps the file was saved as Windows-1252 or Latin-1); save it as UTF-8", b[i])}
}

// LineAt is the 1-based line of byte offset i.
func LineAt(b []byte, i int) int {
	if i > len(b) {
		i = len(b)
	}
	return 1 + bytes.Count(b[:i], []byte("\n"))
}

// Dir is a folder on disk as an fs.FS that, unlike os.DirFS, refuses
// symbolic links that lead outside it (to /dev/zero, say, or to another
// municipality's folder). Links inside the folder are followed.
func Dir(dir string) fs.FS { return rootFS(dir) }

// rootFS opens an os.Root per operation, so a long-running server holds no
// descriptor on a folder that an editor may replace.
type rootFS string

func (d rootFS) root(op, name string) (*os.Root, error) {
	r, err := os.OpenRoot(string(d))
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &fs.PathError{Op: op, Path: name, Err: &folderError{string(d), err}}
	}
	return r, nil
}

// folderError is a folder that cannot be opened at all: one message for
// it, not one per file.
type folderError struct {
	dir string
	err error
}

func (e *folderError) Error() string { return e.dir + ": " + e.err.Error() }
func (e *folderError) Unwrap() error { return e.err }

func (d rootFS) Open(name string) (fs.File, error) {
	r, err := d.root("open", name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return r.FS().Open(name)
}

func (d rootFS) Stat(name string) (fs.FileInfo, error) {
	r, err := d.root("stat", name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return fs.Stat(r.FS(), name)
}

func (d rootFS) Lstat(name string) (fs.FileInfo, error) {
	r, err := d.root("lstat", name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return r.FS().(fs.ReadLinkFS).Lstat(name)
}

func (d rootFS) ReadLink(name string) (string, error) {
	r, err := d.root("readlink", name)
	if err != nil {
		return "", err
	}
	defer r.Close()
	return r.FS().(fs.ReadLinkFS).ReadLink(name)
}

func (d rootFS) ReadDir(name string) ([]fs.DirEntry, error) {
	r, err := d.root("readdir", name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return fs.ReadDir(r.FS(), name)
}

// Path is the folder on disk, for messages and watching.
func (d rootFS) Path() string { return filepath.Clean(string(d)) }

// Sub keeps the confinement in a subfolder (fs.Sub's wrapper would drop
// Stat, and with it the check for pipes and devices).
func (d rootFS) Sub(dir string) (fs.FS, error) {
	if !fs.ValidPath(dir) {
		return nil, &fs.PathError{Op: "sub", Path: dir, Err: fs.ErrInvalid}
	}
	return rootFS(filepath.Join(string(d), filepath.FromSlash(dir))), nil
}
