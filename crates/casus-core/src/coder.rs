//! Event assembly: for each sentence, find actor mentions and verb patterns,
//! decide source and target (voice, coordination, compounds, reciprocals),
//! then modality, code conversions and attribution, and emit events.
//!
//! Every decision that can drop or change an event is written to the
//! sentence trace, which `casus code --explain` prints.

use crate::actors::{Mention, Referent};
use crate::event::{Document, Event, Evidence, Modality};
use crate::rules::Cue;
use crate::text::{Sentence, TextLayer};
use crate::verbs::PatternMatch;
use crate::vocab::class;
use crate::Pipeline;
use rustc_hash::FxHashSet as HashSet;
use serde::Serialize;
use std::ops::Range;

/// What the coder saw in one sentence and why it coded what it coded.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SentenceTrace {
    pub index: usize,
    pub span: [usize; 2],
    pub text: String,
    pub mentions: Vec<String>,
    pub patterns: Vec<String>,
    pub notes: Vec<String>,
    pub events: usize,
    #[serde(skip)]
    enabled: bool,
}

impl SentenceTrace {
    // Trace lines are built only when a trace is wanted: formatting them
    // for every sentence would cost more than coding it.
    fn add_notes(&mut self, line: impl FnOnce() -> String) {
        if self.enabled {
            self.notes.push(line());
        }
    }

    fn add_patterns(&mut self, line: impl FnOnce() -> String) {
        if self.enabled {
            self.patterns.push(line());
        }
    }

    fn add_mentions(&mut self, line: impl FnOnce() -> String) {
        if self.enabled {
            self.mentions.push(line());
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Coded {
    pub events: Vec<Event>,
    pub trace: Vec<SentenceTrace>,
    /// Byte spans of the sentences, in order (headlines included).
    pub sentences: Vec<[usize; 2]>,
}

const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "these", "those", "its", "their", "his", "her", "our", "your", "my",
    "'s", "no", "any", "each", "every", "another", "such", "whose",
];

const PREPOSITIONS: &[&str] = &[
    "of", "for", "in", "on", "with", "after", "before", "against", "amid", "over", "by", "to",
    "from", "at", "about", "between", "during", "into", "under", "since", "than", "toward",
    "towards", "across", "near", "among", "upon", "via", "without", "despite",
];

const AUXILIARIES: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "must",
    "shall",
    "should",
    "not",
    "n't",
    "also",
    "then",
    "later",
    "already",
    "reportedly",
    "allegedly",
    "still",
    "again",
    "never",
    "jointly",
    "formally",
    "officially",
    "finally",
    "just",
    "to",
    "'s",
    "'ll",
    "'d",
    "recently",
    "repeatedly",
    "publicly",
    "quickly",
    "immediately",
    "once",
    "twice",
    "first",
    "last",
];

const BE_FORMS: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "'s"];

const CLAUSE_BREAKS: &[&str] = &[
    ";", "that", "whether", "because", "although", "though", "while", "whereas",
];

fn is_quantity(w: &str) -> bool {
    matches!(
        w,
        "thousands"
            | "hundreds"
            | "dozens"
            | "tens"
            | "scores"
            | "millions"
            | "some"
            | "many"
            | "most"
            | "several"
            | "all"
            | "group"
            | "groups"
            | "crowds"
            | "crowd"
            | "number"
    ) || w.bytes().all(|b| b.is_ascii_digit() || b == b',')
}

fn is_adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly")
}

/// Registers the word classes this module tests.
pub fn register_classes(vocab: &mut crate::vocab::Vocab) {
    use crate::vocab::class;
    vocab.add_class_all(DETERMINERS.iter().copied(), class::DETERMINER);
    vocab.add_class_all(PREPOSITIONS.iter().copied(), class::PREPOSITION);
    vocab.add_class_all(AUXILIARIES.iter().copied(), class::AUXILIARY);
    vocab.add_class_all(BE_FORMS.iter().copied(), class::BE_FORM);
    vocab.add_class_all(CLAUSE_BREAKS.iter().copied(), class::CLAUSE_BREAK);
}

