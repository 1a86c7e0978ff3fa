//! HTML page → article text, with a map back to the source, and its metadata.
//!
//! `dossier-html` owns the step from a crawled page to a [`dossier_core::Document`]:
//!
//! * [`decode`]: page bytes → text (BOM, HTTP charset, `<meta charset>`, detection);
//! * [`extract`] / [`Extractor::extract`]: main text (paragraphs, headings, block
//!   quotes, list items, embedded posts; one paragraph per line), without navigation,
//!   share bars, related links, comments, captions or cookie banners; plus `title`,
//!   `author` and the `published` date, and a [`MapSegment`] map from every output byte
//!   back to the HTML bytes it came from.
//!
//! **Architecture invariant:** the map tiles [`Article::text`] exactly, in order; every
//! `html` span lies inside the input string and on character boundaries.
//! Extraction never fails and never panics: a page without an article gives an
//! [`Article`] with `no_article` set and a diagnostic.
//!
//! ```
//! let html = r#"<html><head><title>Talks resume - Daily Bugle</title>
//!   <meta property="article:published_time" content="2022-01-07T10:00:00Z"></head>
//!   <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
//!   <article><h1>Talks resume</h1>
//!   <p>“The talks will go on,” Dmitry Trenin said on Thursday, adding that nobody expected a quick result.</p>
//!   <blockquote class="twitter-tweet"><p>We are back at the table.</p>&mdash; Ministry (@mfa) January 6, 2022</blockquote>
//!   <p class="share">Share this article</p></article></body></html>"#;
//! let a = dossier_html::extract(html, Some("https://example.org/world/talks"));
//! assert_eq!(a.title.as_deref(), Some("Talks resume"));
//! assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2022-01-07"));
//! assert!(a.text.starts_with("“The talks will go on,” Dmitry Trenin said"));
//! assert!(!a.text.contains("Share this") && !a.text.contains("Home"));
//! let tweet = &a.embeds[0];
//! assert_eq!(tweet.medium, "Twitter");
//! assert!(tweet.span.slice(&a.text).starts_with("We are back at the table."));
//! // Every output byte maps back into the page:
//! let said = a.text.find("Trenin").unwrap();
//! let src = a.to_html(dossier_core::Span::new(said, said + 6));
//! assert_eq!(src.slice(html), "Trenin");
//! ```
//!
//! # Performance
//! A hand-written, offset-keeping tokenizer and tree builder (no spec-complete
//! tree construction: no adoption agency or foster parenting, which do not change
//! which text a page shows in practice), one statistics pass, one scoring pass and one
//! emission pass. Patterns are compiled once per process.
//!
//! # Untrusted input
//! Any `&str` is accepted. Nesting deeper than 400 open elements is flattened, so
//! recursion is bounded.
#![deny(missing_docs)]

mod date;
mod decode;
mod dom;
mod entities;
mod extract;
mod meta;
mod patterns;

pub use decode::decode;
pub use meta::DateSource;

use dossier_core::{Date, Diagnostic, Document, Span};

/// One piece of the text → HTML map: `text` bytes of [`Article::text`] came from
/// `html` bytes of the input.
///
/// When `verbatim`, the text is a copy (byte `i` of `text` is byte `i` of `html`);
/// otherwise it is a decoded character reference (`&amp;` → `&`), collapsed
/// whitespace (`"  \n "` → `" "`), or inserted punctuation (a paragraph break or the
/// quotation marks around a `<q>`, mapped to an empty span or to the tag).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MapSegment {
    /// Bytes of [`Article::text`].
    pub text: Span,
    /// Bytes of the HTML string given to [`extract`].
    pub html: Span,
    /// True when `text` is a byte-for-byte copy of `html`.
    pub verbatim: bool,
}

/// A social-media post embedded in the article (`blockquote.twitter-tweet`, Telegram
/// and Instagram widgets…), kept as text so a later stage can attribute it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Embed {
    /// Bytes of [`Article::text`] holding the post (text and its credit line).
    pub span: Span,
    /// The medium: "Twitter", "Telegram", "Instagram", "Facebook", "TikTok",
    /// "Bluesky" or "Mastodon".
    pub medium: &'static str,
}

/// The article found in a page.
#[derive(Clone, Debug, Default)]
pub struct Article {
    /// Main text: one paragraph (or heading, list item, quote) per line, separated by
    /// `"\n"`, whitespace collapsed, character references decoded. Empty when
    /// `no_article`.
    pub text: String,
    /// Headline (`og:title`, JSON-LD `headline`, `<h1>`, or `<title>` without the
    /// site name).
    pub title: Option<String>,
    /// Author(s), people rather than sites; several are joined with `"; "`.
    pub author: Option<String>,
    /// The article's own publication date.
    pub published: Option<Date>,
    /// Where `published` came from.
    pub date_source: Option<DateSource>,
    /// Text → HTML map, tiling `text` in order (see [`MapSegment`]).
    pub map: Vec<MapSegment>,
    /// Embedded social-media posts inside `text`.
    pub embeds: Vec<Embed>,
    /// What was guessed or skipped.
    pub diagnostics: Vec<Diagnostic>,
    /// True when the page holds no article text.
    pub no_article: bool,
}

