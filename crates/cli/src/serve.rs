//! `dossier serve`: the HTTP API and web pages over a read-only database.

use crate::store_cmds::DbArg;
use anyhow::{Context, Result};
use std::io::Write;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct ServeArgs {
    #[command(flatten)]
    db: DbArg,
    /// Address to bind (loopback by default; anything else exposes the record).
    #[arg(long, default_value = "127.0.0.1")]
    host: String,
    /// Port (0 picks a free one and prints it).
    #[arg(long, short = 'p', default_value_t = 8080)]
    port: u16,
}

pub fn serve(args: ServeArgs) -> Result<ExitCode> {
    let state = dossier_server::AppState::open(&args.db.db)?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    rt.block_on(async {
        let listener = tokio::net::TcpListener::bind((args.host.as_str(), args.port))
            .await
            .with_context(|| format!("binding {}:{}", args.host, args.port))?;
        let addr = listener.local_addr()?;
        if !addr.ip().is_loopback() {
            eprintln!("dossier: warning: {addr} is reachable from other machines");
        }
        // stdout, one line, flushed: scripts read the port from it
        println!(
            "dossier: serving {} on http://{addr}/",
            args.db.db.display()
        );
        std::io::stdout().flush()?;
        dossier_server::serve(listener, state)
            .await
            .context("serving")
    })?;
    Ok(ExitCode::SUCCESS)
}
