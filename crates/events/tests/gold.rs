//! Table-driven gold tests: every `[[test]]` in `testdata/events/*.toml`.
//!
//! Each test is a sentence we wrote and the events expected in it:
//!
//! ```toml
//! [[test]]
//! name = "assault-attacked"
//! text = "Gunmen attacked a police station near the border."
//! events = [{ category = "ASSAULT", trigger = "attacked", source = "Gunmen", target = "a police station" }]
//! ```
//!
//! `trigger` is a substring that must lie inside the event's span; `source` and
//! `target`, when given, are compared exactly ("" for none). By default the list is
//! exhaustive; `exhaustive = false` checks only the listed events. `DOSSIER_TEST=name`
//! runs the tests whose name contains `name`. All failures are reported together.
//!
//! The text is split into sentences at ". " so that tests do not depend on another stage.

use std::path::{Path, PathBuf};

mod common;

use common::sentences;
use dossier_core::{Event, Span};
use dossier_events::EventCoder;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    test: Vec<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    #[serde(default)]
    events: Vec<Expect>,
    #[serde(default = "yes")]
    exhaustive: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    category: String,
    trigger: String,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    target: Option<String>,
}

fn yes() -> bool {
    true
}

fn testdata() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/events")
}

fn show(text: &str, e: &Event) -> String {
    format!(
        "{} {:?} src={:?} tgt={:?}",
        e.category,
        e.span.slice(text),
        e.source,
        e.target
    )
}

fn check(coder: &EventCoder, case: &Case) -> Vec<String> {
    let mut errors = Vec::new();
    let got = coder.code(&case.text, &sentences(&case.text), &[], &[]);
    let shown: Vec<String> = got.iter().map(|e| show(&case.text, e)).collect();
    let mut used = vec![false; got.len()];
    for want in &case.events {
        let Some(at) = case.text.find(&want.trigger) else {
            errors.push(format!("trigger {:?} is not in the text", want.trigger));
            continue;
        };
        let span = Span::new(at, at + want.trigger.len());
        let Some(i) = got.iter().position(|e| e.span.overlaps(span)) else {
            errors.push(format!(
                "missing {} at {:?}; got [{}]",
                want.category,
                want.trigger,
                shown.join("; ")
            ));
            continue;
        };
        used[i] = true;
        let e = &got[i];
        if e.category != want.category {
            errors.push(format!(
                "{:?}: category {} (want {})",
                want.trigger, e.category, want.category
            ));
        }
        let same = |got: &Option<String>, want: &Option<String>| match want {
            None => true,
            Some(w) if w.is_empty() => got.is_none(),
            Some(w) => got.as_deref() == Some(w.as_str()),
        };
        if !same(&e.source, &want.source) {
            errors.push(format!(
                "{:?}: source {:?} (want {:?})",
                want.trigger, e.source, want.source
            ));
        }
        if !same(&e.target, &want.target) {
            errors.push(format!(
                "{:?}: target {:?} (want {:?})",
                want.trigger, e.target, want.target
            ));
        }
    }
    if case.exhaustive {
        for (i, e) in got.iter().enumerate() {
            if !used[i] {
                errors.push(format!("unexpected {}", show(&case.text, e)));
            }
        }
    }
    errors
}

#[test]
fn gold() {
    let coder = EventCoder::new();
    let filter = std::env::var("DOSSIER_TEST").ok();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(testdata())
        .expect("testdata/events exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no testdata/events/*.toml");
    let mut failures = Vec::new();
    let mut ran = 0;
    for path in paths {
        let src = std::fs::read_to_string(&path).expect("readable testdata");
        let file: File = toml::from_str(&src).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for case in &file.test {
            if filter.as_deref().is_some_and(|f| !case.name.contains(f)) {
                continue;
            }
            ran += 1;
            for err in check(&coder, case) {
                failures.push(format!("{}: {}", case.name, err));
            }
        }
    }
    assert!(ran > 0 || filter.is_some(), "no tests ran");
    assert!(
        failures.is_empty(),
        "{} failure(s):\n  {}\nhelp: run one test with DOSSIER_TEST=<name>",
        failures.len(),
        failures.join("\n  ")
    );
}
