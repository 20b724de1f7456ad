package dev.kotae.plugins;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.content.MarkdownRenderer;
import dev.kotae.index.Analysis;
import dev.kotae.index.ArticleDocuments;
import dev.kotae.index.ArticleIndex;
import dev.kotae.index.SuggestKeys;
import dev.kotae.metrics.KotaeMetrics;
import dev.kotae.plugin.ContentSource;
import dev.kotae.plugin.SourceArticle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source whose {@code articles()} hangs holds one thread, however often it is refreshed: a refresh (an
 * admin reindex included) while the earlier call still has not returned is skipped and reported, and the
 * source is called again once that call has ended.
 */
class HangingSourceTest {

    @TempDir
    Path folder;

    @Test
    void oneCallInFlightPerSourceWhateverTheReindexes() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        AtomicBoolean returned = new AtomicBoolean();
        ContentSource hanging = new ContentSource() {
            @Override
            public String sourceId() {
                return "hang";
            }

            @Override
            public List<SourceArticle> articles() {
                calls.incrementAndGet();
                try {
                    while (true) {
                        try {
                            release.await();
                            return List.of(SourceArticle.builder().id("a1").title("Finally here").body("It came back.")
                                    .locale("en").build());
                        } catch (InterruptedException ignored) {
                            // a stuck plugin does not cooperate with the time box's interrupt
                        }
                    }
                } finally {
                    returned.set(true);
                }
            }
        };
        try (ArticleIndex index = ArticleIndex.open(folder.resolve("index"), new Analysis(),
                new ArticleDocuments(new SuggestKeys()), "test");
                TimeBox timeBox = new TimeBox(Duration.ofMillis(200));
                SourceSync sync = new SourceSync(index, new SourceArticles(new MarkdownRenderer(), Set.of("en"), "en"),
                        timeBox, new KotaeMetrics())) {
            sync.add("test-plugin", "hang", hanging, getClass().getClassLoader());

            for (int i = 0; i < 3; i++) {
                sync.reindexAll(sync.listForReindex());
            }

            assertEquals(1, calls.get(), "the reindexes after the first did not call the hanging source again");
            SourceSync.Status status = sync.statusByPlugin().get("test-plugin").get(0);
            assertEquals("failed", status.state());
            assertTrue(status.error().contains("did not return within 200 ms; it still has not returned, so this "
                    + "refresh is skipped"), status.error());

            release.countDown();
            await("the hanging call returns").atMost(Duration.ofSeconds(10)).untilTrue(returned);
            await("its thread has let go of the source").atMost(Duration.ofSeconds(10)).until(() -> {
                sync.reindexAll(sync.listForReindex());
                return sync.statusByPlugin().get("test-plugin").get(0).state().equals("ok");
            });
            assertEquals(2, calls.get(), "called again once the earlier call had ended");
            assertEquals(1, sync.statusByPlugin().get("test-plugin").get(0).articles());
        }
    }
}
