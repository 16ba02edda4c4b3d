package ordinance

import (
	"fmt"
	"strings"
)

// Diagnostic is a problem found in a source file, at a line.
type Diagnostic struct {
	File    string
	Line    int
	Message string
	Warning bool
}

func (d Diagnostic) String() string {
	kind := ""
	if d.Warning {
		kind = "warning: "
	}
	return fmt.Sprintf("%s:%d: %s%s", d.File, d.Line, kind, d.Message)
}

// Error is returned when a source file does not fit the structure. It holds
// every error found, in line order, so one run shows all that is wrong.
type Error struct {
	Diagnostics []Diagnostic
}

func (e *Error) Error() string {
	const most = 10
	var b strings.Builder
	for i, d := range e.Diagnostics {
		if i == most {
			fmt.Fprintf(&b, "\n(and %d more)", len(e.Diagnostics)-most)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}
