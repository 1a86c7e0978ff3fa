//! The vocabulary every dossier stage speaks.
//!
//! `dossier-core` owns the plain data types that flow through the pipeline:
//! [`Span`], [`Document`], [`CleanText`] (normalised text with a map back to the
//! original), [`Paragraph`], [`Sentence`], [`Token`], [`Attribution`], [`Entity`],
//! [`TimeExpr`], [`Event`], [`Diagnostic`] and the [`Analysis`] that gathers them.
//!
//! **Architecture invariant:** every [`Span`] stored in these types is a byte range
//! into the *original* document text (the `text` of the [`Document`]), on UTF-8
//! character boundaries. Normalised text lives only inside [`CleanText`], and its
//! spans are mapped back with [`CleanText::to_original`] before they leave a stage.
//!
//! The crate does no I/O, knows no JSON and has no dependencies.
//!
//! ```
//! use dossier_core::{CleanText, Span};
//!
//! let text = "“Bad news,” he wrote.";
//! let mut clean = CleanText::builder(text);
//! clean.replace(Span::new(0, 3), "\"");            // fold the curly mark
//! clean.replace(Span::new(12, 15), "\"");
//! let clean = clean.finish();
//! assert_eq!(clean.as_str(), "\"Bad news,\" he wrote.");
//! let inner = Span::new(1, 10);                      // `Bad news,` in the clean text
//! assert_eq!(clean.to_original(inner).slice(text), "Bad news,");
//! ```
#![deny(missing_docs)]

mod analysis;
mod clean;
mod date;
mod span;

pub use analysis::{
    Analysis, Attribution, Diagnostic, Document, Entity, EntityId, EntityLabel, Event, Paragraph,
    QuoteKind, Sentence, Severity, TimeExpr, TimeType, Token, TokenKind,
};
pub use clean::{CleanText, CleanTextBuilder};
pub use date::Date;
pub use span::Span;
