//! A surface reading of one sentence shared by the stages: which tokens
//! look like verbs, compounds of mentions, the subject of a verb, its
//! by-agent, say-verbs and speakers. These are today's word-sequence rules;
//! issue 11 replaces most of them with the dependency tree.

use crate::actors::{Mention, Referent};
use crate::event::Document;
use crate::text::TextLayer;
use crate::verbs::PatternMatch;
use crate::vocab::class;
use crate::Pipeline;
use rustc_hash::FxHashSet as HashSet;
use std::ops::Range;

/// "thousands", "dozens", "1,500": a quantity before "of".
pub(crate) fn is_quantity(layer: &TextLayer, i: usize) -> bool {
    layer.is(i, class::QUANTITY)
        || layer
            .norm(i)
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',')
}

pub(crate) fn is_adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly")
}

/// A view of one sentence: the layers a stage reads, by index.
pub(crate) struct Ctx<'a> {
    pub p: &'a Pipeline,
    pub layer: &'a TextLayer,
    pub text: &'a str,
    pub range: Range<usize>,
    pub mentions: &'a [Mention],
}
impl Ctx<'_> {
    pub(crate) fn norm(&self, i: usize) -> &str {
        self.layer.norm(i)
    }

    /// Whether token `i` is in a word list of the pipeline's language
    /// (`dict/lang/<code>/<list>.txt`; `list` is a constant of
    /// [`crate::lang`]): for tests made once per predicate or mention; a
    /// test per token in a hot loop uses a class bit.
    pub(crate) fn word_in(&self, i: usize, list: usize) -> bool {
        self.p.language.has_at(list, self.norm(i))
    }

    pub(crate) fn byte_span(&self, tokens: Range<usize>) -> [usize; 2] {
        // an implied party has no words: an empty span where it is implied
        if tokens.is_empty() {
            let at = self.layer.tokens[tokens.start].span.start;
            return [at, at];
        }
        [
            self.layer.tokens[tokens.start].span.start,
            self.layer.tokens[tokens.end - 1].span.end,
        ]
    }

    pub(crate) fn in_mention(&self, t: usize) -> bool {
        // mentions are sorted and do not overlap: the last one starting at
        // or before `t` is the only candidate
        let k = self.mentions.partition_point(|m| m.tokens.start <= t);
        k > 0 && self.mentions[k - 1].tokens.contains(&t)
    }

    /// Whether a verb or auxiliary follows the mention, making it a subject.
    pub(crate) fn starts_clause_after(&self, m: &Mention) -> bool {
        let next = m.tokens.end;
        next < self.range.end && {
            let w = self.norm(next);
            let is = |bits| self.layer.is(next, bits);
            is(class::AUXILIARY | class::SAY_VERB)
                || (is(class::PATTERN_VERB) && (w.ends_with("ed") || !is(class::BASE_LIKE)))
        }
    }

    /// Whether a finite verb follows the mention: "and Iran condemned",
    /// not "Kenya and Uganda to mediate" (an infinitive has no subject).
    fn starts_finite_clause_after(&self, m: &Mention) -> bool {
        self.starts_clause_after(m)
            && m.tokens.end < self.range.end
            && !self.word_in(m.tokens.end, crate::lang::INFINITIVE_MARKERS)
    }

    /// Whether a bare comma links the mention to the one before it, as in
    /// the middle of a list "A, B, and C".
    fn listed(&self, m: &Mention) -> bool {
        let start = m.tokens.start;
        start > self.range.start
            && self.norm(start - 1) == ","
            && self
                .mentions
                .iter()
                .any(|prev| prev.tokens.end + 1 == start)
    }

    /// The closing bracket of a short parenthesis opening at `i`, as in a
    /// name's short form: "the Central African Republic (CAR)".
    fn short_parenthesis_at(&self, i: usize) -> Option<usize> {
        const SHORT_FORM_TOKENS: usize = 4;
        if i >= self.range.end || self.norm(i) != "(" {
            return None;
        }
        let end = (i + 2 + SHORT_FORM_TOKENS).min(self.range.end);
        (i + 1..end)
            .take_while(|&j| !matches!(self.norm(j), "," | "(" | ";"))
            .find(|&j| self.norm(j) == ")")
    }

    /// Whether mention `k` is the short form in brackets right after mention
    /// `k - 1` ("the Democratic Republic of the Congo (DRC)").
    fn is_short_form(&self, k: usize) -> bool {
        k > 0
            && self
                .short_parenthesis_at(self.mentions[k - 1].tokens.end)
                .is_some_and(|close| self.mentions[k].tokens.end <= close)
    }

    /// Mentions coordinated with `idx` by "and", "or" and commas.
    pub(crate) fn compound(&self, idx: usize, leftward: bool, rightward: bool) -> Vec<usize> {
        // The connector between two neighbouring mentions, if they can be
        // members of one compound: Some(true) for "and"/"or", Some(false)
        // for a bare comma. A short form in brackets after a name belongs
        // to the name and does not break the list ("the Central African
        // Republic (CAR) and Chad").
        let link = |a: &Mention, b: &Mention| -> Option<bool> {
            let mut from = a.tokens.end;
            if let Some(close) = self.short_parenthesis_at(from) {
                if b.tokens.end <= close {
                    return Some(false);
                }
                from = close + 1;
            } else if from < b.tokens.start
                && self.norm(from) == ")"
                && a.tokens.start > self.range.start
                && self.norm(a.tokens.start - 1) == "("
            {
                from += 1;
            }
            let mut between: Vec<&str> = (from..b.tokens.start)
                .filter(|&i| !self.layer.tokens[i].temporal)
                .map(|i| self.norm(i))
                .collect();
            // "the government and former rebel commanders", "Kenya and
            // senior Ugandan officials": up to two modifiers of a role
            // noun (`role_modifiers.txt`) the mention leaves out stand
            // between the link and the member
            if b.has_role {
                for _ in 0..2 {
                    match between.last() {
                        Some(w)
                            if between.len() > 1
                                && crate::builtin::lang_has("role_modifiers", w) =>
                        {
                            between.pop();
                        }
                        _ => break,
                    }
                }
            }
            // "..., and the Netherlands said it would": a new clause's
            // subject, not another member of the compound; but the last
            // member of a serial-comma list ("the US, Russia, and
            // Switzerland met") is one.
            if between.first() == Some(&",") && self.starts_clause_after(b) && !self.listed(a) {
                return None;
            }
            let language = &self.p.language;
            if language.has_phrase(crate::lang::COMPOUND_COMMA_LINKS, &between) {
                Some(false)
            } else if language.has_phrase(crate::lang::COMPOUND_LINKS, &between) {
                Some(true)
            } else {
                None
            }
        };
        let n = self.mentions.len();
        let mut start = idx;
        let mut end = idx;
        while leftward
            && start > 0
            && link(&self.mentions[start - 1], &self.mentions[start]).is_some()
        {
            start -= 1;
        }
        // Rightward, a mention that starts its own clause is the next
        // clause's subject: "struck Lebanon and Iran condemned Israel".
        while rightward
            && end + 1 < n
            && link(&self.mentions[end], &self.mentions[end + 1]).is_some()
            && !(end + 1 > idx && self.starts_finite_clause_after(&self.mentions[end + 1]))
        {
            end += 1;
        }
        // A list is "A, B and C": commas alone make an apposition or a new
        // clause ("Russia, U.S. officials said"), so the chain stops at the
        // last "and"/"or" and starts after any comma run not closed by one.
        let links: Vec<bool> = (start..end)
            .map(|k| link(&self.mentions[k], &self.mentions[k + 1]) == Some(true))
            .collect();
        let Some(last_and) = links.iter().rposition(|&x| x) else {
            return vec![idx];
        };
        let chain_end = start + last_and + 1;
        if idx > chain_end {
            return vec![idx];
        }
        (start..=chain_end)
            .filter(|&k| k == idx || !self.is_short_form(k))
            .collect()
    }
}

