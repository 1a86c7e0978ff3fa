//! The batch contract's wire types (see `EVAL.md`).
//!
//! One [`Record`] per input line. Offsets are Unicode code points into `text`, end
//! exclusive; the conversion from the engine's byte offsets happens here and only here.

use dossier_core::{Analysis, Document, Span};
use serde::Serialize;
use serde_json::Value;

/// One output line.
#[derive(Debug, Serialize)]
pub struct Record<'a> {
    /// The input's id, echoed (null when the input had none).
    pub id: Value,
    /// The document text the offsets point into.
    pub text: &'a str,
    /// Title, when known.
    pub title: Option<&'a str>,
    /// Author, when known.
    pub author: Option<&'a str>,
    /// Publication date (ISO), when known.
    pub published: Option<String>,
    /// The page's URL, when known (an addition to the contract).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    /// When a crawler fetched the page (`WARC-Date`): not the publication date (an
    /// addition to the contract).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub crawled: Option<String>,
    /// Why the document could not be analysed; absent when it could.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Furniture spans.
    pub furniture: Vec<[usize; 2]>,
    /// Attributions.
    pub attributions: Vec<WireAttribution<'a>>,
    /// Entity mentions.
    pub entities: Vec<WireEntity<'a>>,
    /// Time expressions.
    pub times: Vec<WireTime<'a>>,
    /// Events.
    pub events: Vec<WireEvent<'a>>,
    /// What the engine noticed (an addition to the contract).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<String>,
}

/// One attribution on the wire.
#[derive(Debug, Serialize)]
pub struct WireAttribution<'a> {
    /// Content pieces.
    pub content: Vec<[usize; 2]>,
    /// Source mention.
    pub source: Option<[usize; 2]>,
    /// Cue.
    pub cue: Option<[usize; 2]>,
    /// Resolved speaker.
    pub speaker: Option<&'a str>,
    /// direct, mixed, indirect.
    pub kind: &'static str,
    /// Role.
    pub role: Option<&'a str>,
    /// Affiliation.
    pub affiliation: Option<&'a str>,
    /// Medium.
    pub medium: Option<&'a str>,
    /// Date.
    pub date: Option<&'a str>,
}

/// One entity mention on the wire.
#[derive(Debug, Serialize)]
pub struct WireEntity<'a> {
    /// Start (code points).
    pub start: usize,
    /// End (code points, exclusive).
    pub end: usize,
    /// Label.
    pub label: &'static str,
    /// Canonical name.
    pub entity: &'a str,
    /// The entity's role, when an attribution gives it (an addition to the contract).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<&'a str>,
    /// The entity's affiliation, when an attribution gives it (an addition).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<&'a str>,
}

/// One time expression on the wire.
#[derive(Debug, Serialize)]
pub struct WireTime<'a> {
    /// Start.
    pub start: usize,
    /// End.
    pub end: usize,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// TIMEX3 value.
    pub value: &'a str,
}

/// One event on the wire.
#[derive(Debug, Serialize)]
pub struct WireEvent<'a> {
    /// Start.
    pub start: usize,
    /// End.
    pub end: usize,
    /// PLOVER category.
    pub category: &'a str,
    /// Source actor.
    pub source: Option<&'a str>,
    /// Target actor.
    pub target: Option<&'a str>,
    /// Date.
    pub date: Option<&'a str>,
}

/// Byte offset → code-point offset for one text, in O(1) after an O(n/64) table.
pub struct CharIndex<'a> {
    text: &'a str,
    /// Code points before byte `64 * k`.
    checkpoints: Vec<u32>,
}

impl<'a> CharIndex<'a> {
    const STEP: usize = 64;

    /// Index `text`.
    pub fn new(text: &'a str) -> CharIndex<'a> {
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / Self::STEP + 1);
        let mut count = 0u32;
        for chunk in bytes.chunks(Self::STEP) {
            checkpoints.push(count);
            count += chunk.iter().filter(|&&b| (b as i8) >= -0x40).count() as u32;
        }
        checkpoints.push(count);
        CharIndex { text, checkpoints }
    }

    /// Code points before byte `offset` (clamped to the text).
    pub fn chars(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        let k = offset / Self::STEP;
        let base = self.checkpoints[k] as usize;
        let bytes = &self.text.as_bytes()[k * Self::STEP..offset];
        base + bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
    }

