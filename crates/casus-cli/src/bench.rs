//! `casus bench`: end-to-end throughput (JSONL in, JSONL events out, in
//! memory) for one thread and for all cores, dictionary load time, peak
//! memory, and a check that the output does not depend on the thread count.

use crate::batch::Batcher;
use crate::input::{Item, RawLine};
use crate::output::OutputFormat;
use anyhow::{Context, Result};
use casus_core::Pipeline;
use casus_sources::records::parse_record;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

const DEFAULT_CORPUS: &str = "../shared/corpus/synthetic_stories.jsonl";

#[derive(serde::Serialize)]
struct ThreadFigures {
    threads: usize,
    seconds: f64,
    documents_per_second: f64,
    sentences_per_second: f64,
    text_mb_per_second: f64,
    input_mb_per_second: f64,
    events_per_second: f64,
}

#[derive(serde::Serialize)]
struct Report {
    corpus: String,
    documents: usize,
    sentences: usize,
    text_bytes: usize,
    input_bytes: usize,
    events: usize,
    dictionary_load_ms: f64,
    runs: Vec<ThreadFigures>,
    speedup: f64,
    identical_output: bool,
    peak_memory_mb: Option<f64>,
    parser: ParserFigures,
    machine: String,
}

/// The tagger and the parser timed apart, one thread, on the sentences the
/// prefilter sends to them.
#[derive(serde::Serialize)]
struct ParserFigures {
    /// Sentences parsed when coding with `--tree`: those whose tree
    /// `tree_events` reads.
    tree_parsed_sentences: usize,
    tree_parsed_tokens: usize,
    /// One thread, the core alone (no JSON), over the corpus: text MB/s
    /// without and with `--tree`.
    core_mb_per_second: f64,
    core_tree_mb_per_second: f64,
    parsed_sentences: usize,
    parsed_tokens: usize,
    tagger_tokens_per_second: f64,
    parser_tokens_per_second: f64,
    /// Seconds the tagger and parser take over those sentences, one thread:
    /// what coding would add if a stage read the tree of every one of them.
    tag_and_parse_seconds: f64,
}

