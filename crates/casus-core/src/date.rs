//! Calendar dates without a time zone: the document date, office terms and
//! validity ranges of dictionary entries. Only parsing and ordering are
//! needed, so this stays a small value type instead of a date library.

use serde::{Serialize, Serializer};
use std::fmt;

/// The years a [`Date`] may have. Dates outside are not dates to casus: a
/// document dated there is undated, and an anchored date ("last year") that
/// would fall outside is not given, so every stored date prints as
/// `YYYY-MM-DD` and week/month bucketing never leaves the calendar.
pub const YEARS: std::ops::RangeInclusive<u16> = 1..=9999;

/// A calendar date. Field order makes the derived ordering chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if !YEARS.contains(&year) {
            return None;
        }
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if (year.is_multiple_of(4) && !year.is_multiple_of(100))
                || year.is_multiple_of(400) =>
            {
                29
            }
            2 => 28,
            _ => return None,
        };
        (day >= 1 && day <= days_in_month).then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` or `YYYYMMDD`, the two forms the brief allows.
    pub fn parse(text: &str) -> Option<Date> {
        let text = text.trim();
        let digits: String = match text.len() {
            10 if text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-' => {
                text.split('-').collect()
            }
            8 => text.to_string(),
            _ => return None,
        };
        if digits.len() != 8 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year = digits[0..4].parse().ok()?;
        let month = digits[4..6].parse().ok()?;
        let day = digits[6..8].parse().ok()?;
        Date::new(year, month, day)
    }
}

impl Date {
    /// Days since 1970-01-01 (negative before), for date arithmetic.
    pub fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_days(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(u16::try_from(year).ok()?, month, day)
    }

    pub fn add_days(self, n: i64) -> Option<Date> {
        Date::from_days(self.days() + n)
    }

    /// 0 = Monday ... 6 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday
        ((self.days() + 3).rem_euclid(7)) as u8
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A closed-open range of dates; either end may be open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DateRange {
    pub from: Option<Date>,
    pub until: Option<Date>,
}

impl DateRange {
    /// Parses `FROM..TO` where either side may be empty.
    pub fn parse(text: &str) -> Option<DateRange> {
        let (from, until) = text.trim().split_once("..")?;
        let side = |s: &str| -> Option<Option<Date>> {
            let s = s.trim();
            if s.is_empty() {
                Some(None)
            } else {
                Date::parse(s).map(Some)
            }
        };
        let range = DateRange {
            from: side(from)?,
            until: side(until)?,
        };
        match (range.from, range.until) {
            (Some(a), Some(b)) if a > b => None,
            _ => Some(range),
        }
    }

    pub fn contains(&self, date: Date) -> bool {
        self.from.is_none_or(|f| date >= f) && self.until.is_none_or(|u| date < u)
    }
}

/// Day names, Monday first (`dict/lang/<code>/weekdays.txt`), for time
/// expressions (text) and dates (anchor). Tested on capitalised tokens, so
/// the list is found by name once per process.
pub(crate) fn weekdays() -> &'static [&'static str] {
    static LIST: std::sync::OnceLock<&'static [&'static str]> = std::sync::OnceLock::new();
    LIST.get_or_init(|| crate::builtin::lang_list("weekdays"))
}

/// Month names, January first (`dict/lang/<code>/months.txt`): a name's
/// place in the list is its number.
pub(crate) fn months() -> &'static [&'static str] {
    static LIST: std::sync::OnceLock<&'static [&'static str]> = std::sync::OnceLock::new();
    LIST.get_or_init(|| crate::builtin::lang_list("months"))
}

/// The month a word names: "march", "mar.", "sept" (lower case).
pub(crate) fn month_number(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.');
    // Every token of the gazetteer's aliases passes here at start-up: the
    // first letters and longest length of the names, found once, turn most
    // words away before the list is walked.
    static SHAPE: std::sync::OnceLock<(u32, usize)> = std::sync::OnceLock::new();
    let (initials, longest) = *SHAPE.get_or_init(|| {
        months().iter().fold((0, 0), |(mask, len), m| {
            (mask | initial_bit(m), len.max(m.len()))
        })
    });
    if w.len() < 3 || w.len() > longest || initial_bit(w) & initials == 0 {
        return None;
    }
    months()
        .iter()
        .position(|m| {
            *m == w
                || (w.len() >= 3
                    && m.starts_with(w)
                    && (w.len() == 3
                        || crate::builtin::lang_set!("month_abbreviations").contains(w)))
        })
        .map(|i| i as u8 + 1)
}

/// A bit for a word's first byte (ASCII letters; any other byte shares the
/// last bit, which only lets the full comparison decide).
fn initial_bit(word: &str) -> u32 {
    match word.as_bytes().first() {
        Some(b @ b'a'..=b'z') => 1 << (b - b'a'),
        _ => 1 << 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_and_month_names_come_in_calendar_order() {
        assert_eq!(weekdays().len(), 7);
        assert_eq!(weekdays()[0], "monday");
        assert_eq!(weekdays()[6], "sunday");
        assert_eq!(months().len(), 12);
        assert_eq!(month_number("january"), Some(1));
        assert_eq!(month_number("Sept."), None, "lower case only");
        assert_eq!(month_number("sept."), Some(9));
        assert_eq!(month_number("dec"), Some(12));
        assert_eq!(month_number("ma"), None);
        // longer abbreviations only as month_abbreviations.txt lists them
        assert_eq!(month_number("septe"), None);
        assert_eq!(month_number("octo"), None);
    }

    #[test]
    fn parses_both_brief_forms_and_rejects_impossible_dates() {
        assert_eq!(Date::parse("2015-11-24"), Date::new(2015, 11, 24));
        assert_eq!(Date::parse("20151124"), Date::new(2015, 11, 24));
        assert_eq!(Date::parse("2024-02-29"), Date::new(2024, 2, 29));
        assert_eq!(Date::parse("2023-02-29"), None);
        assert_eq!(Date::parse("2015-13-01"), None);
        assert_eq!(Date::parse("2015/11/24"), None);
        assert_eq!(Date::parse("yesterday"), None);
        assert_eq!(
            Date::parse("0000-01-01"),
            None,
            "year 0 is outside the range"
        );
        assert_eq!(Date::parse("9999-12-31").unwrap().add_days(1), None);
        assert_eq!(Date::parse("0001-01-01").unwrap().add_days(-1), None);
    }

    #[test]
    fn day_arithmetic_round_trips_and_knows_weekdays() {
        let d = Date::parse("2024-02-28").unwrap();
        assert_eq!(d.add_days(1), Date::parse("2024-02-29"));
        assert_eq!(d.add_days(2), Date::parse("2024-03-01"));
        assert_eq!(
            Date::parse("2025-01-01").unwrap().add_days(-1),
            Date::parse("2024-12-31")
        );
        assert_eq!(Date::parse("1970-01-01").unwrap().days(), 0);
        assert_eq!(Date::parse("2024-06-14").unwrap().weekday(), 4); // a Friday
        for n in [-800_000i64, -1, 0, 1, 19_000, 30_000] {
            assert_eq!(
                Date::from_days(n).map(|d| d.days()),
                Some(n).filter(|_| n > -719_000 + 366)
            );
        }
    }

    #[test]
    fn range_is_closed_open_and_may_be_unbounded() {
        let r = DateRange::parse("2009-01-20..2017-01-20").unwrap();
        assert!(r.contains(Date::parse("2009-01-20").unwrap()));
        assert!(r.contains(Date::parse("2016-12-31").unwrap()));
        assert!(!r.contains(Date::parse("2017-01-20").unwrap()));
        let open = DateRange::parse("2025-01-20..").unwrap();
        assert!(open.contains(Date::parse("2030-01-01").unwrap()));
        assert!(DateRange::parse("2017-01-01..2016-01-01").is_none());
        assert!(DateRange::parse("2017-01-01").is_none());
    }
}
