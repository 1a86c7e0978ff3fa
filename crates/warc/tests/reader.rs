//! WARC reader tests on fixtures generated here: every fault the reader must survive.

use dossier_warc::{WarcError, WarcReader};
use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;

fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2022-01-07T10:00:00Z\r\n\
         WARC-Record-ID: <urn:uuid:{uri}>\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http(status: &str, ctype: &str, extra: &str, body: &[u8]) -> Vec<u8> {
    let mut h = format!("HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\n{extra}\r\n").into_bytes();
    h.extend_from_slice(body);
    h
}

fn page(uri: &str, body: &str) -> Vec<u8> {
    record(
        "response",
        uri,
        &http("200 OK", "text/html; charset=utf-8", "", body.as_bytes()),
    )
}

fn gz(b: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::fast());
    e.write_all(b).unwrap();
    e.finish().unwrap()
}

/// A crawl-like file: one HTML page among the things to skip.
fn mixed() -> Vec<Vec<u8>> {
    vec![
        record("warcinfo", "", b"software: test\r\n"),
        record(
            "request",
            "https://a.example/1",
            b"GET /1 HTTP/1.1\r\nHost: a.example\r\n\r\n",
        ),
        page("https://a.example/1", "<p>one</p>"),
        record("metadata", "https://a.example/1", b"fetchTimeMs: 12\r\n"),
        record(
            "response",
            "https://a.example/img",
            &http("200 OK", "image/jpeg", "", b"\xff\xd8\xff"),
        ),
        record(
            "response",
            "https://a.example/404",
            &http("404 Not Found", "text/html", "", b"<p>gone</p>"),
        ),
        record(
            "response",
            "https://a.example/chunked",
            &http(
                "200 OK",
                "text/html",
                "Transfer-Encoding: chunked\r\n",
                b"4\r\n<p>t\r\n6\r\nwo</p>\r\n0\r\n\r\n",
            ),
        ),
    ]
}

fn ok_uris(items: &[Result<dossier_warc::WarcRecord, WarcError>]) -> Vec<String> {
    items
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|r| r.target_uri.clone().unwrap_or_default())
        .collect()
}

#[test]
fn plain_file_yields_html_200_only() {
    let data: Vec<u8> = mixed().concat();
    let items: Vec<_> = WarcReader::new(&data[..]).collect();
    assert!(items.iter().all(|r| r.is_ok()), "{items:?}");
    assert_eq!(
        ok_uris(&items),
        ["https://a.example/1", "https://a.example/chunked"]
    );
    let first = items[0].as_ref().unwrap();
    assert_eq!(first.payload, b"<p>one</p>");
    assert_eq!(first.date.as_deref(), Some("2022-01-07T10:00:00Z"));
    assert_eq!(first.number, 3);
    assert_eq!(items[1].as_ref().unwrap().payload, b"<p>two</p>");
}

#[test]
fn multi_member_gzip() {
    let data: Vec<u8> = mixed().iter().flat_map(|r| gz(r)).collect();
    let items: Vec<_> = WarcReader::new(&data[..]).collect();
    assert_eq!(
        ok_uris(&items),
        ["https://a.example/1", "https://a.example/chunked"]
    );
    // One member for the whole file works too.
    let whole = gz(&mixed().concat());
    let items: Vec<_> = WarcReader::new(&whole[..]).collect();
    assert_eq!(
        ok_uris(&items),
        ["https://a.example/1", "https://a.example/chunked"]
    );
}

