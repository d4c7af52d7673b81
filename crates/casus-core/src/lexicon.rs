//! Phrase lookup shared by the actor and rule dictionaries: phrases are
//! tokenised exactly like running text, indexed by their first normalised
//! token, and matched longest first with the case rules of the dictionaries.

use crate::text::{Shape, TextLayer};
use rustc_hash::FxHashMap as HashMap;

/// How the spelling of a dictionary phrase constrains the text it matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseRule {
    Any,
    /// Written with a capital: only matches text that starts with a capital.
    Capitalized,
    /// A short all-capitals abbreviation: only matches text in capitals
    /// ("NGO", "NGOs"); a spelling as a word ("Nato") is listed on its own.
    NotLower,
}

impl CaseRule {
    pub fn of(phrase: &str) -> CaseRule {
        // counted without collecting them: 17,000 phrases pass here at start-up
        let (mut letters, mut all_upper) = (0, true);
        for c in phrase.chars().filter(|c| c.is_alphabetic()) {
            letters += 1;
            all_upper &= c.is_uppercase();
            if letters > 4 {
                break;
            }
        }
        let first = phrase.chars().find(|c| c.is_alphanumeric());
        if (2..=4).contains(&letters) && all_upper {
            CaseRule::NotLower
        } else if first.is_some_and(char::is_uppercase) {
            CaseRule::Capitalized
        } else {
            CaseRule::Any
        }
    }

    /// Whether the phrase may start at token `t`. A short acronym matches
    /// only in capitals, with a plural "s" ("NGOs"): a word of a name that
    /// spells it ("Gen. Ngo Xuan Lich", "Ira Glass") is not the acronym, and
    /// neither is a function word at the head of a sentence ("Who" is not
    /// the WHO). Acronyms also written as words ("Nato", "Isis") list that
    /// spelling too.
    #[inline]
    pub fn admits_at(self, layer: &TextLayer, t: usize) -> bool {
        let shape = layer.tokens[t].shape;
        self.admits(shape)
            && (self != CaseRule::NotLower
                || shape == Shape::Upper
                || layer.spelling(t).is_some_and(capitals))
    }

    #[inline]
    pub fn admits(self, shape: Shape) -> bool {
        match self {
            CaseRule::Any => true,
            CaseRule::Capitalized => matches!(shape, Shape::Capitalized | Shape::Upper),
            CaseRule::NotLower => shape != Shape::Lower,
        }
    }
}

/// Whether a word is written in capitals, allowing a plural "s" ("NGOs")
/// and the marks inside abbreviations ("U.S.").
fn capitals(word: &str) -> bool {
    let word = word.strip_suffix('s').unwrap_or(word);
    word.chars().any(char::is_uppercase) && !word.chars().any(char::is_lowercase)
}

/// Splits a dictionary phrase into normalised tokens, the way text is split.
pub fn phrase_tokens(phrase: &str) -> Vec<String> {
    let layer = TextLayer::tokens_only(phrase);
    (0..layer.tokens.len())
        .map(|i| layer.norm(i).to_string())
        .collect()
}

#[derive(Debug, Clone)]
struct Phrase<T> {
    rest: Vec<String>,
    /// `rest` as word numbers, after freezing.
    rest_words: Vec<u32>,
    case: CaseRule,
    value: T,
}

impl<T> Phrase<T> {
    /// Whether the k-th word after the first matches token `t`.
    fn word_is(&self, k: usize, layer: &TextLayer, t: usize) -> bool {
        // The string path is not only for tests: actors look up the parts of
        // hyphenated words ("Russian-backed") in a small unannotated layer.
        if layer.annotated && self.rest_words.len() == self.rest.len() {
            layer.tokens[t].word == self.rest_words[k]
        } else {
            layer.norm(t) == self.rest[k]
        }
    }
}

/// Phrases indexed by first token; each phrase carries a value `T`.
/// After [`PhraseIndex::freeze`], lookups in an annotated text use the
/// first token's word number: an array index instead of a hash.
#[derive(Debug, Clone)]
pub struct PhraseIndex<T> {
    lists: Vec<Vec<Phrase<T>>>,
    by_first: HashMap<String, u32>,
    /// word number -> list index + 1 (0: no phrase starts with the word)
    by_word: Vec<u32>,
    len: usize,
}

impl<T> Default for PhraseIndex<T> {
    fn default() -> Self {
        PhraseIndex {
            lists: Vec::new(),
            by_first: HashMap::default(),
            by_word: Vec::new(),
            len: 0,
        }
    }
}

/// A phrase found in text: the token range and the value of the phrase.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PhraseMatch<'a, T> {
    pub start: usize,
    pub end: usize,
    pub value: &'a T,
}

impl<T> PhraseIndex<T> {
    /// Adds a phrase; returns false for a phrase with no tokens.
    pub fn insert_tokens(&mut self, tokens: Vec<String>, case: CaseRule, value: T) -> bool {
        let mut iter = tokens.into_iter();
        let Some(first) = iter.next() else {
            return false;
        };
        let rest: Vec<String> = iter.collect();
        let next_list = self.lists.len() as u32;
        let list_id = *self.by_first.entry(first).or_insert(next_list);
        if list_id == next_list {
            self.lists.push(Vec::new());
        }
        let list = &mut self.lists[list_id as usize];
        // Longest first; equal lengths keep insertion order, so the first
        // admissible match is the longest and later files come later.
        let at = list.partition_point(|p| p.rest.len() >= rest.len());
        list.insert(
            at,
            Phrase {
                rest,
                rest_words: Vec::new(),
                case,
                value,
            },
        );
        self.len += 1;
        true
    }

