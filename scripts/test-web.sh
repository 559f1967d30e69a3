#!/usr/bin/env bash
# Runs the Rust tests in tests/web.rs inside headless Chromium (in a dedicated
# worker) through wasm-bindgen-test-runner and chromedriver, on the threaded
# build and then on the non-threaded one. Chrome flags come from ./webdriver.json.
# Assumes ensure-tools.sh ran. Extra arguments go to both cargo test calls.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
unset RUSTFLAGS  # would replace .cargo/threads.toml's rustflags
source scripts/toolchain.sh
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"

echo "== tests/web.rs on the threaded build" >&2
env $THREADS_ENV nice cargo +"$THREADS_TOOLCHAIN" test --release --target wasm32-unknown-unknown \
  --config .cargo/threads.toml --test web "$@"

echo "== tests/web.rs on the non-threaded build" >&2
CARGO_TARGET_DIR=target/wasm-st nice cargo +stable test --release \
  --target wasm32-unknown-unknown --test web "$@"
