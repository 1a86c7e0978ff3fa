//! Web pages and web archives through `dossier extract`: `{"html"}` JSON lines,
//! `.html` files, `.warc` / `.warc.gz` files (with a corrupt record in the middle),
//! directories of them. Fixtures are written here; the `--json` output of one whole
//! page is an insta snapshot.

mod util;

use serde_json::Value;
use std::io::Write;
use util::{assert_ok, stderr, stdout, Dir};

const PAGE: &str = r##"<!DOCTYPE html><html lang="en"><head>
<meta charset="utf-8"><title>Port strike ends after talks - The Harbour Gazette</title>
<meta property="og:title" content="Port strike ends after talks">
<meta property="og:site_name" content="The Harbour Gazette">
<meta name="author" content="Maria Lind">
<meta property="article:published_time" content="2022-01-07T09:30:00+01:00">
<script>var tracking = {"page": "article"};</script>
<style>p { margin: 0 }</style>
</head><body>
<nav class="menu"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<article>
<h1>Port strike ends after talks</h1>
<p class="byline">By Maria Lind</p>
<p>Dock workers in Northport returned to work on Friday after a week-long strike that had halted shipping along the coast, the port authority said.</p>
<p>“We have an agreement that protects jobs and pay,” union leader Tomas Berg told reporters on Thursday evening.</p>
<blockquote class="twitter-tweet"><p lang="en">The strike is over. Thank you to every member who stood together this week.</p>&mdash; Dockers Union (@dockersunion) <a href="https://twitter.com/x">January 6, 2022</a></blockquote>
<p>The port authority said the backlog of ships would be cleared by the middle of next week.</p>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a></div>
</article>
<aside class="related"><h3>Related</h3><ul><li><a href="/a">Ferry fares rise</a></li><li><a href="/b">New crane arrives</a></li></ul></aside>
<footer class="site-footer">© 2022 The Harbour Gazette. All rights reserved.</footer>
</body></html>"##;

fn lines(out: &str) -> Vec<Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

fn check_page(r: &Value) {
    let text = r["text"].as_str().unwrap();
    assert!(text.starts_with("Dock workers in Northport"), "{text}");
    for furniture in ["Home", "cookies", "Share on", "Ferry fares", "All rights"] {
        assert!(!text.contains(furniture), "{furniture:?} in {text}");
    }
    assert_eq!(r["title"], "Port strike ends after talks");
    assert_eq!(r["author"], "Maria Lind");
    assert_eq!(r["published"], "2022-01-07");
    // offsets are code points into the extracted text
    let chars: Vec<char> = text.chars().collect();
    let slice = |p: &Value| -> String {
        let (s, e) = (
            p[0].as_u64().unwrap() as usize,
            p[1].as_u64().unwrap() as usize,
        );
        chars[s..e].iter().collect()
    };
    let atts = r["attributions"].as_array().unwrap();
    let tweet = atts
        .iter()
        .find(|a| a["medium"] == "Twitter")
        .expect("the embedded tweet is an attribution");
    assert_eq!(tweet["speaker"], "Dockers Union");
    assert_eq!(tweet["kind"], "direct");
    assert_eq!(tweet["date"], "2022-01-06");
    assert!(slice(&tweet["content"][0]).starts_with("The strike is over."));
    assert_eq!(slice(&tweet["source"]), "Dockers Union");
    assert!(
        atts.iter().any(|a| a["content"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| slice(c).contains("protects jobs"))),
        "the quote in the text is found: {atts:?}"
    );
    for e in r["entities"].as_array().unwrap() {
        let s = e["start"].as_u64().unwrap() as usize;
        let end = e["end"].as_u64().unwrap() as usize;
        assert!(s < end && end <= chars.len());
    }
}

#[test]
fn html_json_line() {
    let d = Dir::new();
    let line = serde_json::json!({"id": "p1", "html": PAGE, "url": "https://gazette.example/news/port-strike"});
    let bad = serde_json::json!({"id": "p2", "html": "<html><body><nav><a href='/'>Home</a></nav></body></html>"});
    let o = d.run(&["extract", "--jsonl"], format!("{line}\n{bad}\n"));
    assert_ok(&o);
    let rs = lines(&stdout(&o));
    assert_eq!(rs.len(), 2);
    assert_eq!(rs[0]["id"], "p1");
    assert!(rs[0].get("error").is_none(), "{}", rs[0]);
    assert_eq!(rs[0]["url"], "https://gazette.example/news/port-strike");
    check_page(&rs[0]);
    // a page without an article: a clear error, the line is kept
    assert_eq!(rs[1]["id"], "p2");
    assert_eq!(rs[1]["error"], "no article text found in the page");
    assert_eq!(rs[1]["attributions"], serde_json::json!([]));
}

#[test]
fn html_json_line_published_wins() {
    let d = Dir::new();
    let line = serde_json::json!({"id": "p1", "html": PAGE, "published": "2022-01-08"});
    let o = d.run(&["extract", "--jsonl"], format!("{line}\n"));
    assert_ok(&o);
    assert_eq!(lines(&stdout(&o))[0]["published"], "2022-01-08");
}

#[test]
fn html_file_in_windows_1252() {
    let d = Dir::new();
    // the page declared and encoded in windows-1252: “ ” are 0x93 0x94
    let page = PAGE.replace("charset=\"utf-8\"", "charset=\"windows-1252\"");
    let page = page.replace(
        "<meta charset=\"utf-8\">",
        "<meta charset=\"windows-1252\">",
    );
    let (bytes, _, bad) = encoding_rs::WINDOWS_1252.encode(&page);
    assert!(!bad);
    let p = d.create("story.html", &bytes);
    let o = d.run(&["extract", "--jsonl", p.to_str().unwrap()], "");
    assert_ok(&o);
    let rs = lines(&stdout(&o));
    assert_eq!(rs.len(), 1);
    check_page(&rs[0]);
    assert!(rs[0]["text"]
        .as_str()
        .unwrap()
        .contains("“We have an agreement"));
}

