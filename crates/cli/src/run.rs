//! The batch: read items in chunks, analyse a chunk in parallel, print in input order.

use crate::input::{self, HtmlSource, Item, Kind};
use crate::ExtractArgs;
use anyhow::{Context, Result};
use dossier::{Analysis, HtmlError, Page, Pipeline};
use dossier_output::{human::HumanPrinter, wire};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::{self, BufRead, BufWriter, IsTerminal, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;

/// Items per parallel chunk, and the byte budget that closes a chunk early.
const CHUNK_ITEMS: usize = 256;
const CHUNK_BYTES: usize = 8 << 20;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Jsonl,
    Json,
    Human,
}

/// Where rendered documents go: stdout for `extract`, a null sink for `bench`.
pub(crate) struct Sink<'a> {
    out: BufWriter<Box<dyn Write + 'a>>,
    mode: Mode,
    human: HumanPrinter,
    progress: Option<ProgressBar>,
}

/// An output failure: a closed pipe ends the run quietly, anything else is exit 1.
pub(crate) enum OutErr {
    BrokenPipe,
    Io(io::Error),
}

impl From<io::Error> for OutErr {
    fn from(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::BrokenPipe {
            OutErr::BrokenPipe
        } else {
            OutErr::Io(e)
        }
    }
}

fn render(pipeline: &Pipeline, mode: Mode, human: HumanPrinter, item: &Item) -> String {
    match item {
        Item::Bad { id, text, why } => render_error(mode, id, text, why),
        Item::Doc { id, doc, notes } => {
            // A panic in a stage is a bug, but it must not take the batch down with it:
            // the document becomes an error line and the run goes on.
            let Some(a) = analyse(pipeline, doc) else {
                return render_error(mode, id, &doc.text, PANICKED);
            };
            render_doc(mode, human, id, doc, a, notes, None)
        }
        Item::Html {
            id,
            page,
            url,
            published,
            crawled,
            notes,
        } => {
            let id_s = id_label(id);
            let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
                let decoded;
                let html = match page {
                    HtmlSource::Text(s) => s.as_str(),
                    HtmlSource::Bytes {
                        bytes,
                        content_type,
                    } => {
                        decoded = dossier::decode_html(bytes, content_type.as_deref()).0;
                        decoded.as_str()
                    }
                };
                pipeline.extract_html(&Page {
                    id: &id_s,
                    html,
                    url: url.as_deref(),
                    published: *published,
                })
            }));
            match outcome {
                Err(_) => render_error(mode, id, "", PANICKED),
                Ok(Err(e)) => {
                    let why = e.to_string();
                    let HtmlError::NoArticle(doc) = e else {
                        return render_error(mode, id, "", &why);
                    };
                    // the page's metadata still goes out with the error
                    let mut r = wire::Record::error(id.clone(), "", why.clone());
                    r.title = doc.title.as_deref();
                    r.author = doc.author.as_deref();
                    r.published = doc.published.map(|d| d.to_string());
                    r.url = doc.url.as_deref();
                    r.crawled = crawled.clone();
                    match mode {
                        Mode::Human => format!("== {}: error: {why}\n\n", id_label(id)),
                        Mode::Json => wire::to_pretty(&r),
                        Mode::Jsonl => wire::to_line(&r),
                    }
                }
                Ok(Ok((doc, a))) => render_doc(mode, human, id, &doc, a, notes, crawled.clone()),
            }
        }
    }
}

/// A page's article and its analysis, or why there is none (no article, a panic).
pub(crate) fn analyse_page(
    pipeline: &Pipeline,
    id: &str,
    page: &HtmlSource,
    url: Option<&str>,
    published: Option<dossier::Date>,
) -> std::result::Result<(dossier::Document, Analysis), String> {
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        let decoded;
        let html = match page {
            HtmlSource::Text(s) => s.as_str(),
            HtmlSource::Bytes {
                bytes,
                content_type,
            } => {
                decoded = dossier::decode_html(bytes, content_type.as_deref()).0;
                decoded.as_str()
            }
        };
        pipeline.extract_html(&Page {
            id,
            html,
            url,
            published,
        })
    }));
    match outcome {
        Err(_) => Err(PANICKED.to_string()),
        Ok(Err(e)) => Err(e.to_string()),
        Ok(Ok(r)) => Ok(r),
    }
}

const PANICKED: &str =
    "internal error: the analysis panicked (a bug in dossier; please report it with this document)";

fn render_error(mode: Mode, id: &serde_json::Value, text: &str, why: &str) -> String {
    let r = wire::Record::error(id.clone(), text, why);
    match mode {
        Mode::Human => format!("== {}: error: {why}\n\n", id_label(id)),
        Mode::Json => wire::to_pretty(&r),
        Mode::Jsonl => wire::to_line(&r),
    }
}

