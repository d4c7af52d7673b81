//! Targets and demands the argument and event stages read beyond a
//! pattern's slot (issue 11 items 1 and 3), through the real binary, on
//! sentences written for these tests: "X said Y must V" with no pattern
//! for V, a threat aimed at its condition's subject, and the decision
//! named by its stage under `--explain`.

mod common;

use common::{check_triples, Triple};

/// Codes `text` as one document; returns (source, target, code, modality,
/// evidence entry) of each event.
fn code(text: &str) -> Vec<(String, String, String, String, String)> {
    common::event_summaries(&[], text)
}

#[test]
fn said_must_is_a_demand_without_a_pattern_for_its_verb() {
    let got = code("Ghana said on Friday that Togo must do more to curb smuggling.");
    assert_eq!(got.len(), 1, "{got:?}");
    let (source, target, cameo, modality, entry) = &got[0];
    assert_eq!(
        (source.as_str(), target.as_str(), cameo.as_str()),
        ("GHA", "TGO", "100")
    );
    assert_eq!(modality, "asserted");
    assert!(entry.contains("said-must"), "{entry}");
    // no coded speaker, no demand
    assert!(code("Analysts said Togo must do more to curb smuggling.").is_empty());
}

#[test]
fn a_threat_is_aimed_at_the_subject_of_its_condition() {
    let got = code("Peru threatened to halt grain shipments if Chile raises its tariffs.");
    let triples: Vec<_> = got
        .iter()
        .map(|(s, t, c, m, _)| (s.as_str(), t.as_str(), c.as_str(), m.as_str()))
        .collect();
    assert_eq!(triples, vec![("PER", "CHL", "130", "asserted")]);
    let out = common::casus_with_stdin(
        &["code", "--explain"],
        "Peru threatened to halt grain shipments if Chile raises its tariffs.".as_bytes(),
    );
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(
        report.contains("[events]") && report.contains("aimed at the subject of its condition"),
        "{report}"
    );
}

/// A short form in brackets after a name belongs to the name: the list it
/// stands in goes on after the bracket, and the short form adds no target
/// of its own.
#[test]
fn a_bracketed_short_form_does_not_break_a_list() {
    let table: &[(&str, &[Triple])] = &[
        (
            "Canada imposed sanctions on the Central African Republic (CAR) and Chad.",
            &[("CAN", "CAF", "163"), ("CAN", "TCD", "163")],
        ),
        (
            "Kenya condemned the Democratic Republic of the Congo (DRC) and Uganda.",
            &[("KEN", "COD", "111"), ("KEN", "UGA", "111")],
        ),
        (
            "Kenya condemned Uganda (a neighbour) and Rwanda.",
            &[("KEN", "UGA", "111"), ("KEN", "RWA", "111")],
        ),
    ];
    check_triples(table);
}

/// An inquiry, a claim of responsibility, mediation or a ceasefire
/// (code set `located-target`) is aimed at the country where its object
/// lies, past a locative preposition in the object phrase; a one-party
/// ceasefire there is one-way. A capital a mediator goes between is still
/// its government.
#[test]
fn acts_aimed_at_where_their_object_lies() {
    check_triples(&[
        (
            "The IAEA wants to inspect two nuclear plants in Pakistan.",
            &[("IGOUNO", "PAK", "090")],
        ),
        (
            "Boko Haram claimed responsibility for three bombings in Cameroon's Far North region.",
            &[("NGAREB", "CMR", "015")],
        ),
        (
            "Iran agreed to a ceasefire in western Iraq.",
            &[("IRN", "IRQ", "0356")],
        ),
        (
            "Qatar ended its mediation in the Chadian conflict.",
            &[("QAT", "TCD", "165")],
        ),
        (
            "Qatar offered to mediate between Khartoum and Juba.",
            &[("QAT", "SDNGOV", "039"), ("QAT", "SSDGOV", "039")],
        ),
    ]);
}

/// "rejected as baseless the claims by X": a predicative "as" right after
/// the verb (with a quoted modifier) does not end the search for its
/// target, nor the gap before the pattern's noun ("rejected as baseless
/// accusations by" is a denial); "as" before a subject still ends both.
#[test]
fn a_predicative_as_does_not_end_the_search_for_a_target() {
    check_triples(&[
        (
            "Uganda dismissed as baseless the allegations by Kenya.",
            &[("UGA", "KEN", "120")],
        ),
        (
            "Tanzania rejected as \u{201c}unfounded\u{201d} charges by Amnesty International.",
            &[("TZA", "NGOAMN", "016")],
        ),
        (
            "Kenya rejected as baseless accusations by Uganda.",
            &[("KEN", "UGA", "016")],
        ),
        (
            "Uganda rejected the offer as Kenya withdrew its envoy.",
            &[],
        ),
    ]);
}

