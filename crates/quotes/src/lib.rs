//! Who said what: direct, mixed and indirect attributions with their speakers.
//!
//! The stage reads the clean text (quotation marks folded) and the sentences of the
//! text stage, finds quotations and speech cues, and builds one
//! [`Attribution`] per act of saying, believing or reporting:
//!
//! 1. **Marks** ([`marks`]): quotation marks are paired within paragraphs; a quote
//!    left open at a paragraph end continues into the next paragraph.
//! 2. **Cues** ([`lexicon`]): a table of speech, cognition and reporting verbs with the
//!    frame each takes (clause, clause with "that", quoted object, quotation only),
//!    "according to", and possessive speech nouns ("his remarks … “…”").
//! 3. **Frames** (`engine`): `"…," X said`, `"…," said X`, `X said: "…"`,
//!    `X said (that) …`, `…, X said.`, `According to X, …`, `…, saying …`,
//!    continuation of quotation-only sentences and paragraphs.
//! 4. **Speakers** ([`resolve`]): pronouns, surnames and descriptions to the fullest
//!    name in the article; role and affiliation from appositions and titles; medium
//!    and date from the cue's neighbourhood and the time expressions passed in.
//!
//! The stage does no I/O and never fails: odd text yields fewer attributions.
//!
//! ```
//! use dossier_core::{CleanText, Paragraph, Sentence, Span};
//! use dossier_quotes::{QuoteExtractor, QuoteInput};
//!
//! let text = "Dmitry Trenin is a director.\n\"It is a test,\" Trenin wrote on Twitter.";
//! let clean = CleanText::identity(text);
//! let p2 = Span::new(29, text.len());
//! let paragraphs = [Paragraph { span: Span::new(0, 28), heading: false }, Paragraph { span: p2, heading: false }];
//! let sentences = [Sentence { span: Span::new(0, 28), paragraph: 0 }, Sentence { span: p2, paragraph: 1 }];
//! let input = QuoteInput { original: text, clean: &clean, paragraphs: &paragraphs, sentences: &sentences,
//!     furniture: &[], times: &[], published: None };
//! let (found, _) = QuoteExtractor::new().extract(&input);
//! assert_eq!(found.len(), 1);
//! assert_eq!(found[0].speaker.as_deref(), Some("Dmitry Trenin"));
//! assert_eq!(found[0].medium.as_deref(), Some("Twitter"));
//! assert_eq!(found[0].content[0].slice(text), "\"It is a test,\"");
//! ```
#![deny(missing_docs)]

mod engine;
pub mod lexicon;
pub mod marks;
pub mod resolve;
mod tokens;

use dossier_core::{Attribution, CleanText, Date, Diagnostic, Paragraph, Sentence, Span, TimeExpr};
use lexicon::{is_in, Lexicon};
use std::collections::HashMap;

/// What the quote stage reads: the document and the values earlier stages found.
#[derive(Debug, Clone, Copy)]
pub struct QuoteInput<'a> {
    /// The original text; every span below points into it.
    pub original: &'a str,
    /// The normalised text with its map.
    pub clean: &'a CleanText,
    /// Paragraphs.
    pub paragraphs: &'a [Paragraph],
    /// Sentences.
    pub sentences: &'a [Sentence],
    /// Furniture (never quotes).
    pub furniture: &'a [Span],
    /// Time expressions, for the date of a statement.
    pub times: &'a [TimeExpr],
    /// The document date.
    pub published: Option<Date>,
}

/// Finds attributions; build once, share across threads.
#[derive(Debug, Default)]
pub struct QuoteExtractor {
    lexicon: Lexicon,
}

impl QuoteExtractor {
    /// Build the extractor (compiles the lexicons).
    pub fn new() -> QuoteExtractor {
        QuoteExtractor {
            lexicon: Lexicon::new(),
        }
    }

