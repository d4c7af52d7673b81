//! Bare role nouns that take their country from the sentence, and persons
//! the coder knows by name: each row is a sentence of our own and the
//! event it must give (source, target, code).

mod common;

use common::check_target_rows as check;

#[test]
fn a_time_word_after_a_role_makes_it_no_modifier() {
    // "police yesterday" was read as "police station": a noun modifier
    // that names no actor, so the role took no country.
    check(&[
        (
            "Officials in Nairobi said the police yesterday detained twelve students.",
            "KENCOP",
            "KENEDU",
            "173",
        ),
        (
            "Bolivia said the Supreme Court today rejected an appeal by Chile.",
            "BOLJUD",
            "CHL",
            "120",
        ),
    ]);
}

#[test]
fn a_role_after_from_is_an_agent_not_a_place() {
    // "from" marks a mention as a place ("from Moscow"); a role after it is
    // where the pressure comes from and takes the sentence's country.
    check(&[
        (
            "Ghana's president faces pressure from lawmakers over the debt deal.",
            "GHALEG",
            "GHAGOV",
            "100",
        ),
        (
            "Nepal's prime minister came under pressure from the army to resign.",
            "NPLMIL",
            "NPLGOV",
            "1041",
        ),
    ]);
}

#[test]
fn office_holders_of_many_countries_are_known_by_name() {
    // None of these names was in the persons dictionary: no event came out.
    check(&[
        (
            "Justice Sonia Sotomayor criticised the Justice Department.",
            "USAJUD",
            "USAGOV",
            "111",
        ),
        (
            "Nitish Kumar criticised Pakistan over the attack.",
            "INDGOV",
            "PAK",
            "111",
        ),
        (
            "Pradeep Gyawali criticised India over the border map.",
            "NPLGOV",
            "IND",
            "111",
        ),
        (
            "Hans Blix urged Iraq to open its palaces to inspectors.",
            "IGOUNO",
            "IRQ",
            "020",
        ),
        (
            "Trent Lott accused China of stealing nuclear secrets.",
            "USALEG",
            "CHN",
            "1125",
        ),
        (
            "Zyuganov accused the Kremlin of betraying Serbia.",
            "RUSOPP",
            "RUSGOV",
            "112",
        ),
        (
            "Liamine Zeroual accused Morocco of harbouring militants.",
            "DZAGOV",
            "MAR",
            "112",
        ),
        (
            "Jean-Luc Dehaene criticised the Dutch government.",
            "BELGOV",
            "NLDGOV",
            "111",
        ),
    ]);
}

#[test]
fn a_former_title_before_a_person_makes_a_former_official() {
    // Without a document date the person's latest office was taken, as if
    // "former" had not been written.
    check(&[
        (
            "Former President Bill Clinton praised Senator John McCain.",
            "USAELI",
            "USALEG",
            "051",
        ),
        (
            "Former Prime Minister Nawaz Sharif accused India of meddling.",
            "PAKELI",
            "IND",
            "112",
        ),
    ]);
}

#[test]
fn an_allied_compound_puts_the_force_on_its_allys_side() {
    // "X-allied" was a bare modifier: the role took the country of the
    // actor it attacked (IRQREB, GEOREB), as if the fighters were that
    // country's own rebels.
    check(&[
        (
            "Iran-aligned militias shelled an Iraqi army base.",
            "IRNREB",
            "IRQMIL",
            "194",
        ),
        (
            "Russia-allied fighters attacked Georgian police.",
            "RUSREB",
            "GEOCOP",
            "190",
        ),
        (
            "The Saudi-led group of states imposed a blockade on Qatar.",
            "SAU",
            "QAT",
            "191",
        ),
    ]);
}

#[test]
fn companies_known_by_name_are_their_countrys_business() {
    // No company was in the dictionaries: the sentences gave no event.
    check(&[
        (
            "Washington imposed sanctions on Huawei.",
            "USAGOV",
            "CHNBUS",
            "163",
        ),
        (
            "Ukraine accused Gazprom of blackmail.",
            "UKR",
            "RUSBUS",
            "112",
        ),
        (
            "Pemex signed a supply deal with Repsol.",
            "MEXBUS",
            "ESPBUS",
            "057",
        ),
    ]);
}

