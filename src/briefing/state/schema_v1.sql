-- One row per briefing ever marked: its id, content hash and path when last marked.
-- A briefing is found by id, then hash, then path (state/key.rs).
CREATE TABLE briefings (
    briefing INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    hash TEXT NOT NULL,
    path BLOB NOT NULL,
    seen_at INTEGER NOT NULL
);
CREATE INDEX briefings_by_id ON briefings (id);
CREATE INDEX briefings_by_hash ON briefings (hash);
CREATE INDEX briefings_by_path ON briefings (path);

-- One row per briefing, person and kind of mark. `hash` is the content hash the briefing
-- had when marked (what "changed since reviewed" compares); `note` only for kind 'note'.
CREATE TABLE marks (
    briefing INTEGER NOT NULL REFERENCES briefings (briefing),
    who TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('read', 'reviewed', 'flagged', 'note')),
    at INTEGER NOT NULL,
    hash TEXT NOT NULL,
    note TEXT,
    PRIMARY KEY (briefing, who, kind)
) WITHOUT ROWID;
