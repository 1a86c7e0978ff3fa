//! PLOVER events: who did what to whom.
//!
//! A rule-based coder for the 16 categories of the PLOVER manual (AGREE … ASSAULT).
//! A lexicon of verb and noun-phrase triggers (`src/lexicon.txt`, inflected
//! automatically) is compiled once into one aho-corasick automaton; each trigger found in
//! a sentence becomes at most one [`Event`], with:
//!
//! - **category** from the lexicon row, changed by its context: a negated cooperative
//!   trigger ("did not agree") becomes REJECT and a negated hostile one is dropped; a
//!   promise or a modal ("pledged to", "will") makes a cooperative trigger AGREE and a
//!   hostile one THREATEN;
//! - **source**, the subject noun phrase before the trigger (the entity's canonical name
//!   when the phrase ends in an entity mention), and **target**, the noun phrase after it
//!   (after "against", "on", "with", "to" …); the passive ("was attacked by") swaps them;
//! - **date**, the value of a time expression in the same sentence.
//!
//! Only the first trigger of a clause is coded: the triggers in its complement ("refused
//! *to meet*", "urged them *to stop attacks*") belong to it. Speech cues alone ("said",
//! "told") are not events.
//!
//! ```
//! use dossier_core::{Sentence, Span};
//! use dossier_events::EventCoder;
//!
//! let coder = EventCoder::new();
//! let text = "The rebels attacked the northern garrison. Talks are planned.";
//! let sentences = [
//!     Sentence { span: Span::new(0, 42), paragraph: 0 },
//!     Sentence { span: Span::new(43, 61), paragraph: 0 },
//! ];
//! let events = coder.code(text, &sentences, &[], &[]);
//! assert_eq!(events.len(), 1);
//! assert_eq!(events[0].category, "ASSAULT");
//! assert_eq!(events[0].source.as_deref(), Some("The rebels"));
//! assert_eq!(events[0].target.as_deref(), Some("the northern garrison"));
//! ```
//!
//! # Performance
//!
//! One automaton pass over the whole text; sentences without a trigger cost nothing
//! more. [`EventCoder`] is `Send + Sync`: build it once and share it.
#![deny(missing_docs)]

mod lexicon;

pub use lexicon::{inflect, parse, LexiconError, Rule, CATEGORIES, LEXICON, NONE};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use dossier_core::{Entity, EntityLabel, Event, Sentence, Span, TimeExpr, TimeType};

/// Codes events; build once, share across threads.
#[derive(Debug)]
pub struct EventCoder {
    rules: Vec<Rule>,
    automaton: AhoCorasick,
    /// Rule indexes for each automaton pattern (a head string).
    by_pattern: Vec<Vec<usize>>,
    /// Irregular past forms in the lexicon ("met", "sent"): never nouns.
    irregular: std::collections::HashSet<String>,
}

impl Default for EventCoder {
    fn default() -> Self {
        EventCoder::new()
    }
}

impl EventCoder {
    /// Build the coder from the shipped lexicon.
    pub fn new() -> EventCoder {
        // the shipped lexicon is tested to parse (lexicon::tests)
        EventCoder::with_lexicon(LEXICON).unwrap_or_else(|e| panic!("shipped lexicon: {e}"))
    }

