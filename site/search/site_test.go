package search_test

import (
	"sync"
	"testing"

	"github.com/regelgids/regelgids/calculators/params"
	"github.com/regelgids/regelgids/content"
	"github.com/regelgids/regelgids/site"
	"github.com/regelgids/regelgids/templates"
)

var (
	siteOnce sync.Once
	siteOut  site.Output
	siteErr  error
)

// siteFiles builds the real site once per test binary.
func siteFiles(t testing.TB) map[string][]byte {
	t.Helper()
	siteOnce.Do(func() {
		_, siteOut, siteErr = site.Generate(site.Options{Content: content.Default(), Templates: templates.Default(), Date: params.Date{Year: 2025, Month: 7, Day: 1}})
	})
	if siteErr != nil {
		t.Fatal(siteErr)
	}
	return siteOut
}
