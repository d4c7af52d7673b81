//! Slots read across a clause (issue 11 items 1 and 3), through the real
//! binary, on sentences written for these tests: the oblique after a
//! pattern's own preposition is the target of a passive as of its active,
//! the object words of a pattern may stand in the passive's subject phrase,
//! and a subject pronoun after "and" goes on with the subject before it.

mod common;

use common::check_triples;

/// A passive of a pattern whose slot follows its preposition ("extradite to
/// +") takes the slot as target, as the active does; the subject is the
/// person or thing moved. A slot right after the verb, a preposition left
/// stranded and a by-agent standing where the slot is keep the subject as
/// the target.
#[test]
fn a_passive_keeps_the_oblique_of_its_pattern_as_target() {
    check_triples(&[
        // the active and the passive code the same pair
        (
            "Ecuador extradited the smuggler to Spain on Friday.",
            &[("ECU", "ESP", "063")],
        ),
        (
            "The smuggler was extradited to Spain by Ecuador on Friday.",
            &[("ECU", "ESP", "063")],
        ),
        // a slot right after the verb: the subject is the target
        (
            "Bolivia was condemned by Paraguay on Tuesday.",
            &[("PRY", "BOL", "111")],
        ),
        // a preposition stranded by the passive: the by-agent is no target
        (
            "Bolivia was called on by Paraguay to reopen the border.",
            &[("PRY", "BOL", "020")],
        ),
        // no by-agent: not coded, as before
        ("The smuggler was extradited to Spain last week.", &[]),
    ]);
}

/// The object words of a pattern ("deliver aid to +", "hand over suspect to
/// +", "impose sanction on +") stand before the verb in a passive: they are
/// read in its subject phrase, and the target is the slot after the verb.
#[test]
fn a_passive_reads_the_object_words_in_its_subject() {
    check_triples(&[
        (
            "Humanitarian aid was delivered to Mali by the World Food Programme.",
            &[("IGOUNO", "MLI", "073")],
        ),
        (
            "The two suspects were handed over to Morocco by Spanish police.",
            &[("ESPCOP", "MAR", "063")],
        ),
        (
            "Fresh sanctions were imposed on Belarus by Canada last month.",
            &[("CAN", "BLR", "163")],
        ),
        (
            "Several tanks were delivered to Latvia by Poland in March.",
            &[("POL", "LVA", "072")],
        ),
        // no by-agent, and a negated subject: nothing is coded
        (
            "No deadline has been set for the withdrawal of the troops.",
            &[],
        ),
        // a passive infinitive: the words before "to" are no subject
        // phrase of its own, and the rejection keeps its target
        (
            "The African Union rejected a call for its troops to be stationed in Chad.",
            &[("IGOAFRAFU", "TCD", "120")],
        ),
        // the word only after the be-form's clause: no match
        (
            "Tanks rolled in, and it was delivered to Latvia by Poland.",
            &[],
        ),
    ]);
}

/// "X rejected Y's offer and it ...": a subject pronoun right after a
/// clause coordinator stands for the subject of the clause before, not for
/// the actor nearest to it (a possessor, an object); a person pronoun skips
/// a subject that is no person; a compound subject is left to the nearest
/// mentions as before.
#[test]
fn a_pronoun_after_and_goes_on_with_the_subject() {
    check_triples(&[
        (
            "Chile rejected Peru's proposal and it accused Bolivia of smuggling.",
            &[("CHL", "BOL", "112"), ("CHL", "PER", "127")],
        ),
        (
            "Ghana criticised Togo and it condemned Benin.",
            &[("GHA", "BEN", "111"), ("GHA", "TGO", "111")],
        ),
        (
            "Kenya's president on Monday rejected Ugandan President Yoweri Museveni's offer and he accused Somalia of smuggling.",
            &[("KENGOV", "SOM", "112"), ("KENGOV", "UGAGOV", "120")],
        ),
        // a person pronoun: the subject is a country, the person is the object
        (
            "Chile received the Peruvian president and he condemned Bolivia.",
            &[
                ("CHL", "PERGOV", "043"),
                ("PERGOV", "BOL", "111"),
                ("PERGOV", "CHL", "042"),
            ],
        ),
    ]);
}

/// "X's attack on Y killed Z": the noun after a preposition that hangs on
/// an attack noun is the attack's target, not the subject of the verb
/// after it; the attack's owner is. An author after "by" stays the
/// subject, and with no owner nothing is coded.
#[test]
fn an_attack_noun_in_the_subject_keeps_its_owner() {
    check_triples(&[
        (
            "Ethiopia's attack on Eritrea killed dozens of civilians.",
            &[("ETH", "ERICVL", "190")],
        ),
        (
            "The Ethiopian air strike on the rebels killed six civilians.",
            &[("ETH", "ETHCVL", "195")],
        ),
        (
            "A bombing by Somali militants on Monday killed four Kenyan soldiers.",
            &[("SOMREB", "KENMIL", "190")],
        ),
        // no owner: the target is no author
        ("The attack on Eritrea killed dozens of civilians.", &[]),
    ]);
}

