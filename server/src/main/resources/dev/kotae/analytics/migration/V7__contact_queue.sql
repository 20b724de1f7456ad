-- Issue 29, the contact page: each request a customer submitted, kept before the customer is told it was
-- sent, and one row per destination it goes to (an outbox): a background sender delivers them, retrying a
-- destination that is down, and admins see what is still queued or failed. Times are milliseconds since
-- the epoch (UTC), compared without dialect-specific date arithmetic. The form limits text in characters
-- (code points); the columns are twice as wide, since H2 counts UTF-16 units (an emoji or 𠮷 is two).
CREATE TABLE contact_request (
    id VARCHAR(36) PRIMARY KEY,
    submitted_at BIGINT NOT NULL,
    locale VARCHAR(8) NOT NULL,
    category_id VARCHAR(32) NOT NULL,
    category_label VARCHAR(200) NOT NULL,
    priority VARCHAR(8) NOT NULL,
    name VARCHAR(400),
    email VARCHAR(508) NOT NULL,
    subject VARCHAR(400) NOT NULL,
    description VARCHAR(10000) NOT NULL,
    -- article ids separated by spaces, in the order the page suggested / the customer opened them
    articles_shown VARCHAR(2000) NOT NULL,
    articles_opened VARCHAR(2000) NOT NULL
);

CREATE INDEX contact_request_time ON contact_request (submitted_at);

CREATE TABLE contact_delivery (
    request_id VARCHAR(36) NOT NULL REFERENCES contact_request (id),
    destination VARCHAR(64) NOT NULL,
    -- pending, delivered or failed-permanent (DeliveryState)
    state VARCHAR(16) NOT NULL,
    attempts INTEGER NOT NULL,
    -- when the sender tries it next; a replica that claims it moves this forward first
    next_attempt_at BIGINT NOT NULL,
    last_error VARCHAR(1000),
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (request_id, destination)
);

CREATE INDEX contact_delivery_due ON contact_delivery (state, next_attempt_at);
