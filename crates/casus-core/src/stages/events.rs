//! Stage `events`: turns each coded predicate into events. Decides the
//! parties (places attacked or visited stand for their country, capitals
//! acting are governments), pairs them (reciprocals, symmetric verbs,
//! compounds), gives domestic actions against a bare role the source's
//! country, an unnamed protest target the source's government, a meeting
//! in a third country code 044, and dates each event from its clause.

use super::Stage;
use crate::actors::Referent;
use crate::clause::{ctx_country, meeting_place, obligation_speaker, span_text, Ctx};
use crate::codes::ActorCode;
use crate::doc::{Doc, Layer, Predicate, Trace};
use crate::event::{Event, Evidence};
use crate::rules::CodeSets;
use crate::Pipeline;
use std::ops::Range;

pub struct Events;

const NAME: &str = "events";

impl Stage for Events {
    fn name(&self) -> &'static str {
        NAME
    }
    fn needs(&self) -> &'static [Layer] {
        &[Layer::Mentions, Layer::Predicates, Layer::Arguments]
    }
    fn adds(&self) -> &'static [Layer] {
        &[Layer::Events]
    }
    fn run(&self, p: &Pipeline, doc: &mut Doc) {
        for index in 0..doc.sentences.len() {
            let start = doc.sentence_events.len();
            let state = &doc.sentences[index];
            let ctx = Ctx {
                p,
                layer: &doc.text,
                text: &doc.source.text,
                range: doc.text.sentences[index].tokens.clone(),
                mentions: &doc.mentions[state.mentions.clone()],
            };
            let location = location(&ctx, &doc.dateline, index);
            let preds = &doc.predicates[state.predicates.clone()];
            let content = contents(&ctx, preds);
            let mut events = Vec::new();
            // the subjects of "X said Y must V" already read off a predicate
            let mut obliged: Vec<usize> = Vec::new();
            for (k, pred) in preds.iter().enumerate() {
                if pred.code.is_none() {
                    continue;
                }
                // an act that another predicate of the sentence governs:
                // what a demand asks, a threat's condition, what an
                // accusation alleges, a protest that is an act's purpose
                let governed = content[k]
                    .demand
                    .map(|j| (j, "the content of", "not coded as done"))
                    .or_else(|| {
                        condition_of(&ctx, preds, k).map(|j| (j, "the condition of", "not coded"))
                    })
                    .or_else(|| {
                        alleged_by(&ctx, preds, k).map(|j| (j, "alleged by", "not coded as done"))
                    })
                    .or_else(|| {
                        protest_as_purpose(&ctx, preds, k)
                            .map(|j| (j, "the purpose of", "not a protest of its own"))
                    });
                if let Some((j, relation, outcome)) = governed {
                    let (text, by) = (
                        &p.verbs.patterns[pred.matched.pattern].text,
                        &p.verbs.patterns[preds[j].matched.pattern].text,
                    );
                    doc.trace.note(NAME, index, || {
                        format!("`{text}`: {relation} `{by}`, {outcome}")
                    });
                    continue;
                }
                if let Some(noun) = content_noun(&ctx, pred) {
                    let text = &p.verbs.patterns[pred.matched.pattern].text;
                    doc.trace.note(NAME, index, || {
                        format!(
                            "`{text}`: the content of the noun `{}`, not coded as done",
                            ctx.norm(noun)
                        )
                    });
                    // "renewed its demand that Y withdraw": the owner's
                    // demand of (or appeal to) the content's subject
                    if let Some(demand) = owned_demand(&ctx, pred, noun) {
                        doc.trace.note(NAME, index, || {
                            format!(
                                "`{}`: the owner's {} of the content's subject",
                                ctx.norm(noun),
                                demand.code.as_deref().unwrap_or_default()
                            )
                        });
                        let place = Place {
                            doc_id: &doc.source.id,
                            sentence: index,
                            sentence_span: doc.text.sentences[index].span.clone(),
                            date: doc.source.date,
                            location: &location,
                            clause_end: preds.get(k + 1).map_or(ctx.range.end, |n| n.matched.verb),
                            monadic: false,
                        };
                        code_predicate(&ctx, &demand, &place, &mut events);
                    }
                    continue;
                }
                // "demanded that Y withdraw": Y, the subject of the
                // content, is whom the demand is made of; what it asks
                // for chooses the demand's subtype
                let subtype = content_subtype(&ctx, preds, &content, k);
                let with_target;
                // "threatened to walk out unless Y ...": a commitment
                // without a target is aimed at its condition's subject
                let condition = condition_target(&ctx, preds, k);
                let pred =
                    if content[k].target.is_some() || subtype.is_some() || condition.is_some() {
                        let mut refined = pred.clone();
                        if let Some(t) = &content[k].target {
                            refined.targets = t.clone();
                        }
                        if let Some(t) = condition {
                            let text = &p.verbs.patterns[pred.matched.pattern].text;
                            doc.trace.note(NAME, index, || {
                                format!("`{text}`: aimed at the subject of its condition")
                            });
                            refined.targets = t;
                        }
                        if let Some((code, by)) = subtype {
                            doc.trace.note(NAME, index, || {
                                format!("`{by}`: the content chooses the subtype {code}")
                            });
                            refined.code = Some(code);
                        }
                        with_target = refined;
                        &with_target
                    } else {
                        pred
                    };
                // The event's date: a time expression in its clause (up to
                // the next verb), else in its sentence, else the document date.
                let clause_end = preds.get(k + 1).map_or(ctx.range.end, |n| n.matched.verb);
                let place = Place {
                    doc_id: &doc.source.id,
                    sentence: index,
                    sentence_span: doc.text.sentences[index].span.clone(),
                    date: doc.source.date,
                    location: &location,
                    clause_end,
                    monadic: doc.options.monadic,
                };
                // "X said that Y must V": X's demand of Y, not Y's act
                let demand;
                let pred = match obligation_speaker(&ctx, pred.matched.verb, &pred.subject) {
                    Some(speaker) if pred.voice == crate::doc::Voice::Active => {
                        obliged.extend(pred.subject.first().copied());
                        let said_must = p.rules.code_sets.single("said-must");
                        let content = &p.rules.content;
                        // the subtype of what must be done; a refusal
                        // that must be made is none of the listed kinds
                        let kind = match pred.code.as_deref() {
                            Some(c) if p.rules.code_sets.contains("commitment", c) => None,
                            c => c
                                .and_then(|c| content.kind_of_code(c))
                                .or_else(|| content_verb(&ctx, pred.matched.verb)),
                        };
                        let code = kind
                            .and_then(|kind| content.subtype(kind, said_must))
                            .unwrap_or(said_must);
                        demand = Predicate {
                            sources: vec![speaker],
                            targets: pred.subject.clone(),
                            code: Some(code.to_string()),
                            symmetric: false,
                            modality: Some(crate::Modality::Asserted),
                            attribution: None,
                            attribution_span: None,
                            entry: "rules/code_sets.txt [code-set said-must]".into(),
                            cues: Default::default(),
                            ..pred.clone()
                        };
                        doc.trace.note(NAME, index, || {
                            "said ... must: a demand by the speaker of the subject".into()
                        });
                        &demand
                    }
                    _ => pred,
                };
                let before = events.len();
                code_predicate(&ctx, pred, &place, &mut events);
                if events.len() == before {
                    let text = &p.verbs.patterns[pred.matched.pattern].text;
                    doc.trace.note(NAME, index, || {
                        format!("`{text}`: no coded source/target pair")
                    });
                }
            }
            if state.coded {
                for (speaker, subject, must) in unmatched_obligations(&ctx, &obliged) {
                    let place = Place {
                        doc_id: &doc.source.id,
                        sentence: index,
                        sentence_span: doc.text.sentences[index].span.clone(),
                        date: doc.source.date,
                        location: &location,
                        clause_end: ctx.range.end,
                        monadic: false,
                    };
                    let before = events.len();
                    obligation_events(&ctx, &place, speaker, &subject, must, &mut events);
                    if events.len() > before {
                        doc.trace.note(NAME, index, || {
                            "said ... must, a verb no pattern matched: a demand by the speaker of the subject".into()
                        });
                    }
                }
            }
            drop_protest_demands(&p.rules.code_sets, &mut events, index, &mut doc.trace);
            if state.sport {
                events.retain(|e| p.rules.code_sets.contains("beyond-sport", &e.code));
            }
            doc.sentence_events.extend(events);
            doc.sentences[index].events = start..doc.sentence_events.len();
        }
    }
}

/// Where a sentence's events happen: a place it names with a locative
/// preposition, else the dateline's country from the dateline on.
pub(crate) fn location(
    ctx: &Ctx,
    dateline: &Option<(usize, String)>,
    index: usize,
) -> Option<String> {
    ctx.mentions
        .iter()
        .filter(|m| m.locative)
        .find_map(|m| match &m.referent {
            Referent::Place(Some(c)) | Referent::Capital(c) => Some(c.clone()),
            Referent::Actor(c) if c.len() == 3 => Some(c.clone()),
            _ => None,
        })
        .or_else(|| {
            dateline
                .as_ref()
                .filter(|(s, _)| *s <= index)
                .map(|(_, c)| c.clone())
        })
}

/// What a predicate is to the speech acts of its sentence.
#[derive(Debug, Clone, Default)]
struct Content {
    /// The demand or appeal whose content this predicate is.
    demand: Option<usize>,
    /// For a demand without a target: the subject of its content.
    target: Option<Vec<usize>>,
}

/// Demands and appeals (code set `speech-content`) followed by their
/// content, "demanded (that) Y withdraw", "urged Y to withdraw": the
/// content is what is asked, not an event that happened (rule 22), and
/// its subject is whom the demand is made of when the demand has no target.
fn contents(ctx: &Ctx, preds: &[Predicate]) -> Vec<Content> {
    let sets = &ctx.p.rules.code_sets;
    let mut out = vec![Content::default(); preds.len()];
    for k in 0..preds.len() {
        let pred = &preds[k];
        let Some(j) = (0..k).rev().find(|&j| {
            let d = &preds[j];
            if !d
                .code
                .as_deref()
                .is_some_and(|c| sets.contains("speech-content", c))
            {
                return false;
            }
            let governs = |from: usize| {
                let to = pred
                    .subject
                    .first()
                    .map(|&s| ctx.mentions[s].tokens.start)
                    .filter(|&s| s >= from)
                    .unwrap_or(pred.matched.verb);
                from <= to
                    && (from..to).all(|i| {
                        ctx.word_in(i, crate::lang::COMPLEMENTIZERS)
                            || ctx.layer.is(i, crate::vocab::class::DETERMINER)
                            || crate::clause::is_adverb(ctx.norm(i))
                            || ctx.layer.tokens[i].temporal
                    })
            };
            let from = d.matched.trigger_span().end.max(d.matched.end);
            // or right past the whole of its addressee: "urged Kenya and
            // Uganda to V" (the slot holds only the first of a compound)
            // The addressee's phrase may go on past its mention with up
            // to three lower-case nouns before "to" ("called on the UN
            // observer mission to help", "urged Kenyan police
            // commanders to")
            let phrase_end = |e: usize| {
                let mut t = e;
                while t < e + 3 && t < pred.matched.verb && plain_noun(ctx, t) {
                    t += 1;
                }
                if t > e && t < pred.matched.verb && ctx.word_in(t, crate::lang::INFINITIVE_MARKERS)
                {
                    t
                } else {
                    e
                }
            };
            let past_addressee = d
                .targets
                .iter()
                .map(|&t| phrase_end(ctx.mentions[t].tokens.end))
                .filter(|&e| e <= pred.matched.verb)
                .max()
                .filter(|&e| e > from);
            // a passive's addressee is its subject, and the content follows
            // its by-agent: "Iran was urged by the EU *to free* the sailors"
            let past_agent = d
                .by_agent
                .filter(|_| d.voice == crate::doc::Voice::Passive)
                .map(|a| phrase_end(ctx.mentions[a].tokens.end))
                .filter(|&e| e <= pred.matched.verb && e > from);
            // an addressee that names no actor ("called on member states
            // to recognise X"): the content follows its plain nouns
            let past_plain = d
                .targets
                .is_empty()
                .then(|| phrase_end(from))
                .filter(|&e| e > from);
            governs(from)
                || past_addressee.is_some_and(governs)
                || past_agent.is_some_and(governs)
                || past_plain.is_some_and(governs)
        }) else {
            continue;
        };
        out[k].demand = Some(j);
        let from = preds[j].matched.trigger_span().end;
        let subject_after = pred
            .subject
            .first()
            .is_some_and(|&s| ctx.mentions[s].tokens.start >= from);
        if preds[j].targets.is_empty() && subject_after {
            out[j].target = Some(pred.subject.clone());
        }
    }
    out
}

/// A lower-case word outside any mention that can only be part of a noun
/// phrase: no verb of a pattern, function word, clause break or "to".
fn plain_noun(ctx: &Ctx, t: usize) -> bool {
    use crate::vocab::class;
    let w = ctx.norm(t);
    ctx.layer.tokens[t].shape == crate::text::Shape::Lower
        && !ctx.in_mention(t)
        && w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        && !crate::clause::is_adverb(w)
        && !ctx.word_in(t, crate::lang::INFINITIVE_MARKERS)
        && !ctx.word_in(t, crate::lang::CLAUSE_COORDINATORS)
        && !ctx.word_in(t, crate::lang::LIST_JOINERS)
        && !ctx.layer.is(
            t,
            class::PATTERN_VERB
                | class::PREPOSITION
                | class::DETERMINER
                | class::CLAUSE_BREAK
                | class::AUXILIARY
                | class::RELATIVE,
        )
}

