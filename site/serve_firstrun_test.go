package site

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/regelgids/regelgids/calculators/params"
	"github.com/regelgids/regelgids/content"
	"github.com/regelgids/regelgids/templates"
)

// TestServeFirstRun is a newcomer's first serve: nothing cached. It says
// what it is doing at once, serves the pages before the calculators'
// module is compiled (the calculator page says its form is coming and
// shows its examples), and serves the form once the module is ready.
func TestServeFirstRun(t *testing.T) {
	firstRun(t)

	var log lockedBuffer
	ready, rebuilt := make(chan string, 1), make(chan error)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- Serve(ctx, ServeOptions{
			Options: Options{Content: content.Default(), Templates: templates.Default(), Date: params.Date{Year: 2025, Month: 7, Day: 1}},
			Addr:    "127.0.0.1:0", Log: &log, Ready: ready, Rebuilt: rebuilt,
		})
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	var base string
	select {
	case addr := <-ready:
		base = "http://" + addr
	case err := <-done:
		t.Fatalf("Serve stopped: %v", err)
	case <-time.After(60 * time.Second):
		t.Fatalf("not serving after a minute; log:\n%s", log.String())
	}
	if !strings.HasPrefix(log.String(), "building the site…\n") || !strings.Contains(log.String(), "compiling the calculators for the browser, first time only") {
		t.Errorf("the log does not say what serve is doing:\n%s", log.String())
	}
	get := func(path string) string {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s: %d", path, resp.StatusCode)
		}
		return string(b)
	}
	page := get("/rekenhulp/uitstroompremie/")
	if strings.Contains(page, `<form class="rg-calc"`) || !strings.Contains(page, "De rekenhulp wordt nog klaargemaakt") || !strings.Contains(page, `id="voorbeelden"`) {
		t.Errorf("calculator page while the module compiles: form, or no notice and examples:\n%s", page)
	}
	if !strings.Contains(get("/"), "<h1") {
		t.Error("home page not served while the module compiles")
	}

	select {
	case err := <-rebuilt:
		if err != nil {
			t.Fatalf("rebuild with the module: %v\nlog:\n%s", err, log.String())
		}
	case <-time.After(5 * time.Minute):
		t.Fatalf("module not ready after 5 minutes; log:\n%s", log.String())
	}
	page = get("/rekenhulp/uitstroompremie/")
	if !strings.Contains(page, `<form class="rg-calc"`) || strings.Contains(page, "De rekenhulp wordt nog klaargemaakt") {
		t.Error("calculator page after the module is ready: no form, or still the notice")
	}
	wasm := regexp.MustCompile(`data-wasm="\.\./(calculators\.[0-9a-f]{8}\.wasm)"`).FindStringSubmatch(page)
	if wasm == nil {
		t.Fatal("the form does not name the module")
	}
	resp, err := http.Get(base + "/rekenhulp/" + wasm[1])
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/wasm" {
		t.Errorf("module: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if !strings.Contains(log.String(), "calculators compiled for the browser in") {
		t.Errorf("the log does not say the module is ready:\n%s", log.String())
	}
}

type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
