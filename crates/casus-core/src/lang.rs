//! A language's function words as data: the word lists of
//! `dict/lang/<code>/*.txt` (one word per line, `#` comments), each
//! compiled into a word class of the vocabulary ([`crate::vocab::class`]).
//! Stages test word classes, never words, so a second language is a new
//! folder (with its treebank and dictionaries), not a change to the stages.

use crate::anchor::{parse_relative_dates, RelativeDate};
use crate::dict::{strip_comment, DictError, Source, WordSet};
use crate::vocab::{class, Vocab};

/// Every list a language folder provides, with the class its words get.
pub const LISTS: &[(&str, u32)] = &[
    ("determiners", class::DETERMINER),
    ("prepositions", class::PREPOSITION),
    ("auxiliaries", class::AUXILIARY),
    ("be_forms", class::BE_FORM),
    ("clause_breaks", class::CLAUSE_BREAK),
    ("quantities", class::QUANTITY),
    ("gap_blockers", class::GAP_BLOCKER),
    ("quantifiers", class::QUANTIFIER),
    ("gap_free_words", class::FREE_IN_GAP),
    ("force_prepositions", class::FORCE_PREPOSITION),
    ("ing_verb_contexts", class::ING_CONTEXT),
    ("base_verb_contexts", class::BASE_CONTEXT),
    ("placing_prepositions", class::PLACING_PREPOSITION),
    ("posted_abroad", class::POSTED_ABROAD),
    ("stative_participles", class::STATIVE_PARTICIPLE),
    ("obligation_modals", class::OBLIGATION),
    ("relative_pronouns", class::RELATIVE),
    ("reach_stops", class::REACH_STOP),
    ("gap_place_prepositions", class::GAP_PLACE),
    ("articles", class::ARTICLE),
    ("gap_links", class::GAP_LINK),
    ("definite_articles", class::DEFINITE_ARTICLE),
    ("possessive_links", class::POSSESSIVE_LINK),
    ("quantity_links", class::QUANTITY_LINK),
    // No class (0): read by name ([`crate::builtin::lang_has`]) by code
    // that runs without a pipeline or tests strings rather than tokens.
    ("title_abbreviations", 0),
    ("english_markers", 0),
    ("sentence_openers", 0),
    ("periods", 0),
    ("parts_of_day", 0),
    ("period_openers", 0),
    ("time_words", 0),
    ("time_prefixes", 0),
    ("mention_locatives", 0),
    ("agent_origin_prepositions", 0),
    ("role_modifiers", 0),
    ("regional_adjectives", 0),
    ("region_member_nouns", 0),
    ("local_people_nouns", 0),
    ("roleless_people_nouns", 0),
    ("modifier_participles", 0),
    ("leading_participles", 0),
    ("led_bodies", 0),
    ("never_places", 0),
    ("name_connectors", 0),
    ("place_prepositions", 0),
    ("of_locatives", 0),
    ("place_say_words", 0),
    ("pronouns", class::PRONOUN),
    ("subject_pronouns", 0),
    ("object_pronouns", 0),
    ("first_person_pronouns", 0),
    ("person_pronouns", 0),
    ("person_titles", 0),
    ("demand_nouns", 0),
    ("appeal_nouns", 0),
    ("owning_verbs", 0),
    ("plural_pronouns", 0),
    ("thing_pronouns", 0),
    ("possessive_markers", 0),
    ("indefinite_determiners", 0),
    ("role_complement_prepositions", 0),
    ("modifier_stops", 0),
    ("line_continuations", 0),
    ("same_day_words", 0),
    ("weekdays", 0),
    ("months", 0),
    // Read by the stages through the pipeline's language
    // ([`crate::clause::Ctx::word_in`]): tested once per predicate or
    // mention, not per token, so they need no class bit.
    ("clause_coordinators", 0),
    ("say_noun_contexts", 0),
    ("speaker_stops", 0),
    ("denial_scope_breaks", 0),
    ("negative_determiners", 0),
    ("inverted_conditionals", 0),
    ("inverted_infinitive_conditionals", 0),
    ("list_joiners", 0),
    ("modal_verbs", 0),
    ("complementizers", 0),
    ("verb_premodifiers", 0),
    ("perfect_auxiliaries", 0),
    ("negation_adverbs", 0),
    ("indefinite_articles", 0),
    ("accusation_links", 0),
    ("content_verb_markers", 0),
    ("speech_noun_links", 0),
    ("ing_noun_prepositions", 0),
    ("infinitive_markers", 0),
    ("predicative_markers", 0),
    ("phrasal_verbs", 0),
    ("reduced_relative_prepositions", 0),
    ("sequence_prepositions", 0),
    ("talk_nouns", 0),
    ("talk_links", 0),
    ("concessive_prepositions", 0),
    ("pressure_nouns", 0),
    ("pressure_links", 0),
    ("agent_prepositions", 0),
    ("instrument_prepositions", 0),
    ("year_prepositions", 0),
    ("finite_complementizers", 0),
    ("compound_links", 0),
    ("compound_comma_links", 0),
    ("count_modifiers", 0),
    ("casualty_counts", 0),
    ("casualty_nouns", 0),
    ("sponsor_participles", 0),
    ("attacker_links", 0),
    ("attack_owner_links", 0),
    ("attack_nouns", 0),
    ("member_links", 0),
    ("unmarked_plurals", 0),
    ("bare_verb_openers", 0),
    ("honorifics", 0),
    ("target_prepositions", 0),
    // Read by name from the built-in folder ([`crate::builtin::lang_has`]),
    // like the lists above them with no class.
    ("destination_prepositions", 0),
    ("origin_prepositions", 0),
    ("time_prepositions", 0),
    ("time_year_prepositions", 0),
    ("number_abbreviations", 0),
    ("month_abbreviations", 0),
    ("gap_free_phrases", class::FREE_PHRASE_START),
    ("reciprocal_pronouns", class::RECIPROCAL_START),
    ("role_list_links", 0),
    ("role_list_enders", 0),
    ("adjective_list_links", 0),
    ("pair_links", 0),
    ("compass_adjectives", 0),
    ("place_nouns", 0),
    ("border_nouns", 0),
    ("allegiance_links", 0),
    ("side_nouns", 0),
    ("topic_prepositions", 0),
    ("non_objects", 0),
    ("company_words", 0),
    ("amount_words", 0),
    ("ing_act_nouns", 0),
    ("tokenizer_clitics", 0),
    // Read by name by `casus parse` (UD tokens for the parser's CoNLL-U).
    ("clitics", 0),
];

