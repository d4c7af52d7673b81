//! Stage `tree_events`: with `CodeOptions::tree` (`casus code --tree`),
//! events read off the dependency tree in the sentences where the surface
//! patterns coded none, though a word that can be a verb of the lexicon has
//! an actor before it and one of another code after it ([`triggered`]; the
//! `parse` stage parses exactly these when coding). An option, because
//! parsing them makes coding about thirty times slower (`casus bench`).
//!
//! A predicate is a VERB whose form heads patterns of the verb lexicon;
//! the pattern chosen is the most specific one whose other words all stand
//! in the verb's own phrase of the tree (particle, object, oblique and their
//! prepositions; a light verb's event noun is such a word), down to the
//! verb's bare pattern. No pattern, no event: no root default is invented.
//! Source: the subject (the by-agent of a passive; a coordinated verb
//! without one shares its head's; an infinitive takes its controller; a
//! participle modifying a noun takes that noun). Target: the object, the
//! oblique with the pattern's preposition, an actor inside the object
//! phrase, and for `addressee-in-clause` verbs the subject of their
//! complement clause. Modality, negation, conversions, attribution and
//! refinements are decided by the `arguments` stage's own functions, and
//! events are made by the `events` stage's, so a tree event obeys every
//! rule a surface event does. The content of a clause governed by a verb
//! that is not a say-verb (a demand, a denial, a hope) is not coded.

use super::arguments::{
    conversion, modality_cues, modality_of, negated_object, own_statement, refine, stated_refusal,
};
use super::events::{code_predicate, drop_protest_demands, location, Place};
use super::Stage;
use crate::actors::{Mention, Referent};
use crate::clause::{denied, historical_year, span_text, Ctx, Speech};
use crate::doc::{Cues, Doc, Layer, Predicate, Tag, Trace, Voice};
use crate::event::{Event, Modality};
use crate::verbs::{Element, PatternMatch};
use crate::vocab::class;
use crate::Pipeline;
use std::ops::Range;

pub struct TreeEvents;

const NAME: &str = "tree_events";

impl Stage for TreeEvents {
    fn name(&self) -> &'static str {
        NAME
    }
    fn needs(&self) -> &'static [Layer] {
        &[
            Layer::Mentions,
            Layer::Tags,
            Layer::Tree,
            Layer::Arguments,
            Layer::Events,
        ]
    }
    fn adds(&self) -> &'static [Layer] {
        &[Layer::TreeEvents]
    }
    fn run(&self, p: &Pipeline, doc: &mut Doc) {
        let mut found: Vec<(usize, Vec<Event>)> = Vec::new();
        for index in 0..doc.sentences.len() {
            if !doc.sentences[index].parsed || !triggered(doc, index) {
                continue;
            }
            let events = read(p, doc, index);
            let n = events.len();
            doc.trace.note(NAME, index, || {
                format!("no surface event, two actors: the tree read, {n} event(s)")
            });
            if !events.is_empty() {
                found.push((index, events));
            }
        }
        if found.is_empty() {
            return;
        }
        // Each sentence names a contiguous slice of the events: rebuild the
        // list with the new events in their sentences' places.
        let old = std::mem::take(&mut doc.sentence_events);
        let mut found = found.into_iter().peekable();
        for index in 0..doc.sentences.len() {
            let start = doc.sentence_events.len();
            let range = doc.sentences[index].events.clone();
            doc.sentence_events.extend_from_slice(&old[range]);
            if found.peek().is_some_and(|(i, _)| *i == index) {
                let (_, events) = found.next().expect("peeked");
                doc.sentence_events.extend(events);
            }
            doc.sentences[index].events = start..doc.sentence_events.len();
        }
    }
}

/// The events read off the tree of one parsed sentence.
fn read(p: &Pipeline, doc: &mut Doc, index: usize) -> Vec<Event> {
    let state = &doc.sentences[index];
    let ctx = Ctx {
        p,
        layer: &doc.text,
        text: &doc.source.text,
        range: doc.text.sentences[index].tokens.clone(),
        mentions: &doc.mentions[state.mentions.clone()],
    };
    let tree = Tree::of(p, &doc.tags, ctx.range.clone());
    let place = Place {
        doc_id: &doc.source.id,
        sentence: index,
        sentence_span: doc.text.sentences[index].span.clone(),
        date: doc.source.date,
        location: &location(&ctx, &doc.dateline, index),
        clause_end: ctx.range.end,
        monadic: doc.options.monadic,
    };
    let mut events = Vec::new();
    sentence(&ctx, &tree, doc.source, &place, &mut events, &mut doc.trace);
    drop_protest_demands(&p.rules.code_sets, &mut events, index, &mut doc.trace);
    events
}

