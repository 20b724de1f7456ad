-- "Was this helpful?" votes, when a shared database is configured (replicas then see each other's votes).
-- With the embedded default, votes stay in data/feedback.jsonl and this table stays empty.
CREATE TABLE feedback_vote (
    id VARCHAR(36) PRIMARY KEY,
    article_id VARCHAR(128) NOT NULL,
    helpful BOOLEAN NOT NULL,
    comment VARCHAR(2000),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX feedback_vote_article ON feedback_vote (article_id, created_at);
CREATE INDEX feedback_vote_time ON feedback_vote (created_at);
