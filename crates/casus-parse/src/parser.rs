//! Greedy arc-eager dependency parser. A transition classifier picks
//! SHIFT / REDUCE / LEFT / RIGHT; a separate label classifier names each
//! arc (keeps the model small: labels x features would be large).
//! The output is always a tree: leftover tokens attach to the root word.
//! A model trained globally for a beam (see `train::beam_epoch`) is
//! decoded with a beam: the best-scoring transition sequences are kept
//! side by side and the best complete one wins.

use crate::features::{f0, f1, f2, f3, f4, fmix};
use crate::tagger::argmax;
use crate::Model;

pub const SHIFT: usize = 0;
pub const REDUCE: usize = 1;
pub const LEFT: usize = 2;
pub const RIGHT: usize = 3;
const NONE: u32 = u32::MAX;

/// A parser configuration over tokens 1..=n, with 0 the artificial root.
#[derive(Default, Clone)]
pub struct State {
    pub n: usize,
    pub stack: Vec<usize>,
    pub b: usize,
    pub heads: Vec<Option<usize>>,
    pub labels: Vec<u32>,
    lmost: Vec<usize>,
    rmost: Vec<usize>,
    lmost2: Vec<usize>,
    rmost2: Vec<usize>,
    lval: Vec<u32>,
    rval: Vec<u32>,
    lset: Vec<u64>,
    rset: Vec<u64>,
}

impl State {
    pub fn new(n: usize) -> State {
        State {
            n,
            stack: vec![0],
            b: 1,
            heads: vec![None; n + 1],
            labels: vec![NONE; n + 1],
            lmost: vec![0; n + 1],
            rmost: vec![0; n + 1],
            lmost2: vec![0; n + 1],
            rmost2: vec![0; n + 1],
            lval: vec![0; n + 1],
            rval: vec![0; n + 1],
            lset: vec![0; n + 1],
            rset: vec![0; n + 1],
        }
    }
    /// Starts over for a sentence of `n` tokens, keeping the buffers.
    pub fn reset(&mut self, n: usize) {
        self.n = n;
        self.stack.clear();
        self.stack.push(0);
        self.b = 1;
        self.heads.clear();
        self.heads.resize(n + 1, None);
        self.labels.clear();
        self.labels.resize(n + 1, NONE);
        for v in [
            &mut self.lmost,
            &mut self.rmost,
            &mut self.lmost2,
            &mut self.rmost2,
        ] {
            v.clear();
            v.resize(n + 1, 0);
        }
        for v in [&mut self.lval, &mut self.rval] {
            v.clear();
            v.resize(n + 1, 0);
        }
        for v in [&mut self.lset, &mut self.rset] {
            v.clear();
            v.resize(n + 1, 0);
        }
    }
    pub fn done(&self) -> bool {
        self.b > self.n
    }
    pub fn valid(&self, t: usize) -> bool {
        let s0 = self.stack.last().copied();
        match t {
            SHIFT => self.b <= self.n,
            REDUCE => s0.is_some_and(|s| self.heads[s].is_some()),
            LEFT => s0.is_some_and(|s| s != 0 && self.heads[s].is_none()) && self.b <= self.n,
            _ => s0.is_some() && self.b <= self.n,
        }
    }
    fn arc(&mut self, h: usize, d: usize, label: u32) {
        self.heads[d] = Some(h);
        self.labels[d] = label;
        if d < h {
            if self.lmost[h] == 0 || d < self.lmost[h] {
                self.lmost2[h] = self.lmost[h];
                self.lmost[h] = d;
            } else if self.lmost2[h] == 0 || d < self.lmost2[h] {
                self.lmost2[h] = d;
            }
            self.lval[h] += 1;
            self.lset[h] |= 1u64 << (label % 64);
        } else {
            if d > self.rmost[h] {
                self.rmost2[h] = self.rmost[h];
                self.rmost[h] = d;
            } else if d > self.rmost2[h] {
                self.rmost2[h] = d;
            }
            self.rval[h] += 1;
            self.rset[h] |= 1u64 << (label % 64);
        }
    }
    pub fn apply(&mut self, t: usize, label: u32) {
        match t {
            SHIFT => {
                self.stack.push(self.b);
                self.b += 1;
            }
            REDUCE => {
                self.stack.pop();
            }
            LEFT => {
                let s = self.stack.pop().expect("valid LEFT has a stack");
                self.arc(self.b, s, label);
            }
            _ => {
                let s = *self.stack.last().expect("valid RIGHT has a stack");
                self.arc(s, self.b, label);
                self.stack.push(self.b);
                self.b += 1;
            }
        }
    }
}

