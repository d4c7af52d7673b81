//! Converts TABARI and PETRARCH-2 (Phoenix) dictionaries into casus
//! dictionary files. Text in, casus files and a report out: the caller reads
//! and writes the files, so the conversion can be tested without a disk.
//!
//! Every entry of the input is either converted or listed in the report with
//! its file, line and the reason it could not be expressed in casus's
//! formats (docs/DICTIONARIES.md, section "Importing TABARI and PETRARCH").

mod actors;
mod known;
mod misc;
mod names;
mod verbs;

use std::collections::BTreeMap;
use std::fmt;

pub use known::Known;

/// The dictionary family a file comes from. The two share the actor and
/// agent formats; their verb files differ (PETRARCH-2 groups synonymous
/// verbs in `--- NAME [CODE] ---` blocks, TABARI gives one verb a block).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Tabari,
    Petrarch,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s.to_ascii_lowercase().as_str() {
            "tabari" => Some(Format::Tabari),
            "petrarch" | "petrarch2" | "petrarch-2" | "phoenix" => Some(Format::Petrarch),
            _ => None,
        }
    }
}

/// What one input file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Actors,
    Agents,
    Verbs,
    Discards,
    Options,
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Kind::Actors => "actors",
            Kind::Agents => "agents",
            Kind::Verbs => "verbs",
            Kind::Discards => "discards",
            Kind::Options => "options",
        })
    }
}

/// One input file: its name as the user gave it (used in the report) and
/// its text.
#[derive(Debug, Clone)]
pub struct InputFile {
    pub name: String,
    pub text: String,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{0}: cannot tell what kind of dictionary this is (expected actors, agents, verbs, discards or options in its name or content)")]
    UnknownKind(String),
    #[error("no input files")]
    NoInput,
}

/// Why an entry was not converted (or converted with a loss). The text of
/// each reason is what the report prints; `key` groups them in the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skip {
    pub file: String,
    pub line: usize,
    pub reason: Reason,
    /// The entry as written in the input, trimmed.
    pub entry: String,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reason {
    NoCode,
    NullCode,
    BadCode(String),
    BadDate(String),
    ExtraUndatedCode(String),
    CompoundRole(String),
    PrefixRole(String),
    UnmatchableName(String),
    UnknownEventCode(String),
    ReverseOnlyCode(String),
    NoVerbPosition,
    WordsBeforeVerb,
    TargetBeforeVerb,
    SkipToken(String),
    CompoundActorToken,
    BadWord(String),
    UnknownSynset(String),
    TooManyExpansions(usize),
    PatternOutsideBlock,
    InflectedVerb(String),
    VerbStem(String),
    DuplicatePattern(String),
    Transformation,
    TimeShift,
    CoderOption,
    UnknownLabel(String),
    StoryDiscard,
    Unreadable,
}

impl Reason {
    /// Converted entries that lost something carry a reason too; these are
    /// counted as converted in the summary.
    pub fn is_lossy_conversion(&self) -> bool {
        matches!(self, Reason::StoryDiscard | Reason::VerbStem(_))
    }

