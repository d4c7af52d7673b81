//! casus-core: the casus event coder as a library with no I/O.
//!
//! Build one [`Pipeline`] (dictionaries and the parser model loaded once;
//! `Send + Sync`) and call [`Pipeline::code`] for each [`Document`]. The
//! pipeline runs the named stages of [`stages::STAGES`] over a [`Doc`]
//! ([`doc`]), which owns every layer: tokens and sentences ([`text`]),
//! actor mentions ([`actors`]) and coreference links ([`coref`]), tags and
//! trees (casus-parse), verb-pattern predicates ([`verbs`]) with their
//! arguments and cues ([`rules`]), and events. Scoring against gold suites
//! lives in [`eval`].

pub mod actors;
pub mod anchor;
pub mod builtin;
pub mod cameo;
pub(crate) mod clause;
pub mod codes;
pub mod coref;
pub mod date;
pub mod dict;
pub mod doc;
pub mod eval;
pub mod event;
pub mod lang;
pub mod lexicon;
pub mod locate;
pub mod names;
pub mod rules;
pub mod stages;
pub mod text;
pub mod verbs;
pub mod vocab;

pub use date::Date;
pub use dict::{DictError, Source, SourceKind};
pub use doc::Doc;
pub use event::{CodeOptions, Document, Event, Evidence, Modality, Place};

use actors::ActorLexicon;
use cameo::CameoTable;
use rules::Rules;
use verbs::{Irregulars, VerbLexicon};

/// The compiled coder: dictionaries loaded once, shared by all threads.
#[derive(Debug)]
pub struct Pipeline {
    pub cameo: CameoTable,
    pub actors: ActorLexicon,
    pub verbs: VerbLexicon,
    pub rules: Rules,
    pub vocab: vocab::Vocab,
    /// The language's function words (`dict/lang/<code>/`).
    pub language: lang::Language,
    /// The tagger and parser model (the built-in one).
    pub parser: &'static casus_parse::Model,
    /// Canonical actor names for the records (see [`names`]).
    names: names::Names,
    pub gazetteer: locate::Gazetteer,
    files: Vec<String>,
    version: String,
}

