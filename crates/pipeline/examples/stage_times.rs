//! Time each stage on a directory of `.txt` articles, one thread:
//! `cargo run --release -p dossier --example stage_times -- DIR`.
//!
//! Prints seconds and MB/s per stage configuration (all stages, then each stage
//! alone on top of text analysis) so a slow stage is easy to spot.

use std::time::Instant;

use dossier::{Document, Pipeline};

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/polnear/train/text".into());
    let mut docs = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(&dir)];
    while let Some(p) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&p) else {
            continue;
        };
        for e in rd.flatten() {
            let path = e.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "txt") {
                if let Ok(t) = std::fs::read_to_string(&path) {
                    docs.push(Document::new(path.display().to_string(), t));
                }
            }
        }
    }
    let mb = docs.iter().map(|d| d.text.len()).sum::<usize>() as f64 / 1e6;
    println!("{} documents, {mb:.2} MB from {dir}", docs.len());
    let configs: [(&str, [bool; 4]); 6] = [
        ("text only", [false, false, false, false]),
        ("+ times", [false, false, true, false]),
        ("+ entities", [false, true, false, false]),
        ("+ quotes", [true, false, false, false]),
        ("+ quotes + entities", [true, true, false, false]),
        ("all", [true, true, true, true]),
    ];
    for (name, [q, e, t, ev]) in configs {
        let t0 = Instant::now();
        let p = Pipeline::builder()
            .quotes(q)
            .entities(e)
            .times(t)
            .events(ev)
            .build()
            .expect("pipeline");
        let build = t0.elapsed().as_secs_f64();
        let t1 = Instant::now();
        let mut n = 0usize;
        for d in &docs {
            let a = p.extract(d);
            n += a.entities.len() + a.times.len() + a.attributions.len();
        }
        let s = t1.elapsed().as_secs_f64();
        println!(
            "{name:22} build {:6.1} ms  run {s:6.2} s  {:6.2} MB/s  ({n} items)",
            build * 1e3,
            mb / s
        );
    }
}
