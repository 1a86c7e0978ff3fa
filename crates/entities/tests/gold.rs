//! Table-driven gold tests: `testdata/entities/*.toml`.
//!
//! Each `[[test]]` has a `name`, a `text`, and expectations: `entities = [{text, label,
//! entity}]` (the span text must be tagged with that label, and `entity`, when given, is
//! its canonical name), `absent = [..]` (texts that must not be tagged) and
//! `not_label = [{text, label}]` (the text must not carry that label) and
//! `same = [[a, b]]` (the first mention tagged exactly `a` and the first tagged exactly `b`
//! belong to one entity).
//! `DOSSIER_TEST=substring` runs only the matching tests. All failures are reported together.

use dossier_entities::EntityTagger;
use serde::Deserialize;
use std::path::PathBuf;

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
    #[serde(default)]
    entities: Vec<Expect>,
    #[serde(default)]
    absent: Vec<String>,
    #[serde(default)]
    not_label: Vec<NotLabel>,
    /// Pairs of mention texts that must belong to the same entity (same id).
    #[serde(default)]
    same: Vec<[String; 2]>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NotLabel {
    text: String,
    label: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    text: String,
    label: String,
    entity: Option<String>,
}

#[test]
fn gold() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../testdata/entities");
    let filter = std::env::var("DOSSIER_TEST").ok();
    let tagger = EntityTagger::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("testdata/entities exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let (mut ran, mut failures) = (0, Vec::new());
    for path in paths {
        let raw = std::fs::read_to_string(&path).expect("read toml");
        let file: File = toml::from_str(&raw).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for case in file.test {
            if filter.as_deref().is_some_and(|f| !case.name.contains(f)) {
                continue;
            }
            ran += 1;
            let ents = tagger.tag(&case.text, &[]);
            let shown: Vec<String> = ents
                .iter()
                .map(|e| {
                    format!(
                        "{}/{}={}",
                        e.span.slice(&case.text),
                        e.label.as_str(),
                        e.canonical
                    )
                })
                .collect();
            for x in &case.entities {
                let hits: Vec<_> = ents
                    .iter()
                    .filter(|e| e.span.slice(&case.text) == x.text)
                    .collect();
                let ok = hits.iter().any(|e| {
                    e.label.as_str() == x.label
                        && x.entity.as_ref().is_none_or(|c| &e.canonical == c)
                });
                if !ok {
                    failures.push(format!(
                        "{} ({}): expected {:?} {} {:?}; got [{}]",
                        case.name,
                        path.file_name().and_then(|s| s.to_str()).unwrap_or(""),
                        x.text,
                        x.label,
                        x.entity,
                        shown.join(", ")
                    ));
                }
            }
            for x in &case.not_label {
                if ents
                    .iter()
                    .any(|e| e.span.slice(&case.text) == x.text && e.label.as_str() == x.label)
                {
                    failures.push(format!(
                        "{}: {:?} should not be {}; got [{}]",
                        case.name,
                        x.text,
                        x.label,
                        shown.join(", ")
                    ));
                }
            }
            for [a, b] in &case.same {
                let id = |t: &str| {
                    ents.iter()
                        .find(|e| e.span.slice(&case.text) == t)
                        .map(|e| e.id)
                };
                if id(a).is_none() || id(a) != id(b) {
                    failures.push(format!(
                        "{}: {a:?} and {b:?} should be one entity; got [{}]",
                        case.name,
                        shown.join(", ")
                    ));
                }
            }
            for a in &case.absent {
                if ents.iter().any(|e| e.span.slice(&case.text) == a) {
                    failures.push(format!(
                        "{}: {a:?} should not be an entity; got [{}]",
                        case.name,
                        shown.join(", ")
                    ));
                }
            }
        }
    }
    if !failures.is_empty() {
        panic!(
            "{} of {ran} gold cases failed:\n  {}\nhelp: rerun one with DOSSIER_TEST=<name>",
            failures.len(),
            failures.join("\n  ")
        );
    }
    eprintln!("{ran} gold cases passed");
}
