//! Server-rendered HTML pages. Every piece of stored text goes through `esc`.

use crate::api::{bad_path, bad_query, page_limit, page_offset, PageParams, SearchParams};
use crate::render::{article_html, esc, page, quoted, segments, snippet_html, urlencode, STYLE};
use crate::{read, ApiError, AppState, PageError};
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{Html, IntoResponse};
use std::fmt::Write;
use std::sync::Arc;

type Q<T> = Result<Query<T>, QueryRejection>;
type P = Result<Path<i64>, PathRejection>;

pub(crate) async fn style() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "max-age=3600"),
        ],
        STYLE,
    )
}

fn opt(o: &Option<String>) -> String {
    esc(o.as_deref().unwrap_or(""))
}

fn search_form(p: &SearchParams) -> String {
    let sel = |name: &str, cur: &Option<String>, opts: &[(&str, &str)]| {
        let mut s = format!("<select name=\"{name}\" id=\"{name}\">");
        for (v, label) in opts {
            let selected = if cur.as_deref().unwrap_or("") == *v {
                " selected"
            } else {
                ""
            };
            let _ = write!(s, "<option value=\"{v}\"{selected}>{label}</option>");
        }
        s.push_str("</select>");
        s
    };
    format!(
        "<form class=\"search\" method=\"get\" action=\"/\" role=\"search\">\
<input type=\"search\" name=\"q\" id=\"q\" value=\"{q}\" placeholder=\"What was said? e.g. strike wages\" autofocus>\
<button type=\"submit\" id=\"go\">Search</button>\
<label>Speaker<input name=\"speaker\" id=\"speaker\" value=\"{speaker}\"></label>\
<label>Mentions<input name=\"entity\" id=\"entity\" value=\"{entity}\"></label>\
<label>Medium<input name=\"medium\" id=\"medium\" value=\"{medium}\"></label>\
<label>Kind{kind}</label>\
<label>Since<input name=\"since\" id=\"since\" value=\"{since}\" placeholder=\"YYYY-MM-DD\"></label>\
<label>Until<input name=\"until\" id=\"until\" value=\"{until}\" placeholder=\"YYYY-MM-DD\"></label>\
<label>In{scope}</label></form>",
        q = esc(&p.q),
        speaker = opt(&p.speaker),
        entity = opt(&p.entity),
        medium = opt(&p.medium),
        since = opt(&p.since),
        until = opt(&p.until),
        kind = sel(
            "kind",
            &p.kind,
            &[("", "any"), ("direct", "direct"), ("mixed", "mixed"), ("indirect", "indirect")]
        ),
        scope = sel(
            "scope",
            &p.scope,
            &[("", "quotes and articles"), ("quotes", "quotes"), ("articles", "articles")]
        ),
    )
}

fn page_link(p: &SearchParams, offset: usize, limit: usize) -> String {
    let mut q = format!("/?q={}", urlencode(&p.q));
    for (k, v) in [
        ("speaker", &p.speaker),
        ("entity", &p.entity),
        ("medium", &p.medium),
        ("since", &p.since),
        ("until", &p.until),
        ("kind", &p.kind),
        ("scope", &p.scope),
    ] {
        if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
            let _ = write!(q, "&{k}={}", urlencode(v));
        }
    }
    let _ = write!(q, "&limit={limit}&offset={offset}");
    q
}