/// The country or organisation that owns an actor code.
pub(crate) fn ctx_country(code: &str) -> String {
    crate::codes::ActorCode(code).owner().to_string()
}

pub(crate) fn span_text(text: &str, layer: &TextLayer, tokens: Range<usize>) -> String {
    if tokens.is_empty() {
        return String::new();
    }
    text[layer.tokens[tokens.start].span.start..layer.tokens[tokens.end - 1].span.end].to_string()
}

/// A rough test that a verb form is used as a verb: nouns follow
/// determiners and prepositions ("the attack", "for talks", "peace talks").
pub(crate) fn looks_like_verb(ctx: &Ctx, t: usize) -> bool {
    if t == ctx.range.start {
        // News sentences open with their subject, not a verb: "Protests
        // spread", "Talks resumed".
        return false;
    }
    let prev = ctx.norm(t - 1);
    let word = ctx.norm(t);
    // Inside a sentence a capitalised word is a name: "in March", "Operation
    // Rally", not a verb.
    if matches!(
        ctx.layer.tokens[t].shape,
        crate::text::Shape::Capitalized | crate::text::Shape::Upper
    ) {
        return false;
    }
    if ctx.layer.is(t - 1, class::DETERMINER) {
        return false;
    }
    // "the process of *returning* the statues to": after a noun of an act
    // being done (`ing_act_nouns.txt`), an "-ing" form before its object
    // (an article, a determiner or a name, maybe past a particle) is the
    // act's verb
    let act_gerund = word.ends_with("ing")
        && t >= ctx.range.start + 2
        && t + 1 < ctx.range.end
        && crate::builtin::lang_set!("ing_act_nouns").contains(ctx.norm(t - 2))
        && {
            // past a particle ("handing *over* the suspects")
            let o = if t + 2 < ctx.range.end && ctx.layer.is(t + 1, class::PREPOSITION) {
                t + 2
            } else {
                t + 1
            };
            ctx.layer.is(o, class::DETERMINER | class::ARTICLE) || ctx.in_mention(o)
        };
    if ctx.layer.is(t - 1, class::PREPOSITION)
        && !ctx.word_in(t - 1, crate::lang::INFINITIVE_MARKERS)
        && (!word.ends_with("ing")
            || ctx.word_in(t - 1, crate::lang::ING_NOUN_PREPOSITIONS) && !act_gerund)
    {
        return false;
    }
    // After an adjective ("Hezbollah targets", "Russian attack") a verb form is a noun.
    // A nationality in the plural is a noun, the subject of the verb
    // ("Palestinians blamed"); "Swiss" is not a plural.
    if ctx.mentions.iter().any(|m| {
        m.adjectival && m.tokens.end == t && {
            let last = ctx.norm(t - 1);
            !last.ends_with('s') || last.ends_with("ss")
        }
    }) {
        return false;
    }
    // "condemned *a US* strike on", "*an EU* ban on": a one-word name
    // with no role after an indefinite article modifies the noun after
    // it ("a suicide bomber killed", "a Somali delegation visited" are
    // role phrases, subjects)
    if ctx.mentions.iter().any(|m| {
        m.tokens.end == t
            && m.tokens.len() == 1
            && !m.has_role
            && !m.is_person
            && m.tokens.start > ctx.range.start
            && ctx.word_in(m.tokens.start - 1, crate::lang::INDEFINITE_ARTICLES)
    }) {
        return false;
    }
    if role_noun_modifier_before(ctx, t) {
        return false;
    }
    if word.ends_with("ing") {
        // "-ing" forms are verbs after "be", an aspect verb, a preposition, a
        // subject or a conjunction; otherwise nouns ("a high-level meeting").
        return ctx.in_mention(t - 1)
            || ctx.layer.is(t - 1, class::BE_FORM)
            || ctx.layer.is(t - 1, class::PREPOSITION)
            || is_adverb(prev)
            || ctx.layer.is(t - 1, class::ING_CONTEXT);
    }
    // A participle right after another verb is an adjective: "confiscate
    // frozen assets".
    // ("a swap mediated by": after a determiner the verb form is a noun)
    // An adjective comes before its noun, never before a determiner: in
    // "the car bomb struck a bus", "mortar fire hit the town" the word
    // before is a noun and the participle is the verb.
    let determiner_next = t + 1 < ctx.range.end && ctx.layer.is(t + 1, class::DETERMINER);
    let after_article = t >= ctx.range.start + 2 && ctx.layer.is(t - 2, class::DETERMINER);
    if ctx.layer.is(t, class::PARTICIPLE)
        && ctx.layer.is(t - 1, class::PATTERN_VERB)
        && !ctx.layer.is(t - 1, class::AUXILIARY)
        && !after_article
        && !ctx.in_mention(t - 1)
        && !determiner_next
        // "the drone strike killed": the word before is a noun
        && !role_noun_modifier_before(ctx, t - 1)
    {
        return false;
    }
    if word.ends_with("ed") || !ctx.layer.is(t, class::BASE_LIKE) {
        return true;
    }
    // A past form that is also a base form ("hit", "cut", "set") before a
    // determiner is a verb, not a noun: "mortar fire hit the town".
    if determiner_next && ctx.layer.is(t, class::PARTICIPLE) {
        return true;
    }
    // Base and -s forms: a verb after its subject, an auxiliary, "to", or an adverb.
    ctx.in_mention(t - 1)
        || ctx.layer.is(t - 1, class::AUXILIARY)
        || is_adverb(prev)
        || ctx.layer.is(t - 1, class::BASE_CONTEXT)
        || subject_before_aside(ctx, t)
}

