//! Slot filling, sixth pass (issue 11 items 1, 3 and 4): whose people a
//! possessive phrase names and whose call an object noun is. Every
//! sentence is written for these tests; each table has rows that fail
//! without the rule and rows that guard what it must leave alone.

mod common;

use common::check_triples;

/// A possessive phrase of the source's own country ("its troops", "their
/// diplomats") in the object phrase is the source itself: it is no target,
/// and the search for one goes on past it, where the country its people
/// are in is the other party. A pronoun alone and a named actor of the
/// same country still count as before.
#[test]
fn the_sources_own_people_are_not_its_target() {
    check_triples(&[
        // was EGY -> EGYMIL, the country rejecting its own troops
        (
            "Egypt rejected demands for its troops to leave the border zone.",
            &[],
        ),
        // was KEN -> KENGOV: the detention by Uganda is what is criticised
        (
            "Kenya criticised the detention of its diplomats by Uganda.",
            &[("KEN", "UGA", "111")],
        ),
        (
            "Nigeria condemned the treatment of its citizens by Ghana.",
            &[("NGA", "GHA", "111")],
        ),
        // past the own phrase, the country its people are in
        (
            "Kenya criticised the detention of its diplomats in Uganda.",
            &[("KEN", "UGA", "111")],
        ),
        (
            "The African Union rejected a call for its troops to be stationed in Somalia.",
            &[("IGOAFRAFU", "SOM", "120")],
        ),
        // "from" names an origin, not the other party
        (
            "Egypt rejected demands for its troops to be withdrawn from Libya.",
            &[],
        ),
        // guard: another country's possessive phrase is a target
        (
            "Kenya criticised the detention of Ugandan diplomats.",
            &[("KEN", "UGAGOV", "111")],
        ),
    ]);
}

/// A call, offer or demand named by several adjectival mentions after an
/// article ("a French Foreign Ministry call to free X") is a noun: what it
/// asks for is its content, not an act of its owner.
#[test]
fn an_owned_call_named_by_several_mentions_is_content() {
    check_triples(&[
        // was also the release as an act of the second mention's owner
        (
            "Turkey rejected a German Foreign Office call to free three reporters held since March.",
            &[("TUR", "DEU", "120")],
        ),
        (
            "Cuba turned down a Spanish government offer to host the talks with Chile.",
            &[("CUB", "ESPGOV", "120")],
        ),
        // guard: a single adjectival mention was already a noun
        (
            "Iran's government rejected a French call to release two journalists.",
            &[("IRNGOV", "FRA", "120")],
        ),
        // guard: the verb of a subject ("the French government offers to")
        (
            "The French government offers to mediate between Mali and Niger.",
            &[("FRAGOV", "MLI", "039"), ("FRAGOV", "NER", "039")],
        ),
    ]);
}

/// An object pronoun that is no mention ("them", "us") in a pattern's
/// slot is the party the act is aimed at: the actors after it are what
/// the act accuses, urges or praises, not its target. A named object is
/// still the target.
#[test]
fn an_object_pronoun_in_the_slot_ends_the_target_search() {
    check_triples(&[
        // was KEN -> KENCOP: the alleged victims
        (
            "Kenya urged Uganda to hand over the fugitives, accusing them of shooting two Kenyan border guards.",
            &[("KEN", "UGA", "0213")],
        ),
        // was TCD -> SDNREF: those helped
        ("Chad praised them for helping Sudanese refugees.", &[]),
        // was also GHACOP -> TGO 173: the party the men are said to spy for
        // (the men are civilians of the scene, section 44)
        (
            "Police in Ghana arrested two men, charging them with spying for Togo.",
            &[("GHACOP", "GHACVL", "173")],
        ),
        // was SDN -> TCD: the victims of what is blamed
        ("Sudan blamed them for the attacks on Chadian villages.", &[]),
        // guard: a named object
        (
            "Chad praised Niger for helping Sudanese refugees.",
            &[("TCD", "NER", "051")],
        ),
    ]);
}

/// A role noun's modifiers that its mention leaves out ("former",
/// "senior": `role_modifiers.txt`) do not break a compound subject: both
/// members act, not only the second.
#[test]
fn modifiers_before_a_role_keep_the_compound_subject() {
    check_triples(&[
        // was KENREB only
        (
            "Kenya's government and former rebel commanders rejected the demands by Somali militants.",
            &[("KENGOV", "SOMREB", "120"), ("KENREB", "SOMREB", "120")],
        ),
        // was UGAGOV only
        (
            "Kenya and senior Ugandan officials condemned Somalia.",
            &[("KEN", "SOM", "111"), ("UGAGOV", "SOM", "111")],
        ),
        // guard: no modifier, as before
        (
            "Kenya's government and rebel commanders rejected the demands by Somali militants.",
            &[("KENGOV", "SOMREB", "120"), ("KENREB", "SOMREB", "120")],
        ),
    ]);
}

/// An appeal's addressee whose phrase goes on past its mention with
/// lower-case nouns before "to" ("the UN stabilization mission to
/// broker") still governs the infinitive: what it asks for is its
/// content (and chooses its subtype), not an act of the appealing party.
#[test]
fn an_addressee_phrase_past_its_mention_governs_the_content() {
    check_triples(&[
        // was also NGOAMN -> HTI 045, the mediation as done
        (
            "Amnesty International has called on the UN peacekeeping mission to broker a truce among Haitians.",
            &[("NGOAMN", "IGOUNO", "028")],
        ),
        // was also NGOHRW -> MLIMIL 093, the inquiry as done
        (
            "Human Rights Watch urged the African Union monitoring mission to investigate killings by Malian soldiers.",
            &[("NGOHRW", "IGOAFRAFU", "020")],
        ),
        // guard: "and" starts a coordinated verb, not the addressee's phrase
        (
            "Syria called on Egypt to act quickly and accused the United States of war crimes.",
            &[("SYR", "EGY", "020"), ("SYR", "USA", "112")],
        ),
    ]);
}