pub(crate) async fn search(
    State(state): State<Arc<AppState>>,
    params: Q<SearchParams>,
) -> Result<Html<String>, PageError> {
    let Query(p) = params.map_err(bad_query)?;
    let mut body = String::from("<h1>Who said what</h1>");
    body.push_str(&search_form(&p));
    if p.is_empty() {
        let stats = read(&state, |r| r.stats()).await?;
        let _ = write!(
            body,
            "<p class=\"meta\" id=\"summary\">{} articles, {} quotes, {} entities in the record.</p>",
            stats.articles, stats.quotes, stats.entities
        );
        if !stats.top_speakers.is_empty() {
            body.push_str("<h2>Most quoted</h2><ul>");
            for c in &stats.top_speakers {
                let _ = write!(
                    body,
                    "<li><a href=\"/?speaker={}\">{}</a> ({})</li>",
                    urlencode(&c.name),
                    esc(&c.name),
                    c.count
                );
            }
            body.push_str("</ul>");
        }
        return Ok(Html(page("Search", &body)));
    }
    let q = p.to_query()?;
    let (limit, offset) = (q.limit, q.offset);
    let res = read(&state, move |r| r.search(&q)).await?;
    if res.hits.is_empty() {
        body.push_str("<p id=\"no-results\">No results.</p>");
    }
    body.push_str("<ol class=\"results\" id=\"results\">");
    for h in &res.hits {
        body.push_str("<li class=\"hit\">");
        let mut meta = Vec::new();
        if h.kind == "quote" {
            match (&h.speaker, h.speaker_id) {
                (Some(s), Some(id)) => meta.push(format!(
                    "<a class=\"speaker\" href=\"/person/{id}\">{}</a>",
                    esc(s)
                )),
                (Some(s), None) => meta.push(format!("<span class=\"speaker\">{}</span>", esc(s))),
                _ => meta.push("<span class=\"speaker\">(no speaker)</span>".into()),
            }
            if let Some(k) = &h.quote_kind {
                meta.push(format!("<span class=\"kind\">{}</span>", esc(k)));
            }
            if let Some(m) = &h.medium {
                meta.push(esc(m));
            }
        } else {
            meta.push("<span class=\"kind\">article</span>".into());
        }
        meta.push(format!(
            "<span class=\"date\">{}</span>",
            esc(h.date.as_deref().unwrap_or("undated"))
        ));
        let anchor = h.quote_id.map(|q| format!("#q{q}")).unwrap_or_default();
        meta.push(format!(
            "<a class=\"article-link\" href=\"/article/{}{anchor}\">{}</a>",
            h.article_id,
            esc(h.title.as_deref().unwrap_or("article"))
        ));
        let _ = write!(
            body,
            "<div class=\"meta\">{}</div><div class=\"snippet\">{}</div></li>",
            meta.join(" · "),
            snippet_html(&h.snippet)
        );
    }
    body.push_str("</ol><nav class=\"pages\">");
    if offset > 0 {
        let _ = write!(
            body,
            "<a rel=\"prev\" href=\"{}\">← previous</a>",
            esc(&page_link(&p, offset.saturating_sub(limit), limit))
        );
    }
    if res.more {
        let _ = write!(
            body,
            "<a rel=\"next\" href=\"{}\">next →</a>",
            esc(&page_link(&p, offset + limit, limit))
        );
    }
    body.push_str("</nav>");
    Ok(Html(page(&format!("{} — search", p.q), &body)))
}

pub(crate) async fn person(
    State(state): State<Arc<AppState>>,
    id: P,
    params: Q<PageParams>,
) -> Result<Html<String>, PageError> {
    let Path(id) = id.map_err(bad_path)?;
    let Query(pp) = params.map_err(bad_query)?;
    let (limit, offset) = (page_limit(pp.limit.or(Some(50)))?, page_offset(pp.offset)?);
    let (profile, timeline) = read(&state, move |r| {
        let p = r.profile(id, limit, offset)?;
        let t = r.timeline(Some(id), None, None)?;
        Ok((p, t))
    })
    .await?;
    let p = profile.ok_or_else(|| ApiError::NotFound(format!("no entity with id {id}")))?;
    let e = &p.entity;
    let mut b = format!(
        "<h1 id=\"name\">{}</h1><p class=\"meta\"><span class=\"kind\">{}</span> · {} article(s) · {} quote(s)</p>",
        esc(&e.name),
        esc(&e.label),
        e.articles,
        e.quotes
    );
    if !p.aliases.is_empty() {
        b.push_str("<h2>Also written as</h2><ul id=\"aliases\">");
        for a in &p.aliases {
            let _ = write!(
                b,
                "<li>{} <span class=\"meta\">({} rule, ×{})</span></li>",
                esc(&a.alias),
                esc(&a.rule),
                a.seen
            );
        }
        b.push_str("</ul>");
    }
    if !p.roles.is_empty() {
        b.push_str("<h2>Roles</h2><table id=\"roles\"><tr><th>Role</th><th>Affiliation</th><th>Seen</th></tr>");
        for r in &p.roles {
            let when = match (&r.first, &r.last) {
                (Some(a), Some(z)) if a != z => format!("{} … {}", esc(a), esc(z)),
                (Some(a), _) => esc(a),
                _ => "undated".into(),
            };
            let _ = write!(
                b,
                "<tr><td>{}</td><td>{}</td><td>{when} (×{})</td></tr>",
                opt(&r.role),
                opt(&r.affiliation),
                r.count
            );
        }
        b.push_str("</table>");
    }
    if !timeline.is_empty() {
        let max = timeline.iter().map(|d| d.quotes).max().unwrap_or(1).max(1);
        b.push_str("<h2>Quotes over time</h2><div class=\"bars\" id=\"bars\">");
        for d in timeline.iter().rev().take(120).rev() {
            let _ = write!(
                b,
                "<span style=\"height:{}%\" title=\"{}: {}\"></span>",
                (d.quotes * 100 / max).max(5),
                esc(&d.day),
                d.quotes
            );
        }
        b.push_str("</div>");
    }
    if !p.quotes.is_empty() {
        b.push_str("<h2>Quotes, newest first</h2><div class=\"timeline\" id=\"quotes\">");
        let mut day: Option<&str> = None;
        for q in &p.quotes {
            let d = q.day.as_deref().unwrap_or("undated");
            if day != Some(d) {
                let _ = write!(b, "<div class=\"day\">{}</div>", esc(d));
                day = Some(d);
            }
            let mut meta = vec![format!("<span class=\"kind\">{}</span>", esc(&q.kind))];
            if let Some(m) = &q.medium {
                meta.push(esc(m));
            }
            meta.push(format!(
                "<a href=\"/article/{}#q{}\">{}</a>",
                q.article_id,
                q.id,
                esc(q.article_title.as_deref().unwrap_or("article"))
            ));
            let _ = write!(
                b,
                "<blockquote class=\"quote\">{}<div class=\"meta\">{}</div></blockquote>",
                quoted(&q.content),
                meta.join(" · ")
            );
        }
        b.push_str("</div>");
        if p.quotes.len() == limit {
            let _ = write!(
                b,
                "<nav class=\"pages\"><a rel=\"next\" href=\"/person/{id}?offset={}\">older →</a></nav>",
                offset + limit
            );
        }
    }
    if !p.co_mentioned.is_empty() {
        b.push_str("<h2>Mentioned with</h2><ul id=\"co\">");
        for c in &p.co_mentioned {
            let _ = write!(
                b,
                "<li><a href=\"/person/{}\">{}</a> <span class=\"meta\">{} · {} shared article(s)</span></li>",
                c.id,
                esc(&c.name),
                esc(&c.label),
                c.articles
            );
        }
        b.push_str("</ul>");
    }
    Ok(Html(page(&e.name, &b)))
}

