-- One vote per visitor per article (issue 29): a visitor voting again changes their vote instead of adding
-- one. Votes cast before this migration, and votes from callers that name no visitor, have no visitor id;
-- a unique index lets any number of NULLs through on both H2 and PostgreSQL, so they stay as they were.
ALTER TABLE feedback_vote ADD COLUMN visitor_id VARCHAR(64);

CREATE UNIQUE INDEX feedback_vote_visitor ON feedback_vote (article_id, visitor_id);
