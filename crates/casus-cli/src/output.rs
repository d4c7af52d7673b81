//! Writing events: JSON lines (the contract in the brief) or TSV with a
//! header (the `--explain` report is in `explain`).

use casus_core::Event;
use std::io::{self, Write};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Jsonl,
    Tsv,
}

pub const TSV_COLUMNS: &[&str] = &[
    "doc_id",
    "sentence_index",
    "date",
    "source",
    "target",
    "code",
    "root",
    "quad_class",
    "goldstein",
    "plover_type",
    "modality",
    "attribution",
    "source_text",
    "target_text",
    "trigger_text",
    "entry",
];

pub fn write_header(out: &mut dyn Write, format: OutputFormat) -> io::Result<()> {
    if format == OutputFormat::Tsv {
        writeln!(out, "{}", TSV_COLUMNS.join("\t"))?;
    }
    Ok(())
}

fn tsv_field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

pub fn write_event(out: &mut dyn Write, format: OutputFormat, e: &Event) -> io::Result<()> {
    match format {
        OutputFormat::Jsonl => {
            serde_json::to_writer(&mut *out, e).map_err(io::Error::other)?;
            writeln!(out)
        }
        OutputFormat::Tsv => {
            let fields = [
                tsv_field(&e.doc_id),
                e.sentence_index.to_string(),
                e.date.map(|d| d.to_string()).unwrap_or_default(),
                e.source.clone(),
                e.target.clone(),
                e.code.clone(),
                e.root.clone(),
                e.quad_class.to_string(),
                format!("{:.1}", e.goldstein),
                e.plover_type.clone().unwrap_or_default(),
                e.modality.as_str().to_string(),
                tsv_field(e.attribution.as_deref().unwrap_or("")),
                tsv_field(&e.source_text),
                tsv_field(&e.target_text),
                tsv_field(&e.trigger_text),
                e.evidence.entry.clone(),
            ];
            writeln!(out, "{}", fields.join("\t"))
        }
    }
}
