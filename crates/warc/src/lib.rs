//! Streaming reader for WARC files: the HTML pages of a crawl, one record at a time.
//!
//! `dossier-warc` owns the step from a `.warc` or `.warc.gz` file (one gzip member per
//! record, as Common Crawl ships, or one member for the whole file) to HTML payloads:
//! [`WarcReader`] is an iterator of `Result<`[`WarcRecord`]`, `[`WarcError`]`>` that
//! yields only `response` records with HTTP status 200 and an HTML payload, with the
//! `Transfer-Encoding: chunked` and `Content-Encoding: gzip` layers removed.
//!
//! Memory stays constant whatever the file size: records that are skipped are read
//! through and dropped; only the payload being returned is held (up to
//! [`WarcReader::max_payload`]).
//!
//! A broken record (bad header, wrong `Content-Length`, truncated or corrupt gzip
//! member) is reported as one `Err` item naming the record number and offset; the
//! reader then resynchronises on the next `WARC/` header line (or the next gzip
//! member) and goes on.
//!
//! ```
//! use dossier_warc::WarcReader;
//!
//! let http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hello</p>";
//! let warc = format!(
//!     "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/a\r\n\
//!      WARC-Date: 2022-01-07T10:00:00Z\r\nContent-Length: {}\r\n\r\n{}\r\n\r\n",
//!     http.len(), http);
//! let mut reader = WarcReader::new(warc.as_bytes());
//! let rec = reader.next().unwrap().unwrap();
//! assert_eq!(rec.target_uri.as_deref(), Some("https://example.org/a"));
//! assert_eq!(rec.content_type.as_deref(), Some("text/html; charset=utf-8"));
//! assert_eq!(rec.payload, b"<p>Hello</p>");
//! assert!(reader.next().is_none());
//! ```
#![deny(missing_docs)]

mod gz;

use std::io::{self, BufRead, BufReader, Read};

/// Everything that can go wrong in a WARC file. Each message names the record
/// (1-based number among all records) and its byte offset in the uncompressed stream.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WarcError {
    /// Reading the underlying file failed.
    #[error("record {record} at offset {offset}: I/O error: {source}")]
    Io {
        /// Record number (1-based).
        record: u64,
        /// Offset of the record in the uncompressed stream.
        offset: u64,
        /// The I/O error.
        #[source]
        source: io::Error,
    },
    /// A gzip member is corrupt or truncated; reading resumes at the next member.
    #[error("record {record} at offset {offset}: corrupt or truncated gzip member (compressed offset {compressed_offset}): {message}")]
    Gzip {
        /// Record number (1-based).
        record: u64,
        /// Offset of the record in the uncompressed stream.
        offset: u64,
        /// Offset of the broken member in the compressed file.
        compressed_offset: u64,
        /// What the decoder said.
        message: String,
    },
    /// The record header is not a WARC header.
    #[error("record {record} at offset {offset}: bad WARC header: {why}")]
    BadHeader {
        /// Record number (1-based).
        record: u64,
        /// Offset of the record in the uncompressed stream.
        offset: u64,
        /// What was wrong.
        why: String,
    },
    /// The file ended inside the record.
    #[error("record {record} at offset {offset}: truncated: {why}")]
    Truncated {
        /// Record number (1-based).
        record: u64,
        /// Offset of the record in the uncompressed stream.
        offset: u64,
        /// What was missing.
        why: String,
    },
    /// The block is not followed by the `\r\n\r\n` separator: `Content-Length` is wrong.
    #[error("record {record} at offset {offset}: Content-Length {declared} does not match the record (no record separator after the block)")]
    ContentLength {
        /// Record number (1-based).
        record: u64,
        /// Offset of the record in the uncompressed stream.
        offset: u64,
        /// The declared length.
        declared: u64,
    },
    /// The HTML payload is larger than [`WarcReader::max_payload`]; the record is skipped.
    #[error("record {record} at offset {offset}: payload of {size} bytes exceeds the limit of {limit} bytes")]
    TooLarge {
        /// Record number (1-based).
        record: u64,
        /// Offset of the record in the uncompressed stream.
        offset: u64,
        /// The payload size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The HTTP body claims `Transfer-Encoding: chunked` but is not.
    #[error("record {record} at offset {offset}: bad chunked transfer encoding")]
    Chunked {
        /// Record number (1-based).
        record: u64,
        /// Offset of the record in the uncompressed stream.
        offset: u64,
    },
}

