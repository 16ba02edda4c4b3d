//go:build unix

package site_test

import (
	"syscall"
	"time"
)

// cpuTime is the user and system time this process has used: on a machine
// that other work keeps busy, a benchmark's CPU time per build says more
// than its wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