/// Whether the base form at `t` is the head noun of a singular role noun
/// that modifies it: "the terrorist attack", "Sunday's militant assault",
/// "a rocket and drone attack". A singular subject takes the "-s" form in
/// the present, so a base form right after a singular role noun that
/// follows a determiner, a possessive or a preposition is a noun, unless the phrase opens
/// a subjunctive or a bare infinitive ("demanded that the army withdraw",
/// `bare_verb_openers.txt`). Plurals without "-s" ("police", `unmarked_plurals.txt`)
/// and past forms that are also base forms ("hit", "cut") are left to the
/// other tests.
fn role_noun_modifier_before(ctx: &Ctx, t: usize) -> bool {
    let word = ctx.norm(t);
    if word.ends_with("ing") || word.ends_with("ed") {
        return false;
    }
    if !ctx.layer.is(t, class::BASE_LIKE) || ctx.layer.is(t, class::PARTICIPLE) {
        return false;
    }
    // The noun stands before a preposition, a comma or the sentence's end,
    // or before the verb it is the subject of ("the drone strike killed");
    // a verb has its object there ("the army fire rockets at").
    let next = t + 1;
    if next < ctx.range.end
        && !ctx.layer.is(next, class::PREPOSITION)
        && ctx.norm(next).chars().any(char::is_alphanumeric)
        && !ctx.norm(next).ends_with("ed")
    {
        return false;
    }
    // "strikes on Islamic State targets in": a name right after a
    // preposition of an act's object (`target_prepositions.txt`) is no
    // subject, singular or plural
    if ctx.mentions.iter().any(|m| {
        m.tokens.end == t
            && m.tokens.start > ctx.range.start
            && !matches!(m.referent, Referent::Place(_))
            && ctx.word_in(m.tokens.start - 1, crate::lang::TARGET_PREPOSITIONS)
    }) {
        return true;
    }
    // A singular subject takes the "-s" form: only a base form is a noun
    // after a singular role noun.
    if word.ends_with('s') {
        return false;
    }
    // A singular common role noun ending right before `at`.
    let singular_role = |at: usize| {
        ctx.mentions.iter().find(|m| {
            m.tokens.end == at && m.has_role && !m.is_person && !m.tokens.is_empty() && {
                let last = m.tokens.end - 1;
                let w = ctx.norm(last);
                matches!(ctx.layer.tokens[last].shape, crate::text::Shape::Lower)
                    && (!w.ends_with('s') || w.ends_with("ss"))
                    && !ctx.word_in(last, crate::lang::UNMARKED_PLURALS)
            }
        })
    };
    let Some(mut m) = singular_role(t) else {
        return false;
    };
    // Past other singular role nouns joined by "and"/"or" ("a rocket and
    // drone attack"), to the word before the phrase.
    loop {
        let start = m.tokens.start;
        if start <= ctx.range.start {
            return false;
        }
        let before = start - 1;
        if ctx.layer.is(before, class::DETERMINER) {
            // "that the army withdraw": a subjunctive's subject
            return before == ctx.range.start
                || !ctx.word_in(before - 1, crate::lang::BARE_VERB_OPENERS);
        }
        // "for missile and drone attack": a singular noun with no
        // article after a preposition is no subject either
        if ctx.layer.is(before, class::PREPOSITION)
            && !ctx.word_in(before, crate::lang::INFINITIVE_MARKERS)
        {
            return true;
        }
        if before > ctx.range.start && ctx.word_in(before, crate::lang::COMPOUND_LINKS) {
            match singular_role(before) {
                Some(prev) => m = prev,
                None => return false,
            }
        } else {
            return false;
        }
    }
}

/// Whether a subject stands before a time expression or a short
/// parenthesis that ends right before token `t`: wire copy puts the day
/// between subject and verb ("Kenya on Tuesday expels", "Ghana Friday
/// lets"), and captions a side ("the minister (L) meets"), so a base or
/// "-s" form there is the verb as it is right after its subject.
fn subject_before_aside(ctx: &Ctx, t: usize) -> bool {
    let mut b = t;
    if ctx.norm(b - 1) == ")" {
        let open = (b.saturating_sub(6).max(ctx.range.start)..b - 1)
            .rev()
            .find(|&i| ctx.norm(i) == "(");
        match open {
            Some(i) => b = i,
            None => return false,
        }
    } else {
        while b > ctx.range.start && ctx.layer.tokens[b - 1].temporal {
            b -= 1;
        }
    }
    b < t && b > ctx.range.start && ctx.in_mention(b - 1)
}

/// "... by the African Union": the mention after `by` following the verb.
pub(crate) fn find_by_agent(ctx: &Ctx, m: &PatternMatch) -> Option<usize> {
    let start = m.verb + 1;
    let stop = (m.end.max(start) + 6).min(ctx.range.end);
    let by = (start..stop).find(|&i| ctx.word_in(i, crate::lang::AGENT_PREPOSITIONS))?;
    let next = if by + 1 < ctx.range.end && ctx.layer.is(by + 1, class::DEFINITE_ARTICLE) {
        by + 2
    } else {
        by + 1
    };
    ctx.mentions
        .iter()
        .position(|mm| mm.tokens.start == next || mm.tokens.start == by + 1)
}