impl WarcError {
    /// The record number (1-based) the error is about.
    pub fn record(&self) -> u64 {
        match self {
            WarcError::Io { record, .. }
            | WarcError::Gzip { record, .. }
            | WarcError::BadHeader { record, .. }
            | WarcError::Truncated { record, .. }
            | WarcError::ContentLength { record, .. }
            | WarcError::TooLarge { record, .. }
            | WarcError::Chunked { record, .. } => *record,
        }
    }
}

/// One HTML response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WarcRecord {
    /// Record number in the file (1-based, counting every record, skipped ones too).
    pub number: u64,
    /// Byte offset of the record in the uncompressed stream.
    pub offset: u64,
    /// `WARC-Target-URI`.
    pub target_uri: Option<String>,
    /// `WARC-Date` (crawl time, ISO 8601) — not the article's publication date.
    pub date: Option<String>,
    /// `WARC-Record-ID`.
    pub record_id: Option<String>,
    /// HTTP status code (always 200 for yielded records).
    pub status: u16,
    /// HTTP `Content-Type` (e.g. `text/html; charset=windows-1251`), for charset decoding.
    pub content_type: Option<String>,
    /// The HTTP body: de-chunked and un-gzipped, otherwise raw bytes as served.
    pub payload: Vec<u8>,
}

/// The decompressed input: plain, or gzip members decoded one after another.
enum Input<R: Read> {
    Plain(BufReader<R>),
    Gz(BufReader<gz::Members<R>>),
}

impl<R: Read> Read for Input<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Input::Plain(r) => r.read(buf),
            Input::Gz(r) => r.read(buf),
        }
    }
}

impl<R: Read> BufRead for Input<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        match self {
            Input::Plain(r) => r.fill_buf(),
            Input::Gz(r) => r.fill_buf(),
        }
    }
    fn consume(&mut self, n: usize) {
        match self {
            Input::Plain(r) => r.consume(n),
            Input::Gz(r) => r.consume(n),
        }
    }
}

/// Streaming WARC reader; see the [crate docs](crate).
pub struct WarcReader<R: Read> {
    input: Option<Input<R>>,
    inner: Option<R>,
    pos: u64,
    record: u64,
    /// After an error: skip to the next `WARC/` line before parsing.
    resync: bool,
    /// Bytes of the first header line already consumed while resynchronising.
    prefix: Vec<u8>,
    max_payload: u64,
    done: bool,
}

const MAX_HEADER: usize = 64 * 1024;

struct Header {
    kind: String,
    length: u64,
    uri: Option<String>,
    date: Option<String>,
    id: Option<String>,
    identified: Option<String>,
}

impl<R: Read> WarcReader<R> {
    /// A reader over `.warc` or `.warc.gz` bytes (gzip is detected from the magic
    /// bytes). Default payload limit: 64 MiB.
    pub fn new(inner: R) -> WarcReader<R> {
        WarcReader {
            input: None,
            inner: Some(inner),
            pos: 0,
            record: 0,
            resync: false,
            prefix: Vec::new(),
            max_payload: 64 << 20,
            done: false,
        }
    }

    /// Set the largest HTML payload returned (bigger ones give [`WarcError::TooLarge`]).
    pub fn max_payload(mut self, bytes: u64) -> WarcReader<R> {
        self.max_payload = bytes;
        self
    }

    fn open(&mut self) -> io::Result<()> {
        if self.input.is_some() {
            return Ok(());
        }
        let Some(inner) = self.inner.take() else {
            return Ok(());
        };
        let mut br = BufReader::with_capacity(64 * 1024, inner);
        let head = br.fill_buf()?;
        let gzip = head.len() >= 2 && head[0] == 0x1f && head[1] == 0x8b;
        self.input = Some(if gzip {
            Input::Gz(BufReader::with_capacity(64 * 1024, gz::Members::new(br)))
        } else {
            Input::Plain(br)
        });
        Ok(())
    }

    fn err_io(&self, offset: u64, e: io::Error) -> WarcError {
        if let Some(g) = e.get_ref().and_then(|x| x.downcast_ref::<gz::GzError>()) {
            return WarcError::Gzip {
                record: self.record,
                offset,
                compressed_offset: g.offset,
                message: g.message.clone(),
            };
        }
        if e.kind() == io::ErrorKind::UnexpectedEof {
            return WarcError::Truncated {
                record: self.record,
                offset,
                why: "end of file inside the record".into(),
            };
        }
        WarcError::Io {
            record: self.record,
            offset,
            source: e,
        }
    }

