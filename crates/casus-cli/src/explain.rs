//! The human-readable `--explain` report: the Doc's layers per sentence
//! (tokens with tags and arcs where parsed, mentions and coreference links,
//! predicates with their arguments and cues, events) and each decision with
//! the stage that made it.

use casus_core::doc::{Doc, Tag, Voice};
use casus_core::stages::parse::{deprel_name, upos_name};
use casus_core::Pipeline;
use std::io::{self, Write};

pub fn write(out: &mut dyn Write, p: &Pipeline, doc: &Doc) -> io::Result<()> {
    writeln!(out, "== document {}", doc.source.id)?;
    for (index, sentence) in doc.text.sentences.iter().enumerate() {
        let state = &doc.sentences[index];
        let status = if !state.coded {
            " (not coded)"
        } else if state.parsed {
            " (parsed)"
        } else {
            ""
        };
        writeln!(
            out,
            "-- sentence {index} [{}..{}]{status}: {}",
            sentence.span.start,
            sentence.span.end,
            doc.source.text[sentence.span.clone()].replace('\n', " ")
        )?;
        if state.parsed {
            for t in sentence.tokens.clone() {
                let tag = doc.tags[t];
                let head = if tag.head == Tag::ROOT {
                    "root".to_string()
                } else {
                    let h = tag.head as usize;
                    format!("{} {}", h - sentence.tokens.start + 1, doc.text.original(h))
                };
                writeln!(
                    out,
                    "   token    {:>3} {:<16} {:<5} {:<10} <- {head}",
                    t - sentence.tokens.start + 1,
                    doc.text.original(t),
                    upos_name(p.parser, tag),
                    deprel_name(p.parser, tag),
                )?;
            }
        }
        for (k, m) in doc.sentence_mentions(index).iter().enumerate() {
            let global = state.mentions.start + k;
            let entry = m
                .origin
                .map(|o| format!(" [{}:{}]", p.file_name(o.file), o.line))
                .unwrap_or_default();
            let link = if doc.coref.iter().any(|l| l.mention == global) {
                " (coreference)"
            } else {
                ""
            };
            writeln!(
                out,
                "   mention  {} => {}{entry}{link}",
                doc.span_text(m.tokens.clone()),
                m.referent.describe()
            )?;
        }
        let mentions = doc.sentence_mentions(index);
        let names = |ids: &[usize]| -> String {
            ids.iter()
                .map(|&k| doc.span_text(mentions[k].tokens.clone()))
                .collect::<Vec<_>>()
                .join(" + ")
        };
        for pred in doc.sentence_predicates(index) {
            let pattern = &p.verbs.patterns[pred.matched.pattern];
            let voice = match pred.voice {
                Voice::Active => "active",
                Voice::Passive => "passive",
            };
            let outcome = match (&pred.code, pred.modality) {
                (Some(code), Some(m)) => format!(
                    " -> {code} {}{}",
                    m.as_str(),
                    pred.attribution
                        .as_deref()
                        .map(|a| format!(" on the word of {a}"))
                        .unwrap_or_default()
                ),
                _ => " -> not coded".to_string(),
            };
            writeln!(
                out,
                "   predicate `{}` {} ({}) {voice}; source {}; target {}{outcome}",
                pattern.text,
                pattern.code,
                pred.entry,
                names(&pred.sources),
                names(&pred.targets),
            )?;
            if !pred.cues.notes.is_empty() {
                writeln!(out, "             cues: {}", pred.cues.notes.join(", "))?;
            }
        }
        for d in doc.trace.decisions.iter().filter(|d| d.sentence == index) {
            writeln!(out, "   [{}] {}", d.stage, d.text)?;
        }
        for e in doc.events.iter().filter(|e| e.sentence_index == index) {
            let attribution = e
                .attribution
                .as_deref()
                .map(|a| format!(" on the word of {a}"))
                .unwrap_or_default();
            writeln!(
                out,
                "   EVENT    {} -> {} {} ({}) {}{}  [{}]{}",
                e.source,
                e.target.as_deref().unwrap_or("(no target)"),
                e.code,
                e.code_name,
                e.modality.as_str(),
                attribution,
                e.evidence.entry,
                if e.evidence.cues.is_empty() {
                    String::new()
                } else {
                    format!(" cues: {}", e.evidence.cues.join(", "))
                }
            )?;
        }
    }
    Ok(())
}
