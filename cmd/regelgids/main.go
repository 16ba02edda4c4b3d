// Command regelgids turns a municipal ordinance into an accessible, searchable
// static website. The commands are thin: the work is done in package site.
package main

import (
	"fmt"
	"os"
)

func main() {
	if err := newRootCmd().Execute(); err != nil {
		fmt.Fprintln(os.Stderr, "regelgids:", err)
		os.Exit(1)
	}
}
