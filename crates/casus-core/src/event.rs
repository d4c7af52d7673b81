//! The records casus reads and writes: input documents and coded events.

use crate::date::Date;
use serde::Serialize;

/// A document to code. `date` anchors dated offices and news time.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    pub id: String,
    pub text: String,
    pub date: Option<Date>,
    pub title: Option<String>,
    pub url: Option<String>,
}

impl Document {
    pub fn new(id: impl Into<String>, text: impl Into<String>, date: Option<Date>) -> Document {
        Document {
            id: id.into(),
            text: text.into(),
            date,
            ..Document::default()
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    Asserted,
    Negated,
    Hypothetical,
    Future,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Negated => "negated",
            Modality::Hypothetical => "hypothetical",
            Modality::Future => "future",
        }
    }

    pub fn parse(text: &str) -> Option<Modality> {
        Some(match text {
            "asserted" => Modality::Asserted,
            "negated" => Modality::Negated,
            "hypothetical" => Modality::Hypothetical,
            "future" => Modality::Future,
            _ => return None,
        })
    }
}

/// Byte spans into the document text, and the dictionary entries used.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub source: [usize; 2],
    /// Null for a single-actor event (`CodeOptions::monadic`).
    pub target: Option<[usize; 2]>,
    pub trigger: [usize; 2],
    pub sentence: [usize; 2],
    /// The verb pattern that matched, as `file:line`.
    pub entry: String,
    pub pattern: String,
    /// Cue words that set the modality or converted the code, if any.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cues: Vec<String>,
    /// Byte spans of those cue words.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cue_spans: Vec<[usize; 2]>,
    /// Byte span of the attribution cue ("said", "according to").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<[usize; 2]>,
}

/// A place from the gazetteer, as far as the sentence pins it down.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Place {
    /// The place's name as the gazetteer writes it ("Kharkiv").
    pub name: String,
    /// `country`, `adm1` (first-level division) or `city`.
    pub feature: String,
    /// The country as a CAMEO/ISO 3166 alpha-3 code.
    pub country: String,
    /// First-level administrative division code (GDELT's ADM1 form), if known.
    pub adm1: Option<String>,
    pub lat: f64,
    pub lon: f64,
    /// GeoNames feature id, if the place came from GeoNames.
    pub feature_id: Option<u64>,
    /// Which rule chose the place ("attacked place", "in X", "dateline", ...).
    pub rule: String,
}

/// How a document is coded, beyond the dictionaries. The default is what
/// the conventions prescribe (docs/CONVENTIONS.md): dyadic events only.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CodeOptions {
    /// Also write single-actor events (a protest, an attack on an unnamed
    /// target, a state of emergency declared) with a null target, as PLOVER
    /// and GDELT record them.
    pub monadic: bool,
    /// Also read events off the dependency tree in sentences where the
    /// surface patterns found none (stage `tree_events`). Off by default:
    /// parsing those sentences costs most of the coder's time (about five
    /// times slower on the synthetic stories; docs/EVALUATION.md).
    pub tree: bool,
}

/// One coded event: who did what to whom, when, how sure, on whose word.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub doc_id: String,
    pub sentence_index: usize,
    /// When the event happened: the document date unless the sentence
    /// anchors it ("on Wednesday", "last month", "on March 3").
    pub date: Option<Date>,
    pub document_date: Option<Date>,
    pub source: String,
    /// The target's code; `None` only for a single-actor event, which
    /// [`CodeOptions::monadic`](crate::CodeOptions) asks for.
    pub target: Option<String>,
    pub source_text: String,
    pub target_text: Option<String>,
    /// The actors' names from the dictionaries ("Russia", "United Nations
    /// Security Council"), when the code names a dictionary entry.
    pub source_name: Option<String>,
    pub target_name: Option<String>,
    pub code: String,
    pub code_name: String,
    pub root: String,
    pub quad_class: u8,
    pub goldstein: f32,
    pub plover_type: Option<String>,
    pub modality: Modality,
    pub attribution: Option<String>,
    /// Where the event happened, as a country code: a place named in the
    /// sentence ("in Geneva"), else the document's dateline.
    pub location: Option<String>,
    /// The most specific place the sentence supports, with coordinates,
    /// when the gazetteer knows it.
    pub place: Option<Place>,
    pub trigger_text: String,
    /// Sentences that restate the same event (reported once, rule 27).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also_in_sentences: Vec<usize>,
    pub evidence: Evidence,
}
