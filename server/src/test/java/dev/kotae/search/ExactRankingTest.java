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
import dev.kotae.index.IndexView;
import dev.kotae.index.IndexesWithoutMerges;
import dev.kotae.index.LearnedIndexing;
import dev.kotae.index.LearnedPhrasings;
import dev.kotae.index.SuggestKeys;
import dev.kotae.learning.Learned;
import dev.kotae.synonyms.Synonyms;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ranking from the kept word scores gives every match the score Lucene's own scorers give it with the
 * ranking query, bit for bit, and the same order, over an index of several segments with replaced
 * articles and internal ones, for each audience and locale, with phrasings learned for some of them
 * (learned questions and the click prior, in use as the content is indexed, then changed for a few articles
 * in a change of their own).
 */
class ExactRankingTest {

    private static final String[] EN = {"refund", "order", "delivery", "password", "account", "card", "return",
        "shipping", "invoice", "coupon", "member", "address", "backup"};
    private static final String[] JA = {"返金", "注文", "配送", "パスワード", "会員", "カード", "返品", "送料", "請求書",
        "クーポン", "住所", "予約", "ですか"};

    @TempDir
    static Path folder;

    private static Analysis analysis;
    private static ArticleIndex index;
    private static TextQueries textQueries;

    @BeforeAll
    static void indexInSeveralSegments() throws IOException {
        analysis = new Analysis();
        textQueries = new TextQueries(analysis);
        LearnedPhrasings learned = new LearnedPhrasings(analysis);
        // Without merges: Lucene merges on threads of its own, so how many segments would be left is timing.
        index = IndexesWithoutMerges.open(folder.resolve("index"), analysis,
                new ArticleDocuments(new SuggestKeys(), learned));
        Random random = new Random(3);
        LearnedIndexing sink = new LearnedIndexing(index, learned);
        // In use before the content is indexed, so every segment holds learned fields.
        Learned learnedFirst = learned(random, 1, 700);
        sink.publish(learnedFirst);
        for (int from = 0; from < 700; from += 100) { // one segment per change
            int first = from;
            index.change(changes -> {
                for (int i = first; i < first + 100; i++) {
                    changes.upsert(article(random, i), "stamp");
                }
                return null;
            });
        }
        index.change(changes -> {
            for (int i = 0; i < 700; i += 9) {
                changes.upsert(article(random, i), "stamp 2"); // replaced: the old document is deleted in its segment
            }
            return null;
        });
        // Then a few articles' phrasings change: written again in a segment of their own.
        Map<String, List<Learned.Phrasing>> next = new HashMap<>(learnedFirst.byArticle());
        next.putAll(learned(random, 2, 60).byArticle());
        sink.publish(new Learned(2, next));
    }

    /**
     * Phrasings of every fifth article below {@code below} (internal ones too), some as learned questions, of
     * random strength.
     */
    private static Learned learned(Random random, long version, int below) {
        Map<String, List<Learned.Phrasing>> byArticle = new HashMap<>();
        for (int i = 1; i < below; i += 5) {
            String[] words = i % 2 == 0 ? JA : EN;
            String separator = i % 2 == 0 ? "の" : " ";
            byArticle.put("a" + i, List.of(
                    new Learned.Phrasing(SkewedText.pick(random, words, 2, separator), random.nextDouble(), true),
                    new Learned.Phrasing(SkewedText.pick(random, words, 3, separator), random.nextDouble(), false)));
        }
        byArticle.put("a1", List.of(new Learned.Phrasing("refund my order", 0.7, true)));
        return new Learned(version, byArticle);
    }