    /// Attributions in one document, plus what was noticed.
    pub fn extract(&self, input: &QuoteInput<'_>) -> (Vec<Attribution>, Vec<Diagnostic>) {
        let clean = input.clean;
        let text = clean.as_str();
        let paragraphs: Vec<Span> = input
            .paragraphs
            .iter()
            .map(|p| clean.from_original(p.span))
            .collect();
        let sentences: Vec<(Span, usize)> = input
            .sentences
            .iter()
            .map(|s| (clean.from_original(s.span), s.paragraph))
            .collect();
        let doc = engine::Doc::new(text, &paragraphs, &sentences);
        let mut found = engine::find(&doc, &self.lexicon);
        let mut diagnostics = Vec::new();
        let unclosed = doc.quotes.iter().filter(|q| !q.closed).count();
        if unclosed > 0 {
            diagnostics.push(Diagnostic::warning(
                "quotes",
                format!("{unclosed} quotation(s) not closed within their paragraph"),
                None,
            ));
        }
        let times: Vec<(Span, &str)> = input
            .times
            .iter()
            .filter(|t| t.value.starts_with(|c: char| c.is_ascii_digit()))
            .map(|t| (clean.from_original(t.span), t.value.as_str()))
            .collect();
        let profiles = build_profiles(&doc);
        let mut speakers: Vec<(usize, String)> = Vec::new();
        let mut out = Vec::with_capacity(found.len());
        for f in &mut found {
            let speaker = resolve_speaker(&doc, f, &speakers);
            if let (Some(s), Some(src)) = (&speaker, f.source) {
                speakers.push((src.start, s.clone()));
            }
            let mut profile = f
                .appos
                .map(|a| resolve::role_affiliation(a.slice(text)))
                .unwrap_or_default();
            if let Some(p) = speaker.as_ref().and_then(|s| profiles.get(s)) {
                if profile.role.is_none() {
                    profile.role = p.role.clone();
                }
                if profile.affiliation.is_none() {
                    profile.affiliation = p.affiliation.clone();
                }
            }
            let medium = find_medium(text, f);
            let date = find_date(text, &doc, f, &times);
            let content: Vec<Span> = f
                .content
                .iter()
                .map(|&c| clean.to_original(c).trim(input.original))
                .filter(|c| !c.is_empty())
                .collect();
            if content.is_empty() {
                continue;
            }
            out.push(Attribution {
                content,
                source: f.source.map(|s| clean.to_original(s)),
                cue: f.cue.map(|s| clean.to_original(s)),
                speaker,
                kind: f.kind,
                role: profile.role,
                affiliation: profile.affiliation,
                medium,
                date,
            });
        }
        (out, diagnostics)
    }
}

/// Roles and affiliations of named people: titles before names and appositions after.
fn build_profiles(doc: &engine::Doc<'_>) -> HashMap<String, resolve::Profile> {
    let text = doc.text;
    let mut profiles: HashMap<String, resolve::Profile> = HashMap::new();
    for m in &doc.names.mentions {
        let full = doc.names.full_display(m);
        // apposition after the name: "Pavel Lokshin, Moscow correspondent for X, …"
        let k = doc.units.partition_point(|u| u.span.end < m.span.end);
        let Some(unit) = doc.units.get(k).filter(|u| u.span.contains(m.span)) else {
            continue;
        };
        let toks = &unit.toks;
        let Some(k) = toks.iter().position(|t| t.span.start >= m.span.end) else {
            continue;
        };
        let entry = profiles.entry(full).or_default();
        if toks[k].kind == tokens::Kind::Comma {
            if let Some(close) = (k + 1..toks.len())
                .find(|&j| matches!(toks[j].kind, tokens::Kind::Comma | tokens::Kind::End))
            {
                let ap = &toks[k + 1..close];
                if !ap.is_empty() && !m.org && resolve::looks_like_apposition(text, ap) {
                    let first = ap[0].text(text).to_lowercase();
                    let roleish = ap
                        .iter()
                        .any(|t| is_in(lexicon::ROLE_NOUNS, &t.text(text).to_lowercase()));
                    if roleish && !matches!(first.as_str(), "who" | "which") {
                        let p = resolve::role_affiliation(
                            ap[0].span.cover(ap[ap.len() - 1].span).slice(text),
                        );
                        if entry.role.is_none() {
                            entry.role = p.role;
                            entry.affiliation = p.affiliation;
                        }
                    }
                }
            }
        }
        if entry.role.is_none() {
            if let Some(t) = m.title {
                let title = t.slice(text);
                if title.split_whitespace().any(|w| {
                    is_in(lexicon::TITLES, &w.to_lowercase())
                        || is_in(lexicon::ROLE_NOUNS, &w.to_lowercase())
                }) {
                    entry.role = Some(title.to_string());
                }
            }
        }
    }
    profiles
}

