//go:build race

package main

// raceEnabled: the race detector multiplies memory, so scripts that
// measure it skip ([race]).
const raceEnabled = true
