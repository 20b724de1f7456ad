-- Issue 29: the weeks whose KPI digest was posted on schedule, so a restart (or a second replica) never
-- posts the same week twice. A replica claims a week by inserting its row before posting; the primary key
-- makes the claim exclusive. week_start is the first day of the week reported (ISO date, in the analytics
-- time zone).
CREATE TABLE analytics_digest (
    week_start VARCHAR(10) PRIMARY KEY,
    posted_at TIMESTAMP WITH TIME ZONE NOT NULL
);
