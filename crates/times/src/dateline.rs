//! The document date from a dateline near the top of the text.

use dossier_core::Date;

use crate::grammar::{Ctx, Grammar};

/// How far into the text a dateline may sit (bytes).
const HEAD: usize = 600;

/// The date of a dateline or date line near the top of `text`
/// ("MOSCOW, Jan. 7, 2022 —", "January 7, 2022", "2022-01-07", "07/01/2022"),
/// for when the caller has no published date.
///
/// Only a full date with its year counts; the first one within the first few lines
/// wins. Never panics.
///
/// ```
/// use dossier_times::document_date;
/// let d = document_date("MOSCOW, Jan. 7, 2022 — Troops arrived on Thursday.").unwrap();
/// assert_eq!(d.to_string(), "2022-01-07");
/// assert!(document_date("No date here. Not even March.").is_none());
/// ```
pub fn document_date(text: &str) -> Option<Date> {
    let grammar = Grammar::shared();
    let mut end = HEAD.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    // At most the first five lines.
    let head = &text[..end];
    let head = match head.match_indices('\n').nth(4) {
        Some((i, _)) => &head[..i],
        None => head,
    };
    let ctx = Ctx {
        text: head,
        anchor: None,
    };
    grammar
        .find(&ctx)
        .into_iter()
        .find_map(|h| Date::parse_iso(&h.value).filter(|_| full_date(&h.value)))
}

fn full_date(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() >= 10 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-' && b[7] == b'-'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        for (text, want) in [
            ("MOSCOW, Jan. 7, 2022 — The news.", "2022-01-07"),
            ("Posted January 7, 2022\nBody text.", "2022-01-07"),
            ("2022-01-07 09:12 Body.", "2022-01-07"),
            ("Friday, 7 January 2022\nBody.", "2022-01-07"),
        ] {
            assert_eq!(
                document_date(text).map(|d| d.to_string()).as_deref(),
                Some(want),
                "{text}"
            );
        }
        assert!(document_date("In 2010 it declined. On January 5 it said so.").is_none());
        assert!(document_date("").is_none());
        assert!(document_date("é".repeat(400).as_str()).is_none());
    }
}
