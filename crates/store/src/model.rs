//! What readers return. Offsets are UTF-8 byte offsets into the article text unless a
//! field says otherwise. These types serialise as the HTTP API's JSON.

use serde::Serialize;

/// The largest page any read method returns.
pub const MAX_PAGE: usize = 200;
/// The deepest offset a search pages to.
pub const MAX_OFFSET: usize = 10_000;

/// Where a search looks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// Quotes and article text (article hits only when no quote-only filter is set).
    #[default]
    All,
    /// Quote content only.
    Quotes,
    /// Article text only.
    Articles,
}

/// A search: free text plus filters. All filters are optional.
#[derive(Clone, Debug, Default)]
pub struct SearchQuery {
    /// Words to find (FTS5, every word must match; `"a phrase"` and `word*` work).
    /// Empty: every quote that passes the filters, newest first.
    pub text: String,
    /// Only quotes by this person or organisation (a name or alias).
    pub speaker: Option<String>,
    /// Only articles (and their quotes) that mention this entity.
    pub entity: Option<String>,
    /// Only quotes given through this medium ("Twitter"), case-insensitive.
    pub medium: Option<String>,
    /// Only quotes or articles on or after this day (`YYYY-MM-DD`, or a prefix `YYYY-MM`).
    pub since: Option<String>,
    /// Only quotes or articles on or before this day.
    pub until: Option<String>,
    /// Only quotes of this kind: `direct`, `mixed`, `indirect`.
    pub kind: Option<String>,
    /// Quotes, articles or both.
    pub scope: Scope,
    /// Page size (capped at [`MAX_PAGE`]; 0 means 20).
    pub limit: usize,
    /// Hits to skip (capped at [`MAX_OFFSET`]).
    pub offset: usize,
}

impl SearchQuery {
    /// A plain text search with default filters.
    pub fn text(text: impl Into<String>) -> SearchQuery {
        SearchQuery {
            text: text.into(),
            ..SearchQuery::default()
        }
    }

    /// True when a filter applies only to quotes (so article hits are left out).
    pub fn quote_only(&self) -> bool {
        self.speaker.is_some() || self.medium.is_some() || self.kind.is_some()
    }
}

/// A snippet: plain text with the hit ranges (byte offsets into `text`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Snippet {
    /// The text, with `…` where it was cut.
    pub text: String,
    /// Highlighted ranges, byte offsets into `text`, in order, not overlapping.
    pub hits: Vec<(usize, usize)>,
}

impl Snippet {
    /// The text cut into `(piece, is_hit)` parts, in order.
    pub fn parts(&self) -> Vec<(&str, bool)> {
        let mut out = Vec::new();
        let mut at = 0;
        for &(s, e) in &self.hits {
            if s > at {
                out.push((&self.text[at..s], false));
            }
            out.push((&self.text[s..e], true));
            at = e;
        }
        if at < self.text.len() {
            out.push((&self.text[at..], false));
        }
        out
    }
}

/// One search result.
#[derive(Clone, Debug, Serialize)]
pub struct Hit {
    /// `quote` or `article`.
    pub kind: &'static str,
    /// The quote's id (`kind == "quote"`).
    pub quote_id: Option<i64>,
    /// The article's id.
    pub article_id: i64,
    /// The article's title.
    pub title: Option<String>,
    /// The speaker: the entity's name when resolved, else the name in the article.
    pub speaker: Option<String>,
    /// The speaker's entity id.
    pub speaker_id: Option<i64>,
    /// Quote kind (`direct`, `mixed`, `indirect`).
    pub quote_kind: Option<String>,
    /// Medium, when given.
    pub medium: Option<String>,
    /// When it was said (quote date, else the article's date).
    pub date: Option<String>,
    /// Text around the hit.
    pub snippet: Snippet,
    /// bm25 score, lower is better (0 for filter-only listings); article scores are
    /// halved so that quotes rank first when both match about as well.
    pub rank: f64,
}

/// A page of search results.
#[derive(Clone, Debug, Serialize)]
pub struct SearchResults {
    /// The hits, best first.
    pub hits: Vec<Hit>,
    /// The page size used.
    pub limit: usize,
    /// The offset used.
    pub offset: usize,
    /// True when another page may follow.
    pub more: bool,
}

/// One attribution, in full.
#[derive(Clone, Debug, Serialize)]
pub struct Quote {
    /// Its id.
    pub id: i64,
    /// The article it is in.
    pub article_id: i64,
    /// The article's title.
    pub article_title: Option<String>,
    /// The article's date.
    pub published: Option<String>,
    /// Speaker entity, when resolved.
    pub speaker_id: Option<i64>,
    /// Speaker name as resolved in the article.
    pub speaker: Option<String>,
    /// The mention as written ("he").
    pub source: Option<String>,
    /// The cue ("said").
    pub cue: Option<String>,
    /// `direct`, `mixed`, `indirect`.
    pub kind: String,
    /// Role given nearby.
    pub role: Option<String>,
    /// Affiliation given nearby.
    pub affiliation: Option<String>,
    /// Medium.
    pub medium: Option<String>,
    /// When it was said, as found in the text.
    pub date: Option<String>,
    /// `date`, else the article's date.
    pub day: Option<String>,
    /// The content, pieces joined with " … ".
    pub content: String,
    /// The content pieces: byte ranges of the article text.
    pub spans: Vec<(usize, usize)>,
    /// The source mention: byte range.
    pub source_span: Option<(usize, usize)>,
    /// The cue: byte range.
    pub cue_span: Option<(usize, usize)>,
}

