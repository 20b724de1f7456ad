package dev.kotae.source.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWatcherTest {

    private static final Duration FAST = Duration.ofMillis(20);
    private static final Duration DEADLINE = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void reportsAppearingChangingAndDisappearingFiles() throws Exception {
        Path file = dir.resolve("later.csv");
        AtomicInteger changes = new AtomicInteger();
        try (FileWatcher watcher = new FileWatcher(List.of(file), FAST, changes::incrementAndGet)) {
            watcher.start();

            Files.writeString(file, "質問,回答\n");
            Sheets.await("the file to appear", DEADLINE, () -> changes.get() == 1);

            Files.writeString(file, "質問,回答\nQ,A\n");
            Sheets.await("the file to change", DEADLINE, () -> changes.get() == 2);

            Files.delete(file);
            Sheets.await("the file to disappear", DEADLINE, () -> changes.get() == 3);
        }
    }

    @Test
    void aFailingCallbackDoesNotStopWatching() throws Exception {
        Path file = dir.resolve("faq.csv");
        AtomicInteger calls = new AtomicInteger();
        try (FileWatcher watcher = new FileWatcher(List.of(file), FAST, () -> {
            calls.incrementAndGet();
            throw new IllegalStateException("server busy");
        })) {
            watcher.start();
            Files.writeString(file, "a");
            Sheets.await("the first change", DEADLINE, () -> calls.get() == 1);
            Files.writeString(file, "ab");
            Sheets.await("the second change", DEADLINE, () -> calls.get() == 2);
        }
        assertEquals(2, calls.get());
    }
}
