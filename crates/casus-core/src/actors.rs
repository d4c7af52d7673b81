//! Actor dictionaries and actor mentions: countries, capitals and seats of
//! government, organisations, armed groups, dated persons and role nouns,
//! and the composition rules that turn "Russia's foreign minister",
//! "Chinese troops" or "the army of Mali" into one coded mention.

use crate::builtin::lang_has;
use crate::codes::{role, RoleDefault};
use crate::date::{Date, DateRange};
use crate::dict::{parse_blocks, DictError, Source, SourceKind};
use crate::lexicon::{phrase_tokens, CaseRule, PhraseIndex};
use crate::text::{Shape, TextLayer};
use crate::vocab::class;
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// Where a dictionary entry was written: `file:line`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    pub file: u16,
    pub line: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    Country,
    CountryAdj,
    Capital,
    Seat,
    Org,
    OrgAdj,
    Person,
    Agent,
    /// A city, region, facility or body of water: never an actor itself.
    Place,
}

#[derive(Debug, Clone)]
pub struct ActorEntry {
    pub kind: EntryKind,
    /// Country or organisation code; role code for agents; unused for persons.
    pub code: String,
    pub person: Option<usize>,
    pub valid: Option<DateRange>,
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    pub offices: Vec<(String, DateRange)>,
    pub country: Option<String>,
}

impl Person {
    /// The code of this person on `date`: the office held; after an office,
    /// the country as a former official (the `former-official` role of
    /// `dict/actors/codes.txt`); before any, the bare country.
    /// Without a date, the latest office.
    pub fn code_on(&self, date: Option<Date>) -> String {
        let Some(date) = date else {
            return self
                .offices
                .iter()
                .max_by_key(|(_, r)| (r.until.is_none(), r.until, r.from))
                .map(|(c, _)| c.clone())
                .unwrap_or_default();
        };
        if let Some((code, _)) = self.offices.iter().find(|(_, r)| r.contains(date)) {
            return code.clone();
        }
        let country = |code: &str| -> String {
            if let Some(c) = &self.country {
                c.clone()
            } else {
                crate::codes::ActorCode(code)
                    .country()
                    .unwrap_or_default()
                    .to_string()
            }
        };
        let ended = self
            .offices
            .iter()
            .filter(|(_, r)| r.until.is_some_and(|u| u <= date))
            .max_by_key(|(_, r)| r.until);
        match ended {
            Some((code, _)) => {
                let c = country(code);
                if c.is_empty() {
                    String::new()
                } else {
                    format!("{c}{}", role(RoleDefault::FormerOfficial))
                }
            }
            None => self
                .offices
                .first()
                .map(|(c, _)| country(c))
                .unwrap_or_default(),
        }
    }
}

/// The compiled actor dictionaries.
#[derive(Debug, Default)]
pub struct ActorLexicon {
    pub entries: Vec<ActorEntry>,
    pub persons: Vec<Person>,
    index: PhraseIndex<Vec<usize>>,
    /// Combining forms such as "sino" (from `Sino-`), for hyphenated tokens.
    combining: HashMap<String, usize>,
    pub counts: ActorCounts,
}

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ActorCounts {
    pub countries: usize,
    pub organizations: usize,
    pub groups: usize,
    pub persons: usize,
    pub agent_nouns: usize,
    pub places: usize,
    pub phrases: usize,
}

const COUNTRY_FIELDS: &[&str] = &["name", "adj", "capital", "seat"];
const ORG_FIELDS: &[&str] = &["name", "adj", "valid"];
const PERSON_FIELDS: &[&str] = &["name", "office", "country"];
const AGENT_FIELDS: &[&str] = &["noun"];

pub(crate) fn valid_actor_code(code: &str) -> bool {
    code.len() >= 3 && code.len() <= 12 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// Plural forms of a role noun; multi-word nouns pluralise their last word,
/// or their first when an `of` phrase follows ("members of parliament").
pub fn plurals(noun: &str) -> Vec<String> {
    fn plural_word(w: &str) -> Vec<String> {
        match w {
            "child" => return vec!["children".into()],
            "person" => return vec!["persons".into(), "people".into()],
            _ => {}
        }
        let mut out = Vec::new();
        if let Some(stem) = w.strip_suffix("man") {
            out.push(format!("{stem}men"));
        }
        if w.ends_with('y') && !w.ends_with("ay") && !w.ends_with("ey") && !w.ends_with("oy") {
            out.push(format!("{}ies", &w[..w.len() - 1]));
        } else if w.ends_with('s') || w.ends_with('x') || w.ends_with("ch") || w.ends_with("sh") {
            out.push(format!("{w}es"));
        } else {
            out.push(format!("{w}s"));
        }
        out
    }
    let words: Vec<&str> = noun.split(' ').collect();
    let mut out = Vec::new();
    let target = words
        .iter()
        .position(|w| lang_has("possessive_links", w))
        .map(|p| p.saturating_sub(1))
        .unwrap_or(words.len() - 1);
    for p in plural_word(words[target]) {
        let mut w: Vec<String> = words.iter().map(|s| s.to_string()).collect();
        w[target] = p;
        out.push(w.join(" "));
    }
    out
}

impl ActorLexicon {
    pub fn build(sources: &[(u16, &Source)]) -> Result<ActorLexicon, DictError> {
        let mut lex = ActorLexicon::default();
        let mut errors = Vec::new();
        for &(file, source) in sources {
            let result = match source.kind() {
                Some(SourceKind::Countries) => lex.add_countries(file, source),
                Some(SourceKind::Organizations) => lex.add_orgs(file, source),
                Some(SourceKind::Persons) => lex.add_persons(file, source),
                Some(SourceKind::Agents) => lex.add_agents(file, source),
                Some(SourceKind::Places) => lex.add_places(file, source),
                _ => Ok(()),
            };
            if let Err(e) = result {
                errors.extend(e.all());
            }
        }
        DictError::collect(errors)?;
        lex.counts.phrases = lex.index.len();
        Ok(lex)
    }

    pub fn freeze(&mut self, vocab: &mut crate::vocab::Vocab) {
        self.index.freeze(vocab);
    }

    fn push(&mut self, phrase: &str, entry: ActorEntry) {
        self.push_case(phrase, entry, CaseRule::of(phrase));
    }

    fn push_case(&mut self, phrase: &str, entry: ActorEntry, case: CaseRule) {
        let id = self.entries.len();
        let kind = entry.kind;
        self.entries.push(entry);
        let mut tokens = phrase_tokens(phrase);
        if kind == EntryKind::CountryAdj && phrase.ends_with('-') {
            // A combining form: "Sino-" is used inside hyphenated tokens.
            tokens.retain(|t| t != "-");
            if let [stem] = tokens.as_slice() {
                self.combining.insert(stem.clone(), id);
            }
            return;
        }
        self.index.insert_tokens(tokens, case, vec![id]);
    }

    fn add_countries(&mut self, file: u16, source: &Source) -> Result<(), DictError> {
        let blocks = parse_blocks(source, COUNTRY_FIELDS)?;
        let mut errors = Vec::new();
        for block in &blocks {
            if block.header.len() != 3 || !valid_actor_code(&block.header) {
                errors.push(source.error(
                    block.line,
                    format!("`{}` is not a 3-letter country code", block.header),
                ));
                continue;
            }
            self.counts.countries += 1;
            for field in &block.fields {
                let kind = match field.name.as_str() {
                    "name" => EntryKind::Country,
                    "adj" => EntryKind::CountryAdj,
                    "capital" => EntryKind::Capital,
                    _ => EntryKind::Seat,
                };
                for value in &field.values {
                    let origin = Origin {
                        file,
                        line: field.line as u32,
                    };
                    self.push(
                        value,
                        ActorEntry {
                            kind,
                            code: block.header.clone(),
                            person: None,
                            valid: None,
                            origin,
                        },
                    );
                }
            }
        }
        DictError::collect(errors)
    }

    fn add_orgs(&mut self, file: u16, source: &Source) -> Result<(), DictError> {
        let blocks = parse_blocks(source, ORG_FIELDS)?;
        let mut errors = Vec::new();
        for block in &blocks {
            if !valid_actor_code(&block.header) {
                errors.push(source.error(
                    block.line,
                    format!("`{}` is not an actor code", block.header),
                ));
                continue;
            }
            let mut valid = None;
            for (v, line) in block.values("valid") {
                match DateRange::parse(v) {
                    Some(r) => valid = Some(r),
                    None => errors
                        .push(source.error(line, format!("`{v}` is not a date range FROM..TO"))),
                }
            }
            if source.name.contains("groups") {
                self.counts.groups += 1;
            } else {
                self.counts.organizations += 1;
            }
            for field in block.fields.iter().filter(|f| f.name != "valid") {
                let kind = if field.name == "name" {
                    EntryKind::Org
                } else {
                    EntryKind::OrgAdj
                };
                for value in &field.values {
                    let origin = Origin {
                        file,
                        line: field.line as u32,
                    };
                    self.push(
                        value,
                        ActorEntry {
                            kind,
                            code: block.header.clone(),
                            person: None,
                            valid,
                            origin,
                        },
                    );
                }
            }
        }
        DictError::collect(errors)
    }

    fn add_persons(&mut self, file: u16, source: &Source) -> Result<(), DictError> {
        let blocks = parse_blocks(source, PERSON_FIELDS)?;
        let mut errors = Vec::new();
        for block in &blocks {
            let mut person = Person {
                name: block.header.clone(),
                offices: Vec::new(),
                country: None,
            };
            for (v, line) in block.values("office") {
                let mut parts = v.split_whitespace();
                let code = parts.next().unwrap_or("");
                let range = parts.next().and_then(DateRange::parse);
                match range {
                    Some(r) if valid_actor_code(code) && parts.next().is_none() => {
                        person.offices.push((code.to_string(), r))
                    }
                    _ => errors.push(
                        source.error(line, format!("office must be `CODE FROM..TO`, found `{v}`")),
                    ),
                }
            }
            for (v, line) in block.values("country") {
                if v.len() == 3 && valid_actor_code(v) {
                    person.country = Some(v.to_string());
                } else {
                    errors
                        .push(source.error(line, format!("`{v}` is not a 3-letter country code")));
                }
            }
            if person.offices.is_empty() {
                errors.push(source.error(
                    block.line,
                    format!("person `{}` has no office line", block.header),
                ));
                continue;
            }
            let id = self.persons.len();
            self.persons.push(person);
            self.counts.persons += 1;
            for (value, line) in block.values("name") {
                let origin = Origin {
                    file,
                    line: line as u32,
                };
                self.push(
                    value,
                    ActorEntry {
                        kind: EntryKind::Person,
                        code: String::new(),
                        person: Some(id),
                        valid: None,
                        origin,
                    },
                );
            }
        }
        DictError::collect(errors)
    }

    fn add_places(&mut self, file: u16, source: &Source) -> Result<(), DictError> {
        let blocks = parse_blocks(source, &["place"])?;
        let mut errors = Vec::new();
        for block in &blocks {
            let code = match block.header.as_str() {
                "NONE" => String::new(),
                h if h.len() == 3 && valid_actor_code(h) => h.to_string(),
                h => {
                    errors.push(source.error(
                        block.line,
                        format!("`{h}` is not a 3-letter country code or NONE"),
                    ));
                    continue;
                }
            };
            for (value, line) in block.values("place") {
                self.counts.places += 1;
                let origin = Origin {
                    file,
                    line: line as u32,
                };
                self.push(
                    value,
                    ActorEntry {
                        kind: EntryKind::Place,
                        code: code.clone(),
                        person: None,
                        valid: None,
                        origin,
                    },
                );
            }
        }
        DictError::collect(errors)
    }

    fn add_agents(&mut self, file: u16, source: &Source) -> Result<(), DictError> {
        let blocks = parse_blocks(source, AGENT_FIELDS)?;
        let mut errors = Vec::new();
        for block in &blocks {
            if block.header.len() != 3 || !valid_actor_code(&block.header) {
                errors.push(source.error(
                    block.line,
                    format!("`{}` is not a 3-letter role code", block.header),
                ));
                continue;
            }
            for (value, line) in block.values("noun") {
                self.counts.agent_nouns += 1;
                let origin = Origin {
                    file,
                    line: line as u32,
                };
                let entry = ActorEntry {
                    kind: EntryKind::Agent,
                    code: block.header.clone(),
                    person: None,
                    valid: None,
                    origin,
                };
                // An acronym keeps its capitals and so its case rule: "NGO"
                // matches "NGOs", not the "Ngo" of a name.
                let acronym = CaseRule::of(value) == CaseRule::NotLower;
                let value = if acronym {
                    value.to_string()
                } else {
                    value.to_lowercase()
                };
                let mut forms = vec![value.clone()];
                forms.extend(plurals(&value));
                for form in forms {
                    let case = if acronym {
                        CaseRule::NotLower
                    } else {
                        CaseRule::of(&form)
                    };
                    self.push_case(&form, entry.clone(), case);
                }
            }
        }
        DictError::collect(errors)
    }
}

/// What a definite description refers back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Description {
    Organization,
    Pair,
    Country,
}

