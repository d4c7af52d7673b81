//! The coder on arbitrary text and dates, with the built-in dictionaries:
//! never a panic, and every event's evidence spans lie inside the text on
//! character boundaries (with and without single-actor events).
#![no_main]
use casus_core::{CodeOptions, Date, Document, Pipeline};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::builtin().expect("built-in dictionaries load"))
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    // The first four bytes choose a document date anywhere in the valid
    // range (or none), so date anchoring meets its edges.
    let year = u16::from_le_bytes([data[0], data[1]]);
    let date = Date::new(year, data[2] % 13, data[3] % 32);
    let text = String::from_utf8_lossy(&data[4..]).into_owned();
    let doc = Document::new("fuzz", text, date);
    // the day's high bit (unused by `% 32`) turns single-actor events on,
    // the month byte's high bit the events read off the tree
    let options = CodeOptions {
        monadic: data[3] >= 128,
        tree: data[2] >= 128,
    };
    for event in pipeline().code_with(&doc, options) {
        assert_eq!(event.target.is_none(), event.evidence.target.is_none());
        for span in [
            Some(event.evidence.source),
            event.evidence.target,
            Some(event.evidence.trigger),
            Some(event.evidence.sentence),
        ]
        .into_iter()
        .flatten()
        {
            let [start, end] = span;
            assert!(
                start <= end && end <= doc.text.len(),
                "span out of the text"
            );
            assert!(doc.text.is_char_boundary(start) && doc.text.is_char_boundary(end));
        }
    }
});
