//! Multi-member gzip with recovery: each member is decoded in turn; a corrupt or
//! truncated member is reported once as an I/O error carrying a [`GzError`], and
//! decoding resumes at the next gzip header found in the compressed bytes.

use flate2::bufread::GzDecoder;
use std::io::{self, BufRead, BufReader, Read};

/// Why a gzip member could not be decoded.
#[derive(Debug)]
pub(crate) struct GzError {
    /// Offset of the broken member in the compressed input.
    pub offset: u64,
    /// What the decoder said.
    pub message: String,
}

impl std::fmt::Display for GzError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "gzip member at offset {}: {}", self.offset, self.message)
    }
}

impl std::error::Error for GzError {}

/// Compressed bytes of one member kept for recovery (members are small in practice).
const MAX_RECORDING: usize = 32 << 20;

/// A `BufRead` over the compressed input that counts consumed bytes, records the
/// bytes of the current member, and can replay bytes after a failed member (a
/// truncated member's decoder runs on into the next member's bytes).
pub(crate) struct Counting<R> {
    inner: BufReader<R>,
    pub pos: u64,
    replay: Vec<u8>,
    replay_pos: usize,
    recording: Option<Vec<u8>>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let avail = self.fill_buf()?;
        let n = avail.len().min(buf.len());
        buf[..n].copy_from_slice(&avail[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: Read> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.replay_pos < self.replay.len() {
            return Ok(&self.replay[self.replay_pos..]);
        }
        self.inner.fill_buf()
    }
    fn consume(&mut self, n: usize) {
        self.pos += n as u64;
        let src: &[u8] = if self.replay_pos < self.replay.len() {
            &self.replay[self.replay_pos..]
        } else {
            self.inner.buffer()
        };
        let n = n.min(src.len());
        if let Some(rec) = &mut self.recording {
            if rec.len() + n <= MAX_RECORDING {
                rec.extend_from_slice(&src[..n]);
            } else {
                self.recording = None;
            }
        }
        if self.replay_pos < self.replay.len() {
            self.replay_pos += n;
            if self.replay_pos >= self.replay.len() {
                self.replay.clear();
                self.replay_pos = 0;
            }
        } else {
            self.inner.consume(n);
        }
    }
}

impl<R> Counting<R> {
    fn start_member(&mut self) {
        self.recording = Some(Vec::new());
    }

    /// After a failed member: replay its bytes from the next gzip header inside them,
    /// if any. Returns true when one was found.
    fn recover(&mut self, member_start: u64) -> bool {
        let Some(rec) = self.recording.take() else {
            return false;
        };
        let Some(k) = rec.get(1..).and_then(|r| memchr::memmem::find(r, &MAGIC)) else {
            return false;
        };
        let k = k + 1;
        let mut replay = rec[k..].to_vec();
        replay.extend_from_slice(&self.replay[self.replay_pos..]);
        self.replay = replay;
        self.replay_pos = 0;
        self.pos = member_start + k as u64;
        true
    }
}

enum State<R> {
    /// Between members.
    Between(Counting<R>),
    /// Inside a member that started at the given offset.
    Member(Box<GzDecoder<Counting<R>>>, u64),
    /// After a corrupt member: looking for the next gzip header.
    Resync(Counting<R>),
    /// Transient (only during a state change) or after an unrecoverable error.
    Gone,
}

/// Decoded bytes of every gzip member, in order.
pub(crate) struct Members<R> {
    state: State<R>,
}

const MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];

impl<R: Read> Members<R> {
    pub fn new(inner: BufReader<R>) -> Members<R> {
        Members {
            state: State::Between(Counting {
                inner,
                pos: 0,
                replay: Vec::new(),
                replay_pos: 0,
                recording: None,
            }),
        }
    }
}

impl<R: Read> Read for Members<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        loop {
            match std::mem::replace(&mut self.state, State::Gone) {
                State::Gone => return Ok(0),
                State::Between(mut r) => {
                    let head = r.fill_buf()?;
                    if head.is_empty() {
                        self.state = State::Between(r);
                        return Ok(0);
                    }
                    if head.len() >= 3 && head[..3] == MAGIC
                        || head.len() < 3 && MAGIC.starts_with(head)
                    {
                        let at = r.pos;
                        r.start_member();
                        self.state = State::Member(Box::new(GzDecoder::new(r)), at);
                    } else {
                        // Garbage between members (or a plain tail): skip to the next header.
                        self.state = State::Resync(r);
                    }
                }
                State::Resync(mut r) => {
                    let buf2 = r.fill_buf()?;
                    if buf2.is_empty() {
                        self.state = State::Resync(r);
                        return Ok(0);
                    }
                    match memchr::memmem::find(buf2, &MAGIC) {
                        Some(i) => {
                            r.consume(i);
                            let at = r.pos;
                            r.start_member();
                            self.state = State::Member(Box::new(GzDecoder::new(r)), at);
                        }
                        None => {
                            // Keep the last two bytes: the magic may straddle buffers.
                            let n = buf2.len().saturating_sub(2).max(1);
                            r.consume(n);
                            self.state = State::Resync(r);
                        }
                    }
                }
                State::Member(mut dec, at) => match dec.read(buf) {
                    Ok(0) => {
                        let mut r = dec.into_inner();
                        r.recording = None;
                        self.state = State::Between(r);
                    }
                    Ok(n) => {
                        self.state = State::Member(dec, at);
                        return Ok(n);
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {
                        self.state = State::Member(dec, at);
                    }
                    Err(e) => {
                        let mut r = dec.into_inner();
                        if r.recover(at) {
                            self.state = State::Between(r);
                        } else {
                            // Step past the broken member's magic so the scan finds the next one.
                            if r.pos == at {
                                r.consume(1);
                            }
                            self.state = State::Resync(r);
                        }
                        let message = if e.kind() == io::ErrorKind::UnexpectedEof {
                            "truncated member".to_string()
                        } else {
                            e.to_string()
                        };
                        return Err(io::Error::new(
                            io::ErrorKind::InvalidData,
                            GzError {
                                offset: at,
                                message,
                            },
                        ));
                    }
                },
            }
        }
    }
}