/// The lists whose lines are phrases: words separated by spaces, matched
/// against consecutive tokens ([`Language::has_phrase`],
/// [`crate::builtin::lang_has_phrase`]). Every other list holds one word a
/// line.
pub const PHRASE_LISTS: &[&str] = &[
    "gap_free_phrases",
    "reciprocal_pronouns",
    "compound_links",
    "compound_comma_links",
    "role_list_links",
    "adjective_list_links",
    "pair_links",
    "allegiance_links",
    "attacker_links",
    "attack_owner_links",
    "phrasal_verbs",
];

/// The file of relative dates (`lang/<code>/relative_dates.txt`: a phrase
/// and its offset from the document date a line), read by
/// [`crate::anchor::parse_relative_dates`] rather than as a word list.
pub const RELATIVE_DATES: &str = "relative_dates";

/// The place of a list in [`LISTS`], at compile time: a stage names a list
/// by a constant ([`CLAUSE_COORDINATORS`] ...), so a test finds it without
/// a lookup by name, and a misspelt name does not compile.
pub const fn list_index(name: &str) -> usize {
    let mut k = 0;
    while k < LISTS.len() {
        let (a, b) = (LISTS[k].0.as_bytes(), name.as_bytes());
        if a.len() == b.len() {
            let mut i = 0;
            while i < a.len() && a[i] == b[i] {
                i += 1;
            }
            if i == a.len() {
                return k;
            }
        }
        k += 1;
    }
    panic!("unknown word list")
}

