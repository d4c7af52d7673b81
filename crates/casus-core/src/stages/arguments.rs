//! Stage `arguments`: for each predicate, its subject, source and targets
//! (voice, coordination, pattern slots), the code conversions and modality
//! cues in its clause, its modality, its speaker, and the refinements of its
//! code (weapons, protest aims). Predicates in one sentence are read left to
//! right, because an object of one verb cannot be the subject of the next
//! and coordinated verbs share a subject.

use super::Stage;
use crate::actors::Referent;
use crate::clause::{
    ctx_country, find_subject, historical_year, passive_subject, span_text, weapon, Ctx, Speech,
};
use crate::doc::{Cues, Doc, Layer, Predicate, Trace, Voice};
use crate::event::Modality;
use crate::rules::{CodeSets, Cue};
use crate::text::Shape;
use crate::verbs::mention_starting_at;
use crate::vocab::class;
use crate::Pipeline;
use rustc_hash::FxHashSet as HashSet;

pub struct Arguments;

const NAME: &str = "arguments";

impl Stage for Arguments {
    fn name(&self) -> &'static str {
        NAME
    }
    fn needs(&self) -> &'static [Layer] {
        &[Layer::Mentions, Layer::Predicates]
    }
    fn adds(&self) -> &'static [Layer] {
        &[Layer::Arguments]
    }
    fn run(&self, p: &Pipeline, doc: &mut Doc) {
        for index in 0..doc.sentences.len() {
            let state = &doc.sentences[index];
            if state.predicates.is_empty() {
                continue;
            }
            let ctx = Ctx {
                p,
                layer: &doc.text,
                text: &doc.source.text,
                range: doc.text.sentences[index].tokens.clone(),
                mentions: &doc.mentions[state.mentions.clone()],
            };
            let preds = &mut doc.predicates[state.predicates.clone()];
            sentence(&ctx, doc.source, index, preds, &mut doc.trace);
        }
    }
}

/// "Should X attack Y, ...", "Had X fallen, ...", "..., were X to leave":
/// a word of `inverted_conditionals.txt` opening the sentence or standing
/// after a comma, then a subject (a mention, after a determiner or not),
/// then the verb of the condition (a lower-case word; an infinitive marker
/// after a word of `inverted_infinitive_conditionals.txt`),
/// states a condition as "if" does. The shape decides: "X had attacked Y",
/// "X should leave" and "..., including Y, were Z" are no conditions.
fn inverted_conditional(ctx: &Ctx) -> Option<usize> {
    let range = ctx.range.clone();
    // an opening quotation mark or bracket does not move the sentence start
    let mut first = range.start;
    while first < range.end && ctx.layer.tokens[first].shape == Shape::Punct {
        first += 1;
    }
    range.clone().find(|&i| {
        let opens = i == first || (i > range.start && ctx.norm(i - 1) == ",");
        if !opens || i + 2 >= range.end {
            return false;
        }
        let with_verb = ctx.word_in(i, crate::lang::INVERTED_CONDITIONALS);
        let with_infinitive = ctx.word_in(i, crate::lang::INVERTED_INFINITIVE_CONDITIONALS);
        if !(with_verb || with_infinitive) {
            return false;
        }
        let subject_start = if ctx.layer.is(i + 1, class::DETERMINER) {
            i + 2
        } else {
            i + 1
        };
        let Some(k) = mention_starting_at(ctx.mentions, subject_start) else {
            return false;
        };
        let after = ctx.mentions[k].tokens.end;
        after < range.end
            && if with_infinitive {
                ctx.word_in(after, crate::lang::INFINITIVE_MARKERS)
            } else {
                ctx.layer.tokens[after].shape == Shape::Lower
                    && !ctx
                        .layer
                        .is(after, class::PREPOSITION | class::CLAUSE_BREAK)
            }
    })
}

