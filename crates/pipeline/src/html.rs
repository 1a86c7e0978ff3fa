//! Web pages through the pipeline: article extraction, then every stage on its text,
//! then the embedded posts (tweets, Telegram posts …) as attributions with their medium.

use crate::Pipeline;
use dossier_core::{Analysis, Attribution, Date, Document, QuoteKind, Span};
use dossier_html::{Article, Embed};

/// Why a page gives no document.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum HtmlError {
    /// The page holds no article text (a list of links, an error page, a login wall …).
    /// The document carries what the page's metadata said (title, author, date) and
    /// an empty text.
    #[error("no article text found in the page")]
    NoArticle(Box<Document>),
}

/// One web page to analyse.
#[derive(Debug, Clone, Copy, Default)]
pub struct Page<'a> {
    /// The caller's id.
    pub id: &'a str,
    /// The page, already decoded to text (see [`dossier_html::decode`]).
    pub html: &'a str,
    /// The page's URL (helps the date: `/2022/01/07/`).
    pub url: Option<&'a str>,
    /// A publication date the caller knows; wins over the page's own.
    pub published: Option<Date>,
}

impl Pipeline {
    /// Extract the article from a web page and analyse its text. The [`Document`]'s
    /// `text` is the article text (every span of the [`Analysis`] points into it), with
    /// `title`, `author` and `published` from the page. Embedded posts become direct
    /// attributions whose `medium` names the platform. Never panics.
    ///
    /// ```
    /// use dossier::{Page, Pipeline};
    /// let pipeline = Pipeline::builder().build().unwrap();
    /// let html = r#"<html><head><title>Talks resume</title></head><body><article>
    ///   <p>Negotiators met again in Geneva on Thursday after a pause of three weeks, officials said.</p>
    ///   <blockquote class="twitter-tweet"><p>We are back at the table.</p>&mdash; Jane Doe (@jdoe) January 6, 2022</blockquote>
    ///   </article></body></html>"#;
    /// let (doc, a) = pipeline.extract_html(&Page { id: "p1", html, ..Page::default() }).unwrap();
    /// assert_eq!(doc.title.as_deref(), Some("Talks resume"));
    /// let tweet = a.attributions.iter().find(|q| q.medium.as_deref() == Some("Twitter")).unwrap();
    /// assert_eq!(tweet.speaker.as_deref(), Some("Jane Doe"));
    /// assert_eq!(tweet.content[0].slice(&doc.text), "We are back at the table.");
    /// ```
    pub fn extract_html(&self, page: &Page<'_>) -> Result<(Document, Analysis), HtmlError> {
        let article = self.html.extract(page.html, page.url);
        let mut doc = article.to_document(page.id, page.url);
        if page.published.is_some() {
            doc.published = page.published;
        }
        if article.no_article {
            return Err(HtmlError::NoArticle(Box::new(doc)));
        }
        let mut analysis = self.extract(&doc);
        add_embeds(&article, &mut analysis, self.quotes.is_some());
        let mut diags = article.diagnostics.clone();
        diags.append(&mut analysis.diagnostics);
        analysis.diagnostics = diags;
        Ok((doc, analysis))
    }
}

/// Replace whatever the attribution engine found inside each embedded post with one
/// direct attribution: the post's text, its author from the credit line, its medium.
fn add_embeds(article: &Article, a: &mut Analysis, quotes: bool) {
    if !quotes || article.embeds.is_empty() {
        return;
    }
    let text = article.text.as_str();
    for e in &article.embeds {
        let Some(attr) = embed_attribution(text, e, &a.times) else {
            continue;
        };
        a.attributions.retain(|q| {
            !q.content
                .iter()
                .any(|c| c.start < e.span.end && e.span.start < c.end)
        });
        a.attributions.push(attr);
    }
    a.attributions
        .sort_by_key(|q| q.content.first().map_or(0, |c| c.start));
}

/// The credit line of a post: `— Name (@handle) January 6, 2022`, or a line naming a
/// handle. Returns (line span, name span).
fn credit(text: &str, line: Span) -> Option<Span> {
    let s = line.slice(text);
    let trimmed = s.trim_start();
    let lead = s.len() - trimmed.len();
    let dash = ["— ", "– ", "- ", "—", "&mdash; "]
        .iter()
        .find(|d| trimmed.starts_with(**d));
    let has_handle = trimmed.contains("(@");
    if dash.is_none() && !has_handle {
        return None;
    }
    let name_start = lead + dash.map_or(0, |d| d.len());
    let rest = &s[name_start..];
    let name_end = rest
        .find(" (@")
        .or_else(|| rest.find("(@"))
        .or_else(|| rest.find(" @"))
        .unwrap_or_else(|| {
            // without a handle, the name runs to a date or the end
            rest.find(|c: char| c.is_ascii_digit())
                .map_or(rest.len(), |i| rest[..i].rfind(' ').unwrap_or(i))
        });
    let name = rest[..name_end].trim();
    if name.is_empty() || name.chars().count() > 80 {
        return None;
    }
    let off = line.start + name_start + (rest.len() - rest.trim_start().len());
    Some(Span::new(off, off + name.len()))
}