// The lists the stages test by name, once per predicate or mention
// ([`crate::clause::Ctx::word_in`]).
pub const CLAUSE_COORDINATORS: usize = list_index("clause_coordinators");
pub const SAY_NOUN_CONTEXTS: usize = list_index("say_noun_contexts");
pub const SPEAKER_STOPS: usize = list_index("speaker_stops");
pub const DENIAL_SCOPE_BREAKS: usize = list_index("denial_scope_breaks");
pub const NEGATIVE_DETERMINERS: usize = list_index("negative_determiners");
pub const INVERTED_CONDITIONALS: usize = list_index("inverted_conditionals");
pub const INVERTED_INFINITIVE_CONDITIONALS: usize = list_index("inverted_infinitive_conditionals");
pub const LIST_JOINERS: usize = list_index("list_joiners");
pub const MODAL_VERBS: usize = list_index("modal_verbs");
pub const COMPLEMENTIZERS: usize = list_index("complementizers");
pub const VERB_PREMODIFIERS: usize = list_index("verb_premodifiers");
pub const PERFECT_AUXILIARIES: usize = list_index("perfect_auxiliaries");
pub const NEGATION_ADVERBS: usize = list_index("negation_adverbs");
pub const INDEFINITE_ARTICLES: usize = list_index("indefinite_articles");
pub const ACCUSATION_LINKS: usize = list_index("accusation_links");
pub const CONTENT_VERB_MARKERS: usize = list_index("content_verb_markers");
pub const SPEECH_NOUN_LINKS: usize = list_index("speech_noun_links");
pub const QUANTITY_LINKS: usize = list_index("quantity_links");
pub const ING_NOUN_PREPOSITIONS: usize = list_index("ing_noun_prepositions");
pub const INFINITIVE_MARKERS: usize = list_index("infinitive_markers");
pub const AGENT_PREPOSITIONS: usize = list_index("agent_prepositions");
pub const INSTRUMENT_PREPOSITIONS: usize = list_index("instrument_prepositions");
pub const YEAR_PREPOSITIONS: usize = list_index("year_prepositions");
pub const FINITE_COMPLEMENTIZERS: usize = list_index("finite_complementizers");
pub const COMPOUND_LINKS: usize = list_index("compound_links");
pub const COMPOUND_COMMA_LINKS: usize = list_index("compound_comma_links");
pub const SUBJECT_PRONOUNS: usize = list_index("subject_pronouns");
pub const COUNT_MODIFIERS: usize = list_index("count_modifiers");
pub const CASUALTY_COUNTS: usize = list_index("casualty_counts");
pub const CASUALTY_NOUNS: usize = list_index("casualty_nouns");
pub const SPONSOR_PARTICIPLES: usize = list_index("sponsor_participles");
pub const ATTACKER_LINKS: usize = list_index("attacker_links");
pub const ATTACK_OWNER_LINKS: usize = list_index("attack_owner_links");
pub const ATTACK_NOUNS: usize = list_index("attack_nouns");
pub const MEMBER_LINKS: usize = list_index("member_links");
pub const UNMARKED_PLURALS: usize = list_index("unmarked_plurals");
pub const BARE_VERB_OPENERS: usize = list_index("bare_verb_openers");
pub const TARGET_PREPOSITIONS: usize = list_index("target_prepositions");

/// The compiled word lists of one language.
#[derive(Debug, Clone, Default)]
pub struct Language {
    /// The folder name (`en`).
    pub code: String,
    /// Per entry of [`LISTS`], its words (built-in and user files merged).
    words: Vec<Vec<String>>,
    /// The same lists, for tests per token ([`Language::has_at`]).
    sets: Vec<WordSet>,
    /// The relative dates ("yesterday", "last month"), in file order.
    relative_dates: Vec<RelativeDate>,
}

