//! Coding a stream of documents in parallel with bounded memory: documents
//! are gathered into batches, each batch is coded by a rayon pool, and the
//! results are written in input order, so the output is the same for any
//! number of threads.

use crate::input::Item;
use crate::output::{self, OutputFormat};
use casus_core::{CodeOptions, Pipeline};
use rayon::prelude::*;
use std::io::{self, Write};

/// A batch is coded once it holds this many documents or bytes of text.
const BATCH_DOCUMENTS: usize = 1024;
const BATCH_BYTES: usize = 8 << 20;

#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub documents: usize,
    pub events: usize,
    pub problems: usize,
    pub skipped: usize,
    pub text_bytes: usize,
}

pub struct Batcher<'p> {
    pipeline: &'p Pipeline,
    pool: rayon::ThreadPool,
    format: OutputFormat,
    explain: bool,
    options: CodeOptions,
    pending: Vec<Item>,
    pending_bytes: usize,
    pub counts: Counts,
}

impl<'p> Batcher<'p> {
    pub fn new(
        pipeline: &'p Pipeline,
        threads: usize,
        format: OutputFormat,
        explain: bool,
    ) -> io::Result<Batcher<'p>> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads.max(1))
            .build()
            .map_err(io::Error::other)?;
        Ok(Batcher {
            pipeline,
            pool,
            format,
            explain,
            options: CodeOptions::default(),
            pending: Vec::new(),
            pending_bytes: 0,
            counts: Counts::default(),
        })
    }

    /// Codes with `options` instead of the default ones.
    pub fn with_options(mut self, options: CodeOptions) -> Batcher<'p> {
        self.options = options;
        self
    }

    /// Adds a document or a problem; codes and writes a full batch.
    pub fn push(&mut self, item: Item, out: &mut dyn Write) -> io::Result<()> {
        self.pending_bytes += item.weight();
        self.pending.push(item);
        if self.pending.len() >= BATCH_DOCUMENTS || self.pending_bytes >= BATCH_BYTES {
            self.flush(out)?;
        }
        Ok(())
    }

    /// Codes and writes everything pending, in input order.
    pub fn flush(&mut self, out: &mut dyn Write) -> io::Result<()> {
        let items = std::mem::take(&mut self.pending);
        self.pending_bytes = 0;
        let (pipeline, format, explain) = (self.pipeline, self.format, self.explain);
        let options = self.options;
        // Parsing, coding and rendering run in parallel; writing, in order.
        let rendered: Vec<Rendered> = self.pool.install(|| {
            items
                .into_par_iter()
                .map(|item| match item.resolve() {
                    Item::Doc(doc) => match render(pipeline, &doc, format, explain, options) {
                        Ok((bytes, events)) => Rendered::Doc {
                            bytes,
                            events,
                            text_bytes: doc.text.len(),
                        },
                        Err(e) => Rendered::Failed(e),
                    },
                    Item::Problem(p) => Rendered::Problem(p.to_string()),
                    Item::Skipped(_) => Rendered::Skipped,
                    Item::Line(_) => unreachable!("resolved above"),
                })
                .collect()
        });
        for r in rendered {
            match r {
                Rendered::Problem(p) => {
                    self.counts.problems += 1;
                    eprintln!("casus: {p}");
                }
                Rendered::Doc {
                    bytes,
                    events,
                    text_bytes,
                } => {
                    self.counts.documents += 1;
                    self.counts.events += events;
                    self.counts.text_bytes += text_bytes;
                    out.write_all(&bytes)?;
                }
                Rendered::Failed(e) => return Err(e),
                Rendered::Skipped => self.counts.skipped += 1,
            }
        }
        Ok(())
    }
}

enum Rendered {
    Doc {
        bytes: Vec<u8>,
        events: usize,
        text_bytes: usize,
    },
    Problem(String),
    Skipped,
    Failed(io::Error),
}

fn render(
    pipeline: &Pipeline,
    doc: &casus_core::Document,
    format: OutputFormat,
    explain: bool,
    options: CodeOptions,
) -> io::Result<(Vec<u8>, usize)> {
    let mut buf = Vec::with_capacity(1024);
    if explain {
        let analysed = pipeline.analyse_with(doc, true, options);
        crate::explain::write(&mut buf, pipeline, &analysed)?;
        Ok((buf, analysed.events.len()))
    } else {
        let events = pipeline.code_with(doc, options);
        for e in &events {
            output::write_event(&mut buf, format, e)?;
        }
        Ok((buf, events.len()))
    }
}
