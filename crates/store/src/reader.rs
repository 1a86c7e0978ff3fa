//! Read-only access: search, profiles, articles, timelines, stats.

use crate::identity::name_key;
use crate::model::*;
use crate::{schema, writer, Error, Result};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};
use std::path::Path;

/// A read-only connection. Open as many as you like (one per thread: a `Reader` is
/// `Send` but not `Sync`); each sees the last committed batch.
pub struct Reader {
    conn: Connection,
    rank_window: i64,
}

/// Turn what a person typed into an FTS5 query: every word must match; `"a phrase"`,
/// `word*` (prefix), `OR` and `NOT` work; everything else is quoted, so no input is a
/// syntax error. `None` when nothing searchable is left.
///
/// ```
/// use dossier_store::fts_query;
/// assert_eq!(fts_query("CSTO troops").as_deref(), Some("\"CSTO\" \"troops\""));
/// assert_eq!(fts_query("\"peace keeping\" OR talk*").as_deref(), Some("\"peace keeping\" OR \"talk\"*"));
/// assert_eq!(fts_query("a:b (c) -").as_deref(), Some("\"a\" \"b\" \"c\""));
/// assert_eq!(fts_query("  \" ").as_deref(), None);
/// ```
pub fn fts_query(input: &str) -> Option<String> {
    let mut terms: Vec<String> = Vec::new();
    let mut chars = input.chars().peekable();
    let push_word = |w: &str, terms: &mut Vec<String>| {
        // split on anything that is not part of a word, like the tokenizer does
        let prefix = w.ends_with('*');
        let pieces: Vec<&str> = w
            .split(|c: char| !c.is_alphanumeric())
            .filter(|p| !p.is_empty())
            .collect();
        let n = pieces.len();
        for (i, p) in pieces.into_iter().enumerate() {
            if (p == "OR" || p == "NOT") && n == 1 {
                terms.push(p.to_string());
            } else if prefix && i + 1 == n {
                terms.push(format!("\"{p}\"*"));
            } else {
                terms.push(format!("\"{p}\""));
            }
        }
    };
    let mut word = String::new();
    while let Some(c) = chars.next() {
        if c == '"' {
            push_word(&word, &mut terms);
            word.clear();
            let mut phrase = String::new();
            for c in chars.by_ref() {
                if c == '"' {
                    break;
                }
                phrase.push(c);
            }
            let words: Vec<&str> = phrase
                .split(|c: char| !c.is_alphanumeric())
                .filter(|p| !p.is_empty())
                .collect();
            if !words.is_empty() {
                terms.push(format!("\"{}\"", words.join(" ")));
            }
        } else if c.is_whitespace() {
            push_word(&word, &mut terms);
            word.clear();
        } else {
            word.push(c);
        }
    }
    push_word(&word, &mut terms);
    // operators only between terms
    while terms.first().is_some_and(|t| t == "OR" || t == "NOT") {
        terms.remove(0);
    }
    while terms.last().is_some_and(|t| t == "OR" || t == "NOT") {
        terms.pop();
    }
    let mut out: Vec<String> = Vec::new();
    for t in terms {
        let op = t == "OR" || t == "NOT";
        if op && out.last().is_some_and(|l| l == "OR" || l == "NOT") {
            continue;
        }
        out.push(t);
    }
    (!out.is_empty()).then(|| out.join(" "))
}

/// The words of an FTS query built by [`fts_query`], folded, with a prefix flag;
/// operators left out.
fn query_terms(fts: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut rest = fts;
    while let Some(open) = rest.find('"') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('"') else { break };
        let words: Vec<String> = after[..close].split_whitespace().map(fold_word).collect();
        let prefix = after[close + 1..].starts_with('*');
        let n = words.len();
        for (i, w) in words.into_iter().enumerate() {
            out.push((w, prefix && i + 1 == n));
        }
        rest = &after[close + 1..];
    }
    out
}

fn fold_word(w: &str) -> String {
    let mut s = String::with_capacity(w.len());
    for c in w.chars() {
        crate::identity::fold(c, &mut s);
    }
    s
}