/// The static arc-eager oracle for a projective gold tree (`gold[d]` is
/// the head of d, `gold[0]` unused).
pub fn oracle(st: &State, gold: &[usize]) -> usize {
    if let Some(&s) = st.stack.last() {
        if st.b <= st.n {
            if s != 0 && gold[s] == st.b && st.heads[s].is_none() {
                return LEFT;
            }
            if gold[st.b] == s {
                return RIGHT;
            }
            let below = &st.stack[..st.stack.len() - 1];
            if st.heads[s].is_some()
                && below
                    .iter()
                    .any(|&k| gold[st.b] == k || (k != 0 && gold[k] == st.b))
            {
                return REDUCE;
            }
        }
    }
    SHIFT
}

/// Whether a gold tree is projective (the static oracle needs it).
pub fn projective(gold: &[usize]) -> bool {
    for d in 1..gold.len() {
        let h = gold[d];
        let (a, z) = if h < d { (h, d) } else { (d, h) };
        for &hk in &gold[a + 1..z] {
            if hk < a || hk > z {
                return false;
            }
        }
    }
    true
}

/// Makes a gold tree projective by lifting (Nivre & Nilsson 2005): while
/// some arc spans a token its head does not dominate, the shortest such
/// arc moves up to its grandparent. Labels are left as they are.
pub fn projectivise(gold: &mut [usize]) {
    let dominates = |gold: &[usize], h: usize, mut k: usize| {
        for _ in 0..gold.len() {
            if k == h {
                return true;
            }
            if k == 0 {
                return false;
            }
            k = gold[k];
        }
        false
    };
    loop {
        let mut lift: Option<(usize, usize)> = None;
        for d in 1..gold.len() {
            let h = gold[d];
            let (a, z) = if h < d { (h, d) } else { (d, h) };
            let shorter = match lift {
                None => true,
                Some((span, _)) => z - a < span,
            };
            if shorter && (a + 1..z).any(|k| !dominates(gold, h, k)) {
                lift = Some((z - a, d));
            }
        }
        match lift {
            Some((_, d)) if gold[d] != 0 => gold[d] = gold[gold[d]],
            _ => return,
        }
    }
}

/// Per-sentence word hashes and tags with index 0 the root.
pub struct Words<'a> {
    /// Lower-case form hashes of tokens 1..=n (index 0 is token 1).
    pub lower: &'a [u64],
    pub tags: &'a [u32],
}

const W_ROOT: u64 = 0x7007;
const W_END: u64 = 0xe0d;
const W_NONE: u64 = 0x0a0e;

impl Words<'_> {
    #[inline]
    fn w(&self, i: usize) -> u64 {
        if i == 0 {
            W_ROOT
        } else if i > self.lower.len() {
            W_END
        } else {
            self.lower[i - 1]
        }
    }
    #[inline]
    fn t(&self, i: usize) -> u64 {
        if i == 0 {
            1000
        } else if i > self.tags.len() {
            1001
        } else {
            self.tags[i - 1] as u64
        }
    }
}

/// Number of configuration features (every configuration has them all,
/// so that a template's feature is always at the same index).
pub const FEATURES: usize = 73;

