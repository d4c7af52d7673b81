//! The JSONL and text record readers on arbitrary bytes: a line gives a
//! document or a problem message, never a panic; a document's text is
//! valid UTF-8 and within the document size limit.
#![no_main]
use casus_sources::limits::MAX_DOCUMENT_BYTES;
use casus_sources::records::{parse_line, parse_text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for (i, line) in data.split(|&b| b == b'\n').enumerate() {
        match parse_line(line, i + 1, None) {
            Ok(doc) => assert!(doc.text.len() <= MAX_DOCUMENT_BYTES),
            Err(message) => assert!(!message.is_empty()),
        }
    }
    if let Ok(doc) = parse_text(data.to_vec(), "fuzz.txt", None) {
        assert!(doc.text.len() <= MAX_DOCUMENT_BYTES);
    }
});