pub fn run(corpus: Option<&str>, runs: usize, json: bool) -> Result<ExitCode> {
    let (name, data) = match corpus {
        Some(path) => (
            path.to_string(),
            std::fs::read(path).with_context(|| format!("cannot read {path}"))?,
        ),
        None if Path::new(DEFAULT_CORPUS).exists() => {
            (DEFAULT_CORPUS.to_string(), std::fs::read(DEFAULT_CORPUS)?)
        }
        None => (
            "generated (5,000 stories)".to_string(),
            generate(5000).into_bytes(),
        ),
    };
    // Dictionary load: the median of five fresh builds.
    let mut loads: Vec<Duration> = Vec::new();
    let mut pipeline = None;
    for _ in 0..5 {
        // a run holds one pipeline: drop the last before building the next
        drop(pipeline.take());
        let t = Instant::now();
        let p = Pipeline::builtin().map_err(|e| anyhow::anyhow!("{e}"))?;
        loads.push(t.elapsed());
        pipeline = Some(p);
    }
    loads.sort();
    let pipeline = pipeline.expect("built");
    let lines: Vec<&[u8]> = data
        .split(|&b| b == b'\n')
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
        .collect();
    let mut documents = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let text =
            std::str::from_utf8(line).with_context(|| format!("{name}:{}: not UTF-8", i + 1))?;
        documents.push(
            parse_record(text, i + 1, None)
                .map_err(|e| anyhow::anyhow!("{name}:{}: {e}", i + 1))?,
        );
    }
    let sentences: usize = documents
        .iter()
        .map(|d| casus_core::text::TextLayer::new(&d.text).sentences.len())
        .sum();
    let text_bytes: usize = documents.iter().map(|d| d.text.len()).sum();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut thread_counts = vec![1];
    if cores > 1 {
        thread_counts.push(cores);
    }
    let mut figures = Vec::new();
    let mut outputs: Vec<Vec<u8>> = Vec::new();
    let mut events = 0;
    for &threads in &thread_counts {
        let mut best = Duration::MAX;
        let mut output = Vec::new();
        for _ in 0..runs.max(1) {
            let mut out: Vec<u8> = Vec::with_capacity(data.len());
            let start = Instant::now();
            // end to end: parse each JSONL line, code, write JSONL events
            let mut batcher = Batcher::new(&pipeline, threads, OutputFormat::Jsonl, false)?;
            for (i, line) in lines.iter().enumerate() {
                let raw = RawLine {
                    place: name.clone(),
                    line: i + 1,
                    bytes: line.to_vec(),
                    default_date: None,
                };
                batcher.push(Item::Line(raw), &mut out)?;
            }
            batcher.flush(&mut out)?;
            let elapsed = start.elapsed();
            events = batcher.counts.events;
            if elapsed < best {
                best = elapsed;
            }
            output = out;
        }
        let s = best.as_secs_f64();
        figures.push(ThreadFigures {
            threads,
            seconds: s,
            documents_per_second: documents.len() as f64 / s,
            sentences_per_second: sentences as f64 / s,
            text_mb_per_second: text_bytes as f64 / 1e6 / s,
            input_mb_per_second: data.len() as f64 / 1e6 / s,
            events_per_second: events as f64 / s,
        });
        outputs.push(output);
    }
    let identical = outputs.windows(2).all(|w| w[0] == w[1]);
    let speedup = figures
        .first()
        .zip(figures.last())
        .map_or(1.0, |(a, b)| a.seconds / b.seconds);
    // read before the parser figures, which hold every candidate sentence's
    // words at once: the peak is that of coding
    let peak_memory = peak_memory_mb();
    let parser = parser_figures(&pipeline, &documents);
    let report = Report {
        corpus: name,
        documents: documents.len(),
        sentences,
        text_bytes,
        input_bytes: data.len(),
        events,
        dictionary_load_ms: loads[loads.len() / 2].as_secs_f64() * 1e3,
        runs: figures,
        speedup,
        identical_output: identical,
        peak_memory_mb: peak_memory,
        parser,
        machine: machine(),
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        writeln!(
            out,
            "corpus: {} ({} documents, {} sentences, {:.2} MB text, {:.2} MB JSONL)",
            report.corpus,
            report.documents,
            report.sentences,
            report.text_bytes as f64 / 1e6,
            report.input_bytes as f64 / 1e6
        )?;
        writeln!(out, "machine: {}", report.machine)?;
        writeln!(
            out,
            "dictionary load: {:.1} ms (median of 5)",
            report.dictionary_load_ms
        )?;
        writeln!(
            out,
            "{:>7} {:>8} {:>10} {:>12} {:>11} {:>12} {:>10}",
            "threads", "seconds", "docs/s", "sentences/s", "text MB/s", "JSONL MB/s", "events/s"
        )?;
        for f in &report.runs {
            writeln!(
                out,
                "{:>7} {:>8.3} {:>10.0} {:>12.0} {:>11.1} {:>12.1} {:>10.0}",
                f.threads,
                f.seconds,
                f.documents_per_second,
                f.sentences_per_second,
                f.text_mb_per_second,
                f.input_mb_per_second,
                f.events_per_second
            )?;
        }
        writeln!(
            out,
            "speed-up with all cores: {:.2}x; output identical across thread counts: {}",
            report.speedup,
            if identical { "yes" } else { "NO" }
        )?;
        let pf = &report.parser;
        writeln!(
            out,
            "parser prefilter: {} of {} sentences ({} tokens) have an actor and a candidate event word; tagger {:.0} tokens/s, parser {:.0} tokens/s on an even sample of them (one thread)",
            pf.parsed_sentences,
            report.sentences,
            pf.parsed_tokens,
            pf.tagger_tokens_per_second,
            pf.parser_tokens_per_second
        )?;
        writeln!(
            out,
            "--tree: {} of {} sentences parsed ({:.1}%, {} tokens); one thread, core only: {:.1} text MB/s, {:.1} with --tree",
            pf.tree_parsed_sentences,
            report.sentences,
            100.0 * pf.tree_parsed_sentences as f64 / report.sentences.max(1) as f64,
            pf.tree_parsed_tokens,
            pf.core_mb_per_second,
            pf.core_tree_mb_per_second
        )?;
        if let Some(one) = report.runs.first() {
            let with_parse = one.seconds + pf.tag_and_parse_seconds;
            writeln!(
                out,
                "coding with every prefiltered sentence parsed: {:.1} text MB/s on one thread",
                one.text_mb_per_second * one.seconds / with_parse
            )?;
        }
        if let Some(m) = report.peak_memory_mb {
            writeln!(out, "peak memory (whole corpus held in memory): {m:.0} MB")?;
        }
        writeln!(out, "events coded: {}", report.events)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Tokens of the sample the tagger and parser are timed on.
const SAMPLE_TOKENS: usize = 50_000;

/// Which sentences the prefilter sends to the parser (from the Doc), then
/// the tagger and the parser timed separately over a sample of them.
fn parser_figures(pipeline: &Pipeline, documents: &[casus_core::Document]) -> ParserFigures {
    let bytes: usize = documents.iter().map(|d| d.text.len()).sum();
    let tree = casus_core::CodeOptions {
        tree: true,
        ..Default::default()
    };
    let (mut tree_parsed_sentences, mut tree_parsed_tokens) = (0, 0);
    let t = Instant::now();
    for d in documents {
        let doc = pipeline.analyse_with(d, false, tree);
        tree_parsed_sentences += doc.parsed_sentences();
        tree_parsed_tokens += (0..doc.sentences.len())
            .filter(|&i| doc.sentences[i].parsed)
            .map(|i| doc.text.sentences[i].tokens.len())
            .sum::<usize>();
    }
    let core_tree_mb_per_second = bytes as f64 / 1e6 / t.elapsed().as_secs_f64();
    let t = Instant::now();
    for d in documents {
        std::hint::black_box(pipeline.analyse(d, false).events.len());
    }
    let core_mb_per_second = bytes as f64 / 1e6 / t.elapsed().as_secs_f64();
    let mut sentences: Vec<Vec<String>> = Vec::new();
    for d in documents {
        let doc = pipeline.analyse(d, false);
        for (i, s) in doc.text.sentences.iter().enumerate() {
            if casus_core::stages::parse::worth_parsing(&doc, i) {
                sentences.push(
                    s.tokens
                        .clone()
                        .map(|t| doc.text.original(t).to_string())
                        .collect(),
                );
            }
        }
    }
    let forms: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.iter().map(String::as_str).collect())
        .collect();
    let tokens: usize = forms.iter().map(Vec::len).sum();
    // Rates are per token, so an evenly spread sample of the sentences
    // (every k-th, at most about SAMPLE_TOKENS tokens) measures them; the
    // beam parser would otherwise take minutes over a whole corpus.
    let stride = tokens.div_ceil(SAMPLE_TOKENS).max(1);
    let sample: Vec<&Vec<&str>> = forms.iter().step_by(stride).collect();
    let sample_tokens: usize = sample.iter().map(|f| f.len()).sum();
    let model = pipeline.parser;
    let t = Instant::now();
    let tags: Vec<Vec<u32>> = sample
        .iter()
        .map(|f| casus_parse::tagger::tag(model, f))
        .collect();
    let tag_secs = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let mut arcs = 0;
    for (f, tg) in sample.iter().zip(&tags) {
        arcs += casus_parse::parser::parse(model, f, tg).0.len();
    }
    let parse_secs = t.elapsed().as_secs_f64();
    debug_assert_eq!(arcs, sample_tokens);
    let rate = |secs: f64| {
        if secs > 0.0 {
            sample_tokens as f64 / secs
        } else {
            0.0
        }
    };
    let scale = tokens as f64 / sample_tokens.max(1) as f64;
    ParserFigures {
        tree_parsed_sentences,
        tree_parsed_tokens,
        core_mb_per_second,
        core_tree_mb_per_second,
        parsed_sentences: forms.len(),
        parsed_tokens: tokens,
        tagger_tokens_per_second: rate(tag_secs),
        parser_tokens_per_second: rate(parse_secs),
        tag_and_parse_seconds: (tag_secs + parse_secs) * scale,
    }
}

