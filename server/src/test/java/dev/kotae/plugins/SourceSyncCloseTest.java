package dev.kotae.plugins;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.content.Article;
import dev.kotae.content.ArticleType;
import dev.kotae.content.MarkdownRenderer;
import dev.kotae.content.Visibility;
import dev.kotae.index.Analysis;
import dev.kotae.index.ArticleDocuments;
import dev.kotae.index.ArticleIndex;
import dev.kotae.index.SuggestKeys;
import dev.kotae.metrics.KotaeMetrics;
import dev.kotae.plugin.ContentSource;
import dev.kotae.plugin.SourceArticle;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping the server while a plugin source is being indexed must not break the index. Interrupting a
 * thread inside Lucene's file I/O closes the channel under it, and with it the index's write lock: the
 * index then failed to close ("FileLock invalidated by an external force") and lost what was not committed.
 */
class SourceSyncCloseTest {

    @TempDir
    Path folder;

    @RepeatedTest(3)
    void closingWhileASourceIsIndexedLeavesTheIndexUsable() throws Exception {
        CountDownLatch indexing = new CountDownLatch(1);
        List<SourceArticle> many = new AbstractList<>() {
            @Override
            public SourceArticle get(int i) {
                if (i == 50) {
                    indexing.countDown();
                }
                return SourceArticle.builder().id("a" + i).title("Article " + i)
                        .body("Body " + i + " about refunds and returns").locale("en").build();
            }

            @Override
            public int size() {
                return 20_000;
            }
        };
        ContentSource source = new ContentSource() {
            @Override
            public String sourceId() {
                return "big";
            }

            @Override
            public List<SourceArticle> articles() {
                return many;
            }
        };
        ArticleIndex index = open();
        TimeBox timeBox = new TimeBox(Duration.ofSeconds(30));
        SourceSync sync = new SourceSync(index, new SourceArticles(new MarkdownRenderer(), Set.of("en"), "en"),
                timeBox, new KotaeMetrics());
        sync.add("test-plugin", "big", source, getClass().getClassLoader());
        sync.refreshAllSoon();
        assertTrue(indexing.await(30, TimeUnit.SECONDS), "the source was being indexed");

        sync.close();
        timeBox.close();
        index.change(changes -> {
            changes.upsert(new Article("probe", "Probe", ArticleType.FAQ, Visibility.PUBLIC, "en", "c", List.of(),
                    List.of(), LocalDate.of(2026, 11, 1), "test:probe", "<p>Probe</p>", "Probe"), "stamp");
            return null;
        });
        assertDoesNotThrow(index::close, "the index closes cleanly after the sync stopped");
        try (ArticleIndex reopened = open()) {
            assertTrue(reopened.entries().containsKey("probe"), "what was written after the sync stopped is kept");
            assertTrue(reopened.entries().size() < 20_000, "the refresh stopped at its next article, not at its end");
        }
    }

    @Test
    void noRefreshCallsASourceOnceRefreshingStopped() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ContentSource source = new ContentSource() {
            @Override
            public String sourceId() {
                return "counted";
            }

            @Override
            public List<SourceArticle> articles() {
                calls.incrementAndGet();
                return List.of();
            }
        };
        try (ArticleIndex index = open();
                TimeBox timeBox = new TimeBox(Duration.ofSeconds(30));
                SourceSync sync = new SourceSync(index, new SourceArticles(new MarkdownRenderer(), Set.of("en"), "en"),
                        timeBox, new KotaeMetrics())) {
            sync.add("test-plugin", "counted", source, getClass().getClassLoader());

            sync.stopRefreshing(); // what the server does before it unloads the plugins
            sync.refreshAllSoon(); // a plugin's change notification arriving while the plugins close
            sync.reindexAll(sync.listForReindex());

            assertEquals(0, calls.get(), "the source was called after refreshing stopped");
        }
    }

    private ArticleIndex open() throws Exception {
        return ArticleIndex.open(folder.resolve("index"), new Analysis(), new ArticleDocuments(new SuggestKeys()), "test");
    }
}