    pub fn key(&self) -> &'static str {
        match self {
            Reason::NoCode => "name without a code",
            Reason::NullCode => "null code [---]",
            Reason::BadCode(_) => "malformed code",
            Reason::BadDate(_) => "malformed date",
            Reason::ExtraUndatedCode(_) => "second undated code",
            Reason::CompoundRole(_) => "two-part agent code",
            Reason::PrefixRole(_) => "prefix agent code",
            Reason::UnmatchableName(_) => "name with characters casus cannot match",
            Reason::UnknownEventCode(_) => "event code not in casus's CAMEO table",
            Reason::ReverseOnlyCode(_) => "target-to-source only code",
            Reason::NoVerbPosition => "pattern without *",
            Reason::WordsBeforeVerb => "words before the verb",
            Reason::TargetBeforeVerb => "target before the verb without a source slot",
            Reason::SkipToken(_) => "skip or optional token",
            Reason::CompoundActorToken => "compound actor token %",
            Reason::BadWord(_) => "word casus cannot match",
            Reason::UnknownSynset(_) => "unknown synset",
            Reason::TooManyExpansions(_) => "synset expansion too large",
            Reason::PatternOutsideBlock => "pattern outside a verb block",
            Reason::InflectedVerb(_) => "inflected verb with unknown base",
            Reason::VerbStem(_) => "verb stem completed with -e",
            Reason::DuplicatePattern(_) => "same words as an earlier pattern",
            Reason::Transformation => "transformation",
            Reason::TimeShift => "time-shift entry",
            Reason::CoderOption => "coder option",
            Reason::UnknownLabel(_) => "label for a code casus lacks",
            Reason::StoryDiscard => "story-level discard applied per sentence",
            Reason::Unreadable => "unreadable line",
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::NoCode => write!(f, "a name with no [CODE] before the next name"),
            Reason::NullCode => write!(f, "null code [---]: casus has no entry that blocks a match"),
            Reason::BadCode(c) => write!(f, "`{c}` is not an actor code (3 to 12 capital letters)"),
            Reason::BadDate(d) => write!(f, "`{d}` is not a date range (YYMMDD or YYYYMMDD, with > < or -)"),
            Reason::ExtraUndatedCode(c) => write!(f, "second undated code `{c}`: casus gives a name one code at a time"),
            Reason::CompoundRole(c) => write!(f, "agent code `{c}` has two roles; casus agents carry one 3-letter role"),
            Reason::PrefixRole(c) => write!(f, "agent code `{c}` puts the role before the actor; casus always appends the role"),
            Reason::UnmatchableName(c) => write!(f, "name contains `{c}`, which casus cannot match as written"),
            Reason::UnknownEventCode(c) => write!(f, "event code `{c}` is not in casus's CAMEO table"),
            Reason::ReverseOnlyCode(c) => write!(f, "code `{c}` codes only target-to-source; a casus pattern always codes its source"),
            Reason::NoVerbPosition => write!(f, "pattern without `*` for the verb"),
            Reason::WordsBeforeVerb => write!(f, "words before the verb: casus patterns start with the verb"),
            Reason::TargetBeforeVerb => write!(f, "target `+` before the verb without a source `$` after it"),
            Reason::SkipToken(t) => write!(f, "token `{t}` (skip or optional word) has no casus equivalent"),
            Reason::CompoundActorToken => write!(f, "compound-actor token `%` has no casus equivalent"),
            Reason::BadWord(w) => write!(f, "`{w}` cannot be written as a casus pattern word"),
            Reason::UnknownSynset(s) => write!(f, "synset `&{s}` is not defined"),
            Reason::TooManyExpansions(n) => write!(f, "synsets expand to {n} patterns (limit {})", verbs::MAX_EXPANSIONS),
            Reason::PatternOutsideBlock => write!(f, "pattern line before any verb"),
            Reason::InflectedVerb(v) => write!(f, "verb written inflected (`{v}`) and its base form is not known"),
            Reason::VerbStem(v) => write!(f, "verb stem `{v}` written `{v}e` (a guess: casus needs the base form to inflect)"),
            Reason::DuplicatePattern(c) => write!(f, "same words as an earlier pattern coded {c}; casus keeps one code per pattern"),
            Reason::Transformation => write!(f, "transformation (an event about an event): casus has no equivalent"),
            Reason::TimeShift => write!(f, "time-shift entry: casus dates events by the document and its own date words"),
            Reason::CoderOption => write!(f, "coder option: no casus dictionary equivalent"),
            Reason::UnknownLabel(c) => write!(f, "label for code `{c}`, which casus's CAMEO table lacks (add a row with Goldstein and QuadClass by hand)"),
            Reason::StoryDiscard => write!(f, "story-level discard: casus discards sentences, so it applies to the sentence that contains it"),
            Reason::Unreadable => write!(f, "line not in the file's format"),
        }
    }
}

/// Per input file counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileCounts {
    pub kind: Option<Kind>,
    pub read: usize,
    pub converted: usize,
}

