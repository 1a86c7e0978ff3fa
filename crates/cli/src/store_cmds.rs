//! The record's commands: `ingest`, `search`, `who`, `quotes`, `articles`, `stats`,
//! `merge`, `split`. Extraction runs in parallel (rayon) while one writer thread
//! commits batches; queries open the database read-only.

use crate::input::{self, Item, Kind};
use crate::run;
use anyhow::{bail, Context, Result};
use dossier::{Analysis, Document, Pipeline};
use dossier_store::{
    content_hash, Article, Hit, Reader, Scope, SearchQuery, SearchResults, Snippet, Writer,
};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::collections::HashSet;
use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Instant;

/// The database flag every record command takes.
#[derive(clap::Args, Debug, Clone)]
pub struct DbArg {
    /// The database file.
    #[arg(long, default_value = "dossier.db", value_name = "PATH")]
    pub db: PathBuf,
}

#[derive(clap::Args, Debug)]
pub struct IngestArgs {
    /// Files or directories (as for `extract`); `-` reads stdin.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    db: DbArg,
    /// Articles per write transaction.
    #[arg(long, default_value_t = 256)]
    batch: usize,
    /// Worker threads for extraction (default: all cores).
    #[arg(long, short = 'j')]
    threads: Option<usize>,
    /// Never show a progress bar.
    #[arg(long)]
    quiet: bool,
}

/// Filters shared by `search` and `quotes`.
#[derive(clap::Args, Debug, Default)]
pub struct Filters {
    /// Only quotes by this person or organisation (name or alias).
    #[arg(long)]
    speaker: Option<String>,
    /// Only articles (and their quotes) mentioning this entity.
    #[arg(long)]
    entity: Option<String>,
    /// Only quotes given through this medium (Twitter, Telegram, TV Rain ...).
    #[arg(long)]
    medium: Option<String>,
    /// From this day on (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    since: Option<String>,
    /// Up to this day.
    #[arg(long)]
    until: Option<String>,
    /// Only quotes of this kind.
    #[arg(long, value_parser = ["direct", "mixed", "indirect"])]
    kind: Option<String>,
    /// Results per page.
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// Results to skip.
    #[arg(long, default_value_t = 0)]
    offset: usize,
    /// JSON out.
    #[arg(long, conflicts_with = "csv")]
    json: bool,
    /// CSV out (with a header).
    #[arg(long)]
    csv: bool,
}

#[derive(clap::Args, Debug)]
pub struct SearchArgs {
    /// Words to find ("a phrase", prefix*, OR, NOT).
    query: String,
    #[command(flatten)]
    filters: Filters,
    /// Search only quotes, only article text, or both.
    #[arg(long, default_value = "all", value_parser = ["all", "quotes", "articles"])]
    scope: String,
    #[command(flatten)]
    db: DbArg,
}

#[derive(clap::Args, Debug)]
pub struct QuotesArgs {
    #[command(flatten)]
    filters: Filters,
    #[command(flatten)]
    db: DbArg,
}

#[derive(clap::Args, Debug)]
pub struct WhoArgs {
    /// A name, surname or alias.
    name: String,
    /// Quotes to show.
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// JSON out.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    db: DbArg,
}

#[derive(clap::Args, Debug)]
pub struct ArticlesArgs {
    /// Articles per page.
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// Articles to skip.
    #[arg(long, default_value_t = 0)]
    offset: usize,
    /// Show one article (by id) with its quotes.
    #[arg(long)]
    id: Option<i64>,
    /// JSON out.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    db: DbArg,
}

#[derive(clap::Args, Debug)]
pub struct StatsArgs {
    /// JSON out.
    #[arg(long)]
    json: bool,
    /// Also run `PRAGMA integrity_check`.
    #[arg(long)]
    check: bool,
    #[command(flatten)]
    db: DbArg,
}

#[derive(clap::Args, Debug)]
pub struct MergeArgs {
    /// The entity to keep.
    keep: String,
    /// The entity folded into it (its name resolves to KEEP from now on).
    other: String,
    #[command(flatten)]
    db: DbArg,
}

#[derive(clap::Args, Debug)]
pub struct SplitArgs {
    /// A name merged into another entity by a rule, to stand on its own.
    name: String,
    #[command(flatten)]
    db: DbArg,
}

/// An analysed article on its way to the writer.
struct Done {
    source: String,
    doc: Document,
    analysis: Analysis,
}

