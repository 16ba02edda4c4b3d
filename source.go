// Package regelgids embeds the source of the calculators, so that the
// regelgids binary can compile their WebAssembly module wherever it runs,
// with the Go toolchain of the machine, and cache it by source hash.
package regelgids

import "embed"

// CalculatorSource holds go.mod, go.sum and calculators/: everything the
// js/wasm build of calculators/wasm needs besides the module cache.
//
//go:embed go.mod go.sum calculators
var CalculatorSource embed.FS
