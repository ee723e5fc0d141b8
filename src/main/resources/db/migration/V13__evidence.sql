-- 证据材料: photos and scans an inspection's inspectors attach to its record (执法记录仪 stills, 现场检查记录).
-- Kept with the record and never replaced: a file added in error is superseded by adding the right one.
CREATE TABLE evidence (
    id               bigserial    PRIMARY KEY,
    inspection_code  varchar(40)  NOT NULL REFERENCES inspection (code),
    file_name        varchar(200) NOT NULL,
    content_type     varchar(64)  NOT NULL,
    size_bytes       integer      NOT NULL,
    sha256           char(64)     NOT NULL,
    content          bytea        NOT NULL,
    note             varchar(500),
    uploaded_by      varchar(64)  NOT NULL,
    uploaded_at      timestamptz  NOT NULL
);
CREATE INDEX evidence_inspection_idx ON evidence (inspection_code);
