// Package diag is the one type for a problem at a line of a file, and for a
// list of them, in the spirit of go/scanner's Error and ErrorList. Every
// reader of the project's input (the ordinance, its translation, the YAML
// data files, the glossary, the readability thresholds, the content folder
// itself) reports with it, so every message reads the same:
//
//	verordening.txt:12: article 3 follows 1: expected article 2
//	verordening.txt:40: warning: article 5: lid 3 where lid 2 was expected
//	metadata.yaml: no such folder
//
// A reader gathers what it finds in a List and returns List.Err, so one
// run shows everything that is wrong; callers find the list, or a single
// Diagnostic, with errors.As.
//
// The rule package under calculators/ keeps its own params.ParseError:
// calculators/ is compiled to WebAssembly from a copy of that folder alone
// and may import nothing outside it.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Diagnostic is a problem found in a file, at a line.
type Diagnostic struct {
	File string
	// Line is 1-based; 0 means the file (or folder) as a whole, and the
	// message then reads "file: message".
	Line    int
	Message string
	// Warning marks a problem the reader could read past.
	Warning bool
	// Err is the underlying error, if any (a *fs.PathError, say), for
	// errors.Is and errors.As; it is not part of the message.
	Err error
}

// String is "file:line: message", "file:line: warning: message", or
// "file: message" when Line is 0.
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.File)
	if d.Line > 0 {
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(d.Line))
	}
	b.WriteString(": ")
	if d.Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(d.Message)
	return b.String()
}

// Error is String: a *Diagnostic is an error on its own.
func (d *Diagnostic) Error() string { return d.String() }

// Unwrap returns the underlying error.
func (d *Diagnostic) Unwrap() error { return d.Err }

// List is a list of diagnostics. The zero value is an empty list that
// shows every diagnostic.
type List struct {
	Diagnostics []Diagnostic
	// Max is the most diagnostics Error shows; the rest are counted in a
	// last line "(and N more)". Zero shows them all.
	Max int
}

// Add appends d.
func (l *List) Add(d Diagnostic) { l.Diagnostics = append(l.Diagnostics, d) }

// Errorf appends an error at file:line.
func (l *List) Errorf(file string, line int, format string, args ...any) {
	l.Add(Diagnostic{File: file, Line: line, Message: fmt.Sprintf(format, args...)})
}

// Warnf appends a warning at file:line.
func (l *List) Warnf(file string, line int, format string, args ...any) {
	l.Add(Diagnostic{File: file, Line: line, Message: fmt.Sprintf(format, args...), Warning: true})
}

// Append appends the diagnostics of err: those of a *List, a *Diagnostic,
// or, for any other error, one diagnostic of file at line 1 with the
// error's text. A nil err appends nothing.
func (l *List) Append(file string, err error) {
	switch e := err.(type) {
	case nil:
	case *List:
		l.Diagnostics = append(l.Diagnostics, e.Diagnostics...)
	case *Diagnostic:
		l.Add(*e)
	default:
		l.Add(Diagnostic{File: file, Line: 1, Message: err.Error(), Err: err})
	}
}

// Len is the number of diagnostics.
func (l *List) Len() int {
	if l == nil {
		return 0
	}
	return len(l.Diagnostics)
}

// Sort orders the list by file, then line, then message; diagnostics
// equal in all three keep their order.
func (l *List) Sort() {
	slices.SortStableFunc(l.Diagnostics, func(a, b Diagnostic) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Message, b.Message))
	})
}

// Errors returns the diagnostics that are not warnings, Warnings those
// that are; each keeps the list's Max.
func (l *List) Errors() *List { return l.filter(false) }

// Warnings returns the diagnostics that are warnings.
func (l *List) Warnings() *List { return l.filter(true) }

func (l *List) filter(warning bool) *List {
	out := &List{Max: l.Max}
	for _, d := range l.Diagnostics {
		if d.Warning == warning {
			out.Add(d)
		}
	}
	return out
}

// Err returns the list as an error, or nil when it is empty.
func (l *List) Err() error {
	if l.Len() == 0 {
		return nil
	}
	return l
}

// Error writes one diagnostic a line: at most Max of them, then
// "(and N more)".
func (l *List) Error() string {
	var b strings.Builder
	for i, d := range l.Diagnostics {
		if l.Max > 0 && i == l.Max {
			fmt.Fprintf(&b, "\n(and %d more)", len(l.Diagnostics)-l.Max)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}
