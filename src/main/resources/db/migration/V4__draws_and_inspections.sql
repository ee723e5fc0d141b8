-- 双随机: every draw keeps its inputs (seed, candidate list, inspector pool and recusals) so anyone can recompute
-- it, and the digest of the record before it, so that altering or deleting an old draw is detectable.
CREATE TABLE draw_record (
    id                bigserial    PRIMARY KEY,
    task_id           bigint       NOT NULL UNIQUE,
    status            varchar(16)  NOT NULL,
    algorithm         varchar(64)  NOT NULL,
    algorithm_version integer      NOT NULL,
    seed              char(64)     NOT NULL,
    candidate_count   integer      NOT NULL,
    candidate_digest  char(64)     NOT NULL,
    candidates        bytea        NOT NULL,   -- gzip of "id|stratum|weight\n" lines, canonical order
    ratios            jsonb        NOT NULL,
    strata            jsonb        NOT NULL,
    inspector_inputs  bytea,                   -- gzip of the inspector draw's inputs (JSON)
    chain_position    bigint       UNIQUE,
    previous_digest   char(64),
    digest            char(64),
    drawn_by          varchar(64)  NOT NULL,
    drawn_at          timestamptz  NOT NULL,
    confirmed_by      varchar(64),
    published_at      timestamptz
);

CREATE TABLE draw_assignment (
    draw_id        bigint   NOT NULL REFERENCES draw_record (id),
    position       integer  NOT NULL,
    target_id      bigint   NOT NULL,
    inspector_ids  bigint[] NOT NULL,
    PRIMARY KEY (draw_id, position)
);
CREATE UNIQUE INDEX draw_assignment_target ON draw_assignment (draw_id, target_id);

CREATE TABLE draw_replacement (
    id                  bigserial    PRIMARY KEY,
    draw_id             bigint       NOT NULL REFERENCES draw_record (id),
    sequence            integer      NOT NULL,
    target_id           bigint       NOT NULL,
    replaced_inspector  bigint       NOT NULL,
    new_inspector       bigint       NOT NULL,
    reason              varchar(500) NOT NULL,
    requested_by        varchar(64)  NOT NULL,
    requested_at        timestamptz  NOT NULL,
    inspector_inputs    bytea        NOT NULL,
    chain_position      bigint       NOT NULL UNIQUE,
    previous_digest     char(64)     NOT NULL,
    digest              char(64)     NOT NULL,
    UNIQUE (draw_id, sequence)
);

-- 检查: one row per drawn target, opened when its inspection process starts.
CREATE TABLE inspection (
    id                   bigserial    PRIMARY KEY,
    code                 varchar(40)  NOT NULL UNIQUE,
    task_id              bigint       NOT NULL,
    target_id            bigint       NOT NULL,
    item_codes           text[]       NOT NULL,
    inspector_staff_nos  text[]       NOT NULL,
    status               varchar(24)  NOT NULL,
    inspection_date      date,
    result_category      varchar(64),
    findings             text,
    inspection_end_date  date,
    publication_due_date date,
    published_at         timestamptz,
    process_instance_id  varchar(64),
    created_at           timestamptz  NOT NULL
);
CREATE INDEX inspection_task_idx ON inspection (task_id);
CREATE INDEX inspection_target_idx ON inspection (target_id);
