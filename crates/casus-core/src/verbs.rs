//! Verb patterns: parsing the pattern files and the event-noun files
//! (expanded into light-verb patterns), expanding base forms to every
//! inflection, and matching patterns against the tokens of a sentence.

use crate::actors::{Mention, Origin};
use crate::cameo::CameoTable;
use crate::dict::{strip_comment, DictError, Source, SourceKind};
use crate::text::TextLayer;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Element {
    /// A literal word with all the forms it may take.
    Word(usize),
    Target,
    Source,
    /// `*`: an embedded action that no pattern of the lexicon matches
    /// ("threatened to *retaliate* against"); the pattern then gives its
    /// root's general code, while a known action keeps its own pattern.
    Action,
    /// `_`: the thing the verb acts on, a noun phrase of any words and any
    /// length up to [`OBJECT_WINDOW`] ("returned *a stolen bronze of the
    /// Ming era* to", "provided *$40 million in budget support* to"), for
    /// verbs whose code does not depend on what is given, returned or
    /// handed over. It never starts with a preposition, never ends in an
    /// actor mention and never crosses a new clause; after a form of "be"
    /// (passive: the thing is the subject) it may be empty.
    Object,
    /// `%`: an object as `_` that names an amount, a number or a word of
    /// `amount_words.txt` ("gave *$3 million* to", "provided *40 field
    /// hospitals* to"): for verbs that give material things only when a
    /// quantity says so ("provided *an update* to" is no aid).
    Amount,
}

impl Element {
    /// An object element, `_` or `%`.
    pub fn is_object(&self) -> bool {
        matches!(self, Element::Object | Element::Amount)
    }
}

#[derive(Debug, Clone)]
pub struct Pattern {
    pub code: String,
    pub elements: Vec<Element>,
    pub symmetric: bool,
    /// `also CODE reverse`: an extra event from the target to the source's country.
    pub also_reverse: Option<String>,
    pub origin: Origin,
    pub text: String,
    /// A use of force whose target may follow a force preposition (the
    /// `force-target` code set, set when the pipeline is built).
    pub force_target: bool,
    /// `intransitive`: the verb has this sense only without an object
    /// ("protesters *demonstrated* in the capital", not "the test
    /// *demonstrated its* range"): no match when an object follows.
    pub intransitive: bool,
}

impl Pattern {
    fn literal_count(&self) -> usize {
        self.elements
            .iter()
            .filter(|e| matches!(e, Element::Word(_)))
            .count()
    }
}

/// The compiled verb dictionary.
#[derive(Debug, Default)]
pub struct VerbLexicon {
    pub patterns: Vec<Pattern>,
    /// Word-form sets referenced by `Element::Word`.
    forms: Vec<HashSet<String>>,
    /// Inflected form of a pattern's first word -> patterns starting with it.
    by_verb: HashMap<String, Vec<usize>>,
    /// After [`VerbLexicon::freeze`]: word number of a verb form -> the
    /// index of the patterns starting with it.
    by_verb_word: HashMap<u32, VerbIndex>,
    /// After freezing: the word numbers of each word-form set, sorted. A
    /// set has a handful of forms, so a scan beats hashing in the match loop.
    form_words: Vec<Vec<u32>>,
    /// After freezing: one bit per word number, set for every word that is
    /// some pattern's second word. Most tokens after a verb are not, and
    /// the bit spares them the search of the verb's `next_words`.
    next_words: Vec<u64>,
    /// After freezing: the same, for the words a slot-first pattern needs
    /// after its slot ([`VerbIndex::later_words`]).
    later_words: Vec<u64>,
    /// After freezing: what matching reads of each pattern, side by side
    /// (a `Pattern` with its strings and its own element vector costs a
    /// cache miss or three per candidate; this costs one).
    keys: Vec<PatternKey>,
    /// After freezing: the elements of every pattern, one after another
    /// (`PatternKey::elements` indexes here).
    elements: Vec<Element>,
    /// Past participles of every pattern verb, for passive detection.
    participles: HashSet<String>,
    /// Base and third-person forms of every pattern verb: these forms are
    /// also nouns ("attack", "talks"), so they need context to count as verbs.
    base_like: HashSet<String>,
    /// Every form of the verb of a phrasal verb (`phrasal_verbs.txt`:
    /// "rule out") -> its particles.
    phrasal: HashMap<String, Vec<&'static str>>,
}

/// The patterns of one verb form. A pattern is tried only when its second
/// word occurs after the verb, so a verb with 150 patterns costs a few
/// lookups, not 150 scans.
#[derive(Debug, Default)]
struct VerbIndex {
    /// Patterns whose second element is a slot (for `patterns_at`).
    slot_first: Vec<usize>,
    /// Those of them with no word after the slot: always tried.
    slot_only: Vec<usize>,
    /// The word numbers of the forms of the first word the others need
    /// after their slot, sorted ("demand + to", "accuse + of"): a verb with
    /// a hundred such patterns tries only those whose word occurs in the
    /// clause, since no pattern matches without a token of each of its words.
    later_words: Vec<u32>,
    /// Per entry of `later_words`, the patterns needing that word.
    later_patterns: Vec<Vec<usize>>,
    /// The word numbers of the forms of the patterns' second words, sorted.
    next_words: Vec<u32>,
    /// Per entry of `next_words`, the patterns with that second word.
    next_patterns: Vec<Vec<usize>>,
}

/// What matching reads of a pattern, precomputed.
#[derive(Debug, Clone, Copy)]
struct PatternKey {
    /// Its elements in [`VerbLexicon::elements`].
    start: u32,
    end: u32,
    force_target: bool,
    has_action: bool,
    has_slot: bool,
    /// [`Pattern::symmetric`].
    symmetric: bool,
    /// [`Pattern::intransitive`].
    intransitive: bool,
    /// [`Pattern::literal_count`].
    literals: u32,
    /// A specific code over its root's general one, a longer code over a
    /// shorter: ties between equally long matches go to it.
    specific: u32,
}

/// Irregular verbs by base: past forms, past participles, and present
/// forms other than the base and its "-s" ("be": "is", "are", "am").
pub type Irregulars = HashMap<String, (Vec<String>, Vec<String>, Vec<String>)>;

