#!/usr/bin/env bash
# Builds the static site into dist/: the standard library blob (native `spindle --freeze`),
# the threaded wasm core (nightly, build-std,
# shared memory), the non-threaded core (stable), wasm-bindgen glue, optional
# wasm-opt (npm binaryen), and the page from www/ (bundled by npm esbuild). Assumes ensure-tools.sh ran.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
unset RUSTFLAGS  # would replace .cargo/threads.toml's rustflags
source scripts/toolchain.sh

DIST=dist
if [ "${1:-}" = "--page" ]; then
  # Only the page (www/ and its bundle), keeping dist/pkg: for work on www/.
  [ -d "$DIST/pkg" ] || { echo "build.sh --page needs a full build first" >&2; exit 1; }
  PAGE_ONLY=1
fi
WASM_OPT="${SPINDLE_WASM_OPT:-1}"   # SPINDLE_WASM_OPT=0 skips wasm-opt
step() { printf '\n== %s\n' "$*" >&2; }
t_all=$(date +%s)

if [ -z "${PAGE_ONLY:-}" ]; then
step "frozen standard library (native CLI, spindle --freeze)"
# The stdlib's Python modules, source and bytecode compiled once here, shipped
# as dist/pkg/stdlib.bin: the page installs it in each wasm instance, so imports
# decode bytecode instead of compiling, and the wasm builds (built with
# SPINDLE_STDLIB_EXTERNAL=1) carry no stdlib of their own. Same target dir as
# `cargo test --release`, so CI reuses the CLI.
t=$(date +%s)
nice cargo +stable build --release --bin spindle
target/release/spindle --freeze target/frozen.bin
FROZEN="$PWD/target/frozen.bin"
echo "freeze: $(( $(date +%s) - t ))s" >&2

step "threaded core (nightly, atomics, build-std)"
t=$(date +%s)
env $THREADS_ENV SPINDLE_STDLIB_EXTERNAL=1 nice cargo +"$THREADS_TOOLCHAIN" build --release --target wasm32-unknown-unknown \
  --config .cargo/threads.toml --lib
echo "threaded cargo build: $(( $(date +%s) - t ))s" >&2

step "non-threaded core (stable)"
t=$(date +%s)
SPINDLE_STDLIB_EXTERNAL=1 CARGO_TARGET_DIR=target/wasm-st nice cargo +stable build --release \
  --target wasm32-unknown-unknown --lib
echo "non-threaded cargo build: $(( $(date +%s) - t ))s" >&2

rm -rf "$DIST.tmp"
mkdir -p "$DIST.tmp/pkg"
use_opt=0
if [ "$WASM_OPT" != "0" ] && command -v wasm-opt >/dev/null && wasm-opt --version | grep -q 'version 1[2-9][0-9]'; then
  use_opt=1  # binaryen >= 120 from npm; never Debian's binaryen 108 (broken modules)
fi
# Glue + (optimised) module for one build; reused from dist/ when its input
# .wasm and the settings are unchanged (a no-op build then takes a second).
bindgen() {  # bindgen mt|st INPUT.wasm shared|unshared
  local b=$1 in=$2 want=$3 out="$DIST.tmp/pkg/$1"
  local key; key="$(sha256sum "$in" | cut -d' ' -f1) opt=$use_opt $(wasm-bindgen --version)"
  if [ -f "$DIST/pkg/$b/.input" ] && [ "$(cat "$DIST/pkg/$b/.input")" = "$key" ]; then
    cp -r "$DIST/pkg/$b" "$out"
    echo "$b: unchanged, reusing dist/pkg/$b" >&2
    return
  fi
  step "wasm-bindgen ($b)"
  wasm-bindgen --target web --no-typescript --out-dir "$out" "$in"
  # The threaded module must import a shared memory, or workers cannot share it.
  node scripts/check-wasm.mjs "$out/spindle_bg.wasm" "$want"
  if [ "$use_opt" = 1 ]; then
    local t; t=$(date +%s)
    wasm-opt -O2 --enable-threads --enable-bulk-memory --enable-mutable-globals \
      --enable-nontrapping-float-to-int --enable-sign-ext --enable-reference-types \
      --enable-multivalue "$out/spindle_bg.wasm" -o "$out/spindle_bg.wasm.opt"
    mv "$out/spindle_bg.wasm.opt" "$out/spindle_bg.wasm"
    node scripts/check-wasm.mjs "$out/spindle_bg.wasm" "$want"
    echo "wasm-opt -O2 ($b): $(( $(date +%s) - t ))s" >&2
  else
    echo "(skipping wasm-opt)" >&2
  fi
  echo "$key" > "$out/.input"
}
bindgen mt target/wasm32-unknown-unknown/release/spindle.wasm shared
bindgen st target/wasm-st/wasm32-unknown-unknown/release/spindle.wasm unshared
cp "$FROZEN" "$DIST.tmp/pkg/stdlib.bin"
else
  rm -rf "$DIST.tmp" && mkdir -p "$DIST.tmp" && cp -r "$DIST/pkg" "$DIST.tmp/pkg"
fi

step "page"
# www/ as is, except app/ (the page's modules), which esbuild bundles with
# CodeMirror into app.js (the playground) and embed.js (<spindle-playground>).
cp -r www/. "$DIST.tmp/"
rm -rf "$DIST.tmp/app"
esbuild www/app/main.js www/app/embed.js --bundle --format=esm --minify --target=es2022 \
  --outdir="$DIST.tmp" --entry-names='[name]' --log-level=warning
mv "$DIST.tmp/main.js" "$DIST.tmp/app.js"
cp node_modules/coi-serviceworker/coi-serviceworker.min.js "$DIST.tmp/coi-serviceworker.js"
# Unicode names for "\N{...}" in the browser (the wasm leaves the parser's
# tables out, see vendor/unicode_names2): every named character except those
# named by rule (CJK, Hangul syllables...), which the core computes.
python3 - > "$DIST.tmp/pkg/unicode-names.txt" <<'PY'
import sys, unicodedata
by_rule = ('CJK UNIFIED IDEOGRAPH-', 'CJK COMPATIBILITY IDEOGRAPH-', 'HANGUL SYLLABLE ',
           'TANGUT IDEOGRAPH-', 'KHITAN SMALL SCRIPT CHARACTER-', 'NUSHU CHARACTER-')
for cp in range(0x110000):
    name = unicodedata.name(chr(cp), None)
    if name and not name.startswith(by_rule):
        sys.stdout.write(f'{name};{cp:X}\n')
PY
rm -rf "$DIST" && mv "$DIST.tmp" "$DIST"

for f in "$DIST"/pkg/{mt,st}/spindle_bg.wasm "$DIST/pkg/stdlib.bin"; do
  printf '%s: %s bytes raw, %s bytes gzip -9\n' "$f" "$(wc -c <"$f")" "$(gzip -9c "$f" | wc -c)" >&2
done
echo "build done in $(( $(date +%s) - t_all ))s -> $DIST/" >&2
