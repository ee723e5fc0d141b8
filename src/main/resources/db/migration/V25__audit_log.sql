-- 审计日志: who did what, when, from where, and how it ended. Append-only (the triggers refuse any change or
-- removal), and each entry carries the digest of the one before it, so that an entry altered or removed behind the
-- triggers' back (by someone able to drop them) breaks the chain at that point.
CREATE TABLE audit_entry (
    position         bigint       PRIMARY KEY,
    at               timestamptz  NOT NULL,
    actor            varchar(64)  NOT NULL,
    address          varchar(64)  NOT NULL,
    action           varchar(200) NOT NULL,
    target           varchar(500) NOT NULL,
    outcome          varchar(20)  NOT NULL,
    status           integer      NOT NULL,
    previous_digest  char(64)     NOT NULL,
    digest           char(64)     NOT NULL
);
CREATE INDEX audit_entry_at_idx ON audit_entry (at);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor, position);

CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '审计日志只能追加，不能修改或删除';
END
$$;
CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
