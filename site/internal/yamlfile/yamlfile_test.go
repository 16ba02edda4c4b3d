package yamlfile

import (
	"errors"
	"testing"

	"github.com/regelgids/regelgids/internal/diag"
)

// TestDecodeErrors: every problem is a diagnostic of the file at its line,
// in the editor's words.
func TestDecodeErrors(t *testing.T) {
	type data struct {
		Title string `yaml:"title"`
		Count int    `yaml:"count"`
	}
	tests := []struct{ name, src, want string }{
		{"empty", "", "m.yaml:1: empty file"},
		{"unknown key", "title: x\ntitel: y\n", "m.yaml:2: unknown key titel"},
		{"two problems", "title: x\ncount: veel\nextra: 1\n", "m.yaml:2: cannot unmarshal !!str `veel` into int\nm.yaml:3: unknown key extra"},
		{"syntax", "title: x\ncount: [1\n", "m.yaml:2: did not find expected ',' or ']'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v data
			_, err := Decode("m.yaml", []byte(tt.src), &v)
			if err == nil || err.Error() != tt.want {
				t.Fatalf("got %v, want %q", err, tt.want)
			}
			var l *diag.List
			var d *diag.Diagnostic
			if !errors.As(err, &l) && !errors.As(err, &d) {
				t.Errorf("error is a %T, want a diag type", err)
			}
		})
	}
	lines, err := Decode("m.yaml", []byte("title: x\ncount: 2\n"), &data{})
	if err != nil || lines["count"] != 2 {
		t.Errorf("lines %v, err %v", lines, err)
	}
}
