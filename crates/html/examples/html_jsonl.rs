//! Contract runner for the extraction scorer: `{"id","html","url"}` lines in on stdin,
//! one contract line out per input line, in order.
//!
//!     CARGO_TARGET_DIR=/work/target-html cargo build --release -p dossier-html --example html_jsonl
//!     python3 ../shared/eval/score_extraction.py --cmd '/work/target-html/release/examples/html_jsonl'
use serde_json::{json, Value};
use std::io::{BufRead, BufWriter, Write};

fn main() {
    let ex = dossier_html::Extractor::new();
    let stdin = std::io::stdin();
    let mut out = BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        if line.trim().is_empty() {
            continue;
        }
        let o = match serde_json::from_str::<Value>(&line) {
            Err(e) => json!({"id": null, "text": "", "error": format!("bad input line: {e}"),
                "attributions": [], "entities": [], "times": [], "furniture": [], "events": []}),
            Ok(v) => {
                let id = v.get("id").cloned().unwrap_or(Value::Null);
                let html = v.get("html").and_then(Value::as_str).unwrap_or("");
                let url = v.get("url").and_then(Value::as_str);
                let a = ex.extract(html, url);
                let mut o = json!({"id": id, "text": if a.no_article { "" } else { a.text.as_str() },
                    "title": a.title, "author": a.author,
                    "published": a.published.map(|d| d.to_string()),
                    "date_source": a.date_source.map(|s| s.as_str()),
                    "attributions": [], "entities": [], "times": [], "furniture": [], "events": []});
                if a.no_article {
                    o["error"] = json!("no article text found in the page");
                }
                o
            }
        };
        let _ = writeln!(out, "{o}");
    }
    let _ = out.flush();
}
