package calculators

import (
	"strconv"
	"unicode/utf8"

	"github.com/regelgids/regelgids/calculators/internal/jsonlite"
)

// This file reads an input that is not valid JSON, to say what is wrong in
// words a resident can act on. jsonlite.Object reads valid JSON and only
// says that something is wrong; looseObject is tried after it fails.
//
// looseObject accepts a superset of JSON objects. A member value that JSON
// does not allow, but whose extent is clear, is kept as it was written, so
// that the field can be named and the reader told what to write:
//
//   - a bare word or number-like token, such as 035, +5, .5, ja or True,
//     up to the next space, comma, }, ], quote or colon; digits, a comma and
//     digits count as one token (24,5: a decimal comma);
//   - a string with a tab or another control character, or a bad escape;
//   - nothing at all: "age": , (an empty value).
//
// A trailing comma, a missing comma between two members and text after the
// closing } are noted with their line and character, and reading goes on.
// Anything else ends the reading with one message at the place of the
// fault: the fields cannot be trusted after it.

// syntaxKind is one kind of fault in the writing of the JSON object.
type syntaxKind uint8

const (
	synEmpty          syntaxKind = iota // nothing but white space
	synNotObject                        // does not start with {
	synUTF16                            // saved as UTF-16 instead of UTF-8
	synKeyExpected                      // no "name" where a field should start
	synKeySingleQuote                   // 'name' in single quotes
	synKeyBad                           // a name with a control character or bad escape
	synColon                            // no : after a name
	synUnterminated                     // a string without its closing quote on the same line
	synValueExpected                    // no value after "name":
	synAfterValue                       // no , or } after a value
	synEOF                              // the input ends inside the object
	synTrailingComma                    // a comma before } (reading goes on)
	synMissingComma                     // two members without a comma (reading goes on)
	synAfterObject                      // text after the closing } (reading goes on)
)

// syntaxIssue is one fault with its place: line and character (in runes),
// both counted from 1, and the field it follows, if any.
type syntaxIssue struct {
	kind      syntaxKind
	line, col int
	key       string
}

// maxNotes bounds the faults noted before reading stops noting them, so
// that an input of a million missing commas gets a short answer.
const maxNotes = 5

type looseScanner struct {
	data  []byte
	i     int
	notes []syntaxIssue
}

// looseObject reads data, which is not valid JSON, as far as it can. It
// returns the members it read, the faults it noted and, when it had to
// stop, the fault it stopped at.
func looseObject(data []byte) (members []jsonlite.Member, notes []syntaxIssue, fatal *syntaxIssue) {
	s := &looseScanner{data: data}
	stop := func(kind syntaxKind, at int, key string) ([]jsonlite.Member, []syntaxIssue, *syntaxIssue) {
		is := s.issue(kind, at, key)
		return members, s.notes, &is
	}
	if isUTF16(data) {
		return stop(synUTF16, 0, "")
	}
	s.space()
	if s.i == len(data) {
		return stop(synEmpty, 0, "")
	}
	if data[s.i] != '{' {
		return stop(synNotObject, s.i, "")
	}
	s.i++
	comma := -1 // the place of the comma after the last member, if any
	for {
		s.space()
		if s.i == len(data) {
			return stop(synEOF, s.i, "")
		}
		switch data[s.i] {
		case '}':
			if comma >= 0 {
				s.note(synTrailingComma, comma, "")
			}
			s.i++
			s.space()
			if s.i < len(data) {
				s.note(synAfterObject, s.i, "")
			}
			return members, s.notes, nil
		case '\'':
			return stop(synKeySingleQuote, s.i, "")
		case '"':
		default:
			return stop(synKeyExpected, s.i, "")
		}
		start := s.i
		if !s.str() {
			return stop(synUnterminated, start, "")
		}
		key, ok := jsonlite.String(data[start:s.i])
		if !ok {
			return stop(synKeyBad, start, "")
		}
		s.space()
		if s.peek() != ':' {
			if s.i == len(data) {
				return stop(synEOF, s.i, "")
			}
			return stop(synColon, s.i, key)
		}
		s.i++
		s.space()
		vstart := s.i
		switch c := s.peek(); {
		case s.i == len(data):
			return stop(synEOF, s.i, "")
		case c == ',' || c == '}':
			// An empty value: kept as an empty member, an error on the field.
		case c == '"':
			if !s.str() {
				return stop(synUnterminated, vstart, key)
			}
		case c == '{' || c == '[':
			if !s.container() {
				return stop(synEOF, s.i, "")
			}
		default:
			if !s.bare() {
				return stop(synValueExpected, vstart, key)
			}
		}
		members = append(members, jsonlite.Member{Key: key, Value: data[vstart:s.i]})
		s.space()
		comma = -1
		switch s.peek() {
		case ',':
			comma = s.i
			s.i++
		case '}':
		case '"':
			s.note(synMissingComma, s.i, "")
		default:
			if s.i == len(data) {
				return stop(synEOF, s.i, "")
			}
			return stop(synAfterValue, s.i, key)
		}
	}
}

func (s *looseScanner) peek() byte {
	if s.i < len(s.data) {
		return s.data[s.i]
	}
	return 0
}

func (s *looseScanner) space() {
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// str skips a string that starts at s.i. It fails when the line or the
// input ends before the closing quote; control characters and bad escapes
// are left for jsonlite.String to refuse.
func (s *looseScanner) str() bool {
	s.i++
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case '"':
			s.i++
			return true
		case '\n', '\r':
			return false
		case '\\':
			if s.i+1 < len(s.data) && s.data[s.i+1] != '\n' && s.data[s.i+1] != '\r' {
				s.i++
			}
		}
		s.i++
	}
	return false
}

