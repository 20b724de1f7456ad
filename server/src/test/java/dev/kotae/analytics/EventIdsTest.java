package dev.kotae.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kotae.analytics.migration.V10__Embedded_event_ids;
import dev.kotae.plugin.KotaeEvent;
import dev.kotae.plugin.SearchEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Event ids follow the order events were stored in, whichever pooled connection stored them (learning
 * reads the events after the last id it saw), and the embedded database takes them from its sequence in
 * blocks, so storing a batch does not commit the sequence every few rows.
 */
class EventIdsTest {

    @TempDir
    Path data;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void idsFollowTheOrderBatchesWereStoredInAcrossConnections(String storage) throws Exception {
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase database = TestDatabases.open(db, data);
                Connection first = database.connection();
                Connection second = database.connection()) {
            EventRecorder recorder = new EventRecorder(database);
            for (int batch = 0; batch < 6; batch++) {
                Connection connection = batch % 2 == 0 ? first : second;
                connection.setAutoCommit(false);
                recorder.store(connection, batch(batch));
                connection.commit();
            }
            List<String> inIdOrder = new ArrayList<>();
            try (Connection read = database.connection(); Statement select = read.createStatement();
                    ResultSet rows = select.executeQuery("SELECT query FROM analytics_event ORDER BY id")) {
                while (rows.next()) {
                    inIdOrder.add(rows.getString(1));
                }
            }
            List<String> stored = new ArrayList<>();
            for (int batch = 0; batch < 6; batch++) {
                batch(batch).forEach(event -> stored.add(((SearchEvent) event.event()).query()));
            }
            assertEquals(stored, inIdOrder);
        }
    }

    @Test
    void theEmbeddedDatabaseTakesIdsInBlocks() throws Exception {
        try (AnalyticsDatabase database = TestDatabases.open(TestDatabases.named("h2"), data);
                Connection connection = database.connection(); Statement select = connection.createStatement();
                ResultSet row = select.executeQuery("SELECT IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS"
                        + " WHERE TABLE_NAME = 'ANALYTICS_EVENT' AND COLUMN_NAME = 'ID'")) {
            row.next();
            assertEquals(V10__Embedded_event_ids.IDS_AT_A_TIME, row.getLong(1));
        }
    }

    private static List<RecordedEvent> batch(int number) {
        List<RecordedEvent> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            KotaeEvent search = new SearchEvent(Instant.parse("2026-12-06T10:00:00Z"), "session-" + i,
                    "batch " + number + " event " + i, "en", 1, List.of("a"), "help-center");
            events.add(RecordedEvent.of(search));
        }
        return events;
    }
}
