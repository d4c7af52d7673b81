//! The event record as every output writes it (docs/OUTPUT.md,
//! docs/event.schema.json): `casus code`, `query events` and every export.
//! [`Record`] mirrors the JSON of `casus_core::Event` field for field and in
//! the same order, so that a record read back from the store serialises
//! exactly as `casus code` printed it; fields a record stored by an older
//! casus lacks read as null or empty. [`RECORD_COLUMNS`] and
//! [`Record::cells`] are its flat form for CSV, TSV, Parquet and tables.

use casus_core::{Date, Event};
use serde::{Deserialize, Serialize};

/// `[start, end)` byte offsets into the document text.
pub type Span = [u64; 2];

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RecordEvidence {
    pub source: Span,
    /// Null for a single-actor event (`casus code --monadic`).
    pub target: Option<Span>,
    pub trigger: Span,
    pub sentence: Span,
    pub entry: String,
    pub pattern: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cues: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cue_spans: Vec<Span>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<Span>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RecordPlace {
    pub name: String,
    pub feature: String,
    pub country: String,
    pub adm1: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub feature_id: Option<u64>,
    pub rule: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Record {
    pub doc_id: String,
    pub sentence_index: u64,
    pub date: Option<String>,
    pub document_date: Option<String>,
    pub source: String,
    /// Null for a single-actor event (`casus code --monadic`).
    pub target: Option<String>,
    pub source_text: String,
    pub target_text: Option<String>,
    pub source_name: Option<String>,
    pub target_name: Option<String>,
    pub code: String,
    pub code_name: String,
    pub root: String,
    pub quad_class: u8,
    pub goldstein: f64,
    pub plover_type: Option<String>,
    pub modality: String,
    pub attribution: Option<String>,
    pub location: Option<String>,
    pub place: Option<RecordPlace>,
    pub trigger_text: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also_in_sentences: Vec<u64>,
    pub evidence: RecordEvidence,
}

/// The type of a flat column, as CSV readers and Parquet see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Int,
    Float,
    /// A calendar date (`YYYY-MM-DD` in text, DATE in Parquet).
    Date,
    /// A UTC instant (`YYYY-MM-DDTHH:MM:SSZ` in text, TIMESTAMP in Parquet).
    Timestamp,
}

/// One flat column: name, type, and whether it may be null.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub kind: Kind,
    pub nullable: bool,
}

const fn col(name: &'static str, kind: Kind, nullable: bool) -> Column {
    Column {
        name,
        kind,
        nullable,
    }
}

/// One value of a flat column; `None` is null.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(Option<String>),
    Int(Option<i64>),
    Float(Option<f64>),
    /// Days since 1970-01-01.
    Date(Option<Date>),
    /// Seconds since 1970-01-01T00:00:00Z.
    Timestamp(Option<i64>),
}

impl Cell {
    pub fn is_null(&self) -> bool {
        matches!(
            self,
            Cell::Text(None)
                | Cell::Int(None)
                | Cell::Float(None)
                | Cell::Date(None)
                | Cell::Timestamp(None)
        )
    }

    /// The value as text: empty for null, dates as `YYYY-MM-DD`, instants
    /// as `YYYY-MM-DDTHH:MM:SSZ`.
    pub fn text(&self) -> String {
        match self {
            Cell::Text(v) => v.clone().unwrap_or_default(),
            Cell::Int(v) => v.map(|v| v.to_string()).unwrap_or_default(),
            Cell::Float(v) => v.map(|v| v.to_string()).unwrap_or_default(),
            Cell::Date(v) => v.map(|d| d.to_string()).unwrap_or_default(),
            Cell::Timestamp(v) => v.map(format_instant).unwrap_or_default(),
        }
    }
}

use Kind::{Date as D, Float as F, Int as I, Text as T};

/// The flat columns of a record, in order (docs/OUTPUT.md lists each).
pub const RECORD_COLUMNS: &[Column] = &[
    col("doc_id", T, false),
    col("sentence_index", I, false),
    col("date", D, true),
    col("document_date", D, true),
    col("source", T, false),
    col("target", T, true),
    col("source_text", T, false),
    col("target_text", T, true),
    col("source_name", T, true),
    col("target_name", T, true),
    col("code", T, false),
    col("code_name", T, false),
    col("root", T, false),
    col("quad_class", I, false),
    col("goldstein", F, false),
    col("plover_type", T, true),
    col("modality", T, false),
    col("attribution", T, true),
    col("location", T, true),
    col("place_name", T, true),
    col("place_feature", T, true),
    col("place_country", T, true),
    col("place_adm1", T, true),
    col("place_lat", F, true),
    col("place_lon", F, true),
    col("place_feature_id", I, true),
    col("place_rule", T, true),
    col("trigger_text", T, false),
    col("also_in_sentences", T, true),
    col("evidence_source_start", I, false),
    col("evidence_source_end", I, false),
    col("evidence_target_start", I, true),
    col("evidence_target_end", I, true),
    col("evidence_trigger_start", I, false),
    col("evidence_trigger_end", I, false),
    col("evidence_sentence_start", I, false),
    col("evidence_sentence_end", I, false),
    col("evidence_entry", T, false),
    col("evidence_pattern", T, false),
    col("evidence_cues", T, true),
    col("evidence_cue_spans", T, true),
    col("evidence_attribution_start", I, true),
    col("evidence_attribution_end", I, true),
];

fn opt_join<T: ToString>(items: &[T], sep: &str) -> Option<String> {
    (!items.is_empty()).then(|| {
        items
            .iter()
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(sep)
    })
}

