//! Arbitrary bytes (decoded lossily as UTF-8) through `Pipeline::extract` and the
//! wire printer: nothing may panic, and every span must lie inside the text on char
//! boundaries.
#![no_main]

use dossier::{Date, Document, Pipeline, Span};
use dossier_output::wire;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| {
        Pipeline::builder()
            .build()
            .expect("the default pipeline builds")
    })
}

fn check(text: &str, s: Span, what: &str) {
    assert!(
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end),
        "{what} {s:?} is not a valid span of a {}-byte text",
        text.len()
    );
}

fuzz_target!(|data: &[u8]| {
    // the first byte, when present, picks a publication date (or none)
    let (published, body) = match data.split_first() {
        Some((&b, rest)) if b % 4 == 0 => (
            Date::new(2015 + i16::from(b % 8), 1 + b % 12, 1 + b % 28),
            rest,
        ),
        _ => (None, data),
    };
    let text = String::from_utf8_lossy(body).into_owned();
    let doc = Document::new("fuzz", text).with_published(published);
    let a = pipeline().extract(&doc);
    let t = doc.text.as_str();
    for &f in &a.furniture {
        check(t, f, "furniture");
    }
    for s in &a.sentences {
        check(t, s.span, "sentence");
    }
    for p in &a.paragraphs {
        check(t, p.span, "paragraph");
    }
    for at in &a.attributions {
        for &c in &at.content {
            check(t, c, "content");
        }
        if let Some(s) = at.source {
            check(t, s, "source");
        }
        if let Some(c) = at.cue {
            check(t, c, "cue");
        }
    }
    for e in &a.entities {
        check(t, e.span, "entity");
    }
    for x in &a.times {
        check(t, x.span, "time");
    }
    for e in &a.events {
        check(t, e.span, "event");
    }
    let line = wire::to_line(&wire::Record::from_analysis(&doc, &a));
    assert!(!line.contains('\n'), "a JSONL record spans several lines");
    let _ = wire::to_pretty(&wire::Record::from_analysis(&doc, &a));
});
