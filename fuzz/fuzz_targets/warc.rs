//! WARC reading (plain or gzip) on arbitrary bytes: every record is
//! reported as a document, a skip or a problem, and the counts add up.
#![no_main]
use casus_sources::{read_warc, WarcItem};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut seen = 0usize;
    let counts = read_warc(data, "fuzz.warc", &mut |item: WarcItem| {
        let _ = item;
        seen += 1;
    });
    let skipped: usize = counts.skipped.values().sum();
    assert_eq!(counts.records, counts.documents + skipped + counts.problems);
    assert_eq!(seen, counts.records);
});
