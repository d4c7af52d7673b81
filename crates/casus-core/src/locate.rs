//! Where events happen: the gazetteer (`dict/geo/*.tsv`) and the pass that
//! gives each coded event the most specific place its sentence supports.
//!
//! The rules, in order, each recorded in [`Place::rule`]:
//! 1. `attacked place` / `visited place`: the target of an attack, fight or
//!    visit is itself a place ("shelled Kharkiv", "visited Mumbai");
//! 2. `in X`: a place after in/near/at/outside... in the trigger's clause
//!    (the nearest such phrase, one after the trigger first);
//! 3. `dateline`: the document's dateline; for violence only when its
//!    country is one of the actors' (a Washington dateline does not place a
//!    Kharkiv shelling);
//! 4. `sentence country` / `actor country`: a country the sentence names as
//!    a place, else the country the actors imply (the target's for
//!    force, the source's otherwise), as a country-level place.
//!
//! Names that several places share ("Georgia", "Paris", "Tripoli") go to a
//! place in one of the document's countries (its actors and its other
//! unambiguous places), a qualifier ("Paris, Texas") wins over both, and
//! otherwise a country beats a division beats a city, then population.

use crate::builtin::lang_list;
use crate::dict::{DictError, Source};
use crate::event::{Document, Event, Place};
use crate::rules::CodeSets;
use std::collections::{HashMap, HashSet};

/// What a gazetteer entry is: matches GDELT's geo types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Feature {
    City,
    Adm1,
    Country,
}

impl Feature {
    pub fn as_str(self) -> &'static str {
        match self {
            Feature::City => "city",
            Feature::Adm1 => "adm1",
            Feature::Country => "country",
        }
    }
}

/// One place of the gazetteer, as a view into its compact storage.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GeoEntry<'a> {
    pub name: &'a str,
    pub feature: Feature,
    /// ISO 3166 alpha-3 (CAMEO) country code.
    pub country: &'a str,
    pub adm1: Option<&'a str>,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    pub geonameid: Option<u64>,
}

/// A byte range of [`Gazetteer::text`].
#[derive(Debug, Clone, Copy, Default)]
struct Span {
    start: u32,
    len: u32,
}

/// How a place is stored: its strings are ranges of one shared text, so
/// 34,000 places cost no allocation each (a place's country is the range
/// of that country's own code).
#[derive(Debug, Clone, Copy)]
struct Stored {
    name: Span,
    /// Empty when the place has no division.
    adm1: Span,
    country: Span,
    feature: Feature,
    lat: f64,
    lon: f64,
    population: u64,
    geonameid: Option<u64>,
}

/// A country's codes: GDELT writes FIPS 10-4, casus writes ISO alpha-3.
#[derive(Debug, Clone, PartialEq)]
pub struct CountryCodes {
    pub iso3: String,
    pub iso2: String,
    pub fips: String,
    pub name: String,
}

/// The compiled gazetteer: entries and a name index. The index holds a
/// 64-bit hash of each lower-cased name (and alias) beside its entry,
/// sorted: about 350,000 names load without one allocation each. A lookup
/// reads the slice of the index that shares the hash's top bits (`buckets`)
/// and searches only that: every capitalised run of words in an event's
/// sentences is looked up, and a binary search over the whole index missed
/// the cache on most of its nineteen steps (two names sharing a hash would
/// share candidates, which resolution then sorts out; none do today).
#[derive(Debug, Default)]
pub struct Gazetteer {
    entries: Vec<Stored>,
    /// Every name, division and country code of `entries`, end to end.
    text: String,
    /// (name hash, entry, the entry's own name rather than an alias)
    index: Vec<(u64, u32, bool)>,
    /// `buckets[b]..buckets[b + 1]` is the part of `index` whose hashes have
    /// `b` as their top `BUCKET_BITS` bits; empty until built.
    buckets: Vec<u32>,
    countries: HashMap<String, CountryCodes>,
    /// The country-level entry of each ISO alpha-3 code.
    country_entry: HashMap<String, u32>,
    max_words: usize,
}

/// A word that no place is named by alone: a day, a month, or one of
/// `lang/en/never_places.txt`.
fn never_a_place(name: &str) -> bool {
    // lower-cased on the stack: every one of 180,000 names and aliases
    // passes here at start-up
    let mut buf = [0u8; 32];
    let owned;
    let lower = match buf.get_mut(..name.len()) {
        Some(b) => {
            b.copy_from_slice(name.as_bytes());
            b.make_ascii_lowercase();
            // ASCII lower-casing keeps UTF-8 valid
            std::str::from_utf8(b).unwrap_or_default()
        }
        None => {
            owned = name.to_ascii_lowercase();
            owned.as_str()
        }
    };
    crate::builtin::lang_set!("weekdays").contains(lower)
        || crate::builtin::lang_set!("months").contains(lower)
        || crate::builtin::lang_set!("never_places").contains(lower)
}

fn field<'a>(
    source: &Source,
    line: usize,
    cols: &[&'a str],
    i: usize,
    what: &str,
) -> Result<&'a str, DictError> {
    cols.get(i)
        .map(|s| s.trim())
        .ok_or_else(|| source.error(line, format!("missing column {} ({what})", i + 1)))
}

