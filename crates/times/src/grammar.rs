//! The rule table: one regex per construction, one function that turns a match into
//! a TIMEX3 type and value.
//!
//! Rules are data ([`RULES`]); each regex is compiled once in [`Grammar::new`]. All
//! rules run over the whole text, and [`Grammar::find`] keeps the longest matches that
//! do not overlap (ties go to the earlier rule).

use dossier_core::TimeType;
use regex::{Captures, Regex};

use crate::calendar::{self, fmt_date, fmt_week, Anchor, Lean};
use crate::lexicon::{self as lex, alternation, Unit};

/// What a rule found.
pub(crate) struct Found {
    pub(crate) kind: TimeType,
    pub(crate) value: String,
    /// A narrower extent than the whole match, as byte offsets into the text.
    pub(crate) span: Option<(usize, usize)>,
}

impl Found {
    fn new(kind: TimeType, value: impl Into<String>) -> Option<Found> {
        Some(Found {
            kind,
            value: value.into(),
            span: None,
        })
    }
}

/// A candidate time expression.
#[derive(Debug)]
pub(crate) struct Hit {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: TimeType,
    pub(crate) value: String,
    pub(crate) rule: usize,
}

/// What a rule sees: the whole text and the document date.
pub(crate) struct Ctx<'t> {
    pub(crate) text: &'t str,
    pub(crate) anchor: Option<Anchor>,
}

type Apply = fn(&Ctx, &Captures) -> Option<Found>;

/// One construction: its name (for tests and debugging), its pattern, its meaning.
struct RuleDef {
    name: &'static str,
    pattern: fn(&Frags) -> String,
    apply: Apply,
}

/// Regex fragments built from the lexicon (no capture groups inside).
struct Frags {
    month: String,
    month_full: String,
    weekday: String,
    num: String,
    unit: String,
    season: String,
    quals: &'static str,
    mods: &'static str,
    vague: String,
    sets: String,
    holiday: String,
}

impl Frags {
    fn new() -> Frags {
        let full: Vec<&str> = lex::MONTHS.iter().take(12).map(|r| r.0).collect();
        let abbr: Vec<&str> = lex::MONTHS.iter().skip(12).map(|r| r.0).collect();
        let units: Vec<String> = lex::UNITS.iter().map(|(u, _)| format!("{u}s?")).collect();
        let mut num_words: Vec<&str> = lex::NUMBER_WORDS.iter().map(|r| r.0).collect();
        num_words.extend(lex::VAGUE_QUANTITIES.iter().copied());
        let ones = "one|two|three|four|five|six|seven|eight|nine";
        let mut holidays: Vec<&str> = lex::FIXED_HOLIDAYS.iter().map(|r| r.0).collect();
        holidays.extend(lex::FLOATING_HOLIDAYS.iter().map(|r| r.0));
        Frags {
            month: format!(
                r"(?:(?:{})\b|(?:{})\b\.?)",
                alternation(full.iter().copied()),
                alternation(abbr.iter().copied())
            ),
            month_full: format!(r"(?:{})\b", alternation(full.iter().copied())),
            weekday: format!(r"(?:{})", alternation(lex::WEEKDAYS.iter().map(|r| r.0))),
            num: format!(
                r"(?:\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?(?:\s+1/2)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-\s](?:{ones})|(?:{}))",
                alternation(num_words.iter().copied())
            ),
            unit: format!(r"(?:{})", units.join("|")),
            season: format!(r"(?:{})", alternation(lex::SEASONS.iter().map(|r| r.0))),
            quals: r"(?:about|around|approximately|roughly|nearly|almost|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|over|under|up\s+to|only|just|barely|another|an\s+additional|a\s+further|some)",
            mods: r"(?:early|late|earlier|later|mid|the\s+(?:end|beginning|start|middle|close|turn|rest|remainder)\s+of)",
            vague: alternation(lex::VAGUE_WORDS.iter().map(|r| r.0)),
            sets: alternation(lex::SET_WORDS.iter().map(|r| r.0)),
            holiday: alternation(holidays.iter().copied()),
        }
    }
}

