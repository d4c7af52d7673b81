//! The dictionary parser on arbitrary text: a user file of any kind must
//! give a pipeline or errors, never a panic. The first byte picks which
//! file the text pretends to be, so every file kind's parser is reached.
//! Only the built-in CAMEO table stands beside it (the whole built-in set
//! would make each run a hundred times slower for no more coverage of the
//! parsers).
#![no_main]
use casus_core::{builtin, Pipeline, Source};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    // Every built-in file name, and one new verb file (a user's own).
    let names = builtin::FILES.len() + 1;
    let name = builtin::FILES
        .get(pick as usize % names)
        .map_or("verbs/99_user.txt", |(file, _)| *file);
    let text = String::from_utf8_lossy(rest).into_owned();
    let cameo = builtin::FILES
        .iter()
        .find(|(file, _)| *file == "cameo_event_codes.tsv")
        .map(|(file, text)| Source::new(*file, *text))
        .expect("the built-in CAMEO table");
    let sources = if name == cameo.name {
        vec![Source::new(name, text)]
    } else {
        vec![cameo, Source::new(name, text)]
    };
    if let Ok(pipeline) = Pipeline::from_sources(sources) {
        let doc = casus_core::Document::new("d", "Russia attacked Ukraine on Monday.", None);
        let _ = pipeline.code(&doc);
    }
});
