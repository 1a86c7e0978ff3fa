//! Property tests: the tagger never panics, spans are sound, values are valid TIMEX3.

use dossier_core::{Date, TimeExpr};
use dossier_times::{document_date, is_valid_value, TimeTagger};
use proptest::prelude::*;

fn tagger() -> &'static TimeTagger {
    static T: std::sync::OnceLock<TimeTagger> = std::sync::OnceLock::new();
    T.get_or_init(TimeTagger::new)
}

fn check(text: &str, times: &[TimeExpr]) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    for t in times {
        prop_assert!(t.span.start < t.span.end, "empty span {:?}", t.span);
        prop_assert!(t.span.end <= text.len(), "span {:?} out of text", t.span);
        prop_assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        prop_assert!(t.span.start >= last_end, "spans overlap or are unsorted");
        last_end = t.span.end;
        prop_assert!(is_valid_value(&t.value), "invalid value {:?}", t.value);
    }
    Ok(())
}

/// Text made of time-ish words, digits and punctuation, to reach deep into the rules.
fn timeish() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "January",
        "May",
        "Sept.",
        "Friday",
        "last",
        "next",
        "this",
        "week",
        "weeks",
        "year",
        "years",
        "ago",
        "the",
        "past",
        "quarter",
        "third",
        "a",
        "two",
        "several",
        "1999",
        "2022",
        "31",
        "0",
        "99",
        "12/31/2021",
        "2021-02-29",
        "p.m.",
        "10",
        ":",
        "30",
        "-",
        "—",
        "é",
        ",",
        ".",
        "'90s",
        "1979-88",
        "now",
        "every",
        "daily",
        "nineteen",
        "ninety-six",
        "two thousand",
        "Christmas",
        "morning",
        "night",
        "earlier",
        "later",
        "9999",
        "0000",
        "1/2",
        "decade",
        "century",
        "21st",
        "mid-",
        "late",
        "early",
    ]);
    prop::collection::vec(words, 0..24).prop_map(|w| w.join(" "))
}

fn any_date() -> impl Strategy<Value = Option<Date>> {
    prop_oneof![
        Just(None),
        (1i16..=9999, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Date::new(y, m, d)),
        Just(Date::new(-5, 1, 1)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_strings(text in any::<String>(), published in any_date()) {
        let times = tagger().tag(&text, published);
        check(&text, &times)?;
        let _ = document_date(&text);
    }

    #[test]
    fn timeish_strings(text in timeish(), published in any_date()) {
        let times = tagger().tag(&text, published);
        check(&text, &times)?;
        let _ = document_date(&text);
    }

    #[test]
    fn digits_everywhere(text in "[0-9 /:.,'-]{0,80}", published in any_date()) {
        let times = tagger().tag(&text, published);
        check(&text, &times)?;
    }
}

#[test]
fn huge_text() {
    let text = "On Friday, 12/31/2021, two days ago, 1999-2000 ".repeat(20_000);
    let times = tagger().tag(&text, Date::new(2022, 1, 7));
    check(&text, &times).unwrap();
    assert!(times.len() >= 20_000);
}

#[test]
fn bytes_as_text() {
    let bytes: Vec<u8> = (0..=255u8).cycle().take(5000).collect();
    let text = String::from_utf8_lossy(&bytes);
    let times = tagger().tag(&text, Date::new(2022, 1, 7));
    check(&text, &times).unwrap();
}