const RULES: &[RuleDef] = &[
    RuleDef {
        name: "iso-date",
        pattern: |_| {
            r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:T(?P<hh>\d{2}):(?P<mm>\d{2}))?\b".into()
        },
        apply: iso_date,
    },
    RuleDef {
        name: "slash-date",
        pattern: |_| r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})\b".into(),
        apply: slash_date,
    },
    RuleDef {
        name: "month-day",
        pattern: |f| {
            format!(
                r"(?i)\b(?:(?P<wd>{wd}),?\s+)?(?:(?:early|late|mid)[-\s]+)?(?P<mon>{mon})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{{4}})\b)?",
                wd = f.weekday,
                mon = f.month
            )
        },
        apply: month_day,
    },
    RuleDef {
        name: "day-month",
        pattern: |f| {
            format!(
                r"(?i)\b(?:(?P<wd>{wd}),?\s+)?(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{mon})(?:,?\s+(?P<y>\d{{4}})\b)?",
                wd = f.weekday,
                mon = f.month
            )
        },
        apply: month_day,
    },
    RuleDef {
        name: "month-year",
        pattern: |f| {
            format!(
                r"(?i)\b(?:{mods}[-\s]+)?(?P<mon>{mon}),?\s+(?:of\s+)?(?P<y>\d{{4}})\b",
                mods = f.mods,
                mon = f.month
            )
        },
        apply: month_year,
    },
    RuleDef {
        name: "month",
        pattern: |f| {
            format!(
                r"(?i)\b(?:(?P<rel>last|next|this|past|coming)\s+)?(?:{mods}[-\s]+)?(?P<mon>{mon})",
                mods = f.mods,
                mon = f.month_full
            )
        },
        apply: month_alone,
    },
    RuleDef {
        name: "year",
        pattern: |f| {
            format!(
                r"(?i)\b(?:(?:{mods}|(?:the\s+)?(?:fiscal|calendar)(?:\s+year)?|the\s+year)[-\s]+)?(?P<y>1\d{{3}}|20\d\d)\b(?:\s*[-–—]\s*(?P<y2>\d{{4}}|\d\d)\b)?",
                mods = f.mods
            )
        },
        apply: year,
    },
    RuleDef {
        name: "spelled-year",
        pattern: |f| {
            format!(
                r"(?i)\b(?:the\s+year\s+|(?P<mon>{mon})\s+(?:of\s+)?|(?:the\s+)?(?P<s>{season})\s+of\s+)?(?P<y>(?:nineteen|eighteen|twenty)[-\s]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s]+(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)|two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten))?)\b",
                mon = f.month_full,
                season = f.season
            )
        },
        apply: spelled_year,
    },
    RuleDef {
        name: "decade",
        pattern: |f| {
            format!(
                r"(?i)\b(?:the\s+)?(?:(?:{mods})[-\s]+)?(?:(?P<y>1\d\d|20\d)0|['’](?P<yy>\d)0)['’]?s\b",
                mods = f.mods
            )
        },
        apply: decade,
    },
    RuleDef {
        name: "century",
        pattern: |_| r"(?i)\b(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s+century\b".into(),
        apply: century,
    },
    RuleDef {
        name: "quarter",
        pattern: |_| {
            r"(?i)\b(?:the\s+|this\s+|its\s+|a\s+|(?P<ry>this|last|next)\s+year['’]s\s+)?(?:(?P<y0>\d{4})\s+)?(?P<pre>(?:(?:fiscal|calendar|year-ago|year-earlier|same)\s+)*)(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[-\s]+(?P<u>quarter|half)\b(?:\s+(?:of\s+)?(?:(?:fiscal|calendar)\s+)?(?P<y>\d{4})\b)?".into()
        },
        apply: quarter,
    },
    RuleDef {
        name: "relative-quarter",
        pattern: |_| {
            r"(?i)\b(?P<det>the|this|last|next|that)\s+(?:(?P<y>\d{4})\s+)?(?P<m>(?:(?:latest|current|previous|recent|most\s+recent|past|year-ago|year-earlier|fiscal|same)\s+)*)(?P<u>quarter|period)\b".into()
        },
        apply: relative_quarter,
    },
    RuleDef {
        name: "relative",
        pattern: |f| {
            format!(
                r"(?i)\b(?:(?P<mods>{mods})[-\s]+)?(?P<rel>this|last|next|past|coming|previous|current|the\s+(?:past|last|next|coming|previous|current))\s+(?P<u>week|weekend|month|year|decade|century|{season})\b",
                mods = f.mods,
                season = f.season
            )
        },
        apply: relative,
    },
    RuleDef {
        name: "the-year",
        pattern: |_| {
            r"(?i)\b(?P<pre>for|of|in|during)?\s*(?P<the>the\s+(?P<m>(?:(?:current|full|fiscal|calendar|entire|whole)\s+)*)year)\b(?P<post>\s+end(?:ed|ing)\b)?".into()
        },
        apply: the_year,
    },
    RuleDef {
        name: "month-relative-year",
        pattern: |f| {
            format!(
                r"(?i)\b(?:{mods}[-\s]+)?(?P<mon>{mon})\s+(?P<rel>this|last|next)\s+year\b",
                mods = f.mods,
                mon = f.month_full
            )
        },
        apply: month_relative_year,
    },
    RuleDef {
        name: "the-weekend",
        pattern: |_| r"(?i)\bthe\s+weekend\b".into(),
        apply: the_weekend,
    },
    RuleDef {
        name: "part-of-period",
        pattern: |_| {
            r"(?i)\bthe\s+(?:end|beginning|start|middle|close|rest|remainder)\s+of\s+the\s+(?P<u>week|month|year|decade|century)\b".into()
        },
        apply: part_of_period,
    },
    RuleDef {
        name: "season",
        pattern: |f| {
            format!(
                r"(?i)\b(?:(?:early|late|mid)[-\s]+)?(?P<s>{season})\s+(?:of\s+)?(?P<y>\d{{4}})\b",
                season = f.season
            )
        },
        apply: season_year,
    },
    RuleDef {
        name: "deictic",
        pattern: |_| {
            r"(?i)\b(?:(?:earlier|later|early|late)\s+)?(?P<w>today|yesterday|tomorrow|tonight|this\s+(?:morning|afternoon|evening)|last\s+night|(?:yesterday|tomorrow)\s+(?:morning|afternoon|evening|night))\b".into()
        },
        apply: deictic,
    },
    RuleDef {
        name: "weekday",
        pattern: |f| {
            format!(
                r"(?i)\b(?:(?P<rel>last|next|this|each|every)\s+)?(?:(?:early|late|earlier|later)\s+)?(?P<wd>{wd})(?P<pl>s)?\b(?:\s+(?P<pod>morning|afternoon|evening|night)(?P<podpl>s)?\b)?",
                wd = f.weekday
            )
        },
        apply: weekday,
    },
    RuleDef {
        name: "clock",
        pattern: |f| {
            format!(
                r"(?i)\b(?:(?:about|around|approximately|shortly\s+(?:before|after))\s+)?(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|a\.m\b|p\.m\b|am\b|pm\b|o['’]clock\b)(?:\s+(?P<tz>[ECMP][SD]T|GMT|UTC)\b)?(?:,?\s+(?:on\s+)?(?P<day>{wd}|today|yesterday|tomorrow|{mon}\s+[0-3]?\d)\b)?",
                wd = f.weekday,
                mon = f.month
            )
        },
        apply: clock,
    },
    RuleDef {
        name: "clock-24h",
        pattern: |_| {
            r"(?i)\b(?P<h>[01]\d|2[0-3]):(?P<m>[0-5]\d)\s*(?:(?P<tz>GMT|UTC|[ECMP][SD]T)\b|local\s+time\b|hours\b)".into()
        },
        apply: clock,
    },
    RuleDef {
        name: "noon",
        pattern: |f| {
            format!(
                r"(?i)\b(?P<w>noon|midnight|midday)(?:,?\s+(?:on\s+)?(?P<day>{wd}|today|yesterday|tomorrow)\b)?",
                wd = f.weekday
            )
        },
        apply: noon,
    },
    RuleDef {
        name: "holiday",
        pattern: |f| {
            format!(
                r"(?i)\b(?:(?P<rel>last|next|this)\s+)?(?P<h>{h})\b(?:,?\s+(?P<y>\d{{4}})\b)?",
                h = f.holiday
            )
        },
        apply: holiday,
    },
    RuleDef {
        name: "ago",
        pattern: |f| {
            format!(
                r"(?i)\b(?:(?:{quals})\s+)?(?P<n>{num})\s+(?P<u>{unit})\s+(?:or\s+so\s+)?(?P<dir>ago|earlier|later|from\s+now|hence)\b",
                quals = f.quals,
                num = f.num,
                unit = f.unit
            )
        },
        apply: ago,
    },
    RuleDef {
        name: "year-ago",
        pattern: |_| {
            r"(?i)\b(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?year-(?:earlier|ago)\b(?:\s+(?:period|quarter)\b)?".into()
        },
        apply: year_ago,
    },
    RuleDef {
        name: "duration",
        pattern: |f| {
            format!(
                r"(?i)\b(?:(?:{quals})\s+)?(?:(?:the|each\s+of\s+the|the\s+better\s+part\s+of)\s+)?(?:(?P<rel>first|last|past|next|previous|coming|final|latest|following|initial|remaining|last-)\s*)?(?P<n>{num})(?P<hy>[\s-]+)(?P<u>{unit})\b(?P<half>\s+and\s+a\s+half\b)?(?P<suf>-long\b|-old\b|[\s-]old\b)?",
                quals = f.quals,
                num = f.num,
                unit = f.unit
            )
        },
        apply: duration,
    },
    RuleDef {
        name: "vague",
        pattern: |f| format!(r"(?i)\b(?P<w>{})\b", f.vague),
        apply: vague,
    },
    RuleDef {
        name: "set-word",
        pattern: |f| format!(r"(?i)\b(?P<w>{})\b", f.sets),
        apply: set_word,
    },
    RuleDef {
        name: "every",
        pattern: |f| {
            format!(
                r"(?i)\b(?:every|each)\s+(?P<other>other\s+)?(?:(?P<n>{num})\s+)?(?P<u>{unit}|{mon}|{season})\b",
                num = f.num,
                unit = f.unit,
                mon = f.month_full,
                season = f.season
            )
        },
        apply: every,
    },
];

/// The compiled rule table.
#[derive(Debug)]
pub(crate) struct Grammar {
    rules: Vec<(&'static str, Regex, Apply)>,
}

impl Grammar {
    pub(crate) fn new() -> Grammar {
        let frags = Frags::new();
        let rules = RULES
            .iter()
            .map(|r| {
                // ASCII word boundaries: a Unicode `\b` makes the fast DFA give up on
                // any non-ASCII text (curly quotes, dashes), which made this stage the
                // pipeline's slowest by far. News dates and numbers are ASCII.
                let pattern = (r.pattern)(&frags).replace(r"\b", r"(?-u:\b)");
                let re = Regex::new(&pattern)
                    .unwrap_or_else(|e| panic!("rule {} does not compile: {e}", r.name));
                (r.name, re, r.apply)
            })
            .collect();
        Grammar { rules }
    }

    /// The process-wide grammar, compiled on first use (~12–25 ms) and shared by every
    /// [`TimeTagger`](crate::TimeTagger) and by [`document_date`](crate::document_date).
    pub(crate) fn shared() -> &'static Grammar {
        static GRAMMAR: std::sync::OnceLock<Grammar> = std::sync::OnceLock::new();
        GRAMMAR.get_or_init(Grammar::new)
    }

    /// Names of the rules, in priority order.
    #[cfg(test)]
    pub(crate) fn names(&self) -> Vec<&'static str> {
        self.rules.iter().map(|r| r.0).collect()
    }

    /// Every rule's matches, then the longest non-overlapping ones, in text order.
    pub(crate) fn find(&self, ctx: &Ctx) -> Vec<Hit> {
        let mut hits = Vec::new();
        for (i, (_, re, apply)) in self.rules.iter().enumerate() {
            for caps in re.captures_iter(ctx.text) {
                let Some(m) = caps.get(0) else { continue };
                let Some(found) = apply(ctx, &caps) else {
                    continue;
                };
                let (start, end) = found.span.unwrap_or((m.start(), m.end()));
                let (start, end) = trim(ctx.text, start, end);
                if start >= end || (self.rules[i].0 != "holiday" && in_title(ctx.text, start, end))
                {
                    continue;
                }
                hits.push(Hit {
                    start,
                    end,
                    kind: found.kind,
                    value: found.value,
                    rule: i,
                });
            }
        }
        hits.sort_by_key(|h| (std::cmp::Reverse(h.end - h.start), h.rule, h.start));
        // greedy longest-first; kept extents never overlap, so an ordered map by start
        // answers "does this hit overlap a kept one?" from its two neighbours
        let mut taken: std::collections::BTreeMap<usize, usize> = Default::default();
        let mut kept: Vec<Hit> = Vec::new();
        for h in hits {
            let before = taken.range(..=h.start).next_back();
            let after = taken.range(h.start..).next();
            let free =
                before.is_none_or(|(_, &e)| e <= h.start) && after.is_none_or(|(&s, _)| s >= h.end);
            if free {
                taken.insert(h.start, h.end);
                kept.push(h);
            }
        }
        kept.sort_by_key(|h| h.start);
        kept
    }
}