    /// Build a coder from lexicon text in the format of `src/lexicon.txt`.
    pub fn with_lexicon(src: &str) -> Result<EventCoder, LexiconError> {
        let rules = parse(src)?;
        let mut patterns: Vec<String> = Vec::new();
        let mut by_pattern: Vec<Vec<usize>> = Vec::new();
        let mut index = std::collections::HashMap::new();
        for (r, rule) in rules.iter().enumerate() {
            for h in &rule.heads {
                let k = *index.entry(h.clone()).or_insert_with(|| {
                    patterns.push(h.clone());
                    by_pattern.push(Vec::new());
                    patterns.len() - 1
                });
                by_pattern[k].push(r);
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .map_err(|e| LexiconError {
                line: 0,
                message: e.to_string(),
            })?;
        let irregular = rules.iter().flat_map(|r| r.irregular.clone()).collect();
        Ok(EventCoder {
            rules,
            automaton,
            by_pattern,
            irregular,
        })
    }

    /// Events in `text`, in text order. `sentences` bound clauses (the whole text is one
    /// sentence when empty); `entities` name actors; `times` date events.
    pub fn code(
        &self,
        text: &str,
        sentences: &[Sentence],
        entities: &[Entity],
        times: &[TimeExpr],
    ) -> Vec<Event> {
        let hits = self.triggers(text);
        if hits.is_empty() {
            return Vec::new();
        }
        let whole = [Sentence {
            span: Span::new(0, text.len()),
            paragraph: 0,
        }];
        let sentences = if sentences.is_empty() {
            &whole[..]
        } else {
            sentences
        };
        // sorted once, sliced per sentence: no per-sentence scans of the whole document
        let mut times: Vec<&TimeExpr> = times.iter().collect();
        times.sort_by_key(|t| t.span.start);
        let mut entities: Vec<&Entity> = entities.iter().collect();
        entities.sort_by_key(|e| e.span.start);
        let mut events = Vec::new();
        let mut h = 0;
        for s in sentences.iter().flat_map(|s| windows(text, s.span)) {
            while h < hits.len() && hits[h].start < s.start {
                h += 1;
            }
            let first = h;
            while h < hits.len() && hits[h].end <= s.end {
                h += 1;
            }
            if first < h {
                let within = |start: usize| start >= s.start && start < s.end;
                let t0 = times.partition_point(|t| t.span.start < s.start);
                let t1 = t0 + times[t0..].partition_point(|t| within(t.span.start));
                let e0 = entities.partition_point(|e| e.span.start < s.start);
                let e1 = e0 + entities[e0..].partition_point(|e| within(e.span.start));
                self.code_sentence(
                    text,
                    s,
                    &hits[first..h],
                    &entities[e0..e1],
                    &times[t0..t1],
                    &mut events,
                );
            }
        }
        events
    }

    /// All trigger matches, leftmost-longest among those on word boundaries, with the
    /// rule that applies (a rule with a matching tail before one without).
    fn triggers(&self, text: &str) -> Vec<Trigger> {
        let bytes = text.as_bytes();
        let mut cands: Vec<(usize, usize, usize)> = Vec::new();
        for m in self.automaton.find_overlapping_iter(text) {
            let (s, e) = (m.start(), m.end());
            // not inside a word or a compound ("Syrian-backed")
            let before_ok = s == 0 || !(is_word_byte(bytes[s - 1]) || bytes[s - 1] == b'-');
            let after_ok = e == bytes.len() || !(is_word_byte(bytes[e]) || bytes[e] == b'-');
            if before_ok && after_ok {
                cands.push((s, e, m.pattern().as_usize()));
            }
        }
        cands.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut out: Vec<Trigger> = Vec::new();
        let mut covered = 0;
        for (s, e, p) in cands {
            if s < covered {
                continue;
            }
            if let Some(t) = self.resolve(text, s, e, p) {
                covered = t.end;
                if self.rules[t.rule].category != NONE {
                    out.push(t);
                }
            }
        }
        out
    }

    fn resolve(&self, text: &str, s: usize, e: usize, p: usize) -> Option<Trigger> {
        let rules = &self.by_pattern[p];
        for &r in rules {
            let rule = &self.rules[r];
            if rule.tails.is_empty() {
                continue;
            }
            if let Some(end) = tail_end(text, e, &rule.tails) {
                return Some(Trigger {
                    start: s,
                    head_end: e,
                    end,
                    rule: r,
                });
            }
        }
        rules
            .iter()
            .find(|&&r| self.rules[r].tails.is_empty())
            .map(|&r| Trigger {
                start: s,
                head_end: e,
                end: e,
                rule: r,
            })
    }

    fn code_sentence(
        &self,
        text: &str,
        sent: Span,
        hits: &[Trigger],
        entities: &[&Entity],
        times: &[&TimeExpr],
        out: &mut Vec<Event>,
    ) {
        let toks = tokenize(text, sent);
        let date = times
            .iter()
            .find(|t| sent.contains(t.span) && t.kind == TimeType::Date)
            .map(|t| t.value.clone());
        let times_here: Vec<Span> = times
            .iter()
            .filter(|t| sent.contains(t.span))
            .map(|t| t.span)
            .collect();
        let ctx = Ctx {
            text,
            toks: &toks,
            times: &times_here,
            entities,
            irregular: &self.irregular,
        };
        let mut i = 0;
        while i < hits.len() {
            let t = &hits[i];
            let rule = &self.rules[t.rule];
            // the triggers up to the next clause boundary are this one's complement
            let mut j = i + 1;
            while j < hits.len() && !clause_boundary(&text[t.end..hits[j].start]) {
                j += 1;
            }
            // what a promise is a promise of: the trigger right after it
            let complement = hits[i + 1..j]
                .first()
                .filter(|c| text[t.end..c.start].split_whitespace().count() <= 3)
                .map(|c| self.rules[c.rule].category);
            let Some(hi) = toks.iter().position(|k| k.start >= t.start) else {
                i = j;
                continue;
            };
            let after = toks
                .iter()
                .position(|k| k.start >= t.end)
                .unwrap_or(toks.len());
            if rule.demand {
                // "the minister said Iran must halt enrichment": a demand, if said
                match demand(&ctx, hi, after) {
                    Some((source, target)) => {
                        out.push(Event {
                            span: Span::new(t.start, t.end),
                            category: rule.category.to_string(),
                            source,
                            target,
                            date: date.clone(),
                        });
                        i = j;
                    }
                    None => i += 1,
                }
                continue;
            }
            i = j;
            // a capitalised trigger inside a sentence is part of a name ("Ceasefire
            // Committee", "Protest Party")
            if hi > 0 && ctx.word(hi).chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let Some(category) = category_in_context(&ctx, hi, rule, complement) else {
                continue;
            };
            let passive = !rule.intent && is_passive(&ctx, hi, &text[t.start..t.head_end]);
            let end = subject_end(&ctx, hi);
            // "X rejected the plan and urged …": the second verb shares the subject
            let shared = end > 0
                && matches!(ctx.lower(end - 1).as_str(), "and" | "but")
                && out.last().is_some_and(|e: &Event| sent.contains(e.span));
            let subject = if shared {
                out.last().and_then(|e| e.source.clone())
            } else {
                subject_before(&ctx, end, hi)
            };
            let (source, target) = if passive {
                (by_agent(&ctx, after), subject)
            } else if after < toks.len() && ctx.lower(after) == "by" {
                // a nominal trigger with its agent: "protests by students"
                (np_forward(&ctx, after + 1), None)
            } else {
                (subject, object(&ctx, after))
            };
            out.push(Event {
                span: Span::new(t.start, t.end),
                category: category.to_string(),
                source,
                target,
                date: date.clone(),
            });
        }
    }
}

/// Longest stretch coded as one sentence; longer "sentences" (unsegmented text) are cut
/// at spaces so that the work per trigger stays bounded.
const MAX_SENTENCE: usize = 2000;

fn windows(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = span.start;
    while span.end - start > MAX_SENTENCE {
        let mut cut = start + MAX_SENTENCE;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let cut = text[start..cut].rfind(' ').map_or(cut, |i| start + i + 1);
        let cut = if cut <= start {
            start + MAX_SENTENCE
        } else {
            cut
        };
        let mut cut = cut;
        while !text.is_char_boundary(cut) {
            cut += 1;
        }
        out.push(Span::new(start, cut));
        start = cut;
    }
    out.push(Span::new(start, span.end));
    out
}

#[derive(Clone, Copy, Debug)]
struct Trigger {
    start: usize,
    head_end: usize,
    end: usize,
    rule: usize,
}

struct Ctx<'a> {
    text: &'a str,
    toks: &'a [Tok],
    times: &'a [Span],
    entities: &'a [&'a Entity],
    irregular: &'a std::collections::HashSet<String>,
}

