-- 督查通报: the supervision group's notice about an overdue item to the department responsible, with a deadline to
-- answer; the answer is kept with it.
CREATE TABLE supervision_notice (
    id                  bigserial    PRIMARY KEY,
    rule                varchar(40)  NOT NULL,
    reference           varchar(80)  NOT NULL,
    title               varchar(300) NOT NULL,
    department          varchar(100) NOT NULL,
    content             varchar(2000) NOT NULL,
    due_date            date         NOT NULL,
    issued_by           varchar(64)  NOT NULL,
    issued_at           timestamptz  NOT NULL,
    status              varchar(16)  NOT NULL CHECK (status IN ('OPEN', 'ANSWERED')),
    answer              varchar(4000),
    answered_by         varchar(64),
    answered_at         timestamptz,
    process_instance_id varchar(64)
);
CREATE INDEX supervision_notice_status_idx ON supervision_notice (status, due_date);
