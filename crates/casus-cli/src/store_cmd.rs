//! `casus ingest`, `recode`, `query` and `export`: thin layers over
//! casus-store. Ingest codes batches in parallel and stores each batch in
//! one transaction, so a killed run loses at most the batch in flight and
//! rerunning the same command completes the job.

use crate::input::{read_inputs, InputSettings, Item};
use anyhow::{Context, Result};
use casus_core::{CodeOptions, Pipeline};
use casus_store::query::{Bucket, Filter};
use casus_store::{Incoming, Store};
use rayon::prelude::*;
use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

/// Ingest stores a batch when it holds this many documents or this many
/// bytes of input, whichever comes first: the count keeps transactions
/// short, the byte cap keeps memory bounded when documents are large.
const INGEST_BATCH: usize = 256;
const INGEST_BATCH_BYTES: usize = 8 << 20;

#[derive(Debug, Default)]
struct IngestCounts {
    stored: usize,
    already: usize,
    events: usize,
    clusters: usize,
    problems: usize,
    skipped: std::collections::BTreeMap<String, usize>,
}

pub fn open(db: &str) -> Result<Store> {
    Store::open(Path::new(db)).with_context(|| format!("cannot open database {db}"))
}

/// Opens a database that must exist, for commands that change it (recode).
fn open_existing(db: &str) -> Result<Store> {
    Store::open_existing(Path::new(db)).with_context(|| format!("cannot open database {db}"))
}

/// Opens a database that must exist, read-only, for commands that only
/// read (query, export): they work on a read-only file or folder.
fn open_read_only(db: &str) -> Result<Store> {
    Store::open_read_only(Path::new(db)).with_context(|| format!("cannot open database {db}"))
}

