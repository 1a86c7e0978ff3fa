//! Clean text in, furniture out: normalisation with an offset map, page-furniture
//! detection, paragraph and sentence segmentation.
//!
//! Everything this crate returns points into the original text; the [`CleanText`] it
//! builds is handed on so that later stages can work on folded quotation marks and
//! still map their spans back.
//!
//! ```
//! let text = "SEE ALSO: Why It MattersThe troops left.\n“We won,” he said.";
//! let layout = dossier_text::analyze(text);
//! assert_eq!(layout.furniture[0].slice(text), "SEE ALSO: Why It Matters");
//! let sentences: Vec<&str> = layout.sentences.iter().map(|s| s.span.slice(text)).collect();
//! assert_eq!(sentences, ["The troops left.", "“We won,” he said."]);
//! assert_eq!(layout.clean.as_str().lines().last(), Some("\"We won,\" he said."));
//! ```
#![deny(missing_docs)]

mod clean;
mod furniture;
mod segment;

pub use clean::clean;
pub use furniture::{FurnitureRule, RULES as FURNITURE_RULES};

use dossier_core::{CleanText, Paragraph, Sentence, Span};

/// The layout of one document.
#[derive(Debug)]
pub struct Layout {
    /// The normalised text with its map to the original.
    pub clean: CleanText,
    /// Paragraphs (original offsets), furniture-only lines excluded.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences (original offsets); furniture is cut out of them.
    pub sentences: Vec<Sentence>,
    /// Furniture spans (original offsets).
    pub furniture: Vec<Span>,
}

/// Clean, find furniture, segment.
pub fn analyze(original: &str) -> Layout {
    let clean = clean::clean(original);
    let text = clean.as_str();
    let mut furniture_clean = Vec::new();
    let mut paragraphs = Vec::new();
    let mut sentences = Vec::new();
    for para in segment::paragraphs(text) {
        let mut marks = Vec::new();
        furniture::line_furniture(para.slice(text), para.start, &mut marks);
        // the parts of the paragraph that are not furniture
        let mut rest = Vec::new();
        let mut pos = para.start;
        for m in &marks {
            if m.start > pos {
                rest.push(Span::new(pos, m.start));
            }
            pos = pos.max(m.end);
        }
        if pos < para.end {
            rest.push(Span::new(pos, para.end));
        }
        furniture_clean.extend(marks);
        for piece in rest {
            let piece = piece.trim(text);
            if piece.is_empty() || !piece.slice(text).chars().any(|c| c.is_alphanumeric()) {
                continue;
            }
            let index = paragraphs.len();
            let heading =
                segment::is_heading(piece.slice(text)) && sentences.last().is_some_and(|_| true);
            paragraphs.push(Paragraph {
                span: clean.to_original(piece),
                heading,
            });
            let mut ss = Vec::new();
            if heading {
                ss.push(piece);
            } else {
                segment::sentences_in(text, piece, &mut ss);
            }
            sentences.extend(ss.into_iter().map(|s| Sentence {
                span: clean.to_original(s),
                paragraph: index,
            }));
        }
    }
    let furniture = furniture_clean
        .into_iter()
        .map(|s| clean.to_original(s))
        .collect();
    Layout {
        clean,
        paragraphs,
        sentences,
        furniture,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_point_into_the_original() {
        let t = "«Non», dit-il.\r\nYour browser doesn’t support HTML5\r\nNext line here.";
        let l = analyze(t);
        assert_eq!(l.furniture.len(), 1);
        assert_eq!(
            l.furniture[0].slice(t),
            "Your browser doesn’t support HTML5"
        );
        let s: Vec<&str> = l.sentences.iter().map(|s| s.span.slice(t)).collect();
        assert_eq!(s, ["«Non», dit-il.", "Next line here."]);
    }
}
