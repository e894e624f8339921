package cli

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/asectl/asectl/internal/i18n"
)

// TestRunOrdered: results come out in item order whatever the timing, each
// exactly once, for any number of jobs.
func TestRunOrdered(t *testing.T) {
	for _, jobs := range []int{1, 2, 3, 8, 0} {
		var got []int
		err := runOrdered(500, jobs, func(i int) int {
			time.Sleep(time.Duration(rand.IntN(50)) * time.Microsecond)
			return i * 2
		}, func(i, r int) error {
			assert.Equal(t, i*2, r)
			got = append(got, i)
			return nil
		})
		require.NoError(t, err)
		require.Len(t, got, 500, "jobs=%d", jobs)
		for i, v := range got {
			require.Equal(t, i, v, "jobs=%d", jobs)
		}
	}
}

// TestRunOrderedStops: an emit error stops the run, returns that error,
// and leaves no worker running.
func TestRunOrderedStops(t *testing.T) {
	var started atomic.Int64
	stop := errors.New("write failed")
	err := runOrdered(10_000, 4, func(i int) int { started.Add(1); return i },
		func(i, _ int) error {
			if i == 10 {
				return stop
			}
			return nil
		})
	assert.ErrorIs(t, err, stop)
	assert.Less(t, started.Load(), int64(100), "no work far beyond the failure")
}

// A panic while reading one input becomes that input's error: the batch
// goes on and every other result is kept.
func TestGuard(t *testing.T) {
	v, err := guard(func() (int, error) { return 7, nil })
	require.NoError(t, err)
	assert.Equal(t, 7, v)

	_, err = guard(func() (int, error) { return 0, errors.New("plain") })
	assert.EqualError(t, err, "plain")

	v, err = guard(func() (int, error) {
		var s []int
		return s[3], nil
	})
	assert.Zero(t, v)
	var bug internalError
	require.ErrorAs(t, err, &bug)
	assert.Contains(t, err.Error(), "internal error (a bug in asectl")
	assert.Contains(t, err.Error(), "index out of range")

	p, err := guard(func() (*int, error) { panic("boom") })
	assert.Nil(t, p)
	assert.EqualError(t, err, "internal error (a bug in asectl; please report it with this input): boom")
}

// TestRunBatchClassifies: a panic in one input's work is that input's
// internal error (the others are emitted, in order), every failure is
// named on stderr, and the outcomes map to one exit status.
func TestRunBatchClassifies(t *testing.T) {
	var stderr strings.Builder
	g := &globals{ios: &IOStreams{ErrOut: &stderr, Getenv: func(string) string { return "" }}}
	b := &batch{g: g, common: &commonFlags{jobs: 3}, l: i18n.New("en")}
	for _, n := range []string{"ok1", "panic", "unread", "notdesc", "ok2"} {
		b.inputs = append(b.inputs, input{Name: n})
	}
	var got []string
	err := runBatch(b, func(in input) (string, outcome, error) {
		switch in.Name {
		case "panic":
			panic("boom")
		case "unread":
			return "", outUnreadable, errors.New("no such file or directory")
		case "notdesc":
			return "", outNotDescription, errors.New("not one")
		}
		return "r-" + in.Name, outRead, nil
	}, func(it *item[string]) error {
		got = append(got, fmt.Sprintf("%s %d %s", it.In.Name, it.Outcome, it.R))
		return nil
	})
	require.NoError(t, err)
	assert.Equal(t, []string{"ok1 0 r-ok1", "panic 3 ", "unread 2 ", "notdesc 1 ", "ok2 0 r-ok2"}, got)
	assert.Equal(t, ExitUsage, b.exitFor())
	assert.Contains(t, stderr.String(), "panic: error: internal error (a bug in asectl; please report it with this input): boom\n")
	assert.Contains(t, stderr.String(), "unread: error: cannot read: no such file or directory\n")
	assert.Contains(t, stderr.String(), "notdesc: error: not one\n")
	assert.Equal(t, []string{"panic", "unread"}, b.unread)
}
