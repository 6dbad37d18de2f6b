-- Version 1 of the index schema. Paths are relative to the library, as bytes.
CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);

-- One row per briefing file; `error` is set (and the briefing's fields are null) when it
-- failed to load.
CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    path BLOB NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    hash INTEGER NOT NULL,
    briefing_id TEXT,
    date TEXT,
    -- The date as written, or '' when there is none: newest first is this, descending.
    sort_key TEXT NOT NULL DEFAULT '',
    day TEXT,
    language TEXT,
    direction TEXT,
    classification TEXT,
    headline TEXT,
    -- The classification normalised, as `class:` compares it.
    class_key TEXT,
    error TEXT
);
CREATE INDEX files_by_date ON files (sort_key DESC, path);
CREATE INDEX files_by_day ON files (day);

-- Normalised text by the scope it is searched in (`in:headline`, `in:body`, `in:quotes`,
-- and everything else), one field per line, one row per loaded briefing (rowid =
-- files.id): trigrams (without positions) find candidates for words of three characters or
-- more, and every word is then looked for in the stored text of its scope.
CREATE VIRTUAL TABLE texts USING fts5 (
    headline, body, quotes, meta,
    tokenize = 'trigram', detail = 'none'
);

-- Tags normalised, as `tag:` compares them.
CREATE TABLE tags (file_id INTEGER NOT NULL, tag TEXT NOT NULL);
CREATE INDEX tags_by_tag ON tags (tag, file_id);
CREATE INDEX tags_by_file ON tags (file_id);

-- An actor as one briefing lists it; `names` holds its id, name and aliases normalised,
-- one per line, for `actor:` and for merging actors across briefings.
CREATE TABLE actors (
    file_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    actor_id TEXT NOT NULL,
    name TEXT NOT NULL,
    aliases TEXT NOT NULL,
    role TEXT,
    organization TEXT,
    country TEXT,
    names TEXT NOT NULL,
    PRIMARY KEY (file_id, position)
) WITHOUT ROWID;

-- A quotation; `actor` is the position of the actor its speaker names, if any, and
-- `speaker_key` the speaker normalised.
CREATE TABLE quotes (
    file_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    speaker TEXT NOT NULL,
    speaker_key TEXT NOT NULL,
    actor INTEGER,
    text TEXT NOT NULL,
    PRIMARY KEY (file_id, position)
) WITHOUT ROWID;
