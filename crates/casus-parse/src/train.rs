//! Training: averaged perceptrons for the tagger, the transition
//! classifier (greedy with the dynamic arc-eager oracle, or globally with
//! a beam, on projectivised sentences) and the label classifier. Deterministic: fixed-seed shuffling, no hash maps.

use crate::model::{Model, Table};
use crate::parser::{self, State, Words, LEFT, RIGHT};
use crate::tagger::{self, argmax, Tok};
use crate::GoldSentence;

/// An averaged perceptron table being trained.
pub struct Averaged {
    bits: u32,
    classes: usize,
    w: Vec<f32>,
    total: Vec<f64>,
    stamp: Vec<u32>,
    pub time: u32,
}

impl Averaged {
    pub fn new(bits: u32, classes: usize) -> Averaged {
        let n = (1usize << bits) * classes;
        Averaged {
            bits,
            classes,
            w: vec![0.0; n],
            total: vec![0.0; n],
            stamp: vec![0; n],
            time: 0,
        }
    }
    fn row(&self, f: u64) -> usize {
        (f & ((1u64 << self.bits) - 1)) as usize * self.classes
    }
    pub fn scores(&self, feats: &[u64], out: &mut [f32]) {
        out.iter_mut().for_each(|s| *s = 0.0);
        for &f in feats {
            let r = self.row(f);
            for (s, w) in out.iter_mut().zip(&self.w[r..r + self.classes]) {
                *s += w;
            }
        }
    }
    pub fn update(&mut self, feats: &[u64], good: usize, bad: usize) {
        for &f in feats {
            let r = self.row(f);
            for (c, d) in [(good, 1.0f32), (bad, -1.0)] {
                let i = r + c;
                self.total[i] += (self.time - self.stamp[i]) as f64 * self.w[i] as f64;
                self.stamp[i] = self.time;
                self.w[i] += d;
            }
        }
    }
    /// Adds `delta` to class `class` of every feature (global training).
    pub fn add(&mut self, feats: &[u64], class: usize, delta: f32) {
        for &f in feats {
            let i = self.row(f) + class;
            self.total[i] += (self.time - self.stamp[i]) as f64 * self.w[i] as f64;
            self.stamp[i] = self.time;
            self.w[i] += delta;
        }
    }
    /// Averaged weights quantised to i16 (the scale does not change argmax),
    /// keeping the buckets with non-zero weights and, when the table would
    /// exceed `max_bytes`, those with the largest total weight (ties by
    /// bucket, so the choice is deterministic).
    pub fn finish(&self, max_bytes: usize) -> Table {
        let avg: Vec<f64> = (0..self.w.len())
            .map(|i| {
                let t = self.total[i] + (self.time - self.stamp[i]) as f64 * self.w[i] as f64;
                t / self.time.max(1) as f64
            })
            .collect();
        let max = avg.iter().fold(0.0f64, |m, &x| m.max(x.abs())).max(1e-9);
        let scale = 32000.0 / max;
        let c = self.classes;
        assert!(c <= 255, "tables hold at most 255 classes");
        let mut rows: Vec<Row> = avg
            .chunks_exact(c)
            .enumerate()
            .filter_map(|(b, r)| {
                let e: Vec<(u8, i16)> = r
                    .iter()
                    .enumerate()
                    .map(|(k, &x)| (k as u8, (x * scale).round() as i16))
                    .filter(|&(_, w)| w != 0)
                    .collect();
                let mass: u64 = e.iter().map(|&(_, w)| w.unsigned_abs() as u64).sum();
                (mass > 0).then_some((mass, b as u32, e))
            })
            .collect();
        let size = |r: &Row| Table::row_cost(c, r.2.len());
        if rows.iter().map(size).sum::<usize>() > max_bytes {
            rows.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            let mut used = 0;
            let keep = rows
                .iter()
                .take_while(|r| {
                    used += size(r);
                    used <= max_bytes
                })
                .count();
            rows.truncate(keep);
            rows.sort_by_key(|r| r.1);
        }
        let rows: Vec<(u32, Vec<(u8, i16)>)> = rows.into_iter().map(|r| (r.1, r.2)).collect();
        Table::from_rows(self.bits, c, &rows)
    }
    /// Buckets with any non-zero weight (for reporting).
    pub fn used_rows(&self) -> usize {
        self.w
            .chunks_exact(self.classes)
            .zip(self.total.chunks_exact(self.classes))
            .filter(|(w, t)| w.iter().any(|&x| x != 0.0) || t.iter().any(|&x| x != 0.0))
            .count()
    }
}

