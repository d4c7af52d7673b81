//! Stage `predicates`: verb-pattern matches in each coded sentence with a
//! mention, left to right (a verb inside an earlier match is part of it),
//! with their voice and by-agent.

use super::Stage;
use crate::clause::{
    attack_owner, expelling_country, find_by_agent, is_adverb, looks_like_verb, Ctx,
};
use crate::doc::{Cues, Doc, Layer, Predicate, Voice};
use crate::verbs::PatternMatch;
use crate::vocab::class;
use crate::Pipeline;

pub struct Predicates;

const NAME: &str = "predicates";

impl Stage for Predicates {
    fn name(&self) -> &'static str {
        NAME
    }
    fn needs(&self) -> &'static [Layer] {
        &[
            Layer::Tokens,
            Layer::Sentences,
            Layer::Screen,
            Layer::Mentions,
        ]
    }
    fn adds(&self) -> &'static [Layer] {
        &[Layer::Predicates]
    }
    fn run(&self, p: &Pipeline, doc: &mut Doc) {
        for index in 0..doc.sentences.len() {
            let start = doc.predicates.len();
            doc.sentences[index].predicates = start..start;
            let state = &doc.sentences[index];
            if !state.coded || state.mentions.is_empty() {
                continue;
            }
            let ctx = Ctx {
                p,
                layer: &doc.text,
                text: &doc.source.text,
                range: doc.text.sentences[index].tokens.clone(),
                mentions: &doc.mentions[state.mentions.clone()],
            };
            for m in find_matches(&ctx) {
                let pattern = &p.verbs.patterns[m.pattern];
                let entry = format!(
                    "{}:{}",
                    p.file_name(pattern.origin.file),
                    pattern.origin.line
                );
                // "killed in an Israeli air strike": the attack's owner
                // stands for the by-agent of a passive of force
                let found = find_by_agent(&ctx, &m);
                // "were expelled from Iran": the country expelling
                let owner = found
                    .is_none()
                    .then(|| attack_owner(&ctx, &m).or_else(|| expelling_country(&ctx, &m)))
                    .flatten();
                let by_agent = found.or(owner);
                let voice = voice(&ctx, &m, by_agent);
                let by_agent = if owner.is_some() && voice != Voice::Passive {
                    None
                } else {
                    by_agent
                };
                let verb = m.verb;
                doc.predicates.push(Predicate {
                    sentence: index,
                    matched: m,
                    entry,
                    voice,
                    by_agent,
                    subject: Vec::new(),
                    sources: Vec::new(),
                    targets: Vec::new(),
                    clause_start: verb,
                    code: None,
                    symmetric: pattern.symmetric,
                    cues: Cues::default(),
                    modality: None,
                    attribution: None,
                    attribution_span: None,
                });
            }
            doc.sentences[index].predicates = start..doc.predicates.len();
        }
    }
}

/// Pattern matches left to right; a verb inside an earlier match is part of
/// it and is not matched again.
fn find_matches(ctx: &Ctx) -> Vec<PatternMatch> {
    let range = ctx.range.clone();
    let mut matches = Vec::new();
    let mut used = vec![false; range.len()];
    for t in range.clone() {
        if used[t - range.start] || ctx.in_mention(t) {
            continue;
        }
        if !ctx.layer.is(t, class::PATTERN_VERB) || !looks_like_verb(ctx, t) {
            continue;
        }
        // "have (repeatedly) rejected talks with": an auxiliary before a
        // participle is no light verb of its own ("have talks with"); a
        // participle after a determiner is an adjective ("had a
        // scheduled meeting with")
        let participle =
            |i: usize| i < range.end && ctx.layer.is(i, class::PARTICIPLE) && !ctx.in_mention(i);
        if ctx.layer.is(t, class::AUXILIARY)
            && (participle(t + 1) || participle(t + 2) && !ctx.layer.is(t + 1, class::DETERMINER))
        {
            continue;
        }
        // A say-verb reports, unless a frame of more words makes it an act:
        // "claimed responsibility for", "denied involvement in".
        let say = ctx.layer.is(t, class::SAY_VERB);
        if let Some(m) = ctx
            .p
            .verbs
            .match_at(ctx.layer, t, range.end, ctx.mentions)
            .filter(|m| !say || m.literals.len() > 1)
        {
            for &l in &m.literals {
                used[l - range.start] = true;
            }
            // a verb inside the object of `_` is part of the match ("a
            // colonel *accused* of fraud")
            for l in m.object.clone().into_iter().flatten() {
                used[l - range.start] = true;
            }
            matches.push(m);
        }
    }
    matches
}

