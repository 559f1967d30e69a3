#!/usr/bin/env bash
# Installs what the build and tests need, idempotently and fast when done:
# wasm32 targets and rust-src, wasm-bindgen-cli at the crate's exact version,
# the npm dependencies, and (with --browser) Debian's chromium + chromedriver.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
source scripts/toolchain.sh
log() { printf '[ensure-tools] %s\n' "$*" >&2; }

need_browser=0
[ "${1:-}" = "--browser" ] && need_browser=1

command -v cargo >/dev/null && command -v rustup >/dev/null || {
  log "cargo and rustup are required; this machine kind ships them"; exit 1; }
command -v node >/dev/null && command -v npm >/dev/null || { log "node and npm are required"; exit 1; }

# --- Rust: wasm32 target for both toolchains, rust-src for the build-std one.
for tc in stable "$THREADS_TOOLCHAIN"; do
  if ! rustup target list --installed --toolchain "$tc" 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    log "rustup target add wasm32-unknown-unknown ($tc)"
    rustup target add wasm32-unknown-unknown --toolchain "$tc"
  fi
done
if ! rustup component list --installed --toolchain "$THREADS_TOOLCHAIN" 2>/dev/null | grep -q '^rust-src'; then
  log "rustup component add rust-src ($THREADS_TOOLCHAIN)"
  rustup component add rust-src --toolchain "$THREADS_TOOLCHAIN"
fi

# --- wasm-bindgen-cli at exactly the wasm-bindgen crate's version.
want=$(sed -n 's/^wasm-bindgen *= *"=\([0-9.]*\)".*/\1/p' Cargo.toml | head -1)
[ -n "$want" ] || { log "could not read the pinned wasm-bindgen version from Cargo.toml"; exit 1; }
have() { wasm-bindgen --version 2>/dev/null | awk '{print $2}'; }
if [ "$(have)" != "$want" ]; then
  # Another process may be installing it right now: wait for it rather than race it.
  while pgrep -f "cargo install wasm-bindgen-cli" >/dev/null 2>&1; do
    log "waiting for a running 'cargo install wasm-bindgen-cli' to finish..."
    sleep 10
  done
  if [ "$(have)" != "$want" ]; then
    log "cargo install wasm-bindgen-cli --version $want (about 6 minutes, once)"
    # No --locked: one locked dependency is missing from the registry.
    nice cargo install wasm-bindgen-cli --version "$want"
  fi
fi
command -v wasm-bindgen-test-runner >/dev/null || { log "wasm-bindgen-test-runner missing after install"; exit 1; }

# --- npm dependencies (playwright-core, binaryen), reinstalled when the lockfile changes.
if ! cmp -s package-lock.json node_modules/.spindle-lock 2>/dev/null; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.spindle-lock
fi

# --- Chromium and chromedriver from Debian, for the browser tests.
if [ "$need_browser" = 1 ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  log "apt-get install chromium chromium-driver"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi
log "tools ready (threads toolchain: $THREADS_TOOLCHAIN, wasm-bindgen $(have))"