/// Trim whitespace and a trailing comma from an extent (bytes stay on char boundaries).
fn trim(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    let Some(s) = text.get(start..end) else {
        return (0, 0);
    };
    let t = s.trim_end_matches([',', ' ', '\n', '\t', '\r']);
    end = start + t.len();
    let lead = t.len() - t.trim_start().len();
    start += lead;
    (start, end)
}

// ------------------------------------------------------------------ helpers

fn g<'c>(caps: &Captures<'c>, name: &str) -> Option<&'c str> {
    caps.name(name).map(|m| m.as_str())
}

fn num<T: std::str::FromStr>(caps: &Captures, name: &str) -> Option<T> {
    g(caps, name)?.parse().ok()
}

/// Month words must be capitalised ("may", "march" are verbs).
fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase())
}

fn month_of(caps: &Captures, name: &str) -> Option<u8> {
    let w = g(caps, name)?;
    if !capitalised(w) {
        return None;
    }
    lex::lookup(lex::MONTHS, w)
}

fn weekday_of(caps: &Captures, name: &str) -> Option<u8> {
    let w = g(caps, name)?;
    if !capitalised(w) {
        return None;
    }
    lex::lookup(lex::WEEKDAYS, w)
}

/// The character just before byte `i`.
fn before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// The character just after byte `i`.
fn after(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// The tense of the clause around a span: the tense cue nearest the span wins, so
/// that the verb governing the expression decides ("issued July 1, which will
/// receive ..." looks back; "said the plant would close in January" looks ahead).
fn lean(ctx: &Ctx, start: usize, end: usize) -> Lean {
    let text = ctx.text;
    let mut s = start.saturating_sub(160);
    while s > 0 && !text.is_char_boundary(s) {
        s -= 1;
    }
    let mut e = (end + 80).min(text.len());
    while e < text.len() && !text.is_char_boundary(e) {
        e += 1;
    }
    let left = text.get(s..start).unwrap_or("");
    let left = left
        .rfind(['.', '!', '?', '\n', ';'])
        .map_or(left, |i| &left[i + 1..]);
    let right = text.get(end..e).unwrap_or("");
    let right = right
        .find(['.', '!', '?', '\n', ';'])
        .map_or(right, |i| &right[..i]);
    let is_word_char = |c: char| c.is_alphanumeric() || c == '\'' || c == '’';
    let mut lw = left
        .rsplit(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty());
    let mut rw = right
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty());
    // "since March": the preposition alone decides.
    let mut first_left = true;
    loop {
        let (l, r) = (lw.next(), rw.next());
        if l.is_none() && r.is_none() {
            return Lean::Nearest;
        }
        if let Some(w) = l {
            let w = w.to_ascii_lowercase();
            if first_left && w == "since" {
                return Lean::Past;
            }
            first_left = false;
            if let Some(t) = tense_cue(&w) {
                return t;
            }
        }
        if let Some(w) = r {
            if let Some(t) = tense_cue(&w.to_ascii_lowercase()) {
                return t;
            }
        }
    }
}

/// A word that puts the clause in the past or the future.
fn tense_cue(w: &str) -> Option<Lean> {
    if FUTURE_CUES.contains(&w)
        || LEAN_FUTURE_CUES.contains(&w)
        || w.ends_with("'ll")
        || w.ends_with("’ll")
    {
        return Some(Lean::Future);
    }
    if PAST_CUES.contains(&w) || LEAN_PAST_CUES.contains(&w) {
        return Some(Lean::Past);
    }
    // Regular past forms ("introduced", "ended"), but not adjectives and participles
    // that look ahead or name things ("expected", "scheduled", "United", "Limited").
    if w.len() >= 5
        && w.ends_with("ed")
        && !w.ends_with("eed")
        && !NOT_PAST_ED.contains(&w)
        && w.bytes().all(|b| b.is_ascii_lowercase())
    {
        return Some(Lean::Past);
    }
    None
}

/// Future cues for month and date resolution, beyond [`FUTURE_CUES`].
const LEAN_FUTURE_CUES: &[&str] = &[
    "would", "expected", "expects", "expect", "plans", "planned", "planning", "due", "next",
    "coming", "until", "intends", "aims", "hopes", "proposed", "slated",
];

/// Past cues for month and date resolution, beyond [`PAST_CUES`].
const LEAN_PAST_CUES: &[&str] = &[
    "was", "were", "had", "did", "last", "began", "came", "went", "took", "gave", "made", "told",
    "fell", "rose", "won", "lost", "met", "held", "sold", "bought", "brought", "became", "wrote",
    "struck", "left", "paid", "saw", "former",
];

/// Words in -ed that are not past-tense cues.
const NOT_PAST_ED: &[&str] = &[
    "expected",
    "scheduled",
    "planned",
    "proposed",
    "united",
    "limited",
    "based",
    "related",
    "needed",
    "indeed",
    "hundred",
    "advanced",
    "red",
    "shed",
];

/// A future auxiliary in the clause just before a weekday ("will meet Friday").
/// Weekdays in news are past unless the verb governing them is in the future.
fn looks_ahead(ctx: &Ctx, start: usize) -> bool {
    let mut s = start.saturating_sub(AHEAD_WINDOW);
    while !ctx.text.is_char_boundary(s) {
        s -= 1;
    }
    let left = ctx.text.get(s..start).unwrap_or("");
    let left = left
        .rfind([',', '.', ';', '\n', '"'])
        .map_or(left, |i| &left[i + 1..]);
    // "Wednesday's ruling": a possessive weekday names an event already reported
    let possessive = ctx
        .text
        .get(start..)
        .and_then(|r| r.find(|c: char| !c.is_alphabetic()).map(|i| &r[i..]))
        .is_some_and(|r| r.starts_with("'s") || r.starts_with("’s"));
    let lower = left.to_ascii_lowercase();
    AHEAD_PHRASES.iter().any(|p| lower.contains(p))
        || left
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .any(|w| {
                // "Until Thursday, they had ...": a clause-opening "Until" looks back
                let cue = WEEKDAY_FUTURE_CUES.contains(&w) && !possessive;
                let w = w.to_ascii_lowercase();
                FUTURE_CUES.contains(&w.as_str()) || cue || w.ends_with("'ll") || w.ends_with("’ll")
            })
}

/// Phrases that put a weekday later in the clause ahead of the anchor: schedules
/// ("set to resume Monday", "is to vote Tuesday") and earliest dates ("as early as
/// Tuesday", "as soon as Friday").
const AHEAD_PHRASES: &[&str] = &[
    " set to ",
    " is to ",
    " are to ",
    "as early as ",
    "as soon as ",
];

/// How far back (bytes, within the clause) [`looks_ahead`] reads.
const AHEAD_WINDOW: usize = 80;

/// Extra cues that put a nearby weekday ahead: plans, schedules, deadlines ("until
/// Tuesday", "as early as Tuesday", "set to resume Monday", "would travel Thursday").
const WEEKDAY_FUTURE_CUES: &[&str] = &[
    "plan",
    "planned",
    "planning",
    "plans",
    "soon",
    "until",
    "would",
    "postponed",
];

const FUTURE_CUES: &[&str] = &[
    "will",
    "shall",
    "won't",
    "scheduled",
    "upcoming",
    "tomorrow",
];

const PAST_CUES: &[&str] = &["ago", "earlier", "yesterday"];

fn unresolved_date(month: u8, day: u8) -> String {
    format!("XXXX-{month:02}-{day:02}")
}

fn part_of_day(word: &str) -> Option<&'static str> {
    lex::lookup(lex::PARTS_OF_DAY, word)
}

