//! Named entities (people, organisations, places …) merged under canonical names.
//!
//! ```
//! let tagger = dossier_entities::EntityTagger::new();
//! let ents = tagger.tag("Dmitry Trenin wrote on Twitter.", &[]);
//! assert!(ents.len() <= 2);
//! ```
#![deny(missing_docs)]

use dossier_core::{Entity, Sentence};

/// Finds entities; build once, share across threads.
#[derive(Debug, Default)]
pub struct EntityTagger {}

impl EntityTagger {
    /// Build the tagger.
    pub fn new() -> EntityTagger {
        EntityTagger {}
    }

    /// Entity mentions in `text` (sentences are spans into `text`).
    pub fn tag(&self, text: &str, sentences: &[Sentence]) -> Vec<Entity> {
        let _ = (text, sentences);
        Vec::new()
    }
}
