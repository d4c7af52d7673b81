//! Phrase lookup shared by the actor and rule dictionaries: phrases are
//! tokenised exactly like running text, indexed by their first normalised
//! token, and matched longest first with the case rules of the dictionaries.

use crate::text::{Shape, TextLayer};
use std::collections::HashMap;

/// How the spelling of a dictionary phrase constrains the text it matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseRule {
    Any,
    /// Written with a capital: only matches text that starts with a capital.
    Capitalized,
    /// A short all-capitals abbreviation: never matches all-lower-case text.
    NotLower,
}

impl CaseRule {
    pub fn of(phrase: &str) -> CaseRule {
        let letters: Vec<char> = phrase.chars().filter(|c| c.is_alphabetic()).collect();
        let first = phrase.chars().find(|c| c.is_alphanumeric());
        if letters.len() >= 2 && letters.len() <= 4 && letters.iter().all(|c| c.is_uppercase()) {
            CaseRule::NotLower
        } else if first.is_some_and(char::is_uppercase) {
            CaseRule::Capitalized
        } else {
            CaseRule::Any
        }
    }

    pub fn admits(self, shape: Shape) -> bool {
        match self {
            CaseRule::Any => true,
            CaseRule::Capitalized => matches!(shape, Shape::Capitalized | Shape::Upper),
            CaseRule::NotLower => shape != Shape::Lower,
        }
    }
}

/// Splits a dictionary phrase into normalised tokens, the way text is split.
pub fn phrase_tokens(phrase: &str) -> Vec<String> {
    let layer = TextLayer::new(phrase);
    (0..layer.tokens.len())
        .map(|i| layer.norm(i).to_string())
        .collect()
}

#[derive(Debug, Clone)]
struct Phrase<T> {
    rest: Vec<String>,
    case: CaseRule,
    value: T,
}

/// Phrases indexed by first token; each phrase carries a value `T`.
#[derive(Debug, Clone)]
pub struct PhraseIndex<T> {
    by_first: HashMap<String, Vec<Phrase<T>>>,
    len: usize,
}

impl<T> Default for PhraseIndex<T> {
    fn default() -> Self {
        PhraseIndex {
            by_first: HashMap::new(),
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
        let list = self.by_first.entry(first).or_default();
        list.push(Phrase { rest, case, value });
        // Longest first, stable, so the first admissible match is the longest
        // and later insertions of an equal phrase come after earlier ones.
        list.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
        self.len += 1;
        true
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
        let candidates = self
            .by_first
            .get(layer.norm(start))
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let shape = layer.tokens[start].shape;
        candidates.iter().filter_map(move |p| {
            let stop = start + 1 + p.rest.len();
            if stop > end || !p.case.admits(shape) {
                return None;
            }
            let fits = p
                .rest
                .iter()
                .enumerate()
                .all(|(k, w)| layer.norm(start + 1 + k) == w);
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
        let candidates = self
            .by_first
            .get(layer.norm(start))
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let shape = layer.tokens[start].shape;
        candidates.iter().filter_map(move |p| {
            if !p.case.admits(shape) {
                return None;
            }
            let mut pos = start + 1;
            for w in &p.rest {
                while pos < end && layer.tokens[pos].temporal && layer.norm(pos) != w {
                    pos += 1;
                }
                if pos >= end || layer.norm(pos) != w {
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
        assert!(CaseRule::NotLower.admits(Shape::Capitalized)); // "Nato"
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
