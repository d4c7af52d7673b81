//! Event dates: the document date unless the sentence anchors the event in
//! time ("on Wednesday", "last month", "on March 3", "yesterday"), resolved
//! against the document date.

use crate::date::{month_number, weekdays, Date};
use crate::dict::{strip_comment, DictError, Source};
use crate::text::TextLayer;
use std::ops::Range;

/// The unit of a relative date's offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateUnit {
    Day,
    Week,
    Month,
    Year,
}

/// A phrase that dates an event relative to the document date ("last
/// month": one month back), a line of `lang/<code>/relative_dates.txt`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelativeDate {
    /// The phrase's words, lowercase.
    pub words: Vec<String>,
    pub offset: i32,
    pub unit: DateUnit,
}

impl RelativeDate {
    /// The date this phrase names, seen from `document`. Months and years
    /// keep the day where the target month has it, else take its last day.
    pub fn resolve(&self, document: Date) -> Option<Date> {
        match self.unit {
            DateUnit::Day => document.add_days(i64::from(self.offset)),
            DateUnit::Week => document.add_days(7 * i64::from(self.offset)),
            DateUnit::Month => shift_month(document, self.offset),
            DateUnit::Year => shift_month(document, self.offset.checked_mul(12)?),
        }
    }

    fn matches_at(&self, layer: &TextLayer, i: usize, end: usize) -> bool {
        i + self.words.len() <= end
            && self
                .words
                .iter()
                .enumerate()
                .all(|(k, w)| layer.norm(i + k) == w)
    }
}

/// Reads a relative-date file: `PHRASE  OFFSET UNIT` a line (`last month
/// -1 month`), `#` comments. Every bad line is an error naming file and
/// line.
pub fn parse_relative_dates(source: &Source) -> Result<Vec<RelativeDate>, DictError> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (n, raw) in source.text.lines().enumerate() {
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        let parts: Vec<&str> = line.split_whitespace().collect();
        let bad = |why: &str| source.error(n + 1, format!("`{line}`: {why}"));
        if parts.len() < 3 {
            errors.push(bad(
                "expected a phrase, an offset and a unit (`last month  -1 month`)",
            ));
            continue;
        }
        let (words, rest) = parts.split_at(parts.len() - 2);
        let unit = match rest[1] {
            "day" | "days" => DateUnit::Day,
            "week" | "weeks" => DateUnit::Week,
            "month" | "months" => DateUnit::Month,
            "year" | "years" => DateUnit::Year,
            _ => {
                errors.push(bad("the unit is one of day, week, month, year"));
                continue;
            }
        };
        let Some(offset) = rest[0]
            .parse::<i32>()
            .ok()
            .filter(|o| (-1000..=1000).contains(o))
        else {
            errors.push(bad(
                "the offset is a whole number from -1000 to 1000 (`-1`, `+2`)",
            ));
            continue;
        };
        if words.iter().any(|w| w.chars().any(char::is_uppercase)) {
            errors.push(bad("words are lowercase (text is matched lowercased)"));
            continue;
        }
        out.push(RelativeDate {
            words: words.iter().map(|w| w.to_string()).collect(),
            offset,
            unit,
        });
    }
    DictError::collect(errors).map(|()| out)
}

/// The date of an event in `range` (a sentence, or the part of it that
/// holds the event), given the document date. `future` events look forward
/// ("on Monday" in a prediction is the coming Monday), others back.
pub fn anchor(
    layer: &TextLayer,
    range: Range<usize>,
    document: Date,
    future: bool,
    relative: &[RelativeDate],
) -> Option<Date> {
    let mut i = range.start;
    while i < range.end {
        if !layer.tokens[i].temporal {
            i += 1;
            continue;
        }
        let w = layer.norm(i);
        let next = (i + 1 < range.end).then(|| layer.norm(i + 1));
        if let Some(day) = weekdays().iter().position(|d| *d == w) {
            let today = i64::from(document.weekday());
            let day = day as i64;
            let delta = if future {
                (day - today).rem_euclid(7)
            } else {
                -((today - day).rem_euclid(7))
            };
            return document.add_days(delta);
        }
        if let Some(month) = month_number(w) {
            // "March 3", "March 3, 2024", "March 2024"
            let day = next
                .and_then(|n| n.parse::<u8>().ok())
                .filter(|d| (1..=31).contains(d));
            let year_token = (i + 2..(i + 5).min(range.end))
                .map(|k| layer.norm(k))
                .find(|t| t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()));
            let year = year_token.and_then(|y| y.parse::<u16>().ok());
            let day = day.unwrap_or(1);
            let candidate = |y: u16| Date::new(y, month, day);
            return match year {
                Some(y) => candidate(y),
                None => {
                    // without a year: the nearest such date that is not far in
                    // the future of a past-tense report
                    let this = candidate(document.year)?;
                    if !future && this.days() > document.days() + 7 {
                        candidate(document.year.checked_sub(1)?)
                    } else if future && this.days() < document.days() - 7 {
                        candidate(document.year.checked_add(1)?)
                    } else {
                        Some(this)
                    }
                }
            };
        }
        if let Some(r) = relative.iter().find(|r| r.matches_at(layer, i, range.end)) {
            return r.resolve(document);
        }
        if crate::builtin::lang_set!("same_day_words").contains(w) {
            return Some(document);
        }
        i += 1;
    }
    None
}

