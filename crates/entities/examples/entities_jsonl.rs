//! Run the entity stage alone in the dossier batch contract (for the scorers).
//!
//! ```text
//! CARGO_TARGET_DIR=/work/target-entities cargo build --release -p dossier-entities --example entities_jsonl
//! python3 ../shared/eval/score_entities.py --split dev --cmd /work/target-entities/release/examples/entities_jsonl
//! ```
//!
//! Reads `{"id", "text", ...}` lines on stdin; writes one contract line per input line, in
//! order, with code-point offsets. A bad line gives an `"error"` line; the batch goes on.

use dossier_entities::EntityTagger;
use serde_json::{json, Value};
use std::io::{BufRead, BufWriter, Write};

fn main() {
    let tagger = EntityTagger::new();
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                let o = json!({"id": null, "text": "", "error": format!("bad JSON: {e}"),
                    "entities": [], "attributions": [], "times": [], "furniture": [], "events": []});
                if writeln!(out, "{o}").is_err() {
                    return;
                }
                continue;
            }
        };
        let text = v["text"].as_str().unwrap_or("");
        let ents = tagger.tag(text, &[]);
        // bytes -> code points, once, here
        let mut cp = vec![0usize; text.len() + 1];
        let mut n = 0;
        for (b, c) in text.char_indices() {
            for k in 0..c.len_utf8() {
                cp[b + k] = n;
            }
            n += 1;
        }
        cp[text.len()] = n;
        let ents: Vec<Value> = ents
            .iter()
            .map(|e| {
                json!({"start": cp[e.span.start], "end": cp[e.span.end], "label": e.label.as_str(),
                       "entity": e.canonical, "id": e.id.0})
            })
            .collect();
        let o = json!({"id": v["id"], "text": text, "entities": ents, "attributions": [],
                       "times": [], "furniture": [], "events": []});
        if writeln!(out, "{o}").is_err() {
            return;
        }
    }
    let _ = out.flush();
}
