// Package jsbind binds the browser engine's Go functions (internal/web/wasm)
// to JavaScript. It builds only for GOOS=js GOARCH=wasm.
package jsbind
