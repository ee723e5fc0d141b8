-- Whether a spot-check task still has an inspection in progress is asked at every publication and closure; with a
-- province's 1,500 inspections a task, counting past the finished ones grew with each one finished.
CREATE INDEX inspection_in_progress_by_task_idx ON inspection (task_id) WHERE status NOT IN ('PUBLISHED', 'CLOSED');