#[test]
fn bad_header_is_reported_and_skipped() {
    let mut data = page("https://a.example/1", "<p>one</p>");
    data.extend_from_slice(b"GARBAGE/1.0\r\nnot a header\r\n\r\nmore garbage\r\n\r\n");
    data.extend(page("https://a.example/2", "<p>two</p>"));
    let items: Vec<_> = WarcReader::new(&data[..]).collect();
    assert_eq!(
        ok_uris(&items),
        ["https://a.example/1", "https://a.example/2"]
    );
    let err = items
        .iter()
        .find_map(|r| r.as_ref().err())
        .expect("an error");
    assert!(
        matches!(err, WarcError::BadHeader { record: 2, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("record 2"), "{err}");
}

#[test]
fn wrong_content_length_is_reported_and_skipped() {
    let mut bad = page(
        "https://a.example/bad",
        "<p>this block is longer than declared</p>",
    );
    // Declare 10 bytes fewer than the block holds.
    let s = String::from_utf8(bad.clone()).unwrap();
    let len: usize = s
        .split("Content-Length: ")
        .nth(1)
        .unwrap()
        .split("\r\n")
        .next()
        .unwrap()
        .parse()
        .unwrap();
    bad = s
        .replacen(
            &format!("Content-Length: {len}"),
            &format!("Content-Length: {}", len - 10),
            1,
        )
        .into_bytes();
    let mut data = bad;
    data.extend(page("https://a.example/2", "<p>two</p>"));
    let items: Vec<_> = WarcReader::new(&data[..]).collect();
    assert_eq!(ok_uris(&items), ["https://a.example/2"]);
    assert!(
        matches!(items[0], Err(WarcError::ContentLength { record: 1, .. })),
        "{items:?}"
    );
}

#[test]
fn truncated_gzip_member_resumes_at_next_member() {
    let first = gz(&page("https://a.example/1", "<p>one</p>"));
    let broken = gz(&page(
        "https://a.example/broken",
        &"<p>lost</p>".repeat(200),
    ));
    let last = gz(&page("https://a.example/3", "<p>three</p>"));
    let mut data = first;
    data.extend_from_slice(&broken[..broken.len() / 2]);
    data.extend(last);
    let items: Vec<_> = WarcReader::new(&data[..]).collect();
    assert_eq!(
        ok_uris(&items),
        ["https://a.example/1", "https://a.example/3"]
    );
    assert!(
        items
            .iter()
            .any(|r| matches!(r, Err(WarcError::Gzip { .. }))),
        "{items:?}"
    );
}

#[test]
fn corrupt_gzip_member_resumes_at_next_member() {
    let mut broken = gz(&page(
        "https://a.example/broken",
        &"<p>lost</p>".repeat(200),
    ));
    let mid = broken.len() / 2;
    for b in &mut broken[mid..mid + 20] {
        *b ^= 0x55;
    }
    let mut data = broken;
    data.extend(gz(&page("https://a.example/2", "<p>two</p>")));
    let items: Vec<_> = WarcReader::new(&data[..]).collect();
    assert_eq!(ok_uris(&items), ["https://a.example/2"]);
    assert!(items.iter().any(|r| r.is_err()));
}

#[test]
fn truncated_plain_file() {
    let mut data = page("https://a.example/1", "<p>one</p>");
    let cut = page("https://a.example/2", &"<p>two</p>".repeat(50));
    data.extend_from_slice(&cut[..cut.len() - 100]);
    let items: Vec<_> = WarcReader::new(&data[..]).collect();
    assert_eq!(ok_uris(&items), ["https://a.example/1"]);
    assert!(
        matches!(
            items.last(),
            Some(Err(WarcError::Truncated { record: 2, .. }))
        ),
        "{items:?}"
    );
}

#[test]
fn fifty_megabyte_page() {
    let body = format!(
        "<html><body>{}</body></html>",
        "<p>Lorem ipsum dolor sit amet.</p>\n".repeat(50 << 20 >> 5)
    );
    assert!(body.len() >= 50 << 20);
    let data = gz(&page("https://a.example/big", &body));
    let mut r = WarcReader::new(&data[..]);
    let rec = r.next().unwrap().unwrap();
    assert_eq!(rec.payload.len(), body.len());
    assert!(r.next().is_none());
    // Over the limit: reported, and the next record still comes.
    let mut data = gz(&page("https://a.example/big", &body));
    data.extend(gz(&page("https://a.example/2", "<p>two</p>")));
    let items: Vec<_> = WarcReader::new(&data[..]).max_payload(1 << 20).collect();
    assert!(matches!(items[0], Err(WarcError::TooLarge { .. })));
    assert_eq!(ok_uris(&items), ["https://a.example/2"]);
}

#[test]
fn content_encoding_gzip_payload() {
    let body = gz(b"<p>zipped</p>");
    let data = record(
        "response",
        "https://a.example/z",
        &http("200 OK", "text/html", "Content-Encoding: gzip\r\n", &body),
    );
    let rec = WarcReader::new(&data[..]).next().unwrap().unwrap();
    assert_eq!(rec.payload, b"<p>zipped</p>");
}

#[test]
fn empty_and_garbage_inputs() {
    assert!(WarcReader::new(&b""[..]).next().is_none());
    let items: Vec<_> = WarcReader::new(&b"hello world, not a warc"[..]).collect();
    assert!(items.iter().all(|r| r.is_err()) && items.len() <= 1);
    let items: Vec<_> = WarcReader::new(&[0x1f, 0x8b, 0x08, 0, 1, 2][..]).collect();
    assert!(items.iter().all(|r| r.is_err()));
}
