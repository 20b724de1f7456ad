-- How far each server's local event journal has been stored: written in the same transaction as the
-- events it covers, so a crash never stores an event twice or skips one. One row per data folder.
CREATE TABLE analytics_journal (
    journal_id VARCHAR(64) PRIMARY KEY,
    segment BIGINT NOT NULL,
    byte_offset BIGINT NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