fn shift_month(d: Date, by: i32) -> Option<Date> {
    let index = i32::from(d.year) * 12 + i32::from(d.month) - 1 + by;
    let year = u16::try_from(index.div_euclid(12)).ok()?;
    let month = (index.rem_euclid(12) + 1) as u8;
    (1..=d.day)
        .rev()
        .find_map(|day| Date::new(year, month, day))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin_dates() -> Vec<RelativeDate> {
        let file = crate::builtin::sources()
            .into_iter()
            .find(|s| s.name == "lang/en/relative_dates.txt")
            .unwrap();
        parse_relative_dates(&file).unwrap()
    }

    fn at(text: &str, doc: &str, future: bool) -> Option<String> {
        let layer = TextLayer::new(text);
        let n = layer.tokens.len();
        let dates = builtin_dates();
        anchor(&layer, 0..n, Date::parse(doc).unwrap(), future, &dates).map(|d| d.to_string())
    }

    #[test]
    fn weekdays_resolve_back_for_reports_and_forward_for_plans() {
        // 2024-06-14 is a Friday
        assert_eq!(
            at("Kenya condemned Uganda on Wednesday.", "2024-06-14", false).as_deref(),
            Some("2024-06-12")
        );
        assert_eq!(
            at("Kenya condemned Uganda on Friday.", "2024-06-14", false).as_deref(),
            Some("2024-06-14")
        );
        assert_eq!(
            at("Kenya will visit Uganda on Monday.", "2024-06-14", true).as_deref(),
            Some("2024-06-17")
        );
    }

    #[test]
    fn calendar_dates_and_relative_periods() {
        assert_eq!(
            at("Talks began on March 3.", "2024-06-14", false).as_deref(),
            Some("2024-03-03")
        );
        assert_eq!(
            at("Talks began on December 30.", "2024-01-05", false).as_deref(),
            Some("2023-12-30")
        );
        assert_eq!(
            at("Talks began on March 3, 2022.", "2024-06-14", false).as_deref(),
            Some("2022-03-03")
        );
        assert_eq!(
            at("Troops left last month.", "2024-03-31", false).as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(
            at("Troops left yesterday.", "2024-03-01", false).as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(
            at("Troops left last week.", "2024-03-01", false).as_deref(),
            Some("2024-02-23")
        );
        assert_eq!(at("Troops left.", "2024-03-01", false), None);
    }

    #[test]
    fn anchors_at_the_edge_of_the_calendar_are_not_given() {
        // issue 9: "last year" from year 1 wrapped to 65535, "next week"
        // from 9999-12-31 gave year 10000
        assert_eq!(at("Troops left last year.", "0001-06-01", false), None);
        assert_eq!(at("Troops left last month.", "0001-01-15", false), None);
        assert_eq!(at("Troops will leave next week.", "9999-12-31", true), None);
        assert_eq!(
            at("Troops will leave next month.", "9999-12-01", true),
            None
        );
        assert_eq!(
            at("Talks will begin on January 3.", "9999-12-31", true),
            None
        );
        assert_eq!(at("Talks began on December 30.", "0001-01-02", false), None);
    }

    #[test]
    fn last_year_keeps_the_day_or_takes_the_last_day_of_the_month() {
        // "last year" was clamped to the 28th of any month: March 31 gave
        // March 28
        assert_eq!(
            at("Troops left last year.", "2024-03-31", false).as_deref(),
            Some("2023-03-31")
        );
        assert_eq!(
            at("Troops left last year.", "2024-02-29", false).as_deref(),
            Some("2023-02-28")
        );
        assert_eq!(
            at("Troops left last month.", "2023-03-31", false).as_deref(),
            Some("2023-02-28")
        );
        assert_eq!(
            at("Troops will leave next month.", "2024-01-31", true).as_deref(),
            Some("2024-02-29")
        );
    }

    #[test]
    fn relative_dates_come_from_the_file() {
        let file = Source::new(
            "lang/en/relative_dates.txt",
            "# comment\nthe day before yesterday  -2 days\nyesterday -1 day\n",
        );
        let dates = parse_relative_dates(&file).unwrap();
        assert_eq!(dates[0].words, ["the", "day", "before", "yesterday"]);
        let layer = TextLayer::new("Troops left the day before yesterday.");
        let n = layer.tokens.len();
        let doc = Date::parse("2024-03-01").unwrap();
        let got = (0..n).find_map(|i| {
            dates
                .iter()
                .find(|r| r.matches_at(&layer, i, n))
                .and_then(|r| r.resolve(doc))
        });
        assert_eq!(got.map(|d| d.to_string()).as_deref(), Some("2024-02-28"));
    }

    #[test]
    fn a_bad_relative_date_line_is_an_error_naming_file_and_line() {
        let file = Source::new(
            "lang/en/relative_dates.txt",
            "yesterday -1 day\nlast week -1 fortnight\nYesterday -1 day\nnext month\nsoon x day\n",
        );
        let all: Vec<String> = parse_relative_dates(&file)
            .unwrap_err()
            .all()
            .iter()
            .map(|e| e.to_string())
            .collect();
        assert_eq!(all.len(), 4, "{all:?}");
        assert!(
            all[0].starts_with("lang/en/relative_dates.txt:2: `last week -1 fortnight`: the unit"),
            "{all:?}"
        );
        assert!(
            all[1].starts_with("lang/en/relative_dates.txt:3:"),
            "{all:?}"
        );
        assert!(
            all[2].starts_with("lang/en/relative_dates.txt:4:"),
            "{all:?}"
        );
        assert!(
            all[3].starts_with("lang/en/relative_dates.txt:5: `soon x day`: the offset"),
            "{all:?}"
        );
    }
}
