//! `dossier`: who said what, who is who, when, from news articles.

mod bench;
mod input;
mod run;

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
    /// Reads files, directories (recursively: .txt, .jsonl) or stdin. With --jsonl,
    /// stdin is the batch contract of EVAL.md: one JSON object per line in, one per line
    /// out, in order.
    Extract(ExtractArgs),
    /// Measure throughput (MB/s, one core and all cores) and memory.
    Bench(bench::BenchArgs),
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
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("dossier: {e:#}");
            ExitCode::from(1)
        }
    }
}