// container skips an object or array by counting brackets outside strings;
// its content is not checked, as no field takes one. It fails when the
// input ends first.
func (s *looseScanner) container() bool {
	depth := 0
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				s.i++
				return true
			}
		case '"':
			if !s.str() {
				return false
			}
			continue
		}
		s.i++
	}
	return false
}

// bare skips a token that is not a string, object or array, such as 035,
// 1e308, ja or 24,5. It fails on an empty token.
func (s *looseScanner) bare() bool {
	start := s.i
	for s.i < len(s.data) {
		switch c := s.data[s.i]; c {
		case ' ', '\t', '\n', '\r', '"', ':', '{', '}', '[', ']':
			return s.i > start
		case ',':
			// 24,5 is one number with a decimal comma: digits (and
			// points), a comma, and a digit right after it.
			if !digitsAndPoints(s.data[start:s.i]) || s.i+1 >= len(s.data) || !isDigit(s.data[s.i+1]) {
				return s.i > start
			}
		}
		s.i++
	}
	return s.i > start
}

func digitsAndPoints(b []byte) bool {
	t := b
	if len(t) > 0 && (t[0] == '-' || t[0] == '+') {
		t = t[1:]
	}
	if len(t) == 0 {
		return false
	}
	for _, c := range t {
		if !isDigit(c) && c != '.' {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func (s *looseScanner) note(kind syntaxKind, at int, key string) {
	if len(s.notes) < maxNotes {
		s.notes = append(s.notes, s.issue(kind, at, key))
	}
}

// issue places a fault at byte offset at.
func (s *looseScanner) issue(kind syntaxKind, at int, key string) syntaxIssue {
	line, col := 1, 1
	for i := 0; i < at && i < len(s.data); {
		if s.data[i] == '\n' {
			line, col = line+1, 1
			i++
			continue
		}
		_, n := utf8.DecodeRune(s.data[i:])
		i += n
		col++
	}
	return syntaxIssue{kind: kind, line: line, col: col, key: key}
}

// isUTF16 reports whether data looks like UTF-16, as Windows Notepad
// writes it when "Unicode" is chosen: a UTF-16 byte order mark, or a NUL
// byte next to the first character.
func isUTF16(data []byte) bool {
	if len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF) {
		return true
	}
	return len(data) >= 2 && (data[0] == 0 && data[1] != 0 || data[0] != 0 && data[1] == 0)
}

// message is the text of a fault in the run's language.
func (l lang) syntaxMessage(is syntaxIssue) string {
	at := l.t("regel "+strconv.Itoa(is.line)+", teken "+strconv.Itoa(is.col)+": ",
		"line "+strconv.Itoa(is.line)+", character "+strconv.Itoa(is.col)+": ")
	key := show(is.key)
	switch is.kind {
	case synEmpty:
		return l.t("de invoer is leeg; geef een JSON-object, zoals {\"date\": \"2025-01-01\"}",
			"the input is empty; give a JSON object, such as {\"date\": \"2025-01-01\"}")
	case synNotObject:
		return l.t("de invoer moet een JSON-object zijn, zoals {\"date\": \"2025-01-01\"}",
			"the input must be a JSON object, such as {\"date\": \"2025-01-01\"}")
	case synUTF16:
		return l.t("de invoer is opgeslagen als UTF-16; sla hem op als UTF-8",
			"the input is saved as UTF-16; save it as UTF-8")
	case synKeyExpected:
		return at + l.t("hier moet de naam van een veld staan, tussen dubbele aanhalingstekens (\"), zoals \"date\"",
			"the name of a field must be here, in double quotes (\"), such as \"date\"")
	case synKeySingleQuote:
		return at + l.t("zet de naam van een veld tussen dubbele aanhalingstekens (\"), niet tussen enkele (')",
			"put the name of a field in double quotes (\"), not in single quotes (')")
	case synKeyBad:
		return at + l.t("de naam van dit veld bevat een tab, een ander stuurteken of een \\ die niet mag",
			"the name of this field contains a tab, another control character or a \\ that is not allowed")
	case synColon:
		return at + l.t("na de naam \""+key+"\" moet een dubbele punt (:) staan",
			"a colon (:) must follow the name \""+key+"\"")
	case synUnterminated:
		return at + l.t("de tekst die hier begint, heeft geen aanhalingsteken (\") aan het eind van de regel",
			"the text that starts here has no closing quote (\") on its line")
	case synValueExpected:
		return at + l.t("hier moet de waarde van "+key+" staan", "the value of "+key+" must be here")
	case synAfterValue:
		return at + l.t("na de waarde van "+key+" moet een komma (,) of } staan",
			"a comma (,) or } must follow the value of "+key)
	case synEOF:
		return l.t("de invoer houdt op voordat het object klaar is; zet een } aan het eind",
			"the input ends before the object is complete; put a } at the end")
	case synTrailingComma:
		return at + l.t("na de laatste waarde mag geen komma staan; haal de komma weg",
			"no comma may follow the last value; remove the comma")
	case synMissingComma:
		return at + l.t("hier ontbreekt een komma (,) tussen twee velden", "a comma (,) between two fields is missing here")
	case synAfterObject:
		return at + l.t("na de laatste } mag niets meer staan", "nothing may follow the last }")
	}
	return at + l.t("de invoer is geen goed JSON-object", "the input is not a valid JSON object")
}
