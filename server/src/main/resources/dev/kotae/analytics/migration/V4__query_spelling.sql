-- The spelling of a stored query (see QuerySpelling): its group key, folded for width, case and kana
-- (へんきん, ヘンキン and ﾍﾝｷﾝ are all ヘンキン), and its reading in katakana (返金 is read ヘンキン), so the
-- reports count the spellings of one query as one row. Rows stored before this version are filled in by
-- V5 (a Java migration); a row an older replica still writes during a rolling upgrade has neither, and
-- the reports fall back to its query_key for it.
ALTER TABLE analytics_event ADD COLUMN query_group VARCHAR(1000);
ALTER TABLE analytics_event ADD COLUMN query_sound VARCHAR(1000);
