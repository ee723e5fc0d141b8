-- Each draw's latest verification (its record recomputed from the recorded inputs), kept so that pages and the public
-- site show today's check without recomputing a draw over a million candidates on every opening. `state` is what the
-- check was made against (status, digest, replacement count): a record whose state has moved is checked again.
CREATE TABLE draw_verification (
    draw_id      bigint       PRIMARY KEY REFERENCES draw_record (id),
    state        varchar(200) NOT NULL,
    valid        boolean      NOT NULL,
    problems     text         NOT NULL,
    verified_at  timestamptz  NOT NULL
);
