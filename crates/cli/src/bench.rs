//! `dossier bench`: throughput of the whole extract path (analysis and JSON
//! serialisation) in MB/s of plain text, on one core and on all cores, plus peak
//! memory; `--stream-gb` pushes generated JSON Lines through the same chunked batch
//! path as `extract --jsonl` into a null sink and samples the resident set size, to
//! show that memory stays flat however long the stream.

use crate::input::{self, Item};
use crate::run::{self, Mode, OutErr, Sink};
use anyhow::{bail, Context, Result};
use dossier::{Document, Pipeline};
use dossier_output::wire;
use rayon::prelude::*;
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// The default corpus, relative to the project root, used when present.
const DEFAULT_CORPUS: &str = "../shared/data/polnear/train/text";

#[derive(clap::Args, Debug)]
pub struct BenchArgs {
    /// A directory of .txt articles (default: ../shared/data/polnear/train/text when
    /// present, else a generated corpus).
    #[arg(long)]
    corpus: Option<PathBuf>,
    /// Use a generated corpus of this many megabytes (default when no corpus is
    /// found: 8).
    #[arg(long, conflicts_with = "corpus")]
    generated_mb: Option<f64>,
    /// A small, fast run on a generated corpus (0.25 MB; for smoke tests).
    #[arg(long)]
    quick: bool,
    /// Also stream this many GB of generated JSON Lines through the batch path.
    #[arg(long)]
    stream_gb: Option<f64>,
    /// Also stream a generated `.warc.gz` of this many GB (uncompressed WARC) through
    /// the WARC reader and the HTML extractor, sampling resident memory.
    #[arg(long)]
    warc_gb: Option<f64>,
    /// The all-core run's thread count (default: all cores).
    #[arg(long, short = 'j')]
    threads: Option<usize>,
    /// Run a peer side by side on the same documents (one core) and report the
    /// throughput ratio: `textacy` (spaCy's small English model + textacy's
    /// direct-quotation extractor, via scripts/peer_textacy.py; the Python is
    /// $DOSSIER_PEER_PYTHON or python3; see scripts/install-peers.sh).
    #[arg(long, value_parser = ["textacy"])]
    peer: Option<String>,
    /// Megabytes of the corpus the peer gets (it is slow; default 0.5).
    #[arg(long, default_value_t = 0.5)]
    peer_mb: f64,
    /// One JSON object instead of a table.
    #[arg(long)]
    json: bool,
}

/// One timed pass over the corpus.
struct Pass {
    threads: usize,
    seconds: f64,
    /// CPU seconds (user + system) the process spent in the pass: on a shared, noisy
    /// machine MB per CPU-second is steadier than MB per wall second.
    cpu_seconds: Option<f64>,
    mb_per_s: f64,
    output_mb: f64,
    /// Documents on which a stage panicked (counted, not timed out of the pass).
    panics: usize,
}

