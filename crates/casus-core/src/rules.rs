//! Rule dictionaries: modality cues, intent/refusal/threat conversions,
//! attribution cues, discard lists and weapon words. All are data in
//! `dict/rules/*.txt`; this module compiles them into phrase indexes.

use crate::dict::{parse_blocks, DictError, Source, SourceKind};
use crate::lexicon::PhraseIndex;
use crate::verbs::{inflect, Irregulars};
use rustc_hash::FxHashSet as HashSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cue {
    Negated,
    NegatedObject,
    Hypothetical,
    HypotheticalSentence,
    Future,
}

/// A code conversion: how intent, refusal or threat words change the code
/// of the action they govern.
#[derive(Debug, Clone, Default)]
pub struct Conversion {
    pub name: String,
    /// FROM -> TO, tried longest FROM first.
    pub map: Vec<(String, String)>,
}

impl Conversion {
    pub fn apply(&self, code: &str) -> Option<&str> {
        self.map
            .iter()
            .filter(|(from, _)| code.starts_with(from.as_str()))
            .max_by_key(|(from, _)| from.len())
            .map(|(_, to)| to.as_str())
    }
}

#[derive(Debug, Default)]
pub struct Rules {
    pub modality: PhraseIndex<Cue>,
    pub conversions: Vec<Conversion>,
    pub conversion_cues: PhraseIndex<usize>,
    pub say_verbs: HashSet<String>,
    /// Denial verbs ("denied that ..."): say-verbs whose report is negated.
    pub deny_verbs: HashSet<String>,
    pub according: PhraseIndex<()>,
    pub unattributed: PhraseIndex<()>,
    pub anonymous: PhraseIndex<()>,
    pub discards: PhraseIndex<String>,
    pub weapons: PhraseIndex<String>,
    /// Definite descriptions for coreference, by kind.
    pub descriptions: PhraseIndex<Description>,
    /// Protest aims: cue -> the subtype digit (1 to 4).
    pub protest_aims: PhraseIndex<char>,
    /// What a demand or appeal asks for (`rules/speech_content.txt`).
    pub content: SpeechContent,
    pub code_sets: CodeSets,
}

/// The subtypes a demand's or appeal's content chooses, and the nouns whose
/// clause is content (`rules/speech_content.txt`).
#[derive(Debug, Default)]
pub struct SpeechContent {
    kinds: Vec<ContentKind>,
    /// content code prefix -> kind
    codes: Vec<(String, usize)>,
    /// content verb -> kind
    pub verbs: PhraseIndex<usize>,
    /// Nouns whose "to"/"that" clause is content, singular and plural.
    pub nouns: PhraseIndex<()>,
    /// The unspecified demand and appeal (code sets `unspecified-demand`,
    /// `unspecified-appeal`): only these take a subtype from their content.
    unspecified: [String; 2],
}

#[derive(Debug, Default, Clone)]
struct ContentKind {
    demand: Option<String>,
    appeal: Option<String>,
}

impl SpeechContent {
    /// The content kind of a content predicate's code: the longest prefix.
    pub fn kind_of_code(&self, code: &str) -> Option<usize> {
        self.codes
            .iter()
            .filter(|(prefix, _)| code.starts_with(prefix.as_str()))
            .max_by_key(|(prefix, _)| prefix.len())
            .map(|&(_, k)| k)
    }

    /// The subtype that content of `kind` gives a demand or appeal coded
    /// `code`; `None` unless `code` is its root's unspecified code (code
    /// sets `unspecified-demand`, `unspecified-appeal`) and the kind names
    /// a subtype for that root.
    pub fn subtype(&self, kind: usize, code: &str) -> Option<&str> {
        let k = self.kinds.get(kind)?;
        let [demand, appeal] = &self.unspecified;
        let to = if code == demand {
            k.demand.as_deref()
        } else if code == appeal {
            k.appeal.as_deref()
        } else {
            None
        }?;
        (to != code).then_some(to)
    }
}

pub use crate::actors::Description;

const RULE_FIELDS: &[&str] = &["cue", "map", "verb", "noun", "code", "demand", "appeal"];

/// The code sets of `rules/code_sets.txt`: which CAMEO codes a decision
/// applies to. Every set must be given.
pub const CODE_SETS: &[&str] = &[
    "commitment",
    "force",
    "force-target",
    "scene-country",
    "domestic",
    "place-target",
    "capital-target",
    "restricted-place",
    "located-target",
    "settled-with",
    "defied",
    "protest",
    "protest-aim",
    "demand",
    "speech-content",
    "allegation",
    "beyond-sport",
    "said-must",
    "generic-force",
    "meeting",
    "third-country-meeting",
    "addressee-in-clause",
    "placed-by-target",
    "visit",
    "in-target-country",
    "unspecified-demand",
    "unspecified-appeal",
    "expelled-from",
];