/// The attacker a clause names without "by" after a verb of force (code set
/// `force-target`): the mention after a link of `attacker_links.txt`
/// ("killed at the hands of X", "in clashes with X"), or the owner of an
/// attack noun after a link of `attack_owner_links.txt` ("killed in an
/// Israeli air strike", "by a US drone strike": `attack_nouns.txt`). A
/// place is no owner ("in a Kabul bombing"). The caller keeps it only for
/// a passive, where it stands for the by-agent.
pub(crate) fn attack_owner(ctx: &Ctx, m: &PatternMatch) -> Option<usize> {
    const MAX_LINK: usize = 4;
    const MAX_MODIFIERS: usize = 2;
    let code = &ctx.p.verbs.patterns[m.pattern].code;
    if !ctx.p.rules.code_sets.contains("force-target", code) {
        return None;
    }
    // (after the verb's own words: `end` may reach past a slot left empty)
    let mut start = m.trigger_span().end;
    while start < ctx.range.end && (ctx.layer.tokens[start].temporal || is_adverb(ctx.norm(start)))
    {
        start += 1;
    }
    let lang = &ctx.p.language;
    let k = ctx
        .mentions
        .iter()
        .position(|mm| mm.tokens.start > start && mm.tokens.start <= start + MAX_LINK)?;
    let mention = &ctx.mentions[k];
    if matches!(
        mention.referent,
        Referent::Place(_) | Referent::Capital(_) | Referent::EachOther
    ) {
        return None;
    }
    let link: Vec<&str> = (start..mention.tokens.start).map(|i| ctx.norm(i)).collect();
    if lang.has_phrase(crate::lang::ATTACKER_LINKS, &link) {
        return Some(k);
    }
    if !lang.has_phrase(crate::lang::ATTACK_OWNER_LINKS, &link) {
        return None;
    }
    // the attack noun after the owner and at most two modifiers ("air",
    // "drone", "'s")
    let end = (mention.tokens.end + MAX_MODIFIERS + 1).min(ctx.range.end);
    (mention.tokens.end..end)
        .take_while(|&i| {
            !ctx.in_mention(i)
                && !ctx.layer.is(
                    i,
                    class::CLAUSE_BREAK | class::PREPOSITION | class::DETERMINER | class::AUXILIARY,
                )
        })
        .any(|i| lang.has_at(crate::lang::ATTACK_NOUNS, ctx.norm(i)))
        .then_some(k)
}

/// The country a passive of expulsion names without "by": the country or
/// capital right after "from" (`agent_origin_prepositions.txt`) past the
/// verb's own words ("inspectors were expelled *from Iran*", "were deported
/// from the United States on Monday"), for the codes of set `expelled-from`:
/// only the state that holds the territory expels or deports from it. A
/// role or a body ("expelled from the party") names no such state. The
/// caller keeps it only for a passive, where it stands for the by-agent.
pub(crate) fn expelling_country(ctx: &Ctx, m: &PatternMatch) -> Option<usize> {
    let code = &ctx.p.verbs.patterns[m.pattern].code;
    if !ctx.p.rules.code_sets.contains("expelled-from", code) {
        return None;
    }
    let origin =
        |t: usize| crate::builtin::lang_set!("agent_origin_prepositions").contains(ctx.norm(t));
    let state = |mention: &Mention| {
        !mention.adjectival
            && match &mention.referent {
                Referent::Actor(c) => c.len() == 3,
                Referent::Capital(_) => true,
                _ => false,
            }
    };
    // the pattern's own "from" and its slot ("expel diplomat from +")
    if let (Some(&last), Some(slot)) = (m.literals.last(), m.target) {
        if last > m.verb && origin(last) {
            return state(&ctx.mentions[slot]).then_some(slot);
        }
    }
    let mut t = m.trigger_span().end;
    while t < ctx.range.end && (ctx.layer.tokens[t].temporal || is_adverb(ctx.norm(t))) {
        t += 1;
    }
    if t + 1 >= ctx.range.end || !origin(t) {
        return None;
    }
    let mut start = t + 1;
    if ctx.layer.is(start, class::DEFINITE_ARTICLE) {
        start += 1;
    }
    ctx.mentions
        .iter()
        .position(|mention| mention.tokens.start == start && state(mention))
}

/// The target of a passive with a by-agent when no subject was found: the
/// owner named inside the subject phrase ("the homes of Palestinian
/// families were demolished by"), else none. The agent is still the source.
pub(crate) fn passive_subject(ctx: &Ctx, m: &PatternMatch, by_agent: usize) -> (Vec<usize>, usize) {
    let owner = ctx.mentions.iter().enumerate().rev().find(|(k, mention)| {
        *k != by_agent
            && mention.tokens.end <= m.verb
            && !mention.locative
            && !(mention.tokens.end..m.verb).any(|i| ctx.layer.is(i, class::CLAUSE_BREAK))
    });
    match owner {
        Some((k, mention)) => (vec![k], mention.tokens.end),
        None => (Vec::new(), m.verb),
    }
}

/// Whether a mention stands inside a relative clause set off by commas
/// that closes before `verb`: ", which borders Somalia,".
fn in_relative_clause(ctx: &Ctx, tokens: &Range<usize>, verb: usize) -> bool {
    let closes = (tokens.end..verb).any(|i| ctx.norm(i) == ",");
    closes
        && (ctx.range.start..tokens.start)
            .rev()
            .find(|&i| ctx.norm(i) == ",")
            .is_some_and(|comma| {
                comma + 1 < tokens.start && ctx.layer.is(comma + 1, class::RELATIVE)
            })
}