// -------------------------------------------------------------- rule bodies

fn iso_date(_: &Ctx, caps: &Captures) -> Option<Found> {
    let d = calendar::date(num(caps, "y")?, num(caps, "m")?, num(caps, "d")?)?;
    match (num::<u8>(caps, "hh"), num::<u8>(caps, "mm")) {
        (Some(h), Some(m)) if h < 24 && m < 60 => {
            Found::new(TimeType::Time, format!("{}T{h:02}:{m:02}", fmt_date(d)))
        }
        _ => Found::new(TimeType::Date, fmt_date(d)),
    }
}

fn slash_date(ctx: &Ctx, caps: &Captures) -> Option<Found> {
    let m0 = caps.get(0)?;
    if matches!(before(ctx.text, m0.start()), Some('/' | '.' | '-'))
        || matches!(after(ctx.text, m0.end()), Some('/' | '-'))
    {
        return None;
    }
    let a: u8 = num(caps, "a")?;
    let b: u8 = num(caps, "b")?;
    let ys = g(caps, "y")?;
    let mut y: i32 = ys.parse().ok()?;
    if ys.len() == 2 {
        y += if y < 50 { 2000 } else { 1900 };
    }
    // US order unless the first number cannot be a month.
    let (m, d) = if a > 12 { (b, a) } else { (a, b) };
    Found::new(TimeType::Date, fmt_date(calendar::date(y, m, d)?))
}

fn month_day(ctx: &Ctx, caps: &Captures) -> Option<Found> {
    let month = month_of(caps, "mon")?;
    let day: u8 = num(caps, "day")?;
    if !(1..=31).contains(&day) {
        return None;
    }
    let m0 = caps.get(0)?;
    // "May 5" is a month only when "May" is not a name or a verb.
    if after(ctx.text, m0.end()).is_some_and(|c| c.is_ascii_digit() || c == '%') {
        return None;
    }
    if let Some(y) = num::<i32>(caps, "y") {
        let d = calendar::date(y, month, day)?;
        return Found::new(TimeType::Date, fmt_date(d));
    }
    let value = match ctx.anchor {
        Some(a) => {
            let lean = lean(ctx, m0.start(), m0.end());
            let y = a.year_for(month, Some(day), lean);
            fmt_date(calendar::date(y, month, day)?)
        }
        None => unresolved_date(month, day),
    };
    // A weekday with a comma and a date: keep the whole "Thursday, April 6".
    let _ = weekday_of(caps, "wd");
    Found::new(TimeType::Date, value)
}

fn month_year(_: &Ctx, caps: &Captures) -> Option<Found> {
    let month = month_of(caps, "mon")?;
    let y: i32 = num(caps, "y")?;
    calendar::date(y, month, 1)?;
    Found::new(TimeType::Date, format!("{y:04}-{month:02}"))
}

/// Words before a bare "May" that make it a month rather than a name or a verb.
const MAY_CUES: &[&str] = &[
    "in",
    "since",
    "until",
    "by",
    "last",
    "next",
    "this",
    "early",
    "late",
    "mid",
    "of",
    "through",
    "from",
    "to",
    "before",
    "after",
    "during",
    "end",
    "beginning",
    "and",
    "or",
    "until",
    "between",
];

fn month_alone(ctx: &Ctx, caps: &Captures) -> Option<Found> {
    let month = month_of(caps, "mon")?;
    let m0 = caps.get(0)?;
    let mon = caps.name("mon")?;
    let rel = g(caps, "rel").map(|r| r.to_ascii_lowercase());
    // A capitalised word right after is a name ("April Glaspie"), unless it is a date word.
    let rest = ctx.text.get(mon.end()..).unwrap_or("");
    if let Some(next) = rest.strip_prefix(' ') {
        if next.chars().next().is_some_and(|c| c.is_uppercase())
            && !next.starts_with("The ")
            && lex::lookup(lex::WEEKDAYS, next.split(' ').next().unwrap_or("")).is_none()
        {
            return None;
        }
    }
    // "the March for Life": a month is not a countable noun.
    if rel.is_none() && mon.start() == m0.start() {
        let prev = ctx.text.get(..mon.start()).unwrap_or("").trim_end();
        let prev_word = prev.rsplit(' ').next().unwrap_or("").to_ascii_lowercase();
        if matches!(prev_word.as_str(), "the" | "a" | "an" | "annual") {
            return None;
        }
    }
    if month == 5 && rel.is_none() && mon.start() == m0.start() {
        let prev = ctx.text.get(..mon.start()).unwrap_or("");
        let prev_word = prev
            .trim_end_matches([' ', '-'])
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if !MAY_CUES.contains(&prev_word.as_str()) {
            return None;
        }
    }
    let Some(a) = ctx.anchor else {
        return Found::new(TimeType::Date, format!("XXXX-{month:02}"));
    };
    let y = match rel.as_deref() {
        Some("last") | Some("past") => {
            if month < a.month() {
                a.year()
            } else {
                a.year() - 1
            }
        }
        Some("next") | Some("coming") => {
            if month > a.month() {
                a.year()
            } else {
                a.year() + 1
            }
        }
        Some(_) => a.year(),
        None => a.year_for(month, None, lean(ctx, m0.start(), m0.end())),
    };
    Found::new(TimeType::Date, format!("{y:04}-{month:02}"))
}

/// Words after a number that make it a quantity, not a year.
const NOT_YEAR_AFTER: &[&str] = &[
    "people",
    "persons",
    "troops",
    "soldiers",
    "men",
    "women",
    "children",
    "feet",
    "foot",
    "meters",
    "metres",
    "miles",
    "kilometers",
    "kilometres",
    "tons",
    "tonnes",
    "points",
    "votes",
    "shares",
    "barrels",
    "acres",
    "cases",
    "deaths",
    "dollars",
    "yuan",
    "pounds",
    "employees",
    "workers",
    "jobs",
    "units",
    "cars",
    "homes",
    "residents",
    "students",
    "members",
    "seats",
    "hours",
    "days",
    "years",
    "pages",
    "words",
    "calories",
];

fn year(ctx: &Ctx, caps: &Captures) -> Option<Found> {
    let m0 = caps.get(0)?;
    let ym = caps.name("y")?;
    let y: i32 = ym.as_str().parse().ok()?;
    if !(1000..=2099).contains(&y) {
        return None;
    }
    if matches!(
        before(ctx.text, ym.start()),
        Some('$' | '£' | '€' | '#' | '.' | ',' | '/' | '+' | '-' | '0'..='9')
    ) && ym.start() == m0.start()
    {
        return None;
    }
    let end_y = caps.name("y2").map_or(m0.end(), |_| ym.end());
    let next = ctx.text.get(end_y..).unwrap_or("");
    if next.starts_with(['%', '/'])
        || next.starts_with(",0")
        || next.starts_with('.') && next[1..].starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    if next.starts_with(',') && next[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let next_word = next
        .trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if caps.name("y2").is_none() && NOT_YEAR_AFTER.contains(&next_word.as_str()) {
        return None;
    }
    if let Some(y2m) = caps.name("y2") {
        let s = y2m.as_str();
        let y2: i32 = s.parse().ok()?;
        let y2 = if s.len() == 2 { y / 100 * 100 + y2 } else { y2 };
        if y2 > y && y2 - y < 100 {
            return Found::new(TimeType::Date, format!("{y:04}/{y2:04}"));
        }
        return Some(Found {
            kind: TimeType::Date,
            value: format!("{y:04}"),
            span: Some((m0.start(), ym.end())),
        });
    }
    Found::new(TimeType::Date, format!("{y:04}"))
}

/// "nineteen ninety-six" → 1996, "two thousand and one" → 2001.
fn parse_spelled_year(s: &str) -> Option<i32> {
    let lower = s.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c == '-' || c.is_whitespace())
        .filter(|w| !w.is_empty() && *w != "and")
        .collect();
    let n = |w: &str| lex::lookup(lex::NUMBER_WORDS, w).map(|v| v as i32);
    match words.as_slice() {
        ["two", "thousand", rest @ ..] => {
            Some(2000 + rest.iter().map(|w| n(w)).sum::<Option<i32>>()?)
        }
        [century, "hundred"] => Some(n(century)? * 100),
        [century, rest @ ..] if !rest.is_empty() => {
            Some(n(century)? * 100 + rest.iter().map(|w| n(w)).sum::<Option<i32>>()?)
        }
        _ => None,
    }
}

