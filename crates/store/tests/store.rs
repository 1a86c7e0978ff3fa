//! Identity rules and schema guards on a real database file.

use dossier_core::{Analysis, Document, Entity, EntityId, EntityLabel, Span};
use dossier_store::{Article, Error, Reader, Writer};

/// An article naming `names` (each its own entity, all of `label`).
fn named(text_id: &str, names: &[(&str, EntityLabel)]) -> (Document, Analysis) {
    let text = names
        .iter()
        .map(|(n, _)| format!("{n} spoke."))
        .collect::<Vec<_>>()
        .join(" ")
        + " "
        + text_id;
    let mut a = Analysis::default();
    for (i, (n, label)) in names.iter().enumerate() {
        let start = text.find(n).expect("name in text");
        a.entities.push(Entity {
            span: Span::new(start, start + n.len()),
            label: *label,
            id: EntityId(i as u32),
            canonical: n.to_string(),
            role: None,
            affiliation: None,
        });
    }
    (Document::new(text_id, text), a)
}

fn write(w: &mut Writer, docs: &[(Document, Analysis)]) {
    let batch: Vec<Article<'_>> = docs
        .iter()
        .map(|(d, a)| Article {
            source: "t",
            doc: d,
            analysis: a,
        })
        .collect();
    w.write_batch(&batch).expect("write");
}

fn entity_names(r: &Reader, name: &str) -> Vec<(String, String)> {
    r.find_entities(name, 10)
        .expect("find")
        .into_iter()
        .map(|e| (e.name, e.label))
        .collect()
}

#[test]
fn surname_merges_only_when_unambiguous() {
    use EntityLabel::*;
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("t.db");
    let mut w = Writer::open(&path).expect("writer");
    write(
        &mut w,
        &[named(
            "a1",
            &[
                ("Jane Doe", Person),
                ("John Smith", Person),
                ("Ann Smith", Person),
            ],
        )],
    );
    write(
        &mut w,
        &[named("a2", &[("Doe", Person), ("Smith", Person)])],
    );
    // ORG-labelled lone surname still finds the one person
    write(&mut w, &[named("a3", &[("Doe", Org)])]);
    // diacritics, titles and case don't split a person
    write(&mut w, &[named("a4", &[("Dr. JANE DÖE", Person)])]);
    let r = Reader::open(&path).expect("reader");
    let doe = r.find_entities("Doe", 10).expect("find");
    assert_eq!(doe.len(), 1, "{doe:?}");
    assert_eq!(
        doe[0].name, "Jane Doe",
        "the first full form stays the display name"
    );
    assert_eq!(doe[0].articles, 4);
    let p = r
        .profile(doe[0].id, 10, 0)
        .expect("profile")
        .expect("exists");
    let rules: Vec<&str> = p.aliases.iter().map(|a| a.rule.as_str()).collect();
    assert!(
        rules.contains(&"surname") && rules.contains(&"key"),
        "{rules:?}"
    );
    // two Smiths: the lone surname stays its own entity
    let smith = entity_names(&r, "Smith");
    assert!(
        smith.contains(&("Smith".to_string(), "PERSON".to_string())),
        "{smith:?}"
    );
    assert_eq!(smith.len(), 3, "{smith:?}");
}

#[test]
fn alias_rule_ties_an_acronym_seen_before() {
    use EntityLabel::*;
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("t.db");
    let mut w = Writer::open(&path).expect("writer");
    // article 1: the entity stage tied "CSTO" to its expansion
    let text = "The Collective Security Treaty Organization (CSTO) met.";
    let mut a = Analysis::default();
    for (form, _) in [("Collective Security Treaty Organization", 0), ("CSTO", 1)] {
        let s = text.find(form).expect("form");
        a.entities.push(Entity {
            span: Span::new(s, s + form.len()),
            label: Org,
            id: EntityId(0),
            canonical: "Collective Security Treaty Organization".into(),
            role: None,
            affiliation: None,
        });
    }
    write(&mut w, &[(Document::new("b1", text), a)]);
    // article 2 names only the acronym
    write(&mut w, &[named("b2", &[("CSTO", Org)])]);
    let r = Reader::open(&path).expect("reader");
    let found = entity_names(&r, "CSTO");
    assert_eq!(
        found,
        vec![(
            "Collective Security Treaty Organization".to_string(),
            "ORG".to_string()
        )]
    );
}

#[test]
fn schema_guards() {
    let dir = tempfile::tempdir().expect("tmp");
    // a foreign SQLite file is never migrated
    let foreign = dir.path().join("foreign.db");
    rusqlite::Connection::open(&foreign)
        .and_then(|c| c.execute_batch("CREATE TABLE notes(x TEXT);"))
        .expect("a foreign database");
    match Writer::open(&foreign) {
        Err(Error::Schema { hint, .. }) => assert!(hint.contains("not a dossier database")),
        other => panic!("expected a schema error, got {:?}", other.err()),
    }
    // a missing file is not created by a reader
    let missing = dir.path().join("missing.db");
    assert!(matches!(Reader::open(&missing), Err(Error::Missing { .. })));
    assert!(!missing.exists());
    // a current database opens, and its version is the last migration
    let ok = dir.path().join("ok.db");
    drop(Writer::open(&ok).expect("create"));
    let r = Reader::open(&ok).expect("open");
    let v: i64 = r
        .connection()
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .expect("version");
    assert_eq!(v, dossier_store::SCHEMA_VERSION);
    assert_eq!(r.integrity_check().expect("check"), "ok");
}

#[test]
fn common_words_rank_the_newest_matches_and_fall_back() {
    use dossier_core::{Attribution, QuoteKind};
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("t.db");
    let mut w = Writer::open(&path).expect("writer");
    let docs: Vec<(Document, Analysis)> = (0..60)
        .map(|i| {
            let medium = if i == 3 { "Telegram" } else { "Twitter" };
            let text = format!("\"The harbour story number {i} goes on,\" she said.");
            let mut a = Analysis::default();
            a.attributions.push(Attribution {
                content: vec![Span::new(1, text.find(',').expect("comma"))],
                source: None,
                cue: None,
                speaker: None,
                kind: QuoteKind::Direct,
                role: None,
                affiliation: None,
                medium: Some(medium.into()),
                date: None,
            });
            (Document::new(format!("d{i}"), text), a)
        })
        .collect();
    write(&mut w, &docs);
    let mut r = Reader::open(&path).expect("reader");
    r.set_rank_window(10);
    let all = r
        .search(&dossier_store::SearchQuery {
            text: "harbour".into(),
            limit: 5,
            scope: dossier_store::Scope::Quotes,
            ..Default::default()
        })
        .expect("search");
    assert_eq!(all.hits.len(), 5);
    assert!(
        all.hits.iter().all(|h| h.quote_id.unwrap_or(0) > 40),
        "newest matches ranked"
    );
    // a filter that leaves nothing in the window: the search falls back to everything
    let old = r
        .search(&dossier_store::SearchQuery {
            text: "harbour".into(),
            medium: Some("telegram".into()),
            ..Default::default()
        })
        .expect("search");
    assert_eq!(old.hits.len(), 1);
    assert_eq!(old.hits[0].quote_id, Some(4));
}