/// FNV-1a, 64 bits: a small stable hash for content keys and dictionary
/// versions (stable across Rust releases, unlike the standard hasher).
pub fn fnv64(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in *part {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        // separate the parts, so ("ab","c") and ("a","bc") differ
        h ^= 0xff;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// A document's events with the byte spans of its sentences, in order
/// (headlines included).
#[derive(Debug, Clone, Default)]
pub struct Coded {
    pub events: Vec<Event>,
    pub sentences: Vec<[usize; 2]>,
}

/// Counts for `casus dict stats`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DictStats {
    pub files: usize,
    pub cameo_codes: usize,
    pub states: usize,
    pub organizations: usize,
    pub groups: usize,
    pub places: usize,
    pub persons: usize,
    pub agent_nouns: usize,
    pub actor_phrases: usize,
    pub verb_patterns: usize,
    pub patterns_by_root: Vec<(String, usize)>,
}

impl Pipeline {
    /// The pipeline with the dictionaries embedded in the binary.
    pub fn builtin() -> Result<Pipeline, DictError> {
        Pipeline::from_sources(builtin::sources())
    }

    /// Builds a pipeline from dictionary files. Every error of every file is
    /// collected, so a user fixing a dictionary sees them all at once.
    pub fn from_sources(sources: Vec<Source>) -> Result<Pipeline, DictError> {
        let geo: Vec<&Source> = sources
            .iter()
            .filter(|s| s.kind() == Some(SourceKind::Gazetteer))
            .collect();
        // The gazetteer is the largest single table (34,000 places): it is
        // built on a second thread while the lexicons are built, which
        // halves its share of start-up on a machine with two cores.
        std::thread::scope(|scope| {
            let gazetteer_job = scope.spawn(|| locate::Gazetteer::build(&geo));
            let files: Vec<String> = sources.iter().map(|s| s.name.clone()).collect();
            let mut parts: Vec<&[u8]> = Vec::new();
            for s in &sources {
                parts.push(s.name.as_bytes());
                parts.push(s.text.as_bytes());
            }
            let version = format!("{:016x}", fnv64(&parts));
            let names = names::Names::build(&sources);
            let indexed: Vec<(u16, &Source)> = sources
                .iter()
                .enumerate()
                .map(|(i, s)| (i as u16, s))
                .collect();
            let mut errors = Vec::new();
            if let Err(e) = stages::check_order(stages::STAGES) {
                errors.push(DictError::File {
                    file: "pipeline".into(),
                    message: e.to_string(),
                });
            }
            let parser = builtin::model()
                .map_err(|message| {
                    errors.push(DictError::File {
                        file: "models/en/model.bin".into(),
                        message,
                    })
                })
                .ok();
            for (_, s) in &indexed {
                if s.kind().is_none() {
                    errors.push(DictError::File {
                    file: s.name.clone(),
                    message: "not a dictionary file (expected actors/*.txt, verbs/*.txt, rules/*.txt, lang/<code>/*.txt, geo/*.tsv or cameo_event_codes.tsv)".into(),
                });
                }
            }
            errors.extend(codes::check_sources(
                sources
                    .iter()
                    .filter(|s| s.kind() == Some(SourceKind::ActorCodes)),
            ));
            let mut cameo = CameoTable::default();
            let tables: Vec<&Source> = sources
                .iter()
                .filter(|s| s.kind() == Some(SourceKind::CameoTable))
                .collect();
            // Several tables (the built-in one and a user's) merge in order.
            if tables.is_empty() {
                errors.push(DictError::File {
                    file: "cameo_event_codes.tsv".into(),
                    message: "missing".into(),
                });
            } else {
                let (table, bad) = CameoTable::parse_all(&tables);
                cameo = table;
                errors.extend(bad);
            }
            let actors = ActorLexicon::build(&indexed)
                .map_err(|e| errors.extend(e.all()))
                .ok();
            let verbs = VerbLexicon::build(&indexed, &cameo)
                .map_err(|e| errors.extend(e.all()))
                .ok();
            let mut irregular = Irregulars::default();
            for (_, s) in indexed
                .iter()
                .filter(|(_, s)| s.kind() == Some(SourceKind::Irregular))
            {
                let _ = verbs::parse_irregular(s, &mut irregular);
            }
            let lang_sources: Vec<&Source> = sources
                .iter()
                .filter(|s| s.kind() == Some(SourceKind::Language))
                .collect();
            let language = lang::Language::build(&lang_sources)
                .map_err(|e| errors.extend(e.all()))
                .ok();
            let rules = Rules::build(&indexed, &irregular, |c| cameo.known(c))
                .map_err(|e| errors.extend(e.all()))
                .ok();
            let gazetteer = gazetteer_job
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                .map_err(|e| errors.extend(e.all()))
                .unwrap_or_default();
            DictError::collect(errors)?;
            match (actors, verbs, rules, parser, language) {
                (
                    Some(mut actors),
                    Some(mut verbs),
                    Some(mut rules),
                    Some(parser),
                    Some(language),
                ) => {
                    // Number every word the dictionaries look up, so that coding
                    // looks each token up once.
                    let mut vocab = vocab::Vocab::default();
                    language.register_classes(&mut vocab);
                    verbs.mark_force_targets(|c| rules.code_sets.contains("force-target", c));
                    actors.freeze(&mut vocab);
                    verbs.freeze(&mut vocab);
                    rules.freeze(&mut vocab);
                    Ok(Pipeline {
                        cameo,
                        actors,
                        verbs,
                        rules,
                        vocab,
                        language,
                        parser,
                        names,
                        gazetteer,
                        files,
                        version,
                    })
                }
                _ => unreachable!("every failed build recorded an error"),
            }
        })
    }

    /// Codes one document into events.
    pub fn code(&self, doc: &Document) -> Vec<Event> {
        self.analyse(doc, false).events
    }

    /// Codes one document into events, with `options`.
    pub fn code_with(&self, doc: &Document, options: CodeOptions) -> Vec<Event> {
        self.analyse_with(doc, false, options).events
    }

    /// Runs every stage over one document and returns the Doc with all its
    /// layers; with `explain`, each decision is kept with its stage.
    pub fn analyse<'d>(&self, doc: &'d Document, explain: bool) -> Doc<'d> {
        self.analyse_with(doc, explain, CodeOptions::default())
    }

    /// [`Pipeline::analyse`] with `options`. They travel with the Doc, not
    /// the pipeline, so one shared pipeline serves callers that differ.
    pub fn analyse_with<'d>(
        &self,
        doc: &'d Document,
        explain: bool,
        options: CodeOptions,
    ) -> Doc<'d> {
        let mut d = Doc::new(doc, explain);
        d.options = options;
        stages::run_all(self, &mut d);
        d
    }

    /// A hash of every dictionary file: stored with each coded event so that
    /// a store knows which events a dictionary change makes stale.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// Codes one document and returns its events with its sentence spans.
    pub fn code_full(&self, doc: &Document) -> Coded {
        self.code_full_with(doc, CodeOptions::default())
    }

    /// [`Pipeline::code_full`] with `options`.
    pub fn code_full_with(&self, doc: &Document, options: CodeOptions) -> Coded {
        let d = self.analyse_with(doc, false, options);
        Coded {
            sentences: d.sentence_spans(),
            events: d.events,
        }
    }

    pub fn file_name(&self, file: u16) -> &str {
        self.files
            .get(file as usize)
            .map(String::as_str)
            .unwrap_or("?")
    }

    pub fn stats(&self) -> DictStats {
        let c = &self.actors.counts;
        DictStats {
            files: self.files.len(),
            cameo_codes: self.cameo.len(),
            states: c.countries,
            organizations: c.organizations,
            groups: c.groups,
            places: c.places,
            persons: c.persons,
            agent_nouns: c.agent_nouns,
            actor_phrases: c.phrases,
            verb_patterns: self.verbs.len(),
            patterns_by_root: self.verbs.count_by_root(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipeline_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Pipeline>();
    }
}
