//! Coreference: links pronouns ("it", "they", "its troops"), definite
//! descriptions ("the alliance", "the two countries", "the country") and
//! definite role nouns ("the government", "the ministry") to actors named
//! earlier in the sentence or in the two previous sentences.
//!
//! Resolution is conservative: a mention with no fitting antecedent stays
//! unresolved, and the coder emits no event for it.

use crate::actors::{Mention, Referent};
use crate::rules::{Description, Rules};
use crate::text::TextLayer;
use std::collections::VecDeque;
use std::ops::Range;

/// Resolved mentions of the last sentences, most recent sentence last.
#[derive(Debug, Default)]
pub struct History {
    sentences: VecDeque<Vec<Mention>>,
    /// How often each country has been named so far (places, capitals and
    /// the dateline included): the document's focus country, if one
    /// dominates, is the country of bare role nouns ("police", "teachers").
    country_counts: std::collections::HashMap<String, usize>,
    /// The country of the dateline ("MOSCOW, July 6 -"), if any.
    pub dateline: Option<String>,
}

const KEPT_SENTENCES: usize = 2;

impl History {
    /// Counts a country named by the dateline or a place.
    pub fn note_country(&mut self, code: &str, weight: usize) {
        match self.country_counts.get_mut(code) {
            Some(n) => *n += weight,
            None => {
                self.country_counts.insert(code.to_string(), weight);
            }
        }
    }

    /// The country most named so far, if it has at least two mentions and
    /// at least half of all country mentions.
    pub fn focus_country(&self) -> Option<&str> {
        let total: usize = self.country_counts.values().sum();
        let (code, n) = self
            .country_counts
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))?;
        (*n >= 2 && 2 * n >= total).then_some(code.as_str())
    }

    pub fn push(&mut self, mentions: Vec<Mention>) {
        for m in &mentions {
            let country = match &m.referent {
                Referent::Place(Some(c)) | Referent::Capital(c) => Some(c.as_str()),
                Referent::Actor(c) => country_of(c),
                Referent::Group(g) => g.first().and_then(|c| country_of(c)),
                _ => None,
            };
            if let Some(c) = country {
                self.note_country(c, 1);
            }
        }
        if mentions.iter().all(|m| resolved_codes(m).is_empty()) {
            return;
        }
        self.sentences.push_back(mentions);
        while self.sentences.len() > KEPT_SENTENCES {
            self.sentences.pop_front();
        }
    }
}

/// The codes a resolved mention stands for.
pub fn resolved_codes(m: &Mention) -> Vec<String> {
    match &m.referent {
        Referent::Actor(c) => vec![c.clone()],
        Referent::Capital(c) if !m.locative => vec![Referent::capital_acting(c)],
        Referent::Group(g) => g.clone(),
        _ => Vec::new(),
    }
}

/// The country of a code; a world region (`EURGOV`) is no country a role
/// or a description could take.
fn country_of(code: &str) -> Option<&str> {
    let code = crate::codes::ActorCode(code);
    code.country().filter(|_| !code.is_region())
}

/// Adds mentions for the definite descriptions of the rule files.
pub fn add_descriptions(
    layer: &TextLayer,
    range: Range<usize>,
    rules: &Rules,
    mentions: &mut Vec<Mention>,
) {
    let mut i = range.start;
    let mut added = Vec::new();
    // the tokens mentions cover, marked once instead of searched per token
    let mut covered = vec![false; range.len()];
    for m in mentions.iter() {
        for t in m.tokens.clone().filter(|t| range.contains(t)) {
            covered[t - range.start] = true;
        }
    }
    while i < range.end {
        if covered[i - range.start] {
            i += 1;
            continue;
        }
        let d = rules
            .descriptions
            .matches_at(layer, i, range.end)
            .next()
            .filter(|d| {
                // A description that runs into a mention, or whose capitalised
                // last word goes on with another capitalised word, is the start
                // of a name: "The State Duma", "The State Council", "The
                // Country Party".
                let capital = |t: usize| {
                    matches!(
                        layer.tokens[t].shape,
                        crate::text::Shape::Capitalized | crate::text::Shape::Upper
                    )
                };
                let overlaps = (d.start..d.end.min(range.end)).any(|t| covered[t - range.start]);
                let name =
                    d.end < range.end && d.end > d.start && capital(d.end - 1) && capital(d.end);
                !overlaps && !name
            });
        if let Some(d) = d {
            // "the two countries' leaders": a role noun after the possessive
            let mut end = d.end;
            let mut role = None;
            if end < range.end
                && crate::builtin::lang_set!("possessive_markers").contains(layer.norm(end))
            {
                // up to two adjectives may stand before the role noun
                // ("the country's clerical rulers")
                let role_at = (end + 1..(end + 4).min(range.end))
                    .find(|&t| mentions.iter().any(|m| m.tokens.start == t));
                let adjectives_only = role_at.is_some_and(|t| {
                    (end + 1..t).all(|i| layer.tokens[i].shape == crate::text::Shape::Lower)
                });
                if let Some(m) = role_at
                    .filter(|_| adjectives_only)
                    .and_then(|t| mentions.iter().find(|m| m.tokens.start == t))
                {
                    if let Referent::Role(r) = &m.referent {
                        role = Some(r.clone());
                        end = m.tokens.end;
                    }
                }
            }
            added.push(Mention::new(
                d.start..end,
                Referent::Description(*d.value, role),
            ));
            i = end;
        } else {
            i += 1;
        }
    }
    if added.is_empty() {
        return;
    }
    // a role mention swallowed by a description ("the two countries' leaders")
    mentions.retain(|m| {
        !added
            .iter()
            .any(|a| a.tokens.start <= m.tokens.start && m.tokens.end <= a.tokens.end)
    });
    mentions.extend(added);
    mentions.sort_by_key(|m| m.tokens.start);
}