/// Features of a configuration (Zhang & Nivre 2011, a subset).
pub fn features(st: &State, ws: &Words, out: &mut Vec<u64>) {
    out.clear();
    let none = usize::MAX;
    let s0 = st.stack.last().copied().unwrap_or(none);
    let s1 = if st.stack.len() >= 2 {
        st.stack[st.stack.len() - 2]
    } else {
        none
    };
    let n0 = if st.b <= st.n { st.b } else { none };
    let n1 = if st.b < st.n { st.b + 1 } else { none };
    let n2 = if st.b + 1 < st.n { st.b + 2 } else { none };
    let w = |i: usize| if i == none { W_NONE } else { ws.w(i) };
    let t = |i: usize| if i == none { 1002 } else { ws.t(i) };
    let lab = |i: usize| {
        if i == none {
            NONE as u64
        } else {
            st.labels[i] as u64
        }
    };
    let child = |i: usize, left: bool| {
        if i == none {
            none
        } else {
            let c = if left { st.lmost[i] } else { st.rmost[i] };
            if c == 0 {
                none
            } else {
                c
            }
        }
    };
    let s0h = if s0 != none {
        st.heads[s0].unwrap_or(none)
    } else {
        none
    };
    let (s0l, s0r, n0l) = (child(s0, true), child(s0, false), child(n0, true));
    let dist = if s0 != none && n0 != none {
        (n0 - s0).min(6) as u64
    } else {
        0
    };
    let val = |v: &[u32], i: usize| if i == none { 99 } else { v[i] as u64 };
    let (ts0, tn0, tn1, tn2) = (t(s0), t(n0), t(n1), t(n2));
    let (ws0, wn0, wn1) = (w(s0), w(n0), w(n1));
    let tt = |a: u64, b: u64| a << 16 | b;
    // 0-9
    out.push(f0(0));
    out.push(f1(1, ws0));
    out.push(f1(2, ts0));
    out.push(f2(3, ws0, ts0));
    out.push(f1(4, wn0));
    out.push(f1(5, tn0));
    out.push(f2(6, wn0, tn0));
    out.push(f1(7, wn1));
    out.push(f1(8, tn1));
    out.push(f2(9, wn1, tn1));
    // 10-19
    out.push(f1(10, tn2));
    out.push(f2(11, ws0, wn0));
    out.push(f3(12, ws0, wn0, tt(ts0, tn0)));
    out.push(f2(13, ws0, tt(ts0, tn0)));
    out.push(f2(14, wn0, tt(ts0, tn0)));
    out.push(f1(15, tt(ts0, tn0)));
    out.push(f1(16, tt(tn0, tn1)));
    out.push(f2(17, tt(ts0, tn0), tn1));
    out.push(f2(18, tt(tn0, tn1), tn2));
    out.push(f2(19, tt(t(s0h), ts0), tn0));
    // 20-29
    out.push(f2(20, tt(ts0, t(s0l)), tn0));
    out.push(f2(21, tt(ts0, t(s0r)), tn0));
    out.push(f2(22, tt(ts0, tn0), t(n0l)));
    out.push(f2(23, tt(t(s1), ts0), tn0));
    out.push(f2(24, ws0, dist));
    out.push(f2(25, wn0, dist));
    out.push(f2(26, tt(ts0, tn0), dist));
    out.push(f2(28, ws0, val(&st.rval, s0)));
    out.push(f3(29, ts0, val(&st.rval, s0), val(&st.lval, s0)));
    out.push(f2(30, tn0, val(&st.lval, n0)));
    // 30-39
    out.push(f2(31, wn0, val(&st.lval, n0)));
    out.push(f4(32, ts0, lab(s0), lab(s0l), lab(s0r)));
    out.push(f2(33, tn0, lab(n0l)));
    out.push(f2(34, w(s0h), ts0));
    out.push(f1(35, w(s0l)));
    out.push(f1(36, w(s0r)));
    out.push(f1(37, w(n0l)));
    out.push(f2(38, t(s1), ts0));
    out.push(f1(39, w(s1)));
    out.push(f3(40, lab(s0), ts0, tn0));
    // 40-49
    out.push(f3(
        41,
        (s0 != none && st.heads[s0].is_some()) as u64,
        ts0,
        tn0,
    ));
    out.push(f2(42, (s0 == 0) as u64, tn0));
    // Third-order and label-set features (Zhang & Nivre 2011).
    let s0h2 = if s0h != none && s0h != 0 {
        st.heads[s0h].unwrap_or(none)
    } else {
        none
    };
    let set = |v: &[u64], i: usize| if i == none { 0 } else { v[i] };
    let (s0ls, s0rs, n0ls) = (set(&st.lset, s0), set(&st.rset, s0), set(&st.lset, n0));
    out.push(f3(43, t(s0h2), t(s0h), ts0));
    out.push(f2(44, lab(s0h), ts0));
    out.push(f2(45, ws0, s0ls));
    out.push(f2(46, ts0, s0rs));
    out.push(f2(47, wn0, n0ls));
    out.push(f2(48, tn0, n0ls));
    out.push(f2(49, ts0, s0ls));
    out.push(f2(50, t(s0l), lab(s0l)));
    // 50-59
    out.push(f2(51, t(s0r), lab(s0r)));
    out.push(f3(52, t(n0l), lab(n0l), tn0));
    out.push(f3(53, ws0, wn0, tn1));
    out.push(f3(54, wn0, wn1, tn0));
    out.push(f2(55, ws0, tt(ts0, val(&st.lval, s0))));
    out.push(f2(56, tt(ts0, tn0), tt(t(s0l), t(s0r))));
    out.push(f2(57, w(s1), tt(ts0, t(s1))));
    out.push(f2(58, tt(t(n0l), tn0), tn1));
    // Second-outermost children, more word pairs and distances.
    let child2 = |i: usize, left: bool| {
        if i == none {
            none
        } else {
            let c = if left { st.lmost2[i] } else { st.rmost2[i] };
            if c == 0 {
                none
            } else {
                c
            }
        }
    };
    let (s0l2, s0r2, n0l2) = (child2(s0, true), child2(s0, false), child2(n0, true));
    let s2 = if st.stack.len() >= 3 {
        st.stack[st.stack.len() - 3]
    } else {
        none
    };
    out.push(f1(59, w(n2)));
    out.push(f3(60, ws0, wn0, ts0));
    // 60-71
    out.push(f3(61, ws0, wn0, tn0 | 1 << 20));
    out.push(f2(62, ts0, dist));
    out.push(f2(63, tn0, dist));
    out.push(f3(64, ws0, wn0, dist));
    out.push(f3(65, ts0, t(s0l), t(s0l2)));
    out.push(f3(66, ts0, t(s0r), t(s0r2)));
    out.push(f3(67, tn0, t(n0l), t(n0l2)));
    out.push(f2(68, t(s0l2), lab(s0l2)));
    out.push(f2(69, t(s0r2), lab(s0r2)));
    out.push(f2(70, t(n0l2), lab(n0l2)));
    out.push(f1(71, w(s0h)));
    out.push(f3(72, t(s2), t(s1), ts0));
    out.push(f2(73, w(s1), tt(t(s1), tn0)));
    debug_assert_eq!(out.len(), FEATURES);
}

