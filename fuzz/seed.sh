#!/bin/sh
# Seed the fuzz corpora (fuzz/corpus/, not committed):
# - run_source: the conformance scripts, minus those the harness skips
#   (fuzz/harness.rs SKIP: processes, sleep, stdin, _spindle);
# - codecs: the committed regression inputs, valid snapshots, a ProcessStart
#   and frozen bytecode (written by the ignored test write_codec_seeds), and
#   pickles of a few values (selector byte 0 = pickle.loads) made by CPython
#   if python3 is there.
set -e
cd "$(dirname "$0")"
mkdir -p corpus/run_source corpus/codecs
for f in ../tests/conformance/*.py; do
    if ! grep -qE 'multiprocessing|ProcessPool|sleep|input\(|open\(|_spindle|stdin' "$f"; then
        cp "$f" corpus/run_source/
    fi
done
cp ../tests/fuzz_corpus/run_source/* corpus/run_source/ 2>/dev/null || true
cp ../tests/fuzz_corpus/codecs/* corpus/codecs/ 2>/dev/null || true
(cd .. && cargo test --release --test fuzz_regressions -- --ignored write_codec_seeds >/dev/null)
if command -v python3 >/dev/null; then
    python3 - <<'PY'
import pickle
values = [None, True, 1, -300, 2**70, 1.5, 'héllo', b'\x00\xff', bytearray(b'ab'),
          [1, [2, 3]], (1, 'a'), {'a': 1, 2: [3]}, {1, 2}, frozenset({'x'}),
          [[]] * 3, {'k': (1, 2.5, None)}, complex(1, 2), range(3), slice(1, 2), ...]
n = 0
for proto in range(6):
    for v in values:
        try:
            data = pickle.dumps(v, protocol=proto)
        except Exception:
            continue
        open(f'corpus/codecs/pickle-{proto}-{n}', 'wb').write(b'\x00' + data)
        n += 1
PY
fi
echo "run_source: $(ls corpus/run_source | wc -l) seeds, codecs: $(ls corpus/codecs | wc -l) seeds"
