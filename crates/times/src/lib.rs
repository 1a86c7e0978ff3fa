//! Time expressions (TIMEX3 DATE, TIME, DURATION, SET) with calendar values resolved
//! against the document date.
//!
//! `dossier-times` owns one question: *where in this article is a time mentioned, and
//! which calendar value does it stand for?* It finds the extents following the
//! TimeML / TempEval-3 conventions (prepositions out, determiners and modifiers in:
//! "in **April**", "**the last week**", "**early this week**"), gives each a TIMEX3 type
//! and value, and resolves relative expressions ("on Thursday", "last week", "two days
//! ago") against the document date with [jiff]. It also finds a dateline date
//! ([`document_date`]) for when the caller has none.
//!
//! ```
//! use dossier_core::Date;
//! use dossier_times::TimeTagger;
//!
//! let text = "MOSCOW, Jan. 7, 2022 — Troops arrived on Thursday. \
//!             They will stay for three weeks, officials said this week.";
//! let tagger = TimeTagger::new();
//! let published = dossier_times::document_date(text);
//! assert_eq!(published, Date::new(2022, 1, 7));
//! let times = tagger.tag(text, published);
//! let found: Vec<(&str, &str)> =
//!     times.iter().map(|t| (t.span.slice(text), t.value.as_str())).collect();
//! assert_eq!(found, [
//!     ("Jan. 7, 2022", "2022-01-07"),
//!     ("Thursday", "2022-01-06"),
//!     ("three weeks", "P3W"),
//!     ("this week", "2022-W01"),
//! ]);
//! ```
//!
//! # Constructions covered
//!
//! | construction | example | type | value (document date 2022-01-07) |
//! |---|---|---|---|
//! | full date | "Jan. 6, 2022", "6 January 2022", "Thursday, January 6" | DATE | `2022-01-06` |
//! | numeric date | "2022-01-06", "01/06/2022" (US order unless the first number > 12) | DATE | `2022-01-06` |
//! | month and day, no year | "January 21" (nearest, or by tense: "will" → ahead) | DATE | `2022-01-21` |
//! | month and year | "March 2024", "early March 2024" | DATE | `2024-03` |
//! | bare month | "in December", "last November" | DATE | `2021-12`, `2021-11` |
//! | year, fiscal year, range | "In 2010", "fiscal 2021", "1979-88" | DATE | `2010`, `2021`, `1979/1988` |
//! | decade, century | "the 1990s", "the '90s", "the 20th century" | DATE | `199`, `19` |
//! | quarter, half | "the third quarter", "third-quarter", "the first half of 2021" | DATE | `2021-Q3`, `2021-H1` |
//! | reported quarter | "the latest quarter", "this quarter" | DATE | `2021-Q4`, `2022-Q1` |
//! | this / last / next unit | "this week", "next week", "last month", "next year", "last fall" | DATE | `2022-W01`, `2022-W02`, `2021-12`, `2023`, `2021-FA` |
//! | period back from now | "the past week", "the past decade" | DURATION | `P1W`, `P10Y` |
//! | deictic day | "today", "yesterday", "tomorrow" | DATE | `2022-01-07`, `2022-01-06`, `2022-01-08` |
//! | part of day | "this morning", "last night", "tonight" | TIME | `2022-01-07TMO`, `2022-01-06TNI` |
//! | weekday | "on Thursday" (past unless the sentence looks ahead), "last Friday", "Friday night" | DATE | `2022-01-06`, `2021-12-31`, `2022-01-07TNI` |
//! | clock time | "2:30 p.m.", "10 a.m. Tuesday", "14:30 GMT", "noon" | TIME | `2022-01-07T14:30` |
//! | ago / from now | "two days ago", "three years ago", "a month from now" | DATE | `2022-01-05`, `2019`, `2022-02` |
//! | duration | "three years", "10-day", "the past two months", "several weeks" | DURATION | `P3Y`, `P10D`, `P2M`, `PXW` |
//! | set | "every week", "daily", "each July", "on Mondays", "twice a year" | SET | `P1W`, `P1D`, `XXXX-07`, `XXXX-WXX-1`, `P1Y` |
//! | vague reference | "now", "currently" / "recently", "the past" / "the future", "soon" | DATE | `PRESENT_REF` / `PAST_REF` / `FUTURE_REF` |
//! | holiday | "Christmas", "Thanksgiving" | DATE | `2021-12-25`, `2021-11-25` |
//!
//! Without a document date, relative values stay unresolved: "yesterday" →
//! `XXXX-XX-XX`, "this week" → `XXXX-WXX`, "Friday" → `XXXX-WXX-5`, "January 6" →
//! `XXXX-01-06`. Nothing is guessed from the clock.
//!
//! # Untrusted input
//!
//! [`TimeTagger::tag`] never panics: spans are byte ranges into the given text, on
//! char boundaries, sorted and non-overlapping; every value passes
//! [`is_valid_value`]. Regexes are compiled once in [`TimeTagger::new`] and run in
//! linear time.
#![deny(missing_docs)]

mod calendar;
mod dateline;
mod grammar;
mod lexicon;
mod value;

use dossier_core::{Date, Span, TimeExpr};

pub use dateline::document_date;
pub use value::is_valid_value;

use calendar::Anchor;
use grammar::{Ctx, Grammar};

/// Finds time expressions; build once, share across threads.
///
/// The rules are compiled once per process, on the first [`TimeTagger::new`] (or the
/// first [`document_date`]); later taggers share them and cost nothing to build.
#[derive(Debug)]
pub struct TimeTagger {
    grammar: &'static Grammar,
}

impl Default for TimeTagger {
    fn default() -> Self {
        TimeTagger::new()
    }
}

impl TimeTagger {
    /// Build the tagger (compiles every rule on the process's first call).
    pub fn new() -> TimeTagger {
        TimeTagger {
            grammar: Grammar::shared(),
        }
    }

    /// Time expressions in `text`, with values resolved against `published`.
    ///
    /// Spans are byte ranges into `text`, sorted and non-overlapping.
    pub fn tag(&self, text: &str, published: Option<Date>) -> Vec<TimeExpr> {
        let ctx = Ctx {
            text,
            anchor: published.and_then(Anchor::new),
        };
        self.grammar
            .find(&ctx)
            .into_iter()
            .filter(|h| {
                text.is_char_boundary(h.start)
                    && text.is_char_boundary(h.end)
                    && is_valid_value(&h.value)
            })
            .map(|h| TimeExpr {
                span: Span::new(h.start, h.end),
                kind: h.kind,
                value: h.value,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(text: &str, published: &str) -> Vec<(String, String)> {
        let t = TimeTagger::new();
        t.tag(text, Date::parse_iso(published))
            .into_iter()
            .map(|x| (x.span.slice(text).to_string(), x.value))
            .collect()
    }

    #[test]
    fn send_sync() {
        fn is<T: Send + Sync>() {}
        is::<TimeTagger>();
    }

    #[test]
    fn basics() {
        let got = tag(
            "In 2010 it declined. On January 5 the spokesman spoke, and next week he returns.",
            "2022-01-07",
        );
        assert_eq!(
            got,
            [
                ("2010".into(), "2010".into()),
                ("January 5".into(), "2022-01-05".into()),
                ("next week".into(), "2022-W02".into()),
            ]
        );
    }

    #[test]
    fn unresolved_without_date() {
        let got = tag("He left yesterday and returns next week.", "");
        assert_eq!(
            got,
            [
                ("yesterday".into(), "XXXX-XX-XX".into()),
                ("next week".into(), "XXXX-WXX".into()),
            ]
        );
    }
}
