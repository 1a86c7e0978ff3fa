//! The averaged structured perceptron: hashed emission weights, BIO transitions, Viterbi.
//!
//! Weights file (`data/model.bin`, uncompressed; `.gz` files are read too): a UTF-8
//! provenance header ending in a NUL byte, then `DOSENT01`, `bits: u32`, `classes: u32`,
//! transitions `(classes + 1) * classes` and emissions `(1 << bits) * classes` as
//! little-endian `i16`.
//!
//! The shipped weights are compiled into the binary and read in place
//! ([`Model::from_static`]): building a tagger copies nothing but the 132 transition
//! weights, so a process pays no decompression at start-up.

use std::borrow::Cow;
use std::io::Read;

/// Coarse labels the model predicts.
pub const LABELS: [&str; 5] = ["PERSON", "ORG", "PLACE", "NORP", "MISC"];
/// Classes: `O`, then `B-x`, `I-x` for each of [`LABELS`].
pub const NCLASS: usize = 1 + 2 * LABELS.len();

/// Class of `B-label` (`label` indexes [`LABELS`]).
pub fn b_class(label: usize) -> u8 {
    (1 + 2 * label) as u8
}

/// Label index of a non-`O` class.
pub fn label_of(class: u8) -> usize {
    (class as usize - 1) / 2
}

/// True for an `I-x` class.
pub fn is_inside(class: u8) -> bool {
    class != 0 && (class - 1) % 2 == 1
}

fn allowed(prev: Option<u8>, cur: u8) -> bool {
    if !is_inside(cur) {
        return true;
    }
    match prev {
        None => false,
        Some(0) => false,
        Some(p) => label_of(p) == label_of(cur),
    }
}

const MAGIC: &[u8; 8] = b"DOSENT01";

/// Loaded weights.
#[derive(Debug)]
pub struct Model {
    bits: u32,
    trans: Vec<i32>,
    /// Emission weights as little-endian `i16` bytes, borrowed from the binary when the
    /// weights are the shipped ones.
    emit: Cow<'static, [u8]>,
}

/// Where the emission bytes start in a weights file, and its `bits`. `None` when the
/// file is malformed.
fn layout(raw: &[u8]) -> Option<(usize, u32, Vec<i16>)> {
    let nul = raw.iter().position(|&b| b == 0)?;
    let body = &raw[nul + 1..];
    if body.len() < 16 || &body[..8] != MAGIC {
        return None;
    }
    let bits = u32::from_le_bytes(body[8..12].try_into().ok()?);
    let classes = u32::from_le_bytes(body[12..16].try_into().ok()?) as usize;
    if classes != NCLASS || bits > 24 {
        return None;
    }
    let nt = (NCLASS + 1) * NCLASS;
    let ne = (1usize << bits) * NCLASS;
    let data = &body[16..];
    if data.len() != 2 * (nt + ne) {
        return None;
    }
    let trans: Vec<i16> = data[..2 * nt]
        .chunks_exact(2)
        .map(|c| i16::from_le_bytes([c[0], c[1]]))
        .collect();
    Some((nul + 1 + 16 + 2 * nt, bits, trans))
}

impl Model {
    /// Read an uncompressed weights file in place (no copy of the emissions).
    pub fn from_static(raw: &'static [u8]) -> Option<Model> {
        let (at, bits, trans) = layout(raw)?;
        Some(Model {
            bits,
            trans: masked_transitions(&trans),
            emit: Cow::Borrowed(&raw[at..]),
        })
    }

    /// Parse an uncompressed weights file (copies it).
    pub fn from_bytes(raw: &[u8]) -> Option<Model> {
        let (at, bits, trans) = layout(raw)?;
        Some(Model {
            bits,
            trans: masked_transitions(&trans),
            emit: Cow::Owned(raw[at..].to_vec()),
        })
    }

    /// Parse a gzip weights file. `None` when it is malformed.
    pub fn from_gzip(bytes: &[u8]) -> Option<Model> {
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(bytes)
            .read_to_end(&mut raw)
            .ok()?;
        let (at, bits, trans) = layout(&raw)?;
        raw.drain(..at);
        Some(Model {
            bits,
            trans: masked_transitions(&trans),
            emit: Cow::Owned(raw),
        })
    }

    /// An empty model (tags nothing); used when the weights are missing.
    pub fn empty() -> Model {
        Model {
            bits: 0,
            trans: masked_transitions(&[0; (NCLASS + 1) * NCLASS]),
            emit: Cow::Owned(vec![0; 2 * NCLASS]),
        }
    }