/// The codes a mention may stand for: an actor, a group, a capital, or a
/// place's country (a possible target of an attack or a visit).
fn mention_codes(m: &Mention) -> &[String] {
    match &m.referent {
        Referent::Actor(c) | Referent::Capital(c) | Referent::Place(Some(c)) => {
            std::slice::from_ref(c)
        }
        Referent::Group(g) => g,
        _ => &[],
    }
}

/// Whether the tree is read for a sentence: coded, not about sport, no event
/// from the surface patterns, and a word outside the mentions that can be a
/// verb of the lexicon with an actor before it (its subject, or a passive's
/// target) and an actor of another code after it (its object, oblique or
/// by-agent). Codes guessed from the document (bare roles) do not count:
/// the stage never takes them as targets, and parsing is the coder's most
/// expensive step.
pub fn triggered(doc: &Doc, index: usize) -> bool {
    let state = &doc.sentences[index];
    if !doc.options.tree
        || !state.coded
        || state.sport
        || !state.events.is_empty()
        || state.mentions.len() < 2
    {
        return false;
    }
    let mentions = doc.sentence_mentions(index);
    let read = |m: &&Mention| !m.inferred && !mention_codes(m).is_empty();
    let Some(first) = mentions.iter().find(read) else {
        return false;
    };
    let codes = mention_codes(first);
    if !mentions
        .iter()
        .filter(read)
        .any(|m| mention_codes(m).iter().any(|c| !codes.contains(c)))
    {
        return false;
    }
    doc.text.sentences[index].tokens.clone().any(|t| {
        if !doc.text.is(t, class::PATTERN_VERB) || mentions.iter().any(|m| m.tokens.contains(&t)) {
            return false;
        }
        let before = mentions
            .iter()
            .filter(|m| m.tokens.end <= t && !m.locative && read(m));
        let after = || mentions.iter().filter(|m| m.tokens.start > t && read(m));
        before
            .flat_map(mention_codes)
            .any(|b| after().flat_map(mention_codes).any(|a| a != b))
    })
}

/// One parsed sentence's tree: relation names, tags and children by token.
struct Tree<'a> {
    range: Range<usize>,
    tags: &'a [Tag],
    upos: &'a [String],
    labels: &'a [String],
    children: Vec<Vec<usize>>,
}

impl<'a> Tree<'a> {
    fn of(p: &'a Pipeline, tags: &'a [Tag], range: Range<usize>) -> Tree<'a> {
        let mut children = vec![Vec::new(); range.len()];
        for t in range.clone() {
            let h = tags[t].head;
            if h != Tag::ROOT && range.contains(&(h as usize)) {
                children[h as usize - range.start].push(t);
            }
        }
        Tree {
            range,
            tags,
            upos: &p.parser.upos,
            labels: &p.parser.labels,
            children,
        }
    }

    fn rel(&self, t: usize) -> &str {
        self.labels
            .get(self.tags[t].deprel as usize)
            .map_or("_", String::as_str)
    }

    fn upos(&self, t: usize) -> &str {
        self.upos
            .get(self.tags[t].upos as usize)
            .map_or("_", String::as_str)
    }

    fn head(&self, t: usize) -> Option<usize> {
        let h = self.tags[t].head;
        (h != Tag::ROOT && self.range.contains(&(h as usize))).then_some(h as usize)
    }

    fn children(&self, t: usize) -> &[usize] {
        &self.children[t - self.range.start]
    }

    /// The children of `t` whose relation is `rel` or one of its subtypes.
    fn with_rel<'s>(&'s self, t: usize, rel: &'s str) -> impl Iterator<Item = usize> + 's {
        self.children(t).iter().copied().filter(move |&c| {
            let r = self.rel(c);
            r == rel || r.strip_prefix(rel).is_some_and(|s| s.starts_with(':'))
        })
    }

    fn child(&self, t: usize, rel: &str) -> Option<usize> {
        self.with_rel(t, rel).next()
    }

    /// The preposition (`case` child) of a nominal.
    fn case(&self, t: usize) -> Option<usize> {
        self.child(t, "case")
    }
}