/// What a mention refers to before context decides its final code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Referent {
    /// A fully coded actor.
    Actor(String),
    /// A capital city: country + GOV when it acts, a place or bare country
    /// otherwise, decided where the mention is used.
    Capital(String),
    /// A role noun with no country yet ("the government", "police").
    Role(String),
    /// A subject pronoun or possessive with a role ("its aircraft").
    Pronoun { word: String, role: Option<String> },
    /// "each other", "one another".
    EachOther,
    /// A definite description ("the alliance", "the two countries").
    Description(Description, Option<String>),
    /// Several actors referred to at once ("the two countries", "they").
    Group(Vec<String>),
    /// A place: its country (if any) is the target of a visit or an attack
    /// on it; otherwise it is not an actor.
    Place(Option<String>),
}

impl Referent {
    /// The code of a capital that acts ("Moscow said"): its country's
    /// government, as `dict/actors/codes.txt` names that role.
    pub fn capital_acting(country: &str) -> String {
        format!("{country}{}", role(RoleDefault::Government))
    }

    /// A one-line description for `--explain`.
    pub fn describe(&self) -> String {
        match self {
            Referent::Actor(c) => c.clone(),
            Referent::Capital(c) => {
                let acting = Referent::capital_acting(c);
                format!("{c} (capital: {acting} as an agent, a place otherwise)")
            }
            Referent::Role(r) => format!("role {r} without a country (not coded)"),
            Referent::Pronoun { word, .. } => format!("pronoun `{word}` (unresolved)"),
            Referent::EachOther => "reciprocal".into(),
            Referent::Description(kind, _) => format!("description ({kind:?}, unresolved)"),
            Referent::Group(g) => g.join(" + "),
            Referent::Place(Some(c)) => format!("place in {c}"),
            Referent::Place(None) => "place".into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub tokens: Range<usize>,
    pub referent: Referent,
    /// The entry that decided the code.
    pub origin: Option<Origin>,
    /// Preceded by a locative preposition ("in Moscow"): a place, not an agent.
    pub locative: bool,
    /// The head of the mention is a role noun (troops, minister, ...).
    pub has_role: bool,
    /// The mention names a person.
    pub is_person: bool,
    /// Only an adjective ("Russian", "Hezbollah" before a noun): the word
    /// after it is a noun, not a verb.
    pub adjectival: bool,
    /// The code was inferred from context (a bare role noun given the
    /// document's country), not read from the text.
    pub inferred: bool,
    /// A bare role given its country by a place in its own phrase
    /// ("police in Tripoli"): the place's tokens and the role, so that a
    /// place name shared by several countries can be resolved by the
    /// document (stage `mentions`).
    pub placed_by: Option<(Range<usize>, String)>,
}

impl Mention {
    /// A mention made by a rule rather than a dictionary entry (pronouns,
    /// "each other", descriptions): no entry, no flags.
    pub fn new(tokens: Range<usize>, referent: Referent) -> Mention {
        Mention {
            tokens,
            referent,
            origin: None,
            locative: false,
            has_role: false,
            is_person: false,
            adjectival: false,
            inferred: false,
            placed_by: None,
        }
    }

    pub fn code(&self) -> Option<&str> {
        match &self.referent {
            Referent::Actor(c) => Some(c),
            _ => None,
        }
    }

    /// The country (or organisation) part of the code.
    pub fn country(&self) -> Option<&str> {
        match &self.referent {
            Referent::Actor(c) | Referent::Capital(c) => Some(crate::codes::ActorCode(c).owner()),
            _ => None,
        }
    }
}

/// Raw matches by their first token, for one sentence.
struct RawAt<'a> {
    base: usize,
    slots: Vec<Option<&'a Raw>>,
}

impl<'a> RawAt<'a> {
    fn new(range: Range<usize>) -> RawAt<'a> {
        RawAt {
            base: range.start,
            slots: vec![None; range.len() + 1],
        }
    }

    fn set_if_empty(&mut self, raw: &'a Raw) {
        let slot = &mut self.slots[raw.start - self.base];
        if slot.is_none() {
            *slot = Some(raw);
        }
    }

    fn get(&self, t: usize) -> Option<&'a Raw> {
        t.checked_sub(self.base)
            .and_then(|k| self.slots.get(k))
            .copied()
            .flatten()
    }

    fn at(&self, t: usize) -> &'a Raw {
        self.get(t).expect("a raw match starts here")
    }
}

/// What a region adjective heads: see [`ActorLexicon::region_head`].
enum RegionHead {
    /// a role noun: composed as a country's role
    Role,
    /// the states of the region, up to this token
    States(usize),
    /// nothing that is an actor
    None,
}

#[derive(Debug, Clone)]
struct Raw {
    start: usize,
    end: usize,
    entry: usize,
}

impl ActorLexicon {
    fn entry_ok(&self, id: usize, date: Option<Date>) -> bool {
        match (&self.entries[id].valid, date) {
            (Some(r), Some(d)) => r.contains(d),
            (Some(r), None) => r.until.is_none(),
            (None, _) => true,
        }
    }

