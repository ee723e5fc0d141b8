-- The name and code an inspection's target was drawn under, kept with the inspection rather than as two variables of
-- its process (a fan-out starts tens of thousands of processes, and every variable is three rows in the engine): the
-- forms' subject, the 现场检查记录表 and the 检查结果告知书 read them here. Inspections started before this take the
-- directory's present name.
ALTER TABLE inspection ADD COLUMN target_name varchar(200);
ALTER TABLE inspection ADD COLUMN target_code varchar(64);
UPDATE inspection i SET target_name = t.name, target_code = coalesce(trim(t.uscc), t.registration_no)
FROM target t WHERE t.id = i.target_id;
