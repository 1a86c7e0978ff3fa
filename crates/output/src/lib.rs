//! Printers for dossier's results: [`wire`] mirrors the batch contract of `EVAL.md`
//! (code-point offsets, serialise-only types), [`human`] shows quotes grouped by
//! speaker for a person.
//!
//! Core types do not derive `Serialize`: the wire format is a compatibility promise
//! kept here, in one place.
//!
//! ```
//! use dossier_core::{Analysis, Document};
//! use dossier_output::wire;
//!
//! let doc = Document::new("a1", "Hé said so.");
//! let line = wire::to_line(&wire::Record::from_analysis(&doc, &Analysis::default()));
//! assert!(line.starts_with("{\"id\":\"a1\""));
//! ```
#![deny(missing_docs)]

pub mod human;
pub mod wire;