/// A participle right after the object of an earlier verb and before a
/// preposition ("executed a man *convicted* of spying for X", "freed
/// soldiers *captured* in Y") modifies that object: a passive with no
/// agent, not a second act of the clause's subject. The earlier verb is a
/// pattern verb of the lexicon that reads as a verb, with no clause break
/// between it and the participle; the object is a noun phrase opened by a
/// determiner, or a mention.
fn object_reduced_relative(ctx: &Ctx, m: &PatternMatch) -> bool {
    let range = ctx.range.clone();
    let v = m.verb;
    if v < range.start + 3 || v + 1 >= range.end || !ctx.layer.is(v + 1, class::PREPOSITION) {
        return false;
    }
    // a word of a noun phrase: in a mention, or a lower-case word that is
    // no function word ("as", "and", "who", "have" end the phrase)
    let nominal = |t: usize| {
        ctx.in_mention(t)
            || ctx.layer.tokens[t].shape == crate::text::Shape::Lower
                && ctx.norm(t).chars().all(|c| c.is_alphabetic() || c == '-')
                && !ctx.layer.is(
                    t,
                    class::GAP_BLOCKER
                        | class::AUXILIARY
                        | class::BE_FORM
                        | class::RELATIVE
                        | class::PATTERN_VERB
                        | class::DETERMINER,
                )
                && !is_adverb(ctx.norm(t))
    };
    let head = v - 1;
    if !nominal(head) {
        return false;
    }
    // the object's phrase: back over nouns and modifiers to its determiner
    let mut t = head;
    let opened = loop {
        if t <= range.start || v - t > 4 {
            break None;
        }
        t -= 1;
        if ctx.layer.is(t, class::DETERMINER) {
            break Some(t);
        }
        if !nominal(t) {
            break None;
        }
    };
    let Some(start) = opened else {
        return false;
    };
    // the verb whose object it is, right before the phrase
    start > range.start
        && ctx.layer.is(start - 1, class::PATTERN_VERB)
        && !ctx.in_mention(start - 1)
        && looks_like_verb(ctx, start - 1)
}