pub fn run(args: BenchArgs) -> Result<ExitCode> {
    run::report_panics_briefly();
    let pipeline = Pipeline::builder()
        .build()
        .context("building the pipeline")?;
    let (label, docs) = corpus(&args)?;
    if docs.is_empty() {
        bail!("the corpus is empty");
    }
    let text_bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let all = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let mut sizes = vec![1];
    if all > 1 {
        sizes.push(all);
    }
    // warm up (lexicons, allocator, page cache) on a slice of the corpus
    let warm = &docs[..docs.len().min(20)];
    let _ = time_pass(&pipeline, warm, 1)?;
    let mut passes = Vec::new();
    for &n in &sizes {
        passes.push(time_pass(&pipeline, &docs, n)?);
    }
    let mb = text_bytes as f64 / 1e6;
    for p in &mut passes {
        p.mb_per_s = mb / p.seconds.max(1e-9);
    }
    let peak = memory("VmHWM");
    let peer = match &args.peer {
        Some(name) => Some(peer_pass(&pipeline, name, &docs, args.peer_mb)),
        None => None,
    };
    let stream = match args.stream_gb {
        Some(gb) if gb > 0.0 => Some(stream(&pipeline, gb, all)?),
        _ => None,
    };

    let warc = match args.warc_gb {
        Some(gb) if gb > 0.0 => Some(crate::bench_warc::run(gb, all)?),
        _ => None,
    };

    if args.json {
        let v = serde_json::json!({
            "corpus": label,
            "documents": docs.len(),
            "text_mb": mb,
            "passes": passes.iter().map(|p| serde_json::json!({
                "threads": p.threads,
                "seconds": p.seconds,
                "mb_per_s": p.mb_per_s,
                "cpu_seconds": p.cpu_seconds,
                "mb_per_cpu_s": p.cpu_seconds.map(|c| mb / c.max(1e-9)),
                "output_mb": p.output_mb,
                "panics": p.panics,
            })).collect::<Vec<_>>(),
            "peak_rss_mb": peak.map(|k| k as f64 / 1024.0),
            "peer": peer.as_ref().map(|p| match p {
                Ok(p) => serde_json::json!({
                    "peer": p.label,
                    "documents": p.documents,
                    "text_mb": p.mb,
                    "peer_mb_per_s": p.peer_mb_per_s,
                    "peer_mb_per_cpu_s": p.peer_mb_per_cpu_s,
                    "dossier_mb_per_s": p.ours_mb_per_s,
                    "dossier_mb_per_cpu_s": p.ours_mb_per_cpu_s,
                    "ratio": p.ratio(),
                }),
                Err(e) => serde_json::json!({"skipped": e}),
            }),
            "stream": stream.as_ref().map(|s| serde_json::json!({
                "gb": s.gb,
                "documents": s.documents,
                "seconds": s.seconds,
                "mb_per_s": s.gb * 1000.0 / s.seconds.max(1e-9),
                "rss_mb": rss_json(&s.samples),
                "peak_rss_mb": s.peak_kb.map(|k| k as f64 / 1024.0),
            })),
            "warc": warc.as_ref().map(|w| serde_json::json!({
                "warc_gb": w.gb,
                "warc_gz_gb": w.gz_gb,
                "records": w.records,
                "pages": w.pages,
                "errors": w.errors,
                "text_mb": w.text_mb,
                "seconds": w.seconds,
                "mb_per_s": w.gb * 1000.0 / w.seconds.max(1e-9),
                "rss_mb": rss_json(&w.samples),
                "peak_rss_mb": w.peak_kb.map(|k| k as f64 / 1024.0),
            })),
        });
        println!("{v}");
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "dossier bench: {label}, {} documents, {mb:.1} MB of text",
        docs.len()
    );
    println!("(extract + JSON serialisation; MB = 10^6 bytes of input text)\n");
    println!(
        "{:>8}  {:>9}  {:>8}  {:>9}  {:>12}  {:>10}  {:>7}",
        "threads", "seconds", "MB/s", "CPU s", "MB/CPU-s", "output MB", "panics"
    );
    for p in &passes {
        let (cpu, per_cpu) = match p.cpu_seconds {
            Some(c) => (format!("{c:.2}"), format!("{:.2}", mb / c.max(1e-9))),
            None => ("-".into(), "-".into()),
        };
        println!(
            "{:>8}  {:>9.2}  {:>8.2}  {:>9}  {:>12}  {:>10.1}  {:>7}",
            p.threads, p.seconds, p.mb_per_s, cpu, per_cpu, p.output_mb, p.panics
        );
    }
    println!("(MB/CPU-s: input MB per CPU-second of this process, steadier than wall time on a shared machine)");
    match &peer {
        Some(Ok(p)) => {
            println!(
                "\nside by side, one core, the same {} documents ({:.2} MB):",
                p.documents, p.mb
            );
            println!("{:>44}  {:>8}  {:>10}", "", "MB/s", "MB/CPU-s");
            println!(
                "{:>44}  {:>8.3}  {:>10.3}",
                "dossier extract (all stages)", p.ours_mb_per_s, p.ours_mb_per_cpu_s
            );
            println!(
                "{:>44}  {:>8.3}  {:>10.3}",
                p.label_short(),
                p.peer_mb_per_s,
                p.peer_mb_per_cpu_s
            );
            println!("dossier is {:.0}x faster (per CPU-second)", p.ratio());
        }
        Some(Err(e)) => println!("\npeer skipped: {e}"),
        None => {}
    }
    match peak {
        Some(kb) => println!("\npeak RSS (VmHWM): {:.1} MB", kb as f64 / 1024.0),
        None => println!("\npeak RSS: unknown (no /proc/self/status)"),
    }
    if let Some(s) = stream {
        println!(
            "\nstream: {:.2} GB of JSON Lines, {} documents, {:.1} s, {:.2} MB/s, {} threads",
            s.gb,
            s.documents,
            s.seconds,
            s.gb * 1000.0 / s.seconds.max(1e-9),
            all
        );
        print_rss(
            "streamed",
            &s.samples,
            s.peak_kb,
            "peak RSS after streaming",
        );
    }
    if let Some(w) = warc {
        println!(
            "\nwarc: {:.2} GB of WARC ({:.2} GB gzip'd), {} records, {} HTML pages, {} errors, \
             {:.1} MB of article text, {:.1} s, {:.1} MB/s of WARC, {} threads",
            w.gb,
            w.gz_gb,
            w.records,
            w.pages,
            w.errors,
            w.text_mb,
            w.seconds,
            w.gb * 1000.0 / w.seconds.max(1e-9),
            all
        );
        print_rss(
            "read",
            &w.samples,
            w.peak_kb,
            "peak RSS of the whole bench process",
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The documents to time, and a label saying where they came from.
fn corpus(args: &BenchArgs) -> Result<(String, Vec<Document>)> {
    let dir = match (&args.corpus, args.quick || args.generated_mb.is_some()) {
        (Some(d), _) => Some(d.clone()),
        (None, false) => Some(PathBuf::from(DEFAULT_CORPUS)).filter(|d| d.is_dir()),
        (None, true) => None,
    };
    if let Some(dir) = dir {
        let docs = read_corpus(&dir)?;
        return Ok((format!("corpus {}", dir.display()), docs));
    }
    let mb = match (args.generated_mb, args.quick) {
        (Some(mb), _) => mb,
        (None, true) => 0.25,
        (None, false) => 8.0,
    };
    let target = (mb.max(0.01) * 1e6) as usize;
    let mut generator = Generator::new(0x5eed);
    let mut docs = Vec::new();
    let mut total = 0;
    while total < target {
        let text = generator.article();
        total += text.len();
        docs.push(Document::new(format!("gen{}", docs.len()), text));
    }
    Ok(("generated corpus (seed 0x5eed)".to_string(), docs))
}

fn read_corpus(dir: &Path) -> Result<Vec<Document>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut docs = Vec::with_capacity(files.len());
    for f in files {
        let bytes = std::fs::read(&f).with_context(|| format!("reading {}", f.display()))?;
        if let Item::Doc { doc, .. } = input::plain_document(f.display().to_string(), bytes) {
            docs.push(doc);
        }
    }
    Ok(docs)
}

/// Extract and serialise every document on a fresh pool of `threads` threads.
fn time_pass(pipeline: &Pipeline, docs: &[Document], threads: usize) -> Result<Pass> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("building a thread pool")?;
    let cpu_start = cpu_seconds();
    let start = Instant::now();
    let (out_bytes, panics): (usize, usize) = pool.install(|| {
        docs.par_iter()
            .map(|d| match run::analyse(pipeline, d) {
                Some(a) => (
                    wire::to_line(&wire::Record::from_analysis(d, &a)).len() + 1,
                    0,
                ),
                None => (0, 1),
            })
            .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1))
    });
    let seconds = start.elapsed().as_secs_f64();
    let cpu = cpu_seconds().zip(cpu_start).map(|(b, a)| b - a);
    Ok(Pass {
        threads,
        seconds,
        cpu_seconds: cpu,
        mb_per_s: 0.0,
        output_mb: out_bytes as f64 / 1e6,
        panics,
    })
}

