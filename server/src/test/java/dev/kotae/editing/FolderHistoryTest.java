package dev.kotae.editing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The copies kept without git: versions list in the order they were made, whatever the clock says. */
class FolderHistoryTest {

    @TempDir
    Path folder;

    @Test
    void versionsMadeInOneMillisecondOrABackwardClockListNewestFirstInTheOrderMade() throws Exception {
        FolderHistory history = new FolderHistory(folder);
        Instant now = Instant.parse("2026-12-07T22:00:00Z");
        List<String> made = new ArrayList<>();
        // Several in one millisecond (a found copy and its change always are), then a clock that steps back.
        for (int i = 0; i < 5; i++) {
            made.add(history.record(change("v" + i, now)));
        }
        made.add(history.record(change("after a step back", now.minusSeconds(5))));
        List<String> listed = history.log("a", "ja/a.md", made.size()).stream().map(HistoryEntry::version).toList();
        java.util.Collections.reverse(made);
        assertEquals(made, listed);
    }

    @Test
    void aFileIsKeptAsFoundOnlyWhenTheNewestVersionIsNotItAlready() throws Exception {
        FolderHistory history = new FolderHistory(folder);
        Instant now = Instant.parse("2026-12-07T22:00:00Z");
        String kept = history.keepFound("a", "ja/a.md", bytes("from the start"), now);
        assertEquals("change", history.log("a", "ja/a.md", 1).get(0).action());
        assertNull(history.keepFound("a", "ja/a.md", bytes("from the start"), now), "already the newest version");
        String published = history.record(change("published", now));
        assertEquals(List.of(published, kept), history.log("a", "ja/a.md", 5).stream().map(HistoryEntry::version).toList(),
                "the found copy sorts before the change made in the same millisecond");
    }

    private static ArticleHistory.Change change(String text, Instant when) {
        return new ArticleHistory.Change("a", "ja/a.md", bytes(text), "publish", "alice", null, when, text, List.of());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
