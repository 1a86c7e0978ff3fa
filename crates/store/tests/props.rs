//! Whatever a person types, search answers (never an FTS5 syntax error), and snippet
//! hits lie on character boundaries inside the snippet.

use dossier_core::{Analysis, Attribution, Document, QuoteKind, Span};
use dossier_store::{Article, Reader, SearchQuery, Writer};
use proptest::prelude::*;

/// One database for every case; each case opens its own reader.
fn db() -> Reader {
    static DB: std::sync::OnceLock<(tempfile::TempDir, std::path::PathBuf)> =
        std::sync::OnceLock::new();
    let (_, path) = DB.get_or_init(make);
    Reader::open(path).expect("reader")
}

fn make() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("p.db");
    let text = "\"Ça va, the NEAR* (OR) \"strike\" AND ünïcode,\" said Zoë. Talks go on.";
    let end = text.find(",\" said").expect("end");
    let mut a = Analysis::default();
    a.attributions.push(Attribution {
        content: vec![Span::new(1, end)],
        source: None,
        cue: None,
        speaker: Some("Zoë".into()),
        kind: QuoteKind::Direct,
        role: None,
        affiliation: None,
        medium: None,
        date: None,
    });
    let doc = Document::new("p", text);
    Writer::open(&path)
        .expect("writer")
        .write_batch(&[Article {
            source: "p",
            doc: &doc,
            analysis: &a,
        }])
        .expect("write");
    (dir, path)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_query_is_answered(q in "\\PC{0,40}", quoted in proptest::bool::ANY) {
        let r = db();
        let text = if quoted { format!("\"{q}") } else { q };
        let res = r.search(&SearchQuery::text(text.clone()));
        prop_assert!(res.is_ok(), "{text:?}: {:?}", res.err());
        for h in res.expect("ok").hits {
            for (s, e) in &h.snippet.hits {
                prop_assert!(s < e && *e <= h.snippet.text.len());
                prop_assert!(h.snippet.text.is_char_boundary(*s) && h.snippet.text.is_char_boundary(*e));
            }
        }
    }

    #[test]
    fn query_words_from_the_text_find_it(pick in 0usize..8) {
        let r = db();
        let words = ["ça", "NEAR", "near*", "OR strike", "\"strike AND\"", "unicode", "zoe", "Talks"];
        let res = r.search(&SearchQuery::text(words[pick])).expect("search");
        prop_assert!(!res.hits.is_empty(), "{}", words[pick]);
    }
}