fn spelled_year(_: &Ctx, caps: &Captures) -> Option<Found> {
    let y = parse_spelled_year(g(caps, "y")?)?;
    let whole = g(caps, "y")?.to_ascii_lowercase();
    let prefixed = caps.get(0)?.start() != caps.name("y")?.start();
    // A bare "two thousand" is a number; it needs "the year" or a month before it.
    if whole.starts_with("two") && !prefixed {
        return None;
    }
    if let Some(m) = caps.name("mon") {
        if !capitalised(m.as_str()) {
            return None;
        }
        let month = lex::lookup(lex::MONTHS, m.as_str())?;
        return Found::new(TimeType::Date, format!("{y:04}-{month:02}"));
    }
    if let Some((code, _, _)) = g(caps, "s").and_then(season_code) {
        return Found::new(TimeType::Date, format!("{y:04}-{code}"));
    }
    Found::new(TimeType::Date, format!("{y:04}"))
}

fn decade(ctx: &Ctx, caps: &Captures) -> Option<Found> {
    if let Some(y) = g(caps, "y") {
        return Found::new(TimeType::Date, y);
    }
    let d: i32 = num(caps, "yy")?;
    // '90s: the latest such decade not after the document year (19xx without one).
    let century = match ctx.anchor {
        Some(a) if (a.year() / 100) * 100 + d * 10 <= a.year() => a.year() / 100,
        Some(a) => a.year() / 100 - 1,
        None => 19,
    };
    Found::new(TimeType::Date, format!("{century:02}{d}"))
}

fn century(_: &Ctx, caps: &Captures) -> Option<Found> {
    let n: i32 = num(caps, "n")?;
    if !(1..=21).contains(&n) {
        return None;
    }
    Found::new(TimeType::Date, format!("{:02}", n - 1))
}

fn quarter(ctx: &Ctx, caps: &Captures) -> Option<Found> {
    let n = lex::lookup(lex::ORDINALS, g(caps, "ord")?)?;
    let half = g(caps, "u")?.eq_ignore_ascii_case("half");
    if half && n > 2 {
        return None;
    }
    let pre = g(caps, "pre").unwrap_or("").to_ascii_lowercase();
    let code = if half { 'H' } else { 'Q' };
    let y = match (num::<i32>(caps, "y").or(num::<i32>(caps, "y0")), ctx.anchor) {
        (Some(y), _) => y,
        (None, Some(a)) => {
            let current = if half {
                (a.month() - 1) / 6 + 1
            } else {
                a.quarter()
            };
            let m0 = caps.get(0)?;
            let mut y = a.year();
            if n > current && lean(ctx, m0.start(), m0.end()) != Lean::Future {
                y -= 1;
            }
            if pre.contains("year-") {
                y -= 1;
            }
            match g(caps, "ry").map(|r| r.to_ascii_lowercase()).as_deref() {
                Some("last") => a.year() - 1,
                Some("next") => a.year() + 1,
                Some(_) => a.year(),
                None => y,
            }
        }
        (None, None) => return Found::new(TimeType::Date, format!("XXXX-{code}{n}")),
    };
    Found::new(TimeType::Date, format!("{y:04}-{code}{n}"))
}

fn relative_quarter(ctx: &Ctx, caps: &Captures) -> Option<Found> {
    let det = g(caps, "det")?.to_ascii_lowercase();
    let m = g(caps, "m").unwrap_or("").to_ascii_lowercase();
    let period = g(caps, "u")?.eq_ignore_ascii_case("period");
    if ctx
        .text
        .get(caps.get(0)?.end()..)
        .is_some_and(|r| r.starts_with('-'))
    {
        return None; // "the quarter-to-quarter comparison"
    }
    let year = num::<i32>(caps, "y");
    // "the period" alone is not a time; "the latest period", "the 1988 period" are.
    if period && year.is_none() && !m.contains("latest") {
        return None;
    }
    let Some(a) = ctx.anchor else {
        return Found::new(TimeType::Date, "XXXX-QX");
    };
    if let Some(y) = year {
        let reported = reported_quarter(a, 0);
        let (_, q) = reported.split_once('-')?;
        return Found::new(TimeType::Date, format!("{y:04}-{q}"));
    }
    let (mut y, mut q) = (a.year(), a.quarter() as i32);
    let shift = if m.contains("current") || (det == "this" && m.is_empty()) {
        0
    } else if det == "next" {
        1
    } else {
        // "the quarter", "the latest quarter", "last quarter": the last one reported.
        -1
    };
    q += shift;
    if m.contains("year-") {
        y -= 1;
    }
    if q < 1 {
        q += 4;
        y -= 1;
    } else if q > 4 {
        q -= 4;
        y += 1;
    }
    Found::new(TimeType::Date, format!("{y:04}-Q{q}"))
}

fn season_code(word: &str) -> Option<(&'static str, u8, u8)> {
    lex::SEASONS
        .iter()
        .find(|s| s.0.eq_ignore_ascii_case(word))
        .map(|s| (s.1, s.2, s.3))
}

fn relative(ctx: &Ctx, caps: &Captures) -> Option<Found> {
    let rel = g(caps, "rel")?.to_ascii_lowercase();
    let rel = rel.split_whitespace().collect::<Vec<_>>();
    let has_the = rel.first() == Some(&"the");
    let rel = *rel.last()?;
    let unit = g(caps, "u")?.to_ascii_lowercase();
    let offset: i64 = match rel {
        "this" | "current" | "coming" if unit != "weekend" || rel != "coming" => 0,
        "last" | "past" | "previous" => -1,
        _ => 1,
    };
    let offset = if rel == "coming" { 1 } else { offset };
    // "the past decade", "the next week": a period reaching back (or ahead) from now.
    // TimeBank reads "the past year" / "the past month" as the previous calendar unit.
    let calendar_unit =
        matches!(unit.as_str(), "year" | "month") && matches!(rel, "past" | "last" | "previous");
    if !calendar_unit
        && (has_the && matches!(rel, "past" | "last" | "next" | "coming") || rel == "past")
    {
        let value = match unit.as_str() {
            "week" => "P1W",
            "month" => "P1M",
            "year" => "P1Y",
            "decade" => "P10Y",
            "century" => "P100Y",
            "weekend" => "P2D",
            _ => return None,
        };
        return Found::new(TimeType::Duration, value);
    }
    let Some(a) = ctx.anchor else {
        let v = match unit.as_str() {
            "week" => "XXXX-WXX".to_string(),
            "weekend" => "XXXX-WXX-WE".to_string(),
            "month" => "XXXX-XX".to_string(),
            "year" => "XXXX".to_string(),
            "decade" => "XXX".to_string(),
            "century" => "XX".to_string(),
            s => format!("XXXX-{}", season_code(s)?.0),
        };
        return Found::new(TimeType::Date, v);
    };
    let value = match unit.as_str() {
        "week" => fmt_week(a.week(offset)?),
        "weekend" => format!("{}-WE", fmt_week(a.week(offset)?)),
        "month" => {
            let d = a.months(offset)?;
            format!("{:04}-{:02}", d.year(), d.month())
        }
        "year" => format!("{:04}", a.year() + offset as i32),
        "decade" => format!("{:03}", a.year() / 10 + offset as i32),
        "century" => format!("{:02}", a.year() / 100 + offset as i32),
        s => {
            let (code, first, last) = season_code(s)?;
            let m = a.month();
            let in_season = if first <= last {
                (first..=last).contains(&m)
            } else {
                m >= first || m <= last
            };
            // Winter belongs to the year it starts in.
            let season_year = |y: i32| if first > last && m <= last { y - 1 } else { y };
            let y = match offset {
                0 => season_year(a.year()),
                -1 if in_season => season_year(a.year()) - 1,
                -1 if first > last => a.year() - 1,
                -1 if last < m => a.year(),
                -1 => a.year() - 1,
                _ if in_season => season_year(a.year()) + 1,
                _ if first > m => a.year(),
                _ if first > last => a.year(),
                _ => a.year() + 1,
            };
            format!("{y:04}-{code}")
        }
    };
    Found::new(TimeType::Date, value)
}