/// Named sets of CAMEO code prefixes.
#[derive(Debug, Default, Clone)]
pub struct CodeSets {
    sets: Vec<Vec<String>>,
}

impl CodeSets {
    /// Whether `code` starts with a code of the named set.
    pub fn contains(&self, set: &str, code: &str) -> bool {
        let k = CODE_SETS.iter().position(|s| *s == set);
        debug_assert!(k.is_some(), "unknown code set {set}");
        k.is_some_and(|k| self.sets[k].iter().any(|p| code.starts_with(p.as_str())))
    }

    /// The one code of a single-code set (`meeting`, `generic-force`, ...).
    pub fn single(&self, set: &str) -> &str {
        CODE_SETS
            .iter()
            .position(|s| *s == set)
            .and_then(|k| self.sets[k].first())
            .map_or("", String::as_str)
    }
}

impl Rules {
    /// Numbers the cue words in `vocab` and marks the say-verbs.
    pub fn freeze(&mut self, vocab: &mut crate::vocab::Vocab) {
        self.modality.freeze(vocab);
        self.conversion_cues.freeze(vocab);
        self.according.freeze(vocab);
        self.unattributed.freeze(vocab);
        self.anonymous.freeze(vocab);
        self.discards.freeze(vocab);
        self.weapons.freeze(vocab);
        self.descriptions.freeze(vocab);
        self.protest_aims.freeze(vocab);
        self.content.verbs.freeze(vocab);
        self.content.nouns.freeze(vocab);
        vocab.add_class_all(
            self.say_verbs.iter().map(String::as_str),
            crate::vocab::class::SAY_VERB,
        );
    }

