package dev.kotae.plugins;

import static org.awaitility.Awaitility.await;
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
            await("the change is reported").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> !reported.isEmpty());
            // Later polls see no further change: it stays reported once through two more polls.
            Duration twoPolls = Duration.ofMillis(2 * FileWatches.INTERVAL_MILLIS);
            await("no second report").during(twoPolls).atMost(twoPolls.plusSeconds(5))
                    .until(() -> reported.size() == 1);
            assertEquals(List.of("source-csv/csv"), reported);
        }
    }
}
