//! Stage `merge`: the document's events. The same event (source, target,
//! code) restated in a later sentence is reported once, with the sentences
//! that support it.

use super::Stage;
use crate::doc::{Doc, Layer};
use crate::Pipeline;
use rustc_hash::FxHashSet as HashSet;

pub struct Merge;

const NAME: &str = "merge";

impl Stage for Merge {
    fn name(&self) -> &'static str {
        NAME
    }
    fn needs(&self) -> &'static [Layer] {
        &[Layer::Events, Layer::TreeEvents]
    }
    fn adds(&self) -> &'static [Layer] {
        &[Layer::Merged]
    }
    fn run(&self, _: &Pipeline, doc: &mut Doc) {
        let mut seen: HashSet<(String, Option<String>, String)> = HashSet::default();
        let events = &mut doc.events;
        for e in &doc.sentence_events {
            let key = (e.source.clone(), e.target.clone(), e.code.clone());
            if seen.insert(key) {
                events.push(e.clone());
                continue;
            }
            let index = e.sentence_index;
            if let Some(first) = events
                .iter_mut()
                .find(|x| x.source == e.source && x.target == e.target && x.code == e.code)
            {
                if first.sentence_index != index && !first.also_in_sentences.contains(&index) {
                    first.also_in_sentences.push(index);
                }
            }
            doc.trace.note(NAME, index, || {
                format!(
                    "{} {}->{} restates an earlier event; reported once",
                    e.code,
                    e.source,
                    e.target.as_deref().unwrap_or("-")
                )
            });
        }
    }
}
