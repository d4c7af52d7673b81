//! The dictionaries embedded in the binary, and the merge with user files
//! given by `--dict DIR`.

use crate::dict::Source;

/// The English tagger and parser model, trained by `casus-train` (see
/// models/en/README.md for its provenance and licence).
pub static MODEL_BYTES: &[u8] = include_bytes!("../../../models/en/model.bin");

/// The built-in parser model, read once per process: it is the same for
/// every pipeline, and reading 20 MB of weights per pipeline would cost
/// more start-up than the dictionaries.
pub fn model() -> Result<&'static casus_parse::Model, String> {
    use std::sync::OnceLock;
    static MODEL: OnceLock<Result<casus_parse::Model, String>> = OnceLock::new();
    MODEL
        .get_or_init(|| casus_parse::Model::from_static(MODEL_BYTES).map_err(|e| e.to_string()))
        .as_ref()
        .map_err(Clone::clone)
}

macro_rules! embed {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_str!(concat!("../../../dict/", $path)))),*]
    };
}

/// Every built-in file as (name relative to `dict/`, text).
pub const FILES: &[(&str, &str)] = embed![
    "cameo_event_codes.tsv",
    "actors/countries.txt",
    "actors/organizations.txt",
    "actors/groups.txt",
    "actors/persons.txt",
    "actors/agents.txt",
    "actors/places.txt",
    "actors/codes.txt",
    "verbs/irregular.txt",
    "verbs/01_statement.txt",
    "verbs/02_appeal.txt",
    "verbs/03_intent.txt",
    "verbs/04_consult.txt",
    "verbs/05_diplomatic_cooperation.txt",
    "verbs/06_material_cooperation.txt",
    "verbs/07_aid.txt",
    "verbs/08_yield.txt",
    "verbs/09_investigate.txt",
    "verbs/10_demand.txt",
    "verbs/11_disapprove.txt",
    "verbs/12_reject.txt",
    "verbs/13_threaten.txt",
    "verbs/14_protest.txt",
    "verbs/15_force_posture.txt",
    "verbs/16_reduce_relations.txt",
    "verbs/17_coerce.txt",
    "verbs/18_assault.txt",
    "verbs/19_fight.txt",
    "verbs/20_mass_violence.txt",
    "verbs/nouns.txt",
    "rules/modality.txt",
    "rules/conversions.txt",
    "rules/attribution.txt",
    "rules/discards.txt",
    "rules/weapons.txt",
    "rules/coreference.txt",
    "rules/protest_aims.txt",
    "rules/speech_content.txt",
    "rules/code_sets.txt",
    "lang/en/determiners.txt",
    "lang/en/prepositions.txt",
    "lang/en/auxiliaries.txt",
    "lang/en/be_forms.txt",
    "lang/en/clause_breaks.txt",
    "lang/en/quantities.txt",
    "lang/en/gap_blockers.txt",
    "lang/en/quantifiers.txt",
    "lang/en/gap_free_words.txt",
    "lang/en/force_prepositions.txt",
    "lang/en/ing_verb_contexts.txt",
    "lang/en/base_verb_contexts.txt",
    "lang/en/placing_prepositions.txt",
    "lang/en/posted_abroad.txt",
    "lang/en/reach_stops.txt",
    "lang/en/title_abbreviations.txt",
    "lang/en/sentence_openers.txt",
    "lang/en/periods.txt",
    "lang/en/parts_of_day.txt",
    "lang/en/period_openers.txt",
    "lang/en/time_words.txt",
    "lang/en/time_prefixes.txt",
    "lang/en/mention_locatives.txt",
    "lang/en/agent_origin_prepositions.txt",
    "lang/en/role_modifiers.txt",
    "lang/en/regional_adjectives.txt",
    "lang/en/region_member_nouns.txt",
    "lang/en/local_people_nouns.txt",
    "lang/en/roleless_people_nouns.txt",
    "lang/en/modifier_participles.txt",
    "lang/en/leading_participles.txt",
    "lang/en/led_bodies.txt",
    "lang/en/never_places.txt",
    "lang/en/name_connectors.txt",
    "lang/en/place_prepositions.txt",
    "lang/en/of_locatives.txt",
    "lang/en/place_say_words.txt",
    "lang/en/stative_participles.txt",
    "lang/en/obligation_modals.txt",
    "lang/en/relative_pronouns.txt",
    "lang/en/gap_place_prepositions.txt",
    "lang/en/articles.txt",
    "lang/en/gap_links.txt",
    "lang/en/pronouns.txt",
    "lang/en/subject_pronouns.txt",
    "lang/en/object_pronouns.txt",
    "lang/en/first_person_pronouns.txt",
    "lang/en/person_pronouns.txt",
    "lang/en/person_titles.txt",
    "lang/en/demand_nouns.txt",
    "lang/en/appeal_nouns.txt",
    "lang/en/owning_verbs.txt",
    "lang/en/plural_pronouns.txt",
    "lang/en/thing_pronouns.txt",
    "lang/en/possessive_markers.txt",
    "lang/en/indefinite_determiners.txt",
    "lang/en/role_complement_prepositions.txt",
    "lang/en/modifier_stops.txt",
    "lang/en/line_continuations.txt",
    "lang/en/same_day_words.txt",
    "lang/en/weekdays.txt",
    "lang/en/months.txt",
    "lang/en/clause_coordinators.txt",
    "lang/en/say_noun_contexts.txt",
    "lang/en/speaker_stops.txt",
    "lang/en/denial_scope_breaks.txt",
    "lang/en/negative_determiners.txt",
    "lang/en/inverted_conditionals.txt",
    "lang/en/inverted_infinitive_conditionals.txt",
    "lang/en/list_joiners.txt",
    "lang/en/modal_verbs.txt",
    "lang/en/complementizers.txt",
    "lang/en/verb_premodifiers.txt",
    "lang/en/perfect_auxiliaries.txt",
    "lang/en/negation_adverbs.txt",
    "lang/en/indefinite_articles.txt",
    "lang/en/accusation_links.txt",
    "lang/en/content_verb_markers.txt",
    "lang/en/speech_noun_links.txt",
    "lang/en/possessive_links.txt",
    "lang/en/quantity_links.txt",
    "lang/en/ing_noun_prepositions.txt",
    "lang/en/ing_act_nouns.txt",
    "lang/en/infinitive_markers.txt",
    "lang/en/predicative_markers.txt",
    "lang/en/phrasal_verbs.txt",
    "lang/en/reduced_relative_prepositions.txt",
    "lang/en/sequence_prepositions.txt",
    "lang/en/talk_nouns.txt",
    "lang/en/talk_links.txt",
    "lang/en/concessive_prepositions.txt",
    "lang/en/pressure_nouns.txt",
    "lang/en/pressure_links.txt",
    "lang/en/agent_prepositions.txt",
    "lang/en/instrument_prepositions.txt",
    "lang/en/year_prepositions.txt",
    "lang/en/finite_complementizers.txt",
    "lang/en/compound_links.txt",
    "lang/en/compound_comma_links.txt",
    "lang/en/count_modifiers.txt",
    "lang/en/casualty_counts.txt",
    "lang/en/casualty_nouns.txt",
    "lang/en/sponsor_participles.txt",
    "lang/en/attacker_links.txt",
    "lang/en/attack_owner_links.txt",
    "lang/en/attack_nouns.txt",
    "lang/en/member_links.txt",
    "lang/en/unmarked_plurals.txt",
    "lang/en/bare_verb_openers.txt",
    "lang/en/honorifics.txt",
    "lang/en/target_prepositions.txt",
    "lang/en/definite_articles.txt",
    "lang/en/destination_prepositions.txt",
    "lang/en/origin_prepositions.txt",
    "lang/en/english_markers.txt",
    "lang/en/time_prepositions.txt",
    "lang/en/time_year_prepositions.txt",
    "lang/en/number_abbreviations.txt",
    "lang/en/month_abbreviations.txt",
    "lang/en/gap_free_phrases.txt",
    "lang/en/reciprocal_pronouns.txt",
    "lang/en/role_list_links.txt",
    "lang/en/role_list_enders.txt",
    "lang/en/adjective_list_links.txt",
    "lang/en/pair_links.txt",
    "lang/en/compass_adjectives.txt",
    "lang/en/place_nouns.txt",
    "lang/en/border_nouns.txt",
    "lang/en/allegiance_links.txt",
    "lang/en/side_nouns.txt",
    "lang/en/topic_prepositions.txt",
    "lang/en/non_objects.txt",
    "lang/en/company_words.txt",
    "lang/en/amount_words.txt",
    "lang/en/relative_dates.txt",
    "lang/en/tokenizer_clitics.txt",
    "lang/en/clitics.txt",
    "geo/countries.tsv",
    "geo/adm1.tsv",
    "geo/cities.tsv",
];

