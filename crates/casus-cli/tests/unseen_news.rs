//! Faults found by an audit on news casus was never tuned to (EVALUATION
//! section 57), through the real binary, on sentences written for these
//! tests. Each row fails without the rule it names.

mod common;

use common::check_pattern_rows as check;
use common::check_triples;

#[test]
fn two_country_names_sharing_their_last_word() {
    // before: only the second, whole name was an actor ("North and South
    // Korea" was South Korea alone), so a symmetric verb had no pair
    check_triples(&[
        (
            "North and South Korea traded artillery fire across the border on Monday.",
            &[("PRK", "KOR", "194"), ("KOR", "PRK", "194")],
        ),
        (
            "North and South Korea held talks at the border village on Tuesday.",
            &[("PRK", "KOR", "046"), ("KOR", "PRK", "046")],
        ),
        (
            "Japan criticised North and South Korea over the fishing dispute.",
            &[("JPN", "PRK", "111"), ("JPN", "KOR", "111")],
        ),
        // the role after two such adjectives belongs to both
        (
            "North and South Korean generals held talks at the border on Friday.",
            &[("PRKMIL", "KORMIL", "046"), ("KORMIL", "PRKMIL", "046")],
        ),
    ]);
}

#[test]
fn an_elided_name_needs_a_real_country_before_the_conjunction() {
    // "North Sudan" is no country name: Sudan is not read into "North"
    check_triples(&[
        (
            "Chad and South Sudan held talks on Tuesday.",
            &[("TCD", "SSD", "046"), ("SSD", "TCD", "046")],
        ),
        ("Envoys from North and South Sudan met in Nairobi.", &[]),
    ]);
}

#[test]
fn contacting_someone_is_a_consultation() {
    // before: "contact" had no verb entry
    check(&[
        (
            "The Peruvian foreign minister contacted his Chilean counterpart about the border.",
            "PERGOV",
            "CHLGOV",
            "040",
            "contact +",
            "asserted",
        ),
        (
            "Norway has contacted Sudan over the detained aid workers.",
            "NOR",
            "SDN",
            "040",
            "contact +",
            "asserted",
        ),
        (
            "Portugal said it had not been contacted by Angola about the loan.",
            "AGO",
            "PRT",
            "040",
            "contact +",
            "negated",
        ),
    ]);
}

#[test]
fn a_target_is_not_reached_in_the_next_coordinated_clause() {
    // before: the search past an empty slot read through ", and the X" and
    // through an adverb before X's own verb ("the navy reportedly saved"),
    // so an intransitive "sank" or a shelled port took the next clause's
    // subject as its target
    check_triples(&[
        (
            "Tunisian fishermen stayed near the raft until it sank, and the Italian navy reportedly reached the site an hour later.",
            &[],
        ),
        (
            "Russian troops shelled the port, and the Ukrainian navy then struck Russia.",
            &[("UKRMIL", "RUS", "190")],
        ),
    ]);
}

#[test]
fn a_denial_verb_in_the_passive_negates_nothing() {
    // before: "were denied visas" was read as a denial of what follows, so
    // the later act was negated
    check(&[
        (
            "The delegation was denied entry for months before Cuban officials travelled to Mexico for talks.",
            "CUBGOV",
            "MEX",
            "042",
            "travel to +",
            "asserted",
        ),
        (
            "Venezuela was denied a seat on the council after it accused Colombia of spying.",
            "VEN",
            "COL",
            "1125",
            "accuse + of spying",
            "asserted",
        ),
        // an active denial still denies its complement
        (
            "Algeria denied that it had closed its border with Morocco.",
            "DZA",
            "MAR",
            "191",
            "close border with +",
            "negated",
        ),
    ]);
}

#[test]
fn an_actor_s_act_named_as_a_topic_is_not_coded() {
    // before: the "-ing" form after "a ban on X" or "evidence regarding X"
    // took the clause's subject, or X itself, as its doer
    check_triples(&[
        ("Lawmakers debated a ban on Iranians visiting Israel.", &[]),
        (
            "The court heard evidence regarding Serbia attacking Kosovo.",
            &[],
        ),
        // "regarding" is a preposition: the actor after it is no subject
        (
            "The Danish plan regarding Somalia rests on training the Somali security forces.",
            &[("DNK", "SOMCOP", "062")],
        ),
        // an actor's act after "against" or an addressee urged keep their
        // doers
        (
            "Ghana protested against Togo closing the border.",
            &[("GHA", "TGO", "140")],
        ),
        (
            "Chile wrote to Peru urging it to release the fishermen.",
            &[("CHL", "PER", "0253")],
        ),
    ]);
}
