package dev.kotae.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kotae.content.ArticleParser;
import dev.kotae.content.ContentFolder;
import dev.kotae.content.MarkdownRenderer;
import dev.kotae.index.Analysis;
import dev.kotae.index.ArticleDocuments;
import dev.kotae.index.ArticleIndex;
import dev.kotae.index.ContentSync;
import dev.kotae.index.SuggestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counts without a query are kept per index version: a content change is counted at once. */
class BrowseCountsTest {

    @TempDir
    Path folder;

    @Test
    void countsFollowEveryNewIndexVersion() throws Exception {
        Path content = folder.resolve("content");
        write(content, "a", "返品", false);
        write(content, "b", "返品", true);
        try (ArticleIndex index = ArticleIndex.open(folder.resolve("index"), new Analysis(),
                new ArticleDocuments(new SuggestKeys()), "test")) {
            ContentSync sync = new ContentSync(new ContentFolder(content),
                    new ArticleParser(new MarkdownRenderer(), Set.of("ja", "en"), "ja"), index);
            sync.syncAll();
            SearchService search = new SearchService(index, new Analysis(),
                    new Locales(Set.of("ja", "en"), audience -> Set.of("ja", "en")));

            assertEquals(1, search.overview("ja", Audience.PUBLIC).total());
            assertEquals(2, search.overview("ja", Audience.AGENTS).total());
            assertEquals(1, browse(search, "返品").total());
            assertEquals(1, browse(search, "返品").total(), "asked again: the same answer");

            write(content, "c", "返品", false);
            write(content, "d", "配送", false);
            sync.syncAll();

            assertEquals(3, search.overview("ja", Audience.PUBLIC).total());
            assertEquals(2, browse(search, "返品").total());
            assertEquals(1, browse(search, "配送").total());
            SearchResult all = search.search(new SearchRequest("", "ja", null, null, null, 1, 10, Audience.PUBLIC));
            assertEquals(3, all.total());
            assertEquals(3, all.hits().size());
        }
    }

    private static SearchResult browse(SearchService search, String category) throws Exception {
        return search.search(new SearchRequest("", "ja", null, category, null, 1, 10, Audience.PUBLIC));
    }

    private static void write(Path content, String id, String category, boolean internal) throws Exception {
        Path file = content.resolve("ja").resolve(id + ".md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "---\nid: " + id + "\ntitle: 記事 " + id + "\ncategory: " + category + "\n"
                + (internal ? "visibility: internal\n" : "") + "---\n本文\n");
    }
}
