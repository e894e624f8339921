package findings

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAppendString: the findings document quotes strings byte for byte as
// json.Marshal does, <, > and & escaped too, after whatever is already in
// the buffer (regression guard for the in-place widening of <, > and &).
func TestAppendString(t *testing.T) {
	for _, s := range []string{
		"", "plain", "<", ">&<", "a < b && c > d", "<script>alert(1)</script>",
		"quote \" backslash \\ tab \t nl \n", "\x00\x1f\x7f", "ä€😀", "\u2028\u2029&",
		"bad \xff utf-8 <", "&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&",
	} {
		want, err := json.Marshal(s)
		require.NoError(t, err)
		for _, prefix := range []string{"", "xy<&>"} {
			b := make([]byte, 0, len(prefix)+1) // small: the widening must grow it
			b = append(b, prefix...)
			assert.Equal(t, prefix+string(want), string(appendString(b, s)), "%q", s)
		}
	}
}

// FuzzAppendString: any string quotes as json.Marshal quotes it.
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"a<b>&c", "\xff<", "\u2028&"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		require.NoError(t, err)
		require.Equal(t, "x"+string(want), string(appendString([]byte("x"), s)))
	})
}
