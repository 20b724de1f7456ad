package dev.kotae.index;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.content.Article;
import dev.kotae.content.ArticleType;
import dev.kotae.content.Visibility;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed write rolls the writer back, keeps the last version searchable, and the recovery reopens it. */
class IndexRecoveryTest {

    @TempDir
    Path folder;

    @Test
    void aFailedWriteIsRolledBackReportedAndRecoveredByReopeningAndResyncing() throws Exception {
        AtomicReference<FaultyDirectory> disk = new AtomicReference<>();
        try (ArticleIndex index = ArticleIndex.open(folder.resolve("index"), new Analysis(),
                new ArticleDocuments(new SuggestKeys()), "test", FaultyDirectory.opening(disk))) {
            upsert(index, "a1");
            AtomicInteger resyncs = new AtomicInteger();
            try (IndexRecovery recovery = new IndexRecovery(index, () -> {
                resyncs.incrementAndGet();
                upsert(index, "a2"); // what the failure rolled back, written again
            })) {
                disk.get().fail(true);
                // Lucene writes a new segment's files from its first document
                assertThrows(IndexUnavailableException.class, () -> upsert(index, "a2"));
                assertTrue(index.failure().orElseThrow().reason().contains("No space left on device"));
                assertFalse(index.writable());
                assertThrows(IndexUnavailableException.class, () -> upsert(index, "a3"),
                        "writes fail at once while the writer is down");
                assertEquals(1, index.size(), "the last published version is still served");

                await("a resync fails while the disk is full, and is tried again").atMost(Duration.ofSeconds(10))
                        .until(() -> resyncs.get() >= 2);
                assertTrue(index.failure().isPresent());
                disk.get().fail(false);
                await("recovered").atMost(Duration.ofSeconds(30)).until(() -> index.failure().isEmpty());
                assertTrue(index.writable());
                assertEquals(2, index.size(), "what was rolled back is written again");
            }
        }
    }

    @Test
    void retriesBackOffUpToABound() {
        assertEquals(IndexRecovery.FIRST_DELAY, IndexRecovery.delayAfter(0));
        assertEquals(IndexRecovery.FIRST_DELAY.multipliedBy(4), IndexRecovery.delayAfter(2));
        assertEquals(IndexRecovery.MAX_DELAY, IndexRecovery.delayAfter(10));
        assertEquals(IndexRecovery.MAX_DELAY, IndexRecovery.delayAfter(Integer.MAX_VALUE));
    }

    private static void upsert(ArticleIndex index, String id) throws java.io.IOException {
        index.change(changes -> {
            changes.upsert(article(id), "s-" + id);
            return null;
        });
    }

    private static Article article(String id) {
        return new Article(id, "Article " + id, ArticleType.FAQ, Visibility.PUBLIC, "en", "c", List.of(), List.of(),
                LocalDate.of(2026, 11, 1), "test:" + id, "<p>Body</p>", "Body about refunds");
    }
}
