-- 绩效考核's history: each department's score as it stood when a quarter's 调度报告 was issued.
CREATE TABLE assessment_history (
    year        integer      NOT NULL,
    quarter     integer      NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    department  varchar(100) NOT NULL,
    score       numeric(5,1) NOT NULL,
    out_of      integer      NOT NULL,
    recorded_at timestamptz  NOT NULL,
    PRIMARY KEY (year, quarter, department)
);
