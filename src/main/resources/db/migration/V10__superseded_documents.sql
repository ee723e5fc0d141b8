-- A document replaced by a newer one of the same kind (a 检查通知书 re-issued after an officer was replaced) stays on
-- record, marked with the document that superseded it.
ALTER TABLE issued_document ADD COLUMN superseded_by bigint REFERENCES issued_document (id);
