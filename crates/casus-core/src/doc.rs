//! The `Doc`: every layer of one document, owned in one place, with tokens
//! and spans as index views into it (spaCy's model). Stages
//! ([`crate::stages`]) add layers in the order the pipeline declares; the
//! `--explain` report prints them.
//!
//! Index conventions: a token is its index in `text.tokens`; a mention is its
//! index in `mentions` (sorted by position, sentence by sentence); each
//! sentence names its slice of mentions and predicates, so a stage working on
//! one sentence sees only that sentence's annotations.

use crate::actors::Mention;
use crate::event::{Document, Event, Modality};
use crate::text::TextLayer;
use crate::verbs::PatternMatch;
use std::ops::Range;

/// The layers a stage needs and adds. The pipeline checks, when it is built,
/// that every stage's needs are added by an earlier stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layer {
    /// Tokens with byte spans, normalised forms, word ids and word classes.
    Tokens,
    /// Sentence boundaries, headlines and datelines.
    Sentences,
    /// Which sentences are coded at all (headlines and discard cues are not).
    Screen,
    /// Actor mentions, with pronouns and descriptions resolved.
    Mentions,
    /// Links from pronouns and descriptions to what they stand for.
    Coreference,
    /// Universal part-of-speech tags (parsed sentences only).
    Tags,
    /// Dependency heads and relations (parsed sentences only).
    Tree,
    /// Verb-pattern matches with voice and agent.
    Predicates,
    /// Roles, cues, modality and attribution of each predicate.
    Arguments,
    /// Coded events, per sentence.
    Events,
    /// Events read off the dependency tree where the surface found none.
    TreeEvents,
    /// Events merged over the document (restatements reported once).
    Merged,
    /// The actors' dictionary names on each event.
    Names,
    /// Each event's place from the gazetteer.
    Places,
}

impl Layer {
    pub fn name(self) -> &'static str {
        match self {
            Layer::Tokens => "tokens",
            Layer::Sentences => "sentences",
            Layer::Screen => "screen",
            Layer::Mentions => "mentions",
            Layer::Coreference => "coreference",
            Layer::Tags => "tags",
            Layer::Tree => "tree",
            Layer::Predicates => "predicates",
            Layer::Arguments => "arguments",
            Layer::Events => "events",
            Layer::TreeEvents => "tree_events",
            Layer::Merged => "merged",
            Layer::Names => "names",
            Layer::Places => "places",
        }
    }

    fn bit(self) -> u32 {
        1 << (self as u32)
    }
}

/// Per-sentence state: which annotations belong to it.
#[derive(Debug, Clone, Default)]
pub struct SentenceState {
    /// Coded at all (not a headline, no discard cue).
    pub coded: bool,
    /// About sport: only events that a match report cannot mean (code set
    /// `beyond-sport`: criticism, protests, boycotts, arrests) are kept.
    pub sport: bool,
    /// Its mentions: a range of `Doc::mentions`.
    pub mentions: Range<usize>,
    /// Its predicates: a range of `Doc::predicates`.
    pub predicates: Range<usize>,
    /// Tagged and parsed (the prefilter sent it to the parser).
    pub parsed: bool,
    /// Its events before merging: a range of `Doc::sentence_events`.
    pub events: Range<usize>,
}

/// Tag and tree of one token; `NONE` where the sentence was not parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tag {
    /// Index into the parser model's UPOS inventory.
    pub upos: u8,
    /// Index into the parser model's relation inventory.
    pub deprel: u8,
    /// The head token (a document token index), or `ROOT`.
    pub head: u32,
}

impl Tag {
    pub const NONE: u8 = u8::MAX;
    pub const ROOT: u32 = u32::MAX;
    pub const UNPARSED: Tag = Tag {
        upos: Tag::NONE,
        deprel: Tag::NONE,
        head: Tag::ROOT,
    };

    pub fn is_parsed(&self) -> bool {
        self.upos != Tag::NONE
    }
}

/// A pronoun or description resolved to an antecedent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorefLink {
    /// The mention (index into `Doc::mentions`) that was resolved.
    pub mention: usize,
    /// The codes it now stands for.
    pub codes: Vec<String>,
}

/// The voice of a predicate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voice {
    Active,
    Passive,
}

/// A verb-pattern match and what the stages decided about it.
#[derive(Debug, Clone)]
pub struct Predicate {
    pub sentence: usize,
    pub matched: PatternMatch,
    /// `file:line` of the dictionary entry.
    pub entry: String,
    pub voice: Voice,
    /// The mention after "by" (sentence-local mention index).
    pub by_agent: Option<usize>,
    /// Filled by the arguments stage: sentence-local mention indices.
    pub subject: Vec<usize>,
    pub sources: Vec<usize>,
    pub targets: Vec<usize>,
    /// Where the predicate's clause starts (after its subject): modality
    /// cues and the event date are read from there.
    pub clause_start: usize,
    /// The code after conversions and refinements; `None` when the
    /// predicate codes no event (no source, agentless passive, history).
    pub code: Option<String>,
    /// Whether the event holds both ways (after conversions).
    pub symmetric: bool,
    pub cues: Cues,
    pub modality: Option<Modality>,
    pub attribution: Option<String>,
    /// Where the say-verb or "according to" stands.
    pub attribution_span: Option<[usize; 2]>,
}

