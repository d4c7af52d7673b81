//! Acts of force whose attacker is a weapon or an attack noun, named
//! without "by", or standing beside a backer; victims and property in a
//! place (CONVENTIONS rules 4, 13, 14 and 16). Through the real binary, on
//! sentences written for these tests.

mod common;

use common::check_prefix_rows as check;

/// (sentence, code prefix, source or "" for any): the sentence must give no
/// event from that source whose code starts with the prefix.
fn check_none(table: &[(&str, &str, &str)]) {
    let sentences: Vec<&str> = table.iter().map(|r| r.0).collect();
    let rows = common::code_rows(&sentences, &[]);
    for ((sentence, prefix, source), events) in table.iter().zip(rows) {
        let found = events.iter().find(|e| {
            (source.is_empty() || e["source"] == *source)
                && e["code"].as_str().unwrap_or_default().starts_with(prefix)
        });
        assert!(found.is_none(), "`{sentence}`: unexpected {found:#?}");
    }
}

#[test]
fn a_verb_after_a_weapon_noun_is_read_as_a_verb() {
    // A past form right after a noun that could be a verb ("bomb", "fire",
    // "strikes") was taken for an adjective ("confiscate frozen assets");
    // before a determiner it is the verb.
    check(&[
        (
            "An ISIS-claimed truck bomb struck a market in Baghdad.",
            "IMGMOSISI",
            "IRQ",
            "19",
        ),
        // the weapon is a noun the source owns: mortars -> 194
        (
            "Russian mortar fire hit the town of Kramatorsk on Sunday.",
            "RUS",
            "UKR",
            "194",
        ),
        (
            "Turkish air strikes hit the Iraqi town of Sinjar.",
            "TUR",
            "IRQ",
            "19",
        ),
    ]);
    // no owner, no source (rule 4)
    check_none(&[
        (
            "A truck bomb struck a police checkpoint in Kandahar.",
            "",
            "",
        ),
        ("Heavy mortar fire hit the town of Kramatorsk.", "", ""),
    ]);
}

#[test]
fn a_backer_after_a_participle_of_support_is_not_the_attacker() {
    check(&[
        (
            "Sudanese troops backed by Egyptian jets shelled the town of Wad Madani.",
            "SDNMIL",
            "SDN",
            "19",
        ),
        // the passive's target ("troops supported by") is still the next
        // verb's subject
        (
            "Malian soldiers supported by French helicopters attacked a militant camp near Timbuktu.",
            "MLIMIL",
            "MLI",
            "19",
        ),
    ]);
    check_none(&[
        (
            "Sudanese troops backed by Egyptian jets shelled the town of Wad Madani.",
            "19",
            "EGYMIL",
        ),
        (
            "Malian soldiers supported by French helicopters attacked a militant camp near Timbuktu.",
            "19",
            "FRAMIL",
        ),
    ]);
}

#[test]
fn the_attacker_named_without_by() {
    check(&[
        // the owner of the attack noun
        (
            "Four Palestinians were killed in an Israeli air strike on Rafah.",
            "ISR",
            "PSE",
            "195",
        ),
        (
            "Three Yemeni fishermen were killed by a Saudi-led coalition air strike.",
            "SAU",
            "YEMAGR",
            "195",
        ),
        // a link that names the attacker
        (
            "Nine Syrian soldiers were killed at the hands of Islamic State militants.",
            "IMGMOSISI",
            "SYRMIL",
            "19",
        ),
    ]);
    // an attack noun with no owner, or a place before it, names no one
    check_none(&[
        ("Ten Somali soldiers were killed in a car bombing.", "", ""),
        (
            "Eight Afghan police were killed in a Kabul bombing.",
            "",
            "",
        ),
        (
            "Five Iraqi policemen were killed in Baghdad on Monday.",
            "",
            "",
        ),
    ]);
}

#[test]
fn victims_and_property_in_a_place() {
    check(&[
        // people the object phrase names, in the scene's country
        (
            "Boko Haram fighters ambushed a convoy carrying aid workers near Maiduguri.",
            "NGAREB",
            "NGADEV",
            "19",
        ),
        // a role that modifies a noun is a facility: the place is the target
        (
            "Malian soldiers attacked a militant camp near Timbuktu.",
            "MLIMIL",
            "MLI",
            "19",
        ),
        // property destroyed in a place: the place's country (rule 16)
        (
            "Rebels blew up a railway bridge outside Aleppo.",
            "SYRREB",
            "SYR",
            "1712",
        ),
        (
            "Houthi fighters destroyed a water plant in the city of Taiz.",
            "YEMREB",
            "YEM",
            "1712",
        ),
    ]);
}

