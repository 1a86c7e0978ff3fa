//! `dossier bench-store`: the record's numbers on a generated corpus — ingest rate
//! (articles/s, extraction on all cores + one writer), database size per 1,000
//! articles, and search latency p50/p95 over a fixed query mix, measured at each
//! store size (default 10,000 then 100,000 articles) so growth is visible.

use crate::run;
use anyhow::{bail, Context, Result};
use dossier::{Analysis, Document, Pipeline};
use dossier_store::{Article, Reader, Scope, SearchQuery, Writer};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Instant;

#[derive(clap::Args, Debug)]
pub struct BenchStoreArgs {
    /// Store sizes to measure at, ascending (articles).
    #[arg(long, value_delimiter = ',', default_value = "10000,100000")]
    sizes: Vec<usize>,
    /// A small run (1,000 and 3,000 articles) for a smoke test.
    #[arg(long)]
    quick: bool,
    /// Search queries timed at each size.
    #[arg(long, default_value_t = 300)]
    queries: usize,
    /// Where the database goes (default: a temporary directory, removed after).
    #[arg(long)]
    dir: Option<PathBuf>,
    /// Worker threads for extraction (default: all cores).
    #[arg(long, short = 'j')]
    threads: Option<usize>,
    /// One JSON object instead of a table.
    #[arg(long)]
    json: bool,
    /// Only time searches on the database already in --dir (no ingest).
    #[arg(long, requires = "dir")]
    search_only: bool,
}

/// A deterministic generator (xorshift), so runs are comparable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, v: &'a [String]) -> &'a str {
        &v[(self.next() % v.len() as u64) as usize]
    }
}