/// Modality and attribution cues of one predicate, as found in its clause.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cues {
    pub negated: bool,
    pub modal_verb: bool,
    pub hypothetical: bool,
    pub future: bool,
    /// Human-readable cue descriptions (also copied into event evidence).
    pub notes: Vec<String>,
    pub spans: Vec<[usize; 2]>,
}

/// One decision, with the stage that made it (kept only when explaining).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub stage: &'static str,
    pub sentence: usize,
    pub text: String,
}

/// All layers of one document.
#[derive(Debug)]
pub struct Doc<'d> {
    pub source: &'d Document,
    pub text: TextLayer,
    pub sentences: Vec<SentenceState>,
    pub tags: Vec<Tag>,
    pub mentions: Vec<Mention>,
    pub coref: Vec<CorefLink>,
    pub predicates: Vec<Predicate>,
    /// Events as each sentence coded them, before merging.
    pub sentence_events: Vec<Event>,
    /// The document's events: restatements merged.
    pub events: Vec<Event>,
    pub trace: Trace,
    /// The first dateline's sentence and country ("MOSCOW, July 6 -").
    pub dateline: Option<(usize, String)>,
    /// How to code (set by [`crate::Pipeline::analyse_with`]).
    pub options: crate::CodeOptions,
    layers: u32,
}

/// The decision log; formatting happens only when it is enabled, because
/// formatting every decision would cost more than making it.
#[derive(Debug, Default)]
pub struct Trace {
    pub enabled: bool,
    pub decisions: Vec<Decision>,
}

impl Trace {
    pub fn note(&mut self, stage: &'static str, sentence: usize, text: impl FnOnce() -> String) {
        if self.enabled {
            self.decisions.push(Decision {
                stage,
                sentence,
                text: text(),
            });
        }
    }
}

impl<'d> Doc<'d> {
    /// An empty Doc for `source`; the stages fill it.
    pub fn new(source: &'d Document, explain: bool) -> Doc<'d> {
        Doc {
            source,
            text: TextLayer::default(),
            sentences: Vec::new(),
            tags: Vec::new(),
            mentions: Vec::new(),
            coref: Vec::new(),
            predicates: Vec::new(),
            sentence_events: Vec::new(),
            events: Vec::new(),
            trace: Trace {
                enabled: explain,
                decisions: Vec::new(),
            },
            dateline: None,
            options: crate::CodeOptions::default(),
            layers: 0,
        }
    }

    pub fn has(&self, layer: Layer) -> bool {
        self.layers & layer.bit() != 0
    }

    pub(crate) fn mark(&mut self, layer: Layer) {
        self.layers |= layer.bit();
    }

    /// The mentions of one sentence.
    pub fn sentence_mentions(&self, sentence: usize) -> &[Mention] {
        &self.mentions[self.sentences[sentence].mentions.clone()]
    }

    /// The predicates of one sentence.
    pub fn sentence_predicates(&self, sentence: usize) -> &[Predicate] {
        &self.predicates[self.sentences[sentence].predicates.clone()]
    }

    /// The original text of a token range (empty for an empty range).
    pub fn span_text(&self, tokens: Range<usize>) -> &str {
        if tokens.is_empty() {
            return "";
        }
        &self.source.text
            [self.text.tokens[tokens.start].span.start..self.text.tokens[tokens.end - 1].span.end]
    }

    /// How many sentences the prefilter sent to the parser.
    pub fn parsed_sentences(&self) -> usize {
        self.sentences.iter().filter(|s| s.parsed).count()
    }

    /// Byte spans of the sentences, in order.
    pub fn sentence_spans(&self) -> Vec<[usize; 2]> {
        self.text
            .sentences
            .iter()
            .map(|s| [s.span.start, s.span.end])
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layers_are_marked_one_by_one() {
        let source = Document::new("d", "Kenya condemned Uganda.", None);
        let mut doc = Doc::new(&source, false);
        assert!(!doc.has(Layer::Tokens));
        doc.mark(Layer::Tokens);
        assert!(doc.has(Layer::Tokens));
        assert!(!doc.has(Layer::Tree), "marking one layer marks no other");
    }

    #[test]
    fn trace_is_formatted_only_when_enabled() {
        let mut off = Trace::default();
        off.note("events", 0, || panic!("formatted while disabled"));
        assert!(off.decisions.is_empty());
        let mut on = Trace {
            enabled: true,
            ..Trace::default()
        };
        on.note("events", 2, || "kept".into());
        assert_eq!(
            on.decisions,
            vec![Decision {
                stage: "events",
                sentence: 2,
                text: "kept".into()
            }]
        );
    }
}