/// The pipeline's main loop over one document.
pub(crate) fn code_document(p: &Pipeline, doc: &Document, explain: bool) -> Coded {
    let mut layer = TextLayer::new(&doc.text);
    p.vocab.annotate(&mut layer);
    let mut coded = Coded {
        sentences: layer
            .sentences
            .iter()
            .map(|s| [s.span.start, s.span.end])
            .collect(),
        ..Coded::default()
    };
    let mut seen: HashSet<(String, String, String)> = HashSet::default();
    let mut history = crate::coref::History::default();
    for (index, sentence) in layer.sentences.iter().enumerate() {
        let mut trace = SentenceTrace {
            index,
            span: [sentence.span.start, sentence.span.end],
            text: if explain {
                doc.text[sentence.span.clone()].to_string()
            } else {
                String::new()
            },
            enabled: explain,
            ..Default::default()
        };
        if let Some(dateline) = &sentence.dateline {
            // "MOSCOW, July 6 (Reuters) -": the place sets the document's focus.
            for m in p.actors.mentions(&layer, dateline.clone(), doc.date) {
                if let Referent::Capital(c) | Referent::Place(Some(c)) | Referent::Actor(c) =
                    &m.referent
                {
                    if c.len() >= 3 {
                        history.note_country(&c[..3], 2);
                        history.dateline.get_or_insert_with(|| c[..3].to_string());
                    }
                }
            }
        }
        let mut events = Vec::new();
        let mentions = code_sentence(
            p,
            doc,
            &layer,
            index,
            sentence,
            &history,
            &mut events,
            &mut trace,
        );
        history.push(mentions);
        for e in events {
            let key = (e.source.clone(), e.target.clone(), e.code.clone());
            if seen.insert(key) {
                trace.events += 1;
                coded.events.push(e);
                continue;
            }
            // The same event restated: reported once, with the sentences
            // that support it.
            if let Some(first) = coded
                .events
                .iter_mut()
                .find(|x| x.source == e.source && x.target == e.target && x.code == e.code)
            {
                if first.sentence_index != index && !first.also_in_sentences.contains(&index) {
                    first.also_in_sentences.push(index);
                }
            }
            if explain {
                trace.add_notes(|| {
                    format!(
                        "{} {}->{} restates an earlier event; reported once",
                        e.code, e.source, e.target
                    )
                });
            }
        }
        if explain {
            coded.trace.push(trace);
        }
    }
    coded
}

struct Ctx<'a> {
    p: &'a Pipeline,
    layer: &'a TextLayer,
    text: &'a str,
    range: Range<usize>,
    mentions: Vec<Mention>,
}

