package project_test

import (
	"github.com/regelgids/regelgids/site/internal/testfs"
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/regelgids/regelgids/calculators/params"
)

// testDate fixes the amounts the tests see, whatever today is.
var testDate = params.Date{Year: 2025, Month: 7, Day: 1}

// copyFS is an in-memory copy of a content folder, for tests that change it.
func copyFS(t testing.TB, src fs.FS) fstest.MapFS { return testfs.Copy(t, src) }
