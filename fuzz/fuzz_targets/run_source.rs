//! Arbitrary bytes as a Python program: parse, compile and run it (see
//! fuzz/harness.rs). Any panic aborts (libFuzzer's panic hook).
#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(e) = harness::check_run_source(data) {
        panic!("{e}");
    }
});
