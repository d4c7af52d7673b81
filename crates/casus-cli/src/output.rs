//! Writing events: JSON lines (the record of docs/OUTPUT.md), TSV with a
//! header (the record's flat columns, as the CSV export), an aligned table
//! for reading in a terminal (the `--explain` report is in `explain`).

use anyhow::{Context, Result};
use casus_core::Event;
use casus_store::record::{Record, RECORD_COLUMNS};
use std::io::{self, Write};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// One JSON record per event per line (docs/OUTPUT.md).
    Jsonl,
    /// Tab-separated flat columns with a header, as the CSV export.
    Tsv,
    /// Aligned, truncated columns for reading in a terminal.
    Table,
}

/// Standard output, or the file `--out` names (created or truncated).
pub fn open_out(path: Option<&str>) -> Result<Box<dyn Write>> {
    Ok(match path {
        Some(p) if p != "-" => Box::new(io::BufWriter::with_capacity(
            1 << 16,
            std::fs::File::create(p).with_context(|| format!("cannot create {p}"))?,
        )),
        _ => Box::new(io::BufWriter::with_capacity(1 << 16, io::stdout().lock())),
    })
}

/// Columns of `--format table`, with their widths (longer cells are cut).
pub const TABLE_COLUMNS: &[&str] = &[
    "doc_id",
    "sent",
    "date",
    "source",
    "target",
    "code",
    "modality",
    "source_name",
    "target_name",
    "trigger",
    "attribution",
];
const TABLE_WIDTHS: &[usize] = &[14, 4, 10, 10, 10, 5, 12, 22, 22, 18, 18];

/// A record's cells for [`TABLE_COLUMNS`].
pub fn table_cells(r: &Record) -> Vec<String> {
    vec![
        r.doc_id.clone(),
        r.sentence_index.to_string(),
        r.date.clone().unwrap_or_default(),
        r.source.clone(),
        r.target.clone().unwrap_or_default(),
        r.code.clone(),
        r.modality.clone(),
        r.source_name.clone().unwrap_or_default(),
        r.target_name.clone().unwrap_or_default(),
        r.trigger_text.clone(),
        r.attribution.clone().unwrap_or_default(),
    ]
}

/// One line of fixed-width columns; a cut cell ends in an ellipsis.
fn table_line(cells: &[String]) -> String {
    cells
        .iter()
        .zip(TABLE_WIDTHS)
        .map(|(c, &w)| {
            let c = c.replace(['\t', '\n', '\r'], " ");
            let c = if c.chars().count() > w {
                let mut s: String = c.chars().take(w - 1).collect();
                s.push('…');
                s
            } else {
                c
            };
            format!("{c:<w$}")
        })
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end()
        .to_string()
}

pub fn write_header(out: &mut dyn Write, format: OutputFormat) -> io::Result<()> {
    match format {
        OutputFormat::Tsv => {
            let names: Vec<&str> = RECORD_COLUMNS.iter().map(|c| c.name).collect();
            writeln!(out, "{}", names.join("\t"))
        }
        OutputFormat::Table => {
            let head: Vec<String> = TABLE_COLUMNS.iter().map(|c| c.to_string()).collect();
            writeln!(out, "{}", table_line(&head))
        }
        OutputFormat::Jsonl => Ok(()),
    }
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
            let fields: Vec<String> = Record::from_event(e)
                .cells()
                .iter()
                .map(|c| tsv_field(&c.text()))
                .collect();
            writeln!(out, "{}", fields.join("\t"))
        }
        OutputFormat::Table => {
            writeln!(out, "{}", table_line(&table_cells(&Record::from_event(e))))
        }
    }
}
