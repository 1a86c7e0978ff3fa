//! Property tests: any text, no panic; spans in range, on char boundaries, sorted,
//! non-overlapping; mentions of one id share a canonical name.

use dossier_core::{Sentence, Span};
use dossier_entities::EntityTagger;
use proptest::prelude::*;
use std::sync::OnceLock;

fn tagger() -> &'static EntityTagger {
    static T: OnceLock<EntityTagger> = OnceLock::new();
    T.get_or_init(EntityTagger::new)
}

fn check(text: &str, sentences: &[Sentence]) {
    let ents = tagger().tag(text, sentences);
    let mut last_end = 0;
    for e in &ents {
        assert!(e.span.start < e.span.end, "empty span {:?}", e.span);
        assert!(e.span.end <= text.len());
        assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
        assert!(
            e.span.start >= last_end,
            "overlap or unsorted at {:?}",
            e.span
        );
        last_end = e.span.end;
        assert!(!e.canonical.is_empty());
    }
    for a in &ents {
        for b in &ents {
            if a.id == b.id {
                assert_eq!(a.canonical, b.canonical);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn arbitrary_text(s in "\\PC{0,300}") {
        check(&s, &[]);
    }

    #[test]
    fn name_like_text(s in "([A-Z][a-z]{0,8}|[A-Z]{2,5}|U\\.S\\.|the|of|said|\\(|\\)|'s|’s|,|\\.|\n| |é|Ж|“|”){0,60}") {
        check(&s, &[]);
    }

    #[test]
    fn with_odd_sentences(s in "[A-Za-z .\n()']{0,120}", cut in 0usize..120) {
        let cut = cut.min(s.len());
        let sents = [Sentence { span: Span::new(0, cut), paragraph: 0 }, Sentence { span: Span::new(cut, s.len()), paragraph: 0 }];
        check(&s, &sents);
    }
}
