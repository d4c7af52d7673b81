//! casus-train: trains the tagger and parser from UD treebanks, and
//! evaluates a model on a gold CoNLL-U file.
//!
//!   casus-train train [TREEBANKS] [-o models/en/model.bin]
//!   casus-train eval MODEL GOLD.conllu

use anyhow::{Context, Result};
use casus_parse::train::{self, Averaged, Data, Rng, Settings};
use casus_parse::{parser, read_conllu, tagger, GoldSentence, Model};
use std::path::Path;
use std::time::Instant;

fn load(path: &Path) -> Result<Vec<GoldSentence>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    read_conllu(&text).with_context(|| format!("{}", path.display()))
}

const TAG_EPOCHS: usize = 8;
const PARSE_EPOCHS: usize = 16;

fn train_cmd(dir: &Path, out: &Path) -> Result<()> {
    let start = Instant::now();
    let (tag_epochs, parse_epochs) = (TAG_EPOCHS, PARSE_EPOCHS);
    let mut tr = load(&dir.join("en_ewt/en_ewt-ud-train.conllu"))?;
    tr.extend(load(&dir.join("en_gum_cc_by/en_gum-ccby-ud-train.conllu"))?);
    let dev = load(&dir.join("en_ewt/en_ewt-ud-dev.conllu"))?;
    let set = Settings {
        // Training-time buckets are many (few collisions); the stored
        // tables keep only non-zero weights, within these byte budgets
        // (together under 20 MB).
        tag_bits: 20,
        trans_bits: 22,
        label_bits: 18,
        tag_bytes: 3_000_000,
        tag2_bytes: 5_000_000,
        trans_bytes: 9_000_000,
        label_bytes: 4_800_000,
        seed: 20261206,
    };
    let data = Data::new(&tr);
    let mut rng = Rng::new(set.seed);
    let mut explore_rng = Rng::new(set.seed ^ 0x5eed);
    let mut order: Vec<usize> = (0..tr.len()).collect();
    let mut tag = Averaged::new(set.tag_bits, data.upos.len());
    let mut tag2 = Averaged::new(set.tag_bits, data.upos.len());
    let mut trans = Averaged::new(set.trans_bits, 4);
    let mut lab = Averaged::new(set.label_bits, data.labels.len());
    let tags = train::jackknife(&data, &tr, set.tag_bits, tag_epochs, 4, set.seed);
    eprintln!("jackknifed tags ({:.0}s)", start.elapsed().as_secs_f64());
    // Model selection: keep the epoch with the best dev LAS + UPOS.
    let mut best: Option<(f64, Vec<u8>, usize)> = None;
    for epoch in 0..tag_epochs.max(parse_epochs) {
        rng.shuffle(&mut order);
        let te = if epoch < tag_epochs {
            train::tagger_epoch(&mut tag, &data, &tr, &order, None)
                + train::tagger_epoch(&mut tag2, &data, &tr, &order, Some(&tags))
        } else {
            0
        };
        let pe = if epoch < parse_epochs {
            train::parser_epoch(
                &mut trans,
                &mut lab,
                &data,
                &tr,
                &tags,
                &order,
                epoch > 0,
                &mut explore_rng,
            )
        } else {
            0
        };
        let model = train::assemble(&data, &set, &tag, &tag2, &trans, &lab);
        let sc = train::evaluate(&model, &dev);
        let score = sc.pct(sc.upos) + sc.pct(sc.las);
        eprintln!(
            "epoch {}: tagger errors {te}, parser errors {pe}; dev UPOS {:.2} UAS {:.2} LAS {:.2} ({:.0}s)",
            epoch + 1,
            sc.pct(sc.upos),
            sc.pct(sc.uas),
            sc.pct(sc.las),
            start.elapsed().as_secs_f64()
        );
        if best.as_ref().map_or(true, |b| score > b.0) {
            best = Some((score, model.to_bytes(), epoch + 1));
        }
    }
    let (_, bytes, epoch) = best.expect("at least one epoch");
    eprintln!(
        "used buckets: tagger {}, transitions {}, labels {}",
        tag.used_rows(),
        trans.used_rows(),
        lab.used_rows()
    );
    std::fs::write(out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    eprintln!(
        "wrote {} ({} bytes, epoch {epoch}) in {:.0}s",
        out.display(),
        bytes.len(),
        start.elapsed().as_secs_f64()
    );
    Ok(())
}

fn eval_cmd(model: &Path, gold: &Path) -> Result<()> {
    let bytes = std::fs::read(model).with_context(|| format!("reading {}", model.display()))?;
    let t = Instant::now();
    let model = Model::from_bytes(&bytes).with_context(|| format!("{}", model.display()))?;
    let load = t.elapsed();
    let gold = load_gold(gold)?;
    let t = Instant::now();
    let sc = train::evaluate(&model, &gold);
    let secs = t.elapsed().as_secs_f64();
    // Tagger and parser speeds apart (the parser on predicted tags).
    let forms: Vec<Vec<&str>> = gold
        .iter()
        .map(|s| s.forms.iter().map(|f| f.as_str()).collect())
        .collect();
    let t = Instant::now();
    let tags: Vec<Vec<u32>> = forms.iter().map(|f| tagger::tag(&model, f)).collect();
    let tag_secs = t.elapsed().as_secs_f64();
    let t = Instant::now();
    for (f, tg) in forms.iter().zip(&tags) {
        std::hint::black_box(parser::parse(&model, f, tg));
    }
    let parse_secs = t.elapsed().as_secs_f64();
    println!(
        "tagger {:.0} tokens/s, parser {:.0} tokens/s (one thread)",
        sc.tokens as f64 / tag_secs,
        sc.tokens as f64 / parse_secs
    );
    println!(
        "UPOS {:.2}%  UAS {:.2}%  LAS {:.2}%  tokens {}  load {:.1} ms  tag+parse {:.0} tokens/s",
        sc.pct(sc.upos),
        sc.pct(sc.uas),
        sc.pct(sc.las),
        sc.tokens,
        load.as_secs_f64() * 1000.0,
        sc.tokens as f64 / secs
    );
    Ok(())
}

fn load_gold(p: &Path) -> Result<Vec<GoldSentence>> {
    load(p)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let r = match args.first().map(|s| s.as_str()) {
        Some("train") => {
            let mut dir = "../shared/treebanks".to_string();
            let mut out = "models/en/model.bin".to_string();
            let mut i = 1;
            while i < args.len() {
                if args[i] == "-o" && i + 1 < args.len() {
                    out = args[i + 1].clone();
                    i += 2;
                } else {
                    dir = args[i].clone();
                    i += 1;
                }
            }
            train_cmd(Path::new(&dir), Path::new(&out))
        }
        Some("eval") if args.len() == 3 => eval_cmd(Path::new(&args[1]), Path::new(&args[2])),
        _ => Err(anyhow::anyhow!(
            "usage: casus-train train [TREEBANKS_DIR] [-o MODEL] | casus-train eval MODEL GOLD.conllu"
        )),
    };
    if let Err(e) = r {
        eprintln!("casus-train: {e:#}");
        std::process::exit(1);
    }
}