/// A stored bucket being chosen: total weight, bucket, (class, weight)s.
type Row = (u64, u32, Vec<(u8, i16)>);

/// xorshift64*: a tiny seeded PRNG for shuffling.
pub struct Rng(u64);
impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Sorted, de-duplicated inventory of strings (stable ids).
pub fn inventory<'a>(items: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut v: Vec<String> = items.cloned().collect();
    v.sort();
    v.dedup();
    v
}

pub struct Settings {
    pub tag_bits: u32,
    pub trans_bits: u32,
    pub label_bits: u32,
    pub tag_bytes: usize,
    pub tag2_bytes: usize,
    pub trans_bytes: usize,
    pub label_bytes: usize,
    pub seed: u64,
}

/// Inventories and gold ids of a training set.
pub struct Data {
    pub upos: Vec<String>,
    pub labels: Vec<String>,
}

impl Data {
    pub fn new(train: &[GoldSentence]) -> Data {
        let mut labels = inventory(train.iter().flat_map(|s| s.deprels.iter()));
        for l in ["root", "parataxis"] {
            if !labels.iter().any(|x| x == l) {
                labels.push(l.to_string());
            }
        }
        labels.sort();
        Data {
            upos: inventory(train.iter().flat_map(|s| s.upos.iter())),
            labels,
        }
    }
    fn id(list: &[String], s: &str) -> u32 {
        list.binary_search_by(|x| x.as_str().cmp(s)).unwrap_or(0) as u32
    }
}

/// One tagger epoch over `order`; returns the number of errors. A second
/// pass tagger learns from `first`, jackknifed first-pass tags.
pub fn tagger_epoch(
    t: &mut Averaged,
    data: &Data,
    train: &[GoldSentence],
    toks: &[Vec<Tok>],
    order: &[usize],
    first: Option<&[Vec<u32>]>,
) -> usize {
    let mut feats = Vec::new();
    let mut scores = vec![0.0f32; data.upos.len()];
    let mut errors = 0;
    for &si in order {
        let s = &train[si];
        let mut prev: Vec<u32> = Vec::new();
        for i in 0..s.forms.len() {
            let p1 = if i >= 1 { prev[i - 1] } else { u32::MAX };
            let p2 = if i >= 2 { prev[i - 2] } else { u32::MAX };
            let f = first.map(|f| f[si].as_slice());
            tagger::features(&toks[si], i, p1, p2, f, &mut feats);
            t.time += 1;
            t.scores(&feats, &mut scores);
            let guess = argmax(&scores);
            let gold = Data::id(&data.upos, &s.upos[i]) as usize;
            if guess != gold {
                t.update(&feats, gold, guess);
                errors += 1;
            }
            prev.push(guess as u32);
        }
    }
    errors
}