pub use crate::dict::lang_path_parts as path_parts;

impl Language {
    /// Reads the language files; every bad line of every file is an error
    /// naming file and line.
    pub fn build(sources: &[&Source]) -> Result<Language, DictError> {
        let mut errors = Vec::new();
        let mut lang = Language {
            code: String::new(),
            words: vec![Vec::new(); LISTS.len()],
            sets: Vec::new(),
            relative_dates: Vec::new(),
        };
        let mut seen = vec![false; LISTS.len()];
        let mut seen_dates = false;
        for s in sources {
            let name = s.name.replace('\\', "/");
            let Some((code, list)) = path_parts(&name) else {
                errors.push(DictError::File {
                    file: s.name.clone(),
                    message: "not a language file (expected lang/<code>/<list>.txt)".into(),
                });
                continue;
            };
            if lang.code.is_empty() {
                lang.code = code.to_string();
            } else if lang.code != code {
                errors.push(DictError::File {
                    file: s.name.clone(),
                    message: format!(
                        "a second language `{code}`: one pipeline reads one language (`{}`)",
                        lang.code
                    ),
                });
                continue;
            }
            if list == RELATIVE_DATES {
                seen_dates = true;
                match parse_relative_dates(s) {
                    Ok(dates) => lang.relative_dates.extend(dates),
                    Err(e) => errors.extend(e.all()),
                }
                continue;
            }
            let Some(k) = LISTS.iter().position(|(l, _)| *l == list) else {
                let mut known: Vec<&str> = LISTS.iter().map(|(l, _)| *l).collect();
                known.push(RELATIVE_DATES);
                errors.push(DictError::File {
                    file: s.name.clone(),
                    message: format!("unknown word list `{list}` (known: {})", known.join(", ")),
                });
                continue;
            };
            seen[k] = true;
            let phrases = PHRASE_LISTS.contains(&list);
            for (n, line) in s.text.lines().enumerate() {
                let word = strip_comment(line).trim();
                if word.is_empty() {
                    continue;
                }
                if phrases {
                    if word.chars().any(char::is_uppercase) {
                        errors.push(s.error(
                            n + 1,
                            format!("`{word}`: words are lowercase (text is matched lowercased)"),
                        ));
                    } else {
                        let words: Vec<&str> = word.split_whitespace().collect();
                        lang.words[k].push(words.join(" "));
                    }
                } else if word.contains(char::is_whitespace) {
                    errors.push(s.error(n + 1, format!("`{word}`: one word per line")));
                } else if word.chars().any(char::is_uppercase) {
                    errors.push(s.error(
                        n + 1,
                        format!("`{word}`: words are lowercase (text is matched lowercased)"),
                    ));
                } else {
                    lang.words[k].push(word.to_string());
                }
            }
        }
        if !sources.is_empty() {
            for (k, (list, _)) in LISTS.iter().enumerate() {
                if !seen[k] {
                    errors.push(DictError::File {
                        file: format!("lang/{}/{list}.txt", lang.code),
                        message: "missing".into(),
                    });
                }
            }
            if !seen_dates {
                errors.push(DictError::File {
                    file: format!("lang/{}/{RELATIVE_DATES}.txt", lang.code),
                    message: "missing".into(),
                });
            }
        } else {
            errors.push(DictError::File {
                file: "lang/".into(),
                message: "no language folder".into(),
            });
        }
        DictError::collect(errors)?;
        lang.sets = lang
            .words
            .iter()
            .map(|w| WordSet::new(w.iter().map(String::as_str)))
            .collect();
        Ok(lang)
    }

    /// Whether the list at `list` (a constant such as [`SPEAKER_STOPS`])
    /// holds a word.
    pub fn has_at(&self, list: usize, word: &str) -> bool {
        self.sets.get(list).is_some_and(|s| s.contains(word))
    }

