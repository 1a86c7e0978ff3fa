//! Property tests: on any input the map tiles the text and stays in range.
use proptest::prelude::*;

fn check(html: &str) {
    let a = dossier_html::extract(html, None);
    let mut at = 0;
    for m in &a.map {
        assert_eq!(m.text.start, at);
        at = m.text.end;
        assert!(html.get(m.html.start..m.html.end).is_some());
        if m.verbatim {
            assert_eq!(
                &a.text[m.text.start..m.text.end],
                &html[m.html.start..m.html.end]
            );
        }
    }
    assert_eq!(at, a.text.len());
    for e in &a.embeds {
        assert!(a.text.get(e.span.start..e.span.end).is_some());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn map_in_range_on_random_text(s in "\\PC{0,400}") {
        check(&s);
    }

    #[test]
    fn map_in_range_on_tag_soup(parts in proptest::collection::vec(prop_oneof![
        Just("<p>".to_string()), Just("</p>".to_string()), Just("<div class=\"share\">".to_string()),
        Just("</div>".to_string()), Just("<q>".to_string()), Just("</q>".to_string()), Just("&amp;".to_string()),
        Just("&#x201C;".to_string()), Just("<br>".to_string()), Just("<script>".to_string()), Just("<!--".to_string()),
        Just("<blockquote class=twitter-tweet>".to_string()), Just("<li>".to_string()), Just("&nbsp;".to_string()),
        "[a-zé ,.]{0,40}",
    ], 0..60)) {
        check(&parts.concat());
    }
}