/// Reads the predicates of one sentence, left to right.
fn sentence(
    ctx: &Ctx,
    source: &crate::Document,
    index: usize,
    preds: &mut [Predicate],
    trace: &mut Trace,
) {
    let p = ctx.p;
    let range = ctx.range.clone();
    // a conditional or question anywhere in the sentence, found once
    let conditional_span = range
        .clone()
        .find_map(|i| {
            p.rules
                .modality
                .matches_at(ctx.layer, i, range.end)
                .find(|c| *c.value == Cue::HypotheticalSentence)
                .map(|c| ctx.byte_span(c.start..c.end))
        })
        .or_else(|| inverted_conditional(ctx).map(|i| ctx.byte_span(i..i + 1)));
    let speech = Speech::of(ctx);
    let mut slot_mentions: HashSet<usize> = HashSet::default();
    let mut last_subject: Option<(Vec<usize>, usize)> = None;
    let verbs: Vec<usize> = preds.iter().map(|pr| pr.matched.verb).collect();
    for (k, pred) in preds.iter_mut().enumerate() {
        let m = &pred.matched;
        let pattern = &p.verbs.patterns[m.pattern];
        let found = find_subject(ctx, m, &slot_mentions, &last_subject).or_else(|| {
            let agent = pred.by_agent.filter(|_| pred.voice == Voice::Passive)?;
            Some(passive_subject(ctx, m, agent))
        });
        let Some((subject, window_start)) = found else {
            trace.note(NAME, index, || {
                format!("`{}`: no source found", pattern.text)
            });
            continue;
        };
        // "threatened to attack X and kill Y", "did not shell X and
        // destroy Y": a base form coordinated with the verb before it
        // shares the cues of that verb's clause (a conversion, a negation).
        let coordinated_base = window_start < m.verb
            && ctx.word_in(window_start, crate::lang::CLAUSE_COORDINATORS)
            && ctx.layer.is(m.verb, class::BASE_LIKE)
            && !ctx.norm(m.verb).ends_with("ed")
            && !ctx.norm(m.verb).ends_with("ing");
        let cue_start = match &last_subject {
            Some((_, earlier)) if coordinated_base => *earlier,
            _ => window_start,
        };
        last_subject = Some((subject.clone(), window_start));
        let Some((sources, mut targets)) = roles(ctx, pred, &subject) else {
            trace.note(NAME, index, || {
                format!(
                    "`{}`: passive without a by-agent is not coded",
                    pattern.text
                )
            });
            continue;
        };
        // A symmetric verb without a target pairs its compound subject
        // ("Xi and Biden met on the sidelines of the G20 summit"). A region
        // of no one country in the slot ("ties with the Pacific island
        // nation of Fiji") is no target: the actor after it in the phrase is.
        let mut reached = false;
        let mut one_way = false;
        let located = p.rules.code_sets.contains("located-target", &pattern.code);
        // Aid, an inquiry or mediation for people a role names without a
        // country ("grain for families escaping the fighting in Sudan",
        // "money for farmers in Chad") is aimed at the place they are in:
        // past the role, only a mention that says where counts.
        let uncoded_people = located
            && !targets.is_empty()
            && targets
                .iter()
                .all(|&t| matches!(ctx.mentions[t].referent, Referent::Role(_)));
        let no_target = uncoded_people
            || targets
                .iter()
                .all(|&t| ctx.mentions[t].referent == Referent::Place(None));
        // A symmetric act of one party aimed at what happens in a place
        // ("Russia agreed to a ceasefire in Syria") takes that place's
        // country as the other party, and nothing else beyond its slot.
        let one_party_located =
            pattern.symmetric && targets.is_empty() && subject.len() == 1 && located;
        if no_target
            && pred.voice == Voice::Active
            && pred.matched.source.is_none()
            && (!pattern.symmetric || !targets.is_empty() || one_party_located)
        {
            let next_verb = verbs.get(k + 1).copied().unwrap_or(range.end);
            let reach = Reach {
                next_verb,
                code: &pattern.code,
                place_only: one_party_located || uncoded_people,
            };
            if let Some(found) = reach_target(ctx, pred, &subject, &reach) {
                trace.note(NAME, index, || {
                    format!(
                        "`{}`: target `{}` found beyond the pattern slot, in the verb's clause",
                        pattern.text,
                        span_text(ctx.text, ctx.layer, ctx.mentions[found].tokens.clone())
                    )
                });
                targets = ctx.compound(found, false, true);
                reached = true;
                one_way = one_party_located;
            }
        }
        // "called off the strike after talks with the government": a
        // concession is made to the party of the talks that ended it;
        // "refused to resign despite pressure from the opposition": a
        // refusal or a protest is aimed at the party it defies
        if targets.is_empty() && pred.voice == Voice::Active && !pattern.symmetric {
            let next_verb = verbs.get(k + 1).copied().unwrap_or(range.end);
            let searches: [(PartySearch, &str, &str); 2] = [
                (
                    party_of_talks,
                    "made to",
                    "the party of the talks after which it came",
                ),
                (
                    defied_party,
                    "aimed at",
                    "the party whose pressure it defies",
                ),
            ];
            for (search, aimed, why) in searches {
                if let Some(found) = search(ctx, pred, &subject, next_verb, &pattern.code) {
                    trace.note(NAME, index, || {
                        let party = ctx.mentions[found].tokens.clone();
                        let party = span_text(ctx.text, ctx.layer, party);
                        format!("`{}`: {aimed} `{party}`, {why}", pattern.text)
                    });
                    targets = ctx.compound(found, false, true);
                    reached = true;
                    break;
                }
            }
        }
        // "met Jan Kowalski, a Polish diplomat,": a symmetric verb's other
        // party is a name the dictionaries do not know, named by the
        // apposition right after it
        if pattern.symmetric && targets.is_empty() && pred.voice == Voice::Active {
            if let Some(found) = apposition_of_name(ctx, pred.matched.end, &subject) {
                trace.note(NAME, index, || {
                    format!(
                        "`{}`: the other party is the apposition `{}` of an unknown name",
                        pattern.text,
                        span_text(ctx.text, ctx.layer, ctx.mentions[found].tokens.clone())
                    )
                });
                targets = vec![found];
                reached = true;
            }
        }
        let m = &pred.matched;
        // Objects of a verb cannot be the subject of a later verb; subjects
        // can ("Armenia and Azerbaijan signed a deal brokered by Russia"),
        // and so can a target found deep in the verb's clause.
        // A passive's target is its grammatical subject, which may also be
        // the subject of the next verb ("jets supported by Russia pounded
        // the town", "Kenya, attacked by X, retaliated").
        if !reached && pred.voice != Voice::Passive {
            slot_mentions.extend(targets.iter().copied());
        }
        if let Some(t) = m.target {
            slot_mentions.extend(ctx.compound(t, false, true));
        }
        let mut code = pattern.code.clone();
        // the place's country takes no part in the act: one direction
        let mut symmetric = pattern.symmetric && !one_way;
        let mut cues = Cues::default();
        let modality_window =
            conversion(ctx, pred, cue_start, &mut code, &mut symmetric, &mut cues);
        modality_cues(ctx, modality_window, &mut cues);
        if conditional_span.is_none() {
            stated_refusal(ctx, &mut code, &mut cues);
        }
        // "No country has recognised ...", "Neither Kenya nor Uganda ...":
        // a negative determiner before the subject negates its verb.
        if subject.first().is_some_and(|&k| {
            let start = ctx.mentions[k].tokens.start;
            start > range.start && ctx.word_in(start - 1, crate::lang::NEGATIVE_DETERMINERS)
        }) {
            cues.negated = true;
        }
        negated_object(ctx, pred, &mut cues);
        crate::clause::denied(ctx, &pred.matched, &mut cues);
        if conditional_span.is_some() {
            cues.hypothetical = true;
        }
        if let Some(span) = conditional_span {
            cues.notes
                .push("hypothetical: conditional in the sentence".into());
            cues.spans.push(span);
        }
        let speaker = speech.attribution(ctx, &pred.matched);
        if let Some(kind) = own_statement(ctx, &sources, &speaker, &cues, &mut code) {
            symmetric = false;
            cues.notes
                .push(format!("{kind}: own statement with a modal verb"));
        }
        let modality = modality_of(&p.rules.code_sets, &code, &cues);
        // History: "in 1945" in a sentence about an asserted event (rule 15).
        if modality == Modality::Asserted {
            if let Some(year) = historical_year(ctx, source) {
                trace.note(NAME, index, || {
                    format!("`{}`: history (in {year}) is not coded", pattern.text)
                });
                pred.subject = subject;
                pred.sources = sources;
                pred.targets = targets;
                continue;
            }
        }
        refine(ctx, pred, &sources, &mut code, &mut cues);
        pred.attribution_span = speech.span(ctx, &pred.matched);
        pred.subject = subject;
        pred.sources = sources;
        pred.targets = targets;
        pred.clause_start = window_start;
        pred.code = Some(code);
        pred.symmetric = symmetric;
        pred.cues = cues;
        pred.modality = Some(modality);
        pred.attribution = speaker;
    }
}

