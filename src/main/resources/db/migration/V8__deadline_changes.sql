-- Deadlines reckoned on a provisional year (no State Council notice loaded) and recomputed once the notice came:
-- which deadline of which process moved, from when to when. Nothing is updated or deleted here.
CREATE TABLE deadline_change (
    id bigserial PRIMARY KEY,
    schedule_year integer NOT NULL,
    process_instance_id varchar(64) NOT NULL,
    business_key varchar(255),
    process_definition_key varchar(255) NOT NULL,
    element_id varchar(255) NOT NULL,
    element_name varchar(255),
    old_due timestamptz NOT NULL,
    new_due timestamptz NOT NULL,
    changed_at timestamptz NOT NULL
);
CREATE INDEX deadline_change_year_idx ON deadline_change (schedule_year, id);
CREATE INDEX deadline_change_instance_idx ON deadline_change (process_instance_id);
