#!/usr/bin/env bash
# Runs every bench/*.py under python3 and under the native spindle CLI, checks the outputs match,
# and prints/writes a markdown table of median times and ratios (bench/RESULTS-native.md).
# Usage: bench/run.sh [NAME...]   env: BENCH_RUNS (default 3), BENCH_TIMEOUT (seconds, default 300)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${BENCH_RUNS:-3}"
TIMEOUT="${BENCH_TIMEOUT:-300}"
cargo build --release --quiet
SPINDLE=target/release/spindle
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

if [ "$#" -gt 0 ]; then
  BENCHES=()
  for n in "$@"; do BENCHES+=("bench/${n%.py}.py"); done
else
  BENCHES=(bench/*.py)
fi

OUT=bench/RESULTS-native.md
{
  echo "# Spindle native benchmarks"
  echo
  echo "$(date -u +%Y-%m-%d) · $(python3 --version 2>&1) · $(nproc) CPUs · median of $RUNS runs · ratio = spindle / python3 (lower is better)"
  echo
  echo "| benchmark | python3 median s | spindle median s | ratio |"
  echo "| --- | ---: | ---: | ---: |"
} > "$TMP/table.md"

RATIOS=()
MISMATCHES=0
for f in "${BENCHES[@]}"; do
  name="$(basename "$f" .py)"
  [ "$name" = "timing" ] && continue
  echo "running $name ..." >&2
  py_t="$(python3 bench/timing.py --runs "$RUNS" --timeout "$TIMEOUT" --out "$TMP/$name.py.out" -- python3 "$f")"
  sp_t="$(python3 bench/timing.py --runs "$RUNS" --timeout "$TIMEOUT" --out "$TMP/$name.sp.out" -- "$SPINDLE" "$f")"
  ratio="$(python3 -c "import sys; p, s = float(sys.argv[1]), float(sys.argv[2]); print('%.4f' % (s / p if p > 0 else 0))" "$py_t" "$sp_t")"
  RATIOS+=("$ratio")
  note=""
  if ! cmp -s "$TMP/$name.py.out" "$TMP/$name.sp.out"; then
    note=" MISMATCH"
    MISMATCHES=$((MISMATCHES + 1))
  fi
  shown="$(python3 -c "import sys; print('%.2f' % float(sys.argv[1]))" "$ratio")"
  echo "| $name | $py_t | $sp_t | ${shown}x${note} |" >> "$TMP/table.md"
done

geo="$(python3 -c "
import math, sys
r = [float(x) for x in sys.argv[1:] if float(x) > 0]
print('%.2fx' % math.exp(sum(map(math.log, r)) / len(r)) if r else 'n/a')
" "${RATIOS[@]}")"
{
  echo
  echo "Geometric mean of ratios: **${geo}**"
  if [ "$MISMATCHES" -gt 0 ]; then
    echo
    echo "$MISMATCHES benchmark(s) marked MISMATCH: spindle's output differed from python3's, so their times are not comparable."
  fi
} >> "$TMP/table.md"

cp "$TMP/table.md" "$OUT"
cat "$OUT"