/// Source and targets (sentence-local mention indices): a passive takes
/// its by-agent as source and its subject as target; a pattern slot for
/// the source does the same; otherwise the subject acts on the target
/// slot. `None` for a passive without a by-agent.
fn roles(ctx: &Ctx, pred: &Predicate, subject: &[usize]) -> Option<(Vec<usize>, Vec<usize>)> {
    let m = &pred.matched;
    // "was returned to Egypt by the police": the subject of a passive is
    // the object of a pattern with one (`_`), the thing given, and the
    // slot after the pattern's preposition holds the target
    let object_pattern = ctx.p.verbs.patterns[m.pattern]
        .elements
        .iter()
        .any(crate::verbs::Element::is_object);
    Some(if pred.voice == Voice::Passive {
        let a = pred.by_agent?;
        let targets = match m.target {
            Some(t) if object_pattern || oblique_slot(ctx, m, t, a) => ctx.compound(t, false, true),
            _ => subject.to_vec(),
        };
        (ctx.compound(a, false, true), targets)
    } else if let Some(s) = m.source {
        (ctx.compound(s, false, true), subject.to_vec())
    } else {
        let targets = m
            .target
            .map(|t| ctx.compound(t, false, true))
            .unwrap_or_default();
        (subject.to_vec(), targets)
    })
}

/// Whether the target slot of a passive's match is an oblique after the
/// pattern's own preposition ("was extradited *to Peru* by Chile", "aid
/// was delivered *to Sudan* by the UN"): the subject is then the thing or
/// person moved, as the object of the active is, and the slot holds the
/// target the active gives. Not a slot right after the verb (its direct
/// object is the passive's subject), not a preposition left stranded by the
/// passive ("was fired at *from* Gaza", "was called on *by* X": the mention
/// after it follows another preposition or is the by-agent itself).
fn oblique_slot(ctx: &Ctx, m: &crate::verbs::PatternMatch, slot: usize, agent: usize) -> bool {
    if ctx.compound(agent, false, true).contains(&slot) {
        return false;
    }
    let mut before = ctx.mentions[slot].tokens.start;
    while before > m.verb + 1 && ctx.layer.is(before - 1, class::DETERMINER | class::ARTICLE) {
        before -= 1;
    }
    before > m.verb + 1
        && m.literals.contains(&(before - 1))
        && ctx.layer.is(before - 1, class::PREPOSITION)
}

