//! Loading dictionaries (built-in, plus `--dict DIR`) and the `dict`
//! subcommands.

use anyhow::Result;
use casus_core::{builtin, DictError, Pipeline, Source};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Reads every file under `dir`; names are relative paths (`verbs/x.txt`).
fn read_dir(dir: &str) -> Result<Vec<(String, Source)>> {
    Ok(casus_sources::dict_dir::read(Path::new(dir))?)
}

fn sources(dir: Option<&str>) -> Result<Vec<Source>> {
    let Some(dir) = dir else {
        return Ok(builtin::sources());
    };
    let user = read_dir(dir)?;
    for (_, s) in &user {
        if s.text.trim().is_empty() || builtin::replaces(&s.text) && s.text.lines().count() <= 1 {
            eprintln!("casus: warning: {} is empty", s.name);
        }
    }
    Ok(builtin::merged(user))
}

/// Builds the pipeline. It lives until the process exits: it is leaked on
/// purpose, since freeing thousands of small tables at exit takes longer
/// than coding a short document.
pub fn load(dir: Option<&str>) -> Result<&'static Pipeline> {
    let sources = sources(dir)?;
    let pipeline = Pipeline::from_sources(sources).map_err(|e| match e {
        DictError::Many { count, first, .. } => anyhow::anyhow!(
            "{count} dictionary errors (run `casus dict check` for all); first: {first}"
        ),
        other => anyhow::anyhow!("dictionary error: {other}"),
    })?;
    Ok(Box::leak(Box::new(pipeline)))
}

pub fn check(dir: Option<&str>) -> Result<ExitCode> {
    let sources = sources(dir)?;
    let n = sources.len();
    match Pipeline::from_sources(sources) {
        Ok(p) => {
            let s = p.stats();
            println!(
                "ok: {n} files, {} states, {} organisations, {} groups, {} persons, {} places, {} verb patterns",
                s.states, s.organizations, s.groups, s.persons, s.places, s.verb_patterns
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            let all = e.all();
            for err in &all {
                println!("{err}");
            }
            eprintln!("casus: {} dictionary errors", all.len());
            Ok(ExitCode::from(1))
        }
    }
}

pub fn stats(p: &Pipeline, json: bool) -> Result<ExitCode> {
    let s = p.stats();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &s)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "dictionary files          {}", s.files)?;
    writeln!(out, "CAMEO event codes         {}", s.cameo_codes)?;
    writeln!(out, "states and territories    {}", s.states)?;
    writeln!(out, "organisations             {}", s.organizations)?;
    writeln!(out, "armed/political groups    {}", s.groups)?;
    writeln!(out, "dated persons             {}", s.persons)?;
    writeln!(out, "role and agent nouns      {}", s.agent_nouns)?;
    writeln!(out, "places                    {}", s.places)?;
    writeln!(out, "actor phrases (indexed)   {}", s.actor_phrases)?;
    writeln!(out, "verb patterns             {}", s.verb_patterns)?;
    writeln!(out, "verb patterns per CAMEO root:")?;
    for (root, n) in &s.patterns_by_root {
        let name = p.cameo.get(root).map(|c| c.name.as_str()).unwrap_or("");
        writeln!(out, "  {root} {name:<40} {n}")?;
    }
    let missing: Vec<String> = (1..=20)
        .map(|r| format!("{r:02}"))
        .filter(|r| !s.patterns_by_root.iter().any(|(x, _)| x == r))
        .collect();
    if !missing.is_empty() {
        writeln!(out, "roots without patterns: {}", missing.join(" "))?;
    }
    Ok(ExitCode::SUCCESS)
}
