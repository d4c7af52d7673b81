//! Event dates: the document date unless the sentence anchors the event in
//! time ("on Wednesday", "last month", "on March 3", "yesterday"), resolved
//! against the document date.

use crate::date::{month_number, weekdays, Date};
use crate::text::TextLayer;
use std::ops::Range;

/// The date of an event in `range` (a sentence, or the part of it that
/// holds the event), given the document date. `future` events look forward
/// ("on Monday" in a prediction is the coming Monday), others back.
pub fn anchor(
    layer: &TextLayer,
    range: Range<usize>,
    document: Date,
    future: bool,
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
        match (w, next) {
            ("yesterday", _) => return document.add_days(-1),
            (w, _) if crate::builtin::lang_set!("same_day_words").contains(w) => {
                return Some(document)
            }
            ("last", Some("week")) => return document.add_days(-7),
            ("next", Some("week")) => return document.add_days(7),
            ("last", Some("month")) => return shift_month(document, -1),
            ("next", Some("month")) => return shift_month(document, 1),
            ("last", Some("year")) => {
                return Date::new(
                    document.year.checked_sub(1)?,
                    document.month,
                    document.day.min(28),
                )
            }
            _ => {}
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

    fn at(text: &str, doc: &str, future: bool) -> Option<String> {
        let layer = TextLayer::new(text);
        let n = layer.tokens.len();
        anchor(&layer, 0..n, Date::parse(doc).unwrap(), future).map(|d| d.to_string())
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
}
