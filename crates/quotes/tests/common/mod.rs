//! The gold-case format of `testdata/quotes/*.toml` (after regex's `testdata/*.toml`).
//!
//! ```toml
//! [[test]]
//! name = "direct-speaker-after"        # unique; DOSSIER_TEST=name runs only this case
//! published = "2022-01-07"             # optional, the document date
//! pending = "why it fails today"       # optional: run and reported, does not fail
//! text = """An article written for the test."""
//! not_quotes = ["scare"]               # no attribution content may overlap these
//! furniture = ["SEE ALSO: ..."]        # each must be covered by furniture spans
//! attributions = 2                     # optional: exactly this many attributions
//!
//! [[test.quote]]
//! content = ["substring", "..."]       # each covered by the attribution's content
//! speaker = "Dmitry Trenin"            # optional; "(none)" expects no value
//! source = "Trenin"                    # optional, the source mention as written
//! cue = "said"                         # optional, the cue as written
//! kind = "direct"                      # optional: direct | mixed | indirect
//! role = "director"                    # optional, also affiliation, medium, date
//! ```
#![allow(dead_code)]

use serde::Deserialize;
use std::path::{Path, PathBuf};

/// One file of cases.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct File {
    pub test: Vec<Case>,
}

/// One article and what must be found in it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub name: String,
    pub text: String,
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub pending: Option<String>,
    #[serde(default)]
    pub quote: Vec<Quote>,
    #[serde(default)]
    pub not_quotes: Vec<String>,
    #[serde(default)]
    pub furniture: Vec<String>,
    #[serde(default)]
    pub attributions: Option<usize>,
    /// Filled in by [`load`]: which file the case came from.
    #[serde(skip)]
    pub file: String,
}

/// One expected attribution.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub content: Vec<String>,
    #[serde(default)]
    pub speaker: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub cue: Option<String>,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub affiliation: Option<String>,
    #[serde(default)]
    pub medium: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
}

/// `testdata/quotes/` at the workspace root.
pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/quotes")
}

/// Every case of every file, in file-name order; panics with the file name on a
/// malformed file or a duplicate name.
pub fn load() -> Vec<Case> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir())
        .expect("testdata/quotes exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut cases = Vec::new();
    for f in files {
        let raw = std::fs::read_to_string(&f).expect("readable");
        let parsed: File = toml::from_str(&raw).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        for mut c in parsed.test {
            c.file = name.clone();
            cases.push(c);
        }
    }
    let mut names: Vec<&str> = cases.iter().map(|c| c.name.as_str()).collect();
    names.sort_unstable();
    for w in names.windows(2) {
        assert_ne!(w[0], w[1], "duplicate gold case name {:?}", w[0]);
    }
    cases
}

/// The document of a case.
pub fn document(c: &Case) -> dossier::Document {
    dossier::Document::new(c.name.clone(), c.text.clone())
        .with_published(c.published.as_deref().and_then(dossier::Date::parse_iso))
}
