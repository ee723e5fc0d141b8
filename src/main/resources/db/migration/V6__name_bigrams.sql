-- Chinese names are searched by two-character fragments (“顺达”, “物流”), which pg_trgm cannot index (it needs
-- three). Each name's two-character pieces are kept in a generated column with its own index.
CREATE FUNCTION spotcheck.bigrams(value text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$
    SELECT coalesce(array_agg(DISTINCT substr(lower(value), i, 2)), '{}')
    FROM generate_series(1, char_length(value) - 1) AS i
$$;

ALTER TABLE target ADD COLUMN name_bigrams text[] GENERATED ALWAYS AS (spotcheck.bigrams(name)) STORED;
CREATE INDEX target_name_bigrams_idx ON target USING gin (name_bigrams);