/// Resolves the pronouns, descriptions and definite roles of one sentence.
pub fn resolve(
    layer: &TextLayer,
    range: Range<usize>,
    mentions: &mut [Mention],
    history: &History,
) {
    for k in 0..mentions.len() {
        let new = match mentions[k].referent.clone() {
            Referent::Pronoun { word, role } => {
                let at = mentions[k].tokens.start;
                let before = &mentions[..k];
                // the clause's subject when the pronoun can stand for it
                // ("he" needs a person), else the nearest that fits
                coordinated_subject(layer, range.clone(), at, before)
                    .and_then(|s| {
                        let none = History::default();
                        resolve_pronoun(layer, &word, role.clone(), &before[s..=s], &none)
                    })
                    .or_else(|| resolve_pronoun(layer, &word, role, before, history))
            }
            Referent::Description(kind, role) => {
                resolve_description(layer, kind, role, &mentions[..k], history)
            }
            Referent::Role(role) => {
                // "the government", "the ministry" (but not "a government")
                let start = mentions[k].tokens.start;
                // and bare plurals ("police said", "2,000 teachers went on
                // strike"), but not "a soldier" or "one official"
                let before = (start > range.start).then(|| layer.norm(start - 1));
                let indefinite = before.is_some_and(|w| {
                    crate::builtin::lang_set!("indefinite_determiners").contains(w)
                });
                // A complement that names something ("officials of the
                // Commission", "police in Northern Province") leaves the
                // role to that name; one of common words names no country
                // ("demonstrators in demanding ...", "police in the area"),
                // so the role takes its country from the context.
                let followed_by_of = mentions[k].tokens.end < range.end
                    && crate::builtin::lang_set!("role_complement_prepositions")
                        .contains(layer.norm(mentions[k].tokens.end))
                    && complement_names_something(
                        layer,
                        range.clone(),
                        mentions,
                        mentions[k].tokens.end + 1,
                    );
                // a role noun used as a modifier ("a troop access agreement",
                // "the police station") names no actor
                let end = mentions[k].tokens.end;
                // a time word after the role begins no noun phrase
                // ("the police yesterday arrested", "the court today ruled")
                let modifier = end < range.end
                    && modified_noun_at(layer, end)
                    && !layer.tokens[end].temporal
                    && !crate::builtin::lang_set!("modifier_stops").contains(layer.norm(end));
                // "European ministers", "Western senior diplomats": the role
                // of a region or a group of states is no one country's. A
                // capitalised role is part of a name whose owner is further
                // left ("the Canadian International Development Agency").
                let named = matches!(
                    layer.tokens[start].shape,
                    crate::text::Shape::Capitalized | crate::text::Shape::Upper
                );
                let regional = !named
                    && (range.start..start)
                        .rev()
                        .take(2)
                        .take_while(|&t| {
                            t + 1 == start
                                || crate::builtin::lang_has("role_modifiers", layer.norm(t + 1))
                        })
                        .any(|t| {
                            crate::builtin::lang_set!("regional_adjectives").contains(layer.norm(t))
                        });
                // a locative preposition makes a role a place ("a debate in
                // parliament"), but after one that names where something
                // comes from the role is its agent ("pressure from lawmakers")
                let place = mentions[k].locative && {
                    let mut p = start.checked_sub(1).filter(|&p| p >= range.start);
                    if let Some(b) = p.filter(|&b| {
                        crate::builtin::lang_set!("definite_articles").contains(layer.norm(b))
                    }) {
                        p = b.checked_sub(1).filter(|&p| p >= range.start);
                    }
                    !p.is_some_and(|p| {
                        crate::builtin::lang_set!("agent_origin_prepositions")
                            .contains(layer.norm(p))
                    })
                };
                // "a man", "women", "families": common nouns for people
                // are actors only with a country of their own phrase ("1,000
                // people in Haiti", "a Utah man") or the scene of an act of
                // force, never the document's
                let local_only = mentions[k].tokens.clone().any(|t| {
                    crate::builtin::lang_set!("local_people_nouns").contains(layer.norm(t))
                });
                if !indefinite && !followed_by_of && !modifier && !regional && !place && !local_only
                {
                    let after_in_sentence = || {
                        mentions[k + 1..].iter().find_map(|m| match &m.referent {
                            Referent::Place(Some(c)) | Referent::Capital(c) => Some(c.clone()),
                            _ => resolved_codes(m)
                                .first()
                                .and_then(|c| country_of(c).map(str::to_string)),
                        })
                    };
                    most_recent_country(layer, &mentions[..k], history)
                        .or_else(after_in_sentence)
                        .or_else(|| history.focus_country().map(str::to_string))
                        .map(|c| Referent::Actor(format!("{c}{role}")))
                } else {
                    None
                }
            }
            _ => None,
        };
        if let Some(r) = new {
            mentions[k].inferred = matches!(mentions[k].referent, Referent::Role(_));
            mentions[k].referent = r;
        }
    }
    complements_give_roles_their_side(layer, range, mentions);
}

