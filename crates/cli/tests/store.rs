//! The record against a real database file: `ingest` (idempotent, resumable after
//! `kill -9`), every query command, readers during a write, merge and split.
//! Fixtures: `testdata/store/` (articles written for these tests).

mod util;

use dossier_store::{Reader, Scope, SearchQuery};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use util::{assert_ok, repo_root, stderr, stdout, Dir};

fn fixtures() -> PathBuf {
    repo_root().join("testdata/store")
}

fn ingest(dir: &Dir, extra: &[&str]) -> std::process::Output {
    let fx = fixtures();
    let mut args = vec!["ingest", "--db", "t.db", "--quiet"];
    args.extend_from_slice(extra);
    args.push(fx.to_str().expect("utf-8 path"));
    let o = dir.run(&args, "");
    assert_ok(&o);
    o
}

/// Row counts of every table, to compare whole databases.
fn counts(db: &Path) -> Vec<(String, i64)> {
    let r = Reader::open(db).expect("open db");
    [
        "articles",
        "attributions",
        "entities",
        "aliases",
        "mentions",
        "roles",
        "times",
        "events",
        "articles_fts_docsize",
        "quotes_fts_docsize",
    ]
    .iter()
    .map(|t| {
        let n: i64 = r
            .connection()
            .query_row(&format!("SELECT count(*) FROM {t}"), [], |row| row.get(0))
            .expect("count");
        (t.to_string(), n)
    })
    .collect()
}

fn scalar(db: &Path, sql: &str) -> i64 {
    let r = Reader::open(db).expect("open db");
    r.connection()
        .query_row(sql, [], |row| row.get(0))
        .expect("query")
}

#[test]
fn ingest_twice_changes_nothing() {
    let dir = Dir::new();
    let o = ingest(&dir, &[]);
    let err = stderr(&o);
    assert!(err.contains("5 added, 0 skipped"), "{err}");
    // the broken line is reported with its place and reason, and the batch went on
    assert!(err.contains("1 failed"), "{err}");
    assert!(err.contains("articles.jsonl:6: invalid JSON"), "{err}");
    let db = dir.path().join("t.db");
    let before = counts(&db);
    assert_eq!(before[0], ("articles".to_string(), 5));
    assert!(before[1].1 >= 5, "quotes: {before:?}");
    // FTS rows match their tables
    assert_eq!(before[0].1, before[8].1);
    assert_eq!(before[1].1, before[9].1);

    let o = ingest(&dir, &[]);
    assert!(stderr(&o).contains("0 added, 5 skipped"), "{}", stderr(&o));
    assert_eq!(counts(&db), before);
    let r = Reader::open(&db).expect("open");
    assert_eq!(r.integrity_check().expect("check"), "ok");
}

#[test]
fn every_query_command() {
    let dir = Dir::new();
    ingest(&dir, &[]);

    // search: ranked, hit highlighted, filters
    let o = dir.run(&["search", "--db", "t.db", "parks"], "");
    assert_ok(&o);
    let out = stdout(&o);
    assert!(out.contains("[parks]"), "{out}");
    let o = dir.run(
        &[
            "search",
            "--db",
            "t.db",
            "parks",
            "--speaker",
            "Anna Petrova",
            "--json",
        ],
        "",
    );
    assert_ok(&o);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let hits = v["hits"].as_array().expect("hits");
    assert_eq!(hits.len(), 1, "{v:#}");
    assert_eq!(hits[0]["speaker"], "Anna Petrova");
    assert_eq!(hits[0]["date"], "2026-04-12");
    // the surname rule tied "Petrova" to Anna Petrova
    let o = dir.run(
        &[
            "search",
            "--db",
            "t.db",
            "negotiate",
            "--medium",
            "harbor radio",
            "--csv",
        ],
        "",
    );
    assert_ok(&o);
    let out = stdout(&o);
    let mut lines = out.lines();
    assert!(lines
        .next()
        .expect("header")
        .starts_with("kind,quote_id,article_id,date,speaker"));
    let row = lines.next().expect("a row");
    assert!(
        row.contains("Okafor") && row.contains("[negotiate]"),
        "{row}"
    );
    let o = dir.run(
        &[
            "search",
            "--db",
            "t.db",
            "budget",
            "--since",
            "2026-04-11",
            "--until",
            "2026-04",
            "--scope",
            "articles",
        ],
        "",
    );
    assert_ok(&o);
    let out = stdout(&o);
    assert!(out.contains("Budget Vote Draws Protest"), "{out}");
    assert!(!out.contains("Council Approves"), "{out}");
    let o = dir.run(&["search", "--db", "t.db", "budget", "--since", "soon"], "");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("not a date"), "{}", stderr(&o));

    // who: aliases, roles, quotes newest first, co-mentions
    let o = dir.run(&["who", "--db", "t.db", "Okafor"], "");
    assert_ok(&o);
    let out = stdout(&o);
    assert!(out.starts_with("Maria Okafor (PERSON"), "{out}");
    assert!(
        out.contains("president, Northport Dockworkers Union (2026-03-03"),
        "{out}"
    );
    let newer = out.find("2026-03-05").expect("newer quote");
    let older = out.find("2026-03-03  ").expect("older quote");
    assert!(newer < older, "{out}");
    let o = dir.run(&["who", "--db", "t.db", "Nobody Atall"], "");
    assert_eq!(o.status.code(), Some(1));

    // quotes with filters, articles, one article, stats
    let o = dir.run(
        &["quotes", "--db", "t.db", "--kind", "direct", "--json"],
        "",
    );
    assert_ok(&o);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let hits = v["hits"].as_array().expect("hits");
    assert!(hits.len() >= 4);
    assert!(hits.iter().all(|h| h["quote_kind"] == "direct"));
    let days: Vec<&str> = hits.iter().filter_map(|h| h["date"].as_str()).collect();
    assert!(
        days.windows(2).all(|w| w[0] >= w[1]),
        "newest first: {days:?}"
    );
    let o = dir.run(&["articles", "--db", "t.db"], "");
    assert_ok(&o);
    assert_eq!(stdout(&o).lines().count(), 5);
    let o = dir.run(&["articles", "--db", "t.db", "--id", "1", "--json"], "");
    assert_ok(&o);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v["title"], "Dockworkers Strike in Northport");
    let o = dir.run(&["stats", "--db", "t.db", "--check"], "");
    assert_ok(&o);
    let out = stdout(&o);
    assert!(out.contains("articles:    5"), "{out}");
    assert!(out.contains("integrity:   ok"), "{out}");

    // a missing database is a clear error, not a new empty file
    let o = dir.run(&["search", "--db", "missing.db", "x"], "");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no database here"), "{}", stderr(&o));
    assert!(!dir.path().join("missing.db").exists());
    let o = dir.run(&["merge", "--db", "missing.db", "A", "B"], "");
    assert_eq!(o.status.code(), Some(1));
    assert!(!dir.path().join("missing.db").exists());
}