/// Where `reach_target` searches: up to the next predicate's verb, for the
/// act's code; `place_only` takes only a mention that says where.
struct Reach<'a> {
    next_verb: usize,
    code: &'a str,
    place_only: bool,
}

/// How far past its pattern a verb looks for a target its slot missed.
const REACH: usize = 16;

/// A target beyond the pattern slot's reach: when the slot found no actor,
/// the first coded actor after the match in the verb's own clause, inside
/// its object phrase ("rejected calls by Belarus's rulers"), a complement
/// clause ("demanded that the United States ...") or an infinitive
/// ("threatened to impose restrictions against German goods"). The clause
/// ends at the next predicate's verb, a reach-stop word (`reach_stops.txt`),
/// a say-verb, or a mention after a comma or conjunction that starts a
/// clause of its own.
fn reach_target(ctx: &Ctx, pred: &Predicate, subject: &[usize], reach: &Reach) -> Option<usize> {
    let Reach {
        next_verb,
        code,
        place_only,
    } = *reach;
    let m = &pred.matched;
    // A form that is also a noun ("military support for Ukraine") is read
    // as a verb by a guess; the guess may fill the slot, but a target found
    // this far away needs a verb beyond doubt: a form that is no noun, or
    // one after an auxiliary, "to" or a subject pronoun ("it stands with").
    let verb = m.verb;
    let sure_verb = !ctx.layer.is(verb, class::BASE_LIKE)
        || (verb > ctx.range.start
            && (ctx.layer.is(verb - 1, class::AUXILIARY)
                || ctx.word_in(verb - 1, crate::lang::INFINITIVE_MARKERS)
                || ctx.word_in(verb - 1, crate::lang::SUBJECT_PRONOUNS)));
    if !sure_verb {
        return None;
    }
    // "accusing them of killing X", "called on them to boycott Y": an
    // object pronoun that is no mention (`object_pronouns.txt`) in the
    // slot, the first word after the verb that is not one of the
    // pattern's words, is the party the act is aimed at; the actors after
    // it are the act's content.
    let slot = (verb + 1..ctx.range.end).find(|i| !m.literals.contains(i));
    if slot.is_some_and(|i| {
        !ctx.in_mention(i) && crate::builtin::lang_set!("object_pronouns").contains(ctx.norm(i))
    }) {
        return None;
    }
    let start = m.end.max(verb + 1);
    let end = next_verb.min(ctx.range.end).min(start + REACH);
    let sets = &ctx.p.rules.code_sets;
    let mut t = start;
    let mut own_passed = false;
    while t < end {
        if let Some(k) = mention_starting_at(ctx.mentions, t) {
            let mention = &ctx.mentions[k];
            // The speaker of a trailing report ("..., Thai military sources
            // said") closes the verb's clause: it is no target.
            if speaker_of_report(ctx, mention) {
                return None;
            }
            // "fought on the Ukrainian side": a side one is on is no target
            // (`side_nouns.txt`)
            let after = mention.tokens.end;
            if mention.adjectival
                && after < ctx.range.end
                && ctx.p.language.has("side_nouns", ctx.norm(after))
            {
                return None;
            }
            // A mention followed by its own verb starts a clause: after a
            // comma or conjunction a coordinated one, otherwise a complement
            // whose subject only some verbs address.
            // The joiner may come before the mention's article ("..., and
            // the navy saved"), and an adverb may stand before its verb
            // ("the navy reportedly saved").
            let last = coordinated_last(ctx, k);
            let mut lead = t;
            while lead > start && ctx.layer.is(lead - 1, class::DETERMINER) {
                lead -= 1;
            }
            let own_verb = |m: &crate::actors::Mention| {
                let n = m.tokens.end;
                ctx.starts_clause_after(m)
                    || n + 1 < ctx.range.end && crate::clause::is_adverb(ctx.norm(n)) && {
                        let mut past_adverb = m.clone();
                        past_adverb.tokens = m.tokens.start..n + 1;
                        ctx.starts_clause_after(&past_adverb)
                    }
            };
            if t > start && own_verb(&ctx.mentions[last]) {
                let complement = ctx.layer.is(t - 1, class::CLAUSE_BREAK);
                let joined = |i: usize| ctx.word_in(i, crate::lang::LIST_JOINERS);
                if joined(t - 1)
                    || lead < t && lead > start && joined(lead - 1)
                    || complement && !sets.contains("addressee-in-clause", code)
                {
                    return None;
                }
            }
            // People without a country attacked ("massacred dozens of
            // civilians") are the verb's object: the place after them is
            // not its target.
            // They are its victims and take the scene's country (events
            // stage, `scene-country`): "a truck bomb hit a minibus taking
            // soldiers home in X".
            // A role that modifies a noun names a facility ("a militant
            // camp near X", "an army base in Y"): the place after it is
            // the target.
            if matches!(mention.referent, Referent::Role(_)) && sets.contains("force-target", code)
            {
                let end = mention.tokens.end;
                let modifier = end < ctx.range.end
                    && (crate::coref::modified_noun_at(ctx.layer, end)
                        && !ctx.word_in(end, crate::lang::CLAUSE_COORDINATORS)
                        || ctx.layer.is(end, class::POSSESSIVE_LINK));
                if !modifier {
                    return (!mention.locative && !subject.contains(&k)).then_some(k);
                }
                t = end;
                continue;
            }
            // A place stands for its country only when it is attacked or
            // visited ("seized power in Niger" is not aimed at Niger).
            let place_target = sets.contains("capital-target", code);
            // An inquiry, a claim of responsibility, mediation or a
            // ceasefire is aimed at the country where its object lies
            // ("inspected the reactors in Iran").
            let located = sets.contains("located-target", code);
            let coded = matches!(
                mention.referent,
                Referent::Actor(_) | Referent::Group(_) | Referent::Capital(_)
            ) || matches!(mention.referent, Referent::Place(Some(_)))
                && (place_target || located);
            // A country or group after a locative preposition is a target
            // only of force and visits ("struck targets in Syria"); a curfew
            // or condolences reach a placed place, not "support from NATO".
            let place_like = matches!(mention.referent, Referent::Place(_) | Referent::Capital(_));
            // "from" in the object phrase names whom the object comes from
            // or is taken from ("autonomy from the Iraqi authorities",
            // "sanctions on goods from Kenya"), not where the act happens
            let mut b = t;
            while b > start && ctx.layer.is(b - 1, class::DETERMINER) {
                b -= 1;
            }
            // (the object's own phrase: no "-ing" form or infinitive
            // between, "accused of helping X escape from Japan")
            // A curfew's place is its target: "from" there names help
            // ("with support from the African Union").
            // An adjective there is a place's ("metres from Kenyan soil").
            let after_origin = ctx.p.language.has("origin_prepositions", ctx.norm(b - 1));
            let origin = after_origin
                && !mention.adjectival
                && !sets.contains("restricted-place", code)
                && !(start..b).any(|i| {
                    !ctx.in_mention(i)
                        && (ctx.norm(i).ends_with("ing")
                            || ctx.word_in(i, crate::lang::INFINITIVE_MARKERS))
                });
            let country = matches!(&mention.referent, Referent::Actor(c) if c.len() == 3);
            let placed = !mention.locative
                || origin && !place_like
                || located && !after_origin && (place_like || country)
                || place_target
                    && (place_like
                        || sets.contains("force-target", code)
                        || sets.contains("visit", code));
            // (a one-party ceasefire: only a place counts, and an actor
            // before it is passed over, "a truce halting Ruritania's
            // offensive in northern Borduria")
            // The source's own people or things, named with a possessive
            // pronoun ("rejected a call for its forces to be deployed in
            // X", "criticised the detention of its diplomats by Y"): such a
            // mention of the subject's own country is the source itself,
            // not the party its act is aimed at, so the search goes on. A
            // pronoun alone ("demanded that he resign"), a named body or
            // person of the same country is another party. Past such a
            // phrase, the country its people are in or sent to is the
            // other party ("the detention of its diplomats in Uganda", "a
            // call for its troops to be deployed in Chad").
            let possessive = mention.tokens.len() > 1
                && crate::builtin::lang_set!("pronouns").contains(ctx.norm(mention.tokens.start));
            let own = possessive
                && !mention.locative
                && owner_of(&mention.referent).is_some_and(|c| {
                    subject
                        .iter()
                        .any(|&s| s != k && owner_of(&ctx.mentions[s].referent) == Some(c.clone()))
                });
            let own_place = own_passed
                && mention.locative
                && !after_origin
                && (country || matches!(mention.referent, Referent::Capital(_)));
            if (coded && placed || own_place)
                && !own
                && !subject.contains(&k)
                && (!place_only || in_a_place(ctx, k))
            {
                return Some(k);
            }
            own_passed |= own;
            t = mention.tokens.end;
            continue;
        }
        // "rejected as baseless the claims by X": a predicative "as" right
        // after the verb, before a modifier, opens no clause of its own
        if t == start {
            if let Some(next) = crate::verbs::predicative_as_end(ctx.layer, t, end) {
                t = next;
                continue;
            }
        }
        // a say-verb's participle in the object phrase is an adjective
        // ("into alleged crimes by", "the reported attack on"), not a verb
        let adjectival = t == start || ctx.layer.is(t - 1, class::DETERMINER);
        if ctx.layer.is(t, class::REACH_STOP) || ctx.layer.is(t, class::SAY_VERB) && !adjectival {
            return None;
        }
        t += 1;
    }
    None
}