/// The result of an import: casus files by path relative to the output
/// folder, and everything that was skipped.
#[derive(Debug, Clone, Default)]
pub struct Import {
    pub files: BTreeMap<String, String>,
    pub skipped: Vec<Skip>,
    pub counts: BTreeMap<String, FileCounts>,
    /// casus verb pattern lines written (after synset expansion).
    pub patterns_written: usize,
}

/// How to import.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// `None`: guessed per file from its name and content.
    pub format: Option<Format>,
    /// Also write, for each built-in actor, verb and discard file, a file of
    /// the same name that replaces it with nothing, so that the folder used
    /// with `--dict` codes with the imported dictionaries alone.
    pub replace_builtin: bool,
}

/// Guesses what a file holds from its name, then its content.
pub fn detect_kind(name: &str, text: &str) -> Option<Kind> {
    let base = name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(name)
        .to_ascii_lowercase();
    if base.contains("discard") {
        return Some(Kind::Discards);
    }
    if base.ends_with(".options") || base.contains("options") {
        return Some(Kind::Options);
    }
    if base.contains("agent") {
        return Some(Kind::Agents);
    }
    if base.contains("actor") {
        return Some(Kind::Actors);
    }
    if base.ends_with(".verbs") || base.contains("verb") || base.starts_with("cameo") {
        return Some(Kind::Verbs);
    }
    let body = text.lines().filter(|l| !l.trim_start().starts_with('#'));
    let mut dash = 0;
    let mut tilde_role = 0;
    let mut other = 0;
    for l in body.take(2000) {
        let t = l.trim();
        if t.starts_with("- ") || t.starts_with("---") {
            dash += 1;
        } else if t.contains("[~") {
            tilde_role += 1;
        } else if t.contains('[') {
            other += 1;
        }
    }
    if dash > 0 && dash >= other {
        Some(Kind::Verbs)
    } else if tilde_role > other {
        Some(Kind::Agents)
    } else if other > 0 {
        Some(Kind::Actors)
    } else {
        None
    }
}

/// Guesses the family of a file: TABARI's files end in `.actors`, `.verbs`,
/// `.agents`, `.options`; PETRARCH-2 verb files have `--- NAME ---` blocks.
pub fn detect_format(name: &str, text: &str) -> Format {
    let lower = name.to_ascii_lowercase();
    if [".actors", ".verbs", ".agents", ".options"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        return Format::Tabari;
    }
    if text.lines().any(|l| l.starts_with("<SYNSETS>")) {
        return Format::Tabari;
    }
    Format::Petrarch
}

/// The stem of a file name used to name its output file
/// (`Phoenix.Countries.actors.txt` -> `phoenix_countries`).
fn stem(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let mut parts: Vec<&str> = base.split('.').collect();
    while parts.len() > 1
        && matches!(
            parts.last().map(|p| p.to_ascii_lowercase()).as_deref(),
            Some("txt" | "actors" | "agents" | "verbs" | "options")
        )
    {
        parts.pop();
    }
    let s: String = parts
        .join("_")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    if s.is_empty() {
        "imported".into()
    } else {
        s
    }
}

