//! Stage `parse`: universal part-of-speech tags and a dependency tree for
//! the sentences where structure can matter. When coding with
//! `CodeOptions::tree`, those are the sentences whose tree the `tree_events`
//! stage reads ([`super::tree_events::triggered`]: no event from the surface
//! patterns, a word that can be a verb of the lexicon with an actor before
//! it and one of another code after it), about one sentence in five of the
//! synthetic stories; without the option nothing is parsed, and every
//! sentence costs what it cost before the parser. An explained Doc (`--explain`) also parses every
//! sentence with a mention and a candidate event word, to show its tags
//! and arcs.

use super::Stage;
use crate::doc::{Doc, Layer, Tag};
use crate::vocab::class;
use crate::Pipeline;
use casus_parse::Model;

pub struct Parse;

/// Whether a later stage reads the tree when coding (`tree_events`, with
/// `CodeOptions::tree`).
pub const TREE_USED_BY_CODING: bool = true;

impl Stage for Parse {
    fn name(&self) -> &'static str {
        "parse"
    }
    fn needs(&self) -> &'static [Layer] {
        &[
            Layer::Tokens,
            Layer::Sentences,
            Layer::Screen,
            Layer::Mentions,
            Layer::Events,
        ]
    }
    fn adds(&self) -> &'static [Layer] {
        &[Layer::Tags, Layer::Tree]
    }
    fn run(&self, p: &Pipeline, doc: &mut Doc) {
        doc.tags = vec![Tag::UNPARSED; doc.text.tokens.len()];
        let explain = doc.trace.enabled;
        let mut forms: Vec<&str> = Vec::new();
        for index in 0..doc.sentences.len() {
            let wanted =
                super::tree_events::triggered(doc, index) || explain && worth_parsing(doc, index);
            if !wanted {
                continue;
            }
            let range = doc.text.sentences[index].tokens.clone();
            forms.clear();
            forms.extend(range.clone().map(|i| doc.text.original(i)));
            let tags = analyse(p.parser, &forms);
            for (k, t) in tags.into_iter().enumerate() {
                doc.tags[range.start + k] = Tag {
                    upos: t.upos,
                    deprel: t.deprel,
                    head: if t.head == Tag::ROOT {
                        Tag::ROOT
                    } else {
                        range.start as u32 + t.head
                    },
                };
            }
            doc.sentences[index].parsed = true;
        }
    }
}

/// The prefilter: a coded sentence with an actor mention and a token that
/// can head a verb pattern outside the mentions.
pub fn worth_parsing(doc: &Doc, index: usize) -> bool {
    let state = &doc.sentences[index];
    if !state.coded || state.mentions.is_empty() {
        return false;
    }
    let mentions = doc.sentence_mentions(index);
    doc.text.sentences[index].tokens.clone().any(|t| {
        doc.text.is(t, class::PATTERN_VERB) && !mentions.iter().any(|m| m.tokens.contains(&t))
    })
}

/// Tags and parses one sentence: the one place that calls the parser crate,
/// so that switching to its allocation-free entry point is a local change.
/// Heads are sentence-relative token indices, `Tag::ROOT` for the root.
pub fn analyse(model: &Model, forms: &[&str]) -> Vec<Tag> {
    let a = model.analyse(forms);
    let id = |names: &[String], name: &str| {
        names
            .iter()
            .position(|n| n == name)
            .map_or(Tag::NONE, |i| i.min(254) as u8)
    };
    (0..forms.len())
        .map(|i| Tag {
            upos: id(&model.upos, &a.upos[i]),
            deprel: id(&model.labels, &a.deprels[i]),
            head: match a.heads[i] {
                0 => Tag::ROOT,
                h => (h - 1) as u32,
            },
        })
        .collect()
}

/// The UPOS name of a tag id, "_" when unparsed.
pub fn upos_name(model: &Model, tag: Tag) -> &str {
    model
        .upos
        .get(tag.upos as usize)
        .map_or("_", String::as_str)
}

/// The relation name of a tag id, "_" when unparsed.
pub fn deprel_name(model: &Model, tag: Tag) -> &str {
    model
        .labels
        .get(tag.deprel as usize)
        .map_or("_", String::as_str)
}

#[cfg(test)]
mod tests {
    use crate::{Document, Pipeline};
    use std::sync::OnceLock;

    fn pipeline() -> &'static Pipeline {
        static P: OnceLock<Pipeline> = OnceLock::new();
        P.get_or_init(|| Pipeline::builtin().expect("built-in dictionaries load"))
    }

    #[test]
    fn explaining_parses_every_sentence_with_an_actor_and_an_event_word() {
        let text = "Kenya condemned Uganda on Monday. The weather was mild all week. \
                    Sales of bread rose again.";
        let source = Document::new("t", text, None);
        // coding parses only where the tree is read: the surface coded the
        // first sentence, so nothing is parsed
        let coded = pipeline().analyse(&source, false);
        assert!(coded.sentences.iter().all(|s| !s.parsed));
        let doc = pipeline().analyse(&source, true);
        let parsed: Vec<bool> = doc.sentences.iter().map(|s| s.parsed).collect();
        assert_eq!(parsed, vec![true, false, false]);
        // the parsed sentence has one root, and every head inside the sentence
        let range = doc.text.sentences[0].tokens.clone();
        let roots = range
            .clone()
            .filter(|&t| doc.tags[t].head == super::Tag::ROOT)
            .count();
        assert_eq!(roots, 1);
        for t in range.clone() {
            let tag = doc.tags[t];
            assert!(tag.is_parsed());
            assert!(tag.head == super::Tag::ROOT || range.contains(&(tag.head as usize)));
        }
        let verb = range
            .clone()
            .find(|&t| doc.text.norm(t) == "condemned")
            .unwrap();
        assert_eq!(super::upos_name(pipeline().parser, doc.tags[verb]), "VERB");
        assert!(!doc.tags[doc.text.sentences[1].tokens.start].is_parsed());
    }
}