/// The threat, intent or refusal (code set `commitment`) whose condition
/// predicate `k` states: "threatened to shell X if Y hits Z", "will
/// withdraw unless Y signs": the condition is what the actor weighs, not an
/// event, and a conditional cue (`hypothetical-sentence` in modality.txt)
/// between the two says so. A third party's or the narrator's "could ...
/// if" is no commitment: both of its clauses stay hypothetical events.
fn condition_of(ctx: &Ctx, preds: &[Predicate], k: usize) -> Option<usize> {
    let sets = &ctx.p.rules.code_sets;
    let verb = preds[k].matched.verb;
    let from = preds[k]
        .subject
        .first()
        .map(|&s| ctx.mentions[s].tokens.start)
        .filter(|&s| s < verb)
        .unwrap_or(verb);
    (0..k).rev().find(|&j| {
        let c = &preds[j];
        let commitment = c
            .code
            .as_deref()
            .is_some_and(|code| sets.contains("commitment", code));
        let start = c.matched.trigger_span().end.max(c.matched.end);
        commitment
            && start < from
            && (start..from).any(|i| {
                ctx.p
                    .rules
                    .modality
                    .matches_at(ctx.layer, i, from)
                    .any(|m| *m.value == crate::rules::Cue::HypotheticalSentence && m.start == i)
                    && ctx.norm(i) != "?"
            })
    })
}

/// How far past a commitment its condition is looked for.
const CONDITION_REACH: usize = 16;

/// The party a threat, intent or refusal (code set `commitment`) with no
/// coded target is aimed at: the subject of its condition ("threatened to
/// leave the talks unless Kenya withdraws", "will halt exports if Uganda
/// raises its tariffs"), the actor right after the conditional cue
/// (`hypothetical-sentence` in modality.txt; not "whether", nor a
/// question) in the clause after the verb. A content that names its own
/// target ("threatened to strike against the government unless ...") is
/// what the commitment is about: no condition is needed. The condition
/// itself is not coded (`condition_of`).
fn condition_target(ctx: &Ctx, preds: &[Predicate], k: usize) -> Option<Vec<usize>> {
    let pred = &preds[k];
    use crate::vocab::class;
    let sets = &ctx.p.rules.code_sets;
    let code = pred.code.as_deref()?;
    let own = &ctx.p.verbs.patterns[pred.matched.pattern].code;
    if !sets.contains("commitment", code)
        || pred
            .targets
            .iter()
            .any(|&t| !parties(ctx, t, true, [code, own]).is_empty())
    {
        return None;
    }
    let m = &pred.matched;
    let start = m.trigger_span().end.max(m.end);
    let end = (start + CONDITION_REACH).min(ctx.range.end);
    let cue = (start..end)
        .take_while(|&i| ctx.norm(i) != ";" && !ctx.layer.is(i, class::SAY_VERB))
        .find_map(|i| {
            ctx.p
                .rules
                .modality
                .matches_at(ctx.layer, i, ctx.range.end)
                .find(|c| *c.value == crate::rules::Cue::HypotheticalSentence && c.start == i)
                .filter(|_| !matches!(ctx.norm(i), "?" | "whether"))
        })?;
    let content_target = preds.iter().enumerate().any(|(j, c)| {
        let code = c.code.as_deref().unwrap_or_default();
        let own = &ctx.p.verbs.patterns[c.matched.pattern].code;
        j != k
            && c.matched.verb > m.verb
            && c.matched.verb < cue.start
            && c.targets
                .iter()
                .any(|&t| !parties(ctx, t, true, [code, own]).is_empty())
    });
    if content_target {
        return None;
    }
    let mut t = cue.end;
    while t < ctx.range.end && ctx.layer.is(t, class::DETERMINER) {
        t += 1;
    }
    let k = crate::verbs::mention_starting_at(ctx.mentions, t)?;
    let mention = &ctx.mentions[k];
    let coded = matches!(
        mention.referent,
        Referent::Actor(_) | Referent::Group(_) | Referent::Capital(_)
    );
    (coded && !mention.locative && !pred.sources.contains(&k)).then(|| ctx.compound(k, false, true))
}

/// "X said (that) Y must V" where no pattern matched V ("said Kenya must
/// do more to curb smuggling"): the speaker mention, the subject and the
/// obligation word, for each such subject not already read off a
/// predicate (`obliged`). The subject (its last member) stands right
/// before the obligation word, adverbs and time words between.
fn unmatched_obligations(ctx: &Ctx, obliged: &[usize]) -> Vec<(usize, Vec<usize>, usize)> {
    use crate::vocab::class;
    let mut out: Vec<(usize, Vec<usize>, usize)> = Vec::new();
    for k in 0..ctx.mentions.len() {
        // the last member of the subject stands before the obligation word
        let mut must = ctx.mentions[k].tokens.end;
        while must < ctx.range.end
            && (ctx.layer.tokens[must].temporal || crate::clause::is_adverb(ctx.norm(must)))
        {
            must += 1;
        }
        if must >= ctx.range.end || !ctx.layer.is(must, class::OBLIGATION) {
            continue;
        }
        // "Y must be punished" asks nothing of Y
        if must + 1 < ctx.range.end && ctx.layer.is(must + 1, class::BE_FORM) {
            continue;
        }
        let subject = ctx.compound(k, true, false);
        if subject.iter().any(|s| obliged.contains(s)) {
            continue;
        }
        if let Some(speaker) = obligation_speaker(ctx, must + 1, &subject) {
            out.push((speaker, subject, must));
        }
    }
    out
}

/// The demands of one "X said Y must V" with no pattern for V: the
/// speaker's of each member of the subject, asserted; the content verb
/// after the obligation word chooses the subtype (`speech_content.txt`).
fn obligation_events(
    ctx: &Ctx,
    place: &Place,
    speaker: usize,
    subject: &[usize],
    must: usize,
    events: &mut Vec<Event>,
) {
    let p = ctx.p;
    let said_must = p.rules.code_sets.single("said-must");
    let mut v = must + 1;
    while v < ctx.range.end && crate::clause::is_adverb(ctx.norm(v)) {
        v += 1;
    }
    let code = (v < ctx.range.end)
        .then(|| content_verb(ctx, v))
        .flatten()
        .and_then(|kind| p.rules.content.subtype(kind, said_must))
        .unwrap_or(said_must);
    let Some(info) = p.cameo.get(code) else {
        return;
    };
    let codes = [code, code];
    let sources = parties(ctx, speaker, false, codes);
    let date = place.date.map(|d| {
        let relative = p.language.relative_dates();
        crate::anchor::anchor(ctx.layer, ctx.range.clone(), d, false, relative).unwrap_or(d)
    });
    let trigger = must..(v + 1).min(ctx.range.end);
    for src in &sources {
        for tgt in subject.iter().flat_map(|&t| parties(ctx, t, true, codes)) {
            if src.code.is_empty() || tgt.code.is_empty() || src.code == tgt.code {
                continue;
            }
            if events.iter().any(|e| {
                e.source == src.code && e.target.as_deref() == Some(&tgt.code) && e.code == code
            }) {
                continue;
            }
            events.push(Event {
                doc_id: place.doc_id.to_string(),
                sentence_index: place.sentence,
                date,
                document_date: place.date,
                source: src.code.clone(),
                target: Some(tgt.code.clone()),
                source_text: span_text(ctx.text, ctx.layer, src.tokens.clone()),
                target_text: Some(span_text(ctx.text, ctx.layer, tgt.tokens.clone())),
                source_name: None,
                target_name: None,
                code: code.to_string(),
                code_name: info.name.clone(),
                root: info.root.clone(),
                quad_class: info.quad_class,
                goldstein: info.goldstein,
                plover_type: info.plover.clone(),
                modality: crate::Modality::Asserted,
                attribution: None,
                location: place.location.clone(),
                place: None,
                also_in_sentences: Vec::new(),
                trigger_text: span_text(ctx.text, ctx.layer, trigger.clone()),
                evidence: Evidence {
                    source: ctx.byte_span(src.tokens.clone()),
                    target: Some(ctx.byte_span(tgt.tokens.clone())),
                    trigger: ctx.byte_span(trigger.clone()),
                    sentence: [place.sentence_span.start, place.sentence_span.end],
                    entry: "rules/code_sets.txt [code-set said-must]".into(),
                    pattern: "said ... must".into(),
                    cues: Vec::new(),
                    cue_spans: Vec::new(),
                    attribution: None,
                },
            });
        }
    }
}

/// The accusation or criticism (code set `allegation`) whose alleged act
/// predicate `k` is: an "-ing" form in the same clause after the
/// accusation's "of" or "for" ("accused X of violating A, ignoring B and
/// attacking C"), or the infinitive of such a form ("accused X of
/// *plotting to kill* Y", "of trying to annex"), with no subject of its
/// own after the accusation.
fn alleged_by(ctx: &Ctx, preds: &[Predicate], k: usize) -> Option<usize> {
    use crate::vocab::class;
    let sets = &ctx.p.rules.code_sets;
    let verb = preds[k].matched.verb;
    let infinitive_of_ing = verb >= ctx.range.start + 2
        && ctx.word_in(verb - 1, crate::lang::INFINITIVE_MARKERS)
        && ctx.norm(verb - 2).ends_with("ing");
    if !ctx.norm(verb).ends_with("ing") && !infinitive_of_ing {
        return None;
    }
    (0..k).rev().find(|&j| {
        let a = &preds[j];
        // an agentless passive ("was arrested for spying") is no event of
        // its own, but still states the charge: its pattern's code counts
        let pattern_code = ctx.p.verbs.patterns[a.matched.pattern].code.as_str();
        let alleging = sets.contains("allegation", a.code.as_deref().unwrap_or(pattern_code));
        let start = a.matched.verb + 1;
        // the accused ("accused X of") may be read as the act's subject;
        // a subject after "of" starts a clause of its own
        let Some(of) = (start..verb).find(|&i| ctx.word_in(i, crate::lang::ACCUSATION_LINKS))
        else {
            return false;
        };
        let own_subject = preds[k]
            .subject
            .iter()
            .any(|&s| ctx.mentions[s].tokens.start > of);
        alleging
            && !own_subject
            && !(start..verb).any(|i| {
                // "the United States" holds a say-verb's form
                !ctx.in_mention(i)
                    && (ctx.layer.is(i, class::REACH_STOP) || ctx.layer.is(i, class::SAY_VERB))
            })
    })
}

/// The earlier act whose purpose a protest with no target of its own is
/// ("summoned the envoy *to protest* the raid", "called in the ambassador
/// *to protest*"): an infinitive right after the target of an act of the
/// same subject in the same clause. The act itself says whom the protest is made to; read
/// alone, the protest would be aimed at the subject's own government.
fn protest_as_purpose(ctx: &Ctx, preds: &[Predicate], k: usize) -> Option<usize> {
    use crate::vocab::class;
    let sets = &ctx.p.rules.code_sets;
    let pred = &preds[k];
    let verb = pred.matched.verb;
    let protest = pred
        .code
        .as_deref()
        .is_some_and(|c| sets.contains("protest", c));
    if !protest
        || !pred.targets.is_empty()
        || verb < ctx.range.start + 1
        || !ctx.word_in(verb - 1, crate::lang::INFINITIVE_MARKERS)
    {
        return None;
    }
    // the act's target stands right before "to"
    (0..k).rev().find(|&j| {
        let act = &preds[j];
        act.code
            .as_deref()
            .is_some_and(|c| !sets.contains("protest", c))
            && act.subject == pred.subject
            && act
                .targets
                .iter()
                .any(|&t| ctx.mentions[t].tokens.end + 1 == verb)
            && !(act.matched.verb..verb).any(|i| ctx.layer.is(i, class::CLAUSE_BREAK))
    })
}

/// How far past a demand its content verb is looked for.
const CONTENT_REACH: usize = 16;

/// The subtype the content of demand or appeal `j` chooses (rule 22), with
/// the words that chose it: the code of a content predicate it governs,
/// else the first content verb of `rules/speech_content.txt` in its clause
/// ("demanded that Y revoke ...", "urged Y to withdraw from ..."). Only an
/// unspecified demand or appeal (100, 020) is refined.
fn content_subtype(
    ctx: &Ctx,
    preds: &[Predicate],
    content: &[Content],
    j: usize,
) -> Option<(String, String)> {
    let rules = &ctx.p.rules.content;
    let code = preds[j].code.as_deref()?;
    if !ctx.p.rules.code_sets.contains("speech-content", code) {
        return None;
    }
    let sets = &ctx.p.rules.code_sets;
    let contents: Vec<usize> = (0..preds.len())
        .filter(|&k| content[k].demand == Some(j))
        .collect();
    // "demanded that Y refuse to recognise ...": a demand of a refusal
    // (or intent, threat) is none of the listed kinds
    if contents.iter().any(|&k| {
        preds[k]
            .code
            .as_deref()
            .is_some_and(|c| sets.contains("commitment", c))
    }) {
        return None;
    }
    let by_code = contents.iter().find_map(|&k| {
        let kind = rules.kind_of_code(preds[k].code.as_deref()?)?;
        let to = rules.subtype(kind, code)?;
        let words = span_text(ctx.text, ctx.layer, preds[k].matched.trigger_span());
        Some((to.to_string(), words))
    });
    if by_code.is_some() {
        return by_code;
    }
    // the clause ends at a predicate that is not this demand's content
    let m = &preds[j].matched;
    let start = m.trigger_span().end.max(m.end);
    let stop = preds
        .iter()
        .enumerate()
        .filter(|&(k, p)| k != j && content[k].demand != Some(j) && p.matched.verb >= start)
        .map(|(_, p)| p.matched.verb)
        .min()
        .unwrap_or(ctx.range.end);
    let end = stop.min(ctx.range.end).min(start + CONTENT_REACH);
    (start..end)
        .take_while(|&i| !ctx.layer.is(i, crate::vocab::class::SAY_VERB) && ctx.norm(i) != ";")
        .find_map(|i| {
            let kind = content_verb(ctx, i)?;
            let to = rules.subtype(kind, code)?;
            Some((to.to_string(), ctx.norm(i).to_string()))
        })
}

