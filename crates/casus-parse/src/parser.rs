//! Greedy arc-eager dependency parser. A transition classifier picks
//! SHIFT / REDUCE / LEFT / RIGHT; a separate label classifier names each
//! arc (keeps the model small: labels x features would be large).
//! The output is always a tree: leftover tokens attach to the root word.

use crate::features::{hash, hash_ints, mix};
use crate::tagger::argmax;
use crate::Model;

pub const SHIFT: usize = 0;
pub const REDUCE: usize = 1;
pub const LEFT: usize = 2;
pub const RIGHT: usize = 3;
const NONE: u32 = u32::MAX;

/// A parser configuration over tokens 1..=n, with 0 the artificial root.
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

/// Per-sentence words and tags with index 0 the root.
pub struct Words<'a> {
    pub lower: Vec<String>,
    pub tags: &'a [u32],
}

impl Words<'_> {
    fn w(&self, i: usize) -> &str {
        if i == 0 || i > self.lower.len() {
            "<root>"
        } else {
            &self.lower[i - 1]
        }
    }
    fn t(&self, i: usize) -> u32 {
        if i == 0 {
            1000
        } else if i > self.tags.len() {
            1001
        } else {
            self.tags[i - 1]
        }
    }
}

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
    let w = |i: usize| if i == none { "<none>" } else { ws.w(i) };
    let t = |i: usize| if i == none { 1002 } else { ws.t(i) };
    let lab = |i: usize| if i == none { NONE } else { st.labels[i] };
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
        (n0 - s0).min(6) as u32
    } else {
        0
    };
    let (ts0, tn0, tn1) = (t(s0), t(n0), t(n1));
    out.push(hash(0, &[]));
    out.push(hash(1, &[w(s0)]));
    out.push(hash_ints(2, &[ts0]));
    out.push(mix(hash(3, &[w(s0)]), ts0));
    out.push(hash(4, &[w(n0)]));
    out.push(hash_ints(5, &[tn0]));
    out.push(mix(hash(6, &[w(n0)]), tn0));
    out.push(hash(7, &[w(n1)]));
    out.push(hash_ints(8, &[tn1]));
    out.push(mix(hash(9, &[w(n1)]), tn1));
    out.push(hash_ints(10, &[t(n2)]));
    out.push(hash(11, &[w(s0), w(n0)]));
    out.push(mix(mix(hash(12, &[w(s0), w(n0)]), ts0), tn0));
    out.push(mix(hash(13, &[w(s0)]), ts0 << 16 | tn0));
    out.push(mix(hash(14, &[w(n0)]), ts0 << 16 | tn0));
    out.push(hash_ints(15, &[ts0, tn0]));
    out.push(hash_ints(16, &[tn0, tn1]));
    out.push(hash_ints(17, &[ts0, tn0, tn1]));
    out.push(hash_ints(18, &[tn0, tn1, t(n2)]));
    out.push(hash_ints(19, &[t(s0h), ts0, tn0]));
    out.push(hash_ints(20, &[ts0, t(s0l), tn0]));
    out.push(hash_ints(21, &[ts0, t(s0r), tn0]));
    out.push(hash_ints(22, &[ts0, tn0, t(n0l)]));
    out.push(hash_ints(23, &[t(s1), ts0, tn0]));
    out.push(mix(hash(24, &[w(s0)]), dist));
    out.push(mix(hash(25, &[w(n0)]), dist));
    out.push(hash_ints(26, &[ts0, tn0, dist]));
    out.push(hash_ints(27, &[ts0, tn0, dist, 1]));
    if s0 != none {
        out.push(mix(hash(28, &[w(s0)]), st.rval[s0]));
        out.push(hash_ints(29, &[ts0, st.rval[s0], st.lval[s0]]));
    }
    if n0 != none {
        out.push(hash_ints(30, &[tn0, st.lval[n0]]));
        out.push(mix(hash(31, &[w(n0)]), st.lval[n0]));
    }
    out.push(hash_ints(32, &[ts0, lab(s0), lab(s0l), lab(s0r)]));
    out.push(hash_ints(33, &[tn0, lab(n0l)]));
    out.push(mix(hash(34, &[w(s0h)]), ts0));
    out.push(hash(35, &[w(s0l)]));
    out.push(hash(36, &[w(s0r)]));
    out.push(hash(37, &[w(n0l)]));
    out.push(hash_ints(38, &[t(s1), ts0]));
    out.push(hash(39, &[w(s1)]));
    out.push(hash_ints(40, &[lab(s0), ts0, tn0]));
    out.push(hash_ints(
        41,
        &[(s0 != none && st.heads[s0].is_some()) as u32, ts0, tn0],
    ));
    out.push(hash_ints(42, &[(s0 == 0) as u32, tn0]));
    // Third-order and label-set features (Zhang & Nivre 2011).
    let s0h2 = if s0h != none && s0h != 0 {
        st.heads[s0h].unwrap_or(none)
    } else {
        none
    };
    let set = |v: &[u64], i: usize| if i == none { 0 } else { v[i] };
    let (s0ls, s0rs, n0ls) = (set(&st.lset, s0), set(&st.rset, s0), set(&st.lset, n0));
    out.push(hash_ints(43, &[t(s0h2), t(s0h), ts0]));
    out.push(hash_ints(44, &[lab(s0h), ts0]));
    out.push(mix(
        mix(hash(45, &[w(s0)]), s0ls as u32),
        (s0ls >> 32) as u32,
    ));
    out.push(mix(
        mix(hash_ints(46, &[ts0]), s0rs as u32),
        (s0rs >> 32) as u32,
    ));
    out.push(mix(
        mix(hash(47, &[w(n0)]), n0ls as u32),
        (n0ls >> 32) as u32,
    ));
    out.push(mix(
        mix(hash_ints(48, &[tn0]), n0ls as u32),
        (n0ls >> 32) as u32,
    ));
    out.push(mix(
        mix(hash_ints(49, &[ts0]), s0ls as u32),
        (s0ls >> 32) as u32,
    ));
    out.push(hash_ints(50, &[t(s0l), lab(s0l)]));
    out.push(hash_ints(51, &[t(s0r), lab(s0r)]));
    out.push(hash_ints(52, &[t(n0l), lab(n0l), tn0]));
    out.push(mix(hash(53, &[w(s0), w(n0)]), tn1));
    out.push(mix(hash(54, &[w(n0), w(n1)]), tn0));
    out.push(mix(
        hash(55, &[w(s0)]),
        ts0 << 16 | st.lval.get(s0).copied().unwrap_or(0),
    ));
    out.push(hash_ints(56, &[ts0, tn0, t(s0l), t(s0r)]));
    out.push(mix(hash(57, &[w(s1)]), ts0 << 16 | t(s1)));
    out.push(hash_ints(58, &[t(n0l), tn0, tn1]));
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
    out.push(hash(59, &[w(n2)]));
    out.push(mix(hash(60, &[w(s0), w(n0)]), ts0));
    out.push(mix(hash(61, &[w(s0), w(n0)]), tn0 | 1 << 20));
    out.push(hash_ints(62, &[ts0, dist]));
    out.push(hash_ints(63, &[tn0, dist]));
    out.push(mix(hash(64, &[w(s0), w(n0)]), dist | 2 << 20));
    out.push(hash_ints(65, &[ts0, t(s0l), t(s0l2)]));
    out.push(hash_ints(66, &[ts0, t(s0r), t(s0r2)]));
    out.push(hash_ints(67, &[tn0, t(n0l), t(n0l2)]));
    out.push(hash_ints(68, &[t(s0l2), lab(s0l2)]));
    out.push(hash_ints(69, &[t(s0r2), lab(s0r2)]));
    out.push(hash_ints(70, &[t(n0l2), lab(n0l2)]));
    out.push(hash(71, &[w(s0h)]));
    out.push(hash_ints(72, &[t(s2), t(s1), ts0]));
    out.push(mix(hash(73, &[w(s1)]), t(s1) << 16 | tn0));
}

