//! The `casus` command: a thin layer over `casus-core`. Flags are parsed
//! once by clap, turned into settings, and each subcommand reads its inputs,
//! calls the pipeline and writes records.

mod batch;
mod bench;
mod dicts;
mod explain;
mod import_cmd;
mod input;
mod output;
mod parse_cmd;
mod progress;
mod store_cmd;

use anyhow::{bail, Context, Result};
use casus_core::eval::{score_item, summarize, GoldEvent, ItemScore, Triple};
use casus_core::{CodeOptions, Date, Document, Modality, Pipeline};
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use input::{read_inputs, InputFormat, InputSettings};
use output::OutputFormat;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "casus",
    version,
    about = "Political event data from news text: who did what to whom, when, how sure, on whose word."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args, Clone)]
struct DictArgs {
    /// A folder of dictionary files (actors/, verbs/, rules/) that add to or
    /// replace the built-in dictionaries.
    #[arg(long, value_name = "DIR", global = true)]
    dict: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Code documents into CAMEO events, one JSON object per event per line.
    Code {
        /// `.txt` files (one document each), `.jsonl` files (one document per
        /// line with `id`, `text`, optional `date`, `title`, `url`), or `-`
        /// for standard input. Standard input is read when none is given.
        inputs: Vec<String>,
        #[arg(long, value_enum, default_value = "jsonl")]
        format: OutputFormat,
        /// Write the records to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<String>,
        /// How to read standard input and files without a known extension.
        #[arg(long, value_enum, default_value = "auto")]
        input_format: InputFormat,
        /// Date of text input (YYYY-MM-DD or YYYYMMDD); JSONL records carry their own.
        #[arg(long)]
        date: Option<String>,
        /// Print, per sentence, the actors, patterns, decisions and events.
        #[arg(long)]
        explain: bool,
        /// Also write single-actor events (a protest, an attack on an unnamed
        /// target, a state of emergency declared) with a null target, as
        /// PLOVER and GDELT record them. By default every event has a source
        /// and a target (docs/CONVENTIONS.md).
        #[arg(long)]
        monadic: bool,
        /// Also read events off the dependency tree where the surface
        /// patterns found none (sentences with two actors and a verb of the
        /// lexicon). Slower: those sentences are tagged and parsed.
        #[arg(long)]
        tree: bool,
        /// Threads that code documents (output order never changes).
        #[arg(long, default_value_t = default_threads(), value_parser = clap::value_parser!(u16).range(1..=MAX_THREADS as i64))]
        threads: u16,
        #[command(flatten)]
        dict: DictArgs,
    },
    /// Measure speed: documents, sentences, MB and events per second, for
    /// one thread and for all cores, plus dictionary load time and peak memory.
    Bench {
        /// A JSONL corpus; by default ../shared/corpus/synthetic_stories.jsonl
        /// when it exists, else a corpus generated on the fly.
        corpus: Option<String>,
        /// Runs per thread count; the fastest is reported.
        #[arg(long, default_value_t = 3)]
        runs: usize,
        /// Print the figures as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Score the coder against a gold suite (JSONL with `expected` events).
    Eval {
        suite: String,
        /// Print a machine-readable summary.
        #[arg(long)]
        json: bool,
        /// List the misses and false alarms of every item.
        #[arg(long)]
        errors: bool,
        /// Code as `casus code --tree` does.
        #[arg(long)]
        tree: bool,
        #[command(flatten)]
        dict: DictArgs,
    },
    /// Code documents and store them, their sentences and events in an
    /// SQLite database. Storing the same input twice changes nothing; an
    /// interrupted run is completed by running it again.
    Ingest {
        /// Inputs as for `casus code`, plus `.html` pages and `.warc` /
        /// `.warc.gz` web archives.
        inputs: Vec<String>,
        #[arg(long, default_value = "casus.db")]
        db: String,
        #[arg(long, value_enum, default_value = "auto")]
        input_format: InputFormat,
        /// Date of text input without a date of its own.
        #[arg(long)]
        date: Option<String>,
        /// Also write single-actor events (a protest, an attack on an unnamed
        /// target, a state of emergency declared) with a null target, as
        /// PLOVER and GDELT record them. By default every event has a source
        /// and a target (docs/CONVENTIONS.md).
        #[arg(long)]
        monadic: bool,
        #[arg(long, default_value_t = default_threads(), value_parser = clap::value_parser!(u16).range(1..=MAX_THREADS as i64))]
        threads: u16,
        #[command(flatten)]
        dict: DictArgs,
    },
    /// Recode every stored document with the current dictionaries.
    Recode {
        #[arg(long, default_value = "casus.db")]
        db: String,
        /// Also write single-actor events, with a null target (as
        /// `ingest --monadic`); without it, recoding drops stored ones.
        #[arg(long)]
        monadic: bool,
        #[command(flatten)]
        dict: DictArgs,
    },
    /// Ask the database: a dyad time series, top actors or pairs, or the
    /// events behind a number.
    Query {
        #[arg(value_enum)]
        kind: store_cmd::QueryKind,
        #[arg(long, default_value = "casus.db")]
        db: String,
        /// Source actor: a CAMEO code or prefix (RUS matches RUSGOV, RUSMIL ...).
        #[arg(long)]
        source: Option<String>,
        /// Target actor: a CAMEO code or prefix.
        #[arg(long)]
        target: Option<String>,
        /// Only source -> target; by default a dyad counts both directions.
        #[arg(long)]
        directed: bool,
        /// First date (YYYY-MM-DD).
        #[arg(long)]
        since: Option<String>,
        /// Last date (YYYY-MM-DD).
        #[arg(long)]
        until: Option<String>,
        /// Count negated, hypothetical and future events too.
        #[arg(long)]
        all_modalities: bool,
        /// CAMEO event code or prefix.
        #[arg(long)]
        code: Option<String>,
        /// QuadClass 1-4.
        #[arg(long)]
        quad_class: Option<u8>,
        #[arg(long, value_enum, default_value = "month")]
        by: store_cmd::Period,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// `table` for reading; `json` (events: one record per line, as
        /// `casus code`) and `csv` for other tools.
        #[arg(long, value_enum, default_value = "table")]
        format: store_cmd::TableFormat,
        /// Write to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<String>,
    },
    /// Export the deduplicated events: GDELT 2.0 (61 columns), JSONL, CSV or Parquet.
    Export {
        #[arg(long, value_enum)]
        format: store_cmd::ExportFormat,
        #[arg(long, default_value = "casus.db")]
        db: String,
        /// Output file (standard output if omitted; required for Parquet).
        #[arg(long, value_name = "FILE")]
        out: Option<String>,
        /// Write the column names first (GDELT files have none).
        #[arg(long)]
        header: bool,
        /// Export negated, hypothetical and future events too.
        #[arg(long)]
        all_modalities: bool,
    },
    /// Serve the HTTP API and the web page (article view, relations view).
    Serve {
        #[arg(long, default_value = "casus.db")]
        db: String,
        /// Address to listen on; loopback by default. Port 0 picks a free port.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: String,
        /// Start a new empty database if --db does not exist.
        #[arg(long)]
        create: bool,
        /// Serve without writing: ingest answers 403.
        #[arg(long)]
        read_only: bool,
        /// Require this token on every API request (also read from
        /// CASUS_TOKEN); needed when binding beyond loopback. The page is
        /// opened as http://HOST:PORT/#token=TOKEN.
        #[arg(long)]
        token: Option<String>,
        #[command(flatten)]
        dict: DictArgs,
    },
    /// Tag and parse text into CoNLL-U (UD tags and dependency trees).
    Parse(parse_cmd::ParseArgs),
    /// Inspect dictionaries.
    Dict {
        #[command(subcommand)]
        command: DictCommand,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell),
    /// e.g. `casus completions bash > /etc/bash_completion.d/casus`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `casus man | man -l -`.
    Man {
        /// Write the page of every subcommand (casus.1, casus-code.1, ...)
        /// into this folder instead of printing casus.1.
        #[arg(long, value_name = "DIR")]
        dir: Option<String>,
    },
}

#[derive(Subcommand)]
enum DictCommand {
    /// Validate dictionary files and report every error with file and line.
    /// Without DIR, checks the built-in dictionaries.
    Check { dir: Option<String> },
    /// Count entries per kind and verb patterns per CAMEO root.
    Stats {
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        dict: DictArgs,
    },
    /// Convert TABARI or PETRARCH-2 dictionaries into a casus dictionary
    /// folder, listing every entry it could not convert in
    /// FOLDER/import-report.txt.
    Import(import_cmd::ImportArgs),
}

// Coding allocates many small, short-lived strings and vectors per
// sentence; mimalloc serves them markedly faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn parse_date_flag(date: Option<String>) -> Result<Option<Date>> {
    match date {
        Some(d) => Ok(Some(Date::parse(&d).with_context(|| {
            format!("--date `{d}` is not YYYY-MM-DD or YYYYMMDD")
        })?)),
        None => Ok(None),
    }
}