/// An entity in a list.
#[derive(Clone, Debug, Serialize)]
pub struct EntitySummary {
    /// Its id.
    pub id: i64,
    /// Display name.
    pub name: String,
    /// `PERSON`, `ORG`, ...
    pub label: String,
    /// Articles that mention it.
    pub articles: i64,
    /// Quotes attributed to it.
    pub quotes: i64,
}

/// A name an entity was written as.
#[derive(Clone, Debug, Serialize)]
pub struct Alias {
    /// As written.
    pub alias: String,
    /// The identity rule that tied it: `key`, `article`, `alias`, `surname`, `manual`.
    pub rule: String,
    /// How many times it was tied.
    pub seen: i64,
}

/// A role or affiliation, with when it was seen.
#[derive(Clone, Debug, Serialize)]
pub struct RoleSeen {
    /// Role ("director").
    pub role: Option<String>,
    /// Affiliation ("Carnegie Moscow Center").
    pub affiliation: Option<String>,
    /// First day seen.
    pub first: Option<String>,
    /// Last day seen.
    pub last: Option<String>,
    /// Attributions that gave it.
    pub count: i64,
}

/// A person's or organisation's profile.
#[derive(Clone, Debug, Serialize)]
pub struct Profile {
    /// The entity.
    pub entity: EntitySummary,
    /// Every name it was written as.
    pub aliases: Vec<Alias>,
    /// Roles and affiliations over time, earliest first.
    pub roles: Vec<RoleSeen>,
    /// Its quotes, newest first (a page).
    pub quotes: Vec<Quote>,
    /// Entities mentioned in the same articles, most shared articles first.
    pub co_mentioned: Vec<EntitySummary>,
}

/// An article in a list.
#[derive(Clone, Debug, Serialize)]
pub struct ArticleSummary {
    /// Its id.
    pub id: i64,
    /// Title.
    pub title: Option<String>,
    /// Source (path, URL).
    pub source: String,
    /// URL.
    pub url: Option<String>,
    /// Date.
    pub published: Option<String>,
    /// Number of attributions.
    pub quotes: i64,
}

/// An entity mention in an article.
#[derive(Clone, Debug, Serialize)]
pub struct MentionRow {
    /// Byte range in the article text.
    pub span: (usize, usize),
    /// The entity.
    pub entity_id: i64,
    /// Its display name.
    pub name: String,
    /// Its label.
    pub label: String,
}

/// A time expression in an article.
#[derive(Clone, Debug, Serialize)]
pub struct TimeRow {
    /// Byte range in the article text.
    pub span: (usize, usize),
    /// TIMEX3 type.
    pub kind: String,
    /// TIMEX3 value.
    pub value: String,
}

/// An event in an article.
#[derive(Clone, Debug, Serialize)]
pub struct EventRow {
    /// Byte range in the article text.
    pub span: (usize, usize),
    /// PLOVER category.
    pub category: String,
    /// Actor.
    pub source: Option<String>,
    /// Target.
    pub target: Option<String>,
    /// Date value.
    pub date: Option<String>,
}

/// An article with everything found in it.
#[derive(Clone, Debug, Serialize)]
pub struct ArticleDetail {
    /// Its id.
    pub id: i64,
    /// Where it came from.
    pub source: String,
    /// The input's id.
    pub doc_id: String,
    /// URL.
    pub url: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Author.
    pub author: Option<String>,
    /// Date.
    pub published: Option<String>,
    /// The text (all offsets point into it).
    pub text: String,
    /// The content hash.
    pub hash: String,
    /// Its quotes, in text order.
    pub quotes: Vec<Quote>,
    /// Its entity mentions, in text order.
    pub mentions: Vec<MentionRow>,
    /// Its time expressions.
    pub times: Vec<TimeRow>,
    /// Its events.
    pub events: Vec<EventRow>,
}

/// Quotes on one day.
#[derive(Clone, Debug, Serialize)]
pub struct TimelineDay {
    /// `YYYY-MM-DD` (or as precise as the date is).
    pub day: String,
    /// Quotes that day.
    pub quotes: i64,
}

/// A count under a name.
#[derive(Clone, Debug, Serialize)]
pub struct Count {
    /// The name.
    pub name: String,
    /// How many.
    pub count: i64,
}

/// The collection in numbers.
#[derive(Clone, Debug, Serialize)]
pub struct Stats {
    /// Articles.
    pub articles: i64,
    /// Attributions.
    pub quotes: i64,
    /// Entities (all labels).
    pub entities: i64,
    /// Entities per label.
    pub entities_by_label: Vec<Count>,
    /// Entity mentions.
    pub mentions: i64,
    /// Time expressions.
    pub times: i64,
    /// Events.
    pub events: i64,
    /// Manual corrections.
    pub corrections: i64,
    /// Earliest article date.
    pub first_published: Option<String>,
    /// Latest article date.
    pub last_published: Option<String>,
    /// Most quoted speakers.
    pub top_speakers: Vec<Count>,
    /// Most used media.
    pub top_media: Vec<Count>,
    /// Database size in bytes (pages × page size, WAL excluded).
    pub db_bytes: i64,
    /// Schema version.
    pub schema_version: i64,
}

/// What a merge or split did.
#[derive(Clone, Debug, Serialize)]
pub struct Correction {
    /// `merge` or `split`.
    pub action: String,
    /// The entity kept or created.
    pub entity: EntitySummary,
    /// Rows moved (mentions + quotes).
    pub moved: usize,
}
