//! The dictionaries embedded in the binary, and the merge with user files
//! given by `--dict DIR`.

use crate::dict::Source;

macro_rules! embed {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_str!(concat!("../../../dict/", $path)))),*]
    };
}

/// Every built-in file as (name relative to `dict/`, text).
pub const FILES: &[(&str, &str)] = embed![
    "cameo_event_codes.tsv",
    "actors/countries.txt",
    "actors/organizations.txt",
    "actors/groups.txt",
    "actors/persons.txt",
    "actors/agents.txt",
    "actors/places.txt",
    "verbs/irregular.txt",
    "verbs/01_statement.txt",
    "verbs/02_appeal.txt",
    "verbs/03_intent.txt",
    "verbs/04_consult.txt",
    "verbs/05_diplomatic_cooperation.txt",
    "verbs/06_material_cooperation.txt",
    "verbs/07_aid.txt",
    "verbs/08_yield.txt",
    "verbs/09_investigate.txt",
    "verbs/10_demand.txt",
    "verbs/11_disapprove.txt",
    "verbs/12_reject.txt",
    "verbs/13_threaten.txt",
    "verbs/14_protest.txt",
    "verbs/15_force_posture.txt",
    "verbs/16_reduce_relations.txt",
    "verbs/17_coerce.txt",
    "verbs/18_assault.txt",
    "verbs/19_fight.txt",
    "verbs/20_mass_violence.txt",
    "rules/modality.txt",
    "rules/conversions.txt",
    "rules/attribution.txt",
    "rules/discards.txt",
    "rules/weapons.txt",
    "rules/coreference.txt",
    "rules/protest_aims.txt",
];

pub fn sources() -> Vec<Source> {
    FILES
        .iter()
        .map(|(name, text)| Source::new(*name, *text))
        .collect()
}

/// Built-in files with user files merged in: a user file with the same name
/// as a built-in one replaces it; other user files are added after them, so
/// their entries win over built-in entries for the same phrase.
pub fn merged(user: Vec<Source>) -> Vec<Source> {
    let mut out = sources();
    for file in user {
        match out.iter_mut().find(|s| s.name == file.name) {
            Some(existing) => *existing = file,
            None => out.push(file),
        }
    }
    out
}
