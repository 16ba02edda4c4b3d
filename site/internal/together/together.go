// Package together runs independent steps of a build at once.
package together

import (
	"fmt"
	"runtime/debug"
	"sync"
)

// Run calls every step at once, each on its own goroutine, and returns
// when all have returned. A panic in a step is raised again in the
// caller, with the step's stack, where a server's recover turns it into
// an error instead of ending the process.
func Run(steps ...func()) {
	panics := make([]any, len(steps))
	var wg sync.WaitGroup
	for i, step := range steps {
		wg.Go(func() {
			defer func() {
				if v := recover(); v != nil {
					panics[i] = fmt.Sprintf("%v\n\ngoroutine stack:\n%s", v, debug.Stack())
				}
			}()
			step()
		})
	}
	wg.Wait()
	for _, v := range panics {
		if v != nil {
			panic(v)
		}
	}
}
