//! dossier's HTTP API and web pages, over a read-only [`dossier_store`] database.
//!
//! [`router`] builds the whole application (JSON API under `/api`, server-rendered
//! HTML pages elsewhere) so tests can drive it with `tower::ServiceExt::oneshot`
//! without a socket; [`serve`] runs it on a listener (bind 127.0.0.1 by default).
//!
//! * Handlers parse their parameters, run **one** store read in `spawn_blocking`
//!   (rusqlite is synchronous) and render.
//! * The database is opened **read-only**; every SQL statement in the store is
//!   parameterised.
//! * All text from articles is HTML-escaped: an article containing `<script>` renders
//!   as text.
//! * Limits: query strings over [`MAX_QUERY_BYTES`] and request bodies over
//!   [`MAX_BODY_BYTES`] are refused, requests time out after [`TIMEOUT`], at most
//!   [`MAX_IN_FLIGHT`] run at once, pages hold at most
//!   [`MAX_PAGE`](dossier_store::MAX_PAGE) items.
//! * Bad parameters give a 4xx JSON body `{"error": "..."}` on the API and an HTML
//!   error page elsewhere.
//!
//! ```no_run
//! # async fn run() -> std::io::Result<()> {
//! let state = dossier_server::AppState::open("dossier.db".as_ref()).unwrap();
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//! dossier_server::serve(listener, state).await
//! # }
//! ```
#![deny(missing_docs)]

mod api;
mod pages;
mod render;

use axum::http::{StatusCode, Uri};
use axum::response::{Html, IntoResponse, Response};
use axum::{routing::get, Json, Router};
use dossier_store::Reader;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Longest query string accepted (bytes).
pub const MAX_QUERY_BYTES: usize = 4096;
/// Largest request body accepted (bytes); the API only reads.
pub const MAX_BODY_BYTES: usize = 16 * 1024;
/// Requests that take longer get 408.
pub const TIMEOUT: Duration = Duration::from_secs(15);
/// Requests served at once.
pub const MAX_IN_FLIGHT: usize = 64;

/// What goes wrong in a request.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ApiError {
    /// A parameter is missing or malformed (400).
    #[error("{0}")]
    BadRequest(String),
    /// Nothing with that id or name (404).
    #[error("{0}")]
    NotFound(String),
    /// The query string is too long (414).
    #[error("the query string is longer than {MAX_QUERY_BYTES} bytes")]
    UriTooLong,
    /// The store failed (500; details are logged, not sent).
    #[error("internal error")]
    Store(#[source] dossier_store::Error),
    /// The blocking task died (500).
    #[error("internal error")]
    Join,
}

impl From<dossier_store::Error> for ApiError {
    fn from(e: dossier_store::Error) -> Self {
        match e {
            dossier_store::Error::Invalid(m) => ApiError::BadRequest(m),
            dossier_store::Error::NoSuchEntity(n) => {
                ApiError::NotFound(format!("no person or organisation named {n:?}"))
            }
            other => ApiError::Store(other),
        }
    }
}

impl ApiError {
    fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::UriTooLong => StatusCode::URI_TOO_LONG,
            ApiError::Store(_) | ApiError::Join => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Store(e) = &self {
            eprintln!("dossier serve: {e}");
        }
        (
            self.status(),
            Json(serde_json::json!({ "error": self.to_string() })),
        )
            .into_response()
    }
}

/// An error shown as an HTML page.
pub(crate) struct PageError(pub ApiError);

impl From<ApiError> for PageError {
    fn from(e: ApiError) -> Self {
        PageError(e)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        if let ApiError::Store(e) = &self.0 {
            eprintln!("dossier serve: {e}");
        }
        let status = self.0.status();
        let body = render::page(
            "Error",
            &format!(
                "<h1>{}</h1><p class=\"error\">{}</p><p><a href=\"/\">Back to search</a></p>",
                status.as_u16(),
                render::esc(&self.0.to_string())
            ),
        );
        (status, Html(body)).into_response()
    }
}

/// Shared state: the database path and a pool of read-only connections.
pub struct AppState {
    path: PathBuf,
    pool: Mutex<Vec<Reader>>,
}

impl AppState {
    /// Check that `path` is a current dossier database and prepare to read it.
    pub fn open(path: &Path) -> Result<Arc<AppState>, dossier_store::Error> {
        let first = Reader::open(path)?;
        Ok(Arc::new(AppState {
            path: path.to_path_buf(),
            pool: Mutex::new(vec![first]),
        }))
    }

    fn take(&self) -> Result<Reader, dossier_store::Error> {
        let pooled = self.pool.lock().ok().and_then(|mut p| p.pop());
        match pooled {
            Some(r) => Ok(r),
            None => Reader::open(&self.path),
        }
    }

    fn give(&self, r: Reader) {
        if let Ok(mut p) = self.pool.lock() {
            if p.len() < 16 {
                p.push(r);
            }
        }
    }
}

/// Run one store read on the blocking pool with a pooled reader.
pub(crate) async fn read<T, F>(state: &Arc<AppState>, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&Reader) -> Result<T, dossier_store::Error> + Send + 'static,
{
    let state = Arc::clone(state);
    tokio::task::spawn_blocking(move || {
        let r = state.take()?;
        let out = f(&r);
        state.give(r);
        out
    })
    .await
    .map_err(|_| ApiError::Join)?
    .map_err(ApiError::from)
}

async fn query_limit(
    uri: Uri,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    if uri.query().is_some_and(|q| q.len() > MAX_QUERY_BYTES) {
        return ApiError::UriTooLong.into_response();
    }
    next.run(req).await
}

async fn fallback(uri: Uri) -> Response {
    if uri.path().starts_with("/api/") || uri.path() == "/api" {
        ApiError::NotFound(format!("no API route {}", uri.path())).into_response()
    } else {
        PageError(ApiError::NotFound(format!("no page at {}", uri.path()))).into_response()
    }
}

/// The whole application: `/api/...` JSON routes and the HTML pages.
pub fn router(state: Arc<AppState>) -> Router {
    use tower::ServiceBuilder;
    let api = Router::new()
        .route("/api/search", get(api::search))
        .route("/api/quotes/{id}", get(api::quote))
        .route("/api/entities", get(api::entities))
        .route("/api/entities/{id}", get(api::entity))
        .route("/api/articles", get(api::articles))
        .route("/api/articles/{id}", get(api::article))
        .route("/api/timeline", get(api::timeline))
        .route("/api/stats", get(api::stats));
    let pages = Router::new()
        .route("/", get(pages::search))
        .route("/person/{id}", get(pages::person))
        .route("/article/{id}", get(pages::article))
        .route("/articles", get(pages::articles))
        .route("/style.css", get(pages::style));
    api.merge(pages)
        .fallback(fallback)
        .with_state(state)
        .layer(
            ServiceBuilder::new()
                .layer(axum::middleware::from_fn(query_limit))
                .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY_BYTES))
                .layer(tower_http::limit::RequestBodyLimitLayer::new(
                    MAX_BODY_BYTES,
                ))
                .layer(tower_http::timeout::TimeoutLayer::with_status_code(
                    StatusCode::REQUEST_TIMEOUT,
                    TIMEOUT,
                )),
        )
        .layer(tower::limit::ConcurrencyLimitLayer::new(MAX_IN_FLIGHT))
}

/// Serve the application on `listener` until Ctrl-C.
pub async fn serve(listener: tokio::net::TcpListener, state: Arc<AppState>) -> std::io::Result<()> {
    axum::serve(listener, router(state))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