fn strip_det(s: &str) -> &str {
    for a in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(r) = s.strip_prefix(a) {
            return r;
        }
    }
    s
}

fn resolve_speaker(
    doc: &engine::Doc<'_>,
    f: &engine::Found,
    speakers: &[(usize, String)],
) -> Option<String> {
    let text = doc.text;
    let src = f.source?;
    let raw = src.slice(text).trim();
    let lw = raw.to_lowercase();
    let unit = &doc.units[f.unit];
    // floor: two paragraphs back
    let first = doc.units.partition_point(|u| u.para + 2 < unit.para);
    let floor = doc.units.get(first).map_or(0, |u| u.span.start);
    match lw.as_str() {
        "he" | "she" | "his" | "her" | "him" | "i" => {
            return doc.names.antecedent(src.start, floor, speakers)
        }
        "who" => {
            let before = doc
                .names
                .before(src.start)
                .find(|m| m.span.end <= src.start)?;
            return Some(doc.names.full_display(before));
        }
        "they" | "it" | "we" | "their" | "its" | "you" => {
            return speakers
                .iter()
                .rev()
                .find(|(p, _)| *p < src.start && *p >= floor)
                .map(|(_, s)| s.clone());
        }
        _ => {}
    }
    // a trailing parenthesis is party and state ("Gwen Moore (D-Wis.)"), not the name
    let src = match raw.rfind('(') {
        Some(a) if raw.ends_with(')') && a > 0 => {
            let whole = src.slice(text);
            let lead = whole.len() - whole.trim_start().len();
            Span::try_new(src.start, src.start + lead + raw[..a].trim_end().len()).unwrap_or(src)
        }
        _ => src,
    };
    let raw = src.slice(text).trim();
    // a name inside the source: its fullest form
    let inner: Vec<&resolve::NameMention> = doc
        .names
        .overlapping(src)
        .filter(|m| src.contains(m.span) || m.span.contains(src))
        .collect();
    let raw_clean = resolve::strip_possessive(raw);
    if let Some(m) = inner.last() {
        // "President Vladimir Putin's spokesman" is the spokesman, not Putin
        let tail = Span::try_new(m.span.end, src.end).map_or("", |t| t.slice(text));
        // a parenthesis after a name is party and state, not a different head noun:
        // "Rep. Gwen Moore (D-Wis.)"
        let tail = match (tail.find('('), tail.rfind(')')) {
            (Some(a), Some(b)) if a < b && tail[..a].trim().is_empty() => &tail[b + 1..],
            _ => tail,
        };
        let tail_words = tail.split_whitespace().filter(|w| *w != "'s").count();
        if tail_words == 0 {
            return Some(doc.names.full_display(m));
        }
        return Some(strip_det(raw_clean).to_string());
    }
    // a description ("the analyst"): the latest person with that role
    let head = lw.split_whitespace().last().unwrap_or("");
    if lw.starts_with("the ") && is_in(lexicon::ROLE_NOUNS, head) {
        if let Some(name) = described_person(doc, src.start, head) {
            return Some(name);
        }
    }
    Some(strip_det(raw_clean).to_string())
}