impl Ctx<'_> {
    fn word(&self, i: usize) -> &str {
        &self.text[self.toks[i].start..self.toks[i].end]
    }
    fn lower(&self, i: usize) -> String {
        self.word(i).to_lowercase()
    }
    fn in_time(&self, i: usize) -> bool {
        let t = self.toks[i];
        self.times
            .iter()
            .any(|s| s.start <= t.start && t.end <= s.end)
    }
}

#[derive(Clone, Copy, Debug)]
struct Tok {
    start: usize,
    end: usize,
    word: bool,
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Words (letters, digits, inner apostrophes, hyphens and initials' periods) and single
/// punctuation characters of `span`.
fn tokenize(text: &str, span: Span) -> Vec<Tok> {
    let s = &text[span.start..span.end];
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if !is_word_char(c) {
            out.push(Tok {
                start: span.start + i,
                end: span.start + i + c.len_utf8(),
                word: false,
            });
            continue;
        }
        let mut end = i + c.len_utf8();
        let mut seg = 1; // letters since the last period
        while let Some(&(j, d)) = it.peek() {
            let next_word = s[j + d.len_utf8()..]
                .chars()
                .next()
                .is_some_and(is_word_char);
            let keep = if is_word_char(d) {
                seg += 1;
                true
            } else if matches!(d, '\'' | '’' | '-') {
                next_word
            } else if d == ',' {
                // "25,000"
                s[i..j].ends_with(|c: char| c.is_ascii_digit())
                    && s[j + 1..].starts_with(|c: char| c.is_ascii_digit())
            } else if d == '.' {
                let initials = seg == 1 && s[i..j].contains('.');
                if next_word || initials {
                    seg = 0;
                    true
                } else {
                    false
                }
            } else {
                false
            };
            if !keep {
                break;
            }
            end = j + d.len_utf8();
            it.next();
        }
        out.push(Tok {
            start: span.start + i,
            end: span.start + end,
            word: true,
        });
    }
    out
}

/// Where one of `tails` starts a word within five words after `from`, its end.
fn tail_end(text: &str, from: usize, tails: &[String]) -> Option<usize> {
    let rest = &text[from..];
    let mut pos = 0;
    for _ in 0..6 {
        // skip spaces
        let skip = rest[pos..].len() - rest[pos..].trim_start().len();
        pos += skip;
        let here = &rest[pos..];
        for t in tails {
            if here.len() >= t.len()
                && here.is_char_boundary(t.len())
                && here[..t.len()].eq_ignore_ascii_case(t)
                && here[t.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !is_word_char(c))
            {
                return Some(from + pos + t.len());
            }
        }
        // step over one word; stop at punctuation
        let w: usize = here
            .char_indices()
            .find(|&(k, c)| {
                let digits = matches!(c, ',' | '.')
                    && here[k + 1..].starts_with(|d: char| d.is_ascii_digit());
                !(is_word_char(c) || c == '-' || c == '\'' || digits)
            })
            .map(|(k, _)| k)
            .unwrap_or(here.len());
        if w == 0 {
            return None;
        }
        pos += w;
    }
    None
}

const BOUNDARY_WORDS: &[&str] = &[
    "but", "while", "whereas", "although", "though", "after", "before", "when", "because", "since",
    "which", "who", "where", "until", "unless", "if", "and",
];

/// True when `between` (text from one trigger's end to the next one's start) holds a
/// clause boundary: ; : ( or a subordinating word, or ", and".
fn clause_boundary(between: &str) -> bool {
    if between.contains([';', ':', '(', '"', '“', '”']) {
        return true;
    }
    let lower = between.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(k, w)| {
        if *w == "and" {
            // "agreed to meet and talk" and "visit Mali and Niger to mediate" stay one
            // clause; "…, and" or "and the army" do not
            lower.contains(", and") || next_is_lowercase_word(between, k)
        } else {
            BOUNDARY_WORDS.contains(w)
        }
    })
}