/// The subject of a verb and where its clause starts (for modality cues).
pub(crate) fn find_subject(
    ctx: &Ctx,
    m: &PatternMatch,
    slot_mentions: &HashSet<usize>,
    last_subject: &Option<(Vec<usize>, usize)>,
) -> Option<(Vec<usize>, usize)> {
    // Coordinated verbs share the subject: "visited Kyiv and met Zelenskiy".
    let mut b = m.verb;
    while b > ctx.range.start
        && (ctx.layer.is(b - 1, class::AUXILIARY) || is_adverb(ctx.norm(b - 1)))
    {
        b -= 1;
    }
    if b > ctx.range.start + 1 && ctx.word_in(b - 1, crate::lang::CLAUSE_COORDINATORS) {
        // A mention right before "and" is a member of a compound subject
        // ("Kenya and Uganda") only if the verb does not follow at once;
        // here it does, so a mention there is the earlier verb's object
        // ("stands with the UK and supports"), unless it is that verb's
        // subject itself.
        let before = b - 2;
        let own = last_subject
            .as_ref()
            .is_some_and(|(s, _)| s.iter().any(|&k| ctx.mentions[k].tokens.contains(&before)));
        if !ctx.in_mention(before) || (last_subject.is_some() && !own) {
            if let Some((subject, _)) = last_subject {
                return Some((subject.clone(), b - 1));
            }
        }
        // No pattern matched the first verb ("called Erdogan and urged
        // him"): the subject is that verb's.
        if last_subject.is_none() {
            if let Some(first) = earlier_verb(ctx, before, m.verb) {
                let earlier = PatternMatch {
                    verb: first,
                    end: first + 1,
                    object: None,
                    ..m.clone()
                };
                if let Some((subject, _)) = find_subject(ctx, &earlier, slot_mentions, &None) {
                    return Some((subject, b - 1));
                }
            }
        }
    }
    // "thanked Japan *for supporting* X", "detained a trader *for
    // supplying* Y": an "-ing" form right after "for" or "of"
    // (`accusation_links.txt`) that follows an earlier verb's object is
    // that object's act, not the earlier subject's.
    if m.verb > ctx.range.start + 1
        && ctx.norm(m.verb).ends_with("ing")
        && ctx.word_in(m.verb - 1, crate::lang::ACCUSATION_LINKS)
    {
        let object = ctx
            .mentions
            .iter()
            .rposition(|x| x.tokens.end == m.verb - 1 && !matches!(x.referent, Referent::Place(_)));
        if let Some(k) = object.filter(|k| slot_mentions.contains(k)) {
            return Some((ctx.compound(k, true, false), ctx.mentions[k].tokens.end));
        }
    }
    // "wrote to Y urging him", "blocked roads in Algiers demanding": an
    // "-ing" adjunct is not the verb of the noun in a phrase before it.
    let adjunct = ctx.norm(m.verb).ends_with("ing")
        && m.verb > ctx.range.start
        && !ctx.layer.is(m.verb - 1, class::BE_FORM | class::AUXILIARY);
    // Otherwise the nearest mention to the left that is not inside a
    // prepositional phrase, not a place, and not the object of an earlier verb.
    let mut k = ctx.mentions.len();
    while k > 0 {
        k -= 1;
        let mention = &ctx.mentions[k];
        if mention.tokens.end > m.verb {
            continue;
        }
        // "fired at *supporters marching* on", "shelled *villagers
        // fleeing* the fighting": people named by a plural role right
        // before an "-ing" form are its subject (a reduced relative), even
        // inside a prepositional phrase or as an earlier verb's object
        if adjunct && mention.tokens.end == m.verb && people_of_reduced_relative(ctx, mention) {
            return Some((ctx.compound(k, true, false), mention.tokens.end));
        }
        // clause breaks between the mention and the verb end the search
        if (mention.tokens.end..m.verb).any(|i| ctx.layer.is(i, class::CLAUSE_BREAK)) {
            // "X, who negotiated ...": the relative pronoun's antecedent
            return None;
        }
        let before = mention
            .tokens
            .start
            .checked_sub(1)
            .filter(|&i| i >= ctx.range.start)
            .map(|i| ctx.norm(i));
        // "the AU and the ECOWAS bloc of West African states agreed":
        // members described after a name's noun are not the subject; the
        // name is, with its compound
        // "thousands of Israeli protesters" is a quantity, not a phrase
        // "of X" hanging on another noun
        let quantity_of = before
            .is_some_and(|w| ctx.p.language.has_at(crate::lang::QUANTITY_LINKS, w))
            && mention.tokens.start >= ctx.range.start + 2
            && is_quantity(ctx.layer, mention.tokens.start - 2);
        if !quantity_of
            && before.is_some_and(|w| ctx.p.language.has_at(crate::lang::MEMBER_LINKS, w))
            && member_phrase_owner(ctx, mention.tokens.start - 1).is_some()
        {
            continue;
        }
        // "after both countries restored ties": a mention right before its
        // verb is a subject even after a preposition-like conjunction
        let right_before_verb = (mention.tokens.end..m.verb).all(|i| {
            ctx.layer.is(i, class::AUXILIARY)
                || is_adverb(ctx.norm(i))
                || ctx.layer.tokens[i].temporal
        });
        // For an "-ing" adjunct also across determiners ("struck near an
        // army base, killing six": the base's army did not kill).
        let mut head = mention.tokens.start;
        while adjunct && head > ctx.range.start + 1 && ctx.layer.is(head - 1, class::DETERMINER) {
            head -= 1;
        }
        let after_preposition = before.is_some_and(|w| w == "'s")
            || (head > ctx.range.start && ctx.layer.is(head - 1, class::PREPOSITION));
        // "Ethiopia's attack *on Eritrea* killed": the noun of a phrase
        // that hangs on an attack noun (`attack_nouns.txt`) is the attack's
        // target, not the subject of the verb right after it; the search
        // goes on to the attack's owner (an author after "by" stays one)
        let mut np = mention.tokens.start;
        while np > ctx.range.start + 2 && ctx.layer.is(np - 1, class::DETERMINER) {
            np -= 1;
        }
        let on_attack = np > ctx.range.start + 1
            && ctx.layer.is(np - 1, class::PREPOSITION)
            // "a bombing *by* X killed": the by-phrase names the author
            && !ctx.word_in(np - 1, crate::lang::AGENT_PREPOSITIONS)
            && ctx
                .p
                .language
                .has_at(crate::lang::ATTACK_NOUNS, ctx.norm(np - 2));
        let in_pp =
            !quantity_of && ((!right_before_verb || adjunct) && after_preposition || on_attack);
        // "a ban on Iranians visiting X", "fears about Y invading Z": an
        // "-ing" form right after an actor in a phrase of a topic
        // preposition (`topic_prepositions.txt`) is that actor's act named
        // as a topic, a noun phrase, not a verb of the clause's subject.
        if adjunct
            && in_pp
            && !on_attack
            && head > ctx.range.start
            && ctx.p.language.has("topic_prepositions", ctx.norm(head - 1))
            && mention.tokens.end == m.verb
            && !mention.locative
            && matches!(mention.referent, Referent::Actor(_) | Referent::Group(_))
        {
            return None;
        }
        if mention.locative
            || matches!(mention.referent, Referent::Place(_))
            || in_pp
            || in_relative_clause(ctx, &mention.tokens, m.verb)
            || slot_mentions.contains(&k)
            || mention.referent == Referent::EachOther
            || reduced_passive_agent(ctx, k)
        {
            continue;
        }
        // "struck Lebanon and Iran condemned Israel": an earlier verb's
        // object is not a member of the next clause's subject.
        // Nor is a place ("met in Cairo and they signed"), though people
        // "from" a place are ("officials from Seoul and Washington").
        let mut members = ctx.compound(k, true, false);
        members.retain(|j| *j == k || !(slot_mentions.contains(j) || placed(ctx, *j)));
        return Some((members, mention.tokens.end));
    }
    None
}

/// Whether a mention names people by a plural common noun ("opposition
/// supporters", "villagers"): such a noun before an "-ing" form is most
/// often modified by it, where a country or a name before one is most
/// often the object of the verb before ("struck Ukraine, killing").
fn people_of_reduced_relative(ctx: &Ctx, mention: &crate::actors::Mention) -> bool {
    let head = mention.tokens.end - 1;
    !mention.is_person
        && !mention.adjectival
        && !matches!(mention.referent, Referent::Place(_))
        && ctx.layer.tokens[head].shape == crate::text::Shape::Lower
        && ctx.norm(head).ends_with('s')
}