pub fn sources() -> Vec<Source> {
    FILES
        .iter()
        .map(|(name, text)| Source::new(*name, *text))
        .collect()
}

/// A word list of the built-in language folder (`dict/lang/en/<list>.txt`:
/// its words, borrowed from the binary), read once per process. The
/// tokenizer, the gazetteer and the mention finder read their lists here,
/// since they run without a pipeline (a text layer is made before any
/// dictionary is chosen), so a user's `--dict` copy of these lists does not
/// change them. The pipeline checks the same files line by line
/// ([`crate::lang::Language::build`]). Empty for an unknown list.
pub fn lang_list(list: &str) -> &'static [&'static str] {
    lang_lists().get(list).map_or(&[], |l| l.words.as_slice())
}

/// One built-in word list: its words in file order, and the same words as
/// a [`crate::dict::WordSet`] for membership tests.
struct LangList {
    words: Vec<&'static str>,
    set: crate::dict::WordSet,
}

/// Every built-in word list by name, read once per process. Looked up by
/// hash: a scan of the ninety list names per test, with a string
/// comparison each, cost the tokenizer more than tokenising.
fn lang_lists() -> &'static rustc_hash::FxHashMap<&'static str, LangList> {
    use std::sync::OnceLock;
    static LISTS: OnceLock<rustc_hash::FxHashMap<&'static str, LangList>> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut lists = rustc_hash::FxHashMap::default();
        for (name, text) in FILES {
            let Some((_, list)) = crate::dict::lang_path_parts(name) else {
                continue;
            };
            let words: Vec<&'static str> = text
                .lines()
                .map(|l| crate::dict::strip_comment(l).trim())
                .filter(|w| !w.is_empty())
                .collect();
            let set = crate::dict::WordSet::new(words.iter().copied());
            // the first file of a name wins, as a scan in file order found it
            lists.entry(list).or_insert(LangList { words, set });
        }
        lists
    })
}