    private static Article article(Random random, int i) {
        boolean ja = i % 2 == 0;
        String[] words = ja ? JA : EN;
        String title = SkewedText.pick(random, words, 1 + random.nextInt(3), ja ? "の" : " ");
        String body = SkewedText.pick(random, words, 3 + random.nextInt(40), ja ? "と" : " and ");
        List<String> questions = random.nextBoolean() ? List.of(SkewedText.pick(random, words, 3, ja ? "の" : " ")) : List.of();
        return new Article("a" + i, title, ArticleType.FAQ, i % 7 == 0 ? Visibility.INTERNAL : Visibility.PUBLIC,
                ja ? "ja" : "en", "c" + random.nextInt(4), List.of(words[random.nextInt(words.length)]), questions,
                LocalDate.of(2026, 11, 1), "test:" + i, "<p>" + body + "</p>", body);
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
        analysis.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"refund", "refund order", "how do I back up my order", "password password reset",
        "返金", "注文の返金はどうすればいいですか", "カード 会員 住所", "へんぴんの注文", "配送 refund"})
    void everyMatchIsScoredAndOrderedAsLuceneDoes(String text) throws IOException {
        IndexView view = index.acquire();
        try {
            assertTrue(view.getIndexReader().leaves().size() > 2, "the index has several segments");
            assertTrue(view.getIndexReader().numDeletedDocs() > 0, "and replaced articles");
            for (Audience audience : Audience.values()) {
                for (String locale : Arrays.asList(null, "ja", "en")) {
                    assertSameRanking(view, text, audience, locale);
                }
            }
        } finally {
            index.release(view);
        }
    }

    private static void assertSameRanking(IndexView view, String text, Audience audience, String locale)
            throws IOException {
        IndexView.Scope scope = SearchService.scope(view, audience, locale);
        TextQuery query = textQueries.build(text, Locales.families(locale), TextQueries.TermQueries.of(scope));
        FixedBitSet matches = FacetCounter.matches(view, scope, query.matchingTerms(false), List.of());
        int window = Math.max(1, matches.cardinality());
        TopDocs actual = ExactRanking.top(scope, matches, query, window);

        Query everyMatch = SearchService.filtered(new BooleanQuery.Builder()
                .add(query.ranking(EveryMatchScored.plainTermQueries(view)), BooleanClause.Occur.MUST)
                .add(TextQuery.matchingQuery(query.matchingTerms(false)), BooleanClause.Occur.FILTER)
                .build(), audience, locale, null, null, null);
        TopDocs expected = view.search(everyMatch, window);
        String where = text + " for " + audience + " in " + locale;
        if (locale == null) {
            assertTrue(expected.scoreDocs.length > 0, "something matches " + where); // in one locale, maybe not
        }
        assertEquals(expected.totalHits.value, actual.totalHits.value, "total of " + where);
        assertEquals(Arrays.stream(expected.scoreDocs).map(hit -> hit.doc + "=" + hit.score).toList(),
                Arrays.stream(actual.scoreDocs).map(hit -> hit.doc + "=" + hit.score).toList(), where);
    }

    /**
     * Word scores are kept per index version: after an edit the next version ranks with its own
     * statistics and articles, never with what the previous version kept.
     */
    @Test
    void aNewVersionIsRankedWithItsOwnWordScores(@TempDir Path own) throws IOException {
        try (ArticleIndex small = ArticleIndex.open(own.resolve("index"), analysis,
                new ArticleDocuments(new SuggestKeys()), "test")) {
            Random random = new Random(5);
            small.change(changes -> {
                for (int i = 1; i < 60; i += 2) { // English articles only
                    changes.upsert(article(random, i), "stamp");
                }
                return null;
            });
            List<String> before = ranking(small, "refund");
            small.change(changes -> {
                changes.upsert(new Article("new", "Refund refund", ArticleType.FAQ, Visibility.PUBLIC, "en", "c0",
                        List.of("refund"), List.of("refund"), LocalDate.of(2026, 11, 2), "test:new",
                        "<p>refund</p>", "refund"), "stamp");
                return null;
            });
            List<String> after = ranking(small, "refund");

            IndexView view = small.acquire();
            try {
                assertEquals("new", ArticleDocuments.summary(view.getIndexReader(),
                        Integer.parseInt(after.get(0).split("=")[0])).id(), "the new article ranks first");
                assertSameRanking(view, "refund", Audience.PUBLIC, "en");
            } finally {
                small.release(view);
            }
            assertEquals(before.size() + 1, after.size(), "one more match");
        }
    }

    private static List<String> ranking(ArticleIndex index, String text) throws IOException {
        IndexView view = index.acquire();
        try {
            IndexView.Scope scope = SearchService.scope(view, Audience.PUBLIC, "en");
            TextQuery query = textQueries.build(text, Locales.families("en"), TextQueries.TermQueries.of(scope));
            FixedBitSet matches = FacetCounter.matches(view, scope, query.matchingTerms(false), List.of());
            TopDocs top = ExactRanking.top(scope, matches, query, Math.max(1, matches.cardinality()));
            return Arrays.stream(top.scoreDocs).map(hit -> hit.doc + "=" + hit.score).toList();
        } finally {
            index.release(view);
        }
    }

    /** A scope's field statistics, read once, are its searcher's own; a field no article has has none. */
    @ParameterizedTest
    @ValueSource(strings = {"title.en", "body.en", "body.ja", "no.such.field"})
    void aScopesFieldStatisticsAreItsSearchersOwn(String field) throws IOException {
        IndexView view = index.acquire();
        try {
            for (Audience audience : Audience.values()) {
                IndexView.Scope scope = SearchService.scope(view, audience, null);
                CollectionStatistics expected = scope.searcher().collectionStatistics(field);
                for (int asked = 0; asked < 2; asked++) {
                    CollectionStatistics statistics = scope.fieldStatistics(field);
                    assertEquals(expected == null, statistics == null, field);
                    if (expected != null) {
                        assertEquals(List.of(expected.docCount(), expected.sumTotalTermFreq(), expected.sumDocFreq()),
                                List.of(statistics.docCount(), statistics.sumTotalTermFreq(), statistics.sumDocFreq()));
                    }
                }
            }
        } finally {
            index.release(view);
        }
    }

    /** For each kind of clause, a text that makes one; a new kind fails {@link #everyClauseKindIsRankedMatchedAndMarked} until it has one. */
    private static final Map<TextQuery.Kind, String> KIND_EXAMPLES = Map.of(
            TextQuery.Kind.WORD, "refund",
            TextQuery.Kind.JOINED_PAIR, "back up",
            TextQuery.Kind.KANA_GRAM, "ぱすわーど",
            TextQuery.Kind.SYNONYM, "reimburse",
            TextQuery.Kind.READING, "へんきん",
            TextQuery.Kind.PRIOR, "refund");

    /** The synonyms the examples are built with: the SYNONYM example's word stands for a word of the index. */
    private static final String SYNONYMS = "reimburse, refund";

    /**
     * Every kind of clause, alone in a query, is ranked from the kept scores exactly as Lucene scores the
     * derived ranking query, matched from the kept term sets exactly as Lucene matches the derived matching
     * query, and its body terms (if it has any) are what the snippets mark.
     */
    @Test
    void everyClauseKindIsRankedMatchedAndMarked() throws Exception {
        assertEquals(EnumSet.allOf(TextQuery.Kind.class), KIND_EXAMPLES.keySet(), "an example of every kind");
        IndexView view = index.acquire();
        try {
            IndexView.Scope scope = SearchService.scope(view, Audience.PUBLIC, null);
            Synonyms synonyms = Synonyms.parse(SYNONYMS, analysis, 1);
            for (Map.Entry<TextQuery.Kind, String> example : KIND_EXAMPLES.entrySet()) {
                KanaConversion.Conversion conversion = KanaConversion.convert(example.getValue(),
                        scope.searcher().getIndexReader(), Audience.PUBLIC);
                TextQuery built = textQueries.build(example.getValue(), conversion, Locales.families(null),
                        TextQueries.TermQueries.of(scope), synonyms);
                List<TextQuery.Clause> ofKind = built.clauses().stream()
                        .filter(clause -> clause.kind() == example.getKey()).toList();
                assertFalse(ofKind.isEmpty(), example.getValue() + " makes a " + example.getKey());
                TextQuery query = new TextQuery(ofKind);
                String where = example.getKey() + " of " + example.getValue();

                FixedBitSet matches = FacetCounter.matches(view, scope, query.matchingTerms(true), List.of());
                Query matching = TextQuery.matchingQuery(query.matchingTerms(true));
                Query scored = SearchService.filtered(new BooleanQuery.Builder()
                        .add(query.ranking(EveryMatchScored.plainTermQueries(view)), BooleanClause.Occur.MUST)
                        .add(matching, BooleanClause.Occur.FILTER).build(), Audience.PUBLIC, null, null, null, null);
                int window = Math.max(1, matches.cardinality());
                TopDocs expected = view.search(scored, window);
                assertTrue(expected.scoreDocs.length > 0, "something matches " + where);
                assertEquals(view.count(SearchService.filtered(matching, Audience.PUBLIC, null, null, null, null)),
                        matches.cardinality(), "matched as Lucene matches " + where);
                TopDocs actual = ExactRanking.top(scope, matches, query, window);
                assertEquals(Arrays.stream(expected.scoreDocs).map(hit -> hit.doc + "=" + hit.score).toList(),
                        Arrays.stream(actual.scoreDocs).map(hit -> hit.doc + "=" + hit.score).toList(), where);

                int[] docs = Arrays.stream(actual.scoreDocs).limit(5).mapToInt(hit -> hit.doc).toArray();
                String[] snippets = new Snippets(analysis).snippets(view, query.bodyTerms(), docs,
                        view.hits(docs));
                boolean hasBodyTerms = ofKind.stream().flatMap(clause -> clause.word().fields().stream())
                        .anyMatch(field -> query.bodyTerms().contains(field.term()));
                assertEquals(hasBodyTerms, Arrays.stream(snippets).anyMatch(snippet -> snippet.contains("<mark>")),
                        "snippets mark the body terms of " + where + ": " + Arrays.toString(snippets));
            }
        } finally {
            index.release(view);
        }
    }
}
