package dev.kotae.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kotae.config.SearchConfig;
import dev.kotae.content.ArticleParser;
import dev.kotae.content.ContentFolder;
import dev.kotae.content.MarkdownRenderer;
import dev.kotae.index.Analysis;
import dev.kotae.index.ArticleDocuments;
import dev.kotae.index.ArticleIndex;
import dev.kotae.index.ContentSync;
import dev.kotae.index.SuggestKeys;
import dev.kotae.synonyms.Synonyms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new index version is warmed with the searches asked of late before searches see it: the first visitor
 * after an edit is answered from what the warmer computed on the new version, never from the old one.
 */
class WarmingTest {

    private static final long CACHE_BYTES = 1 << 20;

    @TempDir
    Path folder;

    @Test
    void theFirstSearchAfterAnEditFindsItWarmAndUpToDate() throws Exception {
        try (Fixture fixture = new Fixture(SearchConfig.DEFAULT_WARM_MILLIS)) {
            assertEquals(0, fixture.search("quasar").total());
            long misses = fixture.search.resultCache().misses();

            fixture.write("b", "Quasar refunds");
            fixture.sync.syncAll();

            long hits = fixture.search.resultCache().hits();
            assertEquals(1, fixture.search("quasar").total(), "the warmer searched the new version");
            assertEquals(hits + 1, fixture.search.resultCache().hits(), "answered from what the warmer computed");
            assertEquals(misses + 1, fixture.search.resultCache().misses(), "the warmer's own search");
        }
    }

    @Test
    void withoutWarmingTheFirstVisitorComputes() throws Exception {
        try (Fixture fixture = new Fixture(0)) {
            fixture.search("quasar");
            fixture.write("b", "Quasar refunds");
            fixture.sync.syncAll();

            long hits = fixture.search.resultCache().hits();
            assertEquals(1, fixture.search("quasar").total());
            assertEquals(hits, fixture.search.resultCache().hits());
        }
    }

    @Test
    void aFailingWarmerStillPublishesTheEdit() throws Exception {
        try (Fixture fixture = new Fixture(SearchConfig.DEFAULT_WARM_MILLIS)) {
            fixture.index.warmNewVersionsWith(fresh -> {
                throw new IOException("warming broke");
            });
            fixture.write("b", "Quasar refunds");
            fixture.sync.syncAll();

            assertEquals(1, fixture.search("quasar").total());
        }
    }

    /** An index of one English article, synced from a content folder, with a search that keeps results. */
    private final class Fixture implements AutoCloseable {
        final ArticleIndex index;
        final ContentSync sync;
        final SearchService search;
        private final Path content = folder.resolve("content");

        Fixture(int warmMillis) throws Exception {
            write("a", "Delivery times");
            index = ArticleIndex.open(folder.resolve("index"), new Analysis(), new ArticleDocuments(new SuggestKeys()),
                    "test");
            sync = new ContentSync(new ContentFolder(content),
                    new ArticleParser(new MarkdownRenderer(), Set.of("en"), "en"), index);
            sync.syncAll();
            search = new SearchService(index, new Analysis(), new Locales(Set.of("en"), audience -> Set.of("en")),
                    CACHE_BYTES, SearchConfig.Ranking.EXACT, warmMillis, () -> Synonyms.NONE);
            index.warmNewVersionsWith(search::warm);
        }

        SearchResult search(String text) throws IOException {
            return search.search(new SearchRequest(text, "en", null, null, null, 1, 10, Audience.PUBLIC));
        }

        void write(String id, String title) throws IOException {
            Path file = content.resolve("en").resolve(id + ".md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "---\nid: " + id + "\ntitle: " + title + "\n---\nBody of " + id + ".\n");
        }

        @Override
        public void close() throws IOException {
            index.close();
        }
    }
}
