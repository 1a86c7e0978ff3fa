//! The one writer: batches of analysed articles, one transaction each.

use crate::identity::{last_word, name_key};
use crate::model::{Correction, EntitySummary};
use crate::{schema, Error, Result};
use dossier_core::{Analysis, Document, EntityId, EntityLabel};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::Path;

/// The SHA-256 of an article's text, hex: the key that makes ingest idempotent.
pub fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// One analysed article to store.
#[derive(Clone, Copy, Debug)]
pub struct Article<'a> {
    /// Where it came from (a path, `path:line`, a WARC target URI).
    pub source: &'a str,
    /// The document.
    pub doc: &'a Document,
    /// What the pipeline found in it.
    pub analysis: &'a Analysis,
}

/// What a batch did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BatchOutcome {
    /// Articles stored.
    pub added: usize,
    /// Articles already there (same content hash).
    pub skipped: usize,
}

/// The database's single writer. Create it once per process; readers open their own
/// [`Reader`](crate::Reader)s and see each batch once it commits.
pub struct Writer {
    conn: Connection,
}

fn label_of(l: EntityLabel) -> &'static str {
    l.as_str()
}

/// A merge or split correction recorded for a key: the latest one wins.
enum Manual {
    MergeInto(String),
    KeepApart,
}

impl Writer {
    /// Open (creating and migrating when needed) the database at `path`.
    pub fn open(path: &Path) -> Result<Writer> {
        Ok(Writer {
            conn: schema::open_rw(path)?,
        })
    }

