//! `casus parse`: part-of-speech tags and dependency trees as CoNLL-U, for
//! raw text (casus's own sentence splitter and tokenizer, with UD-style
//! clitic splitting) or for CoNLL-U input (its tokens kept); `--eval`
//! scores the built-in model against a gold CoNLL-U file.

use anyhow::{bail, Context, Result};
use casus_core::text::TextLayer;
use casus_parse::{read_conllu, Model};
use std::io::{self, BufWriter, Read, Write};
use std::process::ExitCode;
use std::time::Instant;

/// The built-in English model (embedded by casus-core; see models/en/README.md).
fn model() -> Result<&'static Model> {
    casus_core::builtin::model().map_err(|e| anyhow::anyhow!("built-in parser model: {e}"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ParseInput {
    /// `.jsonl` by extension (one record with `text` per line), else text.
    Auto,
    Text,
    Jsonl,
    /// CoNLL-U: its sentences and tokens are kept; tags and trees predicted.
    Conllu,
}

#[derive(clap::Args)]
pub struct ParseArgs {
    /// Text, `.jsonl` or CoNLL-U files, or `-` for standard input (the default).
    inputs: Vec<String>,
    #[arg(long, value_enum, default_value = "auto")]
    input_format: ParseInput,
    /// Score the model on this gold CoNLL-U file (UPOS, UAS, LAS, speed)
    /// instead of writing CoNLL-U.
    #[arg(long)]
    eval: Option<String>,
}

fn read_input(name: &str) -> Result<String> {
    if name == "-" {
        let mut s = String::new();
        io::stdin()
            .read_to_string(&mut s)
            .context("reading standard input")?;
        Ok(s)
    } else {
        std::fs::read_to_string(name).with_context(|| format!("reading {name}"))
    }
}

pub fn run(args: ParseArgs) -> Result<ExitCode> {
    let model = model()?;
    if let Some(gold) = &args.eval {
        let text = read_input(gold)?;
        let gold = read_conllu(&text).with_context(|| gold.clone())?;
        let t = Instant::now();
        let sc = casus_parse::train::evaluate(model, &gold);
        let secs = t.elapsed().as_secs_f64();
        println!(
            "UPOS {:.2}%  UAS {:.2}%  LAS {:.2}%  tokens {}  {:.0} tokens/s (tag+parse, one thread)",
            sc.pct(sc.upos),
            sc.pct(sc.uas),
            sc.pct(sc.las),
            sc.tokens,
            sc.tokens as f64 / secs
        );
        return Ok(ExitCode::SUCCESS);
    }
    let inputs = if args.inputs.is_empty() {
        vec!["-".to_string()]
    } else {
        args.inputs.clone()
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for name in &inputs {
        let text = read_input(name)?;
        let format = match args.input_format {
            ParseInput::Auto if name.ends_with(".jsonl") => ParseInput::Jsonl,
            ParseInput::Auto if name.ends_with(".conllu") => ParseInput::Conllu,
            ParseInput::Auto => ParseInput::Text,
            f => f,
        };
        match format {
            ParseInput::Conllu => {
                let sents = read_conllu(&text).with_context(|| name.clone())?;
                for s in sents {
                    let misc = vec!["_".to_string(); s.forms.len()];
                    write_sentence(&mut out, model, &s.comments, &s.forms, &misc)?;
                }
            }
            ParseInput::Jsonl => {
                for (n, line) in text.lines().enumerate() {
                    if line.trim().is_empty() {
                        continue;
                    }
                    let v: serde_json::Value = serde_json::from_str(line)
                        .with_context(|| format!("{name}:{}: not JSON", n + 1))?;
                    let Some(t) = v.get("text").and_then(|t| t.as_str()) else {
                        bail!("{name}:{}: record has no `text` string", n + 1);
                    };
                    let id = v.get("id").map(|i| i.to_string());
                    write_text(&mut out, model, t, id.as_deref())?;
                }
            }
            _ => write_text(&mut out, model, &text, None)?,
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn write_text(out: &mut impl Write, model: &Model, text: &str, doc: Option<&str>) -> Result<()> {
    let layer = TextLayer::new(text);
    if let Some(d) = doc {
        writeln!(out, "# newdoc id = {d}")?;
    }
    let mut next = 0;
    for s in &layer.sentences {
        // Tokens before the sentence's range (a dateline) are kept with it.
        let range = next.min(s.tokens.start)..s.tokens.end;
        next = s.tokens.end;
        let mut spans = Vec::new();
        let clitics = casus_core::builtin::lang_list("clitics");
        for t in &layer.tokens[range] {
            spans.extend(casus_parse::tokenize::split_clitics(
                text,
                t.span.clone(),
                clitics,
            ));
        }
        if spans.is_empty() {
            continue;
        }
        let forms: Vec<String> = spans.iter().map(|r| text[r.clone()].to_string()).collect();
        let misc: Vec<String> = spans
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let glued = spans.get(i + 1).is_some_and(|n| n.start == r.end);
                let range = format!("TokenRange={}:{}", r.start, r.end);
                if glued {
                    format!("SpaceAfter=No|{range}")
                } else {
                    range
                }
            })
            .collect();
        let sent_text = text[spans[0].start..spans[spans.len() - 1].end].replace(['\n', '\r'], " ");
        let comments = vec![format!("# text = {sent_text}")];
        write_sentence(out, model, &comments, &forms, &misc)?;
    }
    Ok(())
}

fn write_sentence(
    out: &mut impl Write,
    model: &Model,
    comments: &[String],
    forms: &[String],
    misc: &[String],
) -> Result<()> {
    let a = model.analyse(forms);
    for c in comments {
        writeln!(out, "{c}")?;
    }
    for (i, f) in forms.iter().enumerate() {
        // Tabs or newlines inside a form would break the columns.
        let form = f.replace(['\t', '\n', '\r'], " ");
        writeln!(
            out,
            "{}\t{}\t_\t{}\t_\t_\t{}\t{}\t_\t{}",
            i + 1,
            form,
            a.upos[i],
            a.heads[i],
            a.deprels[i],
            misc[i]
        )?;
    }
    writeln!(out)?;
    Ok(())
}
