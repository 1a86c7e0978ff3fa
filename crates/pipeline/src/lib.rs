//! The dossier pipeline: the one crate that knows every stage.
//!
//! Build a [`Pipeline`] once, share it across threads, and call
//! [`Pipeline::extract`] per document. Analysis never fails: messy text gives fewer
//! results and [`Diagnostic`](dossier_core::Diagnostic)s.
//!
//! ```
//! use dossier::{Document, Pipeline};
//!
//! let pipeline = Pipeline::builder().build().unwrap();
//! let doc = Document::new("a1", "Troops arrived on Thursday.\n\"We are here to help,\" the commander said.");
//! let analysis = pipeline.extract(&doc);
//! assert_eq!(analysis.sentences.len(), 2);
//! ```
#![deny(missing_docs)]

pub use dossier_core::*;

mod html;
mod speakers;
pub use dossier_html::decode as decode_html;
pub use html::{HtmlError, Page};

use dossier_entities::EntityTagger;
use dossier_events::EventCoder;
use dossier_quotes::{QuoteExtractor, QuoteInput};
use dossier_times::TimeTagger;

/// A pipeline configuration error.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// A stage could not be built.
    #[error("cannot build the {stage} stage: {message}")]
    Stage {
        /// Which stage.
        stage: &'static str,
        /// Why.
        message: String,
    },
}

/// Which stages run.
#[derive(Debug, Clone)]
pub struct PipelineBuilder {
    quotes: bool,
    entities: bool,
    times: bool,
    events: bool,
}

impl Default for PipelineBuilder {
    fn default() -> Self {
        PipelineBuilder {
            quotes: true,
            entities: true,
            times: true,
            events: true,
        }
    }
}

impl PipelineBuilder {
    /// Run the attribution stage (default: yes).
    pub fn quotes(mut self, on: bool) -> Self {
        self.quotes = on;
        self
    }
    /// Run the entity stage (default: yes).
    pub fn entities(mut self, on: bool) -> Self {
        self.entities = on;
        self
    }
    /// Run the time stage (default: yes).
    pub fn times(mut self, on: bool) -> Self {
        self.times = on;
        self
    }
    /// Run the event stage (default: yes).
    pub fn events(mut self, on: bool) -> Self {
        self.events = on;
        self
    }

    /// Compile every lexicon and model once.
    pub fn build(self) -> Result<Pipeline, BuildError> {
        Ok(Pipeline {
            quotes: self.quotes.then(QuoteExtractor::new),
            entities: self.entities.then(EntityTagger::new),
            times: self.times.then(TimeTagger::new),
            events: self.events.then(EventCoder::new),
            html: dossier_html::Extractor::new(),
        })
    }
}

/// The whole extraction, `Send + Sync`: build once, run on many documents.
#[derive(Debug)]
pub struct Pipeline {
    quotes: Option<QuoteExtractor>,
    entities: Option<EntityTagger>,
    times: Option<TimeTagger>,
    events: Option<EventCoder>,
    html: dossier_html::Extractor,
}

impl Pipeline {
    /// Start configuring a pipeline.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// Analyse one document. Never panics on any text, never fails.
    pub fn extract(&self, doc: &Document) -> Analysis {
        let text = doc.text.as_str();
        let layout = dossier_text::analyze(text);
        let mut analysis = Analysis {
            published: doc.published,
            furniture: layout.furniture,
            paragraphs: layout.paragraphs,
            sentences: layout.sentences,
            ..Analysis::default()
        };
        if let Some(t) = &self.times {
            if analysis.published.is_none() {
                // a dateline or date line near the top of the text
                analysis.published = dossier_times::document_date(text);
            }
            analysis.times = t.tag(text, analysis.published);
        }
        if let Some(e) = &self.entities {
            analysis.entities = e.tag(text, &analysis.sentences);
        }
        if let Some(q) = &self.quotes {
            let input = QuoteInput {
                original: text,
                clean: &layout.clean,
                paragraphs: &analysis.paragraphs,
                sentences: &analysis.sentences,
                furniture: &analysis.furniture,
                times: &analysis.times,
                published: analysis.published,
            };
            let (attributions, diagnostics) = q.extract(&input);
            analysis.attributions = attributions;
            analysis.diagnostics.extend(diagnostics);
        }
        if let (Some(e), Some(_)) = (&self.entities, &self.quotes) {
            // speakers are entities; their roles and affiliations describe them
            speakers::reconcile(text, e, &mut analysis.attributions, &mut analysis.entities);
        }
        if let Some(ev) = &self.events {
            analysis.events = ev.code(
                text,
                &analysis.sentences,
                &analysis.entities,
                &analysis.times,
            );
        }
        analysis
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipeline_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Pipeline>();
    }
}
