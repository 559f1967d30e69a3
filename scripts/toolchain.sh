# Sourced by the scripts: picks the toolchain for the threaded build, which needs
# -Z build-std: the machine's nightly if installed, else stable with
# RUSTC_BOOTSTRAP=1 (both verified). SPINDLE_THREADS_TOOLCHAIN overrides.
if [ -n "${SPINDLE_THREADS_TOOLCHAIN:-}" ]; then
  THREADS_TOOLCHAIN=$SPINDLE_THREADS_TOOLCHAIN
elif rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  THREADS_TOOLCHAIN=nightly
else
  THREADS_TOOLCHAIN=stable
fi
# Environment for the threaded cargo commands only (`env $THREADS_ENV cargo ...`):
# -Z build-std on a stable toolchain needs RUSTC_BOOTSTRAP=1.
case "$THREADS_TOOLCHAIN" in
  nightly*) THREADS_ENV="" ;;
  *) THREADS_ENV="RUSTC_BOOTSTRAP=1" ;;
esac
export THREADS_TOOLCHAIN THREADS_ENV
