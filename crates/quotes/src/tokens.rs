//! A small tokenizer over clean text (quotation marks already folded to `"`).

use dossier_core::Span;

/// Token kinds the rules care about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Letters/digits with inner `'`, `.`, `-` ("U.S.", "Putin's", "Qasym-Zhomart").
    Word,
    /// A double quotation mark.
    Quote,
    /// `,`
    Comma,
    /// `:`
    Colon,
    /// `--`, `—`, `–`, ` - `
    Dash,
    /// `(` `[`
    Open,
    /// `)` `]`
    Close,
    /// Sentence-final `.`, `!`, `?`
    End,
    /// Anything else.
    Other,
}

/// A token over the clean text.
#[derive(Clone, Copy, Debug)]
pub struct Tok {
    /// Bytes of the clean text.
    pub span: Span,
    /// Kind.
    pub kind: Kind,
}

impl Tok {
    /// The token text.
    pub fn text<'a>(&self, t: &'a str) -> &'a str {
        self.span.slice(t)
    }

    /// True for a word starting with an uppercase letter.
    pub fn is_cap(&self, t: &str) -> bool {
        self.kind == Kind::Word
            && self
                .text(t)
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase())
    }
}

/// Tokenize `span` of `text`.
pub fn tokenize(text: &str, span: Span, out: &mut Vec<Tok>) {
    let s = span.slice(text);
    let base = span.start;
    let b = s.as_bytes();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphanumeric() {
                    end = j + d.len_utf8();
                    it.next();
                } else if matches!(d, '\'' | '.' | '-' | '&' | '/') {
                    // inner punctuation: keep when a letter/digit follows ("U.S.", "it's")
                    let next = s[j + 1..].chars().next();
                    if next.is_some_and(|n| n.is_alphanumeric()) {
                        end = j + 1;
                        it.next();
                    } else if d == '.' && is_abbrev_period(&s[i..j]) {
                        end = j + 1;
                        it.next();
                        break;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            out.push(Tok {
                span: Span::new(base + i, base + end),
                kind: Kind::Word,
            });
            continue;
        }
        let kind = match c {
            '"' => Kind::Quote,
            ',' => Kind::Comma,
            ':' => Kind::Colon,
            '\u{2014}' | '\u{2013}' | '\u{2015}' => Kind::Dash,
            '-' if b.get(i + 1) == Some(&b'-') => {
                it.next();
                out.push(Tok {
                    span: Span::new(base + i, base + i + 2),
                    kind: Kind::Dash,
                });
                continue;
            }
            '-' => Kind::Dash,
            '(' | '[' => Kind::Open,
            ')' | ']' => Kind::Close,
            '.' | '!' | '?' => Kind::End,
            c if c.is_whitespace() => continue,
            _ => Kind::Other,
        };
        out.push(Tok {
            span: Span::new(base + i, base + i + c.len_utf8()),
            kind,
        });
    }
}

/// "U.S", "Gen", "Mr", "J": a period after these belongs to the word.
fn is_abbrev_period(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    (word.contains('.') && word.len() <= 8)
        || (word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()))
        || matches!(
            lower.as_str(),
            "mr" | "mrs"
                | "ms"
                | "dr"
                | "gen"
                | "sen"
                | "rep"
                | "gov"
                | "lt"
                | "col"
                | "capt"
                | "adm"
                | "sgt"
                | "prof"
                | "st"
                | "jr"
                | "sr"
                | "jan"
                | "feb"
                | "aug"
                | "sept"
                | "sep"
                | "oct"
                | "nov"
                | "dec"
                | "inc"
                | "corp"
                | "co"
                | "ltd"
                | "no"
                | "vs"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_marks() {
        let t = "\"Bad news,\" Sen. J. Doe of the U.S. said -- it's R.Politik.";
        let mut v = Vec::new();
        tokenize(t, Span::new(0, t.len()), &mut v);
        let words: Vec<&str> = v.iter().map(|k| k.text(t)).collect();
        assert_eq!(
            words,
            [
                "\"",
                "Bad",
                "news",
                ",",
                "\"",
                "Sen.",
                "J.",
                "Doe",
                "of",
                "the",
                "U.S.",
                "said",
                "--",
                "it's",
                "R.Politik",
                "."
            ]
        );
    }
}
