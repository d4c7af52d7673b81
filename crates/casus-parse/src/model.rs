//! The model: tag and label inventories and four sparse weight tables
//! (tagger passes one and two, transitions, labels), read in place from
//! the model bytes: loading checks the tables and copies nothing (with
//! [`Model::from_static`]) or one memcpy (with [`Model::from_bytes`]).
//!
//! Features hash to one of 2^bits buckets; only buckets that training gave
//! non-zero weights, and the strongest of them when a size budget binds,
//! are stored with their key. A bucket absent from the table scores zero,
//! so rare features cost no space and cannot collide with frequent ones.
//! Keys are sorted hash bits, so evenly spread: a directory indexed by a
//! key's top bits leads to a run of two to four rows, contiguous in memory.
//!
//! Format (little-endian): b"CASUSPM4", the UPOS list and the label list
//! (u32 count, then per string u32 length and UTF-8 bytes), then four
//! tables, each: u32 bucket bits, u32 classes (at most 255), u32 rows,
//! u32 entries, u32 directory bits, u32 layout (0 sparse, 1 dense); the
//! directory (2^dirbits + 1 u32 byte offsets into the rows, directory
//! slot j leading to the rows whose keys' top bits are j); then the rows,
//! keys ascending. Dense rows (few classes: transitions) are a u32 key
//! and one i16 weight per class. Sparse rows are a u32 key, a u8 count
//! and that many entries of 3 bytes (class u8, weight i16): a row's
//! weights sit beside its key, so reading them costs no further miss.
//!
//! A model whose parser decodes with a beam (trained globally for it) is
//! written as b"CASUSPM5" followed by the beam width (u32), the rest as
//! above; b"CASUSPM4" means a greedy parser (width 1).

use std::sync::Arc;
use thiserror::Error;

const MAGIC: &[u8; 8] = b"CASUSPM4";
const MAGIC_BEAM: &[u8; 8] = b"CASUSPM5";
/// Widest beam a model may ask for (the decoder's work grows with it).
pub const MAX_BEAM: usize = 64;
const HEADER: usize = 24;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum ModelError {
    #[error("model bytes do not start with the casus parser magic (CASUSPM4)")]
    BadMagic,
    #[error("model bytes end early (at byte {0})")]
    Truncated(usize),
    #[error("model string at byte {0} is not UTF-8")]
    BadString(usize),
    #[error("model table at byte {0} has an impossible size or layout")]
    BadTable(usize),
    #[error("model table at byte {0} has unordered keys, bad counts or classes")]
    BadKeys(usize),
    #[error("model asks for a beam of {0} (1 to 64)")]
    BadBeam(u32),
    #[error("model has {0} trailing bytes")]
    Trailing(usize),
}

/// The bytes a model is read from: borrowed for the program's life
/// (`include_bytes!`) or one shared copy.
#[derive(Debug, Clone)]
enum Blob {
    Static(&'static [u8]),
    Shared(Arc<[u8]>),
}

impl Blob {
    #[inline]
    fn bytes(&self) -> &[u8] {
        match self {
            Blob::Static(b) => b,
            Blob::Shared(b) => b,
        }
    }
}

#[inline]
fn u32_at(b: &[u8], at: usize) -> u32 {
    // One bounds check; the conversion of a 4-byte slice cannot fail.
    u32::from_le_bytes(b[at..at + 4].try_into().unwrap_or([0; 4]))
}

#[inline]
fn i16_at(b: &[u8], at: usize) -> i16 {
    i16::from_le_bytes(b[at..at + 2].try_into().unwrap_or([0; 2]))
}

/// A sparse weight table, read in place.
#[derive(Debug, Clone)]
pub struct Table {
    pub bits: u32,
    pub classes: usize,
    rows: usize,
    dense: bool,
    shift: u32,
    blob: Blob,
    /// Byte offsets of the table, its directory and rows.
    start: usize,
    dir: usize,
    row_at: usize,
    end: usize,
}

impl PartialEq for Table {
    fn eq(&self, o: &Table) -> bool {
        self.raw() == o.raw()
    }
}

impl Table {
    /// Whether rows of `classes` classes are stored densely.
    pub fn dense_for(classes: usize) -> bool {
        classes <= 8
    }

    /// Bytes a row with `k` non-zero weights costs (directory included).
    pub fn row_cost(classes: usize, k: usize) -> usize {
        if Table::dense_for(classes) {
            4 + 2 * classes + 2
        } else {
            5 + 3 * k + 2
        }
    }