impl Article {
    /// The HTML bytes that produced `span` of [`Article::text`] (empty span at 0 when
    /// out of range). Verbatim parts map byte for byte; a span that starts or ends
    /// inside a decoded reference covers the whole reference.
    pub fn to_html(&self, span: Span) -> Span {
        let find = |pos: usize, is_end: bool| -> Option<usize> {
            let i = self.map.partition_point(|m| {
                if is_end {
                    m.text.end < pos
                } else {
                    m.text.end <= pos
                }
            });
            let m = self.map.get(i)?;
            let off = pos.saturating_sub(m.text.start);
            Some(if m.verbatim {
                m.html.start + off.min(m.html.len())
            } else if is_end {
                if off == 0 {
                    m.html.start
                } else {
                    m.html.end
                }
            } else if off >= m.text.len() {
                m.html.end
            } else {
                m.html.start
            })
        };
        if span.is_empty() || span.end > self.text.len() {
            return Span::default();
        }
        match (find(span.start, false), find(span.end, true)) {
            (Some(s), Some(e)) if s <= e => Span::new(s, e),
            (Some(s), _) => Span::new(s, s),
            _ => Span::default(),
        }
    }

    /// A pipeline [`Document`] carrying the text and metadata (`url` as given).
    pub fn to_document(&self, id: impl Into<String>, url: Option<&str>) -> Document {
        Document {
            id: id.into(),
            text: self.text.clone(),
            published: self.published,
            title: self.title.clone(),
            author: self.author.clone(),
            url: url.map(str::to_string),
        }
    }
}

/// Extracts articles. Holds nothing per page; cheap to share across threads
/// (`Send + Sync`). Compiled patterns live in process-wide statics built on first use.
#[derive(Clone, Debug, Default)]
pub struct Extractor {
    _private: (),
}

impl Extractor {
    /// A new extractor. It compiles every shared pattern now (about 0.1 s, once per
    /// process), not on the first pages.
    pub fn new() -> Extractor {
        let _ = patterns::get();
        extract::warm();
        meta::warm();
        date::warm();
        Extractor { _private: () }
    }

    /// Extract the article from `html` (already decoded; see [`decode`]). `url` helps
    /// date detection (`/2021/03/15/`). Never panics.
    pub fn extract(&self, html: &str, url: Option<&str>) -> Article {
        let dom = dom::Dom::parse(html);
        let st = extract::stats(&dom);
        let meta = meta::gather(&dom, url);
        let mut diagnostics = Vec::new();

        // Readability's retry ladder: each pass relaxes one rule (0: strict; 1: keep
        // "unlikely" classes; 2: no conditional cleaning; 3: the whole body without its
        // structural furniture; 4: everything); the first pass giving a real article
        // wins, else the longest (a looser pass must find 1.5 times the text).
        let body = (0..dom.nodes.len())
            .find(|&i| dom.name(i) == "body")
            .unwrap_or(0);
        let enough = 500.min(st[body].text as usize / 3).max(1);
        let mut best: Option<extract::Emitter> = None;
        for pass in 0..5 {
            let roots = if pass < 3 {
                extract::with_lead(&dom, &st, extract::choose_roots(&dom, &st, pass == 0))
            } else {
                vec![body]
            };
            // pass 3: the whole body without its furniture; pass 4: everything
            if pass == 4 && best.as_ref().is_some_and(|b| b.text.len() >= 200) {
                break;
            }
            let mut em = extract::Emitter::new(&dom, &st, meta.title.as_deref());
            em.clean_conditionally = pass < 2;
            em.strict = pass < 4;
            em.by_class = pass < 3;
            for &r in &roots {
                em.emit(r, true, false);
            }
            em.finish();
            if pass > 0 && !em.text.is_empty() {
                diagnostics.push(Diagnostic::warning(
                    "html",
                    format!("article found only after relaxing the furniture rules (pass {pass})"),
                    None,
                ));
            }
            let len = em.text.len();
            // a later, looser pass must find clearly more text to replace an earlier one
            if best.as_ref().is_none_or(|b| len > b.text.len() * 3 / 2) {
                best = Some(em);
            }
            if len >= enough {
                break;
            }
            if pass > 0 {
                diagnostics.pop();
            }
        }
        let em = best.unwrap_or_else(|| extract::Emitter::new(&dom, &st, None));
        // Furniture alone (the last-resort pass on a page of links) is no article.
        let no_article = em.text.trim().is_empty() || (!em.strict && em.text.len() < 100);
        if no_article {
            diagnostics.push(Diagnostic::warning(
                "html",
                "no article text found in the page",
                None,
            ));
        }
        let mut em = em;
        if !no_article {
            cut_tail(&mut em);
        }
        Article {
            text: if no_article { String::new() } else { em.text },
            title: meta.title,
            author: meta.author,
            published: meta.published.map(|(d, _)| d),
            date_source: meta.published.map(|(_, s)| s),
            map: if no_article { Vec::new() } else { em.map },
            embeds: if no_article { Vec::new() } else { em.embeds },
            diagnostics,
            no_article,
        }
    }
}

