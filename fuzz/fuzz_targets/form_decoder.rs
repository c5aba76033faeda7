//! `palabre_kit::fuzzing::form_decoder`: see there for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| palabre_kit::fuzzing::form_decoder(data));
