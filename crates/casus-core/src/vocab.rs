//! The compiled vocabulary: every word any dictionary looks up gets a
//! number and a set of word-class bits, once, when the pipeline is built.
//! Each token of a document is then looked up once ([`Vocab::annotate`]);
//! every later test ("is this a preposition?", "does a phrase start
//! here?") is an array index or a bit test, not a string comparison.

use crate::text::TextLayer;
use rustc_hash::FxHashMap;

pub use crate::text::NO_WORD;

/// Word classes, as bits.
pub mod class {
    pub const PREPOSITION: u32 = 1 << 0;
    pub const GAP_BLOCKER: u32 = 1 << 1;
    pub const DETERMINER: u32 = 1 << 2;
    pub const AUXILIARY: u32 = 1 << 3;
    pub const BE_FORM: u32 = 1 << 4;
    pub const QUANTIFIER: u32 = 1 << 5;
    pub const FREE_IN_GAP: u32 = 1 << 6;
    pub const CLAUSE_BREAK: u32 = 1 << 7;
    pub const SAY_VERB: u32 = 1 << 8;
    pub const PATTERN_VERB: u32 = 1 << 9;
    pub const BASE_LIKE: u32 = 1 << 10;
    pub const PARTICIPLE: u32 = 1 << 11;
    pub const QUANTITY: u32 = 1 << 12;
    pub const FORCE_PREPOSITION: u32 = 1 << 13;
    /// After one, an "-ing" form is a verb ("began shelling").
    pub const ING_CONTEXT: u32 = 1 << 14;
    /// After one, a base or "-s" form is a verb ("they accuse").
    pub const BASE_CONTEXT: u32 = 1 << 15;
    /// Prepositions by which a place places a bare role ("protesters in X").
    pub const PLACING_PREPOSITION: u32 = 1 << 16;
    /// Role nouns that serve abroad ("the embassy in Tehran" is not Iran's).
    pub const POSTED_ABROAD: u32 = 1 << 17;
    /// Words that end a verb's reach for its target to the right: a new
    /// clause or an aside starts there ("but", "while", "saying").
    pub const REACH_STOP: u32 = 1 << 24;
    /// Participles that after "be" describe the subject's own stance
    /// ("is opposed to", "were engaged in"): active, not passive.
    pub const STATIVE_PARTICIPLE: u32 = 1 << 18;
    /// Modals of obligation: "X said Y must V" is a demand of Y.
    pub const OBLIGATION: u32 = 1 << 19;
    /// Relative pronouns: ", which borders X," is a clause inside a noun
    /// phrase, and X is not the subject of the verb after it.
    pub const RELATIVE: u32 = 1 << 20;
    /// Locative prepositions that open a place phrase inside a pattern's
    /// gap ("rallied *in Tel Aviv* against").
    pub const GAP_PLACE: u32 = 1 << 21;
    /// Articles: only these may stand between a pattern word and a place
    /// that fills its slot.
    pub const ARTICLE: u32 = 1 << 22;
    /// Words that may stand between two literal words of a pattern though
    /// they block a gap ("exports *of* rare earths to").
    pub const GAP_LINK: u32 = 1 << 23;
    /// The definite article: skipped between a preposition and the name
    /// it governs ("in *the* Red Sea", "by *the* African Union").
    pub const DEFINITE_ARTICLE: u32 = 1 << 25;
    /// Links a noun to the whole or owner it belongs to ("districts *of*
    /// Kharkiv", "the army *of* Mali").
    pub const POSSESSIVE_LINK: u32 = 1 << 26;
    /// After a quantifier or a number, links the amount to what it counts
    /// ("thousands *of* protesters"), so it stands in a pattern gap.
    pub const QUANTITY_LINK: u32 = 1 << 27;
    /// The first word of a phrase of `gap_free_phrases.txt` ("*up* to"):
    /// spares the matcher the phrase search at every other token.
    pub const FREE_PHRASE_START: u32 = 1 << 28;
    /// Personal and possessive pronouns (`pronouns.txt`): spares the
    /// mention finder a set lookup at every other token.
    pub const PRONOUN: u32 = 1 << 29;
    /// The first word of a reciprocal pronoun ("*each* other").
    pub const RECIPROCAL_START: u32 = 1 << 30;
}

#[derive(Debug, Default)]
pub struct Vocab {
    ids: FxHashMap<String, u32>,
    classes: Vec<u32>,
}

impl Vocab {
    pub fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.classes.len() as u32;
        self.ids.insert(word.to_string(), id);
        self.classes.push(0);
        id
    }

    pub fn add_class(&mut self, word: &str, bits: u32) {
        let id = self.intern(word);
        self.classes[id as usize] |= bits;
    }

    pub fn add_class_all<'a>(&mut self, words: impl IntoIterator<Item = &'a str>, bits: u32) {
        for w in words {
            self.add_class(w, bits);
        }
    }

    pub fn get(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }

    pub fn len(&self) -> usize {
        self.classes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.classes.is_empty()
    }

    /// Sets the word number and classes of every token: one hash lookup
    /// per token, for the whole pipeline.
    pub fn annotate(&self, layer: &mut TextLayer) {
        for i in 0..layer.tokens.len() {
            let (word, bits) = match self.ids.get(layer.norm(i)) {
                Some(&id) => (id, self.classes[id as usize]),
                None => (NO_WORD, 0),
            };
            let t = &mut layer.tokens[i];
            t.word = word;
            t.classes = bits;
        }
        layer.annotated = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_get_their_word_and_classes() {
        let mut v = Vocab::default();
        v.add_class("of", class::PREPOSITION | class::GAP_BLOCKER);
        let attack = v.intern("attack");
        let mut layer = TextLayer::new("The attack of Mars");
        v.annotate(&mut layer);
        assert!(layer.annotated);
        assert_eq!(layer.tokens[1].word, attack);
        assert!(layer.is(2, class::PREPOSITION));
        assert!(!layer.is(1, class::PREPOSITION));
        assert_eq!(layer.tokens[3].word, NO_WORD);
    }
}