/// Totals for the final summary.
#[derive(Default)]
struct Tally {
    added: usize,
    skipped: usize,
    failed: Vec<(String, String)>,
}

/// An input waiting in a chunk: a document, or a page whose article is extracted in
/// the parallel part (its content hash is known only then).
enum Pending {
    Doc(Document),
    Html {
        page: input::HtmlSource,
        url: Option<String>,
        published: Option<dossier::Date>,
    },
}

/// Reads inputs into chunks, analyses each chunk in parallel, hands it to the writer.
struct Feeder<'a> {
    pipeline: &'a Pipeline,
    reader: Reader,
    seen: HashSet<String>,
    chunk: Vec<(String, Pending)>,
    chunk_bytes: usize,
    batch: usize,
    tx: mpsc::SyncSender<Vec<Done>>,
    tally: Tally,
    progress: Option<ProgressBar>,
    started: Instant,
    analysed: usize,
}

impl Feeder<'_> {
    fn item(&mut self, source: String, item: Item, bytes: usize) -> Result<()> {
        if let Some(p) = &self.progress {
            p.inc(bytes as u64);
        }
        match item {
            Item::Bad { why, .. } => self.tally.failed.push((source, why)),
            Item::Doc { doc, .. } => {
                let hash = content_hash(&doc.text);
                if self.reader.contains_hash(&hash)? || !self.seen.insert(hash) {
                    self.tally.skipped += 1;
                } else {
                    self.chunk_bytes += doc.text.len();
                    self.chunk.push((source, Pending::Doc(doc)));
                    if self.chunk.len() >= self.batch || self.chunk_bytes >= 8 << 20 {
                        self.flush()?;
                    }
                }
            }
            Item::Html {
                page,
                url,
                published,
                ..
            } => {
                self.chunk_bytes += page.len();
                self.chunk.push((
                    source,
                    Pending::Html {
                        page,
                        url,
                        published,
                    },
                ));
                if self.chunk.len() >= self.batch || self.chunk_bytes >= 8 << 20 {
                    self.flush()?;
                }
            }
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        if self.chunk.is_empty() {
            return Ok(());
        }
        let pipeline = self.pipeline;
        let chunk = std::mem::take(&mut self.chunk);
        self.chunk_bytes = 0;
        type Outcome = std::result::Result<(Document, Analysis, bool), String>;
        let results: Vec<(String, Outcome)> = chunk
            .into_par_iter()
            .map(|(source, pending)| {
                let outcome =
                    match pending {
                        Pending::Doc(doc) => match run::analyse(pipeline, &doc) {
                            Some(a) => Ok((doc, a, false)),
                            None => Err("internal error: the analysis panicked (a bug in dossier)"
                                .to_string()),
                        },
                        Pending::Html {
                            page,
                            url,
                            published,
                        } => run::analyse_page(pipeline, &source, &page, url.as_deref(), published)
                            .map(|(doc, a)| (doc, a, true)),
                    };
                (source, outcome)
            })
            .collect();
        let mut done = Vec::with_capacity(results.len());
        for (source, outcome) in results {
            match outcome {
                Ok((doc, analysis, page)) => {
                    // a page's article text is known only now: skip it when stored
                    if page {
                        let hash = content_hash(&doc.text);
                        if self.reader.contains_hash(&hash)? || !self.seen.insert(hash) {
                            self.tally.skipped += 1;
                            continue;
                        }
                    }
                    done.push(Done {
                        doc: with_title(doc, &analysis),
                        source,
                        analysis,
                    })
                }
                Err(why) => self.tally.failed.push((source, why)),
            }
        }
        self.analysed += done.len();
        if let Some(p) = &self.progress {
            let secs = self.started.elapsed().as_secs_f64().max(1e-3);
            p.set_message(format!(
                "{} articles, {:.0} articles/s",
                self.analysed,
                self.analysed as f64 / secs
            ));
        }
        if self.tx.send(done).is_err() {
            bail!("the database writer stopped (see the error below)");
        }
        Ok(())
    }
}

