//! Helpers shared by the integration tests.

use dossier_core::{Sentence, Span};

/// Sentences split at ". ", as a segmenter would.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(". ") {
        out.push(Sentence {
            span: Span::new(start, i + 1),
            paragraph: 0,
        });
        start = i + 2;
    }
    out.push(Sentence {
        span: Span::new(start, text.len()),
        paragraph: 0,
    });
    out
}