/// The country (or organisation) a coded referent belongs to.
fn owner_of(referent: &Referent) -> Option<String> {
    match referent {
        Referent::Actor(c) | Referent::Capital(c) => Some(crate::clause::ctx_country(c)),
        _ => None,
    }
}

/// Whether a say-verb follows the mention's phrase at once, after at most
/// two plain words ("military sources said", "officials told"): the
/// mention is a speaker.
fn speaker_of_report(ctx: &Ctx, mention: &crate::actors::Mention) -> bool {
    const PHRASE_WORDS: usize = 2;
    let end = (mention.tokens.end + PHRASE_WORDS + 1).min(ctx.range.end);
    for i in mention.tokens.end..end {
        if ctx.layer.is(i, class::SAY_VERB) {
            // the report ends there ("sources said.", "officials said on
            // Monday", "said that"); "Armenian state and media" is a noun
            let mut next = i + 1;
            while next < ctx.range.end && ctx.layer.tokens[next].temporal {
                next += 1;
            }
            return !ctx.layer.is(i - 1, class::DETERMINER)
                && (next >= ctx.range.end
                    || !ctx.norm(next).chars().any(char::is_alphanumeric)
                    || ctx.word_in(next, crate::lang::COMPLEMENTIZERS));
        }
        let plain = !ctx.in_mention(i)
            && !ctx.word_in(i, crate::lang::CLAUSE_COORDINATORS)
            && !ctx.word_in(i, crate::lang::LIST_JOINERS)
            && ctx.norm(i).chars().all(char::is_alphabetic)
            && !ctx.layer.is(
                i,
                class::PATTERN_VERB
                    | class::AUXILIARY
                    | class::CLAUSE_BREAK
                    | class::PREPOSITION
                    | class::DETERMINER
                    | class::RELATIVE,
            );
        if !plain {
            return false;
        }
    }
    false
}

