package dev.kotae.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.config.SearchConfig;
import dev.kotae.content.Article;
import dev.kotae.content.ArticleType;
import dev.kotae.content.Visibility;
import dev.kotae.index.Analysis;
import dev.kotae.index.ArticleDocuments;
import dev.kotae.index.ArticleIndex;
import dev.kotae.index.SuggestKeys;
import dev.kotae.synonyms.Synonyms;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Over a help center where most articles match and many nearly tie, every page of a search, however
 * deep, is exactly what the ranking query gives when Lucene scores every match: same articles, same
 * order, same scores, same total ({@link ExactRanking}).
 */
class RankedPagesTest {

    private static final String[] EN = {"refund", "order", "delivery", "password", "account", "card", "return",
        "shipping", "invoice", "coupon", "member", "address"};
    private static final String[] JA = {"返金", "注文", "配送", "パスワード", "会員", "カード", "返品", "送料", "請求書",
        "クーポン", "住所", "予約"};

    @TempDir
    static Path folder;

    private static ArticleIndex index;
    private static SearchService search;
    private static SearchService lucene;
    private static TextQueries textQueries;

    @BeforeAll
    static void indexManySimilarArticles() throws IOException {
        Analysis analysis = new Analysis();
        index = ArticleIndex.open(folder.resolve("index"), analysis, new ArticleDocuments(new SuggestKeys()), "test");
        Random random = new Random(42);
        index.change(changes -> {
            for (int i = 0; i < 900; i++) {
                boolean ja = i % 2 == 0;
                String[] words = ja ? JA : EN;
                String separator = ja ? "の" : " ";
                String title = SkewedText.pick(random, words, 2, separator);
                String question = SkewedText.pick(random, words, 3, separator);
                String body = SkewedText.pick(random, words, 5 + random.nextInt(30), ja ? "と" : " and ");
                changes.upsert(new Article("a" + i, title, ArticleType.FAQ, Visibility.PUBLIC, ja ? "ja" : "en",
                        "c" + random.nextInt(5), List.of(words[random.nextInt(words.length)]), List.of(question),
                        LocalDate.of(2026, 11, 1), "test:" + i, "<p>" + body + "</p>", body), "stamp");
            }
            return null;
        });
        Locales locales = new Locales(Set.of("ja", "en"), audience -> Set.of("ja", "en"));
        search = new SearchService(index, analysis, locales);
        lucene = new SearchService(index, analysis, locales, 0, SearchConfig.Ranking.LUCENE, 0, () -> Synonyms.NONE);
        textQueries = new TextQueries(analysis);
    }

