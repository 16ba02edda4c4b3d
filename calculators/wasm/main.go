//go:build js && wasm

// Command wasm is the WebAssembly module of all calculators. It registers
//
//	globalThis.regelgidsCalc(name, inputJSON, paramsJSON, bindingJSON) → string
//
// which runs calculators.RunJSON: paramsJSON is the params.Set and
// bindingJSON the calculators.Binding (effective date and citations) the
// site writes for the browser, and the answer is the result's JSON or
// {"error": {...}}. New amounts or another municipality are new JSON, not a
// new module. For the screener "Wat past bij mij?" it registers
//
//	globalThis.regelgidsMatch(answersJSON, rulesJSON) → string
//	globalThis.regelgidsMatchNext(answersJSON, askedJSON, rulesJSON) → string
//
// which run calculators.MatchJSON and calculators.NextJSON on the rules the
// site writes (wat-past-bij-mij/regels.json).
//
// Build:
//
//	GOOS=js GOARCH=wasm go build -ldflags='-s -w' -trimpath -o calc.wasm ./calculators/wasm
package main

import (
	"syscall/js"

	"github.com/regelgids/regelgids/calculators"
)

func main() {
	register()
	select {} // keep the function alive for the page
}

func register() {
	js.Global().Set("regelgidsCalc", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) != 4 {
			return `{"error":{"kind":"input","message":"regelgidsCalc(naam, invoerJSON, bedragenJSON, bronnenJSON) verwacht vier teksten"}}`
		}
		for _, a := range args {
			if a.Type() != js.TypeString {
				return `{"error":{"kind":"input","message":"regelgidsCalc(naam, invoerJSON, bedragenJSON, bronnenJSON) verwacht vier teksten"}}`
			}
		}
		return string(calculators.RunJSON(args[0].String(), []byte(args[1].String()), []byte(args[2].String()), []byte(args[3].String())))
	}))
	js.Global().Set("regelgidsMatch", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if !texts(args, 2) {
			return `{"error":{"kind":"input","message":"regelgidsMatch(antwoordenJSON, keuzehulpJSON) verwacht twee teksten"}}`
		}
		return string(calculators.MatchJSON([]byte(args[0].String()), []byte(args[1].String())))
	}))
	js.Global().Set("regelgidsMatchNext", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if !texts(args, 3) {
			return `{"error":{"kind":"input","message":"regelgidsMatchNext(antwoordenJSON, gevraagdJSON, keuzehulpJSON) verwacht drie teksten"}}`
		}
		return string(calculators.NextJSON([]byte(args[0].String()), []byte(args[1].String()), []byte(args[2].String())))
	}))
}

// texts reports whether args are n strings.
func texts(args []js.Value, n int) bool {
	if len(args) != n {
		return false
	}
	for _, a := range args {
		if a.Type() != js.TypeString {
			return false
		}
	}
	return true
}