/// The word after the `k`-th word of `between` exists, is lower case and is not "to".
fn next_is_lowercase_word(between: &str, k: usize) -> bool {
    between
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .nth(k + 1)
        .is_some_and(|w| w != "to" && w.chars().next().is_some_and(char::is_lowercase))
}

const COOPERATIVE: &[&str] = &[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
];
const HOSTILE: &[&str] = &["PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];

fn category_in_context(
    ctx: &Ctx,
    hi: usize,
    rule: &Rule,
    complement: Option<&'static str>,
) -> Option<&'static str> {
    let mut negated = false;
    let mut modal = false;
    let mut k = hi;
    let mut seen = 0;
    while k > 0 && seen < 4 {
        k -= 1;
        if !ctx.toks[k].word {
            break;
        }
        seen += 1;
        let w = ctx.lower(k);
        match w.as_str() {
            "not" | "never" | "cannot" => negated = true,
            "will" | "would" | "shall" | "'ll" => modal = true,
            _ if w.ends_with("n't") || w.ends_with("n’t") => {
                negated = true;
                if w.starts_with("won") || w.starts_with("wouldn") {
                    modal = true;
                }
            }
            _ => {}
        }
        if w == "longer" && k > 0 && ctx.lower(k - 1) == "no" {
            negated = true;
        }
    }
    let mut cat = rule.category;
    if rule.intent {
        cat = match complement {
            Some(c) if HOSTILE.contains(&c) || c == "THREATEN" => "THREATEN",
            _ => "AGREE",
        };
    }
    if negated {
        return if COOPERATIVE.contains(&cat) {
            Some("REJECT")
        } else {
            None
        };
    }
    if modal && !rule.intent {
        let rest = &ctx.text[ctx.toks[hi].start..];
        let end = ctx
            .toks
            .last()
            .map_or(rest.len(), |t| t.end - ctx.toks[hi].start);
        if rest[..end].contains(" unless ") {
            // "will withdraw its troops unless …" is an ultimatum
            cat = "THREATEN";
        } else if COOPERATIVE.contains(&cat) {
            cat = "AGREE";
        } else if HOSTILE.contains(&cat) {
            cat = "THREATEN";
        }
    }
    Some(cat)
}

const BE: &[&str] = &[
    "was", "were", "been", "being", "is", "are", "be", "got", "get",
];

/// "was attacked", "have been killed": a participle trigger after a form of "be".
fn is_passive(ctx: &Ctx, hi: usize, head: &str) -> bool {
    let first = head.split_whitespace().next().unwrap_or("").to_lowercase();
    let participle = first.ends_with("ed")
        || matches!(
            first.as_str(),
            "shot" | "struck" | "beaten" | "beat" | "held" | "sent" | "fought" | "taken"
        );
    if !participle {
        return false;
    }
    let mut k = hi;
    for _ in 0..2 {
        if k == 0 || !ctx.toks[k - 1].word {
            return false;
        }
        k -= 1;
        let w = ctx.lower(k);
        if BE.contains(&w.as_str()) {
            return true;
        }
        if !w.ends_with("ly") && w != "not" && w != "reportedly" {
            return false;
        }
    }
    false
}

const SKIP_BACK: &[&str] = &[
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "will",
    "would",
    "shall",
    "should",
    "could",
    "can",
    "may",
    "might",
    "must",
    "did",
    "does",
    "do",
    "not",
    "never",
    "also",
    "again",
    "later",
    "earlier",
    "today",
    "yesterday",
    "tonight",
    "then",
    "now",
    "still",
    "already",
    "first",
    "just",
    "jointly",
    "formally",
    "officially",
    "to",
    "'ll",
    "no",
    "longer",
    "once",
    "soon",
    "reportedly",
    "allegedly",
    "repeatedly",
    "finally",
    "recently",
    "immediately",
    "quickly",
    "publicly",
    "openly",
    "strongly",
    "sharply",
];

