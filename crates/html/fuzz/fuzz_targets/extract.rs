#![no_main]
//! Any string: extraction never panics and its map stays inside both texts.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|html: &str| {
    let a = dossier_html::extract(html, Some("https://example.org/2021/03/15/x"));
    let mut at = 0;
    for m in &a.map {
        assert_eq!(m.text.start, at, "map must tile the text");
        at = m.text.end;
        assert!(html.get(m.html.start..m.html.end).is_some());
    }
    assert_eq!(at, a.text.len());
    for e in &a.embeds {
        assert!(a.text.get(e.span.start..e.span.end).is_some());
    }
});
