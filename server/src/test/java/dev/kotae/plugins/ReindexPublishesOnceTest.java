package dev.kotae.plugins;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.content.ArticleParser;
import dev.kotae.content.ContentFolder;
import dev.kotae.content.MarkdownRenderer;
import dev.kotae.index.Analysis;
import dev.kotae.index.ArticleDocuments;
import dev.kotae.index.ArticleIndex;
import dev.kotae.index.ContentSync;
import dev.kotae.index.SuggestKeys;
import dev.kotae.metrics.KotaeMetrics;
import dev.kotae.plugin.ContentSource;
import dev.kotae.plugin.SourceArticle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An admin reindex (the content folder and every plugin source, as {@code AdminOperations.reindex} runs
 * it) is one change of the index: searches see the old index until all of it is done, then the new one,
 * never the middle (where a plugin source's refresh once published the index with the Markdown articles
 * missing). The plugin sources list their articles before that change, so the index's writer thread never
 * waits for a plugin: another source's refresh asked for meanwhile is written at once.
 */
class ReindexPublishesOnceTest {

    private static final int FILES = 100; // enough for the content sync to read and index on every core

    @TempDir
    Path work;

    @Test
    void aReindexPublishesOnceAndListsThePluginsBeforeItsChange() throws Exception {
        Path content = Files.createDirectories(work.resolve("content/en"));
        for (int i = 0; i < FILES; i++) {
            writeArticle(content, i, "Refund question " + i);
        }
        AtomicInteger alphaCalls = new AtomicInteger();
        AtomicReference<Runnable> duringReindex = new AtomicReference<>();
        CountDownLatch beeListed = new CountDownLatch(1);
        try (ArticleIndex index = ArticleIndex.open(work.resolve("index"), new Analysis(),
                new ArticleDocuments(new SuggestKeys()), "test");
                TimeBox timeBox = new TimeBox(Duration.ofSeconds(60));
                SourceSync sources = new SourceSync(index, new SourceArticles(new MarkdownRenderer(), Set.of("en"), "en"),
                        timeBox, new KotaeMetrics())) {
            ContentSync sync = new ContentSync(new ContentFolder(work.resolve("content")),
                    new ArticleParser(new MarkdownRenderer(), Set.of("en"), "en"), index);
            sources.add("p", "alpha", source("alpha", () -> {
                if (alphaCalls.incrementAndGet() == 2) {
                    duringReindex.get().run();
                }
                return List.of(SourceArticle.builder().id("a1").title("Alpha one").body("About alpha.").locale("en")
                        .build());
            }), getClass().getClassLoader());
            sync.syncAll();
            reindex(index, sync, sources);
            assertEquals(FILES + 1, index.size());

            writeArticle(content, 0, "Changed title"); // seen by the reindex, which re-reads every file
            Map<String, ArticleIndex.Entry> before = index.entries();
            long published = index.versionsPublished();
            AtomicReference<String> seenDuring = new AtomicReference<>("the reindex did not refresh the source");
            AtomicLong publishedDuring = new AtomicLong();
            duringReindex.set(() -> {
                // The plugin sources are being listed: nothing of the reindex is written yet. Another source
                // starts meanwhile and refreshes on its own thread; its change does not wait for this call.
                try {
                    seenDuring.set(index.versionsPublished() == published && index.entries().equals(before) ? null
                            : "searches saw a version before the reindex was done: a0 is " + index.entries().get("a0"));
                    sources.add("p", "bee", source("bee", () -> {
                        beeListed.countDown();
                        return List.of(SourceArticle.builder().id("b1").title("Bee one").body("About bees.")
                                .locale("en").build());
                    }), getClass().getClassLoader());
                    sources.refreshSoon("p", "bee");
                    if (!beeListed.await(30, TimeUnit.SECONDS)) {
                        seenDuring.set("the source that started during the reindex was not refreshed");
                    }
                    await("the refresh is written while the reindex lists its sources").atMost(Duration.ofSeconds(30))
                            .until(() -> index.entries().containsKey("bee:b1"));
                    publishedDuring.set(index.versionsPublished());
                } catch (IOException | InterruptedException | RuntimeException e) {
                    seenDuring.set(e.toString());
                }
            });
            reindex(index, sync, sources);

            assertNull(seenDuring.get());
            assertNotEquals(before.get("a0"), index.entries().get("a0"), "the reindex re-read the changed file");
            assertEquals(published + 1, publishedDuring.get(), "one version for the refresh");
            assertEquals(published + 2, index.versionsPublished(), "one version for the reindex");
            assertTrue(index.entries().containsKey("bee:b1"), "the reindex kept the other source's articles");
            assertEquals(FILES + 2, index.size(), "no Markdown article went missing");
        }
    }

    /**
     * What {@code AdminOperations.reindex} runs: every plugin source listed, then the content rebuild and
     * the listings written as one change.
     */
    private static void reindex(ArticleIndex index, ContentSync sync, SourceSync sources) throws IOException {
        SourceSync.Listings listings = sources.listForReindex();
        index.change(changes -> {
            sync.rebuild();
            return sources.reindexAll(listings);
        });
    }

    private static void writeArticle(Path folder, int i, String title) throws IOException {
        Files.writeString(folder.resolve("a" + i + ".md"), "---\nid: a" + i + "\ntitle: " + title
                + "\n---\nHow refunds work for order " + i + ".\n");
    }

    private static ContentSource source(String id, Supplier<List<SourceArticle>> articles) {
        return new ContentSource() {
            @Override
            public String sourceId() {
                return id;
            }

            @Override
            public List<SourceArticle> articles() {
                return articles.get();
            }
        };
    }
}
