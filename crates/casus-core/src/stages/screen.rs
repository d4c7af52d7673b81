//! Stage `screen`: which sentences are coded at all. Headlines are not; nor
//! are sentences with a discard cue (sports, fiction, ...), from
//! `rules/discards.txt`; a sports cue limits the sentence to the events of
//! code set `beyond-sport`.

use super::Stage;
use crate::doc::{Doc, Layer};
use crate::Pipeline;

pub struct Screen;

const NAME: &str = "screen";

impl Stage for Screen {
    fn name(&self) -> &'static str {
        NAME
    }
    fn needs(&self) -> &'static [Layer] {
        &[Layer::Tokens, Layer::Sentences]
    }
    fn adds(&self) -> &'static [Layer] {
        &[Layer::Screen]
    }
    fn run(&self, p: &Pipeline, doc: &mut Doc) {
        for (index, sentence) in doc.text.sentences.iter().enumerate() {
            if sentence.headline {
                doc.trace.note(NAME, index, || "headline: not coded".into());
                continue;
            }
            if let Some(d) = p.rules.discards.find_in(&doc.text, sentence.tokens.clone()) {
                let cue = &doc.source.text
                    [doc.text.tokens[d.start].span.start..doc.text.tokens[d.end - 1].span.end];
                // "beat", "attacked", "met" in a match report are play, but
                // a protest against the Olympics is a protest
                if d.value == "sports" {
                    doc.trace.note(NAME, index, || {
                        format!(
                            "not coded: sports cue `{cue}` (except code set beyond-sport: criticism, rejections, protests, boycotts, arrests)"
                        )
                    });
                    doc.sentences[index].coded = true;
                    doc.sentences[index].sport = true;
                    continue;
                }
                doc.trace.note(NAME, index, || {
                    format!("not coded: {} cue `{cue}`", d.value)
                });
                continue;
            }
            doc.sentences[index].coded = true;
        }
    }
}
