#!/usr/bin/env bash
# `npm start`: install what is missing, build dist/, and serve it with the
# COOP/COEP headers at http://localhost:${PORT:-8080}.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh
bash scripts/build.sh
exec node scripts/serve.mjs --dir dist
