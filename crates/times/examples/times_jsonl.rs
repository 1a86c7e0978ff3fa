//! Run the time tagger alone over contract JSON lines (for `eval/score_times.py`).
//!
//! Reads `{"id", "text", "published"?}` per line on stdin and writes one contract output
//! line per input line, in order, with the `times` list filled (code-point offsets) and
//! every other list empty. Without `published`, the dateline date is used.
//!
//! ```text
//! cargo run --release -p dossier-times --example times_jsonl < docs.jsonl
//! ```

use std::io::{self, BufRead, BufWriter, Write};

use dossier_core::Date;
use dossier_times::{document_date, TimeTagger};
use serde_json::{json, Value};

fn main() -> io::Result<()> {
    let tagger = TimeTagger::new();
    let stdin = io::stdin();
    let mut out = BufWriter::new(io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                let err = json!({"id": null, "error": format!("bad JSON: {e}"), "times": [],
                    "attributions": [], "entities": [], "furniture": [], "events": []});
                writeln!(out, "{err}")?;
                continue;
            }
        };
        let id = doc.get("id").cloned().unwrap_or(Value::Null);
        let text = doc.get("text").and_then(Value::as_str).unwrap_or("");
        let published = doc
            .get("published")
            .and_then(Value::as_str)
            .and_then(Date::parse_iso)
            .or_else(|| document_date(text));
        // Byte offset -> code-point offset.
        let mut cp = vec![0usize; text.len() + 1];
        let mut n = 0;
        for (i, c) in text.char_indices() {
            for slot in &mut cp[i..i + c.len_utf8()] {
                *slot = n;
            }
            n += 1;
        }
        cp[text.len()] = n;
        let times: Vec<Value> = tagger
            .tag(text, published)
            .into_iter()
            .map(|t| {
                json!({"start": cp[t.span.start], "end": cp[t.span.end],
                       "type": t.kind.as_str(), "value": t.value})
            })
            .collect();
        let o = json!({"id": id, "text": text,
            "published": published.map(|d| d.to_string()),
            "times": times, "attributions": [], "entities": [], "furniture": [], "events": []});
        writeln!(out, "{o}")?;
    }
    out.flush()
}