/// A participle that closes the noun phrase of a preposition and takes no
/// object of its own ("aid to families *displaced* in X", "money for
/// people *killed* in Y") heads a reduced relative clause in the passive:
/// the sentence's subject is not its agent. Only a short run of words
/// with no verb, comma or clause word may stand between the preposition
/// and the participle (`reduced_relative_prepositions.txt`).
fn reduced_relative(ctx: &Ctx, m: &PatternMatch) -> bool {
    let range = ctx.range.clone();
    let mut after = m.verb + 1;
    while after < range.end && (ctx.layer.tokens[after].temporal || is_adverb(ctx.norm(after))) {
        after += 1;
    }
    let no_object = after >= range.end
        || ctx.layer.is(after, class::PREPOSITION)
        || ctx.layer.is(after, class::CLAUSE_BREAK)
        || !ctx.norm(after).chars().any(char::is_alphanumeric);
    if !no_object || m.verb < range.start + 2 {
        return false;
    }
    const MAX_PHRASE: usize = 5;
    let blocks = |j: usize| {
        [
            class::PARTICIPLE,
            class::AUXILIARY,
            class::BE_FORM,
            class::CLAUSE_BREAK,
            class::RELATIVE,
            class::SAY_VERB,
            class::PREPOSITION,
            class::DETERMINER,
            class::REACH_STOP,
        ]
        .iter()
        .any(|&c| ctx.layer.is(j, c))
            || ctx.word_in(j, crate::lang::COMPLEMENTIZERS)
            || ctx.word_in(j, crate::lang::CLAUSE_COORDINATORS)
            || !ctx.norm(j).chars().any(char::is_alphanumeric)
    };
    let head = m.verb - 1;
    if blocks(head) || ctx.layer.tokens[head].temporal {
        return false;
    }
    let lowest = m.verb.saturating_sub(MAX_PHRASE + 1).max(range.start);
    let mut j = head;
    let preposition = loop {
        if j <= lowest {
            return false;
        }
        j -= 1;
        if ctx
            .p
            .language
            .has("reduced_relative_prepositions", ctx.norm(j))
        {
            break j;
        }
        if blocks(j) && !ctx.layer.is(j, class::DETERMINER) {
            return false;
        }
    };
    // The phrase must follow the clause's own verb ("gave money *to*
    // people killed"): a phrase inside the subject ("members *of* the
    // party called on") is followed by the clause's verb itself, and a
    // verb after a relative pronoun belongs to a clause in the subject.
    // "-ing" forms are left out: "demonstrators *protesting* against X
    // clashed" is a subject with its own modifier
    let is_verb = |k: usize| {
        let is = |bits| ctx.layer.is(k, bits);
        let w = ctx.norm(k);
        is(class::AUXILIARY | class::SAY_VERB | class::BE_FORM)
            || (is(class::PATTERN_VERB)
                && !w.ends_with("ing")
                && (w.ends_with("ed") || !is(class::BASE_LIKE)))
    };
    let mut k = preposition;
    while k > range.start {
        k -= 1;
        // a clause opened by "after", "when", "that" has its own subject
        // before the verb ("after the leaders of both met in X")
        let opens_clause = ctx
            .layer
            .is(k, class::CLAUSE_BREAK | class::REACH_STOP | class::RELATIVE)
            || ctx.word_in(k, crate::lang::COMPLEMENTIZERS)
            || (ctx.layer.is(k, class::PREPOSITION)
                && !ctx
                    .p
                    .language
                    .has("reduced_relative_prepositions", ctx.norm(k)));
        if opens_clause || !ctx.norm(k).chars().any(char::is_alphanumeric) {
            return false;
        }
        // after an article a verb form is a noun or an adjective ("the
        // first group")
        let after_article = k > range.start && ctx.layer.is(k - 1, class::DETERMINER);
        if is_verb(k) && !ctx.in_mention(k) && !after_article {
            // an auxiliary of the participle itself, with a phrase put
            // between them ("has in the past called on")
            if ctx.layer.is(k, class::AUXILIARY | class::BE_FORM) {
                return false;
            }
            let mut b = k;
            while b > range.start && (is_adverb(ctx.norm(b - 1)) || is_verb(b - 1)) {
                b -= 1;
            }
            return !(b > range.start && ctx.layer.is(b - 1, class::RELATIVE));
        }
    }
    false
}

/// Passive voice: "was attacked by". Without a form of "be", only a
/// participle directly followed by its by-agent is passive ("a swap
/// mediated by the UAE"); "signed a deal brokered by Russia" is active.
fn voice(ctx: &Ctx, m: &PatternMatch, by_agent: Option<usize>) -> Voice {
    let range = ctx.range.clone();
    let before = |k: usize| (m.verb >= range.start + k).then(|| ctx.norm(m.verb - k));
    let mut b = m.verb;
    while b > range.start
        && (is_adverb(ctx.norm(b - 1)) || ctx.word_in(b - 1, crate::lang::VERB_PREMODIFIERS))
    {
        b -= 1;
    }
    let aux_be = b > range.start && ctx.layer.is(b - 1, class::BE_FORM);
    let participle = ctx.layer.is(m.verb, class::PARTICIPLE);
    let by_adjacent = {
        let mut t = m.end.max(m.verb + 1);
        while t < range.end && (ctx.layer.tokens[t].temporal || is_adverb(ctx.norm(t))) {
            t += 1;
        }
        t < range.end && ctx.word_in(t, crate::lang::AGENT_PREPOSITIONS)
    };
    // "is opposed to", "were engaged in": a stance of the subject.
    let stative = by_agent.is_none() && ctx.layer.is(m.verb, class::STATIVE_PARTICIPLE);
    let passive = participle
        && by_agent.is_some_and(|_| aux_be || by_adjacent)
        && before(1).is_some_and(|w| !ctx.p.language.has("perfect_auxiliaries", w))
        || (participle && aux_be && !stative)
        || (participle && !aux_be && by_agent.is_none() && reduced_relative(ctx, m))
        || (participle && !aux_be && by_agent.is_none() && object_reduced_relative(ctx, m));
    if passive {
        Voice::Passive
    } else {
        Voice::Active
    }
}
