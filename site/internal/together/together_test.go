package together

import (
	"strings"
	"testing"
)

// TestRun: every step runs; a panic in one reaches the caller after all
// steps have returned, with the step's stack.
func TestRun(t *testing.T) {
	got := make([]int, 5)
	steps := make([]func(), len(got))
	for i := range steps {
		steps[i] = func() { got[i] = i * i }
	}
	Run(steps...)
	for i, v := range got {
		if v != i*i {
			t.Errorf("step %d: %d", i, v)
		}
	}
	done := false
	defer func() {
		v := recover()
		if s, ok := v.(string); !ok || !strings.HasPrefix(s, "kapot") || !strings.Contains(s, "goroutine stack") {
			t.Errorf("recovered %v", v)
		}
		if !done {
			t.Error("Run returned before the other step had run")
		}
	}()
	Run(func() { panic("kapot") }, func() { done = true })
}
