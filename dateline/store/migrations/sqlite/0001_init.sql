-- dateline SQLite schema, version 1.
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE articles (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,              -- content hash of the raw text
    source_id INTEGER REFERENCES sources(id),
    url TEXT,
    title TEXT,
    author TEXT,
    published TEXT,                       -- ISO date
    language TEXT,
    path TEXT,
    dateline TEXT,
    extracted INTEGER NOT NULL,
    warnings TEXT NOT NULL,               -- JSON list
    raw_text TEXT NOT NULL,
    text TEXT NOT NULL,
    schema_version TEXT NOT NULL,
    document TEXT NOT NULL,               -- the whole Article as JSON
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_source ON articles(source_id);

CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='pk');
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text);
END;

CREATE TABLE repairs (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    raw_start INTEGER NOT NULL, raw_end INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    before TEXT NOT NULL, after TEXT NOT NULL
);
CREATE INDEX repairs_article ON repairs(article_id);

CREATE TABLE entities (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    aliases TEXT NOT NULL, acronyms TEXT NOT NULL, roles TEXT NOT NULL,   -- JSON lists
    nationality TEXT, affiliation TEXT,
    mention_count INTEGER NOT NULL,
    PRIMARY KEY (article_id, id)
);
CREATE INDEX entities_name ON entities(name);

CREATE TABLE mentions (
    article_id TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL, kind TEXT NOT NULL,
    FOREIGN KEY (article_id, entity_id) REFERENCES entities(article_id, id) ON DELETE CASCADE
);
CREATE INDEX mentions_entity ON mentions(article_id, entity_id);

CREATE TABLE places (
    pk INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    name TEXT NOT NULL, text TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    geonameid INTEGER, feature_class TEXT, feature_code TEXT, admin_level INTEGER,
    country_code TEXT, country TEXT, admin1 TEXT, admin1_code TEXT, admin2 TEXT, admin2_code TEXT,
    lat REAL, lon REAL, coord_source TEXT, source TEXT, precision INTEGER, relation TEXT, distance_km REAL,
    resolved INTEGER NOT NULL,
    UNIQUE (article_id, id)
);
CREATE INDEX places_geonameid ON places(geonameid);
CREATE VIRTUAL TABLE places_rtree USING rtree(pk, min_lat, max_lat, min_lon, max_lon);
CREATE TRIGGER places_ad AFTER DELETE ON places BEGIN
    DELETE FROM places_rtree WHERE pk = old.pk;
END;

CREATE TABLE times (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    type TEXT NOT NULL, value TEXT NOT NULL, mod TEXT, anchored INTEGER NOT NULL,
    PRIMARY KEY (article_id, id)
);

CREATE TABLE events (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    trigger TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    plover_type TEXT, plover_mode TEXT, cameo TEXT,
    acled_event_type TEXT, acled_sub_event_type TEXT,
    actor1 TEXT, actor2 TEXT,
    place_id TEXT, date TEXT, date_end TEXT, time_precision INTEGER, geo_precision INTEGER,
    fatalities INTEGER,
    status TEXT NOT NULL, background INTEGER NOT NULL, source_entity_id TEXT,
    evidence TEXT NOT NULL,               -- JSON list of [start, end]
    PRIMARY KEY (article_id, id)
);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_type ON events(acled_event_type);

CREATE TABLE event_arguments (
    article_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    role TEXT NOT NULL, text TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    entity_id TEXT, actor_type TEXT,
    FOREIGN KEY (article_id, event_id) REFERENCES events(article_id, id) ON DELETE CASCADE
);

CREATE TABLE counts (
    article_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    kind TEXT NOT NULL, number INTEGER, qualifier TEXT, object TEXT, vague INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    FOREIGN KEY (article_id, event_id) REFERENCES events(article_id, id) ON DELETE CASCADE
);

CREATE TABLE quotes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    direct INTEGER NOT NULL, cue TEXT,
    speaker_text TEXT, speaker_entity_id TEXT, speaker_name TEXT, speaker_description TEXT,
    stance TEXT NOT NULL, date TEXT,
    event_ids TEXT NOT NULL,              -- JSON list
    PRIMARY KEY (article_id, id)
);
CREATE INDEX quotes_stance ON quotes(stance);
