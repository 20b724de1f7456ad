package dev.kotae.source.zendesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderWatcherTest {

    private static final Duration FAST = Duration.ofMillis(20);
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    @Test
    void snapshotSeesOnlyJsonFiles() throws Exception {
        TestFiles.write(folder, "articles.json", "{}");
        Map<String, FolderWatcher.FileState> before = FolderWatcher.snapshot(folder);

        TestFiles.write(folder, "README.txt", "not watched");
        Files.createDirectories(folder.resolve("old.json")); // a folder, not a file

        assertEquals(before, FolderWatcher.snapshot(folder));
        assertEquals(2L, before.get("articles.json").size());

        TestFiles.write(folder, "articles.json", "{\"articles\": []}");
        assertNotEquals(before, FolderWatcher.snapshot(folder));
    }

    @Test
    void missingFolderIsAnEmptySnapshot() {
        assertEquals(Map.of(), FolderWatcher.snapshot(folder.resolve("gone")));
    }

    @Test
    void reportsEachChangeOnce() throws Exception {
        TestFiles.write(folder, "articles.json", "{}");
        AtomicInteger changes = new AtomicInteger();
        try (FolderWatcher watcher = new FolderWatcher(folder, FAST, "test-watch", changes::incrementAndGet)) {
            watcher.start();

            TestFiles.write(folder, "articles-2.json", "{}");
            TestFiles.await(() -> changes.get() == 1, DEADLINE, "the first change");

            Files.delete(folder.resolve("articles-2.json"));
            TestFiles.await(() -> changes.get() == 2, DEADLINE, "the second change");

            Thread.sleep(200); // ten polls with nothing changed
            assertEquals(2, changes.get());
        }
    }

    @Test
    void aFailingCallbackDoesNotStopWatching() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Runnable failing = () -> {
            calls.incrementAndGet();
            throw new IllegalStateException("server busy");
        };
        try (FolderWatcher watcher = new FolderWatcher(folder, FAST, "test-watch", failing)) {
            watcher.start();

            TestFiles.write(folder, "articles.json", "{}");
            TestFiles.await(() -> calls.get() == 1, DEADLINE, "the first change");
            TestFiles.write(folder, "articles.json", "{\"articles\": []}");
            TestFiles.await(() -> calls.get() == 2, DEADLINE, "a change after the failure");
        }
        assertTrue(calls.get() >= 2);
    }
}
