//! Reading dictionary files: the shared block format of actor and rule files,
//! the verb pattern format, and the errors that name file and line.
//!
//! Parsing here only checks the form of each line; what the entries mean is
//! decided by the modules that compile them ([`crate::actors`],
//! [`crate::verbs`], [`crate::rules`]).

use std::borrow::Cow;
use thiserror::Error;

/// One dictionary file: its name as shown in errors and evidence (a path
/// relative to the dictionary root, such as `verbs/04_consult.txt`) and text.
/// A built-in file's text is borrowed from the binary rather than copied.
#[derive(Debug, Clone)]
pub struct Source {
    pub name: String,
    pub text: Cow<'static, str>,
}

impl Source {
    pub fn new(name: impl Into<String>, text: impl Into<Cow<'static, str>>) -> Source {
        Source {
            name: name.into(),
            text: text.into(),
        }
    }

    pub fn error(&self, line: usize, message: String) -> DictError {
        DictError::Line {
            file: self.name.clone(),
            line,
            message,
        }
    }

    /// What the file is, from its path inside the dictionary root.
    pub fn kind(&self) -> Option<SourceKind> {
        let name = self.name.replace('\\', "/");
        let file = name.rsplit('/').next().unwrap_or(&name);
        let dir = name.rsplit('/').nth(1).unwrap_or("");
        if file == "cameo_event_codes.tsv" {
            return Some(SourceKind::CameoTable);
        }
        if lang_path_parts(&name).is_some() {
            return Some(SourceKind::Language);
        }
        if dir == "geo" && file.ends_with(".tsv") {
            return Some(SourceKind::Gazetteer);
        }
        if !file.ends_with(".txt") {
            return None;
        }
        match dir {
            "actors" if file.starts_with("countries") => Some(SourceKind::Countries),
            "actors" if file.starts_with("persons") => Some(SourceKind::Persons),
            "actors" if file.starts_with("agents") => Some(SourceKind::Agents),
            "actors" if file.starts_with("places") => Some(SourceKind::Places),
            "actors" if file == "codes.txt" => Some(SourceKind::ActorCodes),
            "actors" => Some(SourceKind::Organizations),
            "verbs" if file.starts_with("irregular") => Some(SourceKind::Irregular),
            "verbs" if file.starts_with("nouns") => Some(SourceKind::EventNouns),
            "verbs" => Some(SourceKind::Verbs),
            "rules" => Some(SourceKind::Rules),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    CameoTable,
    Countries,
    Organizations,
    Persons,
    Agents,
    Places,
    /// `actors/codes.txt`: the built-in actor-code table ([`crate::codes`]).
    ActorCodes,
    Verbs,
    /// `verbs/nouns*.txt`: event nouns and the light verbs that take them.
    EventNouns,
    Irregular,
    Rules,
    /// `lang/<code>/<list>.txt`: a language's function words.
    Language,
    /// `geo/*.tsv`: the gazetteer ([`crate::locate`]).
    Gazetteer,
}

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum DictError {
    #[error("{file}:{line}: {message}")]
    Line {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{file}: {message}")]
    File { file: String, message: String },
    #[error("{count} dictionary errors; the first: {first}")]
    Many {
        count: usize,
        first: Box<DictError>,
        all: Vec<DictError>,
    },
}

impl DictError {
    /// Every individual error, for reports that list them all.
    pub fn all(&self) -> Vec<DictError> {
        match self {
            DictError::Many { all, .. } => all.clone(),
            other => vec![other.clone()],
        }
    }

    pub(crate) fn collect(mut errors: Vec<DictError>) -> Result<(), DictError> {
        match errors.len() {
            0 => Ok(()),
            1 => Err(errors.remove(0)),
            count => Err(DictError::Many {
                count,
                first: Box::new(errors[0].clone()),
                all: errors,
            }),
        }
    }
}

/// The language code and list name of a `lang/<code>/<list>.txt` path.
pub fn lang_path_parts(name: &str) -> Option<(&str, &str)> {
    let mut parts = name.rsplit('/');
    let file = parts.next()?;
    let code = parts.next()?;
    (parts.next()? == "lang").then_some((code, file.strip_suffix(".txt")?))
}

/// Removes a `#` comment. A `#` inside a word (`C#`) is kept.
/// A small word list that a test per token can afford: a word of up to
/// seven bytes is compared as one integer (its bytes and its length), so
/// a membership test costs what a `matches!` of string literals costs,
/// without a string comparison per listed word.
#[derive(Debug, Clone, Default)]
pub struct WordSet {
    /// One bit per word length (longer than 63 bytes: bit 63): most
    /// words are turned away by their length alone.
    lengths: u64,
    /// One bit per first byte (bytes from 127 up share the last bit): with
    /// the lengths, turns away most words before any comparison.
    firsts: u128,
    short: Vec<u64>,
    long: Vec<String>,
}

impl WordSet {
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> WordSet {
        let mut set = WordSet::default();
        for w in words {
            set.lengths |= 1 << w.len().min(63);
            set.firsts |= first_bit(w);
            match pack(w) {
                Some(k) => set.short.push(k),
                None => set.long.push(w.to_string()),
            }
        }
        // sorted for a binary search: a word that passes the filters is
        // most often not in the set, and a scan would read every entry
        set.short.sort_unstable();
        set.short.dedup();
        set
    }

    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        if self.lengths & (1 << word.len().min(63)) == 0 || self.firsts & first_bit(word) == 0 {
            return false;
        }
        match pack(word) {
            Some(k) => self.short.binary_search(&k).is_ok(),
            None => self.long.iter().any(|w| w == word),
        }
    }
}

#[inline]
fn first_bit(word: &str) -> u128 {
    match word.as_bytes().first() {
        Some(&b) if b < 127 => 1 << b,
        _ => 1 << 127,
    }
}

#[inline]
fn pack(word: &str) -> Option<u64> {
    let b = word.as_bytes();
    if b.len() > 7 {
        return None;
    }
    let mut k = (b.len() as u64) << 56;
    for (i, &c) in b.iter().enumerate() {
        k |= u64::from(c) << (8 * i);
    }
    Some(k)
}

pub fn strip_comment(line: &str) -> &str {
    // only the bytes `#` are looked at, not every character: a `#` byte is
    // always the character (UTF-8 never uses ASCII bytes inside another)
    let mut from = 0;
    while let Some(k) = line.as_bytes()[from..].iter().position(|&b| b == b'#') {
        let i = from + k;
        if line[..i]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace)
        {
            return &line[..i];
        }
        from = i + 1;
    }
    line
}

/// A `[HEADER]` block with its `field: a; b; c` lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub header: String,
    pub line: usize,
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub name: String,
    pub values: Vec<String>,
    pub line: usize,
}

