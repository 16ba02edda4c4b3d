package ordinance

import (
	"sync"
)

// Format is a way an ordinance is published: the text of the official
// consolidation, CVDR XML, … A reader registers its format, as image
// formats do with image.RegisterFormat, and Read picks it by content.
type Format struct {
	Name string
	// Match reports whether src is in this format, from its first bytes.
	Match func(src []byte) bool
	// Parse reads src (file names it in messages) into the model.
	Parse func(file string, src []byte) (*Ordinance, []Diagnostic, error)
}

var (
	formatsMu sync.RWMutex
	formats   []Format
)

// RegisterFormat adds a format. Formats registered later are tried first,
// so a specific format (XML) wins over the plain text that reads anything.
func RegisterFormat(f Format) {
	formatsMu.Lock()
	defer formatsMu.Unlock()
	formats = append([]Format{f}, formats...)
}

func init() {
	RegisterFormat(Format{Name: "text", Match: func([]byte) bool { return true }, Parse: Parse})
}

// Read reads an ordinance in any registered format, chosen by its content.
func Read(file string, src []byte) (*Ordinance, []Diagnostic, error) {
	formatsMu.RLock()
	fs := formats
	formatsMu.RUnlock()
	for _, f := range fs {
		if f.Match(src) {
			return f.Parse(file, src)
		}
	}
	return Parse(file, src)
}

// FormatOf names the registered format src is in.
func FormatOf(src []byte) string {
	formatsMu.RLock()
	defer formatsMu.RUnlock()
	for _, f := range formats {
		if f.Match(src) {
			return f.Name
		}
	}
	return "text"
}