    fn raw_matches(&self, layer: &TextLayer, range: Range<usize>, date: Option<Date>) -> Vec<Raw> {
        let mut out = Vec::new();
        let mut i = range.start;
        while i < range.end {
            let found = self.index.longest_at(layer, i, range.end, |ids| {
                ids.iter().any(|&id| self.entry_ok(id, date))
            });
            if let Some(m) = found.filter(|m| !self.inside_a_name(layer, &range, m, &out)) {
                // Among the entries of one phrase the last valid one wins, so
                // user files loaded later override the built-in ones.
                let entry = *m
                    .value
                    .iter()
                    .rev()
                    .find(|&&id| self.entry_ok(id, date))
                    .unwrap_or(&m.value[0]);
                out.push(Raw {
                    start: m.start,
                    end: m.end,
                    entry,
                });
                i = m.end;
                continue;
            }
            i += 1;
        }
        self.elided_country_names(layer, &range, date, &mut out);
        out
    }

    /// Two country names that share their last words, with the first one's
    /// shared words left out: "North and South Korea", "East and West
    /// Germany", "North and South Korean troops". The word before "and" (or
    /// "or") is a mention of its own when it and the later name's remaining
    /// words form a country name or adjective.
    fn elided_country_names(
        &self,
        layer: &TextLayer,
        range: &Range<usize>,
        date: Option<Date>,
        out: &mut Vec<Raw>,
    ) {
        let mut found = Vec::new();
        for (k, r) in out.iter().enumerate() {
            let country = |id: usize| {
                matches!(
                    self.entries[id].kind,
                    EntryKind::Country | EntryKind::CountryAdj
                )
            };
            if r.end < r.start + 2 || r.start < range.start + 2 || !country(r.entry) {
                continue;
            }
            let (w, conj) = (r.start - 2, r.start - 1);
            if !matches!(layer.norm(conj), "and" | "or")
                || layer.tokens[w].shape != Shape::Capitalized
                || (k > 0 && out[k - 1].end > w)
            {
                continue;
            }
            let rest: Vec<String> = (r.start + 1..r.end).map(|t| layer_text(layer, t)).collect();
            let phrase = format!("{} {}", layer_text(layer, w), rest.join(" "));
            let sub = TextLayer::tokens_only(&phrase);
            let n = sub.tokens.len();
            let id = self
                .index
                .matches_at(&sub, 0, n)
                .filter(|m| m.end == n)
                .flat_map(|m| m.value.iter().copied())
                .find(|&id| {
                    country(id)
                        && self.entry_ok(id, date)
                        && self.entries[id].code != self.entries[r.entry].code
                });
            if let Some(entry) = id {
                found.push(Raw {
                    start: w,
                    end: w + 1,
                    entry,
                });
            }
        }
        for raw in found {
            let at = out.partition_point(|r| r.start < raw.start);
            out.insert(at, raw);
        }
    }

    /// A short organisation name written as a word right after two unknown
    /// capitalised words is the end of a longer name, not the organisation:
    /// "Minister Tran Xuan Gia" is no GIA ("the European Nato allies" keep
    /// NATO).
    fn inside_a_name(
        &self,
        layer: &TextLayer,
        range: &Range<usize>,
        m: &crate::lexicon::PhraseMatch<'_, Vec<usize>>,
        before: &[Raw],
    ) -> bool {
        let t = m.start;
        m.end == t + 1
            && t > range.start + 1
            && layer.tokens[t].shape == Shape::Capitalized
            && layer.tokens[t - 1].shape == Shape::Capitalized
            && layer.tokens[t - 2].shape == Shape::Capitalized
            && layer.norm(t).chars().count() <= 4
            && before.last().is_none_or(|r| r.end <= t - 2)
            && m.value
                .iter()
                .all(|&id| matches!(self.entries[id].kind, EntryKind::Org | EntryKind::OrgAdj))
    }

    /// Hyphenated tokens: "Sino-U.S." names two countries, "British-flagged"
    /// one, "Russian-backed" none (a modifier, not an actor). A leading
    /// participle ("Saudi-led") names the leader of the force or body after
    /// it when one follows (`leads`): "the Saudi-led coalition" is Saudi
    /// Arabia's, "NATO-led troops" NATO's; before anything else ("a US-led
    /// raid") it stays a modifier.
    fn hyphenated(&self, layer: &TextLayer, token: usize, leads: bool) -> Vec<usize> {
        let norm = layer.norm(token);
        if !norm.contains('-') || layer.tokens[token].shape == Shape::Lower {
            return Vec::new();
        }
        let parts: Vec<&str> = norm.split('-').collect();
        let original = &layer_text(layer, token);
        let original_parts: Vec<&str> = original
            .split(['-', '\u{2010}', '\u{2011}', '\u{2013}', '\u{2014}'])
            .collect();
        if original_parts.len() != parts.len() {
            return Vec::new();
        }
        let lookup = |p: &str| -> Option<usize> {
            if let Some(&id) = self.combining.get(&p.to_lowercase()) {
                return Some(id);
            }
            let sub = TextLayer::tokens_only(p);
            if sub.tokens.is_empty() {
                return None;
            }
            let m = self
                .index
                .matches_at(&sub, 0, sub.tokens.len())
                .find(|m| m.end == sub.tokens.len())?;
            m.value.iter().copied().find(|&id| {
                matches!(
                    self.entries[id].kind,
                    EntryKind::Country | EntryKind::CountryAdj | EntryKind::Org | EntryKind::OrgAdj
                )
            })
        };
        let ids: Vec<Option<usize>> = original_parts.iter().map(|p| lookup(p)).collect();
        if ids.iter().all(Option::is_some) {
            return ids.into_iter().flatten().collect();
        }
        match (ids.first().copied().flatten(), parts.get(1)) {
            (Some(id), Some(p)) if parts.len() == 2 && lang_has("leading_participles", p) => {
                if leads {
                    vec![id]
                } else {
                    Vec::new()
                }
            }
            (Some(_), Some(p)) if lang_has("modifier_participles", p) => Vec::new(),
            (Some(id), Some(_)) if parts.len() == 2 => vec![id],
            _ => Vec::new(),
        }
    }

    /// The country entry of a word that is a one-word country name with an
    /// "s" added ("Nepals"), if any; "ss" endings are left alone.
    fn possessive_without_apostrophe(&self, layer: &TextLayer, token: usize) -> Option<usize> {
        let original = layer_text(layer, token);
        let stem = original.strip_suffix('s')?;
        if stem.len() < 3 || stem.ends_with(['s', '\'', '\u{2019}']) {
            return None;
        }
        let sub = TextLayer::tokens_only(stem);
        if sub.tokens.len() != 1 {
            return None;
        }
        let m = self.index.matches_at(&sub, 0, 1).find(|m| m.end == 1)?;
        m.value
            .iter()
            .copied()
            .find(|&id| self.entries[id].kind == EntryKind::Country)
    }