/// A passive appeal ("X was urged by Y to V"): the infinitive after the
/// by-agent is the content of the appeal, as after the addressee of the
/// active; it chooses the appeal's subtype and is not coded as done by the
/// by-agent.
#[test]
fn the_infinitive_after_a_passive_appeal_is_its_content() {
    check_triples(&[
        (
            "Iran was urged by the EU to free the sailors.",
            &[("IGOEUREEC", "IRN", "0253")],
        ),
        (
            "Iran was called on by the European Union to release the tanker.",
            &[("IGOEUREEC", "IRN", "0253")],
        ),
        // the active reads the same
        (
            "The EU urged Iran to release the sailors.",
            &[("IGOEUREEC", "IRN", "0253")],
        ),
    ]);
}

/// A negated say-verb ("did not say", "would not confirm", "has never
/// said") asserts nothing of its complement: the act there is not coded as
/// done, as under a denial verb; an affirmed say-verb and a negation inside
/// the complement read as before.
#[test]
fn a_negated_say_verb_asserts_nothing_of_its_complement() {
    let table: &[(&str, &str)] = &[
        (
            "Ghana would not confirm that it had expelled the Togolese envoy.",
            "negated",
        ),
        (
            "Ghana has never said that it expelled the Togolese envoy.",
            "negated",
        ),
        ("Ghana said it had expelled the Togolese envoy.", "asserted"),
        (
            "Ghana said it had not expelled the Togolese envoy.",
            "negated",
        ),
    ];
    for (text, want) in table {
        let got: Vec<(String, String, String, String)> = common::event_summaries(&[], text)
            .into_iter()
            .map(|(s, t, c, m, _)| (s, t, c, m))
            .collect();
        assert_eq!(
            got,
            vec![(
                "GHA".to_string(),
                "TGOGOV".to_string(),
                "166".to_string(),
                want.to_string()
            )],
            "{text}"
        );
    }
}

/// After a noun of an act being done (`ing_act_nouns.txt`: "the process
/// of", "the task of"), "of" and an "-ing" form before its object are the
/// act's verb, done by the clause's subject. After a noun of aim or risk,
/// and with no object, the "-ing" form stays a noun.
#[test]
fn an_ing_form_after_a_noun_of_an_act_is_its_verb() {
    check_triples(&[
        (
            "Chile has begun the process of returning the artefacts to Peru.",
            &[("CHL", "PER", "0842")],
        ),
        (
            "Germany completed the task of handing over the suspects to Poland.",
            &[("DEU", "POL", "063")],
        ),
        // aim and risk name nothing done
        (
            "The goal of returning the artefacts to Peru was agreed.",
            &[],
        ),
        (
            "Kenya warned of the risk of attacking Somali villages.",
            &[("KEN", "SOM", "130")],
        ),
    ]);
}

/// A passive of expulsion without "by" (code set `expelled-from`): the
/// country right after "from" is the one that expels or deports, whether
/// "from" is the pattern's own word or follows the verb. A body or a role
/// after "from" names no such state, and a by-agent still wins.
#[test]
fn a_passive_expulsion_from_a_country_is_that_country_s() {
    check_triples(&[
        (
            "The Kenyan journalist was deported from Tanzania.",
            &[("TZA", "KENMED", "174")],
        ),
        (
            "Three Kenyan diplomats were expelled from Uganda last week.",
            &[("UGA", "KENGOV", "166")],
        ),
        (
            "Two observers for the United Nations were expelled from Eritrea on Monday.",
            &[("ERI", "IGOUNO", "1662")],
        ),
        ("The Kenyan journalist was expelled from the party.", &[]),
        (
            "Ugandan refugees were expelled from Kenya by the police.",
            &[("KENCOP", "UGAREF", "174")],
        ),
    ]);
}

/// An "-ing" form right after "for" or "of" that follows an earlier verb's
/// object is the object's act ("thanked X for supporting Y": X supports
/// Y), not the act of the earlier verb's subject. Allegations keep their
/// acts uncoded, as before.
#[test]
fn an_ing_form_after_an_object_and_for_is_the_object_s_act() {
    check_triples(&[
        (
            "Kenya thanked Japan for supporting Uganda.",
            &[("KEN", "JPN", "051"), ("JPN", "UGA", "051")],
        ),
        (
            "Ghana commended Nigeria for imposing sanctions on Mali.",
            &[("GHA", "NGA", "051"), ("NGA", "MLI", "163")],
        ),
        // an accusation's act stays alleged
        (
            "Peru criticised Chile for blocking aid to Bolivia.",
            &[("PER", "CHL", "111")],
        ),
    ]);
}

/// "X was asked by Y to V": the passive's by-agent stands where the slot
/// of "ask + to" was; the pattern's words after the slot are read past
/// it, the asker is the source and the subject asked the target. Without a
/// by-agent, nothing is asked of anyone.
#[test]
fn a_by_agent_stands_in_the_slot_before_the_patterns_words() {
    check_triples(&[
        (
            "Iraq was asked by Iran to release the prisoners.",
            &[("IRN", "IRQ", "0253")],
        ),
        (
            "Kenya was urged by Britain to support the peace plan.",
            &[("GBR", "KEN", "022")],
        ),
        (
            "Algeria was forced by Morocco to withdraw its troops.",
            &[("MAR", "DZA", "170")],
        ),
        ("Mali was asked to release the prisoners.", &[]),
    ]);
}
