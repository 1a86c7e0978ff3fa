//! Paragraph and sentence segmentation for news English.
//!
//! Works on clean text (quotation marks folded to `"`/`'`). A paragraph is a line, or a
//! block of wrapped lines; a sentence ends at `.`, `!`, `?` (with closing quotes and
//! brackets) before whitespace and a sentence start, except after abbreviations
//! ("Gen.", "Jan.", "U.S." before a lowercase word), initials ("J. K. Rowling") and
//! ellipses that continue the sentence. Furniture spans are cut out of paragraphs.

use dossier_core::Span;

/// Abbreviations that never end a sentence (lowercased, without the period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "maj", "capt", "sgt",
    "cmdr", "adm", "brig", "cpl", "pvt", "rev", "fr", "sr", "jr", "st", "mt", "ft", "hon", "pres",
    "supt", "insp", "det", "amb", "atty", "messrs", "mmes", "msgr", "sec", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed",
    "thu", "thur", "thurs", "fri", "sat", "no", "nos", "vol", "vols", "p", "pp", "fig", "figs",
    "approx", "est", "inc", "corp", "co", "ltd", "bros", "dept", "univ", "assn", "ave", "blvd",
    "rd", "hwy", "vs", "v", "etc", "al", "cf", "e.g", "i.e", "ca", "calif", "colo", "conn", "del",
    "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la", "md", "mass", "mich", "minn", "miss",
    "mo", "mont", "neb", "nev", "okla", "ore", "pa", "penn", "tenn", "tex", "va", "vt", "wash",
    "wis", "wyo", "ariz", "ark",
];

/// Words that, capitalised after "U.S." and the like, start a new sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "But",
    "And",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "As",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "For",
    "Yet",
    "So",
    "Still",
    "Now",
    "Then",
    "Meanwhile",
    "However",
    "Officials",
    "According",
];

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '}')
}

/// The word (letters, digits, periods) that ends right before byte `end` of `s`.
fn word_before(s: &str, end: usize) -> &str {
    let start = s[..end]
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.' || c == '-'))
        .map_or(0, |(k, c)| k + c.len_utf8());
    &s[start..end]
}

/// The word starting at byte `start` of `s` (after opening quotes/brackets).
fn word_after(s: &str, start: usize) -> &str {
    let rest = &s[start..];
    let rest = rest.trim_start_matches(['"', '\'', '(', '[']);
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .unwrap_or(rest.len());
    &rest[..end]
}

/// Decide whether the period-final token `word` (e.g. "Gen.", "U.S.", "J.") ends a
/// sentence given the following word.
fn period_ends_sentence(word: &str, next: &str) -> bool {
    let w = word.trim_end_matches('.');
    if w.is_empty() {
        return true;
    }
    let next_upper = next
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    if !next_upper {
        // "…the U.S. and its allies", "Gen. smith" (rare): no break before lowercase
        return false;
    }
    let lower = w.to_lowercase();
    // single initial: "J. K. Rowling", "Ronald W. Reagan"
    if w.chars().count() == 1 && w.chars().all(|c| c.is_uppercase()) {
        return false;
    }
    if ABBREVIATIONS.contains(&lower.as_str()) {
        // "No." before a number, "Gen." before a name: never a break. Month
        // abbreviations before a capitalised word could end a sentence, but rarely do.
        return false;
    }
    // dotted acronyms: U.S., U.S.S.R., D.C.: break only before a typical sentence start
    if w.contains('.') && w.split('.').all(|p| p.chars().count() <= 2) {
        return SENTENCE_STARTERS.contains(&next);
    }
    true
}

/// Sentence spans (clean-text coordinates) inside `para` (clean-text span).
pub(crate) fn sentences_in(text: &str, para: Span, out: &mut Vec<Span>) {
    let p = para.slice(text);
    let base = para.start;
    let bytes = p.as_bytes();
    let mut start = 0usize;
    let mut i = 0usize;
    let n = p.len();
    while i < n {
        let c = bytes[i];
        if c == b'.' || c == b'!' || c == b'?' {
            // extend over repeated terminators and closers
            let mut j = i + 1;
            while j < n && matches!(bytes[j], b'.' | b'!' | b'?') {
                j += 1;
            }
            while j < n && is_closer(bytes[j] as char) {
                j += 1;
            }
            if j >= n {
                break;
            }
            if !(bytes[j] as char).is_ascii_whitespace() {
                i = j;
                continue;
            }
            let mut k = j;
            while k < n && (bytes[k] as char).is_ascii_whitespace() {
                k += 1;
            }
            if k >= n {
                break;
            }
            let next = word_after(p, k);
            let next_first = p[k..].chars().next().unwrap_or(' ');
            let starts_ok = next
                .chars()
                .next()
                .is_some_and(|ch| ch.is_uppercase() || ch.is_ascii_digit())
                || (matches!(next_first, '"' | '\'' | '(' | '[') && !next.is_empty());
            let mut split = starts_ok;
            if split && c == b'.' && j == i + 1 {
                split = period_ends_sentence(word_before(p, i + 1), next);
            }
            if split && c == b'.' && i + 2 < n && bytes[i + 1] == b'.' && bytes[i + 2] == b'.' {
                // ellipsis: break only before a capitalised word
                split = next.chars().next().is_some_and(|ch| ch.is_uppercase());
            }
            if split {
                push_trimmed(p, base, start, j, out);
                start = k;
            }
            i = k;
            continue;
        }
        i += 1;
    }
    push_trimmed(p, base, start, n, out);
}

