//! Page furniture inside scraped text: player notices, related-article links glued onto
//! the next sentence, editorial notes, captions and credits, share and subscribe lines,
//! bylines and datelines.
//!
//! Rules are rows of a table ([`RULES`]): a name, a regex over one line of clean text,
//! and how much of the line the match marks.

use dossier_core::Span;
use regex::Regex;
use std::sync::OnceLock;

/// How much of the line a rule marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Extent {
    /// The whole line.
    Line,
    /// The match only (a dateline or byline prefix).
    Match,
    /// A headline after a "SEE ALSO:" prefix, up to where the next sentence is glued on
    /// ("…Into KazakhstanIt was the first…") or the end of the line.
    GluedHeadline,
}

/// One furniture rule.
#[derive(Debug)]
pub struct FurnitureRule {
    /// Name, for diagnostics and tests.
    pub name: &'static str,
    pattern: &'static str,
    extent: Extent,
    /// Only lines of at most this many words.
    max_words: usize,
}

/// The furniture rules, in the order they are tried.
pub static RULES: &[FurnitureRule] = &[
    FurnitureRule {
        name: "player-notice",
        pattern: r"(?i)^(your browser (doesn't|does not|can ?not) (support|play)|this (video|media|content) (is|has been) (not )?(available|unavailable|removed)|please enable javascript|to view this video|(javascript|cookies) (is|are) (disabled|required))",
        extent: Extent::Line,
        max_words: 25,
    },
    FurnitureRule {
        name: "related-link",
        pattern: r"^(?i:see also|read also|also read|read more|related|more on this|related stories|related articles?|recommended|watch|listen|most read|more from)\s*:\s*",
        extent: Extent::GluedHeadline,
        max_words: 400,
    },
    FurnitureRule {
        name: "editorial-note",
        pattern: r"^(?:NOTE|Note|EDITOR'S NOTE|Editor's [Nn]ote|Editors' [Nn]ote|CORRECTION|Correction|CLARIFICATION|Clarification|UPDATE|Update|DISCLAIMER|Disclaimer)\s*:",
        extent: Extent::Line,
        max_words: 120,
    },
    FurnitureRule {
        name: "caption-credit",
        pattern: r"(?i)^(\(?(photo|image|picture|video|graphic|illustration|file photo)s?( credit)?\s*(:|by\b|copyright|courtesy)|image (source|caption)\b|getty images\s*$|(ap|afp|reuters|epa|getty)( photo)?\s*/)",
        extent: Extent::Line,
        max_words: 40,
    },
    FurnitureRule {
        name: "credit-suffix",
        pattern: r"(?i)\((photo|image|picture)s?\s*:[^)]*\)\s*$|\b(photo|image)\s*(credit)?\s*:\s*[A-Z][^.]{0,60}(/|via )[^.]{0,40}$",
        extent: Extent::Match,
        max_words: 60,
    },
    FurnitureRule {
        name: "share-subscribe",
        pattern: r"(?i)^(share (this|on|via)\b|share$|tweet$|email$|print$|subscribe\b|sign up (for|to)\b|follow (us|him|her|@)\b|click here\b|read the (rest|full story)\b|advertisement$|skip (to|the) |download (the|our) app|get the .{0,40}newsletter|join (us|our)\b.{0,40}(newsletter|telegram|channel)|comments?$|\d+ comments?$)",
        extent: Extent::Line,
        max_words: 25,
    },
    FurnitureRule {
        name: "byline",
        pattern: r"^(By|BY|Written by|Reporting by|Additional reporting by|Editing by|Compiled by)\s+[A-Z][\p{L}'.-]+(\s+[A-Z][\p{L}'.-]+){0,3}(\s*(,|and|&)\s*[A-Z][\p{L}'.-]+(\s+[A-Z][\p{L}'.-]+){0,3})*\s*(\||,|-|–|—)?\s*[\p{L} ]{0,40}$",
        extent: Extent::Line,
        max_words: 16,
    },
    FurnitureRule {
        name: "dateline",
        pattern: r"^[A-Z][A-Z .'-]{2,30}(,\s+[A-Z][\p{L}.]+(\s+[A-Z][\p{L}.]+)?)?\s*(\((AP|AFP|Reuters|RFE/RL|CNN|dpa|UPI|Xinhua|Bloomberg|TASS|Interfax)\)\s*)?(--|—|–|-)\s",
        extent: Extent::Match,
        max_words: 10_000,
    },
];