/// Whether mention `j` is a place it names after a locative preposition
/// ("in Cairo"), not people who come from there ("from Seoul").
fn placed(ctx: &Ctx, j: usize) -> bool {
    let m = &ctx.mentions[j];
    let mut p = m.tokens.start;
    while p > ctx.range.start && ctx.layer.is(p - 1, class::DETERMINER) {
        p -= 1;
    }
    m.locative
        && !(p > ctx.range.start
            && crate::builtin::lang_set!("agent_origin_prepositions").contains(ctx.norm(p - 1)))
}

/// The coded name that modifies the common noun (one or two words)
/// right before the link at `link` ("the *ECOWAS* bloc of ...", "the
/// *NATO* military alliance of ..."): a mention that is neither a
/// country's adjective ("the Kurdish region of Iraq"), nor a place.
fn member_phrase_owner(ctx: &Ctx, link: usize) -> Option<usize> {
    const NOUN_WORDS: usize = 2;
    let nouns = (ctx.range.start..link)
        .rev()
        .take(NOUN_WORDS)
        .take_while(|&i| {
            !ctx.in_mention(i)
                && !is_quantity(ctx.layer, i)
                && !ctx.word_in(i, crate::lang::CLAUSE_COORDINATORS)
                && !ctx
                    .p
                    .language
                    .has_phrase(crate::lang::COMPOUND_LINKS, &[ctx.norm(i)])
                && ctx.norm(i).chars().all(char::is_alphabetic)
                && crate::coref::modified_noun_at(ctx.layer, i)
        })
        .count();
    if nouns == 0 {
        return None;
    }
    let end = link - nouns;
    ctx.mentions.iter().position(|x| {
        x.tokens.end == end
            && !x.adjectival
            && !x.locative
            && matches!(x.referent, Referent::Actor(_) | Referent::Group(_))
    })
}

/// Whether mention `k` (with the compound it ends) is the by-agent of a
/// participle that modifies the actor named right before it: the agent
/// of a reduced relative, not the subject of the verb after it, however
/// close ("warplanes *backed by Russia* shelled", "the rebels supported
/// by Rwanda seized"). A participle of support (`sponsor_participles.txt`)
/// may modify any mention ("troops supported by allied jets shelled");
/// another participle only a coded actor, because after a noun that names
/// no actor the agent stays the act's author ("a statement issued by X
/// called on", "a bombing claimed by Y killed", "a delegation led by Z
/// arrived").
fn reduced_passive_agent(ctx: &Ctx, k: usize) -> bool {
    let mut by = ctx
        .compound(k, true, false)
        .iter()
        .map(|&j| ctx.mentions[j].tokens.start)
        .min()
        .unwrap_or(ctx.mentions[k].tokens.start);
    while by > ctx.range.start && ctx.layer.is(by - 1, class::DETERMINER) {
        by -= 1;
    }
    if by < ctx.range.start + 3 || !ctx.word_in(by - 1, crate::lang::AGENT_PREPOSITIONS) {
        return false;
    }
    let participle = by - 2;
    if ctx.in_mention(participle) {
        return false;
    }
    if ctx.word_in(participle, crate::lang::SPONSOR_PARTICIPLES) {
        return ctx.in_mention(participle - 1);
    }
    (ctx.norm(participle).ends_with("ed") || ctx.layer.is(participle, class::PARTICIPLE))
        && ctx.mentions.iter().any(|m| {
            m.tokens.end == participle
                && matches!(
                    m.referent,
                    Referent::Actor(_) | Referent::Group(_) | Referent::Capital(_)
                )
        })
}

/// The finite verb a coordinated verb is joined to, searched leftwards
/// from `from` within the clause: a form that reads as a verb and is
/// past or inflected ("called", "met"), outside the mentions.
///
/// A base or "-s" form (also a noun: "talks", "calls") counts only when
/// the coordinated verb `later` has the same form and the earlier one
/// follows its subject at once: "Putin expresses condolences ... and
/// condemns", headline and present-tense copy.
fn earlier_verb(ctx: &Ctx, from: usize, later: usize) -> Option<usize> {
    let later_s = ctx.layer.is(later, class::BASE_LIKE) && ctx.norm(later).ends_with('s');
    (ctx.range.start + 1..=from)
        .rev()
        .take_while(|&i| !ctx.layer.is(i, class::CLAUSE_BREAK))
        .find(|&i| {
            let inflected = ctx.norm(i).ends_with("ed") || !ctx.layer.is(i, class::BASE_LIKE);
            let present = later_s && ctx.norm(i).ends_with('s') && ctx.in_mention(i - 1);
            ctx.layer.is(i, class::PATTERN_VERB)
                && !ctx.in_mention(i)
                && (inflected || present)
                && !ctx.norm(i).ends_with("ing")
                && looks_like_verb(ctx, i)
        })
}

/// What a sentence says about speech, found once per sentence: an
/// unattributed-report cue, an "according to X", and the say-verbs.
pub(crate) struct Speech {
    fixed: Option<String>,
    /// Where the unattributed or "according to" cue stands.
    fixed_span: Option<[usize; 2]>,
    says: Vec<usize>,
}

impl Speech {
    pub(crate) fn of(ctx: &Ctx) -> Speech {
        let p = ctx.p;
        let range = ctx.range.clone();
        // "there are reports that ...", "reportedly"
        if let Some(c) = p.rules.unattributed.find_in(ctx.layer, range.clone()) {
            return Speech {
                fixed: Some(format!("anonymous: {}", span_text_ctx(ctx, c.start..c.end))),
                fixed_span: Some(ctx.byte_span(c.start..c.end)),
                says: Vec::new(),
            };
        }
        // "according to X", "citing X"
        if let Some(c) = p.rules.according.find_in(ctx.layer, range.clone()) {
            return Speech {
                fixed: Some(speaker_after(ctx, c.end).unwrap_or_else(|| "anonymous".into())),
                fixed_span: Some(ctx.byte_span(c.start..c.end)),
                says: Vec::new(),
            };
        }
        Speech {
            fixed: None,
            fixed_span: None,
            says: say_verbs(ctx),
        }
    }

    /// Where the attribution cue stands: the say-verb or "according to".
    pub(crate) fn span(&self, ctx: &Ctx, m: &PatternMatch) -> Option<[usize; 2]> {
        if self.fixed_span.is_some() {
            return self.fixed_span;
        }
        self.governing(ctx, m).map(|i| ctx.byte_span(i..i + 1))
    }