    /// Whether the phrase list at `list` (one of [`PHRASE_LISTS`], such as
    /// [`COMPOUND_LINKS`]) holds the phrase that `words` spell.
    pub fn has_phrase(&self, list: usize, words: &[&str]) -> bool {
        self.words
            .get(list)
            .is_some_and(|phrases| phrases.iter().any(|p| same_phrase(p, words)))
    }

    /// The relative dates, in file order: the first that matches wins.
    pub fn relative_dates(&self) -> &[RelativeDate] {
        &self.relative_dates
    }

    /// The words of a list (empty for an unknown name).
    pub fn words(&self, list: &str) -> &[String] {
        LISTS
            .iter()
            .position(|(l, _)| *l == list)
            .map_or(&[], |k| self.words[k].as_slice())
    }

    /// Whether a list holds a word (the word as the list spells it: lower
    /// case).
    pub fn has(&self, list: &str, word: &str) -> bool {
        self.words(list).iter().any(|w| w == word)
    }

    /// Gives every listed word its class; a list of phrases gives it to
    /// the first word of each phrase.
    pub fn register_classes(&self, vocab: &mut Vocab) {
        for (k, (name, bits)) in LISTS.iter().enumerate() {
            if *bits == 0 {
                continue;
            }
            let words = self.words[k].iter().map(String::as_str);
            if PHRASE_LISTS.contains(name) {
                vocab.add_class_all(
                    words.filter_map(|phrase| phrase.split_whitespace().next()),
                    *bits,
                );
            } else {
                vocab.add_class_all(words, *bits);
            }
        }
    }
}

