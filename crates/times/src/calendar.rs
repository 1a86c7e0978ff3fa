//! Calendar arithmetic on the document date (jiff) and TIMEX3 value formatting.

use dossier_core::Date;
use jiff::civil;
use jiff::Span as JSpan;

/// The document date every relative expression is resolved against.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Anchor {
    pub(crate) date: civil::Date,
}

/// Which way a relative expression points when the text does not say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lean {
    /// Before the document date (the usual case in news: "said Friday").
    Past,
    /// After it ("will meet Friday").
    Future,
    /// No cue: take the nearest.
    Nearest,
}

impl Anchor {
    /// The anchor for a core date, when jiff can represent it.
    pub(crate) fn new(d: Date) -> Option<Anchor> {
        let date = civil::Date::new(d.year, d.month as i8, d.day as i8).ok()?;
        (1000..=9000)
            .contains(&date.year())
            .then_some(Anchor { date })
    }

    pub(crate) fn year(&self) -> i32 {
        self.date.year() as i32
    }

    pub(crate) fn month(&self) -> u8 {
        self.date.month() as u8
    }

    pub(crate) fn quarter(&self) -> u8 {
        (self.month() - 1) / 3 + 1
    }

    /// The date `n` days away.
    pub(crate) fn days(&self, n: i64) -> Option<civil::Date> {
        add(self.date, JSpan::new().try_days(n).ok()?)
    }

    /// The date `n` months away (clamped to the month's end).
    pub(crate) fn months(&self, n: i64) -> Option<civil::Date> {
        add(self.date, JSpan::new().try_months(n).ok()?)
    }

    /// ISO week (year, week) `n` weeks away.
    pub(crate) fn week(&self, n: i64) -> Option<(i16, i8)> {
        let d = add(self.date, JSpan::new().try_weeks(n).ok()?)?;
        let w = d.iso_week_date();
        Some((w.year(), w.week()))
    }

    /// The weekday `wd` (1 = Monday) nearest the anchor in direction `lean`;
    /// `Past` includes the anchor day itself, `Future` too.
    pub(crate) fn weekday(&self, wd: u8, lean: Lean) -> Option<civil::Date> {
        let today = self.date.weekday().to_monday_one_offset() as i64;
        let back = (today - wd as i64).rem_euclid(7); // 0..=6 days ago
        let fwd = (wd as i64 - today).rem_euclid(7); // 0..=6 days ahead
        match lean {
            Lean::Past | Lean::Nearest => self.days(-back),
            Lean::Future => self.days(fwd),
        }
    }

    /// The weekday strictly before (`last Friday`) or after (`next Friday`) the anchor.
    pub(crate) fn weekday_strict(&self, wd: u8, forward: bool) -> Option<civil::Date> {
        let today = self.date.weekday().to_monday_one_offset() as i64;
        if forward {
            let mut d = (wd as i64 - today).rem_euclid(7);
            if d == 0 {
                d = 7;
            }
            self.days(d)
        } else {
            let mut d = (today - wd as i64).rem_euclid(7);
            if d == 0 {
                d = 7;
            }
            self.days(-d)
        }
    }

    /// The year for a month (and day) given without one: the nearest to the anchor,
    /// or the last/next occurrence when the text leans one way.
    pub(crate) fn year_for(&self, month: u8, day: Option<u8>, lean: Lean) -> i32 {
        let y = self.year();
        let here = (self.month() as i32) * 32 + self.date.day() as i32;
        let there = month as i32 * 32 + day.map_or(16, |d| d as i32);
        let diff = there - here; // in ~days, same year
        match lean {
            // News looks back: up to ~9 months behind, ~3 months ahead.
            Lean::Past | Lean::Nearest if diff > 100 => y - 1,
            Lean::Past | Lean::Nearest if diff < -280 => y + 1,
            Lean::Future if diff < -40 => y + 1,
            _ => y,
        }
    }
}

fn add(d: civil::Date, s: JSpan) -> Option<civil::Date> {
    let out = d.checked_add(s).ok()?;
    (1000..=9999).contains(&out.year()).then_some(out)
}

/// `YYYY-MM-DD`.
pub(crate) fn fmt_date(d: civil::Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// `YYYY-Www`.
pub(crate) fn fmt_week((y, w): (i16, i8)) -> String {
    format!("{y:04}-W{w:02}")
}

/// A checked calendar date.
pub(crate) fn date(y: i32, m: u8, d: u8) -> Option<civil::Date> {
    let y = i16::try_from(y).ok()?;
    civil::Date::new(y, m as i8, d as i8).ok()
}

/// The `nth` (1-based; 0 = last) ISO weekday `wd` of `month` in `year`.
pub(crate) fn nth_weekday(year: i32, month: u8, wd: u8, nth: i8) -> Option<civil::Date> {
    let first = date(year, month, 1)?;
    let weekday = civil::Weekday::from_monday_one_offset(wd as i8).ok()?;
    let n = if nth == 0 { -1 } else { nth };
    first.nth_weekday_of_month(n, weekday).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchor(s: &str) -> Anchor {
        Anchor::new(Date::parse_iso(s).unwrap()).unwrap()
    }

    #[test]
    fn weekdays() {
        let a = anchor("2022-01-07"); // a Friday
        assert_eq!(fmt_date(a.weekday(4, Lean::Past).unwrap()), "2022-01-06");
        assert_eq!(fmt_date(a.weekday(5, Lean::Past).unwrap()), "2022-01-07");
        assert_eq!(fmt_date(a.weekday(1, Lean::Future).unwrap()), "2022-01-10");
        assert_eq!(fmt_date(a.weekday_strict(5, false).unwrap()), "2021-12-31");
    }

    #[test]
    fn weeks_and_years() {
        let a = anchor("2022-01-07");
        assert_eq!(fmt_week(a.week(0).unwrap()), "2022-W01");
        assert_eq!(fmt_week(a.week(-1).unwrap()), "2021-W52");
        assert_eq!(a.year_for(12, Some(20), Lean::Nearest), 2021);
        assert_eq!(a.year_for(1, Some(21), Lean::Nearest), 2022);
        assert_eq!(a.year_for(6, None, Lean::Past), 2021);
        assert_eq!(a.year_for(3, None, Lean::Nearest), 2022);
    }

    #[test]
    fn holidays() {
        assert_eq!(fmt_date(nth_weekday(1999, 11, 4, 4).unwrap()), "1999-11-25");
        assert_eq!(fmt_date(nth_weekday(2022, 5, 1, 0).unwrap()), "2022-05-30");
    }
}
