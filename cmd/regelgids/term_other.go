//go:build !linux

package main

import "os"

// terminalWidth is 0 outside Linux: the width is $COLUMNS or 80.
func terminalWidth(f *os.File) int { return 0 }
