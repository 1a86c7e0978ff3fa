//! HTML escaping, the page frame, article segments.

use dossier_store::{ArticleDetail, Snippet};
use serde::Serialize;
use std::fmt::Write;

/// Escape text for HTML element content and quoted attribute values.
pub(crate) fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

/// Quote content for display: in curly marks unless it carries its own.
pub(crate) fn quoted(s: &str) -> String {
    let t = s.trim();
    if t.starts_with(['"', '\u{201c}', '\'', '\u{2018}', '\u{ab}', '\u{201e}']) {
        esc(t)
    } else {
        format!("\u{201c}{}\u{201d}", esc(t))
    }
}

/// Percent-encode a query-string value.
pub(crate) fn urlencode(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            o.push(b as char);
        } else {
            let _ = write!(o, "%{b:02X}");
        }
    }
    o
}

/// A snippet with its hits in `<mark>`, everything escaped.
pub(crate) fn snippet_html(s: &Snippet) -> String {
    let mut o = String::new();
    for (text, hit) in s.parts() {
        if hit {
            let _ = write!(o, "<mark>{}</mark>", esc(text));
        } else {
            o.push_str(&esc(text));
        }
    }
    o
}

pub(crate) const STYLE: &str = r#"
body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1d1d1f; background: #fafaf7; }
header { background: #23395d; color: #fff; padding: .6rem 1.2rem; display: flex; gap: 1.5rem; align-items: baseline; }
header a { color: #fff; text-decoration: none; } header .brand { font-weight: 700; font-size: 1.2rem; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.2rem 3rem; }
form.search { display: grid; grid-template-columns: repeat(4, 1fr); gap: .5rem; margin: 1rem 0; }
form.search input[name=q] { grid-column: 1 / 4; font-size: 1.1rem; padding: .4rem; }
form.search label { display: flex; flex-direction: column; font-size: .8rem; color: #555; }
form.search input, form.search select { padding: .3rem; }
ol.results { list-style: none; padding: 0; } ol.results li { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: .6rem .8rem; margin: .5rem 0; }
.meta { color: #555; font-size: .85rem; } .meta a { color: #23395d; }
.speaker { font-weight: 600; } mark { background: #ffe066; padding: 0 .1em; }
.kind { font-size: .75rem; text-transform: uppercase; border: 1px solid #aaa; border-radius: 3px; padding: 0 .3em; }
.article-text { white-space: pre-wrap; background: #fff; border: 1px solid #ddd; padding: 1rem; border-radius: 6px; }
.article-text .q { background: #e3f0ff; border-bottom: 2px solid #5b8dd6; } .article-text .q:target { background: #ffe066; }
.article-text a.m { color: inherit; text-decoration: underline dotted; } .article-text a.src { font-weight: 600; color: #23395d; }
.timeline { border-left: 3px solid #23395d; margin-left: .5rem; padding-left: 1rem; }
.timeline .day { margin: 1rem 0 .3rem; font-weight: 600; } .timeline .day::before { content: ""; display: inline-block; width: .7rem; height: .7rem; background: #23395d; border-radius: 50%; margin-left: -1.45rem; margin-right: .7rem; }
.bars { display: flex; align-items: flex-end; gap: 2px; height: 60px; margin: .5rem 0 1rem; } .bars span { background: #5b8dd6; min-width: 6px; flex: 1; max-width: 24px; }
table { border-collapse: collapse; } td, th { padding: .2rem .6rem; border-bottom: 1px solid #ddd; text-align: left; }
.error { color: #a00; } nav.pages { margin: 1rem 0; display: flex; gap: 1rem; }
"#;

/// The page frame around a body.
pub(crate) fn page(title: &str, body: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{} · dossier</title><link rel=\"stylesheet\" href=\"/style.css\"></head>\
<body><header><a class=\"brand\" href=\"/\">dossier</a><a href=\"/\">Search</a>\
<a href=\"/articles\">Articles</a></header><main>{}</main></body></html>\n",
        esc(title),
        body
    )
}

/// A piece of the article text and what it belongs to.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub(crate) struct Segment {
    /// The text piece.
    pub text: String,
    /// The quote whose content this is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<i64>,
    /// The quote whose speaker mention this is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_of: Option<i64>,
    /// The entity mentioned here.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<i64>,
}

/// Spans highlighted per article at most (the cut is quadratic in them; a real
/// article has far fewer).
const MAX_QUOTES: usize = 1_000;
const MAX_MENTIONS: usize = 2_000;

/// Cut the article text at every quote, speaker and mention boundary.
pub(crate) fn segments(a: &ArticleDetail) -> Vec<Segment> {
    let text = a.text.as_str();
    let n = text.len();
    let ok = |s: usize, e: usize| {
        s < e && e <= n && text.is_char_boundary(s) && text.is_char_boundary(e)
    };
    // (start, end, what)
    let mut quotes: Vec<(usize, usize, i64)> = Vec::new();
    let mut sources: Vec<(usize, usize, i64)> = Vec::new();
    for q in a.quotes.iter().take(MAX_QUOTES) {
        for &(s, e) in &q.spans {
            if ok(s, e) {
                quotes.push((s, e, q.id));
            }
        }
        if let Some((s, e)) = q.source_span {
            if ok(s, e) {
                sources.push((s, e, q.id));
            }
        }
    }
    let mentions: Vec<(usize, usize, i64)> = a
        .mentions
        .iter()
        .take(MAX_MENTIONS)
        .filter(|m| ok(m.span.0, m.span.1) && matches!(m.label.as_str(), "PERSON" | "ORG"))
        .map(|m| (m.span.0, m.span.1, m.entity_id))
        .collect();
    let mut cuts: Vec<usize> = vec![0, n];
    for (s, e, _) in quotes.iter().chain(&sources).chain(&mentions) {
        cuts.push(*s);
        cuts.push(*e);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let find = |v: &[(usize, usize, i64)], s: usize, e: usize| {
        v.iter().find(|(a, b, _)| *a <= s && e <= *b).map(|x| x.2)
    };
    let mut out: Vec<Segment> = Vec::new();
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        if s >= e {
            continue;
        }
        let seg = Segment {
            text: text[s..e].to_string(),
            quote: find(&quotes, s, e),
            speaker_of: find(&sources, s, e),
            entity: find(&mentions, s, e),
        };
        match out.last_mut() {
            Some(last)
                if last.quote == seg.quote
                    && last.speaker_of == seg.speaker_of
                    && last.entity == seg.entity =>
            {
                last.text.push_str(&seg.text)
            }
            _ => out.push(seg),
        }
    }
    out
}

/// The article text as HTML: quotes highlighted (`<mark class="q">`, anchored
/// `#q{id}`), speaker mentions and entity mentions linked to their pages.
pub(crate) fn article_html(a: &ArticleDetail, segs: &[Segment]) -> String {
    let speaker_of = |qid: i64| a.quotes.iter().find(|q| q.id == qid);
    let mut o = String::new();
    let mut anchored = std::collections::HashSet::new();
    for s in segs {
        let mut inner = esc(&s.text);
        let person = s
            .speaker_of
            .and_then(|q| speaker_of(q).and_then(|q| q.speaker_id))
            .or(s.entity);
        if let Some(pid) = person {
            let class = if s.speaker_of.is_some() { "src" } else { "m" };
            inner = format!("<a class=\"{class}\" href=\"/person/{pid}\">{inner}</a>");
        }
        if let Some(qid) = s.quote {
            let who = speaker_of(qid)
                .and_then(|q| q.speaker.clone())
                .unwrap_or_else(|| "no speaker".into());
            let id = if anchored.insert(qid) {
                format!(" id=\"q{qid}\"")
            } else {
                String::new()
            };
            inner = format!(
                "<mark class=\"q\"{id} data-quote=\"{qid}\" title=\"{}\">{inner}</mark>",
                esc(&who)
            );
        }
        o.push_str(&inner);
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything_that_matters() {
        assert_eq!(
            esc("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
        assert_eq!(urlencode("a b&c=é"), "a%20b%26c%3D%C3%A9");
    }
}
