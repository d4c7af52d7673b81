//! `casus dict import`: reads TABARI or PETRARCH-2 dictionary files, writes
//! the casus files that casus-import makes of them into a folder for
//! `--dict`, with `import-report.txt` listing what could not be converted.

use anyhow::{bail, Context, Result};
use casus_import::{Format, InputFile, Known, Options};
use std::path::Path;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct ImportArgs {
    /// Dictionary files: actors, agents, verbs, discards, options.
    #[arg(required = true)]
    files: Vec<String>,
    /// The family of the files: `tabari` or `petrarch`; guessed per file
    /// from its name and content when not given.
    #[arg(long = "from", value_name = "FORMAT")]
    from: Option<String>,
    /// Folder to write casus dictionary files into (created if missing).
    #[arg(short = 'o', long = "out", value_name = "FOLDER")]
    out: String,
    /// Also write files that replace casus's built-in actor, agent, verb
    /// and discard files, so that `--dict FOLDER` codes with the imported
    /// dictionaries alone.
    #[arg(long)]
    replace_builtin: bool,
    /// Write into FOLDER even when it is not empty. Files of an earlier
    /// import that this one does not write stay, and still load.
    #[arg(long)]
    force: bool,
}

pub fn run(args: ImportArgs) -> Result<ExitCode> {
    let format = match args.from.as_deref() {
        None => None,
        Some(f) => match Format::parse(f) {
            Some(f) => Some(f),
            None => bail!("--from `{f}`: expected `tabari` or `petrarch`"),
        },
    };
    let root = Path::new(&args.out);
    // A stale replace file from an earlier import would silently change
    // coding, so an occupied folder needs --force.
    if !args.force {
        if let Ok(mut entries) = std::fs::read_dir(root) {
            if entries.next().is_some() {
                bail!(
                    "{} is not empty: give a new folder, or --force to write into it",
                    root.display()
                );
            }
        }
    }
    let mut inputs = Vec::new();
    for name in &args.files {
        let bytes = std::fs::read(name).with_context(|| format!("cannot read {name}"))?;
        // Old dictionaries are often Latin-1; a lossy read keeps every
        // line's number and reports the odd characters as unmatchable.
        let text = String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        inputs.push(InputFile {
            name: name.clone(),
            text,
        });
    }
    let result = casus_import::import(
        &inputs,
        Options {
            format,
            replace_builtin: args.replace_builtin,
        },
        &Known::builtin(),
    )?;
    for (relative, text) in &result.files {
        let path = root.join(relative);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
        }
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    }
    std::fs::create_dir_all(root).with_context(|| format!("cannot create {}", root.display()))?;
    let report = root.join("import-report.txt");
    std::fs::write(&report, result.report())
        .with_context(|| format!("cannot write {}", report.display()))?;
    print!("{}", result.summary());
    println!(
        "wrote {} files to {}; every entry not converted is listed in {}",
        result.files.len(),
        root.display(),
        report.display()
    );
    Ok(ExitCode::SUCCESS)
}
