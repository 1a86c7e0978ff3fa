//! Who said what.
#![deny(missing_docs)]

use dossier_core::{Attribution, CleanText, Date, Diagnostic, Paragraph, Sentence, Span, TimeExpr};

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
pub struct QuoteExtractor {}

impl QuoteExtractor {
    /// Build the extractor.
    pub fn new() -> QuoteExtractor {
        QuoteExtractor {}
    }

    /// Attributions in one document, plus what was noticed.
    pub fn extract(&self, input: &QuoteInput<'_>) -> (Vec<Attribution>, Vec<Diagnostic>) {
        let _ = input;
        (Vec::new(), Vec::new())
    }
}
