//! Pairing quotation marks (already folded to `"`) within paragraphs.
//!
//! A mark opens when it follows a space, the paragraph start or an opening bracket or
//! dash and precedes a non-space; it closes when it follows a non-space. A quote still
//! open at the end of its paragraph runs to that end (`closed == false`): when the next
//! paragraph opens with a mark, that is the newspaper convention for a quotation
//! continued over paragraphs. A closing mark right after another closing mark (a stray
//! duplicate, `"terrorists""`) is ignored. Linear in the paragraph length.

use dossier_core::Span;

/// One quotation: from its opening mark to just after its closing mark (or to the end
/// of the paragraph when it is not closed there). Clean-text bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Opening mark to closing mark inclusive.
    pub span: Span,
    /// Whether a closing mark was found in the paragraph.
    pub closed: bool,
    /// Index of the paragraph.
    pub paragraph: usize,
}

impl Quote {
    /// The text inside the marks.
    pub fn inner(&self) -> Span {
        let end = if self.closed {
            self.span.end - 1
        } else {
            self.span.end
        };
        Span::new((self.span.start + 1).min(end), end)
    }
}

fn can_open(prev: Option<char>, next: Option<char>) -> bool {
    let prev_ok = prev.is_none_or(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '-' | '/' | ':' | '"'
            )
    });
    prev_ok && next.is_some_and(|c| !c.is_whitespace())
}

fn can_close(prev: Option<char>) -> bool {
    prev.is_some_and(|c| !c.is_whitespace())
}

/// Quotations in paragraph `para` (clean-text span) of `text`.
pub fn find_quotes(text: &str, para: Span, index: usize, out: &mut Vec<Quote>) {
    let p = para.slice(text);
    let mut open: Option<usize> = None;
    let mut last_close: Option<usize> = None;
    let mut prev: Option<char> = None;
    let mut iter = p.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c == '"' {
            let next = iter.peek().map(|&(_, n)| n);
            match open {
                None => {
                    let dup = last_close == Some(i.wrapping_sub(1)) && prev == Some('"');
                    if !dup && can_open(prev, next) {
                        open = Some(i);
                    }
                }
                Some(o) => {
                    if can_close(prev) && i > o + 1 {
                        out.push(Quote {
                            span: Span::new(para.start + o, para.start + i + 1),
                            closed: true,
                            paragraph: index,
                        });
                        open = None;
                        last_close = Some(i);
                    } else if can_open(prev, next) && prev.is_some_and(|c| c.is_whitespace()) {
                        // an opener while open: the earlier mark was unbalanced; restart here
                        open = Some(i);
                    }
                }
            }
        }
        prev = Some(c);
    }
    if let Some(o) = open {
        let end = p.trim_end().len();
        if end > o + 1 {
            out.push(Quote {
                span: Span::new(para.start + o, para.start + end),
                closed: false,
                paragraph: index,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(p: &str) -> Vec<&str> {
        let mut v = Vec::new();
        find_quotes(p, Span::new(0, p.len()), 0, &mut v);
        v.iter().map(|q| q.span.slice(p)).collect()
    }

    #[test]
    fn pairs() {
        assert_eq!(quotes("\"A,\" he said, \"b.\""), ["\"A,\"", "\"b.\""]);
        assert_eq!(
            quotes("by \"terrorists\"\" who \"got training.\""),
            ["\"terrorists\"", "\"got training.\""]
        );
        assert_eq!(
            quotes("\"Open to the end of the paragraph"),
            ["\"Open to the end of the paragraph"]
        );
        assert_eq!(quotes("12\" pipe and 3\" bolt"), Vec::<&str>::new());
    }

    #[test]
    fn many_marks_are_linear_and_safe() {
        let p = "\"".repeat(100_000);
        let mut v = Vec::new();
        find_quotes(&p, Span::new(0, p.len()), 0, &mut v);
        assert!(v.len() <= 50_000);
    }
}
