#!/usr/bin/env bash
# Runs the Rust tests in tests/web.rs inside headless Chromium (a dedicated
# worker, threaded build) through wasm-bindgen-test-runner and chromedriver.
# Chrome flags come from ./webdriver.json. Assumes ensure-tools.sh ran.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
unset RUSTFLAGS  # would replace .cargo/threads.toml's rustflags
source scripts/toolchain.sh
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"
nice cargo +"$THREADS_TOOLCHAIN" test --release --target wasm32-unknown-unknown \
  --config .cargo/threads.toml --test web "$@"
