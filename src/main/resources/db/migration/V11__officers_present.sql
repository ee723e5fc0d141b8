-- 行政处罚法 art. 42: at least two officers at the inspection. The on-site record names the drawn officers who were there.
ALTER TABLE inspection ADD COLUMN present_officers text[];