struct Compiled {
    rules: Vec<(&'static FurnitureRule, Regex)>,
}

fn compiled() -> &'static Compiled {
    static C: OnceLock<Compiled> = OnceLock::new();
    C.get_or_init(|| Compiled {
        rules: RULES
            .iter()
            .map(|r| (r, Regex::new(r.pattern).expect("furniture rule compiles")))
            .collect(),
    })
}

/// Where a glued-on sentence starts inside `s` (`…KazakhstanIt was …`): the first
/// lowercase letter directly followed by an uppercase letter that begins a word of
/// at least two letters, not a `Mc`/`Mac` name.
fn glue_point(s: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    for w in 1..chars.len() {
        let (_, a) = chars[w - 1];
        let (j, b) = chars[w];
        if a.is_lowercase() && b.is_uppercase() {
            let before = &s[..j];
            if before.ends_with("Mc") || before.ends_with("Mac") || before.ends_with("De") {
                continue;
            }
            // the word before must be at least 3 letters (not "iPhone", "eBay")
            let word_start = before
                .char_indices()
                .rev()
                .find(|&(_, c)| !c.is_alphanumeric() && c != '\'')
                .map_or(0, |(k, c)| k + c.len_utf8());
            if j - word_start < 3 {
                continue;
            }
            return Some(j);
        }
    }
    None
}

/// Furniture spans in one line (`line` starts at byte `base` of the clean text).
pub(crate) fn line_furniture(line: &str, base: usize, out: &mut Vec<Span>) {
    let trimmed_start = line.len() - line.trim_start().len();
    let body = line.trim();
    if body.is_empty() {
        return;
    }
    let words = body.split_whitespace().count();
    let start = base + trimmed_start;
    for (rule, re) in &compiled().rules {
        if words > rule.max_words {
            continue;
        }
        let Some(m) = re.find(body) else { continue };
        match rule.extent {
            Extent::Line => {
                out.push(Span::new(start, start + body.len()));
                return;
            }
            Extent::Match => {
                let end = body[..m.end()].trim_end().len();
                out.push(Span::new(start + m.start(), start + end));
                return;
            }
            Extent::GluedHeadline => {
                let end = match glue_point(&body[m.end()..]) {
                    Some(g) => m.end() + g,
                    None => body.len(),
                };
                out.push(Span::new(start, start + end));
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(line: &str) -> Vec<&str> {
        let mut v = Vec::new();
        line_furniture(line, 0, &mut v);
        v.into_iter().map(|s| s.slice(line)).collect()
    }

    #[test]
    fn glued_headline_stops_at_the_glue() {
        assert_eq!(
            marks("SEE ALSO: Why The Bridge Fell DownThe engineers had warned for years."),
            vec!["SEE ALSO: Why The Bridge Fell Down"]
        );
        assert_eq!(
            marks("READ MORE: McCain Speaks Out On Budget"),
            vec!["READ MORE: McCain Speaks Out On Budget"]
        );
    }

    #[test]
    fn notices_notes_bylines_datelines() {
        assert_eq!(marks("Your browser doesn't support HTML5").len(), 1);
        assert_eq!(marks("NOTE: This column will return next month.").len(), 1);
        assert_eq!(
            marks("By Jane Doe and John Roe"),
            vec!["By Jane Doe and John Roe"]
        );
        assert_eq!(
            marks("KYIV (Reuters) - Officials said on Monday..."),
            vec!["KYIV (Reuters) -"]
        );
        assert!(marks("By the time the troops arrived, it was over.").is_empty());
        assert!(marks("The minister said the note was clear.").is_empty());
    }
}
