package site

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestForEachFirstError: the error forEach returns is the one of the
// lowest failing index, whatever order the workers finish in, on one core
// and on several; every item before it ran, and a panic reaches the caller.
func TestForEachFirstError(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 2, 4} {
		runtime.GOMAXPROCS(procs)
		for trial := range 20 {
			const n = 50
			var ran [n]atomic.Bool
			err := forEach(n, func(i int) error {
				// Later items finish first, so the first to fail in time is
				// not the first in order.
				time.Sleep(time.Duration((n-i)%7) * 100 * time.Microsecond)
				ran[i].Store(true)
				if i == 13 || i == 31 || i == 45 {
					return fmt.Errorf("item %d", i)
				}
				return nil
			})
			if err == nil || err.Error() != "item 13" {
				t.Fatalf("GOMAXPROCS=%d trial %d: error %v, want item 13", procs, trial, err)
			}
			for i := range 13 {
				if !ran[i].Load() {
					t.Fatalf("GOMAXPROCS=%d: item %d before the failure did not run", procs, i)
				}
			}
		}
		if err := forEach(0, func(int) error { return errors.New("no items") }); err != nil {
			t.Errorf("no items: %v", err)
		}
		func() {
			defer func() {
				if p := recover(); p == nil || !strings.Contains(fmt.Sprint(p), "boom 7") {
					t.Errorf("GOMAXPROCS=%d: panic %v, want boom 7", procs, p)
				}
			}()
			forEach(20, func(i int) error {
				if i == 7 {
					panic("boom 7")
				}
				return nil
			})
		}()
	}
}
