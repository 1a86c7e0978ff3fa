-- dossier-store schema, version 1.
-- Applied once by dossier-store (crates/store/src/schema.rs) inside a transaction;
-- PRAGMA user_version records the last migration applied. Never edit a shipped
-- migration: add 0002_*.sql instead.
--
-- Offsets (start, end) are UTF-8 byte offsets into articles.text.

CREATE TABLE articles (
    id          INTEGER PRIMARY KEY,
    hash        TEXT NOT NULL UNIQUE,      -- sha256 of the text: the idempotency key
    source      TEXT NOT NULL,             -- where it came from: path, path:line, WARC URI
    doc_id      TEXT NOT NULL,             -- the input's own id
    url         TEXT,
    title       TEXT,
    author      TEXT,
    published   TEXT,                      -- YYYY-MM-DD (given, or found in the text)
    text        TEXT NOT NULL,
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX articles_published ON articles(published);

-- One row per person, organisation, place ... across the whole collection.
CREATE TABLE entities (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL,                  -- display name: the fullest form seen
    label  TEXT NOT NULL,                  -- PERSON, ORG, PLACE, NORP, ...
    key    TEXT NOT NULL,                  -- normalised full-name key (see identity.rs)
    last   TEXT,                           -- PERSON: the key's last word (surname rule)
    UNIQUE (label, key)
);
CREATE INDEX entities_key ON entities(key);
CREATE INDEX entities_last ON entities(last, label);

-- Every form an entity was written as, and the rule that tied it to the entity.
CREATE TABLE aliases (
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    key       TEXT NOT NULL,
    rule      TEXT NOT NULL,               -- key, article, alias, surname, manual
    seen      INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (entity_id, key)
) WITHOUT ROWID;
CREATE INDEX aliases_key ON aliases(key);

CREATE TABLE mentions (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id  INTEGER NOT NULL REFERENCES entities(id),
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    text       TEXT NOT NULL
);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX mentions_entity ON mentions(entity_id, article_id);

CREATE TABLE attributions (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id   INTEGER REFERENCES entities(id),   -- the speaker, when resolved
    speaker     TEXT,                              -- resolved name as in the article
    source      TEXT,                              -- the mention as written ("he")
    source_start INTEGER,
    source_end  INTEGER,
    cue         TEXT,
    cue_start   INTEGER,
    cue_end     INTEGER,
    kind        TEXT NOT NULL,                     -- direct, mixed, indirect
    role        TEXT,
    affiliation TEXT,
    medium      TEXT,
    date        TEXT,                              -- when said: calendar value
    day         TEXT,                              -- date, else the article's date: for filters
    content     TEXT NOT NULL,                     -- the pieces joined with " … "
    spans       TEXT NOT NULL                      -- JSON [[start,end],...] of the pieces
);
CREATE INDEX attributions_article ON attributions(article_id);
CREATE INDEX attributions_entity ON attributions(entity_id, day);
CREATE INDEX attributions_day ON attributions(day);

-- Roles and affiliations an entity was given, with when they were seen.
CREATE TABLE roles (
    entity_id   INTEGER NOT NULL REFERENCES entities(id),
    role        TEXT,
    affiliation TEXT,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seen        TEXT
);
CREATE INDEX roles_entity ON roles(entity_id);

CREATE TABLE times (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    type       TEXT NOT NULL,
    value      TEXT NOT NULL
);
CREATE INDEX times_article ON times(article_id);

CREATE TABLE events (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    category   TEXT NOT NULL,
    source     TEXT,
    target     TEXT,
    date       TEXT
);
CREATE INDEX events_article ON events(article_id);

-- Manual identity corrections (`dossier merge A B`, `dossier split NAME`). They are
-- replayed by the identity rules on every later ingest, so they survive re-ingest.
CREATE TABLE corrections (
    id         INTEGER PRIMARY KEY,
    action     TEXT NOT NULL,              -- merge | split
    key        TEXT NOT NULL,              -- the key that is moved (merge) or kept apart (split)
    target_key TEXT,                       -- merge: the key it now belongs to
    label      TEXT,
    note       TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX corrections_key ON corrections(key);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
CREATE VIRTUAL TABLE quotes_fts USING fts5(
    content, speaker, content = 'attributions', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);

-- Document frequencies per indexed term: the reader uses them to bound the ranking of
-- very common words (see Reader::search).
CREATE VIRTUAL TABLE articles_vocab USING fts5vocab(articles_fts, 'row');
CREATE VIRTUAL TABLE quotes_vocab USING fts5vocab(quotes_fts, 'row');
