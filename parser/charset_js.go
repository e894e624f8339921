//go:build js

package parser

// pageCharset is the browser engine's: charset_lite.go's table, which
// refuses the multi-byte Chinese, Japanese and Korean charsets
// (errCharsetNotRead) rather than link their tables.
var pageCharset = liteCharset