const STOP_BACK: &[&str] = &[
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "after",
    "before",
    "when",
    "while",
    "because",
    "since",
    "as",
    "if",
    "but",
    "although",
    "though",
    "where",
    "announced",
    "reported",
    "stated",
    "added",
    "declared",
    "claimed",
    "according",
    "than",
    "whether",
    "so",
    "yet",
    "during",
    "amid",
    "by",
    "unless",
    "until",
    "whom",
];

const PRONOUNS: &[&str] = &[
    "it",
    "they",
    "he",
    "she",
    "him",
    "her",
    "them",
    "us",
    "we",
    "i",
    "you",
    "itself",
    "themselves",
    "himself",
    "herself",
    "its",
    "their",
    "this",
    "these",
    "those",
    "which",
    "who",
    "there",
];

/// The noun phrase before the trigger at token `hi`.
fn subject(ctx: &Ctx, hi: usize) -> Option<String> {
    let end = subject_end(ctx, hi);
    subject_before(ctx, end, hi)
}

/// A word that plausibly modifies a following noun ("24-hour", "unilateral", "new"):
/// numbers, hyphenated compounds and common adjective endings.
fn is_modifier(w: &str) -> bool {
    let lw = w.to_lowercase();
    w.chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
        && (lw.contains('-')
            || lw.chars().any(|c| c.is_ascii_digit())
            || ["al", "ic", "ive", "ous", "ful", "ary", "ern", "ish"]
                .iter()
                .any(|x| lw.ends_with(x))
            || [
                "new", "fresh", "major", "full", "brief", "rare", "further", "long", "short",
                "big", "large", "small", "fierce", "heavy", "first", "second", "last",
            ]
            .contains(&lw.as_str()))
}

const PREPOSITIONS: &[&str] = &[
    "of", "in", "on", "at", "for", "with", "by", "from", "during", "after", "before", "into",
    "against", "over", "under", "about", "amid", "despite", "to", "as", "through", "between",
    "and", "or", "that", "than",
];

const AUX: &[&str] = &[
    "has", "have", "had", "was", "were", "is", "are", "will", "would", "did", "does", "can",
    "could", "should", "may", "might", "must", "shall",
];

/// Where the subject phrase of the trigger at `hi` ends: before the auxiliaries,
/// adverbs, time expressions and control verb in between.
fn subject_end(ctx: &Ctx, hi: usize) -> usize {
    let mut k = hi;
    // auxiliaries, adverbs, time expressions, "to" and its control verb ("decided to")
    while k > 0 {
        let w = ctx.lower(k - 1);
        if !ctx.toks[k - 1].word {
            // an apposition or aside between commas: ", the Russian president,"
            if w == "," && k >= 2 {
                let open = (k.saturating_sub(12)..k - 1)
                    .rev()
                    .find(|&m| ctx.lower(m) == ",");
                if let Some(m) = open {
                    if m > 0 && ctx.toks[m - 1].word {
                        k = m;
                        continue;
                    }
                }
            }
            break;
        }
        if ctx.in_time(k - 1) || SKIP_BACK.contains(&w.as_str()) || w.ends_with("ly") {
            if w == "to" && k >= 2 && ctx.toks[k - 2].word {
                k -= 1; // the control verb
            }
            k -= 1;
            continue;
        }
        if w == "on" && k < hi && ctx.in_time(k) {
            k -= 1;
            continue;
        }
        // unknown adverbs before a known auxiliary ("has once again outright rejected")
        if let Some(a) = (k.saturating_sub(3)..k).rev().find(|&a| {
            AUX.contains(&ctx.lower(a).as_str())
                && (a..k).all(|b| {
                    ctx.toks[b].word && ctx.word(b).chars().next().is_some_and(char::is_lowercase)
                })
        }) {
            k = a;
            continue;
        }
        break;
    }
    k
}

