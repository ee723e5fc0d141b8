-- 文号: each kind of document is numbered per department and year (长交检通〔2027〕15号). The counter row is taken
-- under its row lock in the transaction that issues the document, so numbers are neither skipped (a rolled-back
-- issue gives its number back) nor repeated (two issues wait for each other).
CREATE TABLE document_number_counter (
    kind         varchar(32)  NOT NULL,
    department   varchar(100) NOT NULL,
    year         integer      NOT NULL,
    last_number  integer      NOT NULL,
    PRIMARY KEY (kind, department, year)
);
ALTER TABLE issued_document ADD COLUMN document_number varchar(80);
