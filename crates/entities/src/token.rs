//! A small tokenizer for entity tagging: byte spans, possessives split off,
//! abbreviations ("U.S.", "Inc.") kept whole, sentence starts marked.

use dossier_core::Sentence;

/// One token: a byte range of the text plus flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// True for a word (letters or digits); false for punctuation.
    pub word: bool,
    /// First token of a sentence (or of a line).
    pub sent_start: bool,
    /// A line break lies between this token and the previous one.
    pub line_start: bool,
}

/// Abbreviations that keep their final period (lower-cased, without the period).
const ABBREV: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "adm",
    "cmdr", "maj", "pres", "st", "mt", "ft", "jr", "sr", "inc", "corp", "co", "ltd", "bros",
    "dept", "univ", "assn", "no", "vs", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct",
    "nov", "dec", "rev", "hon", "messrs", "mass", "calif", "fla", "ariz", "penn", "wash", "ky",
];

/// Abbreviations after which a sentence does not end (titles).
const NO_BREAK: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "adm",
    "cmdr", "maj", "pres", "st", "mt", "ft", "no", "vs", "rev", "hon", "messrs",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Tokenize `text`. `sentences` (spans into `text`) may be empty; their starts are marked.
pub fn tokenize(text: &str, sentences: &[Sentence]) -> Vec<Tok> {
    let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 5 + 1);
    let mut chars = text.char_indices().peekable();
    let mut newline = true;
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            if c == '\n' || c == '\r' {
                newline = true;
            }
            continue;
        }
        let mut end = i + c.len_utf8();
        let mut word = false;
        if is_word_char(c) {
            word = true;
            // letters/digits with word-internal . ' ’ - & joiners
            while let Some(&(j, d)) = chars.peek() {
                if is_word_char(d) {
                    end = j + d.len_utf8();
                    chars.next();
                    continue;
                }
                if matches!(
                    d,
                    '.' | '-' | '&' | '\'' | '\u{2019}' | '\u{2010}' | '\u{2011}'
                ) {
                    let after = text[j + d.len_utf8()..].chars().next();
                    if after.is_some_and(is_word_char) {
                        // split a possessive / clitic: Boeing's -> Boeing 's
                        if is_apostrophe(d) {
                            let rest = &text[j + d.len_utf8()..];
                            let mut it = rest.chars();
                            let a = it.next();
                            let b = it.next();
                            if matches!(a, Some('s' | 'S')) && !b.is_some_and(is_word_char) {
                                break;
                            }
                        }
                        end = j + d.len_utf8();
                        chars.next();
                        continue;
                    }
                }
                break;
            }
            // a final period for abbreviations: U.S. J. Inc.
            if text[end..].starts_with('.') {
                let w = &text[i..end];
                let keep = w.contains('.')
                    || (w.chars().count() == 1 && w.chars().all(|c| c.is_uppercase()))
                    || ABBREV.iter().any(|a| a.eq_ignore_ascii_case(w));
                if keep {
                    end += 1;
                    chars.next();
                }
            }
        } else if is_apostrophe(c) {
            // 's as its own token
            if let Some(&(j, d)) = chars.peek() {
                if matches!(d, 's' | 'S') {
                    let after = text[j + 1..].chars().next();
                    if !after.is_some_and(is_word_char) {
                        end = j + 1;
                        chars.next();
                        word = true;
                    }
                }
            }
        }
        toks.push(Tok {
            start: i,
            end,
            word,
            sent_start: newline,
            line_start: newline,
        });
        newline = false;
    }
    // sentence starts after . ! ? (not after title abbreviations)
    for k in 1..toks.len() {
        let prev = toks[k - 1];
        let p = &text[prev.start..prev.end];
        let ends = match p {
            "." | "!" | "?" | "…" => true,
            _ if prev.word && p.ends_with('.') => {
                let stem = p.trim_end_matches('.');
                !NO_BREAK.iter().any(|a| a.eq_ignore_ascii_case(stem)) && stem.chars().count() > 1
            }
            _ => false,
        };
        if ends {
            let cur = &text[toks[k].start..toks[k].end];
            let c0 = cur.chars().next().unwrap_or(' ');
            if c0.is_uppercase() || !toks[k].word {
                toks[k].sent_start = true;
            }
        }
    }
    // opening quotes / brackets pass the sentence start on
    for k in 0..toks.len().saturating_sub(1) {
        if toks[k].sent_start && !toks[k].word {
            toks[k + 1].sent_start = true;
        }
    }
    if !sentences.is_empty() {
        let mut s = 0;
        for t in toks.iter_mut() {
            while s < sentences.len() && sentences[s].span.start < t.start {
                s += 1;
            }
            if s < sentences.len() && sentences[s].span.start == t.start {
                t.sent_start = true;
            }
        }
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, &[])
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    #[test]
    fn splits_possessives_keeps_abbreviations() {
        assert_eq!(
            words("Boeing's U.S. unit, Apple Inc. and Mr. Smith."),
            vec!["Boeing", "'s", "U.S.", "unit", ",", "Apple", "Inc.", "and", "Mr.", "Smith", "."]
        );
        assert_eq!(
            words("Qasym-Zhomart Toqaev’s men"),
            vec!["Qasym-Zhomart", "Toqaev", "’s", "men"]
        );
    }

    #[test]
    fn marks_sentence_starts() {
        let t = "He left. Then Mr. Smith came.\nNext";
        let toks = tokenize(t, &[]);
        let starts: Vec<&str> = toks
            .iter()
            .filter(|k| k.sent_start)
            .map(|k| &t[k.start..k.end])
            .collect();
        assert_eq!(starts, vec!["He", "Then", "Next"]);
    }
}
