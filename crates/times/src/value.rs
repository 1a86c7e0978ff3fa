//! The TIMEX3 `value` grammar (TimeML 1.2.1), as a validator.

use std::sync::OnceLock;

use regex::Regex;

const DATE: &str = r"(?:\d{4}|\d{3}|\d{2}|\d{3}X|\d{2}XX|XXXX)(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?|-W(?:\d{2}|XX)(?:-(?:[1-7]|WE|X))?|-Q[1-4X]|-H[12X]|-(?:SP|SU|FA|WI))?(?:T(?:\d{2}(?::\d{2}(?::\d{2})?)?|MO|AF|EV|NI|DT))?";
const AMOUNT: &str = r"(?:\d+(?:\.\d+)?|X)";

fn grammar() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let dur = format!("P(?:{AMOUNT}(?:DE|CE|ML|Y|M|W|D|Q))*(?:T(?:{AMOUNT}[HMS])+)?");
        let re = format!("^(?:PRESENT_REF|PAST_REF|FUTURE_REF|{DATE}(?:/{DATE})?|{dur})$");
        Regex::new(&re).expect("the TIMEX3 value grammar is a valid regex")
    })
}

/// True when `value` is a well-formed TIMEX3 value: a calendar value
/// (`2022`, `2022-01`, `2022-01-06`, `2022-W01`, `2022-W01-WE`, `2022-Q1`, `2022-SU`,
/// `199`, `XXXX-XX-XX`, `2022-01-07TMO`, `2022-01-07T14:30`), a range of two
/// (`1979/1988`), a duration (`P3D`, `PT5H`, `P1Y6M`, `PXY`) or a reference
/// (`PRESENT_REF`, `PAST_REF`, `FUTURE_REF`).
///
/// ```
/// use dossier_times::is_valid_value;
/// assert!(is_valid_value("2022-W01"));
/// assert!(is_valid_value("P10Y"));
/// assert!(!is_valid_value("2022-13"));
/// assert!(!is_valid_value("P"));
/// ```
pub fn is_valid_value(value: &str) -> bool {
    if value == "P" || value == "PT" || value.ends_with('T') {
        return false;
    }
    if !grammar().is_match(value) {
        return false;
    }
    // Range checks the grammar cannot express.
    value.split('/').all(|part| {
        if part.starts_with('P') || part.ends_with("_REF") {
            return true;
        }
        let (date, time) = part.split_once('T').unwrap_or((part, ""));
        let fields: Vec<&str> = date.split('-').collect();
        let month_ok = match fields.get(1) {
            Some(m) if m.bytes().all(|b| b.is_ascii_digit()) => {
                matches!(m.parse::<u8>(), Ok(1..=12))
            }
            _ => true,
        };
        let day_ok = match fields.get(2) {
            Some(d) if d.bytes().all(|b| b.is_ascii_digit()) => {
                matches!(d.parse::<u8>(), Ok(1..=31))
            }
            _ => true,
        };
        let week_ok = match fields.get(1).and_then(|w| w.strip_prefix('W')) {
            Some(w) if w.bytes().all(|b| b.is_ascii_digit()) => {
                matches!(w.parse::<u8>(), Ok(0..=53))
            }
            _ => true,
        };
        let time_ok = match time.split(':').next() {
            Some(h) if !h.is_empty() && h.bytes().all(|b| b.is_ascii_digit()) => {
                matches!(h.parse::<u8>(), Ok(0..=24))
            }
            _ => true,
        };
        month_ok && day_ok && week_ok && time_ok
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts() {
        for v in [
            "2022",
            "2022-01",
            "2022-01-06",
            "2022-W01",
            "2022-W01-WE",
            "2022-Q3",
            "2022-SU",
            "199",
            "19",
            "XXXX-XX-XX",
            "XXXX-WXX",
            "XXXX-WXX-5",
            "2022-01-07TMO",
            "2022-01-07T14:30",
            "1979/1988",
            "P3D",
            "PT5H",
            "P1Y6M",
            "PXY",
            "P1.5Y",
            "PT1M30S",
            "P10Y",
            "PRESENT_REF",
            "PAST_REF",
            "FUTURE_REF",
        ] {
            assert!(is_valid_value(v), "{v}");
        }
    }

    #[test]
    fn rejects() {
        for v in [
            "",
            "P",
            "PT",
            "2022-13",
            "2022-01-32",
            "now",
            "2022-W60",
            "22-1",
            "P3",
            "T14",
            "2022T",
        ] {
            assert!(!is_valid_value(v), "{v}");
        }
    }
}