/// A search for the party an act without a target is aimed at, from the
/// words after its verb (`party_of_talks`, `defied_party`).
type PartySearch = fn(&Ctx, &Predicate, &[usize], usize, &str) -> Option<usize>;

/// The party of the talks after which a concession (code set
/// `settled-with`) came: in the verb's clause, a sequence preposition
/// (`sequence_prepositions.txt`), at most three determiners or lower-case
/// modifiers, a talk noun (`talk_nouns.txt`), a link (`talk_links.txt`:
/// "with"), and a coded actor after at most one determiner ("after two
/// days of talks" does not count: only modifiers stand between).
fn party_of_talks(
    ctx: &Ctx,
    pred: &Predicate,
    subject: &[usize],
    next_verb: usize,
    code: &str,
) -> Option<usize> {
    if !ctx.p.rules.code_sets.contains("settled-with", code) {
        return None;
    }
    let lists = ["sequence_prepositions", "talk_nouns", "talk_links"];
    let start = pred.matched.end.max(pred.matched.verb + 1);
    party_after_noun(ctx, subject, start..next_verb, lists)
}

/// The party whose pressure a refusal or a protest (code set `defied`)
/// without a target defies: in the verb's clause, a concessive word
/// (`concessive_prepositions.txt`: "despite", "defying"), at most three
/// determiners or lower-case modifiers, a pressure noun
/// (`pressure_nouns.txt`: "pressure", "calls", "defiance"), a link
/// (`pressure_links.txt`: "from", "by", "of") and a coded actor after at
/// most one determiner ("declined to step down despite mounting pressure
/// from the opposition").
fn defied_party(
    ctx: &Ctx,
    pred: &Predicate,
    subject: &[usize],
    next_verb: usize,
    code: &str,
) -> Option<usize> {
    if !ctx.p.rules.code_sets.contains("defied", code) {
        return None;
    }
    let lists = [
        "concessive_prepositions",
        "pressure_nouns",
        "pressure_links",
    ];
    // (the pattern may hold the concessive word: "refuse to resign despite +")
    party_after_noun(ctx, subject, pred.matched.verb + 1..next_verb, lists)
}

/// The actor named after an opener, a noun and a link of the three lists
/// `[openers, nouns, links]` in the verb's clause (see `party_of_talks`).
fn party_after_noun(
    ctx: &Ctx,
    subject: &[usize],
    span: std::ops::Range<usize>,
    [openers, nouns, links]: [&str; 3],
) -> Option<usize> {
    let lang = &ctx.p.language;
    let start = span.start;
    let end = span.end.min(ctx.range.end).min(start + REACH);
    let at = (start..end).find(|&i| lang.has(openers, ctx.norm(i)))?;
    let mut t = at + 1;
    let limit = (t + 4).min(end);
    while t < limit && !lang.has(nouns, ctx.norm(t)) {
        let modifier = ctx.layer.is(t, class::DETERMINER)
            || ctx.layer.tokens[t].shape == Shape::Lower && !ctx.layer.is(t, class::PREPOSITION);
        if !modifier || ctx.in_mention(t) {
            return None;
        }
        t += 1;
    }
    if t >= limit || t + 1 >= end || !lang.has(links, ctx.norm(t + 1)) {
        return None;
    }
    let mut b = t + 2;
    if b < end && ctx.layer.is(b, class::DETERMINER) {
        b += 1;
    }
    let k = mention_starting_at(ctx.mentions, b)?;
    let coded = matches!(
        ctx.mentions[k].referent,
        Referent::Actor(_) | Referent::Group(_) | Referent::Capital(_)
    );
    (coded && !subject.contains(&k)).then_some(k)
}

