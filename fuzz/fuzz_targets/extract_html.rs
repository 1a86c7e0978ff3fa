//! Arbitrary bytes as a web page (decoded as a crawler would: BOM, charset, detection)
//! through `Pipeline::extract_html` and the wire printer: nothing may panic, and every
//! span, including the attributions made from embedded posts, lies inside the
//! extracted text on char boundaries.
#![no_main]

use dossier::{Page, Pipeline, Span};
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
    let (html, _) = dossier::decode_html(data, None);
    let page = Page {
        id: "fuzz",
        html: &html,
        url: Some("https://example.org/2022/01/07/story"),
        published: None,
    };
    let Ok((doc, a)) = pipeline().extract_html(&page) else {
        return;
    };
    let t = doc.text.as_str();
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
    let _ = wire::to_line(&wire::Record::from_analysis(&doc, &a));
});
