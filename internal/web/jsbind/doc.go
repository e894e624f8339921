// Package jsbind is what the browser engine's two WebAssembly modules
// (internal/web/wasm and internal/web/wasmreport) share to bind Go functions
// to JavaScript. It builds only for GOOS=js GOARCH=wasm.
package jsbind