    /// Encodes a table from rows (bucket key, its (class, weight) entries)
    /// with ascending keys.
    pub fn encode(bits: u32, classes: usize, rows: &[(u32, Vec<(u8, i16)>)]) -> Vec<u8> {
        let dense = Table::dense_for(classes);
        let n = rows.len();
        // About two rows per directory slot.
        let dbits = if n < 4 {
            0
        } else {
            (usize::BITS - 1 - n.leading_zeros() - 1).min(bits)
        };
        let shift = bits - dbits;
        let entries: usize = rows.iter().map(|r| r.1.len()).sum();
        let mut out = Vec::new();
        for x in [
            bits,
            classes as u32,
            n as u32,
            if dense { 0 } else { entries as u32 },
            dbits,
            dense as u32,
        ] {
            out.extend(x.to_le_bytes());
        }
        // Byte offset of each row, and of the end.
        let mut offsets = Vec::with_capacity(n + 1);
        let mut off = 0usize;
        for (_, e) in rows {
            offsets.push(off as u32);
            off += if dense {
                4 + 2 * classes
            } else {
                5 + 3 * e.len()
            };
        }
        offsets.push(off as u32);
        let mut r = 0usize;
        for j in 0..=(1u64 << dbits) {
            while r < n && ((rows[r].0 as u64) >> shift) < j {
                r += 1;
            }
            out.extend(offsets[r].to_le_bytes());
        }
        for (k, e) in rows {
            out.extend(k.to_le_bytes());
            if dense {
                let mut w = vec![0i16; classes];
                for &(c, x) in e {
                    w[c as usize] = x;
                }
                for x in w {
                    out.extend(x.to_le_bytes());
                }
            } else {
                out.push(e.len() as u8);
                for &(c, x) in e {
                    out.push(c);
                    out.extend(x.to_le_bytes());
                }
            }
        }
        out
    }

    /// Builds a standalone table from rows with ascending keys.
    pub fn from_rows(bits: u32, classes: usize, rows: &[(u32, Vec<(u8, i16)>)]) -> Table {
        let b: Arc<[u8]> = Table::encode(bits, classes, rows).into();
        Table::read(&Blob::Shared(b), 0)
            .expect("an encoded table reads back")
            .0
    }

    /// Reads and checks the table at byte `at`; returns it and its end.
    fn read(blob: &Blob, at: usize) -> Result<(Table, usize), ModelError> {
        let b = blob.bytes();
        let need = |end: usize| {
            if end > b.len() {
                Err(ModelError::Truncated(b.len()))
            } else {
                Ok(())
            }
        };
        need(at + HEADER)?;
        let h = |i: usize| u32_at(b, at + 4 * i);
        let (bits, classes, rows, entries, dbits, dense) = (
            h(0),
            h(1) as usize,
            h(2) as usize,
            h(3) as usize,
            h(4),
            h(5),
        );
        let bad = ModelError::BadTable(at);
        if !(1..=31).contains(&bits)
            || classes == 0
            || classes > 255
            || dbits > bits
            || dbits > 26
            || rows > 1 << 26
            || entries > 1 << 30
            || dense > 1
            || (dense == 1) != Table::dense_for(classes)
        {
            return Err(bad);
        }
        let dense = dense == 1;
        let dir = at + HEADER;
        let row_at = dir + 4 * ((1usize << dbits) + 1);
        let size = if dense {
            rows * (4 + 2 * classes)
        } else {
            5 * rows + 3 * entries
        };
        let end = row_at + size;
        need(end)?;
        let keys = ModelError::BadKeys(at);
        // One walk over the rows checks the keys (ascending, in range),
        // the counts and classes, and that the directory points at the
        // first row of each slot, as `encode` builds it.
        let shift = bits - dbits;
        let limit = 1u64 << bits;
        let mut prev: Option<u32> = None;
        let mut off = 0usize;
        let mut slot = 0usize;
        let mut seen = 0usize;
        let dir_at = |j: usize| u32_at(b, dir + 4 * j) as usize;
        for _ in 0..rows {
            if off + 4 > size {
                return Err(keys);
            }
            let k = u32_at(b, row_at + off);
            if k as u64 >= limit || prev.is_some_and(|p| p >= k) {
                return Err(keys);
            }
            prev = Some(k);
            while slot <= (k >> shift) as usize {
                if dir_at(slot) != off {
                    return Err(keys);
                }
                slot += 1;
            }
            if dense {
                off += 4 + 2 * classes;
            } else {
                let count = *b.get(row_at + off + 4).ok_or(ModelError::BadKeys(at))? as usize;
                let e = row_at + off + 5;
                if off + 5 + 3 * count > size
                    || (0..count).any(|i| b[e + 3 * i] as usize >= classes)
                {
                    return Err(keys);
                }
                seen += count;
                off += 5 + 3 * count;
            }
        }
        if off != size || (!dense && seen != entries) {
            return Err(keys);
        }
        while slot <= 1usize << dbits {
            if dir_at(slot) != off {
                return Err(keys);
            }
            slot += 1;
        }
        Ok((
            Table {
                bits,
                classes,
                rows,
                dense,
                shift,
                blob: blob.clone(),
                start: at,
                dir,
                row_at,
                end,
            },
            end,
        ))
    }