/// Whether a phrase as a list spells it (words separated by spaces) is the
/// sequence of `words`.
pub fn same_phrase(phrase: &str, words: &[&str]) -> bool {
    phrase.split_whitespace().eq(words.iter().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin_lang() -> Vec<Source> {
        crate::builtin::sources()
            .into_iter()
            .filter(|s| path_parts(&s.name).is_some())
            .collect()
    }

    /// The built-in language, and the class bits its vocabulary gives a
    /// word.
    fn builtin_classes() -> (Language, impl Fn(&str) -> u32) {
        let sources = builtin_lang();
        let lang = Language::build(&sources.iter().collect::<Vec<_>>()).unwrap();
        let mut vocab = Vocab::default();
        lang.register_classes(&mut vocab);
        let bits = move |w: &str| {
            let mut layer = crate::text::TextLayer::new(w);
            vocab.annotate(&mut layer);
            layer.tokens[0].classes
        };
        (lang, bits)
    }

    #[test]
    fn the_builtin_english_folder_loads_every_list() {
        let sources = builtin_lang();
        let refs: Vec<&Source> = sources.iter().collect();
        let lang = Language::build(&refs).expect("built-in language loads");
        assert_eq!(lang.code, "en");
        for (list, _) in LISTS {
            assert!(!lang.words(list).is_empty(), "{list} is empty");
        }
        assert!(lang.words("prepositions").iter().any(|w| w == "against"));
        assert!(lang.words("auxiliaries").iter().any(|w| w == "n't"));
        assert!(lang.has("title_abbreviations", "gen"));
        assert!(!lang.has("title_abbreviations", "Gen"));
    }

    #[test]
    fn the_process_wide_builtin_lists_are_the_english_folder() {
        let sources = builtin_lang();
        let refs: Vec<&Source> = sources.iter().collect();
        let lang = Language::build(&refs).unwrap();
        for (list, _) in LISTS {
            assert_eq!(crate::builtin::lang_list(list), lang.words(list), "{list}");
        }
        assert!(crate::builtin::lang_has("never_places", "president"));
        assert!(crate::builtin::lang_has("role_modifiers", "pro-government"));
        assert!(!crate::builtin::lang_has("role_modifiers", "president"));
        assert!(crate::builtin::lang_list("no_such_list").is_empty());
    }

    #[test]
    fn a_bad_line_is_an_error_naming_file_and_line() {
        let mut sources = builtin_lang();
        let det = sources
            .iter_mut()
            .find(|s| s.name.ends_with("determiners.txt"))
            .unwrap();
        det.text = "# comment\nthe\nthe other\nThese\n".into();
        let refs: Vec<&Source> = sources.iter().collect();
        let err = Language::build(&refs).unwrap_err();
        let all: Vec<String> = err.all().iter().map(|e| e.to_string()).collect();
        assert_eq!(all.len(), 2, "{all:?}");
        assert!(
            all[0].starts_with("lang/en/determiners.txt:3: `the other`"),
            "{all:?}"
        );
        assert!(
            all[1].starts_with("lang/en/determiners.txt:4: `These`"),
            "{all:?}"
        );
    }

    #[test]
    fn hot_lists_become_class_bits_and_others_stay_lists() {
        let (lang, bits) = builtin_classes();
        assert_ne!(bits("outside") & class::GAP_PLACE, 0);
        assert_ne!(bits("an") & class::ARTICLE, 0);
        assert_eq!(
            bits("this") & class::ARTICLE,
            0,
            "a determiner, not an article"
        );
        assert_ne!(bits("or") & class::GAP_LINK, 0);
        // read by name, not as a class: "neither" gets no bit of its own
        assert!(lang.has("negative_determiners", "neither"));
        assert!(lang.has_at(NEGATIVE_DETERMINERS, "neither"));
        assert!(!lang.has_at(NEGATIVE_DETERMINERS, "nor"));
        assert_eq!(LISTS[SPEAKER_STOPS].0, "speaker_stops");
        assert!(lang.has_at(SPEAKER_STOPS, ","));
        assert!(lang.has("modal_verbs", "'ll"));
        assert!(lang.has("list_joiners", ","));
        assert!(!lang.has("first_person_pronouns", "they"));
    }

    #[test]
    fn a_bad_line_in_a_named_list_is_an_error_naming_file_and_line() {
        let mut sources = builtin_lang();
        let list = sources
            .iter_mut()
            .find(|s| s.name.ends_with("/person_pronouns.txt"))
            .unwrap();
        list.text = "# persons\nhe\nShe\n".into();
        let refs: Vec<&Source> = sources.iter().collect();
        let all: Vec<String> = Language::build(&refs)
            .unwrap_err()
            .all()
            .iter()
            .map(|e| e.to_string())
            .collect();
        assert_eq!(all.len(), 1, "{all:?}");
        assert!(
            all[0].starts_with("lang/en/person_pronouns.txt:3: `She`"),
            "{all:?}"
        );
    }

    #[test]
    fn unknown_lists_missing_lists_and_a_second_language_are_errors() {
        let mut sources = builtin_lang();
        sources.retain(|s| !s.name.ends_with("be_forms.txt"));
        sources.push(Source::new("lang/en/adverbs.txt", "quickly\n"));
        sources.push(Source::new("lang/fr/determiners.txt", "le\n"));
        let refs: Vec<&Source> = sources.iter().collect();
        let all: Vec<String> = Language::build(&refs)
            .unwrap_err()
            .all()
            .iter()
            .map(|e| e.to_string())
            .collect();
        assert!(
            all.iter()
                .any(|e| e.starts_with("lang/en/adverbs.txt: unknown word list")),
            "{all:?}"
        );
        assert!(
            all.iter()
                .any(|e| e.starts_with("lang/fr/determiners.txt: a second language")),
            "{all:?}"
        );
        assert!(
            all.iter().any(|e| e == "lang/en/be_forms.txt: missing"),
            "{all:?}"
        );
    }

    #[test]
    fn phrase_lists_hold_phrases_and_word_lists_do_not() {
        let mut sources = builtin_lang();
        let lang = Language::build(&sources.iter().collect::<Vec<_>>()).unwrap();
        assert!(lang.has_phrase(COMPOUND_LINKS, &["as", "well", "as"]));
        assert!(lang.has_phrase(COMPOUND_LINKS, &[",", "and", "the"]));
        assert!(!lang.has_phrase(COMPOUND_LINKS, &[",", "nor"]));
        assert!(lang.has_phrase(COMPOUND_COMMA_LINKS, &[","]));
        assert!(!lang.has_phrase(COMPOUND_COMMA_LINKS, &["and"]));
        assert!(crate::builtin::lang_has_phrase(
            "reciprocal_pronouns",
            &["one", "another"]
        ));
        assert!(!crate::builtin::lang_has_phrase(
            "reciprocal_pronouns",
            &["one"]
        ));
        // spacing inside a phrase does not matter; a word list still takes
        // one word a line
        for s in sources.iter_mut() {
            if s.name.ends_with("/compound_links.txt") {
                s.text = "as   well as\n".into();
            } else if s.name.ends_with("/infinitive_markers.txt") {
                s.text = "to\nin order to\n".into();
            }
        }
        let all: Vec<String> = Language::build(&sources.iter().collect::<Vec<_>>())
            .unwrap_err()
            .all()
            .iter()
            .map(|e| e.to_string())
            .collect();
        assert_eq!(
            all,
            ["lang/en/infinitive_markers.txt:2: `in order to`: one word per line"]
        );
    }

    #[test]
    fn the_relative_dates_file_is_read_and_required() {
        let sources = builtin_lang();
        let lang = Language::build(&sources.iter().collect::<Vec<_>>()).unwrap();
        let last_year = lang
            .relative_dates()
            .iter()
            .find(|r| r.words == ["last", "year"])
            .expect("last year");
        assert_eq!(
            (last_year.offset, last_year.unit),
            (-1, crate::anchor::DateUnit::Year)
        );
        let mut broken = builtin_lang();
        broken.retain(|s| !s.name.ends_with("/relative_dates.txt"));
        broken.push(Source::new("lang/en/relative_dates.txt", "yesterday -1\n"));
        let all: Vec<String> = Language::build(&broken.iter().collect::<Vec<_>>())
            .unwrap_err()
            .all()
            .iter()
            .map(|e| e.to_string())
            .collect();
        assert_eq!(all.len(), 1, "{all:?}");
        assert!(all[0].starts_with("lang/en/relative_dates.txt:1: `yesterday -1`"));
        broken.retain(|s| !s.name.ends_with("/relative_dates.txt"));
        let all: Vec<String> = Language::build(&broken.iter().collect::<Vec<_>>())
            .unwrap_err()
            .all()
            .iter()
            .map(|e| e.to_string())
            .collect();
        assert_eq!(all, ["lang/en/relative_dates.txt: missing"]);
    }

    #[test]
    fn articles_and_links_tested_in_pattern_gaps_are_class_bits() {
        let (_, bits) = builtin_classes();
        assert_ne!(bits("the") & class::DEFINITE_ARTICLE, 0);
        assert_eq!(bits("a") & class::DEFINITE_ARTICLE, 0);
        assert_ne!(bits("of") & class::POSSESSIVE_LINK, 0);
        assert_ne!(bits("of") & class::QUANTITY_LINK, 0);
        assert_eq!(
            bits("in") & (class::POSSESSIVE_LINK | class::QUANTITY_LINK),
            0
        );
    }

    #[test]
    fn a_phrase_list_marks_the_first_word_of_each_phrase() {
        let (_, bits) = builtin_classes();
        // "up to", "at least": the first words, not the second
        assert_ne!(bits("up") & class::FREE_PHRASE_START, 0);
        assert_ne!(bits("at") & class::FREE_PHRASE_START, 0);
        assert_eq!(bits("to") & class::FREE_PHRASE_START, 0);
        assert_eq!(bits("least") & class::FREE_PHRASE_START, 0);
    }
}
