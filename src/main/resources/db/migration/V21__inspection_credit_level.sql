-- The target's credit level when it was drawn, kept with its inspection: the supervision group compares the rate of
-- findings per level with the ratios per level. Inspections from before are left unrecorded.
ALTER TABLE inspection ADD COLUMN credit_level varchar(8);
