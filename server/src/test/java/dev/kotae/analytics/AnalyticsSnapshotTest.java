package dev.kotae.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            int isolation;
            try (Connection plain = database.connection()) {
                isolation = plain.getTransactionIsolation();
            }
            Connection used;
            try (Connection report = database.snapshot()) {
                used = report.unwrap(Connection.class);
                assertEquals(1, searches(report), "the first statement");
                recorder.write(List.of(search("領収書"))); // committed between the report's statements
                assertEquals(1, searches(report), "a later statement of the same report");
            }
            try (Connection next = database.snapshot()) {
                assertEquals(2, searches(next), "the next report sees it");
            }
            // The pool hands a thread the connection it returned last: the snapshot's, which must be as it was.
            try (Connection plain = database.connection()) {
                assertSame(used, plain.unwrap(Connection.class), "the same connection as the snapshot's");
                assertTrue(plain.getAutoCommit(), "autocommit restored");
                assertFalse(plain.isReadOnly(), "writable again");
                assertEquals(isolation, plain.getTransactionIsolation(), "isolation restored");
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
