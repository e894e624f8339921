//go:build js && wasm

// Command wasm is asectl's engine for the browser (see package web),
// built by cmd/asectl-web with GOOS=js GOARCH=wasm and run by its
// static/worker.js in a Web Worker. It sets globalThis.asectlEngine to
// synchronous functions; inputs are strings (UTF-8 text) or Uint8Arrays (a
// file's bytes, in any encoding the parser detects), today is "" or
// YYYY-MM-DD, lang "en" or "fi":
//
//	parse(input, name)                   asectl parse's JSON
//	validate(input, name, today, lang)   asectl validate --format json's JSON
//	view(input, name, today, lang)       the page's view of one input (JSON)
//	batch(format, inputs, today, lang)   the output for [{name, data}, …]; format
//	                                     parse (JSON), csv, json (findings) or sarif
//	rules()                              every rule with its explanation (JSON)
//	report(inputs, today, lang)          asectl report's HTML for [{name, data}, …]
//
// Each returns {result: string} or {error: string}.
package main

import (
	"encoding/json"
	"fmt"
	"syscall/js"

	"github.com/asectl/asectl/internal/web"
	"github.com/asectl/asectl/internal/web/core"
	"github.com/asectl/asectl/internal/web/jsbind"
)

func main() {
	jsbind.Publish("asectlEngine", map[string]func([]js.Value) (string, error){
		"parse":    parse,
		"validate": validate,
		"view":     view,
		"batch":    batch,
		"rules":    rules,
		"report":   report,
	})
}

func parse(args []js.Value) (string, error) {
	in, err := jsbind.Input(args, 0)
	if err != nil {
		return "", err
	}
	// Parse messages are in English, as `asectl parse` writes its JSON
	// under LANG=C.
	return string(web.ParseJSON([]web.Input{in}, web.Options{Lang: "en"})), nil
}

func validate(args []js.Value) (string, error) {
	in, err := jsbind.Input(args, 0)
	if err != nil {
		return "", err
	}
	o, err := jsbind.Options(jsbind.Arg(args, 2), jsbind.Arg(args, 3))
	if err != nil {
		return "", err
	}
	b, err := core.Findings([]web.Input{in}, "json", o)
	return string(b), err
}

// viewJSON is core.View with the parse document inline.
type viewJSON struct {
	core.View
	Doc json.RawMessage `json:"doc"`
}

func view(args []js.Value) (string, error) {
	in, err := jsbind.Input(args, 0)
	if err != nil {
		return "", err
	}
	o, err := jsbind.Options(jsbind.Arg(args, 2), jsbind.Arg(args, 3))
	if err != nil {
		return "", err
	}
	v := core.ViewOf(in, o)
	b, err := json.Marshal(viewJSON{v, v.Doc})
	return string(b), err
}

func batch(args []js.Value) (string, error) {
	o, err := jsbind.Options(jsbind.Arg(args, 2), jsbind.Arg(args, 3))
	if err != nil {
		return "", err
	}
	ins, err := jsbind.Inputs(jsbind.Arg(args, 1))
	if err != nil {
		return "", err
	}
	var b []byte
	switch format := jsbind.Str(jsbind.Arg(args, 0)); format {
	case "parse":
		b = web.ParseJSON(ins, o)
	case "csv":
		b, err = core.CSV(ins, o)
	case "json", "sarif":
		b, err = core.Findings(ins, format, o)
	default:
		err = fmt.Errorf("unknown format %q (valid: parse, csv, json, sarif)", format)
	}
	return string(b), err
}

func rules([]js.Value) (string, error) {
	b, err := json.Marshal(core.Rules())
	return string(b), err
}

func report(args []js.Value) (string, error) {
	o, err := jsbind.Options(jsbind.Arg(args, 1), jsbind.Arg(args, 2))
	if err != nil {
		return "", err
	}
	ins, err := jsbind.Inputs(jsbind.Arg(args, 0))
	if err != nil {
		return "", err
	}
	b, err := core.Report(ins, o)
	return string(b), err
}