#[test]
fn split_and_merge_survive_reingest() {
    let dir = Dir::new();
    ingest(&dir, &[]);
    let db = dir.path().join("t.db");
    let o = dir.run(&["split", "--db", "t.db", "Petrova"], "");
    assert_ok(&o);
    let o = dir.run(&["who", "--db", "t.db", "Petrova", "--json"], "");
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v["profile"]["entity"]["name"], "Petrova");
    assert_eq!(v["profile"]["quotes"].as_array().map(Vec::len), Some(1));
    // a new article naming Petrova alone stays with the split entity
    dir.create(
        "more/council-3.jsonl",
        r#"{"id":"council-3","published":"2026-04-20","text":"Parks Stay Open\n\"The parks stay open,\" Petrova said on Monday.\n"}"#,
    );
    let o = dir.run(&["ingest", "--db", "t.db", "--quiet", "more"], "");
    assert_ok(&o);
    let o = dir.run(&["who", "--db", "t.db", "Petrova", "--json"], "");
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v["profile"]["entity"]["name"], "Petrova");
    assert_eq!(
        v["profile"]["quotes"].as_array().map(Vec::len),
        Some(2),
        "{v:#}"
    );

    // merge them back: the corrections table keeps both decisions
    let o = dir.run(&["merge", "--db", "t.db", "Anna Petrova", "Petrova"], "");
    assert_ok(&o);
    let o = dir.run(&["who", "--db", "t.db", "Anna Petrova", "--json"], "");
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v["profile"]["entity"]["quotes"], 3, "{v:#}");
    assert_eq!(scalar(&db, "SELECT count(*) FROM corrections"), 2);
    dir.create(
        "more2/council-4.jsonl",
        r#"{"id":"council-4","published":"2026-04-22","text":"Library Hours Extended\n\"Libraries open late from May,\" Petrova said.\n"}"#,
    );
    let o = dir.run(&["ingest", "--db", "t.db", "--quiet", "more2"], "");
    assert_ok(&o);
    let o = dir.run(&["who", "--db", "t.db", "Anna Petrova", "--json"], "");
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v["profile"]["entity"]["quotes"], 4, "{v:#}");
}

/// Generated articles, each with a different text (and so a different hash).
fn corpus(n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        let text = format!(
            "Report number {i} from the harbour\n\"Shipment {i} arrived late because of the storm,\" said Ruth Calder{}, a port manager.\nOfficials said the delay would cost {} dollars. Inspectors warned that cargo {i} was damaged.\n",
            i % 7,
            i * 13
        );
        s.push_str(
            &serde_json::json!({"id": format!("g{i}"), "published": "2026-02-01", "text": text})
                .to_string(),
        );
        s.push('\n');
    }
    s
}