/// A window of `text` around the first word matching a term, hits marked.
fn make_snippet(text: &str, terms: &[(String, bool)], max_words: usize) -> Snippet {
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, text.len()));
    }
    let is_hit = |&(s, e): &(usize, usize)| {
        let w = fold_word(&text[s..e]);
        terms.iter().any(|(t, prefix)| {
            if *prefix {
                w.starts_with(t.as_str())
            } else {
                w == *t
            }
        })
    };
    let first = words.iter().position(is_hit).unwrap_or(0);
    let (from, to) = if words.len() <= max_words {
        (0, words.len())
    } else {
        let from = first.saturating_sub(max_words / 3);
        let to = (from + max_words).min(words.len());
        (to.saturating_sub(max_words).min(from), to)
    };
    let begin = if from == 0 { 0 } else { words[from].0 };
    let end = if to >= words.len() {
        text.len()
    } else {
        words[to - 1].1
    };
    let mut snippet = Snippet::default();
    if begin > 0 {
        snippet.text.push('…');
    }
    let shift = snippet.text.len();
    snippet.text.push_str(text[begin..end].trim_end());
    let body_end = shift + text[begin..end].trim_end().len();
    for w in &words[from..to] {
        if is_hit(w) {
            let (s, e) = (w.0 - begin + shift, w.1 - begin + shift);
            if e <= body_end {
                snippet.hits.push((s, e));
            }
        }
    }
    if end < text.len() {
        snippet.text.push('…');
    }
    snippet
}

fn valid_day(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

/// Matches ranked at most for a query whose words are all very common.
pub const RANK_WINDOW: i64 = 10_000;

const QUOTE_COLS: &str = "q.id, q.article_id, ar.title, ar.published, q.entity_id, q.speaker,
    q.source, q.cue, q.kind, q.role, q.affiliation, q.medium, q.date, q.day, q.content, q.spans,
    q.source_start, q.source_end, q.cue_start, q.cue_end";

fn quote_row(r: &Row<'_>) -> rusqlite::Result<Quote> {
    let spans: String = r.get(15)?;
    let pair = |a: Option<i64>, b: Option<i64>| match (a, b) {
        (Some(a), Some(b)) => Some((a as usize, b as usize)),
        _ => None,
    };
    Ok(Quote {
        id: r.get(0)?,
        article_id: r.get(1)?,
        article_title: r.get(2)?,
        published: r.get(3)?,
        speaker_id: r.get(4)?,
        speaker: r.get(5)?,
        source: r.get(6)?,
        cue: r.get(7)?,
        kind: r.get(8)?,
        role: r.get(9)?,
        affiliation: r.get(10)?,
        medium: r.get(11)?,
        date: r.get(12)?,
        day: r.get(13)?,
        content: r.get(14)?,
        spans: serde_json::from_str(&spans).unwrap_or_default(),
        source_span: pair(r.get(16)?, r.get(17)?),
        cue_span: pair(r.get(18)?, r.get(19)?),
    })
}

fn summary_row(r: &Row<'_>) -> rusqlite::Result<EntitySummary> {
    Ok(EntitySummary {
        id: r.get(0)?,
        name: r.get(1)?,
        label: r.get(2)?,
        articles: r.get(3)?,
        quotes: r.get(4)?,
    })
}

fn like_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            o.push('\\');
        }
        o.push(c);
    }
    o
}

/// SQL `WHERE` pieces with their parameters, always bound, never spliced.
#[derive(Default)]
struct Filter {
    sql: Vec<String>,
    params: Vec<Value>,
}

impl Filter {
    fn push(&mut self, sql: &str, values: impl IntoIterator<Item = Value>) {
        self.sql.push(sql.to_string());
        self.params.extend(values);
    }
    fn clause(&self) -> String {
        self.sql
            .iter()
            .map(|s| format!(" AND {s}"))
            .collect::<String>()
    }
}

fn in_list(column: &str, ids: &[i64], f: &mut Filter) {
    let marks = vec!["?"; ids.len()].join(",");
    f.push(
        &format!("{column} IN ({marks})"),
        ids.iter().map(|i| Value::Integer(*i)),
    );
}

