//! JSON handlers: parse, one store read, serialise.

use crate::render::{segments, Segment};
use crate::{read, ApiError, AppState};
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::Json;
use dossier_store::{ArticleDetail, Scope, SearchQuery};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Search parameters, shared with the search page.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SearchParams {
    #[serde(default)]
    pub q: String,
    pub speaker: Option<String>,
    pub entity: Option<String>,
    pub medium: Option<String>,
    pub since: Option<String>,
    pub until: Option<String>,
    pub kind: Option<String>,
    pub scope: Option<String>,
    pub limit: Option<usize>,
    pub offset: Option<usize>,
}

fn nonempty(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

impl SearchParams {
    pub(crate) fn to_query(&self) -> Result<SearchQuery, ApiError> {
        let scope = match nonempty(&self.scope).as_deref() {
            None | Some("all") => Scope::All,
            Some("quotes") => Scope::Quotes,
            Some("articles") => Scope::Articles,
            Some(other) => {
                return Err(ApiError::BadRequest(format!(
                    "scope: {other:?} is not one of all, quotes, articles"
                )))
            }
        };
        let limit = self.limit.unwrap_or(20);
        if limit == 0 || limit > dossier_store::MAX_PAGE {
            return Err(ApiError::BadRequest(format!(
                "limit: must be between 1 and {}",
                dossier_store::MAX_PAGE
            )));
        }
        let offset = self.offset.unwrap_or(0);
        if offset > dossier_store::MAX_OFFSET {
            return Err(ApiError::BadRequest(format!(
                "offset: must be at most {}",
                dossier_store::MAX_OFFSET
            )));
        }
        if !self.q.trim().is_empty() && dossier_store::fts_query(&self.q).is_none() {
            return Err(ApiError::BadRequest(format!(
                "q: {:?} has no word to search for",
                self.q
            )));
        }
        Ok(SearchQuery {
            text: self.q.clone(),
            speaker: nonempty(&self.speaker),
            entity: nonempty(&self.entity),
            medium: nonempty(&self.medium),
            since: nonempty(&self.since),
            until: nonempty(&self.until),
            kind: nonempty(&self.kind),
            scope,
            limit,
            offset,
        })
    }

    /// True when nothing was asked yet (the bare search page).
    pub(crate) fn is_empty(&self) -> bool {
        self.q.trim().is_empty()
            && [
                &self.speaker,
                &self.entity,
                &self.medium,
                &self.since,
                &self.until,
                &self.kind,
            ]
            .iter()
            .all(|o| nonempty(o).is_none())
    }
}

pub(crate) fn bad_query(e: QueryRejection) -> ApiError {
    ApiError::BadRequest(format!("bad query parameters: {}", e.body_text()))
}

pub(crate) fn bad_path(e: PathRejection) -> ApiError {
    ApiError::BadRequest(format!("bad path: {}", e.body_text()))
}

type Q<T> = Result<Query<T>, QueryRejection>;
type P = Result<Path<i64>, PathRejection>;

pub(crate) async fn search(
    State(state): State<Arc<AppState>>,
    params: Q<SearchParams>,
) -> Result<Json<dossier_store::SearchResults>, ApiError> {
    let Query(params) = params.map_err(bad_query)?;
    let q = params.to_query()?;
    if q.text.trim().is_empty() && params.is_empty() {
        return Err(ApiError::BadRequest(
            "give q (words to find) or at least one filter".into(),
        ));
    }
    Ok(Json(read(&state, move |r| r.search(&q)).await?))
}

pub(crate) async fn quote(
    State(state): State<Arc<AppState>>,
    id: P,
) -> Result<Json<dossier_store::Quote>, ApiError> {
    let Path(id) = id.map_err(bad_path)?;
    read(&state, move |r| r.quote(id))
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::NotFound(format!("no quote with id {id}")))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NameParams {
    name: String,
    limit: Option<usize>,
}

pub(crate) async fn entities(
    State(state): State<Arc<AppState>>,
    params: Q<NameParams>,
) -> Result<Json<Vec<dossier_store::EntitySummary>>, ApiError> {
    let Query(p) = params.map_err(bad_query)?;
    if p.name.trim().is_empty() {
        return Err(ApiError::BadRequest("name: must not be empty".into()));
    }
    let limit = page_limit(p.limit)?;
    Ok(Json(
        read(&state, move |r| r.find_entities(&p.name, limit)).await?,
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PageParams {
    pub limit: Option<usize>,
    pub offset: Option<usize>,
}

pub(crate) fn page_limit(limit: Option<usize>) -> Result<usize, ApiError> {
    let l = limit.unwrap_or(20);
    if l == 0 || l > dossier_store::MAX_PAGE {
        return Err(ApiError::BadRequest(format!(
            "limit: must be between 1 and {}",
            dossier_store::MAX_PAGE
        )));
    }
    Ok(l)
}

pub(crate) fn page_offset(offset: Option<usize>) -> Result<usize, ApiError> {
    let o = offset.unwrap_or(0);
    if o > dossier_store::MAX_OFFSET {
        return Err(ApiError::BadRequest(format!(
            "offset: must be at most {}",
            dossier_store::MAX_OFFSET
        )));
    }
    Ok(o)
}

pub(crate) async fn entity(
    State(state): State<Arc<AppState>>,
    id: P,
    params: Q<PageParams>,
) -> Result<Json<dossier_store::Profile>, ApiError> {
    let Path(id) = id.map_err(bad_path)?;
    let Query(p) = params.map_err(bad_query)?;
    let (limit, offset) = (page_limit(p.limit)?, page_offset(p.offset)?);
    read(&state, move |r| r.profile(id, limit, offset))
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::NotFound(format!("no entity with id {id}")))
}

pub(crate) async fn articles(
    State(state): State<Arc<AppState>>,
    params: Q<PageParams>,
) -> Result<Json<Vec<dossier_store::ArticleSummary>>, ApiError> {
    let Query(p) = params.map_err(bad_query)?;
    let (limit, offset) = (page_limit(p.limit)?, page_offset(p.offset)?);
    Ok(Json(
        read(&state, move |r| r.articles(limit, offset)).await?,
    ))
}

/// An article with its text cut into highlighted segments.
#[derive(Serialize)]
pub(crate) struct ArticleOut {
    #[serde(flatten)]
    article: ArticleDetail,
    /// The text in order, each piece marked with the quote and entity it belongs to.
    segments: Vec<Segment>,
}

pub(crate) async fn article(
    State(state): State<Arc<AppState>>,
    id: P,
) -> Result<Json<ArticleOut>, ApiError> {
    let Path(id) = id.map_err(bad_path)?;
    let a = read(&state, move |r| r.article(id))
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("no article with id {id}")))?;
    let segments = segments(&a);
    Ok(Json(ArticleOut {
        article: a,
        segments,
    }))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TimelineParams {
    entity: Option<i64>,
    since: Option<String>,
    until: Option<String>,
}

pub(crate) async fn timeline(
    State(state): State<Arc<AppState>>,
    params: Q<TimelineParams>,
) -> Result<Json<Vec<dossier_store::TimelineDay>>, ApiError> {
    let Query(p) = params.map_err(bad_query)?;
    Ok(Json(
        read(&state, move |r| {
            r.timeline(p.entity, p.since.as_deref(), p.until.as_deref())
        })
        .await?,
    ))
}

pub(crate) async fn stats(
    State(state): State<Arc<AppState>>,
) -> Result<Json<dossier_store::Stats>, ApiError> {
    Ok(Json(read(&state, |r| r.stats()).await?))
}