/// Peak resident memory of this process, from /proc (Linux).
pub fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    format!("{cpu}, {cores} cores")
}

/// A deterministic corpus of short news-like stories, for machines without
/// the shared corpus. Same output on every run.
pub fn generate(n: usize) -> String {
    const ACTORS: &[&str] = &[
        "Russia",
        "Ukraine",
        "China",
        "the United States",
        "Germany",
        "France",
        "Japan",
        "India",
        "Pakistan",
        "Iran",
        "Israel",
        "Turkey",
        "Brazil",
        "Kenya",
        "NATO",
        "the European Union",
        "Russian troops",
        "Chinese officials",
        "the Kremlin",
        "Ukrainian forces",
    ];
    const VERBS: &[&str] = &[
        "condemned",
        "held talks with",
        "accused",
        "imposed sanctions on",
        "attacked",
        "visited",
        "pledged military aid to",
        "criticised",
        "met",
        "threatened",
        "praised",
        "expelled diplomats from",
        "signed an agreement with",
        "shelled",
        "urged",
    ];
    const FILLER: &[&str] = &[
        "Officials said the talks would continue next week.",
        "The statement followed weeks of rising tension in the region.",
        "Markets were little changed after the announcement.",
        "Analysts said the move could affect trade between the two countries.",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |m: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % m as u64) as usize
    };
    let mut out = String::new();
    for i in 0..n {
        let mut text = String::new();
        for _ in 0..6 {
            let a = ACTORS[next(ACTORS.len())];
            let b = ACTORS[next(ACTORS.len())];
            let v = VERBS[next(VERBS.len())];
            let mut first = a.to_string();
            if let Some(c) = first.get_mut(0..1) {
                c.make_ascii_uppercase();
            }
            text.push_str(&format!("{first} {v} {b} on Monday. "));
            text.push_str(FILLER[next(FILLER.len())]);
            text.push(' ');
        }
        out.push_str(&serde_json::json!({"id": format!("GEN-{i:05}"), "date": "2024-06-01", "text": text.trim_end()}).to_string());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_corpus_is_deterministic_valid_jsonl() {
        let a = generate(20);
        assert_eq!(a, generate(20));
        assert_eq!(a.lines().count(), 20);
        for (i, line) in a.lines().enumerate() {
            let doc = parse_record(line, i + 1, None).unwrap();
            assert!(doc.text.len() > 100);
        }
    }
}