/// Drop a trailing block of links, comments or newsletter forms that starts with a
/// heading such as "Related articles" or "Lesen Sie auch" in the last part of the text.
fn cut_tail(em: &mut extract::Emitter) {
    let pats = patterns::get();
    let text = &em.text;
    let min = text.len() / 4;
    let mut at = 0;
    let mut cands: Vec<usize> = Vec::new();
    for line in text.split('\n') {
        let start = at;
        at += line.len() + 1;
        if start < min || start == 0 {
            continue;
        }
        let l = line.trim();
        if l.len() < 60 && pats.tail_heading.is_match(l) {
            cands.push(start);
        }
    }
    // a heading already dropped as a furniture line marks the tail too
    cands.extend(em.tail_marks.iter().copied().filter(|&m| m >= min && m > 0));
    cands.sort_unstable();
    // An inline "Also interesting" box mid-article: the article's prose goes on after
    // it, so it is no tail.
    let goes_on = |c: usize| -> bool {
        let (n, bytes) = text
            .get(c..)
            .unwrap_or("")
            .split('\n')
            .map(str::trim)
            .filter(|l| l.len() >= 200 && l.ends_with(['.', '!', '?', '"', '”', '“', '»', ')']))
            .fold((0, 0), |(n, b), l| (n + 1, b + l.len()));
        n >= 2 && bytes * 2 > c
    };
    let cut = cands.into_iter().find(|&c| !goes_on(c));
    if let Some(cut) = cut.filter(|&c| c <= em.text.len()) {
        truncate(em, cut);
    }
    // Short trailing lines without a sentence end: tags, a source or agency code, a
    // "share"/"print" link, a date stamp ("aja/PAP", "Schlagworte", "drukuj").
    let full = em.text.len();
    let mut end = full;
    while let Some(nl) = em.text[..end].rfind('\n').filter(|_| full >= 1000) {
        let line = em.text[nl + 1..end].trim();
        if line.chars().count() >= 30
            || line.ends_with(['.', '!', '?', ':', ';', '"', '“', '”', '»', ')', '…'])
            || nl < full / 2
        {
            break;
        }
        end = nl;
    }
    if end < full {
        truncate(em, end);
    }
}

/// Cut the text (and its map and embeds) at byte `cut`, without trailing whitespace.
fn truncate(em: &mut extract::Emitter, cut: usize) {
    let end = em.text[..cut].trim_end().len();
    em.text.truncate(end);
    em.map.retain(|m| m.text.start < end);
    if let Some(last) = em.map.last_mut() {
        if last.text.end > end {
            let over = last.text.end - end;
            last.text.end = end;
            if last.verbatim {
                last.html.end -= over;
            }
        }
    }
    em.embeds.retain(|e| e.span.end <= end);
}

/// Extract with a default [`Extractor`]; see [`Extractor::extract`].
pub fn extract(html: &str, url: Option<&str>) -> Article {
    Extractor::new().extract(html, url)
}

/// Debug aid (not a stable API): the chosen content roots as `tag.class#id`.
#[doc(hidden)]
pub fn debug_roots(html: &str) -> Vec<String> {
    let dom = dom::Dom::parse(html);
    let st = extract::stats(&dom);
    extract::choose_roots(&dom, &st, true)
        .into_iter()
        .map(|r| {
            let e = dom.element(r);
            format!(
                "root {}.{}#{} text={}",
                dom.name(r),
                e.and_then(|e| e.attr("class")).unwrap_or(""),
                e.and_then(|e| e.attr("id")).unwrap_or(""),
                st[r].text
            )
        })
        .collect()
}

/// Debug aid (not a stable API): the element tree to `depth`, with text lengths.
#[doc(hidden)]
pub fn debug_tree(html: &str, depth: usize) -> String {
    fn walk(
        d: &dom::Dom,
        st: &[extract::Stats],
        id: usize,
        lvl: usize,
        max: usize,
        out: &mut String,
    ) {
        if let Some(e) = d.element(id) {
            out.push_str(&format!(
                "{}{} .{} #{} text={} link={}\n",
                "  ".repeat(lvl),
                e.name,
                e.attr("class").unwrap_or(""),
                e.attr("id").unwrap_or(""),
                st[id].text,
                st[id].link
            ));
        }
        if lvl < max {
            for &c in &d.nodes[id].children {
                if d.element(c).is_some() {
                    walk(d, st, c, lvl + 1, max, out);
                }
            }
        }
    }
    let d = dom::Dom::parse(html);
    let st = extract::stats(&d);
    let mut out = String::new();
    walk(&d, &st, 0, 0, depth, &mut out);
    out
}