fn embed_attribution(
    text: &str,
    e: &Embed,
    times: &[dossier_core::TimeExpr],
) -> Option<Attribution> {
    let span = e.span;
    if span.end > text.len() || span.is_empty() {
        return None;
    }
    // lines of the post
    let mut lines = Vec::new();
    let mut at = span.start;
    for l in span.slice(text).split('\n') {
        lines.push(Span::new(at, at + l.len()));
        at += l.len() + 1;
    }
    let (content_lines, source) = match lines.iter().rposition(|l| credit(text, *l).is_some()) {
        Some(i) if i > 0 => (&lines[..i], credit(text, lines[i])),
        _ => (&lines[..], None),
    };
    let content: Vec<Span> = content_lines
        .iter()
        .map(|l| trim(text, *l))
        .filter(|l| !l.is_empty())
        .collect();
    if content.is_empty() {
        return None;
    }
    let credit_line = source.map(|s| {
        let l = lines
            .iter()
            .find(|l| l.start <= s.start && s.end <= l.end)
            .copied()
            .unwrap_or(s);
        l
    });
    let date = credit_line.and_then(|l| {
        times
            .iter()
            .find(|t| l.start <= t.span.start && t.span.end <= l.end)
            .map(|t| t.value.clone())
            .filter(|v| !v.starts_with('X'))
    });
    Some(Attribution {
        content,
        source,
        cue: None,
        speaker: source.map(|s| s.slice(text).to_string()),
        kind: QuoteKind::Direct,
        role: None,
        affiliation: None,
        medium: Some(e.medium.to_string()),
        date,
    })
}

fn trim(text: &str, s: Span) -> Span {
    let t = s.slice(text);
    let start = s.start + (t.len() - t.trim_start().len());
    let end = s.end - (t.len() - t.trim_end().len());
    Span::new(start, end.max(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(embed: &str) -> String {
        format!(
            "<html><head><title>Bridge to reopen</title></head><body><article>\
             <p>The old bridge over the river will reopen to traffic next week after repairs \
             that took most of the winter, the city council said on Tuesday.</p>{embed}\
             <p>Residents had protested for months against the closure, which doubled the \
             time many of them needed to reach the city centre.</p></article></body></html>"
        )
    }

    #[test]
    fn embedded_posts_become_attributions_with_their_medium() {
        let pipeline = Pipeline::builder().build().unwrap();
        for (embed, medium, speaker) in [
            (
                r#"<blockquote class="telegram-post" data-telegram-post="mintrans/42"><p>The bridge will reopen on Monday at 6 am.</p>&mdash; Ministry of Transport (@mintrans)</blockquote>"#,
                "Telegram",
                Some("Ministry of Transport"),
            ),
            (
                r#"<blockquote class="twitter-tweet"><p lang="en">Finally! The bridge is back on Monday.</p>&mdash; Jane Roe (@janeroe) <a href="https://twitter.com/x">March 3, 2022</a></blockquote>"#,
                "Twitter",
                Some("Jane Roe"),
            ),
            (
                r#"<blockquote class="instagram-media"><p>Last look at the bridge before it reopens.</p></blockquote>"#,
                "Instagram",
                None,
            ),
        ] {
            let html = page(embed);
            let (doc, a) = pipeline
                .extract_html(&Page {
                    id: "p",
                    html: &html,
                    ..Page::default()
                })
                .unwrap();
            let post: Vec<_> = a
                .attributions
                .iter()
                .filter(|q| q.medium.as_deref() == Some(medium))
                .collect();
            assert_eq!(post.len(), 1, "{medium}: {:?}", a.attributions);
            let q = post[0];
            assert_eq!(q.speaker.as_deref(), speaker, "{medium}");
            assert_eq!(q.kind, QuoteKind::Direct);
            for c in &q.content {
                let t = c.slice(&doc.text);
                assert!(!t.contains('@') && !t.is_empty(), "{medium}: {t:?}");
            }
            if let Some(s) = q.source {
                assert_eq!(Some(s.slice(&doc.text)), speaker);
            }
        }
    }

    #[test]
    fn a_page_without_article_keeps_its_metadata() {
        let pipeline = Pipeline::builder().build().unwrap();
        let html = r#"<html><head><title>Login - Daily</title><meta property="article:published_time" content="2022-01-07"></head><body><nav><a href="/">Home</a> <a href="/login">Log in</a></nav></body></html>"#;
        match pipeline.extract_html(&Page {
            id: "p",
            html,
            ..Page::default()
        }) {
            Err(HtmlError::NoArticle(doc)) => {
                assert!(doc.text.is_empty());
                assert_eq!(
                    doc.published.map(|d| d.to_string()).as_deref(),
                    Some("2022-01-07")
                );
            }
            Ok((doc, _)) => panic!("an article was found: {:?}", doc.text),
        }
    }

    #[test]
    fn credit_lines() {
        let t = "— Jane Doe (@jdoe) January 6, 2022";
        let s = credit(t, Span::new(0, t.len())).unwrap();
        assert_eq!(s.slice(t), "Jane Doe");
        let t = "Ministry of Foreign Affairs (@mfa) 6 Jan";
        assert_eq!(
            credit(t, Span::new(0, t.len())).unwrap().slice(t),
            "Ministry of Foreign Affairs"
        );
        let t = "An ordinary sentence without a credit.";
        assert!(credit(t, Span::new(0, t.len())).is_none());
    }
}