/// A peer's run beside dossier's on the same documents.
struct PeerReport {
    label: String,
    documents: usize,
    mb: f64,
    peer_mb_per_s: f64,
    peer_mb_per_cpu_s: f64,
    ours_mb_per_s: f64,
    ours_mb_per_cpu_s: f64,
}

impl PeerReport {
    fn ratio(&self) -> f64 {
        self.ours_mb_per_cpu_s / self.peer_mb_per_cpu_s.max(1e-12)
    }
    fn label_short(&self) -> String {
        self.label.chars().take(44).collect()
    }
}

/// Run the peer script on the first `mb` megabytes of the corpus, then dossier on the
/// same documents on one core. Errors are reasons to skip, not failures.
fn peer_pass(
    pipeline: &Pipeline,
    name: &str,
    docs: &[Document],
    mb: f64,
) -> std::result::Result<PeerReport, String> {
    use std::io::Write as _;
    use std::process::{Command, Stdio};
    let script = match name {
        "textacy" => "scripts/peer_textacy.py",
        other => return Err(format!("unknown peer {other}")),
    };
    if !Path::new(script).exists() {
        return Err(format!("{script} not found (run from the project root)"));
    }
    let budget = (mb * 1e6) as usize;
    let mut subset = Vec::new();
    let mut bytes = 0;
    for d in docs {
        if bytes >= budget {
            break;
        }
        bytes += d.text.len();
        subset.push(d.clone());
    }
    let python = std::env::var("DOSSIER_PEER_PYTHON").unwrap_or_else(|_| "python3".into());
    let mut child = Command::new(&python)
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {python}: {e}"))?;
    {
        let mut stdin = child.stdin.take().ok_or("no stdin for the peer")?;
        for d in &subset {
            let line = serde_json::json!({ "text": d.text });
            writeln!(stdin, "{line}").map_err(|e| format!("writing to the peer: {e}"))?;
        }
    }
    let out = child
        .wait_with_output()
        .map_err(|e| format!("waiting for the peer: {e}"))?;
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).map_err(|e| {
        let err = String::from_utf8_lossy(&out.stderr);
        let last = err.lines().last().unwrap_or("").to_string();
        format!("the peer printed no JSON ({e}): {last}")
    })?;
    if let Some(e) = v.get("error").and_then(|e| e.as_str()) {
        return Err(e.to_string());
    }
    let get = |k: &str| v.get(k).and_then(|x| x.as_f64()).unwrap_or(0.0);
    let mbs = bytes as f64 / 1e6;
    let ours = time_pass(pipeline, &subset, 1).map_err(|e| e.to_string())?;
    Ok(PeerReport {
        label: v
            .get("peer")
            .and_then(|x| x.as_str())
            .unwrap_or(name)
            .to_string(),
        documents: subset.len(),
        mb: mbs,
        peer_mb_per_s: mbs / get("seconds").max(1e-9),
        peer_mb_per_cpu_s: mbs / get("cpu_seconds").max(1e-9),
        ours_mb_per_s: mbs / ours.seconds.max(1e-9),
        ours_mb_per_cpu_s: mbs / ours.cpu_seconds.unwrap_or(ours.seconds).max(1e-9),
    })
}