/// "urged Spain and Italy to pressure Morocco to free X": the pressure is
/// what the appeal asks of the whole compound addressee, and the release
/// what the pressure would ask: neither is coded as done.
#[test]
fn the_content_of_an_appeal_to_a_compound_addressee() {
    check_triples(&[(
        "The Chilean senator urged Spain and Italy to pressure Morocco to free the fishermen.",
        &[("CHLLEG", "ESP", "020"), ("CHLLEG", "ITA", "020")],
    )]);
}

/// A country that puts a place of its own under a curfew or a state of
/// emergency (or lifts one) acts through its government: one code on both
/// sides would make no event.
#[test]
fn a_country_restricting_its_own_place_acts_as_its_government() {
    check_triples(&[
        (
            "Peru imposed a curfew in two of the country's provinces.",
            &[("PERGOV", "PER", "1723")],
        ),
        (
            "Ecuador lifted the state of emergency in Guayaquil.",
            &[("ECUGOV", "ECU", "0814")],
        ),
        (
            "Bolivia's army imposed a curfew in Cochabamba.",
            &[("BOLMIL", "BOL", "1723")],
        ),
    ]);
}

/// A concession without a target of its own (code set `settled-with`) is
/// made to the party of the talks after which it came; "after two days of
/// talks" with an uncoded party gives nothing. Aid for people in a country
/// (code set `located-target`) is aimed at that country.
#[test]
fn a_concession_after_talks_and_aid_for_people_in_a_place() {
    check_triples(&[
        (
            "The dockworkers union of Kenya called off its strike after talks with the Kenyan government.",
            &[("KENLAB", "KENGOV", "082")],
        ),
        (
            "The union called off the strike after two days of talks with the government.",
            &[],
        ),
        (
            // (the children are Chad's people: their place is in their phrase)
            "Japan gave 5 million dollars to feed children displaced in Chad.",
            &[("JPN", "TCDCVL", "071")],
        ),
    ]);
}

/// A participle closing the noun phrase of a preposition, with no object
/// of its own, is a reduced relative clause in the passive: the
/// sentence's subject is not its agent, and with no by-agent it is not
/// coded (rule 14). A phrase inside the subject, a phrase between an
/// auxiliary and its participle, and a subject with an "-ing" modifier
/// leave the verb active.
#[test]
fn a_reduced_relative_after_a_preposition_is_passive() {
    check_triples(&[
        (
            "Norway gave money to people killed in Gaza.",
            &[("NOR", "PSE", "071")],
        ),
        (
            "Sweden sent tents to families uprooted in Sudan.",
            &[("SWE", "SDNCVL", "073")],
        ),
        ("Ghana on Monday condemned Togo.", &[("GHA", "TGO", "111")]),
        (
            "Bhutan has in the past called on India to lift its blockade.",
            &[("BTN", "IND", "020")],
        ),
        (
            "Hundreds of farmers protesting against the Ghanaian government clashed with police in Accra.",
            &[
                ("GHAAGR", "GHAGOV", "140"),
                ("GHAAGR", "GHACOP", "190"),
                ("GHACOP", "GHAAGR", "190"),
            ],
        ),
    ]);
}

/// A symmetric verb with no object after it, only a preposition, reads a
/// compound subject as fighting each other (`fight ; sym` over an empty
/// `fight +`); not when the words after it say the two acted together, when
/// an infinitive or an object follows, or when the subject is one party.
#[test]
fn a_compound_subject_with_no_object_fought_each_other() {
    check_triples(&[
        (
            "Kenyan and Ugandan troops were battling near the border on Monday.",
            &[("KENMIL", "UGAMIL", "190"), ("UGAMIL", "KENMIL", "190")],
        ),
        (
            "Chadian and Sudanese forces fought for control of the oasis.",
            &[("SDNMIL", "TCDMIL", "190"), ("TCDMIL", "SDNMIL", "190")],
        ),
        // together, not against each other
        (
            "Chadian and Sudanese troops fought side by side in the desert.",
            &[],
        ),
        // content, not a fight between the two
        (
            "Kenya and Uganda agreed to cooperate to fight terrorism.",
            &[("KEN", "UGA", "031"), ("UGA", "KEN", "031")],
        ),
        // an object after the verb keeps the directed pattern
        (
            "Kenyan and Ugandan troops fought Somali militants near the border.",
            &[("KENMIL", "SOMREB", "190"), ("UGAMIL", "SOMREB", "190")],
        ),
        // one party: no one to fight
        ("Kenyan troops fought hard near the border.", &[]),
    ]);
}
