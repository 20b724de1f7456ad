-- Issue 28, the help center learns from its customers.
--
-- Who each event came from, as far as learning needs (Requester): the searcher's audience ('public' or
-- 'agents'), a keyed hash of the client's address (never the address), and whether the request looked
-- automated (a crawler, a pre-fetch). Rows stored before this version have none of them and are not learned
-- from. Top result ids of a search are now the first 10 (were 5): skips above a click at rank 10 are known.
ALTER TABLE analytics_event ADD COLUMN audience VARCHAR(8);
ALTER TABLE analytics_event ADD COLUMN client_hash VARCHAR(64);
ALTER TABLE analytics_event ADD COLUMN automated BOOLEAN;
-- A click is attributed to the latest search of the same session before it: found without reading the
-- session's other events (a flood of clicks from one session would otherwise make each lookup longer).
CREATE INDEX analytics_event_session ON analytics_event (session_id, type, id);

-- One row per visitor session and (query group, article, scope): what that session did about that
-- article for that query. A session counts once per pair however often it clicks; the evidence of a pair
-- is the sum of its rows, each decayed with its age (EvidenceStore). pair_key is a SHA-256 of the pair,
-- since query groups are too long for a portable primary key.
CREATE TABLE learning_choice (
    pair_key VARCHAR(64) NOT NULL,
    session_id VARCHAR(64) NOT NULL,
    query_group VARCHAR(1000) NOT NULL,
    written VARCHAR(1000) NOT NULL,
    article_id VARCHAR(128) NOT NULL,
    scope VARCHAR(8) NOT NULL,
    client_hash VARCHAR(64),
    -- whether the session chose the article (clicked it, a widget opened or solved with it); a row with
    -- chose = FALSE only says the session passed the article over above the one it clicked
    chose BOOLEAN NOT NULL,
    skipped BOOLEAN NOT NULL,
    -- the largest position-weighted click (1/p(rank), capped) of the session on the article
    click_weight DOUBLE PRECISION NOT NULL,
    -- a helpful vote or a widget "solved" after the choice
    voted BOOLEAN NOT NULL,
    -- a new search by the session soon after the choice (dissatisfied)
    returned BOOLEAN NOT NULL,
    -- milliseconds since the epoch (UTC): compared and decayed without dialect-specific date arithmetic
    chosen_at BIGINT NOT NULL,
    PRIMARY KEY (pair_key, session_id)
);

CREATE INDEX learning_choice_session ON learning_choice (session_id, chosen_at);

-- How far learning has read analytics_event (by id, in order), and the version of what it last published.
-- Locked FOR UPDATE while a cycle reads events, so replicas sharing a database never count an event twice.
CREATE TABLE learning_state (
    name VARCHAR(32) PRIMARY KEY,
    last_event_id BIGINT NOT NULL,
    learned_version BIGINT NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- What agents decided about a learned phrasing, or a query they routed to an article.
CREATE TABLE learning_decision (
    pair_key VARCHAR(64) PRIMARY KEY,
    query_group VARCHAR(1000) NOT NULL,
    written VARCHAR(1000) NOT NULL,
    article_id VARCHAR(128) NOT NULL,
    scope VARCHAR(8) NOT NULL,
    decision VARCHAR(16) NOT NULL,
    decided_by VARCHAR(128),
    decided_at TIMESTAMP WITH TIME ZONE NOT NULL
);
