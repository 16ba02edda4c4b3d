package guide

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// reShortcode is the one shortcode guides have: {{< param "name" >}}.
var reShortcode = regexp.MustCompile(`^\{\{<[ \t]*param[ \t]+"([a-z0-9_.]+)"[ \t]*>\}\}`)

// reParamName is a well-formed parameter name.
var reParamName = regexp.MustCompile(`^[a-z0-9_.]+$`)

// checkShortcodes finds, in the source, every "{{" that does not start a
// well-formed {{< param "name" >}}, and the near misses "{<", "{%", ">}}"
// and "%}}" outside one, and reports each at its offset. Anything else
// would be printed on the page as it is.
func checkShortcodes(body []byte, fail func(offset int, msg string)) {
	for i := 0; i < len(body); {
		j := bytes.IndexAny(body[i:], "{}")
		if j < 0 {
			return
		}
		i += j
		rest := body[i:]
		if nl := bytes.IndexByte(rest, '\n'); nl >= 0 {
			rest = rest[:nl]
		}
		if body[i] == '{' {
			if m := reShortcode.Find(rest); m != nil {
				i += len(m)
				continue
			}
			if len(rest) > 1 && (rest[1] == '{' || rest[1] == '<' || rest[1] == '%') {
				n, msg := diagnoseShortcode(rest)
				fail(i, msg)
				i += n
				continue
			}
		} else if i > 0 && (body[i-1] == '>' || body[i-1] == '%') && bytes.HasPrefix(rest, []byte("}}")) {
			fail(i-1, fmt.Sprintf("%q closes a shortcode that was never opened on this line; write %s", body[i-1:i+2], canonical("")))
			i += 2
			continue
		}
		i++
	}
}

// canonical is the correct form of a shortcode for name ("name" if empty).
func canonical(name string) string {
	if name == "" {
		name = "name"
	}
	return `{{< param "` + name + `" >}}`
}

// diagnoseShortcode explains what is wrong with the would-be shortcode at
// the start of s (one line), and returns how many bytes it spans.
func diagnoseShortcode(s []byte) (int, string) {
	span := len(s)
	closed := false
	if k := bytes.Index(s, []byte("}}")); k >= 0 {
		span, closed = k+2, true
	}
	found := quoteFound(s[:span])
	inner := string(s[:span])
	var problems []string
	say := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }

	// Opening: "{{<" is right.
	var open byte
	switch {
	case strings.HasPrefix(inner, "{{"):
		inner = inner[2:]
		if strings.HasPrefix(inner, "{") {
			inner = strings.TrimLeft(inner, "{")
			say("it starts with more than two {")
		}
		if inner != "" && (inner[0] == '<' || inner[0] == '%') {
			open, inner = inner[0], inner[1:]
		}
	default: // "{<" or "{%"
		open, inner = inner[1], inner[2:]
		say("it starts with one { instead of two")
	}
	// Closing: ">}}" is right.
	var close byte
	if closed {
		inner = strings.TrimSuffix(inner, "}}")
		if inner != "" && (inner[len(inner)-1] == '>' || inner[len(inner)-1] == '%') {
			close, inner = inner[len(inner)-1], inner[:len(inner)-1]
		}
	}
	switch {
	case open == '%' || close == '%':
		say("it uses {{%% %%}} instead of {{< >}}")
	case open == 0:
		say("it lacks the < after {{")
	case !closed:
		say("it is not closed with >}} on the same line")
	case close == 0:
		say("it ends with }} instead of >}}")
	}

	// The name of the shortcode and its one argument.
	fields := strings.Fields(inner)
	name := ""
	switch {
	case len(fields) == 0:
		say("it names no shortcode")
	case fields[0] == "param":
	case strings.EqualFold(fields[0], "param"):
		say("%s must be written in lowercase", quote(fields[0]))
	default:
		say("there is no shortcode %s (the only one is param)", quote(fields[0]))
	}
	if len(fields) > 0 {
		arg := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(inner), fields[0]))
		name = argName(arg, closed, say)
	}
	if len(problems) == 0 {
		say("it is not well-formed")
	}
	return span, fmt.Sprintf("%s is not a shortcode: %s; write %s", found, strings.Join(problems, ", "), canonical(name))
}

// argName checks the argument of a shortcode and returns the parameter
// name it seems to give, if that name is well-formed.
func argName(arg string, closed bool, say func(string, ...any)) string {
	if arg == "" {
		say("it gives no parameter name")
		return ""
	}
	r, size := utf8.DecodeRuneInString(arg)
	var name string
	switch r {
	case '"', '\'', '“', '”', '„', '‘', '’', '`':
		rest := arg[size:]
		end := strings.IndexAny(rest, "\"'“”‘’`")
		if end < 0 {
			say("the quote around the name is not closed")
			name = strings.TrimSpace(rest)
			break
		}
		name = rest[:end]
		closeQ, closeSize := utf8.DecodeRuneInString(rest[end:])
		switch {
		case r == '\'' && closeQ == '\'':
			say("the name is in single quotes; use double quotes \"")
		case r != '"' || closeQ != '"':
			say("the name must be in straight double quotes \" (found %c…%c)", r, closeQ)
		}
		if extra := strings.TrimSpace(rest[end+closeSize:]); extra != "" && closed {
			say("it has more than the name after param")
		}
	default:
		name = strings.Fields(arg)[0]
		say("the name is not in double quotes")
		if len(strings.Fields(arg)) > 1 && closed {
			say("it has more than the name after param")
		}
	}
	if !reParamName.MatchString(name) {
		if reParamName.MatchString(strings.ToLower(name)) {
			say("parameter names are lowercase")
			return strings.ToLower(name)
		}
		say("a parameter name has only lowercase letters, digits, _ and .")
		return ""
	}
	return name
}

// quote is quoteFound in double quotes.
func quote[T string | []byte](s T) string { return `"` + quoteFound([]byte(s)) + `"` }

// quoteFound quotes text from the guide for a message: at most 40
// characters, control characters and invalid UTF-8 escaped.
func quoteFound(b []byte) string {
	s := string(b)
	cut := false
	if n := 0; utf8.RuneCountInString(s) > 40 {
		for i := range s {
			if n == 40 {
				s, cut = s[:i], true
				break
			}
			n++
		}
	}
	clean := utf8.ValidString(s)
	for _, r := range s {
		if r < ' ' || r == 0x7f {
			clean = false
		}
	}
	if !clean {
		s = strings.Trim(fmt.Sprintf("%+q", s), `"`)
	}
	if cut {
		s += "…"
	}
	return s
}
