package dev.kotae.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.config.AnalyticsConfig;
import dev.kotae.metrics.KotaeMetrics;
import dev.kotae.plugin.SearchEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivered events stay in the journal for {@link JournalShipper#KEEP_DELIVERED}: a database that takes back
 * commits it acknowledged (embedded H2 at a kill -9 while it writes) gets them again from the journal.
 */
class JournalShipperTest {

    private static final int PER_SEGMENT = 10;
    private static final int SEGMENTS = 3;

    @TempDir
    Path data;

    private final AtomicLong nanoTime = new AtomicLong();

    @Test
    void eventsTheDatabaseTookBackAreDeliveredAgainFromTheJournal() throws Exception {
        LossCounters losses = LossCounters.load(data.resolve("losses.properties"));
        try (AnalyticsDatabase database = AnalyticsDatabase.open(AnalyticsConfig.defaults(), data);
                EventJournal journal = journal(losses)) {
            try (JournalShipper shipper = shipper(journal, database, losses)) {
                shipper.start();
                appendInSegments(journal, shipper);
            }
            assertEquals(PER_SEGMENT * SEGMENTS, storedSearches(database));

            // As if the last commits never reached the database's file: no events, no position.
            try (Connection connection = database.connection(); Statement sql = connection.createStatement()) {
                sql.execute("DELETE FROM analytics_event");
                sql.execute("DELETE FROM analytics_journal");
            }
            try (JournalShipper again = shipper(journal, database, losses)) {
                again.start();
                assertTrue(again.awaitDelivered(Duration.ofSeconds(30)), "delivered again");
            }
            assertEquals(PER_SEGMENT * SEGMENTS, storedSearches(database), "every event, from the journal");
        }
        assertEquals(0, losses.lost());
    }

    @Test
    void deliveredSegmentsAreDeletedOnceTheyHaveBeenKeptLongEnough() throws Exception {
        LossCounters losses = LossCounters.load(data.resolve("losses.properties"));
        try (AnalyticsDatabase database = AnalyticsDatabase.open(AnalyticsConfig.defaults(), data);
                EventJournal journal = journal(losses);
                JournalShipper shipper = shipper(journal, database, losses)) {
            shipper.start();
            appendInSegments(journal, shipper);
            long delivered = segmentFiles();
            assertTrue(delivered > SEGMENTS, "all segments still kept: " + delivered);

            // Kept long enough is not enough: as many later batches must have been committed too.
            nanoTime.addAndGet(JournalShipper.KEEP_DELIVERED.toNanos());
            int stored = PER_SEGMENT * SEGMENTS;
            assertTrue(journal.append(search(stored++)));
            assertTrue(shipper.awaitDelivered(Duration.ofSeconds(30)), "delivered");
            assertEquals(delivered, segmentFiles(), "kept: only one batch was committed since");

            // (the shipper trims before it says a batch is delivered, so each count below is after its trim)
            for (int batch = 1; batch <= JournalShipper.KEEP_COMMITS && segmentFiles() > 2; batch++) {
                assertTrue(journal.append(search(stored++)));
                assertTrue(shipper.awaitDelivered(Duration.ofSeconds(30)), "delivered");
            }
            // (a batch may pass from one segment over an emptied one, so which segment it was last noted in varies)
            assertFalse(Files.exists(segment(1)), "the first delivered segment is deleted");
            assertFalse(Files.exists(segment(2)), "the second too");
            assertTrue(segmentFiles() <= 2, "the last noted segment and the one being written may stay");
            assertEquals(stored, storedSearches(database));
        }
    }

    @Test
    void aJournalFullOfDeliveredEventsIsFreedWithoutNewOnes() throws Exception {
        LossCounters losses = LossCounters.load(data.resolve("losses.properties"));
        try (AnalyticsDatabase database = AnalyticsDatabase.open(AnalyticsConfig.defaults(), data);
                EventJournal journal = EventJournal.open(data.resolve("journal"), 4096, Duration.ofHours(1), losses);
                JournalShipper shipper = shipper(journal, database, losses)) {
            shipper.start();
            int appended = 0;
            while (journal.append(search(appended))) { // until full
                appended++;
                if (appended % 5 == 0) {
                    journal.sync();
                }
            }
            assertTrue(shipper.awaitDelivered(Duration.ofSeconds(30)), "delivered");
            assertEquals(appended, storedSearches(database));
            assertFalse(journal.append(search(appended)), "still full: what was delivered is kept");

            // Refused events mean no new batches; the shipper commits its position again until it may trim.
            nanoTime.addAndGet(JournalShipper.KEEP_DELIVERED.toNanos());
            int next = appended + 1;
            Awaitility.await("room again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> journal.append(search(next)));
        }
    }

    private Path segment(long number) {
        return data.resolve("journal").resolve(String.format("%020d.journal", number));
    }

    private EventJournal journal(LossCounters losses) throws Exception {
        // fsync never comes by itself here: the test starts each segment (sync) when it wants one
        return EventJournal.open(data.resolve("journal"), 1L << 30, Duration.ofHours(1), losses);
    }

    private JournalShipper shipper(EventJournal journal, AnalyticsDatabase database, LossCounters losses) {
        return new JournalShipper(journal, database, losses, new KotaeMetrics(), Duration.ofSeconds(10), nanoTime::get);
    }

    /** {@link #SEGMENTS} segments of events, each delivered before the next is begun. */
    private static void appendInSegments(EventJournal journal, JournalShipper shipper) throws Exception {
        for (int segment = 0; segment < SEGMENTS; segment++) {
            for (int i = 0; i < PER_SEGMENT; i++) {
                assertTrue(journal.append(search(segment * PER_SEGMENT + i)));
            }
            journal.sync(); // appends go to a new segment from now on
            assertTrue(shipper.awaitDelivered(Duration.ofSeconds(30)), "delivered");
        }
    }

    private long segmentFiles() throws Exception {
        try (var files = Files.list(data.resolve("journal"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".journal")).count();
        }
    }

    private static long storedSearches(AnalyticsDatabase database) throws Exception {
        try (Connection connection = database.connection(); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM analytics_event WHERE type = 'search'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static SearchEvent search(int i) {
        return new SearchEvent(Instant.parse("2026-12-01T00:00:00Z").plusSeconds(i + 1), "session-" + i,
                "query " + i, "en", 1, List.of("a"), "api");
    }
}
