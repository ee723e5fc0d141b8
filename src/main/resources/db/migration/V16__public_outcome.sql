-- 查处结果: what a closed follow-up is published as (责令改正并已整改 / 立案查处 with the decision and penalty / 已移交 /
-- 已移送). Kept on the follow-up, and copied to 一公开's own table when the follow-up module announces the closure.
ALTER TABLE follow_up ADD COLUMN public_outcome varchar(500);

CREATE TABLE public_outcome (
    inspection_code varchar(40)  PRIMARY KEY,
    outcome         varchar(500) NOT NULL,
    closed_at       timestamptz  NOT NULL
);