/// A plain-text article's title: its first paragraph when that is a heading.
fn with_title(mut doc: Document, a: &Analysis) -> Document {
    if doc.title.is_some() {
        return doc;
    }
    let Some(p) = a.paragraphs.first() else {
        return doc;
    };
    let first = doc.text.get(p.span.start..p.span.end).unwrap_or("").trim();
    // a heading by the pipeline's rule, or a short first line without final punctuation
    let looks_like_title = p.heading
        || (a.paragraphs.len() > 1
            && (3..=150).contains(&first.chars().count())
            && !first.ends_with(['.', '!', '?', ':', ';', ',', '"', '\u{201d}']));
    if looks_like_title {
        doc.title = Some(first.to_string());
    }
    doc
}

fn file_len(p: &Path) -> u64 {
    std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)
}

pub fn ingest(args: IngestArgs) -> Result<ExitCode> {
    if let Some(n) = args.threads {
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
    run::report_panics_briefly();
    let pipeline = Pipeline::builder()
        .build()
        .context("building the pipeline")?;
    let db = args.db.db.clone();
    let mut writer = Writer::open(&db)?;
    let reader = Reader::open(&db)?;

    let mut files = Vec::new();
    let mut errors = Vec::new();
    let read_stdin = args.paths.iter().any(|p| p.as_os_str() == "-");
    for p in args.paths.iter().filter(|p| p.as_os_str() != "-") {
        input::expand(p, &mut files, &mut errors);
    }
    let total: u64 = files.iter().map(|f| file_len(f)).sum();
    let progress = (!args.quiet && io::stderr().is_terminal()).then(|| {
        let p = ProgressBar::new(total.max(1));
        p.set_style(
            ProgressStyle::with_template(
                "{bar:30} {percent:>3}% {msg} · elapsed {elapsed} · ETA {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        p
    });

    let (tx, rx) = mpsc::sync_channel::<Vec<Done>>(2);
    let writer_thread = std::thread::spawn(move || -> Result<(usize, usize)> {
        let (mut added, mut skipped) = (0, 0);
        for batch in rx {
            let articles: Vec<Article<'_>> = batch
                .iter()
                .map(|d| Article {
                    source: &d.source,
                    doc: &d.doc,
                    analysis: &d.analysis,
                })
                .collect();
            let out = writer.write_batch(&articles)?;
            added += out.added;
            skipped += out.skipped;
        }
        writer.checkpoint()?;
        Ok((added, skipped))
    });

    let mut feeder = Feeder {
        pipeline: &pipeline,
        reader,
        seen: HashSet::new(),
        chunk: Vec::new(),
        chunk_bytes: 0,
        batch: args.batch.max(1),
        tx,
        tally: Tally::default(),
        progress,
        started: Instant::now(),
        analysed: 0,
    };
    for e in errors {
        feeder.tally.failed.push((e, "cannot read".into()));
    }
    let fed: Result<()> = (|| {
        if read_stdin {
            let stdin = io::stdin();
            feed_jsonl_or_text(&mut feeder, "stdin", &mut stdin.lock())?;
        }
        for f in &files {
            let name = f.display().to_string();
            let file = match std::fs::File::open(f) {
                Ok(file) => file,
                Err(e) => {
                    feeder.tally.failed.push((name, e.to_string()));
                    continue;
                }
            };
            match input::kind_of(f) {
                Kind::Jsonl => {
                    let mut r = io::BufReader::new(file);
                    if let Err(e) = feed_jsonl(&mut feeder, &name, &mut r) {
                        feeder.tally.failed.push((name, format!("{e:#}")));
                    }
                }
                Kind::Warc => {
                    for rec in dossier_warc::WarcReader::new(file) {
                        match rec {
                            Ok(r) => {
                                let source = format!("{name}#{}", r.number);
                                let n = r.payload.len();
                                let item = Item::Html {
                                    id: serde_json::Value::String(source.clone()),
                                    page: input::HtmlSource::Bytes {
                                        bytes: r.payload,
                                        content_type: r.content_type,
                                    },
                                    url: r.target_uri,
                                    published: None,
                                    crawled: r.date,
                                    notes: Vec::new(),
                                };
                                feeder.item(source, item, n)?;
                            }
                            Err(e) => feeder
                                .tally
                                .failed
                                .push((format!("{name}#{}", e.record()), format!("WARC: {e}"))),
                        }
                    }
                }
                kind @ (Kind::Text | Kind::Html) => {
                    let mut all = Vec::new();
                    let mut file = file;
                    if let Err(e) = file.read_to_end(&mut all) {
                        feeder.tally.failed.push((name, e.to_string()));
                        continue;
                    }
                    let n = all.len();
                    let item = if kind == Kind::Html {
                        input::html_document(name.clone(), all)
                    } else {
                        input::plain_document(name.clone(), all)
                    };
                    feeder.item(name, item, n)?;
                }
            }
        }
        feeder.flush()
    })();
    let Feeder {
        tx,
        mut tally,
        progress,
        ..
    } = feeder;
    drop(tx);
    let written = writer_thread
        .join()
        .map_err(|_| anyhow::anyhow!("the database writer panicked"))?;
    if let Some(p) = &progress {
        p.finish_and_clear();
    }
    let (added, skipped) = written.with_context(|| format!("writing {}", db.display()))?;
    fed?;
    tally.added = added;
    tally.skipped += skipped;
    eprintln!(
        "ingest: {} added, {} skipped (already stored), {} failed → {}",
        tally.added,
        tally.skipped,
        tally.failed.len(),
        db.display()
    );
    for (source, why) in tally.failed.iter().take(20) {
        eprintln!("  failed: {source}: {why}");
    }
    if tally.failed.len() > 20 {
        eprintln!("  … and {} more", tally.failed.len() - 20);
    }
    Ok(ExitCode::SUCCESS)
}

fn feed_jsonl(feeder: &mut Feeder<'_>, name: &str, r: &mut dyn BufRead) -> Result<()> {
    let mut buf = Vec::new();
    let mut line = 0usize;
    loop {
        buf.clear();
        let n = r.read_until(b'\n', &mut buf).context("reading input")?;
        if n == 0 {
            return Ok(());
        }
        line += 1;
        if buf.last() == Some(&b'\n') {
            buf.pop();
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let item = input::parse_line(&buf);
        feeder.item(format!("{name}:{line}"), item, n)?;
    }
}

fn feed_jsonl_or_text(feeder: &mut Feeder<'_>, name: &str, r: &mut dyn BufRead) -> Result<()> {
    let peek = r.fill_buf().map(|b| b.to_vec()).unwrap_or_default();
    let peek = peek.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&peek);
    if peek.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{') {
        feed_jsonl(feeder, name, r)
    } else {
        let mut all = Vec::new();
        r.read_to_end(&mut all).context("reading stdin")?;
        let n = all.len();
        let item = input::plain_document(name.to_string(), all);
        feeder.item(name.to_string(), item, n)
    }
}

// ---------------------------------------------------------------- queries

fn color() -> bool {
    io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

fn highlight(s: &Snippet, color: bool) -> String {
    let mut out = String::new();
    for (text, hit) in s.parts() {
        let text = text.replace(['\n', '\r'], " ");
        match (hit, color) {
            (true, true) => out.push_str(&format!("\x1b[1;33m{text}\x1b[0m")),
            (true, false) => out.push_str(&format!("[{text}]")),
            (false, _) => out.push_str(&text),
        }
    }
    out
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn print_hits(res: &SearchResults, f: &Filters) -> Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if f.json {
        serde_json::to_writer_pretty(&mut out, res)?;
        writeln!(out)?;
    } else if f.csv {
        writeln!(
            out,
            "kind,quote_id,article_id,date,speaker,quote_kind,medium,title,snippet,rank"
        )?;
        for h in &res.hits {
            let o = |s: &Option<String>| csv_field(s.as_deref().unwrap_or(""));
            writeln!(
                out,
                "{},{},{},{},{},{},{},{},{},{}",
                h.kind,
                h.quote_id.map(|i| i.to_string()).unwrap_or_default(),
                h.article_id,
                o(&h.date),
                o(&h.speaker),
                o(&h.quote_kind),
                o(&h.medium),
                o(&h.title),
                csv_field(&highlight(&h.snippet, false)),
                h.rank
            )?;
        }
    } else {
        let color = color();
        if res.hits.is_empty() {
            writeln!(out, "no results")?;
        }
        for (i, h) in res.hits.iter().enumerate() {
            writeln!(out, "{:>3}. {}", res.offset + i + 1, hit_head(h))?;
            writeln!(out, "     {}", highlight(&h.snippet, color))?;
        }
        if res.more {
            writeln!(out, "… more: --offset {}", res.offset + res.hits.len())?;
        }
    }
    out.flush()?;
    Ok(())
}

fn hit_head(h: &Hit) -> String {
    let mut parts = Vec::new();
    if h.kind == "quote" {
        parts.push(h.speaker.clone().unwrap_or_else(|| "(no speaker)".into()));
        if let Some(k) = &h.quote_kind {
            parts.push(k.clone());
        }
        if let Some(m) = &h.medium {
            parts.push(m.clone());
        }
    } else {
        parts.push("article".into());
    }
    parts.push(h.date.clone().unwrap_or_else(|| "undated".into()));
    let title = h.title.clone().unwrap_or_default();
    format!(
        "{} — article {}{}",
        parts.join(" · "),
        h.article_id,
        if title.is_empty() {
            String::new()
        } else {
            format!(": {title}")
        }
    )
}

fn query_of(text: String, f: &Filters, scope: Scope) -> SearchQuery {
    SearchQuery {
        text,
        speaker: f.speaker.clone(),
        entity: f.entity.clone(),
        medium: f.medium.clone(),
        since: f.since.clone(),
        until: f.until.clone(),
        kind: f.kind.clone(),
        scope,
        limit: f.limit,
        offset: f.offset,
    }
}

pub fn search(args: SearchArgs) -> Result<ExitCode> {
    let reader = Reader::open(&args.db.db)?;
    let scope = match args.scope.as_str() {
        "quotes" => Scope::Quotes,
        "articles" => Scope::Articles,
        _ => Scope::All,
    };
    if dossier_store::fts_query(&args.query).is_none() {
        bail!("the query {:?} has no word to search for", args.query);
    }
    let res = reader.search(&query_of(args.query.clone(), &args.filters, scope))?;
    print_hits(&res, &args.filters)?;
    Ok(ExitCode::SUCCESS)
}

pub fn quotes(args: QuotesArgs) -> Result<ExitCode> {
    let reader = Reader::open(&args.db.db)?;
    let res = reader.search(&query_of(String::new(), &args.filters, Scope::Quotes))?;
    print_hits(&res, &args.filters)?;
    Ok(ExitCode::SUCCESS)
}

pub fn who(args: WhoArgs) -> Result<ExitCode> {
    let reader = Reader::open(&args.db.db)?;
    let found = reader.find_entities(&args.name, 10)?;
    let Some(first) = found.first() else {
        bail!(dossier_store::Error::NoSuchEntity(args.name));
    };
    let Some(p) = reader.profile(first.id, args.limit, 0)? else {
        bail!(dossier_store::Error::NoSuchEntity(args.name));
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if args.json {
        let others: Vec<_> = found.iter().skip(1).collect();
        serde_json::to_writer_pretty(
            &mut out,
            &serde_json::json!({ "profile": p, "also_matching": others }),
        )?;
        writeln!(out)?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let e = &p.entity;
    writeln!(
        out,
        "{} ({}, id {}) — {} article(s), {} quote(s)",
        e.name, e.label, e.id, e.articles, e.quotes
    )?;
    if !p.aliases.is_empty() {
        let a: Vec<String> = p
            .aliases
            .iter()
            .map(|a| format!("{} ({} ×{})", a.alias, a.rule, a.seen))
            .collect();
        writeln!(out, "aliases: {}", a.join(", "))?;
    }
    if !p.roles.is_empty() {
        writeln!(out, "roles:")?;
        for r in &p.roles {
            let what = [r.role.as_deref(), r.affiliation.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ");
            let when = match (&r.first, &r.last) {
                (Some(a), Some(b)) if a != b => format!("{a} … {b}"),
                (Some(a), _) => a.clone(),
                _ => "undated".into(),
            };
            writeln!(out, "  {what} ({when}, ×{})", r.count)?;
        }
    }
    if !p.quotes.is_empty() {
        writeln!(out, "quotes (newest first):")?;
        for q in &p.quotes {
            let mut meta = vec![q.kind.clone()];
            if let Some(m) = &q.medium {
                meta.push(m.clone());
            }
            writeln!(
                out,
                "  {}  {} [{}] (article {})",
                q.day.as_deref().unwrap_or("undated"),
                q.content.replace(['\n', '\r'], " "),
                meta.join(", "),
                q.article_id
            )?;
        }
    }
    if !p.co_mentioned.is_empty() {
        let c: Vec<String> = p
            .co_mentioned
            .iter()
            .map(|c| format!("{} ({})", c.name, c.articles))
            .collect();
        writeln!(out, "mentioned with: {}", c.join(", "))?;
    }
    if found.len() > 1 {
        let o: Vec<String> = found
            .iter()
            .skip(1)
            .map(|c| format!("{} ({}, id {})", c.name, c.label, c.id))
            .collect();
        writeln!(out, "also matching: {}", o.join(", "))?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn articles(args: ArticlesArgs) -> Result<ExitCode> {
    let reader = Reader::open(&args.db.db)?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if let Some(id) = args.id {
        let Some(a) = reader.article(id)? else {
            bail!("no article with id {id}");
        };
        if args.json {
            serde_json::to_writer_pretty(&mut out, &a)?;
            writeln!(out)?;
        } else {
            writeln!(
                out,
                "article {}: {} ({}, {})",
                a.id,
                a.title.as_deref().unwrap_or("untitled"),
                a.published.as_deref().unwrap_or("undated"),
                a.source
            )?;
            for q in &a.quotes {
                writeln!(
                    out,
                    "  {}: {} [{}]",
                    q.speaker.as_deref().unwrap_or("(no speaker)"),
                    q.content.replace(['\n', '\r'], " "),
                    q.kind
                )?;
            }
        }
    } else {
        let list = reader.articles(args.limit, args.offset)?;
        if args.json {
            serde_json::to_writer_pretty(&mut out, &list)?;
            writeln!(out)?;
        } else {
            for a in &list {
                writeln!(
                    out,
                    "{:>6}  {}  {:>3} quotes  {}  ({})",
                    a.id,
                    a.published.as_deref().unwrap_or("undated  "),
                    a.quotes,
                    a.title.as_deref().unwrap_or("untitled"),
                    a.source
                )?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn stats(args: StatsArgs) -> Result<ExitCode> {
    let reader = Reader::open(&args.db.db)?;
    let s = reader.stats()?;
    let integrity = if args.check {
        Some(reader.integrity_check()?)
    } else {
        None
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if args.json {
        serde_json::to_writer_pretty(
            &mut out,
            &serde_json::json!({ "stats": s, "integrity": integrity }),
        )?;
        writeln!(out)?;
    } else {
        writeln!(
            out,
            "database:    {} (schema {}, {} bytes)",
            args.db.db.display(),
            s.schema_version,
            s.db_bytes
        )?;
        writeln!(out, "articles:    {}", s.articles)?;
        writeln!(out, "quotes:      {}", s.quotes)?;
        let labels: Vec<String> = s
            .entities_by_label
            .iter()
            .map(|c| format!("{} {}", c.count, c.name))
            .collect();
        writeln!(out, "entities:    {} ({})", s.entities, labels.join(", "))?;
        writeln!(out, "mentions:    {}", s.mentions)?;
        writeln!(out, "times:       {}", s.times)?;
        writeln!(out, "events:      {}", s.events)?;
        writeln!(out, "corrections: {}", s.corrections)?;
        if let (Some(a), Some(b)) = (&s.first_published, &s.last_published) {
            writeln!(out, "dates:       {a} … {b}")?;
        }
        let top = |v: &[dossier_store::Count]| {
            v.iter()
                .map(|c| format!("{} ({})", c.name, c.count))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if !s.top_speakers.is_empty() {
            writeln!(out, "speakers:    {}", top(&s.top_speakers))?;
        }
        if !s.top_media.is_empty() {
            writeln!(out, "media:       {}", top(&s.top_media))?;
        }
        if let Some(i) = &integrity {
            writeln!(out, "integrity:   {i}")?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The writer for a correction: the database must exist (a merge never creates one).
fn existing_writer(db: &Path) -> Result<Writer> {
    if !db.exists() {
        bail!(dossier_store::Error::Missing {
            path: db.to_path_buf()
        });
    }
    Ok(Writer::open(db)?)
}

pub fn merge(args: MergeArgs) -> Result<ExitCode> {
    let mut w = existing_writer(&args.db.db)?;
    let c = w.merge(&args.keep, &args.other)?;
    println!(
        "merged {:?} into {} (id {}, {}): {} row(s) moved; recorded for later ingests",
        args.other, c.entity.name, c.entity.id, c.entity.label, c.moved
    );
    Ok(ExitCode::SUCCESS)
}

pub fn split(args: SplitArgs) -> Result<ExitCode> {
    let mut w = existing_writer(&args.db.db)?;
    let c = w.split(&args.name)?;
    println!(
        "split {:?} into its own entity (id {}, {}): {} row(s) moved; recorded for later ingests",
        args.name, c.entity.id, c.entity.label, c.moved
    );
    Ok(ExitCode::SUCCESS)
}