/// The content kind of a verb of `rules/speech_content.txt` at `i`, when it
/// stands where content does: after "to", a modal, or the addressee
/// ("that Y [immediately] revoke").
fn content_verb(ctx: &Ctx, i: usize) -> Option<usize> {
    // a capitalised word is a name ("Free Trade Agreement"), not a verb
    if ctx.in_mention(i) || ctx.layer.tokens[i].shape != crate::text::Shape::Lower {
        return None;
    }
    let found = ctx
        .p
        .rules
        .content
        .verbs
        .matches_at(ctx.layer, i, ctx.range.end)
        .next()?;
    let mut b = i;
    while b > ctx.range.start && crate::clause::is_adverb(ctx.norm(b - 1)) {
        b -= 1;
    }
    let placed = b > ctx.range.start
        && (ctx.word_in(b - 1, crate::lang::CONTENT_VERB_MARKERS)
            || ctx.mentions.iter().any(|m| m.tokens.end == b));
    placed.then_some(*found.value)
}

/// A noun whose clause holds the predicate ("turned down a Qatari offer to host
/// talks", "accepted an invitation to meet", "defended the right of X to
/// fire", "a proposal that Y join"): what was offered, asked or alleged is
/// not an event that happened. A refusal cue that covers the noun
/// ("rejected calls to release") converts the code instead, and a noun
/// form that is the verb of a subject ("Iran offers to mediate") is no
/// noun: it needs a determiner, a preposition, an adjective after one, or
/// a past participle before it.
fn content_noun(ctx: &Ctx, pred: &Predicate) -> Option<usize> {
    use crate::vocab::class;
    let start = ctx.range.start;
    let verb = pred.matched.verb;
    let mut b = verb;
    while b > start && crate::clause::is_adverb(ctx.norm(b - 1)) {
        b -= 1;
    }
    // "NOUN to V" or "NOUN that SUBJECT V"
    let link = if b > start && ctx.word_in(b - 1, crate::lang::INFINITIVE_MARKERS) {
        b - 1
    } else {
        let s = pred
            .subject
            .first()
            .map(|&s| ctx.mentions[s].tokens.start)?;
        let mut t = s;
        while t > start && ctx.layer.is(t - 1, class::DETERMINER) {
            t -= 1;
        }
        if s >= verb || t == start || !ctx.word_in(t - 1, crate::lang::FINITE_COMPLEMENTIZERS) {
            return None;
        }
        t - 1
    };
    // "the right of X to", "an admission by X that", "a warning to X that"
    let mut n = link;
    if let Some(m) = ctx.mentions.iter().find(|m| m.tokens.end == link) {
        let before = m.tokens.start;
        if before > start + 1 && ctx.word_in(before - 1, crate::lang::SPEECH_NOUN_LINKS) {
            n = before - 1;
        }
    }
    // "a reminder on Saturday to X that": time words between the noun and
    // its linked actor (not before the clause itself: "during their call
    // on Tuesday that ..." is no call to do it)
    while n != link && n > start && ctx.layer.tokens[n - 1].temporal {
        n -= 1;
    }
    if n == start {
        return None;
    }
    let noun = n - 1;
    let rules = &ctx.p.rules;
    rules
        .content
        .nouns
        .matches_at(ctx.layer, noun, noun + 1)
        .next()?;
    // "has no plans to send troops": the act is denied, and the modality
    // cues negate it (`modality.txt`); it stays an event
    let denied = (noun.saturating_sub(2).max(start)..noun)
        .any(|i| ctx.word_in(i, crate::lang::NEGATIVE_DETERMINERS));
    if denied {
        return None;
    }
    // a refusal cue covering the noun ("rejected calls to")
    let covered = (noun.saturating_sub(3).max(start)..noun).any(|i| {
        rules
            .conversion_cues
            .matches_through_time(ctx.layer, i, verb)
            .any(|c| c.end > noun)
    });
    if covered {
        return None;
    }
    let nominal = |t: usize| {
        ctx.layer.is(t, class::DETERMINER)
            || ctx.layer.is(t, class::PREPOSITION)
            || (!ctx.in_mention(t) && ctx.norm(t).ends_with("ed"))
    };
    let mut t = noun;
    for _ in 0..3 {
        if t == start {
            return None;
        }
        t -= 1;
        // "agreed to offer to ...": a verb
        if ctx.word_in(t, crate::lang::INFINITIVE_MARKERS) {
            return None;
        }
        if nominal(t) {
            return Some(noun);
        }
        // "a US offer": an indefinite article before an adjectival mention
        if let Some(m) = ctx.mentions.iter().find(|m| m.tokens.end == t + 1) {
            // ... or before several ("a U.S. Treasury Department proposal",
            // "a Chinese government offer"): the article is before the first
            let mut s = m.tokens.start;
            while let Some(before) = ctx.mentions.iter().find(|m| s > start && m.tokens.end == s) {
                s = before.tokens.start;
            }
            return (s > start && ctx.word_in(s - 1, crate::lang::INDEFINITE_ARTICLES))
                .then_some(noun);
        }
        // an adjective: a lowercase word of no class ("loud appeals")
        let w = ctx.norm(t);
        let plain = ctx.layer.tokens[t].shape == crate::text::Shape::Lower
            && w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
            && !ctx.layer.is(t, class::PATTERN_VERB)
            && !crate::clause::is_adverb(w)
            && !ctx.layer.is(t, class::AUXILIARY);
        if !plain {
            return None;
        }
    }
    None
}

/// The demand or appeal whose content is `pred` when the noun's owner is
/// the subject of an owning verb before it ("Kenya repeated its demand
/// that Uganda withdraw", "issued a reminder to Mali that it must"): the
/// owner demands of (appeals to) the content's subject, asserted; the
/// content chooses the subtype. After any other verb ("rejected the
/// demand that") the noun is someone else's and nothing is coded.
fn owned_demand(ctx: &Ctx, pred: &Predicate, noun: usize) -> Option<Predicate> {
    use crate::builtin::lang_set;
    use crate::vocab::class;
    let p = ctx.p;
    let word = ctx.norm(noun);
    let base = if lang_set!("demand_nouns").contains(word) {
        p.rules.code_sets.single("unspecified-demand")
    } else if lang_set!("appeal_nouns").contains(word) {
        p.rules.code_sets.single("unspecified-appeal")
    } else {
        return None;
    };
    if pred.voice != crate::doc::Voice::Active || pred.subject.is_empty() {
        return None;
    }
    let start = ctx.range.start;
    // the noun's phrase: a determiner, at most two adjectives between
    let mut t = noun;
    let mut steps = 0;
    loop {
        if t == start || steps > 3 {
            return None;
        }
        t -= 1;
        steps += 1;
        if ctx.layer.is(t, class::DETERMINER) {
            break;
        }
        let plain = ctx.layer.tokens[t].shape == crate::text::Shape::Lower
            && !ctx.in_mention(t)
            && !ctx.layer.is(
                t,
                class::PATTERN_VERB | class::PREPOSITION | class::AUXILIARY,
            );
        if !plain {
            return None;
        }
    }
    // "insisted on", "stood by": a preposition after the verb
    if t > start && ctx.layer.is(t - 1, class::PREPOSITION) {
        t -= 1;
    }
    if t == start || !lang_set!("owning_verbs").contains(ctx.norm(t - 1)) {
        return None;
    }
    // the verb's subject stands right before it (adverbs, auxiliaries and
    // time words between)
    let mut end = t - 1;
    while end > start
        && (ctx.layer.tokens[end - 1].temporal
            || crate::clause::is_adverb(ctx.norm(end - 1))
            || ctx.layer.is(end - 1, class::AUXILIARY))
    {
        end -= 1;
    }
    let ends_at = |end: usize| {
        ctx.mentions
            .iter()
            .position(|m| m.tokens.end == end && !m.locative)
    };
    // "The rebel group, the Front for X (FX), repeated ...": the subject
    // before an apposition between commas
    let apposition = || {
        if end <= start || ctx.norm(end - 1) != "," {
            return None;
        }
        let comma = (end.saturating_sub(12).max(start)..end - 1)
            .rev()
            .find(|&i| ctx.norm(i) == ",")?;
        ends_at(comma)
    };
    let owner = ends_at(end).or_else(apposition)?;
    if pred.subject.contains(&owner) {
        return None;
    }
    let content = &p.rules.content;
    let kind = match pred.code.as_deref() {
        Some(c) if p.rules.code_sets.contains("commitment", c) => None,
        c => c
            .and_then(|c| content.kind_of_code(c))
            .or_else(|| content_verb(ctx, pred.matched.verb)),
    };
    let code = kind
        .and_then(|kind| content.subtype(kind, base))
        .unwrap_or(base);
    Some(Predicate {
        sources: ctx.compound(owner, false, true),
        targets: pred.subject.clone(),
        code: Some(code.to_string()),
        symmetric: false,
        modality: Some(crate::Modality::Asserted),
        attribution: None,
        attribution_span: None,
        entry: format!(
            "lang/en/{}_nouns.txt",
            if base == p.rules.code_sets.single("unspecified-demand") {
                "demand"
            } else {
                "appeal"
            }
        ),
        cues: Default::default(),
        ..pred.clone()
    })
}

/// Where an event stands: its document, sentence and context.
pub(crate) struct Place<'a> {
    pub(crate) doc_id: &'a str,
    pub(crate) sentence: usize,
    pub(crate) sentence_span: Range<usize>,
    pub(crate) date: Option<crate::Date>,
    pub(crate) location: &'a Option<String>,
    pub(crate) clause_end: usize,
    /// Whether a source without a target makes a single-actor event.
    pub(crate) monadic: bool,
}

/// A resolved participant: its code and where it stands.
#[derive(Debug, Clone)]
struct Party {
    code: String,
    tokens: Range<usize>,
}

/// Whether a source and a target with one code are two bodies of one
/// country ("the president sacked the army chief" when both read as GOV):
/// each named in its own words by a dictionary entry, apart, with a role,
/// and by two different entries (one entry twice, "the delegation met
/// the delegations", is one body). A capital acting is its government
/// as a whole, not one of its bodies. A bare country, an organisation, a
/// pronoun or description resolved by coreference, an inferred role, or
/// one mention is one actor and makes no event (CONVENTIONS rule 5).
fn two_bodies(ctx: &Ctx, src: &Party, tgt: &Party) -> bool {
    let entry = |tokens: &Range<usize>| {
        ctx.mentions
            .iter()
            .find(|m| !tokens.is_empty() && m.tokens == *tokens && !m.inferred)
            .filter(|m| matches!(m.referent, Referent::Actor(_)))
            .and_then(|m| m.origin.as_ref())
    };
    let apart = tgt.tokens.end <= src.tokens.start || src.tokens.end <= tgt.tokens.start;
    let with_role = ActorCode(&src.code).country().is_some() && src.code.len() > 3;
    let (Some(a), Some(b)) = (entry(&src.tokens), entry(&tgt.tokens)) else {
        return false;
    };
    with_role && apart && a != b
}

/// The parties a mention stands for. Rule 16: a city or facility attacked
/// or visited stands for its country; a capital acting is its government.
/// `code` is the event's code and the code of the act its pattern names:
/// under a conversion ("threatened to shell Haifa" is a threat, 138) the
/// place is still what the act is aimed at.
fn parties(ctx: &Ctx, idx: usize, as_target: bool, code: [&str; 2]) -> Vec<Party> {
    let sets = &ctx.p.rules.code_sets;
    let in_set = |set: &str| code.iter().any(|c| sets.contains(set, c));
    let mention = &ctx.mentions[idx];
    let codes = match &mention.referent {
        Referent::Actor(c) => vec![c.clone()],
        Referent::Group(g) => g.clone(),
        Referent::Place(Some(c))
            if as_target && (in_set("place-target") || in_set("located-target")) =>
        {
            vec![c.clone()]
        }
        Referent::Capital(c) => {
            // where an inquiry or a truce is ("in Kabul"), not a
            // government a mediator goes between ("between Kyiv and Moscow")
            let place_target = as_target
                && (in_set("capital-target") || in_set("located-target") && mention.locative);
            vec![if place_target {
                c.clone()
            } else {
                Referent::capital_acting(c)
            }]
        }
        _ => Vec::new(),
    };
    codes
        .into_iter()
        .map(|code| Party {
            code,
            tokens: mention.tokens.clone(),
        })
        .collect()
}

