//! casus's part-of-speech tagger and dependency parser: a greedy averaged
//! perceptron tagger and an arc-eager parser (greedy, or with a beam when
//! the model was trained for one) with a separate label classifier. Models are compact byte blobs (sparse hashed features, i16)
//! read with [`Model::from_bytes`]; the library does no I/O.

pub mod conllu;
pub mod features;
pub mod model;
pub mod parser;
pub mod tagger;
pub mod tokenize;
pub mod train;

pub use conllu::{read_conllu, ConlluError, GoldSentence};
pub use model::{Model, ModelError};

/// One analysed sentence: per token its UPOS tag, head (0 = root, else
/// 1-based index) and dependency relation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    pub upos: Vec<String>,
    pub heads: Vec<usize>,
    pub deprels: Vec<String>,
}

/// One analysed sentence as ids, for callers that analyse many sentences:
/// [`Model::analyse_into`] refills the same buffers, so a caller that keeps
/// one `Parsed` allocates nothing per sentence once the buffers have grown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    /// UPOS ids ([`Model::upos_name`]).
    pub upos: Vec<u8>,
    /// Heads: 0 = root, else the 1-based index of the head token.
    pub heads: Vec<u32>,
    /// Relation ids ([`Model::deprel_name`]).
    pub deprels: Vec<u8>,
}

/// Buffers one thread reuses across sentences.
#[derive(Default)]
struct Scratch {
    tag: tagger::Scratch,
    parse: parser::Scratch,
    tags: Vec<u32>,
    lower: Vec<u64>,
    heads: Vec<u32>,
    labels: Vec<u32>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

impl Model {
    /// Tags and parses one sentence into `out` (its buffers are reused;
    /// working buffers are kept per thread, so nothing is allocated per
    /// sentence once they have grown).
    pub fn analyse_into(&self, forms: &[&str], out: &mut Parsed) {
        SCRATCH.with(|s| {
            let mut guard = s.borrow_mut();
            let sc = &mut *guard;
            tagger::tag_into(self, forms, &mut sc.tag, &mut sc.tags);
            sc.lower.clear();
            sc.lower.extend(sc.tag.toks.iter().map(|t| t.low));
            parser::parse_into(
                self,
                &sc.lower,
                &sc.tags,
                &mut sc.parse,
                &mut sc.heads,
                &mut sc.labels,
            );
            out.upos.clear();
            out.upos.extend(sc.tags.iter().map(|&t| t as u8));
            out.heads.clear();
            out.heads.extend_from_slice(&sc.heads);
            out.deprels.clear();
            out.deprels.extend(sc.labels.iter().map(|&l| l as u8));
        })
    }

    /// The name of a UPOS id ("" for an id the model does not have).
    pub fn upos_name(&self, id: u8) -> &str {
        self.upos.get(id as usize).map_or("", |s| s.as_str())
    }

    /// The name of a relation id, UD subtype included ("nmod:poss").
    pub fn deprel_name(&self, id: u8) -> &str {
        self.labels.get(id as usize).map_or("", |s| s.as_str())
    }

    pub fn upos_id(&self, name: &str) -> Option<u8> {
        self.upos.iter().position(|s| s == name).map(|i| i as u8)
    }

    pub fn deprel_id(&self, name: &str) -> Option<u8> {
        self.labels.iter().position(|s| s == name).map(|i| i as u8)
    }