    /// Finds the actor mentions of one sentence.
    pub fn mentions(
        &self,
        layer: &TextLayer,
        range: Range<usize>,
        date: Option<Date>,
    ) -> Vec<Mention> {
        let mut raws = self.raw_matches(layer, range.clone(), date);
        // "People" capitalised inside a sentence is part of a name ("the
        // Patriotic People's Front", "People Power"), not people as a role
        raws.retain(|r| {
            !(r.start > range.start
                && r.end == r.start + 1
                && layer.tokens[r.start].shape == Shape::Capitalized
                && self.entries[r.entry].kind == EntryKind::Agent
                && lang_has("roleless_people_nouns", layer.norm(r.start)))
        });
        let mut by_start = RawAt::new(range.clone());
        for r in &raws {
            by_start.set_if_empty(r);
        }
        let mut out: Vec<Mention> = Vec::new();
        let mut hyphen_raws = Vec::new();
        let mut covered = vec![false; range.len()];
        for r in &raws {
            for t in r.start..r.end {
                covered[t - range.start] = true;
            }
        }
        // whether a role noun starts at a token of the sentence
        let role_at = |t: usize| {
            t < range.end
                && by_start
                    .get(t)
                    .is_some_and(|r| self.entries[r.entry].kind == EntryKind::Agent)
        };
        for t in range.clone() {
            // `hyphenated` finds nothing in a lower-case token: the shape
            // test spares most tokens the search for a hyphen
            if covered[t - range.start]
                || layer.tokens[t].shape == Shape::Lower
                || !layer.norm(t).contains('-')
            {
                continue;
            }
            // what follows a leading participle: a role noun ("Saudi-led
            // forces"), or a body that is no role ("the US-led coalition"),
            // which the mention takes in
            let next = t + 1;
            let role_follows = role_at(next);
            let body_follows = next < range.end
                && !covered[next - range.start]
                && lang_has("led_bodies", layer.norm(next));
            let ids = self.hyphenated(layer, t, role_follows || body_follows);
            let end = if body_follows && ids.len() == 1 {
                next + 1
            } else {
                next
            };
            for id in ids {
                hyphen_raws.push(Raw {
                    start: t,
                    end,
                    entry: id,
                });
            }
        }
        // A possessive written without its apostrophe ("Nepals government",
        // "Kenyas police"): an unknown capitalised word that is a one-word
        // country name and an "s", right before a role noun, is that
        // country's possessive. Only country names (no adjectives, groups
        // or persons), and only before a role, so that plurals and other
        // names ending in "s" stay what they were.
        for t in range.clone() {
            if covered[t - range.start] || layer.tokens[t].shape != Shape::Capitalized {
                continue;
            }
            if !role_at(t + 1) || hyphen_raws.iter().any(|r| r.start == t) {
                continue;
            }
            if let Some(id) = self.possessive_without_apostrophe(layer, t) {
                hyphen_raws.push(Raw {
                    start: t,
                    end: t + 1,
                    entry: id,
                });
            }
        }
        for r in &hyphen_raws {
            by_start.set_if_empty(r);
        }
        let norm = |i: usize| layer.norm(i);
        let mut i = range.start;
        while i < range.end {
            // Compound tokens such as "Sino-U.S." give one mention per part.
            let parts: Vec<&Raw> = hyphen_raws.iter().filter(|r| r.start == i).collect();
            if parts.len() > 1 {
                for r in parts {
                    out.push(self.simple_mention(r, date));
                }
                i += 1;
                continue;
            }
            // an annotated token says by its class bits whether it can be
            // a pronoun or start "each other"; a bare layer asks the lists
            let may_be = |bit: u32| !layer.annotated || layer.is(i, bit);
            if let Some(pron) = may_be(class::PRONOUN).then(|| pronoun(norm(i))).flatten() {
                // "its aircraft", "their troops": a possessive with a role noun.
                // ("his family", "their relatives" are people, not a side)
                let role = by_start
                    .get(i + 1)
                    .filter(|r| {
                        self.entries[r.entry].kind == EntryKind::Agent
                            && !lang_has("local_people_nouns", layer.norm(r.end - 1))
                    })
                    .map(|r| (r.end, self.entries[r.entry].code.clone()));
                let subject_form = crate::builtin::lang_set!("subject_pronouns").contains(pron);
                if role.is_some() || subject_form {
                    let end = role.as_ref().map(|(e, _)| *e).unwrap_or(i + 1);
                    out.push(Mention::new(
                        i..end,
                        Referent::Pronoun {
                            word: pron.to_string(),
                            role: role.map(|(_, c)| c),
                        },
                    ));
                    i = end;
                    continue;
                }
            }
            if let Some(n) = may_be(class::RECIPROCAL_START)
                .then(|| reciprocal_at(i, range.end, &norm))
                .flatten()
            {
                out.push(Mention::new(i..i + n, Referent::EachOther));
                i += n;
                continue;
            }
            let Some(raw) = by_start.get(i) else {
                i += 1;
                continue;
            };
            if let Some(head) = self.region_head(layer, raw, &by_start, range.end) {
                match head {
                    RegionHead::Role => {}
                    RegionHead::None => {
                        // a place of no country, as the region's name is
                        // ("the Caribbean nation of Grenada")
                        let mut mention = self.simple_mention(raw, date);
                        mention.referent = Referent::Place(None);
                        mention.adjectival = false;
                        out.push(mention);
                        i = raw.end;
                        continue;
                    }
                    RegionHead::States(end) => {
                        let mut mention = self.simple_mention(raw, date);
                        mention.tokens = raw.start..end;
                        mention.adjectival = false;
                        out.push(mention);
                        i = end;
                        continue;
                    }
                }
            }
            let mut mention = self.compose(layer, raw, &by_start, range.end, date);
            // "the Saudi-led coalition": the body a leading participle
            // names was taken in, so the mention is a noun phrase, not an
            // adjective before one (the verb after it is a verb)
            if mention.adjectival
                && hyphen_raws.iter().any(|r| {
                    r.start == raw.start && r.end > r.start + 1 && r.end == mention.tokens.end
                })
            {
                mention.adjectival = false;
            }
            let first = mention.tokens.start;
            let before = first.checked_sub(1).filter(|&b| b >= range.start);
            let before = match before {
                Some(b) if crate::builtin::lang_set!("definite_articles").contains(norm(b)) => {
                    b.checked_sub(1).filter(|&b| b >= range.start)
                }
                other => other,
            };
            mention.locative = before.is_some_and(|b| lang_has("mention_locatives", norm(b)));
            i = mention.tokens.end.max(i + 1);
            out.push(mention);
        }
        distribute_roles(layer, &mut out, self);
        distribute_of_roles(layer, &mut out);
        out
    }

    /// What follows the adjective of a world region (`raw`), if it is one.
    /// A region is an actor only through the noun after it: a role ("European
    /// ministers", "Western senior diplomats") or the states of the region
    /// ("African countries", "Gulf states"); elsewhere it names no one ("the
    /// European market", "a Balkan republic").
    fn region_head(
        &self,
        layer: &TextLayer,
        raw: &Raw,
        by_start: &RawAt<'_>,
        end: usize,
    ) -> Option<RegionHead> {
        let e = &self.entries[raw.entry];
        if e.kind != EntryKind::CountryAdj || !crate::codes::ActorCode(&e.code).is_region() {
            return None;
        }
        // up to two modifiers, as before a country's role ("Western senior
        // diplomats")
        for j in raw.end..end.min(raw.end + 3) {
            if by_start
                .get(j)
                .is_some_and(|r| self.entries[r.entry].kind == EntryKind::Agent)
            {
                return Some(RegionHead::Role);
            }
            if lang_has("region_member_nouns", layer.norm(j)) {
                return Some(RegionHead::States(j + 1));
            }
            if by_start.get(j).is_some() || !lang_has("role_modifiers", layer.norm(j)) {
                break;
            }
        }
        Some(RegionHead::None)
    }

    /// A country adjective that names a place by the noun after it: "the
    /// Kenyan capital", "the Congolese province of Ituri" (the place after
    /// "of" is part of the phrase). Returns the country and where the
    /// phrase ends.
    fn adjective_place(
        &self,
        layer: &TextLayer,
        by_start: &RawAt<'_>,
        j: usize,
        end: usize,
    ) -> Option<(String, usize)> {
        let c = by_start.get(j)?;
        let ce = &self.entries[c.entry];
        if ce.kind != EntryKind::CountryAdj
            || ce.code.len() != 3
            || crate::codes::ActorCode(&ce.code).is_region()
        {
            return None;
        }
        let mut k = c.end;
        if k >= end || !crate::builtin::lang_set!("place_nouns").contains(layer.norm(k)) {
            return None;
        }
        k += 1;
        if k + 1 < end && possessive(layer.norm(k)) {
            if let Some(p) = by_start
                .get(k + 1)
                .filter(|p| self.entries[p.entry].kind == EntryKind::Place)
            {
                k = p.end;
            }
        }
        Some((ce.code.clone(), k))
    }

