//! The router against a real database file, without a socket
//! (`tower::ServiceExt::oneshot`).

use axum::body::Body;
use axum::http::{Request, StatusCode};
use dossier_core::{
    Analysis, Attribution, Date, Document, Entity, EntityId, EntityLabel, QuoteKind, Span,
};
use dossier_server::{router, AppState};
use dossier_store::{Article, Writer};
use http_body_util::BodyExt;
use tower::ServiceExt;

fn span_of(text: &str, needle: &str) -> Span {
    let s = text.find(needle).expect("needle in text");
    Span::new(s, s + needle.len())
}

fn article(
    id: &str,
    date: &str,
    text: &str,
    quote: &str,
    speaker: &str,
    written: &str,
) -> (Document, Analysis) {
    let doc = Document::new(id, text).with_published(Date::parse_iso(date));
    let mut a = Analysis::default();
    a.entities.push(Entity {
        span: span_of(text, written),
        label: EntityLabel::Person,
        id: EntityId(0),
        canonical: speaker.into(),
        role: None,
        affiliation: None,
    });
    a.attributions.push(Attribution {
        content: vec![span_of(text, quote)],
        source: Some(span_of(text, written)),
        cue: Some(span_of(text, "said")),
        speaker: Some(speaker.into()),
        kind: QuoteKind::Direct,
        role: Some("analyst".into()),
        affiliation: None,
        medium: Some("Telegram".into()),
        date: None,
    });
    (doc, a)
}

fn db() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("t.db");
    let t1 = "Troops Leave\n\"The mission is over,\" said Dmitry Trenin on Telegram.\n";
    let t2 = "<script>alert(1)</script> Hack\n\"<img src=x onerror=alert(2)> is harmless,\" Trenin said.\n";
    let a1 = article(
        "a1",
        "2022-01-13",
        t1,
        "The mission is over,",
        "Dmitry Trenin",
        "Dmitry Trenin",
    );
    let mut a2 = article(
        "a2",
        "2022-01-14",
        t2,
        "<img src=x onerror=alert(2)> is harmless,",
        "Trenin",
        "Trenin",
    );
    a2.0.title = Some("<script>alert(3)</script>".into());
    let mut w = Writer::open(&path).expect("writer");
    let batch: Vec<Article<'_>> = [&a1, &a2]
        .iter()
        .map(|(d, a)| Article {
            source: "test",
            doc: d,
            analysis: a,
        })
        .collect();
    assert_eq!(w.write_batch(&batch).expect("write").added, 2);
    (dir, path)
}

async fn get(app: &axum::Router, uri: &str) -> (StatusCode, String, String) {
    let res = app
        .clone()
        .oneshot(Request::get(uri).body(Body::empty()).expect("request"))
        .await
        .expect("response");
    let status = res.status();
    let ctype = res
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let body = res.into_body().collect().await.expect("body").to_bytes();
    (
        status,
        ctype,
        String::from_utf8(body.to_vec()).expect("utf-8"),
    )
}

fn json(s: &str) -> serde_json::Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("not JSON ({e}): {s}"))
}

#[tokio::test]
async fn api_routes() {
    let (_dir, path) = db();
    let app = router(AppState::open(&path).expect("state"));

    let (s, ct, b) = get(&app, "/api/search?q=mission").await;
    assert_eq!(s, StatusCode::OK, "{b}");
    assert!(ct.starts_with("application/json"));
    let v = json(&b);
    assert_eq!(v["hits"][0]["speaker"], "Dmitry Trenin");
    assert_eq!(v["hits"][0]["snippet"]["text"], "The mission is over,");

    // the surname joined the full name across articles
    let (_, _, b) = get(&app, "/api/search?speaker=Trenin&medium=telegram").await;
    let v = json(&b);
    assert_eq!(v["hits"].as_array().map(Vec::len), Some(2), "{v:#}");
    let id = v["hits"][0]["speaker_id"].as_i64().expect("speaker id");
    assert_eq!(v["hits"][1]["speaker_id"].as_i64(), Some(id));

    let (s, _, b) = get(&app, &format!("/api/entities/{id}")).await;
    assert_eq!(s, StatusCode::OK);
    let v = json(&b);
    assert_eq!(v["entity"]["name"], "Dmitry Trenin");
    assert_eq!(v["quotes"][0]["day"], "2022-01-14", "newest first");
    assert_eq!(v["roles"][0]["role"], "analyst");

    let (_, _, b) = get(&app, "/api/entities?name=trenin").await;
    assert_eq!(json(&b)[0]["name"], "Dmitry Trenin");

    let (s, _, b) = get(&app, "/api/articles/1").await;
    assert_eq!(s, StatusCode::OK);
    let v = json(&b);
    let segs = v["segments"].as_array().expect("segments");
    let joined: String = segs.iter().filter_map(|s| s["text"].as_str()).collect();
    assert_eq!(joined, v["text"].as_str().expect("text"));
    assert!(segs
        .iter()
        .any(|s| s["text"] == "The mission is over," && s["quote"].is_i64()));

    let (s, _, b) = get(&app, "/api/quotes/1").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(json(&b)["cue"], "said");
    let (_, _, b) = get(&app, &format!("/api/timeline?entity={id}")).await;
    assert_eq!(json(&b).as_array().map(Vec::len), Some(2));
    let (_, _, b) = get(&app, "/api/articles?limit=1").await;
    assert_eq!(json(&b).as_array().map(Vec::len), Some(1));
    let (_, _, b) = get(&app, "/api/stats").await;
    assert_eq!(json(&b)["articles"], 2);
}