/// One parser epoch (gold or given tags) over projective sentences.
/// With `update_transitions` false only the labeller learns (the
/// transitions are trained globally by [`beam_epoch`]; their greedy
/// choices still steer the exploration).
#[allow(clippy::too_many_arguments)]
pub fn parser_epoch(
    tr: &mut Averaged,
    lab: &mut Averaged,
    data: &Data,
    train: &[GoldSentence],
    lower: &[Vec<u64>],
    tags: &[Vec<u32>],
    order: &[usize],
    explore: bool,
    rng: &mut Rng,
    update_transitions: bool,
) -> usize {
    let mut feats = Vec::new();
    let mut lfeats = Vec::new();
    let mut scores = [0.0f32; 4];
    let mut lscores = vec![0.0f32; data.labels.len()];
    let mut errors = 0;
    for &si in order {
        let s = &train[si];
        let mut gold = vec![0usize];
        gold.extend(&s.heads);
        if !parser::projective(&gold) {
            parser::projectivise(&mut gold);
        }
        let ws = Words {
            lower: &lower[si],
            tags: &tags[si],
        };
        let mut st = State::new(s.forms.len());
        while !st.done() {
            parser::features(&st, &ws, &mut feats);
            if update_transitions {
                tr.time += 1;
            }
            tr.scores(&feats, &mut scores);
            let (mut best, mut bs) = (0, f32::MIN);
            let (mut good, mut gs) = (usize::MAX, f32::MIN);
            for (t, &sc) in scores.iter().enumerate() {
                if !st.valid(t) {
                    continue;
                }
                if sc > bs {
                    best = t;
                    bs = sc;
                }
                if sc > gs && parser::cost(&st, t, &gold) == 0 {
                    good = t;
                    gs = sc;
                }
            }
            if good == usize::MAX {
                good = parser::oracle(&st, &gold);
            }
            if best != good && parser::cost(&st, best, &gold) > 0 {
                if update_transitions {
                    tr.update(&feats, good, best);
                }
                errors += 1;
            }
            // Exploration: after the first epoch, follow the model's own
            // (possibly wrong) move most of the time.
            let next = if explore && rng.next_u64() % 10 != 0 {
                best
            } else {
                good
            };
            let mut label = 0;
            if next == LEFT || next == RIGHT {
                let (head, dep) = if next == LEFT {
                    (st.b, *st.stack.last().unwrap())
                } else {
                    (*st.stack.last().unwrap(), st.b)
                };
                parser::label_features(&feats, next, &mut lfeats);
                lab.scores(&lfeats, &mut lscores);
                let lg = argmax(&lscores);
                label = lg as u32;
                if gold[dep] == head {
                    let gl = Data::id(&data.labels, &s.deprels[dep - 1]);
                    lab.time += 1;
                    if lg != gl as usize {
                        lab.update(&lfeats, gl as usize, lg);
                    }
                    label = gl;
                }
            }
            st.apply(next, label);
        }
    }
    errors
}

/// The projectivised gold tree of a sentence (`gold[0]` unused) and its
/// static-oracle transition sequence with the gold label of each arc.
pub fn gold_sequence(data: &Data, s: &GoldSentence) -> (Vec<usize>, Vec<(u8, u32)>) {
    let mut gold = vec![0usize];
    gold.extend(&s.heads);
    if !parser::projective(&gold) {
        parser::projectivise(&mut gold);
    }
    let mut st = State::new(s.forms.len());
    let mut seq = Vec::new();
    while !st.done() {
        let t = parser::oracle(&st, &gold);
        let label = arc_dep(&st, t).map_or(0, |d| Data::id(&data.labels, &s.deprels[d - 1]));
        seq.push((t as u8, label));
        st.apply(t, label);
    }
    (gold, seq)
}

/// The dependent of the arc transition `t` makes in `st`, if any.
fn arc_dep(st: &State, t: usize) -> Option<usize> {
    match t {
        LEFT => st.stack.last().copied(),
        RIGHT => Some(st.b),
        _ => None,
    }
}

/// A transition and the label of the arc it makes (0 for none).
type Step = (u8, u32);

/// A violation: how far the best item outscores the gold prefix, the best
/// item's steps and the number of gold steps taken.
type Violation = (f32, Vec<Step>, usize);

/// A training beam item: configuration, total score, its transitions
/// (with labels) and whether it is still the gold sequence's prefix.
#[derive(Clone)]
struct Item {
    st: State,
    score: f32,
    hist: Vec<(u8, u32)>,
    gold: bool,
}

