//! HTML extraction on arbitrary bytes: must return a document or an error,
//! never panic, and stay fast on adversarial nesting (libFuzzer's timeout
//! catches the quadratic cases).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let _ = casus_sources::extract_html(&html, Some("https://example.org/page"));
});
