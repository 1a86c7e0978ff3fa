//! Property tests: the coder never panics, spans are sound and lie inside one sentence,
//! categories are PLOVER's, at most one event per trigger.

mod common;

use common::sentences;
use dossier_events::{EventCoder, CATEGORIES};
use proptest::prelude::*;

fn coder() -> &'static EventCoder {
    static C: std::sync::OnceLock<EventCoder> = std::sync::OnceLock::new();
    C.get_or_init(EventCoder::new)
}

/// Text of trigger words, actors, function words and punctuation.
fn eventish() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "the",
        "a",
        "army",
        "Russia",
        "rebels",
        "attacked",
        "was",
        "by",
        "not",
        "did",
        "agree",
        "agreed",
        "to",
        "refused",
        "called",
        "for",
        "on",
        "met",
        "with",
        "sent",
        "troops",
        "imposed",
        "sanctions",
        "cracked",
        "down",
        "will",
        "unless",
        "must",
        "said",
        "it",
        "and",
        ",",
        ".",
        ";",
        "(",
        ")",
        "’s",
        "'s",
        "Hizbollah",
        "-",
        "25,000",
        "é",
        "protests",
        "against",
        "threatened",
        "talks",
        "held",
        "U.N.",
        "of",
        "request",
    ]);
    prop::collection::vec(words, 0..40).prop_map(|w| w.join(" "))
}

proptest! {
    #[test]
    fn sound_on_eventish_text(text in eventish()) {
        let sents = sentences(&text);
        let events = coder().code(&text, &sents, &[], &[]);
        let mut last_end = 0;
        for e in &events {
            prop_assert!(e.span.start < e.span.end && e.span.end <= text.len());
            prop_assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
            prop_assert!(e.span.start >= last_end, "events overlap or are unsorted");
            last_end = e.span.end;
            prop_assert!(sents.iter().any(|s| s.span.contains(e.span)), "event crosses sentences");
            prop_assert!(CATEGORIES.contains(&e.category.as_str()), "category {}", e.category);
            for actor in [&e.source, &e.target].into_iter().flatten() {
                prop_assert!(!actor.trim().is_empty());
            }
        }
    }

    #[test]
    fn never_panics_on_any_text(text in "\\PC{0,200}") {
        let _ = coder().code(&text, &[], &[], &[]);
    }
}