/// The person an earlier sentence gave the role `head` ("Dmitry Trenin is a political
/// analyst", "Trenin, an analyst at …", "analyst Dmitry Trenin"), for a later "the
/// analyst". Looks back at most a few thousand bytes.
fn described_person(doc: &engine::Doc<'_>, pos: usize, head: &str) -> Option<String> {
    let text = doc.text;
    let mut lo = pos.saturating_sub(4000);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let before = text.get(lo..pos)?.to_lowercase();
    // lowercasing can change byte lengths: only trust it when it does not
    if before.len() != pos - lo {
        return None;
    }
    let is_word = |b: Option<u8>| b.is_some_and(|c| c.is_ascii_alphanumeric());
    let mut end = before.len();
    while let Some(k) = before[..end].rfind(head) {
        end = k;
        let at = lo + k;
        let b = before.as_bytes();
        if is_word(k.checked_sub(1).map(|i| b[i])) || is_word(b.get(k + head.len()).copied()) {
            continue;
        }
        let u = doc.units.partition_point(|u| u.span.end <= at);
        let Some(unit) = doc.units.get(u).filter(|u| u.span.start <= at) else {
            continue;
        };
        let people = doc
            .names
            .overlapping(unit.span)
            .filter(|m| !m.org && !m.quoted && unit.span.contains(m.span));
        // "analyst Dmitry Trenin": the name right after the role word
        let mut best = None;
        for m in people {
            if m.span.start >= at + head.len() && m.span.start <= at + head.len() + 2 {
                return Some(doc.names.full_display(m));
            }
            if m.span.end <= at {
                best = Some(m);
            }
        }
        if let Some(m) = best {
            return Some(doc.names.full_display(m));
        }
    }
    None
}

fn find_medium(text: &str, f: &engine::Found) -> Option<String> {
    let cue = f
        .cue
        .map(|c| c.slice(text).to_lowercase())
        .unwrap_or_default();
    if let Some(c) = Lexicon::new_static().cue(&cue) {
        if let Some(m) = c.medium {
            return Some(m.to_string());
        }
        if c.object {
            // "told the Internet channel TV Rain (Dozhd)"
            let cue_span = f.cue?;
            let after = &text[cue_span.end..];
            let end = after
                .find([',', '.', ':', ';', '"'])
                .unwrap_or(after.len())
                .min(after.find(" that ").unwrap_or(usize::MAX));
            let obj = after[..end].trim();
            let words: Vec<String> = obj
                .split_whitespace()
                .map(|w| {
                    w.to_lowercase()
                        .trim_matches(|c: char| !c.is_alphanumeric() && c != '/')
                        .to_string()
                })
                .collect();
            if !obj.is_empty()
                && words.len() <= 8
                && words.iter().any(|w| is_in(lexicon::OUTLET_WORDS, w))
            {
                return Some(strip_det(obj).to_string());
            }
        }
    }
    for fr in &f.frame {
        let s = fr.slice(text).to_lowercase();
        let mut best: Option<(usize, &str)> = None;
        for (word, medium) in lexicon::MEDIA {
            let mut from = 0;
            while let Some(k) = s[from..].find(word) {
                let at = from + k;
                let before_ok = at == 0 || !s[..at].ends_with(|c: char| c.is_alphanumeric());
                let after_ok = !s[at + word.len()..].starts_with(|c: char| c.is_alphanumeric());
                if before_ok && after_ok {
                    if best.is_none_or(|(b, _)| at < b) {
                        best = Some((at, medium));
                    }
                    break;
                }
                from = at + word.len();
            }
        }
        if let Some((_, m)) = best {
            return Some(m.to_string());
        }
    }
    None
}

fn find_date(
    text: &str,
    doc: &engine::Doc<'_>,
    f: &engine::Found,
    times: &[(Span, &str)],
) -> Option<String> {
    let cue = f.cue?;
    let mut best: Option<(usize, &str)> = None;
    for fr in &f.frame {
        for &(t, v) in times {
            if fr.contains(t) && !f.content.iter().any(|c| c.overlaps(t)) {
                let d = if t.start >= cue.end {
                    t.start - cue.end
                } else {
                    cue.start.saturating_sub(t.end) + 1
                };
                if best.is_none_or(|(b, _)| d < b) {
                    best = Some((d, v));
                }
            }
        }
    }
    if let Some((_, v)) = best {
        return Some(v.to_string());
    }
    // "at the time": the latest calendar value before the unit
    let unit = &doc.units[f.unit];
    let u = unit.span.slice(text);
    if u.contains("at the time") || u.contains("at that time") {
        return times
            .iter()
            .rev()
            .find(|(t, _)| t.end <= unit.span.start)
            .map(|(_, v)| v.to_string());
    }
    None
}

#[cfg(test)]
mod tests;
