-- phieu collect, schema 2 (issue 17): what people did, appended, never changed or deleted.
-- action 'confirm': the box (subject = its fingerprint) was confirmed against the code on its
-- signed paper minutes, and counts from then on; 'quarantine': it stops counting; 'revoke': the
-- token named by subject is refused from then on. The collector only ever INSERTs here
-- (docs/collector.md §The log).
CREATE TABLE IF NOT EXISTS box_log (
    at BIGINT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    actor TEXT NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS box_log_by_subject ON box_log (subject, action);