#[test]
fn peacekeeping_troops_belong_to_the_organisation_before_them() {
    // "peacekeeping" cut the organisation off its troops, which then took
    // a country from the sentence (SRBMIL; no event for the UN one).
    check(&[
        (
            "NATO peacekeeping troops detained two Serb gunmen.",
            "IGOWSTNAT",
            "SRBUAF",
            "173",
        ),
        (
            "UN peacekeeping troops accused Mali's army of abuses.",
            "IGOUNO",
            "MLIMIL",
            "112",
        ),
    ]);
}

#[test]
fn gop_lawmakers_are_american() {
    // The nickname was unknown, so "lawmakers" took the other country of
    // the sentence (CHNLEG criticising China).
    check(&[
        ("GOP lawmakers criticised China.", "USALEG", "CHN", "111"),
        (
            "The GOP accused the White House of lying.",
            "USA",
            "USAGOV",
            "112",
        ),
    ]);
}

#[test]
fn extremist_movements_known_by_name_are_radicals() {
    // Unknown names: no source at all, or only the role noun after them
    // (INDOPP for "activists").
    check(&[
        (
            "The Proud Boys clashed with police in Portland.",
            "USARAD",
            "USACOP",
            "190",
        ),
        (
            "Bajrang Dal activists attacked a church in Karnataka.",
            "INDRAD",
            "INDREL",
            "190",
        ),
    ]);
}

#[test]
fn republicans_are_american() {
    // "Republicans" was no actor: "Republicans in the Senate" gave no
    // source, and "Congress" after "in" is a place.
    check(&[
        (
            "Republicans in the Senate accused Venezuela of rigging the vote.",
            "USA",
            "VEN",
            "112",
        ),
        (
            "House Republicans criticised Mexico over border security.",
            "USA",
            "MEX",
            "111",
        ),
    ]);
}

#[test]
fn separatist_and_resistance_movements_known_by_name() {
    check(&[
        (
            "The Movement for the Actualization of the Sovereign State of Biafra accused the Nigerian army of killing its members.",
            "NGAREB",
            "NGAMIL",
            "1121",
        ),
        (
            "The Islamic Resistance said it fired rockets at Israeli positions.",
            "LBNREB",
            "ISRMIL",
            "195",
        ),
    ]);
}

#[test]
fn the_head_of_a_body_is_the_bodys() {
    // "its president" after a body with a role of its own took the
    // government of the body's country (ZMBGOV, PSEGOV); a bare country
    // still gives its government.
    check(&[
        (
            "The Zambian teachers' union said its president had complained to the education minister about unpaid salaries.",
            "ZMBLAB",
            "ZMBGOV",
            "114",
        ),
        (
            "Hamas said its spokesman had criticised Egypt over the border closure.",
            "PSEREB",
            "EGY",
            "111",
        ),
        (
            "Russia said its president would meet Chinese officials.",
            "RUSGOV",
            "CHNGOV",
            "036",
        ),
    ]);
}

#[test]
fn a_complement_of_common_words_names_no_country() {
    // "police in the area" was read as "police in X" with X unknown and
    // the role left without a country; common words name no place, so the
    // role takes the sentence's country as a bare role does.
    check(&[
        (
            "Kenya said police in the area had arrested three journalists.",
            "KENCOP",
            "KENMED",
            "173",
        ),
        (
            "Ghana said soldiers in uniform had attacked the protesters.",
            "GHAMIL",
            "GHAOPP",
            "190",
        ),
        (
            "Ethiopia said that students in protest had attacked police stations.",
            "ETHEDU",
            "ETHCOP",
            "190",
        ),
    ]);
}

#[test]
fn a_role_takes_the_side_its_complement_names() {
    // "supporters of the exiled X": the first mention of the complement
    // gives the role its country once coreference has resolved it; before,
    // the role took the country of the sentence's first actor (KENOPP).
    check(&[(
        "Kenyan police arrested dozens of supporters of the exiled Ugandan opposition leader.",
        "KENCOP",
        "UGAOPP",
        "173",
    )]);
}

