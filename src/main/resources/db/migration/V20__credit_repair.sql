-- 结果运用: a finding lowers the target's credit level and is kept with the level before and after; once it was put
-- right (a clean result since, or the rectification completed) and a period passed without a new finding, the level
-- is given back (信用修复), recorded here too. A finding that took the target to C or D put it under 重点监管.
ALTER TABLE credit_record ADD COLUMN level_before   varchar(8);
ALTER TABLE credit_record ADD COLUMN level_after    varchar(8);
ALTER TABLE credit_record ADD COLUMN tagged         boolean NOT NULL DEFAULT false;
ALTER TABLE credit_record ADD COLUMN put_right_at   timestamptz;
ALTER TABLE credit_record ADD COLUMN put_right_by   varchar(200);
ALTER TABLE credit_record ADD COLUMN repaired_at    timestamptz;
CREATE UNIQUE INDEX credit_record_inspection_idx ON credit_record (inspection_code);
