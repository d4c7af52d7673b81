//! Strict scoring against gold suites (see the brief): per item, the
//! multiset of (source, target, code) triples; precision, recall and F1 over
//! all items; modality accuracy over matched triples; per-phenomenon counts.

use crate::event::{Event, Modality};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
pub struct Triple {
    pub source: String,
    pub target: String,
    pub code: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoldEvent {
    #[serde(flatten)]
    pub triple: Triple,
    pub modality: Modality,
}

/// How one item scored.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ItemScore {
    pub id: String,
    pub phenomenon: Option<String>,
    /// Matched triples with (gold, predicted) modality.
    pub matched: Vec<(Triple, Modality, Modality)>,
    pub missed: Vec<GoldEvent>,
    pub false_alarms: Vec<GoldEvent>,
}

pub fn score_item(
    id: &str,
    phenomenon: Option<&str>,
    gold: &[GoldEvent],
    predicted: &[Event],
) -> ItemScore {
    let mut by_triple: HashMap<Triple, (Vec<Modality>, Vec<Modality>)> = HashMap::default();
    for g in gold {
        by_triple
            .entry(g.triple.clone())
            .or_default()
            .0
            .push(g.modality);
    }
    for e in predicted {
        let t = Triple {
            source: e.source.clone(),
            // gold is dyadic: a single-actor event matches no gold triple
            target: e.target.clone().unwrap_or_default(),
            code: e.code.clone(),
        };
        by_triple.entry(t).or_default().1.push(e.modality);
    }
    let mut score = ItemScore {
        id: id.to_string(),
        phenomenon: phenomenon.map(str::to_string),
        ..Default::default()
    };
    let mut triples: Vec<_> = by_triple.into_iter().collect();
    triples.sort_by(|a, b| a.0.cmp(&b.0));
    for (triple, (mut g, mut p)) in triples {
        // Pair equal modalities first, so modality accuracy is not lowered by
        // an arbitrary pairing of duplicates.
        let mut k = 0;
        while k < g.len() {
            if let Some(j) = p.iter().position(|&m| m == g[k]) {
                score.matched.push((triple.clone(), g[k], p[j]));
                g.remove(k);
                p.remove(j);
            } else {
                k += 1;
            }
        }
        while !g.is_empty() && !p.is_empty() {
            score
                .matched
                .push((triple.clone(), g.remove(0), p.remove(0)));
        }
        score.missed.extend(g.into_iter().map(|modality| GoldEvent {
            triple: triple.clone(),
            modality,
        }));
        score
            .false_alarms
            .extend(p.into_iter().map(|modality| GoldEvent {
                triple: triple.clone(),
                modality,
            }));
    }
    score
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Counts {
    pub items: usize,
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
    pub modality_matched: usize,
    pub modality_correct: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub modality_accuracy: f64,
}

impl Counts {
    fn add(&mut self, s: &ItemScore) {
        self.items += 1;
        self.true_positives += s.matched.len();
        self.false_positives += s.false_alarms.len();
        self.false_negatives += s.missed.len();
        self.modality_matched += s.matched.len();
        self.modality_correct += s.matched.iter().filter(|(_, g, p)| g == p).count();
    }

    fn finish(&mut self) {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        self.precision = ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        );
        self.recall = ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        );
        self.f1 = if self.precision + self.recall == 0.0 {
            // An item set with nothing expected and nothing coded is perfect.
            if self.true_positives + self.false_positives + self.false_negatives == 0 {
                1.0
            } else {
                0.0
            }
        } else {
            2.0 * self.precision * self.recall / (self.precision + self.recall)
        };
        self.modality_accuracy = if self.modality_matched == 0 {
            1.0
        } else {
            ratio(self.modality_correct, self.modality_matched)
        };
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub overall: Counts,
    pub by_phenomenon: BTreeMap<String, Counts>,
    /// Items that expect no event but got some.
    pub no_event_items_with_events: Vec<String>,
}