/// "Supporters of the former president", "officials from the ministry": a
/// bare role whose complement (`role_complement_prepositions.txt`) is a
/// mention resolved only by coreference (a role, a description, a title
/// without a known name) takes that mention's country, as "supporters of
/// Imran Khan" takes the person's in the actor stage.
fn complements_give_roles_their_side(
    layer: &TextLayer,
    range: Range<usize>,
    mentions: &mut [Mention],
) {
    for k in 0..mentions.len() {
        let Referent::Role(role) = &mentions[k].referent else {
            continue;
        };
        let end = mentions[k].tokens.end;
        if end + 1 >= range.end
            || !crate::builtin::lang_set!("role_complement_prepositions").contains(layer.norm(end))
        {
            continue;
        }
        let country = complement_mention(layer, range.clone(), mentions, end + 1)
            .filter(|&c| !mentions[c].locative)
            .and_then(|c| resolved_codes(&mentions[c]).into_iter().next())
            .and_then(|c| country_of(&c).map(str::to_string));
        if let Some(country) = country {
            let r = Referent::Actor(format!("{country}{role}"));
            mentions[k].inferred = true;
            mentions[k].referent = r;
        }
    }
}

/// Whether the phrase at `j`, after a role's complement preposition, names
/// something: a mention, a capitalised word, a number or a noun of place
/// among its first words (up to three past the determiners, before any
/// punctuation or preposition: "positions of the powerful Hezbollah",
/// "diplomats in the region"), or the sentence ends.
fn complement_names_something(
    layer: &TextLayer,
    range: Range<usize>,
    mentions: &[Mention],
    j: usize,
) -> bool {
    match complement_words(layer, range, j) {
        None => true,
        // a noun of place names a place too: "diplomats in the region"
        Some(words) => words.clone().any(|t| {
            layer.tokens[t].shape != crate::text::Shape::Lower
                || mentions.iter().any(|m| m.tokens.start == t)
                || crate::builtin::lang_set!("of_locatives").contains(layer.norm(t))
                || crate::builtin::lang_set!("place_nouns").contains(layer.norm(t))
        }),
    }
}

/// The first mention among the first words of a role's complement at `j`
/// ("supporters of the jailed *Ugandan opposition leader*").
fn complement_mention(
    layer: &TextLayer,
    range: Range<usize>,
    mentions: &[Mention],
    j: usize,
) -> Option<usize> {
    complement_words(layer, range, j)?
        .find_map(|t| mentions.iter().position(|m| m.tokens.start == t))
}

/// The first words of a role's complement at `j`: up to three past the
/// determiners, ending before a punctuation mark or a preposition; `None`
/// when the sentence ends first.
fn complement_words(layer: &TextLayer, range: Range<usize>, mut j: usize) -> Option<Range<usize>> {
    while j < range.end && crate::builtin::lang_set!("determiners").contains(layer.norm(j)) {
        j += 1;
    }
    if j >= range.end {
        return None;
    }
    let mut end = j;
    while end < range.end.min(j + 3)
        && layer.tokens[end].shape != crate::text::Shape::Punct
        && !(end > j && layer.is(end, crate::vocab::class::PREPOSITION))
    {
        end += 1;
    }
    Some(j..end)
}

/// Candidates from nearest to farthest: earlier in this sentence (nearest
/// first), then previous sentences (most recent sentence first, and within
/// a sentence in order, so that its subject comes first).
fn candidates<'a>(
    before: &'a [Mention],
    history: &'a History,
) -> impl Iterator<Item = &'a Mention> + 'a {
    before
        .iter()
        .rev()
        .chain(history.sentences.iter().rev().flat_map(|s| s.iter()))
}

fn most_recent_country(layer: &TextLayer, before: &[Mention], history: &History) -> Option<String> {
    // places count here: "Protests spread in Kenya. The government ..."
    // A role that serves or reports abroad tells nothing of where the
    // story happens: "an AFP correspondent said rebels ..." are not French.
    candidates(before, history)
        .filter(|m| {
            !(m.has_role
                && m.tokens.end > m.tokens.start
                && layer.is(m.tokens.end - 1, crate::vocab::class::POSTED_ABROAD))
        })
        .find_map(|m| {
            resolved_codes(m)
                .first()
                .and_then(|c| country_of(c).map(str::to_string))
        })
}