/// The subject phrase ending at token `end`.
fn subject_before(ctx: &Ctx, end: usize, hi: usize) -> Option<String> {
    let mut start = end;
    while start > 0 && end - start < 10 {
        let m = start - 1;
        let w = ctx.lower(m);
        if w == ")" {
            // a parenthesis inside the phrase: "Hizbollah (Party of God) group"
            if let Some(open) = (m.saturating_sub(8)..m)
                .rev()
                .find(|&o| ctx.lower(o) == "(")
            {
                if open > 0 && ctx.toks[open - 1].word {
                    start = open;
                    continue;
                }
            }
        }
        if !ctx.toks[m].word {
            break;
        }
        if STOP_BACK.contains(&w.as_str()) || ctx.in_time(m) || CALENDAR.contains(&w.as_str()) {
            break;
        }
        // a lower-case past form after a noun is a verb ("police used"), not a modifier
        let after_noun = m > 0
            && ctx.toks[m - 1].word
            && !DETERMINERS.contains(&ctx.lower(m - 1).as_str())
            && !ctx.lower(m - 1).ends_with("ly");
        if w.ends_with("ed")
            && !w.contains('-')
            && after_noun
            && ctx.word(m).chars().next().is_some_and(char::is_lowercase)
        {
            break;
        }
        start = m;
    }
    // a noun trigger after its determiner: the object of a light verb ("announced a
    // suspension", "began a hunger strike") takes that verb's subject; after a
    // preposition ("during the fight") it has none
    if let Some(d) = (end.saturating_sub(3)..end)
        .rev()
        .find(|&d| DETERMINERS.contains(&ctx.lower(d).as_str()))
    {
        let modifiers = (d + 1..end).all(|b| ctx.toks[b].word && is_modifier(ctx.word(b)));
        // "a similar request" (not "the two parties agreed")
        let head = ctx.lower(hi);
        let noun_form = end == hi
            && !head.ends_with("ed")
            && !head.ends_with('s')
            && !ctx.irregular.contains(&head)
            && end - d <= 3
            && (d + 1..end).all(|b| {
                ctx.toks[b].word
                    && ctx.word(b).chars().next().is_some_and(char::is_lowercase)
                    && !ctx.lower(b).ends_with('s')
            });
        let before = d.checked_sub(1).filter(|&v| ctx.toks[v].word);
        let after_preposition =
            before.is_some_and(|v| PREPOSITIONS.contains(&ctx.lower(v).as_str()));
        if (modifiers || noun_form) && (after_preposition || (modifiers && before.is_none())) {
            return None;
        }
        let verb_before = before.filter(|&v| {
            !after_preposition && ctx.word(v).chars().next().is_some_and(char::is_lowercase)
        });
        if modifiers || noun_form {
            // "It's a terrorist attack", "The apparent attack": no actor before it
            let mut v = verb_before?;
            let verb = ctx.lower(v);
            if matches!(verb.as_str(), "up" | "down" | "out" | "off") && v > 0 {
                v -= 1;
            }
            return subject(ctx, v);
        }
    }
    // lower-case modifiers after a preposition: "wracked by widespread protests"
    if start > 0
        && PREPOSITIONS.contains(&ctx.lower(start - 1).as_str())
        && (start..end).all(|b| ctx.word(b).chars().next().is_some_and(char::is_lowercase))
    {
        return None;
    }
    // drop leading connectives and prepositions
    while start < end
        && matches!(
            ctx.lower(start).as_str(),
            "and" | "or" | "of" | "in" | "on" | "at" | "to" | "with" | "for" | "from"
        )
    {
        start += 1;
    }
    if start >= end {
        return None;
    }
    // a phrase ending in an entity mention names that entity
    let last = ctx.toks[end - 1];
    let first = ctx.toks[start];
    if let Some(e) = actor_entity(ctx.entities, first.start, last.end, last) {
        return Some(e);
    }
    if end - start == 1 {
        let w = ctx.lower(start);
        if PRONOUNS.contains(&w.as_str()) {
            // "Syria says it is willing to …": the speaker is the antecedent
            return (0..start)
                .rev()
                .find(|&k| SPEECH.contains(&ctx.lower(k).as_str()))
                .and_then(|k| subject(ctx, k));
        }
        let lowercase = ctx
            .word(start)
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        if lowercase && !w.ends_with('s') {
            return None; // a lone modifier ("fierce fighting") is not an actor
        }
    }
    phrase(ctx, start, end)
}

fn actor_entity(entities: &[&Entity], from: usize, to: usize, last: Tok) -> Option<String> {
    entities
        .iter()
        .filter(|e| {
            matches!(
                e.label,
                EntityLabel::Person | EntityLabel::Org | EntityLabel::Place | EntityLabel::Norp
            )
        })
        .find(|e| {
            e.span.start >= from
                && e.span.end <= to
                && e.span.start <= last.start
                && last.end <= e.span.end
        })
        .map(|e| e.canonical.clone())
}

fn phrase(ctx: &Ctx, start: usize, end: usize) -> Option<String> {
    let s = &ctx.text[ctx.toks[start].start..ctx.toks[end - 1].end];
    // "Toqaev's request": the possessor acts
    let s = s
        .strip_suffix("'s")
        .or_else(|| s.strip_suffix("’s"))
        .unwrap_or(s)
        .to_string();
    let bare = s.to_lowercase();
    let bare = bare.strip_prefix("the ").unwrap_or(&bare);
    if PRONOUNS.contains(&bare) {
        None
    } else {
        Some(s)
    }
}

const OBJECT_PREPS: &[&str] = &[
    "with", "against", "on", "upon", "to", "at", "into", "toward", "towards", "between", "that",
    "in",
];

