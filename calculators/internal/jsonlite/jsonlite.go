// Package jsonlite reads and writes the small, flat JSON the calculators
// exchange. It exists only to keep encoding/json, and the reflection it
// brings, out of the WebAssembly module: that halves the module's growth
// over the bare Go runtime. It reads any valid JSON (RFC 8259) and rejects
// anything else; it is tested against encoding/json.
package jsonlite

import (
	"errors"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// Member is one key and its raw, valid JSON value.
type Member struct {
	Key   string
	Value []byte
}

// ErrSyntax is returned for input that is not valid JSON.
var ErrSyntax = errors.New("not valid JSON")

// maxDepth bounds nesting so hostile input cannot exhaust the stack.
const maxDepth = 64

// Object parses data as one JSON object and returns its members in order,
// duplicates included. Anything but whitespace after the object is an error.
func Object(data []byte) ([]Member, error) {
	s := scanner{data: data}
	s.space()
	if s.peek() != '{' {
		return nil, errors.New("not a JSON object")
	}
	var members []Member
	s.i++
	s.space()
	if s.peek() == '}' {
		s.i++
	} else {
		for {
			s.space()
			start := s.i
			if s.peek() != '"' || !s.str() {
				return nil, ErrSyntax
			}
			key, _ := String(data[start:s.i])
			s.space()
			if s.peek() != ':' {
				return nil, ErrSyntax
			}
			s.i++
			s.space()
			vstart := s.i
			if !s.value(1) {
				return nil, ErrSyntax
			}
			members = append(members, Member{key, data[vstart:s.i]})
			s.space()
			if s.peek() == ',' {
				s.i++
				continue
			}
			if s.peek() != '}' {
				return nil, ErrSyntax
			}
			s.i++
			break
		}
	}
	s.space()
	if s.i != len(data) {
		return nil, errors.New("text after the JSON object")
	}
	return members, nil
}

type scanner struct {
	data []byte
	i    int
}

func (s *scanner) peek() byte {
	if s.i < len(s.data) {
		return s.data[s.i]
	}
	return 0
}

func (s *scanner) space() {
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

func (s *scanner) value(depth int) bool {
	if depth > maxDepth {
		return false
	}
	switch c := s.peek(); {
	case c == '{':
		return s.container('}', depth, true)
	case c == '[':
		return s.container(']', depth, false)
	case c == '"':
		return s.str()
	case c == '-' || (c >= '0' && c <= '9'):
		return s.num()
	default:
		for _, lit := range []string{"true", "false", "null"} {
			if len(s.data)-s.i >= len(lit) && string(s.data[s.i:s.i+len(lit)]) == lit {
				s.i += len(lit)
				return true
			}
		}
		return false
	}
}

func (s *scanner) container(end byte, depth int, object bool) bool {
	s.i++
	s.space()
	if s.peek() == end {
		s.i++
		return true
	}
	for {
		s.space()
		if object {
			if s.peek() != '"' || !s.str() {
				return false
			}
			s.space()
			if s.peek() != ':' {
				return false
			}
			s.i++
			s.space()
		}
		if !s.value(depth + 1) {
			return false
		}
		s.space()
		switch s.peek() {
		case ',':
			s.i++
		case end:
			s.i++
			return true
		default:
			return false
		}
	}
}

// str scans a string literal, checking escapes. Like encoding/json it lets
// invalid UTF-8 through; String turns it into U+FFFD.
func (s *scanner) str() bool {
	s.i++
	for s.i < len(s.data) {
		c := s.data[s.i]
		switch {
		case c == '"':
			s.i++
			return true
		case c < 0x20:
			return false
		case c == '\\':
			s.i++
			switch s.peek() {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				s.i++
			case 'u':
				if len(s.data)-s.i < 5 || !hex4(s.data[s.i+1:s.i+5]) {
					return false
				}
				s.i += 5
			default:
				return false
			}
		default:
			s.i++
		}
	}
	return false
}

func hex4(b []byte) bool {
	for _, c := range b {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// num scans a number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (s *scanner) num() bool {
	if s.peek() == '-' {
		s.i++
	}
	switch c := s.peek(); {
	case c == '0':
		s.i++
	case c >= '1' && c <= '9':
		s.digits()
	default:
		return false
	}
	if s.peek() == '.' {
		s.i++
		if !s.digits() {
			return false
		}
	}
	if c := s.peek(); c == 'e' || c == 'E' {
		s.i++
		if c := s.peek(); c == '+' || c == '-' {
			s.i++
		}
		if !s.digits() {
			return false
		}
	}
	return true
}

func (s *scanner) digits() bool {
	start := s.i
	for s.i < len(s.data) && s.data[s.i] >= '0' && s.data[s.i] <= '9' {
		s.i++
	}
	return s.i > start
}

// String decodes a raw JSON string literal; ok is false when raw is not one.
// Each byte of invalid UTF-8 becomes U+FFFD, as with encoding/json.
func String(raw []byte) (string, bool) {
	s := scanner{data: raw}
	if s.peek() != '"' || !s.str() || s.i != len(raw) {
		return "", false
	}
	b := make([]byte, 0, len(raw))
	for i := 1; i < len(raw)-1; {
		c := raw[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRune(raw[i:])
			if r == utf8.RuneError && n == 1 {
				b = utf8.AppendRune(b, utf8.RuneError)
			} else {
				b = append(b, raw[i:i+n]...)
			}
			i += n
			continue
		}
		if c != '\\' {
			b = append(b, c)
			i++
			continue
		}
		switch raw[i+1] {
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r := rune(hexValue(raw[i+2 : i+6]))
			i += 6
			if utf16.IsSurrogate(r) {
				r2 := utf8.RuneError
				if i+6 <= len(raw)-1 && raw[i] == '\\' && raw[i+1] == 'u' {
					if d := utf16.DecodeRune(r, rune(hexValue(raw[i+2:i+6]))); d != utf8.RuneError {
						r2, i = d, i+6
					}
				}
				r = r2
			}
			b = utf8.AppendRune(b, r)
			continue
		default: // '"', '\\', '/'
			b = append(b, raw[i+1])
		}
		i += 2
	}
	return string(b), true
}

func hexValue(b []byte) int {
	n, _ := strconv.ParseUint(string(b), 16, 32)
	return int(n)
}

// Quote returns s as a JSON string literal. Invalid UTF-8 becomes U+FFFD;
// U+2028 and U+2029 are escaped so the text is also safe inside JavaScript.
func Quote(s string) []byte {
	const hex = "0123456789abcdef"
	b := make([]byte, 0, len(s)+2)
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			case c < 0x20:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return append(b, '"')
}

// Writer builds a JSON object member by member.
type Writer struct {
	b []byte
}

func (w *Writer) key(k string) {
	if len(w.b) == 0 {
		w.b = append(w.b, '{')
	} else {
		w.b = append(w.b, ',')
	}
	w.b = append(w.b, Quote(k)...)
	w.b = append(w.b, ':')
}

// Raw adds a member whose value is already valid JSON.
func (w *Writer) Raw(k string, raw []byte) {
	w.key(k)
	w.b = append(w.b, raw...)
}

// String adds a string member.
func (w *Writer) String(k, v string) { w.Raw(k, Quote(v)) }

// Bool adds a true or false member.
func (w *Writer) Bool(k string, v bool) { w.Raw(k, strconv.AppendBool(nil, v)) }

// Int adds a number member.
func (w *Writer) Int(k string, v int) { w.Raw(k, strconv.AppendInt(nil, int64(v), 10)) }

// Bytes returns the finished object.
func (w *Writer) Bytes() []byte {
	if len(w.b) == 0 {
		return []byte("{}")
	}
	return append(w.b, '}')
}

// Array joins raw JSON values into an array.
func Array(items [][]byte) []byte {
	b := []byte{'['}
	for i, it := range items {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, it...)
	}
	return append(b, ']')
}
