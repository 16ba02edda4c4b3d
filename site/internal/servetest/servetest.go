// Package servetest runs site.Serve for a test, as net/http/httptest runs
// a handler: serve's own tests and the browser tests share it.
package servetest

import (
	"context"
	"testing"
	"time"

	"github.com/regelgids/regelgids/site"
)

// Start runs Serve with opts on a free loopback port until the test ends
// and returns its base URL ("http://127.0.0.1:PORT"). The test fails when
// Serve stops before it is ready, is not ready within wait (its first
// build), or ends with an error.
func Start(t testing.TB, opts site.ServeOptions, wait time.Duration) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	opts.Addr, opts.Ready = "127.0.0.1:0", ready
	done := make(chan error, 1)
	go func() { done <- site.Serve(ctx, opts) }()
	select {
	case addr := <-ready:
		t.Cleanup(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("Serve: %v", err)
			}
		})
		return "http://" + addr
	case err := <-done:
		cancel()
		t.Fatalf("Serve stopped: %v", err)
	case <-time.After(wait):
		cancel()
		t.Fatal("server did not start")
	}
	return ""
}
