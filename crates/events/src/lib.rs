//! PLOVER events: who did what to whom.
//!
//! ```
//! let coder = dossier_events::EventCoder::new();
//! assert!(coder.code("Troops arrived.", &[], &[], &[]).is_empty());
//! ```
#![deny(missing_docs)]

use dossier_core::{Entity, Event, Sentence, TimeExpr};

/// Codes events; build once, share across threads.
#[derive(Debug, Default)]
pub struct EventCoder {}

impl EventCoder {
    /// Build the coder.
    pub fn new() -> EventCoder {
        EventCoder {}
    }

    /// Events in `text`.
    pub fn code(
        &self,
        text: &str,
        sentences: &[Sentence],
        entities: &[Entity],
        times: &[TimeExpr],
    ) -> Vec<Event> {
        let _ = (text, sentences, entities, times);
        Vec::new()
    }
}
