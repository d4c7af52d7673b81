//! Stage `mentions`: actor mentions of each coded sentence, with
//! descriptions added and pronouns, descriptions and first-person pronouns
//! resolved (the coreference links are kept as a layer). Runs over the
//! sentences in order, because resolution looks back at earlier ones; a
//! dateline's place sets the document's focus country.

use super::Stage;
use crate::actors::Referent;
use crate::clause::{first_person_speaker, resolve_first_person, Ctx};
use crate::codes::ActorCode;
use crate::coref::{resolved_codes, History};
use crate::doc::{CorefLink, Doc, Layer};
use crate::Pipeline;

pub struct Mentions;

impl Stage for Mentions {
    fn name(&self) -> &'static str {
        "mentions"
    }
    fn needs(&self) -> &'static [Layer] {
        &[Layer::Tokens, Layer::Sentences, Layer::Screen]
    }
    fn adds(&self) -> &'static [Layer] {
        &[Layer::Mentions, Layer::Coreference]
    }
    fn run(&self, p: &Pipeline, doc: &mut Doc) {
        let mut history = History::default();
        let layer = &doc.text;
        for (index, sentence) in layer.sentences.iter().enumerate() {
            if let Some(dateline) = &sentence.dateline {
                // "MOSCOW, July 6 (Reuters) -": the place sets the document's focus.
                for m in p.actors.mentions(layer, dateline.clone(), doc.source.date) {
                    // only the place counts: the agency of "(Reuters)" or
                    // "(Xinhua)" is coded as its country's media, which
                    // would tie with the place and could win the focus
                    let place = match &m.referent {
                        Referent::Capital(c) | Referent::Place(Some(c)) => Some(c),
                        Referent::Actor(c) if !m.has_role && !m.is_person && c.len() == 3 => {
                            Some(c)
                        }
                        _ => None,
                    };
                    if let Some(c) = place {
                        if let Some(country) = ActorCode(c).country() {
                            history.note_country(country, 2);
                            if doc.dateline.is_none() {
                                doc.dateline = Some((index, country.to_string()));
                            }
                        }
                    }
                }
            }
            let start = doc.mentions.len();
            doc.sentences[index].mentions = start..start;
            if !doc.sentences[index].coded {
                continue;
            }
            let range = sentence.tokens.clone();
            let mut mentions = p.actors.mentions(layer, range.clone(), doc.source.date);
            resolve_shared_place_names(p, layer, &mut mentions);
            crate::coref::add_descriptions(layer, range.clone(), &p.rules, &mut mentions);
            // Which mentions wait for an antecedent: those that get one are links.
            let open = |m: &crate::actors::Mention| {
                matches!(
                    m.referent,
                    Referent::Pronoun { .. } | Referent::Description(..)
                )
            };
            let waiting: Vec<usize> = (0..mentions.len())
                .filter(|&k| open(&mentions[k]))
                .collect();
            crate::coref::resolve(layer, range.clone(), &mut mentions, &history);
            let speaker = first_person_speaker(&Ctx {
                p,
                layer,
                text: &doc.source.text,
                range: range.clone(),
                mentions: &mentions,
            });
            if let Some(speaker) = speaker {
                resolve_first_person(&mut mentions, &speaker);
            }
            for k in waiting {
                if !open(&mentions[k]) {
                    doc.coref.push(CorefLink {
                        mention: start + k,
                        codes: resolved_codes(&mentions[k]),
                    });
                }
            }
            history.push(mentions.clone());
            doc.mentions.extend(mentions);
            doc.sentences[index].mentions = start..doc.mentions.len();
        }
    }
}

/// A role placed by a place ("militants in Tripoli") took the country the
/// actor dictionary gives the place. When the gazetteer knows the name in
/// several countries, the country of another mention of the sentence
/// decides ("Lebanon's army arrested militants in Tripoli"); without such
/// evidence the dictionary's country stands only if its place is far the
/// largest (Lagos, Nigeria against Lagos, Portugal), else the role stays
/// bare for coreference to resolve.
fn resolve_shared_place_names(
    p: &Pipeline,
    layer: &crate::text::TextLayer,
    mentions: &mut [crate::actors::Mention],
) {
    let sentence_countries: Vec<String> = mentions
        .iter()
        .filter(|m| m.placed_by.is_none())
        .filter_map(|m| match &m.referent {
            Referent::Actor(c) | Referent::Capital(c) => ActorCode(c).country().map(str::to_string),
            _ => None,
        })
        .collect();
    for m in mentions.iter_mut() {
        let Some((place, role)) = m.placed_by.clone() else {
            continue;
        };
        let Referent::Actor(code) = &m.referent else {
            continue;
        };
        let given = ActorCode(code).country().unwrap_or_default().to_string();
        let name: Vec<&str> = place.clone().map(|t| layer.original(t)).collect();
        // the largest place of each country that has the name
        let mut largest: Vec<(&str, u64)> = Vec::new();
        for g in p.gazetteer.lookup(&name.join(" ")) {
            match largest.iter_mut().find(|(c, _)| *c == g.country) {
                Some((_, pop)) => *pop = (*pop).max(g.population),
                None => largest.push((g.country, g.population)),
            }
        }
        if largest.len() < 2 {
            continue;
        }
        let supported: Vec<&str> = largest
            .iter()
            .map(|(c, _)| *c)
            .filter(|c| sentence_countries.iter().any(|s| s == c))
            .collect();
        let own = largest.iter().find(|(c, _)| *c == given).map_or(0, |x| x.1);
        let others = largest
            .iter()
            .filter(|(c, _)| *c != given)
            .map(|x| x.1)
            .max()
            .unwrap_or(0);
        // the sentence's country decides unless its namesake is a village
        // beside the dictionary's place ("Florida lawmakers condemned Cuba":
        // Florida, Cuba is a small town)
        let pop_of = |c: &str| largest.iter().find(|(x, _)| *x == c).map_or(0, |x| x.1);
        m.referent = match supported.as_slice() {
            [one] if *one != given && own >= pop_of(one).saturating_mul(20) => continue,
            [one] => Referent::Actor(format!("{one}{role}")),
            [] if own >= others.saturating_mul(5) => continue,
            _ => Referent::Role(role),
        };
    }
}