/// Whether mention `k` says where: after a locative preposition, also
/// past compass adjectives ("in northern Syria").
fn in_a_place(ctx: &Ctx, k: usize) -> bool {
    let m = &ctx.mentions[k];
    if m.locative {
        return true;
    }
    let mut b = m.tokens.start;
    while b > ctx.range.start && ctx.p.language.has("compass_adjectives", ctx.norm(b - 1)) {
        b -= 1;
    }
    b < m.tokens.start
        && b > ctx.range.start
        && ctx.p.language.has("mention_locatives", ctx.norm(b - 1))
}

/// The apposition of an unknown name right at `start` ("Jan Kowalski, a
/// senior Polish diplomat,"): capitalised words in no mention, a comma,
/// then a coded actor mention after at most three determiners or
/// lower-case modifiers. Only the phrase right after the name counts, so a
/// party of a later clause is never taken.
fn apposition_of_name(ctx: &Ctx, start: usize, subject: &[usize]) -> Option<usize> {
    let end = ctx.range.end;
    let capital = |i: usize| {
        matches!(
            ctx.layer.tokens[i].shape,
            crate::text::Shape::Capitalized | crate::text::Shape::Upper
        ) && !ctx.in_mention(i)
    };
    let mut t = start;
    while t < end && capital(t) {
        t += 1;
    }
    if t == start || t >= end || ctx.norm(t) != "," {
        return None;
    }
    t += 1;
    let limit = (t + 4).min(end);
    while t < limit {
        if let Some(k) = mention_starting_at(ctx.mentions, t) {
            let m = &ctx.mentions[k];
            let coded = matches!(m.referent, Referent::Actor(_) | Referent::Group(_));
            return (coded && !m.locative && !subject.contains(&k)).then_some(k);
        }
        let modifier = ctx.layer.is(t, class::DETERMINER)
            || ctx.layer.tokens[t].shape == crate::text::Shape::Lower
                && !ctx.layer.is(
                    t,
                    class::PREPOSITION | class::CLAUSE_BREAK | class::SAY_VERB | class::AUXILIARY,
                );
        if !modifier {
            return None;
        }
        t += 1;
    }
    None
}

/// The last mention of a plain coordination starting at `k` ("Kenya and
/// Uganda"), whether or not it is a compound target: if that mention has a
/// verb of its own, the whole coordination is a clause's subject.
fn coordinated_last(ctx: &Ctx, k: usize) -> usize {
    let mut last = k;
    while last + 1 < ctx.mentions.len() {
        let between = ctx.mentions[last].tokens.end..ctx.mentions[last + 1].tokens.start;
        let linked = !between.is_empty()
            && between.len() <= 2
            && between.clone().all(|i| {
                ctx.word_in(i, crate::lang::LIST_JOINERS) || ctx.layer.is(i, class::DETERMINER)
            });
        if !linked {
            break;
        }
        last += 1;
    }
    last
}

/// Code conversions between the subject and the verb ("threatened to",
/// "refused to"). Returns the window left for modality cues: the part
/// before the conversion cue.
pub(crate) fn conversion(
    ctx: &Ctx,
    pred: &Predicate,
    window_start: usize,
    code: &mut String,
    symmetric: &mut bool,
    cues: &mut Cues,
) -> std::ops::Range<usize> {
    let p = ctx.p;
    let verb = pred.matched.verb;
    for i in window_start..verb {
        if let Some(c) = p
            .rules
            .conversion_cues
            .matches_through_time(ctx.layer, i, verb)
            .next()
        {
            let conversion = &p.rules.conversions[*c.value];
            if let Some(to) = conversion.apply(code) {
                // An intent, refusal or threat is the subject's alone.
                *symmetric = false;
                cues.notes.push(format!(
                    "{}: {}",
                    conversion.name,
                    span_text(ctx.text, ctx.layer, c.start..c.end)
                ));
                cues.spans.push(ctx.byte_span(c.start..c.end));
                *code = to.to_string();
                // "has no intention to expel": the commitment is denied
                if i > window_start && ctx.word_in(i - 1, crate::lang::NEGATIVE_DETERMINERS) {
                    cues.negated = true;
                    cues.notes.push(format!("negated: {}", ctx.norm(i - 1)));
                }
            }
            return window_start..i;
        }
    }
    window_start..verb
}

/// "will not send troops", "said it would not accept the refugees": an act
/// its actor says it will not do is a refusal, as after "refused to" (the
/// `refusal` conversion, CAMEO 12), asserted. Only a negation with a modal
/// of the future in the verb's own window counts, not a denial or a
/// conditional ("if ..., it would not"); codes the conversion does not map
/// stay negated.
pub(crate) fn stated_refusal(ctx: &Ctx, code: &mut String, cues: &mut Cues) {
    if !cues.negated || !cues.modal_verb || !(cues.future || cues.hypothetical) {
        return;
    }
    let Some(conv) = ctx.p.rules.conversions.iter().find(|c| c.name == "refusal") else {
        return;
    };
    let Some(to) = conv.apply(code) else {
        return;
    };
    *code = to.to_string();
    cues.negated = false;
    cues.future = false;
    cues.hypothetical = false;
    cues.modal_verb = false;
    cues.notes
        .push("refusal: an act said not to be done".into());
}