    /// Tags and parses one sentence given as word forms.
    pub fn analyse<S: AsRef<str>>(&self, forms: &[S]) -> Analysis {
        let forms: Vec<&str> = forms.iter().map(|f| f.as_ref()).collect();
        let mut p = Parsed::default();
        self.analyse_into(&forms, &mut p);
        Analysis {
            upos: p
                .upos
                .iter()
                .map(|&t| self.upos_name(t).to_string())
                .collect(),
            heads: p.heads.iter().map(|&h| h as usize).collect(),
            deprels: p
                .deprels
                .iter()
                .map(|&l| self.deprel_name(l).to_string())
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> Model {
        Model::from_bytes(include_bytes!("../../../models/en/model.bin")).unwrap()
    }

    #[test]
    fn id_api_agrees_with_string_api_and_reuses_buffers() {
        let m = model();
        let mut out = Parsed::default();
        // A long sentence first, so that the short one must shrink the buffers.
        let long =
            "The council said on Tuesday that the new bridge would open to traffic next spring .";
        let short = "Farmers sold their goats .";
        for text in [long, short] {
            let forms: Vec<&str> = text.split(' ').collect();
            m.analyse_into(&forms, &mut out);
            let a = m.analyse(&forms);
            assert_eq!(out.upos.len(), forms.len());
            let names: Vec<&str> = out.upos.iter().map(|&u| m.upos_name(u)).collect();
            assert_eq!(names, a.upos);
            let heads: Vec<usize> = out.heads.iter().map(|&h| h as usize).collect();
            assert_eq!(heads, a.heads);
            let rels: Vec<&str> = out.deprels.iter().map(|&d| m.deprel_name(d)).collect();
            assert_eq!(rels, a.deprels);
        }
        // "Farmers sold their goats .": sold is the root verb, farmers its subject.
        assert_eq!(out.heads, vec![2, 0, 4, 2, 2]);
        assert_eq!(m.upos_name(out.upos[1]), "VERB");
        assert_eq!(m.deprel_name(out.deprels[0]), "nsubj");
    }

    /// The batched tagger (all tokens' static features in one lookup)
    /// must tag exactly as one pass of per-token feature sums would.
    #[test]
    fn batched_tagging_equals_per_token_scoring() {
        let m = model();
        let forms = [
            "Rebels", "said", "they", "would", "n't", "attack", "the", "port", ".",
        ];
        let mut toks = Vec::new();
        tagger::hash_tokens(&forms, &mut toks, &mut String::new());
        let reference = |table: &model::Table, first: Option<&[u32]>| {
            let mut tags: Vec<u32> = Vec::new();
            let mut feats = Vec::new();
            for i in 0..forms.len() {
                let p1 = if i >= 1 { tags[i - 1] } else { u32::MAX };
                let p2 = if i >= 2 { tags[i - 2] } else { u32::MAX };
                tagger::features(&toks, i, p1, p2, first, &mut feats);
                let mut scores = vec![0i32; table.classes];
                table.add_all(&feats, &mut scores);
                tags.push(tagger::argmax(&scores) as u32);
            }
            tags
        };
        let first = reference(&m.tagger, None);
        let second = reference(&m.tagger2, Some(&first));
        assert_eq!(tagger::tag_with(&m.tagger, &forms, None), first);
        assert_eq!(tagger::tag(&m, &forms), second);
        assert_eq!(m.upos_name(second[5] as u8), "VERB");
    }

    #[test]
    fn odd_input_gives_a_tree_and_no_panic() {
        let m = model();
        let mut out = Parsed::default();
        m.analyse_into(&[], &mut out);
        assert!(out.upos.is_empty() && out.heads.is_empty() && out.deprels.is_empty());
        let long = "x".repeat(300);
        let forms = ["", "Ünïcödé", long.as_str(), "’s", "!!!", "2026-12-06"];
        m.analyse_into(&forms, &mut out);
        assert_eq!(out.heads.len(), forms.len());
        assert_eq!(out.heads.iter().filter(|&&h| h == 0).count(), 1, "{out:?}");
        assert!(out.heads.iter().all(|&h| h as usize <= forms.len()));
        // Beam decoding also always gives a tree.
        for w in [2, 5] {
            let b = m.clone().with_beam(w);
            for f in [&forms[..], &["Farmers", "sold", "their", "goats", "."][..]] {
                b.analyse_into(f, &mut out);
                assert_eq!(out.heads.len(), f.len());
                assert_eq!(out.heads.iter().filter(|&&h| h == 0).count(), 1, "{out:?}");
                assert!(out.heads.iter().all(|&h| h as usize <= f.len()));
            }
        }
        // The embedded bytes are read in place as well as copied.
        let st = Model::from_static(include_bytes!("../../../models/en/model.bin")).unwrap();
        assert_eq!(st, m);
    }

    #[test]
    fn names_and_ids_round_trip() {
        let m = model();
        let v = m.upos_id("VERB").unwrap();
        assert_eq!(m.upos_name(v), "VERB");
        let r = m.deprel_id("nsubj").unwrap();
        assert_eq!(m.deprel_name(r), "nsubj");
        assert_eq!(m.upos_id("NOT-A-TAG"), None);
        assert_eq!(m.deprel_id("nope"), None);
        assert_eq!(m.upos_name(250), "");
    }
}
