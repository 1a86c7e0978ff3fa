//! `dossier`: who said what, who is who, when, from news articles.

mod bench;
mod bench_store;
mod bench_warc;
mod input;
mod run;
mod serve;
mod store_cmds;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "dossier",
    version,
    about = "Who said what, who is who and when, from news articles"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Extract attributions, entities, times and events from articles.
    ///
    /// Reads files, directories (recursively: .txt, .jsonl, .html, .htm, .warc, .warc.gz) or stdin. With --jsonl,
    /// stdin is the batch contract of EVAL.md: one JSON object per line in, one per line
    /// out, in order.
    Extract(ExtractArgs),
    /// Measure throughput (MB/s, one core and all cores) and memory.
    Bench(bench::BenchArgs),
    /// Extract articles and store them in the database (idempotent, resumable).
    Ingest(store_cmds::IngestArgs),
    /// Search quotes and article text in the database.
    Search(store_cmds::SearchArgs),
    /// A person's or organisation's profile: aliases, roles, quotes, company kept.
    Who(store_cmds::WhoArgs),
    /// List quotes in the database, newest first, with filters.
    Quotes(store_cmds::QuotesArgs),
    /// List articles in the database, or show one.
    Articles(store_cmds::ArticlesArgs),
    /// The database in numbers.
    Stats(store_cmds::StatsArgs),
    /// Merge entity B into entity A (recorded; later ingests follow it).
    Merge(store_cmds::MergeArgs),
    /// Give a name merged into another entity an entity of its own (recorded).
    Split(store_cmds::SplitArgs),
    /// Serve the JSON API and web pages over the database (read-only).
    Serve(serve::ServeArgs),
    /// Measure the store: ingest rate, size per 1,000 articles, search latency p50/p95.
    BenchStore(bench_store::BenchStoreArgs),
}

#[derive(clap::Args, Debug)]
pub struct ExtractArgs {
    /// Files or directories; none or `-` reads stdin.
    paths: Vec<PathBuf>,
    /// JSON Lines out (the batch contract); stdin is read as JSON Lines.
    #[arg(long, conflicts_with = "json")]
    jsonl: bool,
    /// One pretty JSON document per article.
    #[arg(long)]
    json: bool,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j')]
    threads: Option<usize>,
    /// Never show a progress bar.
    #[arg(long)]
    quiet: bool,
    /// Colour: auto, always, never.
    #[arg(long, default_value = "auto", value_parser = ["auto", "always", "never"])]
    color: String,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => run::extract(args),
        Command::Bench(args) => bench::run(args),
        Command::Ingest(args) => store_cmds::ingest(args),
        Command::Search(args) => store_cmds::search(args),
        Command::Who(args) => store_cmds::who(args),
        Command::Quotes(args) => store_cmds::quotes(args),
        Command::Articles(args) => store_cmds::articles(args),
        Command::Stats(args) => store_cmds::stats(args),
        Command::Merge(args) => store_cmds::merge(args),
        Command::Split(args) => store_cmds::split(args),
        Command::Serve(args) => serve::serve(args),
        Command::BenchStore(args) => bench_store::run(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("dossier: {e:#}");
            ExitCode::from(1)
        }
    }
}
