//! Runs the tagger over the TimeML development data when it is present
//! (`../shared/data/time`, or `DOSSIER_TIME_DATA`), checking soundness and a floor on
//! recall. The data are never copied into the repository; without them the test prints
//! a skip message and passes.

use std::path::PathBuf;

use dossier_core::Date;
use dossier_times::{is_valid_value, TimeTagger};

fn data_dir() -> PathBuf {
    std::env::var_os("DOSSIER_TIME_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/time/tbaq")
        })
}

fn tml_files(dir: &PathBuf, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            tml_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "tml") {
            out.push(p);
        }
    }
}

/// The `<TEXT>` content with tags removed and the TIMEX3 strings inside it (rough, but
/// enough for a recall floor), plus the DCT date.
fn read(src: &str) -> Option<(String, Vec<String>, Option<Date>)> {
    let dct = src
        .find("functionInDocument=\"CREATION_TIME\"")
        .and_then(|i| src[i..].find("value=\"").map(|j| i + j + 7))
        .and_then(|k| Date::parse_iso(src.get(k..k + 10)?));
    let start = src.find("<TEXT>")? + 6;
    let end = src[start..].find("</TEXT>")? + start;
    let body = &src[start..end];
    let mut text = String::new();
    let mut gold = Vec::new();
    let mut rest = body;
    while let Some(i) = rest.find('<') {
        text.push_str(&rest[..i]);
        let Some(j) = rest[i..].find('>') else { break };
        let tag = &rest[i..i + j + 1];
        rest = &rest[i + j + 1..];
        if tag.starts_with("<TIMEX3") {
            if let Some(k) = rest.find("</TIMEX3>") {
                gold.push(strip_tags(&rest[..k]));
            }
        }
    }
    text.push_str(rest);
    let text = text
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'");
    Some((text, gold, dct))
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in s.chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            _ if !inside => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn shared_timeml_data() {
    let dir = data_dir();
    let mut files = Vec::new();
    tml_files(&dir, &mut files);
    if files.is_empty() {
        eprintln!(
            "skip: no TimeML data at {} (set DOSSIER_TIME_DATA to run this test)",
            dir.display()
        );
        return;
    }
    let tagger = TimeTagger::new();
    let (mut gold_n, mut found) = (0usize, 0usize);
    for path in &files {
        let Ok(src) = std::fs::read_to_string(path) else {
            continue;
        };
        let Some((text, gold, dct)) = read(&src) else {
            continue;
        };
        let times = tagger.tag(&text, dct);
        let mut last = 0;
        for t in &times {
            assert!(t.span.start >= last && t.span.start < t.span.end);
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            assert!(
                is_valid_value(&t.value),
                "{}: {:?}",
                path.display(),
                t.value
            );
            last = t.span.end;
        }
        let predicted: Vec<&str> = times.iter().map(|t| t.span.slice(&text)).collect();
        for g in &gold {
            gold_n += 1;
            if predicted
                .iter()
                .any(|p| p.contains(g.trim()) || g.contains(p))
            {
                found += 1;
            }
        }
    }
    let recall = found as f64 / gold_n.max(1) as f64;
    eprintln!(
        "{} TimeML files: {found}/{gold_n} gold strings overlapped ({:.1}%)",
        files.len(),
        100.0 * recall
    );
    assert!(
        recall > 0.80,
        "relaxed recall fell to {:.1}%",
        100.0 * recall
    );
}
