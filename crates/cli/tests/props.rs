//! Through the real binary with `--jsonl`: whatever the lines, as many lines come out
//! as went in, in order, and each is a JSON object with the contract's lists.

mod util;

use proptest::prelude::*;
use util::{assert_ok_or_known, Dir};

/// One input line: a good document with arbitrary text, or arbitrary bytes (never a
/// newline, which would make two lines).
fn input_line() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        3 => (any::<String>(), "[\"“”«»„'’\\r\\n .a-zA-Z]{0,80}").prop_map(|(a, b)| {
            serde_json::json!({ "id": "x", "text": format!("{a}{b}") })
                .to_string()
                .into_bytes()
        }),
        1 => prop::collection::vec(any::<u8>().prop_filter("no newline", |b| *b != b'\n'), 0..60),
        1 => "[{}\\[\\]\":, a-z0-9\\\\]{0,40}".prop_map(String::into_bytes),
        1 => Just(b"\r".to_vec()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 24,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn one_output_line_per_input_line(lines in prop::collection::vec(input_line(), 0..40)) {
        let mut input = Vec::new();
        for l in &lines {
            input.extend_from_slice(l);
            input.push(b'\n');
        }
        let dir = Dir::new();
        let out = dir.run(&["extract", "--jsonl", "-j", "2"], &input);
        assert_ok_or_known(&out);
        let text = String::from_utf8(out.stdout.clone()).expect("UTF-8 output");
        let got: Vec<&str> = text.lines().collect();
        prop_assert_eq!(got.len(), lines.len());
        for (i, l) in got.iter().enumerate() {
            let v: serde_json::Value = serde_json::from_str(l).expect("each line is JSON");
            prop_assert!(v.is_object());
            for k in ["furniture", "attributions", "entities", "times", "events"] {
                prop_assert!(v[k].is_array(), "line {} lacks {}", i + 1, k);
            }
        }
    }
}
