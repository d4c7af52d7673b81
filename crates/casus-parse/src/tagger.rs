//! Greedy left-to-right UPOS tagger: features of the word, its affixes and
//! shape, neighbouring words and the two previous predicted tags. It runs
//! twice: the second pass also sees the first pass's tags of the next two
//! words, which a left-to-right pass alone cannot know.

use crate::features::{hash, mix, shape};
use crate::model::Table;
use crate::Model;

/// Per-sentence precomputed word strings for feature extraction.
pub struct Context {
    lower: Vec<String>,
    shapes: Vec<String>,
    forms: Vec<String>,
}

impl Context {
    pub fn new(forms: &[&str]) -> Context {
        Context {
            lower: forms.iter().map(|f| f.to_lowercase()).collect(),
            shapes: forms.iter().map(|f| shape(f)).collect(),
            forms: forms.iter().map(|f| f.to_string()).collect(),
        }
    }
    fn low(&self, i: isize) -> &str {
        if i < 0 {
            "<s>"
        } else {
            self.lower.get(i as usize).map_or("</s>", |s| s.as_str())
        }
    }
}

fn suffix(w: &str, n: usize) -> &str {
    let c = w.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &w[c..]
}

fn prefix(w: &str, n: usize) -> &str {
    let c = w.char_indices().nth(n).map_or(w.len(), |(i, _)| i);
    &w[..c]
}

/// Features for position `i` given the two previous tags (u32::MAX = none)
/// and, in the second pass, the first pass's tags of the sentence.
pub fn features(
    ctx: &Context,
    i: usize,
    p1: u32,
    p2: u32,
    first: Option<&[u32]>,
    out: &mut Vec<u64>,
) {
    out.clear();
    let ii = i as isize;
    let w = ctx.low(ii);
    out.push(hash(0, &[]));
    out.push(hash(1, &[w]));
    out.push(hash(2, &[&ctx.forms[i]]));
    for n in 1..=4 {
        out.push(hash(3 + n as u8, &[suffix(w, n)]));
    }
    for n in 1..=3 {
        out.push(hash(8 + n as u8, &[prefix(w, n)]));
    }
    out.push(hash(12, &[&ctx.shapes[i]]));
    out.push(hash(13, &[ctx.low(ii - 1)]));
    out.push(hash(14, &[ctx.low(ii + 1)]));
    out.push(hash(15, &[ctx.low(ii - 2)]));
    out.push(hash(16, &[ctx.low(ii + 2)]));
    out.push(hash(17, &[suffix(ctx.low(ii - 1), 3)]));
    out.push(hash(18, &[suffix(ctx.low(ii + 1), 3)]));
    out.push(hash(19, &[ctx.low(ii - 1), w]));
    out.push(hash(20, &[w, ctx.low(ii + 1)]));
    out.push(mix(hash(21, &[]), p1));
    out.push(mix(mix(hash(22, &[]), p1), p2));
    out.push(mix(hash(23, &[w]), p1));
    out.push(mix(hash(24, &[suffix(w, 3)]), p1));
    out.push(mix(hash(25, &[ctx.low(ii + 1)]), p1));
    out.push(hash(27, &[ctx.low(ii - 1), ctx.low(ii + 1)]));
    out.push(hash(28, &[suffix(w, 2), ctx.low(ii + 1)]));
    out.push(hash(29, &[&ctx.shapes[i], ctx.low(ii - 1)]));
    out.push(hash(30, &[suffix(ctx.low(ii + 2), 3)]));
    out.push(mix(hash(31, &[ctx.low(ii + 1), ctx.low(ii + 2)]), 0));
    if i == 0 {
        out.push(hash(26, &[&ctx.shapes[i]]));
    }
    if let Some(f) = first {
        let at = |k: usize| f.get(k).copied().unwrap_or(u32::MAX);
        let (r1, r2) = (at(i + 1), at(i + 2));
        let w = ctx.low(ii);
        out.push(mix(hash(40, &[]), r1));
        out.push(mix(mix(hash(41, &[]), r1), r2));
        out.push(mix(hash(42, &[w]), r1));
        out.push(mix(mix(hash(43, &[]), p1), r1));
        out.push(mix(hash(44, &[suffix(w, 3)]), r1));
        out.push(mix(hash(45, &[]), at(i)));
    }
}

/// Tags a sentence; returns UPOS ids into `model.upos`.
pub fn tag(model: &Model, forms: &[&str]) -> Vec<u32> {
    let first = tag_with(&model.tagger, forms, None);
    tag_with(&model.tagger2, forms, Some(&first))
}

/// Tags with a bare weight table (used for jackknifing in training).
pub fn tag_with(table: &Table, forms: &[&str], first: Option<&[u32]>) -> Vec<u32> {
    let ctx = Context::new(forms);
    let mut tags = Vec::with_capacity(forms.len());
    let mut feats = Vec::with_capacity(32);
    let mut scores = vec![0i32; table.classes];
    for i in 0..forms.len() {
        let p1 = if i >= 1 { tags[i - 1] } else { u32::MAX };
        let p2 = if i >= 2 { tags[i - 2] } else { u32::MAX };
        features(&ctx, i, p1, p2, first, &mut feats);
        scores.iter_mut().for_each(|s| *s = 0);
        for &f in &feats {
            table.add_scores(f, &mut scores);
        }
        tags.push(argmax(&scores) as u32);
    }
    tags
}

/// Index of the highest score, the first on ties (deterministic).
pub fn argmax<T: PartialOrd + Copy>(s: &[T]) -> usize {
    let mut best = 0;
    for i in 1..s.len() {
        if s[i] > s[best] {
            best = i;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn affixes_respect_char_boundaries() {
        assert_eq!(suffix("café", 2), "fé");
        assert_eq!(suffix("a", 3), "a");
        assert_eq!(prefix("éa", 1), "é");
        assert_eq!(prefix("a", 3), "a");
    }
}