/// One epoch of global training of the transition classifier with a beam
/// (Zhang & Clark 2008; max-violation update, Huang et al. 2012): decode
/// each sentence with the beam, and update towards the gold prefix and
/// away from the best item at the step where the best item outscores the
/// gold prefix by most. Arcs of non-gold items take the labeller's label
/// (gold arcs the gold label, so that a gold prefix is the gold state).
/// Returns the number of sentences updated.
#[allow(clippy::too_many_arguments)]
pub fn beam_epoch(
    tr: &mut Averaged,
    lab: &Averaged,
    data: &Data,
    train: &[GoldSentence],
    lower: &[Vec<u64>],
    tags: &[Vec<u32>],
    order: &[usize],
    width: usize,
) -> usize {
    let mut feats = Vec::new();
    let mut lfeats = Vec::new();
    let mut scores = [0.0f32; 4];
    let mut lscores = vec![0.0f32; data.labels.len()];
    let mut updates = 0;
    let mut item_feats: Vec<u64> = Vec::new();
    let mut cands: Vec<(f32, u32, u8)> = Vec::new();
    for &si in order {
        let s = &train[si];
        let (gold, seq) = gold_sequence(data, s);
        let ws = Words {
            lower: &lower[si],
            tags: &tags[si],
        };
        let n = s.forms.len();
        let mut beam = vec![Item {
            st: State::new(n),
            score: 0.0,
            hist: Vec::new(),
            gold: true,
        }];
        // The gold prefix followed outside the beam, and its score.
        let mut gst = State::new(n);
        let mut gscore = 0.0f32;
        let mut gk = 0usize;
        // Largest violation so far: (amount, best item's history, gold steps).
        let mut worst: Option<Violation> = None;
        while !beam.iter().all(|it| it.st.done()) {
            cands.clear();
            item_feats.clear();
            for (i, it) in beam.iter().enumerate() {
                if it.st.done() {
                    cands.push((it.score, i as u32, parser::DONE as u8));
                    item_feats.extend(std::iter::repeat(0).take(parser::FEATURES));
                    continue;
                }
                parser::features(&it.st, &ws, &mut feats);
                item_feats.extend_from_slice(&feats);
                tr.scores(&feats, &mut scores);
                for (t, &sc) in scores.iter().enumerate() {
                    if it.st.valid(t) {
                        cands.push((it.score + sc, i as u32, t as u8));
                    }
                }
            }
            cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
            cands.truncate(width);
            // The gold prefix advances by its next transition.
            if gk < seq.len() {
                parser::features(&gst, &ws, &mut feats);
                tr.scores(&feats, &mut scores);
                let (t, l) = seq[gk];
                gscore += scores[t as usize];
                gst.apply(t as usize, l);
                gk += 1;
            }
            let mut next = Vec::with_capacity(cands.len());
            for &(score, i, t) in &cands {
                let parent = &beam[i as usize];
                let mut it = parent.clone();
                it.score = score;
                let t = t as usize;
                if t != parser::DONE {
                    let mut label = 0;
                    if let Some(d) = arc_dep(&it.st, t) {
                        let head = if t == LEFT {
                            it.st.b
                        } else {
                            *it.st.stack.last().unwrap()
                        };
                        label = if gold[d] == head {
                            Data::id(&data.labels, &s.deprels[d - 1])
                        } else {
                            let f =
                                &item_feats[i as usize * parser::FEATURES..][..parser::FEATURES];
                            parser::label_features(f, t, &mut lfeats);
                            lab.scores(&lfeats, &mut lscores);
                            argmax(&lscores) as u32
                        };
                    }
                    it.gold = parent.gold
                        && it.hist.len() < seq.len()
                        && seq[it.hist.len()] == (t as u8, label);
                    it.hist.push((t as u8, label));
                    it.st.apply(t, label);
                }
                next.push(it);
            }
            beam = next;
            let best = &beam[0];
            if !best.gold {
                let v = best.score - gscore;
                if worst.as_ref().map_or(true, |w| v > w.0) {
                    worst = Some((v, best.hist.clone(), gk));
                }
            }
        }
        tr.time += 1;
        // No update when the best complete item is the gold sequence.
        if beam[0].gold {
            continue;
        }
        let Some((_, hist, gsteps)) = worst else {
            continue;
        };
        updates += 1;
        let common = hist
            .iter()
            .zip(&seq[..gsteps])
            .take_while(|(a, b)| a == b)
            .count();
        let mut st = State::new(n);
        for &(t, l) in &seq[..common] {
            st.apply(t as usize, l);
        }
        for (path, delta) in [(&seq[common..gsteps], 1.0f32), (&hist[common..], -1.0)] {
            let mut p = st.clone();
            for &(t, l) in path {
                parser::features(&p, &ws, &mut feats);
                tr.add(&feats, t as usize, delta);
                p.apply(t as usize, l);
            }
        }
    }
    updates
}