/// Negation, hypothetical, future and modal-verb cues in the window.
pub(crate) fn modality_cues(ctx: &Ctx, window: std::ops::Range<usize>, cues: &mut Cues) {
    let mut i = window.start;
    while i < window.end {
        if let Some(c) = ctx
            .p
            .rules
            .modality
            .matches_at(ctx.layer, i, window.end)
            .next()
        {
            match c.value {
                Cue::Negated => cues.negated = true,
                Cue::Hypothetical => cues.hypothetical = true,
                Cue::Future => cues.future = true,
                _ => {}
            }
            if matches!(c.value, Cue::Hypothetical | Cue::Future)
                && ctx.word_in(c.start, crate::lang::MODAL_VERBS)
            {
                cues.modal_verb = true;
            }
            if *c.value != Cue::HypotheticalSentence && *c.value != Cue::NegatedObject {
                cues.notes.push(
                    format!(
                        "{:?}: {}",
                        c.value,
                        span_text(ctx.text, ctx.layer, c.start..c.end)
                    )
                    .to_lowercase(),
                );
                cues.spans.push(ctx.byte_span(c.start..c.end));
            }
            i = c.end;
        } else {
            i += 1;
        }
    }
}

/// "... signed no agreement": a negative object right after the verb.
pub(crate) fn negated_object(ctx: &Ctx, pred: &Predicate, cues: &mut Cues) {
    let verb = pred.matched.verb;
    let after = verb + 1..(verb + 3).min(ctx.range.end);
    if after.clone().any(|i| {
        ctx.p
            .rules
            .modality
            .matches_at(ctx.layer, i, ctx.range.end)
            .any(|c| *c.value == Cue::NegatedObject)
    }) {
        cues.negated = true;
        cues.notes.push("negated: no".into());
    }
}

/// Whether an own statement converts the code: `intent`, or `threat` for
/// force and sanctions.
fn own_statement_kind(sets: &CodeSets, code: &str) -> &'static str {
    if sets.contains("force", code) {
        "threat"
    } else {
        "intent"
    }
}

/// Rule 10 in reported speech: "Russia would halt strikes", said by
/// Russia's own side, is Russia's commitment, not a prediction: the intent
/// (or, for force and sanctions, threat) of the action, asserted. Returns
/// the conversion applied, if any.
pub(crate) fn own_statement(
    ctx: &Ctx,
    sources: &[usize],
    speaker: &Option<String>,
    cues: &Cues,
    code: &mut String,
) -> Option<&'static str> {
    if !cues.modal_verb || cues.negated || ctx.p.rules.code_sets.contains("commitment", code) {
        return None;
    }
    // "Kenya and Somalia said they would": a speaker among the members
    // of a compound or group subject speaks for it
    let source_countries: Vec<String> = sources
        .iter()
        .flat_map(|&s| {
            let m = &ctx.mentions[s];
            match (&m.referent, m.country()) {
                (_, Some(c)) => vec![c.to_string()],
                (Referent::Group(g), None) => g.iter().map(|c| ctx_country(c)).collect(),
                _ => Vec::new(),
            }
        })
        .collect();
    let own = speaker
        .as_ref()
        .is_some_and(|sp| source_countries.contains(&ctx_country(sp)));
    if !own {
        return None;
    }
    let kind = own_statement_kind(&ctx.p.rules.code_sets, code);
    let conv = ctx.p.rules.conversions.iter().find(|c| c.name == kind)?;
    let to = conv.apply(code)?;
    *code = to.to_string();
    Some(kind)
}

/// The modality from the cues: a commitment (intent, refusal, threat) is
/// asserted unless negated; otherwise hypothetical > negated > future.
pub(crate) fn modality_of(sets: &CodeSets, code: &str, cues: &Cues) -> Modality {
    let commitment = sets.contains("commitment", code);
    if commitment {
        if cues.negated {
            Modality::Negated
        } else {
            Modality::Asserted
        }
    } else if cues.hypothetical {
        Modality::Hypothetical
    } else if cues.negated {
        Modality::Negated
    } else if cues.future {
        Modality::Future
    } else {
        Modality::Asserted
    }
}

/// Refinements of the code: weapons refine generic force (rule 18); the
/// stated aim of a protest chooses its subtype (rule 17).
pub(crate) fn refine(
    ctx: &Ctx,
    pred: &Predicate,
    sources: &[usize],
    code: &mut String,
    cues: &mut Cues,
) {
    let p = ctx.p;
    let m = &pred.matched;
    if *code == p.rules.code_sets.single("generic-force") {
        if let Some(w) = weapon(ctx, m, sources) {
            cues.notes.push(format!("weapon: {w}"));
            *code = w;
        }
    }
    if p.rules.code_sets.contains("protest-aim", code) {
        let range = ctx.range.clone();
        let aim = (m.verb + 1..range.end).find_map(|i| {
            p.rules
                .protest_aims
                .matches_at(ctx.layer, i, range.end)
                .next()
        });
        if let Some(aim) = aim {
            let sub = format!("{code}{}", aim.value);
            if p.cameo.contains(&sub) {
                cues.notes.push(format!(
                    "protest aim: {}",
                    span_text(ctx.text, ctx.layer, aim.start..aim.end)
                ));
                *code = sub;
            }
        }
    }
}
