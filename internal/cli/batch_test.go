package cli

import (
	"errors"
	"math/rand/v2"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