    /// The say-verb whose report contains the event verb: the nearest one
    /// before it, else a trailing "X said" after it. A parenthetical
    /// ("..., officials said, and ...") governs only the clause before it.
    fn governing(&self, ctx: &Ctx, m: &PatternMatch) -> Option<usize> {
        let range = ctx.range.clone();
        // A say-verb after the event counts only as a trailing attribution
        // ("..., Ukraine's navy said on Monday.") or a parenthetical, not
        // as the verb of a new clause ("..., and the Netherlands said it
        // would send ...").
        let trailing = |i: usize| {
            let rest: Vec<usize> = (i + 1..range.end)
                .filter(|&t| !ctx.layer.tokens[t].temporal)
                .collect();
            rest.len() <= 4 && !rest.iter().any(|&t| ctx.layer.is(t, class::PATTERN_VERB))
        };
        let says = &self.says;
        says.iter()
            .rev()
            .find(|&&i| i < m.verb && !parenthetical(ctx, i))
            .or_else(|| {
                // ("where, it said, 100 died": a parenthetical inside a
                // relative clause reports that clause only)
                says.iter().find(|&&i| {
                    i > m.verb
                        && (trailing(i)
                            || (parenthetical(ctx, i)
                                && !(m.verb..i).any(|t| ctx.layer.is(t, class::CLAUSE_BREAK))))
                })
            })
            .copied()
    }

    /// The speaker the sentence attributes the event to, if any.
    pub(crate) fn attribution(&self, ctx: &Ctx, m: &PatternMatch) -> Option<String> {
        if self.fixed.is_some() {
            return self.fixed.clone();
        }
        let say = self.governing(ctx, m)?;
        speaker_before(ctx, say)
            .or_else(|| speaker_after(ctx, say + 1))
            .or(Some("unnamed".into()))
    }
}

/// A say-verb set off by commas with its speaker: ", regional officials
/// said,". It reports the clause before it, not the one after.
fn parenthetical(ctx: &Ctx, say: usize) -> bool {
    let range = ctx.range.clone();
    let mut after = say + 1;
    while after < range.end && ctx.layer.tokens[after].temporal {
        after += 1;
    }
    if after >= range.end || ctx.norm(after) != "," {
        return false;
    }
    // the speaker: a few words back to a comma, none of them a verb
    let lower = say.saturating_sub(6).max(range.start);
    (lower..say)
        .rev()
        .find(|&i| ctx.norm(i) == ",")
        .is_some_and(|comma| {
            comma + 1 < say
                && (comma + 1..say).all(|i| {
                    ctx.in_mention(i)
                        || !(ctx.layer.is(i, class::PATTERN_VERB)
                            || ctx.layer.is(i, class::AUXILIARY)
                            || ctx.layer.is(i, class::SAY_VERB))
                })
        })
}

/// Say-verbs used as verbs ("said", "told"), not as nouns ("the reports").
pub(crate) fn say_verbs(ctx: &Ctx) -> Vec<usize> {
    ctx.range
        .clone()
        .filter(|&i| {
            ctx.layer.is(i, class::SAY_VERB)
                && !ctx.in_mention(i)
                && !(i > ctx.range.start
                    && (ctx.layer.is(i - 1, class::DETERMINER)
                        || ctx.word_in(i - 1, crate::lang::SAY_NOUN_CONTEXTS)))
        })
        .collect()
}

/// First-person pronouns ("we", "our troops") stand for the speaker of the
/// sentence: the actor before or after its say-verb, outside the quotation.
pub(crate) fn first_person_speaker(ctx: &Ctx) -> Option<String> {
    say_verbs(ctx)
        .into_iter()
        .find_map(|s| speaker_before(ctx, s).or_else(|| speaker_after(ctx, s + 1)))
        .filter(|sp| !sp.starts_with("anonymous"))
}

/// Gives first-person pronouns the speaker's code (its country for a role:
/// "our troops" said by Ukraine is UKRMIL).
pub(crate) fn resolve_first_person(mentions: &mut [Mention], speaker: &str) {
    for m in mentions {
        if let Referent::Pronoun { word, role } = &m.referent {
            if crate::builtin::lang_set!("first_person_pronouns").contains(word) {
                let code = match (role, crate::codes::ActorCode(speaker).country()) {
                    (Some(r), Some(country)) => format!("{country}{r}"),
                    _ => speaker.to_string(),
                };
                m.referent = Referent::Actor(code);
            }
        }
    }
}

pub(crate) fn speaker_before(ctx: &Ctx, say: usize) -> Option<String> {
    let mut i = say;
    let lower = say.saturating_sub(8).max(ctx.range.start);
    while i > lower {
        i -= 1;
        if let Some(m) = ctx
            .mentions
            .iter()
            .find(|m| m.tokens.end == i + 1 || m.tokens.contains(&i))
        {
            if let Referent::Actor(c) = &m.referent {
                // "officials said": an unqualified role is an anonymous source,
                // whatever country the document is about
                let anonymous = m.inferred
                    && ctx
                        .p
                        .rules
                        .anonymous
                        .find_in(ctx.layer, m.tokens.clone())
                        .is_some();
                if !anonymous {
                    return Some(c.clone());
                }
            }
        }
        if let Some(a) = ctx.p.rules.anonymous.matches_at(ctx.layer, i, say).next() {
            return Some(format!("anonymous: {}", span_text_ctx(ctx, a.start..a.end)));
        }
        if ctx.word_in(i, crate::lang::SPEAKER_STOPS) && i + 1 < say {
            break;
        }
    }
    None
}

pub(crate) fn speaker_after(ctx: &Ctx, start: usize) -> Option<String> {
    let stop = (start + 8).min(ctx.range.end);
    for i in start..stop {
        if let Some(m) = ctx.mentions.iter().find(|m| m.tokens.start == i) {
            if let Referent::Actor(c) = &m.referent {
                return Some(c.clone());
            }
        }
        if let Some(a) = ctx.p.rules.anonymous.matches_at(ctx.layer, i, stop).next() {
            return Some(format!("anonymous: {}", span_text_ctx(ctx, a.start..a.end)));
        }
    }
    None
}

pub(crate) fn span_text_ctx(ctx: &Ctx, tokens: Range<usize>) -> String {
    ctx.text[ctx.layer.tokens[tokens.start].span.start..ctx.layer.tokens[tokens.end - 1].span.end]
        .to_string()
}

