package dev.kotae.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.content.ArticleParser;
import dev.kotae.content.ContentFolder;
import dev.kotae.content.MarkdownRenderer;
import dev.kotae.index.Analysis;
import dev.kotae.index.ArticleDocuments;
import dev.kotae.index.ArticleIndex;
import dev.kotae.index.ContentSync;
import dev.kotae.index.SuggestKeys;
import dev.kotae.kept.Usage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Searches run over a per-version scope (visibility and locale applied as live documents), never as
 * filter clauses. This checks that the scope changes nothing: the same articles, with the same scores
 * and totals, as the whole index searched with the filters as clauses.
 */
class ScopedSearchTest {

    @TempDir
    static Path folder;

    private static ArticleIndex index;
    private static SearchService search;
    private static TextQueries textQueries;
    private static SuggestService suggest;
    private static SuggestKeys keys;

    @BeforeAll
    static void indexHelpCenter() throws IOException {
        Path content = folder.resolve("content");
        String[] ja = {"返金の時期", "返品と返金", "配送の日数", "会員ランク", "パスワードの再設定", "返金できない商品"};
        String[] en = {"Refund timing", "Returns and refunds", "Delivery days", "Member ranks", "Reset your password",
            "Items we cannot refund"};
        for (int i = 0; i < ja.length; i++) {
            boolean internal = i % 3 == 2;
            write(content, "ja", "ja-" + i, ja[i], ja[i] + "について説明します。返金は注文から7日以内です。", internal);
            write(content, "en", "en-" + i, en[i], en[i] + " explained. A refund takes up to 7 days.", internal);
        }
        Analysis analysis = new Analysis();
        keys = new SuggestKeys();
        index = ArticleIndex.open(folder.resolve("index"), analysis, new ArticleDocuments(keys), "test");
        new ContentSync(new ContentFolder(content), new ArticleParser(new MarkdownRenderer(), Set.of("ja", "en"), "ja"),
                index).syncAll();
        Locales locales = new Locales(Set.of("ja", "en"), audience -> Set.of("ja", "en"));
        search = new SearchService(index, analysis, locales);
        suggest = new SuggestService(index, keys, search, locales);
        textQueries = new TextQueries(analysis);
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    private static void write(Path content, String locale, String id, String title, String body, boolean internal)
            throws IOException {
        Path file = content.resolve(locale).resolve(id + ".md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "---\nid: " + id + "\ntitle: " + title + "\ncategory: c" + id.length() + "\n"
                + (internal ? "visibility: internal\n" : "") + "---\n" + body + "\n");
    }

    @ParameterizedTest
    @CsvSource({"返金, ja, PUBLIC", "返金, ja, AGENTS", "refund days, en, PUBLIC", "refund days, , PUBLIC",
        "返金 refund, , AGENTS", "password, en, AGENTS"})
    void sameHitsScoresAndTotalAsFilterClauses(String text, String locale, Audience audience) throws IOException {
        SearchResult scoped = search.search(new SearchRequest(text, locale, null, null, null, 1, 20, audience));

        long total = EveryMatchScored.assertSamePage(index, textQueries, scoped, text, locale, audience, 1, 20);
        assertTrue(total > 0, "the reference search finds something");
        if (audience == Audience.PUBLIC) {
            assertTrue(scoped.hits().stream().allMatch(hit -> hit.visibility().equals("public")));
        }
    }

    /**
     * Suggestions of two audiences run over two scopes of the same segments: the second reads the prefix's
     * matches the first kept (per segment, deleted and hidden documents included) and applies its own
     * live documents, so an agent's suggestions never show an anonymous visitor an internal article.
     */
    @Test
    void scopesShareKeptPrefixMatchesAndKeepTheirOwnArticles() throws IOException {
        Usage kept = index.queryMatchesUsage();
        List<String> forAgents = titles(suggest.suggest("返", "ja", 8, Audience.AGENTS));
        long read = kept.misses();
        long hits = kept.hits();
        List<String> forPublic = titles(suggest.suggest("返", "ja", 8, Audience.PUBLIC));

        assertEquals(Set.of("返品と返金", "返金の時期", "返金できない商品"), Set.copyOf(forAgents));
        assertEquals(Set.of("返品と返金", "返金の時期"), Set.copyOf(forPublic), "no internal article");
        assertEquals(read, kept.misses(), "the public scope read no prefix again");
        assertTrue(kept.hits() > hits, "it used the kept matches");
    }

    private static List<String> titles(SuggestService.Suggestions suggestions) {
        return suggestions.suggestions().stream().map(SuggestService.Suggestion::title).toList();
    }
}
