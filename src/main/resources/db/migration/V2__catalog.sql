-- 一单两库: items, targets, inspectors, recusals, and the history of every change to them.
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;

CREATE TABLE target_category (
    name          varchar(32) PRIMARY KEY,
    key_category  boolean     NOT NULL DEFAULT false, -- 两客一危: every target is checked (100 %)
    sort_order    integer     NOT NULL
);
INSERT INTO target_category (name, key_category, sort_order) VALUES
    ('公路客运', false, 1), ('公路货运', false, 2), ('水路运输', false, 3), ('公交', false, 4), ('出租', false, 5),
    ('机动车维修', false, 6), ('驾驶员培训', false, 7), ('行业个体经营者', false, 8),
    ('旅游客运包车', true, 9), ('客运班线', true, 10), ('危险货物道路运输', true, 11);

CREATE TABLE classification_tag (
    name        varchar(32)  PRIMARY KEY,
    description varchar(200) NOT NULL
);
INSERT INTO classification_tag (name, description) VALUES
    ('两客一危', '旅游包车、三类以上班线客车、危险化学品/烟花爆竹/民用爆炸物品道路运输'),
    ('重点监管', '列入重点监管名单'),
    ('新设立', '近一年内新设立或新取得经营许可'),
    ('投诉较多', '近一年内投诉举报较多'),
    ('曾发生事故', '近三年内发生过安全生产责任事故'),
    ('信用修复中', '正在进行信用修复'),
    ('跨区域经营', '在多个区域从事经营活动'),
    ('个体工商户', '个体经营者'),
    ('危化品', '运输危险化学品'),
    ('烟花爆竹', '运输烟花爆竹'),
    ('民用爆炸物品', '运输民用爆炸物品'),
    ('农村客运', '农村客运线路经营');

CREATE TABLE inspection_item (
    id              bigserial    PRIMARY KEY,
    code            varchar(32)  NOT NULL UNIQUE,
    name            varchar(200) NOT NULL,
    legal_basis     text         NOT NULL,
    department      varchar(100) NOT NULL,
    item_type       varchar(8)   NOT NULL CHECK (item_type IN ('GENERAL', 'KEY')),
    categories      text[]       NOT NULL DEFAULT '{}',
    default_ratio   numeric(5, 4) CHECK (default_ratio > 0 AND default_ratio <= 1),
    expertise       text[]       NOT NULL DEFAULT '{}',
    joint_checkable boolean      NOT NULL DEFAULT true,
    active          boolean      NOT NULL DEFAULT true,
    created_at      timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL,
    version         bigint       NOT NULL DEFAULT 0
);

-- Each change to the item list makes a new version holding the whole list, so a plan approved with version n
-- keeps reading exactly what was approved.
CREATE TABLE item_list_version (
    version     integer      PRIMARY KEY,
    created_at  timestamptz  NOT NULL,
    created_by  varchar(64)  NOT NULL,
    summary     varchar(300) NOT NULL,
    snapshot    jsonb        NOT NULL
);

CREATE TABLE target (
    id                   bigserial    PRIMARY KEY,
    uscc                 char(18)     UNIQUE,
    registration_no      varchar(64)  UNIQUE,
    name                 varchar(200) NOT NULL,
    category             varchar(32)  NOT NULL REFERENCES target_category (name),
    region               varchar(64)  NOT NULL,
    address              varchar(300),
    legal_representative varchar(64),
    operating_status     varchar(16)  NOT NULL,
    credit_level         varchar(8)   NOT NULL,
    tags                 text[]       NOT NULL DEFAULT '{}',
    created_at           timestamptz  NOT NULL,
    updated_at           timestamptz  NOT NULL,
    version              bigint       NOT NULL DEFAULT 0,
    CONSTRAINT target_identified CHECK (uscc IS NOT NULL OR registration_no IS NOT NULL)
);
CREATE INDEX target_name_trgm ON target USING gin (name public.gin_trgm_ops);
CREATE INDEX target_category_idx ON target (category, id);
CREATE INDEX target_region_idx ON target (region, id);
CREATE INDEX target_credit_idx ON target (credit_level, id);
CREATE INDEX target_tags_idx ON target USING gin (tags);

CREATE TABLE inspector (
    id                      bigserial    PRIMARY KEY,
    staff_no                varchar(32)  NOT NULL UNIQUE,
    name                    varchar(64)  NOT NULL,
    department              varchar(100) NOT NULL,
    position                varchar(64),
    certificate_no          varchar(64),
    certificate_valid_until date,
    enforcement_years       integer      CHECK (enforcement_years >= 0),
    expertise               text[]       NOT NULL DEFAULT '{}',
    status                  varchar(8)   NOT NULL CHECK (status IN ('在岗', '离岗', '退休', '暂停')),
    created_at              timestamptz  NOT NULL,
    updated_at              timestamptz  NOT NULL,
    version                 bigint       NOT NULL DEFAULT 0
);
CREATE INDEX inspector_department_idx ON inspector (department);

CREATE TABLE recusal (
    id           bigserial    PRIMARY KEY,
    inspector_id bigint       NOT NULL REFERENCES inspector (id),
    target_id    bigint       NOT NULL REFERENCES target (id),
    relation     varchar(32)  NOT NULL,
    reason       varchar(500) NOT NULL,
    valid_from   date         NOT NULL,
    valid_to     date,
    declared_by  varchar(64)  NOT NULL,
    declared_at  timestamptz  NOT NULL
);
CREATE INDEX recusal_inspector_idx ON recusal (inspector_id);
CREATE INDEX recusal_target_idx ON recusal (target_id);

-- 动态调整: who changed which record of which register, when, from what to what.
CREATE TABLE change_record (
    id          bigserial   PRIMARY KEY,
    register    varchar(16) NOT NULL,
    record_id   bigint      NOT NULL,
    action      varchar(16) NOT NULL,
    changed_by  varchar(64) NOT NULL,
    changed_at  timestamptz NOT NULL,
    changes     jsonb       NOT NULL
);
CREATE INDEX change_record_lookup ON change_record (register, record_id, id);