/// Upper bound of `--threads`: more threads than this only cost memory.
const MAX_THREADS: u16 = 256;

fn default_threads() -> u16 {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(MAX_THREADS.into()) as u16)
}

/// Whether an error is, somewhere in its chain, a write to a closed pipe.
/// serde_json and csv wrap the `io::Error` without exposing it as a
/// source, so each is asked in its own terms.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        if let Some(io) = c.downcast_ref::<io::Error>() {
            return io.kind() == io::ErrorKind::BrokenPipe;
        }
        if let Some(json) = c.downcast_ref::<serde_json::Error>() {
            return json.io_error_kind() == Some(io::ErrorKind::BrokenPipe);
        }
        if let Some(csv) = c.downcast_ref::<csv::Error>() {
            return matches!(csv.kind(), csv::ErrorKind::Io(io) if io.kind() == io::ErrorKind::BrokenPipe);
        }
        false
    })
}

/// What `--version` prints: the program, the built-in dictionaries'
/// version (the hash stored with every coded event) and the parser model.
fn long_version() -> String {
    let dicts = match Pipeline::builtin() {
        Ok(p) => format!("{} ({} files)", p.version(), p.stats().files),
        Err(e) => format!("unreadable ({e})"),
    };
    let model = casus_core::fnv64(&[casus_core::builtin::MODEL_BYTES]);
    format!(
        "{}\ndictionaries: built-in {dicts}\nparser model: models/en/model.bin {model:016x} ({} bytes)",
        env!("CARGO_PKG_VERSION"),
        casus_core::builtin::MODEL_BYTES.len()
    )
}

