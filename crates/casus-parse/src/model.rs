//! The model: tag and label inventories and three sparse weight tables
//! (tagger, transitions, labels).
//!
//! Features hash to one of 2^bits buckets (large enough that collisions are
//! rare); only buckets that training gave non-zero weights, and the
//! strongest of them when a size budget binds, are stored with their key,
//! and per bucket only its non-zero class weights (i16). A bucket absent
//! from the table scores zero, so rare features cost no space and cannot
//! collide with frequent ones.
//!
//! Format: b"CASUSPM3", then the UPOS list and the label list (u32 count,
//! then per string u32 length and UTF-8 bytes), then four tables (tagger
//! first pass, tagger second pass, transitions, labels), each
//! u32 bucket bits, u32 classes (at most 255), u32 rows, u32 entries, the
//! rows' bucket keys (u32, strictly ascending), per row its entry count
//! (u8), per entry its class (u8), per entry its weight (i16).

use thiserror::Error;

const MAGIC: &[u8; 8] = b"CASUSPM3";

#[derive(Debug, Error, PartialEq, Eq)]
pub enum ModelError {
    #[error("model bytes do not start with the casus parser magic")]
    BadMagic,
    #[error("model bytes end early (at byte {0})")]
    Truncated(usize),
    #[error("model string at byte {0} is not UTF-8")]
    BadString(usize),
    #[error("model table has an impossible size ({0} bucket bits)")]
    BadTable(u32),
    #[error("model table at byte {0} has unordered keys, bad counts or classes")]
    BadKeys(usize),
    #[error("model has {0} trailing bytes")]
    Trailing(usize),
}

/// A sparse weight table: for each stored bucket, its non-zero class
/// weights. Keys are sorted hash bits, so evenly spread: a directory on
/// their top bits (one linear pass at load) leads to a run of about one key.
#[derive(Debug, Clone)]
pub struct Table {
    pub bits: u32,
    pub classes: usize,
    /// Per row its key and first entry (side by side: one cache line per
    /// probe); a last sentinel row holds the entry count. Row r's entries
    /// are `rows[r].1..rows[r + 1].1`.
    rows: Vec<(u32, u32)>,
    /// Entries: (class, weight).
    entries: Vec<(u16, i16)>,
    /// Rows whose key's top bits are j are `dir[j]..dir[j + 1]`.
    dir: Vec<u32>,
    shift: u32,
}

impl PartialEq for Table {
    fn eq(&self, o: &Table) -> bool {
        // The directory is derived from the keys.
        self.bits == o.bits
            && self.classes == o.classes
            && self.rows == o.rows
            && self.entries == o.entries
    }
}

impl Table {
    /// Builds a table from rows (bucket key, its (class, weight) entries)
    /// with ascending keys.
    pub fn from_rows(bits: u32, classes: usize, rows: &[(u32, Vec<(u8, i16)>)]) -> Table {
        let mut start = vec![0u32];
        let mut entries = Vec::new();
        for (_, r) in rows {
            entries.extend(r.iter().map(|&(c, w)| (c as u16, w)));
            start.push(entries.len() as u32);
        }
        let keys = rows.iter().map(|r| r.0).collect();
        Table::build(bits, classes, keys, start, entries)
    }

    fn build(
        bits: u32,
        classes: usize,
        keys: Vec<u32>,
        start: Vec<u32>,
        entries: Vec<(u16, i16)>,
    ) -> Table {
        let mut rows: Vec<(u32, u32)> = keys.iter().copied().zip(start.iter().copied()).collect();
        rows.push((u32::MAX, start.last().copied().unwrap_or(0)));
        let dbits = keys
            .len()
            .max(1)
            .next_power_of_two()
            .trailing_zeros()
            .min(bits);
        let shift = bits - dbits;
        let mut dir = Vec::with_capacity((1 << dbits) + 1);
        let mut r = 0usize;
        for j in 0..=(1u64 << dbits) {
            while r < keys.len() && ((keys[r] as u64) >> shift) < j {
                r += 1;
            }
            dir.push(r as u32);
        }
        Table {
            bits,
            classes,
            rows,
            entries,
            dir,
            shift,
        }
    }

    /// Stored buckets.
    pub fn rows(&self) -> usize {
        self.rows.len() - 1
    }