/// `lang_set!("list")`: a built-in word list ([`lang_list`]) as a
/// [`crate::dict::WordSet`], found by name and built once per call site,
/// for tests made per token.
macro_rules! lang_set {
    ($list:literal) => {{
        static SET: std::sync::OnceLock<crate::dict::WordSet> = std::sync::OnceLock::new();
        SET.get_or_init(|| {
            crate::dict::WordSet::new(crate::builtin::lang_list($list).iter().copied())
        })
    }};
}
pub(crate) use lang_set;

/// `lang_phrases!("list")`: a built-in phrase list
/// ([`crate::lang::PHRASE_LISTS`]) as its phrases' words, found by name
/// and split once per call site, for tests made per token.
macro_rules! lang_phrases {
    ($list:literal) => {{
        static PHRASES: std::sync::OnceLock<Vec<Vec<&'static str>>> = std::sync::OnceLock::new();
        PHRASES.get_or_init(|| {
            crate::builtin::lang_list($list)
                .iter()
                .map(|p| p.split_whitespace().collect())
                .collect()
        })
    }};
}
pub(crate) use lang_phrases;

/// Whether a built-in word list ([`lang_list`]) holds a word, spelled as
/// the lists spell words: lower case.
pub fn lang_has(list: &str, word: &str) -> bool {
    lang_lists().get(list).is_some_and(|l| l.set.contains(word))
}

/// Whether a built-in phrase list ([`crate::lang::PHRASE_LISTS`]) holds
/// the phrase that `words` spell.
pub fn lang_has_phrase(list: &str, words: &[&str]) -> bool {
    lang_list(list)
        .iter()
        .any(|p| crate::lang::same_phrase(p, words))
}

/// The first-line directive that makes a user file replace the built-in
/// file of the same name instead of adding to it.
pub const REPLACE_DIRECTIVE: &str = "# casus: replace";

/// Whether a user file asks to replace the built-in file of its name: its
/// first non-blank line is [`REPLACE_DIRECTIVE`].
pub fn replaces(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .is_some_and(|l| l.eq_ignore_ascii_case(REPLACE_DIRECTIVE))
}