/// Converts `files` into casus dictionary files. `known` is what casus
/// already knows (its CAMEO codes, countries, verbs); [`Known::builtin`]
/// reads it from the built-in dictionaries.
pub fn import(files: &[InputFile], options: Options, known: &Known) -> Result<Import, ImportError> {
    if files.is_empty() {
        return Err(ImportError::NoInput);
    }
    let mut out = Import::default();
    let mut kinds = Vec::new();
    for f in files {
        let kind = detect_kind(&f.name, &f.text)
            .ok_or_else(|| ImportError::UnknownKind(f.name.clone()))?;
        kinds.push(kind);
    }
    // Verb files first: their verbs tell inflected verb lines' bases.
    let mut verb_set = verbs::VerbFiles::default();
    let mut used_stems: BTreeMap<String, usize> = BTreeMap::new();
    for (f, kind) in files.iter().zip(&kinds) {
        let mut s = stem(&f.name);
        let n = used_stems.entry(s.clone()).or_default();
        *n += 1;
        if *n > 1 {
            s = format!("{s}_{n}");
        }
        let format = options
            .format
            .unwrap_or_else(|| detect_format(&f.name, &f.text));
        let mut counts = FileCounts {
            kind: Some(*kind),
            ..FileCounts::default()
        };
        let mut skips = Vec::new();
        match kind {
            Kind::Actors => {
                let r = actors::convert_actors(&f.text, known, &mut skips, &mut counts);
                if !r.orgs.is_empty() {
                    out.files.insert(
                        format!("actors/imported_{s}.txt"),
                        header(&f.name) + &r.orgs,
                    );
                }
                if !r.countries.is_empty() {
                    out.files.insert(
                        format!("actors/countries_{s}.txt"),
                        header(&f.name) + &r.countries,
                    );
                }
            }
            Kind::Agents => {
                let text = actors::convert_agents(&f.text, &mut skips, &mut counts);
                if !text.is_empty() {
                    out.files
                        .insert(format!("actors/agents_{s}.txt"), header(&f.name) + &text);
                }
            }
            Kind::Discards => {
                let text = misc::convert_discards(&f.text, &mut skips, &mut counts);
                if !text.is_empty() {
                    out.files
                        .insert(format!("rules/discards_{s}.txt"), header(&f.name) + &text);
                }
            }
            Kind::Options => misc::convert_options(&f.text, known, &mut skips, &mut counts),
            Kind::Verbs => verb_set.add(&s, &f.name, &f.text, format),
        }
        for sk in &mut skips {
            sk.file = f.name.clone();
        }
        out.skipped.extend(skips);
        out.counts.insert(f.name.clone(), counts);
    }
    let converted = verb_set.convert(known);
    for (name, file) in converted.files {
        out.patterns_written += file.lines;
        out.files.insert(
            format!("verbs/imported_{name}.txt"),
            header(&file.source) + &file.text,
        );
    }
    if !converted.irregular.is_empty() {
        out.files.insert(
            "verbs/irregular_imported.txt".into(),
            "# Irregular forms given in the imported verb files (casus dict import).\n".to_string()
                + &converted.irregular,
        );
    }
    for (name, counts) in converted.counts {
        out.counts.insert(name, counts);
    }
    out.skipped.extend(converted.skipped);
    if options.replace_builtin {
        for path in known::replaced_builtins() {
            out.files.entry(path.to_string()).or_insert_with(|| {
                format!(
                    "{}\n# Emptied by `casus dict import --replace-builtin`: the imported files stand alone.\n",
                    casus_core::builtin::REPLACE_DIRECTIVE
                )
            });
        }
    }
    out.skipped
        .sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    Ok(out)
}

fn header(source: &str) -> String {
    let base = source.rsplit(['/', '\\']).next().unwrap_or(source);
    format!("# Imported from {base} by `casus dict import`; see import-report.txt for what was left out.\n\n")
}

impl Import {
    /// The report file: every skipped entry as `FILE:LINE: reason: entry`.
    pub fn report(&self) -> String {
        let mut s = String::from(
            "# casus dict import: entries not converted, or converted with a loss, by file and line.\n# FILE:LINE: reason | entry as written\n",
        );
        for k in &self.skipped {
            let entry: String = k.entry.chars().take(160).collect();
            s.push_str(&format!(
                "{}:{}: {} | {}\n",
                k.file, k.line, k.reason, entry
            ));
        }
        s.push('\n');
        s.push_str(&self.summary());
        s
    }