#[test]
fn a_trailing_speaker_is_no_target() {
    // the two forces fought each other (a compound subject with no
    // object); the speakers are no party
    let rows = common::code_rows(
        &["Armenian and Azerbaijani forces were battling near the border, Georgian military sources said."],
        &[],
    );
    let pairs: Vec<(&str, &str)> = rows[0]
        .iter()
        .map(|e| (e["source"].as_str().unwrap(), e["target"].as_str().unwrap()))
        .collect();
    assert!(pairs.contains(&("ARMMIL", "AZEMIL")), "{pairs:?}");
    assert!(
        pairs
            .iter()
            .all(|(s, t)| !s.starts_with("GEO") && !t.starts_with("GEO")),
        "{pairs:?}"
    );
    // a say-verb that is a noun ("state") leaves the target alone
    check(&[(
        "Russian hackers attacked Estonian state and media websites.",
        "RUSCRM",
        "EST",
        "19",
    )]);
}

#[test]
fn a_coordinated_infinitive_shares_the_threat() {
    check(&[(
        "Hezbollah threatened to shell Haifa and kill Israeli soldiers.",
        "LBNREB",
        "ISRMIL",
        "13",
    )]);
    check_none(&[(
        "Hezbollah threatened to shell Haifa and kill Israeli soldiers.",
        "19",
        "",
    )]);
}

#[test]
fn people_named_in_the_object_are_the_victims() {
    // one person with an article, the place after them gives the country;
    // the event's target is the people, not the place
    let sentences = [
        "Police tortured an elderly prisoner in Mashhad.",
        "Gunmen shot a man dead in the Kenyan town of Garissa.",
    ];
    let rows = common::code_rows(&sentences, &[]);
    for ((sentence, victims), events) in sentences
        .iter()
        .zip(["an elderly prisoner", "a man"])
        .zip(rows)
    {
        let e = events
            .iter()
            .find(|e| e["code"].as_str().unwrap_or_default().starts_with('1'))
            .unwrap_or_else(|| panic!("`{sentence}`: no event in {events:#?}"));
        let span = &e["evidence"]["target"];
        let (a, b) = (span[0].as_u64().unwrap(), span[1].as_u64().unwrap());
        assert_eq!(&sentence[a as usize..b as usize], victims, "`{sentence}`");
    }
    check(&[
        (
            "Police tortured an elderly prisoner in Mashhad.",
            "IRNCOP",
            "IRN",
            "1822",
        ),
        (
            "Gunmen shot a man dead in the Kenyan town of Garissa.",
            "KENUAF",
            "KEN",
            "19",
        ),
    ]);
}

#[test]
fn a_bare_attacker_given_the_victims_country_takes_the_scenes() {
    // coreference gave the militias the nearest country, the troops' own
    check(&[(
        "Iran-backed militias attacked US troops in eastern Syria.",
        "SYRREB",
        "USAMIL",
        "19",
    )]);
    check_none(&[(
        "Iran-backed militias attacked US troops in eastern Syria.",
        "19",
        "USAREB",
    )]);
}

#[test]
fn people_in_the_slot_of_force_are_its_target() {
    check(&[
        // people with no country in the slot are the victims, in the scene
        // (a facility's role noun, or an owner after "of", is passed over)
        (
            "Security forces opened fire on protesters in the city of Basra, killing three.",
            "IRQCOP",
            "IRQOPP",
            "19",
        ),
        (
            "Turkish jets bombed positions of the Kurdish militia in northern Iraq.",
            "TURMIL",
            "IRQREB",
            "19",
        ),
        // a ceasefire owned by the other party
        (
            "Government troops violated the rebels' truce near Juba.",
            "SSDMIL",
            "SSDREB",
            "196",
        ),
    ]);
}

#[test]
fn a_side_fought_on_is_no_target() {
    check_none(&[
        (
            "A Serbian mercenary who fought on the Russian side was buried in Belgrade.",
            "19",
            "",
        ),
        (
            "Chechen fighters who fought in the Syrian ranks returned home.",
            "19",
            "",
        ),
    ]);
}
