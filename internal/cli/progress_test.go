package cli

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/asectl/asectl/internal/output"
)

func env(kv ...string) func(string) string {
	return func(k string) string {
		for i := 0; i+1 < len(kv); i += 2 {
			if kv[i] == k {
				return kv[i+1]
			}
		}
		return ""
	}
}

func TestProgressOnlyOnATerminal(t *testing.T) {
	for _, tc := range []struct {
		name  string
		ios   IOStreams
		total int
	}{
		{"a pipe", IOStreams{StderrTTY: false, Getenv: env("TERM", "xterm")}, 500},
		{"TERM=dumb", IOStreams{StderrTTY: true, Getenv: env("TERM", "dumb")}, 500},
		{"a handful of files", IOStreams{StderrTTY: true, Getenv: env("TERM", "xterm")}, 10},
	} {
		var buf bytes.Buffer
		tc.ios.ErrOut = &buf
		p := newProgress(&tc.ios, tc.total)
		for range tc.total {
			p.step()
		}
		p.stop()
		assert.Empty(t, buf.String(), tc.name)
	}
}

func ticking() func() time.Time {
	clock := time.Unix(0, 0)
	return func() time.Time { clock = clock.Add(60 * time.Millisecond); return clock }
}

func TestProgressDraws(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&IOStreams{ErrOut: &buf, StderrTTY: true, Getenv: env("TERM", "xterm")}, 100)
	p.now = ticking()
	for range 100 {
		p.step()
	}
	out := buf.String()
	assert.Contains(t, out, "[========================================] 100/100")
	assert.Less(t, strings.Count(out, "\r"), 100, "throttled")
	p.errorf("x: error: y\n")
	assert.True(t, strings.HasSuffix(buf.String(), "\r\x1b[Kx: error: y\n"), "the bar is cleared before a message")
	p.stop()
}

// TestProgressFitsTheTerminal: the line is shorter than the terminal,
// however narrow.
func TestProgressFitsTheTerminal(t *testing.T) {
	for _, cols := range []int{200, 80, 30, 12, 8, 3} {
		var buf bytes.Buffer
		p := newProgress(&IOStreams{ErrOut: &buf, StderrTTY: true, Getenv: env("TERM", "xterm"), TermWidth: func() int { return cols }}, 10000)
		p.now = ticking()
		for range 10000 {
			p.step()
		}
		for _, line := range strings.Split(buf.String(), "\r\x1b[K") {
			assert.Less(t, len(line), cols, "cols=%d: %q", cols, line)
		}
		p.stop()
	}
}

// TestProgressNeverTears: with stdout on the same terminal, the bar is
// cleared before stdout writes, and not drawn while stdout's line is open.
func TestProgressNeverTears(t *testing.T) {
	var term bytes.Buffer // the one terminal both streams reach
	tty := &ttyOut{w: &term}
	ios := &IOStreams{ErrOut: &term, StderrTTY: true, StdoutTTY: true, Getenv: env("TERM", "xterm"), tty: tty}
	p := newProgress(ios, 1000)
	p.now = ticking()
	for i := range 1000 {
		if i%3 == 0 {
			tty.Write([]byte("a.txt:1:"))
			p.step() // mid-line: no bar
			tty.Write([]byte("2: warning: x [r]\n"))
		} else {
			p.step()
		}
	}
	p.stop()
	// What the terminal shows: apply \r\x1b[K (back to the line start,
	// erase it) as a terminal does.
	var screen []string
	cur := ""
	s := term.String()
	for len(s) > 0 {
		switch {
		case strings.HasPrefix(s, "\r\x1b[K"):
			cur = ""
			s = s[4:]
		case s[0] == '\n':
			screen = append(screen, cur)
			cur = ""
			s = s[1:]
		default:
			cur += s[:1]
			s = s[1:]
		}
	}
	assert.Empty(t, cur, "the bar is gone at the end")
	assert.Len(t, screen, 334)
	for _, line := range screen {
		assert.Equal(t, "a.txt:1:2: warning: x [r]", line)
	}
}

// TestProgressGoneOnInterrupt: the signal path clears the bar.
func TestProgressGoneOnInterrupt(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&IOStreams{ErrOut: &buf, StderrTTY: true, Getenv: env("TERM", "xterm")}, 100)
	p.now = ticking()
	p.step()
	assert.True(t, strings.HasSuffix(buf.String(), "1/100"))
	output.Cleanup(os.Interrupt)
	assert.True(t, strings.HasSuffix(buf.String(), "\r\x1b[K"), "%q", buf.String())
	p.stop()
}
