//! Training: averaged perceptrons for the tagger, the transition
//! classifier (static arc-eager oracle on projective sentences) and the
//! label classifier. Deterministic: fixed-seed shuffling, no hash maps.

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
            tr.time += 1;
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
                tr.update(&feats, good, best);
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
