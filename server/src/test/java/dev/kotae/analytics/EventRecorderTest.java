package dev.kotae.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kotae.plugin.KotaeEvent;
import dev.kotae.plugin.SearchEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One bad value never sinks a batch, on H2 and PostgreSQL: values longer than their column after masking
 * and lower-casing are cut to fit, and a row the database still refuses is set aside alone (the journal
 * shipper counts it in kotae_analytics_events_rejected_total).
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
            List<KotaeEvent> batch = new ArrayList<>();
            for (int i = 0; i < EventRecorder.BATCH_SIZE; i++) {
                batch.add(search(i == 250 ? GROWS_WHEN_LOWER_CASED : "refund " + i));
            }
            assertEquals(0, new EventRecorder(database).write(batch), "nothing set aside");
            assertEquals(EventRecorder.BATCH_SIZE, count(database, "SELECT COUNT(*) FROM analytics_event"));
            assertEquals(1000, count(database,
                    "SELECT MAX(LENGTH(query_key)) FROM analytics_event WHERE query LIKE 'İİ%'"));
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
            List<KotaeEvent> batch = new ArrayList<>();
            for (int i = 0; i < EventRecorder.BATCH_SIZE; i++) {
                batch.add(search(i == 100 ? "Poison  pill" : "refund " + i));
            }
            assertEquals(1, new EventRecorder(database).write(batch), "one event set aside");
            assertEquals(EventRecorder.BATCH_SIZE - 1, count(database, "SELECT COUNT(*) FROM analytics_event"));
            assertEquals(0, count(database, "SELECT COUNT(*) FROM analytics_event WHERE query_key = 'poison pill'"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void everyStringColumnIsCutToItsWidth(String storage) throws Exception {
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase database = TestDatabases.open(db, data)) {
            String huge = "𝒜".repeat(3000); // surrogate pairs: a cut must not split one
            assertEquals(0, new EventRecorder(database).write(List.of(
                    new SearchEvent(Instant.now(), huge, huge, huge, 1, List.of(huge, huge), huge),
                    new dev.kotae.plugin.DeflectionEvent(Instant.now(), "s-1234567", huge, huge, huge, huge),
                    new dev.kotae.plugin.FeedbackEvent(Instant.now(), null, huge, true, huge),
                    new dev.kotae.plugin.ClickEvent(Instant.now(), null, huge, huge, 1))));
            assertEquals(4, count(database, "SELECT COUNT(*) FROM analytics_event"));
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
}
