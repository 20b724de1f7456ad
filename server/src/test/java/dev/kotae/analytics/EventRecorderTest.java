package dev.kotae.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.metrics.KotaeMetrics;
import dev.kotae.plugin.SearchEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One bad value never sinks a batch, on H2 and PostgreSQL: values longer than their column after masking
 * and lower-casing are cut to fit, and a row the database still refuses is set aside alone, counted.
 */
class EventRecorderTest {

    @TempDir
    Path data;

    /** 501 × İ is within the search API's limit, but lower-cases to 1,002 characters (İ → i + U+0307). */
    private static final String GROWS_WHEN_LOWER_CASED = "İ".repeat(501);

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aValueThatGrowsWhenNormalisedIsCutToItsColumn(String storage) throws Exception {
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase database = TestDatabases.open(db, data)) {
            KotaeMetrics metrics = new KotaeMetrics();
            EventRecorder recorder = new EventRecorder(database, metrics);
            for (int i = 0; i < EventRecorder.BATCH_SIZE; i++) {
                recorder.accept(search(i == 250 ? GROWS_WHEN_LOWER_CASED : "refund " + i));
            }
            recorder.flush();
            assertEquals(EventRecorder.BATCH_SIZE, count(database, "SELECT COUNT(*) FROM analytics_event"));
            assertEquals(1000, count(database,
                    "SELECT MAX(LENGTH(query_key)) FROM analytics_event WHERE query LIKE 'İİ%'"));
            assertEquals(0.0, counter(metrics, "kotae_analytics_events_rejected_total"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aRowTheDatabaseRefusesIsSetAsideAloneAndCounted(String storage) throws Exception {
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase database = TestDatabases.open(db, data)) {
            // Stands for any value a database may refuse that intake did not foresee.
            execute(database, "ALTER TABLE analytics_event ADD CONSTRAINT no_poison"
                    + " CHECK (query_key IS NULL OR query_key <> 'poison pill')");
            KotaeMetrics metrics = new KotaeMetrics();
            EventRecorder recorder = new EventRecorder(database, metrics);
            for (int i = 0; i < EventRecorder.BATCH_SIZE; i++) {
                recorder.accept(search(i == 100 ? "Poison  pill" : "refund " + i));
            }
            recorder.flush();
            assertEquals(EventRecorder.BATCH_SIZE - 1, count(database, "SELECT COUNT(*) FROM analytics_event"));
            assertEquals(0, count(database, "SELECT COUNT(*) FROM analytics_event WHERE query_key = 'poison pill'"));
            assertEquals(1.0, counter(metrics, "kotae_analytics_events_rejected_total"));
            assertEquals(EventRecorder.BATCH_SIZE - 1.0, counter(metrics, "kotae_analytics_events_stored_total"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void everyStringColumnIsCutToItsWidth(String storage) throws Exception {
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase database = TestDatabases.open(db, data)) {
            KotaeMetrics metrics = new KotaeMetrics();
            EventRecorder recorder = new EventRecorder(database, metrics);
            String huge = "𝒜".repeat(3000); // surrogate pairs: a cut must not split one
            recorder.accept(new SearchEvent(Instant.now(), huge, huge, huge, 1, List.of(huge, huge), huge));
            recorder.accept(new dev.kotae.plugin.DeflectionEvent(Instant.now(), "s-1234567", huge, huge, huge, huge));
            recorder.accept(new dev.kotae.plugin.FeedbackEvent(Instant.now(), null, huge, true, huge));
            recorder.accept(new dev.kotae.plugin.ClickEvent(Instant.now(), null, huge, huge, 1));
            recorder.flush();
            assertEquals(4, count(database, "SELECT COUNT(*) FROM analytics_event"));
            assertEquals(0.0, counter(metrics, "kotae_analytics_events_rejected_total"));
        }
    }

    private static SearchEvent search(String query) {
        return new SearchEvent(Instant.now(), "session-0001", query, "ja", 3, List.of("a", "b"), "api");
    }

    static long count(AnalyticsDatabase database, String sql) throws Exception {
        try (Connection connection = database.connection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static void execute(AnalyticsDatabase database, String sql) throws Exception {
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** A counter's value as /metrics shows it. */
    static double counter(KotaeMetrics metrics, String name) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.write(out);
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).strip());
            }
        }
        assertTrue(false, name + " not in the metrics");
        return -1;
    }
}