pub fn parse_irregular(source: &Source, into: &mut Irregulars) -> Result<(), DictError> {
    let mut errors = Vec::new();
    for (index, raw) in source.text.lines().enumerate() {
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        let parts: Vec<&str> = line.split_whitespace().collect();
        if !(3..=4).contains(&parts.len())
            || parts.iter().any(|p| {
                p.chars()
                    .any(|c| !(c.is_alphabetic() || c == '/' || c == '-'))
            })
        {
            errors.push(source.error(
                index + 1,
                format!("expected `base past participle [present]`, found `{line}`"),
            ));
            continue;
        }
        let split = |s: &str| s.split('/').map(|x| x.to_lowercase()).collect::<Vec<_>>();
        let present = parts.get(3).map(|p| split(p)).unwrap_or_default();
        into.insert(
            parts[0].to_lowercase(),
            (split(parts[1]), split(parts[2]), present),
        );
    }
    DictError::collect(errors)
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Every form a verb may take. Doubtful spellings (doubling the last
/// consonant or not) are both generated: a form that never occurs costs
/// nothing, a missing one loses events.
pub fn inflect(base: &str, irregular: &Irregulars) -> (Vec<String>, Vec<String>) {
    let mut all = vec![base.to_string()];
    let mut participles = Vec::new();
    let b = base.as_bytes();
    let n = b.len();
    // third person
    if base.ends_with('y') && n > 1 && !is_vowel(b[n - 2]) {
        all.push(format!("{}ies", &base[..n - 1]));
    } else if base.ends_with('s')
        || base.ends_with('x')
        || base.ends_with('z')
        || base.ends_with("ch")
        || base.ends_with("sh")
        || base.ends_with('o')
    {
        all.push(format!("{base}es"));
    } else {
        all.push(format!("{base}s"));
    }
    // -ing
    if base.ends_with("ie") {
        all.push(format!("{}ying", &base[..n - 2]));
    } else if base.ends_with('e') && !base.ends_with("ee") && n > 2 {
        all.push(format!("{}ing", &base[..n - 1]));
    } else {
        all.push(format!("{base}ing"));
    }
    let doubles = n >= 3
        && !is_vowel(b[n - 1])
        && is_vowel(b[n - 2])
        && !is_vowel(b[n - 3])
        && !matches!(b[n - 1], b'w' | b'x' | b'y');
    if doubles {
        let last = b[n - 1] as char;
        all.push(format!("{base}{last}ing"));
    }
    // past
    let mut past = Vec::new();
    if let Some((p, pp, present)) = irregular.get(base) {
        past.extend(p.iter().cloned());
        participles.extend(pp.iter().cloned());
        all.extend(present.iter().cloned());
    } else {
        if base.ends_with('e') {
            past.push(format!("{base}d"));
        } else if base.ends_with('y') && n > 1 && !is_vowel(b[n - 2]) {
            past.push(format!("{}ied", &base[..n - 1]));
        } else {
            past.push(format!("{base}ed"));
        }
        if doubles {
            let last = b[n - 1] as char;
            past.push(format!("{base}{last}ed"));
        }
        participles.extend(past.iter().cloned());
    }
    all.extend(past);
    all.extend(participles.iter().cloned());
    all.sort();
    all.dedup();
    (all, participles)
}

/// Forms of a non-initial pattern word: as written, plural, and verb forms
/// ("accuse + of shell" matches "shelling").
fn word_forms(word: &str, irregular: &Irregulars) -> HashSet<String> {
    let mut set: HashSet<String> = inflect(word, irregular).0.into_iter().collect();
    set.insert(word.to_string());
    if word.ends_with('y') && word.len() > 1 {
        set.insert(format!("{}ies", &word[..word.len() - 1]));
    }
    if let Some(stem) = word.strip_suffix("man") {
        set.insert(format!("{stem}men"));
    }
    set.insert(format!("{word}s"));
    set.insert(format!("{word}es"));
    set
}

fn valid_pattern_word(w: &str) -> bool {
    !w.is_empty()
        && w.chars()
            .all(|c| c.is_lowercase() || c.is_ascii_digit() || c == '-' || c == '\'' || c == '.')
}

impl VerbLexicon {
    pub fn build(sources: &[(u16, &Source)], cameo: &CameoTable) -> Result<VerbLexicon, DictError> {
        let mut irregular = Irregulars::default();
        let mut errors = Vec::new();
        for (_, s) in sources
            .iter()
            .filter(|(_, s)| s.kind() == Some(SourceKind::Irregular))
        {
            if let Err(e) = parse_irregular(s, &mut irregular) {
                errors.extend(e.all());
            }
        }
        let mut lex = VerbLexicon::default();
        for entry in crate::builtin::lang_list("phrasal_verbs") {
            let mut words = entry.split_whitespace();
            let (Some(verb), Some(particle), None) = (words.next(), words.next(), words.next())
            else {
                errors.push(DictError::File {
                    file: "lang/en/phrasal_verbs.txt".into(),
                    message: format!("`{entry}`: a verb and one particle"),
                });
                continue;
            };
            for form in word_forms(verb, &irregular) {
                lex.phrasal.entry(form).or_default().push(particle);
            }
        }
        let mut form_ids: HashMap<String, usize> = HashMap::default();
        let mut seen: HashMap<String, usize> = HashMap::default();
        for &(file, source) in sources
            .iter()
            .filter(|(_, s)| s.kind() == Some(SourceKind::Verbs))
        {
            for (index, raw) in source.text.lines().enumerate() {
                let line_no = index + 1;
                let line = strip_comment(raw).trim();
                if line.is_empty() {
                    continue;
                }
                match lex.parse_line(line, &irregular, cameo, &mut form_ids) {
                    Ok(pattern) => lex.insert(&mut seen, pattern, file, line_no),
                    Err(msg) => errors.push(source.error(line_no, msg)),
                }
            }
        }
        // Event nouns come after every pattern file: an explicit pattern
        // with the same words (another code, or a `sym` flag) wins.
        let noun_sources: Vec<(u16, &Source)> = sources
            .iter()
            .filter(|(_, s)| s.kind() == Some(SourceKind::EventNouns))
            .map(|&(f, s)| (f, s))
            .collect();
        let explicit: HashSet<String> = seen.keys().map(|t| bare_text(t).to_string()).collect();
        for (file, line_no, line) in expand_event_nouns(&noun_sources, &mut errors) {
            match lex.parse_line(&line, &irregular, cameo, &mut form_ids) {
                Ok(pattern) => {
                    if explicit.contains(bare_text(&pattern.text)) {
                        continue;
                    }
                    lex.insert(&mut seen, pattern, file, line_no);
                }
                Err(msg) => {
                    let source = noun_sources
                        .iter()
                        .find(|(f, _)| *f == file)
                        .map(|(_, s)| *s)
                        .expect("expanded lines come from these sources");
                    errors.push(source.error(line_no, msg));
                }
            }
        }
        DictError::collect(errors)?;
        for (id, p) in lex.patterns.iter().enumerate() {
            let Some(Element::Word(w)) = p.elements.first() else {
                continue;
            };
            for form in &lex.forms[*w] {
                lex.by_verb.entry(form.clone()).or_default().push(id);
            }
        }
        for list in lex.by_verb.values_mut() {
            list.sort_unstable();
            list.dedup();
        }
        let verbs: HashSet<String> = lex
            .patterns
            .iter()
            .filter_map(|p| p.text.split_whitespace().next().map(str::to_string))
            .collect();
        for v in verbs {
            lex.participles.extend(inflect(&v, &irregular).1);
            let third = inflect(&v, &irregular)
                .0
                .into_iter()
                .filter(|f| f.ends_with('s') && f.len() > v.len());
            lex.base_like.extend(third);
            lex.base_like.insert(v);
        }
        Ok(lex)
    }

    /// Adds a pattern read from `file` at `line`; a later file's identical
    /// pattern replaces the earlier one.
    fn insert(
        &mut self,
        seen: &mut HashMap<String, usize>,
        mut pattern: Pattern,
        file: u16,
        line: usize,
    ) {
        pattern.origin = Origin {
            file,
            line: line as u32,
        };
        if let Some(&old) = seen.get(&pattern.text) {
            self.patterns[old] = pattern;
        } else {
            seen.insert(pattern.text.clone(), self.patterns.len());
            self.patterns.push(pattern);
        }
    }

    fn parse_line(
        &mut self,
        line: &str,
        irregular: &Irregulars,
        cameo: &CameoTable,
        form_ids: &mut HashMap<String, usize>,
    ) -> Result<Pattern, String> {
        let (body, flags) = match line.split_once(';') {
            Some((b, f)) => (b.trim(), f.trim()),
            None => (line, ""),
        };
        let mut words = body.split_whitespace();
        let code = words.next().ok_or("missing code")?.to_string();
        if !cameo.known(&code) {
            return Err(format!("`{code}` is not a CAMEO event code"));
        }
        let mut elements = Vec::new();
        let mut text = Vec::new();
        for (k, w) in words.enumerate() {
            text.push(w.to_string());
            match w {
                "+" if !elements.contains(&Element::Target) => elements.push(Element::Target),
                "$" if !elements.contains(&Element::Source) => elements.push(Element::Source),
                "*" if k > 0 && !elements.contains(&Element::Action) => {
                    elements.push(Element::Action)
                }
                "_" | "%" if k > 0 && !elements.iter().any(Element::is_object) => {
                    elements.push(if w == "_" {
                        Element::Object
                    } else {
                        Element::Amount
                    })
                }
                "+" | "$" | "*" | "_" | "%" => {
                    return Err(format!(
                        "`{w}` may appear only once in a pattern (`_` or `%` once), `*`, `_` and `%` not first"
                    ))
                }
                _ if !valid_pattern_word(w) => {
                    return Err(format!("`{w}` is not a lower-case pattern word (write words in base form, `+` for the target, `$` for the source, `*` for an unknown action, `_` for an object, `%` for an object with an amount)"))
                }
                _ => {
                    // "1:word" for the verb, "0:word" after it (built by
                    // hand: `format!` here was a third of reading the lexicon)
                    let mut key = String::with_capacity(w.len() + 2);
                    key.push_str(if k == 0 { "1:" } else { "0:" });
                    key.push_str(w);
                    let id = *form_ids.entry(key).or_insert_with(|| {
                        // each distinct word is inflected once
                        let forms: HashSet<String> = if k == 0 {
                            inflect(w, irregular).0.into_iter().collect()
                        } else {
                            word_forms(w, irregular)
                        };
                        self.forms.push(forms);
                        self.forms.len() - 1
                    });
                    elements.push(Element::Word(id));
                }
            }
        }
        if !matches!(elements.first(), Some(Element::Word(_))) {
            return Err("a pattern must start with its verb".into());
        }
        // the object's end is found by the word after it ("give _ to +")
        if let Some(k) = elements.iter().position(Element::is_object) {
            if !matches!(elements.get(k + 1), Some(Element::Word(_)) | None) {
                return Err(
                    "`_` or `%` (an object) must be followed by a pattern word or end the pattern"
                        .into(),
                );
            }
        }
        let mut symmetric = false;
        let mut intransitive = false;
        let mut also_reverse = None;
        let flag_words: Vec<&str> = flags.split_whitespace().collect();
        let mut k = 0;
        while k < flag_words.len() {
            match flag_words[k] {
                "sym" => {
                    symmetric = true;
                    k += 1;
                }
                "intransitive" => {
                    intransitive = true;
                    k += 1;
                }
                "also" if k + 2 < flag_words.len() && flag_words[k + 2] == "reverse" => {
                    let c = flag_words[k + 1];
                    if !cameo.known(c) {
                        return Err(format!("`{c}` is not a CAMEO event code"));
                    }
                    also_reverse = Some(c.to_string());
                    k += 3;
                }
                other => {
                    return Err(format!(
                        "unknown flag `{other}` (flags: `sym`, `intransitive`, `also CODE reverse`)"
                    ))
                }
            }
        }
        Ok(Pattern {
            code,
            elements,
            symmetric,
            also_reverse,
            origin: Origin { file: 0, line: 0 },
            text: format!("{}{}", text.join(" "), if symmetric { " ;sym" } else { "" }),
            force_target: false,
            intransitive,
        })
    }

    /// Numbers every verb form in `vocab` and marks the verb classes.
    pub fn freeze(&mut self, vocab: &mut crate::vocab::Vocab) {
        use crate::vocab::class;
        let verb_ids: Vec<(u32, &Vec<usize>)> = self
            .by_verb
            .iter()
            .map(|(form, list)| {
                vocab.add_class(form, class::PATTERN_VERB);
                (vocab.intern(form), list)
            })
            .collect();
        self.form_words = self
            .forms
            .iter()
            .map(|set| {
                let mut ids: Vec<u32> = set.iter().map(|w| vocab.intern(w)).collect();
                ids.sort_unstable();
                ids
            })
            .collect();
        self.next_words = vec![0; vocab.len().div_ceil(64)];
        self.later_words = vec![0; vocab.len().div_ceil(64)];
        for (verb, list) in verb_ids {
            let mut index = VerbIndex::default();
            let mut by_next: HashMap<u32, Vec<usize>> = HashMap::default();
            let mut by_later: HashMap<u32, Vec<usize>> = HashMap::default();
            for &pid in list {
                // "give _ to +": the word after the object is the one
                // looked for after the verb
                let elements = &self.patterns[pid].elements;
                let second = match elements.get(1) {
                    Some(e) if e.is_object() => elements.get(2),
                    other => other,
                };
                match second {
                    Some(Element::Word(w)) => {
                        for &next in &self.form_words[*w] {
                            by_next.entry(next).or_default().push(pid);
                            self.next_words[next as usize / 64] |= 1 << (next % 64);
                        }
                    }
                    _ => {
                        index.slot_first.push(pid);
                        let later = elements[1..].iter().find_map(|e| match e {
                            Element::Word(w) => Some(*w),
                            _ => None,
                        });
                        match later {
                            Some(w) => {
                                for &word in &self.form_words[w] {
                                    by_later.entry(word).or_default().push(pid);
                                    self.later_words[word as usize / 64] |= 1 << (word % 64);
                                }
                            }
                            None => index.slot_only.push(pid),
                        }
                    }
                }
            }
            (index.next_words, index.next_patterns) = sorted_by_word(by_next);
            (index.later_words, index.later_patterns) = sorted_by_word(by_later);
            self.by_verb_word.insert(verb, index);
        }
        self.elements.clear();
        self.keys = self
            .patterns
            .iter()
            .map(|p| {
                let start = self.elements.len() as u32;
                self.elements.extend(p.elements.iter().cloned());
                PatternKey {
                    start,
                    end: self.elements.len() as u32,
                    force_target: p.force_target,
                    has_action: p.elements.contains(&Element::Action),
                    has_slot: p
                        .elements
                        .iter()
                        .any(|e| matches!(e, Element::Target | Element::Source)),
                    symmetric: p.symmetric,
                    intransitive: p.intransitive,
                    literals: p.literal_count() as u32,
                    specific: u32::from(!p.code.ends_with('0')) + p.code.len() as u32,
                }
            })
            .collect();
        vocab.add_class_all(
            self.participles.iter().map(String::as_str),
            class::PARTICIPLE,
        );
        vocab.add_class_all(self.base_like.iter().map(String::as_str), class::BASE_LIKE);
    }

    // Lookups go by word number: text is annotated by the pipeline's
    // vocabulary before any stage runs (one path, no string fallback).
    fn verb_candidates(&self, layer: &TextLayer, verb: usize) -> Option<&VerbIndex> {
        debug_assert!(layer.annotated);
        self.by_verb_word.get(&layer.tokens[verb].word)
    }

    /// The patterns whose verb is the word at token `verb` (stage
    /// `tree_events` matches their other words against the tree).
    pub(crate) fn patterns_at(
        &self,
        layer: &TextLayer,
        verb: usize,
    ) -> impl Iterator<Item = usize> + '_ {
        self.verb_candidates(layer, verb)
            .into_iter()
            .flat_map(|index| {
                index
                    .slot_first
                    .iter()
                    .chain(index.next_patterns.iter().flatten())
            })
            .copied()
    }

    pub(crate) fn form_at(&self, form: usize, layer: &TextLayer, t: usize) -> bool {
        self.form_words[form].contains(&layer.tokens[t].word)
    }

    /// Whether a word is the second word of some pattern. A word numbered
    /// after freezing (or none) is not.
    fn may_be_next(&self, word: u32) -> bool {
        has_bit(&self.next_words, word)
    }

    /// Whether a word is one a slot-first pattern needs after its slot.
    fn may_be_later(&self, word: u32) -> bool {
        has_bit(&self.later_words, word)
    }

    /// Marks the patterns whose code is in the `force-target` set.
    pub fn mark_force_targets(&mut self, is_force: impl Fn(&str) -> bool) {
        for (k, p) in self.patterns.iter_mut().enumerate() {
            p.force_target = is_force(&p.code);
            if let Some(key) = self.keys.get_mut(k) {
                key.force_target = p.force_target;
            }
        }
    }

    pub fn is_participle(&self, word: &str) -> bool {
        self.participles.contains(word)
    }

    pub fn is_base_like(&self, word: &str) -> bool {
        self.base_like.contains(word)
    }

    pub fn is_pattern_verb(&self, word: &str) -> bool {
        self.by_verb.contains_key(word)
    }

    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Patterns per CAMEO root, for `casus dict stats`.
    pub fn count_by_root(&self) -> Vec<(String, usize)> {
        let mut counts: HashMap<String, usize> = HashMap::default();
        for p in &self.patterns {
            *counts
                .entry(crate::codes::EventCode(&p.code).root().to_string())
                .or_default() += 1;
        }
        let mut v: Vec<_> = counts.into_iter().collect();
        v.sort();
        v
    }
}

fn has_bit(bits: &[u64], word: u32) -> bool {
    bits.get(word as usize / 64)
        .is_some_and(|b| b & (1 << (word % 64)) != 0)
}

/// Word -> patterns, as two parallel vectors sorted by word number.
fn sorted_by_word(map: HashMap<u32, Vec<usize>>) -> (Vec<u32>, Vec<Vec<usize>>) {
    let mut pairs: Vec<(u32, Vec<usize>)> = map.into_iter().collect();
    pairs.sort_unstable_by_key(|(w, _)| *w);
    pairs.into_iter().unzip()
}

const MAX_GAP: usize = 3;

/// How many tokens an object element (`_`) may take.
const OBJECT_WINDOW: usize = 16;

/// How far after its verb a pattern's second word may stand: gaps, time
/// expressions, amounts and a whole target mention may come between.
const NEXT_WORD_WINDOW: usize = 24;

/// A pattern found in a sentence.
#[derive(Debug, Clone)]
pub struct PatternMatch {
    pub pattern: usize,
    pub verb: usize,
    /// Tokens of the literal words, in order.
    pub literals: Vec<usize>,
    pub target: Option<usize>,
    pub source: Option<usize>,
    pub end: usize,
    /// The tokens an object element (`_`) took: part of the match, so a
    /// verb among them ("a colonel *accused* of fraud") is not matched again.
    pub object: Option<Range<usize>>,
}

impl PatternMatch {
    pub fn trigger_span(&self) -> Range<usize> {
        self.verb..self.literals.last().copied().unwrap_or(self.verb) + 1
    }
}

/// Whether a phrase of `gap_free_phrases.txt` ("at least", "up to")
/// starts at `t`: it opens an amount, not a phrase of its own.
fn free_phrase_at(layer: &TextLayer, t: usize) -> bool {
    free_phrase_len(layer, t) > 0
}

/// The length of the phrase of `gap_free_phrases.txt` at `t`, 0 if none.
fn free_phrase_len(layer: &TextLayer, t: usize) -> usize {
    if layer.annotated && !layer.is(t, crate::vocab::class::FREE_PHRASE_START) {
        return 0;
    }
    crate::builtin::lang_phrases!("gap_free_phrases")
        .iter()
        .find(|p| {
            t + p.len() <= layer.tokens.len()
                && p.iter().enumerate().all(|(k, w)| layer.norm(t + k) == *w)
        })
        .map_or(0, |p| p.len())
}

fn gap_allows(layer: &TextLayer, t: usize) -> bool {
    use crate::vocab::class;
    if !layer.is(t, class::GAP_BLOCKER) {
        return true;
    }
    // "at least 20": a phrase whose first word blocks a gap
    if free_phrase_at(layer, t) {
        return true;
    }
    if layer.is(t, class::QUANTITY_LINK) {
        return t > 0 && {
            let p = layer.norm(t - 1);
            layer.is(t - 1, class::QUANTIFIER) || p.chars().all(|c| c.is_ascii_digit() || c == ',')
        };
    }
    !layer.is(t, class::GAP_BLOCKER)
}

/// A predicative marker (`predicative_markers.txt`: "as") at `t` before a
/// lower-case modifier that is no determiner or auxiliary ("rejected *as*
/// baseless", "dismissed *as* "politically motivated""), with the quotes
/// after it: the token after the marker, or after the closing quote of a
/// quoted modifier. Before a subject ("as Kenya withdrew")
/// or a determiner ("as the talks ended"), none.
pub fn predicative_as_end(layer: &TextLayer, t: usize, end: usize) -> Option<usize> {
    use crate::vocab::class;
    if !crate::builtin::lang_set!("predicative_markers").contains(layer.norm(t)) {
        return None;
    }
    let quote =
        |i: usize| layer.tokens[i].shape == crate::text::Shape::Punct && layer.norm(i) != ",";
    let lower = |i: usize| layer.tokens[i].shape == crate::text::Shape::Lower;
    // a quoted modifier ("as "totally baseless""): past its closing quote
    if t + 2 < end && quote(t + 1) && lower(t + 2) {
        let close = (t + 3..end.min(t + 7)).find(|&i| !lower(i))?;
        return quote(close).then_some(close + 1);
    }
    let n = t + 1;
    let modifier = n < end
        && layer.tokens[n].shape == crate::text::Shape::Lower
        && !layer.is(n, class::DETERMINER | class::AUXILIARY)
        && !crate::builtin::lang_set!("subject_pronouns").contains(layer.norm(n));
    modifier.then_some(n)
}

/// The mention starting at token `t`. Mentions are sorted by position, so a
/// binary search finds it without scanning.
pub fn mention_starting_at(mentions: &[Mention], t: usize) -> Option<usize> {
    let k = mentions.partition_point(|m| m.tokens.start < t);
    (k < mentions.len() && mentions[k].tokens.start == t).then_some(k)
}

fn free_in_gap(layer: &TextLayer, t: usize) -> bool {
    use crate::vocab::class;
    if layer.tokens[t].shape == crate::text::Shape::Number {
        let w = layer.norm(t);
        return w
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.');
    }
    layer.is(t, class::FREE_IN_GAP)
}

/// A place phrase in a gap ("rallied *in Tel Aviv* on Saturday against"):
/// a locative preposition and a capitalised name or a place mention. Returns
/// the token after it.
fn place_phrase_end(
    layer: &TextLayer,
    t: usize,
    end: usize,
    mentions: &[Mention],
) -> Option<usize> {
    if !layer.is(t, crate::vocab::class::GAP_PLACE) || t + 1 >= end {
        return None;
    }
    let mut i = t + 1;
    if layer.is(i, crate::vocab::class::DEFINITE_ARTICLE) {
        i += 1;
    }
    if let Some(m) = mentions.iter().find(|m| m.tokens.start == i) {
        // "in Kyiv" is a place only when it is not the pattern's target
        return m.locative.then_some(m.tokens.end);
    }
    let start = i;
    while i < end
        && matches!(
            layer.tokens[i].shape,
            crate::text::Shape::Capitalized | crate::text::Shape::Upper
        )
    {
        i += 1;
    }
    (i > start).then_some(i)
}

/// A name the dictionaries do not know, in a gap: a run of capitalised
/// words is one noun ("extradited the banker *Juan Carlos Ortega* to"), so
/// it counts as one gap word, as a known mention does. Returns the token
/// after it.
fn name_run_end(layer: &TextLayer, t: usize, end: usize) -> Option<usize> {
    let capital = |i: usize| {
        matches!(
            layer.tokens[i].shape,
            crate::text::Shape::Capitalized | crate::text::Shape::Upper
        ) && !layer.is(i, crate::vocab::class::GAP_BLOCKER)
    };
    let mut i = t;
    while i < end && capital(i) {
        i += 1;
    }
    (i > t + 1).then_some(i)
}

/// Whether the verb at `verb` is a passive participle after a form of "be"
/// ("was returned", "were quietly handed back"; not "is returning").
fn after_be(layer: &TextLayer, verb: usize) -> bool {
    if !layer.is(verb, crate::vocab::class::PARTICIPLE) || layer.norm(verb).ends_with("ing") {
        return false;
    }
    let mut b = verb;
    while b > 0 && is_adverb_form(layer, b - 1) {
        b -= 1;
    }
    b > 0 && layer.is(b - 1, crate::vocab::class::BE_FORM)
}

/// The subject phrase of a passive verb at `verb` ("*the stolen paintings*
/// were returned"): the words before its form of "be", back to a clause
/// word, a comma or an earlier verb, at most [`OBJECT_WINDOW`] of them;
/// empty when the verb is no passive.
fn fronted_object(layer: &TextLayer, verb: usize) -> Range<usize> {
    use crate::vocab::class;
    if !after_be(layer, verb) {
        return verb..verb;
    }
    let mut b = verb;
    while b > 0 && is_adverb_form(layer, b - 1) {
        b -= 1;
    }
    // past "be" and its auxiliaries ("have been", "will be")
    // a passive infinitive ("a call for its troops *to be stationed*"):
    // the words before "to" are no subject phrase of its own
    let infinitive =
        |t: usize| crate::builtin::lang_set!("infinitive_markers").contains(layer.norm(t));
    while b > 0 && layer.is(b - 1, class::BE_FORM | class::AUXILIARY) {
        if infinitive(b - 1) {
            return verb..verb;
        }
        b -= 1;
    }
    if b > 0 && infinitive(b - 1) {
        return verb..verb;
    }
    let mut a = b;
    while a > 0
        && b - a < OBJECT_WINDOW
        && layer.norm(a - 1) != ","
        && !layer.is(
            a - 1,
            class::CLAUSE_BREAK | class::RELATIVE | class::SAY_VERB | class::BE_FORM,
        )
    {
        a -= 1;
    }
    a..b
}

/// Whether the object of a `_` element stops before token `t`: a new
/// clause starts there. Clause words, auxiliaries and say-verbs end it; so
/// does a word that stops a reach ("because", "when", "which"), unless it
/// is a preposition before a number or a time ("missing *since* 1943"); and
/// a coordinator before a new subject or a finite verb ("returned fire *and*
/// sent troops to"), though not before a noun or an "-ing" form ("weapons
/// and training").
fn object_stops(layer: &TextLayer, t: usize, end: usize, mentions: &[Mention]) -> bool {
    use crate::vocab::class;
    let w = layer.norm(t);
    if layer.is(
        t,
        class::CLAUSE_BREAK | class::RELATIVE | class::AUXILIARY | class::BE_FORM | class::SAY_VERB,
    ) || w == "."
    {
        return true;
    }
    if layer.is(t, class::REACH_STOP) {
        let dated = t + 1 < end
            && (layer.tokens[t + 1].temporal
                || layer.tokens[t + 1].shape == crate::text::Shape::Number);
        return !(layer.is(t, class::PREPOSITION) && dated);
    }
    if crate::builtin::lang_set!("clause_coordinators").contains(w) && t + 1 < end {
        let mut n = t + 1;
        while n < end && is_adverb_form(layer, n) {
            n += 1;
        }
        if n >= end {
            return true;
        }
        let next = layer.norm(n);
        let new_subject = mention_starting_at(mentions, n).is_some_and(|m| !mentions[m].adjectival)
            || crate::builtin::lang_set!("subject_pronouns").contains(next);
        let finite = layer.is(n, class::PATTERN_VERB)
            && !layer.is(n, class::BASE_LIKE)
            && !next.ends_with("ing")
            && layer.tokens[n].shape == crate::text::Shape::Lower;
        return new_subject || finite;
    }
    false
}

/// A sign before a number ("*$*40 million", "*€*3m"): it opens an amount.
fn amount_sign(layer: &TextLayer, t: usize, end: usize) -> bool {
    t + 1 < end && layer.norm(t + 1).starts_with(|c: char| c.is_ascii_digit())
}

/// The token of the pattern word `form` that ends the object of a `_`
/// element starting at `start`: a noun phrase of at least one word (none
/// after a form of "be", whose subject is the object), at most
/// `OBJECT_WINDOW` tokens, that does not start with a preposition, an
/// adverb or a word that is no object (`non_objects.txt`: "returned *home*
/// to"), does not open a new clause, and does not end in an actor mention
/// (people sent or handed over are the business of the verb's own frames)
/// nor start with one (the recipient of a double object);
/// with `amount` (`%`), it names one. A passive's by-agent before the word
/// is skipped ("was returned *by customs officers* to"). A "to" before a
/// bare verb is an infinitive's, not the word.
#[allow(clippy::too_many_arguments)]
fn object_end(
    lex: &VerbLexicon,
    form: Option<usize>,
    layer: &TextLayer,
    verb: usize,
    start: usize,
    end: usize,
    mentions: &[Mention],
    amount: bool,
) -> Option<usize> {
    use crate::vocab::class;
    let passive = after_be(layer, verb);
    let mut t = start;
    while t < end && layer.tokens[t].temporal {
        t += 1;
    }
    let first = t;
    let limit = (first + OBJECT_WINDOW).min(end);
    let mut words = 0;
    let mut has_amount = false;
    // the token after the last actor mention of the object, and whether
    // the words since a passive's "by" are its agent
    let mut mention_end = None;
    let mut agent = false;
    while t < limit {
        // an object that ends the pattern ("provide + with %") runs to a
        // comma or the end of its clause
        if form.is_none() && (layer.norm(t) == "," || object_stops(layer, t, end, mentions)) {
            break;
        }
        // a passive's object is its subject ("was given *a grace period*
        // by X" is another frame); an active's is not empty
        if form.is_some_and(|f| lex.form_at(f, layer, t)) && (words > 0 || passive) {
            if passive && words > 0 {
                return None;
            }
            let ends_in_actor = mention_end == Some(t) && !agent;
            // "to" before a bare verb is an infinitive's ("allowing firms
            // *to* keep"), not the pattern's preposition
            let infinitive = t + 1 < end
                && crate::builtin::lang_set!("infinitive_markers").contains(layer.norm(t))
                && layer.is(t + 1, class::PATTERN_VERB)
                && layer.is(t + 1, class::BASE_LIKE)
                && layer.tokens[t + 1].shape == crate::text::Shape::Lower
                && mention_starting_at(mentions, t + 1).is_none();
            return (!ends_in_actor && !infinitive && (has_amount || !amount)).then_some(t);
        }
        if passive
            && !agent
            && crate::builtin::lang_set!("agent_prepositions").contains(layer.norm(t))
        {
            agent = true;
            t += 1;
            continue;
        }
        // an amount may open the object ("provided X with *up to* $2
        // billion")
        if t == first
            && !free_phrase_at(layer, t)
            && (layer.is(t, class::PREPOSITION)
                || is_adverb_form(layer, t)
                || crate::builtin::lang_set!("non_objects").contains(layer.norm(t))
                || crate::builtin::lang_set!("clause_coordinators").contains(layer.norm(t))
                || !(layer.norm(t).chars().any(char::is_alphanumeric)
                    || amount_sign(layer, t, end)))
        {
            return None;
        }
        if object_stops(layer, t, end, mentions) {
            return None;
        }
        if let Some(m) = mention_starting_at(mentions, t) {
            // an actor first is a recipient, the object comes after it
            // ("gave *the Dominican Republic* twelve tonnes of aid"): the
            // double-object frames (`give + aid`) read that order
            let only_articles = (first..t).all(|i| layer.is(i, class::ARTICLE));
            let named = matches!(
                mentions[m].referent,
                crate::actors::Referent::Actor(_) | crate::actors::Referent::Capital(_)
            );
            if !agent && only_articles && named && !mentions[m].adjectival && !mentions[m].locative
            {
                return None;
            }
            t = mentions[m].tokens.end;
            // a place the thing was in ("held in Vienna") is no party
            mention_end = (!mentions[m].locative).then_some(t);
            words += usize::from(!agent);
            continue;
        }
        let w = layer.norm(t);
        has_amount |= !agent
            && (w.chars().any(|c| c.is_ascii_digit())
                || crate::builtin::lang_set!("amount_words").contains(w));
        if !layer.tokens[t].temporal && !agent {
            words += 1;
        }
        t += 1;
    }
    // the end of an object that ends the pattern
    (form.is_none() && !passive && words > 0 && (has_amount || !amount)).then_some(t)
}

/// The mention that fills a slot starting at `pos`: the first mention after
/// at most `MAX_GAP` gap words (time expressions not counted).
fn find_slot(
    layer: &TextLayer,
    pos: usize,
    end: usize,
    mentions: &[Mention],
    force: bool,
) -> Option<usize> {
    let mut t = pos;
    let mut gap = 0;
    let mut after_force_prep = false;
    let mut only_articles = true;
    while t < end && gap <= MAX_GAP + 3 * usize::from(force) {
        if let Some(m) = mention_starting_at(mentions, t) {
            // An attack on "a military facility in the Iranian city of
            // Isfahan": a role noun with no country is the facility, not
            // the target; look on for the place.
            let uncoded = matches!(
                mentions[m].referent,
                crate::actors::Referent::Role(_) | crate::actors::Referent::Place(None)
            );
            // People with no country are the victims, though ("fired on
            // protesters in X"): the events stage gives them the scene's
            // country (rule 16).
            let after = mentions[m].tokens.end;
            let modifier = after < layer.tokens.len()
                && crate::coref::modified_noun_at(layer, after)
                && !crate::builtin::lang_set!("clause_coordinators").contains(layer.norm(after));
            // ("positions of X", "members of X": the owner after the link
            // is the target, as before)
            let owned =
                after < layer.tokens.len() && layer.is(after, crate::vocab::class::POSSESSIVE_LINK);
            let people = matches!(mentions[m].referent, crate::actors::Referent::Role(_))
                && !mentions[m].locative
                && !modifier
                && !owned;
            if force && people {
                return Some(m);
            }
            if force && uncoded {
                t = mentions[m].tokens.end;
                gap += 1;
                only_articles = false;
                continue;
            }
            // "fought on the Ukrainian side": a side one fights on is no
            // target (`side_nouns.txt`)
            if force
                && mentions[m].adjectival
                && after < layer.tokens.len()
                && crate::builtin::lang_set!("side_nouns").contains(layer.norm(after))
            {
                return None;
            }
            // A place right after the pattern's own preposition is its slot
            // ("receive ... from the United States").
            return (!mentions[m].locative || only_articles || after_force_prep).then_some(m);
        }
        if layer.tokens[t].temporal || free_in_gap(layer, t) {
            // "over 100", "about 20" approximate an amount; before an
            // actor ("clashed over X", "talked about X") a preposition
            // among the free words names what the act is about, no slot
            if !layer.tokens[t].temporal && layer.is(t, crate::vocab::class::PREPOSITION) {
                let mut next = t + 1;
                while next < end && layer.is(next, crate::vocab::class::ARTICLE) {
                    next += 1;
                }
                if mention_starting_at(mentions, next).is_some() {
                    return None;
                }
            }
            t += 1;
            continue;
        }
        // "agreed to a truce *ending* Ruritania's offensive": a verb's
        // "-ing" form after the pattern's words (not after a determiner,
        // "a binding deal", or a preposition, "for shelling") opens a
        // reduced relative, whose object is not the act's party; force
        // keeps it ("strikes targeting X")
        if !force
            && layer.is(t, crate::vocab::class::PATTERN_VERB)
            && layer.norm(t).ends_with("ing")
            && layer.tokens[t].shape == crate::text::Shape::Lower
            && !layer.is(
                t - 1,
                crate::vocab::class::DETERMINER | crate::vocab::class::PREPOSITION,
            )
        {
            return None;
        }
        only_articles &= layer.is(t, crate::vocab::class::ARTICLE);
        if force && layer.is(t, crate::vocab::class::FORCE_PREPOSITION) {
            after_force_prep = true;
        } else if layer.is(t, crate::vocab::class::DEFINITE_ARTICLE) && after_force_prep {
            // "in the Red Sea": the article after the preposition
        } else if force && layer.is(t, crate::vocab::class::POSSESSIVE_LINK) {
            // "districts of Kharkiv", "a neighbourhood of Damascus"
            after_force_prep = true;
        } else if !gap_allows(layer, t) {
            return None;
        } else {
            after_force_prep = false;
        }
        t += 1;
        gap += 1;
    }
    None
}

impl VerbLexicon {
    /// Tries every pattern whose verb is at token `verb` and returns the best.
    pub fn match_at(
        &self,
        layer: &TextLayer,
        verb: usize,
        end: usize,
        mentions: &[Mention],
    ) -> Option<PatternMatch> {
        self.match_patterns(layer, verb, end, mentions, true)
    }

    /// [`VerbLexicon::match_at`]; without `with_actions`, patterns with an
    /// action slot are left out, so that testing an embedded action never
    /// recurses further ("agree to offer to agree to ...").
    fn match_patterns(
        &self,
        layer: &TextLayer,
        verb: usize,
        end: usize,
        mentions: &[Mention],
        with_actions: bool,
    ) -> Option<PatternMatch> {
        // only the patterns whose second word occurs in the next tokens
        let index = self.verb_candidates(layer, verb)?;
        let mut candidates: Vec<usize> = index.slot_only.clone();
        // a passive's subject phrase, where the object words of a pattern
        // stand ("*humanitarian aid* was delivered to", "*the prisoners*
        // were handed over to")
        let fronted = fronted_object(layer, verb);
        let passive = after_be(layer, verb);
        let window_end = (verb + 1 + NEXT_WORD_WINDOW).min(end);
        for t in fronted.clone().chain(verb + 1..end) {
            let word = layer.tokens[t].word;
            if t < window_end && self.may_be_next(word) {
                if let Ok(k) = index.next_words.binary_search(&word) {
                    candidates.extend_from_slice(&index.next_patterns[k]);
                }
            }
            if self.may_be_later(word) {
                if let Ok(k) = index.later_words.binary_search(&word) {
                    candidates.extend_from_slice(&index.later_patterns[k]);
                }
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        // "ruled *out* military action against": the particle of a phrasal
        // verb right after its verb makes another verb, which the verb's
        // patterns without the particle ("rule against +") are not
        // ("gave *up to* 40,000 blankets": a phrase that opens an amount
        // is no particle)
        let particle = (verb + 1 < end
            && self
                .phrasal
                .get(layer.norm(verb))
                .is_some_and(|ps| ps.contains(&layer.norm(verb + 1)))
            && !free_phrase_at(layer, verb + 1))
        .then_some(verb + 1);
        let mention_at = |t: usize| mention_starting_at(mentions, t);
        let mut best: Option<((u32, u32, u32, u32), PatternMatch)> = None;
        // whether the embedded action at a token is unknown, tested once
        let mut action_cache: Option<(usize, bool)> = None;
        // one buffer for every candidate: copied only into a new best match
        let mut literals: Vec<usize> = Vec::new();
        // Many candidates of one verb look for their slot at the same token
        // ("demand + to", "demand + of", ...): each search is made once.
        let mut slots: Vec<(usize, bool, Option<usize>)> = Vec::new();
        let mut slot_at = |pos: usize, force: bool| {
            if let Some(&(_, _, found)) = slots.iter().find(|&&(p, f, _)| p == pos && f == force) {
                return found;
            }
            let found = find_slot(layer, pos, end, mentions, force);
            slots.push((pos, force, found));
            found
        };
        for &pid in &candidates {
            let p = self.keys[pid];
            if !with_actions && p.has_action {
                continue;
            }
            if let Some(t) = particle {
                let words = &self.elements[p.start as usize + 1..p.end as usize];
                if !words
                    .iter()
                    .any(|e| matches!(e, Element::Word(w) if self.form_at(*w, layer, t)))
                {
                    continue;
                }
            }
            // Force is used "on", "in", "against" places: the target of an
            // attack may follow a locative preposition.
            let force = p.force_target;
            let mut pos = verb + 1;
            literals.clear();
            literals.push(verb);
            let mut target = None;
            let mut source = None;
            let mut ok = true;
            // a slot filled by a possessor ("welcomed Washington's shift
            // in policy"): the object is the possessed noun, so a
            // preposition of the pattern ("welcome + in") is not the one
            // after the slot
            let mut possessor = false;
            // the last token of the mention a slot just took
            let mut slot_head: Option<usize> = None;
            // where an object element (`_`) starts, until the word after it
            let mut object_start: Option<usize> = None;
            let mut amount = false;
            let mut object = None;
            // where the next word of a passive's subject phrase may stand,
            // while the pattern's words before its first slot are read
            let mut front = (!fronted.is_empty()).then_some(fronted.start);
            let elements = &self.elements[p.start as usize + 1..p.end as usize];
            for (i, el) in elements.iter().enumerate() {
                if !matches!(el, Element::Word(_)) {
                    front = None;
                }
                match el {
                    Element::Object | Element::Amount => {
                        object_start = Some(pos);
                        amount = *el == Element::Amount;
                    }
                    Element::Word(w) if object_start.is_some() => {
                        let start = object_start.take().expect("checked");
                        match object_end(self, Some(*w), layer, verb, start, end, mentions, amount)
                        {
                            Some(t) => {
                                literals.push(t);
                                object = Some(start..t);
                                pos = t + 1;
                                possessor = false;
                                slot_head = None;
                            }
                            None => {
                                ok = false;
                                break;
                            }
                        }
                    }
                    Element::Word(w) => {
                        let form = *w;
                        // the slot's mention took the pattern's word as its
                        // role noun ("accept + inspector": "accepted *UN
                        // inspectors*", "admit + refugee": "admitted *Syrian
                        // refugees*"): the word is matched inside it
                        if let Some(head) = slot_head.take() {
                            if self.form_at(form, layer, head) {
                                literals.push(head);
                                continue;
                            }
                        }
                        let mut found = None;
                        let mut t = pos;
                        let mut gap = 0;
                        let mut articles = 0;
                        while t < end && gap <= MAX_GAP {
                            if layer.tokens[t].temporal {
                                t += 1;
                                continue;
                            }
                            if self.form_at(form, layer, t) {
                                found = Some(t);
                                break;
                            }
                            // "was asked *by Iran* to release": a passive's
                            // by-agent stands where the empty slot before
                            // the pattern's word was, and is passed
                            if passive
                                && t == pos
                                && i > 0
                                && elements[i - 1] == Element::Target
                                && target.is_none()
                                && crate::builtin::lang_set!("agent_prepositions")
                                    .contains(layer.norm(t))
                            {
                                let name = if t + 2 < end
                                    && layer.is(t + 1, crate::vocab::class::ARTICLE)
                                {
                                    t + 2
                                } else {
                                    t + 1
                                };
                                if let Some(m) = mention_at(name) {
                                    t = mentions[m].tokens.end;
                                    gap += 1;
                                    continue;
                                }
                            }
                            // an amount word ("about 200") is free in a gap,
                            // but is first the pattern's own word
                            // ("optimism about", "concern over")
                            if free_in_gap(layer, t) {
                                t += 1;
                                continue;
                            }
                            // an article that opens the noun phrase of the
                            // pattern's word says nothing of its own ("agreed
                            // *a* landmark bilateral fisheries agreement"); one
                            // before a name opens the name's phrase and counts
                            // ("gave *the* Dominican Republic"), and a
                            // preposition of the pattern is not reached
                            // through them (checked below)
                            if layer.is(t, crate::vocab::class::ARTICLE)
                                && mention_at(t + 1).is_none()
                            {
                                articles += 1;
                                t += 1;
                                continue;
                            }
                            // skip a whole mention in the gap ("accused Russian forces
                            // of"), unless the word is the mention's own head noun
                            // ("withdrew its peacekeepers from")
                            if let Some(m) = mention_at(t) {
                                let span = mentions[m].tokens.clone();
                                if let Some(inner) =
                                    span.clone().find(|&i| self.form_at(form, layer, i))
                                {
                                    found = Some(inner);
                                    break;
                                }
                                t = span.end;
                                gap += 1;
                                continue;
                            }
                            if let Some(next) = place_phrase_end(layer, t, end, mentions) {
                                t = next;
                                gap += 1;
                                continue;
                            }
                            if let Some(next) = name_run_end(layer, t, end) {
                                t = next;
                                gap += 1;
                                continue;
                            }
                            // "rejected *as* baseless the charges of": a
                            // predicative "as" right after the verb, before a
                            // modifier (and its quotes), opens no phrase
                            if t == pos && gap == 0 {
                                if let Some(next) = predicative_as_end(layer, t, end) {
                                    t = next;
                                    continue;
                                }
                            }
                            // "halt exports *of rare earths* to": an of-phrase may
                            // stand between two pattern words, and so may
                            // coordinated modifiers ("exchanged *missile and
                            // drone* strikes")
                            // "provided X with *up to* 2 billion": the whole
                            // phrase, though a later word of it blocks a gap;
                            // only between two pattern words, so that an
                            // empty slot does not reach a later word over it
                            let after_word = i == 0 || matches!(elements[i - 1], Element::Word(_));
                            let free = if after_word {
                                free_phrase_len(layer, t)
                            } else {
                                0
                            };
                            if free > 1 {
                                t += free;
                                gap += 1;
                                continue;
                            }
                            if !gap_allows(layer, t) && !layer.is(t, crate::vocab::class::GAP_LINK)
                            {
                                break;
                            }
                            t += 1;
                            gap += 1;
                        }
                        // A word of the object the passive moved before
                        // the verb: it is read in the subject phrase, and
                        // the words after the verb go on from where they
                        // stood. Never a preposition ("to" stays after it).
                        if found.is_none() {
                            if let Some(from) = front {
                                if let Some(t) = (from..fronted.end).find(|&t| {
                                    self.form_at(form, layer, t)
                                        && !layer.is(t, crate::vocab::class::PREPOSITION)
                                }) {
                                    front = Some(t + 1);
                                    continue;
                                }
                            }
                        }
                        match found {
                            Some(t)
                                if (possessor || gap + articles > MAX_GAP)
                                    && layer.is(t, crate::vocab::class::PREPOSITION) =>
                            {
                                ok = false;
                                break;
                            }
                            Some(t) => {
                                literals.push(t);
                                pos = t + 1;
                                possessor = false;
                            }
                            None => {
                                ok = false;
                                break;
                            }
                        }
                    }
                    Element::Action => {
                        // right after the pattern's last word ("refused to
                        // *comply*"); an adverb may stand before it
                        let mut t = pos;
                        while t < end && (layer.tokens[t].temporal || is_adverb_form(layer, t)) {
                            t += 1;
                        }
                        let unknown = t < end
                            && match action_cache {
                                Some((at, unknown)) if at == t => unknown,
                                _ => {
                                    let u = self.unknown_action_at(layer, t, end, mentions);
                                    action_cache = Some((t, u));
                                    u
                                }
                            };
                        if unknown {
                            pos = t + 1;
                        } else {
                            ok = false;
                            break;
                        }
                    }
                    Element::Target | Element::Source => {
                        // The pattern's preposition inside a mention that
                        // goes on after it ("accept refugee from +":
                        // "accepted *refugees from Syria*", "withdraw
                        // inspector from +": "... and *aid workers from
                        // Iraq*"): the mention already names who the slot
                        // holds, and no mention starts after the preposition.
                        let inside = literals
                            .last()
                            .filter(|&&l| {
                                l + 1 == pos && layer.is(l, crate::vocab::class::PREPOSITION)
                            })
                            .and_then(|&l| {
                                let k = mentions.partition_point(|m| m.tokens.start <= l);
                                k.checked_sub(1).filter(|&k| mentions[k].tokens.end > pos)
                            });
                        let found = inside.or_else(|| slot_at(pos, force));
                        if let Some(m) = found {
                            pos = mentions[m].tokens.end;
                            slot_head = (mentions[m].tokens.len() > 1).then_some(pos - 1);
                            possessor = pos < end && matches!(layer.norm(pos), "'s" | "'");
                            if *el == Element::Target {
                                target = Some(m);
                            } else {
                                source = Some(m);
                            }
                        } else if let Some(Element::Word(next)) = elements.get(i + 1) {
                            // A slot between two pattern words that takes
                            // nothing, its next word a preposition standing
                            // right where the slot should be and a verb of
                            // the lexicon after it, reads the text without
                            // the slot's actor ("wants *to* meet" is no
                            // "want + to", "asked *to* join" no "ask + to"):
                            // the embedded verb is the subject's own act.
                            if pos + 1 < end
                                && self.form_at(*next, layer, pos)
                                && layer.is(pos, crate::vocab::class::PREPOSITION)
                                && layer.is(pos + 1, crate::vocab::class::PATTERN_VERB)
                            {
                                ok = false;
                                break;
                            }
                        }
                    }
                }
            }
            // an object that ends the pattern ("provide + with %")
            if let (true, Some(start)) = (ok, object_start) {
                match object_end(self, None, layer, verb, start, end, mentions, amount) {
                    Some(t) => {
                        object = Some(start..t);
                        pos = t;
                    }
                    None => ok = false,
                }
            }
            if !ok || (p.intransitive && object_follows(layer, pos, end, mentions)) {
                continue;
            }
            // A pattern without slots takes the object right after it.
            if !p.has_slot {
                if let Some(m) = slot_at(pos, force) {
                    target = Some(m);
                    pos = mentions[m].tokens.end;
                }
            }
            // A fallback to the root's general code must name its target.
            if p.has_action && target.is_none() && source.is_none() {
                continue;
            }
            let filled = u32::from(target.is_some() || source.is_some());
            // With no object after the verb, only a preposition, a
            // symmetric reading beats an empty slot: "X and Y were fighting
            // near the border" fought each other (`fight ; sym`), where
            // `fight +` names no one. Not "fought to topple X" (content),
            // "fought corruption" (an object no actor), "fought side by
            // side" or "alongside X" (together).
            let symmetric_unfilled =
                u32::from(p.symmetric && filled == 0 && only_preposition_after(layer, pos, end));
            // Ties go to the more specific code ("deliver food to" 073 over
            // "deliver aid to" 070).
            let score = (p.literals, filled, symmetric_unfilled, p.specific);
            if best.as_ref().is_none_or(|(b, _)| score > *b) {
                let m = PatternMatch {
                    pattern: pid,
                    verb,
                    literals: literals.clone(),
                    target,
                    source,
                    end: pos,
                    object: object.clone(),
                };
                best = Some((score, m));
            }
        }
        best.map(|(_, m)| m)
    }

    /// Whether token `t` is an action verb that no pattern matches: a
    /// lower-case word that is not a function word or part of a mention.
    fn unknown_action_at(
        &self,
        layer: &TextLayer,
        t: usize,
        end: usize,
        mentions: &[Mention],
    ) -> bool {
        use crate::vocab::class;
        let function_word = class::PREPOSITION
            | class::DETERMINER
            | class::AUXILIARY
            | class::BE_FORM
            | class::CLAUSE_BREAK
            | class::GAP_BLOCKER
            | class::SAY_VERB
            | class::QUANTIFIER;
        let word = layer.norm(t);
        layer.tokens[t].shape == crate::text::Shape::Lower
            && word.len() > 2
            && word.chars().all(|c| c.is_ascii_lowercase())
            && !layer.is(t, function_word)
            && !mentions.iter().any(|m| m.tokens.contains(&t))
            && self
                .match_patterns(layer, t, end, mentions, false)
                .is_none()
    }
}

/// An "-ly" adverb ("agreed to *gradually* lift").
fn is_adverb_form(layer: &TextLayer, t: usize) -> bool {
    let w = layer.norm(t);
    w.len() > 4 && w.ends_with("ly") && layer.tokens[t].shape == crate::text::Shape::Lower
}

/// Whether an object follows a match (for `intransitive` patterns): past
/// time words and adverbs, a determiner or possessive ("demonstrated *its*
/// resolve"), a quantity ("rallied *thousands of* supporters", "*200*"),
/// a finite complementizer ("demonstrated *that*") or an actor
/// ("demonstrated *Iran's* reach"). Any other word (a preposition of
/// place, "through", "outside") leaves the verb without an object.
fn object_follows(layer: &TextLayer, pos: usize, end: usize, mentions: &[Mention]) -> bool {
    use crate::vocab::class;
    let Some(t) = (pos..end).find(|&t| !layer.tokens[t].temporal && !is_adverb_form(layer, t))
    else {
        return false;
    };
    let w = layer.norm(t);
    layer.is(t, class::DETERMINER | class::QUANTIFIER | class::QUANTITY)
        || w.chars().any(|c| c.is_ascii_digit())
        || crate::builtin::lang_set!("finite_complementizers").contains(w)
        || mention_starting_at(mentions, t).is_some()
}

/// Whether the first token after a match, past time words, is a
/// preposition that opens no content ("to") and says no company
/// (`lang/en/company_words.txt`).
fn only_preposition_after(layer: &TextLayer, pos: usize, end: usize) -> bool {
    let Some(t) = (pos..end).find(|&t| !layer.tokens[t].temporal) else {
        return false;
    };
    let word = layer.norm(t);
    layer.is(t, crate::vocab::class::PREPOSITION)
        && word != "to"
        && !crate::builtin::lang_set!("company_words").contains(word)
}

/// A pattern's words without its `;sym` mark, to compare patterns by words.
fn bare_text(text: &str) -> &str {
    text.strip_suffix(" ;sym").unwrap_or(text)
}

/// Event-noun files expanded into verb-pattern lines, each with the file
/// and line of the noun it came from. Bad lines are pushed to `errors`.
///
/// A file holds verb groups and noun lines:
///
/// ```text
/// group light: make; issue; renew; carry out
/// 020   appeal | to; for
/// 046   talk   | with | light; open | sym
/// 163   sanction | on; against | impose
/// ```
///
/// A noun line is `CODE NOUN WORDS | PREPOSITIONS [| GROUPS [| sym]]`;
/// without groups the noun takes the `light` group. Each verb of each
/// group gives one pattern per preposition: `CODE VERB NOUN PREP +`.
fn expand_event_nouns(
    sources: &[(u16, &Source)],
    errors: &mut Vec<DictError>,
) -> Vec<(u16, usize, String)> {
    let mut groups: HashMap<String, Vec<String>> = HashMap::default();
    let mut nouns = Vec::new();
    for &(file, source) in sources {
        for (index, raw) in source.text.lines().enumerate() {
            let line_no = index + 1;
            let line = strip_comment(raw).trim();
            if line.is_empty() {
                continue;
            }
            if let Some(rest) = line.strip_prefix("group ") {
                let Some((name, verbs)) = rest.split_once(':') else {
                    errors.push(source.error(
                        line_no,
                        format!("expected `group NAME: verb; verb`, found `{line}`"),
                    ));
                    continue;
                };
                let name = name.trim();
                let verbs: Vec<String> = verbs
                    .split(';')
                    .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
                    .filter(|v| !v.is_empty())
                    .collect();
                if name.is_empty() || name.contains(char::is_whitespace) {
                    errors.push(source.error(line_no, format!("bad group name `{name}`")));
                } else if let Some(bad) =
                    verbs.iter().find(|v| !v.split(' ').all(valid_pattern_word))
                {
                    errors.push(source.error(
                        line_no,
                        format!("`{bad}` is not a lower-case verb in base form"),
                    ));
                } else {
                    groups.entry(name.to_string()).or_default().extend(verbs);
                }
                continue;
            }
            nouns.push((file, source, line_no, line));
        }
    }
    let mut out = Vec::new();
    for (file, source, line_no, line) in nouns {
        let fields: Vec<&str> = line.split('|').map(str::trim).collect();
        let mut head = fields[0].split_whitespace();
        let code = head.next().unwrap_or("");
        let noun = head.collect::<Vec<_>>().join(" ");
        if fields.len() < 2 || fields.len() > 4 || noun.is_empty() {
            errors.push(source.error(
                line_no,
                format!("expected `CODE NOUN | PREPOSITIONS [| GROUPS [| sym]]`, found `{line}`"),
            ));
            continue;
        }
        let preps: Vec<&str> = fields[1]
            .split(';')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if preps.is_empty() {
            errors.push(source.error(line_no, "no preposition for the target".into()));
            continue;
        }
        let group_names: Vec<&str> = match fields.get(2) {
            Some(g) => g
                .split(';')
                .map(str::trim)
                .filter(|g| !g.is_empty())
                .collect(),
            None => vec!["light"],
        };
        let flag = match fields.get(3) {
            None => "",
            Some(&"sym") => " ; sym",
            Some(other) => {
                errors.push(source.error(line_no, format!("unknown flag `{other}` (flag: `sym`)")));
                continue;
            }
        };
        let mut verbs = Vec::new();
        for g in &group_names {
            match groups.get(*g) {
                Some(list) => verbs.extend(list.iter().cloned()),
                None => errors.push(source.error(line_no, format!("unknown verb group `{g}`"))),
            }
        }
        for verb in &verbs {
            for prep in &preps {
                out.push((
                    file,
                    line_no,
                    format!("{code} {verb} {noun} {prep} +{flag}"),
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn irregular() -> Irregulars {
        let mut map = Irregulars::default();
        parse_irregular(
            &Source::new("verbs/irregular.txt", "hold held held\nmeet met met\n"),
            &mut map,
        )
        .unwrap();
        map
    }

    /// A passive's by-agent in the place of an empty slot is passed to
    /// the pattern's next word ("was asked by X to"): the longer pattern
    /// matches, as in the active.
    #[test]
    fn a_passive_by_agent_is_passed_before_the_next_pattern_word() {
        let p = crate::Pipeline::builtin().expect("built-in dictionaries load");
        let rows: &[(&str, &[&str])] = &[
            ("Iran asked Iraq to release the prisoners.", &["0253"]),
            (
                "Iraq was asked by Iran to release the prisoners.",
                &["0253"],
            ),
            (
                "Iraq was asked by the Iranian government to release the prisoners.",
                &["0253"],
            ),
            ("Iraq was asked to release the prisoners.", &[]),
        ];
        for (text, want) in rows {
            let doc = crate::Document::new("t", *text, crate::Date::parse("2022-06-01"));
            let got: Vec<String> = p.code(&doc).into_iter().map(|e| e.code).collect();
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn inflection_covers_regular_and_irregular_verbs() {
        let irr = irregular();
        let (visit, _) = inflect("visit", &irr);
        for f in ["visit", "visits", "visited", "visiting"] {
            assert!(visit.contains(&f.to_string()), "{f}");
        }
        let (stop, _) = inflect("stop", &irr);
        assert!(stop.contains(&"stopped".to_string()) && stop.contains(&"stopping".to_string()));
        let (accuse, _) = inflect("accuse", &irr);
        assert!(
            accuse.contains(&"accused".to_string()) && accuse.contains(&"accusing".to_string())
        );
        let (hold, pp) = inflect("hold", &irr);
        assert!(hold.contains(&"held".to_string()) && pp == ["held"]);
        let (carry, _) = inflect("carry", &irr);
        assert!(carry.contains(&"carried".to_string()) && carry.contains(&"carries".to_string()));
    }

    #[test]
    fn bad_pattern_lines_name_file_and_line() {
        let cameo = CameoTable::parse(&Source::new(
            "cameo_event_codes.tsv",
            "code\tname\tg\tq\tl\troot\tp\n04\tConsult\t1.0\t1\t1\t04\tCONSULT\n042\tVisit\t1.9\t1\t2\t04\tCONSULT\n",
        ))
        .unwrap();
        let src = Source::new(
            "verbs/04.txt",
            "042 visit +\n999 go +\n042 Visit +\n042 visit + ; bogus\n",
        );
        let err = VerbLexicon::build(&[(0, &src)], &cameo).unwrap_err();
        let msgs: Vec<String> = err.all().iter().map(|e| e.to_string()).collect();
        assert_eq!(msgs.len(), 3);
        assert!(msgs[0].starts_with("verbs/04.txt:2: `999` is not a CAMEO event code"));
        assert!(msgs[1].starts_with("verbs/04.txt:3:"));
        assert!(msgs[2].starts_with("verbs/04.txt:4: unknown flag"));
    }

    fn tiny_cameo() -> CameoTable {
        CameoTable::parse(&Source::new(
            "cameo_event_codes.tsv",
            "code\tname\tg\tq\tl\troot\tp\n\
             02\tAppeal\t3.0\t1\t1\t02\tAPPEAL\n020\tAppeal\t3.0\t1\t2\t02\tAPPEAL\n\
             04\tConsult\t1.0\t1\t1\t04\tCONSULT\n046\tTalks\t7.0\t1\t2\t04\tCONSULT\n\
             08\tYield\t5.0\t2\t1\t08\tYIELD\n085\tEase\t7.0\t2\t2\t08\tYIELD\n\
             16\tReduce\t-4.0\t3\t1\t16\tREDUCE\n163\tSanction\t-8.0\t3\t2\t16\tREDUCE\n",
        ))
        .unwrap()
    }

    #[test]
    fn event_nouns_expand_into_patterns_that_name_the_noun_line() {
        let nouns = Source::new(
            "verbs/nouns.txt",
            "# light verbs\ngroup light: hold; carry out\ngroup lift: lift\n\
             020 appeal | to\n046 talk | with | light | sym\n\
             085 sanction | on; against | lift\n163 sanction | on | light\n",
        );
        let explicit = Source::new("verbs/04.txt", "046 hold talk with + ; sym\n");
        let lex = VerbLexicon::build(&[(0, &explicit), (1, &nouns)], &tiny_cameo()).unwrap();
        let find = |text: &str| lex.patterns.iter().find(|p| p.text == text);
        let appeal = find("carry out appeal to +").expect("light verb with the noun");
        assert_eq!((appeal.code.as_str(), appeal.origin.file), ("020", 1));
        assert_eq!(appeal.origin.line, 4);
        // the explicit pattern with the same words keeps its own line
        let talks = find("hold talk with + ;sym").unwrap();
        assert_eq!((talks.origin.file, talks.origin.line), (0, 1));
        assert!(talks.symmetric);
        let talks = find("carry out talk with + ;sym").unwrap();
        assert_eq!(talks.origin.line, 5);
        // a verb that changes the code is a frame of its own
        assert_eq!(find("lift sanction against +").unwrap().code, "085");
        assert_eq!(find("hold sanction on +").unwrap().code, "163");
        assert!(find("lift appeal to +").is_none());
        assert!(lex.is_pattern_verb("carried"));
    }

    #[test]
    fn bad_event_noun_lines_name_file_and_line() {
        let nouns = Source::new(
            "verbs/nouns.txt",
            "group light: hold\ngroup Bad Name: x\ngroup light: Hold\n\
             020 appeal\n020 appeal | \n046 talk | with | nosuch\n\
             046 talk | with | light | both\n999 talk | with\ngroup broken\n| to\n",
        );
        let err = VerbLexicon::build(&[(0, &nouns)], &tiny_cameo()).unwrap_err();
        let msgs: Vec<String> = err.all().iter().map(|e| e.to_string()).collect();
        let at = |line: usize| {
            msgs.iter()
                .find(|m| m.starts_with(&format!("verbs/nouns.txt:{line}:")))
                .unwrap_or_else(|| panic!("no error on line {line}: {msgs:?}"))
                .clone()
        };
        assert!(at(2).contains("group name"));
        assert!(at(3).contains("`Hold`"));
        assert!(at(4).contains("expected `CODE NOUN"));
        assert!(at(5).contains("no preposition"));
        assert!(at(6).contains("unknown verb group `nosuch`"));
        assert!(at(7).contains("unknown flag `both`"));
        assert!(at(8).contains("`999` is not a CAMEO event code"));
        assert!(at(9).contains("expected `group NAME"));
        assert!(at(10).contains("expected `CODE NOUN"));
        assert_eq!(msgs.len(), 9, "{msgs:?}");
    }

    #[test]
    fn an_action_slot_is_written_once_and_never_first() {
        let src = Source::new(
            "verbs/02.txt",
            "020 urge to * +\n020 * urge +\n020 urge to * * +\n",
        );
        let err = VerbLexicon::build(&[(0, &src)], &tiny_cameo()).unwrap_err();
        let msgs: Vec<String> = err.all().iter().map(|e| e.to_string()).collect();
        assert_eq!(msgs.len(), 2, "{msgs:?}");
        assert!(msgs[0].starts_with("verbs/02.txt:2:"));
        assert!(msgs[1].starts_with("verbs/02.txt:3:"));
    }

    #[test]
    fn an_object_is_written_once_never_first_and_before_a_word_or_last() {
        let src = Source::new(
            "verbs/08.txt",
            "085 return _ to +\n085 return % to +\n085 _ return to +\n085 return _ % to +\n085 return to + _ +\n085 return _ +\n085 return to + %\n",
        );
        let err = VerbLexicon::build(&[(0, &src)], &tiny_cameo()).unwrap_err();
        let msgs: Vec<String> = err.all().iter().map(|e| e.to_string()).collect();
        assert_eq!(msgs.len(), 4, "{msgs:?}");
        for (msg, line) in msgs.iter().zip([3, 4, 5, 6]) {
            assert!(msg.starts_with(&format!("verbs/08.txt:{line}:")), "{msg}");
        }
    }

    #[test]
    fn irregular_present_forms_come_from_the_fourth_column() {
        let mut map = Irregulars::default();
        parse_irregular(
            &Source::new("verbs/irregular.txt", "be was/were been is/are/am\n"),
            &mut map,
        )
        .unwrap();
        let (all, participles) = inflect("be", &map);
        for f in ["be", "is", "are", "am", "was", "were", "been", "being"] {
            assert!(all.contains(&f.to_string()), "{f}: {all:?}");
        }
        assert_eq!(participles, ["been"]);
        // without the column, "be" is a verb like any other
        let (plain, _) = inflect("be", &irregular());
        assert!(!plain.contains(&"is".to_string()), "{plain:?}");
        let err = parse_irregular(
            &Source::new("verbs/irregular.txt", "be was been is are\n"),
            &mut map,
        )
        .unwrap_err();
        assert!(err
            .to_string()
            .starts_with("verbs/irregular.txt:1: expected"));
    }
}