/// Tags every training sentence with a tagger trained on the other folds,
/// so that the parser learns from tags as noisy as at run time.
pub fn jackknife(
    data: &Data,
    train: &[GoldSentence],
    toks: &[Vec<Tok>],
    bits: u32,
    epochs: usize,
    folds: usize,
    seed: u64,
) -> Vec<Vec<u32>> {
    let mut tags = vec![Vec::new(); train.len()];
    for k in 0..folds {
        let mut order: Vec<usize> = (0..train.len()).filter(|i| i % folds != k).collect();
        let mut rng = Rng::new(seed ^ (k as u64 + 1));
        let mut t = Averaged::new(bits, data.upos.len());
        for _ in 0..epochs {
            rng.shuffle(&mut order);
            tagger_epoch(&mut t, data, train, toks, &order, None);
        }
        let table = t.finish(usize::MAX);
        for i in (0..train.len()).filter(|i| i % folds == k) {
            let forms: Vec<&str> = train[i].forms.iter().map(|f| f.as_str()).collect();
            tags[i] = tagger::tag_with(&table, &forms, None);
        }
    }
    tags
}

/// Every sentence's token hashes (computed once for all epochs).
pub fn hash_sentences(train: &[GoldSentence]) -> Vec<Vec<Tok>> {
    let mut lower = String::new();
    train
        .iter()
        .map(|s| {
            let forms: Vec<&str> = s.forms.iter().map(|f| f.as_str()).collect();
            let mut toks = Vec::new();
            tagger::hash_tokens(&forms, &mut toks, &mut lower);
            toks
        })
        .collect()
}

/// Gold tag ids of every sentence.
pub fn gold_tags(data: &Data, train: &[GoldSentence]) -> Vec<Vec<u32>> {
    train
        .iter()
        .map(|s| s.upos.iter().map(|u| Data::id(&data.upos, u)).collect())
        .collect()
}

pub fn assemble(
    data: &Data,
    set: &Settings,
    tag: &Averaged,
    tag2: &Averaged,
    tr: &Averaged,
    lab: &Averaged,
) -> Model {
    Model::assemble(
        data.upos.clone(),
        data.labels.clone(),
        [
            tag.finish(set.tag_bytes),
            tag2.finish(set.tag2_bytes),
            tr.finish(set.trans_bytes),
            lab.finish(set.label_bytes),
        ],
    )
}

/// Scores of a model on gold sentences.
#[derive(Debug, Default, Clone, Copy)]
pub struct Scores {
    pub tokens: usize,
    pub upos: usize,
    pub uas: usize,
    pub las: usize,
}

impl Scores {
    pub fn pct(&self, x: usize) -> f64 {
        100.0 * x as f64 / self.tokens.max(1) as f64
    }
}

fn universal(l: &str) -> &str {
    l.split(':').next().unwrap_or(l)
}

