package dev.kotae.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.content.Article;
import dev.kotae.content.ArticleType;
import dev.kotae.content.Visibility;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.util.IOFunction;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every change runs alone on the index's writer thread and is published whole: another caller's change
 * cannot publish half of it (as a plugin source's refresh once published an admin reindex's deletions
 * before the reindex had added the articles back).
 */
class ArticleIndexChangeTest {

    @TempDir
    Path folder;

    @Test
    void aChangeIsNeverPublishedHalfDoneByAnotherCallersChange() throws Exception {
        try (ArticleIndex index = open()) {
            index.change(changes -> {
                changes.upsert(article("content-1"), "s1");
                return null;
            });
            long published = index.versionsPublished();
            CountDownLatch deleted = new CountDownLatch(1);
            CountDownLatch finish = new CountDownLatch(1);
            CompletableFuture<Void> rebuild = CompletableFuture.runAsync(() -> write(index, changes -> {
                changes.delete("content-1"); // a rebuild's first half: the article is added back below
                deleted.countDown();
                await(finish);
                changes.upsert(article("content-1"), "s2");
                return null;
            }));
            assertTrue(deleted.await(30, TimeUnit.SECONDS), "the first change started");
            CompletableFuture<Void> refresh = CompletableFuture.runAsync(() -> write(index, changes -> {
                changes.upsert(article("plugin-1"), "p1");
                return null;
            }));

            assertFalse(refresh.isDone(), "the second change waits for the first");
            assertTrue(index.entries().containsKey("content-1"), "the first change's deletion is not published alone");
            assertEquals(published, index.versionsPublished());

            finish.countDown();
            refresh.get(30, TimeUnit.SECONDS);
            rebuild.get(30, TimeUnit.SECONDS);
            assertEquals("s2", index.entries().get("content-1").stamp());
            assertTrue(index.entries().containsKey("plugin-1"));
            assertEquals(published + 2, index.versionsPublished(), "each change published once, in order");
        }
    }

    @Test
    void aChangeAskedForInsideAChangeJoinsItAndIsPublishedWithIt() throws Exception {
        try (ArticleIndex index = open()) {
            long published = index.versionsPublished();
            index.change(outer -> {
                outer.upsert(article("a"), "s");
                index.change(inner -> {
                    inner.upsert(article("b"), "s");
                    return null;
                });
                assertEquals(0, index.size(), "nothing is visible before the outer change ends");
                return null;
            });
            assertEquals(2, index.size());
            assertEquals(published + 1, index.versionsPublished());
        }
    }

    @Test
    void aChangeThatWritesNothingPublishesNothing() throws Exception {
        try (ArticleIndex index = open()) {
            long published = index.versionsPublished();
            assertEquals("result", index.change(changes -> "result"));
            assertEquals(published, index.versionsPublished());
        }
    }

    @Test
    void aChangeThatThrowsIsPublishedAsFarAsItGot() throws Exception {
        try (ArticleIndex index = open()) {
            long published = index.versionsPublished();
            IOException stop = new IOException("stopped part way");

            IOException thrown = assertThrows(IOException.class, () -> index.change(changes -> {
                changes.upsert(article("written"), "s");
                throw stop;
            }));

            assertSame(stop, thrown);
            assertTrue(index.entries().containsKey("written"), "what it wrote is not left for a later change");
            assertEquals(published + 1, index.versionsPublished());
        }
    }

    @Test
    void theWritesOfAChangeThatEndedAreRefused() throws Exception {
        try (ArticleIndex index = open()) {
            AtomicReference<ArticleIndex.Changes> kept = new AtomicReference<>();
            index.change(changes -> {
                kept.set(changes);
                return null;
            });

            assertThrows(IllegalStateException.class, () -> kept.get().upsert(article("late"), "s"));
            assertThrows(IllegalStateException.class, () -> kept.get().delete("late"));
            assertFalse(index.entries().containsKey("late"));
        }
    }

    private static void write(ArticleIndex index, IOFunction<ArticleIndex.Changes, Void> change) {
        try {
            index.change(change);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void onlyTheLastVersionBeforeAQuietMomentIsWarmed() throws Exception {
        try (ArticleIndex index = open()) {
            List<Integer> warmed = new CopyOnWriteArrayList<>();
            index.warmNewVersionsWith(view -> warmed.add(view.getIndexReader().numDocs()));
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch finish = new CountDownLatch(1);
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> write(index, changes -> {
                started.countDown();
                await(finish);
                changes.upsert(article("a"), "s1");
                return null;
            }));
            assertTrue(started.await(30, TimeUnit.SECONDS), "the first change started");
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> write(index, changes -> {
                changes.upsert(article("b"), "s1");
                return null;
            }));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> index.writerTasks() == 2);
            finish.countDown();
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);

            assertEquals(List.of(2), warmed, "the first change's version was published while the second waited");
            assertEquals(2, index.size());
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