    /// The last of consecutive role nouns from `j`: the head of "Syrian
    /// government warplanes" is the warplanes (MIL), not the government.
    fn last_role_noun<'r>(&self, by_start: &RawAt<'r>, j: usize) -> &'r Raw {
        let mut agent = by_start.at(j);
        while let Some(next) = by_start
            .get(agent.end)
            .filter(|r| self.entries[r.entry].kind == EntryKind::Agent)
        {
            agent = next;
        }
        agent
    }

    /// A person named right after a title ("Russian President Vladimir
    /// Putin"): the mention is the person, with the person's own code when
    /// the dictionary has one for the date (a role placed by a place gives
    /// way to it). Returns where the name ends.
    fn titled_person(
        &self,
        by_start: &RawAt<'_>,
        pos: usize,
        date: Option<Date>,
        m: &mut Mention,
    ) -> Option<usize> {
        let p = by_start
            .get(pos)
            .filter(|r| self.entries[r.entry].kind == EntryKind::Person)?;
        let pm = self.simple_mention(p, date);
        // Without a document date the person's latest office is a guess;
        // a title that names one of their offices says which one the text
        // means ("European Council President Donald Tusk").
        let title_is_office = date.is_none()
            && m.code().is_some_and(|title| {
                self.entries[p.entry].person.is_some_and(|k| {
                    self.persons[k]
                        .offices
                        .iter()
                        .any(|(office, _)| office == title)
                })
            });
        if former_person(date, &pm, m) {
            m.origin = pm.origin;
            m.placed_by = None;
        } else if pm.code().is_some() && !title_is_office {
            m.referent = pm.referent;
            m.origin = pm.origin;
            m.placed_by = None;
        }
        m.is_person = true;
        Some(p.end)
    }

    fn simple_mention(&self, raw: &Raw, date: Option<Date>) -> Mention {
        let e = &self.entries[raw.entry];
        let referent = match e.kind {
            EntryKind::Capital => Referent::Capital(e.code.clone()),
            EntryKind::Seat => Referent::Actor(Referent::capital_acting(&e.code)),
            EntryKind::Agent => Referent::Role(e.code.clone()),
            EntryKind::Place => Referent::Place((!e.code.is_empty()).then(|| e.code.clone())),
            EntryKind::Person => {
                let code = self.persons[e.person.unwrap_or(0)].code_on(date);
                if code.is_empty() {
                    Referent::Role(role(RoleDefault::Government).into())
                } else {
                    Referent::Actor(code)
                }
            }
            _ => Referent::Actor(e.code.clone()),
        };
        Mention {
            tokens: raw.start..raw.end,
            referent,
            origin: Some(e.origin),
            locative: false,
            has_role: e.kind == EntryKind::Agent || e.kind == EntryKind::Seat,
            is_person: e.kind == EntryKind::Person,
            adjectival: matches!(e.kind, EntryKind::CountryAdj | EntryKind::OrgAdj),
            inferred: false,
            placed_by: None,
        }
    }

    /// Grows a raw match into a full mention by the composition rules.
    fn compose(
        &self,
        layer: &TextLayer,
        raw: &Raw,
        by_start: &RawAt,
        end: usize,
        date: Option<Date>,
    ) -> Mention {
        let norm = |i: usize| layer.norm(i);
        let kind_at = |i: usize| by_start.get(i).map(|r| self.entries[r.entry].kind);
        let mut m = self.simple_mention(raw, date);
        let e = &self.entries[raw.entry];
        let mut pos = raw.end;
        match e.kind {
            EntryKind::Country
            | EntryKind::CountryAdj
            | EntryKind::Capital
            | EntryKind::Seat
            | EntryKind::Org
            | EntryKind::OrgAdj => {
                let base = e.code.clone();
                // a group's code carries its role ("Houthi fighters" stay
                // YEMREB), unless it is a bare country ("GOP lawmakers" USALEG)
                let is_org = base.len() > 3;
                // optional possessive, then up to two modifiers, then a role noun
                let mut j = pos;
                // "Russia's", and the bare apostrophe of a plural name: "the
                // United Nations' envoy"
                if j < end && (norm(j) == "'s" || norm(j) == "'") {
                    j += 1;
                }
                // After a possessive, a capitalised word no dictionary knows
                // names the faction or party the role belongs to, not
                // another owner: "Nicaragua's Sandinista government",
                // "Britain's Labour government".
                let possessed = j > pos;
                let unknown_name = |j: usize| {
                    possessed
                        && matches!(layer.tokens[j].shape, Shape::Capitalized | Shape::Upper)
                        && by_start.get(j).is_none()
                };
                let mut skipped = 0;
                // modifiers and model names: "Turkish F-16 fighter jets"
                let model_name = |j: usize| {
                    let w = norm(j);
                    w.chars().any(|c| c.is_ascii_digit()) && w.chars().any(|c| c.is_alphabetic())
                };
                // A region of no country, or a place of the owner's own
                // country, narrows the role without changing its owner: "the
                // UN's Mideast envoy", "Russia's Black Sea fleet".
                let own_place = |j: usize| {
                    by_start.get(j).filter(|r| {
                        let pe = &self.entries[r.entry];
                        pe.kind == EntryKind::Place
                            && (pe.code.is_empty() || pe.code == "NONE" || pe.code == base)
                    })
                };
                while j < end && skipped < 2 && kind_at(j) != Some(EntryKind::Agent) {
                    if lang_has("role_modifiers", norm(j)) || model_name(j) || unknown_name(j) {
                        j += 1;
                    } else if let Some(place) = own_place(j) {
                        j = place.end;
                    } else {
                        break;
                    }
                    skipped += 1;
                }
                let owned_group = j > pos && matches!(kind_at(j), Some(EntryKind::Org));
                if owned_group {
                    // "Yemen's Houthis", "Lebanon's Hezbollah": the group's own code
                    let g = by_start.at(j);
                    let gm = self.simple_mention(g, date);
                    m.referent = gm.referent;
                    m.origin = gm.origin;
                    pos = g.end;
                } else if kind_at(j) == Some(EntryKind::Agent) {
                    // the last of several role nouns is the head: "Syrian
                    // government warplanes" are MIL, not GOV
                    let agent = self.last_role_noun(by_start, j);
                    let role = &self.entries[agent.entry].code;
                    m.referent = Referent::Actor(if is_org {
                        base.clone()
                    } else {
                        format!("{base}{role}")
                    });
                    m.has_role = true;
                    m.origin = Some(self.entries[agent.entry].origin);
                    pos = agent.end;
                    // an agent title followed by a name: "Russian President Vladimir Putin"
                    if let Some(end) = self.titled_person(
                        by_start,
                        past_honorific(layer, by_start, pos, end),
                        date,
                        &mut m,
                    ) {
                        pos = end;
                    }
                } else if e.kind == EntryKind::CountryAdj || e.kind == EntryKind::OrgAdj {
                    // "Russian President Putin" where the title is missing from
                    // the dictionary: adjective + person.
                    if let Some(p) = by_start
                        .get(pos)
                        .filter(|r| self.entries[r.entry].kind == EntryKind::Person)
                    {
                        let pm = self.simple_mention(p, date);
                        m.referent = pm.referent;
                        m.origin = pm.origin;
                        m.is_person = true;
                        pos = p.end;
                    }
                }
            }
            EntryKind::Agent => {
                // Role nouns in a row whose last one is placed by its own
                // phrase: the last is the head, as after a country adjective
                // ("Syrian Kurdish fighters" are SYRREB), so "Kurdish
                // militants in northern Iraq" are IRQREB and "a Christian
                // pastor from Ohio" USAREL; the first noun alone would stand
                // for the phrase with the wrong role, or with none ("Kurdish"
                // names no actor). Unplaced ("government troops", "Kurdish
                // forces"), each noun stays a mention of its own.
                if by_start
                    .get(pos)
                    .is_some_and(|r| self.entries[r.entry].kind == EntryKind::Agent)
                {
                    let head = self.last_role_noun(by_start, pos);
                    let mut hm = self.compose(layer, head, by_start, end, date);
                    if matches!(hm.referent, Referent::Actor(_)) && hm.tokens.end > head.end {
                        hm.tokens = raw.start..hm.tokens.end;
                        return hm;
                    }
                }
                let role = e.code.clone();
                if let Some(p) = by_start
                    .get(past_honorific(layer, by_start, pos, end))
                    .filter(|r| self.entries[r.entry].kind == EntryKind::Person)
                {
                    // "President Vladimir Putin"
                    let pm = self.simple_mention(p, date);
                    if !former_person(date, &pm, &mut m) {
                        m.referent = pm.referent;
                    }
                    m.origin = pm.origin;
                    m.is_person = true;
                    pos = p.end;
                } else if pos + 1 < end
                    && (possessive(norm(pos))
                        || (crate::builtin::lang_set!("origin_prepositions").contains(norm(pos))
                            && role != crate::codes::role(RoleDefault::Equipment)))
                {
                    // Weapons "from Denmark" are Denmark's deliveries, not its
                    // military; people "from China" are China's.
                    // "the army of Mali", "officials from China"
                    let role_of_office = crate::codes::role(RoleDefault::Government);
                    let mut j = pos + 1;
                    if layer.is(j, crate::vocab::class::DEFINITE_ARTICLE) {
                        j += 1;
                    }
                    if let Some(c) = by_start.get(j) {
                        let ce = &self.entries[c.entry];
                        if matches!(
                            ce.kind,
                            EntryKind::Country | EntryKind::Org | EntryKind::Capital
                        ) {
                            let is_org = ce.code.len() > 3;
                            m.referent = Referent::Actor(if is_org {
                                ce.code.clone()
                            } else {
                                format!("{}{}", ce.code, role)
                            });
                            pos = c.end;
                        } else if ce.kind == EntryKind::Place
                            && ce.code.len() == 3
                            && (possessive(norm(pos)) || role != role_of_office)
                            && !layer.is(raw.end - 1, crate::vocab::class::POSTED_ABROAD)
                        {
                            // "the government of Sindh province", "the mayor
                            // of Kharkiv": a role of a place is its country's,
                            // as "police in Kharkiv" is. "From" a place gives
                            // people their country ("a pastor from Ohio"),
                            // as "from" a country does, but not an office:
                            // officials "from" a city may be posted there.
                            m.referent = Referent::Actor(format!("{}{role}", ce.code));
                            m.placed_by = Some((c.start..c.end, role.clone()));
                            pos = c.end;
                        } else if ce.kind == EntryKind::Person && possessive(norm(pos)) {
                            // "supporters of Imran Khan", "the government of
                            // Viktor Orban": the role is the person's side,
                            // in the person's country (or organisation)
                            if let Some(code) = self.simple_mention(c, date).code() {
                                let code = crate::codes::ActorCode(code);
                                m.referent = Referent::Actor(match code.country() {
                                    Some(country) => format!("{country}{role}"),
                                    None => code.0.to_string(),
                                });
                                pos = c.end;
                            }
                        } else if let Some((country, place_end)) = self
                            .adjective_place(layer, by_start, j, end)
                            .filter(|_| possessive(norm(pos)))
                            .filter(|_| !layer.is(raw.end - 1, crate::vocab::class::POSTED_ABROAD))
                        {
                            // "the mayor of the Chilean city of Temuco"
                            m.referent = Referent::Actor(format!("{country}{role}"));
                            pos = place_end;
                        }
                    }
                } else if pos + 1 < end
                    && layer.is(pos, crate::vocab::class::PLACING_PREPOSITION)
                    && !layer.is(raw.end - 1, crate::vocab::class::POSTED_ABROAD)
                {
                    // A bare role placed by a place in its own phrase takes the
                    // place's country before any document-level guess:
                    // "protesters in Tbilisi", "security forces in Guinea",
                    // "civilians near Kharkiv". Roles that serve abroad are
                    // their sender's: "the embassy in Tehran".
                    let mut j = pos + 1;
                    if layer.is(j, crate::vocab::class::DEFINITE_ARTICLE) {
                        j += 1;
                    }
                    // "across the border in Syria": the line is passed, the
                    // place after the second preposition places the role
                    if j + 2 < end
                        && lang_has("border_nouns", norm(j))
                        && layer.is(j + 1, crate::vocab::class::PLACING_PREPOSITION)
                    {
                        j += 2;
                        if layer.is(j, crate::vocab::class::DEFINITE_ARTICLE) {
                            j += 1;
                        }
                    }
                    // "in northern Ghana": a compass word narrows the place
                    // (unless it begins a name: "in Northern Ireland")
                    let mut compass = 0;
                    while compass < 2
                        && j < end
                        && by_start.get(j).is_none()
                        && lang_has("compass_adjectives", norm(j))
                    {
                        j += 1;
                        compass += 1;
                    }
                    if let Some(c) = by_start.get(j) {
                        let ce = &self.entries[c.entry];
                        let country = match ce.kind {
                            EntryKind::Country | EntryKind::Capital if ce.code.len() == 3 => {
                                Some(ce.code.as_str())
                            }
                            EntryKind::Place if ce.code.len() == 3 => Some(ce.code.as_str()),
                            _ => None,
                        };
                        if let Some(country) = country {
                            m.referent = Referent::Actor(format!("{country}{role}"));
                            m.placed_by = Some((c.start..c.end, role.clone()));
                            pos = c.end;
                        } else if let Some((country, place_end)) =
                            self.adjective_place(layer, by_start, j, end)
                        {
                            // "rebels in the eastern Congolese province of
                            // Ituri", "protesters in the Kenyan capital"
                            m.referent = Referent::Actor(format!("{country}{role}"));
                            pos = place_end;
                        }
                    }
                } else if let Some(n) = allegiance_at(layer, pos, end) {
                    // "fighters loyal to General X", "militias allied with
                    // the Syrian government": the role is on the side named
                    // after the link, in its country; an organisation or
                    // armed group keeps its own code ("gunmen linked to
                    // Hamas"). A side that is itself a bare role ("loyal to
                    // the government") stays a role for coreference.
                    let mut j = pos + n;
                    if j < end && layer.is(j, crate::vocab::class::DEFINITE_ARTICLE) {
                        j += 1;
                    }
                    // A side that is itself a role with its own allegiance
                    // ("troops loyal to militias loyal to X") is left to
                    // the next mention: composing it here would nest one
                    // call per link, without bound on a long chain.
                    let chained = |c: &Raw| {
                        self.entries[c.entry].kind == EntryKind::Agent
                            && allegiance_at(layer, c.end, end).is_some()
                    };
                    if let Some(c) = by_start.get(j).filter(|c| !chained(c)) {
                        let side = self.compose(layer, c, by_start, end, date);
                        let ce = &self.entries[c.entry];
                        let own_code = matches!(ce.kind, EntryKind::Org | EntryKind::OrgAdj)
                            && side.tokens.end == c.end;
                        let referent = match &side.referent {
                            Referent::Actor(code) if own_code => {
                                Some(Referent::Actor(code.clone()))
                            }
                            Referent::Actor(code) | Referent::Capital(code) => {
                                let code = crate::codes::ActorCode(code);
                                Some(Referent::Actor(match code.country() {
                                    Some(country) => format!("{country}{role}"),
                                    None => code.0.to_string(),
                                }))
                            }
                            Referent::Role(_) => Some(Referent::Role(role.clone())),
                            _ => None,
                        };
                        if let Some(referent) = referent {
                            m.referent = referent;
                            pos = side.tokens.end;
                        }
                    }
                }
            }
            EntryKind::Place if e.code.len() == 3 => {
                // A place before a role noun names the role's country, as a
                // country adjective does: "Florida lawmakers", "Darfur
                // rebels", "the Sindh provincial government". Roles that
                // serve abroad keep their sender ("the Kabul embassy").
                let mut j = pos;
                let mut skipped = 0;
                while j < end
                    && skipped < 2
                    && lang_has("role_modifiers", norm(j))
                    && kind_at(j) != Some(EntryKind::Agent)
                {
                    j += 1;
                    skipped += 1;
                }
                if kind_at(j) == Some(EntryKind::Agent) {
                    let agent = self.last_role_noun(by_start, j);
                    if !layer.is(agent.end - 1, crate::vocab::class::POSTED_ABROAD) {
                        let role = self.entries[agent.entry].code.clone();
                        m.referent = Referent::Actor(format!("{}{role}", e.code));
                        m.has_role = true;
                        m.origin = Some(self.entries[agent.entry].origin);
                        m.placed_by = Some((raw.start..raw.end, role));
                        pos = agent.end;
                        if let Some(end) = self.titled_person(
                            by_start,
                            past_honorific(layer, by_start, pos, end),
                            date,
                            &mut m,
                        ) {
                            pos = end;
                        }
                    }
                }
            }
            EntryKind::Person => {
                // A role named after a person is that person's side: "the
                // Bush administration" (USAGOV), "Assad's forces" (SYRMIL),
                // "a Guterres spokesman" (IGOUNO).
                let mut j = pos;
                if j < end && norm(j) == "'s" {
                    j += 1;
                }
                if let (Some(code), Some(EntryKind::Agent)) = (m.code(), kind_at(j)) {
                    let agent = self.last_role_noun(by_start, j);
                    let role = &self.entries[agent.entry].code;
                    let code = crate::codes::ActorCode(code);
                    m.referent = Referent::Actor(match code.country() {
                        Some(country) => format!("{country}{role}"),
                        None => code.0.to_string(),
                    });
                    m.has_role = true;
                    m.is_person = false;
                    m.origin = Some(self.entries[agent.entry].origin);
                    pos = agent.end;
                    if let Some(end) = self.titled_person(
                        by_start,
                        past_honorific(layer, by_start, pos, end),
                        date,
                        &mut m,
                    ) {
                        pos = end;
                    }
                }
            }
            EntryKind::Place => {}
        }
        m.tokens = raw.start..pos;
        m.adjectival &= pos == raw.end;
        m
    }
}

