-- 审核公示 may refuse: the inspection returns to 结果录入 with the reviewer's reason, kept here until it is published.
ALTER TABLE inspection ADD COLUMN publication_refusal text;
ALTER TABLE inspection ADD COLUMN publication_refused_at timestamptz;
