//! Actors' canonical names for the records (`source_name`, `target_name`):
//! the name a political scientist reads ("Russia", "NATO", "Hamas",
//! "Russia - military") rather than the words of the sentence ("the
//! Kremlin", "its troops"). Names come from the dictionaries: the first
//! `name:` of a country, organisation or group block; role codes have the
//! English labels of `dict/actors/codes.txt`.
//!
//! How a code is named (docs/OUTPUT.md, section "Actor names"):
//! 1. A code that is the header of dictionary blocks: when the sentence's
//!    words for the actor are one of a block's names or adjectives, that
//!    block's first name ("Islamic Jihad" and "Hamas" share PSEREB and keep
//!    their own names). Otherwise, for a code that does not start with a
//!    country (IGOWSTNAT, NGOAMN), the block's first name when only one
//!    block has the code.
//! 2. A country code alone: the country's first name ("Russia").
//! 3. A country followed by role codes: the country's name and the roles'
//!    labels, joined by " - " ("Russia - military", "Israel - government -
//!    military" for ISRGOVMIL). A group whose code is a country and a role
//!    (a Russian mercenary group coded RUSMIL) names only its own mentions;
//!    "Russian troops" stay "Russia - military".
//! 4. Anything else (a bare role, a region code): no name (null).

use crate::dict::{parse_blocks, Source, SourceKind};
use crate::{Event, Pipeline};
use rustc_hash::FxHashMap as HashMap;

/// One dictionary block: its first name, and every name and adjective
/// normalised and padded with spaces, to find them as whole words.
#[derive(Debug, Clone, Default)]
struct NamedEntry {
    name: String,
    forms: Vec<String>,
}

/// Names of the codes of one set of dictionaries, built with the pipeline.
#[derive(Debug, Clone, Default)]
pub struct Names {
    countries: HashMap<String, String>,
    entries: HashMap<String, Vec<NamedEntry>>,
}

impl Names {
    /// Reads the names from the dictionary sources. Errors in the files are
    /// reported by the actor lexicon, which reads the same blocks; here a
    /// file that does not parse only has no names.
    pub fn build(sources: &[Source]) -> Names {
        let mut names = Names::default();
        for source in sources {
            let kind = source.kind();
            let countries = kind == Some(SourceKind::Countries);
            if !countries && kind != Some(SourceKind::Organizations) {
                continue;
            }
            let Ok(blocks) = parse_blocks(source, &["name", "adj", "capital", "seat", "valid"])
            else {
                continue;
            };
            for block in blocks {
                let Some((first, _)) = block.values("name").next() else {
                    continue;
                };
                if countries {
                    names
                        .countries
                        .entry(block.header.clone())
                        .or_insert_with(|| first.to_string());
                    continue;
                }
                // normalised once here, so naming an event allocates little
                let forms = block
                    .values("name")
                    .chain(block.values("adj"))
                    .map(|(v, _)| format!(" {} ", normalise(v.trim_end_matches('-'))))
                    .collect();
                names
                    .entries
                    .entry(block.header.clone())
                    .or_default()
                    .push(NamedEntry {
                        name: first.to_string(),
                        forms,
                    });
            }
        }
        names
    }

    /// The canonical name of `code`, using `surface` (the sentence's words
    /// for the actor) to choose between blocks that share the code.
    pub fn name(&self, code: &str, surface: &str) -> Option<String> {
        if code.is_empty() {
            return None;
        }
        let country = code.get(..3).and_then(|c| self.countries.get(c));
        if let Some(entries) = self.entries.get(code) {
            if let Some(e) = matching_entry(entries, surface) {
                return Some(e.name.clone());
            }
            if country.is_none() && entries.len() == 1 {
                return Some(entries[0].name.clone());
            }
        }
        let country = country?;
        let rest = &code[3..];
        if rest.is_empty() {
            return Some(country.clone());
        }
        let mut parts = vec![country.as_str()];
        let table = crate::codes::table();
        for role in rest.as_bytes().chunks(3) {
            let role = std::str::from_utf8(role).ok()?;
            parts.push(table.label(role)?);
        }
        Some(parts.join(" - "))
    }
}

/// The block whose name or adjective occurs in `surface` as whole words;
/// the longest such form wins ("Islamic Jihad movement" over "Jihad").
fn matching_entry<'a>(entries: &'a [NamedEntry], surface: &str) -> Option<&'a NamedEntry> {
    let surface = format!(" {} ", normalise(surface));
    entries
        .iter()
        .filter_map(|e| {
            e.forms
                .iter()
                .filter(|f| surface.contains(f.as_str()))
                .map(|f| f.len())
                .max()
                .map(|len| (len, e))
        })
        .max_by_key(|(len, _)| *len)
        .map(|(_, e)| e)
}

/// Lower case with punctuation as spaces, so "Hamas's" holds "hamas".
fn normalise(text: &str) -> String {
    let mapped: String = text
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect();
    let mapped = mapped.replace(" s ", " ");
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Sets `source_name` and `target_name` of each event from the pipeline's
/// dictionaries (see the module comment for the rules).
pub fn fill_names(p: &Pipeline, events: &mut [Event]) {
    for e in events {
        e.source_name = p.names.name(&e.source, &e.source_text);
        e.target_name = match (&e.target, &e.target_text) {
            (Some(code), Some(text)) => p.names.name(code, text),
            _ => None,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Names {
        Names::build(&[
            Source::new(
                "actors/countries.txt",
                "[RUS]\nname: Russia; Russian Federation\nadj: Russian\n[ISR]\nname: Israel\n",
            ),
            Source::new(
                "actors/groups.txt",
                "[PSEREB]\nname: Hamas\n[PSEREB]\nname: Islamic Jihad; PIJ\n\
                 [RUSMIL]\nname: Wagner Group\nadj: Wagner\n",
            ),
            Source::new(
                "actors/organizations.txt",
                "[IGOWSTNAT]\nname: NATO; North Atlantic Treaty Organization\n",
            ),
        ])
    }

    #[test]
    fn countries_roles_and_entries_get_their_dictionary_names() {
        let n = names();
        assert_eq!(n.name("RUS", "Moscow").as_deref(), Some("Russia"));
        assert_eq!(
            n.name("RUSGOV", "the Kremlin").as_deref(),
            Some("Russia - government")
        );
        assert_eq!(
            n.name("ISRGOVMIL", "x").as_deref(),
            Some("Israel - government - military")
        );
        assert_eq!(n.name("IGOWSTNAT", "the alliance").as_deref(), Some("NATO"));
    }

    #[test]
    fn shared_codes_are_told_apart_by_the_sentence_words() {
        let n = names();
        assert_eq!(
            n.name("PSEREB", "PIJ's fighters").as_deref(),
            Some("Islamic Jihad")
        );
        assert_eq!(n.name("PSEREB", "Hamas").as_deref(), Some("Hamas"));
        // a group coded like a country's role names only its own mentions
        assert_eq!(
            n.name("RUSMIL", "Wagner fighters").as_deref(),
            Some("Wagner Group")
        );
        assert_eq!(
            n.name("RUSMIL", "Russian troops").as_deref(),
            Some("Russia - military")
        );
    }

    #[test]
    fn unknown_codes_have_no_name() {
        let n = names();
        assert_eq!(n.name("", "x"), None);
        assert_eq!(n.name("GOV", "the government"), None);
        assert_eq!(n.name("RUSXYZ", "x"), None);
        assert_eq!(n.name("AFR", "Africa"), None);
    }
}
