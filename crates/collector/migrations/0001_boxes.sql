-- phieu collect, schema 1: the same SQL for SQLite and PostgreSQL (docs/collector.md §Storage).
-- One row per ballot box, keyed by its fingerprint: a box is stored once, however often it is sent.
CREATE TABLE boxes (
    fingerprint TEXT PRIMARY KEY,
    seal TEXT NOT NULL,
    poll_hash TEXT NOT NULL,
    poll_id TEXT NOT NULL,
    commune TEXT NOT NULL,
    village TEXT NOT NULL,
    title TEXT NOT NULL,
    ballots BIGINT NOT NULL,
    portal TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    bundle TEXT NOT NULL
);
CREATE INDEX boxes_by_poll ON boxes (poll_hash);
CREATE INDEX boxes_by_commune ON boxes (commune, poll_id);
-- Every commitment once per poll: a ballot sent in two different boxes is refused, not counted twice.
CREATE TABLE ballots (
    poll_hash TEXT NOT NULL,
    commitment TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    PRIMARY KEY (poll_hash, commitment)
);
