//go:build js && wasm

// Command wasmreport is the browser engine's second module (see package
// web): it sets globalThis.asectlReport with one function,
//
//	report(inputs, today, lang)   asectl report's HTML for [{name, data}, …]
//
// returning {result: string} or {error: string}.
package main

import (
	"syscall/js"

	"github.com/asectl/asectl/internal/web/htmlreport"
	"github.com/asectl/asectl/internal/web/jsbind"
)

func main() {
	jsbind.Publish("asectlReport", map[string]func([]js.Value) (string, error){
		"report": func(args []js.Value) (string, error) {
			o, err := jsbind.Options(jsbind.Arg(args, 1), jsbind.Arg(args, 2))
			if err != nil {
				return "", err
			}
			ins, err := jsbind.Inputs(jsbind.Arg(args, 0))
			if err != nil {
				return "", err
			}
			b, err := htmlreport.Report(ins, o)
			return string(b), err
		},
	})
}
