package dev.kotae.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.analytics.AnalyticsDatabase;
import dev.kotae.analytics.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The local copy of contact requests: what the database took back after acknowledging it is queued again
 * (and delivered) at the next start, what it still holds is left alone, a torn line is skipped, and old
 * days' files go.
 */
class ContactBackupTest {

    @TempDir
    Path data;

    /** What H2 does when killed mid-write, exaggerated: the commits of these requests are gone. */
    private static void takeBack(AnalyticsDatabase database, String... ids) throws Exception {
        try (Connection connection = database.dataSource().getConnection()) {
            for (String table : List.of("contact_delivery WHERE request_id", "contact_request WHERE id")) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " = ?")) {
                    for (String id : ids) {
                        delete.setString(1, id);
                        delete.executeUpdate();
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void requestsTheDatabaseTookBackAreQueuedAgainAndTheOthersLeftAlone(String storage) throws Exception {
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase database = TestDatabases.open(db, data)) {
            ContactQueueTest.MovingClock clock = new ContactQueueTest.MovingClock();
            ContactQueue queue = new ContactQueue(database);
            ContactBackup backup = new ContactBackup(data.resolve("contact-backup"), clock);
            ContactQueueTest.FlakyDestination hook = new ContactQueueTest.FlakyDestination();
            List<String> ids = List.of("r-1", "r-2", "r-3");
            for (String id : ids) {
                ContactRequest request = ContactQueueTest.request(id, clock.instant());
                queue.enqueue(request, List.of("hook"));
                backup.keep(request, List.of("hook"));
            }
            try (ContactSender sender = new ContactSender(queue, null, Map.of("hook", hook), clock)) {
                sender.sendDue();
            }
            assertEquals(3, hook.delivered.get());

            takeBack(database, "r-2", "r-3");
            assertTrue(queue.request("r-2").isEmpty());

            // The next start: the sender restores before its first delivery.
            try (ContactSender sender = new ContactSender(queue, backup, Map.of("hook", hook), clock)) {
                sender.sendDue();
            }
            assertEquals(ContactQueueTest.request("r-2", clock.instant()), queue.request("r-2").orElseThrow(),
                    "restored as it was submitted");
            assertEquals(5, hook.delivered.get(), "r-2 and r-3 delivered again, r-1 not");
            assertEquals(3, queue.recent(10).size());
            assertTrue(queue.undelivered(10).isEmpty());

            assertEquals(0, backup.restoreInto(queue), "nothing to restore twice");
        }
    }

    @Test
    void aLineTornByAKillIsSkippedAndTheOthersOfItsFileStayReadable() throws Exception {
        ContactQueueTest.MovingClock clock = new ContactQueueTest.MovingClock();
        Path folder = data.resolve("contact-backup");
        ContactBackup backup = new ContactBackup(folder, clock);
        backup.keep(ContactQueueTest.request("r-1", clock.instant()), List.of("hook"));
        Path file = onlyFile(folder);
        // Torn inside 返 (three bytes in UTF-8): the file is no longer valid UTF-8 as a whole.
        byte[] torn = "{\"request\":{\"id\":\"r-torn\",\"subject\":\"返".getBytes(StandardCharsets.UTF_8);
        Files.write(file, java.util.Arrays.copyOf(torn, torn.length - 1), StandardOpenOption.APPEND);
        assertEquals(List.of("r-1"), ids(backup.read()));

        ContactBackup afterRestart = new ContactBackup(folder, clock);
        afterRestart.keep(ContactQueueTest.request("r-2", clock.instant()), List.of("hook", "mail"));
        Files.write(file, "{\"request\":null,\"destinations\":[\"hook\"]}\n".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);
        afterRestart.keep(ContactQueueTest.request("r-3", clock.instant()), List.of("hook"));
        List<ContactBackup.Kept> kept = afterRestart.read();
        assertEquals(List.of("r-1", "r-2", "r-3"), ids(kept), "the torn and the empty line are skipped, no more");
        assertEquals(List.of("hook", "mail"), kept.get(1).destinations());
    }

    @Test
    void daysPastKeepingAreDeletedOnlyAWhileAfterTheyWereRestored() throws Exception {
        ContactQueueTest.MovingClock clock = new ContactQueueTest.MovingClock();
        Path folder = data.resolve("contact-backup");
        ContactBackup backup = new ContactBackup(folder, clock);
        Instant first = clock.now;
        for (int day = 1; day <= 3; day++) {
            clock.now = first.plus(Duration.ofDays(day - 1));
            backup.keep(ContactQueueTest.request("day-" + day, clock.instant()), List.of("hook"));
        }
        // A server that was down for days: nothing goes before its start restored it.
        ContactBackup restarted = new ContactBackup(folder, clock);
        clock.now = first.plus(Duration.ofDays(ContactBackup.KEEP_DAYS + 2));
        restarted.keep(ContactQueueTest.request("day-5", clock.instant()), List.of("hook"));
        assertEquals(0, restarted.forgetOld());
        assertEquals(List.of("day-1", "day-2", "day-3", "day-5"), ids(restarted.read()));

        try (TestDatabases.Storage db = TestDatabases.named("h2");
                AnalyticsDatabase database = TestDatabases.open(db, data)) {
            assertEquals(4, restarted.restoreInto(new ContactQueue(database)));
        }
        assertEquals(0, restarted.forgetOld(), "not at once: what was restored is committed just now");
        clock.now = clock.now.plus(ContactBackup.SETTLE);
        assertEquals(2, restarted.forgetOld(), "day 1 and day 2 ended more than two days ago");
        assertEquals(0, restarted.forgetOld(), "one sweep a day, however often the sender asks");
        assertEquals(List.of("day-3", "day-5"), ids(restarted.read()));
        assertFalse(Files.exists(folder.resolve("2026-12-06.jsonl")));
    }

    private static Path onlyFile(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all::toString);
            return all.get(0);
        }
    }

    private static List<String> ids(List<ContactBackup.Kept> kept) {
        return kept.stream().map(k -> k.request().id()).toList();
    }
}