/// Relations that start another clause or lie outside a verb's own phrase:
/// a frame's words are not looked for under them.
const OUTSIDE_PHRASE: &[&str] = &[
    "nsubj",
    "csubj",
    "conj",
    "cc",
    "ccomp",
    "advcl",
    "parataxis",
    "punct",
    "aux",
    "cop",
    "appos",
    "acl",
    "discourse",
    "vocative",
    "dep",
    "list",
    "reparandum",
    "orphan",
];

fn outside_phrase(rel: &str) -> bool {
    let base = rel.split(':').next().unwrap_or(rel);
    OUTSIDE_PHRASE.contains(&base)
}

/// The tokens of the verb's own phrase, three arcs deep at most: the
/// particle, the object, obliques, an infinitive, and their words.
fn phrase(tree: &Tree, verb: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut frontier = vec![verb];
    for _ in 0..3 {
        let mut next = Vec::new();
        for &t in &frontier {
            for &c in tree.children(t) {
                if !outside_phrase(tree.rel(c)) {
                    out.push(c);
                    next.push(c);
                }
            }
        }
        frontier = next;
    }
    out.sort_unstable();
    out
}

/// The patterns a verb's tree phrase matches, best first: every word of a
/// pattern found in the phrase, in order; the most words, then the most
/// specific code. Patterns with an unknown-action slot are left to the
/// conversions. Each comes with its literal tokens and the tokens before
/// its target and source slots (the verb itself when the slot follows it).
fn frames(ctx: &Ctx, tree: &Tree, verb: usize) -> Vec<(usize, Vec<usize>, Slots)> {
    let lex = &ctx.p.verbs;
    let phrase = phrase(tree, verb);
    // (score, pattern, literal tokens, slots)
    type Found = ((usize, usize), usize, Vec<usize>, Slots);
    let mut found: Vec<Found> = Vec::new();
    for pid in lex.patterns_at(ctx.layer, verb) {
        let pattern = &lex.patterns[pid];
        let mut literals = vec![verb];
        let mut slots = Slots::default();
        let mut ok = true;
        for el in &pattern.elements[1..] {
            let last = *literals.last().expect("the verb");
            match el {
                Element::Word(form) => {
                    match phrase
                        .iter()
                        .copied()
                        .find(|&t| t > last && lex.form_at(*form, ctx.layer, t))
                    {
                        Some(t) => literals.push(t),
                        None => {
                            ok = false;
                            break;
                        }
                    }
                }
                Element::Target => slots.target = Some(last),
                Element::Source => slots.source = Some(last),
                Element::Action => {
                    ok = false;
                    break;
                }
                // an object's bounds and amount are read on the surface
                // only (and the tree reads only sentences the surface
                // coded nothing in)
                Element::Object | Element::Amount => {
                    ok = false;
                    break;
                }
            }
        }
        if ok {
            let code = &pattern.code;
            let score = (
                literals.len(),
                usize::from(!code.ends_with('0')) + code.len(),
            );
            found.push((score, pid, literals, slots));
        }
    }
    found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    found
        .into_iter()
        .map(|(_, pid, literals, slots)| (pid, literals, slots))
        .collect()
}

/// Where a pattern's slots stand: the token (verb or pattern word) right
/// before each.
#[derive(Debug, Default, Clone, Copy)]
struct Slots {
    target: Option<usize>,
    source: Option<usize>,
}

/// The sentence-local mention that holds token `t`.
fn mention_of(ctx: &Ctx, t: usize) -> Option<usize> {
    let k = ctx.mentions.partition_point(|m| m.tokens.start <= t);
    (k > 0 && ctx.mentions[k - 1].tokens.contains(&t)).then(|| k - 1)
}

/// The mentions a nominal stands for: its own, and those of the nominals
/// coordinated with it ("Kenya, Uganda and Rwanda").
fn nominal_mentions(ctx: &Ctx, tree: &Tree, head: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut todo = vec![head];
    while let Some(t) = todo.pop() {
        // the surface's compounds too: the parser often misreads a
        // serial comma ("Kenya, Rwanda, and Burundi")
        for m in mention_of(ctx, t).map_or(Vec::new(), |m| ctx.compound(m, true, true)) {
            if !out.contains(&m) {
                out.push(m);
            }
        }
        todo.extend(tree.with_rel(t, "conj"));
    }
    out.sort_unstable();
    out
}

