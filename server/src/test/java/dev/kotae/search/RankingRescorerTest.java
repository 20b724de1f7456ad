package dev.kotae.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.content.Article;
import dev.kotae.content.ArticleType;
import dev.kotae.content.Visibility;
import dev.kotae.index.Analysis;
import dev.kotae.index.ArticleDocuments;
import dev.kotae.index.ArticleIndex;
import dev.kotae.index.IndexView;
import dev.kotae.index.SuggestKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The term-by-term rescoring gives each candidate the score Lucene's own {@code QueryRescorer} gives it
 * with the ranking query, and the same order, over an index of several segments.
 */
class RankingRescorerTest {

    private static final String[] EN = {"refund", "order", "delivery", "password", "account", "card", "return",
        "shipping", "invoice", "coupon", "member", "address", "backup"};
    private static final String[] JA = {"返金", "注文", "配送", "パスワード", "会員", "カード", "返品", "送料", "請求書",
        "クーポン", "住所", "予約", "ですか"};

    @org.junit.jupiter.api.io.TempDir
    static Path folder;

    private static Analysis analysis;
    private static ArticleIndex index;

    @BeforeAll
    static void indexInSeveralSegments() throws IOException {
        analysis = new Analysis();
        index = ArticleIndex.open(folder.resolve("index"), analysis, new ArticleDocuments(new SuggestKeys()), "test");
        Random random = new Random(3);
        for (int i = 0; i < 700; i++) {
            boolean ja = i % 2 == 0;
            String[] words = ja ? JA : EN;
            String title = SkewedText.pick(random, words, 1 + random.nextInt(3), ja ? "の" : " ");
            String body = SkewedText.pick(random, words, 3 + random.nextInt(40), ja ? "と" : " and ");
            List<String> questions = random.nextBoolean()
                    ? List.of(SkewedText.pick(random, words, 3, ja ? "の" : " ")) : List.of();
            index.upsert(new Article("a" + i, title, ArticleType.FAQ, Visibility.PUBLIC, ja ? "ja" : "en",
                    "c" + random.nextInt(4), List.of(words[random.nextInt(words.length)]), questions,
                    LocalDate.of(2026, 11, 1), "test:" + i, "<p>" + body + "</p>", body), "stamp");
            if (i % 100 == 99) {
                index.publish();
            }
        }
        index.publish();
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
        analysis.close();
    }

    @Test
    void aQueryOfAnotherShapeIsRefused() throws IOException {
        IndexView view = index.acquire();
        try {
            assertThrows(IllegalArgumentException.class,
                    () -> RankingRescorer.rescore(view, new ScoreDoc[] {new ScoreDoc(0, 1f)}, new MatchAllDocsQuery()));
        } finally {
            index.release(view);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"refund", "refund order", "how do I back up my order", "password password reset",
        "返金", "注文の返金はどうすればいいですか", "カード 会員 住所", "へんぴんの注文", "配送 refund"})
    void scoresAndOrderAreLucenesOwn(String text) throws IOException {
        IndexView view = index.acquire();
        try {
            assertTrue(view.getIndexReader().leaves().size() > 2, "the index has several segments");
            TextQueries.TextQuery query = new TextQueries(analysis).build(text, Locales.families(null),
                    TextQueries.TermQueries.plain(view));
            TopDocs candidates = view.search(query.matching(), 100);
            assertTrue(candidates.scoreDocs.length > 20, "enough candidates for " + text);

            ScoreDoc[] expected = new QueryRescorer(query.ranking()) {
                @Override
                protected float combine(float candidateScore, boolean matched, float rankingScore) {
                    return matched ? rankingScore : 0f;
                }
            }.rescore(view, candidates, candidates.scoreDocs.length).scoreDocs;
            ScoreDoc[] actual = RankingRescorer.rescore(view, candidates.scoreDocs, query.ranking());

            assertNotNull(actual, "the ranking query's shape is understood");
            assertEquals(Arrays.stream(expected).map(hit -> hit.doc + "=" + hit.score).toList(),
                    Arrays.stream(actual).map(hit -> hit.doc + "=" + hit.score).toList());
        } finally {
            index.release(view);
        }
    }
}