/// Label features: the configuration features tagged with the direction.
/// (A subset of half the templates cost 0.5 point of LAS on EWT dev.)
pub fn label_features(feats: &[u64], dir: usize, out: &mut Vec<u64>) {
    out.clear();
    let d = dir as u64 + 7;
    out.extend(feats.iter().map(|&f| fmix(f ^ d)));
}

/// Makes any head assignment a tree with exactly one root word: headless
/// tokens attach to the root word; further root children become
/// `parataxis` of the first.
pub fn finish(heads: &mut [Option<usize>], labels: &mut [u32], root: u32, para: u32) {
    let n = heads.len() - 1;
    let first = (1..=n)
        .find(|&i| heads[i] == Some(0))
        .or_else(|| (1..=n).find(|&i| heads[i].is_none()));
    let Some(r) = first else { return };
    heads[r] = Some(0);
    labels[r] = root;
    for i in 1..=n {
        if i == r {
            continue;
        }
        match heads[i] {
            None | Some(0) => {
                heads[i] = Some(r);
                if labels[i] == NONE || labels[i] == root {
                    labels[i] = para;
                }
            }
            _ => {
                if labels[i] == root {
                    labels[i] = para;
                }
            }
        }
    }
}

/// Reusable buffers for parsing (no allocation per sentence once grown).
#[derive(Default)]
pub struct Scratch {
    st: State,
    feats: Vec<u64>,
    lfeats: Vec<u64>,
    lscores: Vec<i32>,
    beam: Vec<(State, i64)>,
    next: Vec<(State, i64)>,
    cands: Vec<Candidate>,
    item_feats: Vec<u64>,
}

