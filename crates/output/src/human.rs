//! A view for people: an article's quotes grouped by speaker, with role, medium and
//! date, coloured on a terminal.

use dossier_core::{Analysis, Attribution, Document, QuoteKind};
use std::fmt::Write;

/// Prints analyses for a person.
#[derive(Debug, Clone, Copy, Default)]
pub struct HumanPrinter {
    /// Use ANSI colours.
    pub color: bool,
}

impl HumanPrinter {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    /// Render one document.
    pub fn render(&self, doc: &Document, a: &Analysis) -> String {
        let mut out = String::new();
        let title = doc.title.clone().unwrap_or_else(|| doc.id.clone());
        let _ = writeln!(out, "{}", self.paint("1", &format!("== {title}")));
        if let Some(d) = a.published.or(doc.published) {
            let _ = writeln!(out, "   published {d}");
        }
        // group by speaker, in order of first appearance
        let mut groups: Vec<(String, Vec<&Attribution>)> = Vec::new();
        for at in &a.attributions {
            let who = at
                .speaker
                .clone()
                .or_else(|| at.source.map(|s| s.slice(&doc.text).to_string()))
                .unwrap_or_else(|| "(unattributed)".to_string());
            match groups.iter_mut().find(|(w, _)| *w == who) {
                Some((_, v)) => v.push(at),
                None => groups.push((who, vec![at])),
            }
        }
        if groups.is_empty() {
            let _ = writeln!(out, "   (no attributions found)");
        }
        for (who, ats) in &groups {
            let role = ats.iter().find_map(|a| a.role.clone());
            let aff = ats.iter().find_map(|a| a.affiliation.clone());
            let mut head = self.paint("1;36", who);
            let extra: Vec<String> = role.into_iter().chain(aff).collect();
            if !extra.is_empty() {
                head.push_str(&format!(" ({})", extra.join(", ")));
            }
            let _ = writeln!(out, "\n{head}");
            for at in ats {
                let content: Vec<&str> = at.content.iter().map(|s| s.slice(&doc.text)).collect();
                let body = content.join(" … ");
                let body = match at.kind {
                    QuoteKind::Direct => {
                        format!("“{}”", body.trim_matches(|c: char| "\"“”„«» ".contains(c)))
                    }
                    _ => body,
                };
                let mut meta = vec![at.kind.as_str().to_string()];
                if let Some(c) = at.cue {
                    meta.push(format!("cue “{}”", c.slice(&doc.text)));
                }
                if let Some(m) = &at.medium {
                    meta.push(m.clone());
                }
                if let Some(d) = &at.date {
                    meta.push(d.clone());
                }
                let _ = writeln!(out, "  • {}", body.trim());
                let _ = writeln!(out, "    {}", self.paint("2", &meta.join(" · ")));
            }
        }
        let _ = writeln!(out);
        out
    }
}
