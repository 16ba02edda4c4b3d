package search_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/regelgids/regelgids/calculators/params"
	"github.com/regelgids/regelgids/content"
	"github.com/regelgids/regelgids/site"
	"github.com/regelgids/regelgids/site/routes"
	"github.com/regelgids/regelgids/site/search"
	"github.com/regelgids/regelgids/templates"
)

var langs = []string{"nl", "en"}

// fixture is the real site, indexed once per test binary.
type fixture struct {
	files   map[string][]byte
	docs    []search.Document
	syn     *search.Synonyms
	ix      *search.Index
	exports map[string][]byte // language → browser index
	dir     string            // the browser indexes and the engine, on disk for Node.js
}

var (
	fxOnce sync.Once
	fx     *fixture
	fxErr  error
	tmpDir string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if tmpDir != "" {
		os.RemoveAll(tmpDir)
	}
	if nd != nil {
		nd.close()
	}
	os.Exit(code)
}

func buildFixture() (*fixture, error) {
	_, out, err := site.Generate(site.Options{Content: content.Default(), Templates: templates.Default(), Date: params.Date{Year: 2025, Month: 7, Day: 1}})
	if err != nil {
		return nil, err
	}
	f := &fixture{files: out, exports: map[string][]byte{}}
	if f.docs, err = search.DocumentsFromHTML(out, routes.Languages{"nl", "en"}); err != nil {
		return nil, err
	}
	const synFile = "zoeken/synoniemen.yaml"
	data, err := readContent(synFile)
	if err != nil {
		return nil, err
	}
	if f.syn, err = search.LoadSynonyms(synFile, data); err != nil {
		return nil, err
	}
	if f.ix, err = search.NewIndex(f.docs, f.syn); err != nil {
		return nil, err
	}
	if tmpDir, err = os.MkdirTemp("", "regelgids-search-"); err != nil {
		return nil, err
	}
	f.dir = tmpDir
	for _, lang := range langs {
		b, err := search.ExportBrowser(f.docs, lang, f.syn)
		if err != nil {
			return nil, err
		}
		f.exports[lang] = b
		if err := os.WriteFile(filepath.Join(f.dir, "index-"+lang+".json"), b, 0o644); err != nil {
			return nil, err
		}
	}
	if err := os.WriteFile(filepath.Join(f.dir, "zoeken-engine.js"), search.Engine, 0o644); err != nil {
		return nil, err
	}
	return f, nil
}

func readContent(name string) ([]byte, error) {
	b, err := fs.ReadFile(content.Default(), name)
	if err != nil {
		return nil, fmt.Errorf("content %s: %v", name, err)
	}
	return b, nil
}

func getFixture(t testing.TB) *fixture {
	t.Helper()
	fxOnce.Do(func() { fx, fxErr = buildFixture() })
	if fxErr != nil {
		t.Fatal(fxErr)
	}
	return fx
}

// --- Node.js ---

// nodeEngine runs zoeken-engine.js under Node.js (testdata/harness.cjs).
type nodeEngine struct {
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Reader
	mu  sync.Mutex
}

var (
	ndOnce sync.Once
	nd     *nodeEngine
	ndErr  error
)

// getNode starts Node.js once, with the browser indexes of both languages
// loaded. Tests that need it skip when Node.js is not installed.
func getNode(t testing.TB) *nodeEngine {
	t.Helper()
	f := getFixture(t)
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node not installed: the browser search is not tested")
	}
	ndOnce.Do(func() {
		harness, err := filepath.Abs("testdata/harness.cjs")
		if err != nil {
			ndErr = err
			return
		}
		cmd := exec.Command("node", harness, filepath.Join(f.dir, "zoeken-engine.js"))
		cmd.Stderr = os.Stderr
		in, err := cmd.StdinPipe()
		if err != nil {
			ndErr = err
			return
		}
		out, err := cmd.StdoutPipe()
		if err != nil {
			ndErr = err
			return
		}
		if err := cmd.Start(); err != nil {
			ndErr = err
			return
		}
		nd = &nodeEngine{cmd: cmd, in: in, out: bufio.NewReaderSize(out, 1<<20)}
		for _, lang := range langs {
			if err := nd.call(map[string]any{"op": "load", "lang": lang, "path": filepath.Join(f.dir, "index-"+lang+".json")}, nil); err != nil {
				ndErr = err
				return
			}
		}
	})
	if ndErr != nil {
		t.Fatal(ndErr)
	}
	return nd
}

func (n *nodeEngine) call(req map[string]any, resp any) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	b, err := json.Marshal(req)
	if err != nil {
		return err
	}
	if _, err := n.in.Write(append(b, '\n')); err != nil {
		return err
	}
	line, err := n.out.ReadBytes('\n')
	if err != nil {
		return fmt.Errorf("node: %v", err)
	}
	var r struct {
		OK    json.RawMessage `json:"ok"`
		Error string          `json:"error"`
	}
	if err := json.Unmarshal(line, &r); err != nil {
		return fmt.Errorf("node answered %.200q: %v", line, err)
	}
	if r.Error != "" {
		return fmt.Errorf("node: %s", r.Error)
	}
	if resp == nil {
		return nil
	}
	return json.Unmarshal(r.OK, resp)
}

func (n *nodeEngine) close() {
	n.in.Close()
	n.cmd.Wait()
}