fn number<T: std::str::FromStr>(
    source: &Source,
    line: usize,
    text: &str,
    what: &str,
) -> Result<T, DictError> {
    text.parse()
        .map_err(|_| source.error(line, format!("{what} `{text}` is not a number")))
}

/// Feeds one word of a name into a name hash: lower case, curly
/// apostrophes straight; words are separated by a space.
fn hash_word(mut h: u64, word: &str, first: bool) -> u64 {
    let mut feed = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    };
    if !first {
        feed(b' ');
    }
    let mut buf = [0u8; 4];
    for c in word.chars() {
        if c.is_ascii() {
            // one byte, lower-cased alike by both ways
            feed(c.to_ascii_lowercase() as u8);
            continue;
        }
        let c = if matches!(c, '\u{2019}' | '\u{2018}') {
            '\''
        } else {
            c
        };
        for l in c.to_lowercase() {
            for &b in l.encode_utf8(&mut buf).as_bytes() {
                feed(b);
            }
        }
    }
    h
}

const HASH_START: u64 = 0xcbf2_9ce4_8422_2325;

fn name_hash<'a>(words: impl IntoIterator<Item = &'a str>) -> u64 {
    words
        .into_iter()
        .enumerate()
        .fold(HASH_START, |h, (i, w)| hash_word(h, w, i == 0))
}

impl Gazetteer {
    /// Builds the gazetteer from `geo/countries*.tsv`, `geo/adm1*.tsv` and
    /// `geo/cities*.tsv` (other `geo/*.tsv` files are read as places, the
    /// cities' columns). Every bad line is reported as file:line.
    pub fn build(sources: &[&Source]) -> Result<Gazetteer, DictError> {
        let mut g = Gazetteer::default();
        // Sized up front: grown by doubling, the two tables would hold up
        // to twice their size while loading, which sets the peak memory.
        let (mut lines, mut aliases) = (0, 0);
        for s in sources {
            for b in s.text.bytes() {
                lines += usize::from(b == b'\n');
                aliases += usize::from(b == b';');
            }
        }
        g.entries.reserve_exact(lines + sources.len());
        g.index.reserve_exact(lines + sources.len() + aliases);
        let mut errors = Vec::new();
        // Countries first, whatever the file order: places name them.
        let mut ordered: Vec<&&Source> = sources.iter().collect();
        ordered.sort_by_key(|s| !file_name(&s.name).starts_with("countries"));
        for s in ordered {
            let countries = file_name(&s.name).starts_with("countries");
            let feature = if file_name(&s.name).starts_with("adm1") {
                Feature::Adm1
            } else {
                Feature::City
            };
            // one vector of columns for every line
            let mut cols: Vec<&str> = Vec::new();
            for (n, line) in s.text.lines().enumerate() {
                let line_no = n + 1;
                if line.trim().is_empty() || line.starts_with('#') {
                    continue;
                }
                cols.clear();
                cols.extend(line.split('\t'));
                let result = if countries {
                    g.add_country(s, line_no, &cols)
                } else {
                    g.add_place(s, line_no, &cols, feature)
                };
                if let Err(e) = result {
                    errors.push(e);
                }
            }
        }
        DictError::collect(errors)?;
        g.index.sort_unstable();
        g.index.dedup_by_key(|(h, e, _)| (*h, *e));
        g.index.shrink_to_fit();
        g.buckets = bucket_starts(&g.index);
        g.entries.shrink_to_fit();
        g.text.shrink_to_fit();
        Ok(g)
    }

