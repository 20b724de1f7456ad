package dev.kotae.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWatchesTest {

    @TempDir
    Path dir;

    @Test
    void snapshotChangesWithSizeTimeAndFolderContents() throws Exception {
        Path file = Files.writeString(dir.resolve("faq.csv"), "a");
        Path folder = Files.createDirectories(dir.resolve("export"));
        List<Path> watched = List.of(file, folder, dir.resolve("missing.csv"));
        String before = FileWatches.snapshot(watched);
        assertEquals(before, FileWatches.snapshot(watched), "stable while nothing changes");

        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));
        String touched = FileWatches.snapshot(watched);
        assertTrue(!touched.equals(before), "modification time counts");

        Files.writeString(folder.resolve("articles.json"), "{}");
        String added = FileWatches.snapshot(watched);
        assertTrue(!added.equals(touched), "a new file in a watched folder counts");

        Files.writeString(dir.resolve("missing.csv"), "now here");
        assertTrue(!FileWatches.snapshot(watched).equals(added), "a file that appears counts");
    }

    @Test
    void aChangeIsReportedOnceForItsPluginAndSource() throws Exception {
        Path file = Files.writeString(dir.resolve("faq.csv"), "a");
        List<String> reported = new CopyOnWriteArrayList<>();
        try (FileWatches watches = new FileWatches((plugin, source) -> reported.add(plugin + "/" + source))) {
            watches.watch("source-csv", "csv", List.of(file));
            Files.writeString(file, "changed: longer");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (reported.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(2 * FileWatches.INTERVAL_MILLIS); // later polls see no further change
            assertEquals(List.of("source-csv/csv"), reported);
        }
    }
}
