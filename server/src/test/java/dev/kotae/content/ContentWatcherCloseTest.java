package dev.kotae.content;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.index.Analysis;
import dev.kotae.index.ArticleDocuments;
import dev.kotae.index.ArticleIndex;
import dev.kotae.index.SuggestKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping the server while the watcher's thread applies a change must not break the index: an interrupt
 * inside Lucene's file I/O closes the index writer and invalidates its write lock.
 */
class ContentWatcherCloseTest {

    @TempDir
    Path folder;

    @RepeatedTest(3)
    void closingWhileAChangeIsAppliedLeavesTheIndexUsable() throws Exception {
        Path content = Files.createDirectories(folder.resolve("content"));
        CountDownLatch applying = new CountDownLatch(1);
        try (ArticleIndex index = open()) {
            ContentWatcher watcher = new ContentWatcher(new ContentFolder(content), new ContentWatcher.Listener() {
                @Override
                public void changed(Set<String> relativePaths) {
                    try {
                        index.change(changes -> {
                            for (int i = 0; i < 5_000; i++) {
                                if (i == 50) {
                                    applying.countDown();
                                }
                                changes.upsert(article("a" + i), "stamp");
                            }
                            return null;
                        });
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public void overflowed() {
                    changed(Set.of());
                }
            });
            watcher.start();
            Files.writeString(content.resolve("new.md"), "---\ntitle: New\n---\nBody\n");
            assertTrue(applying.await(30, TimeUnit.SECONDS), "the change was being applied");

            watcher.close();
            index.change(changes -> {
                changes.upsert(article("probe"), "stamp");
                return null;
            });
            assertTrue(index.entries().containsKey("a4999"), "the change in progress was finished, not cut short");
        }
        try (ArticleIndex reopened = open()) {
            assertTrue(reopened.entries().containsKey("probe"), "what was written after the watcher stopped is kept");
        }
    }

    private ArticleIndex open() throws IOException {
        return ArticleIndex.open(folder.resolve("index"), new Analysis(), new ArticleDocuments(new SuggestKeys()), "test");
    }

    private static Article article(String id) {
        return new Article(id, "Article " + id, ArticleType.FAQ, Visibility.PUBLIC, "en", "c", List.of(), List.of(),
                LocalDate.of(2026, 11, 1), "test:" + id, "<p>Body</p>", "Body about refunds");
    }
}