    fn add_country(&mut self, s: &Source, line: usize, cols: &[&str]) -> Result<(), DictError> {
        let iso3 = field(s, line, cols, 0, "iso3")?;
        if iso3.len() != 3 || !iso3.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(s.error(line, format!("`{iso3}` is not an ISO alpha-3 code")));
        }
        let iso2 = field(s, line, cols, 1, "iso2")?;
        let fips = field(s, line, cols, 2, "fips")?;
        let id = field(s, line, cols, 3, "geonameid")?;
        let name = field(s, line, cols, 4, "name")?;
        let lat: f64 = number(s, line, field(s, line, cols, 5, "lat")?, "lat")?;
        let lon: f64 = number(s, line, field(s, line, cols, 6, "lon")?, "lon")?;
        let population: u64 = number(
            s,
            line,
            field(s, line, cols, 7, "population")?,
            "population",
        )?;
        let aliases = cols.get(8).copied().unwrap_or("");
        check_coordinates(s, line, lat, lon)?;
        let entry = Stored {
            name: self.store(name),
            feature: Feature::Country,
            country: self.store(iso3),
            adm1: Span::default(),
            lat,
            lon,
            population,
            geonameid: if id.is_empty() {
                None
            } else {
                Some(number(s, line, id, "geonameid")?)
            },
        };
        self.countries.insert(
            iso3.to_string(),
            CountryCodes {
                iso3: iso3.to_string(),
                iso2: iso2.to_string(),
                fips: fips.to_string(),
                name: name.to_string(),
            },
        );
        let i = self.push(entry, name, aliases);
        self.country_entry.insert(iso3.to_string(), i);
        Ok(())
    }

    fn add_place(
        &mut self,
        s: &Source,
        line: usize,
        cols: &[&str],
        feature: Feature,
    ) -> Result<(), DictError> {
        let id = field(s, line, cols, 0, "geonameid")?;
        let name = field(s, line, cols, 1, "name")?;
        let iso3 = field(s, line, cols, 2, "country")?;
        let Some(&country) = self.country_entry.get(iso3) else {
            return Err(s.error(
                line,
                format!("country `{iso3}` is not in geo/countries.tsv"),
            ));
        };
        let adm1 = field(s, line, cols, 3, "adm1")?;
        let lat: f64 = number(s, line, field(s, line, cols, 4, "lat")?, "lat")?;
        let lon: f64 = number(s, line, field(s, line, cols, 5, "lon")?, "lon")?;
        let population: u64 = number(
            s,
            line,
            field(s, line, cols, 6, "population")?,
            "population",
        )?;
        check_coordinates(s, line, lat, lon)?;
        if name.is_empty() {
            return Err(s.error(line, "empty name".into()));
        }
        let entry = Stored {
            name: self.store(name),
            feature,
            country: self.entries[country as usize].country,
            adm1: self.store(adm1),
            lat,
            lon,
            population,
            geonameid: if id.is_empty() {
                None
            } else {
                Some(number(s, line, id, "geonameid")?)
            },
        };
        self.push(entry, name, cols.get(7).copied().unwrap_or(""));
        Ok(())
    }

    /// Appends a string to the shared text.
    fn store(&mut self, s: &str) -> Span {
        let start = self.text.len() as u32;
        self.text.push_str(s);
        Span {
            start,
            len: s.len() as u32,
        }
    }

    fn str(&self, span: Span) -> &str {
        &self.text[span.start as usize..(span.start + span.len) as usize]
    }

    /// The entry at an index of `entries`.
    fn entry(&self, i: u32) -> GeoEntry<'_> {
        let e = &self.entries[i as usize];
        GeoEntry {
            name: self.str(e.name),
            feature: e.feature,
            country: self.str(e.country),
            adm1: (e.adm1.len > 0).then(|| self.str(e.adm1)),
            lat: e.lat,
            lon: e.lon,
            population: e.population,
            geonameid: e.geonameid,
        }
    }

    fn push(&mut self, entry: Stored, own_name: &str, aliases: &str) -> u32 {
        let i = self.entries.len() as u32;
        let names = std::iter::once((own_name, true)).chain(
            aliases
                .split(';')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(|a| (a, false)),
        );
        for (name, own) in names {
            if never_a_place(name) {
                continue;
            }
            // the words counted and hashed in one pass (as `name_hash`)
            let (mut words, mut hash) = (0, HASH_START);
            for w in name.split_whitespace() {
                hash = hash_word(hash, w, words == 0);
                words += 1;
            }
            self.max_words = self.max_words.max(words);
            // own names sort before aliases of the same entry, and dedup
            // keeps the first
            self.index.push((hash, i, !own));
        }
        self.entries.push(entry);
        i
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// A country's codes by ISO alpha-3 (FIPS 10-4 for GDELT's columns).
    pub fn country(&self, iso3: &str) -> Option<&CountryCodes> {
        self.countries.get(iso3)
    }

    /// The FIPS 10-4 code of an ISO alpha-3 country code.
    pub fn fips(&self, iso3: &str) -> Option<&str> {
        self.countries
            .get(iso3)
            .map(|c| c.fips.as_str())
            .filter(|f| !f.is_empty())
    }

    /// Every entry a name may mean (exact name or alias, any case).
    pub fn lookup(&self, name: &str) -> Vec<GeoEntry<'_>> {
        self.candidates(name_hash(name.split_whitespace()))
            .into_iter()
            .map(|(i, _)| self.entry(i))
            .collect()
    }

    /// The index rows of a name hash.
    fn rows(&self, hash: u64) -> &[(u64, u32, bool)] {
        let b = bucket_of(hash);
        let (Some(&from), Some(&to)) = (self.buckets.get(b), self.buckets.get(b + 1)) else {
            return &[];
        };
        let bucket = &self.index[from as usize..to as usize];
        let start = bucket.partition_point(|(h, _, _)| *h < hash);
        let len = bucket[start..]
            .iter()
            .take_while(|(h, _, _)| *h == hash)
            .count();
        &bucket[start..start + len]
    }

    /// (entry, own name) for a name hash.
    fn candidates(&self, hash: u64) -> Vec<(u32, bool)> {
        self.rows(hash)
            .iter()
            .map(|(_, e, alias)| (*e, !alias))
            .collect()
    }

    fn has(&self, hash: u64) -> bool {
        !self.rows(hash).is_empty()
    }

    fn country_place(&self, iso3: &str, rule: &str) -> Option<Place> {
        let i = *self.country_entry.get(iso3)?;
        Some(to_place(self.entry(i), rule))
    }
}

/// 2^18 buckets for about 350,000 names: one or two rows each, and a table
/// of 1 MiB.
const BUCKET_BITS: u32 = 18;

fn bucket_of(hash: u64) -> usize {
    (hash >> (64 - BUCKET_BITS)) as usize
}

/// Where each bucket starts in the sorted index, and one past the end.
fn bucket_starts(index: &[(u64, u32, bool)]) -> Vec<u32> {
    let mut starts = vec![0u32; (1 << BUCKET_BITS) + 1];
    for (h, _, _) in index {
        starts[bucket_of(*h) + 1] += 1;
    }
    for b in 1..starts.len() {
        starts[b] += starts[b - 1];
    }
    starts
}