/// CPU time of this process (user + system) in seconds, from /proc/self/stat.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // the command name may contain spaces: fields are counted after its ')'
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // fields 14 and 15 of the whole line (utime, stime) are 12 and 13 here
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    // USER_HZ is 100 on every Linux ABI dossier runs on
    Some((utime + stime) / 100.0)
}

/// A field of /proc/self/status in kB (`VmHWM` peak, `VmRSS` current).
pub(crate) fn memory(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status.lines().find_map(|l| {
        let rest = l.strip_prefix(field)?.strip_prefix(':')?;
        rest.trim().trim_end_matches("kB").trim().parse().ok()
    })
}

struct StreamReport {
    gb: f64,
    documents: u64,
    seconds: f64,
    /// (GB read so far, VmRSS in kB)
    samples: Vec<(f64, u64)>,
    peak_kb: Option<u64>,
}

/// RSS samples (GB so far, kB) as a table, then the peak.
fn print_rss(what: &str, samples: &[(f64, u64)], peak_kb: Option<u64>, peak_label: &str) {
    println!("{what:>10}  {:>8}", "RSS MB");
    for (gb, kb) in samples {
        println!("{:>8.2} GB  {:>8.1}", gb, *kb as f64 / 1024.0);
    }
    if let Some(kb) = peak_kb {
        println!("{peak_label} (VmHWM): {:.1} MB", kb as f64 / 1024.0);
    }
}

/// RSS samples (GB so far, kB) as JSON.
fn rss_json(samples: &[(f64, u64)]) -> Vec<serde_json::Value> {
    samples
        .iter()
        .map(|(gb, kb)| serde_json::json!({"gb": gb, "rss_mb": *kb as f64 / 1024.0}))
        .collect()
}