/// The one country "the country" can mean: the countries named earlier in
/// the sentence, else in the nearest earlier sentence that names one. Two
/// candidates ("Kenya hosted Uganda's president, and the country ...")
/// leave it unresolved rather than guess.
fn only_country(before: &[Mention], history: &History) -> Option<String> {
    let scopes = std::iter::once(before).chain(history.sentences.iter().rev().map(Vec::as_slice));
    for scope in scopes {
        let mut countries: Vec<String> = scope
            .iter()
            .flat_map(resolved_codes)
            .filter_map(|c| country_of(&c).map(str::to_string))
            .collect();
        countries.sort();
        countries.dedup();
        match countries.len() {
            0 => continue,
            1 => return countries.pop(),
            _ => return None,
        }
    }
    None
}

fn with_role(code: &str, role: &Option<String>) -> String {
    match (role, country_of(code)) {
        (Some(r), Some(c)) => format!("{c}{r}"),
        _ => code.to_string(),
    }
}

fn resolve_pronoun(
    layer: &TextLayer,
    word: &str,
    role: Option<String>,
    before: &[Mention],
    history: &History,
) -> Option<Referent> {
    if crate::builtin::lang_set!("first_person_pronouns").contains(word) {
        // resolved from the speaker by the coder, not from earlier mentions
        return None;
    }
    let wants_person = crate::builtin::lang_set!("person_pronouns").contains(word);
    let plural = crate::builtin::lang_set!("plural_pronouns").contains(word);
    let thing = crate::builtin::lang_set!("thing_pronouns").contains(word);
    // "Kenya's foreign minister said he ...": a role mention whose last
    // word names one person (`person_titles.txt`, singular forms) is a
    // person for "he" and "she", as a named person is
    let titled = |m: &Mention| {
        m.has_role
            && m.tokens.end > m.tokens.start
            && crate::builtin::lang_set!("person_titles").contains(layer.norm(m.tokens.end - 1))
    };
    let fits = |m: &Mention| -> bool {
        !m.locative
            && !resolved_codes(m).is_empty()
            && (!wants_person || m.is_person || titled(m))
            && !(thing && (m.is_person || matches!(m.referent, Referent::Group(_))))
    };
    // the nearest fitting mention before the pronoun in its sentence, else
    // the first of the nearest earlier sentence that has one (the order
    // of `candidates`)
    let (scope, at) = before
        .iter()
        .rposition(&fits)
        .map(|i| (before, i))
        .or_else(|| {
            history
                .sentences
                .iter()
                .rev()
                .find_map(|s| s.iter().position(&fits).map(|i| (s.as_slice(), i)))
        })?;
    let antecedent = &scope[at];
    let mut codes = resolved_codes(antecedent);
    // "France and Germany said *they*": a plural pronoun whose nearest
    // antecedent is the last member of a coordination stands for every
    // member of it, not for the last one alone
    if plural {
        let members = coordinated_members(layer, scope, at, &fits);
        if !members.is_empty() {
            codes = Vec::new();
            for k in members
                .into_iter()
                .chain(std::iter::once(at))
                .collect::<std::collections::BTreeSet<_>>()
            {
                for c in resolved_codes(&scope[k]) {
                    if !codes.contains(&c) {
                        codes.push(c);
                    }
                }
            }
        }
    }
    // "The journalists' union said its president ...": the head of a body
    // with a role of its own is that body's (a union's president, a
    // party's leader, a rebel group's spokesman), not the government of
    // its country. A bare country ("Russia said its president") takes
    // the role as before.
    let own_head =
        thing && role.as_deref() == Some(crate::codes::role(crate::codes::RoleDefault::Government));
    let codes: Vec<String> = codes
        .iter()
        .map(|c| {
            if own_head && !crate::codes::ActorCode(c).roles().is_empty() {
                c.clone()
            } else {
                with_role(c, &role)
            }
        })
        .collect();
    if plural && codes.len() > 1 {
        return Some(Referent::Group(codes));
    }
    codes.into_iter().next().map(Referent::Actor)
}