/// The events of one coded predicate.
pub(crate) fn code_predicate(ctx: &Ctx, pred: &Predicate, place: &Place, events: &mut Vec<Event>) {
    let p = ctx.p;
    let m = &pred.matched;
    let pattern = &p.verbs.patterns[m.pattern];
    let code = pred.code.as_deref().unwrap_or_default();
    let sets = &p.rules.code_sets;
    let modality = pred.modality.unwrap_or(crate::Modality::Asserted);
    let event_date = place.date.map(|d| {
        let future = modality == crate::Modality::Future;
        let relative = p.language.relative_dates();
        crate::anchor::anchor(
            ctx.layer,
            pred.clause_start.min(m.verb)..place.clause_end,
            d,
            future,
            relative,
        )
        .or_else(|| crate::anchor::anchor(ctx.layer, ctx.range.clone(), d, future, relative))
        .unwrap_or(d)
    });
    let trigger = m.trigger_span();
    // `tgt` is None only for a single-actor event (`Place::monadic`)
    let emit = |src: &Party, tgt: Option<&Party>, code: &str, events: &mut Vec<Event>| {
        let same = |t: &Party| src.code == t.code && !two_bodies(ctx, src, t);
        if src.code.is_empty() || tgt.is_some_and(|t| same(t) || t.code.is_empty()) {
            return;
        }
        let Some(info) = p.cameo.get(code) else {
            return;
        };
        events.push(Event {
            doc_id: place.doc_id.to_string(),
            sentence_index: place.sentence,
            date: event_date,
            document_date: place.date,
            source: src.code.clone(),
            target: tgt.map(|t| t.code.clone()),
            source_text: span_text(ctx.text, ctx.layer, src.tokens.clone()),
            target_text: tgt.map(|t| span_text(ctx.text, ctx.layer, t.tokens.clone())),
            source_name: None,
            target_name: None,
            code: code.to_string(),
            code_name: info.name.clone(),
            root: info.root.clone(),
            quad_class: info.quad_class,
            goldstein: info.goldstein,
            plover_type: info.plover.clone(),
            modality,
            attribution: pred.attribution.clone(),
            location: place.location.clone(),
            place: None,
            also_in_sentences: Vec::new(),
            trigger_text: span_text(ctx.text, ctx.layer, trigger.clone()),
            evidence: Evidence {
                source: ctx.byte_span(src.tokens.clone()),
                target: tgt.map(|t| ctx.byte_span(t.tokens.clone())),
                trigger: ctx.byte_span(trigger.clone()),
                sentence: [place.sentence_span.start, place.sentence_span.end],
                entry: pred.entry.clone(),
                pattern: pattern.text.clone(),
                cues: pred.cues.notes.clone(),
                cue_spans: pred.cues.spans.clone(),
                attribution: pred.attribution_span,
            },
        });
    };
    let mut src_parties: Vec<Party> = pred
        .sources
        .iter()
        .flat_map(|&s| parties(ctx, s, false, [code, &pattern.code]))
        .collect();
    // Rule 16: a bare attacker ("a suicide bomber", "gunmen") takes the
    // country of the scene its own clause names.
    let scene = scene_of_force(ctx, pred, [code, &pattern.code]);
    if src_parties.is_empty() {
        if let Some(c) = &scene {
            // the scene is not the country of a weapon ("a rocket attack in
            // X") nor of a role noun that only modifies ("a military base")
            let attackers: Vec<usize> = pred
                .sources
                .iter()
                .copied()
                .filter(|&k| {
                    let m = &ctx.mentions[k];
                    let equipment = crate::codes::role(crate::codes::RoleDefault::Equipment);
                    let weapon = matches!(&m.referent, Referent::Role(r) if r == equipment)
                        && p.rules
                            .weapons
                            .find_in(ctx.layer, m.tokens.clone())
                            .is_some();
                    !weapon && !role_as_modifier(ctx, m.tokens.end)
                })
                .collect();
            src_parties = placed_roles(ctx, &attackers, c);
        }
    }
    let reciprocal = pred
        .targets
        .iter()
        .any(|&t| ctx.mentions[t].referent == Referent::EachOther);
    // Rule 19: "met" is judged per pair; a meeting in a third party's
    // country is 044 for that pair only.
    let meeting = if code == sets.single("meeting") {
        meeting_place(ctx, m)
    } else {
        None
    };
    let code_for = |a: &Party, b: &Party| -> String {
        let third = meeting
            .as_ref()
            .is_some_and(|c| *c != ctx_country(&a.code) && *c != ctx_country(&b.code));
        if third {
            sets.single("third-country-meeting").to_string()
        } else {
            code.to_string()
        }
    };
    // a symmetric verb whose object names no actor ("signed a troop access
    // agreement") pairs the members of a compound subject; so does its
    // intent or refusal, which made the event the subject's alone: with no
    // other party named, the members of "Chile and Peru agreed to hold
    // talks" are each other's (each intends the talks with the other)
    let no_target = pred
        .targets
        .iter()
        .all(|&t| parties(ctx, t, true, [code, &pattern.code]).is_empty());
    let pairs_subject = pred.symmetric || pattern.symmetric;
    if reciprocal || (no_target && pairs_subject && src_parties.len() >= 2) {
        for a in &src_parties {
            for b in &src_parties {
                emit(a, Some(b), &code_for(a, b), events);
            }
        }
        return;
    }
    let mut tgt_parties = targets(ctx, pred, &src_parties, [code, &pattern.code], place);
    if let Some(c) = &scene {
        scene_targets(ctx, pred, &src_parties, c, &mut tgt_parties);
        if !pred.symmetric {
            scene_attackers(ctx, c, &tgt_parties, &mut src_parties);
        }
    }
    if [code, pattern.code.as_str()]
        .iter()
        .any(|c| sets.contains("scene-country", c))
    {
        people_without_a_role(ctx, &mut src_parties);
        people_without_a_role(ctx, &mut tgt_parties);
    }
    // "Kenya imposed a curfew in three of its counties": a country that
    // restricts a place of its own acts through its government, and the
    // place is the country (one code on both sides would make no event)
    if [code, pattern.code.as_str()]
        .iter()
        .any(|c| sets.contains("restricted-place", c))
    {
        let government = crate::codes::role(crate::codes::RoleDefault::Government);
        for a in src_parties.iter_mut() {
            let bare =
                ActorCode(&a.code).roles().is_empty() && ActorCode(&a.code).country().is_some();
            if bare && tgt_parties.iter().any(|b| b.code == a.code) {
                a.code = format!("{}{government}", a.code);
            }
        }
    }
    // a symmetric verb needs a second party; nothing else gets one made up
    if tgt_parties.is_empty() && place.monadic && !pred.symmetric {
        for a in &src_parties {
            emit(a, None, code, events);
        }
        return;
    }
    for a in &src_parties {
        for b in &tgt_parties {
            let code = code_for(a, b);
            emit(a, Some(b), &code, events);
            if pred.symmetric {
                emit(b, Some(a), &code, events);
            }
            // the host of a visit only intended, refused or threatened
            // hosts nothing: the reverse goes with the pattern's own code
            if let Some(also) = pattern
                .also_reverse
                .as_ref()
                .filter(|_| code == pattern.code)
            {
                let host_country = ctx_country(&a.code);
                emit(
                    b,
                    Some(&Party {
                        code: host_country,
                        tokens: a.tokens.clone(),
                    }),
                    also,
                    events,
                );
            }
        }
    }
}

/// The target parties. Domestic actions (demands, criticism, protest,
/// coercion) aimed at a bare role noun ("stormed parliament", "arrested
/// protesters") concern the source's own country; a protest with no named
/// target is aimed at the source's own government (CAMEO practice; the aim
/// still picks the subtype).
fn targets(
    ctx: &Ctx,
    pred: &Predicate,
    src_parties: &[Party],
    codes: [&str; 2],
    place: &Place,
) -> Vec<Party> {
    let sets = &ctx.p.rules.code_sets;
    let code = codes[0];
    let domestic = sets.contains("domestic", code);
    let source_country = src_parties
        .first()
        .and_then(|p| ActorCode(&p.code).country())
        .map(str::to_string);
    let mut tgt_parties: Vec<Party> = pred
        .targets
        .iter()
        .flat_map(|&t| {
            let found = parties(ctx, t, true, codes);
            match (&ctx.mentions[t].referent, &source_country) {
                (Referent::Role(r), Some(c)) if found.is_empty() && domestic => {
                    vec![Party {
                        code: format!("{c}{r}"),
                        tokens: ctx.mentions[t].tokens.clone(),
                    }]
                }
                _ => found,
            }
        })
        .collect();
    if tgt_parties.is_empty() && codes.iter().any(|c| sets.contains("restricted-place", c)) {
        tgt_parties.extend(restricted_place(ctx, pred, place.clause_end));
    }
    if sets.contains("protest", code) && tgt_parties.is_empty() {
        if let Some(c) = &source_country {
            let government = crate::codes::role(crate::codes::RoleDefault::Government);
            if !src_parties.iter().any(|p| p.code.ends_with(government)) {
                // implied, not written: no words of the sentence name it
                // (the trigger would become the target's name)
                let at = pred.matched.verb;
                tgt_parties.push(Party {
                    code: format!("{c}{government}"),
                    tokens: at..at,
                });
            }
        }
    }
    tgt_parties
}

/// Rule 16: the country where an act of force happens (code set
/// `scene-country`), read from the places of the verb's own clause: the
/// first place after the verb up to a clause break or a say-verb (a
/// coordinated verb shares it: "killed four and wounded ten in X"), else
/// a place in the source's phrase or between the source and the verb (a
/// participle after a comma hangs on the clause before it: "shelled X,
/// killing two"). A city or region counts wherever it stands; a capital
/// or a country only after a locative preposition ("in Kenya"), since a
/// country named otherwise is more often a party than the scene.
fn scene_of_force(ctx: &Ctx, pred: &Predicate, codes: [&str; 2]) -> Option<String> {
    use crate::vocab::class;
    let sets = &ctx.p.rules.code_sets;
    if !codes.iter().any(|c| sets.contains("scene-country", c)) {
        return None;
    }
    let place = |m: &crate::actors::Mention| match &m.referent {
        Referent::Place(Some(c)) => Some(c.clone()),
        Referent::Capital(c) if m.locative => Some(c.clone()),
        Referent::Actor(c) if m.locative && c.len() == 3 => Some(c.clone()),
        // "in eastern Syria": a compass word between the preposition and
        // the country
        Referent::Actor(c) if c.len() == 3 && in_a_region_of(ctx, m) => Some(c.clone()),
        // a role placed in its own phrase ("policemen in the city of X")
        Referent::Actor(c)
            if m.placed_by.is_some()
                || m.tokens
                    .clone()
                    .any(|i| ctx.p.language.has("mention_locatives", ctx.norm(i))) =>
        {
            ActorCode(c).country().map(str::to_string)
        }
        _ => None,
    };
    let verb = pred.matched.verb;
    let after = pred.matched.trigger_span().end;
    let end = (after..ctx.range.end)
        .find(|&i| ctx.layer.is(i, class::CLAUSE_BREAK | class::SAY_VERB) && !ctx.in_mention(i))
        .unwrap_or(ctx.range.end);
    let later = ctx
        .mentions
        .iter()
        .filter(|m| m.tokens.start >= after && m.tokens.end <= end)
        .find_map(place);
    if later.is_some() {
        return later;
    }
    if let Some(p) = place_of_the_source(ctx, pred) {
        return Some(p.code);
    }
    // a participle adjunct (", killing two") takes the scene of its clause
    // (", killing two", "..., killing two and wounding five")
    let participle = ctx.norm(verb).ends_with("ing")
        && verb > ctx.range.start
        && (ctx.norm(verb - 1) == "," || ctx.word_in(verb - 1, crate::lang::CLAUSE_COORDINATORS));
    let from = pred
        .sources
        .iter()
        .map(|&s| ctx.mentions[s].tokens.end)
        .min()?;
    if from >= verb
        || (from..verb).any(|i| {
            ctx.layer.is(i, class::CLAUSE_BREAK | class::SAY_VERB) && !ctx.in_mention(i)
                || !participle && ctx.norm(i) == ","
        })
    {
        return None;
    }
    ctx.mentions
        .iter()
        .filter(|m| m.tokens.start >= from && m.tokens.end <= verb)
        .find_map(place)
}

/// "in eastern Syria": a compass word between a placing preposition and
/// the country (`compass_adjectives.txt`, `place_prepositions.txt`).
fn in_a_region_of(ctx: &Ctx, m: &crate::actors::Mention) -> bool {
    let start = m.tokens.start;
    start >= ctx.range.start + 2
        && ctx
            .p
            .language
            .has("compass_adjectives", ctx.norm(start - 1))
        && ctx
            .p
            .language
            .has("place_prepositions", ctx.norm(start - 2))
}

/// Whether the word after a role noun makes it a modifier of another noun
/// ("a military base", "the police station"): a lower-case word that is
/// no function word, verb or participle.
fn role_as_modifier(ctx: &Ctx, end: usize) -> bool {
    end < ctx.range.end
        && crate::coref::modified_noun_at(ctx.layer, end)
        && !ctx.word_in(end, crate::lang::CLAUSE_COORDINATORS)
}

/// Bare roles without a country ("a suicide bomber", "security forces")
/// placed in the scene's country.
fn placed_roles(ctx: &Ctx, mentions: &[usize], country: &str) -> Vec<Party> {
    mentions
        .iter()
        .filter_map(|&k| match &ctx.mentions[k].referent {
            Referent::Role(r) => Some(Party {
                code: format!("{country}{r}"),
                tokens: ctx.mentions[k].tokens.clone(),
            }),
            _ => None,
        })
        .collect()
}

