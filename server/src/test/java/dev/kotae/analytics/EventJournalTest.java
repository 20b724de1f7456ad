package dev.kotae.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.plugin.KotaeEvent;
import dev.kotae.plugin.SearchEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal gives back every appended event once, in order, across reads, restarts and torn tails. */
class EventJournalTest {

    @TempDir
    Path folder;

    private static SearchEvent search(int i) {
        return new SearchEvent(Instant.parse("2026-12-01T00:00:00Z").plusSeconds(i), "session-" + i,
                "query " + i + " " + "x".repeat(i % 700), "ja", i, List.of("a", "b"), "api");
    }

    @Test
    void everyEventIsReadBackOnceInOrderInBatches() throws Exception {
        LossCounters losses = LossCounters.load(folder.resolve("losses.properties"));
        int total = 12_000; // several megabytes: reads span many chunks
        try (EventJournal journal = EventJournal.open(folder, 1L << 30, Duration.ofSeconds(1), losses)) {
            for (int i = 0; i < total; i++) {
                assertTrue(journal.append(search(i)));
            }
            List<KotaeEvent> read = new ArrayList<>();
            EventJournal.Position at = EventJournal.Position.START;
            for (int reads = 0; reads < 1000; reads++) {
                EventJournal.Batch batch = journal.read(at, 500);
                if (batch.events().isEmpty()) {
                    break;
                }
                assertTrue(batch.events().size() <= 500);
                read.addAll(batch.events());
                at = batch.end();
            }
            assertEquals(total, read.size());
            for (int i = 0; i < total; i++) {
                assertEquals(search(i), read.get(i));
            }
            assertEquals(0, journal.pendingBytes(at));
        }
        assertEquals(0, losses.lost());
    }

    @Test
    void aTornTailIsCutAndAppendsGoToANewSegmentAfterARestart() throws Exception {
        LossCounters losses = LossCounters.load(folder.resolve("losses.properties"));
        try (EventJournal journal = EventJournal.open(folder, 1L << 30, Duration.ofSeconds(1), losses)) {
            journal.append(search(1));
        }
        Path first;
        try (var files = Files.list(folder)) {
            first = files.filter(f -> f.toString().endsWith(".journal")).findFirst().orElseThrow();
        }
        Files.write(first, "{\"t\":\"search\",\"at\":\"20".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        try (EventJournal journal = EventJournal.open(folder, 1L << 30, Duration.ofSeconds(1), losses)) {
            journal.append(search(2));
            EventJournal.Batch batch = journal.read(EventJournal.Position.START, 500);
            assertEquals(List.of(search(1), search(2)), batch.events());
            journal.trim(batch.end());
            assertFalse(Files.exists(first), "a delivered segment is deleted");
        }
        assertEquals(0, losses.lost());
    }

    @Test
    void aFullJournalRefusesAndCountsAndTheCountSurvivesARestart() throws Exception {
        Path counters = folder.resolve("losses.properties");
        LossCounters losses = LossCounters.load(counters);
        try (EventJournal journal = EventJournal.open(folder, 2_000, Duration.ofSeconds(1), losses)) {
            int kept = 0;
            for (int i = 0; i < 100; i++) {
                kept += journal.append(search(1)) ? 1 : 0;
            }
            assertTrue(kept > 0 && kept < 100, "kept " + kept);
            assertEquals(100 - kept, losses.lost());
        }
        assertEquals(losses.lost(), LossCounters.load(counters).lost(), "the loss count survives a restart");
    }
}
