#!/usr/bin/env bash
# Counts instructions per operation of the one-description benchmarks under
# valgrind's cachegrind: unlike wall time on a shared VM (±20 % from run to
# run), the count is stable to a fraction of a percent, so it can judge a
# change of a few percent. Needs valgrind (apt-get install valgrind).
#
#   bench/instr.sh                      # this tree
#   bench/instr.sh ParseSample          # one benchmark
#   bench/instr.sh BatchValidate        # per description through the binary, in a batch
#   ASECTL=path/to/asectl bench/instr.sh BatchValidate   # another build (A/B)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "bench: valgrind is missing (apt-get install valgrind)" >&2; exit 2; }

OUT="${OUT:-bench/out}"
mkdir -p "$OUT"
benches=("${@:-ParseSample ValidateSample AppendString BatchValidate BatchParse}")
# refs PKG BENCH N: instructions of a run with N iterations.
refs() {
  (cd "$1" && valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    "$OUT_ABS/$1.test" -test.run '^$' -test.bench "^Benchmark$2\$" -test.benchtime "${3}x" -test.cpu 1 2>&1) |
    awk '/I *refs:/ { gsub(",", "", $NF); print $NF }'
}
OUT_ABS=$(cd "$OUT" && pwd)
# batch CMD...: instructions per description of the real binary over 300
# generated descriptions on one worker (reading, output and all), less a run
# over one of them (start-up).
batch() {
  local dir="$OUT/corpus-300" one="$OUT/corpus-1"
  [ -d "$dir" ] || go run ./internal/gen/gencorpus -n 300 -o "$dir" 2> /dev/null
  [ -d "$one" ] || go run ./internal/gen/gencorpus -n 1 -o "$one" 2> /dev/null
  local bin="${ASECTL:-$OUT/asectl}"
  [ -n "${ASECTL:-}" ] || CGO_ENABLED=0 go build -o "$bin" ./cmd/asectl
  local a z
  a=$(valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$bin" "$@" --jobs 1 "$one" 2>&1 > /dev/null |
    awk '/I *refs:/ { gsub(",", "", $NF); print $NF }')
  z=$(valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$bin" "$@" --jobs 1 "$dir" 2>&1 > /dev/null |
    awk '/I *refs:/ { gsub(",", "", $NF); print $NF }')
  echo $(((z - a) / 299))
}
for b in ${benches[@]}; do
  case $b in
    BatchValidate|BatchParse)
      if [ "$b" = BatchValidate ]; then n=$(batch validate --format json); else n=$(batch parse --format jsonl); fi
      awk -v b="$b" -v n="$n" 'BEGIN { printf "%-16s %10.0f instructions/description\n", b, n }'
      continue ;;
    Parse*) pkg=parser ;;
    Validate*) pkg=validate ;;
    AppendString) pkg=model ;;
    *) echo "bench: unknown benchmark $b" >&2; exit 2 ;;
  esac
  go test -c -o "$OUT/$pkg.test" "./$pkg"
  # The difference of two runs cancels start-up and the benchmark's set-up.
  a=$(refs "$pkg" "$b" 200)
  z=$(refs "$pkg" "$b" 1200)
  awk -v b="$b" -v a="$a" -v z="$z" 'BEGIN { printf "%-16s %10.0f instructions/op\n", b, (z - a) / 1000 }'
done