/// The original spelling of a token, needed where case decides a match.
fn layer_text(layer: &TextLayer, token: usize) -> String {
    layer.original(token).to_string()
}

/// Whether a word links a noun to its owner or whole ("the army *of* Mali").
fn possessive(word: &str) -> bool {
    crate::builtin::lang_set!("possessive_links").contains(word)
}

/// The length of the allegiance link ("loyal to", "allied with") at token
/// `i`, if one starts there and leaves room for the side it names.
fn allegiance_at(layer: &TextLayer, i: usize, end: usize) -> Option<usize> {
    crate::builtin::lang_phrases!("allegiance_links")
        .iter()
        .find(|p| i + p.len() < end && p.iter().enumerate().all(|(k, w)| layer.norm(i + k) == *w))
        .map(Vec::len)
}

/// The length of the reciprocal pronoun ("each other") at token `i`, if
/// one starts there and ends before `end`.
fn reciprocal_at<'a>(i: usize, end: usize, norm: &impl Fn(usize) -> &'a str) -> Option<usize> {
    crate::builtin::lang_phrases!("reciprocal_pronouns")
        .iter()
        .find(|p| i + p.len() <= end && p.iter().enumerate().all(|(k, w)| norm(i + k) == *w))
        .map(Vec::len)
}

/// The word as the `pronouns` list spells it, if it is one. Tested on
/// every token: the set test is the fast way out.
fn pronoun(word: &str) -> Option<&'static str> {
    if !crate::builtin::lang_set!("pronouns").contains(word) {
        return None;
    }
    crate::builtin::lang_list("pronouns")
        .iter()
        .find(|p| **p == word)
        .copied()
}

/// "The leaders of France, Germany and Italy": a role noun with "of" applies
/// to every country of the list that follows it.
fn distribute_of_roles(layer: &TextLayer, mentions: &mut [Mention]) {
    for k in 0..mentions.len() {
        let m = &mentions[k];
        let has_of = m.tokens.clone().any(|i| possessive(layer.norm(i)));
        let role = match (&m.referent, has_of && m.has_role) {
            (Referent::Actor(c), true)
                if c.len() == 6 && crate::codes::ActorCode(c).country().is_some() =>
            {
                crate::codes::ActorCode(c).roles().to_string()
            }
            _ => continue,
        };
        let mut j = k;
        while j + 1 < mentions.len() {
            let between: Vec<&str> = (mentions[j].tokens.end..mentions[j + 1].tokens.start)
                .map(|i| layer.norm(i))
                .collect();
            let next = &mut mentions[j + 1];
            let joined = crate::builtin::lang_phrases!("role_list_links")
                .iter()
                .any(|p| *p == between);
            match &next.referent {
                Referent::Actor(c) if joined && c.len() == 3 && !next.adjectival => {
                    next.referent = Referent::Actor(format!("{c}{role}"));
                    next.has_role = true;
                }
                _ => break,
            }
            if between
                .iter()
                .any(|w| crate::builtin::lang_set!("role_list_enders").contains(w))
            {
                break;
            }
            j += 1;
        }
    }
}