fn render_doc(
    mode: Mode,
    human: HumanPrinter,
    id: &serde_json::Value,
    doc: &dossier::Document,
    mut a: Analysis,
    notes: &[String],
    crawled: Option<String>,
) -> String {
    for n in notes {
        a.diagnostics
            .push(dossier::Diagnostic::warning("input", n.clone(), None));
    }
    if mode == Mode::Human {
        return human.render(doc, &a);
    }
    let mut r = wire::Record::build(id.clone(), doc, &a);
    r.crawled = crawled;
    match mode {
        Mode::Json => wire::to_pretty(&r),
        _ => wire::to_line(&r),
    }
}

/// The analysis of one document, or `None` when a stage panicked on it (a bug, which
/// the panic hook has reported): one bad document must not take the batch down.
pub(crate) fn analyse(pipeline: &Pipeline, doc: &dossier::Document) -> Option<Analysis> {
    panic::catch_unwind(AssertUnwindSafe(|| pipeline.extract(doc))).ok()
}

/// Report a stage panic in one line (the document becomes an error line, see
/// `render`), not with a backtrace per worker.
pub(crate) fn report_panics_briefly() {
    panic::set_hook(Box::new(|info| {
        eprintln!("dossier: internal error (a bug, please report it): {info}");
    }));
}