pub fn evaluate(model: &Model, gold: &[GoldSentence]) -> Scores {
    let mut sc = Scores::default();
    for s in gold {
        let a = model.analyse(&s.forms);
        for i in 0..s.forms.len() {
            sc.tokens += 1;
            sc.upos += (a.upos[i] == s.upos[i]) as usize;
            if a.heads[i] == s.heads[i] {
                sc.uas += 1;
                sc.las += (universal(&a.deprels[i]) == universal(&s.deprels[i])) as usize;
            }
        }
    }
    sc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read_conllu;

    /// A small treebank written for this test (ID FORM LEMMA UPOS XPOS
    /// FEATS HEAD DEPREL DEPS MISC).
    const TOY: &str = "\
1\tShepherds\t_\tNOUN\t_\t_\t2\tnsubj\t_\t_
2\tcounted\t_\tVERB\t_\t_\t0\troot\t_\t_
3\ttheir\t_\tPRON\t_\t_\t4\tnmod:poss\t_\t_
4\tsheep\t_\tNOUN\t_\t_\t2\tobj\t_\t_
5\t.\t_\tPUNCT\t_\t_\t2\tpunct\t_\t_

1\tThe\t_\tDET\t_\t_\t2\tdet\t_\t_
2\tminers\t_\tNOUN\t_\t_\t3\tnsubj\t_\t_
3\trested\t_\tVERB\t_\t_\t0\troot\t_\t_
4\tin\t_\tADP\t_\t_\t6\tcase\t_\t_
5\tthe\t_\tDET\t_\t_\t6\tdet\t_\t_
6\tshade\t_\tNOUN\t_\t_\t3\tobl\t_\t_
7\t.\t_\tPUNCT\t_\t_\t3\tpunct\t_\t_

1\tA\t_\tDET\t_\t_\t2\tdet\t_\t_
2\tbaker\t_\tNOUN\t_\t_\t3\tnsubj\t_\t_
3\tsold\t_\tVERB\t_\t_\t0\troot\t_\t_
4\tbread\t_\tNOUN\t_\t_\t3\tobj\t_\t_
5\tand\t_\tCCONJ\t_\t_\t6\tcc\t_\t_
6\tcakes\t_\tNOUN\t_\t_\t4\tconj\t_\t_
7\tto\t_\tADP\t_\t_\t8\tcase\t_\t_
8\tneighbours\t_\tNOUN\t_\t_\t3\tobl\t_\t_
9\t.\t_\tPUNCT\t_\t_\t3\tpunct\t_\t_

1\tOwls\t_\tNOUN\t_\t_\t2\tnsubj\t_\t_
2\tsaid\t_\tVERB\t_\t_\t0\troot\t_\t_
3\tthat\t_\tSCONJ\t_\t_\t5\tmark\t_\t_
4\tmice\t_\tNOUN\t_\t_\t5\tnsubj\t_\t_
5\thid\t_\tVERB\t_\t_\t2\tccomp\t_\t_
6\tquietly\t_\tADV\t_\t_\t5\tadvmod\t_\t_
7\t.\t_\tPUNCT\t_\t_\t2\tpunct\t_\t_

";

    /// Global beam training must fit a small treebank: decoding its own
    /// sentences with the beam gives back the gold trees and labels, the
    /// gold sequence rebuilds each tree, and two trainings are identical.
    #[test]
    fn beam_training_learns_toy_treebank() {
        let train = read_conllu(TOY).unwrap();
        let data = Data::new(&train);
        for s in &train {
            let (gold, seq) = gold_sequence(&data, s);
            let mut st = State::new(s.forms.len());
            for &(t, l) in &seq {
                st.apply(t as usize, l);
            }
            let heads: Vec<usize> = st.heads[1..].iter().map(|h| h.unwrap_or(0)).collect();
            assert_eq!(heads, gold[1..].to_vec());
        }
        let run = || {
            let toks = hash_sentences(&train);
            let lower: Vec<Vec<u64>> = toks
                .iter()
                .map(|s| s.iter().map(|t| t.low).collect())
                .collect();
            let tags = gold_tags(&data, &train);
            let mut tag = Averaged::new(12, data.upos.len());
            let mut tag2 = Averaged::new(12, data.upos.len());
            let mut tr = Averaged::new(14, 4);
            let mut lab = Averaged::new(14, data.labels.len());
            let mut rng = Rng::new(7);
            let mut order: Vec<usize> = (0..train.len()).collect();
            let mut updates = Vec::new();
            for epoch in 0..12 {
                rng.shuffle(&mut order);
                tagger_epoch(&mut tag, &data, &train, &toks, &order, None);
                tagger_epoch(&mut tag2, &data, &train, &toks, &order, Some(&tags));
                updates.push(beam_epoch(
                    &mut tr, &lab, &data, &train, &lower, &tags, &order, 4,
                ));
                parser_epoch(
                    &mut tr,
                    &mut lab,
                    &data,
                    &train,
                    &lower,
                    &tags,
                    &order,
                    epoch > 0,
                    &mut rng,
                    false,
                );
            }
            let set = Settings {
                tag_bits: 12,
                trans_bits: 14,
                label_bits: 14,
                tag_bytes: usize::MAX,
                tag2_bytes: usize::MAX,
                trans_bytes: usize::MAX,
                label_bytes: usize::MAX,
                seed: 7,
            };
            (
                assemble(&data, &set, &tag, &tag2, &tr, &lab).with_beam(4),
                updates,
            )
        };
        let (model, updates) = run();
        assert!(updates[0] > 0, "the untrained model cannot be right");
        assert_eq!(*updates.last().unwrap(), 0, "{updates:?}");
        let sc = evaluate(&model, &train);
        assert_eq!(sc.uas, sc.tokens, "{sc:?}");
        assert_eq!(sc.las, sc.tokens, "{sc:?}");
        assert_eq!(run().0.to_bytes(), model.to_bytes());
    }
}
