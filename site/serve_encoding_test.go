package site

import (
	"strings"
	"testing"
)

func TestNegotiate(t *testing.T) {
	both := []string{"br", "gzip"}
	cases := []struct {
		header []string // nil: no Accept-Encoding at all
		have   []string
		want   string
	}{
		{nil, both, "identity"},                           // no header: a client that names no coding
		{[]string{""}, both, "identity"},                  // empty: no coding wanted
		{[]string{"gzip, deflate, br, zstd"}, both, "br"}, // Chromium
		{[]string{"br;q=0, gzip"}, both, "gzip"},
		{[]string{"gzip;q=0"}, both, "identity"},
		{[]string{"gzip;q=0"}, []string{"gzip"}, "identity"},
		{[]string{"identity"}, both, "identity"},
		{[]string{"*;q=0"}, both, "identity"}, // nothing acceptable: the header is disregarded
		{[]string{"*;q=0, gzip"}, both, "gzip"},
		{[]string{"*"}, both, "br"},
		{[]string{"*;q=0.5, br;q=0.4"}, both, "gzip"}, // * stands for gzip, which is then worth more
		{[]string{"br, gzip;q=0.5"}, both, "br"},
		{[]string{"br;q=0.5, gzip"}, both, "gzip"},
		{[]string{"br;q=0.5, gzip;q=0.5"}, both, "br"}, // equal: the smaller
		{[]string{"gzip;q=0.5, identity"}, both, "identity"},
		{[]string{"gzip, identity;q=0"}, both, "gzip"},
		{[]string{"identity;q=0"}, []string{"gzip"}, "identity"}, // no br, gzip not named: disregarded
		{[]string{"GZIP; Q=1.0"}, both, "gzip"},
		{[]string{"x-gzip"}, both, "gzip"},
		{[]string{"gzip;q=1.5"}, both, "identity"}, // unreadable q: a refusal
		{[]string{"gzip;q=abc, br;q=0.1"}, both, "br"},
		{[]string{"br"}, []string{"gzip"}, "identity"}, // the file has no brotli copy
		{[]string{"gzip", "br"}, both, "br"},           // two header lines
		{[]string{" , ,gzip"}, both, "gzip"},
		{[]string{"zstd"}, both, "identity"},
		{[]string{"gzip"}, nil, "identity"},
		{[]string{"gzip;q=0, gzip"}, both, "identity"}, // named twice: the refusal stands
		{[]string{"gzip", "gzip;q=0"}, both, "identity"},
	}
	for _, c := range cases {
		if got := negotiate(c.header, c.have); got != c.want {
			t.Errorf("negotiate(%q, have %q) = %q, want %q", c.header, c.have, got, c.want)
		}
	}
}

func TestHashedNames(t *testing.T) {
	name := hashedName("css/regelgids.css", []byte("body{}"))
	if !isHashed(name) || !strings.HasPrefix(name, "css/regelgids.") || !strings.HasSuffix(name, ".css") {
		t.Errorf("hashedName = %q", name)
	}
	if name != hashedName("css/regelgids.css", []byte("body{}")) || name == hashedName("css/regelgids.css", []byte("body{ }")) {
		t.Error("the name does not follow the content alone")
	}
	cases := []struct {
		name string
		want bool
	}{
		{name, true},
		{"rekenhulp/calculators.0123abcd.wasm", true},
		{"js/zoeken-engine.89abcdef.js", true},
		{"css/regelgids.css", false},
		{"zoeken/index-nl.json", false},
		{"artikel/1/index.html", false},
		{"x.0123abcd.html", false}, // pages are never hashed
		{"js/a.0123ABCD.js", false},
		{"js/a.0123abc.js", false},
		{"js/.0123abcd.js", false},
		{"0123abcd", false},
	}
	for _, c := range cases {
		if got := isHashed(c.name); got != c.want {
			t.Errorf("isHashed(%q) = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestCacheControl(t *testing.T) {
	cases := map[string]string{
		"css/regelgids.0123abcd.css":          "public, max-age=31536000, immutable",
		"rekenhulp/calculators.0123abcd.wasm": "public, max-age=31536000, immutable",
		"index.html":                          "no-cache",
		"en/artikel/1/index.html":             "no-cache",
		"zoeken/index-nl.json":                "public, max-age=300",
		"robots.txt":                          "public, max-age=300",
	}
	for name, want := range cases {
		if got := cacheControl(name); got != want {
			t.Errorf("cacheControl(%q) = %q, want %q", name, got, want)
		}
	}
}

// FuzzNegotiate: any Accept-Encoding header gives a coding the file has or
// identity, never one the header refuses by name.
func FuzzNegotiate(f *testing.F) {
	for _, h := range []string{"", "br;q=0, gzip", "gzip;q=0", "identity", "*;q=0", "br, gzip;q=0.5", "*;q=0.5, br;q=0.4", "gzip;q=1.5", " , ,x-gzip", "br;q=0.001;foo=bar", "gzip;q=0, gzip"} {
		f.Add(h)
	}
	have := []string{"br", "gzip"}
	f.Fuzz(func(t *testing.T, header string) {
		got := negotiate([]string{header}, have)
		if got != "identity" && got != "br" && got != "gzip" {
			t.Fatalf("negotiate(%q) = %q", header, got)
		}
		if got == "identity" {
			return
		}
		// The coding chosen is not refused by name.
		for _, part := range strings.Split(header, ",") {
			coding, params, _ := strings.Cut(part, ";")
			coding = strings.ToLower(strings.Trim(coding, " \t"))
			if coding == "x-gzip" {
				coding = "gzip"
			}
			if coding != got {
				continue
			}
			for _, p := range strings.Split(params, ";") {
				k, v, _ := strings.Cut(p, "=")
				if strings.EqualFold(strings.Trim(k, " \t"), "q") && strings.Trim(v, " \t") == "0" {
					t.Fatalf("negotiate(%q) = %q, which the header refuses", header, got)
				}
			}
		}
	})
}
