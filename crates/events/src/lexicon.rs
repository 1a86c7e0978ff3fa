//! The trigger lexicon: `lexicon.txt` parsed into rules and inflected head strings.

/// The 16 PLOVER categories of the current manual, in manual order.
pub const CATEGORIES: [&str; 16] = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

/// The category of lexicon rows that mark known non-events ("heart attack").
pub const NONE: &str = "NONE";

/// The shipped lexicon.
pub const LEXICON: &str = include_str!("lexicon.txt");

/// One lexicon row.
#[derive(Clone, Debug)]
pub struct Rule {
    /// PLOVER category (one of [`CATEGORIES`]), or [`NONE`] for a known non-event.
    pub category: &'static str,
    /// Lower-case head strings (all inflections and alternatives), matched contiguously.
    pub heads: Vec<String>,
    /// Lower-case strings one of which must follow the head within a few words.
    pub tails: Vec<String>,
    /// A promise or offer: the complement's category decides AGREE or THREATEN.
    pub intent: bool,
    /// "must" after a speech verb: a demand made by the speaker of its addressee.
    pub demand: bool,
    /// Irregular past forms of the head verb ("met", "sent"): verbs, never nouns.
    pub irregular: Vec<String>,
}

/// A lexicon line that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexiconError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for LexiconError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "lexicon line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for LexiconError {}

/// Parse lexicon text (format in the header of `lexicon.txt`).
pub fn parse(src: &str) -> Result<Vec<Rule>, LexiconError> {
    let mut rules = Vec::new();
    for (i, raw) in src.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |message: &str| LexiconError {
            line: i + 1,
            message: message.to_string(),
        };
        let (body, flags) = match line.split_once('!') {
            Some((b, f)) => (b.trim(), f.trim()),
            None => (line, ""),
        };
        let (cat, pattern) = body
            .split_once(char::is_whitespace)
            .ok_or_else(|| err("expected CATEGORY pattern"))?;
        let category = CATEGORIES
            .iter()
            .chain(std::iter::once(&NONE))
            .find(|c| **c == cat)
            .copied()
            .ok_or_else(|| err("unknown category"))?;
        let pattern = pattern.trim();
        let (head, tail) = match pattern.split_once('~') {
            Some((h, t)) => (h.trim(), Some(t.trim())),
            None => (pattern, None),
        };
        let irregular: Vec<String> = head
            .split_whitespace()
            .next()
            .filter(|w| !w.starts_with('='))
            .map(|w| {
                w.split('|')
                    .flat_map(|v| v.split('/').skip(1))
                    .map(str::to_lowercase)
                    .collect()
            })
            .unwrap_or_default();
        let mut heads = vec![String::new()];
        for (k, word) in head.split_whitespace().enumerate() {
            let alts: Vec<String> = if k == 0 {
                match word.strip_prefix('=') {
                    Some(lit) => lit.split('|').map(str::to_lowercase).collect(),
                    None => word.split('|').flat_map(inflect).collect(),
                }
            } else {
                word.split('|').map(str::to_lowercase).collect()
            };
            heads = product(&heads, &alts);
        }
        if heads.iter().all(|h| h.is_empty()) {
            return Err(err("empty pattern"));
        }
        let tails = match tail {
            None => Vec::new(),
            Some(t) => {
                let mut out = vec![String::new()];
                for word in t.split_whitespace() {
                    let alts: Vec<String> = word.split('|').map(str::to_lowercase).collect();
                    out = product(&out, &alts);
                }
                out
            }
        };
        if tail.is_some() && tails.iter().all(|t| t.is_empty()) {
            return Err(err("empty pattern after ~"));
        }
        let intent = flags.split_whitespace().any(|f| f == "intent");
        let demand = flags.split_whitespace().any(|f| f == "demand");
        rules.push(Rule {
            category,
            heads,
            tails,
            intent,
            demand,
            irregular,
        });
    }
    Ok(rules)
}

fn product(prefixes: &[String], alts: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(prefixes.len() * alts.len());
    for p in prefixes {
        for a in alts {
            if p.is_empty() {
                out.push(a.clone());
            } else {
                out.push(format!("{p} {a}"));
            }
        }
    }
    out
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// The forms of a verb lemma written `lemma` or `lemma/past[/participle]`: base, third
/// person, past (regular or the given ones), participle and -ing form. Where a final
/// consonant may double (ban → banned) both spellings are listed.
pub fn inflect(word: &str) -> Vec<String> {
    let mut parts = word.split('/').map(str::to_lowercase);
    let lemma = parts.next().unwrap_or_default();
    let irregular: Vec<String> = parts.collect();
    let b = lemma.as_bytes();
    let n = b.len();
    let mut out = vec![lemma.clone()];
    if n == 0 {
        return out;
    }
    let last = b[n - 1];
    let stem = &lemma[..n - 1];
    // third person
    if lemma.ends_with('s')
        || lemma.ends_with('x')
        || lemma.ends_with('z')
        || lemma.ends_with("ch")
        || lemma.ends_with("sh")
    {
        out.push(format!("{lemma}es"));
    } else if last == b'y' && n > 1 && !is_vowel(b[n - 2]) {
        out.push(format!("{stem}ies"));
    } else {
        out.push(format!("{lemma}s"));
    }
    // -ing
    if last == b'e' && !lemma.ends_with("ee") && n > 2 {
        out.push(format!("{stem}ing"));
    } else {
        out.push(format!("{lemma}ing"));
    }
    // past
    if irregular.is_empty() {
        if last == b'e' {
            out.push(format!("{lemma}d"));
        } else if last == b'y' && n > 1 && !is_vowel(b[n - 2]) {
            out.push(format!("{stem}ied"));
        } else {
            out.push(format!("{lemma}ed"));
        }
    } else {
        out.extend(irregular);
    }
    // consonant doubling: consonant-vowel-consonant ending (ban, stop, commit)
    let cvc = n >= 3
        && !is_vowel(last)
        && !matches!(last, b'w' | b'x' | b'y')
        && is_vowel(b[n - 2])
        && !is_vowel(b[n - 3]);
    if cvc {
        let c = last as char;
        out.push(format!("{lemma}{c}ing"));
        out.push(format!("{lemma}{c}ed"));
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections() {
        let f = inflect("accuse");
        for w in ["accuse", "accuses", "accused", "accusing"] {
            assert!(f.contains(&w.to_string()), "{w} in {f:?}");
        }
        let f = inflect("ban");
        assert!(f.contains(&"banned".to_string()) && f.contains(&"banning".to_string()));
        let f = inflect("send/sent");
        assert!(f.contains(&"sent".to_string()) && f.contains(&"sends".to_string()));
        let f = inflect("deny");
        assert!(f.contains(&"denied".to_string()) && f.contains(&"denies".to_string()));
        let f = inflect("agree");
        assert!(f.contains(&"agreeing".to_string()) && f.contains(&"agreed".to_string()));
    }

    #[test]
    fn shipped_lexicon_parses_and_covers_every_category() {
        let rules = parse(LEXICON).expect("lexicon parses");
        for c in CATEGORIES {
            assert!(rules.iter().any(|r| r.category == c), "no rule for {c}");
        }
    }

    #[test]
    fn bad_lines_are_reported() {
        let e = parse("NOPE attack").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(parse("ASSAULT attack ~").is_err());
    }
}
