//! Date strings in the forms pages use: ISO 8601, numeric D.M.Y / M/D/Y, and textual
//! dates with month names in English, German, French, Spanish, Italian, Portuguese,
//! Dutch and Polish.

use dossier_core::Date;
use regex::Regex;
use std::sync::OnceLock;

/// Lower-case month names and abbreviations → month number.
const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("januar", 1),
    ("jänner", 1),
    ("janvier", 1),
    ("janv", 1),
    ("enero", 1),
    ("ene", 1),
    ("gennaio", 1),
    ("janeiro", 1),
    ("januari", 1),
    ("stycznia", 1),
    ("styczeń", 1),
    ("february", 2),
    ("feb", 2),
    ("febr", 2),
    ("februar", 2),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("febrero", 2),
    ("febbraio", 2),
    ("fevereiro", 2),
    ("februari", 2),
    ("lutego", 2),
    ("luty", 2),
    ("march", 3),
    ("mar", 3),
    ("märz", 3),
    ("maerz", 3),
    ("mär", 3),
    ("mars", 3),
    ("marzo", 3),
    ("março", 3),
    ("maart", 3),
    ("marca", 3),
    ("marzec", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("avr", 4),
    ("abril", 4),
    ("abr", 4),
    ("aprile", 4),
    ("kwietnia", 4),
    ("kwiecień", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("maggio", 5),
    ("maio", 5),
    ("mei", 5),
    ("maja", 5),
    ("maj", 5),
    ("june", 6),
    ("jun", 6),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("giugno", 6),
    ("junho", 6),
    ("czerwca", 6),
    ("czerwiec", 6),
    ("july", 7),
    ("jul", 7),
    ("juli", 7),
    ("juillet", 7),
    ("juil", 7),
    ("julio", 7),
    ("luglio", 7),
    ("julho", 7),
    ("lipca", 7),
    ("lipiec", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("ago", 8),
    ("augustus", 8),
    ("sierpnia", 8),
    ("sierpień", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("settembre", 9),
    ("setembro", 9),
    ("września", 9),
    ("wrzesień", 9),
    ("october", 10),
    ("oct", 10),
    ("oktober", 10),
    ("okt", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("ottobre", 10),
    ("outubro", 10),
    ("października", 10),
    ("październik", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("listopada", 11),
    ("listopad", 11),
    ("december", 12),
    ("dec", 12),
    ("dezember", 12),
    ("dez", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    ("diciembre", 12),
    ("dic", 12),
    ("dicembre", 12),
    ("dezembro", 12),
    ("grudnia", 12),
    ("grudzień", 12),
    // Russian and Ukrainian (genitive, as in "15 августа 2016")
    ("января", 1),
    ("січня", 1),
    ("февраля", 2),
    ("лютого", 2),
    ("марта", 3),
    ("березня", 3),
    ("апреля", 4),
    ("квітня", 4),
    ("мая", 5),
    ("травня", 5),
    ("июня", 6),
    ("червня", 6),
    ("июля", 7),
    ("липня", 7),
    ("августа", 8),
    ("серпня", 8),
    ("сентября", 9),
    ("вересня", 9),
    ("октября", 10),
    ("жовтня", 10),
    ("ноября", 11),
    ("листопада", 11),
    ("декабря", 12),
    ("грудня", 12),
];

fn month(name: &str) -> Option<u8> {
    let n = name.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(m, _)| *m == n).map(|(_, v)| *v)
}

struct Res {
    iso: Regex,
    compact: Regex,
    dmy: Regex,
    slash: Regex,
    d_month_y: Regex,
    month_d_y: Regex,
    url: Regex,
    url_compact: Regex,
    url_dmy: Regex,
}

fn res() -> &'static Res {
    static R: OnceLock<Res> = OnceLock::new();
    R.get_or_init(|| {
        let m = r"([A-Za-zäéûçíñóúłśźżńąęč\p{Cyrillic}]{3,12}\.?)";
        Res {
            iso: Regex::new(r"(?:^|[^0-9./-])([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})(?:(?-u:\b)|T|_)").expect("static"),
            compact: Regex::new(r"^([0-9]{4})([0-9]{2})([0-9]{2})(?:\D|$)").expect("static"),
            dmy: Regex::new(r"(?:^|[^0-9./-])([0-9]{1,2})\.\s?([0-9]{1,2})\.\s?([0-9]{4}|[0-9]{2}(?-u:\b))").expect("static"),
            slash: Regex::new(r"(?:^|[^0-9./-])([0-9]{1,2})[/-]([0-9]{1,2})[/-]([0-9]{4})(?-u:\b)").expect("static"),
            d_month_y: Regex::new(&format!(r"(?i)(?-u:\b)([0-9]{{1,2}})(?:st|nd|rd|th|er)?\.?\s*(?:de\s+)?{m}\s*(?:de\s+)?,?\s*([0-9]{{4}})(?-u:\b)")).expect("static"),
            month_d_y: Regex::new(&format!(r"(?i)(?-u:\b){m}\s+([0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+([0-9]{{4}})(?-u:\b)")).expect("static"),
            url: Regex::new(r"/((?:19|20)[0-9]{2})[/_-]([0-9]{1,2})[/_-]([0-9]{1,2})(?:[/_-]|\.|$)").expect("static"),
            url_compact: Regex::new(r"[/_-]((?:19|20)[0-9]{2})([0-9]{2})([0-9]{2})(?:[/_-]|\.|$)").expect("static"),
            url_dmy: Regex::new(r"[/_-]([0-9]{1,2})[_-]([0-9]{1,2})[_-]((?:19|20)[0-9]{2})(?:[/_-]|\.|$)").expect("static"),
        }
    })
}

/// Earliest and latest plausible publication years.
fn plausible(d: Date) -> Option<Date> {
    (1995..=2030).contains(&d.year).then_some(d)
}

fn ymd(y: &str, m: &str, d: &str) -> Option<Date> {
    let mut y: i32 = y.parse().ok()?;
    if y < 100 {
        y += 2000;
    }
    plausible(Date::new(y as i16, m.parse().ok()?, d.parse().ok()?)?)
}

/// Parse the first date in `s` (attribute values and short texts).
pub(crate) fn parse(s: &str) -> Option<Date> {
    let r = res();
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Some(c) = r.iso.captures(s) {
        if let Some(d) = ymd(&c[1], &c[2], &c[3]) {
            return Some(d);
        }
    }
    if let Some(c) = r.compact.captures(s) {
        if let Some(d) = ymd(&c[1], &c[2], &c[3]) {
            return Some(d);
        }
    }
    parse_text(s)
}

/// Find the first date written in running text (no bare ISO-compact numbers).
pub(crate) fn parse_text(s: &str) -> Option<Date> {
    parse_text_in(s, false)
}

/// [`parse_text`] for a page whose language writes "02/10/2020" day first (every
/// language but US English): `slash_day_first`.
pub(crate) fn parse_text_in(s: &str, slash_day_first: bool) -> Option<Date> {
    let r = res();
    let mut best: Option<(usize, Date)> = None;
    // The first match of each form that is a valid date (version numbers, scores and
    // prices come first on many pages, so a few invalid matches are skipped).
    const TRIES: usize = 20;
    let mut consider = |pos: usize, d: Date| {
        if best.is_none_or(|(p, _)| pos < p) {
            best = Some((pos, d));
        }
    };
    let start = |c: &regex::Captures| c.get(0).map_or(0, |m| m.start());
    if let Some((p, d)) = r
        .iso
        .captures_iter(s)
        .take(TRIES)
        .find_map(|c| Some((start(&c), ymd(&c[1], &c[2], &c[3])?)))
    {
        consider(p, d);
    }
    if let Some((p, d)) = r
        .dmy
        .captures_iter(s)
        .take(TRIES)
        .find_map(|c| Some((start(&c), ymd(&c[3], &c[2], &c[1])?)))
    {
        consider(p, d);
    }
    if let Some((p, d)) = r.slash.captures_iter(s).take(TRIES).find_map(|c| {
        let (a, b) = (&c[1], &c[2]);
        // "03/04/2021" is month first in US English, "03-04-2021" day first
        let d = if slash_day_first || c[0].contains('-') {
            ymd(&c[3], b, a).or_else(|| ymd(&c[3], a, b))
        } else {
            ymd(&c[3], a, b).or_else(|| ymd(&c[3], b, a))
        };
        Some((start(&c), d?))
    }) {
        consider(p, d);
    }
    if let Some((p, d)) = r.d_month_y.captures_iter(s).take(TRIES).find_map(|c| {
        let d = month(&c[2]).and_then(|m| ymd(&c[3], &m.to_string(), &c[1]))?;
        Some((start(&c), d))
    }) {
        consider(p, d);
    }
    if let Some((p, d)) = r.month_d_y.captures_iter(s).take(TRIES).find_map(|c| {
        let d = month(&c[1]).and_then(|m| ymd(&c[3], &m.to_string(), &c[2]))?;
        Some((start(&c), d))
    }) {
        consider(p, d);
    }
    best.map(|(_, d)| d)
}

/// A full date in a URL path (`/2021/03/15/`, `/2021-03-15-`, `_20210315`).
pub(crate) fn from_url(url: &str) -> Option<Date> {
    let r = res();
    let path = url.split_once("://").map_or(url, |(_, p)| p);
    if let Some(c) = r.url.captures(path) {
        if let Some(d) = ymd(&c[1], &c[2], &c[3]) {
            return Some(d);
        }
    }
    if let Some(d) = r
        .url_compact
        .captures(path)
        .and_then(|c| ymd(&c[1], &c[2], &c[3]))
    {
        return Some(d);
    }
    // "/meldungen/29-10-2021": day first, unless only the month-first reading is a date
    r.url_dmy
        .captures(path)
        .and_then(|c| ymd(&c[3], &c[2], &c[1]).or_else(|| ymd(&c[3], &c[1], &c[2])))
}

/// Compile this module's lazily built patterns now (see [`crate::Extractor::new`]).
pub(crate) fn warm() {
    let _ = res();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> String {
        parse(s).map(|d| d.to_string()).unwrap_or_default()
    }

    #[test]
    fn forms() {
        assert_eq!(p("2021-03-15T10:00:00+01:00"), "2021-03-15");
        assert_eq!(p("20210315"), "2021-03-15");
        assert_eq!(p("Veröffentlicht am 15.03.2021 um 10 Uhr"), "2021-03-15");
        assert_eq!(p("15. März 2021"), "2021-03-15");
        assert_eq!(p("March 15th, 2021"), "2021-03-15");
        assert_eq!(p("Mon, 15 Mar 2021 10:00:00 GMT"), "2021-03-15");
        assert_eq!(p("le 3 janvier 2020"), "2020-01-03");
        assert_eq!(p("12 de marzo de 2019"), "2019-03-12");
        assert_eq!(p("15 августа 2016, 13:43"), "2016-08-15");
        assert_eq!(p("3 березня 2021"), "2021-03-03");
        assert_eq!(p("nothing here 1234"), "");
        assert_eq!(p("1850-01-01"), "");
    }

    #[test]
    fn text_dates_glued_to_words_and_after_invalid_numbers() {
        let t = |s: &str| parse_text(s).map(|d| d.to_string()).unwrap_or_default();
        // inline elements' text joined without a space: "Jane Doe" + "3.11.2023"
        assert_eq!(t("By Jane Doe3.11.2023 Crocs made billions"), "2023-11-03");
        // dashes: day first; slashes: month first (each falls back to the other order)
        assert_eq!(t("01-11-2023 10:29"), "2023-11-01");
        assert_eq!(t("01/11/2023"), "2023-01-11");
        assert_eq!(t("12-31-2023"), "2023-12-31");
        // version numbers and scores first, then the date
        assert_eq!(
            t("codes 31.13.2021, 40.10.2020, 12.13.14 and 99.99.99; on 30.01.2022 it won"),
            "2022-01-30"
        );
    }

    #[test]
    fn urls() {
        let u = |s: &str| from_url(s).map(|d| d.to_string()).unwrap_or_default();
        assert_eq!(u("https://example.org/news/notes/29-10-2021"), "2021-10-29");
        assert_eq!(u("https://example.org/news/10-29-2021/story"), "2021-10-29");
        assert_eq!(u("https://example.org/news/05-03-2021.html"), "2021-03-05");
        assert_eq!(u("https://example.org/2021/03/15/story"), "2021-03-15");
        assert_eq!(
            u("https://example.org/news/2021-03-15-story.html"),
            "2021-03-15"
        );
        assert_eq!(u("https://example.org/2021/03/story"), "");
    }
}
