//! casus's part-of-speech tagger and dependency parser: a greedy averaged
//! perceptron tagger and a greedy arc-eager parser with a separate label
//! classifier. Models are compact byte blobs (sparse hashed features, i16)
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

impl Model {
    /// Tags and parses one sentence into `out` (its buffers are reused).
    pub fn analyse_into(&self, forms: &[&str], out: &mut Parsed) {
        let tags = tagger::tag(self, forms);
        let (heads, labels) = parser::parse(self, forms, &tags);
        out.upos.clear();
        out.upos.extend(tags.iter().map(|&t| t as u8));
        out.heads.clear();
        out.heads.extend(heads.iter().map(|&h| h as u32));
        out.deprels.clear();
        out.deprels.extend(labels.iter().map(|&l| l as u8));
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
        let tags = tagger::tag(self, &forms);
        let (heads, labels) = parser::parse(self, &forms, &tags);
        Analysis {
            upos: tags
                .iter()
                .map(|&t| self.upos[t as usize].clone())
                .collect(),
            heads,
            deprels: labels
                .iter()
                .map(|&l| self.labels[l as usize].clone())
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