/// "Russian and Ukrainian negotiators": the role noun after the last
/// adjective of a coordination applies to every adjective before it.
fn distribute_roles(layer: &TextLayer, mentions: &mut [Mention], lex: &ActorLexicon) {
    for k in (0..mentions.len().saturating_sub(1)).rev() {
        let (left, right) = mentions.split_at_mut(k + 1);
        let a = &mut left[k];
        let b = &right[0];
        if a.has_role || !b.has_role || a.is_person || b.is_person {
            continue;
        }
        let between: Vec<&str> = (a.tokens.end..b.tokens.start)
            .map(|i| layer.norm(i))
            .collect();
        if !crate::builtin::lang_phrases!("adjective_list_links")
            .iter()
            .any(|p| *p == between)
        {
            continue;
        }
        // Only adjectives distribute: "Russia and Ukrainian troops" does not.
        let a_word = layer.norm(a.tokens.start);
        let a_is_adj = a.tokens.len() == 1 && !a_word.is_empty() && {
            let first_b = layer.norm(b.tokens.start);
            first_b != a_word
        };
        let (Some(bc), Some(ac)) = (b.code().map(str::to_string), a.code().map(str::to_string))
        else {
            continue;
        };
        if a_is_adj && ac.len() == 3 && bc.len() == 6 && lex_is_adj(lex, layer, a) {
            a.referent = Referent::Actor(format!("{ac}{}", crate::codes::ActorCode(&bc).roles()));
            a.has_role = true;
        }
    }
}

fn lex_is_adj(lex: &ActorLexicon, layer: &TextLayer, m: &Mention) -> bool {
    lex.index
        .matches_at(layer, m.tokens.start, m.tokens.end)
        .any(|pm| {
            pm.end == m.tokens.end
                && pm
                    .value
                    .iter()
                    .any(|&id| lex.entries[id].kind == EntryKind::CountryAdj)
        })
        // the first of two adjectives sharing a word ("North and South
        // Korean"): its entry's line is an adjective line
        || m.origin.is_some_and(|o| {
            lex.entries
                .iter()
                .any(|e| e.origin == o && e.kind == EntryKind::CountryAdj)
        })
}

/// Where a name after an office title starts: past an honorific and its
/// period ("President *Dr.* X", `honorifics.txt`) when a person's entry
/// follows it, else `pos` itself.
fn past_honorific(layer: &TextLayer, by_start: &RawAt<'_>, pos: usize, end: usize) -> usize {
    if pos >= end || !lang_has("honorifics", layer.norm(pos).trim_end_matches('.')) {
        return pos;
    }
    let mut j = pos + 1;
    if j < end && layer.norm(j) == "." {
        j += 1;
    }
    if by_start.get(j).is_some() {
        j
    } else {
        pos
    }
}

