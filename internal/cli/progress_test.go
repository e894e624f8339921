package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestProgressOnlyOnATerminal(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&IOStreams{ErrOut: &buf, StderrTTY: false}, 500)
	for range 500 {
		p.step()
	}
	p.clear()
	assert.Empty(t, buf.String(), "no bar on a pipe")

	buf.Reset()
	p = newProgress(&IOStreams{ErrOut: &buf, StderrTTY: true}, 10)
	for range 10 {
		p.step()
	}
	assert.Empty(t, buf.String(), "no bar for a handful of files")
}

func TestProgressDraws(t *testing.T) {
	var buf bytes.Buffer
	clock := time.Unix(0, 0)
	p := newProgress(&IOStreams{ErrOut: &buf, StderrTTY: true}, 100)
	p.now = func() time.Time { clock = clock.Add(60 * time.Millisecond); return clock }
	for range 100 {
		p.step()
	}
	out := buf.String()
	assert.Contains(t, out, "100/100")
	assert.Contains(t, out, "[==============================]")
	assert.Less(t, strings.Count(out, "\r"), 100, "throttled")
	p.errorf("x: error: y\n")
	assert.True(t, strings.HasSuffix(buf.String(), "\r\x1b[Kx: error: y\n"), "the bar is cleared before a message")
}
