//! Table-driven gold tests: every `[[test]]` in `testdata/times/*.toml`.
//!
//! Each test is a short text we wrote, a publication date (or none) and the time
//! expressions expected in it, as substrings with their TIMEX3 values:
//!
//! ```toml
//! [[test]]
//! name = "weekday-past"
//! text = "The minister resigned on Thursday."
//! published = "2022-01-07"
//! times = [{ text = "Thursday", value = "2022-01-06", type = "DATE" }]
//! ```
//!
//! By default the list is exhaustive (any other predicted time fails the test); set
//! `exhaustive = false` to check only the listed ones. `DOSSIER_TEST=name` runs the tests
//! whose name contains `name`. All failures are reported together.

use std::path::{Path, PathBuf};

use dossier_core::Date;
use dossier_times::TimeTagger;
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
    published: Option<String>,
    #[serde(default)]
    times: Vec<Expect>,
    #[serde(default = "yes")]
    exhaustive: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    text: String,
    value: String,
    #[serde(default, rename = "type")]
    kind: Option<String>,
    /// Which occurrence of `text` (0-based) when it appears more than once.
    #[serde(default)]
    nth: usize,
}

fn yes() -> bool {
    true
}

fn testdata() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/times")
}

fn check(tagger: &TimeTagger, case: &Case) -> Vec<String> {
    let mut errors = Vec::new();
    let published = case.published.as_deref().and_then(Date::parse_iso);
    if case.published.is_some() && published.is_none() {
        return vec![format!("bad published date {:?}", case.published)];
    }
    let got = tagger.tag(&case.text, published);
    let shown: Vec<String> = got
        .iter()
        .map(|t| {
            format!(
                "{:?}={} ({})",
                t.span.slice(&case.text),
                t.value,
                t.kind.as_str()
            )
        })
        .collect();
    let mut used = vec![false; got.len()];
    for e in &case.times {
        let Some((start, _)) = case.text.match_indices(&e.text).nth(e.nth) else {
            errors.push(format!(
                "expected text {:?} is not in the test text",
                e.text
            ));
            continue;
        };
        let end = start + e.text.len();
        match got
            .iter()
            .position(|t| t.span.start == start && t.span.end == end)
        {
            None => errors.push(format!(
                "missing {:?} (want {}); got [{}]",
                e.text,
                e.value,
                shown.join(", ")
            )),
            Some(i) => {
                used[i] = true;
                if got[i].value != e.value {
                    errors.push(format!(
                        "{:?}: value {} (want {})",
                        e.text, got[i].value, e.value
                    ));
                }
                if let Some(k) = &e.kind {
                    if got[i].kind.as_str() != k {
                        errors.push(format!(
                            "{:?}: type {} (want {k})",
                            e.text,
                            got[i].kind.as_str()
                        ));
                    }
                }
            }
        }
    }
    if case.exhaustive {
        for (i, t) in got.iter().enumerate() {
            if !used[i] {
                errors.push(format!(
                    "unexpected {:?}={}",
                    t.span.slice(&case.text),
                    t.value
                ));
            }
        }
    }
    errors
}

#[test]
fn gold() {
    let filter = std::env::var("DOSSIER_TEST").ok();
    let tagger = TimeTagger::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(testdata())
        .expect("testdata/times exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no testdata/times/*.toml");
    let (mut ran, mut failures) = (0, Vec::new());
    for path in &files {
        let src = std::fs::read_to_string(path).expect("readable test file");
        let file: File = toml::from_str(&src)
            .unwrap_or_else(|e| panic!("{}: bad test file: {e}", path.display()));
        for case in &file.test {
            if filter.as_deref().is_some_and(|f| !case.name.contains(f)) {
                continue;
            }
            ran += 1;
            let errors = check(&tagger, case);
            if !errors.is_empty() {
                let file_name = path.file_name().unwrap_or_default().to_string_lossy();
                failures.push(format!(
                    "FAILED {} ({file_name}): {:?}\n    - {}",
                    case.name,
                    case.text,
                    errors.join("\n    - ")
                ));
            }
        }
    }
    if !failures.is_empty() {
        panic!(
            "{} of {ran} gold time tests failed:\n\n{}\n\nhelp: rerun one with \
             `DOSSIER_TEST=<name> cargo test -p dossier-times --test gold`; the rules live \
             in crates/times/src/grammar.rs (one RuleDef per construction)",
            failures.len(),
            failures.join("\n\n")
        );
    }
    eprintln!("{ran} gold time tests passed");
}
