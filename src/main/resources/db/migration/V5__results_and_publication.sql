-- The standard result categories (抽查检查结果) as data, each with the follow-up it calls for and its effect on
-- the target's credit record.
CREATE TABLE result_category (
    name         varchar(64) PRIMARY KEY,
    follow_up    varchar(16) NOT NULL CHECK (follow_up IN ('NONE', 'RECTIFICATION', 'DECIDE', 'HANDOVER', 'REFERRAL')),
    finding      boolean     NOT NULL,  -- a finding enters the target's credit record
    sort_order   integer     NOT NULL
);
INSERT INTO result_category (name, follow_up, finding, sort_order) VALUES
    ('未发现问题', 'NONE', false, 1),
    ('未按规定公示应当公示的信息', 'DECIDE', true, 2),
    ('公示信息隐瞒真实情况、弄虚作假', 'DECIDE', true, 3),
    ('未发现开展本次抽查涉及的经营活动', 'NONE', false, 4),
    ('通过登记的住所（经营场所）无法联系', 'DECIDE', true, 5),
    ('不配合检查情节严重', 'DECIDE', true, 6),
    ('发现问题已责令改正', 'RECTIFICATION', true, 7),
    ('发现问题待后续处理', 'DECIDE', true, 8),
    ('违法违规行为已移交其他部门处理', 'HANDOVER', true, 9),
    ('已移送司法机关', 'REFERRAL', true, 10),
    ('已关闭停业或正在（组织）清算', 'NONE', false, 11),
    ('已注销 / 被吊销 / 被撤销 / 已迁出', 'NONE', false, 12);

-- What must reach 国家企业信用信息公示系统: kept here until the adapter has delivered it.
CREATE TABLE publicity_outbox (
    id              bigserial    PRIMARY KEY,
    inspection_code varchar(40)  NOT NULL UNIQUE,
    payload         jsonb        NOT NULL,
    status          varchar(16)  NOT NULL,
    created_at      timestamptz  NOT NULL,
    delivered_at    timestamptz
);

-- 后续处置: one record per follow-up, closed when its branch ends; every finding moves the target's credit record.
CREATE TABLE follow_up (
    id                  bigserial    PRIMARY KEY,
    inspection_code     varchar(40)  NOT NULL UNIQUE,
    target_id           bigint       NOT NULL,
    kind                varchar(16)  NOT NULL,
    status              varchar(16)  NOT NULL,
    department          varchar(100),
    deadline            date,
    opened_at           timestamptz  NOT NULL,
    closed_at           timestamptz,
    closure             text,
    process_instance_id varchar(64)
);

CREATE TABLE credit_record (
    id              bigserial    PRIMARY KEY,
    target_id       bigint       NOT NULL,
    inspection_code varchar(40)  NOT NULL,
    result_category varchar(64)  NOT NULL,
    recorded_at     timestamptz  NOT NULL
);
CREATE INDEX credit_record_target_idx ON credit_record (target_id);

-- Documents the platform issues (检查通知书, 移交函, 移送函), rendered from Velocity templates and kept as issued.
CREATE TABLE issued_document (
    id          bigserial    PRIMARY KEY,
    kind        varchar(32)  NOT NULL,
    reference   varchar(64)  NOT NULL,
    title       varchar(200) NOT NULL,
    html        text         NOT NULL,
    issued_at   timestamptz  NOT NULL
);
CREATE INDEX issued_document_reference_idx ON issued_document (reference);