/// Label features: the configuration features tagged with the direction.
pub fn label_features(feats: &[u64], dir: usize, out: &mut Vec<u64>) {
    out.clear();
    out.extend(feats.iter().map(|&f| mix(f, dir as u32 + 7)));
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

/// Parses a tagged sentence; returns heads (0 = root) and label ids.
pub fn parse(model: &Model, forms: &[&str], tags: &[u32]) -> (Vec<usize>, Vec<u32>) {
    let n = forms.len();
    if n == 0 {
        return (Vec::new(), Vec::new());
    }
    let ws = Words {
        lower: forms.iter().map(|f| f.to_lowercase()).collect(),
        tags,
    };
    let mut st = State::new(n);
    let mut feats = Vec::with_capacity(64);
    let mut lfeats = Vec::with_capacity(64);
    let mut lscores = vec![0i32; model.labels.len()];
    while !st.done() {
        features(&st, &ws, &mut feats);
        let mut scores = [0i32; 4];
        for &f in &feats {
            model.transitions.add_scores(f, &mut scores);
        }
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
            label_features(&feats, best, &mut lfeats);
            lscores.iter_mut().for_each(|s| *s = 0);
            for &f in &lfeats {
                model.labeller.add_scores(f, &mut lscores);
            }
            label = argmax(&lscores) as u32;
        }
        st.apply(best, label);
    }
    let root = label_id(model, "root");
    let para = label_id(model, "parataxis");
    finish(&mut st.heads, &mut st.labels, root, para);
    let heads = st.heads[1..].iter().map(|h| h.unwrap_or(0)).collect();
    let labels = st.labels[1..]
        .iter()
        .map(|&l| if l == NONE { para } else { l })
        .collect();
    (heads, labels)
}

fn label_id(model: &Model, name: &str) -> u32 {
    model.labels.iter().position(|l| l == name).unwrap_or(0) as u32
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