/// Without a date, a former-official title ("Former Senator Bob Dole") says
/// the person no longer holds the office that the latest one would guess:
/// the title mention becomes a former official of the person's country.
/// Returns whether it did.
fn former_person(date: Option<Date>, person: &Mention, title: &mut Mention) -> bool {
    let former = role(RoleDefault::FormerOfficial);
    let former_title = date.is_none()
        && match &title.referent {
            Referent::Role(r) => r == former,
            Referent::Actor(c) => crate::codes::ActorCode(c).roles() == former,
            _ => false,
        };
    let country = person
        .code()
        .filter(|_| former_title)
        .and_then(|c| crate::codes::ActorCode(c).country());
    if let Some(country) = country {
        title.referent = Referent::Actor(format!("{country}{former}"));
    }
    country.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> ActorLexicon {
        let countries = Source::new(
            "actors/countries.txt",
            "[RUS]\nname: Russia\nadj: Russian; Russians; Russo-\ncapital: Moscow\nseat: Kremlin\n\
             [EUR]\nadj: European\n[WAF]\nadj: West African\n[PGS]\nadj: Gulf\n[LAM]\nadj: Latin American\n[BLK]\nadj: Balkan\n\
             [UKR]\nname: Ukraine\nadj: Ukrainian\ncapital: Kyiv; Kiev\n\
             [MLI]\nname: Mali\n[CHN]\nname: China\nadj: Chinese; Sino-\n[USA]\nname: United States; U.S.; US\nadj: American; U.S.\n\
             [GBR]\nname: Britain\nadj: British\n[TUR]\nname: Turkey\n",
        );
        let orgs = Source::new(
            "actors/organizations.txt",
            "[IGOWSTNAT]\nname: NATO; Nato\n[IGOUNO]\nname: United Nations\n[IGOEUREEC]\nname: European Union\n[DZAREB]\nname: GIA\n[AFGREB]\nname: Taliban\nvalid: ..2021-08-15\n[AFGGOV]\nname: Taliban\nvalid: 2021-08-15..\n",
        );
        let persons = Source::new(
            "actors/persons.txt",
            "[Barack Obama]\nname: Barack Obama; Obama\noffice: USAGOV 2009-01-20..2017-01-20\n\
             [Vladimir Putin]\nname: Vladimir Putin; Putin\noffice: RUSGOV 1999-08-09..\n\
             [Donald Tusk]\nname: Donald Tusk; Tusk\noffice: POLGOV 2007-11-16..2014-09-22\n\
             office: IGOEUREEC 2014-12-01..2019-11-30\noffice: POLGOV 2023-12-13..\n",
        );
        let agents = Source::new(
            "actors/agents.txt",
            "[GOV]\nnoun: foreign minister; president; government; negotiator; mayor; official; embassy\n\
             [MIL]\nnoun: troops; army; warplane\n[COP]\nnoun: police\n[REB]\nnoun: rebel\n[OPP]\nnoun: supporter\n\
             [DEV]\nnoun: NGO\n[REL]\nnoun: pastor\n[KUR]\nnoun: kurdish\n",
        );
        let places = Source::new(
            "actors/places.txt",
            "[UKR]\nplace: Kharkiv\n[PAK]\nplace: Sindh\n[GBR]\nplace: Northern Ireland\n[NONE]\nplace: Black Sea\n",
        );
        ActorLexicon::build(&[
            (0, &countries),
            (1, &orgs),
            (2, &persons),
            (3, &agents),
            (4, &places),
        ])
        .unwrap()
    }

    /// A text layer with the built-in language's word classes, as the
    /// pipeline annotates it (placing prepositions, articles), and the
    /// lexicon frozen into the same vocabulary.
    fn annotated(lex: &mut ActorLexicon, text: &str) -> TextLayer {
        let sources: Vec<Source> = crate::builtin::sources()
            .into_iter()
            .filter(|s| s.name.starts_with("lang/"))
            .collect();
        let lang = crate::lang::Language::build(&sources.iter().collect::<Vec<_>>()).unwrap();
        let mut vocab = crate::vocab::Vocab::default();
        lang.register_classes(&mut vocab);
        lex.freeze(&mut vocab);
        let mut layer = TextLayer::new(text);
        vocab.annotate(&mut layer);
        layer
    }

    fn codes(text: &str, date: &str) -> Vec<String> {
        let mut lex = lexicon();
        let layer = annotated(&mut lex, text);
        let n = layer.tokens.len();
        lex.mentions(&layer, 0..n, Date::parse(date))
            .into_iter()
            .map(|m| match m.referent {
                Referent::Actor(c) => c,
                Referent::Capital(c) => format!("capital:{c}"),
                Referent::Role(r) => format!("role:{r}"),
                Referent::Pronoun { word, role } => {
                    format!("pronoun:{word}:{}", role.unwrap_or_default())
                }
                Referent::EachOther => "each-other".into(),
                Referent::Place(c) => format!("place:{}", c.unwrap_or_default()),
                other => format!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn roles_combine_with_countries_by_possessive_adjective_and_prepositional_phrase() {
        assert_eq!(
            codes("Russia's foreign minister met Chinese troops", "2020-01-01"),
            ["RUSGOV", "CHNMIL"]
        );
        assert_eq!(codes("the army of Mali", "2020-01-01"), ["MLIMIL"]);
        assert_eq!(
            codes("Russian and Ukrainian negotiators", "2020-01-01"),
            ["RUSGOV", "UKRGOV"]
        );
        assert_eq!(
            codes("the Kremlin and Moscow", "2020-01-01"),
            ["RUSGOV", "capital:RUS"]
        );
        assert_eq!(codes("NATO troops", "2020-01-01"), ["IGOWSTNAT"]);
    }

    /// A place names the country of a role in its own phrase: before the
    /// role noun as a compound, or after it with "of" (a role "in" a place
    /// is the placing-preposition rule). A place of no country gives none,
    /// and "from" a place tells
    /// where a person comes from, not whom they act for.
    #[test]
    fn roles_take_the_country_of_a_place_in_their_own_phrase() {
        let table: &[(&str, &[&str])] = &[
            ("the government of Sindh", &["PAKGOV"]),
            ("the mayor of Kharkiv", &["UKRGOV"]),
            ("Kharkiv police", &["UKRCOP"]),
            ("Sindh rebels", &["PAKREB"]),
            ("the Kharkiv local police", &["UKRCOP"]),
            ("Kharkiv Mayor Vladimir Putin", &["RUSGOV"]),
            ("Black Sea rebels", &["place:", "role:REB"]),
            ("officials from Kharkiv", &["role:GOV", "place:UKR"]),
            // people "from" a place are of its country; an office is not
            ("a pastor from Kharkiv", &["UKRREL"]),
            // role nouns in a row: the last one, placed by its phrase, heads
            ("Kurdish rebels in eastern Ukraine", &["UKRREB"]),
            ("a Kurdish pastor from Kharkiv", &["UKRREL"]),
            // unplaced, each noun stays its own mention
            ("Kurdish rebels", &["role:KUR", "role:REB"]),
            // a border between the preposition and the place
            ("rebels across the border in Ukraine", &["UKRREB"]),
            // a role of a person is in the person's country, as coded on the date
            ("the government of Vladimir Putin", &["RUSGOV"]),
            ("supporters of Obama", &["USAOPP"]),
            // a compass word between the preposition and the place
            ("police in eastern Ukraine", &["UKRCOP"]),
            ("police in the far-eastern Kharkiv", &["UKRCOP"]),
            // a compass word that begins a name is the name's
            ("police in Northern Ireland", &["GBRCOP"]),
            // a country adjective with a noun of place is a place
            (
                "rebels in the eastern Ukrainian city of Kharkiv",
                &["UKRREB"],
            ),
            ("police in the Russian capital", &["RUSCOP"]),
            ("the mayor of the Ukrainian city of Kharkiv", &["UKRGOV"]),
            // an adjective without a noun of place is no place
            ("police in the Russian heat", &["role:COP", "RUS"]),
        ];
        for (text, want) in table {
            assert_eq!(codes(text, "2020-01-01"), *want, "{text}");
        }
    }

    /// A role "loyal to" or "allied with" a side is on that side: the
    /// side's country, or an organisation's own code; a side that is a
    /// bare role leaves the role bare; sponsorship is not allegiance.
    #[test]
    fn roles_allied_to_a_side_take_the_side() {
        let table: &[(&str, &[&str])] = &[
            ("troops loyal to Putin", &["RUSMIL"]),
            ("troops loyal to President Vladimir Putin", &["RUSMIL"]),
            ("rebels allied with Russia", &["RUSREB"]),
            ("rebels allied with the Russian government", &["RUSREB"]),
            ("rebels loyal to the Kremlin", &["RUSREB"]),
            ("troops loyal to Moscow", &["RUSMIL"]),
            ("rebels linked to the GIA", &["DZAREB"]),
            ("rebels linked to the United Nations", &["IGOUNO"]),
            ("troops loyal to the government", &["role:MIL"]),
            ("rebels backed by Russia", &["role:REB", "RUS"]),
            ("troops loyal", &["role:MIL"]),
            // a chain of allegiances is read one link at a time
            (
                "troops loyal to rebels loyal to Putin",
                &["role:MIL", "RUSREB"],
            ),
        ];
        for (text, want) in table {
            assert_eq!(codes(text, "2020-01-01"), *want, "{text}");
        }
    }

    /// A long chain of allegiances (hostile input) is read link by link,
    /// not by nested calls that could exhaust the stack.
    #[test]
    fn a_long_chain_of_allegiances_is_read_without_nesting() {
        let text = "troops loyal to ".repeat(5000) + "Putin";
        let got = codes(&text, "2020-01-01");
        assert_eq!(got.len(), 5000);
        assert_eq!(got.last().map(String::as_str), Some("RUSMIL"));
    }

    #[test]
    fn the_side_of_a_person_an_owner_s_region_and_names_that_hide_acronyms() {
        let table: &[(&str, &str, &[&str])] = &[
            // a role named after a person is the person's side, as coded on the date
            ("the Obama government", "2012-05-01", &["USAGOV"]),
            ("the Obama government", "2019-05-01", &["USAGOV"]),
            ("Putin's troops", "2020-01-01", &["RUSMIL"]),
            ("Putin said", "2020-01-01", &["RUSGOV"]),
            // the bare apostrophe of a plural name is a possessive
            ("the United Nations' officials", "2020-01-01", &["IGOUNO"]),
            // a region of no country, or of the owner's, between owner and role
            (
                "the United Nations' Black Sea officials",
                "2020-01-01",
                &["IGOUNO"],
            ),
            ("Russia's Black Sea warplanes", "2020-01-01", &["RUSMIL"]),
            (
                "Russia's Kharkiv warplanes",
                "2020-01-01",
                &["RUS", "UKRMIL"],
            ),
            // a short acronym written as a word at the end of an unknown name
            ("President Tran Xuan Gia spoke", "2020-01-01", &["role:GOV"]),
            ("the GIA attacked", "2020-01-01", &["DZAREB"]),
            (
                "the European Nato allies",
                "2020-01-01",
                &["place:", "IGOWSTNAT"],
            ),
            // a region adjective names an actor only through a role or the
            // states of the region
            ("European officials", "2020-01-01", &["EURGOV"]),
            (
                "West African peacekeeping troops",
                "2020-01-01",
                &["WAFMIL"],
            ),
            ("several Gulf states", "2020-01-01", &["PGS"]),
            ("the European market", "2020-01-01", &["place:"]),
            ("a Balkan republic", "2020-01-01", &["place:"]),
            ("Latin American nations", "2020-01-01", &["LAM"]),
            // and is never the country of a role
            (
                "European officials and police",
                "2020-01-01",
                &["EURGOV", "role:COP"],
            ),
            ("Turkey Nato", "2020-01-01", &["TUR", "IGOWSTNAT"]),
            // an acronym matches in capitals only: a word of a name that
            // spells it is no acronym (a title-case spelling such as "Nato"
            // is listed on its own)
            ("General Ngo Van Hai", "2020-01-01", &[]),
            ("the NGOs", "2020-01-01", &["role:DEV"]),
            ("an NGO", "2020-01-01", &["role:DEV"]),
            ("the Gia family", "2020-01-01", &[]),
        ];
        for (text, date, want) in table {
            assert_eq!(codes(text, date), *want, "{text} on {date}");
        }
    }

    #[test]
    fn a_title_naming_an_office_decides_it_without_a_date() {
        let lex = lexicon();
        let code = |text: &str, date: Option<Date>| {
            let layer = TextLayer::new(text);
            let n = layer.tokens.len();
            lex.mentions(&layer, 0..n, date)
                .into_iter()
                .filter_map(|m| m.code().map(str::to_string))
                .collect::<Vec<_>>()
        };
        // undated: the title says which office
        assert_eq!(
            code("European Union president Donald Tusk", None),
            ["IGOEUREEC"]
        );
        assert_eq!(code("Donald Tusk", None), ["POLGOV"]);
        // dated: the date decides, whatever the title
        assert_eq!(
            code(
                "European Union president Donald Tusk",
                Date::parse("2024-01-05")
            ),
            ["POLGOV"]
        );
    }

    #[test]
    fn persons_are_coded_by_the_document_date() {
        assert_eq!(codes("Obama spoke", "2015-06-01"), ["USAGOV"]);
        assert_eq!(codes("Obama spoke", "2019-06-01"), ["USAELI"]);
        assert_eq!(codes("Obama spoke", "2005-06-01"), ["USA"]);
        assert_eq!(
            codes("Russian President Vladimir Putin", "2020-01-01"),
            ["RUSGOV"]
        );
    }

    #[test]
    fn dated_names_switch_codes() {
        assert_eq!(codes("the Taliban", "2019-01-01"), ["AFGREB"]);
        assert_eq!(codes("the Taliban", "2023-01-01"), ["AFGGOV"]);
    }

    #[test]
    fn case_rules_and_hyphenated_tokens() {
        assert_eq!(codes("turkey and us", "2020-01-01"), Vec::<String>::new());
        assert_eq!(codes("Sino-U.S. talks", "2020-01-01"), ["CHN", "USA"]);
        assert_eq!(codes("a British-flagged tanker", "2020-01-01"), ["GBR"]);
        assert_eq!(
            codes("Russian-backed separatists", "2020-01-01"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn pronouns_and_reciprocals_are_marked_for_later_resolution() {
        assert_eq!(
            codes("its army and each other", "2020-01-01"),
            ["pronoun:its:MIL", "each-other"]
        );
        // a layer without word classes asks the word lists instead
        let lex = lexicon();
        let bare = TextLayer::new("its army and each other");
        let found: Vec<bool> = lex
            .mentions(&bare, 0..bare.tokens.len(), Date::parse("2020-01-01"))
            .iter()
            .map(|m| matches!(m.referent, Referent::Pronoun { .. } | Referent::EachOther))
            .collect();
        assert_eq!(found, [true, true]);
    }

    #[test]
    fn bad_lines_are_reported_with_file_and_line() {
        let bad = Source::new(
            "actors/persons.txt",
            "[X]\nname: X\noffice: USAGOV 2020-13-01..\n",
        );
        let err = ActorLexicon::build(&[(0, &bad)]).unwrap_err();
        assert!(err.to_string().contains("actors/persons.txt:3:"), "{err}");
    }

    #[test]
    fn plurals_of_role_nouns() {
        assert_eq!(plurals("foreign minister"), ["foreign ministers"]);
        assert_eq!(plurals("spokesman"), ["spokesmen", "spokesmans"]);
        assert_eq!(plurals("member of parliament"), ["members of parliament"]);
        assert_eq!(plurals("militia"), ["militias"]);
        assert_eq!(plurals("authority"), ["authorities"]);
    }
}