    /** Small pages and large ones list the same articles in the same order: none repeats, none is skipped. */
    @ParameterizedTest
    @CsvSource({"order, en", "配送, ja", "refund order, en"})
    void pagesOfAnySizeAreConsistent(String text, String locale) throws IOException {
        List<String> bySmallPages = new ArrayList<>();
        for (int page = 1; page <= 15; page++) {
            bySmallPages.addAll(ids(search.search(new SearchRequest(text, locale, null, null, null, page, 10, Audience.PUBLIC))));
        }
        List<String> byLargePages = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            byLargePages.addAll(ids(search.search(new SearchRequest(text, locale, null, null, null, page, 50, Audience.PUBLIC))));
        }
        assertEquals(150, Set.copyOf(bySmallPages).size(), "150 different articles");
        assertEquals(byLargePages, bySmallPages);
    }

    private static List<String> ids(SearchResult result) {
        return result.hits().stream().map(SearchResult.Hit::id).toList();
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @ParameterizedTest
    @CsvSource({"refund order, en, 1, 10", "refund order, en, 3, 20", "order, en, 1, 100", "delivery card coupon, en, 1, 10",
        "how do I return an order, en, 1, 10", "返金 注文, ja, 1, 10", "注文の返金はどうすればいいですか, ja, 1, 10",
        "配送, ja, 2, 40", "カード 会員 住所, ja, 1, 10", "refund order, en, 4, 50", "注文の返金はどうすればいいですか, ja, 9, 30",
        "order, en, 3, 100"})
    void thePageIsWhatScoringEveryMatchGives(String text, String locale, int page, int size) throws IOException {
        SearchResult result = search.search(new SearchRequest(text, locale, null, null, null, page, size, Audience.PUBLIC));

        long total = EveryMatchScored.assertSamePage(index, textQueries, result, text, locale, Audience.PUBLIC, page,
                size);
        assertTrue(total > page * size, "the page is not the last: " + total);
    }

    /**
     * {@code search.ranking: lucene} (Lucene's own collectors) answers exactly what the exact ranking
     * answers: hits, order, scores, snippets, total, facets and spelling correction, with filters, deep
     * pages, and the common bigrams that match only when nothing else does.
     */
    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"refund order, en, -, 1, 10", "refund order, -, -, 3, 20", "order, en, c1, 1, 100",
        "how do I return an order, en, -, 1, 10", "注文の返金はどうすればいいですか, ja, -, 1, 10", "配送, ja, c2, 2, 40",
        "ですか, ja, -, 1, 10", "refnud, en, -, 1, 10", "zzzz, -, -, 1, 10", "!!, -, -, 1, 10"})
    void bothRankingSettingsGiveTheSamePages(String text, String locale, String category, int page, int size)
            throws IOException {
        SearchRequest request = new SearchRequest(text, locale, null, category, null, page, size, Audience.PUBLIC);
        SearchResult exact = search.search(request).answering(text, 0);
        assertEquals(exact, lucene.search(request).answering(text, 0));
    }

    /**
     * Top hits (from the kept scores, or Lucene's top-k collector with {@code search.ranking: lucene}) are
     * the first page of the full search: the same hits in the same order with the same scores, with
     * snippets and the exact total when asked, else a total that may be a lower bound.
     */
    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"refund order, en, 10", "order, -, 5", "how do I return an order, en, 10",
        "注文の返金はどうすればいいですか, ja, 10", "カード 会員 住所, ja, 3", "ですか, ja, 10", "refnud, en, 10", "zzzz, -, 5"})
    void topHitsAreTheFirstPageOfTheSearch(String text, String locale, int size) throws IOException {
        SearchRequest request = new SearchRequest(text, locale, null, null, null, 1, size, Audience.PUBLIC);
        SearchResult page = search.search(request);

        for (SearchService service : List.of(search, lucene)) {
            SearchService.TopHits full = service.top(request, SearchService.TopDetail.SNIPPETS_AND_TOTAL);
            assertEquals(page.hits(), full.hits());
            assertEquals(page.total(), full.total());

            SearchService.TopHits titles = service.top(request, SearchService.TopDetail.TITLES);
            assertEquals(page.hits().stream().map(hit -> hit.id() + "=" + hit.score()).toList(),
                    titles.hits().stream().map(hit -> hit.id() + "=" + hit.score()).toList());
            assertTrue(titles.hits().stream().allMatch(hit -> hit.snippet().isEmpty()), "no snippets asked for");
            assertTrue(titles.total() <= page.total() && (titles.total() > 0) == (page.total() > 0),
                    "a lower bound, zero only when nothing matches: " + titles.total() + " of " + page.total());
        }
    }

    /**
     * The longest text makes the most clauses (every word, pair and bigram in every language): Lucene's
     * path, ranking query and matching filter together, stays within Lucene's limit on a query's clauses.
     */
    @Test
    void theLongestTextIsSearchedOnLucenesPathToo() throws IOException {
        StringBuilder text = new StringBuilder("refund order delivery");
        for (int i = 0; text.length() < 400; i++) {
            text.append(" word").append(i);
        }
        text.append(" あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん")
                .append("がぎぐげござじずぜぞだぢづでどばびぶべぼぱぴぷぺぽ 返金 注文");
        SearchRequest request = new SearchRequest(text.substring(0, Math.min(text.length(), SearchRequest.MAX_QUERY_LENGTH)),
                null, null, null, null, 1, 10, Audience.PUBLIC);
        SearchResult exact = search.search(request);
        assertTrue(exact.total() > 0, "the text matches");
        assertEquals(exact.answering("", 0), lucene.search(request).answering("", 0));
        assertEquals(exact.hits(), lucene.top(request, SearchService.TopDetail.SNIPPETS_AND_TOTAL).hits());
    }
}
