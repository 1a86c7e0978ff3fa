//! Hand-written features for the perceptron, hashed into a fixed table.
//!
//! **Invariant:** training (`examples/train.rs`) and tagging call the same
//! [`DocFeatures::token`], so a feature means the same bucket in both.

use crate::lexicon::FastMap;
use crate::lexicon::{Hits, Lexicon, KINDS};
use crate::token::Tok;

const K: u64 = 0x9E37_79B9_7F4A_7C15;

#[inline]
fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

#[inline]
fn mix(a: u64, b: u64) -> u64 {
    let x = (a ^ b.rotate_left(23)).wrapping_mul(K);
    x ^ (x >> 29)
}

/// Word shape: X for upper, x for lower, d for digits, other chars kept; runs capped at
/// `cap` repeats.
fn shape(word: &str, cap: usize) -> u64 {
    let mut buf = [0u8; 24];
    let mut n = 0;
    let mut last = 0u8;
    let mut run = 0;
    for c in word.chars() {
        let s = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_numeric() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'?'
        };
        if s == last {
            run += 1;
            if run >= cap {
                continue;
            }
        } else {
            run = 0;
            last = s;
        }
        if n < buf.len() {
            buf[n] = s;
            n += 1;
        }
    }
    fnv(&buf[..n])
}

/// Document-level flags of a capitalised word.
const F_LOWER_ELSEWHERE: u64 = 1;
const F_CAP_MID_ELSEWHERE: u64 = 2;

/// Per-token precomputed hashes of one document.
#[derive(Debug)]
pub struct DocFeatures {
    word: Vec<u64>,
    shape: Vec<u64>,
    sshape: Vec<u64>,
    pre3: Vec<u64>,
    suf2: Vec<u64>,
    suf3: Vec<u64>,
    flags: Vec<u64>,
    start: Vec<bool>,
    /// Lexicon hits per token.
    pub hits: Vec<Hits>,
}

fn kinds_only(h: Hits) -> u64 {
    let mut k = 0u64;
    for i in 0..KINDS {
        if h & (3 << (2 * i)) != 0 {
            k |= 1 << i;
        }
    }
    k
}

impl DocFeatures {
    /// Precompute everything that does not depend on the tags.
    pub fn new(text: &str, toks: &[Tok], lower: &[String], lex: &Lexicon) -> DocFeatures {
        let n = toks.len();
        let mut df = DocFeatures {
            word: Vec::with_capacity(n),
            shape: Vec::with_capacity(n),
            sshape: Vec::with_capacity(n),
            pre3: Vec::with_capacity(n),
            suf2: Vec::with_capacity(n),
            suf3: Vec::with_capacity(n),
            flags: vec![0; n],
            start: toks.iter().map(|t| t.sent_start).collect(),
            hits: lex.hits(toks, lower),
        };
        // (seen in lower case, seen capitalised mid-sentence) per lower-cased word
        let mut seen: FastMap<&str, (bool, u32)> = FastMap::default();
        for (t, l) in toks.iter().zip(lower) {
            if !t.word {
                continue;
            }
            let w = &text[t.start..t.end];
            let e = seen.entry(l.as_str()).or_default();
            if w.chars().next().is_some_and(|c| c.is_lowercase()) {
                e.0 = true;
            } else if !t.sent_start {
                e.1 += 1;
            }
        }
        for (i, (t, l)) in toks.iter().zip(lower).enumerate() {
            let w = &text[t.start..t.end];
            df.word.push(fnv(l.as_bytes()));
            df.shape.push(shape(w, 4));
            df.sshape.push(shape(w, 1));
            let cut = |k: usize| l.char_indices().rev().nth(k - 1).map_or(0, |(b, _)| b);
            let p3 = l.char_indices().nth(3).map_or(l.len(), |(b, _)| b);
            df.pre3.push(fnv(&l.as_bytes()[..p3]));
            df.suf2.push(fnv(&l.as_bytes()[cut(2)..]));
            df.suf3.push(fnv(&l.as_bytes()[cut(3)..]));
            if t.word && w.chars().next().is_some_and(|c| c.is_uppercase()) {
                if let Some(&(lo, cap)) = seen.get(l.as_str()) {
                    let mine = u32::from(!t.sent_start);
                    let mut f = 0;
                    if lo {
                        f |= F_LOWER_ELSEWHERE;
                    }
                    if cap > mine {
                        f |= F_CAP_MID_ELSEWHERE;
                    }
                    df.flags[i] = f;
                }
            }
        }
        df
    }

    /// Feature hashes of token `i`, pushed onto `out`.
    pub fn token(&self, i: usize, out: &mut Vec<u64>) {
        self.token_with(i, out, false)
    }

    /// Like [`DocFeatures::token`]; with `hide_word` the features that name the word
    /// itself are left out (training only: teaches the model to use context and shape for
    /// names it has not seen).
    pub fn token_with(&self, i: usize, out: &mut Vec<u64>, hide_word: bool) {
        let n = self.word.len();
        const PAD: u64 = 0x5151_5151;
        let at = |v: &Vec<u64>, j: isize| -> u64 {
            if j < 0 || j as usize >= n {
                PAD
            } else {
                v[j as usize]
            }
        };
        let ii = i as isize;
        let w0 = self.word[i];
        let s0 = self.sshape[i];
        let st = u64::from(self.start[i]);
        out.push(mix(0, 1));
        if !hide_word {
            out.push(mix(1, w0));
        }
        out.push(mix(2, at(&self.word, ii - 1)));
        out.push(mix(3, at(&self.word, ii + 1)));
        out.push(mix(4, at(&self.word, ii - 2)));
        out.push(mix(5, at(&self.word, ii + 2)));
        out.push(mix(6, self.shape[i]));
        out.push(mix(7, at(&self.sshape, ii - 1)));
        out.push(mix(8, at(&self.sshape, ii + 1)));
        out.push(mix(9, self.pre3[i]));
        out.push(mix(10, self.suf2[i]));
        out.push(mix(11, self.suf3[i]));
        out.push(mix(12, mix(st, s0)));
        out.push(mix(13, mix(at(&self.word, ii - 1), s0)));
        out.push(mix(14, mix(at(&self.word, ii + 1), s0)));
        let h = self.hits[i];
        for b in 0..(2 * KINDS) {
            if h & (1 << b) != 0 {
                out.push(mix(15, b as u64));
                out.push(mix(16, mix(b as u64, s0)));
            }
        }
        let hp = if i > 0 {
            kinds_only(self.hits[i - 1])
        } else {
            1 << 40
        };
        let hn = if i + 1 < n {
            kinds_only(self.hits[i + 1])
        } else {
            1 << 40
        };
        out.push(mix(17, hp));
        out.push(mix(18, hn));
        out.push(mix(19, mix(self.flags[i], mix(st, s0))));
        if !hide_word {
            out.push(mix(20, mix(w0, st)));
        }
        out.push(mix(
            21,
            mix(at(&self.sshape, ii - 1), mix(s0, at(&self.sshape, ii + 1))),
        ));
        if !hide_word {
            out.push(mix(22, mix(at(&self.word, ii - 1), w0)));
            out.push(mix(23, mix(w0, at(&self.word, ii + 1))));
        }
        out.push(mix(24, mix(at(&self.suf3, ii + 1), s0)));
    }
}
