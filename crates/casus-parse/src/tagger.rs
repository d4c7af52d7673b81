//! Greedy left-to-right UPOS tagger: features of the word, its affixes and
//! shape, neighbouring words and the two previous predicted tags. It runs
//! twice: the second pass also sees the first pass's tags of the next two
//! words, which a left-to-right pass alone cannot know.

use crate::features::{f0, f1, f2, shape_hash, str_hash};
use crate::model::Table;
use crate::Model;

/// One token's string hashes, computed once per sentence.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tok {
    pub low: u64,
    form: u64,
    shape: u64,
    /// Suffixes of 1..=4 characters of the lower-case form.
    suf: [u64; 4],
    /// Prefixes of 1..=3 characters.
    pre: [u64; 3],
}

const BOS: u64 = 0x0b05_0b05;
const EOS: u64 = 0x0e05_0e05;
const NO_TAG: u32 = u32::MAX;

impl Tok {
    fn edge(h: u64) -> Tok {
        Tok {
            low: h,
            form: h,
            shape: h,
            suf: [h; 4],
            pre: [h; 3],
        }
    }
}

/// Fills `toks` with the hashes of `forms`; `lower` is scratch space.
pub fn hash_tokens(forms: &[&str], toks: &mut Vec<Tok>, lower: &mut String) {
    toks.clear();
    for f in forms {
        lower.clear();
        if f.is_ascii() {
            lower.extend(f.bytes().map(|b| b.to_ascii_lowercase() as char));
        } else {
            lower.extend(f.chars().flat_map(char::to_lowercase));
        }
        let w = lower.as_str();
        let mut t = Tok {
            low: str_hash(w),
            form: str_hash(f),
            shape: shape_hash(f),
            ..Tok::default()
        };
        for n in 1..=4 {
            t.suf[n - 1] = str_hash(suffix(w, n));
        }
        for n in 1..=3 {
            t.pre[n - 1] = str_hash(prefix(w, n));
        }
        toks.push(t);
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
    toks: &[Tok],
    i: usize,
    p1: u32,
    p2: u32,
    first: Option<&[u32]>,
    out: &mut Vec<u64>,
) {
    out.clear();
    static_features(toks, i, first, out);
    tag_features(toks, i, p1, p2, first, out);
}

/// The features that do not depend on this pass's own predictions, so
/// that they can be looked up for the whole sentence at once.
pub fn static_features(toks: &[Tok], i: usize, first: Option<&[u32]>, out: &mut Vec<u64>) {
    let at = |k: isize| -> Tok {
        if k < 0 {
            Tok::edge(BOS)
        } else {
            toks.get(k as usize).copied().unwrap_or(Tok::edge(EOS))
        }
    };
    let ii = i as isize;
    let me = toks[i];
    let (m1, m2, n1, n2) = (at(ii - 1), at(ii - 2), at(ii + 1), at(ii + 2));
    let w = me.low;
    out.push(f0(0));
    out.push(f1(1, w));
    out.push(f1(2, me.form));
    for n in 0..4 {
        out.push(f1(4 + n as u32, me.suf[n]));
    }
    for n in 0..3 {
        out.push(f1(9 + n as u32, me.pre[n]));
    }
    out.push(f1(12, me.shape));
    out.push(f1(13, m1.low));
    out.push(f1(14, n1.low));
    out.push(f1(15, m2.low));
    out.push(f1(16, n2.low));
    out.push(f1(17, m1.suf[2]));
    out.push(f1(18, n1.suf[2]));
    out.push(f2(19, m1.low, w));
    out.push(f2(20, w, n1.low));
    out.push(f2(27, m1.low, n1.low));
    out.push(f2(28, me.suf[1], n1.low));
    out.push(f2(29, me.shape, m1.low));
    out.push(f1(30, n2.suf[2]));
    out.push(f2(31, n1.low, n2.low));
    if i == 0 {
        out.push(f1(26, me.shape));
    }
    if let Some(f) = first {
        let tag = |k: usize| f.get(k).copied().unwrap_or(NO_TAG) as u64;
        let (r1, r2) = (tag(i + 1), tag(i + 2));
        out.push(f1(40, r1));
        out.push(f2(41, r1, r2));
        out.push(f2(42, w, r1));
        out.push(f2(44, me.suf[2], r1));
        out.push(f1(45, tag(i)));
    }
}

/// The features of the previous tags this pass predicted.
fn tag_features(
    toks: &[Tok],
    i: usize,
    p1: u32,
    p2: u32,
    first: Option<&[u32]>,
    out: &mut Vec<u64>,
) {
    let me = toks[i];
    let n1 = toks.get(i + 1).map_or(EOS, |t| t.low);
    let (p1, p2) = (p1 as u64, p2 as u64);
    out.push(f1(21, p1));
    out.push(f2(22, p1, p2));
    out.push(f2(23, me.low, p1));
    out.push(f2(24, me.suf[2], p1));
    out.push(f2(25, n1, p1));
    if let Some(f) = first {
        let r1 = f.get(i + 1).copied().unwrap_or(NO_TAG) as u64;
        out.push(f2(43, p1, r1));
    }
}

/// Reusable buffers for tagging (no allocation per sentence once grown).
#[derive(Debug, Default)]
pub struct Scratch {
    pub toks: Vec<Tok>,
    lower: String,
    feats: Vec<u64>,
    owners: Vec<u32>,
    scores: Vec<i32>,
    first: Vec<u32>,
}

/// Tags a sentence; returns UPOS ids into `model.upos`.
pub fn tag(model: &Model, forms: &[&str]) -> Vec<u32> {
    let mut sc = Scratch::default();
    let mut out = Vec::new();
    tag_into(model, forms, &mut sc, &mut out);
    out
}

/// Tags a sentence into `tags`; leaves the tokens' hashes in `sc.toks`.
pub fn tag_into(model: &Model, forms: &[&str], sc: &mut Scratch, tags: &mut Vec<u32>) {
    hash_tokens(forms, &mut sc.toks, &mut sc.lower);
    let mut first = std::mem::take(&mut sc.first);
    let toks = std::mem::take(&mut sc.toks);
    run(&model.tagger, &toks, None, &mut first, sc);
    run(&model.tagger2, &toks, Some(&first), tags, sc);
    sc.first = first;
    sc.toks = toks;
}

/// Tags with a bare weight table (used for jackknifing in training).
pub fn tag_with(table: &Table, forms: &[&str], first: Option<&[u32]>) -> Vec<u32> {
    let mut sc = Scratch::default();
    hash_tokens(forms, &mut sc.toks, &mut String::new());
    let mut tags = Vec::new();
    let toks = std::mem::take(&mut sc.toks);
    run(table, &toks, first, &mut tags, &mut sc);
    tags
}

/// One greedy pass. The features that do not depend on the pass's own
/// tags are looked up for all tokens in one batch first (more table reads
/// in flight at once), then each token adds its previous-tag features.
fn run(table: &Table, toks: &[Tok], first: Option<&[u32]>, tags: &mut Vec<u32>, sc: &mut Scratch) {
    let c = table.classes;
    tags.clear();
    sc.feats.clear();
    sc.owners.clear();
    for i in 0..toks.len() {
        static_features(toks, i, first, &mut sc.feats);
        // Every feature of token i scores into token i's row.
        sc.owners.resize(sc.feats.len(), (i * c) as u32);
    }
    sc.scores.clear();
    sc.scores.resize(toks.len() * c, 0);
    table.add_each(&sc.feats, &sc.owners, &mut sc.scores);
    let mut own = Vec::new();
    std::mem::swap(&mut own, &mut sc.feats);
    for i in 0..toks.len() {
        let p1 = if i >= 1 { tags[i - 1] } else { NO_TAG };
        let p2 = if i >= 2 { tags[i - 2] } else { NO_TAG };
        own.clear();
        tag_features(toks, i, p1, p2, first, &mut own);
        let row = &mut sc.scores[i * c..(i + 1) * c];
        table.add_all(&own, row);
        tags.push(argmax(row) as u32);
    }
    sc.feats = own;
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

    #[test]
    fn tokens_hash_lower_case_once() {
        let mut toks = Vec::new();
        hash_tokens(&["Iran", "IRAN", "Éire"], &mut toks, &mut String::new());
        assert_eq!(toks[0].low, toks[1].low);
        assert_ne!(toks[0].form, toks[1].form);
        assert_ne!(toks[0].shape, toks[1].shape);
        assert_eq!(toks[2].low, str_hash("éire"));
        assert_eq!(toks[2].pre[0], str_hash("é"));
    }
}