fn the_year(ctx: &Ctx, caps: &Captures) -> Option<Found> {
    let the = caps.name("the")?;
    if ctx
        .text
        .get(the.end()..)
        .is_some_and(|r| r.starts_with("'s") || r.starts_with("’s"))
    {
        return None;
    }
    let span = Some((the.start(), the.end()));
    if caps.name("post").is_some() {
        return Some(Found {
            kind: TimeType::Duration,
            value: "P1Y".into(),
            span,
        });
    }
    let has_mod = !g(caps, "m").unwrap_or("").trim().is_empty();
    if !has_mod && caps.name("pre").is_none() {
        return None;
    }
    let value = match ctx.anchor {
        Some(a) => format!("{:04}", a.year()),
        None => "XXXX".into(),
    };
    Some(Found {
        kind: TimeType::Date,
        value,
        span,
    })
}

fn month_relative_year(ctx: &Ctx, caps: &Captures) -> Option<Found> {
    let month = month_of(caps, "mon")?;
    let rel = g(caps, "rel")?.to_ascii_lowercase();
    let Some(a) = ctx.anchor else {
        return Found::new(TimeType::Date, format!("XXXX-{month:02}"));
    };
    let y = match rel.as_str() {
        "last" => a.year() - 1,
        "next" => a.year() + 1,
        _ => a.year(),
    };
    Found::new(TimeType::Date, format!("{y:04}-{month:02}"))
}

fn the_weekend(ctx: &Ctx, _: &Captures) -> Option<Found> {
    let Some(a) = ctx.anchor else {
        return Found::new(TimeType::Date, "XXXX-WXX-WE");
    };
    // Monday to Wednesday: the weekend just gone; later: the coming or current one.
    let wd = a.date.weekday().to_monday_one_offset();
    let week = if wd <= 3 { a.week(-1)? } else { a.week(0)? };
    Found::new(TimeType::Date, format!("{}-WE", fmt_week(week)))
}

fn part_of_period(ctx: &Ctx, caps: &Captures) -> Option<Found> {
    let unit = g(caps, "u")?.to_ascii_lowercase();
    let Some(a) = ctx.anchor else {
        let v = match unit.as_str() {
            "week" => "XXXX-WXX",
            "month" => "XXXX-XX",
            "year" => "XXXX",
            "decade" => "XXX",
            _ => "XX",
        };
        return Found::new(TimeType::Date, v);
    };
    let v = match unit.as_str() {
        "week" => fmt_week(a.week(0)?),
        "month" => format!("{:04}-{:02}", a.year(), a.month()),
        "year" => format!("{:04}", a.year()),
        "decade" => format!("{:03}", a.year() / 10),
        _ => format!("{:02}", a.year() / 100),
    };
    Found::new(TimeType::Date, v)
}

fn season_year(_: &Ctx, caps: &Captures) -> Option<Found> {
    let (code, _, _) = season_code(g(caps, "s")?)?;
    let y: i32 = num(caps, "y")?;
    Found::new(TimeType::Date, format!("{y:04}-{code}"))
}

fn deictic(ctx: &Ctx, caps: &Captures) -> Option<Found> {
    let w = g(caps, "w")?.to_ascii_lowercase();
    let m0 = caps.get(0)?;
    if ctx
        .text
        .get(m0.end()..)
        .is_some_and(|r| r.starts_with("'s") || r.starts_with("’s"))
    {
        return None;
    }
    let w: Vec<&str> = w.split_whitespace().collect();
    let (day, pod) = match w.as_slice() {
        ["today"] => (0, None),
        ["yesterday"] => (-1, None),
        ["tomorrow"] => (1, None),
        ["tonight"] => (0, Some("NI")),
        ["this", p] => (0, part_of_day(p)),
        ["last", "night"] => (-1, Some("NI")),
        ["yesterday", p] => (-1, part_of_day(p)),
        ["tomorrow", p] => (1, part_of_day(p)),
        _ => return None,
    };
    let date = match ctx.anchor {
        Some(a) => fmt_date(a.days(day)?),
        None => "XXXX-XX-XX".to_string(),
    };
    match pod {
        Some(p) => Found::new(TimeType::Time, format!("{date}T{p}")),
        None => Found::new(TimeType::Date, date),
    }
}

fn weekday(ctx: &Ctx, caps: &Captures) -> Option<Found> {
    let wd = weekday_of(caps, "wd")?;
    let rel = g(caps, "rel").map(|r| r.to_ascii_lowercase());
    let pod = g(caps, "pod").and_then(part_of_day);
    let plural = caps.name("pl").is_some() || caps.name("podpl").is_some();
    let m0 = caps.get(0)?;
    // "Mondays", "every Monday": a set.
    if plural || matches!(rel.as_deref(), Some("each" | "every")) {
        let pod = pod.map(|p| format!("T{p}")).unwrap_or_default();
        return Found::new(TimeType::Set, format!("XXXX-WXX-{wd}{pod}"));
    }
    let date = match ctx.anchor {
        None => format!("XXXX-WXX-{wd}"),
        Some(a) => {
            let d = match rel.as_deref() {
                Some("last") => a.weekday_strict(wd, false)?,
                Some("next") => a.weekday_strict(wd, true)?,
                Some(_) => a.weekday(wd, Lean::Future)?,
                None if looks_ahead(ctx, m0.start()) => a.weekday(wd, Lean::Future)?,
                None => a.weekday(wd, Lean::Past)?,
            };
            fmt_date(d)
        }
    };
    match pod {
        Some(p) => Found::new(TimeType::Date, format!("{date}T{p}")),
        None => Found::new(TimeType::Date, date),
    }
}

/// The date part of a time of day: a weekday or deictic word after it, else the anchor.
fn day_of(ctx: &Ctx, caps: &Captures) -> Option<String> {
    let m0 = caps.get(0)?;
    let day = g(caps, "day").map(|d| d.to_ascii_lowercase());
    let Some(a) = ctx.anchor else {
        return Some(
            match day.as_deref().and_then(|d| lex::lookup(lex::WEEKDAYS, d)) {
                Some(wd) => format!("XXXX-WXX-{wd}"),
                None => "XXXX-XX-XX".into(),
            },
        );
    };
    let d = match day.as_deref() {
        Some("yesterday") => a.days(-1)?,
        Some("tomorrow") => a.days(1)?,
        Some("today") | None => a.date,
        Some(w) if w.ends_with(|c: char| c.is_ascii_digit()) => {
            // "5 p.m. EST Nov. 9"
            let (mon, day) = w.rsplit_once(|c: char| c.is_whitespace())?;
            let month = lex::lookup(lex::MONTHS, mon.trim())?;
            let day: u8 = day.parse().ok()?;
            let y = a.year_for(month, Some(day), lean(ctx, m0.start(), m0.end()));
            calendar::date(y, month, day)?
        }
        Some(w) => {
            let wd = lex::lookup(lex::WEEKDAYS, w)?;
            if looks_ahead(ctx, m0.start()) {
                a.weekday(wd, Lean::Future)?
            } else {
                a.weekday(wd, Lean::Past)?
            }
        }
    };
    Some(fmt_date(d))
}

fn clock(ctx: &Ctx, caps: &Captures) -> Option<Found> {
    let mut h: u8 = num(caps, "h")?;
    let m: u8 = num(caps, "m").unwrap_or(0);
    let ap = g(caps, "ap").map(|s| s.to_ascii_lowercase());
    match ap.as_deref() {
        Some(p) if p.starts_with('p') => {
            if h == 0 || h > 12 {
                return None;
            }
            if h < 12 {
                h += 12;
            }
        }
        Some(p) if p.starts_with('a') => {
            if h == 0 || h > 12 {
                return None;
            }
            if h == 12 {
                h = 0;
            }
        }
        Some(_) if h > 12 || h == 0 => return None, // "o'clock"
        _ => {}
    }
    if caps.name("ap").is_none() && caps.name("m").is_none() {
        return None;
    }
    let date = day_of(ctx, caps)?;
    Found::new(TimeType::Time, format!("{date}T{h:02}:{m:02}"))
}

fn noon(ctx: &Ctx, caps: &Captures) -> Option<Found> {
    let w = g(caps, "w")?.to_ascii_lowercase();
    let m0 = caps.get(0)?;
    let prev = ctx.text.get(..m0.start()).unwrap_or("").trim_end();
    if prev.to_ascii_lowercase().ends_with("high") {
        return None; // "high noon"
    }
    let t = if w == "midnight" { "24:00" } else { "12:00" };
    let date = day_of(ctx, caps)?;
    Found::new(TimeType::Time, format!("{date}T{t}"))
}