impl Ctx<'_> {
    fn norm(&self, i: usize) -> &str {
        self.layer.norm(i)
    }

    fn mention_text(&self, m: &Mention) -> String {
        let span = self.layer.tokens[m.tokens.start].span.start
            ..self.layer.tokens[m.tokens.end - 1].span.end;
        self.text[span].to_string()
    }

    fn byte_span(&self, tokens: Range<usize>) -> [usize; 2] {
        [
            self.layer.tokens[tokens.start].span.start,
            self.layer.tokens[tokens.end - 1].span.end,
        ]
    }

    fn in_mention(&self, t: usize) -> bool {
        // mentions are sorted and do not overlap: the last one starting at
        // or before `t` is the only candidate
        let k = self.mentions.partition_point(|m| m.tokens.start <= t);
        k > 0 && self.mentions[k - 1].tokens.contains(&t)
    }

    /// Whether a verb or auxiliary follows the mention, making it a subject.
    fn starts_clause_after(&self, m: &Mention) -> bool {
        let next = m.tokens.end;
        next < self.range.end && {
            let w = self.norm(next);
            let is = |bits| self.layer.is(next, bits);
            is(class::AUXILIARY | class::SAY_VERB)
                || (is(class::PATTERN_VERB) && (w.ends_with("ed") || !is(class::BASE_LIKE)))
        }
    }

    /// Mentions coordinated with `idx` by "and", "or" and commas.
    fn compound(&self, idx: usize, leftward: bool, rightward: bool) -> Vec<usize> {
        // The connector between two neighbouring mentions, if they can be
        // members of one compound: Some(true) for "and"/"or", Some(false)
        // for a bare comma.
        let link = |a: &Mention, b: &Mention| -> Option<bool> {
            let between: Vec<&str> = (a.tokens.end..b.tokens.start)
                .filter(|&i| !self.layer.tokens[i].temporal)
                .map(|i| self.norm(i))
                .collect();
            // "..., and the Netherlands said it would": a new clause's
            // subject, not another member of the compound.
            if between.first() == Some(&",") && self.starts_clause_after(b) {
                return None;
            }
            match between.as_slice() {
                [","] | [",", "the"] => Some(false),
                ["and"]
                | ["or"]
                | [",", "and"]
                | [",", "or"]
                | ["and", "the"]
                | ["or", "the"]
                | [",", "and", "the"]
                | ["as", "well", "as"]
                | ["and", "its"]
                | ["nor"] => Some(true),
                _ => None,
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
        while rightward
            && end + 1 < n
            && link(&self.mentions[end], &self.mentions[end + 1]).is_some()
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
        (start..=chain_end).collect()
    }
}

/// A resolved participant: its code and where it stands.
#[derive(Debug, Clone)]
struct Party {
    code: String,
    tokens: Range<usize>,
}

#[allow(clippy::too_many_arguments)]
fn code_sentence(
    p: &Pipeline,
    doc: &Document,
    layer: &TextLayer,
    index: usize,
    sentence: &Sentence,
    history: &crate::coref::History,
    events: &mut Vec<Event>,
    trace: &mut SentenceTrace,
) -> Vec<Mention> {
    let range = sentence.tokens.clone();
    if sentence.headline {
        trace.add_notes(|| "headline: not coded".into());
        return Vec::new();
    }
    if let Some(d) = p.rules.discards.find_in(layer, range.clone()) {
        trace.add_notes(|| {
            format!(
                "not coded: {} cue `{}`",
                d.value,
                span_text(doc, layer, d.start..d.end)
            )
        });
        return Vec::new();
    }
    let mut mentions = p.actors.mentions(layer, range.clone(), doc.date);
    crate::coref::add_descriptions(layer, range.clone(), &p.rules, &mut mentions);
    crate::coref::resolve(layer, range.clone(), &mut mentions, history);
    let mut ctx = Ctx {
        p,
        layer,
        text: &doc.text,
        range: range.clone(),
        mentions,
    };
    resolve_first_person(&mut ctx);
    let ctx = ctx;
    let location = ctx
        .mentions
        .iter()
        .filter(|m| m.locative)
        .find_map(|m| match &m.referent {
            Referent::Place(Some(c)) | Referent::Capital(c) => Some(c.clone()),
            Referent::Actor(c) if c.len() == 3 => Some(c.clone()),
            _ => None,
        })
        .or_else(|| history.dateline.clone());
    for m in &ctx.mentions {
        trace.add_mentions(|| format!("{} => {}", ctx.mention_text(m), describe(&m.referent)));
    }
    if ctx.mentions.is_empty() {
        return Vec::new();
    }
    // Find pattern matches left to right; a verb inside an earlier match is
    // part of it and is not matched again.
    let mut matches: Vec<PatternMatch> = Vec::new();
    let mut used = vec![false; range.len()];
    for t in range.clone() {
        if used[t - range.start] || ctx.in_mention(t) || layer.is(t, class::SAY_VERB) {
            continue;
        }
        if !layer.is(t, class::PATTERN_VERB) || !looks_like_verb(&ctx, t) {
            continue;
        }
        if let Some(m) = p.verbs.match_at(layer, t, range.end, &ctx.mentions) {
            for &l in &m.literals {
                used[l - range.start] = true;
            }
            matches.push(m);
        }
    }
    if matches.is_empty() {
        return finish_sentence(ctx, events);
    }
    // a conditional or question anywhere in the sentence, found once
    let conditional_span = range.clone().find_map(|i| {
        p.rules
            .modality
            .matches_at(layer, i, range.end)
            .find(|c| *c.value == Cue::HypotheticalSentence)
            .map(|c| ctx.byte_span(c.start..c.end))
    });
    let sentence_hypothetical = conditional_span.is_some();
    let speech = Speech::of(&ctx);
    let mut slot_mentions: HashSet<usize> = HashSet::default();
    let mut last_subject: Option<(Vec<usize>, usize)> = None;
    for (match_index, m) in matches.iter().enumerate() {
        let pattern = &p.verbs.patterns[m.pattern];
        let entry = format!(
            "{}:{}",
            p.file_name(pattern.origin.file),
            pattern.origin.line
        );
        trace.add_patterns(|| format!("`{}` {} ({entry})", pattern.text, pattern.code));
        let before = |k: usize| (m.verb >= range.start + k).then(|| ctx.norm(m.verb - k));
        // passive voice: "was attacked by"
        let mut b = m.verb;
        while b > range.start
            && (is_adverb(ctx.norm(b - 1)) || matches!(ctx.norm(b - 1), "not" | "n't" | "also"))
        {
            b -= 1;
        }
        let aux_be = b > range.start && ctx.layer.is(b - 1, class::BE_FORM);
        let participle = ctx.layer.is(m.verb, class::PARTICIPLE);
        let by_agent = find_by_agent(&ctx, m);
        // Without a form of "be", only a participle directly followed by its
        // by-agent is passive ("a swap mediated by the UAE"); "signed a deal
        // brokered by Russia" is active.
        let by_adjacent = {
            let mut t = m.end.max(m.verb + 1);
            while t < range.end && (ctx.layer.tokens[t].temporal || is_adverb(ctx.norm(t))) {
                t += 1;
            }
            t < range.end && ctx.norm(t) == "by"
        };
        let passive = participle
            && by_agent.is_some_and(|_| aux_be || by_adjacent)
            && before(1).is_some_and(|w| w != "had" && w != "has" && w != "have")
            || (participle && aux_be);
        // the subject
        let (subject, window_start) = match find_subject(&ctx, m, &slot_mentions, &last_subject) {
            Some(s) => s,
            None => {
                trace.add_notes(|| format!("`{}`: no source found", pattern.text));
                continue;
            }
        };
        let subject_members: Vec<usize> = subject.clone();
        last_subject = Some((subject.clone(), window_start));
        let (sources, targets): (Vec<usize>, Vec<usize>) = if passive {
            match by_agent {
                Some(a) => (ctx.compound(a, false, true), subject_members.clone()),
                None => {
                    trace.add_notes(|| {
                        format!(
                            "`{}`: passive without a by-agent is not coded",
                            pattern.text
                        )
                    });
                    continue;
                }
            }
        } else if let Some(s) = m.source {
            (ctx.compound(s, false, true), subject_members.clone())
        } else {
            let targets = m
                .target
                .map(|t| ctx.compound(t, false, true))
                .unwrap_or_default();
            (subject_members.clone(), targets)
        };
        // Objects of a verb cannot be the subject of a later verb; subjects
        // can ("Armenia and Azerbaijan signed a deal brokered by Russia").
        for &t in &targets {
            slot_mentions.insert(t);
        }
        if let Some(t) = m.target {
            slot_mentions.extend(ctx.compound(t, false, true));
        }
        // Code conversions and modality cues between the subject and the verb.
        let window = window_start..m.verb;
        let mut code = pattern.code.clone();
        let mut symmetric = pattern.symmetric;
        let mut cues = Vec::new();
        let mut cue_spans: Vec<[usize; 2]> = Vec::new();
        let mut modality_window = window.clone();
        for i in window.clone() {
            if let Some(c) = p
                .rules
                .conversion_cues
                .matches_through_time(layer, i, m.verb)
                .next()
            {
                let conversion = &p.rules.conversions[*c.value];
                if let Some(to) = conversion.apply(&code) {
                    // An intent, refusal or threat is the subject's alone.
                    symmetric = false;
                    cues.push(format!(
                        "{}: {}",
                        conversion.name,
                        span_text(doc, layer, c.start..c.end)
                    ));
                    cue_spans.push(ctx.byte_span(c.start..c.end));
                    code = to.to_string();
                }
                modality_window = window_start..i;
                break;
            }
        }
        // "No country has recognised ...", "Neither Kenya nor Uganda ...":
        // a negative determiner before the subject negates its verb.
        let mut negated = subject.first().is_some_and(|&k| {
            let start = ctx.mentions[k].tokens.start;
            start > range.start && matches!(ctx.norm(start - 1), "no" | "neither")
        });
        let mut modal_verb = false;
        let mut hypothetical = sentence_hypothetical;
        let mut future = false;
        let mut i = modality_window.start;
        while i < modality_window.end {
            if let Some(c) = p
                .rules
                .modality
                .matches_at(layer, i, modality_window.end)
                .next()
            {
                match c.value {
                    Cue::Negated => negated = true,
                    Cue::Hypothetical => hypothetical = true,
                    Cue::Future => future = true,
                    _ => {}
                }
                if matches!(c.value, Cue::Hypothetical | Cue::Future)
                    && matches!(
                        ctx.norm(c.start),
                        "would" | "will" | "'ll" | "could" | "shall"
                    )
                {
                    modal_verb = true;
                }
                if *c.value != Cue::HypotheticalSentence && *c.value != Cue::NegatedObject {
                    cues.push(
                        format!("{:?}: {}", c.value, span_text(doc, layer, c.start..c.end))
                            .to_lowercase(),
                    );
                    cue_spans.push(ctx.byte_span(c.start..c.end));
                }
                i = c.end;
            } else {
                i += 1;
            }
        }
        let after = m.verb + 1..(m.verb + 3).min(range.end);
        if after.clone().any(|i| {
            p.rules
                .modality
                .matches_at(layer, i, range.end)
                .any(|c| *c.value == Cue::NegatedObject)
        }) {
            negated = true;
            cues.push("negated: no".into());
        }
        if let Some(span) = conditional_span {
            cues.push("hypothetical: conditional in the sentence".into());
            cue_spans.push(span);
        }
        // Rule 10 in reported speech: "Russia would halt strikes", said by
        // Russia's own side, is Russia's commitment, not a prediction: the
        // intent (or, for force and sanctions, threat) of the action,
        // asserted.
        let speaker = speech.attribution(&ctx, m);
        if modal_verb && !negated && !matches!(&code[..2], "03" | "12" | "13") {
            let source_country = sources
                .first()
                .and_then(|&s| ctx.mentions[s].country().map(str::to_string))
                .or_else(|| {
                    sources
                        .first()
                        .and_then(|&s| match &ctx.mentions[s].referent {
                            Referent::Group(g) => g.first().map(|c| ctx_country(c)),
                            _ => None,
                        })
                });
            let own = match (&speaker, &source_country) {
                (Some(sp), Some(sc)) => ctx_country(sp) == *sc,
                _ => false,
            };
            if own {
                let kind = if matches!(&code[..2], "15" | "16" | "17" | "18" | "19" | "20") {
                    "threat"
                } else {
                    "intent"
                };
                if let Some(conv) = p.rules.conversions.iter().find(|c| c.name == kind) {
                    if let Some(to) = conv.apply(&code) {
                        cues.push(format!("{kind}: own statement with a modal verb"));
                        code = to.to_string();
                        symmetric = false;
                    }
                }
            }
        }
        let commitment = matches!(&code[..2], "03" | "12" | "13");
        let modality = if commitment {
            if negated {
                Modality::Negated
            } else {
                Modality::Asserted
            }
        } else if hypothetical {
            Modality::Hypothetical
        } else if negated {
            Modality::Negated
        } else if future {
            Modality::Future
        } else {
            Modality::Asserted
        };
        // History: "in 1945" in a sentence about an asserted event (rule 15).
        if modality == Modality::Asserted {
            if let Some(year) = historical_year(&ctx, doc) {
                trace.add_notes(|| format!("`{}`: history (in {year}) is not coded", pattern.text));
                continue;
            }
        }
        // Weapons refine generic force (rule 18).
        if code == "190" {
            if let Some(w) = weapon(&ctx, m, &sources) {
                cues.push(format!("weapon: {w}"));
                code = w;
            }
        }
        // Rule 17: the stated aim of a protest chooses its subtype.
        if matches!(code.as_str(), "141" | "142" | "143" | "144" | "145") {
            let aim = (m.verb + 1..range.end)
                .find_map(|i| p.rules.protest_aims.matches_at(layer, i, range.end).next());
            if let Some(aim) = aim {
                let sub = format!("{code}{}", aim.value);
                if p.cameo.contains(&sub) {
                    cues.push(format!(
                        "protest aim: {}",
                        span_text(doc, layer, aim.start..aim.end)
                    ));
                    code = sub;
                }
            }
        }
        let trigger = m.trigger_span();
        // The event's date: a time expression in its clause (up to the next
        // verb), else in its sentence, else the document date.
        let clause_end = matches
            .get(match_index + 1)
            .map_or(range.end, |next| next.verb);
        let event_date = doc.date.map(|d| {
            let future = modality == Modality::Future;
            crate::anchor::anchor(layer, window_start.min(m.verb)..clause_end, d, future)
                .or_else(|| crate::anchor::anchor(layer, range.clone(), d, future))
                .unwrap_or(d)
        });
        let attribution = speaker;
        let emit = |src: &Party, tgt: &Party, code: &str, events: &mut Vec<Event>| {
            if src.code == tgt.code || src.code.is_empty() || tgt.code.is_empty() {
                return;
            }
            let Some(info) = p.cameo.get(code) else {
                return;
            };
            events.push(Event {
                doc_id: doc.id.clone(),
                sentence_index: index,
                date: event_date,
                document_date: doc.date,
                source: src.code.clone(),
                target: tgt.code.clone(),
                source_text: span_text(doc, layer, src.tokens.clone()),
                target_text: span_text(doc, layer, tgt.tokens.clone()),
                source_name: None,
                target_name: None,
                code: code.to_string(),
                code_name: info.name.clone(),
                root: info.root.clone(),
                quad_class: info.quad_class,
                goldstein: info.goldstein,
                plover_type: info.plover.clone(),
                modality,
                attribution: attribution.clone(),
                location: location.clone(),
                place: None,
                also_in_sentences: Vec::new(),
                trigger_text: span_text(doc, layer, trigger.clone()),
                evidence: Evidence {
                    source: ctx.byte_span(src.tokens.clone()),
                    target: ctx.byte_span(tgt.tokens.clone()),
                    trigger: ctx.byte_span(trigger.clone()),
                    sentence: [sentence.span.start, sentence.span.end],
                    entry: entry.clone(),
                    pattern: pattern.text.clone(),
                    cues: cues.clone(),
                    cue_spans: cue_spans.clone(),
                    attribution: speech.span(&ctx, m),
                },
            });
        };
        let root = &code[..2];
        let party = |idx: usize, as_target: bool| -> Vec<Party> {
            let mention = &ctx.mentions[idx];
            let codes = match &mention.referent {
                Referent::Actor(c) => vec![c.clone()],
                Referent::Group(g) => g.clone(),
                // Rule 16: a city or facility attacked or visited -> its country.
                Referent::Place(Some(c))
                    if as_target
                        && (code.starts_with("042")
                            || matches!(root, "17" | "18" | "19" | "20")) =>
                {
                    vec![c.clone()]
                }
                Referent::Capital(c) => {
                    let place_target = as_target
                        && (code.starts_with("042") || matches!(root, "18" | "19" | "20"));
                    vec![if place_target {
                        c.clone()
                    } else {
                        format!("{c}GOV")
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
        };
        let src_parties: Vec<Party> = sources.iter().flat_map(|&s| party(s, false)).collect();
        let reciprocal = targets
            .iter()
            .any(|&t| ctx.mentions[t].referent == Referent::EachOther);
        let before_count = events.len();
        // Rule 19: "met" is judged per pair; a meeting in a third party's
        // country is 044 for that pair only.
        let place = if code == "040" {
            meeting_place(&ctx, m)
        } else {
            None
        };
        let code_for = |a: &Party, b: &Party| -> String {
            let third = place
                .as_ref()
                .is_some_and(|c| *c != ctx_country(&a.code) && *c != ctx_country(&b.code));
            if third {
                "044".to_string()
            } else {
                code.clone()
            }
        };
        // a symmetric verb whose object names no actor ("signed a troop access
        // agreement") pairs the members of a compound subject
        let no_target = targets.iter().all(|&t| party(t, true).is_empty());
        if reciprocal || (no_target && symmetric && src_parties.len() >= 2) {
            for a in &src_parties {
                for b in &src_parties {
                    emit(a, b, &code_for(a, b), events);
                }
            }
        } else {
            // Domestic actions (demands, criticism, protest, coercion) aimed at
            // a bare role noun ("stormed parliament", "arrested protesters")
            // concern the source's own country.
            let domestic = matches!(root, "10" | "11" | "14" | "17");
            let source_country = src_parties
                .first()
                .map(|p| ctx_country(&p.code))
                .filter(|c| c.len() == 3);
            let mut tgt_parties: Vec<Party> = targets
                .iter()
                .flat_map(|&t| {
                    let parties = party(t, true);
                    match (&ctx.mentions[t].referent, &source_country) {
                        (Referent::Role(r), Some(c)) if parties.is_empty() && domestic => {
                            vec![Party {
                                code: format!("{c}{r}"),
                                tokens: ctx.mentions[t].tokens.clone(),
                            }]
                        }
                        _ => parties,
                    }
                })
                .collect();
            // A protest with no named target is aimed at the source's own
            // government (CAMEO practice; the aim still picks the subtype).
            if root == "14" && tgt_parties.is_empty() {
                if let Some(c) = &source_country {
                    if !src_parties.iter().any(|p| p.code.ends_with("GOV")) {
                        tgt_parties.push(Party {
                            code: format!("{c}GOV"),
                            tokens: m.trigger_span(),
                        });
                    }
                }
            }
            for a in &src_parties {
                for b in &tgt_parties {
                    let code = code_for(a, b);
                    emit(a, b, &code, events);
                    if symmetric {
                        emit(b, a, &code, events);
                    }
                    if let Some(also) = &pattern.also_reverse {
                        let host_country = ctx_country(&a.code);
                        emit(
                            b,
                            &Party {
                                code: host_country,
                                tokens: a.tokens.clone(),
                            },
                            also,
                            events,
                        );
                    }
                }
            }
        }
        if events.len() == before_count {
            trace.add_notes(|| format!("`{}`: no coded source/target pair", pattern.text));
        }
    }
    finish_sentence(ctx, events)
}

/// Sentence-level filters on the events, then the mentions for coreference.
fn finish_sentence(ctx: Ctx, events: &mut Vec<Event>) -> Vec<Mention> {
    // Rule 17: a protest's aim is not also a demand by the protesters.
    let protesters: Vec<String> = events
        .iter()
        .filter(|e| e.root == "14")
        .map(|e| e.source.clone())
        .collect();
    events.retain(|e| !(e.root == "10" && protesters.contains(&e.source)));
    ctx.mentions
}

fn ctx_country(code: &str) -> String {
    if code.starts_with("IGO") || code.starts_with("NGO") || code.len() <= 3 {
        code.to_string()
    } else {
        code[..3].to_string()
    }
}

fn describe(r: &Referent) -> String {
    match r {
        Referent::Actor(c) => c.clone(),
        Referent::Capital(c) => format!("{c} (capital: {c}GOV as an agent, a place otherwise)"),
        Referent::Role(r) => format!("role {r} without a country (not coded)"),
        Referent::Pronoun { word, .. } => format!("pronoun `{word}` (unresolved)"),
        Referent::EachOther => "reciprocal".into(),
        Referent::Description(kind, _) => format!("description ({kind:?}, unresolved)"),
        Referent::Group(g) => g.join(" + "),
        Referent::Place(Some(c)) => format!("place in {c}"),
        Referent::Place(None) => "place".into(),
    }
}

fn span_text(doc: &Document, layer: &TextLayer, tokens: Range<usize>) -> String {
    if tokens.is_empty() {
        return String::new();
    }
    doc.text[layer.tokens[tokens.start].span.start..layer.tokens[tokens.end - 1].span.end]
        .to_string()
}

/// A rough test that a verb form is used as a verb: nouns follow
/// determiners and prepositions ("the attack", "for talks", "peace talks").
fn looks_like_verb(ctx: &Ctx, t: usize) -> bool {
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
    if ctx.layer.is(t - 1, class::PREPOSITION)
        && prev != "to"
        && (!word.ends_with("ing") || prev == "of")
    {
        return false;
    }
    // After an adjective ("Hezbollah targets", "Russian attack") a verb form is a noun.
    if ctx
        .mentions
        .iter()
        .any(|m| m.adjectival && m.tokens.end == t)
    {
        return false;
    }
    if word.ends_with("ing") {
        // "-ing" forms are verbs after "be", an aspect verb, a preposition, a
        // subject or a conjunction; otherwise nouns ("a high-level meeting").
        return ctx.in_mention(t - 1)
            || ctx.layer.is(t - 1, class::BE_FORM)
            || ctx.layer.is(t - 1, class::PREPOSITION)
            || is_adverb(prev)
            || matches!(
                prev,
                "and"
                    | "or"
                    | ","
                    | "while"
                    | "without"
                    | "began"
                    | "begin"
                    | "begins"
                    | "started"
                    | "start"
                    | "starts"
                    | "continued"
                    | "continue"
                    | "continues"
                    | "stopped"
                    | "resumed"
                    | "resume"
                    | "kept"
                    | "keep"
                    | "finished"
                    | "ended"
                    | "also"
                    | "not"
                    | "after"
                    | "before"
                    | "by"
                    | "since"
                    | "who"
                    | "which"
                    | "they"
                    | "it"
                    | "he"
                    | "she"
            );
    }
    // A participle right after another verb is an adjective: "confiscate
    // frozen assets".
    // ("a swap mediated by": after a determiner the verb form is a noun)
    if ctx.layer.is(t, class::PARTICIPLE)
        && ctx.layer.is(t - 1, class::PATTERN_VERB)
        && !ctx.layer.is(t - 1, class::AUXILIARY)
        && !(t >= ctx.range.start + 2 && ctx.layer.is(t - 2, class::DETERMINER))
        && !ctx.in_mention(t - 1)
    {
        return false;
    }
    if word.ends_with("ed") || !ctx.layer.is(t, class::BASE_LIKE) {
        return true;
    }
    // Base and -s forms: a verb after its subject, an auxiliary, "to", or an adverb.
    ctx.in_mention(t - 1)
        || ctx.layer.is(t - 1, class::AUXILIARY)
        || is_adverb(prev)
        || matches!(
            prev,
            "and" | "who" | "which" | "they" | "it" | "he" | "she" | "we" | "i" | "," | "then"
        )
}

/// "... by the African Union": the mention after `by` following the verb.
fn find_by_agent(ctx: &Ctx, m: &PatternMatch) -> Option<usize> {
    let start = m.verb + 1;
    let stop = (m.end.max(start) + 6).min(ctx.range.end);
    let by = (start..stop).find(|&i| ctx.norm(i) == "by")?;
    let next = if by + 1 < ctx.range.end && ctx.norm(by + 1) == "the" {
        by + 2
    } else {
        by + 1
    };
    ctx.mentions
        .iter()
        .position(|mm| mm.tokens.start == next || mm.tokens.start == by + 1)
}

/// The subject of a verb and where its clause starts (for modality cues).
fn find_subject(
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
    if b > ctx.range.start
        && matches!(ctx.norm(b - 1), "and" | "but" | "then")
        && !ctx.in_mention(b - 2)
    {
        if let Some((subject, _)) = last_subject {
            return Some((subject.clone(), b - 1));
        }
    }
    // Otherwise the nearest mention to the left that is not inside a
    // prepositional phrase, not a place, and not the object of an earlier verb.
    let mut k = ctx.mentions.len();
    while k > 0 {
        k -= 1;
        let mention = &ctx.mentions[k];
        if mention.tokens.end > m.verb {
            continue;
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
        // "thousands of Israeli protesters" is a quantity, not a phrase
        // "of X" hanging on another noun
        let quantity_of = before == Some("of")
            && mention.tokens.start >= ctx.range.start + 2
            && is_quantity(ctx.norm(mention.tokens.start - 2));
        // "after both countries restored ties": a mention right before its
        // verb is a subject even after a preposition-like conjunction
        let right_before_verb = (mention.tokens.end..m.verb).all(|i| {
            ctx.layer.is(i, class::AUXILIARY)
                || is_adverb(ctx.norm(i))
                || ctx.layer.tokens[i].temporal
        });
        let in_pp = !quantity_of
            && !right_before_verb
            && before.is_some_and(|w| PREPOSITIONS.contains(&w) || w == "'s");
        if mention.locative
            || matches!(mention.referent, Referent::Place(_))
            || in_pp
            || slot_mentions.contains(&k)
            || mention.referent == Referent::EachOther
        {
            continue;
        }
        let members = ctx.compound(k, true, false);
        return Some((members, mention.tokens.end));
    }
    None
}

/// What a sentence says about speech, found once per sentence: an
/// unattributed-report cue, an "according to X", and the say-verbs.
struct Speech {
    fixed: Option<String>,
    /// Where the unattributed or "according to" cue stands.
    fixed_span: Option<[usize; 2]>,
    says: Vec<usize>,
}

impl Speech {
    fn of(ctx: &Ctx) -> Speech {
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
    fn span(&self, ctx: &Ctx, m: &PatternMatch) -> Option<[usize; 2]> {
        if self.fixed_span.is_some() {
            return self.fixed_span;
        }
        let before = self.says.iter().rev().find(|&&i| i < m.verb);
        before
            .or_else(|| self.says.iter().find(|&&i| i > m.verb))
            .map(|&i| ctx.byte_span(i..i + 1))
    }

    /// The speaker the sentence attributes the event to, if any: the
    /// say-verb nearest before the event verb, else a trailing "X said".
    fn attribution(&self, ctx: &Ctx, m: &PatternMatch) -> Option<String> {
        if self.fixed.is_some() {
            return self.fixed.clone();
        }
        let range = ctx.range.clone();
        let says = &self.says;

        // A say-verb after the event counts only as a trailing attribution
        // ("..., Ukraine's navy said on Monday."), not as the verb of a new
        // clause ("..., and the Netherlands said it would send ...").
        let trailing = |i: usize| {
            let rest: Vec<usize> = (i + 1..range.end)
                .filter(|&t| !ctx.layer.tokens[t].temporal)
                .collect();
            rest.len() <= 4 && !rest.iter().any(|&t| ctx.layer.is(t, class::PATTERN_VERB))
        };
        let say = says
            .iter()
            .rev()
            .find(|&&i| i < m.verb)
            .or_else(|| says.iter().find(|&&i| i > m.verb && trailing(i)))?;
        speaker_before(ctx, *say)
            .or_else(|| speaker_after(ctx, *say + 1))
            .or(Some("unnamed".into()))
    }
}

/// Say-verbs used as verbs ("said", "told"), not as nouns ("the reports").
fn say_verbs(ctx: &Ctx) -> Vec<usize> {
    ctx.range
        .clone()
        .filter(|&i| {
            ctx.layer.is(i, class::SAY_VERB)
                && !ctx.in_mention(i)
                && !(i > ctx.range.start
                    && (ctx.layer.is(i - 1, class::DETERMINER)
                        || matches!(ctx.norm(i - 1), "are" | "were" | "of" | "in")))
        })
        .collect()
}

/// First-person pronouns ("we", "our troops") stand for the speaker of the
/// sentence: the actor before or after its say-verb, outside the quotation.
fn resolve_first_person(ctx: &mut Ctx) {
    let speaker = say_verbs(ctx)
        .into_iter()
        .find_map(|s| speaker_before(ctx, s).or_else(|| speaker_after(ctx, s + 1)))
        .filter(|sp| !sp.starts_with("anonymous"));
    let Some(speaker) = speaker else { return };
    for m in &mut ctx.mentions {
        if let Referent::Pronoun { word, role } = &m.referent {
            if matches!(word.as_str(), "we" | "our" | "i") {
                let code = match role {
                    Some(r) if speaker.len() >= 3 && !speaker.starts_with("IGO") => {
                        format!("{}{r}", &speaker[..3])
                    }
                    _ => speaker.clone(),
                };
                m.referent = Referent::Actor(code);
            }
        }
    }
}

fn speaker_before(ctx: &Ctx, say: usize) -> Option<String> {
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
        if matches!(ctx.norm(i), "," | "." | ";" | "that") && i + 1 < say {
            break;
        }
    }
    None
}

fn speaker_after(ctx: &Ctx, start: usize) -> Option<String> {
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

fn span_text_ctx(ctx: &Ctx, tokens: Range<usize>) -> String {
    ctx.text[ctx.layer.tokens[tokens.start].span.start..ctx.layer.tokens[tokens.end - 1].span.end]
        .to_string()
}

/// "in 1945": an explicit year before the document's year marks history.
fn historical_year(ctx: &Ctx, doc: &Document) -> Option<u16> {
    let doc_year = doc.date?.year;
    for i in ctx.range.clone() {
        if ctx.norm(i) != "in" || i + 1 >= ctx.range.end {
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
fn weapon(ctx: &Ctx, m: &PatternMatch, sources: &[usize]) -> Option<String> {
    let mut spans: Vec<Range<usize>> = sources
        .iter()
        .map(|&s| ctx.mentions[s].tokens.clone())
        .collect();
    spans.push(m.trigger_span());
    let after = m.end..(m.end + 8).min(ctx.range.end);
    if let Some(w) = after.clone().find(|&i| ctx.norm(i) == "with") {
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
fn meeting_place(ctx: &Ctx, m: &PatternMatch) -> Option<String> {
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
            .map(|e| (e.source, e.target, e.code, e.modality))
            .collect();
        v.sort();
        v
    }

    fn ev(s: &str, t: &str, c: &str, m: Modality) -> Coded {
        (s.into(), t.into(), c.into(), m)
    }

    use Modality::*;

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
        assert_eq!(span(e.evidence.target), "Uganda");
        assert_eq!(span(e.evidence.trigger), "condemned");
        assert!(e.evidence.entry.starts_with("verbs/11_disapprove.txt:"));
    }
}
