//! Side-by-side speed of article extraction on one core: dossier-html, dom_smoothie (a
//! Rust Readability port) and, when Python has it, trafilatura, on the same pages.
//!
//!     CARGO_TARGET_DIR=/work/target-html cargo run --release -p dossier-html --example bench_html
//!     ... --example bench_html -- --data ../shared/data --limit 500 --no-python
//!
//! Pages: every `*.gz` page of the extraction dev sets under `--data`
//! (`extraction/{trafilatura,readability,htmldate-dev}`), decoded by `dossier_html::decode`;
//! when that folder is absent, a generated corpus of 300 synthetic news pages. Reports
//! pages/s and MB/s of decoded HTML per system, the speed-up of dossier, and peak RSS.
//! dom_smoothie is a dev-dependency of this crate only (never a runtime dependency).
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

fn main() {
    let mut data = PathBuf::from("../shared/data");
    let mut limit = usize::MAX;
    let mut python = true;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--data" => data = args.next().map(PathBuf::from).unwrap_or(data),
            "--limit" => limit = args.next().and_then(|v| v.parse().ok()).unwrap_or(limit),
            "--no-python" => python = false,
            _ => {
                eprintln!("usage: bench_html [--data DIR] [--limit N] [--no-python]");
                std::process::exit(2);
            }
        }
    }
    let mut pages = load(&data.join("extraction"));
    let source = if pages.is_empty() {
        pages = generated(300);
        "generated corpus (dev data not found)".to_string()
    } else {
        format!("dev sets under {}", data.join("extraction").display())
    };
    pages.truncate(limit);
    let mb = pages.iter().map(|p| p.len()).sum::<usize>() as f64 / 1e6;
    println!("{} pages, {mb:.1} MB of HTML ({source})", pages.len());
    let rss_loaded = peak_rss_mb();

    // dossier-html, one thread
    let ex = dossier_html::Extractor::new();
    let t = Instant::now();
    let mut chars = 0usize;
    for p in &pages {
        let a = ex.extract(p, None);
        chars += a.text.len() + a.title.map_or(0, |s| s.len());
    }
    let dossier = t.elapsed().as_secs_f64();
    let rss_dossier = peak_rss_mb();
    std::hint::black_box(chars);

    // dom_smoothie, one thread (errors count as pages done)
    let t = Instant::now();
    let mut chars = 0usize;
    for p in &pages {
        if let Ok(mut r) = dom_smoothie::Readability::new(p.as_str(), None, None) {
            if let Ok(a) = r.parse() {
                chars += a.text_content.len();
            }
        }
    }
    let smoothie = t.elapsed().as_secs_f64();
    std::hint::black_box(chars);

    let traf = if python { trafilatura(&pages) } else { None };

    let n = pages.len() as f64;
    println!(
        "{:<28} {:>9} {:>9} {:>9}",
        "system (1 core)", "pages/s", "MB/s", "dossier×"
    );
    let row = |name: &str, secs: f64| {
        println!(
            "{name:<28} {:>9.1} {:>9.2} {:>9.1}",
            n / secs,
            mb / secs,
            secs / dossier
        );
    };
    row("dossier-html", dossier);
    row("dom_smoothie 0.19", smoothie);
    match traf {
        Some((secs, v)) => row(&format!("trafilatura {v}"), secs),
        None => println!("trafilatura: not run (no python3 with trafilatura, or --no-python)"),
    }
    println!(
        "peak RSS: {rss_loaded:.0} MB with the pages loaded, {rss_dossier:.0} MB after dossier-html"
    );
}

/// Decoded pages of the dev sets, sorted by path.
fn load(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    for set in ["trafilatura/html", "readability", "htmldate-dev/html"] {
        walk(&dir.join(set), &mut files);
    }
    files.sort();
    files
        .iter()
        .filter_map(|f| {
            let raw = std::fs::read(f).ok()?;
            let mut bytes = Vec::new();
            flate2::read::MultiGzDecoder::new(raw.as_slice())
                .read_to_end(&mut bytes)
                .ok()?;
            Some(dossier_html::decode(&bytes, None).0)
        })
        .collect()
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.to_string_lossy().ends_with(".gz")
            && !p.to_string_lossy().ends_with("expected.html.gz")
        {
            out.push(p);
        }
    }
}

fn generated(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            let mut body = String::new();
            for j in 0..(8 + i % 20) {
                body.push_str(&format!(
                    "<p>Paragraph {j} of story {i}: the council met on Tuesday and \
                     “agreed to keep the bridge open,” the mayor said, while residents \
                     who had protested for months welcomed the decision.</p>\n"
                ));
            }
            format!(
                "<!DOCTYPE html><html><head><title>Story {i} - Daily</title>\
                 <meta property=\"article:published_time\" content=\"2022-01-07\">\
                 <script>{}</script></head><body><nav><ul>{}</ul></nav>\
                 <article><h1>Story {i}</h1>{body}</article>\
                 <footer>© Daily, all rights reserved</footer></body></html>",
                "var x = 1;".repeat(200),
                "<li><a href=\"/s\">Section</a></li>".repeat(30)
            )
        })
        .collect()
}

/// trafilatura on the same pages in one Python process: (seconds of extraction, version).
fn trafilatura(pages: &[String]) -> Option<(f64, String)> {
    let dir = std::env::temp_dir().join(format!("bench_html_{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok()?;
    let input = dir.join("pages.jsonl");
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&input).ok()?);
        for p in pages {
            writeln!(f, "{}", serde_json::Value::String(p.clone())).ok()?;
        }
    }
    // standard mode, as in trafilatura's own benchmark: no comments, tables, metadata
    let script = r#"
import json, sys, time
import trafilatura
pages = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
t = time.perf_counter()
for p in pages:
    trafilatura.bare_extraction(p, include_comments=False, include_tables=True, with_metadata=True)
print(time.perf_counter() - t, trafilatura.__version__)
"#;
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&input)
        .stderr(std::process::Stdio::null())
        .output()
        .ok();
    let _ = std::fs::remove_dir_all(&dir);
    let out = out?;
    if !out.status.success() {
        return None;
    }
    let s = String::from_utf8_lossy(&out.stdout);
    let mut it = s.split_whitespace();
    let secs = it.next()?.parse().ok()?;
    Some((secs, it.next().unwrap_or("?").to_string()))
}

/// Peak resident memory of this process (VmHWM), in MB; 0 where unknown.
fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}