/// "Chile rejected Peru's offer *and it* said ...": a subject pronoun right
/// after a clause coordinator (`clause_coordinators.txt`) goes on with the
/// subject of the clause before, not with the actor nearest to it (an
/// object, a possessor, the noun of a preposition). That subject is the
/// last coded mention of the sentence before the coordinator that a verb
/// follows (past time words, adverbs and auxiliaries); its index in
/// `before`, so that the search for the antecedent starts there. `None`
/// when no such mention stands in the clause, or it is one member of a
/// compound ("Chile and Peru rejected ... and they"), where the nearest
/// mentions already say who.
fn coordinated_subject(
    layer: &TextLayer,
    range: Range<usize>,
    at: usize,
    before: &[Mention],
) -> Option<usize> {
    use crate::vocab::class;
    if at <= range.start
        || !crate::builtin::lang_set!("clause_coordinators").contains(layer.norm(at - 1))
    {
        return None;
    }
    let coordinator = at - 1;
    let possessive = |t: usize| matches!(layer.norm(t), "'s" | "'" | "’s" | "’");
    let verb_follows = |m: &Mention| {
        // a possessor ("Peru's offer") is no subject, its noun no verb
        if m.tokens.end <= m.tokens.start
            || possessive(m.tokens.end - 1)
            || (m.tokens.end < coordinator && possessive(m.tokens.end))
        {
            return false;
        }
        let mut t = m.tokens.end;
        while t < coordinator
            && (layer.tokens[t].temporal
                || layer.is(t, class::AUXILIARY)
                // "on Monday", "in March"
                || (layer.is(t, class::PREPOSITION)
                    && t + 1 < coordinator
                    && layer.tokens[t + 1].temporal)
                || (layer.norm(t).ends_with("ly")
                    && layer.tokens[t].shape == crate::text::Shape::Lower))
        {
            t += 1;
        }
        t < coordinator
            && layer.tokens[t].shape == crate::text::Shape::Lower
            && layer.is(t, class::PATTERN_VERB | class::SAY_VERB | class::BE_FORM)
    };
    let k = before.iter().rposition(|m| {
        m.tokens.end <= coordinator
            && m.tokens.start >= range.start
            && !m.adjectival
            && !m.locative
            && !resolved_codes(m).is_empty()
            && verb_follows(m)
    })?;
    let start = before[k].tokens.start;
    let compound = start > range.start
        && (crate::builtin::lang_set!("clause_coordinators").contains(layer.norm(start - 1))
            || layer.norm(start - 1) == ",");
    (!compound).then_some(k)
}

/// The mentions coordinated with `scope[at]` ("X, Y and Z"): each joined
/// to the next by a link of `pair_links.txt` ("and", "and the"), or by a
/// comma in a list that one of those closes, and each one that `fits`.
fn coordinated_members(
    layer: &TextLayer,
    scope: &[Mention],
    at: usize,
    fits: &dyn Fn(&Mention) -> bool,
) -> Vec<usize> {
    // how `a` and the next mention `b` are joined: Some(true) by a pair
    // link, Some(false) by a bare comma
    let link = |a: &Mention, b: &Mention| -> Option<bool> {
        if a.tokens.end > b.tokens.start || !fits(a) || !fits(b) {
            return None;
        }
        let mut between: Vec<&str> = (a.tokens.end..b.tokens.start)
            .map(|i| layer.norm(i))
            .collect();
        let comma = between.first() == Some(&",");
        if comma {
            between.remove(0);
        }
        if crate::builtin::lang_phrases!("pair_links")
            .iter()
            .any(|p| *p == between)
        {
            Some(true)
        } else if comma && between.is_empty() {
            Some(false)
        } else {
            None
        }
    };
    let mut start = at;
    while start > 0 && link(&scope[start - 1], &scope[start]).is_some() {
        start -= 1;
    }
    let mut end = at;
    while end + 1 < scope.len() && link(&scope[end], &scope[end + 1]).is_some() {
        end += 1;
    }
    // a list is closed by a pair link: "X, Y and Z", not "X, Y"
    let links: Vec<bool> = (start..end)
        .map(|k| link(&scope[k], &scope[k + 1]) == Some(true))
        .collect();
    let Some(last) = links.iter().rposition(|&x| x) else {
        return Vec::new();
    };
    let end = start + last + 1;
    if at > end {
        return Vec::new();
    }
    (start..=end).filter(|&k| k != at).collect()
}

/// The most recent group of exactly two actors: a resolved group ("they"
/// standing for two), or two coordinated mentions ("Russia and China");
/// the nearer of the two in the nearest sentence that has one.
fn recent_pair(layer: &TextLayer, before: &[Mention], history: &History) -> Option<Vec<String>> {
    let sentences =
        std::iter::once(before).chain(history.sentences.iter().rev().map(|s| s.as_slice()));
    for mentions in sentences {
        let group = mentions.iter().rev().find_map(|m| match &m.referent {
            Referent::Group(g) if g.len() == 2 => Some((m.tokens.end, g.clone())),
            _ => None,
        });
        let coded: Vec<&Mention> = mentions
            .iter()
            .filter(|m| !m.locative && resolved_codes(m).len() == 1)
            .collect();
        let pair = coded.windows(2).rev().find_map(|w| {
            let between: Vec<&str> = (w[0].tokens.end..w[1].tokens.start)
                .map(|i| layer.norm(i))
                .collect();
            let linked = crate::builtin::lang_phrases!("pair_links")
                .iter()
                .any(|p| *p == between);
            let a = resolved_codes(w[0]).remove(0);
            let b = resolved_codes(w[1]).remove(0);
            (linked && a != b).then(|| (w[1].tokens.end, vec![a, b]))
        });
        let nearest = match (group, pair) {
            (Some(g), Some(p)) => Some(if p.0 > g.0 { p } else { g }),
            (g, p) => g.or(p),
        };
        if let Some((_, codes)) = nearest {
            return Some(codes);
        }
    }
    None
}