/// "in 1945": an explicit year before the document's year marks history.
pub(crate) fn historical_year(ctx: &Ctx, doc: &Document) -> Option<u16> {
    let doc_year = doc.date?.year;
    for i in ctx.range.clone() {
        if !ctx.word_in(i, crate::lang::YEAR_PREPOSITIONS) || i + 1 >= ctx.range.end {
            continue;
        }
        // "in 1945", "in August 1945"
        for j in [i + 1, i + 2] {
            if j >= ctx.range.end {
                break;
            }
            let w = ctx.norm(j);
            if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) {
                let year: u16 = w.parse().ok()?;
                if (1800..doc_year).contains(&year) {
                    return Some(year);
                }
            }
        }
    }
    None
}

/// Weapon words in the source mention, the trigger, or a `with` phrase.
pub(crate) fn weapon(ctx: &Ctx, m: &PatternMatch, sources: &[usize]) -> Option<String> {
    // The source's phrase with the nouns it owns: "Russian mortar fire
    // hit", "killed in an Israeli air strike".
    const OWNED_NOUNS: usize = 3;
    let mut spans: Vec<Range<usize>> = sources
        .iter()
        .map(|&s| {
            let tokens = ctx.mentions[s].tokens.clone();
            let end = if tokens.end <= m.verb {
                m.verb
            } else {
                (tokens.end + OWNED_NOUNS).min(ctx.range.end)
            };
            let owned = (tokens.end..end).take_while(|&i| {
                !ctx.in_mention(i)
                    && !ctx.layer.is(
                        i,
                        class::CLAUSE_BREAK
                            | class::SAY_VERB
                            | class::PREPOSITION
                            | class::AUXILIARY
                            | class::DETERMINER,
                    )
            });
            let end = owned.last().map_or(tokens.end, |i| i + 1);
            if end > tokens.end + OWNED_NOUNS {
                tokens
            } else {
                tokens.start..end
            }
        })
        .collect();
    spans.push(m.trigger_span());
    let after = m.end..(m.end + 8).min(ctx.range.end);
    if let Some(w) = after
        .clone()
        .find(|&i| ctx.word_in(i, crate::lang::INSTRUMENT_PREPOSITIONS))
    {
        spans.push(w..after.end);
    }
    spans.iter().find_map(|r| {
        ctx.p
            .rules
            .weapons
            .find_in(ctx.layer, r.clone())
            .map(|c| c.value.clone())
    })
}

/// Rule 6/19: the country of the place a meeting is held in ("met in Paris").
pub(crate) fn meeting_place(ctx: &Ctx, m: &PatternMatch) -> Option<String> {
    // "met on the sidelines of the G20 summit in Bali": the place may come late
    let stop = (m.end + 12).min(ctx.range.end);
    let place = ctx
        .mentions
        .iter()
        .find(|mm| mm.tokens.start >= m.verb && mm.tokens.start < stop && mm.locative)?;
    match &place.referent {
        Referent::Actor(c) if c.len() == 3 => Some(c.clone()),
        Referent::Capital(c) | Referent::Place(Some(c)) => Some(c.clone()),
        _ => None,
    }
}

/// "Algeria denied that it had closed its border": an act reported by a
/// denial verb is negated. The denial governs its complement up to a
/// clause boundary (";", ", and", ", but"). A passive denial verb ("was
/// denied entry") reports no denial.
///
/// A say-verb that is itself negated ("did not say that", "would not
/// confirm that", "never said whether") asserts nothing of its complement
/// either: the act is not coded as done.
pub(crate) fn denied(ctx: &Ctx, m: &PatternMatch, cues: &mut crate::doc::Cues) {
    let negated_say = |d: usize| {
        let mut b = d;
        let mut negated = false;
        while b > ctx.range.start
            && (ctx.layer.is(b - 1, class::AUXILIARY)
                || is_adverb(ctx.norm(b - 1))
                || ctx.word_in(b - 1, crate::lang::NEGATION_ADVERBS))
        {
            negated |= ctx.word_in(b - 1, crate::lang::NEGATION_ADVERBS);
            b -= 1;
        }
        negated
    };
    // "were denied visas", "had been denied entry": a denial verb in the
    // passive is something refused to its subject, not a report denied
    let passive = |d: usize| {
        let mut b = d;
        while b > ctx.range.start && is_adverb(ctx.norm(b - 1)) {
            b -= 1;
        }
        b > ctx.range.start && ctx.layer.is(b - 1, class::BE_FORM)
    };
    let deny = say_verbs(ctx).into_iter().rev().find(|&d| {
        d < m.verb
            && (ctx.p.rules.deny_verbs.contains(ctx.norm(d)) && !passive(d) || negated_say(d))
            && !(d + 1..m.verb).any(|i| {
                ctx.norm(i) == ";"
                    || (ctx.norm(i) == ","
                        && i + 1 < m.verb
                        && ctx.word_in(i + 1, crate::lang::DENIAL_SCOPE_BREAKS))
            })
    });
    if let Some(d) = deny {
        cues.negated = true;
        cues.notes.push(format!("negated: {}", ctx.norm(d)));
        cues.spans.push(ctx.byte_span(d..d + 1));
    }
}

/// "Kenya said (that) Uganda must withdraw": the speaker's mention when a
/// say-verb governs a subject and a modal of obligation before the verb;
/// the clause is then the speaker's demand of the subject.
pub(crate) fn obligation_speaker(ctx: &Ctx, verb: usize, subject: &[usize]) -> Option<usize> {
    let first = ctx.mentions[*subject.first()?].tokens.start;
    let last = subject.iter().map(|&k| ctx.mentions[k].tokens.end).max()?;
    if !(last..verb).any(|i| ctx.layer.is(i, class::OBLIGATION)) {
        return None;
    }
    // "said (on Tuesday) (that) (the) Chadian government ..."
    let mut s = first;
    while s > ctx.range.start
        && (ctx.word_in(s - 1, crate::lang::FINITE_COMPLEMENTIZERS)
            || ctx.layer.is(s - 1, class::DETERMINER)
            || ctx.layer.tokens[s - 1].temporal)
    {
        s -= 1;
    }
    let say = s.checked_sub(1).filter(|&i| {
        i >= ctx.range.start && ctx.layer.is(i, class::SAY_VERB) && say_verbs(ctx).contains(&i)
    })?;
    // the speaker stands right before its say-verb (adverbs and time
    // words between)
    let mut end = say;
    while end > ctx.range.start
        && (ctx.layer.tokens[end - 1].temporal
            || is_adverb(ctx.norm(end - 1))
            || ctx.layer.is(end - 1, class::AUXILIARY))
    {
        end -= 1;
    }
    ctx.mentions
        .iter()
        .position(|m| m.tokens.end == end && !m.locative)
}