/// Whether a mention can stand as a party of an event with `code`: a coded
/// actor, a bare role (domestic actions), or a place attacked or visited.
fn usable(ctx: &Ctx, k: usize, code: &str) -> bool {
    let sets = &ctx.p.rules.code_sets;
    // "a ceasefire in eastern Ukraine": where it happens, not whom it is
    // aimed at, unless the place is attacked or visited
    if ctx.mentions[k].locative && !sets.contains("capital-target", code) {
        return false;
    }
    // a code guessed from the document, not read in the phrase
    if ctx.mentions[k].inferred {
        return false;
    }
    match &ctx.mentions[k].referent {
        Referent::Actor(_) | Referent::Group(_) | Referent::Capital(_) | Referent::Role(_) => true,
        Referent::Place(Some(_)) => sets.contains("place-target", code),
        _ => false,
    }
}

/// The parties of a nominal; if it names none, the first actor inside its
/// phrase ("rejected calls by the UN", "the embassy of Kenya"). A nominal
/// after a placing preposition ("in eastern Ukraine") says where, not whom,
/// unless the place is attacked or visited.
fn nominal_parties(ctx: &Ctx, tree: &Tree, head: usize, code: &str) -> Vec<usize> {
    let placed = |n: usize| {
        tree.case(n)
            .is_some_and(|c| ctx.layer.is(c, class::PLACING_PREPOSITION))
            && !ctx.p.rules.code_sets.contains("capital-target", code)
    };
    if placed(head) {
        return Vec::new();
    }
    let own: Vec<usize> = nominal_mentions(ctx, tree, head)
        .into_iter()
        .filter(|&k| usable(ctx, k, code))
        .collect();
    if !own.is_empty() {
        return own;
    }
    tree.with_rel(head, "nmod")
        .filter(|&n| !placed(n))
        .map(|n| nominal_mentions(ctx, tree, n))
        .find(|v| !v.is_empty() && v.iter().all(|&k| usable(ctx, k, code)))
        .unwrap_or_default()
}

/// The subject of a verb: its own, a relative clause's antecedent, else
/// (coordinated verbs, infinitives, participles) the one it shares.
fn subject(tree: &Tree, verb: usize) -> Option<usize> {
    let mut v = verb;
    for _ in 0..4 {
        if let Some(s) = tree.child(v, "nsubj") {
            // "Kenya, which attacked Uganda": the antecedent acts
            if tree.rel(v) == "acl:relcl" && tree.upos(s) == "PRON" {
                return tree.head(v);
            }
            return Some(s);
        }
        let h = tree.head(v)?;
        match tree.rel(v) {
            "conj" => v = h,
            // "urged Kenya to leave": the object controls; "agreed to
            // leave": the subject does
            "xcomp" => match tree.child(h, "obj") {
                Some(o) => return Some(o),
                None => v = h,
            },
            "acl" => return Some(h),
            _ => return None,
        }
    }
    None
}

/// Whether the verb is passive: a passive auxiliary or subject of its own.
fn passive(ctx: &Ctx, tree: &Tree, verb: usize) -> bool {
    // only a participle can be passive, whatever the parser says
    ctx.layer.is(verb, class::PARTICIPLE)
        && (tree
            .children(verb)
            .iter()
            .any(|&c| matches!(tree.rel(c), "aux:pass" | "nsubj:pass"))
            || tree.rel(verb) == "acl" && by_agent(ctx, tree, verb).is_some())
}

/// The by-agent of a passive verb.
fn by_agent(ctx: &Ctx, tree: &Tree, verb: usize) -> Option<usize> {
    tree.child(verb, "obl:agent").or_else(|| {
        tree.with_rel(verb, "obl").find(|&o| {
            tree.case(o)
                .is_some_and(|c| ctx.word_in(c, crate::lang::AGENT_PREPOSITIONS))
        })
    })
}

/// The verb that governs the verb's clause (through coordination), with the
/// relation: a complement, an infinitive, an adverbial clause.
fn governor<'t>(tree: &'t Tree, verb: usize) -> Option<(usize, &'t str)> {
    let mut v = verb;
    for _ in 0..4 {
        let h = tree.head(v)?;
        match tree.rel(v) {
            "conj" => v = h,
            r @ ("ccomp" | "xcomp" | "csubj") => return Some((h, r)),
            _ => return None,
        }
    }
    None
}

/// Whether the verb heads (or is coordinated in) an adverbial clause.
fn in_adverbial(tree: &Tree, verb: usize) -> bool {
    let mut v = verb;
    for _ in 0..4 {
        match tree.rel(v) {
            "advcl" => return true,
            "conj" => match tree.head(v) {
                Some(h) => v = h,
                None => return false,
            },
            _ => return false,
        }
    }
    false
}