/// Stream `gb` GB of generated JSON Lines through the batch path into a null sink.
fn stream(pipeline: &Pipeline, gb: f64, threads: usize) -> Result<StreamReport> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("building a thread pool")?;
    let total = (gb * 1e9) as u64;
    let mut source = JsonlSource::new(total);
    let start = Instant::now();
    let outcome = pool.install(|| -> Result<Result<(), OutErr>> {
        let mut reader = BufReader::with_capacity(1 << 16, &mut source);
        let mut sink = Sink::new(Box::new(io::sink()), Mode::Jsonl);
        let mut chunk: Vec<Item> = Vec::new();
        let mut bytes = 0usize;
        let r = run::pump_jsonl(&mut reader, pipeline, &mut sink, &mut chunk, &mut bytes)?;
        if let Err(e) = r {
            return Ok(Err(e));
        }
        if let Err(e) = sink.flush_chunk(pipeline, &mut chunk) {
            return Ok(Err(e));
        }
        Ok(sink.flush())
    })?;
    if let Err(OutErr::Io(e)) = outcome {
        return Err(anyhow::Error::new(e).context("writing to the null sink"));
    }
    let seconds = start.elapsed().as_secs_f64();
    let mut samples = source.samples;
    if let Some(kb) = memory("VmRSS") {
        samples.push((source.produced as f64 / 1e9, kb));
    }
    Ok(StreamReport {
        gb: source.produced as f64 / 1e9,
        documents: source.documents,
        seconds,
        samples,
        peak_kb: memory("VmHWM"),
    })
}

/// Generated JSON Lines, produced on demand; samples VmRSS every 1/10 of the stream.
struct JsonlSource {
    generator: Generator,
    total: u64,
    produced: u64,
    documents: u64,
    pending: Vec<u8>,
    pos: usize,
    next_sample: u64,
    step: u64,
    samples: Vec<(f64, u64)>,
}

impl JsonlSource {
    fn new(total: u64) -> JsonlSource {
        let step = (total / 10).max(1);
        JsonlSource {
            generator: Generator::new(0x57_2ea3),
            total,
            produced: 0,
            documents: 0,
            pending: Vec::new(),
            pos: 0,
            next_sample: 0,
            step,
            samples: Vec::new(),
        }
    }
}

impl Read for JsonlSource {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.pos >= self.pending.len() {
            if self.produced >= self.total {
                return Ok(0);
            }
            if self.produced >= self.next_sample {
                if let Some(kb) = memory("VmRSS") {
                    self.samples.push((self.produced as f64 / 1e9, kb));
                }
                self.next_sample += self.step;
            }
            let text = self.generator.article();
            let published = self.generator.date();
            let line = serde_json::json!({
                "id": format!("s{}", self.documents),
                "text": text,
                "published": published,
            });
            self.pending.clear();
            serde_json::to_writer(&mut self.pending, &line).map_err(io::Error::other)?;
            self.pending.push(b'\n');
            self.pos = 0;
            self.documents += 1;
        }
        let n = buf.len().min(self.pending.len() - self.pos);
        buf[..n].copy_from_slice(&self.pending[self.pos..self.pos + n]);
        self.pos += n;
        self.produced += n as u64;
        Ok(n)
    }
}

/// A deterministic generator of news-like articles: headlines, bylines, datelines,
/// direct, split, mixed and indirect quotes, names, organisations, dates; no data.
pub struct Generator {
    state: u64,
}

