-- 检查结果查询 stays fast over a million published results: a name by the distinctive two-character pieces of the
-- fragment typed (bigrams, as for the directory in V6), a code exactly.
ALTER TABLE public_result ADD COLUMN name_bigrams text[] GENERATED ALWAYS AS (spotcheck.bigrams(target_name)) STORED;
CREATE INDEX public_result_name_bigrams_idx ON public_result USING gin (name_bigrams);
CREATE INDEX public_result_uscc_idx ON public_result (target_uscc);
CREATE INDEX public_result_registration_no_idx ON public_result (target_registration_no);
