//! The gold corpus for who-said-what: `testdata/quotes/*.toml`, run through the real
//! pipeline (`dossier::Pipeline`). The format is documented in `common/mod.rs`.
//!
//! All failures are reported together. `DOSSIER_TEST=name` (or a comma-separated list,
//! or a prefix ending in `*`) runs only those cases. A case with `pending = "why"` is
//! run and reported but does not fail the test; when a pending case passes, the run
//! says so, so that the `pending` line can be removed.

mod common;

use common::{Case, Quote};
use dossier::{Analysis, Attribution, Pipeline, Span};
use std::fmt::Write;

fn selected(name: &str) -> bool {
    let Ok(filter) = std::env::var("DOSSIER_TEST") else {
        return true;
    };
    filter
        .split(',')
        .map(str::trim)
        .any(|f| match f.strip_suffix('*') {
            Some(prefix) => name.starts_with(prefix),
            None => f == name,
        })
}

/// Every occurrence of `needle` in `text`.
fn find_all(text: &str, needle: &str) -> Vec<Span> {
    if needle.is_empty() {
        return Vec::new();
    }
    text.match_indices(needle)
        .map(|(i, m)| Span::new(i, i + m.len()))
        .collect()
}

/// True when every non-space byte of `s` lies in one of `pieces`.
fn covered(text: &str, s: Span, pieces: &[Span]) -> bool {
    text[s.start..s.end]
        .char_indices()
        .filter(|(_, c)| !c.is_whitespace())
        .all(|(i, _)| {
            let b = s.start + i;
            pieces.iter().any(|p| p.start <= b && b < p.end)
        })
}

fn show(text: &str, a: &Attribution) -> String {
    let content: Vec<&str> = a.content.iter().map(|s| s.slice(text)).collect();
    let mut s = format!("{} {:?}", a.kind.as_str(), content);
    let _ = write!(
        s,
        " <- speaker {:?}, source {:?}, cue {:?}",
        a.speaker,
        a.source.map(|x| x.slice(text)),
        a.cue.map(|x| x.slice(text))
    );
    for (k, v) in [
        ("role", &a.role),
        ("affiliation", &a.affiliation),
        ("medium", &a.medium),
        ("date", &a.date),
    ] {
        if let Some(v) = v {
            let _ = write!(s, ", {k} {v:?}");
        }
    }
    s
}

/// Compare an expected string field; `(none)` expects no value.
fn field(errors: &mut Vec<String>, what: &str, want: &Option<String>, got: Option<&str>) {
    let Some(want) = want else { return };
    let ok = if want == "(none)" {
        got.is_none()
    } else {
        got == Some(want.as_str())
    };
    if !ok {
        errors.push(format!("{what}: expected {want:?}, found {got:?}"));
    }
}

fn check_quote(text: &str, a: &Analysis, q: &Quote, errors: &mut Vec<String>) {
    let mut needles = Vec::new();
    for c in &q.content {
        let all = find_all(text, c);
        if all.is_empty() {
            errors.push(format!(
                "content {c:?} does not occur in the text (a typo in the case?)"
            ));
            return;
        }
        needles.push((c, all));
    }
    // the attribution whose content covers every expected substring
    let found = a.attributions.iter().find(|at| {
        needles
            .iter()
            .all(|(_, occ)| occ.iter().any(|&s| covered(text, s, &at.content)))
    });
    let Some(at) = found else {
        errors.push(format!("no attribution covers the content {:?}", q.content));
        return;
    };
    let before = errors.len();
    field(errors, "speaker", &q.speaker, at.speaker.as_deref());
    field(
        errors,
        "source",
        &q.source,
        at.source.map(|s| s.slice(text)),
    );
    field(errors, "cue", &q.cue, at.cue.map(|s| s.slice(text)));
    field(errors, "kind", &q.kind, Some(at.kind.as_str()));
    field(errors, "role", &q.role, at.role.as_deref());
    field(
        errors,
        "affiliation",
        &q.affiliation,
        at.affiliation.as_deref(),
    );
    field(errors, "medium", &q.medium, at.medium.as_deref());
    field(errors, "date", &q.date, at.date.as_deref());
    for e in &mut errors[before..] {
        *e = format!(
            "quote {:?}: {e}",
            q.content.first().map(String::as_str).unwrap_or("")
        );
    }
}

