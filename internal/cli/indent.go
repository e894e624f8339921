package cli

import "io"

// writeIndented writes valid JSON src to w as json.Indent(dst, src,
// prefix, indent) would, a piece at a time: one description's indented
// JSON is about twice its compact form (900,000 municipalities made 17 MB
// more, twice over while the buffer grew). buf is scratch space, returned
// for reuse.
func writeIndented(w io.Writer, buf, src []byte, prefix, indent string) ([]byte, error) {
	buf = buf[:0]
	depth := 0
	needIndent := false // after { or [: the newline waits, so that {} and [] stay empty
	started := false
	newline := func() {
		buf = append(buf, '\n')
		buf = append(buf, prefix...)
		for range depth {
			buf = append(buf, indent...)
		}
	}
	for i := 0; i < len(src); i++ {
		if len(buf) >= 32<<10 {
			if _, err := w.Write(buf); err != nil {
				return buf[:0], err
			}
			buf = buf[:0]
		}
		c := src[i]
		switch c {
		case ' ', '\t', '\n', '\r':
			// json.Indent drops the space before and between tokens and
			// keeps what follows the value.
			if depth == 0 && !needIndent && started {
				buf = append(buf, c)
			}
			continue
		}
		started = true
		if needIndent && c != '}' && c != ']' {
			needIndent = false
			depth++
			newline()
		}
		switch c {
		case '"':
			// A string goes through unchanged.
			j := i + 1
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j+1, len(src))
			buf = append(buf, src[i:j]...)
			i = j - 1
		case '{', '[':
			needIndent = true
			buf = append(buf, c)
		case ',':
			buf = append(buf, c)
			newline()
		case ':':
			buf = append(buf, c, ' ')
		case '}', ']':
			if needIndent {
				needIndent = false
			} else {
				depth--
				newline()
			}
			buf = append(buf, c)
		default:
			buf = append(buf, c)
		}
	}
	_, err := w.Write(buf)
	return buf[:0], err
}
