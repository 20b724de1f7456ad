-- The choices one client address made in a day are counted before another is recorded
-- (EvidenceIngestion.PAIRS_PER_ADDRESS_PER_DAY): without this index that count read the whole table.
CREATE INDEX learning_choice_client ON learning_choice (client_hash, chosen_at);
