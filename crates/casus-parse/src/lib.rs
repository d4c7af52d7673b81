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

impl Model {
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