    /// Store a batch of articles in one transaction. Articles whose text is already
    /// stored are skipped; an error rolls the whole batch back.
    pub fn write_batch(&mut self, batch: &[Article<'_>]) -> Result<BatchOutcome> {
        let tx = self.conn.transaction()?;
        let mut out = BatchOutcome::default();
        let mut ctx = Batch::new(&tx)?;
        for a in batch {
            if insert_article(&tx, &mut ctx, a)? {
                out.added += 1;
            } else {
                out.skipped += 1;
            }
        }
        tx.commit()?;
        Ok(out)
    }

    /// True when an article with this text is stored.
    pub fn contains(&self, text: &str) -> Result<bool> {
        contains_hash(&self.conn, &content_hash(text))
    }

    /// `dossier merge A B`: B becomes part of A (mentions, quotes, aliases, roles), and
    /// B's name resolves to A in every later ingest.
    pub fn merge(&mut self, keep: &str, fold_in: &str) -> Result<Correction> {
        let tx = self.conn.transaction()?;
        let a = find_entity(&tx, keep)?;
        let b = find_entity(&tx, fold_in)?;
        if a.0 == b.0 {
            return Err(Error::Invalid(format!(
                "{keep:?} and {fold_in:?} are already one entity ({})",
                a.1
            )));
        }
        let mut moved = 0;
        moved += tx.execute(
            "UPDATE mentions SET entity_id = ?1 WHERE entity_id = ?2",
            params![a.0, b.0],
        )?;
        moved += tx.execute(
            "UPDATE attributions SET entity_id = ?1 WHERE entity_id = ?2",
            params![a.0, b.0],
        )?;
        tx.execute(
            "UPDATE roles SET entity_id = ?1 WHERE entity_id = ?2",
            params![a.0, b.0],
        )?;
        tx.execute(
            "INSERT INTO aliases(entity_id, alias, key, rule, seen)
             SELECT ?1, alias, key, 'manual', seen FROM aliases WHERE entity_id = ?2
             ON CONFLICT(entity_id, key) DO UPDATE SET seen = seen + excluded.seen",
            params![a.0, b.0],
        )?;
        tx.execute("DELETE FROM aliases WHERE entity_id = ?1", params![b.0])?;
        tx.execute("DELETE FROM entities WHERE id = ?1", params![b.0])?;
        tx.execute(
            "INSERT INTO corrections(action, key, target_key, label, note) VALUES('merge', ?1, ?2, ?3, ?4)",
            params![b.2, a.2, a.3, format!("merge {keep:?} {fold_in:?}")],
        )?;
        let summary = summary(&tx, a.0)?;
        tx.commit()?;
        Ok(Correction {
            action: "merge".into(),
            entity: summary,
            moved,
        })
    }

    /// `dossier split NAME`: the name (an alias merged into a bigger entity by a rule)
    /// becomes an entity of its own, takes its mentions and quotes along, and is never
    /// merged by the alias or surname rules again.
    pub fn split(&mut self, name: &str) -> Result<Correction> {
        let key = name_key(name);
        if key.is_empty() {
            return Err(Error::Invalid("an empty name cannot be split".into()));
        }
        let tx = self.conn.transaction()?;
        let holder: Option<(i64, String)> = tx
            .query_row(
                "SELECT e.id, e.label FROM aliases a JOIN entities e ON e.id = a.entity_id
                 WHERE a.key = ?1 AND e.key <> ?1 ORDER BY a.seen DESC LIMIT 1",
                params![key],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((from, label)) = holder else {
            return Err(Error::Invalid(format!(
                "{name:?} is not an alias merged into another entity; nothing to split"
            )));
        };
        let new_id: i64 = match tx
            .query_row(
                "SELECT id FROM entities WHERE label = ?1 AND key = ?2",
                params![label, key],
                |r| r.get(0),
            )
            .optional()?
        {
            Some(id) => id,
            None => {
                let last = (label == "PERSON").then(|| last_word(&key).to_string());
                tx.execute(
                    "INSERT INTO entities(name, label, key, last) VALUES(?1, ?2, ?3, ?4)",
                    params![name.trim(), label, key, last],
                )?;
                tx.last_insert_rowid()
            }
        };
        // move the rows written as this name
        let mut moved = 0;
        let mentions: Vec<(i64, String)> = {
            let mut st = tx.prepare("SELECT id, text FROM mentions WHERE entity_id = ?1")?;
            let rows = st.query_map(params![from], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<Result<_, _>>()?
        };
        for (id, text) in mentions {
            if name_key(&text) == key {
                moved += tx.execute(
                    "UPDATE mentions SET entity_id = ?1 WHERE id = ?2",
                    params![new_id, id],
                )?;
            }
        }
        let quotes: Vec<(i64, Option<String>, Option<String>)> = {
            let mut st =
                tx.prepare("SELECT id, speaker, source FROM attributions WHERE entity_id = ?1")?;
            let rows = st.query_map(params![from], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            rows.collect::<Result<_, _>>()?
        };
        for (id, speaker, source) in quotes {
            let hit = |s: &Option<String>| s.as_deref().map(name_key).as_deref() == Some(&key);
            if hit(&speaker) || hit(&source) {
                moved += tx.execute(
                    "UPDATE attributions SET entity_id = ?1 WHERE id = ?2",
                    params![new_id, id],
                )?;
            }
        }
        tx.execute(
            "DELETE FROM aliases WHERE entity_id = ?1 AND key = ?2",
            params![from, key],
        )?;
        tx.execute(
            "INSERT INTO aliases(entity_id, alias, key, rule) VALUES(?1, ?2, ?3, 'manual')
             ON CONFLICT(entity_id, key) DO NOTHING",
            params![new_id, name.trim(), key],
        )?;
        tx.execute(
            "INSERT INTO corrections(action, key, label, note) VALUES('split', ?1, ?2, ?3)",
            params![key, label, format!("split {name:?}")],
        )?;
        let summary = summary(&tx, new_id)?;
        tx.commit()?;
        Ok(Correction {
            action: "split".into(),
            entity: summary,
            moved,
        })
    }

    /// Checkpoint the WAL into the main file (after a large ingest).
    pub fn checkpoint(&self) -> Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }
}

fn contains_hash(conn: &Connection, hash: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM articles WHERE hash = ?1")?
        .exists(params![hash])?)
}

/// `(id, name, key, label)` of the entity a name denotes: by key, then by alias.
fn find_entity(tx: &Transaction<'_>, name: &str) -> Result<(i64, String, String, String)> {
    let key = name_key(name);
    let row = |r: &rusqlite::Row<'_>| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?));
    if let Some(e) = tx
        .query_row(
            "SELECT e.id, e.name, e.key, e.label FROM entities e
             LEFT JOIN mentions m ON m.entity_id = e.id
             WHERE e.key = ?1 GROUP BY e.id ORDER BY count(m.id) DESC LIMIT 1",
            params![key],
            row,
        )
        .optional()?
    {
        return Ok(e);
    }
    tx.query_row(
        "SELECT e.id, e.name, e.key, e.label FROM aliases a JOIN entities e ON e.id = a.entity_id
         WHERE a.key = ?1 ORDER BY a.seen DESC LIMIT 1",
        params![key],
        row,
    )
    .optional()?
    .ok_or_else(|| Error::NoSuchEntity(name.to_string()))
}

pub(crate) fn summary(conn: &Connection, id: i64) -> Result<EntitySummary> {
    Ok(conn.query_row(
        "SELECT id, name, label,
           (SELECT count(DISTINCT article_id) FROM mentions WHERE entity_id = ?1),
           (SELECT count(*) FROM attributions WHERE entity_id = ?1)
         FROM entities WHERE id = ?1",
        params![id],
        |r| {
            Ok(EntitySummary {
                id: r.get(0)?,
                name: r.get(1)?,
                label: r.get(2)?,
                articles: r.get(3)?,
                quotes: r.get(4)?,
            })
        },
    )?)
}

fn manual(tx: &Transaction<'_>, key: &str) -> Result<Option<Manual>> {
    let row: Option<(String, Option<String>)> = tx
        .prepare_cached(
            "SELECT action, target_key FROM corrections WHERE key = ?1 ORDER BY id DESC LIMIT 1",
        )?
        .query_row(params![key], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(match row {
        Some((a, Some(t))) if a == "merge" => Some(Manual::MergeInto(t)),
        Some((a, _)) if a == "split" => Some(Manual::KeepApart),
        _ => None,
    })
}

/// What one batch remembers: names already resolved in this transaction (entities
/// are only added during a batch, so an answer stays valid) and whether any manual
/// correction exists at all.
struct Batch {
    resolved: HashMap<(&'static str, String), (i64, &'static str)>,
    corrections: bool,
}

impl Batch {
    fn new(tx: &Transaction<'_>) -> Result<Batch> {
        Ok(Batch {
            resolved: HashMap::new(),
            corrections: tx
                .prepare_cached("SELECT 1 FROM corrections LIMIT 1")?
                .exists([])?,
        })
    }
}

/// The store entity for a name, by the rules in [`crate::identity`]; created when no
/// rule ties it (and `create`). Returns `None` for a name without a key.
fn resolve(
    tx: &Transaction<'_>,
    batch: &mut Batch,
    label: &'static str,
    name: &str,
    create: bool,
) -> Result<Option<i64>> {
    let alias_key = name_key(name);
    if alias_key.is_empty() {
        return Ok(None);
    }
    let id_rule = match batch.resolved.get(&(label, alias_key.clone())) {
        Some(&hit) => Some(hit),
        None => {
            let found = resolve_uncached(tx, batch.corrections, label, name, &alias_key, create)?;
            if let Some(hit) = found {
                batch.resolved.insert((label, alias_key.clone()), hit);
            }
            found
        }
    };
    let Some((id, rule)) = id_rule else {
        return Ok(None);
    };
    tx.prepare_cached(
        "INSERT INTO aliases(entity_id, alias, key, rule) VALUES(?1, ?2, ?3, ?4)
         ON CONFLICT(entity_id, key) DO UPDATE SET seen = seen + 1",
    )?
    .execute(params![id, name.trim(), alias_key, rule])?;
    Ok(Some(id))
}

fn resolve_uncached(
    tx: &Transaction<'_>,
    corrections: bool,
    label: &str,
    name: &str,
    alias_key: &str,
    create: bool,
) -> Result<Option<(i64, &'static str)>> {
    let mut key = alias_key.to_string();
    let mut rule = "key";
    let mut apart = false;
    let manual = if corrections { manual(tx, &key)? } else { None };
    match manual {
        Some(Manual::MergeInto(t)) => {
            key = t;
            rule = "manual";
        }
        Some(Manual::KeepApart) => apart = true,
        None => {}
    }
    let by_key: Option<i64> = tx
        .prepare_cached("SELECT id FROM entities WHERE label = ?1 AND key = ?2")?
        .query_row(params![label, key], |r| r.get(0))
        .optional()?;
    // a manual correction names the entity by key whatever label a tagger gives it
    let by_key = match by_key {
        None if rule == "manual" || apart => tx
            .prepare_cached(
                "SELECT id FROM entities WHERE key = ?1 AND label IN ('PERSON', 'ORG') ORDER BY id LIMIT 1",
            )?
            .query_row(params![key], |r| r.get(0))
            .optional()?,
        other => other,
    };
    let mut found = by_key;
    if found.is_none() && !apart {
        let ids: Vec<i64> = tx
            .prepare_cached(
                "SELECT DISTINCT a.entity_id FROM aliases a JOIN entities e ON e.id = a.entity_id
                 WHERE a.key = ?1 AND e.label = ?2 LIMIT 2",
            )?
            .query_map(params![key, label], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        if ids.len() == 1 {
            found = Some(ids[0]);
            rule = "alias";
        }
    }
    if found.is_none() && !apart && matches!(label, "PERSON" | "ORG") && !key.contains(' ') {
        let ids: Vec<i64> = tx
            .prepare_cached(
                "SELECT id FROM entities WHERE last = ?1 AND label = 'PERSON' AND key <> ?1 LIMIT 2",
            )?
            .query_map(params![key], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        if ids.len() == 1 {
            found = Some(ids[0]);
            rule = "surname";
        }
    }
    let id = match found {
        // same key: the first form seen stays the display name
        Some(id) => id,
        None if !create => return Ok(None),
        None => {
            let last = (label == "PERSON").then(|| last_word(&key).to_string());
            tx.prepare_cached(
                "INSERT INTO entities(name, label, key, last) VALUES(?1, ?2, ?3, ?4)",
            )?
            .execute(params![name.trim(), label, key, last])?;
            tx.last_insert_rowid()
        }
    };
    Ok(Some((id, rule)))
}

/// Does this look like a name (so an unmatched speaker may become a PERSON)?
fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 5
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

fn insert_article(tx: &Transaction<'_>, ctx: &mut Batch, a: &Article<'_>) -> Result<bool> {
    let doc = a.doc;
    let an = a.analysis;
    let text = doc.text.as_str();
    let hash = content_hash(text);
    if contains_hash(tx, &hash)? {
        return Ok(false);
    }
    let published = doc.published.or(an.published).map(|d| d.to_string());
    tx.prepare_cached(
        "INSERT INTO articles(hash, source, doc_id, url, title, author, published, text)
         VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        hash, a.source, doc.id, doc.url, doc.title, doc.author, published, text
    ])?;
    let article_id = tx.last_insert_rowid();
    tx.prepare_cached("INSERT INTO articles_fts(rowid, title, text) VALUES(?1, ?2, ?3)")?
        .execute(params![
            article_id,
            doc.title.as_deref().unwrap_or(""),
            text
        ])?;

    // entities: one store entity per analysis entity
    let mut ids: HashMap<EntityId, Option<i64>> = HashMap::new();
    let mut by_name: HashMap<String, i64> = HashMap::new();
    let slice = |s: dossier_core::Span| text.get(s.start..s.end).unwrap_or("");
    for e in &an.entities {
        let store_id = match ids.get(&e.id) {
            Some(id) => *id,
            None => {
                let id = resolve(tx, ctx, label_of(e.label), &e.canonical, true)?;
                ids.insert(e.id, id);
                id
            }
        };
        let Some(store_id) = store_id else { continue };
        by_name.entry(name_key(&e.canonical)).or_insert(store_id);
        let written = slice(e.span);
        by_name.entry(name_key(written)).or_insert(store_id);
        if !written.is_empty() && name_key(written) != name_key(&e.canonical) {
            // the form as written is an alias of the entity
            tx.prepare_cached(
                "INSERT INTO aliases(entity_id, alias, key, rule) VALUES(?1, ?2, ?3, 'article')
                 ON CONFLICT(entity_id, key) DO UPDATE SET seen = seen + 1",
            )?
            .execute(params![store_id, written.trim(), name_key(written)])?;
        }
        tx.prepare_cached(
            "INSERT INTO mentions(article_id, entity_id, start, end, text) VALUES(?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![article_id, store_id, e.span.start as i64, e.span.end as i64, written])?;
    }

    for at in &an.attributions {
        let content: Vec<&str> = at.content.iter().map(|s| slice(*s)).collect();
        let content = content.join(" … ");
        let spans: Vec<[usize; 2]> = at.content.iter().map(|s| [s.start, s.end]).collect();
        let spans = serde_json::to_string(&spans).unwrap_or_else(|_| "[]".into());
        let speaker_id = match at.speaker.as_deref() {
            Some(sp) => match by_name.get(&name_key(sp)) {
                Some(id) => Some(*id),
                // a speaker the entity stage did not tag: a new PERSON only when it
                // looks like a full name, else only an entity already in the store
                None if looks_like_name(sp) => resolve(tx, ctx, "PERSON", sp, sp.contains(' '))?,
                None => None,
            },
            None => None,
        };
        let day = at.date.clone().or_else(|| published.clone());
        tx.prepare_cached(
            "INSERT INTO attributions(article_id, entity_id, speaker, source, source_start, source_end,
               cue, cue_start, cue_end, kind, role, affiliation, medium, date, day, content, spans)
             VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
        )?
        .execute(params![
            article_id,
            speaker_id,
            at.speaker,
            at.source.map(|s| slice(s).to_string()),
            at.source.map(|s| s.start as i64),
            at.source.map(|s| s.end as i64),
            at.cue.map(|s| slice(s).to_string()),
            at.cue.map(|s| s.start as i64),
            at.cue.map(|s| s.end as i64),
            at.kind.as_str(),
            at.role,
            at.affiliation,
            at.medium,
            at.date,
            day,
            content,
            spans,
        ])?;
        let quote_id = tx.last_insert_rowid();
        tx.prepare_cached("INSERT INTO quotes_fts(rowid, content, speaker) VALUES(?1, ?2, ?3)")?
            .execute(params![
                quote_id,
                content,
                at.speaker.as_deref().unwrap_or("")
            ])?;
        if let (Some(eid), true) = (speaker_id, at.role.is_some() || at.affiliation.is_some()) {
            tx.prepare_cached(
                "INSERT INTO roles(entity_id, role, affiliation, article_id, seen) VALUES(?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![eid, at.role, at.affiliation, article_id, day])?;
        }
    }
    for t in &an.times {
        tx.prepare_cached(
            "INSERT INTO times(article_id, start, end, type, value) VALUES(?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![
            article_id,
            t.span.start as i64,
            t.span.end as i64,
            t.kind.as_str(),
            t.value
        ])?;
    }
    for ev in &an.events {
        tx.prepare_cached(
            "INSERT INTO events(article_id, start, end, category, source, target, date)
             VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            article_id,
            ev.span.start as i64,
            ev.span.end as i64,
            ev.category,
            ev.source,
            ev.target,
            ev.date
        ])?;
    }
    Ok(true)
}
