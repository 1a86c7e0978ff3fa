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
    /// A web page: the article is extracted (in the parallel part of the batch), then
    /// analysed.
    Html {
        /// The id value to echo.
        id: Value,
        /// The page.
        page: HtmlSource,
        /// The page's URL.
        url: Option<String>,
        /// A publication date given with the input (wins over the page's own).
        published: Option<Date>,
        /// When the page was crawled (`WARC-Date`), echoed as `"crawled"`.
        crawled: Option<String>,
        /// What was noticed while reading the input.
        notes: Vec<String>,
    },
    /// A bad input line: echo the id (if any) and say why.
    Bad {
        id: Value,
        text: String,
        why: String,
    },
}

/// A page's text, or its bytes still to decode (charset from the HTTP header, BOM,
/// `<meta>`, or detection).
pub enum HtmlSource {
    /// Already text (a JSON line's `"html"`).
    Text(String),
    /// Bytes as served, with the HTTP `Content-Type` when known.
    Bytes {
        /// The page bytes.
        bytes: Vec<u8>,
        /// The HTTP `Content-Type`.
        content_type: Option<String>,
    },
}

impl HtmlSource {
    /// Size in bytes (for the chunk budget).
    pub fn len(&self) -> usize {
        match self {
            HtmlSource::Text(s) => s.len(),
            HtmlSource::Bytes { bytes, .. } => bytes.len(),
        }
    }
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
        (None, Some(Value::String(html))) => Item::Html {
            id,
            page: HtmlSource::Text(html),
            url: obj.get("url").and_then(Value::as_str).map(str::to_string),
            published,
            crawled: None,
            notes,
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
    /// One web page (`.html`, `.htm`).
    Html,
    /// A web archive (`.warc`, `.warc.gz`), read as a stream of HTML responses.
    Warc,
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
        Some("html") | Some("htm") | Some("xhtml") => Kind::Html,
        Some("warc") => Kind::Warc,
        Some("gz")
            if path
                .file_stem()
                .and_then(|s| s.to_str())
                .is_some_and(|s| s.to_ascii_lowercase().ends_with(".warc")) =>
        {
            Kind::Warc
        }
        _ => Kind::Text,
    }
}

/// A web page file as one item (decoded in the batch).
pub fn html_document(id: String, bytes: Vec<u8>) -> Item {
    Item::Html {
        id: Value::String(id),
        page: HtmlSource::Bytes {
            bytes,
            content_type: None,
        },
        url: None,
        published: None,
        crawled: None,
        notes: Vec::new(),
    }
}

/// Does this look like a web page rather than plain text? (for stdin)
pub fn looks_like_html(head: &[u8]) -> bool {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let h: Vec<u8> = head[start..]
        .iter()
        .take(15)
        .map(u8::to_ascii_lowercase)
        .collect();
    h.starts_with(b"<!doctype html") || h.starts_with(b"<html") || h.starts_with(b"<?xml")
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
                Some("txt" | "text" | "jsonl" | "ndjson" | "html" | "htm" | "xhtml" | "warc")
            ) || kind_of(&p) == Kind::Warc
            {
                out.push(p);
            }
        }
    } else {
        out.push(path.to_path_buf());
    }
}
