//go:build js && wasm

package jsbind

import (
	"fmt"
	"syscall/js"

	"github.com/asectl/asectl/internal/web"
)

// Version is set by cmd/asectl-web with -ldflags -X to the CLI's version.
var Version = "devel"

// Publish sets globalThis[name] to the functions, then calls
// globalThis.asectlEngineReady(name) if it is a function, and never returns.
func Publish(name string, funcs map[string]func([]js.Value) (string, error)) {
	obj := map[string]any{"version": Version}
	for k, f := range funcs {
		obj[k] = wrap(f)
	}
	js.Global().Set(name, js.ValueOf(obj))
	if ready := js.Global().Get("asectlEngineReady"); ready.Type() == js.TypeFunction {
		ready.Invoke(name)
	}
	select {}
}

// wrap returns f's result or error (or a panic, a bug) as {result} or {error}.
func wrap(f func([]js.Value) (string, error)) js.Func {
	return js.FuncOf(func(_ js.Value, args []js.Value) (out any) {
		defer func() {
			if r := recover(); r != nil {
				out = map[string]any{"error": fmt.Sprintf("internal error (a bug in asectl; please report it with this input): %v", r)}
			}
		}()
		s, err := f(args)
		if err != nil {
			return map[string]any{"error": err.Error()}
		}
		return map[string]any{"result": s}
	})
}

// Arg is args[i], or undefined.
func Arg(args []js.Value, i int) js.Value {
	if i < len(args) {
		return args[i]
	}
	return js.Undefined()
}

// Str is v if it is a string, else "".
func Str(v js.Value) string {
	if v.Type() != js.TypeString {
		return ""
	}
	return v.String()
}

// Data is an input's bytes: a string's UTF-8, or a Uint8Array's or
// ArrayBuffer's bytes. Over web.MaxSize it is refused before copying.
func Data(v js.Value) ([]byte, error) {
	u8 := js.Global().Get("Uint8Array")
	switch {
	case v.Type() == js.TypeString:
		return []byte(v.String()), nil
	case v.Type() != js.TypeObject:
		return nil, fmt.Errorf("an input must be a string, a Uint8Array or an ArrayBuffer, not %s", v.Type())
	case v.InstanceOf(u8):
	case v.InstanceOf(js.Global().Get("ArrayBuffer")):
		v = u8.New(v)
	default:
		return nil, fmt.Errorf("an input must be a string, a Uint8Array or an ArrayBuffer")
	}
	n := v.Get("length").Int()
	if n > web.MaxSize {
		return nil, fmt.Errorf("the input is larger than %d MiB", web.MaxSize>>20)
	}
	b := make([]byte, n)
	js.CopyBytesToGo(b, v)
	return b, nil
}

// Input reads (data, name) from args[i] and args[i+1]; an empty name is "-".
func Input(args []js.Value, i int) (web.Input, error) {
	b, err := Data(Arg(args, i))
	if err != nil {
		return web.Input{}, err
	}
	name := Str(Arg(args, i+1))
	if name == "" {
		name = "-"
	}
	return web.Input{Name: name, Src: b}, nil
}

// Inputs reads an array of {name, data}.
func Inputs(list js.Value) ([]web.Input, error) {
	if list.Type() != js.TypeObject || list.Get("length").Type() != js.TypeNumber {
		return nil, fmt.Errorf("inputs must be an array of {name, data}")
	}
	var ins []web.Input
	for i := range list.Get("length").Int() {
		item := list.Index(i)
		if item.Type() != js.TypeObject {
			return nil, fmt.Errorf("inputs must be an array of {name, data}")
		}
		b, err := Data(item.Get("data"))
		if err != nil {
			return nil, err
		}
		name := Str(item.Get("name"))
		if name == "" {
			name = "-"
		}
		ins = append(ins, web.Input{Name: name, Src: b})
	}
	return ins, nil
}

// Options reads today ("" or YYYY-MM-DD) and lang ("en" or "fi").
func Options(today, lang js.Value) (web.Options, error) {
	d, err := web.ParseDate(Str(today))
	if err != nil {
		return web.Options{}, err
	}
	l, err := web.ParseLang(Str(lang))
	if err != nil {
		return web.Options{}, err
	}
	return web.Options{Lang: l, Today: d, Version: Version}, nil
}