fn resolve_description(
    layer: &TextLayer,
    kind: Description,
    role: Option<String>,
    before: &[Mention],
    history: &History,
) -> Option<Referent> {
    match kind {
        Description::Organization => candidates(before, history).find_map(|m| {
            let codes = resolved_codes(m);
            let code = codes.first()?;
            let armed_group = crate::codes::role(crate::codes::RoleDefault::ArmedGroup);
            let is_org =
                crate::codes::ActorCode(code).is_transnational() || code.ends_with(armed_group);
            (is_org && !m.locative).then(|| Referent::Actor(code.clone()))
        }),
        Description::Country => {
            only_country(before, history).map(|c| Referent::Actor(with_role(&c, &role)))
        }
        Description::Pair => {
            if let Some(g) = recent_pair(layer, before, history) {
                return Some(Referent::Group(
                    g.iter().map(|c| with_role(c, &role)).collect(),
                ));
            }
            let pool: Vec<&Mention> = if before.len() >= 2 {
                before.iter().collect()
            } else {
                history
                    .sentences
                    .back()
                    .map(|s| s.iter().collect())
                    .unwrap_or_default()
            };
            let mut codes: Vec<String> = Vec::new();
            for m in pool.iter().filter(|m| !m.locative) {
                for c in resolved_codes(m) {
                    if !codes.contains(&c) {
                        codes.push(c);
                    }
                }
            }
            // Conservative: only when exactly two actors are in view.
            (codes.len() == 2)
                .then(|| Referent::Group(codes.iter().map(|c| with_role(c, &role)).collect()))
        }
    }
}

/// Whether the word at `i`, right after a role noun, can be the noun it
/// modifies ("a troop *access* agreement", "the police *station*"): a
/// lower-case word that is no function word, verb, participle or adverb.
pub(crate) fn modified_noun_at(layer: &crate::text::TextLayer, i: usize) -> bool {
    use crate::vocab::class;
    let w = layer.norm(i);
    layer.tokens[i].shape == crate::text::Shape::Lower
        && !layer.is(
            i,
            class::PREPOSITION
                | class::AUXILIARY
                | class::BE_FORM
                | class::SAY_VERB
                | class::PATTERN_VERB
                | class::CLAUSE_BREAK
                | class::DETERMINER,
        )
        && !w.ends_with("ed")
        && !w.ends_with("ly")
}

#[cfg(test)]
mod tests {
    use crate::{Date, Document, Pipeline};
    use std::sync::OnceLock;