impl Record {
    /// The record of a coded event: the same JSON `casus code` prints.
    pub fn from_event(e: &Event) -> Record {
        serde_json::to_value(e)
            .and_then(serde_json::from_value)
            .unwrap_or_default()
    }

    /// The values of [`RECORD_COLUMNS`], in order.
    pub fn cells(&self) -> Vec<Cell> {
        let text = |s: &str| Cell::Text(Some(s.to_string()));
        let otext = |s: &Option<String>| Cell::Text(s.clone());
        let int = |v: u64| Cell::Int(Some(v as i64));
        let date = |s: &Option<String>| Cell::Date(s.as_deref().and_then(Date::parse));
        let p = self.place.as_ref();
        let ev = &self.evidence;
        vec![
            text(&self.doc_id),
            int(self.sentence_index),
            date(&self.date),
            date(&self.document_date),
            text(&self.source),
            otext(&self.target),
            text(&self.source_text),
            otext(&self.target_text),
            otext(&self.source_name),
            otext(&self.target_name),
            text(&self.code),
            text(&self.code_name),
            text(&self.root),
            Cell::Int(Some(i64::from(self.quad_class))),
            Cell::Float(Some(self.goldstein)),
            otext(&self.plover_type),
            text(&self.modality),
            otext(&self.attribution),
            otext(&self.location),
            Cell::Text(p.map(|p| p.name.clone())),
            Cell::Text(p.map(|p| p.feature.clone())),
            Cell::Text(p.map(|p| p.country.clone())),
            Cell::Text(p.and_then(|p| p.adm1.clone())),
            Cell::Float(p.map(|p| p.lat)),
            Cell::Float(p.map(|p| p.lon)),
            Cell::Int(p.and_then(|p| p.feature_id).map(|v| v as i64)),
            Cell::Text(p.map(|p| p.rule.clone())),
            text(&self.trigger_text),
            Cell::Text(opt_join(&self.also_in_sentences, ";")),
            int(ev.source[0]),
            int(ev.source[1]),
            Cell::Int(ev.target.map(|s| s[0] as i64)),
            Cell::Int(ev.target.map(|s| s[1] as i64)),
            int(ev.trigger[0]),
            int(ev.trigger[1]),
            int(ev.sentence[0]),
            int(ev.sentence[1]),
            text(&ev.entry),
            text(&ev.pattern),
            Cell::Text(opt_join(&ev.cues, "; ")),
            Cell::Text(opt_join(
                &ev.cue_spans
                    .iter()
                    .map(|s| format!("{}-{}", s[0], s[1]))
                    .collect::<Vec<_>>(),
                ";",
            )),
            Cell::Int(ev.attribution.map(|s| s[0] as i64)),
            Cell::Int(ev.attribution.map(|s| s[1] as i64)),
        ]
    }
}

/// Seconds since the epoch as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn format_instant(secs: i64) -> String {
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let date = Date::from_days(days).map_or_else(|| "0000-00-00".into(), |d| d.to_string());
    format!(
        "{date}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// Parses what [`format_instant`] writes.
pub fn parse_instant(text: &str) -> Option<i64> {
    let (date, time) = text.strip_suffix('Z')?.split_once('T')?;
    let days = Date::parse(date)?.days();
    let mut hms = time.split(':').map(|p| p.parse::<i64>().ok());
    let (h, m, s) = (hms.next()??, hms.next()??, hms.next()??);
    if hms.next().is_some() || h > 23 || m > 59 || s > 60 {
        return None;
    }
    Some(days * 86_400 + h * 3600 + m * 60 + s)
}

/// The current time, for the ingest time of stored documents.
pub fn now_instant() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    format_instant(secs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_follow_the_columns() {
        let r = Record {
            date: Some("2024-06-13".into()),
            evidence: RecordEvidence {
                trigger: [10, 19],
                cues: vec!["may".into(), "not".into()],
                cue_spans: vec![[3, 6], [7, 10]],
                ..Default::default()
            },
            ..Default::default()
        };
        let cells = r.cells();
        assert_eq!(cells.len(), RECORD_COLUMNS.len());
        let get = |name: &str| &cells[RECORD_COLUMNS.iter().position(|c| c.name == name).unwrap()];
        assert_eq!(get("date"), &Cell::Date(Date::parse("2024-06-13")));
        assert_eq!(get("document_date"), &Cell::Date(None));
        assert_eq!(get("evidence_trigger_end"), &Cell::Int(Some(19)));
        assert_eq!(get("evidence_cue_spans").text(), "3-6;7-10");
        assert_eq!(get("place_lat"), &Cell::Float(None));
        for (c, v) in RECORD_COLUMNS.iter().zip(&cells) {
            let kind = match v {
                Cell::Text(_) => Kind::Text,
                Cell::Int(_) => Kind::Int,
                Cell::Float(_) => Kind::Float,
                Cell::Date(_) => Kind::Date,
                Cell::Timestamp(_) => Kind::Timestamp,
            };
            assert_eq!(kind, c.kind, "{}", c.name);
        }
    }

    #[test]
    fn instants_round_trip() {
        let t = parse_instant("2026-12-06T17:05:09Z").unwrap();
        assert_eq!(format_instant(t), "2026-12-06T17:05:09Z");
        assert_eq!(parse_instant("2026-12-06 17:05:09"), None);
        assert_eq!(format_instant(0), "1970-01-01T00:00:00Z");
    }

    #[test]
    fn old_records_without_new_fields_still_read() {
        let r: Record =
            serde_json::from_str(r#"{"doc_id":"a","source":"KEN","evidence":{"entry":"x:1"}}"#)
                .unwrap();
        assert_eq!(r.source_name, None);
        assert_eq!(r.evidence.entry, "x:1");
    }
}