    /// A span as `[start, end]` in code points.
    pub fn span(&self, s: Span) -> [usize; 2] {
        [self.chars(s.start), self.chars(s.end)]
    }
}

impl<'a> Record<'a> {
    /// The record for an analysed document.
    pub fn from_analysis(doc: &'a Document, a: &'a Analysis) -> Record<'a> {
        Self::build(Value::String(doc.id.clone()), doc, a)
    }

    /// The record for an analysed document, echoing the input's own id value.
    pub fn build(id: Value, doc: &'a Document, a: &'a Analysis) -> Record<'a> {
        let ix = CharIndex::new(&doc.text);
        let nonempty = |s: &Span| !s.is_empty();
        Record {
            id,
            text: &doc.text,
            title: doc.title.as_deref(),
            author: doc.author.as_deref(),
            published: a.published.or(doc.published).map(|d| d.to_string()),
            url: doc.url.as_deref(),
            crawled: None,
            error: None,
            furniture: a
                .furniture
                .iter()
                .filter(|s| nonempty(s))
                .map(|&s| ix.span(s))
                .collect(),
            attributions: a
                .attributions
                .iter()
                .map(|at| WireAttribution {
                    content: at
                        .content
                        .iter()
                        .filter(|s| nonempty(s))
                        .map(|&s| ix.span(s))
                        .collect(),
                    source: at.source.filter(nonempty).map(|s| ix.span(s)),
                    cue: at.cue.filter(nonempty).map(|s| ix.span(s)),
                    speaker: at.speaker.as_deref(),
                    kind: at.kind.as_str(),
                    role: at.role.as_deref(),
                    affiliation: at.affiliation.as_deref(),
                    medium: at.medium.as_deref(),
                    date: at.date.as_deref(),
                })
                .collect(),
            entities: a
                .entities
                .iter()
                .filter(|e| nonempty(&e.span))
                .map(|e| {
                    let [start, end] = ix.span(e.span);
                    WireEntity {
                        start,
                        end,
                        label: e.label.as_str(),
                        entity: &e.canonical,
                        role: e.role.as_deref(),
                        affiliation: e.affiliation.as_deref(),
                    }
                })
                .collect(),
            times: a
                .times
                .iter()
                .filter(|t| nonempty(&t.span))
                .map(|t| {
                    let [start, end] = ix.span(t.span);
                    WireTime {
                        start,
                        end,
                        kind: t.kind.as_str(),
                        value: &t.value,
                    }
                })
                .collect(),
            events: a
                .events
                .iter()
                .map(|e| {
                    let [start, end] = ix.span(e.span);
                    WireEvent {
                        start,
                        end,
                        category: &e.category,
                        source: e.source.as_deref(),
                        target: e.target.as_deref(),
                        date: e.date.as_deref(),
                    }
                })
                .collect(),
            diagnostics: a
                .diagnostics
                .iter()
                .map(|d| format!("{}: {}", d.stage, d.message))
                .collect(),
        }
    }

    /// The record for a document that could not be analysed.
    pub fn error(id: Value, text: &'a str, why: impl Into<String>) -> Record<'a> {
        Record {
            id,
            text,
            title: None,
            author: None,
            published: None,
            url: None,
            crawled: None,
            error: Some(why.into()),
            furniture: Vec::new(),
            attributions: Vec::new(),
            entities: Vec::new(),
            times: Vec::new(),
            events: Vec::new(),
            diagnostics: Vec::new(),
        }
    }
}

/// One compact JSON line (no trailing newline).
pub fn to_line(r: &Record<'_>) -> String {
    serde_json::to_string(r)
        .unwrap_or_else(|e| format!("{{\"id\":null,\"error\":\"cannot serialise: {e}\"}}"))
}

/// Pretty JSON.
pub fn to_pretty(r: &Record<'_>) -> String {
    serde_json::to_string_pretty(r)
        .unwrap_or_else(|e| format!("{{\"id\":null,\"error\":\"cannot serialise: {e}\"}}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_points_not_bytes() {
        let t = "“Да,” он сказал. ".repeat(20);
        let ix = CharIndex::new(&t);
        for (b, _) in t.char_indices() {
            assert_eq!(ix.chars(b), t[..b].chars().count());
        }
        assert_eq!(ix.chars(t.len()), t.chars().count());
    }
}
