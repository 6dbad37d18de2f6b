-- Version 2: the rest of what the library lists of a file, so that the reader lists the
-- whole library from the index without opening the files.
ALTER TABLE files ADD COLUMN summary TEXT;
-- The validator's warnings of a briefing, or the errors of a file that failed, one JSON
-- object per line (`listed.rs`); '' when there are none. NULL: written by version 1.
ALTER TABLE files ADD COLUMN diagnostics TEXT;
-- Rows written by version 1 lack both: no stamp matches them now, and a row without
-- diagnostics is read again even when its content hash matches, so the next refresh fills
-- them in.
UPDATE files SET size = -1;
