-- 更正: a published result is corrected only through a reviewed request. Every request stays on record with its review,
-- whatever the decision; an approved one changes the inspection's result, and the result's earlier value stays here.
CREATE TABLE result_correction (
    id                  bigserial    PRIMARY KEY,
    inspection_code     varchar(40)  NOT NULL REFERENCES inspection (code),
    old_category        varchar(64)  NOT NULL,
    old_findings        text,
    new_category        varchar(64)  NOT NULL REFERENCES result_category (name),
    new_findings        text,
    reason              varchar(500) NOT NULL,
    requested_by        varchar(64)  NOT NULL,
    requested_at        timestamptz  NOT NULL,
    status              varchar(16)  NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    reviewed_by         varchar(64),
    reviewed_at         timestamptz,
    review_comment      varchar(500),
    revision            integer,     -- the published result's version this correction made (the first publication is 1)
    process_instance_id varchar(64)
);
CREATE INDEX result_correction_code_idx ON result_correction (inspection_code);
-- One request under review per result at a time.
CREATE UNIQUE INDEX result_correction_one_pending_idx ON result_correction (inspection_code) WHERE status = 'PENDING';

-- 一公开's copy of the approved corrections, shown beside the result: when, why, and what had been published.
CREATE TABLE public_correction (
    inspection_code varchar(40)  NOT NULL,
    revision        integer      NOT NULL,
    corrected_at    timestamptz  NOT NULL,
    reason          varchar(500) NOT NULL,
    old_category    varchar(64)  NOT NULL,
    new_category    varchar(64)  NOT NULL,
    PRIMARY KEY (inspection_code, revision)
);

-- A corrected result is delivered again to the channels as its next version.
ALTER TABLE publicity_outbox DROP CONSTRAINT publicity_outbox_inspection_code_key;
ALTER TABLE publicity_outbox ADD CONSTRAINT publicity_outbox_code_version_key UNIQUE (inspection_code, version);