fn file_name(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

fn check_coordinates(s: &Source, line: usize, lat: f64, lon: f64) -> Result<(), DictError> {
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return Err(s.error(line, format!("coordinates {lat},{lon} out of range")));
    }
    Ok(())
}

fn to_place(e: GeoEntry, rule: &str) -> Place {
    Place {
        name: e.name.to_string(),
        feature: e.feature.as_str().to_string(),
        country: e.country.to_string(),
        adm1: e.adm1.map(str::to_string),
        lat: e.lat,
        lon: e.lon,
        feature_id: e.geonameid,
        rule: rule.to_string(),
    }
}

/// A word of the text, with its byte span.
#[derive(Debug, Clone)]
struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    /// Starts with an upper-case letter.
    cap: bool,
    punct: bool,
}

fn words(text: &str) -> Vec<Word<'_>> {
    // read in place: a vector of every character (16 bytes each) cost
    // more than the rest of placing an event
    let at = |pos: usize| match *text.as_bytes().get(pos)? {
        b if b.is_ascii() => Some(char::from(b)),
        _ => text[pos..].chars().next(),
    };
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(c) = at(pos) {
        let start = pos;
        if c.is_whitespace() {
            pos += c.len_utf8();
            continue;
        }
        let mut end = start;
        if c.is_alphanumeric() {
            let mut inner_dot = false;
            while let Some(ch) = at(end) {
                let after = end + ch.len_utf8();
                let inner = matches!(ch, '\'' | '\u{2019}' | '-' | '.')
                    && at(after).is_some_and(char::is_alphanumeric);
                if ch.is_alphanumeric() || inner {
                    inner_dot |= ch == '.';
                    end = after;
                } else {
                    break;
                }
            }
            // "U.S." keeps its final dot
            if inner_dot && at(end) == Some('.') {
                end += 1;
            }
        } else {
            end = start + c.len_utf8();
        }
        let w = &text[start..end];
        // "Ukraine's" is Ukraine
        let w = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix("\u{2019}s"))
            .unwrap_or(w);
        out.push(Word {
            start,
            end: start + w.len(),
            text: w,
            cap: c.is_uppercase(),
            punct: !c.is_alphanumeric(),
        });
        pos = end;
    }
    out
}

/// A gazetteer name found in the text.
#[derive(Debug, Clone)]
struct Found {
    start: usize,
    end: usize,
    /// Index of the first word and one past the last.
    first: usize,
    last: usize,
    candidates: Vec<(u32, bool)>,
    /// A qualifier after a comma ("Paris, Texas") narrowed the candidates.
    qualified: bool,
}

/// Whether a word is in a built-in word list, in any case.
fn one_of(word: &str, list: &str) -> bool {
    lang_list(list).iter().any(|l| l.eq_ignore_ascii_case(word))
}

fn find_names(g: &Gazetteer, ws: &[Word]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if !ws[i].cap || ws[i].punct {
            i += 1;
            continue;
        }
        // the hashes of the name's possible spans, one word longer each;
        // a span ends on a capitalised word ("Gulf of Aden", not "Gulf of")
        let mut spans: Vec<(usize, u64)> = Vec::new();
        let mut h = HASH_START;
        for (n, w) in ws[i..].iter().take(g.max_words).enumerate() {
            if w.punct || !(w.cap || one_of(w.text, "name_connectors")) {
                break;
            }
            h = hash_word(h, w.text, n == 0);
            if w.cap {
                spans.push((n + 1, h));
            }
        }
        let hit = spans
            .iter()
            .rev()
            .find(|(_, h)| g.has(*h))
            .map(|&(n, h)| (n, g.candidates(h)));
        match hit {
            Some((n, candidates)) => {
                let mut f = Found {
                    start: ws[i].start,
                    end: ws[i + n - 1].end,
                    first: i,
                    last: i + n,
                    candidates,
                    qualified: false,
                };
                qualify(g, ws, &mut f);
                i = f.last;
                out.push(f);
            }
            None => i += 1,
        }
    }
    out
}

/// "Paris, Texas" / "Tripoli, Lebanon": a division or country after a
/// comma keeps the candidates inside it and joins the name.
fn qualify(g: &Gazetteer, ws: &[Word], f: &mut Found) {
    if f.candidates.len() < 2 || ws.get(f.last).is_none_or(|w| w.text != ",") {
        return;
    }
    for n in (1..=3).rev() {
        let Some(span) = ws.get(f.last + 1..f.last + 1 + n) else {
            continue;
        };
        if !span.iter().all(|w| w.cap && !w.punct) {
            continue;
        }
        let quals = g.candidates(name_hash(span.iter().map(|w| w.text)));
        if quals.is_empty() {
            continue;
        }
        let inside: Vec<(u32, bool)> = f
            .candidates
            .iter()
            .copied()
            .filter(|(c, _)| {
                let e = g.entry(*c);
                quals.iter().any(|(q, _)| {
                    let q = g.entry(*q);
                    e.feature < q.feature
                        && e.country == q.country
                        && (q.feature == Feature::Country || e.adm1 == q.adm1)
                })
            })
            .collect();
        if !inside.is_empty() {
            f.candidates = inside;
            f.qualified = true;
            f.last += 1 + n;
            f.end = span[n - 1].end;
            return;
        }
    }
}