    /// Numbers every first word in `vocab`, for lookups by word number.
    pub fn freeze(&mut self, vocab: &mut crate::vocab::Vocab) {
        for list in &mut self.lists {
            for phrase in list {
                phrase.rest_words = phrase.rest.iter().map(|w| vocab.intern(w)).collect();
            }
        }
        for (word, &list) in &self.by_first {
            let id = vocab.intern(word) as usize;
            if self.by_word.len() <= id {
                self.by_word.resize(id + 1, 0);
            }
            self.by_word[id] = list + 1;
        }
    }

    fn candidates(&self, layer: &TextLayer, start: usize) -> &[Phrase<T>] {
        let list = if layer.annotated {
            let word = layer.tokens[start].word as usize;
            match self.by_word.get(word) {
                Some(&l) if l > 0 => Some(l - 1),
                _ => None,
            }
        } else {
            self.by_first.get(layer.norm(start)).copied()
        };
        list.map(|l| self.lists[l as usize].as_slice())
            .unwrap_or(&[])
    }

    /// Every phrase's first word, for building the vocabulary.
    pub fn first_words(&self) -> impl Iterator<Item = &str> {
        self.by_first.keys().map(String::as_str)
    }

    pub fn insert(&mut self, phrase: &str, value: T) -> bool {
        self.insert_tokens(phrase_tokens(phrase), CaseRule::of(phrase), value)
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// All phrases starting at `start` (longest first) that fit within `end`.
    pub fn matches_at<'a>(
        &'a self,
        layer: &'a TextLayer,
        start: usize,
        end: usize,
    ) -> impl Iterator<Item = PhraseMatch<'a, T>> + 'a {
        let candidates = self.candidates(layer, start);
        candidates.iter().filter_map(move |p| {
            let stop = start + 1 + p.rest.len();
            // the words first: most candidates fail on them, and they cost
            // less than the case rule
            let fits = stop <= end
                && (0..p.rest.len()).all(|k| p.word_is(k, layer, start + 1 + k))
                && p.case.admits_at(layer, start);
            fits.then_some(PhraseMatch {
                start,
                end: stop,
                value: &p.value,
            })
        })
    }

    /// Like [`PhraseIndex::matches_at`], but words marked temporal in the
    /// text may stand between the words of a phrase ("agreed on Friday to").
    pub fn matches_through_time<'a>(
        &'a self,
        layer: &'a TextLayer,
        start: usize,
        end: usize,
    ) -> impl Iterator<Item = PhraseMatch<'a, T>> + 'a {
        let candidates = self.candidates(layer, start);
        candidates.iter().filter_map(move |p| {
            if !p.case.admits_at(layer, start) {
                return None;
            }
            let mut pos = start + 1;
            for k in 0..p.rest.len() {
                while pos < end && layer.tokens[pos].temporal && !p.word_is(k, layer, pos) {
                    pos += 1;
                }
                if pos >= end || !p.word_is(k, layer, pos) {
                    return None;
                }
                pos += 1;
            }
            Some(PhraseMatch {
                start,
                end: pos,
                value: &p.value,
            })
        })
    }

    /// The longest phrase starting at `start` for which `accept` holds.
    pub fn longest_at<'a>(
        &'a self,
        layer: &'a TextLayer,
        start: usize,
        end: usize,
        accept: impl Fn(&T) -> bool,
    ) -> Option<PhraseMatch<'a, T>> {
        self.matches_at(layer, start, end).find(|m| accept(m.value))
    }

    /// Whether any phrase occurs in the token range.
    pub fn find_in<'a>(
        &'a self,
        layer: &'a TextLayer,
        range: std::ops::Range<usize>,
    ) -> Option<PhraseMatch<'a, T>> {
        range
            .clone()
            .find_map(|i| self.matches_at(layer, i, range.end).next())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_rules_follow_the_dictionary_spelling() {
        assert_eq!(CaseRule::of("Turkey"), CaseRule::Capitalized);
        assert_eq!(CaseRule::of("US"), CaseRule::NotLower);
        assert_eq!(CaseRule::of("NATO"), CaseRule::NotLower);
        assert_eq!(CaseRule::of("troops"), CaseRule::Any);
        assert!(!CaseRule::Capitalized.admits(Shape::Lower));
        assert!(!CaseRule::NotLower.admits(Shape::Lower)); // "us"
    }

    #[test]
    fn longest_phrase_wins_and_case_is_checked() {
        let mut index = PhraseIndex::default();
        index.insert("United States", 1);
        index.insert("United States of America", 2);
        index.insert("US", 3);
        let layer = TextLayer::new("the United States of America and us and US");
        let m = index
            .matches_at(&layer, 1, layer.tokens.len())
            .next()
            .unwrap();
        assert_eq!((m.start, m.end, *m.value), (1, 5, 2));
        assert!(index
            .matches_at(&layer, 6, layer.tokens.len())
            .next()
            .is_none());
        assert_eq!(
            *index
                .matches_at(&layer, 8, layer.tokens.len())
                .next()
                .unwrap()
                .value,
            3
        );
    }
}
