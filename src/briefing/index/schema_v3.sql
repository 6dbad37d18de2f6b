-- Version 3: `files.sort_key` orders by the date's instant (`date::sort_key`), so that the
-- index's newest-first order is the library's reading order and its first rows can be
-- listed before the rest. The keys of the rows already written are recomputed by the
-- migration itself (`schema.rs`), which knows how to read a date; the index on them is made
-- again.
DROP INDEX IF EXISTS files_by_date;
CREATE INDEX files_by_date ON files (sort_key DESC, path);
-- The files that failed, counted at start without reading the table.
CREATE INDEX IF NOT EXISTS files_failed ON files (path) WHERE error IS NOT NULL;