/// The failures of one case (empty when it passes).
fn check_case(c: &Case, a: &Analysis) -> Vec<String> {
    let text = c.text.as_str();
    let mut errors = Vec::new();
    for q in &c.quote {
        check_quote(text, a, q, &mut errors);
    }
    for nq in &c.not_quotes {
        let occ = find_all(text, nq);
        if occ.is_empty() {
            errors.push(format!("not_quotes {nq:?} does not occur in the text"));
        }
        for s in occ {
            for at in &a.attributions {
                if at.content.iter().any(|p| p.overlaps(s)) {
                    errors.push(format!(
                        "{nq:?} is not a quote, but found in: {}",
                        show(text, at)
                    ));
                }
            }
        }
    }
    for f in &c.furniture {
        let occ = find_all(text, f);
        if occ.is_empty() {
            errors.push(format!("furniture {f:?} does not occur in the text"));
        } else if !occ.iter().any(|&s| covered(text, s, &a.furniture)) {
            let marked: Vec<&str> = a.furniture.iter().map(|s| s.slice(text)).collect();
            errors.push(format!(
                "furniture {f:?} is not marked (marked: {marked:?})"
            ));
        }
    }
    if let Some(n) = c.attributions {
        if a.attributions.len() != n {
            errors.push(format!(
                "expected {n} attributions, found {}",
                a.attributions.len()
            ));
        }
    }
    errors
}

#[test]
fn gold() {
    let cases = common::load();
    assert!(cases.len() >= 10, "the gold corpus is missing");
    let pipeline = Pipeline::builder().build().expect("the pipeline builds");
    let mut failed = Vec::new();
    let mut pending_failed = Vec::new();
    let mut pending_passed = Vec::new();
    let mut report = String::new();
    let mut ran = 0;
    for c in cases.iter().filter(|c| selected(&c.name)) {
        ran += 1;
        let doc = common::document(c);
        let a = pipeline.extract(&doc);
        let errors = check_case(c, &a);
        match (&c.pending, errors.is_empty()) {
            (None, true) => {}
            (Some(_), true) => pending_passed.push(c.name.clone()),
            (pending, false) => {
                let tag = match pending {
                    Some(why) => {
                        pending_failed.push(c.name.clone());
                        format!(" (pending: {why})")
                    }
                    None => {
                        failed.push(c.name.clone());
                        String::new()
                    }
                };
                let _ = writeln!(report, "\n--- {} [{}]{tag}", c.name, c.file);
                for e in &errors {
                    let _ = writeln!(report, "  - {e}");
                }
                let _ = writeln!(report, "  found:");
                for at in &a.attributions {
                    let _ = writeln!(report, "    {}", show(&c.text, at));
                }
                if a.attributions.is_empty() {
                    let _ = writeln!(report, "    (nothing)");
                }
            }
        }
    }
    if !report.is_empty() {
        eprintln!("{report}");
    }
    eprintln!(
        "gold: {ran} cases run, {} failed, {} pending (still failing), {} pending now pass",
        failed.len(),
        pending_failed.len(),
        pending_passed.len()
    );
    if !pending_passed.is_empty() {
        eprintln!(
            "note: these pending cases pass now; remove their `pending` line: {pending_passed:?}"
        );
    }
    assert!(
        failed.is_empty(),
        "{} gold case(s) failed: {failed:?}\n\
         help: see each case's report above; rerun one with \
         `DOSSIER_TEST=<name> cargo test -p dossier-quotes --test gold -- --nocapture`, \
         and mark a case that cannot pass yet with `pending = \"why\"` in testdata/quotes/",
        failed.len()
    );
}