/// Marks a beam candidate that keeps a finished configuration as it is.
pub const DONE: usize = 4;

/// A beam candidate: the parent item, its transition and total score.
#[derive(Clone, Copy, Debug)]
pub struct Candidate {
    pub score: i64,
    pub item: u32,
    pub t: u8,
}

/// Orders candidates best first; ties go to the earlier item and the
/// lower transition, so decoding is deterministic.
pub fn rank(a: &Candidate, b: &Candidate) -> std::cmp::Ordering {
    b.score
        .cmp(&a.score)
        .then(a.item.cmp(&b.item))
        .then(a.t.cmp(&b.t))
}

/// Parses a tagged sentence; returns heads (0 = root) and label ids.
pub fn parse(model: &Model, forms: &[&str], tags: &[u32]) -> (Vec<usize>, Vec<u32>) {
    let mut toks = Vec::new();
    crate::tagger::hash_tokens(forms, &mut toks, &mut String::new());
    let lower: Vec<u64> = toks.iter().map(|t| t.low).collect();
    let mut sc = Scratch::default();
    let (mut heads, mut labels) = (Vec::new(), Vec::new());
    parse_into(model, &lower, tags, &mut sc, &mut heads, &mut labels);
    (heads.iter().map(|&h| h as usize).collect(), labels)
}

/// Parses a sentence given its words' lower-case hashes and tags into
/// `heads` (0 = root) and `labels`.
pub fn parse_into(
    model: &Model,
    lower: &[u64],
    tags: &[u32],
    sc: &mut Scratch,
    heads: &mut Vec<u32>,
    labels: &mut Vec<u32>,
) {
    let n = lower.len();
    heads.clear();
    labels.clear();
    if n == 0 {
        return;
    }
    let ws = Words { lower, tags };
    sc.lscores.resize(model.labels.len(), 0);
    if model.beam > 1 {
        beam_parse(model, &ws, sc);
    } else {
        greedy_parse(model, &ws, sc);
    }
    let st = &mut sc.st;
    let (root, para) = (model.root, model.para);
    finish(&mut st.heads, &mut st.labels, root, para);
    heads.extend(st.heads[1..].iter().map(|h| h.unwrap_or(0) as u32));
    labels.extend(
        st.labels[1..]
            .iter()
            .map(|&l| if l == NONE { para } else { l }),
    );
}

/// The label the labeller gives an arc made by `t` from features `feats`.
fn best_label(model: &Model, feats: &[u64], t: usize, sc_l: &mut Vec<u64>, ls: &mut [i32]) -> u32 {
    label_features(feats, t, sc_l);
    ls.iter_mut().for_each(|s| *s = 0);
    model.labeller.add_all(sc_l, ls);
    argmax(ls) as u32
}