impl Block {
    pub fn values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = (&'a str, usize)> + 'a {
        self.fields
            .iter()
            .filter(move |f| f.name == name)
            .flat_map(|f| f.values.iter().map(move |v| (v.as_str(), f.line)))
    }
}

/// Parses the block format. `allowed` lists the field names the file kind
/// accepts; anything else is an error naming the line.
pub fn parse_blocks(source: &Source, allowed: &[&str]) -> Result<Vec<Block>, DictError> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut errors = Vec::new();
    for (index, raw) in source.text.lines().enumerate() {
        let line_no = index + 1;
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix('[') {
            match rest.strip_suffix(']') {
                Some(header) if !header.trim().is_empty() => blocks.push(Block {
                    header: header.trim().to_string(),
                    line: line_no,
                    fields: Vec::new(),
                }),
                _ => errors.push(source.error(line_no, "a header must look like [NAME]".into())),
            }
            continue;
        }
        let Some((name, value)) = line.split_once(':') else {
            errors.push(source.error(
                line_no,
                format!("expected `field: value; value`, found `{line}`"),
            ));
            continue;
        };
        let name = name.trim().to_lowercase();
        if !allowed.contains(&name.as_str()) {
            errors.push(source.error(
                line_no,
                format!(
                    "unknown field `{name}` (this file allows: {})",
                    allowed.join(", ")
                ),
            ));
            continue;
        }
        let Some(block) = blocks.last_mut() else {
            errors.push(source.error(line_no, "a field must follow a [HEADER] line".into()));
            continue;
        };
        let mut values = Vec::new();
        for raw_item in value.split(';') {
            // its words joined by single spaces, built in place
            let mut item = String::with_capacity(raw_item.len());
            for w in raw_item.split_whitespace() {
                if !item.is_empty() {
                    item.push(' ');
                }
                item.push_str(w);
            }
            if item.is_empty() {
                if !value.trim().is_empty() && value.trim_end().ends_with(';') {
                    continue; // a trailing `;` is harmless
                }
                errors.push(source.error(line_no, format!("empty item in `{name}` list")));
                continue;
            }
            values.push(item);
        }
        if values.is_empty() {
            errors.push(source.error(line_no, format!("`{name}` has no values")));
            continue;
        }
        block.fields.push(Field {
            name,
            values,
            line: line_no,
        });
    }
    DictError::collect(errors)?;
    Ok(blocks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comment_starts_at_a_hash_after_a_space_or_at_the_start() {
        for (line, kept) in [
            ("abc # note", "abc "),
            ("#all comment", ""),
            ("C# stays", "C# stays"),
            ("C# and # this goes", "C# and "),
            ("tab\t#x", "tab\t"),
            ("no\u{a0}#break", "no\u{a0}"),
            ("\u{e9}#x", "\u{e9}#x"),
            ("a##b", "a##b"),
            ("", ""),
        ] {
            assert_eq!(strip_comment(line), kept, "{line:?}");
        }
    }

    #[test]
    fn a_word_set_tells_words_apart_by_every_byte_and_by_length() {
        let set = WordSet::new(["i", "it", "'s", "neither", "overnight"]);
        for w in ["i", "it", "'s", "neither", "overnight"] {
            assert!(set.contains(w), "{w}");
        }
        for w in [
            "", "is", "its", "s", "'", "neithe", "neithers", "overnigh", "I",
        ] {
            assert!(!set.contains(w), "{w}");
        }
        assert!(!WordSet::default().contains("a"));
        // words opening with a byte from 127 up share one first-byte bit
        let wide = WordSet::new(["\u{e9}t\u{e9}", "\u{fc}ber"]);
        assert!(wide.contains("\u{e9}t\u{e9}") && wide.contains("\u{fc}ber"));
        assert!(!wide.contains("\u{e8}t\u{e9}") && !wide.contains("etes"));
    }

    #[test]
    fn blocks_parse_with_comments_and_lists() {
        let src = Source::new(
            "actors/countries.txt",
            "# countries\n[UKR]  # Ukraine\nname: Ukraine; the Ukraine\nadj: Ukrainian;\n",
        );
        let blocks = parse_blocks(&src, &["name", "adj"]).unwrap();
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].header, "UKR");
        let names: Vec<_> = blocks[0].values("name").map(|(v, _)| v).collect();
        assert_eq!(names, ["Ukraine", "the Ukraine"]);
        assert_eq!(blocks[0].values("adj").next(), Some(("Ukrainian", 4)));
    }

    #[test]
    fn errors_name_file_and_line_and_are_all_reported() {
        let src = Source::new(
            "actors/x.txt",
            "[A]\nname: a\nbogus: b\nno colon here\n[B\n",
        );
        let err = parse_blocks(&src, &["name"]).unwrap_err();
        let all = err.all();
        assert_eq!(all.len(), 3);
        assert!(all[0]
            .to_string()
            .starts_with("actors/x.txt:3: unknown field `bogus`"));
        assert!(all[1].to_string().starts_with("actors/x.txt:4:"));
        assert!(all[2].to_string().starts_with("actors/x.txt:5:"));
    }

    #[test]
    fn kinds_follow_the_folder_layout() {
        assert_eq!(
            Source::new("verbs/04_consult.txt", "").kind(),
            Some(SourceKind::Verbs)
        );
        assert_eq!(
            Source::new("verbs/nouns.txt", "").kind(),
            Some(SourceKind::EventNouns)
        );
        assert_eq!(
            Source::new("verbs/irregular.txt", "").kind(),
            Some(SourceKind::Irregular)
        );
        assert_eq!(
            Source::new("actors/groups.txt", "").kind(),
            Some(SourceKind::Organizations)
        );
        assert_eq!(
            Source::new("rules/modality.txt", "").kind(),
            Some(SourceKind::Rules)
        );
        assert_eq!(Source::new("notes.md", "").kind(), None);
    }
}