/// Built-in files with user files merged in. `user` pairs each file's path
/// relative to the dictionary root (`actors/persons.txt`) with its source
/// (named as it should appear in errors). A user file comes after every
/// built-in file, so it adds entries and its entries win over built-in
/// entries with the same key, even when it has a built-in file's name; a
/// user file whose first line is [`REPLACE_DIRECTIVE`] instead replaces the
/// built-in file of its name whole.
pub fn merged(user: Vec<(String, Source)>) -> Vec<Source> {
    let mut out = sources();
    for (relative, file) in user {
        if replaces(&file.text) {
            if let Some(existing) = out.iter_mut().find(|s| s.name == relative) {
                *existing = file;
                continue;
            }
        }
        out.push(file);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Pipeline};

    fn user(name: &str, text: &str) -> (String, Source) {
        (
            name.to_string(),
            Source::new(format!("/my/{name}"), text.to_string()),
        )
    }

    const ONE_PERSON: &str =
        "[Ada Quillfeather]\nname: Ada Quillfeather\noffice: NORGOV 2020-01-01..\n";

    #[test]
    fn a_user_file_named_like_a_builtin_one_adds_to_it() {
        // issue 9: a one-entry persons.txt dropped all built-in persons
        let builtin = Pipeline::builtin().unwrap().stats().persons;
        let p =
            Pipeline::from_sources(merged(vec![user("actors/persons.txt", ONE_PERSON)])).unwrap();
        assert_eq!(p.stats().persons, builtin + 1);
        let doc = Document {
            id: "x".into(),
            text: "Ada Quillfeather criticised Sweden.".into(),
            date: crate::Date::parse("2024-05-01"),
            title: None,
            url: None,
        };
        let events = p.code(&doc);
        assert!(events.iter().any(|e| e.source == "NORGOV"), "{events:?}");
    }

    #[test]
    fn the_replace_directive_replaces_the_builtin_file_whole() {
        let text = format!("{REPLACE_DIRECTIVE}\n{ONE_PERSON}");
        let p = Pipeline::from_sources(merged(vec![user("actors/persons.txt", &text)])).unwrap();
        assert_eq!(p.stats().persons, 1);
    }

    #[test]
    fn a_user_cameo_table_adds_codes_and_overrides_same_codes() {
        let table = "code\tname\tgoldstein\tquadclass\tlevel\troot\tplover\n\
                     0431\tHost a summit\t3.0\t1\t3\t04\tCONSULT\n\
                     042\tVisit, user-scored\t2.5\t1\t2\t04\tCONSULT\n";
        let p = Pipeline::from_sources(merged(vec![user("cameo_event_codes.tsv", table)])).unwrap();
        assert!(p.cameo.contains("0431"));
        assert_eq!(p.cameo.get("042").unwrap().goldstein, 2.5);
        assert!(p.cameo.contains("01"), "built-in codes are kept");
    }
}

#[cfg(test)]
mod odd_input {
    use super::*;
    use crate::Pipeline;

    #[test]
    fn odd_dictionary_text_is_an_error_never_a_panic() {
        let names = [
            "cameo_event_codes.tsv",
            "actors/countries.txt",
            "actors/persons.txt",
            "actors/agents.txt",
            "actors/places.txt",
            "actors/groups.txt",
            "verbs/irregular.txt",
            "verbs/99_x.txt",
            "rules/modality.txt",
        ];
        let texts = [
            "",
            "\u{feff}",
            "\t\t\t\t\t\t\t\n\t\t\t\t\t\t\t",
            "x\n1\t\t99999999999999999999\t255\t\t1\tX\n",
            "x\n0\u{e9}\tname\t1e39\t1\t1\t0\u{e9}\tP\n",
            "[]\n[ ]\n:\n: ;\nname:\n",
            "[X]\nname: \u{fffd}\u{fffd}\noffice: X 0000-00-00..99999-99-99\n",
            "[ABC]\noffice: ABC 2020-01-01..2019-01-01\nname: a\u{0}b\n",
            "042 \u{2028} + ; also\n1 x +\n9999999999999999999 a\n\u{3000}\u{a0} ; sym sym\n",
            "042 + + + ; also 042\n042 * ; also 04 reverse\n",
            "a = b\n= =\n[rule]\nwhen: ;;;\n",
        ];
        // every file kind gets the odd text at once (each parser runs even
        // when another reports errors), added to and replacing the built-in
        for text in texts {
            for replace in [false, true] {
                let sources: Vec<(String, Source)> = names
                    .iter()
                    .map(|name| {
                        let body = if replace {
                            format!("{REPLACE_DIRECTIVE}\n{text}")
                        } else {
                            text.to_string()
                        };
                        (name.to_string(), Source::new(*name, body))
                    })
                    .collect();
                let run = std::panic::catch_unwind(|| {
                    let _ = Pipeline::from_sources(merged(sources));
                });
                assert!(run.is_ok(), "{text:?} (replace: {replace}) panicked");
            }
        }
    }
}