pub(crate) async fn article(
    State(state): State<Arc<AppState>>,
    id: P,
) -> Result<Html<String>, PageError> {
    let Path(id) = id.map_err(bad_path)?;
    let a = read(&state, move |r| r.article(id))
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("no article with id {id}")))?;
    let segs = segments(&a);
    let title = a
        .title
        .clone()
        .unwrap_or_else(|| format!("Article {}", a.id));
    let mut b = format!("<h1 id=\"title\">{}</h1><p class=\"meta\">", esc(&title));
    let mut meta = Vec::new();
    if let Some(au) = &a.author {
        meta.push(format!("by {}", esc(au)));
    }
    meta.push(esc(a.published.as_deref().unwrap_or("undated")));
    match &a.url {
        Some(u) if u.starts_with("http://") || u.starts_with("https://") => meta.push(format!(
            "<a rel=\"nofollow noreferrer\" href=\"{}\">{}</a>",
            esc(u),
            esc(u)
        )),
        _ => meta.push(esc(&a.source)),
    }
    let _ = write!(b, "{} · {} quote(s)</p>", meta.join(" · "), a.quotes.len());
    let _ = write!(
        b,
        "<div class=\"article-text\" id=\"text\">{}</div>",
        article_html(&a, &segs)
    );
    if !a.quotes.is_empty() {
        b.push_str("<h2>Who said what</h2><ol class=\"results\" id=\"quotes\">");
        for q in &a.quotes {
            let who = match (&q.speaker, q.speaker_id) {
                (Some(s), Some(pid)) => {
                    format!("<a class=\"speaker\" href=\"/person/{pid}\">{}</a>", esc(s))
                }
                (Some(s), None) => format!("<span class=\"speaker\">{}</span>", esc(s)),
                _ => "<span class=\"speaker\">(no speaker)</span>".into(),
            };
            let mut meta = vec![format!("<span class=\"kind\">{}</span>", esc(&q.kind))];
            for v in [&q.role, &q.affiliation, &q.medium, &q.date]
                .into_iter()
                .flatten()
            {
                meta.push(esc(v));
            }
            let _ = write!(
                b,
                "<li><div class=\"meta\">{who} · {}</div><a href=\"#q{}\">{}</a></li>",
                meta.join(" · "),
                q.id,
                quoted(&q.content)
            );
        }
        b.push_str("</ol>");
    }
    Ok(Html(page(&title, &b)))
}

pub(crate) async fn articles(
    State(state): State<Arc<AppState>>,
    params: Q<PageParams>,
) -> Result<Html<String>, PageError> {
    let Query(pp) = params.map_err(bad_query)?;
    let (limit, offset) = (page_limit(pp.limit.or(Some(50)))?, page_offset(pp.offset)?);
    let list = read(&state, move |r| r.articles(limit, offset)).await?;
    let mut b = String::from("<h1>Articles</h1><table id=\"articles\"><tr><th>Date</th><th>Title</th><th>Quotes</th></tr>");
    for a in &list {
        let _ = write!(
            b,
            "<tr><td>{}</td><td><a href=\"/article/{}\">{}</a></td><td>{}</td></tr>",
            esc(a.published.as_deref().unwrap_or("undated")),
            a.id,
            esc(a.title.as_deref().unwrap_or(&a.source)),
            a.quotes
        );
    }
    b.push_str("</table><nav class=\"pages\">");
    if offset > 0 {
        let _ = write!(
            b,
            "<a rel=\"prev\" href=\"/articles?offset={}\">← newer</a>",
            offset.saturating_sub(limit)
        );
    }
    if list.len() == limit {
        let _ = write!(
            b,
            "<a rel=\"next\" href=\"/articles?offset={}\">older →</a>",
            offset + limit
        );
    }
    b.push_str("</nav>");
    Ok(Html(page("Articles", &b)))
}