/// The entry a found name stands for in this document. A document about
/// one country is strong evidence for that country's namesake; a document
/// about several is weak evidence, which a namesake abroad five times larger
/// outweighs (Russian and US envoys meeting "in Geneva" meet in
/// Switzerland, not in Geneva, Illinois).
fn resolve(g: &Gazetteer, f: &Found, doc_countries: &HashSet<String>) -> u32 {
    let largest_abroad = f
        .candidates
        .iter()
        .map(|(i, _)| g.entry(*i))
        .filter(|e| !doc_countries.contains(e.country))
        .map(|e| e.population)
        .max()
        .unwrap_or(0);
    f.candidates
        .iter()
        .max_by_key(|(i, own)| {
            let e = g.entry(*i);
            let in_doc = doc_countries.contains(e.country)
                && (doc_countries.len() == 1 || e.population.saturating_mul(5) >= largest_abroad);
            (
                in_doc,
                e.feature == Feature::Country,
                *own,
                e.feature,
                e.population,
                std::cmp::Reverse(*i),
            )
        })
        .map(|(i, _)| *i)
        .unwrap_or(0)
}

fn code_country<'a>(g: &Gazetteer, code: &'a str) -> Option<&'a str> {
    let c = code.get(..3)?;
    g.countries.contains_key(c).then_some(c)
}

/// Fills [`Event::place`] for the events of one document; `sets` says
/// which codes are placed by their target (`rules/code_sets.txt`).
pub fn locate(g: &Gazetteer, sets: &CodeSets, doc: &Document, events: &mut [Event]) {
    if events.iter().all(|e| e.target.is_some()) {
        return locate_all(g, sets, doc, events);
    }
    // Single-actor events (`CodeOptions::monadic`) bring more sentences and
    // countries into the document's context: the dyadic events are placed
    // without them, so that their places are those of the default output.
    let mut dyadic: Vec<Event> = events
        .iter()
        .filter(|e| e.target.is_some())
        .cloned()
        .collect();
    locate_all(g, sets, doc, &mut dyadic);
    locate_all(g, sets, doc, events);
    let mut places = dyadic.into_iter().map(|e| e.place);
    for e in events.iter_mut().filter(|e| e.target.is_some()) {
        e.place = places.next().flatten();
    }
}