impl Reader {
    /// Open an existing database read-only.
    pub fn open(path: &Path) -> Result<Reader> {
        Ok(Reader {
            conn: schema::open_ro(path)?,
            rank_window: RANK_WINDOW,
        })
    }

    /// Change how many matches of very common words are ranked (default
    /// [`RANK_WINDOW`]).
    pub fn set_rank_window(&mut self, matches: i64) {
        self.rank_window = matches.max(1);
    }

    /// The underlying connection (read-only), for checks such as `PRAGMA integrity_check`.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// `PRAGMA integrity_check`: `"ok"` when the file is sound.
    pub fn integrity_check(&self) -> Result<String> {
        let rows: Vec<String> = self
            .conn
            .prepare("PRAGMA integrity_check")?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(rows.join("\n"))
    }

    /// True when an article with this content hash is stored.
    pub fn contains_hash(&self, hash: &str) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM articles WHERE hash = ?1")?
            .exists(params![hash])?)
    }

    /// Entities a name denotes, most mentioned first: by key, alias, then by a part
    /// of the name.
    pub fn find_entities(&self, name: &str, limit: usize) -> Result<Vec<EntitySummary>> {
        let key = name_key(name);
        if key.is_empty() {
            return Ok(Vec::new());
        }
        let limit = limit.clamp(1, MAX_PAGE) as i64;
        let sql = "WITH hits(id, score) AS (
               SELECT id, 0 FROM entities WHERE key = ?1
               UNION ALL SELECT entity_id, 1 FROM aliases WHERE key = ?1
               UNION ALL SELECT id, 2 FROM entities WHERE key LIKE ?2 ESCAPE '\\'
             ), best(id, score) AS (SELECT id, min(score) FROM hits GROUP BY id)
             SELECT e.id, e.name, e.label,
               (SELECT count(DISTINCT article_id) FROM mentions WHERE entity_id = e.id) AS n,
               (SELECT count(*) FROM attributions WHERE entity_id = e.id) AS nq
             FROM best JOIN entities e ON e.id = best.id
             ORDER BY best.score, nq + n DESC, e.id LIMIT ?3";
        let pattern = format!("%{}%", like_escape(&key));
        let rows = self
            .conn
            .prepare_cached(sql)?
            .query_map(params![key, pattern, limit], summary_row)?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// Entity ids a name denotes exactly (key or alias).
    fn entity_ids(&self, name: &str) -> Result<Vec<i64>> {
        let key = name_key(name);
        Ok(self
            .conn
            .prepare_cached(
                "SELECT id FROM entities WHERE key = ?1 UNION SELECT entity_id FROM aliases WHERE key = ?1",
            )?
            .query_map(params![key], |r| r.get(0))?
            .collect::<Result<_, _>>()?)
    }

    /// The lowest rowid worth ranking: when every term of an AND query matches more
    /// than [`RANK_WINDOW`] rows, only about the newest `RANK_WINDOW` matches are
    /// ranked (bm25 over every row holding a stop word would cost more than the
    /// rest of the search). `None`: rank everything.
    fn rank_floor(&self, vocab: &str, table: &str, fts: &str) -> Result<Option<i64>> {
        if fts.contains(" OR ") || fts.contains(" NOT ") {
            return Ok(None);
        }
        let terms = query_terms(fts);
        if terms.is_empty() {
            return Ok(None);
        }
        let mut min_df = i64::MAX;
        for (t, prefix) in &terms {
            let df: i64 = if *prefix {
                self.conn
                    .prepare_cached(&format!(
                        "SELECT coalesce(sum(doc), 0) FROM {vocab} WHERE term >= ?1 AND term < ?1 || char(1114111)"
                    ))?
                    .query_row(params![t], |r| r.get(0))?
            } else {
                self.conn
                    .prepare_cached(&format!(
                        "SELECT coalesce(max(doc), 0) FROM {vocab} WHERE term = ?1"
                    ))?
                    .query_row(params![t], |r| r.get(0))?
            };
            min_df = min_df.min(df);
        }
        if min_df <= self.rank_window {
            return Ok(None);
        }
        let max: i64 = self
            .conn
            .prepare_cached(&format!("SELECT coalesce(max(rowid), 0) FROM {table}"))?
            .query_row([], |r| r.get(0))?;
        let span = (max as f64 * self.rank_window as f64 / min_df as f64) as i64;
        Ok(Some((max - span).max(0)))
    }

    /// Run a ranking query, first within the rank floor, then (when that gave too
    /// few rows) over everything.
    fn ranked(
        &self,
        sql_for: impl Fn(bool) -> String,
        params: Vec<Value>,
        floor: Option<i64>,
        want: usize,
    ) -> Result<Vec<(i64, f64)>> {
        let run = |sql: &str, params: Vec<Value>| -> Result<Vec<(i64, f64)>> {
            Ok(self
                .conn
                .prepare_cached(sql)?
                .query_map(params_from_iter(params), |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?)
        };
        if let Some(floor) = floor {
            let mut p = vec![Value::Integer(floor)];
            p.extend(params.iter().cloned());
            let rows = run(&sql_for(true), p)?;
            if rows.len() >= want {
                return Ok(rows);
            }
        }
        run(&sql_for(false), params)
    }

    /// Search quotes and articles. Bad filter values are [`Error::Invalid`].
    ///
    /// Ranking is bm25 (quotes: content over speaker; articles: title over text).
    /// When every word of a query is very common (more than [`RANK_WINDOW`] matches),
    /// the newest matches about that many are ranked, which keeps a search for
    /// "said government" fast on a large store; a page that comes out short is
    /// searched again over everything.
    pub fn search(&self, q: &SearchQuery) -> Result<SearchResults> {
        let limit = if q.limit == 0 {
            20
        } else {
            q.limit.min(MAX_PAGE)
        };
        let offset = q.offset.min(MAX_OFFSET);
        for (name, v) in [("since", &q.since), ("until", &q.until)] {
            if let Some(v) = v {
                if !valid_day(v) {
                    return Err(Error::Invalid(format!(
                        "{name}: {v:?} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
                    )));
                }
            }
        }
        if let Some(k) = &q.kind {
            if !matches!(k.as_str(), "direct" | "mixed" | "indirect") {
                return Err(Error::Invalid(format!(
                    "kind: {k:?} is not one of direct, mixed, indirect"
                )));
            }
        }
        let fts = fts_query(&q.text);
        let want = offset + limit + 1;
        let mut hits = Vec::new();
        let quotes = q.scope != Scope::Articles;
        let articles = q.scope == Scope::Articles
            || (q.scope == Scope::All && !q.quote_only() && fts.is_some());
        if quotes {
            hits.extend(self.search_quotes(q, fts.as_deref(), want)?);
        }
        if articles {
            hits.extend(self.search_articles(q, fts.as_deref(), want)?);
        }
        if quotes && articles {
            hits.sort_by(|a, b| a.rank.total_cmp(&b.rank));
        }
        let more = hits.len() > offset + limit;
        let hits: Vec<Hit> = hits.into_iter().skip(offset).take(limit).collect();
        Ok(SearchResults {
            hits,
            limit,
            offset,
            more,
        })
    }

    fn common_filters(
        &self,
        q: &SearchQuery,
        day: &str,
        article: &str,
        f: &mut Filter,
    ) -> Result<bool> {
        if let Some(s) = &q.since {
            f.push(&format!("{day} >= ?"), [Value::Text(s.clone())]);
        }
        if let Some(u) = &q.until {
            f.push(
                &format!("substr({day}, 1, length(?)) <= ?"),
                [Value::Text(u.clone()), Value::Text(u.clone())],
            );
        }
        if let Some(e) = &q.entity {
            let ids = self.entity_ids(e)?;
            if ids.is_empty() {
                return Ok(false);
            }
            let marks = vec!["?"; ids.len()].join(",");
            f.push(
                &format!(
                    "{article} IN (SELECT article_id FROM mentions WHERE entity_id IN ({marks}))"
                ),
                ids.iter().map(|i| Value::Integer(*i)),
            );
        }
        Ok(true)
    }

    fn search_quotes(&self, q: &SearchQuery, fts: Option<&str>, want: usize) -> Result<Vec<Hit>> {
        let mut f = Filter::default();
        if !self.common_filters(q, "q.day", "q.article_id", &mut f)? {
            return Ok(Vec::new());
        }
        if let Some(sp) = &q.speaker {
            let ids = self.entity_ids(sp)?;
            if ids.is_empty() {
                f.push(
                    "q.speaker LIKE ? ESCAPE '\\'",
                    [Value::Text(format!("%{}%", like_escape(sp.trim())))],
                );
            } else {
                in_list("q.entity_id", &ids, &mut f);
            }
        }
        if let Some(m) = &q.medium {
            f.push(
                "q.medium = ? COLLATE NOCASE",
                [Value::Text(m.trim().to_string())],
            );
        }
        if let Some(k) = &q.kind {
            f.push("q.kind = ?", [Value::Text(k.clone())]);
        }
        // 1. rank: ids and scores only (snippets for every match would cost more than
        //    the ranking itself); the join only when a filter needs it
        let clause = f.clause();
        let join = !f.sql.is_empty();
        let ranked = match fts {
            Some(m) => {
                let floor = self.rank_floor("quotes_vocab", "attributions", m)?;
                let mut params = vec![Value::Text(m.to_string())];
                params.extend(f.params);
                params.push(Value::Integer(want as i64));
                let sql_for = |bounded: bool| {
                    format!(
                        "SELECT quotes_fts.rowid, bm25(quotes_fts, 1.0, 0.5) AS score FROM quotes_fts{}
                         WHERE {}quotes_fts MATCH ?{clause} ORDER BY score LIMIT ?",
                        if join { " JOIN attributions q ON q.id = quotes_fts.rowid" } else { "" },
                        if bounded { "quotes_fts.rowid >= ? AND " } else { "" },
                    )
                };
                self.ranked(sql_for, params, floor, want)?
            }
            None => {
                let mut params = f.params;
                params.push(Value::Integer(want as i64));
                let sql = format!(
                    "SELECT q.id, 0.0 FROM attributions q
                     WHERE 1{clause} ORDER BY q.day DESC, q.id DESC LIMIT ?"
                );
                self.ranked(|_| sql.clone(), params, None, want)?
            }
        };
        // 2. the rows and their snippets, for this page only
        let terms = fts.map(query_terms).unwrap_or_default();
        let mut st = self.conn.prepare_cached(
            "SELECT q.article_id, ar.title, coalesce(e.name, q.speaker), q.entity_id, q.kind,
               q.medium, q.day, q.content
             FROM attributions q JOIN articles ar ON ar.id = q.article_id
             LEFT JOIN entities e ON e.id = q.entity_id WHERE q.id = ?1",
        )?;
        let mut hits = Vec::with_capacity(ranked.len());
        for (id, rank) in ranked {
            let hit = st.query_row(params![id], |r| {
                let content: String = r.get(7)?;
                Ok(Hit {
                    kind: "quote",
                    quote_id: Some(id),
                    article_id: r.get(0)?,
                    title: r.get(1)?,
                    speaker: r.get(2)?,
                    speaker_id: r.get(3)?,
                    quote_kind: r.get(4)?,
                    medium: r.get(5)?,
                    date: r.get(6)?,
                    snippet: make_snippet(&content, &terms, 48),
                    rank,
                })
            })?;
            hits.push(hit);
        }
        Ok(hits)
    }

    fn search_articles(&self, q: &SearchQuery, fts: Option<&str>, want: usize) -> Result<Vec<Hit>> {
        let mut f = Filter::default();
        if !self.common_filters(q, "ar.published", "ar.id", &mut f)? {
            return Ok(Vec::new());
        }
        let clause = f.clause();
        let join = !f.sql.is_empty();
        let ranked = match fts {
            Some(m) => {
                let floor = self.rank_floor("articles_vocab", "articles", m)?;
                let mut params = vec![Value::Text(m.to_string())];
                params.extend(f.params);
                params.push(Value::Integer(want as i64));
                let sql_for = |bounded: bool| {
                    format!(
                        "SELECT articles_fts.rowid, 0.5 * bm25(articles_fts, 2.0, 1.0) AS score FROM articles_fts{}
                         WHERE {}articles_fts MATCH ?{clause} ORDER BY score LIMIT ?",
                        if join { " JOIN articles ar ON ar.id = articles_fts.rowid" } else { "" },
                        if bounded { "articles_fts.rowid >= ? AND " } else { "" },
                    )
                };
                self.ranked(sql_for, params, floor, want)?
            }
            None => {
                let mut params = f.params;
                params.push(Value::Integer(want as i64));
                let sql = format!(
                    "SELECT ar.id, 0.0 FROM articles ar WHERE 1{clause}
                     ORDER BY ar.published DESC, ar.id DESC LIMIT ?"
                );
                self.ranked(|_| sql.clone(), params, None, want)?
            }
        };
        let terms = fts.map(query_terms).unwrap_or_default();
        let mut st = self
            .conn
            .prepare_cached("SELECT title, published, text FROM articles WHERE id = ?1")?;
        let mut hits = Vec::with_capacity(ranked.len());
        for (id, rank) in ranked {
            let hit = st.query_row(params![id], |r| {
                let text: String = r.get(2)?;
                Ok(Hit {
                    kind: "article",
                    quote_id: None,
                    article_id: id,
                    title: r.get(0)?,
                    speaker: None,
                    speaker_id: None,
                    quote_kind: None,
                    medium: None,
                    date: r.get(1)?,
                    snippet: make_snippet(&text, &terms, 40),
                    rank,
                })
            })?;
            hits.push(hit);
        }
        Ok(hits)
    }

    /// One quote by id.
    pub fn quote(&self, id: i64) -> Result<Option<Quote>> {
        let sql = format!(
            "SELECT {QUOTE_COLS} FROM attributions q JOIN articles ar ON ar.id = q.article_id WHERE q.id = ?1"
        );
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row(params![id], quote_row)
            .optional()?)
    }

    /// A person's or organisation's profile with a page of their quotes.
    pub fn profile(&self, id: i64, limit: usize, offset: usize) -> Result<Option<Profile>> {
        let exists = self
            .conn
            .prepare_cached("SELECT 1 FROM entities WHERE id = ?1")?
            .exists(params![id])?;
        if !exists {
            return Ok(None);
        }
        let entity = writer::summary(&self.conn, id)?;
        let aliases = self
            .conn
            .prepare_cached(
                "SELECT alias, rule, seen FROM aliases WHERE entity_id = ?1 ORDER BY seen DESC, alias",
            )?
            .query_map(params![id], |r| {
                Ok(Alias {
                    alias: r.get(0)?,
                    rule: r.get(1)?,
                    seen: r.get(2)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        let roles = self
            .conn
            .prepare_cached(
                "SELECT role, affiliation, min(seen), max(seen), count(*) FROM roles
                 WHERE entity_id = ?1 GROUP BY role, affiliation ORDER BY min(seen), count(*) DESC",
            )?
            .query_map(params![id], |r| {
                Ok(RoleSeen {
                    role: r.get(0)?,
                    affiliation: r.get(1)?,
                    first: r.get(2)?,
                    last: r.get(3)?,
                    count: r.get(4)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        let limit = if limit == 0 { 20 } else { limit.min(MAX_PAGE) };
        let sql = format!(
            "SELECT {QUOTE_COLS} FROM attributions q JOIN articles ar ON ar.id = q.article_id
             WHERE q.entity_id = ?1 ORDER BY q.day DESC, q.id DESC LIMIT ?2 OFFSET ?3"
        );
        let quotes = self
            .conn
            .prepare_cached(&sql)?
            .query_map(
                params![id, limit as i64, offset.min(MAX_OFFSET) as i64],
                quote_row,
            )?
            .collect::<Result<_, _>>()?;
        let co_mentioned = self
            .conn
            .prepare_cached(
                "SELECT e.id, e.name, e.label, count(DISTINCT m2.article_id) AS n, 0
                 FROM mentions m1 JOIN mentions m2 ON m2.article_id = m1.article_id AND m2.entity_id <> m1.entity_id
                 JOIN entities e ON e.id = m2.entity_id
                 WHERE m1.entity_id = ?1 AND e.label IN ('PERSON', 'ORG')
                 GROUP BY e.id ORDER BY n DESC, e.name LIMIT 20",
            )?
            .query_map(params![id], summary_row)?
            .collect::<Result<_, _>>()?;
        Ok(Some(Profile {
            entity,
            aliases,
            roles,
            quotes,
            co_mentioned,
        }))
    }

    /// One article with its quotes, mentions, times and events.
    pub fn article(&self, id: i64) -> Result<Option<ArticleDetail>> {
        let head = self
            .conn
            .prepare_cached(
                "SELECT id, source, doc_id, url, title, author, published, text, hash FROM articles WHERE id = ?1",
            )?
            .query_row(params![id], |r| {
                Ok(ArticleDetail {
                    id: r.get(0)?,
                    source: r.get(1)?,
                    doc_id: r.get(2)?,
                    url: r.get(3)?,
                    title: r.get(4)?,
                    author: r.get(5)?,
                    published: r.get(6)?,
                    text: r.get(7)?,
                    hash: r.get(8)?,
                    quotes: Vec::new(),
                    mentions: Vec::new(),
                    times: Vec::new(),
                    events: Vec::new(),
                })
            })
            .optional()?;
        let Some(mut a) = head else { return Ok(None) };
        let sql = format!(
            "SELECT {QUOTE_COLS} FROM attributions q JOIN articles ar ON ar.id = q.article_id
             WHERE q.article_id = ?1 ORDER BY q.id"
        );
        a.quotes = self
            .conn
            .prepare_cached(&sql)?
            .query_map(params![id], quote_row)?
            .collect::<Result<_, _>>()?;
        a.mentions = self
            .conn
            .prepare_cached(
                "SELECT m.start, m.end, m.entity_id, e.name, e.label FROM mentions m
                 JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ?1 ORDER BY m.start",
            )?
            .query_map(params![id], |r| {
                Ok(MentionRow {
                    span: (r.get::<_, i64>(0)? as usize, r.get::<_, i64>(1)? as usize),
                    entity_id: r.get(2)?,
                    name: r.get(3)?,
                    label: r.get(4)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        a.times = self
            .conn
            .prepare_cached(
                "SELECT start, end, type, value FROM times WHERE article_id = ?1 ORDER BY start",
            )?
            .query_map(params![id], |r| {
                Ok(TimeRow {
                    span: (r.get::<_, i64>(0)? as usize, r.get::<_, i64>(1)? as usize),
                    kind: r.get(2)?,
                    value: r.get(3)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        a.events = self
            .conn
            .prepare_cached(
                "SELECT start, end, category, source, target, date FROM events WHERE article_id = ?1 ORDER BY start",
            )?
            .query_map(params![id], |r| {
                Ok(EventRow {
                    span: (r.get::<_, i64>(0)? as usize, r.get::<_, i64>(1)? as usize),
                    category: r.get(2)?,
                    source: r.get(3)?,
                    target: r.get(4)?,
                    date: r.get(5)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(Some(a))
    }

    /// A page of articles, newest first.
    pub fn articles(&self, limit: usize, offset: usize) -> Result<Vec<ArticleSummary>> {
        let limit = if limit == 0 { 20 } else { limit.min(MAX_PAGE) };
        Ok(self
            .conn
            .prepare_cached(
                "SELECT ar.id, ar.title, ar.source, ar.url, ar.published,
                   (SELECT count(*) FROM attributions WHERE article_id = ar.id)
                 FROM articles ar ORDER BY ar.published DESC, ar.id DESC LIMIT ?1 OFFSET ?2",
            )?
            .query_map(params![limit as i64, offset.min(MAX_OFFSET) as i64], |r| {
                Ok(ArticleSummary {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    source: r.get(2)?,
                    url: r.get(3)?,
                    published: r.get(4)?,
                    quotes: r.get(5)?,
                })
            })?
            .collect::<Result<_, _>>()?)
    }

    /// Quotes per day, for one entity or the whole collection, earliest first.
    pub fn timeline(
        &self,
        entity: Option<i64>,
        since: Option<&str>,
        until: Option<&str>,
    ) -> Result<Vec<TimelineDay>> {
        for v in [since, until].into_iter().flatten() {
            if !valid_day(v) {
                return Err(Error::Invalid(format!(
                    "{v:?} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
                )));
            }
        }
        Ok(self
            .conn
            .prepare_cached(
                "SELECT day, count(*) FROM attributions
                 WHERE day IS NOT NULL AND (?1 IS NULL OR entity_id = ?1)
                   AND (?2 IS NULL OR day >= ?2)
                   AND (?3 IS NULL OR substr(day, 1, length(?3)) <= ?3)
                 GROUP BY day ORDER BY day LIMIT 5000",
            )?
            .query_map(params![entity, since, until], |r| {
                Ok(TimelineDay {
                    day: r.get(0)?,
                    quotes: r.get(1)?,
                })
            })?
            .collect::<Result<_, _>>()?)
    }

    /// The collection in numbers.
    pub fn stats(&self) -> Result<Stats> {
        let one = |sql: &str| -> Result<i64> { Ok(self.conn.query_row(sql, [], |r| r.get(0))?) };

        let counts = |sql: &str| -> Result<Vec<Count>> {
            Ok(self
                .conn
                .prepare(sql)?
                .query_map([], |r| {
                    Ok(Count {
                        name: r.get(0)?,
                        count: r.get(1)?,
                    })
                })?
                .collect::<Result<_, _>>()?)
        };
        // one read transaction: every number from the same snapshot
        let tx = self.conn.unchecked_transaction()?;
        let (first, last): (Option<String>, Option<String>) = tx.query_row(
            "SELECT min(published), max(published) FROM articles",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let stats = Stats {
            articles: one("SELECT count(*) FROM articles")?,
            quotes: one("SELECT count(*) FROM attributions")?,
            entities: one("SELECT count(*) FROM entities")?,
            entities_by_label: counts(
                "SELECT label, count(*) FROM entities GROUP BY label ORDER BY count(*) DESC",
            )?,
            mentions: one("SELECT count(*) FROM mentions")?,
            times: one("SELECT count(*) FROM times")?,
            events: one("SELECT count(*) FROM events")?,
            corrections: one("SELECT count(*) FROM corrections")?,
            first_published: first,
            last_published: last,
            top_speakers: counts(
                "SELECT e.name, count(*) FROM attributions q JOIN entities e ON e.id = q.entity_id
                 GROUP BY e.id ORDER BY count(*) DESC, e.name LIMIT 10",
            )?,
            top_media: counts(
                "SELECT medium, count(*) FROM attributions WHERE medium IS NOT NULL
                 GROUP BY medium ORDER BY count(*) DESC, medium LIMIT 10",
            )?,
            db_bytes: one(
                "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
            )?,
            schema_version: crate::SCHEMA_VERSION,
        };
        tx.finish()?;
        Ok(stats)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_mark_hits_in_a_window() {
        let terms = query_terms(&fts_query("strike wag*").unwrap());
        assert_eq!(terms, vec![("strike".into(), false), ("wag".into(), true)]);
        let s = make_snippet("The Strike over wages began.", &terms, 40);
        assert_eq!(s.text, "The Strike over wages began.");
        assert_eq!(s.parts()[1], ("Strike", true));
        assert_eq!(s.parts()[3], ("wages", true));
        let long: String = (0..100).map(|i| format!("w{i} ")).collect::<String>() + "strike end";
        let s = make_snippet(&long, &terms, 10);
        assert!(
            s.text.starts_with('…') && s.text.contains("strike"),
            "{}",
            s.text
        );
        let hit = s.hits[0];
        assert_eq!(&s.text[hit.0..hit.1], "strike");
        // folded: diacritics and case
        let t = query_terms(&fts_query("Álvarez").unwrap());
        let s = make_snippet("said ALVAREZ.", &t, 10);
        assert_eq!(s.parts()[1], ("ALVAREZ", true));
    }
}
