//! Opening connections and migrating the schema.

use crate::{Error, Result};
use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::time::Duration;

/// The numbered migrations, in order: `(file name, SQL)`. Migration *n* (1-based)
/// brings `PRAGMA user_version` from *n*−1 to *n*.
pub const MIGRATIONS: &[(&str, &str)] =
    &[("0001_init.sql", include_str!("../migrations/0001_init.sql"))];

/// The schema version this build writes and reads.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

fn version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

/// The writer's connection: created if absent, WAL, migrated to [`SCHEMA_VERSION`].
pub(crate) fn open_rw(path: &Path) -> Result<Connection> {
    let mut conn = Connection::open(path).map_err(|source| Error::Open {
        path: path.to_path_buf(),
        source,
    })?;
    conn.busy_timeout(Duration::from_secs(10))?;
    // more statements than rusqlite's default cache of 16 run per article
    conn.set_prepared_statement_cache_capacity(64);
    // WAL: readers see the last committed batch while a new one is written. NORMAL
    // sync is durable across a process crash (kill -9); only power loss can drop the
    // last committed batches, never corrupt the file.
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::Invalid(format!(
            "{}: cannot switch the database to WAL mode (got {mode})",
            path.display()
        )));
    }
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    // the writer touches every index of a growing file: give it 64 MiB of page cache
    conn.pragma_update(None, "cache_size", -65_536)?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    let found = version(&conn)?;
    if found > SCHEMA_VERSION {
        return Err(Error::Schema {
            path: path.to_path_buf(),
            found,
            known: SCHEMA_VERSION,
            hint: "it was written by a newer dossier; upgrade dossier",
        });
    }
    if found == 0 {
        // a fresh file must be empty: never migrate someone else's database
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
        if tables > 0 {
            return Err(Error::Schema {
                path: path.to_path_buf(),
                found,
                known: SCHEMA_VERSION,
                hint: "this SQLite file is not a dossier database",
            });
        }
    }
    for (i, (name, sql)) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)
            .and_then(|_| tx.pragma_update(None, "user_version", (i + 1) as i64))
            .map_err(|source| Error::Migration { name, source })?;
        tx.commit()?;
    }
    Ok(conn)
}

/// A read-only connection to an existing, current database.
pub(crate) fn open_ro(path: &Path) -> Result<Connection> {
    if !path.exists() {
        return Err(Error::Missing {
            path: path.to_path_buf(),
        });
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|source| Error::Open {
        path: path.to_path_buf(),
        source,
    })?;
    conn.busy_timeout(Duration::from_secs(10))?;
    conn.set_prepared_statement_cache_capacity(64);
    conn.pragma_update(None, "query_only", "ON")?;
    conn.pragma_update(None, "cache_size", -16_384)?;
    let found = version(&conn)?;
    if found != SCHEMA_VERSION {
        return Err(Error::Schema {
            path: path.to_path_buf(),
            found,
            known: SCHEMA_VERSION,
            hint: if found == 0 {
                "not a dossier database"
            } else if found < SCHEMA_VERSION {
                "run `dossier ingest` once to migrate it"
            } else {
                "it was written by a newer dossier; upgrade dossier"
            },
        });
    }
    Ok(conn)
}
