//! Whole `--json`-equivalent records (via `dossier_output::wire`) for a few gold
//! articles, as insta snapshots under `tests/snapshots/`.
//!
//! These change on purpose whenever the engine improves. CI runs with `CI=true`, where
//! insta fails on any mismatch, so keep them current in the commit that changes the
//! output: review with `cargo insta review`, or accept all with `cargo insta accept`
//! (or run once with `INSTA_UPDATE=always`) after checking the diff.

mod common;

use dossier::Pipeline;
use dossier_output::wire;

const SNAPSHOTS: &[&str] = &[
    "continued-quote-over-paragraphs",
    "role-affiliation-medium-date",
    "furniture-note-caption-share",
];

#[test]
fn whole_records() {
    let cases = common::load();
    let pipeline = Pipeline::builder().build().expect("the pipeline builds");
    for name in SNAPSHOTS {
        let case = cases
            .iter()
            .find(|c| c.name == *name)
            .unwrap_or_else(|| panic!("no gold case named {name:?} in testdata/quotes"));
        let doc = common::document(case);
        let analysis = pipeline.extract(&doc);
        let line = wire::to_line(&wire::Record::from_analysis(&doc, &analysis));
        let value: serde_json::Value = serde_json::from_str(&line).expect("the record is JSON");
        insta::assert_json_snapshot!(*name, value);
    }
}
