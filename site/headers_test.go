package site_test

import (
	"os"
	"strings"
	"testing"

	"github.com/regelgids/regelgids/site"
)

// TestREADMENginx: the nginx lines in the README send what serve and
// _headers send, so a web team that copies them loses nothing.
func TestREADMENginx(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, block, ok := strings.Cut(string(b), "```nginx\n")
	if block, _, ok = strings.Cut(block, "```"); !ok {
		t.Fatal("README.md has no nginx block")
	}
	for _, want := range []string{
		`add_header Content-Security-Policy "` + site.ContentSecurityPolicy + `; frame-ancestors 'none'" always;`,
		"add_header X-Content-Type-Options nosniff always;",
		"add_header Referrer-Policy same-origin always;",
		"add_header Cache-Control $regelgids_cache always;",
		`"public, max-age=31536000, immutable";`,
		`"public, max-age=300";`,
		`default                                "no-cache";`,
		"brotli_static on;", "gzip_static on;", "gzip_vary on;",
		"location = /" + site.HeadersFile + " { return 404; }",
		`default_type "application/atom+xml; charset=utf-8";`,
	} {
		if !strings.Contains(block, want) {
			t.Errorf("the README's nginx lines lack %s", want)
		}
	}
}