    /// Entries read, converted and skipped per file, and skips by reason.
    pub fn summary(&self) -> String {
        let mut s = String::new();
        let mut total = FileCounts::default();
        for (name, c) in &self.counts {
            let kind = c.kind.map(|k| k.to_string()).unwrap_or_default();
            s.push_str(&format!(
                "{name} ({kind}): {} entries read, {} converted, {} skipped\n",
                c.read,
                c.converted,
                c.read.saturating_sub(c.converted)
            ));
            total.read += c.read;
            total.converted += c.converted;
        }
        s.push_str(&format!(
            "total: {} entries read, {} converted, {} skipped; {} verb pattern lines written\n",
            total.read,
            total.converted,
            total.read.saturating_sub(total.converted),
            self.patterns_written
        ));
        let mut by: BTreeMap<(bool, &str), usize> = BTreeMap::new();
        for k in &self.skipped {
            *by.entry((k.reason.is_lossy_conversion(), k.reason.key()))
                .or_default() += 1;
        }
        for ((lossy, key), n) in by {
            let what = if lossy {
                "converted with a loss"
            } else {
                "skipped"
            };
            s.push_str(&format!("  {what}: {key}: {n}\n"));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_formats_are_told_from_names_then_content() {
        assert_eq!(detect_kind("x/Phoenix.agents.txt", ""), Some(Kind::Agents));
        assert_eq!(detect_kind("My.actors", ""), Some(Kind::Actors));
        assert_eq!(detect_kind("CAMEO.2.0.txt", ""), Some(Kind::Verbs));
        assert_eq!(
            detect_kind("junk.txt", "- * FOO [010]\n"),
            Some(Kind::Verbs)
        );
        assert_eq!(
            detect_kind("junk.txt", "FARMER [~AGR]\n"),
            Some(Kind::Agents)
        );
        assert_eq!(detect_kind("junk.txt", "hello\n"), None);
        assert_eq!(detect_format("a.verbs", ""), Format::Tabari);
        assert_eq!(
            detect_format("CAMEO.2.0.txt", "---  X  [010]  ---\n"),
            Format::Petrarch
        );
        assert_eq!(stem("d/Phoenix.Countries.actors.txt"), "phoenix_countries");
    }

    #[test]
    fn an_unknown_file_is_an_error_naming_it() {
        let files = [InputFile {
            name: "notes.txt".into(),
            text: "nothing here\n".into(),
        }];
        let e = import(
            &files,
            Options {
                format: None,
                replace_builtin: false,
            },
            &Known::builtin(),
        )
        .unwrap_err();
        assert!(e.to_string().contains("notes.txt"), "{e}");
    }

    #[test]
    fn odd_input_of_every_kind_is_reported_never_a_panic() {
        // Deterministic scraps of the formats' syntax mixed with
        // multi-byte characters, cut at every length.
        let pieces = [
            "[",
            "]",
            "{",
            "}",
            "(",
            ")",
            "+",
            "-",
            "*",
            "$",
            "&",
            "~",
            "^",
            "%",
            "|",
            ":",
            "_",
            "---",
            "ÉÉ",
            "ß",
            "ed",
            "ing",
            "A",
            "Z",
            "019",
            "[~",
            ">99",
            "<",
            "!X!",
            "=",
            ",",
            " ",
            "\t",
            "\n",
            "#",
            ";",
            "é",
            "ñed",
            "<SYNSETS>",
            "<TIME>",
            "</TIME>",
        ];
        let mut seed = 7u64;
        let mut text = String::new();
        for _ in 0..4000 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
        }
        let known = Known::builtin();
        for name in [
            "a.actors",
            "a.agents",
            "a.verbs",
            "a.options",
            "a.discards.txt",
            "CAMEO.txt",
        ] {
            for cut in (0..text.len())
                .step_by(331)
                .filter(|&c| text.is_char_boundary(c))
            {
                let files = [InputFile {
                    name: name.into(),
                    text: text[..cut].to_string(),
                }];
                for format in [Some(Format::Tabari), Some(Format::Petrarch)] {
                    let r = import(
                        &files,
                        Options {
                            format,
                            replace_builtin: false,
                        },
                        &known,
                    )
                    .unwrap();
                    if cut + 331 < text.len() || format == Some(Format::Tabari) {
                        continue;
                    }
                    // whatever was written must load in casus (checked on
                    // the longest cut only: loading is the slow part)
                    let sources: Vec<casus_core::Source> = r
                        .files
                        .iter()
                        .map(|(p, t)| casus_core::Source::new(p.clone(), t.clone()))
                        .collect();
                    let merged = casus_core::builtin::merged(
                        sources.into_iter().map(|s| (s.name.clone(), s)).collect(),
                    );
                    if let Err(e) = casus_core::Pipeline::from_sources(merged) {
                        panic!("{name} cut {cut}: output does not load: {e}");
                    }
                }
            }
        }
    }
}
