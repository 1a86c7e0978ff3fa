//! Speakers and entities agree: table-driven cases in `testdata/pipeline/speakers.toml`.
//!
//! For every case: each listed speaker is an attribution's speaker and the canonical
//! name of an entity with the listed label, role and affiliation; and in every case,
//! every attribution whose speaker is a name of two or more capitalised words has an
//! entity of that canonical name; `absent` texts are never entity mentions.
//! `DOSSIER_TEST=substring` runs only the matching cases.

use std::path::Path;

use dossier::{Date, Document, Pipeline};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    test: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    published: Option<String>,
    speakers: Vec<Expect>,
    /// Texts that must not be entity mentions.
    #[serde(default)]
    absent: Vec<String>,
    /// Mention texts that must carry no role or affiliation.
    #[serde(default)]
    no_role: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    speaker: String,
    label: String,
    role: Option<String>,
    affiliation: Option<String>,
}

fn same(a: Option<&str>, b: &str) -> bool {
    a.is_some_and(|a| a.eq_ignore_ascii_case(b))
}

#[test]
fn speakers_are_entities() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/pipeline/speakers.toml");
    let raw = std::fs::read_to_string(&path).expect("read speakers.toml");
    let file: File = toml::from_str(&raw).expect("parse speakers.toml");
    let pipeline = Pipeline::builder().events(false).build().expect("pipeline");
    let filter = std::env::var("DOSSIER_TEST").ok();
    let mut failures = Vec::new();
    for case in file.test {
        if filter.as_deref().is_some_and(|f| !case.name.contains(f)) {
            continue;
        }
        let doc = Document::new(&case.name, case.text.as_str())
            .with_published(case.published.as_deref().and_then(Date::parse_iso));
        let a = pipeline.extract(&doc);
        let shown = format!(
            "speakers {:?}; entities [{}]",
            a.attributions
                .iter()
                .map(|x| x.speaker.as_deref())
                .collect::<Vec<_>>(),
            a.entities
                .iter()
                .map(|e| format!(
                    "{}/{}={} role={:?} aff={:?}",
                    e.span.slice(&doc.text),
                    e.label.as_str(),
                    e.canonical,
                    e.role,
                    e.affiliation
                ))
                .collect::<Vec<_>>()
                .join(", ")
        );
        for x in &case.speakers {
            if !a
                .attributions
                .iter()
                .any(|t| t.speaker.as_deref() == Some(&x.speaker))
            {
                failures.push(format!(
                    "{}: no attribution by {:?}; {shown}",
                    case.name, x.speaker
                ));
                continue;
            }
            let ok = a.entities.iter().any(|e| {
                e.canonical == x.speaker
                    && e.label.as_str() == x.label
                    && x.role.as_ref().is_none_or(|r| same(e.role.as_deref(), r))
                    && x.affiliation
                        .as_ref()
                        .is_none_or(|f| same(e.affiliation.as_deref(), f))
            });
            if !ok {
                failures.push(format!(
                    "{}: expected entity {:?} {} role {:?} affiliation {:?}; {shown}",
                    case.name, x.speaker, x.label, x.role, x.affiliation
                ));
            }
        }
        // the general promise: a named speaker (two or more capitalised words; a lone
        // capitalised word may be a sentence opener, "Economists warned") is an entity
        for t in &a.attributions {
            let Some(s) = t.speaker.as_deref() else {
                continue;
            };
            let named = s.split_whitespace().count() >= 2
                && s.split_whitespace()
                    .all(|w| w.starts_with(char::is_uppercase));
            if named && !a.entities.iter().any(|e| e.canonical == s) {
                failures.push(format!(
                    "{}: speaker {s:?} is not an entity; {shown}",
                    case.name
                ));
            }
        }
        for x in &case.absent {
            if a.entities.iter().any(|e| e.span.slice(&doc.text) == x) {
                failures.push(format!(
                    "{}: {x:?} should not be an entity; {shown}",
                    case.name
                ));
            }
        }
        for x in &case.no_role {
            if a.entities.iter().any(|e| {
                e.span.slice(&doc.text) == x && (e.role.is_some() || e.affiliation.is_some())
            }) {
                failures.push(format!(
                    "{}: {x:?} should carry no role; {shown}",
                    case.name
                ));
            }
        }
        if case.speakers.is_empty() && case.no_role.is_empty() {
            let named: Vec<_> = a.entities.iter().filter(|e| e.role.is_some()).collect();
            if !named.is_empty() {
                failures.push(format!(
                    "{}: no entity should carry a role; {shown}",
                    case.name
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n  {}",
        failures.len(),
        failures.join("\n  ")
    );
}