pub fn summarize(items: &[ItemScore]) -> Summary {
    let mut summary = Summary::default();
    for s in items {
        summary.overall.add(s);
        if let Some(p) = &s.phenomenon {
            summary.by_phenomenon.entry(p.clone()).or_default().add(s);
        }
        if s.matched.is_empty() && s.missed.is_empty() && !s.false_alarms.is_empty() {
            summary.no_event_items_with_events.push(s.id.clone());
        }
    }
    summary.overall.finish();
    for c in summary.by_phenomenon.values_mut() {
        c.finish();
    }
    summary
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::Evidence;

    fn gold(s: &str, t: &str, c: &str, m: Modality) -> GoldEvent {
        GoldEvent {
            triple: Triple {
                source: s.into(),
                target: t.into(),
                code: c.into(),
            },
            modality: m,
        }
    }

    pub(super) fn event(s: &str, t: &str, c: &str, m: Modality) -> Event {
        Event {
            doc_id: "d".into(),
            sentence_index: 0,
            date: None,
            document_date: None,
            source: s.into(),
            target: Some(t.into()),
            source_text: String::new(),
            target_text: Some(String::new()),
            source_name: None,
            target_name: None,
            code: c.into(),
            code_name: String::new(),
            root: c[..2].into(),
            quad_class: 1,
            goldstein: 0.0,
            plover_type: None,
            modality: m,
            attribution: None,
            location: None,
            place: None,
            also_in_sentences: Vec::new(),
            trigger_text: String::new(),
            evidence: Evidence {
                source: [0, 0],
                target: Some([0, 0]),
                trigger: [0, 0],
                sentence: [0, 0],
                entry: String::new(),
                pattern: String::new(),
                cues: vec![],
                cue_spans: vec![],
                attribution: None,
            },
        }
    }

    #[test]
    fn scoring_is_strict_over_triple_multisets() {
        use Modality::*;
        let g = [
            gold("RUS", "UKR", "190", Asserted),
            gold("RUS", "UKR", "190", Asserted),
            gold("UKR", "RUS", "046", Future),
        ];
        let p = [
            event("RUS", "UKR", "190", Asserted),
            event("UKR", "RUS", "046", Asserted),
            event("RUS", "UKR", "19", Asserted),
        ];
        let s = score_item("x", Some("p"), &g, &p);
        assert_eq!(s.matched.len(), 2);
        assert_eq!(s.missed.len(), 1);
        assert_eq!(s.false_alarms.len(), 1);
        let sum = summarize(&[s]);
        assert_eq!(sum.overall.true_positives, 2);
        assert!((sum.overall.precision - 2.0 / 3.0).abs() < 1e-9);
        assert!((sum.overall.recall - 2.0 / 3.0).abs() < 1e-9);
        assert!((sum.overall.modality_accuracy - 0.5).abs() < 1e-9);
        assert_eq!(sum.by_phenomenon["p"].items, 1);
    }

    #[test]
    fn no_event_items_with_false_alarms_are_listed() {
        use Modality::*;
        let s1 = score_item("quiet", Some("no_event"), &[], &[]);
        let s2 = score_item(
            "noisy",
            Some("no_event"),
            &[],
            &[event("USA", "IRN", "190", Asserted)],
        );
        let sum = summarize(&[s1, s2]);
        assert_eq!(sum.no_event_items_with_events, ["noisy"]);
        assert_eq!(sum.by_phenomenon["no_event"].false_positives, 1);
    }
}

/// Document-level recall: is a story's labelled PLOVER type among the types
/// of the events coded from it? Used on corpora labelled per document.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DocumentSummary {
    pub documents: usize,
    pub with_label_found: usize,
    pub recall: f64,
    pub events: usize,
    pub events_per_document: f64,
    pub documents_without_events: usize,
    /// label -> (documents, found)
    pub by_label: BTreeMap<String, (usize, usize)>,
}

impl DocumentSummary {
    pub fn add(&mut self, label: &str, events: &[Event]) -> bool {
        // A code may map to several PLOVER types ("CONCEDE|RETREAT").
        let found = events
            .iter()
            .filter_map(|e| e.plover_type.as_deref())
            .any(|t| t.split('|').any(|p| p.eq_ignore_ascii_case(label)));
        self.documents += 1;
        self.events += events.len();
        self.documents_without_events += usize::from(events.is_empty());
        self.with_label_found += usize::from(found);
        let entry = self.by_label.entry(label.to_string()).or_default();
        entry.0 += 1;
        entry.1 += usize::from(found);
        found
    }

    pub fn finish(&mut self) {
        let n = self.documents.max(1) as f64;
        self.recall = self.with_label_found as f64 / n;
        self.events_per_document = self.events as f64 / n;
    }
}

#[cfg(test)]
mod document_tests {
    use super::*;

    fn with_type(t: &str) -> Event {
        let mut e = super::tests::event("A", "B", "0874", Modality::Asserted);
        e.plover_type = Some(t.into());
        e
    }

    #[test]
    fn document_recall_counts_any_matching_event_and_split_types() {
        let mut s = DocumentSummary::default();
        assert!(s.add("RETREAT", &[with_type("CONCEDE|RETREAT")]));
        assert!(!s.add("ASSAULT", &[with_type("PROTEST")]));
        assert!(!s.add("AID", &[]));
        s.finish();
        assert_eq!(s.documents, 3);
        assert!((s.recall - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(s.documents_without_events, 1);
        assert_eq!(s.by_label["ASSAULT"], (1, 0));
    }
}
