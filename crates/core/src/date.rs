use std::fmt;

/// A calendar date (proleptic Gregorian), used for a document's publication date.
///
/// Kept dependency-free on purpose; stages that need calendar arithmetic convert it to
/// their own types (`dossier-times` uses jiff).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2022.
    pub year: i16,
    /// Month 1–12.
    pub month: u8,
    /// Day of month 1–31.
    pub day: u8,
}

impl Date {
    /// A checked date, or `None` when the month or day is out of range.
    pub fn new(year: i16, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parse the leading `YYYY-MM-DD` of a string (an ISO timestamp is fine).
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.trim().as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let mut v = 0u32;
            for &c in &b[r] {
                if !c.is_ascii_digit() {
                    return None;
                }
                v = v * 10 + (c - b'0') as u32;
            }
            Some(v)
        };
        let y = num(0..4)?;
        let m = num(5..7)?;
        let d = num(8..10)?;
        Date::new(y as i16, m as u8, d as u8)
    }

    /// Day of week, 0 = Monday … 6 = Sunday.
    pub fn weekday(&self) -> u8 {
        (self.days_since_epoch() + 3).rem_euclid(7) as u8 // 1970-01-01 was a Thursday
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = self.year as i64 - if self.month <= 2 { 1 } else { 0 };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    /// The date `days` after (or before, when negative) this one.
    pub fn add_days(&self, days: i64) -> Date {
        let z = self.days_since_epoch() + days + 719468;
        let era = if z >= 0 { z } else { z - 146096 } / 146097;
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        Date {
            year: (y + if m <= 2 { 1 } else { 0 }) as i16,
            month: m as u8,
            day: d as u8,
        }
    }
}

/// Days in `month` of `year`.
pub fn days_in_month(year: i16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_weekday() {
        let d = Date::parse_iso("2022-01-07").unwrap();
        assert_eq!(d.weekday(), 4); // Friday
        assert_eq!(d.add_days(-2).to_string(), "2022-01-05");
        assert_eq!(d.add_days(366).to_string(), "2023-01-08");
        assert!(Date::parse_iso("2022-02-30").is_none());
        assert!(Date::parse_iso("nonsense").is_none());
    }
}
