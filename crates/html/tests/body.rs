//! Table-driven body-text tests: `testdata/html/*.toml` (pages written for these tests).
//!
//! Each `[[test]]` has a `name`, an `html` page, `contains = [..]` (texts that must be
//! in the extracted text) and `absent = [..]` (texts that must not be). Every case also
//! checks that the map tiles the text and that verbatim segments copy the page.
//! `DOSSIER_TEST=substring` runs only the matching tests. All failures are reported
//! together.

use dossier_html::{extract, Article};
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
    html: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    contains: Vec<String>,
    #[serde(default)]
    absent: Vec<String>,
}

fn map_problem(html: &str, a: &Article) -> Option<String> {
    let mut at = 0;
    for m in &a.map {
        if m.text.start != at {
            return Some(format!("map does not tile the text at {at}"));
        }
        at = m.text.end;
        if html.get(m.html.start..m.html.end).is_none() {
            return Some(format!("html span {:?} off a boundary", m.html));
        }
        if m.verbatim && m.text.slice(&a.text) != m.html.slice(html) {
            return Some(format!("verbatim segment {:?} differs", m.text));
        }
    }
    (at != a.text.len()).then(|| "map shorter than the text".to_string())
}

#[test]
fn body_cases() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../testdata/html");
    let filter = std::env::var("DOSSIER_TEST").ok();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("testdata/html exists")
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
            let a = extract(&case.html, case.url.as_deref());
            let mut why = Vec::new();
            for c in &case.contains {
                if !a.text.contains(c.as_str()) {
                    why.push(format!("missing {c:?}"));
                }
            }
            for c in &case.absent {
                if a.text.contains(c.as_str()) {
                    why.push(format!("kept {c:?}"));
                }
            }
            if let Some(p) = map_problem(&case.html, &a) {
                why.push(p);
            }
            if !why.is_empty() {
                failures.push(format!(
                    "{} ({}): {}\n--- text:\n{}\n---",
                    case.name,
                    path.file_name().unwrap_or_default().to_string_lossy(),
                    why.join("; "),
                    a.text
                ));
            }
        }
    }
    assert!(ran > 0 || filter.is_some(), "no cases in {}", dir.display());
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