fn holiday(ctx: &Ctx, caps: &Captures) -> Option<Found> {
    let name = g(caps, "h")?;
    if !capitalised(name) && !name.to_ascii_lowercase().starts_with("the ") {
        return None;
    }
    let key = name
        .to_ascii_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('’', "'");
    let fixed = lex::FIXED_HOLIDAYS.iter().find(|h| h.0 == key);
    let floating = lex::FLOATING_HOLIDAYS.iter().find(|h| h.0 == key);
    let month = fixed.map(|h| h.1).or(floating.map(|h| h.1))?;
    let in_year = |y: i32| -> Option<String> {
        let d = match (fixed, floating) {
            (Some(f), _) => calendar::date(y, f.1, f.2)?,
            (None, Some(f)) => calendar::nth_weekday(y, f.1, f.2, f.3)?,
            _ => return None,
        };
        Some(fmt_date(d))
    };
    if let Some(y) = num::<i32>(caps, "y") {
        return Found::new(TimeType::Date, in_year(y)?);
    }
    let Some(a) = ctx.anchor else {
        let v = match fixed {
            Some(f) => unresolved_date(f.1, f.2),
            None => "XXXX-XX-XX".into(),
        };
        return Found::new(TimeType::Date, v);
    };
    let m0 = caps.get(0)?;
    let y = match g(caps, "rel").map(|r| r.to_ascii_lowercase()).as_deref() {
        Some("last") => a.year_for(month, None, Lean::Past).min(a.year()),
        Some("next") => a.year_for(month, None, Lean::Future).max(a.year()),
        _ => a.year_for(month, None, lean(ctx, m0.start(), m0.end())),
    };
    Found::new(TimeType::Date, in_year(y)?)
}

/// Duration code of a unit: (value letter(s), is a time unit, multiplier).
fn unit_code(unit: Unit) -> (&'static str, bool, f64) {
    match unit {
        Unit::Second => ("S", true, 1.0),
        Unit::Minute => ("M", true, 1.0),
        Unit::Hour => ("H", true, 1.0),
        Unit::Day => ("D", false, 1.0),
        Unit::Week => ("W", false, 1.0),
        Unit::Weekend => ("WE", false, 1.0),
        Unit::Fortnight => ("W", false, 2.0),
        Unit::Month => ("M", false, 1.0),
        Unit::Quarter => ("Q", false, 1.0),
        Unit::Year => ("Y", false, 1.0),
        Unit::Decade => ("Y", false, 10.0),
        Unit::Century => ("Y", false, 100.0),
    }
}

fn unit_of(word: &str) -> Option<Unit> {
    let w = word.to_ascii_lowercase();
    let w = w.strip_suffix('s').unwrap_or(&w);
    lex::lookup(lex::UNITS, w)
}

fn fmt_amount(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{}", n as u64)
    } else {
        let s = format!("{n:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// `P3D`, `PT5H`, `PXY` (vague), `P1.5Y`.
fn duration_value(n: Option<f64>, unit: Unit) -> Option<String> {
    let (code, time, mult) = unit_code(unit);
    if code == "WE" {
        return Some(match n {
            Some(n) => format!("P{}D", fmt_amount(n * 2.0)),
            None => "PXWE".into(),
        });
    }
    let t = if time { "T" } else { "" };
    Some(match n {
        None if unit == Unit::Decade => "PXDE".into(),
        None if unit == Unit::Century => "PXCE".into(),
        None => format!("P{t}X{code}"),
        Some(n) => {
            let v = n * mult;
            if v.fract() == 0.5 && unit == Unit::Minute {
                format!("PT{}M30S", v.trunc() as u64)
            } else if v.fract() == 0.5 && unit == Unit::Hour {
                format!("PT{}H30M", v.trunc() as u64)
            } else if v.fract() == 0.5 && unit == Unit::Year {
                format!("P{}Y6M", v.trunc() as u64)
            } else {
                format!("P{t}{}{code}", fmt_amount(v))
            }
        }
    })
}

fn ago(ctx: &Ctx, caps: &Captures) -> Option<Found> {
    let unit = unit_of(g(caps, "u")?)?;
    let n = lex::parse_quantity(g(caps, "n")?).ok()?;
    let dir = g(caps, "dir")?.to_ascii_lowercase();
    // "three days later", "a day earlier": TimeML tags the duration, anchored elsewhere.
    let coarse = matches!(
        unit,
        Unit::Year | Unit::Quarter | Unit::Decade | Unit::Century
    );
    if dir == "later" || (dir == "earlier" && !coarse) {
        let u = caps.name("u")?;
        return Some(Found {
            kind: TimeType::Duration,
            value: duration_value(n, unit)?,
            span: Some((caps.get(0)?.start(), u.end())),
        });
    }
    let back = matches!(dir.as_str(), "ago" | "earlier");
    let Some(n) = n else {
        let v = if back { "PAST_REF" } else { "FUTURE_REF" };
        return Found::new(TimeType::Date, v);
    };
    if n.fract() != 0.0 {
        return Found::new(TimeType::Date, if back { "PAST_REF" } else { "FUTURE_REF" });
    }
    let n = n as i64 * if back { -1 } else { 1 };
    let Some(a) = ctx.anchor else {
        let v = match unit {
            Unit::Year | Unit::Decade | Unit::Century => "XXXX",
            Unit::Month | Unit::Quarter => "XXXX-XX",
            Unit::Week | Unit::Weekend | Unit::Fortnight => "XXXX-WXX",
            _ => "XXXX-XX-XX",
        };
        return Found::new(TimeType::Date, v);
    };
    let v = match unit {
        Unit::Second | Unit::Minute | Unit::Hour => fmt_date(a.date),
        Unit::Day => fmt_date(a.days(n)?),
        Unit::Week | Unit::Weekend => fmt_week(a.week(n)?),
        Unit::Fortnight => fmt_week(a.week(2 * n)?),
        Unit::Month => {
            let d = a.months(n)?;
            format!("{:04}-{:02}", d.year(), d.month())
        }
        Unit::Quarter => {
            let d = a.months(3 * n)?;
            format!("{:04}-Q{}", d.year(), (d.month() - 1) / 3 + 1)
        }
        Unit::Year if n == -1 && reports_quarters(ctx, caps.get(0)?.start()) => {
            reported_quarter(a, 1)
        }
        Unit::Year => format!("{:04}", a.year() as i64 + n),
        Unit::Decade => format!("{:04}", a.year() as i64 + 10 * n),
        Unit::Century => format!("{:02}", (a.year() as i64 + 100 * n) / 100),
    };
    Found::new(TimeType::Date, v)
}

fn year_ago(ctx: &Ctx, caps: &Captures) -> Option<Found> {
    let m0 = caps.get(0)?;
    match ctx.anchor {
        Some(a) if reports_quarters(ctx, m0.start()) => {
            Found::new(TimeType::Date, reported_quarter(a, 1))
        }
        Some(a) => Found::new(TimeType::Date, format!("{:04}", a.year() - 1)),
        None => Found::new(TimeType::Date, "XXXX"),
    }
}

/// True in earnings prose: "quarter" in the sentence or just before it. There,
/// "a year ago" and "the year-earlier period" mean the same quarter a year back.
fn reports_quarters(ctx: &Ctx, start: usize) -> bool {
    let mut s = start.saturating_sub(300);
    while !ctx.text.is_char_boundary(s) {
        s -= 1;
    }
    let mut e = (start + 120).min(ctx.text.len());
    while !ctx.text.is_char_boundary(e) {
        e += 1;
    }
    ctx.text[s..e].to_ascii_lowercase().contains("quarter")
}

/// The last quarter reported before the anchor, `years_back` years earlier
/// (`1989-Q3` for a late-October 1989 article and 0).
fn reported_quarter(a: Anchor, years_back: i32) -> String {
    let (mut y, mut q) = (a.year(), a.quarter() as i32 - 1);
    if q < 1 {
        q = 4;
        y -= 1;
    }
    format!("{:04}-Q{q}", y - years_back)
}

/// What the words right before "a year" make of it.
#[derive(PartialEq)]
enum Rate {
    /// "twice a year": a set.
    Frequency,
    /// "$5 a year", "four flights a week": a quantity per period, not annotated.
    Quantity,
    /// Anything else: a duration.
    No,
}

fn rate(ctx: &Ctx, start: usize) -> Rate {
    let prev = ctx.text.get(..start).unwrap_or("");
    let mut words = prev
        .split(|c: char| c.is_whitespace())
        .rev()
        .filter(|w| !w.is_empty());
    let last = words.next().unwrap_or("").to_ascii_lowercase();
    let before = words.next().unwrap_or("").to_ascii_lowercase();
    if matches!(last.as_str(), "once" | "twice" | "thrice" | "times") {
        return Rate::Frequency;
    }
    let numeric = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_digit() || c == '$')
            || lex::parse_quantity(w).is_ok_and(|v| v.is_some())
    };
    if matches!(
        last.as_str(),
        "million" | "billion" | "trillion" | "percent" | "cents" | "dollars"
    ) || last.ends_with('%')
        || numeric(&last)
        || numeric(&before)
    {
        return Rate::Quantity;
    }
    Rate::No
}