    /// Bucket of a feature hash.
    #[inline]
    pub fn bucket(&self, h: u64) -> usize {
        bucket(h, self.bits)
    }

    /// Add the emission scores of the features `hashes` to `scores`.
    #[inline]
    pub fn emission(&self, hashes: &[u64], scores: &mut [i32; NCLASS]) {
        for &h in hashes {
            let b = self.bucket(h) * NCLASS * 2;
            let Some(row) = self.emit.get(b..b + 2 * NCLASS) else {
                continue;
            };
            for (s, w) in scores.iter_mut().zip(row.chunks_exact(2)) {
                *s += i16::from_le_bytes([w[0], w[1]]) as i32;
            }
        }
    }

    /// Best class sequence for a segment (BIO-constrained).
    pub fn viterbi(&self, emissions: &[[i32; NCLASS]]) -> Vec<u8> {
        let n = emissions.len();
        if n == 0 {
            return Vec::new();
        }
        let mut back = vec![[0u8; NCLASS]; n];
        let mut prev = [NEG; NCLASS];
        for (c, p) in prev.iter_mut().enumerate() {
            *p = emissions[0][c].saturating_add(self.trans[NCLASS * NCLASS + c]);
        }
        for i in 1..n {
            let mut cur = [NEG; NCLASS];
            for c in 0..NCLASS {
                let (mut best, mut arg) = (i32::MIN, 0u8);
                for (p, &sp) in prev.iter().enumerate() {
                    let s = sp.saturating_add(self.trans[p * NCLASS + c]);
                    if s > best {
                        best = s;
                        arg = p as u8;
                    }
                }
                cur[c] = best.saturating_add(emissions[i][c]);
                back[i][c] = arg;
            }
            prev = cur;
        }
        let mut last = 0u8;
        for c in 1..NCLASS {
            if prev[c] > prev[last as usize] {
                last = c as u8;
            }
        }
        let mut out = vec![0u8; n];
        out[n - 1] = last;
        for i in (1..n).rev() {
            out[i - 1] = back[i][out[i] as usize];
        }
        out
    }
}

/// Score of a forbidden transition.
const NEG: i32 = -(1 << 28);

/// Transitions as `i32`, with BIO-forbidden moves set to [`NEG`].
fn masked_transitions(raw: &[i16]) -> Vec<i32> {
    let mut t: Vec<i32> = raw.iter().map(|&v| v as i32).collect();
    for p in 0..=NCLASS {
        for c in 0..NCLASS as u8 {
            let prev = (p < NCLASS).then_some(p as u8);
            if !allowed(prev, c) {
                t[p * NCLASS + c as usize] = NEG;
            }
        }
    }
    t
}

#[inline]
fn bucket(h: u64, bits: u32) -> usize {
    if bits == 0 {
        0
    } else {
        (h >> (64 - bits)) as usize
    }
}

fn viterbi<T: std::ops::Add<Output = T> + PartialOrd + Copy + Default>(
    emissions: &[[T; NCLASS]],
    trans: impl Fn(Option<u8>, u8) -> T,
) -> Vec<u8> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    let mut score: Vec<[Option<T>; NCLASS]> = vec![[None; NCLASS]; n];
    let mut back = vec![[0u8; NCLASS]; n];
    for c in 0..NCLASS as u8 {
        if allowed(None, c) {
            score[0][c as usize] = Some(emissions[0][c as usize] + trans(None, c));
        }
    }
    for i in 1..n {
        for c in 0..NCLASS as u8 {
            let mut best: Option<(T, u8)> = None;
            for p in 0..NCLASS as u8 {
                let Some(sp) = score[i - 1][p as usize] else {
                    continue;
                };
                if !allowed(Some(p), c) {
                    continue;
                }
                let s = sp + trans(Some(p), c);
                if best.is_none_or(|(b, _)| s > b) {
                    best = Some((s, p));
                }
            }
            if let Some((s, p)) = best {
                score[i][c as usize] = Some(s + emissions[i][c as usize]);
                back[i][c as usize] = p;
            }
        }
    }
    let mut last = 0u8;
    let mut best: Option<T> = None;
    for (c, sc) in score[n - 1].iter().enumerate() {
        if let Some(s) = *sc {
            if best.is_none_or(|b| s > b) {
                best = Some(s);
                last = c as u8;
            }
        }
    }
    let mut out = vec![0u8; n];
    out[n - 1] = last;
    for i in (1..n).rev() {
        out[i - 1] = back[i][out[i] as usize];
    }
    out
}