const FIRST: &[&str] = &[
    "Maria", "Daniel", "Anna", "Jonas", "Ruth", "Lev", "Ilse", "Tom", "Dmitry", "Elena", "Samuel",
    "Aylin", "Kofi", "Mei", "Pavel", "Zoë", "José", "Ngozi",
];
const LAST: &[&str] = &[
    "Okafor",
    "Reyes",
    "Berg",
    "Field",
    "Adeyemi",
    "Sorin",
    "Varga",
    "Lindqvist",
    "Trenin",
    "Marsh",
    "Kowalski",
    "Haddad",
    "Nakamura",
    "Müller",
    "Ibáñez",
    "Osei",
];
const ORGS: &[&str] = &[
    "the port authority",
    "the Kremlin",
    "the trade ministry",
    "the union",
    "the Coastal Policy Institute",
    "the city council",
    "the central bank",
    "NATO",
];
const ROLES: &[&str] = &[
    "the union's president",
    "an economist at the Coastal Policy Institute",
    "the harbor master",
    "a spokesman for the ministry",
    "the mayor",
    "director of the Carnegie Moscow Center",
];
const CLAUSES: &[&str] = &[
    "the talks had collapsed overnight",
    "every week of closure costs the region about $40 million",
    "the offer did not cover inflation",
    "the government would not change course before the summit",
    "the ferries would run again on Friday",
    "prices had risen by 6 percent since March",
    "the decision had been made months ago",
    "nobody expected a breakthrough before the elections",
];
const QUOTES: &[&str] = &[
    "We have been patient for three years, and patience has not paid the rent",
    "This is not a local dispute any more",
    "Nobody in this room expects a breakthrough",
    "We will not sign a bad deal just to end the strike",
    "The numbers speak for themselves",
    "It is too early to say what happens next",
];
const CUES: &[&str] = &[
    "said",
    "told reporters",
    "wrote on Twitter",
    "told Harbor Radio",
    "added",
];
const WHEN: &[&str] = &[
    "on Tuesday",
    "on Wednesday",
    "last week",
    "on 3 March 2021",
    "earlier this month",
    "in 2019",
    "on Thursday evening",
];
const FILLER: &[&str] = &[
    "The harbor fell silent as 4,000 dockworkers walked off the job.",
    "Exports fell by a third in the first quarter.",
    "Talks are expected to resume next week in the capital.",
    "The strike is the first at the port since 1998.",
    "Trucks lined the coastal road for several kilometres.",
    "Officials declined to give a timetable for the reopening.",
];

impl Generator {
    /// A generator with a fixed seed: the same seed gives the same articles.
    pub fn new(seed: u64) -> Generator {
        Generator { state: seed }
    }

    fn next(&mut self) -> u64 {
        // splitmix64
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }

    /// An ISO date in 2015–2022.
    pub fn date(&mut self) -> String {
        let y = 2015 + self.next() % 8;
        let m = 1 + self.next() % 12;
        let d = 1 + self.next() % 28;
        format!("{y}-{m:02}-{d:02}")
    }

    /// One article of roughly 1–3 KB.
    pub fn article(&mut self) -> String {
        let mut s = String::with_capacity(4096);
        let (f, l) = (self.pick(FIRST), self.pick(LAST));
        let (f2, l2) = (self.pick(FIRST), self.pick(LAST));
        s.push_str(&format!(
            "{l} Warns Talks Could Drag On Into {}\n",
            self.pick(&["Spring", "Summer", "Winter"])
        ));
        s.push_str(&format!("By {} {}\n", self.pick(FIRST), self.pick(LAST)));
        s.push_str(&format!(
            "NORTHPORT (Reuters) - {} {}\n",
            self.pick(FILLER),
            self.pick(FILLER)
        ));
        let paragraphs = 6 + self.next() % 14;
        for _ in 0..paragraphs {
            let when = self.pick(WHEN);
            let p = match self.next() % 9 {
                0 => format!(
                    "\u{201C}{},\u{201D} said {f} {l}, {}, {when}.",
                    self.pick(QUOTES),
                    self.pick(ROLES)
                ),
                1 => format!(
                    "\"{},\" {l} {}. \"{}.\"",
                    self.pick(QUOTES),
                    self.pick(CUES),
                    self.pick(QUOTES)
                ),
                2 => format!("{f2} {l2} said {when} that {}.", self.pick(CLAUSES)),
                3 => format!("According to {}, {}.", self.pick(ORGS), self.pick(CLAUSES)),
                4 => format!(
                    "{l2} called the proposal \"{}\" and left the room.",
                    self.pick(&["an insult", "dead on arrival", "a good start"])
                ),
                5 => format!(
                    "\"{},\" she said, \"{}.\"",
                    self.pick(QUOTES),
                    self.pick(QUOTES)
                ),
                6 => format!(
                    "{} said in a statement {when} that {}.",
                    capitalise(self.pick(ORGS)),
                    self.pick(CLAUSES)
                ),
                7 => format!("SEE ALSO: Why The Port Matters{}", self.pick(FILLER)),
                _ => format!(
                    "{} {} {}",
                    self.pick(FILLER),
                    self.pick(FILLER),
                    self.pick(FILLER)
                ),
            };
            s.push_str(&p);
            s.push('\n');
        }
        s
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