    pub fn build(
        sources: &[(u16, &Source)],
        irregular: &Irregulars,
        is_code: impl Fn(&str) -> bool,
    ) -> Result<Rules, DictError> {
        let mut rules = Rules::default();
        rules.code_sets.sets = vec![Vec::new(); CODE_SETS.len()];
        let mut seen_sets = vec![false; CODE_SETS.len()];
        let mut errors = Vec::new();
        for (_, source) in sources
            .iter()
            .filter(|(_, s)| s.kind() == Some(SourceKind::Rules))
        {
            let blocks = match parse_blocks(source, RULE_FIELDS) {
                Ok(b) => b,
                Err(e) => {
                    errors.extend(e.all());
                    continue;
                }
            };
            for block in blocks {
                let header = block.header.as_str();
                let cues = || block.values("cue").map(|(v, _)| v);
                let modality = match header {
                    "negated" => Some(Cue::Negated),
                    "negated-object" => Some(Cue::NegatedObject),
                    "hypothetical" => Some(Cue::Hypothetical),
                    "hypothetical-sentence" => Some(Cue::HypotheticalSentence),
                    "future" => Some(Cue::Future),
                    _ => None,
                };
                if let Some(cue) = modality {
                    for c in cues() {
                        rules.modality.insert(&c.to_lowercase(), cue);
                    }
                    continue;
                }
                match header {
                    "intent" | "decision" | "refusal" | "threat" => {
                        let id = match rules.conversions.iter().position(|c| c.name == header) {
                            Some(id) => id,
                            None => {
                                rules.conversions.push(Conversion {
                                    name: header.to_string(),
                                    map: Vec::new(),
                                });
                                rules.conversions.len() - 1
                            }
                        };
                        for c in cues() {
                            rules.conversion_cues.insert(&c.to_lowercase(), id);
                        }
                        for (pair, line) in block.values("map") {
                            match pair.split_once('=') {
                                // a root ("12") heads its codes but is no code
                                // of an event: the general code is "120"
                                Some((from, to))
                                    if is_code(to.trim())
                                        && to.trim().len() >= 3
                                        && !from.trim().is_empty() =>
                                {
                                    rules.conversions[id]
                                        .map
                                        .push((from.trim().to_string(), to.trim().to_string()))
                                }
                                _ => errors.push(source.error(
                                    line,
                                    format!(
                                        "`{pair}` must be FROM=TO with a CAMEO event code of three or four digits on the right (a root such as 12 is written 120)"
                                    ),
                                )),
                            }
                        }
                    }
                    "say" => {
                        for (v, _) in block.values("verb") {
                            rules
                                .say_verbs
                                .extend(inflect(&v.to_lowercase(), irregular).0);
                        }
                    }
                    "deny" => {
                        for (v, _) in block.values("verb") {
                            let forms = inflect(&v.to_lowercase(), irregular).0;
                            rules.say_verbs.extend(forms.iter().cloned());
                            rules.deny_verbs.extend(forms);
                        }
                    }
                    "according" => {
                        for c in cues() {
                            rules.according.insert(&c.to_lowercase(), ());
                        }
                    }
                    "unattributed" => {
                        for c in cues() {
                            rules.unattributed.insert(&c.to_lowercase(), ());
                        }
                    }
                    "anonymous" => {
                        for (n, _) in block.values("noun") {
                            let n = n.to_lowercase();
                            for form in std::iter::once(n.clone()).chain(crate::actors::plurals(&n))
                            {
                                rules.anonymous.insert(&form, ());
                            }
                        }
                    }
                    // a weapons file's blocks are named by the code their
                    // words refine an attack to
                    h if source.name.contains("weapon") && is_cameo_code(h) && is_code(h) => {
                        for c in cues() {
                            rules.weapons.insert(&c.to_lowercase(), header.to_string());
                        }
                    }
                    "aim-1" | "aim-2" | "aim-3" | "aim-4" => {
                        let digit = header.chars().last().unwrap_or('1');
                        for c in cues() {
                            rules.protest_aims.insert(&c.to_lowercase(), digit);
                        }
                    }
                    "content" => {
                        let kind = rules.content.kinds.len();
                        let mut entry = ContentKind::default();
                        for field in ["demand", "appeal"] {
                            for (c, line) in block.values(field) {
                                if !is_code(c) {
                                    errors.push(
                                        source.error(line, format!("`{c}` is not a CAMEO code")),
                                    );
                                } else if field == "demand" {
                                    entry.demand = Some(c.to_string());
                                } else {
                                    entry.appeal = Some(c.to_string());
                                }
                            }
                        }
                        rules.content.kinds.push(entry);
                        for (c, line) in block.values("code") {
                            if !is_cameo_code(c) {
                                errors.push(
                                    source
                                        .error(line, format!("`{c}` is not a CAMEO code or root")),
                                );
                            } else {
                                rules.content.codes.push((c.to_string(), kind));
                            }
                        }
                        for (v, _) in block.values("verb") {
                            rules.content.verbs.insert(&v.to_lowercase(), kind);
                        }
                    }
                    "content-nouns" => {
                        for (n, _) in block.values("noun") {
                            let n = n.to_lowercase();
                            for form in std::iter::once(n.clone()).chain(crate::actors::plurals(&n))
                            {
                                rules.content.nouns.insert(&form, ());
                            }
                        }
                    }
                    "organization" | "pair" | "country" => {
                        let kind = match header {
                            "organization" => Description::Organization,
                            "pair" => Description::Pair,
                            _ => Description::Country,
                        };
                        for c in cues() {
                            rules.descriptions.insert(&c.to_lowercase(), kind);
                        }
                    }
                    _ if header.starts_with("code-set ") => {
                        let name = header["code-set ".len()..].trim();
                        let Some(k) = CODE_SETS.iter().position(|s| *s == name) else {
                            errors.push(source.error(
                                block.line,
                                format!(
                                    "unknown code set `{name}` (known: {})",
                                    CODE_SETS.join(", ")
                                ),
                            ));
                            continue;
                        };
                        seen_sets[k] = true;
                        for (c, line) in block.values("code") {
                            if !is_cameo_code(c) {
                                errors.push(
                                    source
                                        .error(line, format!("`{c}` is not a CAMEO code or root")),
                                );
                            } else {
                                rules.code_sets.sets[k].push(c.to_string());
                            }
                        }
                    }
                    _ if source.name.contains("discard") => {
                        for c in cues() {
                            rules.discards.insert(c, header.to_string());
                        }
                    }
                    _ => errors
                        .push(source.error(block.line, format!("unknown rule block `[{header}]`"))),
                }
            }
        }
        for (k, name) in CODE_SETS.iter().enumerate() {
            if !seen_sets[k] {
                errors.push(DictError::File {
                    file: "rules/code_sets.txt".into(),
                    message: format!("code set `[code-set {name}]` is missing"),
                });
            }
        }
        DictError::collect(errors)?;
        rules.content.unspecified = [
            rules.code_sets.single("unspecified-demand").to_string(),
            rules.code_sets.single("unspecified-appeal").to_string(),
        ];
        Ok(rules)
    }
}

