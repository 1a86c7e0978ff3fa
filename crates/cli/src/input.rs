//! Turning files, directories and stdin into documents.

use dossier::{Date, Document};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// One unit of work: a document to analyse, or a line that could not become one.
pub enum Item {
    /// A document, with the id value to echo.
    Doc {
        id: Value,
        doc: Document,
        /// What was noticed while reading the input (lossy UTF-8, a bad date …).
        notes: Vec<String>,
    },
    /// A bad input line: echo the id (if any) and say why.
    Bad {
        id: Value,
        text: String,
        why: String,
    },
}

/// Parse one JSONL contract line (already without its newline).
pub fn parse_line(raw: &[u8]) -> Item {
    let (line, lossy) = match std::str::from_utf8(raw) {
        Ok(s) => (std::borrow::Cow::Borrowed(s), false),
        Err(_) => (String::from_utf8_lossy(raw), true),
    };
    // a byte-order mark (Windows editors put one at the start of a file) is not JSON
    let line = line.trim_start_matches('\u{FEFF}').trim_end_matches('\r');
    if line.trim().is_empty() {
        return Item::Bad {
            id: Value::Null,
            text: String::new(),
            why: "empty input line".into(),
        };
    }
    let v: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => {
            return Item::Bad {
                id: Value::Null,
                text: String::new(),
                why: format!("invalid JSON: {e}"),
            }
        }
    };
    let Value::Object(mut obj) = v else {
        return Item::Bad {
            id: Value::Null,
            text: String::new(),
            why: "the line is JSON but not an object".into(),
        };
    };
    let id = obj.remove("id").unwrap_or(Value::Null);
    let id_str = match &id {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    };
    let mut notes = Vec::new();
    if lossy {
        notes.push("invalid UTF-8 in the input line was replaced with U+FFFD".to_string());
    }
    let published = match obj.get("published") {
        None | Some(Value::Null) => None,
        Some(Value::String(raw)) => {
            let d = Date::parse_iso(raw);
            if d.is_none() {
                notes.push(format!("unreadable \"published\" value {raw:?} ignored"));
            }
            d
        }
        Some(other) => {
            notes.push(format!("\"published\" is not a string ({other}); ignored"));
            None
        }
    };
    match (obj.remove("text"), obj.remove("html")) {
        (Some(Value::String(text)), _) => {
            let mut doc = Document::new(id_str, text).with_published(published);
            doc.url = obj.get("url").and_then(Value::as_str).map(str::to_string);
            Item::Doc { id, doc, notes }
        }
        (Some(_), _) => Item::Bad {
            id,
            text: String::new(),
            why: "\"text\" is not a string".into(),
        },
        (None, Some(Value::String(_))) => Item::Bad {
            id,
            text: String::new(),
            why: "HTML input is not supported by this build yet".into(),
        },
        (None, Some(_)) => Item::Bad {
            id,
            text: String::new(),
            why: "\"html\" is not a string".into(),
        },
        (None, None) => Item::Bad {
            id,
            text: String::new(),
            why: "missing \"text\" (a string) or \"html\"".into(),
        },
    }
}

/// A plain-text file or stdin as one document.
pub fn plain_document(id: String, bytes: Vec<u8>) -> Item {
    let (text, notes) = match String::from_utf8(bytes) {
        Ok(s) => (s, Vec::new()),
        Err(e) => (
            String::from_utf8_lossy(e.as_bytes()).into_owned(),
            vec!["invalid UTF-8 was replaced with U+FFFD".to_string()],
        ),
    };
    Item::Doc {
        id: Value::String(id.clone()),
        doc: Document::new(id, text),
        notes,
    }
}

/// How a path is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// JSON Lines, contract input.
    Jsonl,
    /// One plain-text article.
    Text,
}

/// The kind of a file, by extension.
pub fn kind_of(path: &Path) -> Kind {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("jsonl") | Some("ndjson") => Kind::Jsonl,
        _ => Kind::Text,
    }
}

/// Files under `path` (recursively, sorted), or the path itself.
pub fn expand(path: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<String>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => {
                errors.push(format!("{}: {e}", path.display()));
                return;
            }
        };
        entries.sort();
        for p in entries {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.starts_with('.') {
                continue;
            }
            if p.is_dir() {
                expand(&p, out, errors);
            } else if matches!(
                p.extension()
                    .and_then(|e| e.to_str())
                    .map(str::to_ascii_lowercase)
                    .as_deref(),
                Some("txt" | "text" | "jsonl" | "ndjson")
            ) {
                out.push(p);
            }
        }
    } else {
        out.push(path.to_path_buf());
    }
}
