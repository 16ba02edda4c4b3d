package contentfile

import (
	"errors"
	"io/fs"
	"testing"
	"testing/fstest"
)

// TestMessages: a problem with a file is "name:line: message", with the
// folder "folder: message"; errors.As finds the *Error and errors.Is its
// cause.
func TestMessages(t *testing.T) {
	tests := []struct {
		name string
		data string
		want string
	}{
		{"nul", "ab\ncd\x00", "f.txt:2: contains a NUL byte; save it as UTF-8 text"},
		{"utf16", "\xff\xfea\x00", "f.txt:1: byte 0xFF is not UTF-8 text (perhaps the file was saved as Windows-1252 or Latin-1); save it as UTF-8"},
		{"latin1", "a\n\nb\xe9", "f.txt:3: byte 0xE9 is not UTF-8 text (perhaps the file was saved as Windows-1252 or Latin-1); save it as UTF-8"},
	}
	for _, tt := range tests {
		err := CheckText("f.txt", []byte(tt.data))
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: got %v, want %q", tt.name, err, tt.want)
		}
	}

	_, err := Read(fstest.MapFS{}, "nope.txt", FileLimit)
	var e *Error
	if !errors.As(err, &e) || e.File != "nope.txt" || err.Error() != "nope.txt:1: file not found" || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}

	_, err = Read(Dir(t.TempDir()+"/gone"), "x.txt", FileLimit)
	if !errors.As(err, &e) || e.Line != 0 || err.Error() != e.File+": no such folder" {
		t.Errorf("missing folder: %v", err)
	}

	big := fstest.MapFS{"big.txt": {Data: make([]byte, 2048)}}
	if _, err := Read(big, "big.txt", 1024); err == nil || err.Error() != "big.txt:1: 2.0 KB is larger than the 1.0 KB a file of this kind may be" {
		t.Errorf("too large: %v", err)
	}
}