/// Where the verb's clause starts for modality cues and conversions: its
/// leftmost auxiliary, adverb or marker, or the governing verb's start for
/// an infinitive ("threatened to impose", "is expected to visit").
fn clause_start(tree: &Tree, verb: usize) -> usize {
    if tree.rel(verb) == "xcomp" {
        if let Some(h) = tree.head(verb) {
            if h < verb {
                return clause_start(tree, h);
            }
        }
    }
    tree.children(verb)
        .iter()
        .copied()
        .filter(|&c| c < verb)
        .filter(|&c| {
            let r = tree.rel(c);
            r.starts_with("aux") || r == "advmod" || r == "mark" || r == "cop"
        })
        .min()
        .unwrap_or(verb)
}

/// The events read off the tree of one sentence.
fn sentence(
    ctx: &Ctx,
    tree: &Tree,
    source: &crate::Document,
    place: &Place,
    events: &mut Vec<Event>,
    trace: &mut Trace,
) {
    let p = ctx.p;
    let sets = &p.rules.code_sets;
    let index = place.sentence;
    let range = ctx.range.clone();
    let conditional = range.clone().find_map(|i| {
        p.rules
            .modality
            .matches_at(ctx.layer, i, range.end)
            .find(|c| *c.value == crate::rules::Cue::HypotheticalSentence)
            .map(|c| ctx.byte_span(c.start..c.end))
    });
    let speech = Speech::of(ctx);
    for verb in range.clone() {
        if tree.upos(verb) != "VERB"
            || !ctx.layer.is(verb, class::PATTERN_VERB)
            || ctx.in_mention(verb)
        {
            continue;
        }
        // An adverbial clause ("after Russia seized Crimea", "to stop an
        // attack") is background or purpose, not the news reported.
        if in_adverbial(tree, verb) {
            continue;
        }
        let start = clause_start(tree, verb);
        let mut cues = Cues::default();
        let voice = if passive(ctx, tree, verb) {
            Voice::Passive
        } else {
            Voice::Active
        };
        let subject = subject(tree, verb)
            .map(|s| nominal_mentions(ctx, tree, s))
            .unwrap_or_default();
        // the best frame whose slot holds an actor, else the best frame
        let candidates = frames(ctx, tree, verb);
        if candidates.is_empty() {
            continue;
        }
        let mut chosen = None;
        for (pid, literals, slots) in &candidates {
            let pattern = &p.verbs.patterns[*pid];
            let Some((sources, mut targets)) =
                roles(ctx, tree, verb, pattern, literals, *slots, &subject, voice)
            else {
                continue;
            };
            targets.retain(|t| !sources.contains(t));
            let filled = !targets.is_empty();
            if chosen.is_none() || filled {
                chosen = Some((*pid, literals.clone(), sources, targets));
            }
            if filled {
                break;
            }
        }
        let Some((pid, literals, sources, targets)) = chosen else {
            trace.note(NAME, index, || {
                format!("`{}`: passive without a by-agent", ctx.norm(verb))
            });
            continue;
        };
        let pattern = &p.verbs.patterns[pid];
        let entry = format!(
            "{}:{}",
            p.file_name(pattern.origin.file),
            pattern.origin.line
        );
        let mut code = pattern.code.clone();
        let mut symmetric = pattern.symmetric;
        if sources.is_empty() {
            trace.note(NAME, index, || {
                format!("`{}`: no source in the tree", pattern.text)
            });
            continue;
        }
        let matched = PatternMatch {
            pattern: pid,
            verb,
            literals: literals.clone(),
            target: targets.first().copied(),
            source: None,
            end: literals.last().map_or(verb + 1, |&l| l + 1),
            object: None,
        };
        let mut pred = Predicate {
            sentence: index,
            matched,
            entry,
            voice,
            by_agent: None,
            subject: subject.clone(),
            sources: sources.clone(),
            targets,
            clause_start: start,
            code: None,
            symmetric,
            cues: Cues::default(),
            modality: None,
            attribution: None,
            attribution_span: None,
        };
        let window = conversion(ctx, &pred, start, &mut code, &mut symmetric, &mut cues);
        let converted = code != pattern.code;
        // The content of a demand, a denial or a hope is not an event that
        // happened; a say-verb's content is, attributed to its speaker.
        if let Some((gov, rel)) = governor(tree, verb) {
            let say = ctx.layer.is(gov, class::SAY_VERB);
            if !(say || rel == "xcomp" && converted) {
                let by = ctx.norm(gov).to_string();
                trace.note(NAME, index, || {
                    format!("`{}`: the content of `{by}`, not coded", pattern.text)
                });
                continue;
            }
        }
        // "said that Y must V": a demand, left to the surface reading
        if subject.iter().any(|&s| {
            let end = ctx.mentions[s].tokens.end;
            (end..verb).any(|i| ctx.layer.is(i, class::OBLIGATION))
        }) {
            continue;
        }
        modality_cues(ctx, window, &mut cues);
        if tree
            .with_rel(verb, "advmod")
            .any(|a| ctx.word_in(a, crate::lang::NEGATION_ADVERBS))
            && !cues.negated
        {
            cues.negated = true;
            cues.notes.push("negated: not".into());
        }
        if conditional.is_none() {
            stated_refusal(ctx, &mut code, &mut cues);
        }
        if subject.first().is_some_and(|&k| {
            let s = ctx.mentions[k].tokens.start;
            s > range.start && ctx.word_in(s - 1, crate::lang::NEGATIVE_DETERMINERS)
        }) {
            cues.negated = true;
        }
        negated_object(ctx, &pred, &mut cues);
        denied(ctx, &pred.matched, &mut cues);
        if let Some(span) = conditional {
            cues.hypothetical = true;
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
        let modality = modality_of(sets, &code, &cues);
        if modality == Modality::Asserted {
            if let Some(year) = historical_year(ctx, source) {
                trace.note(NAME, index, || {
                    format!("`{}`: history (in {year}) is not coded", pattern.text)
                });
                continue;
            }
        }
        refine(ctx, &pred, &sources, &mut code, &mut cues);
        pred.attribution_span = speech.span(ctx, &pred.matched);
        pred.code = Some(code);
        pred.symmetric = symmetric;
        pred.cues = cues;
        pred.modality = Some(modality);
        pred.attribution = speaker;
        let before = events.len();
        code_predicate(ctx, &pred, place, events);
        let names = |ks: &[usize]| {
            ks.iter()
                .map(|&k| span_text(ctx.text, ctx.layer, ctx.mentions[k].tokens.clone()))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let made = events.len() - before;
        trace.note(NAME, index, || {
            format!(
                "`{}` ({}) on verb `{}`: source [{}], targets [{}]: {made} event(s)",
                pattern.text,
                pred.entry,
                ctx.norm(verb),
                names(&pred.sources),
                names(&pred.targets)
            )
        });
    }
}

/// Source and targets (sentence-local mentions) of a verb read with one
/// frame; `None` for a passive without a by-agent.
#[allow(clippy::too_many_arguments)]
fn roles(
    ctx: &Ctx,
    tree: &Tree,
    verb: usize,
    pattern: &crate::verbs::Pattern,
    literals: &[usize],
    slots: Slots,
    subject: &[usize],
    voice: Voice,
) -> Option<(Vec<usize>, Vec<usize>)> {
    let sets = &ctx.p.rules.code_sets;
    Some(if voice == Voice::Passive {
        let agent = by_agent(ctx, tree, verb)?;
        (nominal_mentions(ctx, tree, agent), subject.to_vec())
    } else if let Some(before) = slots.source {
        let src = slot_nominal(tree, verb, before, literals)
            .map(|n| nominal_mentions(ctx, tree, n))
            .unwrap_or_default();
        (src, subject.to_vec())
    } else {
        // a pattern without slots takes the object after its words
        let last = *literals.last().expect("the verb");
        let before = slots.target.unwrap_or(last);
        let mut targets = slot_nominal(tree, verb, before, literals)
            .map(|n| nominal_parties(ctx, tree, n, &pattern.code))
            .unwrap_or_default();
        if targets.is_empty() && pattern.force_target {
            targets = tree
                .with_rel(verb, "obl")
                .filter(|&o| {
                    tree.case(o)
                        .is_some_and(|c| ctx.layer.is(c, class::FORCE_PREPOSITION))
                })
                .map(|o| nominal_parties(ctx, tree, o, &pattern.code))
                .find(|v| !v.is_empty())
                .unwrap_or_default();
        }
        if targets.is_empty() && sets.contains("addressee-in-clause", &pattern.code) {
            targets = tree
                .with_rel(verb, "ccomp")
                .find_map(|c| tree.child(c, "nsubj"))
                .map(|s| nominal_parties(ctx, tree, s, &pattern.code))
                .unwrap_or_default();
        }
        (subject.to_vec(), targets)
    })
}

/// The nominal that fills a slot standing after `before`: after the verb
/// (or after a pattern word that is no preposition), the verb's object,
/// else its indirect object; after a preposition, the nominal it marks.
fn slot_nominal(tree: &Tree, verb: usize, before: usize, literals: &[usize]) -> Option<usize> {
    if before == verb || tree.rel(before) == "compound:prt" {
        return tree
            .child(verb, "obj")
            .filter(|o| !literals.contains(o))
            .or_else(|| tree.child(verb, "iobj"));
    }
    match tree.rel(before) {
        "case" | "mark" => tree.head(before),
        // a pattern's noun ("hold talks +"): an actor in its own phrase
        _ => tree.with_rel(before, "nmod").next(),
    }
}

#[cfg(test)]
mod tests {
    use crate::{Date, Document, Modality, Pipeline};
    use std::sync::OnceLock;
    use Modality::*;

    fn pipeline() -> &'static Pipeline {
        static P: OnceLock<Pipeline> = OnceLock::new();
        P.get_or_init(|| Pipeline::builtin().expect("built-in dictionaries load"))
    }

    type Coded = (String, String, String, Modality);

    fn ev(s: &str, t: &str, c: &str, m: Modality) -> Coded {
        (s.into(), t.into(), c.into(), m)
    }

    /// The events the tree gives for the first sentence, whatever the
    /// surface patterns found (an explained Doc parses every candidate).
    fn tree_read(text: &str) -> (Vec<Coded>, Vec<String>) {
        let source = Document::new("t", text, Date::parse("2024-05-01"));
        let mut doc = pipeline().analyse(&source, true);
        assert!(doc.sentences[0].parsed, "{text}: not parsed");
        let before = doc.trace.decisions.len();
        let mut v: Vec<Coded> = super::read(pipeline(), &mut doc, 0)
            .into_iter()
            .map(|e| (e.source, e.target.unwrap_or_default(), e.code, e.modality))
            .collect();
        v.sort();
        (
            v,
            doc.trace.decisions[before..]
                .iter()
                .map(|d| d.text.clone())
                .collect(),
        )
    }

    /// One row per construction the stage reads; each fails without the
    /// rule that reads it.
    #[test]
    fn constructions_read_off_the_tree() {
        let table: Vec<(&str, Vec<Coded>)> = vec![
            // subject and object
            (
                "Kenya condemned Uganda.",
                vec![ev("KEN", "UGA", "111", Asserted)],
            ),
            // passive: the by-agent acts on the subject
            (
                "Uganda was condemned by Kenya.",
                vec![ev("KEN", "UGA", "111", Asserted)],
            ),
            // an agentless passive names no source
            ("Uganda was condemned on Monday.", vec![]),
            // an oblique by the frame's preposition
            (
                "Kenya sent aid to Uganda.",
                vec![ev("KEN", "UGA", "070", Asserted)],
            ),
            // coordinated nouns are compound actors
            (
                "Kenya sent aid to Uganda and Rwanda.",
                vec![
                    ev("KEN", "RWA", "070", Asserted),
                    ev("KEN", "UGA", "070", Asserted),
                ],
            ),
            (
                "Kenya, Rwanda, and Burundi condemned Uganda.",
                vec![
                    ev("BDI", "UGA", "111", Asserted),
                    ev("KEN", "UGA", "111", Asserted),
                    ev("RWA", "UGA", "111", Asserted),
                ],
            ),
            // coordinated verbs share the subject
            (
                "Kenya praised Rwanda and condemned Uganda.",
                vec![
                    ev("KEN", "RWA", "051", Asserted),
                    ev("KEN", "UGA", "111", Asserted),
                ],
            ),
            // a demand is aimed at the subject of its complement, and what
            // it demands is not coded as done
            (
                "Kenya demanded that Uganda withdraw its troops.",
                vec![ev("KEN", "UGA", "100", Asserted)],
            ),
            // an infinitive's controller is the object: the appeal is the
            // event, its content is not
            (
                "Kenya urged Uganda to release Rwandan prisoners.",
                vec![ev("KEN", "UGA", "0253", Asserted)],
            ),
            // an actor inside the object phrase
            (
                "Kenya condemned the latest decision by Uganda.",
                vec![ev("KEN", "UGA", "111", Asserted)],
            ),
            // a place where something happens is not its target
            ("Kenya signed a ceasefire in Uganda.", vec![]),
            // negation, conditionals and conversions as for surface events
            (
                "Kenya did not condemn Uganda.",
                vec![ev("KEN", "UGA", "111", Negated)],
            ),
            (
                "Kenya would condemn Uganda if the talks failed.",
                vec![ev("KEN", "UGA", "111", Hypothetical)],
            ),
            (
                "Kenya threatened to attack Uganda.",
                vec![ev("KEN", "UGA", "138", Asserted)],
            ),
            // a say-verb's content is an event; a denial's is negated
            (
                "Kenya said that Uganda attacked Rwanda.",
                vec![ev("UGA", "RWA", "190", Asserted)],
            ),
            (
                "Kenya denied that Uganda attacked Rwanda.",
                vec![ev("UGA", "RWA", "190", Negated)],
            ),
            // background in an adverbial clause is not the news
            (
                "Kenya praised Rwanda after Uganda attacked Burundi.",
                vec![ev("KEN", "RWA", "051", Asserted)],
            ),
            // a bare role given the document's country is no target
            ("Kenya met envoys on Monday.", vec![]),
        ];
        for (text, expected) in table {
            let (found, trace) = tree_read(text);
            assert_eq!(found, expected, "{text}: {trace:?}");
        }
    }

    fn tree() -> crate::CodeOptions {
        crate::CodeOptions {
            tree: true,
            ..Default::default()
        }
    }

    /// Coding with `tree` reads the tree only where the surface patterns
    /// found nothing; by default it never does.
    #[test]
    fn coding_reads_the_tree_where_the_surface_found_nothing() {
        let code = |text: &str| -> Vec<Coded> {
            let doc = Document::new("t", text, Date::parse("2024-05-01"));
            let mut v: Vec<Coded> = pipeline()
                .code_with(&doc, tree())
                .into_iter()
                .map(|e| (e.source, e.target.unwrap_or_default(), e.code, e.modality))
                .collect();
            v.sort();
            v
        };
        let table: Vec<(&str, Vec<Coded>)> = vec![
            ("Canada is once more sending aid to Haiti.", vec![ev("CAN", "HTI", "070", Asserted)]),
            ("Canada is not once more sending aid to Haiti.", vec![ev("CAN", "HTI", "070", Negated)]),
            (
                "If asked, Canada is once more sending aid to Haiti.",
                vec![ev("CAN", "HTI", "070", Hypothetical)],
            ),
            (
                "Canada is once more sending aid to Haiti, and Peru is once more sending aid to Chile.",
                vec![ev("CAN", "HTI", "070", Asserted), ev("PER", "CHL", "070", Asserted)],
            ),
            (
                "Uganda, in a move that surprised many diplomats in the region, has now been formally recognised by Kenya.",
                vec![ev("KEN", "UGA", "054", Asserted)],
            ),
            (
                "Kenya is once more demanding that Uganda withdraw.",
                vec![ev("KEN", "UGA", "100", Asserted)],
            ),
        ];
        for (text, expected) in table {
            assert_eq!(code(text), expected, "{text}");
            let doc = Document::new("t", text, Date::parse("2024-05-01"));
            assert!(pipeline().code(&doc).is_empty(), "default: {text}");
        }
        // the decision is shown with the stage's name, and the event names
        // the dictionary line
        let source = Document::new("t", "Canada is once more sending aid to Haiti.", None);
        let doc = pipeline().analyse_with(&source, true, tree());
        assert!(doc
            .trace
            .decisions
            .iter()
            .any(|d| d.stage == "tree_events" && d.text.contains("send aid to +")));
        assert!(doc.events[0]
            .evidence
            .entry
            .starts_with("verbs/07_aid.txt:"));
    }

    #[test]
    fn the_trigger_needs_no_surface_event_two_actors_and_a_verb() {
        let source = Document::new(
            "t",
            "Kenya condemned Uganda. Kenya is once more sending aid to Haiti. \
             Kenya is once more sending aid. The weather in Kenya and in Uganda was mild.",
            None,
        );
        // coding parses the sentences the trigger sends, and only those;
        // without the option, none
        let doc = pipeline().analyse_with(&source, false, tree());
        let parsed: Vec<bool> = doc.sentences.iter().map(|s| s.parsed).collect();
        assert_eq!(parsed, vec![false, true, false, false]);
        let doc = pipeline().analyse(&source, false);
        assert_eq!(doc.parsed_sentences(), 0);
    }
}
