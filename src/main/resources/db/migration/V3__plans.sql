-- 年度抽查计划 and its 抽查任务; every publication keeps a snapshot so an adjusted plan's earlier version stays visible.
CREATE TABLE annual_plan (
    id                bigserial    PRIMARY KEY,
    plan_year         integer      NOT NULL CHECK (plan_year BETWEEN 2000 AND 2100),
    department        varchar(100) NOT NULL,
    title             varchar(200) NOT NULL,
    status            varchar(16)  NOT NULL,
    revision          integer      NOT NULL DEFAULT 0,
    item_list_version integer,
    author            varchar(64)  NOT NULL,
    created_at        timestamptz  NOT NULL,
    submitted_at      timestamptz,
    published_at      timestamptz,
    version           bigint       NOT NULL DEFAULT 0
);
CREATE INDEX annual_plan_year_idx ON annual_plan (plan_year);

CREATE TABLE spot_check_task (
    id                    bigserial     PRIMARY KEY,
    plan_id               bigint        NOT NULL REFERENCES annual_plan (id),
    name                  varchar(200)  NOT NULL,
    item_codes            text[]        NOT NULL,
    filter_categories     text[]        NOT NULL DEFAULT '{}',
    filter_regions        text[]        NOT NULL DEFAULT '{}',
    filter_tags           text[]        NOT NULL DEFAULT '{}',
    ratio                 numeric(5, 4) NOT NULL CHECK (ratio > 0 AND ratio <= 1),
    inspectors_per_target integer       NOT NULL CHECK (inspectors_per_target >= 2),
    start_date            date          NOT NULL,
    end_date              date          NOT NULL,
    check_form            varchar(32)   NOT NULL,
    departments           text[]        NOT NULL DEFAULT '{}',
    joint                 boolean       NOT NULL DEFAULT false,
    status                varchar(16)   NOT NULL,
    created_at            timestamptz   NOT NULL
);
CREATE INDEX spot_check_task_plan_idx ON spot_check_task (plan_id);

CREATE TABLE plan_review (
    id          bigserial    PRIMARY KEY,
    plan_id     bigint       NOT NULL REFERENCES annual_plan (id),
    revision    integer      NOT NULL,
    stage       varchar(16)  NOT NULL,
    reviewer    varchar(64)  NOT NULL,
    approved    boolean      NOT NULL,
    comment     text,
    reviewed_at timestamptz  NOT NULL
);

CREATE TABLE plan_publication (
    id           bigserial   PRIMARY KEY,
    plan_id      bigint      NOT NULL REFERENCES annual_plan (id),
    revision     integer     NOT NULL,
    published_at timestamptz NOT NULL,
    snapshot     jsonb       NOT NULL,
    UNIQUE (plan_id, revision)
);