const STOP_FWD: &[&str] = &[
    "not",
    "to",
    "that",
    "for",
    "from",
    "in",
    "on",
    "at",
    "over",
    "after",
    "before",
    "with",
    "by",
    "against",
    "during",
    "since",
    "as",
    "because",
    "while",
    "when",
    "who",
    "which",
    "where",
    "if",
    "unless",
    "until",
    "amid",
    "despite",
    "near",
    "into",
    "about",
    "under",
    "following",
    "said",
    "says",
    "was",
    "were",
    "is",
    "are",
    "had",
    "has",
    "have",
    "would",
    "will",
    "must",
    "should",
    "could",
    "can",
    "may",
    "might",
    "did",
    "does",
    "do",
];

const SPEECH: &[&str] = &[
    "said",
    "says",
    "say",
    "announced",
    "announces",
    "concluded",
    "insisted",
    "insists",
    "stated",
    "declared",
    "added",
    "told",
    "argued",
    "argues",
    "believes",
    "believe",
];

/// A demand reported with "must": the speaker of a speech verb earlier in the sentence
/// (or None when the cue follows) and the phrase before "must" as the addressee.
fn demand(ctx: &Ctx, hi: usize, after: usize) -> Option<(Option<String>, Option<String>)> {
    let cue_before = (0..hi)
        .rev()
        .find(|&k| SPEECH.contains(&ctx.lower(k).as_str()));
    let cue_after = (after..ctx.toks.len()).any(|k| SPEECH.contains(&ctx.lower(k).as_str()));
    if cue_before.is_none() && !cue_after {
        return None;
    }
    let target = subject(ctx, hi);
    let source = cue_before.and_then(|c| subject(ctx, c));
    Some((source, target))
}

/// The noun phrase after the trigger, from token `k` on.
fn object(ctx: &Ctx, mut k: usize) -> Option<String> {
    let n = ctx.toks.len();
    // time expressions and one preposition
    let mut preps = 0;
    while k < n && ctx.toks[k].word {
        let w = ctx.lower(k);
        // "at least 80 people"
        if w == "at" && k + 1 < n && matches!(ctx.lower(k + 1).as_str(), "least" | "most") {
            break;
        }
        let time_ahead =
            matches!(w.as_str(), "on" | "last" | "this") && k + 1 < n && ctx.in_time(k + 1);
        if ctx.in_time(k) || time_ahead {
            k += 1;
        } else if preps == 0 && OBJECT_PREPS.contains(&w.as_str()) {
            preps += 1;
            k += 1;
        } else {
            break;
        }
    }
    // a particle of a phrasal verb ("shot down a helicopter")
    if k < n
        && matches!(
            ctx.lower(k).as_str(),
            "down" | "up" | "out" | "off" | "away"
        )
    {
        k += 1;
    }
    // an infinitive complement ("threatened to cut ties with X"): its object counts
    if k + 1 < n && ctx.lower(k) == "to" && ctx.toks[k + 1].word && is_verb_like(ctx, k + 1) {
        k += 2;
        if k < n
            && matches!(
                ctx.lower(k).as_str(),
                "down" | "up" | "out" | "off" | "away"
            )
        {
            k += 1;
        }
    } else if k > 0 && k < n && ctx.lower(k - 1) == "to" && is_verb_like(ctx, k) {
        k += 1;
    }
    if k < n && ctx.lower(k) == "of" {
        return None;
    }
    let first = np_forward(ctx, k);
    // a common noun phrase ("a truce") followed by a named party ("with Moslem forces"):
    // the party is the target
    let named = |p: &str| {
        p.split_whitespace()
            .any(|w| w.chars().next().is_some_and(char::is_uppercase))
    };
    let named_after = |m: usize| {
        let mut a = m + 1;
        while a < n && matches!(ctx.lower(a).as_str(), "the" | "its" | "their") {
            a += 1;
        }
        let ok = a < n
            && ctx.word(a).chars().next().is_some_and(char::is_uppercase)
            && !ctx.in_time(a)
            && !CALENDAR.contains(&ctx.lower(a).as_str());
        if ok {
            np_forward(ctx, m + 1).filter(|p| named(p))
        } else {
            None
        }
    };
    // "staged rallies in the capital against the leader": "against" names the target
    let window = (k..n.min(k + 12)).take_while(|&m| {
        let w = ctx.lower(m);
        ctx.toks[m].word && (w == "and" || !BOUNDARY_WORDS.contains(&w.as_str()))
    });
    if let Some(p) = window
        .filter(|&m| ctx.lower(m) == "against")
        .find_map(named_after)
    {
        return Some(p);
    }
    if first.as_deref().is_some_and(named) {
        return first;
    }
    let mut m = k;
    while m < n && m < k + 10 && ctx.toks[m].word {
        let w = ctx.lower(m);
        if matches!(
            w.as_str(),
            "with" | "on" | "into" | "toward" | "towards" | "to" | "from" | "by"
        ) {
            let mut a = m + 1;
            while a < n && matches!(ctx.lower(a).as_str(), "the" | "its" | "their") {
                a += 1;
            }
            if a < n
                && ctx.word(a).chars().next().is_some_and(char::is_uppercase)
                && !ctx.in_time(a)
                && !CALENDAR.contains(&ctx.lower(a).as_str())
            {
                if let Some(p) = np_forward(ctx, m + 1).filter(|p| named(p)) {
                    return Some(p);
                }
            }
        }
        if BOUNDARY_WORDS.contains(&w.as_str()) && w != "and" {
            break;
        }
        m += 1;
    }
    first
}