#[test]
fn leaders_of_the_cold_war_decades_are_known_by_name() {
    // None of these names was in the persons dictionary.
    check(&[
        (
            "Leonid Brezhnev accused China of provoking border clashes.",
            "RUSGOV",
            "CHN",
            "112",
        ),
        (
            "Julius Nyerere accused Idi Amin of invading Tanzania.",
            "TZAGOV",
            "UGAGOV",
            "1123",
        ),
        (
            "Jawaharlal Nehru criticised Pakistan over Kashmir.",
            "INDGOV",
            "PAK",
            "111",
        ),
        (
            "Salvador Allende accused the United States of economic aggression.",
            "CHLGOV",
            "USA",
            "1123",
        ),
        (
            "Houari Boumediene criticised France over the oil dispute.",
            "DZAGOV",
            "FRA",
            "111",
        ),
        (
            "Henry Kissinger urged Israel to withdraw from the Sinai.",
            "USAGOV",
            "ISR",
            "0256",
        ),
    ]);
}

#[test]
fn security_bodies_known_by_their_own_names() {
    // None of these names was known: no source, or a generic role noun
    // ("Police Force", "Battalion") that took another country.
    check(&[
        (
            // (not "two men suspected of spying for Russia": people that
            // no phrase gives a country are the scene's, here Ireland's)
            "The Garda arrested a Russian diplomat suspected of spying.",
            "IRLCOP",
            "RUSGOV",
            "173",
        ),
        (
            "The RCMP charged a Chinese diplomat.",
            "CANCOP",
            "CHNGOV",
            "173",
        ),
        (
            "The Border Security Force accused Bangladesh of sheltering smugglers.",
            "INDMIL",
            "BGD",
            "112",
        ),
        (
            "The Frontier Corps accused Afghanistan of sheltering militants.",
            "PAKMIL",
            "AFG",
            "112",
        ),
        (
            "The Supreme People's Court sentenced a Canadian citizen to death.",
            "CHNJUD",
            "CANCVL",
            "116",
        ),
        (
            "The Stasi arrested dissidents in Leipzig.",
            "DEUSPY",
            "DEUOPP",
            "173",
        ),
    ]);
}

#[test]
fn china_s_state_council_is_a_body_not_the_state() {
    // "The State" of "The State Council" was read as the description "the
    // state" and, unresolved, stood in the source slot; a description that
    // runs into a name is now none, and the council is China's cabinet.
    check(&[(
        "The State Council approved emergency aid to Laos.",
        "CHNGOV",
        "LAO",
        "070",
    )]);
}

#[test]
fn agencies_and_central_banks_known_by_their_own_names() {
    // A central bank read as "Bank of X" was a bank (GBRBUS); the agencies
    // were unknown.
    check(&[
        (
            "The Bank of England warned Britain of a recession.",
            "GBRGOV",
            "GBR",
            "130",
        ),
        (
            "The EFCC arrested a businessman accused of bribing Ghanaian officials.",
            "NGAGOV",
            "NGABUS",
            "173",
        ),
        (
            "The Fish and Wildlife Service returned rare turtles to Madagascar.",
            "USAGOV",
            "MDG",
            "0842",
        ),
    ]);
}

#[test]
fn a_region_adjective_before_a_role_or_its_states_is_the_region() {
    // CAMEO's region codes: "European ministers" were a role of no country
    // and gave no event; a region adjective alone ("the European market")
    // still names no one.
    check(&[
        (
            "Nordic ministers urged Belarus to release the jailed reporters.",
            "SCNGOV",
            "BLR",
            "0253",
        ),
        (
            "Latin American governments condemned Nicaragua over the expulsions.",
            "LAMGOV",
            "NIC",
            "111",
        ),
        (
            "Japan shipped vaccines to several Southeast Asian nations.",
            "JPN",
            "SEA",
            "073",
        ),
        (
            "Western powers accused Belarus of staging the migrant crisis.",
            "WST",
            "BLR",
            "112",
        ),
    ]);
}