    fn raw(&self) -> &[u8] {
        &self.blob.bytes()[self.start..self.end]
    }

    /// Stored buckets.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Adds the weights of one feature to `scores` (one per class).
    #[inline]
    pub fn add_scores(&self, feature: u64, scores: &mut [i32]) {
        self.add_all(&[feature], scores)
    }

    /// Adds the weights of every feature to `scores` (one per class).
    ///
    /// Nearly all the time of tagging and parsing is spent waiting for
    /// these table reads, which are scattered over megabytes. They are
    /// done in phases over a batch of features (all directory slots, then
    /// all rows, then all entries), so that within a phase the reads do
    /// not depend on each other and the processor overlaps their cache
    /// misses instead of waiting for each in turn.
    #[inline]
    pub fn add_all(&self, features: &[u64], scores: &mut [i32]) {
        self.add_batch(features, None, scores)
    }

    /// Adds the weights of feature i to the score vector that starts at
    /// `scores[at[i]]`: features of several tokens in one batch.
    pub fn add_each(&self, features: &[u64], at: &[u32], scores: &mut [i32]) {
        self.add_batch(features, Some(at), scores)
    }

    fn add_batch(&self, features: &[u64], at: Option<&[u32]>, scores: &mut [i32]) {
        const BATCH: usize = 128;
        let b = self.blob.bytes();
        let mask = (1u64 << self.bits) - 1;
        let mut keys = [0u32; BATCH];
        let mut lo = [0u32; BATCH];
        let mut hi = [0u32; BATCH];
        for (bi, batch) in features.chunks(BATCH).enumerate() {
            let n = batch.len();
            for (i, &f) in batch.iter().enumerate() {
                let k = (f & mask) as u32;
                let at = self.dir + 4 * (k >> self.shift) as usize;
                keys[i] = k;
                lo[i] = u32_at(b, at);
                hi[i] = u32_at(b, at + 4);
            }
            // The offset of each feature's row (u32::MAX: none).
            let step = 4 + 2 * self.classes;
            for i in 0..n {
                let k = keys[i];
                let mut found = u32::MAX;
                let mut p = lo[i] as usize;
                while p < hi[i] as usize {
                    let key = u32_at(b, self.row_at + p);
                    if key >= k {
                        if key == k {
                            found = p as u32;
                        }
                        break;
                    }
                    p += if self.dense {
                        step
                    } else {
                        5 + 3 * b[self.row_at + p + 4] as usize
                    };
                }
                lo[i] = found;
            }
            for (i, &p) in lo[..n].iter().enumerate() {
                if p == u32::MAX {
                    continue;
                }
                let base = at.map_or(0, |a| a[bi * BATCH + i] as usize);
                let scores = &mut scores[base..base + self.classes];
                let at = self.row_at + p as usize + 4;
                if self.dense {
                    for (c, s) in scores.iter_mut().enumerate() {
                        *s += i16_at(b, at + 2 * c) as i32;
                    }
                } else {
                    let count = b[at] as usize;
                    for e in 0..count {
                        let q = at + 1 + 3 * e;
                        scores[b[q] as usize] += i16_at(b, q + 1) as i32;
                    }
                }
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub upos: Vec<String>,
    pub labels: Vec<String>,
    pub tagger: Table,
    /// The second tagger pass, which also sees the first pass's tags of
    /// the following words.
    pub tagger2: Table,
    pub transitions: Table,
    pub labeller: Table,
    /// Label ids the parser needs when it completes a tree.
    pub(crate) root: u32,
    pub(crate) para: u32,
    /// Beam width of the parser (1: greedy). A model trained for a beam
    /// is decoded with that beam: its scores are those of whole sequences.
    pub beam: usize,
}

fn strings(b: &[u8], at: &mut usize) -> Result<Vec<String>, ModelError> {
    let take = |at: &mut usize, n: usize| -> Result<&[u8], ModelError> {
        let end = at.checked_add(n).ok_or(ModelError::Truncated(*at))?;
        let s = b.get(*at..end).ok_or(ModelError::Truncated(*at))?;
        *at = end;
        Ok(s)
    };
    let n = u32_at(take(at, 4)?, 0) as usize;
    let mut v = Vec::new();
    for _ in 0..n {
        let len = u32_at(take(at, 4)?, 0) as usize;
        let here = *at;
        let s = take(at, len)?;
        v.push(
            std::str::from_utf8(s)
                .map_err(|_| ModelError::BadString(here))?
                .to_string(),
        );
    }
    Ok(v)
}

impl Model {
    /// Reads a model from bytes (copied once).
    pub fn from_bytes(b: &[u8]) -> Result<Model, ModelError> {
        Model::read(Blob::Shared(b.into()))
    }

    /// Reads a model in place from bytes that live for the whole program,
    /// such as `include_bytes!` (nothing is copied).
    pub fn from_static(b: &'static [u8]) -> Result<Model, ModelError> {
        Model::read(Blob::Static(b))
    }

    fn read(blob: Blob) -> Result<Model, ModelError> {
        let b = blob.bytes();
        let (mut at, beam) = match b.get(..8) {
            Some(m) if m == MAGIC => (8, 1),
            Some(m) if m == MAGIC_BEAM => {
                let w = b.get(8..12).ok_or(ModelError::Truncated(b.len()))?;
                let w = u32_at(w, 0);
                if w == 0 || w as usize > MAX_BEAM {
                    return Err(ModelError::BadBeam(w));
                }
                (12, w as usize)
            }
            _ => return Err(ModelError::BadMagic),
        };
        let upos = strings(b, &mut at)?;
        let labels = strings(b, &mut at)?;
        let mut tables = Vec::new();
        for _ in 0..4 {
            let (t, end) = Table::read(&blob, at)?;
            tables.push((at, t));
            at = end;
        }
        if at != b.len() {
            return Err(ModelError::Trailing(b.len() - at));
        }
        let mut it = tables.into_iter();
        let mut next = || it.next().expect("four tables");
        let (at0, tagger) = next();
        let (at1, tagger2) = next();
        let (at2, transitions) = next();
        let (at3, labeller) = next();
        if tagger.classes != upos.len() {
            return Err(ModelError::BadTable(at0));
        }
        if tagger2.classes != upos.len() {
            return Err(ModelError::BadTable(at1));
        }
        if transitions.classes != 4 {
            return Err(ModelError::BadTable(at2));
        }
        if labeller.classes != labels.len() {
            return Err(ModelError::BadTable(at3));
        }
        Ok(Model::assemble(upos, labels, [tagger, tagger2, transitions, labeller]).with_beam(beam))
    }

    /// A model from its inventories and tables (tagger passes, transitions,
    /// labels).
    pub fn assemble(upos: Vec<String>, labels: Vec<String>, tables: [Table; 4]) -> Model {
        let id = |name: &str| labels.iter().position(|l| l == name).unwrap_or(0) as u32;
        let (root, para) = (id("root"), id("parataxis"));
        let [tagger, tagger2, transitions, labeller] = tables;
        Model {
            upos,
            labels,
            tagger,
            tagger2,
            transitions,
            labeller,
            root,
            para,
            beam: 1,
        }
    }

    /// The same model decoded with a beam of `beam` (clamped to 1..=64).
    pub fn with_beam(mut self, beam: usize) -> Model {
        self.beam = beam.clamp(1, MAX_BEAM);
        self
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = if self.beam > 1 {
            let mut o = MAGIC_BEAM.to_vec();
            o.extend((self.beam as u32).to_le_bytes());
            o
        } else {
            MAGIC.to_vec()
        };
        for list in [&self.upos, &self.labels] {
            out.extend((list.len() as u32).to_le_bytes());
            for s in list {
                out.extend((s.len() as u32).to_le_bytes());
                out.extend(s.as_bytes());
            }
        }
        for t in [
            &self.tagger,
            &self.tagger2,
            &self.transitions,
            &self.labeller,
        ] {
            out.extend(t.raw());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> Model {
        let t =
            |c: usize| Table::from_rows(2, c, &[(0, vec![(0, 4)]), (3, vec![(c as u8 - 1, -2)])]);
        Model::assemble(
            vec!["NOUN".into(), "VERB".into()],
            vec!["root".into(), "obj".into(), "nsubj".into()],
            [t(2), t(2), t(4), t(3)],
        )
    }

    #[test]
    fn round_trip_and_bad_bytes() {
        let m = tiny();
        let b = m.to_bytes();
        assert_eq!(Model::from_bytes(&b).unwrap(), m);
        let leaked: &'static [u8] = Box::leak(b.clone().into_boxed_slice());
        assert_eq!(Model::from_static(leaked).unwrap(), m);
        assert_eq!(Model::from_bytes(b"nope"), Err(ModelError::BadMagic));
        assert!(matches!(
            Model::from_bytes(&b[..b.len() - 1]),
            Err(ModelError::Truncated(_))
        ));
        let mut more = b.clone();
        more.push(0);
        assert_eq!(Model::from_bytes(&more), Err(ModelError::Trailing(1)));
        // Every truncation is an error, never a panic.
        for n in 0..b.len() {
            assert!(Model::from_bytes(&b[..n]).is_err(), "cut at {n}");
        }
        // A beam model keeps its width; a greedy one keeps the old magic.
        assert_eq!(&b[..8], MAGIC);
        let wide = m.clone().with_beam(8);
        let wb = wide.to_bytes();
        assert_eq!(&wb[..8], MAGIC_BEAM);
        let back = Model::from_bytes(&wb).unwrap();
        assert_eq!(back.beam, 8);
        assert_eq!(back, wide);
        for n in 0..wb.len() {
            assert!(Model::from_bytes(&wb[..n]).is_err(), "cut at {n}");
        }
        let mut zero = wb.clone();
        zero[8..12].copy_from_slice(&0u32.to_le_bytes());
        assert_eq!(Model::from_bytes(&zero), Err(ModelError::BadBeam(0)));
    }

    #[test]
    fn stored_buckets_score_and_absent_ones_do_not() {
        for classes in [2usize, 12] {
            let t = Table::from_rows(
                4,
                classes,
                &[(1, vec![(0, 3), (1, -1)]), (9, vec![(0, 5), (1, 7)])],
            );
            let mut s = vec![0i32; classes];
            t.add_scores(0x19, &mut s); // bucket 9 (low 4 bits)
            assert_eq!(s[..2], [5, 7]);
            t.add_scores(0x2, &mut s); // bucket 2 is not stored
            assert_eq!(s[..2], [5, 7]);
            t.add_all(&[0x1, 0x1], &mut s);
            assert_eq!(s[..2], [11, 5]);
        }
    }

    #[test]
    fn directory_finds_crowded_and_edge_keys() {
        for classes in [1usize, 20] {
            // Keys crowd the low buckets; 15 is the last bucket.
            let rows: Vec<(u32, Vec<(u8, i16)>)> = [0u32, 1, 2, 4, 5, 15]
                .iter()
                .map(|&k| (k, vec![(0, k as i16 + 1)]))
                .collect();
            let t = Table::from_rows(4, classes, &rows);
            for (k, want) in [
                (0u64, 1),
                (1, 2),
                (2, 3),
                (5, 6),
                (15, 16),
                (3, 0),
                (14, 0),
                (0x30, 1),
            ] {
                let mut s = vec![0i32; classes];
                t.add_scores(k, &mut s);
                assert_eq!(s[0], want, "feature {k}");
            }
            let empty = Table::from_rows(4, classes, &[]);
            let mut s = vec![0i32; classes];
            empty.add_scores(7, &mut s);
            assert_eq!(s[0], 0);
        }
    }

    #[test]
    fn unsorted_keys_and_bad_classes_rejected() {
        let read = |b: Vec<u8>| Table::read(&Blob::Shared(b.into()), 0).map(|_| ());
        let rows = [(2u32, vec![(0u8, 1i16)]), (3, vec![(19, 2)])];
        let b = Table::encode(4, 20, &rows);
        assert_eq!(read(b.clone()), Ok(()));
        // Two rows, directory bits 0: two u32s, then (key, count, entries).
        let at = HEADER + 8;
        let mut swapped = b.clone();
        swapped[at..at + 4].copy_from_slice(&5u32.to_le_bytes());
        assert_eq!(read(swapped), Err(ModelError::BadKeys(0)));
        // The first entry's class.
        let mut class = b.clone();
        class[at + 5] = 20;
        let mut count = b.clone();
        count[at + 4] = 3;
        assert_eq!(read(count), Err(ModelError::BadKeys(0)));
        assert_eq!(read(class), Err(ModelError::BadKeys(0)));
        let mut layout = b.clone();
        layout[20] = 1;
        assert_eq!(read(layout), Err(ModelError::BadTable(0)));
        // A dense table: transitions' four classes.
        let d = Table::encode(4, 4, &rows[..1]);
        assert_eq!(d.len(), HEADER + 8 + 12);
        assert_eq!(read(d), Ok(()));
    }
}