const CALENDAR: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A lower-case word that is not a determiner, number or pronoun: after "to", a verb.
fn is_verb_like(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.word(k);
    let lw = w.to_lowercase();
    w.chars().next().is_some_and(char::is_lowercase)
        && !DETERMINERS.contains(&lw.as_str())
        && !PRONOUNS.contains(&lw.as_str())
        && !matches!(
            lw.as_str(),
            "all" | "some" | "any" | "both" | "each" | "more" | "most" | "other" | "several"
        )
}

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those",
    "another", "any", "every", "each", "such",
];

/// The agent of a passive: the phrase after "by" within a few words.
fn by_agent(ctx: &Ctx, k: usize) -> Option<String> {
    let n = ctx.toks.len();
    (k..n.min(k + 6))
        .take_while(|&m| ctx.toks[m].word)
        .find(|&m| ctx.lower(m) == "by")
        .and_then(|m| np_forward(ctx, m + 1))
}

fn np_forward(ctx: &Ctx, start: usize) -> Option<String> {
    let n = ctx.toks.len();
    if start >= n || !ctx.toks[start].word {
        return None;
    }
    let mut end = start;
    let capital_run = ctx
        .word(start)
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    while end < n && end - start < 8 {
        let tok = ctx.toks[end];
        let w = ctx.lower(end);
        if !tok.word {
            // "Iraq's": the possessive stays inside the phrase
            if matches!(w.as_str(), "'" | "’") && end + 1 < n && ctx.lower(end + 1) == "s" {
                end += 2;
                continue;
            }
            break;
        }
        // a time ends the phrase, but not a modifier inside it ("a six-month extension")
        if ctx.in_time(end) && !(end > start && w.contains('-')) {
            break;
        }
        if end > start {
            let upper = ctx.word(end).chars().next().is_some_and(char::is_uppercase);
            let next_upper = end + 1 < n
                && ctx.toks[end + 1].word
                && ctx
                    .word(end + 1)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase);
            let glue = matches!(w.as_str(), "of" | "and" | "for" | "the") && next_upper;
            if capital_run && !upper && !glue {
                break;
            }
            if !capital_run && w == "of" && !next_upper && !ends_ing(ctx, end + 1) {
                end += 1;
                continue;
            }
            if !glue && (STOP_FWD.contains(&w.as_str()) || w == "of" || w == "and") {
                break;
            }
        } else if w == "at"
            && end + 1 < n
            && matches!(ctx.lower(end + 1).as_str(), "least" | "most")
        {
            end += 2;
            continue;
        } else if STOP_FWD.contains(&w.as_str()) || matches!(w.as_str(), "and" | "or" | "but") {
            return None;
        }
        end += 1;
    }
    if end == start {
        return None;
    }
    phrase(ctx, start, end)
}

fn ends_ing(ctx: &Ctx, k: usize) -> bool {
    k < ctx.toks.len() && ctx.lower(k).ends_with("ing")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Vec<Event> {
        EventCoder::new().code(text, &[], &[], &[])
    }

    #[test]
    fn coder_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<EventCoder>();
    }

    #[test]
    fn tokenizer_keeps_initials_and_hyphens() {
        let text = "The U.N. envoy met 2,500 Greek-Cypriot leaders.";
        let toks = tokenize(text, Span::new(0, text.len()));
        let words: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            words,
            [
                "The",
                "U.N.",
                "envoy",
                "met",
                "2,500",
                "Greek-Cypriot",
                "leaders",
                "."
            ]
        );
    }

    #[test]
    fn inside_a_longer_word_is_no_trigger() {
        assert!(one("The agreement holds.").is_empty());
        assert!(one("Bombay traders were calm.").is_empty());
    }

    #[test]
    fn long_unsegmented_text_is_cut_into_windows() {
        let text = "rebels attacked the town and ".repeat(2000);
        let events = one(&text);
        assert!(events.len() > 100);
        let w = windows(&text, Span::new(0, text.len()));
        assert!(w.iter().all(|s| s.len() <= MAX_SENTENCE));
        assert_eq!(w.first().map(|s| s.start), Some(0));
        assert_eq!(w.last().map(|s| s.end), Some(text.len()));
        assert!(w.windows(2).all(|p| p[0].end == p[1].start));
        let odd = "é".repeat(3000);
        assert!(windows(&odd, Span::new(0, odd.len()))
            .iter()
            .all(|s| { odd.is_char_boundary(s.start) && odd.is_char_boundary(s.end) }));
    }

    #[test]
    fn clause_boundaries() {
        assert!(clause_boundary(" the capital, and later "));
        assert!(clause_boundary(" them; "));
        assert!(!clause_boundary(" to "));
        assert!(!clause_boundary(" Iran to "));
    }
}
