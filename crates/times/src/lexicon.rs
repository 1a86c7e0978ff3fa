//! Word lists as data: month, weekday, number, unit, season and holiday rows.
//!
//! Every table is a slice of `(word, meaning)` rows; the grammar in
//! [`crate::grammar`] builds its regex alternations from the same rows, so adding a
//! row here is enough to teach the tagger a new word.

/// Month names and abbreviations → month number.
pub(crate) const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sept", 9),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Weekday names → ISO weekday (1 = Monday … 7 = Sunday).
pub(crate) const WEEKDAYS: &[(&str, u8)] = &[
    ("monday", 1),
    ("tuesday", 2),
    ("wednesday", 3),
    ("thursday", 4),
    ("friday", 5),
    ("saturday", 6),
    ("sunday", 7),
];

/// Parts of the day → TIMEX3 suffix.
pub(crate) const PARTS_OF_DAY: &[(&str, &str)] = &[
    ("morning", "MO"),
    ("afternoon", "AF"),
    ("evening", "EV"),
    ("night", "NI"),
    ("nights", "NI"),
];

/// Seasons → TIMEX3 code and the months they span (first, last; winter wraps).
pub(crate) const SEASONS: &[(&str, &str, u8, u8)] = &[
    ("spring", "SP", 3, 5),
    ("summer", "SU", 6, 8),
    ("fall", "FA", 9, 11),
    ("autumn", "FA", 9, 11),
    ("winter", "WI", 12, 2),
];

/// Cardinal number words.
pub(crate) const NUMBER_WORDS: &[(&str, u32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
    ("a hundred", 100),
    ("dozen", 12),
    ("a dozen", 12),
    ("a couple of", 2),
    ("a couple", 2),
    ("a", 1),
    ("an", 1),
];

/// Quantity words that make a duration vague (`PXY`).
pub(crate) const VAGUE_QUANTITIES: &[&str] =
    &["a few", "few", "several", "many", "some", "a number of"];

/// Ordinals → number (quarters, halves, "the first nine months").
pub(crate) const ORDINALS: &[(&str, u8)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("1st", 1),
    ("2nd", 2),
    ("3rd", 3),
    ("4th", 4),
];

/// A calendar unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// Unit words (singular; the grammar adds plural forms) → unit.
pub(crate) const UNITS: &[(&str, Unit)] = &[
    ("second", Unit::Second),
    ("minute", Unit::Minute),
    ("hour", Unit::Hour),
    ("day", Unit::Day),
    ("weekend", Unit::Weekend),
    ("week", Unit::Week),
    ("fortnight", Unit::Fortnight),
    ("month", Unit::Month),
    ("quarter", Unit::Quarter),
    ("year", Unit::Year),
    ("decade", Unit::Decade),
    ("century", Unit::Century),
    ("centurie", Unit::Century),
];

/// Adverbs and nouns with a vague reference value.
pub(crate) const VAGUE_WORDS: &[(&str, &str)] = &[
    ("now", "PRESENT_REF"),
    ("right now", "PRESENT_REF"),
    ("currently", "PRESENT_REF"),
    ("nowadays", "PRESENT_REF"),
    ("these days", "PRESENT_REF"),
    ("at present", "PRESENT_REF"),
    ("the present", "PRESENT_REF"),
    ("current", "PRESENT_REF"),
    ("recently", "PAST_REF"),
    ("recent years", "PAST_REF"),
    ("recent months", "PXM"),
    ("recent weeks", "PXW"),
    ("recent days", "PXD"),
    ("the past", "PAST_REF"),
    ("the future", "FUTURE_REF"),
    ("the near future", "FUTURE_REF"),
    ("the foreseeable future", "FUTURE_REF"),
];

/// Set adverbs → TIMEX3 value.
pub(crate) const SET_WORDS: &[(&str, &str)] = &[
    ("hourly", "PT1H"),
    ("daily", "P1D"),
    ("nightly", "P1D"),
    ("weekly", "P1W"),
    ("biweekly", "P2W"),
    ("monthly", "P1M"),
    ("yearly", "P1Y"),
];

/// Fixed-date holidays (month, day).
pub(crate) const FIXED_HOLIDAYS: &[(&str, u8, u8)] = &[
    ("new year's day", 1, 1),
    ("new year's eve", 12, 31),
    ("christmas eve", 12, 24),
    ("christmas day", 12, 25),
    ("christmas", 12, 25),
    ("boxing day", 12, 26),
    ("valentine's day", 2, 14),
    ("independence day", 7, 4),
    ("the fourth of july", 7, 4),
    ("halloween", 10, 31),
    ("veterans day", 11, 11),
];

/// Floating holidays: (name, month, ISO weekday, nth; 0 = last).
pub(crate) const FLOATING_HOLIDAYS: &[(&str, u8, u8, i8)] = &[
    ("thanksgiving day", 11, 4, 4),
    ("thanksgiving", 11, 4, 4),
    ("labor day", 9, 1, 1),
    ("memorial day", 5, 1, 0),
    ("martin luther king day", 1, 1, 3),
];

/// Look a word up in a table, case-insensitively.
pub(crate) fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    let w = word.trim().trim_end_matches('.');
    table
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(w))
        .map(|&(_, v)| v)
}