/// Rule 16 for attackers: a bare role that coreference gave the nearest
/// country, which is the named victims' own ("Iran-backed militias attacked
/// US troops in Syria"), takes the scene's country when the scene is
/// another: a force rarely attacks its own country's troops abroad.
fn scene_attackers(ctx: &Ctx, scene: &str, tgt_parties: &[Party], src_parties: &mut [Party]) {
    let mention_at = |tokens: &Range<usize>| ctx.mentions.iter().find(|m| m.tokens == *tokens);
    let named_victims: Vec<&str> = tgt_parties
        .iter()
        .filter(|t| mention_at(&t.tokens).is_some_and(|m| !m.inferred))
        .filter_map(|t| ActorCode(&t.code).country())
        .collect();
    for s in src_parties.iter_mut() {
        let inferred = mention_at(&s.tokens).is_some_and(|m| m.inferred && m.placed_by.is_none());
        let Some(country) = ActorCode(&s.code).country() else {
            continue;
        };
        if inferred && country != scene && named_victims.contains(&country) {
            s.code = format!("{scene}{}", &s.code[country.len()..]);
        }
    }
}

/// The targets of an act of force that the scene decides (rule 16): bare
/// roles without a country are the scene's ("wounded two policemen in X");
/// a role coreference gave the attacker's own country ("Russian artillery
/// shelled X, killing two civilians") is the scene's when the scene is
/// another country; and when no actor is named, people counted after the
/// verb ("killed five people", "wounding 40", "killed at least a dozen")
/// are the scene's country, with no role (rule 1).
fn scene_targets(
    ctx: &Ctx,
    pred: &Predicate,
    src_parties: &[Party],
    scene: &str,
    tgt_parties: &mut Vec<Party>,
) {
    let source_countries: Vec<&str> = src_parties
        .iter()
        .filter_map(|p| ActorCode(&p.code).country())
        .collect();
    // "tortured an inmate to death in X", "shot five people in Y": the
    // people the verb's object names are its victims, not the place after
    // them; they are the place's country (rule 16)
    let placed_only = !tgt_parties.is_empty()
        && tgt_parties.iter().all(|t| {
            ctx.mentions.iter().any(|m| {
                m.tokens == t.tokens
                    && (m.locative
                        || matches!(m.referent, Referent::Place(_))
                        || in_a_region_of(ctx, m)
                        || m.adjectival
                            && m.tokens.end < ctx.range.end
                            && ctx.p.language.has("place_nouns", ctx.norm(m.tokens.end)))
                    && ActorCode(&t.code).country() == Some(scene)
            })
        });
    if placed_only && !pred.symmetric {
        if let Some(victims) = counted_victims(ctx, pred) {
            if tgt_parties.iter().all(|t| victims.end <= t.tokens.start) {
                tgt_parties.clear();
                tgt_parties.push(Party {
                    code: scene.to_string(),
                    tokens: victims,
                });
            }
        }
    }
    // (a clash is not aimed at victims: both sides keep their countries)
    if !pred.symmetric && source_countries.iter().all(|c| *c != scene) {
        for t in tgt_parties.iter_mut() {
            let inferred = ctx
                .mentions
                .iter()
                .any(|m| m.tokens == t.tokens && m.inferred && m.placed_by.is_none());
            let Some(country) = ActorCode(&t.code).country() else {
                continue;
            };
            if inferred && source_countries.contains(&country) {
                t.code = format!("{scene}{}", &t.code[country.len()..]);
            }
        }
    }
    if !tgt_parties.is_empty() {
        return;
    }
    tgt_parties.extend(placed_roles(ctx, &pred.targets, scene));
    if !tgt_parties.is_empty() || !pred.targets.is_empty() {
        return;
    }
    if let Some(victims) = counted_victims(ctx, pred) {
        tgt_parties.push(Party {
            code: scene.to_string(),
            tokens: victims,
        });
    }
}

/// Rule 1 in acts of the scene (code set `scene-country`): "people" names
/// no role, so the people hit, held, helped or protesting that a party's
/// head noun calls so are their country alone ("killed five people in X",
/// "aid to 20,000 people in Y"), as people counted without a noun are
/// (`roleless_people_nouns.txt`); elsewhere they stay civilians.
fn people_without_a_role(ctx: &Ctx, parties: &mut [Party]) {
    for p in parties.iter_mut() {
        // the head is the word before the mention's own complement ("40
        // people in Lagos"), else its last word
        let roleless = ctx.mentions.iter().any(|m| {
            m.tokens == p.tokens && m.has_role && {
                let head = m
                    .tokens
                    .clone()
                    .find(|&i| ctx.layer.is(i, crate::vocab::class::PREPOSITION))
                    .unwrap_or(m.tokens.end);
                head > m.tokens.start
                    && ctx
                        .p
                        .language
                        .has("roleless_people_nouns", ctx.norm(head - 1))
            }
        });
        if let Some(country) = ActorCode(&p.code).country().filter(|_| roleless) {
            p.code = country.to_string();
        }
    }
}

/// People counted right after the verb, where no actor is named: "five
/// people", "at least 40", "dozens of villagers", "many more". The count
/// words and the nouns for people are lists of the language
/// (`casualty_counts.txt`, `casualty_nouns.txt`, `count_modifiers.txt`).
fn counted_victims(ctx: &Ctx, pred: &Predicate) -> Option<Range<usize>> {
    // after the verb's words, or in a slot between them ("held 200
    // families as human shields")
    let m = &pred.matched;
    let after = m.trigger_span().end;
    counted_at(ctx, after).or_else(|| (after > m.verb + 1).then(|| counted_at(ctx, m.verb + 1))?)
}

fn counted_at(ctx: &Ctx, start: usize) -> Option<Range<usize>> {
    use crate::lang::{CASUALTY_COUNTS, CASUALTY_NOUNS, COUNT_MODIFIERS};
    use crate::text::Shape;
    let end = ctx.range.end;
    let mut t = start;
    while t < end && ctx.word_in(t, COUNT_MODIFIERS) {
        t += 1;
    }
    // one person is not counted but has an article and at most two
    // modifiers: "shot a man", "tortured an elderly prisoner"
    if t > start && ctx.word_in(t - 1, crate::lang::INDEFINITE_ARTICLES) {
        const MODIFIERS: usize = 2;
        let mut u = t;
        while u < end
            && u < t + MODIFIERS
            && !ctx.word_in(u, CASUALTY_NOUNS)
            && !ctx.in_mention(u)
            && matches!(ctx.layer.tokens[u].shape, Shape::Lower | Shape::Other)
            && !ctx.layer.is(
                u,
                crate::vocab::class::PREPOSITION
                    | crate::vocab::class::DETERMINER
                    | crate::vocab::class::CLAUSE_BREAK
                    | crate::vocab::class::AUXILIARY,
            )
        {
            u += 1;
        }
        if u < end && ctx.word_in(u, CASUALTY_NOUNS) {
            return Some(start..u + 1);
        }
    }
    let counted = t < end
        && (ctx.layer.tokens[t].shape == Shape::Number || ctx.word_in(t, CASUALTY_COUNTS))
        && !ctx.layer.tokens[t].temporal;
    if !counted {
        return None;
    }
    t += 1;
    // "dozens of people", "scores more"
    while t < end
        && (ctx.word_in(t, COUNT_MODIFIERS)
            || ctx.word_in(t, CASUALTY_COUNTS)
            || ctx.layer.tokens[t].shape == Shape::Number)
    {
        t += 1;
    }
    if t < end && ctx.word_in(t, crate::lang::QUANTITY_LINKS) {
        t += 1;
    }
    if t < end && ctx.word_in(t, CASUALTY_NOUNS) {
        return Some(start..t + 1);
    }
    // a bare count ends its phrase: "wounded 40 in ...", "killing two."
    let ends = t >= end
        || matches!(ctx.layer.tokens[t].shape, Shape::Punct)
        || ctx.layer.is(t, crate::vocab::class::PREPOSITION)
        || ctx.word_in(t, crate::lang::CLAUSE_COORDINATORS)
        || ctx.layer.tokens[t].temporal;
    ends.then_some(start..t)
}

/// The country of the place a curfew or a state of emergency covers when
/// its slot names none: the first place after the verb in its clause ("a
/// state of siege ... in the eastern department of X", "martial law as
/// battles raged in central Y"); a country counts only after a locative
/// preposition ("in Syria"), since a country named otherwise is more often
/// a party than the place.
fn restricted_place(ctx: &Ctx, pred: &Predicate, clause_end: usize) -> Option<Party> {
    let after = pred.matched.trigger_span().end;
    ctx.mentions
        .iter()
        .filter(|m| m.tokens.start >= after && m.tokens.end <= clause_end)
        .find_map(|m| {
            let code = match &m.referent {
                Referent::Place(Some(c)) | Referent::Capital(c) => c.clone(),
                Referent::Actor(c) if m.locative && c.len() == 3 => c.clone(),
                _ => return None,
            };
            Some(Party {
                code,
                tokens: m.tokens.clone(),
            })
        })
        .or_else(|| place_of_the_source(ctx, pred))
}

/// Failing a place after the verb, the place the source's own phrase
/// names: "the authorities in X imposed a curfew" (a role placed inside
/// its mention: the mention's country), "the UN mission in Y declared a
/// state of siege" (a place between the source and the verb, in no
/// clause of its own).
fn place_of_the_source(ctx: &Ctx, pred: &Predicate) -> Option<Party> {
    use crate::vocab::class;
    let verb = pred.matched.verb;
    pred.sources.iter().find_map(|&s| {
        let source = &ctx.mentions[s];
        let inside = source
            .tokens
            .clone()
            .find(|&i| ctx.p.language.has("mention_locatives", ctx.norm(i)));
        if let (Some(at), Referent::Actor(c)) = (inside, &source.referent) {
            // the place's own words name the target, not the role's
            let mut start = at + 1;
            while start < source.tokens.end && ctx.layer.is(start, class::DETERMINER) {
                start += 1;
            }
            let country = ActorCode(c).country()?;
            return Some(Party {
                code: country.to_string(),
                tokens: start..source.tokens.end,
            });
        }
        let between = source.tokens.end..verb;
        if between
            .clone()
            .any(|i| ctx.layer.is(i, class::CLAUSE_BREAK) || ctx.norm(i) == ",")
        {
            return None;
        }
        ctx.mentions
            .iter()
            .filter(|m| m.tokens.start >= between.start && m.tokens.end <= between.end)
            .find_map(|m| match &m.referent {
                Referent::Place(Some(c)) => Some(Party {
                    code: c.clone(),
                    tokens: m.tokens.clone(),
                }),
                _ => None,
            })
    })
}

/// Rule 17: a protest's aim is not also a demand by the protesters. A
/// single-actor protest has no aim to fold the demand into: the demand stays.
pub(crate) fn drop_protest_demands(
    sets: &CodeSets,
    events: &mut Vec<Event>,
    index: usize,
    trace: &mut Trace,
) {
    let protesters: Vec<String> = events
        .iter()
        .filter(|e| sets.contains("protest", &e.code) && e.target.is_some())
        .map(|e| e.source.clone())
        .collect();
    events.retain(|e| {
        let drop = sets.contains("demand", &e.code) && protesters.contains(&e.source);
        if drop {
            trace.note(NAME, index, || {
                format!(
                    "{} {}->{}: a protest's aim, not also a demand",
                    e.code,
                    e.source,
                    e.target.as_deref().unwrap_or("-")
                )
            });
        }
        !drop
    });
}
#[cfg(test)]
mod tests {
    use crate::{Date, Document, Modality, Pipeline};
    use std::sync::OnceLock;