fn spawn_ingest(dir: &Dir, file: &str, batch: &str) -> std::process::Child {
    let mut c = Command::new(util::bin());
    c.current_dir(dir.path())
        .args([
            "ingest", "--db", "k.db", "--quiet", "-j", "1", "--batch", batch, file,
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    c.spawn().expect("spawn ingest")
}

fn articles_now(db: &Path) -> i64 {
    match Reader::open(db) {
        Ok(r) => r
            .connection()
            .query_row("SELECT count(*) FROM articles", [], |row| row.get(0))
            .unwrap_or(0),
        Err(_) => 0,
    }
}

#[test]
fn kill_9_mid_ingest_then_resume() {
    let dir = Dir::new();
    let n = 1500;
    dir.create("big.jsonl", corpus(n));
    let db = dir.path().join("k.db");
    let mut child = spawn_ingest(&dir, "big.jsonl", "10");
    // wait (by condition, not by time) until some batches are committed
    let mut finished = false;
    loop {
        if let Ok(Some(_)) = child.try_wait() {
            finished = true;
            break;
        }
        if articles_now(&db) >= 20 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    // SIGKILL, by pid, only this child
    let _ = Command::new("kill")
        .args(["-9", &child.id().to_string()])
        .status();
    let _ = child.wait();
    let at_kill = articles_now(&db);
    if finished {
        eprintln!("note: the ingest finished before it could be killed; resume checked anyway");
    }
    let r = Reader::open(&db).expect("the database opens after kill -9");
    assert_eq!(r.integrity_check().expect("integrity"), "ok");
    // no partial article: batches are whole, every article has its FTS row and quotes
    let c = counts(&db);
    assert_eq!(c[0].1, at_kill);
    assert_eq!(c[0].1, c[8].1, "article FTS rows: {c:?}");
    assert_eq!(c[1].1, c[9].1, "quote FTS rows: {c:?}");
    assert_eq!(
        scalar(&db, "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM attributions q WHERE q.article_id = a.id)"),
        0,
        "every stored article has its quotes"
    );
    drop(r);

    // resume: everything is there once, nothing twice
    let out = spawn_ingest(&dir, "big.jsonl", "100")
        .wait_with_output()
        .expect("resume");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    let expect = format!("{} added, {} skipped", n as i64 - at_kill, at_kill);
    assert!(err.contains(&expect), "{err} (expected {expect})");
    assert_eq!(articles_now(&db), n as i64);
    assert_eq!(
        scalar(&db, "SELECT count(DISTINCT hash) FROM articles"),
        n as i64
    );
    let r = Reader::open(&db).expect("open");
    assert_eq!(r.integrity_check().expect("integrity"), "ok");
}

#[test]
fn readers_work_while_ingest_writes() {
    let dir = Dir::new();
    dir.create("mid.jsonl", corpus(400));
    let db = dir.path().join("k.db");
    let mut child = spawn_ingest(&dir, "mid.jsonl", "5");
    let mut last = 0;
    let mut reads = 0;
    loop {
        let done = matches!(child.try_wait(), Ok(Some(_)));
        if db.exists() {
            if let Ok(r) = Reader::open(&db) {
                let s = r.stats().expect("stats while writing");
                assert!(s.articles >= last, "counts never go back");
                // one statement, one snapshot: an article and its index rows together
                let (a, f): (i64, i64) = r
                    .connection()
                    .query_row(
                        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM articles_fts_docsize)",
                        [],
                        |row| Ok((row.get(0)?, row.get(1)?)),
                    )
                    .expect("counts");
                assert_eq!(a, f);
                last = s.articles;
                let hits = r
                    .search(&SearchQuery {
                        text: "shipment".into(),
                        scope: Scope::Quotes,
                        ..SearchQuery::default()
                    })
                    .expect("search while writing");
                assert!(hits.hits.len() as i64 <= s.articles.max(20));
                reads += 1;
            }
        }
        if done {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    let out = child.wait_with_output().expect("ingest");
    assert!(out.status.success());
    assert!(reads > 0);
    assert_eq!(articles_now(&db), 400);
}

/// A web page is ingested as its article (title, author, date from the page), once.
#[test]
fn ingest_a_web_page_once() {
    let dir = Dir::new();
    dir.create(
        "pages/talks.html",
        r#"<html><head><title>Ferry talks resume | Coast News</title>
<meta property="article:published_time" content="2026-03-05">
<meta name="author" content="Elena Marsh"></head>
<body><nav>Home News Sport</nav><article><h1>Ferry talks resume</h1>
<p>Talks between the ferry company and its crews resumed on Thursday after two days of silence.</p>
<p>"We are ready to negotiate in good faith," Ruth Adeyemi, the crews' spokeswoman, told Coast Radio.</p>
</article><footer>Share this</footer></body></html>"#,
    );
    for _ in 0..2 {
        let o = dir.run(&["ingest", "--db", "w.db", "--quiet", "pages"], "");
        assert_ok(&o);
    }
    let db = dir.path().join("w.db");
    assert_eq!(scalar(&db, "SELECT count(*) FROM articles"), 1);
    assert_eq!(
        scalar(
            &db,
            "SELECT count(*) FROM articles WHERE title = 'Ferry talks resume' AND author = 'Elena Marsh'"
        ),
        1
    );
    let o = dir.run(&["search", "--db", "w.db", "negotiate"], "");
    assert_ok(&o);
    assert!(stdout(&o).contains("Ruth Adeyemi"), "{}", stdout(&o));
}