/// A CAMEO event code or root as the rule files write it: one to four
/// digits ("19", "0874").
fn is_cameo_code(c: &str) -> bool {
    !c.is_empty() && c.len() <= 4 && c.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversion_uses_the_longest_prefix() {
        let c = Conversion {
            name: "intent".into(),
            map: vec![("07".into(), "033".into()), ("072".into(), "0332".into())],
        };
        assert_eq!(c.apply("072"), Some("0332"));
        assert_eq!(c.apply("073"), Some("033"));
        assert_eq!(c.apply("190"), None);
    }

    #[test]
    fn code_sets_match_by_prefix() {
        let p = crate::Pipeline::builtin().unwrap();
        let sets = &p.rules.code_sets;
        assert!(sets.contains("force", "195"));
        assert!(sets.contains("place-target", "0421"));
        assert!(!sets.contains("place-target", "043"));
        assert!(!sets.contains("commitment", "042"));
        assert_eq!(sets.single("meeting"), "040");
    }

    #[test]
    fn a_conversion_to_a_bare_root_is_an_error() {
        let src = Source::new(
            "rules/x.txt",
            "[refusal]\ncue: refused to\nmap: 05=12; 04=125\n",
        );
        let err = Rules::build(&[(0, &src)], &Irregulars::default(), |c| {
            c.chars().all(|d| d.is_ascii_digit())
        })
        .unwrap_err();
        let all: Vec<String> = err.all().iter().map(|e| e.to_string()).collect();
        assert!(
            all.iter()
                .any(|e| e.starts_with("rules/x.txt:3:") && e.contains("`05=12`")),
            "{all:?}"
        );
        assert!(!all.iter().any(|e| e.contains("`04=125`")), "{all:?}");
    }

    #[test]
    fn unknown_blocks_and_bad_maps_are_errors_with_lines() {
        let src = Source::new(
            "rules/x.txt",
            "[intent]\ncue: ready to\nmap: 04=XYZ\n[nonsense]\ncue: a\n",
        );
        let sets = Source::new(
            "rules/code_sets.txt",
            crate::builtin::FILES
                .iter()
                .find(|(n, _)| *n == "rules/code_sets.txt")
                .unwrap()
                .1
                .replace("[code-set demand]", "[code-set demands]")
                .replace("code: 14\n", "code: 14; 1x\n"),
        );
        let err = Rules::build(&[(0, &src), (1, &sets)], &Irregulars::default(), |c| {
            c.chars().all(|d| d.is_ascii_digit())
        })
        .unwrap_err();
        let all: Vec<String> = err.all().iter().map(|e| e.to_string()).collect();
        assert_eq!(all.len(), 5, "{all:?}");
        assert!(all[0].starts_with("rules/x.txt:3:"));
        assert!(all[1].starts_with("rules/x.txt:4: unknown rule block"));
        assert!(all[2].contains("`1x` is not a CAMEO code"), "{all:?}");
        assert!(all[3].contains("unknown code set `demands`"), "{all:?}");
        assert_eq!(
            all[4],
            "rules/code_sets.txt: code set `[code-set demand]` is missing"
        );
    }

    #[test]
    fn the_unspecified_demand_and_the_weapon_codes_come_from_the_files() {
        let p = crate::Pipeline::builtin().unwrap();
        let content = &p.rules.content;
        let kind = content.kind_of_code("061").expect("a content kind for 061");
        assert_eq!(content.subtype(kind, "100"), Some("1011"));
        assert_eq!(content.subtype(kind, "020"), Some("0211"));
        assert_eq!(content.subtype(kind, "101"), None, "already specified");
        let file = |name: &str| {
            crate::builtin::FILES
                .iter()
                .find(|(n, _)| *n == name)
                .unwrap()
                .1
        };
        let sets = Source::new(
            "rules/code_sets.txt",
            file("rules/code_sets.txt").replace(
                "[code-set unspecified-demand]\n# The unspecified demand: what it asks for (speech_content.txt) chooses its\n# subtype.\ncode: 100",
                "[code-set unspecified-demand]\ncode: 102",
            ),
        );
        let speech = Source::new("rules/speech_content.txt", file("rules/speech_content.txt"));
        let weapons = Source::new("rules/weapons.txt", "[183]\ncue: car bomb\n[999]\ncue: x\n");
        let known = |c: &str| c != "999";
        let rules =
            Rules::build(&[(0, &sets), (1, &speech)], &Irregulars::default(), known).unwrap();
        let kind = rules.content.kind_of_code("061").unwrap();
        assert_eq!(rules.content.subtype(kind, "100"), None);
        assert_eq!(rules.content.subtype(kind, "102"), Some("1011"));
        // a weapons block is named by a known code; another is an error
        let err =
            Rules::build(&[(0, &sets), (1, &weapons)], &Irregulars::default(), known).unwrap_err();
        assert_eq!(
            err.to_string(),
            "rules/weapons.txt:3: unknown rule block `[999]`"
        );
    }
}
