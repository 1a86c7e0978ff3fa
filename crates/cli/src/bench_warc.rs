//! `dossier bench --warc-gb N`: stream a generated `.warc.gz` of N GB (uncompressed
//! WARC bytes) through the WARC reader and the HTML extractor, and sample resident
//! memory as it goes: the reader and extractor must hold one chunk of records at a
//! time, whatever the size of the file.
//!
//! The archive is produced on demand by a [`Read`] implementation (one gzip member
//! per record, as Common Crawl ships them), so nothing is written to disk and the
//! bench measures the consumer, not the file system. The NLP stages that run after
//! extraction are measured by `--stream-gb`; this bench stops at the article text.

use std::io::{self, Read, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Instant;

use anyhow::{Context, Result};
use flate2::{write::GzEncoder, Compression};
use rayon::prelude::*;

use crate::bench::{memory, Generator};

/// What one streaming run measured.
pub struct WarcReport {
    /// Uncompressed WARC bytes produced, in GB (10^9).
    pub gb: f64,
    /// Compressed (`.warc.gz`) bytes produced, in GB.
    pub gz_gb: f64,
    /// WARC records in the stream (responses, requests, metadata, non-HTML).
    pub records: u64,
    /// HTML responses extracted.
    pub pages: u64,
    /// Records the reader reported as errors (none are generated; a check).
    pub errors: u64,
    /// Bytes of article text extracted.
    pub text_mb: f64,
    pub seconds: f64,
    /// (GB of WARC consumed so far, VmRSS in kB).
    pub samples: Vec<(f64, u64)>,
    pub peak_kb: Option<u64>,
}

/// Records extracted in parallel at a time (as `dossier extract` does).
const CHUNK: usize = 256;

pub fn run(gb: f64, threads: usize) -> Result<WarcReport> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("building a thread pool")?;
    let total = (gb * 1e9) as u64;
    let source = WarcGzSource::new(total);
    let counters = Arc::clone(&source.counters);
    let extractor = dossier_html::Extractor::new();
    let start = Instant::now();
    let mut reader = dossier_warc::WarcReader::new(source);
    let (mut pages, mut errors, mut text_bytes) = (0u64, 0u64, 0usize);
    let mut samples = Vec::new();
    let step = (total / 10).max(1);
    let mut next_sample = step;
    let mut chunk = Vec::with_capacity(CHUNK);
    loop {
        let rec = reader.next();
        let end = rec.is_none();
        match rec {
            Some(Ok(r)) => chunk.push(r),
            Some(Err(_)) => errors += 1,
            None => {}
        }
        if chunk.len() == CHUNK || (end && !chunk.is_empty()) {
            let n: usize = pool.install(|| {
                chunk
                    .par_iter()
                    .map(|r| {
                        let (html, _) = dossier_html::decode(&r.payload, r.content_type.as_deref());
                        extractor.extract(&html, r.target_uri.as_deref()).text.len()
                    })
                    .sum()
            });
            text_bytes += n;
            pages += chunk.len() as u64;
            let consumed = chunk.last().map_or(0, |r| r.offset);
            chunk.clear();
            if consumed >= next_sample {
                if let Some(kb) = memory("VmRSS") {
                    samples.push((consumed as f64 / 1e9, kb));
                }
                next_sample += step;
            }
        }
        if end {
            break;
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    let src = counters.get();
    if let Some(kb) = memory("VmRSS") {
        samples.push((src.0 as f64 / 1e9, kb));
    }
    Ok(WarcReport {
        gb: src.0 as f64 / 1e9,
        gz_gb: src.1 as f64 / 1e9,
        records: src.2,
        pages,
        errors,
        text_mb: text_bytes as f64 / 1e6,
        seconds,
        samples,
        peak_kb: memory("VmHWM"),
    })
}

/// The source's counters, shared with the bench after the reader has taken the
/// source: WARC bytes, gzip bytes, records.
#[derive(Default)]
pub struct Counters {
    warc: AtomicU64,
    gz: AtomicU64,
    records: AtomicU64,
}

impl Counters {
    fn get(&self) -> (u64, u64, u64) {
        (
            self.warc.load(Ordering::Relaxed),
            self.gz.load(Ordering::Relaxed),
            self.records.load(Ordering::Relaxed),
        )
    }
}

/// A `.warc.gz` produced on demand: a `warcinfo` record, then for every page a
/// request, a response (HTML) and a metadata record, with a non-HTML response and a
/// 404 now and then, each record its own gzip member.
pub struct WarcGzSource {
    generator: Generator,
    total: u64,
    produced: u64,
    gz_bytes: u64,
    records: u64,
    pages: u64,
    pending: Vec<u8>,
    pos: usize,
    counters: Arc<Counters>,
}

impl WarcGzSource {
    pub fn new(total: u64) -> WarcGzSource {
        let mut s = WarcGzSource {
            generator: Generator::new(0x3a7c_9e11),
            total,
            produced: 0,
            gz_bytes: 0,
            records: 0,
            pages: 0,
            pending: Vec::new(),
            pos: 0,
            counters: Arc::default(),
        };
        s.push_record("warcinfo", None, b"software: dossier bench\r\n", None);
        s
    }

    /// Append one record, gzip-compressed as its own member.
    fn push_record(&mut self, kind: &str, uri: Option<&str>, block: &[u8], ctype: Option<&str>) {
        let mut head = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{:012x}>\r\nWARC-Date: 2022-01-07T12:00:00Z\r\n",
            self.records
        );
        if let Some(u) = uri {
            head.push_str(&format!("WARC-Target-URI: {u}\r\n"));
        }
        if let Some(c) = ctype {
            head.push_str(&format!("Content-Type: {c}\r\n"));
        }
        head.push_str(&format!("Content-Length: {}\r\n\r\n", block.len()));
        let mut enc = GzEncoder::new(Vec::with_capacity(block.len() / 2), Compression::fast());
        // Writing into a Vec cannot fail.
        let _ = enc.write_all(head.as_bytes());
        let _ = enc.write_all(block);
        let _ = enc.write_all(b"\r\n\r\n");
        let gz = enc.finish().unwrap_or_default();
        self.produced += (head.len() + block.len() + 4) as u64;
        self.gz_bytes += gz.len() as u64;
        self.records += 1;
        self.pending.extend_from_slice(&gz);
        let c = &self.counters;
        c.warc.store(self.produced, Ordering::Relaxed);
        c.gz.store(self.gz_bytes, Ordering::Relaxed);
        c.records.store(self.records, Ordering::Relaxed);
    }

    /// The next page's records.
    fn push_page(&mut self) {
        self.pages += 1;
        let uri = format!(
            "https://news.example.org/{}/story-{}.html",
            self.generator.date().replace('-', "/"),
            self.pages
        );
        let req = format!(
            "GET /story-{} HTTP/1.1\r\nHost: news.example.org\r\n\r\n",
            self.pages
        );
        self.push_record(
            "request",
            Some(&uri),
            req.as_bytes(),
            Some("application/http; msgtype=request"),
        );
        let (status, ctype, body) = match self.pages % 50 {
            17 => (
                "404 Not Found",
                "text/html",
                "<html><body>Not found</body></html>".to_string(),
            ),
            33 => (
                "200 OK",
                "application/pdf",
                "%PDF-1.4 generated".to_string(),
            ),
            _ => ("200 OK", "text/html; charset=utf-8", self.page_html()),
        };
        let resp = format!(
            "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        self.push_record(
            "response",
            Some(&uri),
            resp.as_bytes(),
            Some("application/http; msgtype=response"),
        );
        self.push_record(
            "metadata",
            Some(&uri),
            b"fetchTimeMs: 120\r\n",
            Some("application/warc-fields"),
        );
    }

    /// A news page around a generated article: head metadata, navigation, the
    /// article, related links, a footer.
    fn page_html(&mut self) -> String {
        let article = self.generator.article();
        let date = self.generator.date();
        let mut lines = article.lines();
        let title = lines.next().unwrap_or("Untitled");
        let mut h = String::with_capacity(article.len() * 2 + 2048);
        h.push_str(&format!(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title} | Example News</title>\
             <meta property=\"article:published_time\" content=\"{date}T08:00:00Z\">\
             <script>window.dataLayer=[];function track(){{}}</script><style>body{{font:16px serif}}</style></head><body>\
             <header><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li>\
             <li><a href=\"/business\">Business</a></li></ul></nav></header><main><article><h1>{title}</h1>"
        ));
        for l in lines {
            h.push_str("<p>");
            h.push_str(&l.replace('&', "&amp;").replace('<', "&lt;"));
            h.push_str("</p>");
        }
        h.push_str(
            "</article><aside class=\"related\"><h2>Related</h2><ul><li><a href=\"/a\">Port strike enters second week</a></li>\
             <li><a href=\"/b\">Ministers meet unions</a></li></ul></aside></main>\
             <footer><p>© Example News. All rights reserved.</p><a href=\"/privacy\">Privacy</a></footer></body></html>",
        );
        h
    }
}

impl Read for WarcGzSource {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.pos >= self.pending.len() {
            self.pending.clear();
            self.pos = 0;
            if self.produced >= self.total {
                return Ok(0);
            }
            self.push_page();
        }
        let n = buf.len().min(self.pending.len() - self.pos);
        buf[..n].copy_from_slice(&self.pending[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_archive_reads_back_as_html_responses() {
        let source = WarcGzSource::new(400_000);
        let counters = Arc::clone(&source.counters);
        let mut r = dossier_warc::WarcReader::new(source);
        let mut html = 0;
        for rec in r.by_ref() {
            let rec = rec.expect("generated records are well formed");
            assert!(rec
                .content_type
                .as_deref()
                .unwrap_or("")
                .starts_with("text/html"));
            assert_eq!(rec.status, 200);
            html += 1;
        }
        assert!(html > 20, "{html} pages");
        let (warc, gz, records) = counters.get();
        assert!(warc >= 400_000 && gz > 0 && gz < warc, "{warc} {gz}");
        assert!(records > html as u64 * 3);
    }
}