#[test]
fn people_take_the_country_of_a_place_in_their_own_phrase() {
    // "man", "women", "families" are actors only with a country of their
    // own phrase (a document's country is not enough: see the coref tests).
    check(&[
        (
            "Qatar has sent food parcels to 4,000 families in Gaza.",
            "QAT",
            "PSECVL",
            "073",
        ),
        (
            "Peru's top prosecutor sought the release of an Ohio man held in Lima.",
            "PERJUD",
            "USACVL",
            "0253",
        ),
        (
            "Lebanese families accused the army of negligence.",
            "LBNCVL",
            "LBNMIL",
            "112",
        ),
    ]);
}

#[test]
fn people_given_aid_or_protesting_take_the_scene_s_country() {
    // code set `scene-country` now holds aid (07) and protests (14): people
    // with no country of their own phrase are the country of the place the
    // verb's clause names.
    common::check_prefix_rows(&[
        (
            "Canada flew tents and blankets to 2,000 families last week after the floods in Pakistan.",
            "CAN",
            "PAKCVL",
            "07",
        ),
        (
            "Hundreds of women blocked roads in Bangkok in defiance of the army.",
            "THACVL",
            "THAGOV",
            "14",
        ),
    ]);
}

#[test]
fn people_are_civilians_of_their_own_phrase_and_their_country_in_the_scene() {
    // "people" is a civilian role noun that takes a country only from its
    // own phrase ("people in Tanzania"); in acts of the scene (force,
    // arrests, aid, protests) people the text gives no role are their
    // country alone, as people counted without a noun are (rule 1).
    common::check_prefix_rows(&[
        ("Kenya praised people in Tanzania.", "KEN", "TZACVL", "05"),
        (
            "Thousands of people in Tbilisi demonstrated against the government.",
            "GEO",
            "GEOGOV",
            "14",
        ),
        (
            "Hundreds of people blocked a highway in Bolivia to protest against the army.",
            "BOL",
            "BOLMIL",
            "14",
        ),
        // counted victims of force keep the bare country of their own
        // phrase or of the scene
        ("Rebels shot five people in Goma.", "CODREB", "COD", "19"),
        (
            "Soldiers detained dozens of people in a village near Kandahar.",
            "AFGMIL",
            "AFG",
            "17",
        ),
    ]);
}

#[test]
fn a_country_possessive_without_its_apostrophe_before_a_role() {
    // "Kenyas government": a one-word country name and an "s", right
    // before a role noun, is that country's possessive
    common::check_prefix_rows(&[
        (
            "Kenyas government rejected the proposal by Uganda.",
            "KENGOV",
            "UGA",
            "12",
        ),
        ("Perus president condemned Chile.", "PERGOV", "CHL", "111"),
    ]);
}

#[test]
fn capitalised_people_inside_a_sentence_is_part_of_a_name() {
    // "the Sudanese People's Front" is a group the dictionaries do not
    // know, not Sudan's civilians: only its adjective is read
    common::check_prefix_rows(&[(
        "The army of Chad attacked the Sudanese People's Front.",
        "TCDMIL",
        "SDN",
        "19",
    )]);
}

#[test]
fn role_nouns_in_a_row_are_placed_by_the_last_one_s_phrase() {
    // "Kurdish militants in the south of X", "a Christian pastor from
    // Ohio": a people's or faith's noun before a role noun that its own
    // phrase places is part of that role's mention (the last noun is the
    // head), not an actor of no country standing for the phrase
    common::check_triples(&[
        (
            "Damascus threatened to bomb Kurdish militants in northern Iraq.",
            &[("SYRGOV", "IRQREB", "138")],
        ),
        (
            "Kenyan police arrested a Christian pastor from Ohio.",
            &[("KENCOP", "USAREL", "173")],
        ),
        // people "from" a city are of its country, as "from" a country
        (
            "Kenyan police arrested a journalist from Ohio.",
            &[("KENCOP", "USAMED", "173")],
        ),
        // the line between two countries is passed to the place after it
        (
            "Damascus threatened to bomb militants across the border in Iraq.",
            &[("SYRGOV", "IRQREB", "138")],
        ),
    ]);
}
