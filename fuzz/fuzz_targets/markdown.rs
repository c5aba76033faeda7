//! `palabre_kit::fuzzing::markdown_html`: see there for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| palabre_kit::fuzzing::markdown_html(data));
