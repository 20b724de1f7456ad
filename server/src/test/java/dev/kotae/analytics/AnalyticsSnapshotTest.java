package dev.kotae.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kotae.plugin.SearchEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a report reads in several statements ({@link AnalyticsDatabase#snapshot}) is one moment: an event
 * committed between two of its statements is in neither, so the figures of one report agree with each
 * other. On H2 and on PostgreSQL (skipped without {@code KOTAE_TEST_POSTGRES_URL}, except on CI).
 */
class AnalyticsSnapshotTest {

    private static final Instant AT = Instant.parse("2026-12-01T00:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aSnapshotDoesNotSeeWhatIsCommittedWhileItReads(String storage, @TempDir Path data) throws Exception {
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase database = TestDatabases.open(db, data)) {
            EventRecorder recorder = new EventRecorder(database);
            recorder.write(List.of(search("返金")));
            try (Connection report = database.snapshot()) {
                assertEquals(1, searches(report), "the first statement");
                recorder.write(List.of(search("領収書"))); // committed between the report's statements
                assertEquals(1, searches(report), "a later statement of the same report");
            }
            try (Connection next = database.snapshot()) {
                assertEquals(2, searches(next), "the next report sees it");
            }
            try (Connection plain = database.connection()) {
                assertEquals(true, plain.getAutoCommit(), "the pool gives the connection back as it was");
            }
        }
    }

    private static SearchEvent search(String query) {
        return new SearchEvent(AT, null, query, "ja", 1, List.of(), "api");
    }

    private static long searches(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM analytics_event WHERE type = 'search'")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
