# Sourced by the scripts: picks the toolchain for the threaded build, which needs
# -Z build-std. The machine's nightly if installed, else stable with RUSTC_BOOTSTRAP=1.
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  THREADS_TOOLCHAIN=nightly
else
  THREADS_TOOLCHAIN=stable
  export RUSTC_BOOTSTRAP=1
fi
export THREADS_TOOLCHAIN