/// Beam decoding into `sc.st`: each step extends every unfinished item by
/// each valid transition, keeps the `model.beam` best totals, and labels
/// the arcs of the kept ones.
fn beam_parse(model: &Model, ws: &Words, sc: &mut Scratch) {
    let n = ws.lower.len();
    let width = model.beam;
    if sc.beam.is_empty() {
        sc.beam.push((State::default(), 0));
    }
    sc.beam.truncate(1);
    sc.beam[0].0.reset(n);
    sc.beam[0].1 = 0;
    loop {
        if sc.beam.iter().all(|(st, _)| st.done()) {
            break;
        }
        sc.cands.clear();
        sc.item_feats.clear();
        for (i, (st, total)) in sc.beam.iter().enumerate() {
            if st.done() {
                sc.cands.push(Candidate {
                    score: *total,
                    item: i as u32,
                    t: DONE as u8,
                });
                sc.item_feats.extend(std::iter::repeat(0).take(FEATURES));
                continue;
            }
            features(st, ws, &mut sc.feats);
            sc.item_feats.extend_from_slice(&sc.feats);
            let mut scores = [0i32; 4];
            model.transitions.add_all(&sc.feats, &mut scores);
            for (t, &s) in scores.iter().enumerate() {
                if st.valid(t) {
                    sc.cands.push(Candidate {
                        score: total + s as i64,
                        item: i as u32,
                        t: t as u8,
                    });
                }
            }
        }
        sc.cands.sort_unstable_by(rank);
        sc.cands.truncate(width);
        while sc.next.len() < sc.cands.len() {
            sc.next.push((State::default(), 0));
        }
        for (k, c) in sc.cands.iter().enumerate() {
            let (parent, _) = &sc.beam[c.item as usize];
            let (st, total) = &mut sc.next[k];
            st.clone_from(parent);
            *total = c.score;
            let t = c.t as usize;
            if t == DONE {
                continue;
            }
            let mut label = NONE;
            if t == LEFT || t == RIGHT {
                let f = &sc.item_feats[c.item as usize * FEATURES..][..FEATURES];
                label = best_label(model, f, t, &mut sc.lfeats, &mut sc.lscores);
            }
            st.apply(t, label);
        }
        let kept = sc.cands.len();
        std::mem::swap(&mut sc.beam, &mut sc.next);
        sc.beam.truncate(kept);
    }
    // Items are kept best first.
    sc.st.clone_from(&sc.beam[0].0);
}

/// Greedy decoding into `sc.st`.
fn greedy_parse(model: &Model, ws: &Words, sc: &mut Scratch) {
    let n = ws.lower.len();
    let st = &mut sc.st;
    st.reset(n);
    while !st.done() {
        features(st, ws, &mut sc.feats);
        let mut scores = [0i32; 4];
        model.transitions.add_all(&sc.feats, &mut scores);
        let mut best = SHIFT;
        let mut best_score = i32::MIN;
        for (t, &s) in scores.iter().enumerate() {
            if st.valid(t) && s > best_score {
                best = t;
                best_score = s;
            }
        }
        let mut label = NONE;
        if best == LEFT || best == RIGHT {
            label = best_label(model, &sc.feats, best, &mut sc.lfeats, &mut sc.lscores);
        }
        st.apply(best, label);
    }
}