/// Training (used by `examples/train.rs`; not part of the tagging path).
#[doc(hidden)]
pub mod train {
    use super::*;
    use std::io::Write;

    /// An averaged structured perceptron under training.
    pub struct Trainer {
        bits: u32,
        w: Vec<f32>,
        acc: Vec<f64>,
        ts: Vec<u32>,
        step: u32,
    }

    impl Trainer {
        /// A zero model with `1 << bits` feature buckets.
        pub fn new(bits: u32) -> Trainer {
            let n = (NCLASS + 1) * NCLASS + (1usize << bits) * NCLASS;
            Trainer {
                bits,
                w: vec![0.0; n],
                acc: vec![0.0; n],
                ts: vec![0; n],
                step: 0,
            }
        }

        fn t_index(p: Option<u8>, c: u8) -> usize {
            p.map_or(NCLASS, |p| p as usize) * NCLASS + c as usize
        }

        fn e_index(&self, h: u64, c: u8) -> usize {
            (NCLASS + 1) * NCLASS + bucket(h, self.bits) * NCLASS + c as usize
        }

        fn bump(&mut self, k: usize, d: f32) {
            self.acc[k] += (self.step - self.ts[k]) as f64 * self.w[k] as f64;
            self.ts[k] = self.step;
            self.w[k] += d;
        }

        /// Predict one segment (features per token), compare with `gold`, update.
        /// Returns the number of wrong tokens.
        pub fn learn(&mut self, feats: &[Vec<u64>], gold: &[u8]) -> usize {
            self.step += 1;
            let em: Vec<[f32; NCLASS]> = feats
                .iter()
                .map(|fs| {
                    let mut s = [0f32; NCLASS];
                    for &h in fs {
                        let b = (NCLASS + 1) * NCLASS + bucket(h, self.bits) * NCLASS;
                        for (c, v) in s.iter_mut().enumerate() {
                            *v += self.w[b + c];
                        }
                    }
                    s
                })
                .collect();
            let w = &self.w;
            let pred = viterbi(&em, |p, c| w[Self::t_index(p, c)]);
            let mut wrong = 0;
            for i in 0..gold.len() {
                let gp = if i == 0 { None } else { Some(gold[i - 1]) };
                let pp = if i == 0 { None } else { Some(pred[i - 1]) };
                if gold[i] != pred[i] {
                    wrong += 1;
                    for &h in &feats[i] {
                        let g = self.e_index(h, gold[i]);
                        let p = self.e_index(h, pred[i]);
                        self.bump(g, 1.0);
                        self.bump(p, -1.0);
                    }
                }
                if gold[i] != pred[i] || gp != pp {
                    self.bump(Self::t_index(gp, gold[i]), 1.0);
                    self.bump(Self::t_index(pp, pred[i]), -1.0);
                }
            }
            wrong
        }

        /// Averaged weights, quantised to `i16`, written as an uncompressed weights file.
        pub fn write(&self, header: &str, out: impl Write) -> std::io::Result<()> {
            let t = self.step.max(1) as f64;
            let avg: Vec<f64> = (0..self.w.len())
                .map(|k| (self.acc[k] + (self.step - self.ts[k]) as f64 * self.w[k] as f64) / t)
                .collect();
            let max = avg.iter().fold(0f64, |m, v| m.max(v.abs())).max(1e-9);
            let scale = 32000.0 / max;
            let mut gz = std::io::BufWriter::new(out);
            gz.write_all(header.as_bytes())?;
            gz.write_all(&[0])?;
            gz.write_all(MAGIC)?;
            gz.write_all(&self.bits.to_le_bytes())?;
            gz.write_all(&(NCLASS as u32).to_le_bytes())?;
            let mut buf = Vec::with_capacity(avg.len() * 2);
            for v in avg {
                buf.extend_from_slice(&((v * scale).round() as i16).to_le_bytes());
            }
            gz.write_all(&buf)?;
            gz.flush()?;
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_respects_bio() {
        // token 0 prefers I-PERSON (not allowed at start), token 1 O.
        let mut e = [[0i32; NCLASS]; 2];
        e[0][2] = 10;
        e[0][1] = 5;
        e[1][2] = 3;
        let m = Model::empty();
        let tags = m.viterbi(&e);
        assert_eq!(tags, vec![1, 2]);
    }
}