fn id_label(id: &serde_json::Value) -> String {
    match id {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

impl<'a> Sink<'a> {
    /// A sink writing `mode` records to `out`, without a progress bar.
    pub(crate) fn new(out: Box<dyn Write + 'a>, mode: Mode) -> Sink<'a> {
        Sink {
            out: BufWriter::new(out),
            mode,
            human: HumanPrinter { color: false },
            progress: None,
        }
    }

    /// Flush what is buffered to the writer.
    pub(crate) fn flush(&mut self) -> Result<(), OutErr> {
        self.out.flush()?;
        Ok(())
    }

    pub(crate) fn flush_chunk(
        &mut self,
        pipeline: &Pipeline,
        chunk: &mut Vec<Item>,
    ) -> Result<(), OutErr> {
        let mode = self.mode;
        let human = self.human;
        let rendered: Vec<String> = chunk
            .par_iter()
            .map(|it| render(pipeline, mode, human, it))
            .collect();
        for r in &rendered {
            self.out.write_all(r.as_bytes())?;
            if mode != Mode::Human {
                self.out.write_all(b"\n")?;
            }
        }
        if let Some(p) = &self.progress {
            p.inc(chunk.len() as u64);
        }
        chunk.clear();
        Ok(())
    }
}

/// One WARC record as an item: an HTML response to analyse, or a broken record as an
/// error line (also reported on stderr; the reader goes on with the next record).
fn warc_item(
    path: &std::path::Path,
    rec: Result<dossier_warc::WarcRecord, dossier_warc::WarcError>,
    failures: &mut usize,
) -> Item {
    match rec {
        Ok(r) => Item::Html {
            id: serde_json::Value::String(format!("{}#{}", path.display(), r.number)),
            page: HtmlSource::Bytes {
                bytes: r.payload,
                content_type: r.content_type,
            },
            url: r.target_uri,
            published: None,
            crawled: r.date,
            notes: Vec::new(),
        },
        Err(e) => {
            eprintln!("dossier: {}: {e}", path.display());
            *failures += 1;
            Item::Bad {
                id: serde_json::Value::String(format!("{}#{}", path.display(), e.record())),
                text: String::new(),
                why: format!("WARC: {e}"),
            }
        }
    }
}

fn item_bytes(it: &Item) -> usize {
    match it {
        Item::Doc { doc, .. } => doc.text.len(),
        Item::Html { page, .. } => page.len(),
        Item::Bad { .. } => 64,
    }
}

/// Read JSON lines from `r` into the sink chunk by chunk.
pub(crate) fn pump_jsonl(
    r: &mut dyn BufRead,
    pipeline: &Pipeline,
    sink: &mut Sink<'_>,
    chunk: &mut Vec<Item>,
    bytes: &mut usize,
) -> Result<Result<(), OutErr>> {
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let n = r.read_until(b'\n', &mut buf).context("reading input")?;
        if n == 0 {
            return Ok(Ok(()));
        }
        if buf.last() == Some(&b'\n') {
            buf.pop();
        }
        let item = input::parse_line(&buf);
        *bytes += item_bytes(&item);
        chunk.push(item);
        if chunk.len() >= CHUNK_ITEMS || *bytes >= CHUNK_BYTES {
            if let Err(e) = sink.flush_chunk(pipeline, chunk) {
                return Ok(Err(e));
            }
            *bytes = 0;
        }
    }
}

pub fn extract(args: ExtractArgs) -> Result<ExitCode> {
    if let Some(n) = args.threads {
        // a second call (tests) fails harmlessly
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
    let mode = if args.jsonl {
        Mode::Jsonl
    } else if args.json {
        Mode::Json
    } else {
        Mode::Human
    };
    let color = match args.color.as_str() {
        "always" => true,
        "never" => false,
        _ => io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    report_panics_briefly();
    let pipeline = Pipeline::builder()
        .build()
        .context("building the pipeline")?;
    let progress = (!args.quiet && io::stderr().is_terminal() && mode != Mode::Human).then(|| {
        let p = ProgressBar::new_spinner();
        p.set_style(
            ProgressStyle::with_template("{spinner} {pos} articles {per_sec} {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        p
    });
    let stdout = io::stdout();
    let mut sink = Sink {
        out: BufWriter::new(Box::new(stdout.lock())),
        mode,
        human: HumanPrinter { color },
        progress,
    };
    let mut chunk: Vec<Item> = Vec::new();
    let mut bytes = 0usize;
    let mut failures = 0usize;

    let paths: Vec<_> = args
        .paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .cloned()
        .collect();
    let read_stdin = args.paths.is_empty() || args.paths.iter().any(|p| p.as_os_str() == "-");

    let outcome: Result<(), OutErr> = (|| {
        if read_stdin {
            let stdin = io::stdin();
            let mut lock = stdin.lock();
            let jsonl = args.jsonl || {
                let peek = lock.fill_buf().map(|b| b.to_vec()).unwrap_or_default();
                let peek = peek.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&peek);
                peek.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
            };
            if jsonl {
                match pump_jsonl(&mut lock, &pipeline, &mut sink, &mut chunk, &mut bytes) {
                    Ok(r) => r?,
                    Err(e) => {
                        eprintln!("dossier: stdin: {e:#}");
                        failures += 1;
                    }
                }
            } else {
                let mut all = Vec::new();
                if let Err(e) = lock.read_to_end(&mut all) {
                    eprintln!("dossier: stdin: {e}");
                    failures += 1;
                }
                chunk.push(if input::looks_like_html(&all) {
                    input::html_document("stdin".into(), all)
                } else {
                    input::plain_document("stdin".into(), all)
                });
            }
        }
        let mut files = Vec::new();
        let mut errors = Vec::new();
        for p in &paths {
            input::expand(p, &mut files, &mut errors);
        }
        for e in errors {
            eprintln!("dossier: {e}");
            failures += 1;
        }
        for f in files {
            let file = match std::fs::File::open(&f) {
                Ok(file) => file,
                Err(e) => {
                    eprintln!("dossier: {}: {e}", f.display());
                    failures += 1;
                    continue;
                }
            };
            match input::kind_of(&f) {
                Kind::Jsonl => {
                    let mut r = io::BufReader::new(file);
                    match pump_jsonl(&mut r, &pipeline, &mut sink, &mut chunk, &mut bytes) {
                        Ok(r) => r?,
                        Err(e) => {
                            eprintln!("dossier: {}: {e:#}", f.display());
                            failures += 1;
                        }
                    }
                }
                Kind::Warc => {
                    for rec in dossier_warc::WarcReader::new(file) {
                        let item = warc_item(&f, rec, &mut failures);
                        bytes += item_bytes(&item);
                        chunk.push(item);
                        if chunk.len() >= CHUNK_ITEMS || bytes >= CHUNK_BYTES {
                            sink.flush_chunk(&pipeline, &mut chunk)?;
                            bytes = 0;
                        }
                    }
                }
                kind @ (Kind::Text | Kind::Html) => {
                    let mut all = Vec::new();
                    let mut file = file;
                    if let Err(e) = file.read_to_end(&mut all) {
                        eprintln!("dossier: {}: {e}", f.display());
                        failures += 1;
                        continue;
                    }
                    let item = if kind == Kind::Html {
                        input::html_document(f.display().to_string(), all)
                    } else {
                        input::plain_document(f.display().to_string(), all)
                    };
                    bytes += item_bytes(&item);
                    chunk.push(item);
                    if chunk.len() >= CHUNK_ITEMS || bytes >= CHUNK_BYTES {
                        sink.flush_chunk(&pipeline, &mut chunk)?;
                        bytes = 0;
                    }
                }
            }
        }
        sink.flush_chunk(&pipeline, &mut chunk)?;
        sink.out.flush()?;
        Ok(())
    })();
    if let Some(p) = &sink.progress {
        p.finish_and_clear();
    }
    match outcome {
        Ok(()) | Err(OutErr::BrokenPipe) => {
            if failures > 0 {
                eprintln!("dossier: {failures} input(s) could not be read (see above)");
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(OutErr::Io(e)) => Err(anyhow::Error::new(e).context("writing output")),
    }
}