/// The dynamic arc-eager oracle (Goldberg & Nivre 2012): how many gold
/// arcs a valid transition makes unreachable, for a projective gold tree.
pub fn cost(st: &State, t: usize, gold: &[usize]) -> usize {
    let n = st.n;
    let b = st.b;
    let s = st.stack.last().copied();
    let buffer = || b..=n;
    let open = |k: usize| k != 0 && st.heads[k].is_none();
    match t {
        LEFT => {
            let s = s.expect("valid LEFT");
            let head_lost = (gold[s] != b && (b + 1..=n).contains(&gold[s])) as usize;
            head_lost + buffer().filter(|&k| gold[k] == s).count()
        }
        RIGHT => {
            let s = s.expect("valid RIGHT");
            let head_lost = (gold[b] != s
                && ((b + 1..=n).contains(&gold[b]) || st.stack.contains(&gold[b])))
                as usize;
            head_lost
                + st.stack
                    .iter()
                    .filter(|&&k| open(k) && gold[k] == b)
                    .count()
        }
        REDUCE => {
            let s = s.expect("valid REDUCE");
            buffer().filter(|&k| gold[k] == s).count()
        }
        _ => st
            .stack
            .iter()
            .filter(|&&k| gold[b] == k || (open(k) && gold[k] == b))
            .count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs the oracle on a gold tree and returns the heads it builds.
    fn replay(gold: &[usize]) -> Vec<usize> {
        let mut st = State::new(gold.len() - 1);
        while !st.done() {
            let t = oracle(&st, gold);
            assert!(st.valid(t), "oracle chose invalid {t}");
            st.apply(t, 0);
        }
        st.heads[1..].iter().map(|h| h.unwrap_or(0)).collect()
    }

    #[test]
    fn oracle_rebuilds_projective_trees() {
        // "troops attacked the city on Monday": attacked root.
        let gold = [0, 2, 0, 4, 2, 6, 2];
        assert_eq!(replay(&gold), gold[1..].to_vec());
        // Right-branching chain and a left-branching chain.
        let chain = [0, 0, 1, 2, 3];
        assert_eq!(replay(&chain), chain[1..].to_vec());
        let left = [0, 2, 3, 4, 0];
        assert_eq!(replay(&left), left[1..].to_vec());
    }

    /// Following zero-cost transitions from any reachable state must
    /// still rebuild the gold tree, and the static oracle's choice costs 0.
    #[test]
    fn dynamic_oracle_zero_cost_paths_are_gold() {
        for gold in [
            vec![0, 2, 0, 4, 2, 6, 2],
            vec![0, 0, 1, 2, 3],
            vec![0, 2, 3, 4, 0],
            vec![0, 3, 3, 0, 3, 4],
        ] {
            let mut st = State::new(gold.len() - 1);
            while !st.done() {
                assert_eq!(cost(&st, oracle(&st, &gold), &gold), 0);
                // Take the last zero-cost move to explore another path.
                let t = (0..4)
                    .rev()
                    .find(|&t| st.valid(t) && cost(&st, t, &gold) == 0)
                    .unwrap();
                st.apply(t, 0);
            }
            let heads: Vec<usize> = st.heads[1..].iter().map(|h| h.unwrap_or(0)).collect();
            assert_eq!(heads, gold[1..].to_vec());
        }
        // Shifting past a word whose head is on the stack loses that arc.
        let gold = [0, 0, 1];
        let mut st = State::new(2);
        st.apply(RIGHT, 0);
        assert_eq!(cost(&st, SHIFT, &gold), 1);
        assert_eq!(cost(&st, RIGHT, &gold), 0);
    }

    #[test]
    fn projectivity() {
        assert!(projective(&[0, 2, 0, 4, 2]));
        // 1->3 crosses 2->4.
        assert!(!projective(&[0, 3, 4, 0, 3]));
    }

    #[test]
    fn lifting_makes_trees_projective() {
        // 2 -> 4 spans 3, whose head 1 is outside: lift 4 to 2's head, 3.
        let mut gold = vec![0, 3, 4, 0, 3];
        projectivise(&mut gold);
        assert!(projective(&gold));
        assert_eq!(gold, vec![0, 3, 3, 0, 3]);
        // Projective trees are untouched.
        let mut p = vec![0, 2, 0, 4, 2];
        projectivise(&mut p);
        assert_eq!(p, vec![0, 2, 0, 4, 2]);
    }

    #[test]
    fn finish_makes_one_root() {
        let mut heads = vec![None, None, Some(0), Some(0), Some(2)];
        let mut labels = vec![NONE, NONE, 5, 5, 1];
        finish(&mut heads, &mut labels, 5, 9);
        assert_eq!(heads, vec![None, Some(2), Some(0), Some(2), Some(2)]);
        assert_eq!(labels[2], 5);
        assert_eq!(labels[3], 9);
        assert_eq!(labels[1], 9);
    }

    #[test]
    fn invalid_moves_rejected() {
        let st = State::new(2);
        assert!(!st.valid(LEFT), "root can't be a dependent");
        assert!(!st.valid(REDUCE), "root has no head");
        assert!(st.valid(SHIFT) && st.valid(RIGHT));
    }
}