/// Made-up words from syllables: a vocabulary with a long tail, like news.
fn vocabulary(n: usize, seed: u64) -> Vec<String> {
    const SYL: &[&str] = &[
        "ka", "ro", "mi", "len", "tor", "sa", "vi", "dan", "el", "mar", "po", "rin", "ta", "bel",
        "cor", "du", "fa", "gen", "ha", "is", "jor", "lu", "nor", "ost", "pra", "qui", "res",
        "sol", "tur", "ul", "ver", "wen",
    ];
    let mut r = Rng(seed);
    (0..n)
        .map(|_| {
            let k = 2 + (r.next() % 2) as usize;
            (0..k)
                .map(|_| SYL[(r.next() % SYL.len() as u64) as usize])
                .collect::<String>()
        })
        .collect()
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

struct Gen {
    words: Vec<String>,
    first: Vec<String>,
    last: Vec<String>,
    orgs: Vec<String>,
    rng: Rng,
}

const ROLES: &[&str] = &[
    "spokesman",
    "director",
    "economist",
    "minister",
    "analyst",
    "mayor",
];
const MEDIA: &[&str] = &["Twitter", "Telegram", "TV Rain", "Harbor Radio"];

impl Gen {
    fn new() -> Gen {
        Gen {
            words: vocabulary(20_000, 7),
            first: vocabulary(400, 11).iter().map(|w| capital(w)).collect(),
            last: vocabulary(2_000, 13).iter().map(|w| capital(w)).collect(),
            orgs: vocabulary(300, 17)
                .iter()
                .map(|w| format!("{} Institute", capital(w)))
                .collect(),
            rng: Rng(0x9e37_79b9_7f4a_7c15),
        }
    }

    fn sentence(&mut self, n: usize) -> String {
        // Zipf-ish: most words from the head of the vocabulary
        let mut s = String::new();
        for i in 0..n {
            let r = self.rng.next();
            let idx = ((r % 1000) * (r % 1000) / 1000 * self.words.len() as u64 / 1000) as usize;
            if i > 0 {
                s.push(' ');
            }
            s.push_str(&self.words[idx.min(self.words.len() - 1)]);
        }
        s
    }

    fn article(&mut self, i: usize) -> Document {
        let day = 1 + (i % 28);
        let month = 1 + (i / 28) % 12;
        let year = 2020 + (i / 336) % 6;
        let mut text = format!("{} {}\n", capital(&self.sentence(5)), i);
        for q in 0..4 {
            let name = format!(
                "{} {}",
                self.rng.pick(&self.first),
                self.rng.pick(&self.last)
            );
            let org = self.rng.pick(&self.orgs).to_string();
            let role = ROLES[(self.rng.next() % ROLES.len() as u64) as usize];
            let medium = MEDIA[(self.rng.next() % MEDIA.len() as u64) as usize];
            let body = capital(&self.sentence(12));
            let rest = self.sentence(20);
            match q % 3 {
                0 => text.push_str(&format!(
                    "\"{body},\" said {name}, a {role} at the {org}. The {rest}.\n"
                )),
                1 => text.push_str(&format!(
                    "{name} told {medium} that the {rest}. \"{body},\" he added.\n"
                )),
                _ => text.push_str(&format!(
                    "According to {name}, the {rest}. Critics of the {org} disagreed.\n"
                )),
            }
        }
        Document::new(format!("gen-{i}"), text).with_published(dossier::Date::new(
            year as i16,
            month as u8,
            day as u8,
        ))
    }
}

/// Ingest `docs` the way `dossier ingest` does: chunks analysed in parallel, one
/// writer thread committing a transaction per chunk. Returns seconds.
fn ingest(pipeline: &Pipeline, db: &Path, docs: Vec<Document>) -> Result<f64> {
    let start = Instant::now();
    let mut writer = Writer::open(db)?;
    let (tx, rx) = mpsc::sync_channel::<Vec<(Document, Analysis)>>(2);
    let w = std::thread::spawn(move || -> Result<usize> {
        let mut added = 0;
        for batch in rx {
            let arts: Vec<Article<'_>> = batch
                .iter()
                .map(|(d, a)| Article {
                    source: "bench",
                    doc: d,
                    analysis: a,
                })
                .collect();
            added += writer.write_batch(&arts)?.added;
        }
        writer.checkpoint()?;
        Ok(added)
    });
    let mut docs = docs;
    while !docs.is_empty() {
        let rest = docs.split_off(docs.len().min(256));
        let chunk = std::mem::replace(&mut docs, rest);
        let done: Vec<(Document, Analysis)> = chunk
            .into_par_iter()
            .filter_map(|d| run::analyse(pipeline, &d).map(|a| (d, a)))
            .collect();
        if tx.send(done).is_err() {
            break;
        }
    }
    drop(tx);
    w.join()
        .map_err(|_| anyhow::anyhow!("the writer panicked"))??;
    Ok(start.elapsed().as_secs_f64())
}

fn file_bytes(db: &Path) -> u64 {
    let mut n = 0;
    for suffix in ["", "-wal", "-shm"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        n += std::fs::metadata(PathBuf::from(p)).map_or(0, |m| m.len());
    }
    n
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// The query mix: common and rare words, two-word queries, phrases, prefixes, and
/// filtered searches (speaker, medium, date range, kind).
fn queries(gen: &mut Gen, n: usize) -> Vec<SearchQuery> {
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let w1 = gen.words[(gen.rng.next() % 200) as usize].clone();
        let w2 = gen.rng.pick(&gen.words).to_string();
        let mut q = SearchQuery::default();
        match i % 6 {
            0 => q.text = w1,
            1 => q.text = w2,
            2 => q.text = format!("{w1} {w2}"),
            3 => {
                q.text = format!("{}*", &w1[..w1.len().min(3)]);
                q.scope = Scope::Quotes;
            }
            4 => {
                q.text = w1;
                q.speaker = Some(gen.rng.pick(&gen.last).to_string());
            }
            _ => {
                q.text = w2;
                q.medium = Some("Telegram".into());
                q.since = Some("2021-01".into());
                q.until = Some("2023".into());
                q.kind = Some("direct".into());
            }
        }
        out.push(q);
    }
    out
}

struct Row {
    articles: usize,
    ingest_s: f64,
    articles_per_s: f64,
    bytes: u64,
    p50_ms: f64,
    p95_ms: f64,
    max_ms: f64,
}

pub fn run(args: BenchStoreArgs) -> Result<ExitCode> {
    if let Some(n) = args.threads {
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
    run::report_panics_briefly();
    let sizes = if args.quick {
        vec![1_000, 3_000]
    } else {
        args.sizes.clone()
    };
    if sizes.is_empty() || sizes.windows(2).any(|w| w[0] >= w[1]) {
        bail!("--sizes must be ascending");
    }
    let pipeline = Pipeline::builder()
        .build()
        .context("building the pipeline")?;
    let tmp;
    let dir = match &args.dir {
        Some(d) => {
            std::fs::create_dir_all(d)?;
            d.clone()
        }
        None => {
            tmp = std::env::temp_dir().join(format!("dossier-bench-store-{}", std::process::id()));
            std::fs::create_dir_all(&tmp)?;
            tmp
        }
    };
    let db = dir.join("bench.db");
    for suffix in ["", "-wal", "-shm"] {
        if args.search_only {
            break;
        }
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
    let mut gen = Gen::new();
    let threads = rayon::current_num_threads();
    let mut rows = Vec::new();
    let mut have = 0;
    let sizes = if args.search_only {
        let r = Reader::open(&db)?;
        vec![r.stats()?.articles as usize]
    } else {
        sizes
    };
    for &size in &sizes {
        let (n, secs) = if args.search_only {
            (0, f64::NAN)
        } else {
            let docs: Vec<Document> = (have..size).map(|i| gen.article(i)).collect();
            let n = docs.len();
            eprintln!("bench-store: ingesting {n} articles (store → {size}) …");
            (n, ingest(&pipeline, &db, docs)?)
        };
        have = size;
        let reader = Reader::open(&db)?;
        let qs = queries(&mut gen, args.queries);
        // warm the page cache with a few queries
        for q in qs.iter().take(10) {
            reader.search(q)?;
        }
        let mut times = Vec::with_capacity(qs.len());
        let mut by_kind: Vec<Vec<f64>> = vec![Vec::new(); 6];
        for (i, q) in qs.iter().enumerate() {
            let t = Instant::now();
            let r = reader.search(q)?;
            let ms = t.elapsed().as_secs_f64() * 1e3;
            times.push(ms);
            by_kind[i % 6].push(ms);
            std::hint::black_box(r);
        }
        times.sort_by(f64::total_cmp);
        let kinds = [
            "common word",
            "any word",
            "two words",
            "prefix*",
            "+speaker",
            "+medium+dates+kind",
        ];
        let line: Vec<String> = by_kind
            .iter_mut()
            .zip(kinds)
            .map(|(v, k)| {
                v.sort_by(f64::total_cmp);
                format!("{k} {:.1}/{:.1}", percentile(v, 0.5), percentile(v, 0.95))
            })
            .collect();
        eprintln!(
            "bench-store: {size} articles, p50/p95 ms by query kind: {}",
            line.join(", ")
        );
        rows.push(Row {
            articles: size,
            ingest_s: secs,
            articles_per_s: n as f64 / secs,
            bytes: file_bytes(&db),
            p50_ms: percentile(&times, 0.5),
            p95_ms: percentile(&times, 0.95),
            max_ms: times.last().copied().unwrap_or(0.0),
        });
    }
    if args.dir.is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
    if args.json {
        let v: Vec<_> = rows
            .iter()
            .map(|r| {
                serde_json::json!({
                    "articles": r.articles, "ingest_seconds": r.ingest_s,
                    "ingest_articles_per_s": r.articles_per_s, "db_bytes": r.bytes,
                    "bytes_per_1000_articles": r.bytes as f64 * 1000.0 / r.articles as f64,
                    "search_p50_ms": r.p50_ms, "search_p95_ms": r.p95_ms, "search_max_ms": r.max_ms,
                })
            })
            .collect();
        println!(
            "{}",
            serde_json::json!({ "threads": threads, "queries": args.queries, "sizes": v })
        );
    } else {
        println!(
            "dossier bench-store: generated corpus, {threads} extraction thread(s) + 1 writer, {} queries per size",
            args.queries
        );
        println!(
            "{:>9} {:>14} {:>12} {:>16} {:>9} {:>9} {:>9}",
            "articles", "ingest art/s", "db MB", "MB/1000 art", "p50 ms", "p95 ms", "max ms"
        );
        for r in &rows {
            println!(
                "{:>9} {:>14.0} {:>12.1} {:>16.2} {:>9.2} {:>9.2} {:>9.2}",
                r.articles,
                r.articles_per_s,
                r.bytes as f64 / 1e6,
                r.bytes as f64 / 1e6 * 1000.0 / r.articles as f64,
                r.p50_ms,
                r.p95_ms,
                r.max_ms
            );
        }
        println!("(ingest art/s: the articles added to reach that size, extraction included)");
    }
    Ok(ExitCode::SUCCESS)
}
