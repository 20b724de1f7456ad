package dev.kotae.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kotae.config.AnalyticsConfig;
import dev.kotae.plugin.KotaeEvent;
import dev.kotae.plugin.SearchEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention on the embedded database: what is older than the period goes, the rest stays. */
class RetentionPurgeTest {

    @Test
    void deletesOnlyEventsOlderThanTheRetentionPeriod(@TempDir Path data) throws Exception {
        Instant now = Instant.parse("2026-11-27T12:00:00Z");
        try (AnalyticsDatabase database = AnalyticsDatabase.open(AnalyticsConfig.defaults(), data)) {
            EventRecorder recorder = new EventRecorder(database);
            List<KotaeEvent> events = new ArrayList<>();
            for (Duration age : List.of(Duration.ofDays(200), Duration.ofDays(181), Duration.ofDays(179), Duration.ZERO)) {
                events.add(new SearchEvent(now.minus(age), null, "返金 " + age.toDays(), "ja", 1, List.of(), "api"));
            }
            recorder.write(events);
            RetentionPurge purge = new RetentionPurge(database, Duration.ofDays(180), Clock.fixed(now, ZoneOffset.UTC));
            assertEquals(2, purge.purge());
            try (Connection connection = database.connection(); Statement sql = connection.createStatement();
                    ResultSet rows = sql.executeQuery("SELECT query FROM analytics_event ORDER BY occurred_at")) {
                rows.next();
                assertEquals("返金 179", rows.getString(1));
                rows.next();
                assertEquals("返金 0", rows.getString(1));
            }
            assertEquals(0, purge.purge());
        }
    }
}