fn duration(ctx: &Ctx, caps: &Captures) -> Option<Found> {
    let unit = unit_of(g(caps, "u")?)?;
    let nword = g(caps, "n")?;
    let mut n = lex::parse_quantity(nword).ok()?;
    let lower = nword.to_ascii_lowercase();
    let single = lower == "a" || lower == "an";
    // "a second" is mostly an ordinal; "a quarter" mostly a fraction.
    if single && matches!(unit, Unit::Second | Unit::Quarter) {
        return None;
    }
    if caps.name("half").is_some() {
        n = n.map(|v| v + 0.5);
    }
    let m0 = caps.get(0)?;
    // Ages ("a 6-year-old", "52 years old") are not annotated as times.
    if g(caps, "suf").is_some_and(|s| s.ends_with("old")) {
        return None;
    }
    if ctx
        .text
        .get(m0.end()..)
        .is_some_and(|r| r.starts_with("-old"))
    {
        return None;
    }
    let word_u = g(caps, "u")?;
    let plural = word_u.to_ascii_lowercase().ends_with('s');
    // "a week" after a rate word is a set; "one day" after "at" is fine.
    if single && caps.name("rel").is_none() {
        match rate(ctx, m0.start()) {
            Rate::Frequency => return Found::new(TimeType::Set, duration_value(Some(1.0), unit)?),
            Rate::Quantity => return None,
            Rate::No => {}
        }
    }
    // Plural units need a plural quantity ("two years"), singular a single one.
    if let Some(v) = n {
        if v == 1.0 && plural {
            return None;
        }
    }
    // Numbers glued to money or decimals are not durations ("$5 million years").
    if matches!(before(ctx.text, m0.start()), Some('$' | '.' | ',')) {
        return None;
    }
    Found::new(TimeType::Duration, duration_value(n, unit)?)
}

fn vague(ctx: &Ctx, caps: &Captures) -> Option<Found> {
    let w = g(caps, "w")?.to_ascii_lowercase();
    let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
    let value = lex::lookup(lex::VAGUE_WORDS, &w)?;
    let m0 = caps.get(0)?;
    // "Now," opening a sentence or a quotation is a discourse marker ("Now, he says,
    // ..."), not a reference to the present; TimeML marks "now" only as a temporal
    // adverb. Without the comma it stays: "Now we are asking with our feet" contrasts
    // times, and the TimeBank/AQUAINT gold tags that use as often as not.
    if w == "now"
        && m0.as_str().starts_with('N')
        && after(ctx.text, m0.end()) == Some(',')
        && clause_initial(ctx.text, m0.start())
    {
        return None;
    }
    // "current" is a time only as an adjective: a lower-case word follows
    // ("current levels"), and not the electrical or bookkeeping kind.
    if w == "current" {
        let next = ctx.text.get(m0.end()..).unwrap_or("");
        let next = next.strip_prefix(' ').unwrap_or("");
        let next_word: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
        if next_word.is_empty()
            || !next_word.starts_with(|c: char| c.is_lowercase())
            || NOT_CURRENT.contains(&next_word.as_str())
        {
            return None;
        }
    }
    let kind = if value.starts_with('P') && !value.ends_with("_REF") {
        TimeType::Duration
    } else {
        TimeType::Date
    };
    Found::new(kind, value)
}

/// True when a time word of the extent is capitalised where English writes it in lower
/// case: the expression is part of a name or title (ABC's "This Week", "VOA Today", "60
/// Minutes"), not a time. Month, weekday and season names, all-capital words ("EST")
/// and the first word of a sentence are exempt.
fn in_title(text: &str, start: usize, end: usize) -> bool {
    let Some(s) = text.get(start..end) else {
        return false;
    };
    let mut at = 0;
    for w in s.split(|c: char| !c.is_ascii_alphabetic()) {
        let here = at;
        at += w.len() + 1;
        let Some(first) = w.chars().next() else {
            continue;
        };
        if !first.is_uppercase() || w.chars().all(|c| c.is_uppercase()) {
            continue;
        }
        if here == 0 && clause_initial(text, start) {
            continue;
        }
        let lw = w.to_ascii_lowercase();
        let named = lex::lookup(lex::MONTHS, &lw).is_some()
            || lex::lookup(lex::WEEKDAYS, &lw).is_some()
            || lex::SEASONS.iter().any(|r| r.0 == lw);
        if !named {
            return true;
        }
    }
    false
}

/// True when byte `i` opens a sentence, a line or a quotation: only spaces separate it
/// from the text start, a line break, sentence-final punctuation or an opening quote.
fn clause_initial(text: &str, i: usize) -> bool {
    let left = text.get(..i).unwrap_or("");
    let left = left.trim_end_matches([' ', '\t']);
    match left.chars().next_back() {
        None => true,
        Some(c) => matches!(
            c,
            '\n' | '\r' | '.' | '!' | '?' | '"' | '\u{201c}' | '`' | '\'' | '\u{2018}' | '\u{ab}'
        ),
    }
}

/// Words after "current" that make it a noun phrase about electricity or accounts.
const NOT_CURRENT: &[&str] = &[
    "account", "accounts", "affairs", "events", "flows", "and", "or",
];

fn set_word(_: &Ctx, caps: &Captures) -> Option<Found> {
    let w = g(caps, "w")?;
    Found::new(TimeType::Set, lex::lookup(lex::SET_WORDS, w)?)
}

fn every(_: &Ctx, caps: &Captures) -> Option<Found> {
    let u = g(caps, "u")?;
    let other = caps.name("other").is_some();
    if let Some(m) = lex::lookup(lex::MONTHS, u) {
        return Found::new(TimeType::Set, format!("XXXX-{m:02}"));
    }
    if let Some((code, _, _)) = season_code(u) {
        return Found::new(TimeType::Set, format!("XXXX-{code}"));
    }
    let unit = unit_of(u)?;
    let n = match g(caps, "n") {
        Some(n) => lex::parse_quantity(n).ok()?,
        None => Some(if other { 2.0 } else { 1.0 }),
    };
    Found::new(TimeType::Set, duration_value(n, unit)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_compiles_and_has_a_name() {
        let g = Grammar::new();
        assert_eq!(g.names().len(), RULES.len());
        assert!(g.names().contains(&"month-day"));
    }

    #[test]
    fn spelled_years() {
        assert_eq!(parse_spelled_year("nineteen ninety-six"), Some(1996));
        assert_eq!(parse_spelled_year("two thousand and one"), Some(2001));
        assert_eq!(parse_spelled_year("two thousand"), Some(2000));
        assert_eq!(parse_spelled_year("nineteen hundred"), Some(1900));
        assert_eq!(parse_spelled_year("banana split"), None);
    }

    #[test]
    fn durations() {
        assert_eq!(duration_value(Some(3.0), Unit::Day).unwrap(), "P3D");
        assert_eq!(duration_value(Some(2.0), Unit::Decade).unwrap(), "P20Y");
        assert_eq!(duration_value(None, Unit::Year).unwrap(), "PXY");
        assert_eq!(duration_value(Some(5.0), Unit::Hour).unwrap(), "PT5H");
        assert_eq!(duration_value(Some(1.5), Unit::Minute).unwrap(), "PT1M30S");
        assert_eq!(duration_value(Some(1.5), Unit::Year).unwrap(), "P1Y6M");
        assert_eq!(duration_value(Some(1.5), Unit::Day).unwrap(), "P1.5D");
        assert_eq!(duration_value(Some(2.0), Unit::Quarter).unwrap(), "P2Q");
    }
}