    fn pipeline() -> &'static Pipeline {
        static P: OnceLock<Pipeline> = OnceLock::new();
        P.get_or_init(|| Pipeline::builtin().expect("built-in dictionaries load"))
    }

    fn triples(text: &str) -> Vec<(String, String, String)> {
        let doc = Document::new("t", text, Date::parse("2022-06-01"));
        let mut v: Vec<_> = pipeline()
            .code(&doc)
            .into_iter()
            .map(|e| (e.source, e.target.expect("dyadic by default"), e.code))
            .collect();
        v.sort();
        v
    }

    type Triple = (String, String, String);

    fn t(s: &str, g: &str, c: &str) -> (String, String, String) {
        (s.into(), g.into(), c.into())
    }

    /// The codes the mention that starts with `word` resolved to.
    fn referent_of(text: &str, word: &str) -> Vec<String> {
        let doc = Document::new("t", text, Date::parse("2022-06-01"));
        let d = pipeline().analyse(&doc, false);
        let m = d
            .mentions
            .iter()
            .rev()
            .find(|m| d.text.norm(m.tokens.start) == word)
            .expect("the mention is found");
        super::resolved_codes(m)
    }

    /// A plural pronoun whose nearest antecedent ends a coordination ("X,
    /// Y and Z ... they") stands for every member, in the sentence and
    /// across one; a singular pronoun still takes the nearest member, and
    /// "the two countries" the pair nearest to it.
    #[test]
    fn plural_pronouns_take_the_whole_coordination() {
        let rows: &[(&str, &str, &[&str])] = &[
            (
                "Chile and Peru said they would talk.",
                "they",
                &["CHL", "PER"],
            ),
            (
                "Ghana, Togo and Benin said they were ready.",
                "they",
                &["GHA", "TGO", "BEN"],
            ),
            (
                "Chile and the Peruvian government said their envoys met.",
                "their",
                &["CHLGOV", "PERGOV"],
            ),
            (
                "Chile and Peru met in Lima. They agreed.",
                "they",
                &["CHL", "PER"],
            ),
            (
                "Chile and Peru met, and Peru said it agreed.",
                "it",
                &["PER"],
            ),
            (
                "Chile and Peru said they would talk. Mediators said ties between \
                 Bolivia and Paraguay were poor. The two countries met.",
                "the",
                &["BOL", "PRY"],
            ),
        ];
        for (text, word, want) in rows {
            assert_eq!(referent_of(text, word), *want, "{text}");
        }
    }

    #[test]
    fn pronouns_resolve_within_and_across_sentences() {
        assert_eq!(
            triples("Kenya said it would never attack Uganda."),
            vec![t("KEN", "UGA", "190")]
        );
        assert_eq!(
            triples("Kenya held a summit. It condemned Uganda."),
            vec![t("KEN", "UGA", "111")]
        );
        // a possessive with a role noun takes the antecedent's country
        assert_eq!(
            triples("Kenya said its troops attacked Uganda."),
            vec![t("KENMIL", "UGA", "190")]
        );
    }

    /// "he" and "she" take a role mention that names one person by its
    /// last word (`person_titles.txt`), as they take a named person; a
    /// plural role or a body is no antecedent for them.
    #[test]
    fn person_pronouns_take_a_titled_role() {
        let table: Vec<(&str, Vec<Triple>)> = vec![
            (
                "Chile's foreign minister said he had condemned Peru.",
                vec![t("CHLGOV", "PER", "111")],
            ),
            (
                "The Peruvian ambassador arrived on Monday. She condemned Bolivia.",
                vec![t("PERGOV", "BOL", "111")],
            ),
            ("Chilean officials said he had condemned Peru.", vec![]),
            (
                "Chile's foreign ministry said he had condemned Peru.",
                vec![],
            ),
        ];
        for (text, want) in table {
            assert_eq!(triples(text), want, "{text}");
        }
    }

    #[test]
    fn descriptions_resolve_to_organisations_pairs_and_countries() {
        assert_eq!(
            triples("NATO leaders gathered. The alliance condemned Belarus."),
            vec![t("IGOWSTNAT", "BLR", "111")]
        );
        assert_eq!(
            triples("Peru and Chile signed a deal. The two countries condemned Bolivia."),
            vec![
                t("CHL", "BOL", "111"),
                t("CHL", "PER", "057"),
                t("PER", "BOL", "111"),
                t("PER", "CHL", "057")
            ]
        );
        assert_eq!(
            triples("Protests spread in Kenya. The government arrested Ugandan journalists."),
            vec![t("KENGOV", "UGAMED", "173")]
        );
    }

    fn triples_on(text: &str, date: &str) -> Vec<(String, String, String)> {
        let doc = Document::new("t", text, Date::parse(date));
        let mut v: Vec<_> = pipeline()
            .code(&doc)
            .into_iter()
            .map(|e| (e.source, e.target.expect("dyadic by default"), e.code))
            .collect();
        v.sort();
        v
    }

    /// Actors in their places, with the built-in dictionaries: a place in a
    /// role's own phrase gives it its country, even when a namesake of the
    /// place lies in a country the sentence names; leaders of the 1980s and
    /// 1990s are coded by the document's date; the Soviet Union is Russia.
    #[test]
    fn actors_in_their_places_and_dated_leaders() {
        type Row<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str, &'a str)]);
        let table: &[Row] = &[
            (
                "The government of Sindh province condemned India.",
                "2022-06-01",
                &[("PAKGOV", "IND", "111")],
            ),
            (
                "Florida lawmakers condemned Cuba.",
                "2022-06-01",
                &[("USALEG", "CUB", "111")],
            ),
            // the role of a region is the region's (a CAMEO region code),
            // not the country of the sentence before
            (
                "Mali expelled French troops. European ministers condemned Russia.",
                "2022-06-01",
                &[("EURGOV", "RUS", "111"), ("MLI", "FRAMIL", "174")],
            ),
            (
                "Egypt hosted talks. Western senior diplomats accused Iran.",
                "2022-06-01",
                &[("WSTGOV", "IRN", "112")],
            ),
            // a group of states is no one country's
            (
                "Egypt hosted talks. Multinational officials accused Iran.",
                "2022-06-01",
                &[],
            ),
            // common nouns for people take no country from the context,
            // only from their own phrase
            (
                "Sri Lanka opened its ports. Families criticised the navy.",
                "2022-06-01",
                &[],
            ),
            (
                "Sri Lanka opened its ports. A woman criticised the navy.",
                "2022-06-01",
                &[],
            ),
            (
                "Lebanese families accused the army of negligence.",
                "2022-06-01",
                &[("LBNCVL", "LBNMIL", "112")],
            ),
            // a capitalised role is a name: its owner is the adjective
            // before the regional word
            (
                "The Danish International Relief Agency sent aid to Chad.",
                "2022-06-01",
                &[("DNKDEV", "TCD", "070")],
            ),
            // the person's side, and dated leaders and secretaries-general
            (
                "The Obama administration criticised Cuba.",
                "2014-06-01",
                &[("USAGOV", "CUB", "111")],
            ),
            (
                "Micheletti accused Venezuela.",
                "2009-08-01",
                &[("HNDGOV", "VEN", "112")],
            ),
            (
                "Surin Pitsuwan criticised Myanmar.",
                "2010-03-01",
                &[("IGOSEAASN", "MMR", "111")],
            ),
            (
                "Panday criticised Venezuela.",
                "1998-03-01",
                &[("TTOGOV", "VEN", "111")],
            ),
            (
                "Mesic criticised Serbia.",
                "2005-03-01",
                &[("HRVGOV", "SRB", "111")],
            ),
            (
                "The mayor of Kharkiv condemned Belarus.",
                "2022-06-01",
                &[("UKRGOV", "BLR", "111")],
            ),
            // a role that serves abroad is its sender's, not the place's
            (
                "Russia's Kharkiv consulate condemned Ukraine.",
                "2022-06-01",
                &[("RUSGOV", "UKR", "111")],
            ),
            // the dateline's place, not its agency, places a bare role
            (
                "MOSCOW, June 3 (Reuters) - Police detained dozens of protesters.",
                "2022-06-03",
                &[("RUSCOP", "RUSOPP", "173")],
            ),
            (
                "Reagan criticised Gorbachev.",
                "1986-06-01",
                &[("USAGOV", "RUSGOV", "111")],
            ),
            // after their offices, former officials
            (
                "Yeltsin criticised Menem.",
                "2005-06-01",
                &[("RUSELI", "ARGELI", "111")],
            ),
            // armed movements of the period, with the day a rebel movement
            // took power
            (
                "The Khmer Rouge attacked Thai troops.",
                "1990-06-01",
                &[("KHMREB", "THAMIL", "190")],
            ),
            (
                "The Rwandan Patriotic Front condemned Burundi.",
                "1993-06-01",
                &[("RWAREB", "BDI", "111")],
            ),
            (
                "The Rwandan Patriotic Front condemned Burundi.",
                "1996-06-01",
                &[("RWAGOV", "BDI", "111")],
            ),
            (
                "Kitazawa criticised China.",
                "2010-06-01",
                &[("JPNGOV", "CHN", "111")],
            ),
            (
                "Buttigieg criticised Canada.",
                "2022-06-01",
                &[("USAGOV", "CAN", "111")],
            ),
            (
                "Kenya accused UNSCOM of spying.",
                "1998-06-01",
                &[("KEN", "IGOUNO", "1125")],
            ),
            (
                "The Soviet Union condemned Poland.",
                "1982-06-01",
                &[("RUS", "POL", "111")],
            ),
            // a compass word before the place, a country adjective with a
            // noun of place, allegiance to a side
            (
                "Police in northern Ghana arrested Togolese traders.",
                "2022-06-01",
                &[("GHACOP", "TGOBUS", "173")],
            ),
            (
                "Rebels in the eastern Congolese province of Ituri attacked Ugandan troops.",
                "2022-06-01",
                &[("CODREB", "UGAMIL", "190")],
            ),
            (
                "Militiamen loyal to Moscow attacked Georgian police.",
                "2022-06-01",
                &[("RUSREB", "GEOCOP", "190")],
            ),
            (
                "Gunmen linked to al-Shabaab attacked Kenyan police.",
                "2022-06-01",
                &[("SOMREB", "KENCOP", "193")],
            ),
            // peoples of mostly one country, governors, dated movements
            (
                "Chechen rebels attacked Georgian police.",
                "1999-06-01",
                &[("RUSREB", "GEOCOP", "190")],
            ),
            // a word that begins a phrase after the role noun leaves it
            // an actor ("police following the march", not "police station")
            (
                "Kenya held elections. Police following the march arrested Ugandan traders.",
                "2022-06-01",
                &[("KENCOP", "UGABUS", "173")],
            ),
            // a correspondent's or envoy's country is not where the story is
            (
                "An Italian correspondent said rebels attacked Malian troops.",
                "2022-06-01",
                &[("MLIREB", "MLIMIL", "190")],
            ),
            (
                "Whitmer criticised Canada.",
                "2020-06-01",
                &[("USAGOV", "CAN", "111")],
            ),
            (
                "UNITA attacked Namibian troops.",
                "1999-06-01",
                &[("AGOREB", "NAMMIL", "190")],
            ),
            (
                "UNITA criticised Namibia.",
                "2010-06-01",
                &[("AGOOPP", "NAM", "111")],
            ),
        ];
        for (text, date, want) in table {
            let want: Vec<_> = want.iter().map(|(a, b, c)| t(a, b, c)).collect();
            assert_eq!(triples_on(text, date), want, "{text}");
        }
    }

    #[test]
    fn unresolvable_mentions_stay_unresolved() {
        // no antecedent at all: no event rather than a guess
        assert_eq!(triples("It condemned Uganda."), vec![]);
        assert_eq!(triples("The alliance condemned Belarus."), vec![]);
        assert_eq!(triples("The government arrested the journalists."), vec![]);
    }
}