#[tokio::test]
async fn bad_requests_are_json_4xx() {
    let (_dir, path) = db();
    let app = router(AppState::open(&path).expect("state"));
    for (uri, status, words) in [
        (
            "/api/search?q=x&limit=abc",
            StatusCode::BAD_REQUEST,
            "limit",
        ),
        (
            "/api/search?q=x&limit=100000",
            StatusCode::BAD_REQUEST,
            "limit",
        ),
        (
            "/api/search?q=x&offset=99999999",
            StatusCode::BAD_REQUEST,
            "offset",
        ),
        (
            "/api/search?q=x&since=tomorrow",
            StatusCode::BAD_REQUEST,
            "since",
        ),
        (
            "/api/search?q=x&kind=rumour",
            StatusCode::BAD_REQUEST,
            "kind",
        ),
        (
            "/api/search?q=x&scope=web",
            StatusCode::BAD_REQUEST,
            "scope",
        ),
        ("/api/search?q=x&nope=1", StatusCode::BAD_REQUEST, "nope"),
        ("/api/search", StatusCode::BAD_REQUEST, "filter"),
        (
            "/api/search?q=%21%21%21",
            StatusCode::BAD_REQUEST,
            "no word",
        ),
        ("/api/articles/abc", StatusCode::BAD_REQUEST, "path"),
        ("/api/articles/999", StatusCode::NOT_FOUND, "no article"),
        ("/api/quotes/999", StatusCode::NOT_FOUND, "no quote"),
        ("/api/entities/999", StatusCode::NOT_FOUND, "no entity"),
        ("/api/entities?name=", StatusCode::BAD_REQUEST, "name"),
        ("/api/nothing", StatusCode::NOT_FOUND, "no API route"),
    ] {
        let (s, ct, b) = get(&app, uri).await;
        assert_eq!(s, status, "{uri}: {b}");
        assert!(ct.starts_with("application/json"), "{uri}: {ct}");
        let e = json(&b)["error"].as_str().unwrap_or_default().to_string();
        assert!(e.contains(words), "{uri}: {e}");
    }
    let long = format!("/api/search?q={}", "a".repeat(5000));
    let (s, _, b) = get(&app, &long).await;
    assert_eq!(s, StatusCode::URI_TOO_LONG, "{b}");
    // FTS syntax in the query is never an error
    let (s, _, _) = get(&app, "/api/search?q=%22unbalanced%20(NEAR%20*%20OR").await;
    assert_eq!(s, StatusCode::OK);
    // a body larger than the limit is refused
    let res = app
        .clone()
        .oneshot(
            Request::post("/api/search")
                .header("content-length", "100000")
                .body(Body::from(vec![b'x'; 100_000]))
                .expect("request"),
        )
        .await
        .expect("response");
    assert!(res.status().is_client_error(), "{}", res.status());
}

#[tokio::test]
async fn pages_escape_article_text() {
    let (_dir, path) = db();
    let app = router(AppState::open(&path).expect("state"));
    let (s, ct, b) = get(&app, "/article/2").await;
    assert_eq!(s, StatusCode::OK);
    assert!(ct.starts_with("text/html"));
    assert!(!b.contains("<script>"), "{b}");
    assert!(!b.contains("<img"), "{b}");
    assert!(b.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{b}");
    assert!(b.contains("&lt;img src=x onerror=alert(2)&gt;"), "{b}");
    assert!(b.contains("<mark class=\"q\""), "quote highlighted: {b}");
    assert!(b.contains("href=\"/person/"), "speaker linked: {b}");

    let (s, _, b) = get(&app, "/?q=harmless").await;
    assert_eq!(s, StatusCode::OK);
    assert!(!b.contains("<script>") && !b.contains("<img"), "{b}");
    assert!(b.contains("<mark>harmless</mark>"), "{b}");
    assert!(b.contains("Dmitry Trenin"), "{b}");

    let (s, _, b) = get(&app, "/person/1").await;
    assert_eq!(s, StatusCode::OK);
    assert!(b.contains("<h1 id=\"name\">Dmitry Trenin</h1>"), "{b}");
    assert!(!b.contains("<img") && !b.contains("<script>"), "{b}");

    let (s, ct, b) = get(&app, "/person/abc").await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert!(ct.starts_with("text/html"), "{b}");
    let (s, _, _) = get(&app, "/nowhere").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, _, b) = get(&app, "/?q=x&since=%3Cscript%3E").await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert!(!b.contains("<script>"), "{b}");
    let (s, ct, _) = get(&app, "/style.css").await;
    assert_eq!(s, StatusCode::OK);
    assert!(ct.starts_with("text/css"));
}

#[test]
fn server_refuses_a_missing_database() {
    let dir = tempfile::tempdir().expect("tmp");
    let e = AppState::open(&dir.path().join("none.db"))
        .err()
        .expect("an error");
    assert!(e.to_string().contains("no database here"), "{e}");
}