/// Parse a cardinal: digits ("3", "1,000", "2.5") or words ("three", "twenty-five").
///
/// `Ok(None)` is a vague quantity ("several"); `Err(())` is not a number.
pub(crate) fn parse_quantity(s: &str) -> Result<Option<f64>, ()> {
    let s = s.trim();
    let lower = s.to_ascii_lowercase();
    let lower = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    if VAGUE_QUANTITIES.contains(&lower.as_str()) {
        return Ok(None);
    }
    if let Some(whole) = lower.strip_suffix(" 1/2") {
        return parse_quantity(whole).map(|v| v.map(|v| v + 0.5));
    }
    if lower.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        let digits: String = lower.chars().filter(|&c| c != ',').collect();
        return digits
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite() && *v < 1e6)
            .map(Some)
            .ok_or(());
    }
    if let Some(v) = lookup(NUMBER_WORDS, &lower) {
        return Ok(Some(v as f64));
    }
    // "twenty-five", "twenty five"
    let parts: Vec<&str> = lower.split(['-', ' ']).filter(|p| !p.is_empty()).collect();
    if parts.len() == 2 {
        if let (Some(t), Some(u)) = (
            lookup(NUMBER_WORDS, parts[0]),
            lookup(NUMBER_WORDS, parts[1]),
        ) {
            if t >= 20 && t % 10 == 0 && u < 10 {
                return Ok(Some((t + u) as f64));
            }
            if u == 100 && t < 10 {
                return Ok(Some((t * 100) as f64));
            }
        }
    }
    Err(())
}

/// Regex alternation of a table's keys, longest first, with `.`/`'` escaped.
pub(crate) fn alternation<'a>(keys: impl IntoIterator<Item = &'a str>) -> String {
    let mut keys: Vec<&str> = keys.into_iter().collect();
    keys.sort_by_key(|k| std::cmp::Reverse(k.len()));
    keys.dedup();
    keys.iter()
        .map(|k| regex::escape(k).replace(' ', r"\s+").replace('\'', "['’]"))
        .collect::<Vec<_>>()
        .join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities() {
        assert_eq!(parse_quantity("three"), Ok(Some(3.0)));
        assert_eq!(parse_quantity("Twenty-five"), Ok(Some(25.0)));
        assert_eq!(parse_quantity("1,000"), Ok(Some(1000.0)));
        assert_eq!(parse_quantity("2.5"), Ok(Some(2.5)));
        assert_eq!(parse_quantity("several"), Ok(None));
        assert_eq!(parse_quantity("a"), Ok(Some(1.0)));
        assert!(parse_quantity("banana").is_err());
    }

    #[test]
    fn lookups() {
        assert_eq!(lookup(MONTHS, "Sept."), Some(9));
        assert_eq!(lookup(WEEKDAYS, "FRIDAY"), Some(5));
        assert_eq!(lookup(UNITS, "fortnight"), Some(Unit::Fortnight));
    }
}