fn main() -> ExitCode {
    let mut command = Cli::command();
    // Building the dictionaries costs time, so only when asked.
    if std::env::args_os().any(|a| a == "--version" || a == "-V") {
        command = command.version(&*long_version().leak());
    }
    let cli = match Cli::from_arg_matches(&command.get_matches()) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => {
            // The reader went away (`casus ... | head`): a normal way to stop.
            ExitCode::SUCCESS
        }
        Err(e) => {
            // One clear line: the error and its causes.
            let chain: Vec<String> = e.chain().map(|c| c.to_string()).collect();
            eprintln!("casus: error: {}", chain.join(": "));
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Code {
            inputs,
            format,
            out,
            input_format,
            date,
            explain,
            monadic,
            tree,
            threads,
            dict,
        } => {
            let date = match date {
                Some(d) => Some(
                    Date::parse(&d)
                        .with_context(|| format!("--date `{d}` is not YYYY-MM-DD or YYYYMMDD"))?,
                ),
                None => None,
            };
            let pipeline = dicts::load(dict.dict.as_deref())?;
            let inputs = if inputs.is_empty() {
                vec!["-".to_string()]
            } else {
                inputs
            };
            let batcher = batch::Batcher::new(pipeline, threads.into(), format, explain)?
                .with_options(CodeOptions { monadic, tree });
            code(
                batcher,
                &inputs,
                InputSettings {
                    format: input_format,
                    date,
                },
                format,
                out.as_deref(),
                explain,
            )
        }
        Command::Bench { corpus, runs, json } => bench::run(corpus.as_deref(), runs, json),
        Command::Ingest {
            inputs,
            db,
            input_format,
            date,
            monadic,
            threads,
            dict,
        } => {
            let date = parse_date_flag(date)?;
            let pipeline = dicts::load(dict.dict.as_deref())?;
            let inputs = if inputs.is_empty() {
                vec!["-".to_string()]
            } else {
                inputs
            };
            store_cmd::ingest(
                pipeline,
                &db,
                &inputs,
                InputSettings {
                    format: input_format,
                    date,
                },
                threads.into(),
                CodeOptions {
                    monadic,
                    ..CodeOptions::default()
                },
            )
        }
        Command::Recode { db, monadic, dict } => {
            let pipeline = dicts::load(dict.dict.as_deref())?;
            store_cmd::recode(
                pipeline,
                &db,
                CodeOptions {
                    monadic,
                    ..CodeOptions::default()
                },
            )
        }
        Command::Query {
            kind,
            db,
            source,
            target,
            directed,
            since,
            until,
            all_modalities,
            code,
            quad_class,
            by,
            limit,
            format,
            out,
        } => {
            for d in since.iter().chain(until.iter()) {
                if Date::parse(d).is_none() {
                    anyhow::bail!("`{d}` is not a date (YYYY-MM-DD)");
                }
            }
            let filter = casus_store::query::Filter {
                source,
                target,
                both_directions: !directed,
                since: since.and_then(|d| Date::parse(&d)).map(|d| d.to_string()),
                until: until.and_then(|d| Date::parse(&d)).map(|d| d.to_string()),
                all_modalities,
                code,
                quad_class,
            };
            store_cmd::query(
                &db,
                store_cmd::QueryArgs {
                    kind,
                    filter,
                    period: by,
                    limit,
                    format,
                    out,
                },
            )
        }
        Command::Serve {
            db,
            addr,
            create,
            read_only,
            token,
            dict,
        } => {
            let pipeline = dicts::load(dict.dict.as_deref())?;
            let path = std::path::PathBuf::from(&db);
            if create && !path.exists() {
                casus_store::Store::open(&path)
                    .with_context(|| format!("cannot create database {db}"))?;
            }
            let state = if read_only {
                casus_server::AppState::read_only(pipeline, path)
            } else {
                casus_server::AppState::new(pipeline, path)
            }
            .map_err(|e| match e {
                casus_store::StoreError::NotFound(_) => {
                    anyhow::anyhow!("no database at {db} (give --create to start an empty one)")
                }
                other => anyhow::anyhow!("cannot open database {db}: {other}"),
            })?
            .with_token(token.or_else(|| std::env::var("CASUS_TOKEN").ok()));
            let runtime = tokio::runtime::Runtime::new()?;
            runtime
                .block_on(casus_server::serve(state, &addr))
                .with_context(|| format!("cannot serve on {addr}"))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export {
            format,
            db,
            out,
            header,
            all_modalities,
        } => store_cmd::export(&db, format, out.as_deref(), header, all_modalities),
        Command::Eval {
            suite,
            json,
            errors,
            tree,
            dict,
        } => {
            let pipeline = dicts::load(dict.dict.as_deref())?;
            let options = CodeOptions {
                tree,
                ..CodeOptions::default()
            };
            eval(pipeline, &suite, json, errors, options)
        }
        Command::Parse(args) => parse_cmd::run(args),
        Command::Completions { shell } => {
            // clap_complete panics on a failed write, so it writes to memory
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "casus", &mut script);
            let mut out = io::stdout().lock();
            out.write_all(&script)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Man { dir } => man(dir.as_deref()),
        Command::Dict {
            command: DictCommand::Check { dir },
        } => dicts::check(dir.as_deref()),
        Command::Dict {
            command: DictCommand::Stats { json, dict },
        } => {
            let pipeline = dicts::load(dict.dict.as_deref())?;
            dicts::stats(pipeline, json)
        }
        Command::Dict {
            command: DictCommand::Import(args),
        } => import_cmd::run(args),
    }
}

/// `casus man`: the manual page built from the clap definitions.
fn man(dir: Option<&str>) -> Result<ExitCode> {
    let command = Cli::command();
    let Some(dir) = dir else {
        let mut page = Vec::new();
        clap_mangen::Man::new(command).render(&mut page)?;
        let mut out = io::stdout().lock();
        out.write_all(&page)?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    };
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {dir}"))?;
    clap_mangen::generate_to(command, dir).with_context(|| format!("cannot write into {dir}"))?;
    Ok(ExitCode::SUCCESS)
}

fn code(
    mut batcher: batch::Batcher,
    inputs: &[String],
    settings: InputSettings,
    format: OutputFormat,
    out_path: Option<&str>,
    explain: bool,
) -> Result<ExitCode> {
    let mut out = output::open_out(out_path)?;
    if !explain {
        output::write_header(&mut out, format)?;
    }
    let progress = progress::for_inputs(inputs);
    let mut write_error: Option<io::Error> = None;
    read_inputs(inputs, &settings, &mut |item| {
        if write_error.is_some() {
            return;
        }
        if let Some(bar) = &progress {
            bar.inc(item.weight() as u64);
        }
        if let Err(e) = batcher.push(item, &mut out) {
            write_error = Some(e);
        }
    });
    if write_error.is_none() {
        write_error = batcher.flush(&mut out).err();
    }
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    match write_error {
        // A closed pipe (`casus code ... | head`) is a normal way to stop.
        Some(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        Some(e) => return Err(e).context("writing output"),
        None => {}
    }
    match out.flush() {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        other => other.context("writing output")?,
    }
    let c = batcher.counts;
    if io::stderr().is_terminal() || c.problems > 0 || c.skipped > 0 {
        let skipped = if c.skipped > 0 {
            format!(
                ", {} skipped (non-English, or WARC records that are not HTML pages)",
                c.skipped
            )
        } else {
            String::new()
        };
        eprintln!(
            "casus: {} documents, {} events, {} problems{skipped}",
            c.documents, c.events, c.problems
        );
    }
    Ok(if c.problems > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

#[derive(serde::Deserialize)]
struct GoldRecord {
    id: String,
    #[serde(default)]
    text: String,
    date: Option<String>,
    phenomenon: Option<String>,
    #[serde(default)]
    expected: Vec<GoldExpected>,
    /// Document-level label (corpora such as the synthetic stories).
    plover_type: Option<String>,
}

#[derive(serde::Deserialize)]
struct GoldExpected {
    source: String,
    target: String,
    code: String,
    modality: String,
}

fn eval(
    pipeline: &Pipeline,
    suite: &str,
    json: bool,
    show_errors: bool,
    options: CodeOptions,
) -> Result<ExitCode> {
    let text =
        std::fs::read_to_string(suite).with_context(|| format!("cannot read suite {suite}"))?;
    let mut scores: Vec<(ItemScore, String)> = Vec::new();
    let mut documents = casus_core::eval::DocumentSummary::default();
    let mut missed_documents: Vec<(String, String, String)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let record: GoldRecord = serde_json::from_str(line)
            .with_context(|| format!("{suite}:{}: not a gold record", i + 1))?;
        if record.text.trim().is_empty() {
            continue; // header records describe the suite
        }
        let date = match &record.date {
            Some(d) => {
                Some(Date::parse(d).with_context(|| format!("{suite}:{}: bad date `{d}`", i + 1))?)
            }
            None => None,
        };
        let mut gold = Vec::new();
        for e in &record.expected {
            let modality = Modality::parse(&e.modality)
                .with_context(|| format!("{suite}:{}: unknown modality `{}`", i + 1, e.modality))?;
            gold.push(GoldEvent {
                triple: Triple {
                    source: e.source.clone(),
                    target: e.target.clone(),
                    code: e.code.clone(),
                },
                modality,
            });
        }
        let doc = Document::new(record.id.clone(), record.text.clone(), date);
        let events = pipeline.code_with(&doc, options);
        if let (Some(label), true) = (&record.plover_type, record.expected.is_empty()) {
            if !documents.add(label, &events) {
                missed_documents.push((
                    record.id.clone(),
                    label.clone(),
                    record.text.chars().take(160).collect(),
                ));
            }
            continue;
        }
        scores.push((
            score_item(&record.id, record.phenomenon.as_deref(), &gold, &events),
            record.text,
        ));
    }
    if documents.documents > 0 && scores.is_empty() {
        documents.finish();
        let stdout = io::stdout();
        let mut out = stdout.lock();
        if json {
            serde_json::to_writer_pretty(&mut out, &documents)?;
            writeln!(out)?;
        } else {
            let d = &documents;
            writeln!(
                out,
                "corpus: {suite} ({} documents, labelled by PLOVER type)",
                d.documents
            )?;
            writeln!(out, "document-level recall {:.3} ({} of {} documents have an event of their labelled type)", d.recall, d.with_label_found, d.documents)?;
            writeln!(
                out,
                "events per document {:.2} ({} events; {} documents without any)",
                d.events_per_document, d.events, d.documents_without_events
            )?;
            writeln!(
                out,
                "\n{:<12} {:>9} {:>6} {:>7}",
                "label", "documents", "found", "recall"
            )?;
            for (label, (n, found)) in &d.by_label {
                writeln!(
                    out,
                    "{:<12} {:>9} {:>6} {:>7.3}",
                    label,
                    n,
                    found,
                    *found as f64 / (*n).max(1) as f64
                )?;
            }
        }
        if show_errors {
            for (id, label, text) in &missed_documents {
                writeln!(out, "{id} [{label}] {text}")?;
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    if scores.is_empty() {
        bail!("{suite}: no gold items with text");
    }
    let items: Vec<ItemScore> = scores.iter().map(|(s, _)| s.clone()).collect();
    let summary = summarize(&items);
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &summary)?;
        writeln!(out)?;
    } else {
        let o = &summary.overall;
        writeln!(out, "suite: {suite} ({} items)", o.items)?;
        writeln!(
            out,
            "strict triples: tp {} fp {} fn {}",
            o.true_positives, o.false_positives, o.false_negatives
        )?;
        writeln!(
            out,
            "precision {:.3}  recall {:.3}  F1 {:.3}",
            o.precision, o.recall, o.f1
        )?;
        writeln!(
            out,
            "modality accuracy {:.3} ({} of {} matched triples)",
            o.modality_accuracy, o.modality_correct, o.modality_matched
        )?;
        if !summary.by_phenomenon.is_empty() {
            writeln!(
                out,
                "\n{:<24} {:>5} {:>4} {:>4} {:>4} {:>6} {:>6} {:>6} {:>8}",
                "phenomenon", "items", "tp", "fp", "fn", "P", "R", "F1", "modality"
            )?;
            for (name, c) in &summary.by_phenomenon {
                writeln!(
                    out,
                    "{:<24} {:>5} {:>4} {:>4} {:>4} {:>6.3} {:>6.3} {:>6.3} {:>8.3}",
                    name,
                    c.items,
                    c.true_positives,
                    c.false_positives,
                    c.false_negatives,
                    c.precision,
                    c.recall,
                    c.f1,
                    c.modality_accuracy
                )?;
            }
        }
        writeln!(
            out,
            "\nno_event items with events: {}",
            summary.no_event_items_with_events.len()
        )?;
    }
    if show_errors {
        writeln!(out)?;
        for (s, text) in &scores {
            let wrong_modality: Vec<_> = s.matched.iter().filter(|(_, g, p)| g != p).collect();
            if s.missed.is_empty() && s.false_alarms.is_empty() && wrong_modality.is_empty() {
                continue;
            }
            writeln!(
                out,
                "{} [{}] {}",
                s.id,
                s.phenomenon.as_deref().unwrap_or("-"),
                text
            )?;
            for m in &s.missed {
                writeln!(
                    out,
                    "   miss  {} {} {} {}",
                    m.triple.source,
                    m.triple.target,
                    m.triple.code,
                    m.modality.as_str()
                )?;
            }
            for f in &s.false_alarms {
                writeln!(
                    out,
                    "   false {} {} {} {}",
                    f.triple.source,
                    f.triple.target,
                    f.triple.code,
                    f.modality.as_str()
                )?;
            }
            for (t, g, p) in wrong_modality {
                writeln!(
                    out,
                    "   modal {} {} {} gold {} coded {}",
                    t.source,
                    t.target,
                    t.code,
                    g.as_str(),
                    p.as_str()
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