    #[inline]
    pub fn add_scores(&self, feature: u64, scores: &mut [i32]) {
        let k = (feature & ((1u64 << self.bits) - 1)) as u32;
        let j = (k >> self.shift) as usize;
        for r in self.dir[j] as usize..self.dir[j + 1] as usize {
            if self.rows[r].0 == k {
                let span = self.rows[r].1 as usize..self.rows[r + 1].1 as usize;
                for &(c, w) in &self.entries[span] {
                    scores[c as usize] += w as i32;
                }
                return;
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
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], ModelError> {
        let end = self
            .at
            .checked_add(n)
            .ok_or(ModelError::Truncated(self.at))?;
        let s = self
            .b
            .get(self.at..end)
            .ok_or(ModelError::Truncated(self.at))?;
        self.at = end;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn strings(&mut self) -> Result<Vec<String>, ModelError> {
        let n = self.u32()? as usize;
        let mut v = Vec::new();
        for _ in 0..n {
            let len = self.u32()? as usize;
            let at = self.at;
            let s = self.take(len)?;
            v.push(String::from_utf8(s.to_vec()).map_err(|_| ModelError::BadString(at))?);
        }
        Ok(v)
    }
    fn table(&mut self) -> Result<Table, ModelError> {
        let bits = self.u32()?;
        let classes = self.u32()? as usize;
        let rows = self.u32()? as usize;
        let entries = self.u32()? as usize;
        if !(1..=31).contains(&bits) || classes > 255 || rows > 1 << 26 || entries > 1 << 30 {
            return Err(ModelError::BadTable(bits));
        }
        let at = self.at;
        let keys: Vec<u32> = self
            .take(rows * 4)?
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let counts = self.take(rows)?;
        let mut start = Vec::with_capacity(rows + 1);
        start.push(0u32);
        let mut total = 0usize;
        for &c in counts {
            total += c as usize;
            start.push(total as u32);
        }
        let class = self.take(entries)?.to_vec();
        let bad_class = class.iter().any(|&c| c as usize >= classes);
        let entries: Vec<(u16, i16)> = class
            .iter()
            .zip(self.take(entries * 2)?.chunks_exact(2))
            .map(|(&c, w)| (c as u16, i16::from_le_bytes([w[0], w[1]])))
            .collect();
        let limit = 1u64 << bits;
        if keys.windows(2).any(|w| w[0] >= w[1])
            || keys.iter().any(|&k| k as u64 >= limit)
            || total != entries.len()
            || bad_class
        {
            return Err(ModelError::BadKeys(at));
        }
        Ok(Table::build(bits, classes, keys, start, entries))
    }
}

impl Model {
    pub fn from_bytes(b: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { b, at: 0 };
        if r.take(8).map_err(|_| ModelError::BadMagic)? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let upos = r.strings()?;
        let labels = r.strings()?;
        let tagger = r.table()?;
        let tagger2 = r.table()?;
        let transitions = r.table()?;
        let labeller = r.table()?;
        if tagger.classes != upos.len()
            || tagger2.classes != upos.len()
            || labeller.classes != labels.len()
        {
            return Err(ModelError::BadTable(tagger.bits));
        }
        if r.at != b.len() {
            return Err(ModelError::Trailing(b.len() - r.at));
        }
        Ok(Model {
            upos,
            labels,
            tagger,
            tagger2,
            transitions,
            labeller,
        })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
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
            out.extend(t.bits.to_le_bytes());
            out.extend((t.classes as u32).to_le_bytes());
            let rows = &t.rows[..t.rows.len() - 1];
            out.extend((rows.len() as u32).to_le_bytes());
            out.extend((t.entries.len() as u32).to_le_bytes());
            for (k, _) in rows {
                out.extend(k.to_le_bytes());
            }
            out.extend(t.rows.windows(2).map(|w| (w[1].1 - w[0].1) as u8));
            out.extend(t.entries.iter().map(|e| e.0 as u8));
            for e in &t.entries {
                out.extend(e.1.to_le_bytes());
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn round_trip_and_bad_bytes() {
        let t =
            |c: usize| Table::from_rows(2, c, &[(0, vec![(0, 4)]), (3, vec![(c as u8 - 1, -2)])]);
        let m = Model {
            upos: vec!["NOUN".into(), "VERB".into()],
            labels: vec!["root".into()],
            tagger: t(2),
            tagger2: t(2),
            transitions: t(4),
            labeller: t(1),
        };
        let b = m.to_bytes();
        assert_eq!(Model::from_bytes(&b).unwrap(), m);
        assert_eq!(Model::from_bytes(b"nope"), Err(ModelError::BadMagic));
        assert!(matches!(
            Model::from_bytes(&b[..b.len() - 1]),
            Err(ModelError::Truncated(_))
        ));
    }

    #[test]
    fn stored_buckets_score_and_absent_ones_do_not() {
        let t = Table::from_rows(
            4,
            2,
            &[(1, vec![(0, 3), (1, -1)]), (9, vec![(0, 5), (1, 7)])],
        );
        let mut s = [0i32; 2];
        t.add_scores(0x19, &mut s); // bucket 9 (low 4 bits)
        assert_eq!(s, [5, 7]);
        t.add_scores(0x2, &mut s); // bucket 2 is not stored
        assert_eq!(s, [5, 7]);
        t.add_scores(0x1, &mut s);
        assert_eq!(s, [8, 6]);
    }

    #[test]
    fn directory_finds_crowded_and_edge_keys() {
        // Three keys share the top bits 00; 15 is the last bucket.
        let rows: Vec<(u32, Vec<(u8, i16)>)> = [0u32, 1, 2, 15]
            .iter()
            .map(|&k| (k, vec![(0, k as i16 + 1)]))
            .collect();
        let t = Table::from_rows(4, 1, &rows);
        for (k, want) in [
            (0u64, 1),
            (1, 2),
            (2, 3),
            (15, 16),
            (3, 0),
            (14, 0),
            (0x30, 1),
        ] {
            let mut s = [0i32];
            t.add_scores(k, &mut s);
            assert_eq!(s[0], want, "feature {k}");
        }
        let empty = Table::from_rows(4, 1, &[]);
        let mut s = [0i32];
        empty.add_scores(7, &mut s);
        assert_eq!(s[0], 0);
    }

    #[test]
    fn unsorted_keys_rejected() {
        let m = Model {
            upos: vec!["X".into()],
            labels: vec!["root".into()],
            tagger2: Table::from_rows(4, 1, &[]),
            tagger: Table::from_rows(4, 1, &[(1, vec![(0, 1)]), (2, vec![(0, 1)])]),
            transitions: Table::from_rows(4, 4, &[]),
            labeller: Table::from_rows(4, 1, &[]),
        };
        let mut b = m.to_bytes();
        // The tagger's keys sit before its counts, classes, weights and
        // three empty tables.
        let at = b.len() - 16 - 16 - 16 - 4 - 2 - 2 - 8;
        b.swap(at, at + 4);
        assert!(matches!(Model::from_bytes(&b), Err(ModelError::BadKeys(_))));
    }
}