fn push_trimmed(p: &str, base: usize, s: usize, e: usize, out: &mut Vec<Span>) {
    let span = Span::new(s, e).trim(p);
    if !span.is_empty() {
        out.push(span.shift(base));
    }
}

/// Paragraph spans (clean-text coordinates): non-empty lines, or blocks of wrapped
/// lines when the text is hard-wrapped (blank-line separated blocks whose inner lines
/// break mid-sentence).
pub(crate) fn paragraphs(text: &str) -> Vec<Span> {
    let mut lines = Vec::new();
    let mut pos = 0;
    for line in text.split('\n') {
        let span = Span::new(pos, pos + line.len()).trim(text);
        lines.push(span);
        pos += line.len() + 1;
    }
    // Decide whether the text is hard-wrapped: many consecutive non-empty lines where
    // the first ends without terminal punctuation and the next starts lowercase.
    let mut wrapped = 0usize;
    let mut pairs = 0usize;
    for w in lines.windows(2) {
        if w[0].is_empty() || w[1].is_empty() {
            continue;
        }
        pairs += 1;
        let a = w[0].slice(text);
        let b = w[1].slice(text);
        if !a.ends_with(['.', '!', '?', '"', ':', ')'])
            && b.chars().next().is_some_and(|c| c.is_lowercase())
        {
            wrapped += 1;
        }
    }
    let hard_wrapped = pairs >= 3 && wrapped * 4 >= pairs;
    let mut out: Vec<Span> = Vec::new();
    let mut cur: Option<Span> = None;
    for l in lines {
        if l.is_empty() {
            if let Some(c) = cur.take() {
                out.push(c);
            }
            continue;
        }
        if hard_wrapped {
            cur = Some(match cur {
                Some(c) => c.cover(l),
                None => l,
            });
        } else {
            out.push(l);
        }
    }
    if let Some(c) = cur {
        out.push(c);
    }
    out
}

/// A heading: a short paragraph without final sentence punctuation (or a short
/// question) whose words are mostly capitalised.
pub(crate) fn is_heading(p: &str) -> bool {
    let words: Vec<&str> = p.split_whitespace().collect();
    if words.is_empty() || words.len() > 12 {
        return false;
    }
    let last = p.trim_end().chars().last().unwrap_or('.');
    if matches!(last, '.' | '!' | ',' | ';' | ':' | '"' | '\'') {
        return false;
    }
    let content: Vec<&&str> = words
        .iter()
        .filter(|w| {
            !matches!(
                w.to_lowercase().as_str(),
                "a" | "an"
                    | "the"
                    | "of"
                    | "for"
                    | "and"
                    | "or"
                    | "in"
                    | "on"
                    | "to"
                    | "at"
                    | "by"
                    | "with"
                    | "from"
                    | "as"
                    | "is"
            )
        })
        .collect();
    if content.is_empty() {
        return false;
    }
    let caps = content
        .iter()
        .filter(|w| {
            w.trim_start_matches(['"', '\'', '('])
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        .count();
    caps * 10 >= content.len() * 8 || (last != '?' && words.len() <= 4 && caps >= 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(p: &str) -> Vec<&str> {
        let mut v = Vec::new();
        sentences_in(p, Span::new(0, p.len()), &mut v);
        v.into_iter().map(|s| s.slice(p)).collect()
    }

    #[test]
    fn abbreviations_and_initials() {
        assert_eq!(
            split("Gen. Smith met Sen. J. R. Jones on Jan. 5 in the U.S. capital. He left."),
            vec![
                "Gen. Smith met Sen. J. R. Jones on Jan. 5 in the U.S. capital.",
                "He left."
            ]
        );
        assert_eq!(
            split("It grew in the U.S. The rest fell."),
            vec!["It grew in the U.S.", "The rest fell."]
        );
    }

    #[test]
    fn quotes_and_ellipses() {
        assert_eq!(
            split("\"It is over.\" He left... and came back. \"Why?\" she asked."),
            vec![
                "\"It is over.\"",
                "He left... and came back.",
                "\"Why?\" she asked."
            ]
        );
    }

    #[test]
    fn headings() {
        assert!(is_heading("About Face"));
        assert!(is_heading("President For Life?"));
        assert!(!is_heading("What changed?"));
        assert!(!is_heading("He said so."));
    }
}
