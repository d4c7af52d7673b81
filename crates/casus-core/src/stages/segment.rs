//! Stage `segment`: tokens (byte spans, normalised forms, word ids and word
//! classes from the pipeline's vocabulary) and sentences.

use super::Stage;
use crate::doc::{Doc, Layer, SentenceState};
use crate::text::TextLayer;
use crate::Pipeline;

pub struct Segment;

impl Stage for Segment {
    fn name(&self) -> &'static str {
        "segment"
    }
    fn needs(&self) -> &'static [Layer] {
        &[]
    }
    fn adds(&self) -> &'static [Layer] {
        &[Layer::Tokens, Layer::Sentences]
    }
    fn run(&self, p: &Pipeline, doc: &mut Doc) {
        doc.text = TextLayer::new(&doc.source.text);
        p.vocab.annotate(&mut doc.text);
        doc.sentences = vec![SentenceState::default(); doc.text.sentences.len()];
    }
}
