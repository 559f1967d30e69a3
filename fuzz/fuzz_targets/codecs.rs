//! Arbitrary bytes to the decoders of untrusted-ish data (pickle.loads, the
//! fork snapshot, process::decode_start, the frozen bytecode codec) and a
//! pickle round trip (see fuzz/harness.rs).
#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(e) = harness::check_codecs(data) {
        panic!("{e}");
    }
});