    /// Skip to the start of the next line beginning with `WARC/`. Returns false at EOF.
    fn skip_to_header(&mut self) -> io::Result<bool> {
        const PAT: &[u8] = b"\nWARC/";
        let Some(input) = self.input.as_mut() else {
            return Ok(false);
        };
        // The scan starts at a line start: a `WARC/` right here counts.
        let mut matched = 1usize;
        let mut errors = 0;
        loop {
            let buf = match input.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    // A broken gzip member while resynchronising: keep scanning, but
                    // give up on an error that keeps coming back.
                    errors += 1;
                    if errors > 64 {
                        return Err(e);
                    }
                    matched = 0;
                    continue;
                }
            };
            if buf.is_empty() {
                return Ok(false);
            }
            let mut used = 0;
            let mut found = false;
            for &b in buf {
                used += 1;
                if b == PAT[matched] {
                    matched += 1;
                    if matched == PAT.len() {
                        found = true;
                        break;
                    }
                } else {
                    matched = usize::from(b == b'\n');
                }
            }
            input.consume(used);
            self.pos += used as u64;
            if found {
                self.prefix = b"WARC/".to_vec();
                self.pos -= 5;
                return Ok(true);
            }
        }
    }

    fn read_line(&mut self, out: &mut Vec<u8>) -> io::Result<usize> {
        let Some(input) = self.input.as_mut() else {
            return Ok(0);
        };
        let mut total = 0;
        loop {
            let buf = input.fill_buf()?;
            if buf.is_empty() {
                return Ok(total);
            }
            let (take, done) = match memchr::memchr(b'\n', buf) {
                Some(i) => (i + 1, true),
                None => (buf.len(), false),
            };
            let room = MAX_HEADER.saturating_sub(out.len());
            out.extend_from_slice(&buf[..take.min(room)]);
            input.consume(take);
            self.pos += take as u64;
            total += take;
            if done || out.len() >= MAX_HEADER {
                return Ok(total);
            }
        }
    }

    fn read_header(&mut self, offset: u64) -> Result<Option<Header>, WarcError> {
        let mut line = std::mem::take(&mut self.prefix);
        // Skip blank lines between records.
        loop {
            let n = self
                .read_line(&mut line)
                .map_err(|e| self.err_io(offset, e))?;
            if n == 0 && line.is_empty() {
                return Ok(None);
            }
            if line.iter().all(|b| b.is_ascii_whitespace()) && n > 0 {
                line.clear();
                continue;
            }
            break;
        }
        if !line.starts_with(b"WARC/") {
            return Err(WarcError::BadHeader {
                record: self.record,
                offset,
                why: format!(
                    "expected a WARC/ version line, found {:?}",
                    String::from_utf8_lossy(&line[..line.len().min(40)])
                ),
            });
        }
        let mut h = Header {
            kind: String::new(),
            length: u64::MAX,
            uri: None,
            date: None,
            id: None,
            identified: None,
        };
        let mut total = line.len();
        loop {
            line.clear();
            let n = self
                .read_line(&mut line)
                .map_err(|e| self.err_io(offset, e))?;
            if n == 0 {
                return Err(WarcError::Truncated {
                    record: self.record,
                    offset,
                    why: "end of file inside the WARC header".into(),
                });
            }
            total += n;
            if total > MAX_HEADER {
                return Err(WarcError::BadHeader {
                    record: self.record,
                    offset,
                    why: "header longer than 64 KiB".into(),
                });
            }
            let l = String::from_utf8_lossy(&line);
            let l = l.trim_end_matches(['\r', '\n']);
            if l.is_empty() {
                break;
            }
            let Some((k, v)) = l.split_once(':') else {
                return Err(WarcError::BadHeader {
                    record: self.record,
                    offset,
                    why: format!("not a header field: {:?}", &l[..l.len().min(60)]),
                });
            };
            let v = v.trim().to_string();
            match k.trim().to_ascii_lowercase().as_str() {
                "warc-type" => h.kind = v.to_ascii_lowercase(),
                "content-length" => {
                    h.length = v.parse().map_err(|_| WarcError::BadHeader {
                        record: self.record,
                        offset,
                        why: format!("bad Content-Length {v:?}"),
                    })?
                }
                "warc-target-uri" => h.uri = Some(v.trim_matches(['<', '>']).to_string()),
                "warc-date" => h.date = Some(v),
                "warc-record-id" => h.id = Some(v),
                "warc-identified-payload-type" => h.identified = Some(v),
                _ => {}
            }
        }
        if h.length == u64::MAX {
            return Err(WarcError::BadHeader {
                record: self.record,
                offset,
                why: "no Content-Length".into(),
            });
        }
        Ok(Some(h))
    }

    /// Read `n` bytes of block into `out` (or drop them when `out` is None).
    fn read_block(&mut self, n: u64, out: Option<&mut Vec<u8>>) -> io::Result<u64> {
        let Some(input) = self.input.as_mut() else {
            return Ok(0);
        };
        let mut take = input.take(n);
        let got = match out {
            Some(v) => take.read_to_end(v)? as u64,
            None => io::copy(&mut take, &mut io::sink())?,
        };
        self.pos += got;
        Ok(got)
    }

    /// Check the `\r\n\r\n` after a block.
    fn read_trailer(&mut self) -> io::Result<bool> {
        let Some(input) = self.input.as_mut() else {
            return Ok(false);
        };
        let mut seen = 0;
        // Accept "\r\n\r\n" or (leniently) "\n\n".
        loop {
            let buf = input.fill_buf()?;
            if buf.is_empty() {
                return Ok(true);
            }
            let b = buf[0];
            if b == b'\r' || b == b'\n' {
                input.consume(1);
                self.pos += 1;
                seen += 1;
                if seen == 4 {
                    return Ok(true);
                }
            } else {
                return Ok(seen >= 2);
            }
        }
    }

    fn next_record(&mut self) -> Option<Result<WarcRecord, WarcError>> {
        if let Err(e) = self.open() {
            self.done = true;
            return Some(Err(WarcError::Io {
                record: 0,
                offset: 0,
                source: e,
            }));
        }
        loop {
            if self.resync {
                self.resync = false;
                match self.skip_to_header() {
                    Ok(true) => {}
                    Ok(false) => return None,
                    Err(e) => return Some(Err(self.err_io(self.pos, e))),
                }
            }
            let offset = self.pos;
            self.record += 1;
            let h = match self.read_header(offset) {
                Ok(Some(h)) => h,
                Ok(None) => {
                    self.record -= 1;
                    return None;
                }
                Err(e) => {
                    self.resync = true;
                    return Some(Err(e));
                }
            };
            let is_response = h.kind == "response";
            if !is_response {
                match self.read_block(h.length, None) {
                    Ok(got) if got < h.length => {
                        self.resync = true;
                        return Some(Err(WarcError::Truncated {
                            record: self.record,
                            offset,
                            why: format!("block has {got} of {} bytes", h.length),
                        }));
                    }
                    Ok(_) => {}
                    Err(e) => {
                        self.resync = true;
                        return Some(Err(self.err_io(offset, e)));
                    }
                }
                match self.read_trailer() {
                    Ok(true) => continue,
                    Ok(false) => {
                        self.resync = true;
                        return Some(Err(WarcError::ContentLength {
                            record: self.record,
                            offset,
                            declared: h.length,
                        }));
                    }
                    Err(e) => {
                        self.resync = true;
                        return Some(Err(self.err_io(offset, e)));
                    }
                }
            }
            match self.response(h, offset) {
                Ok(Some(r)) => return Some(Ok(r)),
                Ok(None) => continue,
                Err(e) => {
                    self.resync = true;
                    return Some(Err(e));
                }
            }
        }
    }

    /// Parse a response block. `Ok(None)`: not an HTML 200 (skipped).
    fn response(&mut self, h: Header, offset: u64) -> Result<Option<WarcRecord>, WarcError> {
        let start = self.pos;
        let mut remaining = h.length;
        // HTTP status line and headers.
        let mut status = 0u16;
        let mut content_type = None;
        let mut chunked = false;
        let mut encoding = None;
        let mut first = true;
        let mut line = Vec::new();
        loop {
            if remaining == 0 {
                break;
            }
            line.clear();
            let n = self
                .read_line(&mut line)
                .map_err(|e| self.err_io(offset, e))? as u64;
            if n == 0 {
                return Err(WarcError::Truncated {
                    record: self.record,
                    offset,
                    why: "end of file inside the HTTP header".into(),
                });
            }
            if n > remaining {
                return Err(WarcError::ContentLength {
                    record: self.record,
                    offset,
                    declared: h.length,
                });
            }
            remaining -= n;
            let l = String::from_utf8_lossy(&line);
            let l = l.trim_end_matches(['\r', '\n']);
            if first {
                first = false;
                status = l
                    .split_whitespace()
                    .nth(1)
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(0);
                if !l.starts_with("HTTP/") {
                    status = 0;
                }
                continue;
            }
            if l.is_empty() {
                break;
            }
            if let Some((k, v)) = l.split_once(':') {
                let v = v.trim();
                match k.trim().to_ascii_lowercase().as_str() {
                    "content-type" => content_type = Some(v.to_string()),
                    "transfer-encoding" => chunked = v.to_ascii_lowercase().contains("chunked"),
                    "content-encoding" => encoding = Some(v.to_ascii_lowercase()),
                    _ => {}
                }
            }
        }
        let html_type = |t: &str| {
            let t = t.to_ascii_lowercase();
            t.contains("html")
        };
        let is_html = match &content_type {
            Some(t) => html_type(t),
            None => h.identified.as_deref().is_some_and(html_type),
        };
        let keep = status == 200 && is_html;
        if keep && remaining > self.max_payload {
            self.skip_rest(remaining, offset, h.length)?;
            return Err(WarcError::TooLarge {
                record: self.record,
                offset,
                size: remaining,
                limit: self.max_payload,
            });
        }
        if !keep {
            self.skip_rest(remaining, offset, h.length)?;
            return Ok(None);
        }
        let mut payload = Vec::with_capacity(remaining.min(1 << 20) as usize);
        let got = self
            .read_block(remaining, Some(&mut payload))
            .map_err(|e| self.err_io(offset, e))?;
        if got < remaining {
            return Err(WarcError::Truncated {
                record: self.record,
                offset,
                why: format!("block has {} of {} bytes", self.pos - start, h.length),
            });
        }
        if !self.read_trailer().map_err(|e| self.err_io(offset, e))? {
            return Err(WarcError::ContentLength {
                record: self.record,
                offset,
                declared: h.length,
            });
        }
        if chunked {
            payload = dechunk(&payload).ok_or(WarcError::Chunked {
                record: self.record,
                offset,
            })?;
        }
        if let Some(enc) = encoding.as_deref() {
            if enc.contains("gzip") || enc.contains("deflate") {
                let mut out = Vec::new();
                let ok = if enc.contains("gzip") {
                    flate2::read::MultiGzDecoder::new(&payload[..])
                        .take(self.max_payload)
                        .read_to_end(&mut out)
                        .is_ok()
                } else {
                    flate2::read::ZlibDecoder::new(&payload[..])
                        .take(self.max_payload)
                        .read_to_end(&mut out)
                        .is_ok()
                };
                if ok {
                    payload = out;
                }
            }
        }
        Ok(Some(WarcRecord {
            number: self.record,
            offset,
            target_uri: h.uri,
            date: h.date,
            record_id: h.id,
            status,
            content_type,
            payload,
        }))
    }

    fn skip_rest(&mut self, remaining: u64, offset: u64, declared: u64) -> Result<(), WarcError> {
        let got = self
            .read_block(remaining, None)
            .map_err(|e| self.err_io(offset, e))?;
        if got < remaining {
            return Err(WarcError::Truncated {
                record: self.record,
                offset,
                why: format!("block ends {} bytes early", remaining - got),
            });
        }
        if !self.read_trailer().map_err(|e| self.err_io(offset, e))? {
            return Err(WarcError::ContentLength {
                record: self.record,
                offset,
                declared,
            });
        }
        Ok(())
    }
}

impl<R: Read> Iterator for WarcReader<R> {
    type Item = Result<WarcRecord, WarcError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let r = self.next_record();
        if r.is_none() {
            self.done = true;
        }
        r
    }
}

/// Remove HTTP/1.1 chunked transfer encoding. `None` when malformed.
pub fn dechunk(mut b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(b.len());
    loop {
        let nl = memchr::memchr(b'\n', b)?;
        let line = std::str::from_utf8(&b[..nl]).ok()?;
        let size_str = line.trim().split(';').next()?.trim();
        let size = usize::from_str_radix(size_str, 16).ok()?;
        b = &b[nl + 1..];
        if size == 0 {
            return Some(out);
        }
        if b.len() < size {
            return None;
        }
        out.extend_from_slice(&b[..size]);
        b = &b[size..];
        b = b
            .strip_prefix(b"\r\n")
            .or_else(|| b.strip_prefix(b"\n"))
            .unwrap_or(b);
        if b.is_empty() {
            // Missing final zero chunk: accept what we have.
            return Some(out);
        }
    }
}
