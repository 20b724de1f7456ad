package dev.kotae.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.content.Article;
import dev.kotae.content.ArticleType;
import dev.kotae.content.Visibility;
import dev.kotae.index.Analysis;
import dev.kotae.index.ArticleDocuments;
import dev.kotae.index.ArticleIndex;
import dev.kotae.index.SuggestKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kana bigram that most articles contain («です») scores but does not match on its own: a Japanese
 * question ends in one, and it used to make every Japanese article a match. Over 120 articles, since a
 * bigram must be in at least {@link TextQueries#COMMON_GRAM_MIN_ARTICLES} to count as common.
 */
class CommonGramsTest {

    private static final String[] TOPICS = {"配送", "会員", "住所", "予約", "請求書", "クーポン", "送料", "カード", "返品",
        "注文", "ポイント", "在庫"};
    private static final int ARTICLES = 120;

    @TempDir
    static Path folder;

    private static Analysis analysis;
    private static ArticleIndex index;
    private static SearchService search;

    @BeforeAll
    static void indexArticlesThatAllSayDesu() throws IOException {
        analysis = new Analysis();
        index = ArticleIndex.open(folder.resolve("index"), analysis, new ArticleDocuments(new SuggestKeys()), "test");
        index.change(changes -> {
            for (int i = 0; i < ARTICLES; i++) {
                String topic = TOPICS[i % TOPICS.length];
                add(changes, "topic-" + i, topic + "のパスワードについて" + i, topic + "のパスワードの変更は画面からです。");
            }
            add(changes, "refund", "返金について", "返金は5日以内です。");
            return null;
        });
        search = new SearchService(index, analysis, new Locales(Set.of("ja"), audience -> Set.of("ja")));
    }

    private static void add(ArticleIndex.Changes changes, String id, String title, String body) throws IOException {
        changes.upsert(new Article(id, title, ArticleType.FAQ, Visibility.PUBLIC, "ja", "help", List.of(), List.of(),
                LocalDate.of(2026, 11, 1), "test:" + id, "<p>" + body + "</p>", body), "stamp");
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
        analysis.close();
    }

    @Test
    void aCommonBigramDoesNotMatchOnItsOwn() throws IOException {
        SearchResult result = search("返金ですか");

        assertEquals(List.of("refund"), ids(result));
        assertEquals(1, result.total());
    }

    @Test
    void aQueryOfCommonBigramsAloneStillMatches() throws IOException {
        // 「です」 is no word (Kuromoji drops auxiliary verbs), and its one bigram is in every article.
        SearchResult result = search("です");

        assertEquals(ARTICLES + 1, result.total());
    }

    @Test
    void commonBigramsMatchWhenNothingElseDoes() throws IOException {
        // Kuromoji cuts hiragana it does not know into kana that match no word; only the bigrams of
        // パスワード find the articles, and every one of them is in all 120 topic articles.
        SearchResult result = search("ぱすわーど");

        assertEquals(ARTICLES, result.total());
    }

    @Test
    void aSmallHelpCenterHasNoCommonBigrams() {
        assertFalse(new TextQueries.Frequency(TextQueries.COMMON_GRAM_MIN_ARTICLES - 1, 200).isCommonGram());
        assertTrue(new TextQueries.Frequency(TextQueries.COMMON_GRAM_MIN_ARTICLES, 200).isCommonGram());
        assertFalse(new TextQueries.Frequency(TextQueries.COMMON_GRAM_MIN_ARTICLES, 2_000).isCommonGram());
    }

    private static List<String> ids(SearchResult result) {
        return result.hits().stream().map(SearchResult.Hit::id).toList();
    }

    private static SearchResult search(String text) throws IOException {
        return search.search(new SearchRequest(text, "ja", null, null, null, 1, 20, Audience.PUBLIC));
    }
}
