//! What casus already knows that the conversion needs: its CAMEO codes (a
//! pattern with another code would not load), its country codes (which
//! imported names can be country entries), and its verbs and irregular forms
//! (to find the base form of a verb written inflected or as a stem).

use std::collections::{HashMap, HashSet};

/// Built-in files that `--replace-builtin` empties: the dictionaries the
/// imported files stand for. The CAMEO table, irregular verbs, places, the
/// actor-code table (built in only), the gazetteer, the language's word
/// lists and the coder's cue rules (modality, attribution, ...) are kept:
/// TABARI and PETRARCH have no counterpart of them to import.
pub fn replaced_builtins() -> impl Iterator<Item = &'static str> {
    casus_core::builtin::FILES
        .iter()
        .map(|(path, _)| *path)
        .filter(|path| {
            (path.starts_with("actors/")
                && *path != "actors/places.txt"
                && *path != casus_core::codes::TABLE_FILE)
                || (path.starts_with("verbs/") && *path != "verbs/irregular.txt")
                || *path == "rules/discards.txt"
        })
}

#[derive(Debug, Clone, Default)]
pub struct Known {
    pub cameo: HashSet<String>,
    pub countries: HashSet<String>,
    /// lower-case demonyms of the built-in countries
    pub country_adjectives: HashSet<String>,
    pub verbs: HashSet<String>,
    /// base -> every past and participle form
    pub irregular: HashMap<String, Vec<String>>,
    /// past or participle form -> base
    pub irregular_base: HashMap<String, String>,
}

impl Known {
    /// Reads the built-in dictionaries embedded in casus-core.
    pub fn builtin() -> Known {
        let mut k = Known::default();
        for (name, text) in casus_core::builtin::FILES {
            let lines = text
                .lines()
                .map(|l| l.split('#').next().unwrap_or("").trim())
                .filter(|l| !l.is_empty());
            if *name == "cameo_event_codes.tsv" {
                for l in lines.skip(1) {
                    if let Some(code) = l.split('\t').next() {
                        k.cameo.insert(code.to_string());
                    }
                }
            } else if *name == "actors/countries.txt" {
                for l in lines {
                    if let Some(h) = l.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                        k.countries.insert(h.trim().to_string());
                    } else if let Some(adjs) = l.strip_prefix("adj:") {
                        k.country_adjectives.extend(
                            adjs.split(';')
                                .map(|a| a.trim().to_lowercase())
                                .filter(|a| !a.is_empty() && !a.ends_with('-')),
                        );
                    }
                }
            } else if *name == "verbs/irregular.txt" {
                for l in lines {
                    k.add_irregular_line(l);
                }
            } else if name.starts_with("verbs/") && !name.starts_with("verbs/nouns") {
                // (event-noun lines name nouns and light-verb groups, not verbs)
                for l in lines {
                    let body = l.split(';').next().unwrap_or("");
                    if let Some(v) = body.split_whitespace().nth(1) {
                        k.verbs.insert(v.to_string());
                    }
                }
            }
        }
        k
    }

    pub fn add_irregular_line(&mut self, line: &str) {
        let mut parts = line.split_whitespace();
        let Some(base) = parts.next() else { return };
        let forms: Vec<String> = parts
            .flat_map(|p| p.split('/'))
            .map(str::to_string)
            .collect();
        for f in &forms {
            self.irregular_base
                .entry(f.clone())
                .or_insert_with(|| base.to_string());
        }
        self.verbs.insert(base.to_string());
        self.irregular.insert(base.to_string(), forms);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_knowledge_is_read() {
        let k = Known::builtin();
        assert!(k.cameo.contains("042") && k.cameo.contains("0831"));
        assert!(k.countries.contains("UKR"));
        assert_eq!(k.irregular_base.get("went").map(String::as_str), Some("go"));
        assert!(k.verbs.contains("visit"));
    }
}