fn locate_all(g: &Gazetteer, sets: &CodeSets, doc: &Document, events: &mut [Event]) {
    if g.is_empty() || events.is_empty() {
        return;
    }
    let text = doc.text.as_str();
    // Only the events' sentences and the opening (where a dateline stands)
    // are read: a long story with one event costs one sentence.
    let mut ranges: Vec<(usize, usize)> = events
        .iter()
        .map(|e| (e.evidence.sentence[0], e.evidence.sentence[1]))
        .chain([(0, DATELINE_BYTES)])
        .map(|(a, b)| (a.min(text.len()), b.min(text.len())))
        .collect();
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (a, b) in ranges {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    let mut ws: Vec<Word> = Vec::new();
    for (a, b) in merged {
        let (mut a, mut b) = (a, b);
        while !text.is_char_boundary(a) {
            a += 1;
        }
        while !text.is_char_boundary(b) {
            b -= 1;
        }
        if a >= b {
            continue;
        }
        ws.extend(words(&text[a..b]).into_iter().map(|mut w| {
            w.start += a;
            w.end += a;
            w
        }));
    }
    let mut found = find_names(g, &ws);
    // The document's countries: its actors, and places only one country has.
    let mut doc_countries: HashSet<String> = HashSet::new();
    for e in events.iter() {
        for code in std::iter::once(&e.source).chain(&e.target) {
            if let Some(c) = code_country(g, code) {
                doc_countries.insert(c.to_string());
            }
        }
    }
    // An alternate spelling of a small town abroad is more often a word or
    // a name ("Borno" is an alias of a German Borna): keep alias matches
    // in the document's countries, of large places, or qualified.
    found.retain(|f| {
        f.qualified
            || f.candidates.iter().any(|(i, own)| {
                let e = g.entry(*i);
                *own || doc_countries.contains(e.country) || e.population >= 500_000
            })
    });
    for f in found
        .iter()
        .filter(|f| f.candidates.iter().any(|(_, own)| *own))
    {
        let countries: HashSet<&str> = f
            .candidates
            .iter()
            .map(|(i, _)| g.entry(*i).country)
            .collect();
        if countries.len() == 1 || f.qualified {
            doc_countries.insert(g.entry(f.candidates[0].0).country.to_string());
        }
    }
    // The dateline is looked for only when an event falls back to it, and
    // only when the coder saw one or a place (it sets `location` then).
    let any_location = events.iter().any(|e| e.location.is_some());
    let dateline_cell = std::cell::OnceCell::new();
    let dateline = || {
        *dateline_cell.get_or_init(|| {
            any_location
                .then(|| dateline_place(g, doc, &found, &doc_countries))
                .flatten()
        })
    };
    for e in events.iter_mut() {
        e.place = place_for(g, sets, e, &ws, &found, &doc_countries, &dateline);
    }
}

/// Where a dateline may stand: after a headline, at the start of the
/// story's first paragraph, so within its first bytes.
const DATELINE_BYTES: usize = 400;

fn dateline_place(
    g: &Gazetteer,
    doc: &Document,
    found: &[Found],
    doc_countries: &HashSet<String>,
) -> Option<u32> {
    // A dateline opens the story: segmenting only its first bytes keeps a
    // long document from being read twice.
    let mut end = doc.text.len().min(DATELINE_BYTES);
    while !doc.text.is_char_boundary(end) {
        end -= 1;
    }
    let layer = crate::text::TextLayer::new(&doc.text[..end]);
    let s = layer.sentences.iter().find(|s| s.dateline.is_some())?;
    let d = s.dateline.clone()?;
    let span =
        layer.tokens.get(d.start)?.span.start..layer.tokens.get(d.end.checked_sub(1)?)?.span.end;
    found
        .iter()
        .find(|f| f.start >= span.start && f.end <= span.end)
        .map(|f| resolve(g, f, doc_countries))
}

fn place_for(
    g: &Gazetteer,
    sets: &CodeSets,
    e: &Event,
    ws: &[Word],
    found: &[Found],
    doc_countries: &HashSet<String>,
    dateline: &dyn Fn() -> Option<u32>,
) -> Option<Place> {
    let [s0, s1] = e.evidence.sentence;
    let [t0, t1] = e.evidence.trigger;
    let [g0, g1] = e.evidence.target.unwrap_or_default();
    let in_sentence: Vec<&Found> = found
        .iter()
        .filter(|f| f.start >= s0 && f.end <= s1)
        .collect();
    let entry = |f: &Found| g.entry(resolve(g, f, doc_countries));
    let source = code_country(g, &e.source);
    let target = e.target.as_deref().and_then(|t| code_country(g, t));
    // 1. the target is the place attacked or visited
    let visit = sets.contains("visit", &e.code);
    let mut chosen: Option<(GeoEntry, &str)> = None;
    if sets.contains("placed-by-target", &e.root) || visit {
        if let Some(f) = in_sentence
            .iter()
            .filter(|f| g1 > g0 && f.start >= g0 && f.start < g1)
            .filter(|f| target.is_none_or(|t| entry(f).country == t))
            .min_by_key(|f| entry(f).feature)
        {
            let rule = if visit {
                "visited place"
            } else {
                "attacked place"
            };
            chosen = Some((entry(f), rule));
        }
        // "travelled to X" for visits
        if chosen.is_none() && visit {
            if let Some(f) = in_sentence.iter().find(|f| {
                f.first > 0
                    && one_of(ws[f.first - 1].text, "destination_prepositions")
                    && f.start >= t1
            }) {
                chosen = Some((entry(f), "visited place"));
            }
        }
    }
    // 2. "in X", "near X", "north of X" in the trigger's clause
    if chosen.is_none_or(|(c, _)| c.feature == Feature::Country) {
        let clause_of = |pos: usize| clause(ws, pos);
        let trigger_clause = clause_of(t0);
        let mut best: Option<(&Found, (bool, bool, usize))> = None;
        for f in &in_sentence {
            if !locative(ws, f.first) {
                continue;
            }
            let c = clause_of(f.start);
            let same = c == trigger_clause;
            if !same && clause_says(ws, c) {
                continue;
            }
            let after = f.start >= t1;
            let dist = if after {
                f.start - t1
            } else {
                t0.saturating_sub(f.end)
            };
            let score = (same, after, usize::MAX - dist);
            if best.as_ref().is_none_or(|(_, b)| score > *b) {
                best = Some((f, score));
            }
        }
        if let Some((f, _)) = best {
            let p = entry(f);
            if chosen.is_none_or(|(c, _)| c.country == p.country) {
                chosen = Some((p, "in X"));
            }
        }
    }
    if let Some((p, rule)) = chosen {
        return Some(to_place(p, rule));
    }
    // 3. the dateline: talks and statements happen where the reporter is,
    // but a Washington dateline does not place a Kharkiv shelling.
    let violent = sets.contains("in-target-country", &e.root);
    if let Some(d) = dateline() {
        let p = g.entry(d);
        let actors: Vec<&str> = [source, target].into_iter().flatten().collect();
        if !violent || actors.is_empty() || actors.contains(&p.country) {
            return Some(to_place(p, "dateline"));
        }
    }
    // 4. the country the actors imply. Violence happens where its target
    // is; words, arrests and expulsions where the actor doing them is.
    let first = if violent {
        [target, source]
    } else {
        [source, target]
    };
    // A country the sentence names as a place ("in Mali") decides, unless
    // it is only the far end of the relation ("recalled its envoy from Mali").
    if let Some(l) = e
        .location
        .as_deref()
        .filter(|l| g.countries.contains_key(*l))
    {
        if first[0] == Some(l) || (source.is_none() && target.is_none()) {
            return g.country_place(l, "sentence country");
        }
    }
    first
        .into_iter()
        .flatten()
        .next()
        .and_then(|c| g.country_place(c, "actor country"))
}

/// Whether the word before a name makes it a location ("in", "north of").
fn locative(ws: &[Word], first: usize) -> bool {
    let Some(prev) = first.checked_sub(1).map(|i| ws[i].text) else {
        return false;
    };
    if one_of(prev, "place_prepositions") {
        return true;
    }
    // "north of X", "the outskirts of X"
    if one_of(prev, "possessive_links") {
        return first >= 2 && one_of(ws[first - 2].text, "of_locatives");
    }
    // "in southern X", "in central X", "in the X"
    let adjective = prev.ends_with("ern")
        || prev.ends_with("ral")
        || lang_list("definite_articles").contains(&prev);
    adjective && first >= 2 && one_of(ws[first - 2].text, "place_prepositions")
}

/// The clause a byte offset is in: commas, semicolons and dashes bound
/// clauses; the number is the clause's first byte.
fn clause(ws: &[Word], pos: usize) -> usize {
    ws.iter()
        .filter(|w| {
            w.punct && matches!(w.text, "," | ";" | "\u{2014}" | "(" | ")") && w.start < pos
        })
        .map(|w| w.end)
        .next_back()
        .unwrap_or(0)
}

fn clause_says(ws: &[Word], start: usize) -> bool {
    ws.iter()
        .skip_while(|w| w.start < start)
        .take_while(|w| !(w.punct && matches!(w.text, "," | ";" | "." | "\u{2014}")))
        .any(|w| one_of(w.text, "place_say_words"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word splitter as it was before it read the text in place: the
    /// reference the faster one must agree with.
    fn words_by_char_vector(text: &str) -> Vec<Word<'_>> {
        let mut out = Vec::new();
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut i = 0;
        while i < chars.len() {
            let (start, c) = chars[i];
            if c.is_whitespace() {
                i += 1;
                continue;
            }
            let mut j = i;
            if c.is_alphanumeric() {
                while j < chars.len() {
                    let ch = chars[j].1;
                    let inner = matches!(ch, '\'' | '\u{2019}' | '-' | '.')
                        && j + 1 < chars.len()
                        && chars[j + 1].1.is_alphanumeric();
                    if ch.is_alphanumeric() || inner {
                        j += 1;
                    } else {
                        break;
                    }
                }
                // "U.S." keeps its final dot
                if j < chars.len()
                    && chars[j].1 == '.'
                    && chars[i..j].iter().any(|(_, c)| *c == '.')
                {
                    j += 1;
                }
            } else {
                j += 1;
            }
            let end = chars.get(j).map(|(b, _)| *b).unwrap_or(text.len());
            let w = &text[start..end];
            // "Ukraine's" is Ukraine
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("\u{2019}s"))
                .unwrap_or(w);
            out.push(Word {
                start,
                end: start + w.len(),
                text: w,
                cap: c.is_uppercase(),
                punct: !c.is_alphanumeric(),
            });
            i = j;
        }
        out
    }

    #[test]
    fn words_read_in_place_are_the_words_of_the_reference_splitter() {
        for text in [
            "Fighting near Kharkiv's outskirts, the U.S. said; St. Louis-based O'Neil \u{2019}s x.",
            "A.B.C. met in Aix-en-Provence \u{2014} r\u{e9}sum\u{e9} at 3.5 p.m. on 12.05.",
            "trailing dot. and 'quote' - dash -x .5 U.S.",
            "",
            " \u{a0}\u{2019}s",
        ] {
            let got: Vec<_> = words(text)
                .iter()
                .map(|w| (w.start, w.end, w.text, w.cap, w.punct))
                .collect();
            let want: Vec<_> = words_by_char_vector(text)
                .iter()
                .map(|w| (w.start, w.end, w.text, w.cap, w.punct))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    fn gaz() -> Gazetteer {
        let countries = Source::new(
            "geo/countries.tsv",
            "# test\nUKR\tUA\tUP\t690791\tUkraine\t49\t32\t44000000\t\n\
             USA\tUS\tUS\t6252001\tUnited States\t39\t-98\t327000000\tU.S.; America\n\
             GEO\tGE\tGG\t614540\tGeorgia\t42\t43.5\t3700000\t\n\
             FRA\tFR\tFR\t3017382\tFrance\t46\t2\t66000000\t\n\
             LBY\tLY\tLY\t2215636\tLibya\t27\t17\t6600000\t\n\
             LBN\tLB\tLE\t272103\tLebanon\t33.8\t35.8\t6800000\t\n",
        );
        let adm1 = Source::new(
            "geo/adm1.tsv",
            "4197000\tGeorgia\tUSA\tUSGA\t33.5\t-84\t10000000\t\n\
             4736286\tTexas\tUSA\tUSTX\t31\t-97\t29000000\t\n",
        );
        let cities = Source::new(
            "geo/cities.tsv",
            "706483\tKharkiv\tUKR\tUP07\t49.98\t36.25\t1430885\tKharkov\n\
             703448\tKyiv\tUKR\tUP12\t50.45\t30.52\t2952301\tKiev\n\
             2988507\tParis\tFRA\tFR11\t48.85\t2.35\t2138551\t\n\
             4717560\tParis\tUSA\tUSTX\t33.66\t-95.55\t24782\t\n\
             2210247\tTripoli\tLBY\tLY77\t32.88\t13.18\t1302947\t\n\
             266826\tTripoli\tLBN\tLE09\t34.43\t35.84\t229398\t\n",
        );
        Gazetteer::build(&[&cities, &adm1, &countries]).unwrap()
    }

    #[test]
    fn bucketed_lookup_finds_every_name_and_only_it() {
        let g = gaz();
        assert_eq!(g.buckets.len(), (1 << BUCKET_BITS) + 1);
        assert_eq!(*g.buckets.last().unwrap() as usize, g.index.len());
        for (hash, _, _) in &g.index {
            let want: Vec<_> = g.index.iter().filter(|(h, _, _)| h == hash).collect();
            let got: Vec<_> = g.rows(*hash).iter().collect();
            assert_eq!(got, want);
        }
        // both Parises, and no row for a name the gazetteer lacks
        assert_eq!(g.lookup("paris").len(), 2);
        assert!(g.lookup("Atlantis").is_empty());
        assert!(!g.has(name_hash("Atlantis".split_whitespace())));
        // an empty gazetteer answers without a table
        assert!(Gazetteer::default().lookup("Paris").is_empty());
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        let bad = Source::new("geo/cities.tsv", "# x\n1\tX\tZZZ\t\t1\t2\t3\t\n2\tY\n");
        let err = Gazetteer::build(&[&bad]).unwrap_err();
        let all: Vec<String> = err.all().iter().map(|e| e.to_string()).collect();
        assert_eq!(all.len(), 2, "{all:?}");
        assert!(all[0].starts_with("geo/cities.tsv:2:"), "{all:?}");
        assert!(all[1].starts_with("geo/cities.tsv:3:"), "{all:?}");
    }

    #[test]
    fn names_resolve_by_document_countries_then_size() {
        let g = gaz();
        let ws = words("Tripoli and Paris, Texas and Georgia.");
        let found = find_names(&g, &ws);
        assert_eq!(found.len(), 3, "{found:?}");
        let none = HashSet::new();
        let lbn: HashSet<String> = ["LBN".to_string()].into();
        let usa: HashSet<String> = ["USA".to_string()].into();
        let both: HashSet<String> = ["LBN".to_string(), "USA".to_string()].into();
        let name = |f: &Found, d: &HashSet<String>| {
            let e = g.entry(resolve(&g, f, d));
            format!("{} {}", e.name, e.country)
        };
        assert_eq!(
            name(&found[0], &none),
            "Tripoli LBY",
            "the larger Tripoli by default"
        );
        assert_eq!(name(&found[0], &lbn), "Tripoli LBN");
        // a document about several countries is weak evidence: the Libyan
        // capital is more than five times the size of the Lebanese city
        assert_eq!(name(&found[0], &both), "Tripoli LBY");
        assert_eq!(name(&found[1], &none), "Paris USA", "the qualifier wins");
        assert_eq!(
            name(&found[2], &none),
            "Georgia GEO",
            "a country before a state"
        );
        assert_eq!(name(&found[2], &usa), "Georgia USA");
    }

    #[test]
    fn stored_entries_read_back_whole() {
        let g = gaz();
        let kyiv = g.lookup("Kyiv");
        assert_eq!(
            kyiv,
            vec![GeoEntry {
                name: "Kyiv",
                feature: Feature::City,
                country: "UKR",
                adm1: Some("UP12"),
                lat: 50.45,
                lon: 30.52,
                population: 2_952_301,
                geonameid: Some(703448),
            }]
        );
        let ukraine = g.lookup("Ukraine")[0];
        assert_eq!((ukraine.feature, ukraine.adm1), (Feature::Country, None));
        // a place's country is its country's own code, whatever the order
        // of the files
        let texas = g.lookup("Texas")[0];
        assert_eq!((texas.country, texas.adm1), ("USA", Some("USTX")));
        let place = g.country_place("GEO", "actor country").unwrap();
        assert_eq!((place.name.as_str(), place.adm1), ("Georgia", None));
        assert_eq!(place.feature_id, Some(614540));
    }

    #[test]
    fn names_and_aliases_are_found_in_any_case() {
        let g = gaz();
        assert_eq!(g.lookup("KIEV")[0].name, "Kyiv");
        assert_eq!(g.lookup("kharkiv")[0].feature, Feature::City);
        assert_eq!(g.lookup("United  States")[0].country, "USA");
        assert!(g.lookup("Kiev Oblast").is_empty());
        assert_eq!(g.fips("UKR"), Some("UP"));
        // in text, only capitalised words start a name, and the longest wins
        let ws = words("troops left kyiv for the United States on Friday");
        let found = find_names(&g, &ws);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            &"troops left kyiv for the United States on Friday"[found[0].start..found[0].end],
            "United States"
        );
    }

    #[test]
    fn locative_phrases_and_clauses() {
        let ws = words("Troops fought in southern Kharkiv, officials in Kyiv said.");
        let g = gaz();
        let found = find_names(&g, &ws);
        assert!(locative(&ws, found[0].first));
        assert!(locative(&ws, found[1].first));
        assert!(clause_says(&ws, clause(&ws, found[1].start)));
        assert!(!clause_says(&ws, clause(&ws, found[0].start)));
        assert_eq!(words("Ukraine's army")[0].text, "Ukraine");
        assert_eq!(words("the U.S. said")[1].text, "U.S.");
    }
}