fn warc_record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n\
         WARC-Date: 2022-02-01T12:00:00Z\r\nContent-Type: application/http; msgtype={kind}\r\n\
         Content-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http(status: &str, ctype: &str, body: &[u8]) -> Vec<u8> {
    let mut h = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    h.extend_from_slice(body);
    h
}

fn gz(b: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(b).unwrap();
    e.finish().unwrap()
}

/// A WARC.gz (one gzip member per record): a request, an article, a non-HTML response,
/// a corrupt member, a 404, another article.
fn warc_gz() -> Vec<u8> {
    let second = PAGE.replace("Port strike ends after talks", "Ferry fares rise in spring");
    let mut out = Vec::new();
    out.extend(gz(&warc_record(
        "request",
        "https://gazette.example/a",
        b"GET /a HTTP/1.1\r\nHost: gazette.example\r\n\r\n",
    )));
    out.extend(gz(&warc_record(
        "response",
        "https://gazette.example/a",
        &http("200 OK", "text/html; charset=utf-8", PAGE.as_bytes()),
    )));
    out.extend(gz(&warc_record(
        "response",
        "https://gazette.example/logo.png",
        &http("200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
    )));
    // a corrupt member: a valid start, then garbage in the deflate stream
    let mut broken = gz(&warc_record(
        "response",
        "https://gazette.example/broken",
        &http("200 OK", "text/html", PAGE.as_bytes()),
    ));
    let mid = broken.len() / 2;
    for b in &mut broken[mid..mid + 40] {
        *b ^= 0x5a;
    }
    out.extend(broken);
    out.extend(gz(&warc_record(
        "response",
        "https://gazette.example/missing",
        &http(
            "404 Not Found",
            "text/html",
            b"<html><body>gone</body></html>",
        ),
    )));
    out.extend(gz(&warc_record(
        "response",
        "https://gazette.example/b",
        &http("200 OK", "text/html", second.as_bytes()),
    )));
    out
}

#[test]
fn warc_gz_with_a_corrupt_record() {
    let d = Dir::new();
    let p = d.create("crawl.warc.gz", warc_gz());
    let o = d.run(&["extract", "--jsonl", p.to_str().unwrap()], "");
    assert_ok(&o);
    let rs = lines(&stdout(&o));
    let ok: Vec<&Value> = rs.iter().filter(|r| r.get("error").is_none()).collect();
    let errors: Vec<&Value> = rs.iter().filter(|r| r.get("error").is_some()).collect();
    assert_eq!(ok.len(), 2, "{rs:?}");
    assert_eq!(ok[0]["url"], "https://gazette.example/a");
    assert_eq!(ok[1]["url"], "https://gazette.example/b");
    check_page(ok[0]);
    assert_eq!(ok[1]["title"], "Ferry fares rise in spring");
    // the crawl date is carried, never taken for the publication date
    assert_eq!(ok[0]["crawled"], "2022-02-01T12:00:00Z");
    assert_eq!(ok[0]["published"], "2022-01-07");
    // the corrupt record: an error line and a message on stderr; the rest is read
    assert_eq!(errors.len(), 1, "{rs:?}");
    assert!(errors[0]["error"].as_str().unwrap().starts_with("WARC: "));
    assert!(stderr(&o).contains("crawl.warc.gz"), "{}", stderr(&o));
    // output order is the file's order
    let pos = |r: &Value| rs.iter().position(|x| x == r).unwrap();
    assert!(pos(ok[0]) < pos(errors[0]) && pos(errors[0]) < pos(ok[1]));
}

#[test]
fn plain_warc_and_directories() {
    let d = Dir::new();
    let mut warc = Vec::new();
    warc.extend(warc_record(
        "warcinfo",
        "",
        b"software: test\r\nformat: WARC File Format 1.0\r\n",
    ));
    warc.extend(warc_record(
        "response",
        "https://gazette.example/a",
        &http("200 OK", "text/html", PAGE.as_bytes()),
    ));
    d.create("in/crawl.warc", &warc);
    d.create("in/sub/story.htm", PAGE);
    d.create("in/notes.txt", "Nothing to see here.");
    d.create("in/logo.png", b"\x89PNG");
    let o = d.run(&["extract", "--jsonl", "in"], "");
    assert_ok(&o);
    let rs = lines(&stdout(&o));
    // sorted paths: crawl.warc, notes.txt, sub/story.htm (logo.png is not read)
    assert_eq!(rs.len(), 3, "{rs:?}");
    assert_eq!(rs[0]["url"], "https://gazette.example/a");
    check_page(&rs[0]);
    assert_eq!(rs[1]["text"], "Nothing to see here.");
    check_page(&rs[2]);
}

#[test]
fn html_on_stdin_without_jsonl() {
    let d = Dir::new();
    let o = d.run(&["extract", "--json"], PAGE);
    assert_ok(&o);
    let r: Value = serde_json::from_str(&stdout(&o)).unwrap();
    check_page(&r);
}

#[test]
fn snapshot_whole_page_json() {
    let d = Dir::new();
    let p = d.create("story.html", PAGE);
    let o = d.run(&["extract", "--json", p.to_str().unwrap()], "");
    assert_ok(&o);
    let mut r: Value = serde_json::from_str(&stdout(&o)).unwrap();
    r["id"] = Value::String("story.html".into()); // the temp path differs per run
    insta::assert_json_snapshot!("web_page_json", r);
}
