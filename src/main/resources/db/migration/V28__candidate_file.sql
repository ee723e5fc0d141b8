-- A draw's candidate list is kept as its canonical file (algorithm version 2), about two bytes a candidate and not
-- compressible further: stored as it is, the database does not try to compress two megabytes on every draw.
ALTER TABLE draw_record ALTER COLUMN candidates SET STORAGE EXTERNAL;
