package dev.kotae.editing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.content.ArticleType;
import dev.kotae.content.Visibility;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DraftStoreTest {

    @TempDir
    Path dir;

    static Draft draft(String id, String revision, Instant updated) {
        EditableArticle article = new EditableArticle(id, "タイトル: \"引用\"", ArticleType.PLAYBOOK,
                Visibility.INTERNAL, "ja", "注文", List.of("a"), List.of("q?"), "key", "本文\n\n---\n");
        return new Draft(article, "abc", revision, DraftState.IN_REVIEW, "alice", "bob", updated, updated,
                updated.plusSeconds(60), "年末の注意書きを追加");
    }

    @Test
    void draftsAreKeptWholeOneFilePerIdAndListedNewestFirst() throws Exception {
        DraftStore store = new DraftStore(dir);
        Instant t = Instant.parse("2026-12-05T10:00:00Z");
        store.put(new DraftStore.Stored(draft("older", "r1", t), null, null, null));
        store.put(new DraftStore.Stored(draft("newer", "r2", t.plusSeconds(5)), "carol", "editor", "Launch"));
        store.put(new DraftStore.Stored(draft("older", "r3", t.plusSeconds(1)), null, null, null));

        assertEquals("r3", store.get("older").orElseThrow().draft().revision());
        assertEquals(draft("newer", "r2", t.plusSeconds(5)), store.get("newer").orElseThrow().draft());
        assertEquals("carol", store.get("newer").orElseThrow().approvedBy());
        assertEquals(List.of("newer", "older"), store.all().stream().map(s -> s.draft().id()).toList());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("newer.json", "older.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temp files left behind");
        }
    }

    @Test
    void anUnreadableDraftIsLeftOutAndABadIdNamesNoFile() throws Exception {
        DraftStore store = new DraftStore(dir);
        store.put(new DraftStore.Stored(draft("good", "r1", Instant.EPOCH), null, null, null));
        Files.writeString(dir.resolve("torn.json"), "{\"draft\": {\"article\"");

        assertEquals(List.of("good"), store.all().stream().map(s -> s.draft().id()).toList());
        assertThrows(IllegalArgumentException.class, () -> store.get("../secret"));
        store.delete("good");
        assertTrue(store.get("good").isEmpty());
    }
}
