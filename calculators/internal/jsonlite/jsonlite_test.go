package jsonlite

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"
	"unicode/utf8"
)

func TestObject(t *testing.T) {
	for _, tc := range []struct {
		in   string
		keys []string
		ok   bool
	}{
		{`{}`, nil, true},
		{` { "a" : 1 , "b":[1,{"c":null}], "a":"x\u00e9" } `, []string{"a", "b", "a"}, true},
		{`{"a":-0.5e+3,"b":true,"c":false}`, []string{"a", "b", "c"}, true},
		{`[1]`, nil, false},
		{`{"a":1,}`, nil, false},
		{`{"a":01}`, nil, false},
		{`{"a":1.}`, nil, false},
		{`{"a":"\x"}`, nil, false},
		{`{"a":tru}`, nil, false},
		{`{"a":1} x`, nil, false},
		{`{"a" 1}`, nil, false},
		{`{a:1}`, nil, false},
		{"{\"a\":\"\x01\"}", nil, false},
		{"{\"a\":\"\xff\"}", []string{"a"}, true},
		{``, nil, false},
	} {
		ms, err := Object([]byte(tc.in))
		if (err == nil) != tc.ok {
			t.Errorf("Object(%q) error %v, want ok=%v", tc.in, err, tc.ok)
			continue
		}
		var keys []string
		for _, m := range ms {
			keys = append(keys, m.Key)
		}
		if tc.ok && !slices.Equal(keys, tc.keys) {
			t.Errorf("Object(%q) keys %v, want %v", tc.in, keys, tc.keys)
		}
	}
	deep := bytes.Repeat([]byte("["), maxDepth+1)
	if _, err := Object(append(append([]byte(`{"a":`), deep...), bytes.Repeat([]byte("]"), maxDepth+1)...)); err == nil {
		t.Error("nesting beyond maxDepth accepted")
	}
}

func TestString(t *testing.T) {
	for _, in := range []string{`"plain"`, `"a\"b\\c\/d\b\f\n\r\t"`, `"\u00e9\u20AC"`, `"\ud83d\ude00"`, `"\ud83d"`, `"\ude00x"`, `"\ud83d\u0041"`, `"€ 1.050,00"`, "\"\xff\xfe€\""} {
		got, ok := String([]byte(in))
		var want string
		if err := json.Unmarshal([]byte(in), &want); err != nil || !ok || got != want {
			t.Errorf("String(%s) = %q, %v; encoding/json gives %q", in, got, ok, want)
		}
	}
	for _, in := range []string{``, `"`, `"a`, `a"`, `"a"b`, `1`} {
		if _, ok := String([]byte(in)); ok {
			t.Errorf("String(%s) accepted", in)
		}
	}
}

func TestQuoteAndWriter(t *testing.T) {
	for _, s := range []string{"", "plain", "\"\\\n\r\t\x01\x1f", "€ 1.050,00", "a\u2028b\u2029", "bad\xffutf8"} {
		q := Quote(s)
		var back string
		if err := json.Unmarshal(q, &back); err != nil {
			t.Fatalf("Quote(%q) = %s is not JSON: %v", s, q, err)
		}
		want := s
		if !utf8.ValidString(s) {
			want = string(bytes.ToValidUTF8([]byte(s), []byte("\uFFFD")))
		}
		if back != want {
			t.Errorf("Quote(%q) reads back as %q", s, back)
		}
		if bytes.ContainsAny(q, "\u2028\u2029") {
			t.Errorf("Quote(%q) = %s keeps a line separator", s, q)
		}
	}
	var w Writer
	if got := string(w.Bytes()); got != "{}" {
		t.Errorf("empty writer = %s", got)
	}
	w.String("a", "x")
	w.Bool("b", true)
	w.Int("c", -3)
	w.Raw("d", Array([][]byte{[]byte("1"), []byte(`"2"`)}))
	if got, want := string(w.Bytes()), `{"a":"x","b":true,"c":-3,"d":[1,"2"]}`; got != want {
		t.Errorf("writer = %s, want %s", got, want)
	}
}

// FuzzObject checks Object against encoding/json: it accepts exactly the
// valid JSON objects, and reads the same members.
func FuzzObject(f *testing.F) {
	for _, s := range []string{`{}`, `{"a":1}`, `{"a":[1,2,{"b":"\u00e9"}],"c":null}`, `{"a":"\ud83d\ude00"}`, `[]`, `{"a":1e5}`, `{"a":"x","a":"y"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ms, err := Object(data)
		trimmed := bytes.TrimLeft(data, " \t\r\n")
		want := json.Valid(data) && len(trimmed) > 0 && trimmed[0] == '{' && depthOK(data)
		if (err == nil) != want {
			t.Fatalf("Object(%q) error %v, but encoding/json validity %v", data, err, want)
		}
		if err != nil {
			return
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		last := map[string][]byte{}
		for _, mb := range ms {
			if !json.Valid(mb.Value) {
				t.Fatalf("member %q has invalid value %q", mb.Key, mb.Value)
			}
			last[mb.Key] = mb.Value
			if s, ok := String(Quote(mb.Key)); !ok || s != mb.Key {
				t.Fatalf("key %q does not round-trip", mb.Key)
			}
			var want string
			if mb.Value[0] == '"' && json.Unmarshal(mb.Value, &want) == nil {
				if got, ok := String(mb.Value); !ok || got != want {
					t.Fatalf("String(%q) = %q, encoding/json %q", mb.Value, got, want)
				}
			}
		}
		if len(last) != len(m) {
			t.Fatalf("keys %v, encoding/json has %d", last, len(m))
		}
		for k, v := range last {
			if !bytes.Equal(bytes.TrimSpace(m[k]), v) {
				t.Fatalf("key %q: %q, encoding/json %q", k, v, m[k])
			}
		}
	})
}

// depthOK reports whether data nests no deeper than Object allows.
func depthOK(data []byte) bool {
	depth, inString, escaped := 0, false, false
	for _, c := range data {
		switch {
		case inString && escaped:
			escaped = false
		case inString && c == '\\':
			escaped = true
		case c == '"':
			inString = !inString
		case !inString && (c == '{' || c == '['):
			depth++
			if depth > maxDepth+1 {
				return false
			}
		case !inString && (c == '}' || c == ']'):
			depth--
		}
	}
	return true
}
