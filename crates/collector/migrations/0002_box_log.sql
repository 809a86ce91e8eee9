-- phieu collect, schema 2 (issue 17): what people did, appended, never changed or deleted.
-- action 'confirm': the box (subject = its fingerprint) was confirmed against the code on its
-- signed paper minutes, and counts from then on; 'quarantine': it stops counting; 'replace':
-- a quarantined box was replaced by a bundle of the same fingerprint with other minutes;
-- 'conflict': an upload was refused because of this stored box; 'revoke': the token named by
-- subject is refused from then on. The collector only ever INSERTs here
-- (docs/collector.md §Quarantine, conflicts and the log).
-- A box's generation counts its replacements: a log line speaks of the generation of the box
-- that was stored when it was written, so a replacement starts unconfirmed.
CREATE TABLE IF NOT EXISTS box_log (
    at BIGINT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    actor TEXT NOT NULL,
    reason TEXT NOT NULL,
    generation BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS box_log_by_subject ON box_log (subject, action);
ALTER TABLE boxes ADD COLUMN generation BIGINT NOT NULL DEFAULT 0;
-- A replaced box's row, kept as it was.
CREATE TABLE IF NOT EXISTS replaced_boxes (
    fingerprint TEXT NOT NULL,
    generation BIGINT NOT NULL,
    seal TEXT NOT NULL,
    poll_hash TEXT NOT NULL,
    poll_id TEXT NOT NULL,
    commune TEXT NOT NULL,
    village TEXT NOT NULL,
    title TEXT NOT NULL,
    ballots BIGINT NOT NULL,
    portal TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    bundle TEXT NOT NULL,
    replaced_at BIGINT NOT NULL,
    PRIMARY KEY (fingerprint, generation)
);
