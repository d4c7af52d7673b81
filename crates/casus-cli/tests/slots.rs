//! Targets and demands the argument and event stages read beyond a
//! pattern's slot (issue 11 items 1 and 3), through the real binary, on
//! sentences written for these tests: "X said Y must V" with no pattern
//! for V, a threat aimed at its condition's subject, and the decision
//! named by its stage under `--explain`.

mod common;

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
    type Triple<'a> = (&'a str, &'a str, &'a str);
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
    for (text, want) in table {
        let mut got: Vec<(String, String, String)> = code(text)
            .into_iter()
            .map(|(s, t, c, _, _)| (s, t, c))
            .collect();
        got.sort();
        let mut want: Vec<(String, String, String)> = want
            .iter()
            .map(|(s, t, c)| (s.to_string(), t.to_string(), c.to_string()))
            .collect();
        want.sort();
        assert_eq!(got, want, "{text}");
    }
}
