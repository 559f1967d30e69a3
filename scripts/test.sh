#!/usr/bin/env bash
# `npm test`: every test. Native Rust tests, then Rust tests inside Chromium
# (threaded build, dedicated worker), then a fresh build of dist/ and the
# end-to-end tests of the page with playwright-core.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
unset RUSTFLAGS
step() { printf '\n==== %s\n' "$*" >&2; }

step "tools"
bash scripts/ensure-tools.sh --browser

step "native tests: cargo test --release"
nice cargo +stable test --release

step "Rust tests in Chromium (wasm-bindgen-test-runner)"
bash scripts/test-web.sh

step "build dist/"
bash scripts/build.sh

step "end-to-end tests (node --test, playwright-core, /usr/bin/chromium)"
node --test --test-concurrency=1 tests/e2e/