pub fn ingest(
    pipeline: &Pipeline,
    db: &str,
    inputs: &[String],
    settings: InputSettings,
    threads: usize,
    options: CodeOptions,
) -> Result<ExitCode> {
    let mut store = open(db)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.max(1))
        .build()?;
    let progress = crate::progress::for_inputs(inputs);
    let mut counts = IngestCounts::default();
    let mut pending: Vec<Item> = Vec::new();
    let mut pending_bytes = 0usize;
    let mut failure: Option<anyhow::Error> = None;
    let flush =
        |pending: &mut Vec<Item>, counts: &mut IngestCounts, store: &mut Store| -> Result<()> {
            let items = std::mem::take(pending);
            // check and parse lines in parallel, keeping input order
            let resolved: Vec<Item> =
                pool.install(|| items.into_par_iter().map(Item::resolve).collect());
            let mut docs = Vec::new();
            for item in resolved {
                match item {
                    Item::Doc(doc) => docs.push(doc),
                    Item::Problem(p) => {
                        counts.problems += 1;
                        eprintln!("casus: {p}");
                    }
                    Item::Skipped(reason) => *counts.skipped.entry(reason).or_default() += 1,
                    Item::Line(_) => {}
                }
            }
            let mut fresh = Vec::new();
            for doc in docs {
                let incoming = Incoming {
                    input: doc.id.clone(),
                    doc,
                };
                if store.contains(&incoming.key())? {
                    counts.already += 1;
                } else {
                    fresh.push(incoming);
                }
            }
            let coded: Vec<_> = pool.install(|| {
                fresh
                    .into_par_iter()
                    .map(|i| {
                        let c = pipeline.code_full_with(&i.doc, options);
                        (i, c)
                    })
                    .collect()
            });
            let report = store.insert_coded(&coded, pipeline.version())?;
            counts.stored += report.documents;
            counts.already += report.already_stored;
            counts.events += report.events;
            counts.clusters += report.new_clusters;
            Ok(())
        };
    read_inputs(inputs, &settings, &mut |item| {
        if failure.is_some() {
            return;
        }
        if let Some(bar) = &progress {
            bar.inc(item.weight() as u64);
        }
        pending_bytes += item.weight();
        pending.push(item);
        if pending.len() >= INGEST_BATCH || pending_bytes >= INGEST_BATCH_BYTES {
            pending_bytes = 0;
            if let Err(e) = flush(&mut pending, &mut counts, &mut store) {
                failure = Some(e);
            }
        }
    });
    if failure.is_none() {
        failure = flush(&mut pending, &mut counts, &mut store).err();
    }
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    if let Some(e) = failure {
        return Err(e);
    }
    let (docs, sentences, events, clusters) = store.counts()?;
    let skipped: Vec<String> = counts
        .skipped
        .iter()
        .map(|(k, v)| format!("{v} {k}"))
        .collect();
    eprintln!(
        "casus: stored {} new documents ({} already stored), {} events in {} new event clusters; {} problems{}",
        counts.stored,
        counts.already,
        counts.events,
        counts.clusters,
        counts.problems,
        if skipped.is_empty() { String::new() } else { format!("; skipped: {}", skipped.join(", ")) }
    );
    eprintln!("casus: {db} now holds {docs} documents, {sentences} sentences, {events} events, {clusters} event clusters");
    Ok(if counts.problems > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

pub fn recode(pipeline: &Pipeline, db: &str, options: CodeOptions) -> Result<ExitCode> {
    let mut store = open_existing(db)?;
    let before = store.dict_versions()?;
    let (docs, events) = store.recode(pipeline, options)?;
    let old: Vec<String> = before
        .iter()
        .filter(|(v, _)| v != pipeline.version())
        .map(|(v, n)| format!("{n} coded with {v}"))
        .collect();
    eprintln!(
        "casus: recoded {docs} documents with dictionary version {} ({}); {events} events",
        pipeline.version(),
        if old.is_empty() {
            "all were already current".to_string()
        } else {
            old.join(", ")
        }
    );
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TableFormat {
    Table,
    Csv,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Period {
    Day,
    Week,
    Month,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum QueryKind {
    /// Counts per period between two actors (codes or prefixes).
    Dyad,
    /// The most active actors.
    TopActors,
    /// The most active directed pairs.
    TopPairs,
    /// The stored reports behind a number, with sentence and article.
    Events,
}

pub struct QueryArgs {
    pub kind: QueryKind,
    pub filter: Filter,
    pub period: Period,
    pub limit: usize,
    pub format: TableFormat,
    /// Write to this file instead of standard output.
    pub out: Option<String>,
}

pub fn query(db: &str, args: QueryArgs) -> Result<ExitCode> {
    let store = open_read_only(db)?;
    let bucket = match args.period {
        Period::Day => Bucket::Day,
        Period::Week => Bucket::Week,
        Period::Month => Bucket::Month,
    };
    let mut out = crate::output::open_out(args.out.as_deref())?;
    match args.kind {
        QueryKind::Dyad => {
            if args.filter.source.is_none() || args.filter.target.is_none() {
                anyhow::bail!("a dyad query needs --source and --target (codes or prefixes such as RUS and IGOWSTNAT)");
            }
            let rows = store.dyad_series(&args.filter, bucket)?;
            let header = [
                "period",
                "events",
                "verbal_coop",
                "material_coop",
                "verbal_conflict",
                "material_conflict",
                "goldstein_sum",
                "goldstein_mean",
                "mentions",
            ];
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    vec![
                        r.period.clone(),
                        r.events.to_string(),
                        r.verbal_cooperation.to_string(),
                        r.material_cooperation.to_string(),
                        r.verbal_conflict.to_string(),
                        r.material_conflict.to_string(),
                        format!("{:.1}", r.goldstein_sum),
                        format!("{:.2}", r.goldstein_mean),
                        r.mentions.to_string(),
                    ]
                })
                .collect();
            emit(&mut out, args.format, &header, &cells, &rows)?;
        }
        QueryKind::TopActors | QueryKind::TopPairs => {
            let rows = if args.kind == QueryKind::TopActors {
                store.top_actors(&args.filter, args.limit)?
            } else {
                store.top_pairs(&args.filter, args.limit)?
            };
            let header = ["actor", "partner", "events", "goldstein_mean"];
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    vec![
                        r.actor.clone(),
                        r.partner.clone().unwrap_or_default(),
                        r.events.to_string(),
                        format!("{:.2}", r.goldstein_mean),
                    ]
                })
                .collect();
            emit(&mut out, args.format, &header, &cells, &rows)?;
        }
        QueryKind::Events => {
            let rows = store.event_records(&args.filter, args.limit)?;
            match args.format {
                // the full records, as `casus code` and `export` write them
                TableFormat::Json => casus_store::export::write_jsonl(&rows, &mut out)?,
                TableFormat::Csv => casus_store::export::write_csv(&rows, &mut out)?,
                TableFormat::Table => {
                    let cells: Vec<Vec<String>> = rows
                        .iter()
                        .map(|r| {
                            let mut c = crate::output::table_cells(&r.record);
                            c.push(r.mentions.to_string());
                            c.push(r.sentence.clone().unwrap_or_default().replace('\n', " "));
                            c
                        })
                        .collect();
                    let mut header = crate::output::TABLE_COLUMNS.to_vec();
                    header.extend(["mentions", "sentence"]);
                    write_table(&mut out, &header, &cells)?;
                }
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn emit<T: serde::Serialize>(
    out: &mut dyn Write,
    format: TableFormat,
    header: &[&str],
    cells: &[Vec<String>],
    rows: &[T],
) -> Result<()> {
    match format {
        TableFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, rows)?;
            writeln!(out)?;
        }
        TableFormat::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(header)?;
            for c in cells {
                w.write_record(c)?;
            }
            w.flush()?;
        }
        TableFormat::Table => write_table(out, header, cells)?,
    }
    Ok(())
}

/// Aligned columns for a terminal; long cells are cut with an ellipsis.
pub fn write_table(out: &mut dyn Write, header: &[&str], cells: &[Vec<String>]) -> Result<()> {
    const WIDEST: usize = 60;
    let cut = |c: &str| -> String {
        let c = c.replace(['\n', '\t', '\r'], " ");
        if c.chars().count() > WIDEST {
            let mut s: String = c.chars().take(WIDEST - 1).collect();
            s.push('…');
            s
        } else {
            c
        }
    };
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    let cells: Vec<Vec<String>> = cells
        .iter()
        .map(|row| row.iter().map(|c| cut(c)).collect())
        .collect();
    for row in &cells {
        for (k, c) in row.iter().enumerate() {
            widths[k] = widths[k].max(c.chars().count());
        }
    }
    let line = |row: &[String]| -> String {
        row.iter()
            .enumerate()
            .map(|(k, c)| format!("{c:<w$}", w = widths[k]))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    let head: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    writeln!(out, "{}", line(&head))?;
    for row in &cells {
        writeln!(out, "{}", line(row))?;
    }
    if cells.is_empty() && io::stdout().is_terminal() {
        writeln!(out, "(no events match)")?;
    }
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// The 61 tab-separated columns of GDELT 2.0's events table.
    Gdelt,
    Jsonl,
    Csv,
    Parquet,
}

pub fn export(
    db: &str,
    format: ExportFormat,
    out_path: Option<&str>,
    header: bool,
    all_modalities: bool,
) -> Result<ExitCode> {
    let store = open_read_only(db)?;
    let rows = store.export_rows(all_modalities)?;
    if format == ExportFormat::Parquet {
        let path = out_path.context("Parquet needs --out FILE")?;
        let file = std::fs::File::create(path).with_context(|| format!("cannot create {path}"))?;
        casus_store::export::write_parquet(&rows, file)?;
    } else {
        let mut out = crate::output::open_out(out_path)?;
        match format {
            ExportFormat::Gdelt => casus_store::export::write_gdelt(&rows, &mut out, header)?,
            ExportFormat::Jsonl => casus_store::export::write_jsonl(&rows, &mut out)?,
            ExportFormat::Csv => casus_store::export::write_csv(&rows, &mut out)?,
            ExportFormat::Parquet => unreachable!(),
        }
        out.flush()?;
    }
    eprintln!("casus: exported {} events", rows.len());
    Ok(ExitCode::SUCCESS)
}
