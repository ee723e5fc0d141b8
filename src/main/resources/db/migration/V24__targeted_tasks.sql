-- 定向抽查: a task whose targets are named (from a 信用风险预警), not drawn; outside the random draw and said so
-- publicly. Null target ids: an ordinary task drawn at random.
ALTER TABLE spot_check_task ADD COLUMN targeted_target_ids bigint[];
ALTER TABLE spot_check_task ADD COLUMN targeted_reason     varchar(500);
ALTER TABLE spot_check_task ADD COLUMN targeted_by         varchar(64);

-- A 信用风险预警 answered with a 定向抽查: the warning (kind:key) is not offered again while its task stands.
CREATE TABLE risk_warning_action (
    id         bigserial   PRIMARY KEY,
    reference  varchar(200) NOT NULL,
    task_id    bigint      NOT NULL,
    acted_by   varchar(64) NOT NULL,
    acted_at   timestamptz NOT NULL
);
CREATE INDEX risk_warning_action_reference_idx ON risk_warning_action (reference);

-- 预警 of an industry reads the results published for two quarters by the day the check ended.
CREATE INDEX public_result_end_date_idx ON public_result (inspection_end_date, target_category);