    fn pipeline() -> &'static Pipeline {
        static P: OnceLock<Pipeline> = OnceLock::new();
        P.get_or_init(|| Pipeline::builtin().expect("built-in dictionaries load"))
    }

    type Coded = (String, String, String, Modality);

    fn code(text: &str, date: &str) -> Vec<Coded> {
        let doc = Document::new("t", text, Date::parse(date));
        let mut v: Vec<_> = pipeline()
            .code(&doc)
            .into_iter()
            .map(|e| {
                let target = e.target.expect("the default codes dyadic events only");
                (e.source, target, e.code, e.modality)
            })
            .collect();
        v.sort();
        v
    }

    fn ev(s: &str, t: &str, c: &str, m: Modality) -> Coded {
        (s.into(), t.into(), c.into(), m)
    }

    use Modality::*;

    /// A bare role takes the country of a place in its own phrase
    /// (dict/lang/en/placing_prepositions.txt), unless it serves abroad
    /// (posted_abroad.txt) or already has a country.
    #[test]
    fn roles_placed_by_a_place() {
        let table: Vec<(&str, Vec<Coded>)> = vec![
            (
                "Riot police in Nairobi arrested Ugandan students.",
                vec![ev("KENCOP", "UGAEDU", "173", Asserted)],
            ),
            (
                "Soldiers inside Chad attacked Sudanese rebels.",
                vec![ev("TCDMIL", "SDNREB", "190", Asserted)],
            ),
            (
                "French soldiers in Niger attacked Malian rebels.",
                vec![ev("FRAMIL", "MLIREB", "190", Asserted)],
            ),
            // the embassy is not Kenya's: no Kenyan source is made up
            ("The embassy in Nairobi condemned Uganda.", vec![]),
            // a name several countries have: the sentence's country decides
            (
                "Lebanon's army arrested militants in Tripoli.",
                vec![ev("LBNMIL", "LBNREB", "173", Asserted)],
            ),
        ];
        for (text, want) in table {
            assert_eq!(code(text, "2024-05-01"), want, "{text}");
        }
    }

    /// A curfew, a state of emergency or martial law is aimed at the place
    /// it covers (code sets `place-target`, `capital-target`,
    /// `restricted-place`), and a conversion keeps its act's place target.
    #[test]
    fn places_under_restriction_and_converted_acts() {
        let table: Vec<(&str, Vec<Coded>)> = vec![
            // a place in the slot, imposed or eased
            (
                "Ecuador's cabinet eased the night curfew in Guayas.",
                vec![ev("ECUGOV", "ECU", "0813", Asserted)],
            ),
            // a capital in the slot is its country, not its government
            (
                "Nepalese officials will extend the curfew in Kathmandu.",
                vec![ev("NPLGOV", "NPL", "1723", Future)],
            ),
            // no slot: a place later in the verb's clause
            (
                "Ecuadorian officials declared a state of emergency on Sunday across the coastal province of Guayas.",
                vec![ev("ECUGOV", "ECU", "1724", Asserted)],
            ),
            (
                "Nigerian police imposed a curfew on three districts of the northern city of Kano after riots.",
                vec![ev("NGACOP", "NGA", "1723", Asserted)],
            ),
            // ... but not a country that is not placed
            ("Kenyan police imposed a curfew after talks with Uganda.", vec![]),
            // failing a place after the verb, the place in the source's
            // own phrase
            (
                "Police in Mombasa imposed a night curfew.",
                vec![ev("KENCOP", "KEN", "1723", Asserted)],
            ),
            (
                "The AU mission in Darfur declared a state of emergency.",
                vec![ev("IGOAFRAFU", "SDN", "1724", Asserted)],
            ),
            // an actor after a locative preposition is no place covered
            (
                "Kenyan authorities imposed a curfew with support from the African Union.",
                vec![],
            ),
            // a threat of an attack on a city is aimed at its country
            (
                "Hezbollah threatened to shell Haifa.",
                vec![ev("LBNREB", "ISR", "138", Asserted)],
            ),
            // a conversion does not make any place a target
            ("Russia threatened to seize power in Niger.", vec![]),
        ];
        for (text, want) in table {
            assert_eq!(code(text, "2024-05-01"), want, "{text}");
        }
    }

    /// The subject of a verb joined by "and" to a verb no pattern matched
    /// is that verb's; an "-ing" adjunct is not the verb of the noun in the
    /// prepositional phrase before it; a region in the slot is passed over.
    #[test]
    fn subjects_of_coordinated_verbs_and_adjuncts() {
        let table: Vec<(&str, Vec<Coded>)> = vec![
            (
                "Several Zambian bishops have written to Chancellor Olaf Scholz urging him to cancel debts.",
                // debts written off are economic aid (`071 cancel + debt`),
                // so the appeal's content makes it an appeal for that aid
                vec![ev("ZMBREL", "DEUGOV", "0231", Asserted)],
            ),
            (
                "Chancellor Olaf Scholz phoned Prime Minister Narendra Modi of India on Friday and urged him to show restraint.",
                vec![ev("DEUGOV", "INDGOV", "0256", Asserted), ev("DEUGOV", "INDGOV", "041", Asserted), ev("INDGOV", "DEUGOV", "041", Asserted)],
            ),
            // the object before "and" is not the next verb's subject
            (
                "Germany met Kenya on Monday and criticized Uganda.",
                vec![ev("DEU", "KEN", "040", Asserted), ev("DEU", "UGA", "111", Asserted), ev("KEN", "DEU", "040", Asserted)],
            ),
            // a compound subject still is one
            (
                "Kenya and Uganda condemned Sudan.",
                vec![ev("KEN", "SDN", "111", Asserted), ev("UGA", "SDN", "111", Asserted)],
            ),
            // a reduced relative's noun before the participle is no object
            // of a preposition: it stays the subject
            (
                "Protesters in Kenya demanding reforms clashed with police.",
                vec![],
            ),
            (
                "Vietnam has established diplomatic ties with the Caribbean nation of Grenada.",
                vec![ev("GRD", "VNM", "054", Asserted), ev("VNM", "GRD", "054", Asserted)],
            ),
        ];
        for (text, want) in table {
            assert_eq!(code(text, "2024-05-01"), want, "{text}");
        }
    }

    /// A say-verb's participle used as an adjective in the object phrase
    /// does not end the search for a target, a verb after a subject
    /// pronoun looks for one too, and a place mourned with stands for its
    /// country.
    #[test]
    fn adjectival_say_verbs_and_places_mourned_with() {
        let table: Vec<(&str, Vec<Coded>)> = vec![
            (
                "Ghanaian prosecutors launched an inquiry into alleged abuses by Togolese troops.",
                vec![ev("GHAJUD", "TGOMIL", "090", Asserted)],
            ),
            (
                "The Ghanaian government will investigate any reports of torture by the Togolese army.",
                vec![ev("GHAGOV", "TGOMIL", "092", Future)],
            ),
            // a form that is also a noun is a verb after a subject pronoun
            (
                "The Chilean cabinet says it stands in solidarity with neighbouring Argentina.",
                vec![ev("CHLGOV", "ARG", "018", Asserted)],
            ),
            // a say-verb that is a verb still ends the search
            (
                "Ghanaian prosecutors launched an inquiry, Togolese officials said.",
                vec![],
            ),
            (
                "The Japanese foreign minister expressed condolences over the floods in Sichuan province.",
                vec![ev("JPNGOV", "CHN", "018", Asserted)],
            ),
        ];
        for (text, want) in table {
            assert_eq!(code(text, "2024-05-01"), want, "{text}");
        }
    }

    /// A target the pattern slot cannot reach is found in the verb's own
    /// clause (stage `arguments`, `reach_target`); the search stops where
    /// another clause starts.
    #[test]
    fn targets_beyond_the_pattern_slot() {
        let table: Vec<(&str, Vec<Coded>)> = vec![
            // the subject of a complement clause
            (
                "Germany demanded on Monday that Russia release the journalists.",
                vec![ev("DEU", "RUS", "1053", Asserted)],
            ),
            // inside the object phrase: a by-phrase and a possessive
            (
                "Berlin rejected recent calls by Moscow's rulers for new talks.",
                vec![ev("DEUGOV", "RUSGOV", "120", Asserted)],
            ),
            // a national adjective deep in the object phrase
            (
                "Japan lifted a ban on imports of Chinese seafood.",
                vec![ev("JPN", "CHN", "085", Asserted)],
            ),
            // an attribution after a comma is not the target
            ("Kenya rejected the plan, Ugandan officials said.", vec![]),
            // nor the subject of a coordinated clause
            ("Kenya rejected the plan and Uganda welcomed it.", vec![]),
            // the subject of a clause is the target only of verbs that
            // address it (`addressee-in-clause` in rules/code_sets.txt)
            (
                "Farmers welcomed the news on Friday that Kenya and Uganda had signed a trade deal.",
                vec![
                    ev("KEN", "UGA", "057", Asserted),
                    ev("UGA", "KEN", "057", Asserted),
                ],
            ),
            // a symmetric verb pairs its compound subject, not a place or
            // a body named after it
            (
                "Peru and Chile met on the sidelines of the APEC summit.",
                vec![
                    ev("CHL", "PER", "040", Asserted),
                    ev("PER", "CHL", "040", Asserted),
                ],
            ),
            // a place stands for its country only when attacked or visited
            ("Soldiers seized power in Niger on Wednesday.", vec![]),
        ];
        for (text, want) in table {
            assert_eq!(code(text, "2024-05-01"), want, "{text}");
        }
    }

    /// One row per linguistic rule of the assembly stage: text, date, and
    /// the complete, sorted list of events expected.
    #[test]
    fn assembly_rules() {
        let table: Vec<(&str, &str, Vec<Coded>)> = vec![
            // active voice, adjective + role noun
            (
                "Chinese troops attacked Vietnam on Monday.",
                "2020-05-01",
                vec![ev("CHNMIL", "VNM", "190", Asserted)],
            ),
            // passive with by-agent flips source and target
            (
                "Vietnam was attacked by Chinese troops.",
                "2020-05-01",
                vec![ev("CHNMIL", "VNM", "190", Asserted)],
            ),
            // agentless passive is not coded
            ("Vietnam was attacked on Monday.", "2020-05-01", vec![]),
            // compound subject: one event per member
            (
                "France and Italy condemned Belarus.",
                "2020-05-01",
                vec![
                    ev("FRA", "BLR", "111", Asserted),
                    ev("ITA", "BLR", "111", Asserted),
                ],
            ),
            // symmetric verb with a compound subject gives both directions
            (
                "Peru and Chile held talks on Friday.",
                "2020-05-01",
                vec![
                    ev("CHL", "PER", "046", Asserted),
                    ev("PER", "CHL", "046", Asserted),
                ],
            ),
            // reciprocal "each other"
            (
                "Peru and Chile accused each other of spying.",
                "2020-05-01",
                vec![
                    ev("CHL", "PER", "1125", Asserted),
                    ev("PER", "CHL", "1125", Asserted),
                ],
            ),
            // negation
            (
                "Kenya has not condemned Uganda.",
                "2020-05-01",
                vec![ev("KEN", "UGA", "111", Negated)],
            ),
            // conditional anywhere in the sentence
            (
                "Kenya could sanction Uganda if the talks fail.",
                "2020-05-01",
                vec![ev("KEN", "UGA", "163", Hypothetical)],
            ),
            // scheduled event
            (
                "Kenya is expected to visit Uganda next week.",
                "2020-05-01",
                vec![ev("KEN", "UGA", "042", Future)],
            ),
            // intent conversion stays asserted and one-directional
            (
                "Kenya offered on Monday to mediate between Uganda and Rwanda.",
                "2020-05-01",
                vec![
                    ev("KEN", "RWA", "039", Asserted),
                    ev("KEN", "UGA", "039", Asserted),
                ],
            ),
            // refusal conversion
            (
                "Kenya refused to release the Ugandan prisoners.",
                "2020-05-01",
                vec![ev("KEN", "UGA", "1243", Asserted)],
            ),
            // say-verbs create no event of their own
            (
                "Kenya said on Monday that Uganda had attacked Rwanda.",
                "2020-05-01",
                vec![ev("UGA", "RWA", "190", Asserted)],
            ),
            // sports results are discarded
            (
                "Brazil beat Argentina 2-0 in the World Cup qualifier.",
                "2020-05-01",
                vec![],
            ),
            // history with an explicit earlier year is not coded
            (
                "Soldiers recalled how Japan attacked China in 1937.",
                "2020-05-01",
                vec![],
            ),
            // weapon words refine generic force
            (
                "Russian missiles struck Ukraine overnight.",
                "2023-05-01",
                vec![ev("RUSMIL", "UKR", "195", Asserted)],
            ),
            // a capital as an agent is COUNTRY+GOV
            (
                "Moscow condemned Warsaw on Monday.",
                "2023-05-01",
                vec![ev("RUSGOV", "POLGOV", "111", Asserted)],
            ),
            // a person by the document date
            (
                "Barack Obama visited Cuba.",
                "2016-03-21",
                vec![ev("USAGOV", "CUB", "042", Asserted)],
            ),
            (
                "Barack Obama visited Cuba.",
                "2019-03-21",
                vec![ev("USAELI", "CUB", "042", Asserted)],
            ),
            // coordinated verbs share the subject
            (
                "Kenya hosted Uganda's president and criticised Rwanda.",
                "2020-05-01",
                vec![
                    ev("KEN", "RWA", "111", Asserted),
                    ev("KEN", "UGAGOV", "043", Asserted),
                    ev("UGAGOV", "KEN", "042", Asserted),
                ],
            ),
            // one event per distinct triple
            (
                "Kenya condemned Uganda. Kenya again condemned Uganda.",
                "2020-05-01",
                vec![ev("KEN", "UGA", "111", Asserted)],
            ),
        ];
        for (text, date, expected) in table {
            assert_eq!(code(text, date), expected, "{text}");
        }
    }

    /// Rules for reading news as a careful coder does (clauses, speech,
    /// protests, attacks on places): each row fails without its rule.
    #[test]
    fn careful_reading_rules() {
        let table: Vec<(&str, &str, Vec<Coded>)> = vec![
            // a question imagines; it does not report
            ("Will Kenya attack Uganda?", "2020-05-01", vec![ev("KEN", "UGA", "190", Hypothetical)]),
            // a negative determiner before the subject
            ("No NATO member has condemned Belarus.", "2020-05-01", vec![ev("IGOWSTNAT", "BLR", "111", Negated)]),
            ("Neither Kenya nor Uganda condemned Rwanda.", "2020-05-01", vec![ev("KEN", "RWA", "111", Negated), ev("UGA", "RWA", "111", Negated)]),
            // "we" in a quotation is the speaker
            ("\"We will never attack Uganda,\" the Kenyan president said.", "2020-05-01", vec![ev("KENGOV", "UGA", "190", Negated)]),
            // protest aim picks the subtype; no named target -> own government;
            // the aim is not also coded as a demand
            ("Chilean students marched on Monday, demanding the resignation of the education minister.", "2020-05-01", vec![ev("CHLEDU", "CHLGOV", "1411", Asserted)]),
            // a bare role noun as the target of a domestic action
            ("Kenyan police arrested protesters on Friday.", "2020-05-01", vec![ev("KENCOP", "KENOPP", "173", Asserted)]),
            // and of a release (08 is in the `domestic` code set)
            ("Zambian police released the protesters on Friday.", "2020-05-01", vec![ev("ZMBCOP", "ZMBOPP", "0841", Asserted)]),
            // an attack on a facility in a country codes the country
            ("Indian jets struck a militant camp inside Pakistan.", "2020-05-01", vec![ev("INDMIL", "PAK", "195", Asserted)]),
            // time expressions inside a pattern
            ("Peru accused Chile on Saturday of spying.", "2020-05-01", vec![ev("PER", "CHL", "1125", Asserted)]),
            // a verb form after an adjective is a noun ("Hezbollah targets")
            ("Israel struck Hezbollah targets on Monday.", "2020-05-01", vec![ev("ISR", "LBNREB", "190", Asserted)]),
            // a finite verb followed by a participle with its own by-agent
            ("Peru and Chile signed a deal brokered by Brazil.", "2020-05-01", vec![ev("BRA", "CHL", "045", Asserted), ev("BRA", "PER", "045", Asserted), ev("CHL", "PER", "057", Asserted), ev("PER", "CHL", "057", Asserted)]),
            // an actor's own "would" in reported speech is a commitment ...
            ("Kenya said it would send troops to Somalia.", "2020-05-01", vec![ev("KEN", "SOM", "0332", Asserted)]),
            // ... but someone else's "would" is a prediction
            ("Analysts said Kenya would send troops to Somalia.", "2020-05-01", vec![ev("KEN", "SOM", "072", Hypothetical)]),
            // a comma alone does not make a compound: the trailing speaker is no target
            ("Iran supplied drones to Russia, U.S. officials said.", "2023-05-01", vec![ev("IRN", "RUS", "072", Asserted)]),
            // a model name between an adjective and its role noun
            // (positions are military: rule 16)
            ("Turkish F-16 jets attacked Syrian positions.", "2020-05-01", vec![ev("TURMIL", "SYRMIL", "195", Asserted)]),
            // "him" is the nearest earlier person
            ("Kenyan President William Ruto met Ugandan President Yoweri Museveni and praised him as a friend.", "2024-05-01", vec![ev("KENGOV", "UGAGOV", "040", Asserted), ev("KENGOV", "UGAGOV", "051", Asserted), ev("UGAGOV", "KENGOV", "040", Asserted)]),
            // coordinated modifiers inside a pattern ("missile and drone strikes")
            ("Kenya and Uganda agreed to a truce, days after the two countries exchanged missile and drone strikes.", "2020-05-01", vec![ev("KEN", "UGA", "0356", Asserted), ev("KEN", "UGA", "195", Asserted), ev("UGA", "KEN", "0356", Asserted), ev("UGA", "KEN", "195", Asserted)]),
            // the last of several role nouns is the head
            ("Turkish jets shot down Syrian government warplanes.", "2020-05-01", vec![ev("TURMIL", "SYRMIL", "195", Asserted)]),
            // a description with adjectives before its role noun
            ("Protests spread in Iran. Iranian students rallied against the country's clerical rulers.", "2020-05-01", vec![ev("IRNEDU", "IRNGOV", "141", Asserted)]),
            // a participle with its by-agent after a noun ("a swap mediated by")
            ("Peru and Chile exchanged prisoners on Monday in a swap mediated by Brazil.", "2020-05-01", vec![ev("BRA", "CHL", "045", Asserted), ev("BRA", "PER", "045", Asserted), ev("CHL", "PER", "0841", Asserted), ev("PER", "CHL", "0841", Asserted)]),
            // the meeting place may stand far after the verb
            ("Kenya and Uganda met on the sidelines of the AU summit in Addis Ababa on Monday.", "2020-05-01", vec![ev("KEN", "UGA", "044", Asserted), ev("UGA", "KEN", "044", Asserted)]),
            // a role noun used as a modifier names no actor
            ("Japan and Peru signed a troop access agreement on Monday.", "2020-05-01", vec![ev("JPN", "PER", "057", Asserted), ev("PER", "JPN", "057", Asserted)]),
            // a compound subject meeting in a third country: 044 both ways
            ("Peru and Chile met in Brazil on Monday.", "2020-05-01", vec![ev("CHL", "PER", "044", Asserted), ev("PER", "CHL", "044", Asserted)]),
            // "the leaders of A, B and C": the role applies to every country
            ("The leaders of France, Germany and Italy visited Kenya.", "2020-05-01", vec![ev("DEUGOV", "KEN", "042", Asserted), ev("FRAGOV", "KEN", "042", Asserted), ev("ITAGOV", "KEN", "042", Asserted)]),
            // a former head of government now in opposition is a former official
            ("Pakistani police arrested Imran Khan on Tuesday.", "2023-05-09", vec![ev("PAKCOP", "PAKELI", "173", Asserted)]),
            // meetings in a third country are 044 per pair
            ("Peru's president met Chile's president in Brazil.", "2020-05-01", vec![ev("CHLGOV", "PERGOV", "044", Asserted), ev("PERGOV", "CHLGOV", "044", Asserted)]),
        ];
        for (text, date, expected) in table {
            assert_eq!(code(text, date), expected, "{text}");
        }
    }

    #[test]
    fn attribution_location_and_restatements() {
        let text = "MOSCOW, May 2 (Reuters) - Kenya condemned Uganda on Monday, officials said. \
                    There are reports that Kenya attacked Uganda. Kenya again condemned Uganda.";
        let doc = Document::new("t", text, Date::parse("2020-05-02"));
        let events = pipeline().code(&doc);
        let condemn = events.iter().find(|e| e.code == "111").unwrap();
        assert_eq!(
            condemn.location.as_deref(),
            Some("RUS"),
            "the dateline sets the location"
        );
        assert_eq!(condemn.attribution.as_deref(), Some("anonymous: officials"));
        assert_eq!(
            condemn.also_in_sentences,
            vec![2],
            "the restatement is reported once"
        );
        assert_eq!(events.iter().filter(|e| e.code == "111").count(), 1);
        let attack = events.iter().find(|e| e.code == "190").unwrap();
        assert_eq!(
            attack.attribution.as_deref(),
            Some("anonymous: There are reports")
        );
    }

    #[test]
    fn evidence_spans_point_at_the_words() {
        let text = "Kenya condemned Uganda.";
        let doc = Document::new("t", text, None);
        let e = &pipeline().code(&doc)[0];
        let span = |s: [usize; 2]| &text[s[0]..s[1]];
        assert_eq!(span(e.evidence.source), "Kenya");
        assert_eq!(span(e.evidence.target.unwrap()), "Uganda");
        assert_eq!(span(e.evidence.trigger), "condemned");
        assert!(e.evidence.entry.starts_with("verbs/11_disapprove.txt:"));
    }

    /// `CodeOptions::monadic`: a coded source with no coded target makes
    /// one event with a null target; symmetric verbs and domestic protests
    /// keep their pairs; the default writes none of them.
    #[test]
    fn monadic_events_only_when_asked() {
        type Single = (String, Option<String>, String, Modality);
        let one = |s: &str, t: Option<&str>, c: &str, m: Modality| -> Single {
            (s.into(), t.map(Into::into), c.into(), m)
        };
        let table: Vec<(&str, Vec<Single>)> = vec![
            // a protest with no target and no country to give it one
            (
                "Greenpeace activists demonstrated outside the summit.",
                vec![one("NGOGRP", None, "141", Asserted)],
            ),
            // a government protesting is not aimed at itself
            (
                "The French government protested.",
                vec![one("FRAGOV", None, "141", Asserted)],
            ),
            // an attack on an unnamed target
            (
                "Russian forces attacked a village overnight.",
                vec![one("RUSMIL", None, "190", Asserted)],
            ),
            // the modality is computed as for any event
            (
                "Kenya did not attack a village.",
                vec![one("KEN", None, "190", Negated)],
            ),
            (
                "The Peruvian government declared a state of emergency.",
                vec![one("PERGOV", None, "1724", Asserted)],
            ),
            // a domestic protest keeps its target, the source's government
            (
                "Kenyan students protested on Monday.",
                vec![one("KENEDU", Some("KENGOV"), "141", Asserted)],
            ),
            // a symmetric verb needs a second party: none is made up
            ("Russia signed an agreement.", vec![]),
        ];
        let run = |text: &str, monadic: bool| -> Vec<Single> {
            let doc = Document::new("t", text, Date::parse("2024-05-01"));
            let options = crate::CodeOptions {
                monadic,
                ..Default::default()
            };
            let mut v: Vec<_> = pipeline()
                .code_with(&doc, options)
                .into_iter()
                .map(|e| (e.source, e.target, e.code, e.modality))
                .collect();
            v.sort();
            v
        };
        for (text, want) in table {
            assert_eq!(run(text, true), want, "{text}");
            let dyadic: Vec<Single> = want.into_iter().filter(|e| e.1.is_some()).collect();
            assert_eq!(run(text, false), dyadic, "default: {text}");
        }
        let text = "Syrian troops shelled a market.";
        let doc = Document::new("t", text, None);
        let options = crate::CodeOptions {
            monadic: true,
            ..Default::default()
        };
        let e = &pipeline().code_with(&doc, options)[0];
        assert_eq!(e.target_text, None);
        assert_eq!(e.target_name, None);
        assert_eq!(e.evidence.target, None);
        assert_eq!(
            &text[e.evidence.source[0]..e.evidence.source[1]],
            "Syrian troops"
        );
    }

    /// Intent through "in principle"; a strike called off is the callers'
    /// yielding (082), not a strike.
    #[test]
    fn intent_in_principle_and_strikes_called_off() {
        let table: Vec<(&str, Vec<Coded>)> = vec![
            (
                "Denmark agreed in principle on Monday to provide aid to Moldova.",
                vec![ev("DNK", "MDA", "033", Asserted)],
            ),
            (
                "Kenyan teachers called off their strike against the Kenyan government.",
                vec![ev("KENEDU", "KENGOV", "082", Asserted)],
            ),
        ];
        for (text, want) in table {
            assert_eq!(code(text, "2024-05-01"), want, "{text}");
        }
    }

    /// The condition of an actor's threat is what it weighs, not an event;
    /// both clauses of a third party's "could ... if" stay hypothetical.
    #[test]
    fn the_condition_of_a_threat_is_not_coded() {
        let table: Vec<(&str, Vec<Coded>)> = vec![
            (
                "Iran threatened to attack Israel if Israel strikes Lebanon.",
                vec![ev("IRN", "ISR", "138", Asserted)],
            ),
            // a threat to strike is 133
            (
                "Syrian farmers threatened on Monday to hold a strike against the Syrian government unless Israel lifted the blockade.",
                vec![ev("SYRAGR", "SYRGOV", "133", Asserted)],
            ),
            (
                "Russia could strike Poland if NATO attacks Belarus, analysts said.",
                vec![
                    ev("IGOWSTNAT", "BLR", "190", Hypothetical),
                    ev("RUS", "POL", "190", Hypothetical),
                ],
            ),
        ];
        for (text, want) in table {
            assert_eq!(code(text, "2024-05-01"), want, "{text}");
        }
    }

    /// A possessor in the slot ("welcomed Ankara's shift in tone") is not
    /// the object of a pattern that goes on with a preposition ("welcome +
    /// in", a visit hosted).
    #[test]
    fn a_possessor_in_the_slot_is_not_the_guest() {
        let table: Vec<(&str, Vec<Coded>)> = vec![
            (
                "Egypt welcomed Ankara's shift in tone on Tuesday.",
                vec![ev("EGY", "TURGOV", "051", Asserted)],
            ),
            (
                "Egypt welcomed the Turkish president to Cairo.",
                vec![
                    ev("EGY", "TURGOV", "043", Asserted),
                    ev("TURGOV", "EGY", "042", Asserted),
                ],
            ),
        ];
        for (text, want) in table {
            assert_eq!(code(text, "2024-05-01"), want, "{text}");
        }
    }

    /// What an accusation alleges is not coded as done, however many acts
    /// it lists; an act after the accusation's clause still is.
    #[test]
    fn alleged_acts_are_not_coded() {
        let table: Vec<(&str, Vec<Coded>)> = vec![
            (
                "Amnesty International accused Israel of violating human rights, ignoring warnings and attacking Lebanon.",
                vec![ev("NGOAMN", "ISR", "112", Asserted)],
            ),
            (
                "Kenya accused Uganda of attacking Kenyan police.",
                vec![ev("KEN", "UGA", "1123", Asserted)],
            ),
            // the infinitive of an "-ing" form after "of" is alleged too
            (
                "Kenya accused Somalia of plotting to assassinate its ambassador.",
                vec![ev("KEN", "SOM", "112", Asserted)],
            ),
            (
                "Serbia accused Kosovo of trying to expel Serb families.",
                vec![ev("SRB", "KOS", "112", Asserted)],
            ),
            (
                "Kenya criticised Uganda for sheltering rebels, while Tanzania began attacking Ugandan rebels.",
                vec![
                    ev("KEN", "UGA", "111", Asserted),
                    ev("TZA", "UGAREB", "190", Asserted),
                ],
            ),
        ];
        for (text, want) in table {
            assert_eq!(code(text, "2024-05-01"), want, "{text}");
        }
    }

    /// What a demand or appeal asks for chooses its subtype
    /// (rules/speech_content.txt): by the code of the content's own
    /// pattern, else by a content verb; the content is not coded as done.
    #[test]
    fn the_content_of_a_demand_chooses_its_subtype() {
        let table: Vec<(&str, Vec<Coded>)> = vec![
            // a content verb without a pattern of its own
            (
                "France demanded on Friday that Mali revoke the mining licence.",
                vec![ev("FRA", "MLI", "1042", Asserted)],
            ),
            // the code of the content's pattern (withdrawal)
            (
                "Norway demanded that Sudan immediately withdraw its troops from the region.",
                vec![ev("NOR", "SDN", "106", Asserted)],
            ),
            (
                "The opposition in Kenya demanded that the president step down.",
                vec![ev("KENOPP", "KENGOV", "1041", Asserted)],
            ),
            // appeals take the appeal subtype of the same content
            (
                "Kenya urged Uganda on Tuesday to hold talks on the border dispute.",
                vec![ev("KEN", "UGA", "026", Asserted)],
            ),
            (
                "Chile urged Peru to mediate between the two parties.",
                vec![ev("CHL", "PER", "028", Asserted)],
            ),
            // "X said Y must V" is a demand with the subtype of V
            (
                "Norway said Sudan must withdraw from the disputed region.",
                vec![ev("NOR", "SDN", "106", Asserted)],
            ),
            // a determiner between the demand and its content's subject
            (
                "Germany demanded that the Turkish government release the journalists.",
                vec![ev("DEU", "TURGOV", "1053", Asserted)],
            ),
            // a demand of a refusal is none of the listed kinds
            (
                "Norway demanded that its Swedish neighbours refuse to recognise Kosovo.",
                vec![ev("NOR", "SWE", "100", Asserted)],
            ),
            // said ... must through time words and a determiner, with a
            // compound subject
            (
                "France said on Tuesday that the Chadian government and the rebels must sign a peace deal.",
                vec![
                    ev("FRA", "TCDGOV", "100", Asserted),
                    ev("FRA", "TCDREB", "100", Asserted),
                ],
            ),
            // content it does not know leaves the demand unspecified; a
            // capitalised name is no content verb
            (
                "Italy demanded that Malta sign the Free Movement Treaty.",
                vec![ev("ITA", "MLT", "100", Asserted)],
            ),
        ];
        for (text, want) in table {
            assert_eq!(code(text, "2024-05-01"), want, "{text}");
        }
    }

    /// The clause of an offer, invitation, call, decision or right is
    /// what was offered or asked, not an event that happened; the verb
    /// forms of the same words still code, and so does a refusal that
    /// covers the noun.
    #[test]
    fn the_content_of_a_noun_is_not_coded() {
        let table: Vec<(&str, Vec<Coded>)> = vec![
            (
                "Egypt rejected an Israeli offer to host talks with Jordan.",
                vec![ev("EGY", "ISR", "125", Asserted)],
            ),
            (
                "Poland welcomed Germany's decision to send tanks to Ukraine.",
                vec![ev("POL", "DEU", "051", Asserted)],
            ),
            (
                "Japan defended the right of Australia to inspect Chinese ships.",
                vec![ev("JPN", "AUS", "052", Asserted)],
            ),
            // the verb "offers": an intent
            (
                "Iran offers to mediate between Armenia and Azerbaijan.",
                vec![
                    ev("IRN", "ARM", "039", Asserted),
                    ev("IRN", "AZE", "039", Asserted),
                ],
            ),
            // an allegation, and a warning to someone, that something
            // happened or will
            (
                "Ghana rejected allegations that Togo had attacked Ghanaian fishermen.",
                vec![],
            ),
            (
                "Iran sent a warning to Israel that Hezbollah would attack Haifa.",
                vec![ev("IRN", "ISR", "130", Asserted)],
            ),
            // a refusal cue covering the noun converts the release
            (
                "Cuba rejected calls to release the jailed dissidents.",
                vec![ev("CUB", "CUBOPP", "1243", Asserted)],
            ),
        ];
        for (text, want) in table {
            assert_eq!(code(text, "2024-05-01"), want, "{text}");
        }
    }

    /// Two bodies of one country named apart, each with a role, are two
    /// actors even when their codes are one; a bare country, a
    /// description resolved by coreference or one mention is one actor.
    #[test]
    fn two_bodies_with_one_code() {
        let table: Vec<(&str, Vec<Coded>)> = vec![
            (
                "President William Ruto criticised the Kenyan interior minister.",
                vec![ev("KENGOV", "KENGOV", "111", Asserted)],
            ),
            // one dictionary entry twice may be one body named twice
            (
                "The Kenyan interior minister criticised the Kenyan finance minister.",
                vec![],
            ),
            ("Kenya condemned the country.", vec![]),
            // an auxiliary before a participle is no light verb: no 046
            // for "have ... talks with" beside the refusal
            (
                "Somali rebels have repeatedly rejected peace talks with the Kenyan cabinet.",
                vec![ev("SOMREB", "KENGOV", "125", Asserted)],
            ),
            // ... but a participle after a determiner is an adjective
            (
                "Kenya had a scheduled meeting with Uganda.",
                vec![
                    ev("KEN", "UGA", "040", Asserted),
                    ev("UGA", "KEN", "040", Asserted),
                ],
            ),
            (
                "Kenyan officials condemned the country.",
                vec![ev("KENGOV", "KEN", "111", Asserted)],
            ),
        ];
        for (text, want) in table {
            assert_eq!(code(text, "2024-05-01"), want, "{text}");
        }
    }

    /// A threat, intent or refusal without a target is aimed at the
    /// subject of its condition; a condition with no actor gives none.
    #[test]
    fn a_commitment_is_aimed_at_its_condition() {
        let table: Vec<(&str, Vec<Coded>)> = vec![
            (
                "Ghana threatened to boycott the summit unless Togo frees the detained journalists.",
                vec![ev("GHA", "TGO", "1312", Asserted)],
            ),
            (
                "Peru threatened to halt grain shipments if Chile raises its tariffs.",
                vec![ev("PER", "CHL", "130", Asserted)],
            ),
            (
                "Peru threatened to halt grain shipments if the harvest fails.",
                vec![],
            ),
        ];
        for (text, want) in table {
            assert_eq!(code(text, "2024-05-01"), want, "{text}");
        }
    }

    /// "X said (that) Y must V" is X's demand of Y also when no pattern
    /// matches V (issue 11 item 3); the content verb chooses the subtype.
    #[test]
    fn said_must_without_a_pattern() {
        let table: Vec<(&str, Vec<Coded>)> = vec![
            (
                "Ghana said on Friday that Togo must do more to curb smuggling.",
                vec![ev("GHA", "TGO", "100", Asserted)],
            ),
            (
                "The Ghanaian foreign minister said Togo and Benin must tidy up their customs posts.",
                vec![
                    ev("GHAGOV", "BEN", "100", Asserted),
                    ev("GHAGOV", "TGO", "100", Asserted),
                ],
            ),
            (
                "Ghana said Togo must step down from the council.",
                vec![ev("GHA", "TGO", "1041", Asserted)],
            ),
            // "reiterate" reports; "and his" joins a compound subject
            (
                "The Ghanaian foreign minister reiterated that Togo must hand over the suspects.",
                vec![ev("GHAGOV", "TGO", "1013", Asserted)],
            ),
            (
                "Togolese rebels announced that the Togolese president and his ministers must accept new elections.",
                vec![ev("TGOREB", "TGOGOV", "100", Asserted)],
            ),
            // a passive asks nothing of its subject; no coded speaker, no demand
            ("Ghana said Togo must be punished.", vec![]),
            ("Analysts said Togo must do more.", vec![]),
        ];
        for (text, want) in table {
            assert_eq!(code(text, "2024-05-01"), want, "{text}");
        }
    }

    /// An actor after "from" in the object phrase is whom the object is
    /// taken from, a target; a place there is not, nor an actor after an
    /// "-ing" form.
    #[test]
    fn a_target_after_from_in_the_object_phrase() {
        let table: Vec<(&str, Vec<Coded>)> = vec![
            (
                "Kenya on Monday lifted its sanctions on coffee from Uganda.",
                vec![ev("KEN", "UGA", "085", Asserted)],
            ),
            (
                "Kenyan students are demanding a public apology from the Ugandan authorities.",
                vec![ev("KENEDU", "UGAGOV", "100", Asserted)],
            ),
            ("Kenya lifted its sanctions on coffee from Kampala.", vec![]),
            (
                "Kenyan prosecutors criticised a plan for moving the cargo away from Uganda.",
                vec![],
            ),
            // an adjective after "from" is a place's
            (
                "Kenyan students staged a protest a few metres from Ugandan soil.",
                vec![ev("KENEDU", "KENGOV", "141", Asserted)],
            ),
        ];
        for (text, want) in table {
            assert_eq!(code(text, "2024-05-01"), want, "{text}");
        }
    }

    /// The place in the source's own phrase names the target by its own
    /// words, not the role's ("Police in Mombasa": Mombasa).
    #[test]
    fn a_place_in_the_source_phrase_is_named_by_its_words() {
        let doc = Document::new(
            "t",
            "Police in Mombasa imposed a night curfew.",
            Date::parse("2024-05-01"),
        );
        let events = pipeline().code(&doc);
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].target.as_deref(), Some("KEN"));
        assert_eq!(events[0].target_text.as_deref(), Some("Mombasa"));
    }

    /// The pattern's preposition inside a mention that goes on after it
    /// ("refugees from X"): the mention fills the slot, since no mention
    /// starts after the preposition.
    #[test]
    fn a_slot_inside_the_mention_of_its_preposition() {
        let table: Vec<(&str, Vec<Coded>)> = vec![
            (
                "Kazakhstan took in refugees from Kyrgyzstan last year.",
                vec![ev("KAZ", "KGZREF", "075", Asserted)],
            ),
            (
                "Canada withdrew its election monitors and aid workers from Haiti.",
                vec![ev("CAN", "HTIDEV", "1662", Asserted)],
            ),
            (
                "Canada withdrew its monitors from Haiti.",
                vec![ev("CAN", "HTI", "1662", Asserted)],
            ),
            ("Kazakhstan took in refugees.", vec![]),
        ];
        for (text, want) in table {
            assert_eq!(code(text, "2024-05-01"), want, "{text}");
        }
    }

    /// A ceasefire declared or called for in a region is aimed at the
    /// region's country (code set `place-target`); a country's own truce in
    /// its own region has no target.
    #[test]
    fn a_ceasefire_in_a_region() {
        let table: Vec<(&str, Vec<Coded>)> = vec![
            (
                "Eritrea and Ethiopia declared a ceasefire in Tigray.",
                vec![ev("ERI", "ETH", "0871", Asserted)],
            ),
            (
                "The Arab League called for a truce in Gaza on Sunday.",
                vec![ev("IGOMEAARL", "PSE", "0256", Asserted)],
            ),
            ("Ethiopia declared a ceasefire in Tigray.", vec![]),
        ];
        for (text, want) in table {
            assert_eq!(code(text, "2024-05-01"), want, "{text}");
        }
    }

    /// A symmetric verb's other party may be an unknown name; the
    /// apposition right after it names the party, and nothing later does.
    #[test]
    fn the_apposition_of_an_unknown_name_is_the_other_party() {
        let table: Vec<(&str, Vec<Coded>)> = vec![
            (
                "Kenya and Uganda held talks with Jan Kowalski, the Polish envoy.",
                vec![
                    ev("KEN", "POLGOV", "046", Asserted),
                    ev("POLGOV", "KEN", "046", Asserted),
                    ev("POLGOV", "UGA", "046", Asserted),
                    ev("UGA", "POLGOV", "046", Asserted),
                ],
            ),
            (
                "Hamas leaders met Jan Kowalski on Monday, the Polish envoy said.",
                vec![],
            ),
        ];
        for (text, want) in table {
            assert_eq!(code(text, "2024-05-01"), want, "{text}");
        }
    }

    /// A demand or appeal noun of the subject's own (after an owning verb,
    /// `owning_verbs.txt`): the subject demands of, or appeals to, the
    /// subject of the noun's clause, the content choosing the subtype;
    /// someone else's demand ("rejected calls for") gives no demand.
    #[test]
    fn an_owned_demand_noun_is_a_demand_of_its_clause_subject() {
        let table: Vec<(&str, Vec<Coded>)> = vec![
            (
                "Kenya repeated its demand that Uganda withdraw its troops from the border.",
                vec![ev("KEN", "UGA", "106", Asserted)],
            ),
            (
                "Kenya has reiterated its calls for Uganda to release the detained journalists.",
                vec![ev("KEN", "UGA", "0253", Asserted)],
            ),
            (
                "The Chilean president issued a reminder on Monday to Peru that it must release the fishermen.",
                vec![ev("CHLGOV", "PER", "0253", Asserted)],
            ),
            (
                "Chadian rebels, the Front for Change (FFC), insisted on their demand that the government in N'Djamena release prisoners.",
                vec![ev("TCDREB", "TCDGOV", "1053", Asserted)],
            ),
            (
                "Kenya answered the demand that Uganda release the journalists.",
                vec![],
            ),
            // a phone call before a time word is no call to act
            (
                "Kenya's president told Uganda's leader during their call on Friday that Kenya would release the Ugandan fishermen.",
                vec![ev("KEN", "UGAAGR", "0353", Asserted)],
            ),
        ];
        for (text, want) in table {
            assert_eq!(code(text, "2024-05-01"), want, "{text}");
        }
    }
}
