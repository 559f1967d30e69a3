#!/usr/bin/env bash
# `npm start`: install what is missing, build dist/, and serve it with the
# COOP/COEP headers at http://localhost:${PORT:-8080}.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh
# wasm-opt costs ~35 s per changed core for ~4% gzip: off for the dev server.
SPINDLE_WASM_OPT="${SPINDLE_WASM_OPT:-0}" bash scripts/build.sh
exec node scripts/serve.mjs --dir dist
