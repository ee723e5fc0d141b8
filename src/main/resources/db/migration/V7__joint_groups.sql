-- 联合抽查 across tasks: joint tasks of one group (possibly in different departments' plans of the same year) are
-- drawn once, for the union of their scopes, so that each target is visited once for all their items
-- (进一次门、查多项事).
ALTER TABLE spot_check_task ADD COLUMN joint_group varchar(200);
CREATE INDEX spot_check_task_joint_group_idx ON spot_check_task (joint_group) WHERE joint_group IS NOT NULL;

-- Which tasks a draw record covers (a task is drawn once): one row for an ordinary draw, one per member for a
-- joint group's draw. draw_record.task_id stays the task whose process made the draw.
CREATE TABLE draw_task (
    task_id bigint PRIMARY KEY,
    draw_id bigint NOT NULL REFERENCES draw_record (id)
);
CREATE INDEX draw_task_draw_idx ON draw_task (draw_id);
INSERT INTO draw_task (task_id, draw_id) SELECT task_id, id FROM draw_record;

-- A joint group's draw: the group's label, and for each stratum its credit level and the member tasks whose
-- scopes hold its candidates (the stratum code names them too, so the digest covers the mapping).
ALTER TABLE draw_record ADD COLUMN joint_group varchar(200);
ALTER TABLE draw_record ADD COLUMN stratum_tasks jsonb;
