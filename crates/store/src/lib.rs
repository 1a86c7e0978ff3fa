//! dossier's record: articles and what was found in them, in one SQLite file.
//!
//! `dossier-store` owns the database schema (numbered migrations in
//! `crates/store/migrations/`, applied with `PRAGMA user_version`), one batched
//! [`Writer`] and any number of read-only [`Reader`]s. It knows `dossier-core` types
//! and SQL, not extraction: the caller runs the pipeline and hands over
//! [`Document`](dossier_core::Document) + [`Analysis`](dossier_core::Analysis) pairs.
//!
//! * **WAL mode**: readers keep working while the writer commits.
//! * **Idempotent**: an article is keyed by the SHA-256 of its text
//!   ([`content_hash`]); storing it again is a no-op.
//! * **Crash safe**: each batch is one transaction, so after a crash or `kill -9` an
//!   article is either wholly there or absent, and re-running the ingest adds the rest.
//! * **Cross-article identity**: entities are merged by the rules in [`identity`].
//! * **Search**: FTS5 over article text and quote content, ranked by bm25.
//!
//! ```
//! use dossier_core::{Analysis, Attribution, Document, QuoteKind, Span};
//! use dossier_store::{Article, Reader, SearchQuery, Writer};
//!
//! let dir = tempfile::tempdir().unwrap();
//! let path = dir.path().join("dossier.db");
//! let text = "\"We stay,\" Okafor said. Talks go on.";
//! let doc = Document::new("a1", text);
//! let mut analysis = Analysis::default();
//! analysis.attributions.push(Attribution {
//!     content: vec![Span::new(1, 8)],
//!     source: Some(Span::new(11, 17)),
//!     cue: Some(Span::new(18, 22)),
//!     speaker: Some("Okafor".into()),
//!     kind: QuoteKind::Direct,
//!     role: None, affiliation: None, medium: None, date: None,
//! });
//! let mut writer = Writer::open(&path).unwrap();
//! let out = writer.write_batch(&[Article { source: "a1.txt", doc: &doc, analysis: &analysis }]).unwrap();
//! assert_eq!(out.added, 1);
//! // the same text again changes nothing
//! let out = writer.write_batch(&[Article { source: "a1.txt", doc: &doc, analysis: &analysis }]).unwrap();
//! assert_eq!((out.added, out.skipped), (0, 1));
//!
//! let reader = Reader::open(&path).unwrap();
//! let hits = reader.search(&SearchQuery::text("stay")).unwrap();
//! assert_eq!(hits.hits[0].speaker.as_deref(), Some("Okafor"));
//! assert_eq!(hits.hits[0].snippet.text, "We stay");
//! assert_eq!(hits.hits[0].snippet.parts(), [("We ", false), ("stay", true)]);
//! ```
#![deny(missing_docs)]

pub mod identity;
mod model;
mod reader;
mod schema;
mod writer;

pub use model::*;
pub use reader::{fts_query, Reader, RANK_WINDOW};
pub use schema::{MIGRATIONS, SCHEMA_VERSION};
pub use writer::{content_hash, Article, BatchOutcome, Writer};

use std::path::PathBuf;

/// Everything that can go wrong in the store. Messages name the database file.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The database file could not be opened.
    #[error("{path}: cannot open the database: {source}")]
    Open {
        /// The file.
        path: PathBuf,
        /// Why.
        source: rusqlite::Error,
    },
    /// A reader was asked to open a file that does not exist.
    #[error("{path}: no database here (create one with `dossier ingest --db {path} PATH...`)", path = .path.display())]
    Missing {
        /// The file.
        path: PathBuf,
    },
    /// The file is not a dossier database, or was made by a newer dossier.
    #[error("{path}: schema version {found}, this dossier knows {known}: {hint}", path = .path.display())]
    Schema {
        /// The file.
        path: PathBuf,
        /// Its `user_version`.
        found: i64,
        /// [`SCHEMA_VERSION`].
        known: i64,
        /// What to do.
        hint: &'static str,
    },
    /// A migration failed (the database is left at the previous version).
    #[error("migration {name} failed: {source}")]
    Migration {
        /// The migration's file name.
        name: &'static str,
        /// Why.
        source: rusqlite::Error,
    },
    /// Any other SQLite error.
    #[error("database error: {0}")]
    Sql(#[from] rusqlite::Error),
    /// A name that matches no entity.
    #[error("no person or organisation named {0:?} in the database")]
    NoSuchEntity(String),
    /// A request the store cannot carry out (a bad merge, an unknown filter value).
    #[error("{0}")]
    Invalid(String),
}

/// The store's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
