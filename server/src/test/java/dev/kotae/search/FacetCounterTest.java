package dev.kotae.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.content.ArticleParser;
import dev.kotae.content.ContentFolder;
import dev.kotae.content.MarkdownRenderer;
import dev.kotae.index.Analysis;
import dev.kotae.index.ArticleDocuments;
import dev.kotae.index.ArticleIndex;
import dev.kotae.index.ContentSync;
import dev.kotae.index.IndexFields;
import dev.kotae.index.IndexView;
import dev.kotae.index.SuggestKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kotae's array counting gives exactly what Lucene's doc-values facet counting gives, over several segments. */
class FacetCounterTest {

    @TempDir
    Path folder;

    @Test
    void sameCountsLabelsAndOrderAsLucene() throws Exception {
        Path content = folder.resolve("content");
        try (ArticleIndex index = openIndex()) {
            ContentSync sync = syncing(content, index);
            // Three syncs, three segments: ordinals must be global, not per segment.
            for (int batch = 0; batch < 3; batch++) {
                for (int i = 0; i < 7; i++) {
                    int n = batch * 7 + i;
                    Path file = content.resolve(n % 3 == 0 ? "en" : "ja").resolve("a" + n + ".md");
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, "---\nid: a" + n + "\ntitle: t" + n + "\ncategory: c" + (n % 4)
                            + "\ntags: [x" + (n % 5) + ", y" + (n % 2) + ", \"a/b " + (n % 3) + "\"]\n"
                            + (n % 6 == 0 ? "type: playbook\n" : "") + "---\n本文 body\n");
                }
                sync.syncAll();
            }
            IndexView view = index.acquire();
            try {
                assertFalse(view.getIndexReader().leaves().size() < 2, "the test needs several segments");
                for (Query query : List.of(new MatchAllDocsQuery(), new TermQuery(new Term(IndexFields.LOCALE, "ja")),
                        new TermQuery(new Term(IndexFields.TAG, "y1")))) {
                    FacetsCollector collected = view.search(query, new FacetsCollectorManager());
                    FacetCounter.Counts counts = FacetCounter.count(view, view, query);
                    assertEquals(lucene(view, collected), counts.facets(), query.toString());
                    assertEquals(view.count(query), counts.total(), query.toString());
                }
            } finally {
                index.release(view);
            }
        }
    }

    /**
     * A text search's matches are counted as a union of per-term sets kept per version; that must count
     * exactly what searching the same query in the same scope counts: across segments, without deleted
     * (replaced) articles, without what the scope leaves out, and anew on the next version. «refund» is in
     * every article, so it is counted as the scope's counts less those of the articles it did not match.
     */
    @Test
    void keptTermSetsCountWhatSearchingCounts() throws Exception {
        Path content = folder.resolve("content");
        try (ArticleIndex index = openIndex()) {
            ContentSync sync = syncing(content, index);
            for (int batch = 0; batch < 3; batch++) {
                for (int i = 0; i < 9; i++) {
                    int n = batch * 9 + i;
                    writeArticle(content, n, n % 4 == 1, n % 2 == 0 ? "refund delivery" : "refund password");
                }
                // An article of the first batch changes: its old document is deleted, not yet merged away.
                writeArticle(content, 2, false, "delivery only, batch " + batch);
                sync.syncAll();
            }
            List<Query> queries = List.of(
                    disjunction("refund"), disjunction("delivery", "password"), disjunction("refund", "absent"),
                    disjunction("absent"), disjunction(), narrowed(disjunction("refund"), "x1"),
                    narrowed(disjunction("delivery", "password"), "x3"), narrowed(disjunction("refund"), "no-such-tag"));
            IndexView view = index.acquire();
            try {
                assertFalse(view.getIndexReader().leaves().size() < 2, "the test needs several segments");
                assertTrue(view.getIndexReader().hasDeletions(), "the test needs a deleted document");
                for (Audience audience : Audience.values()) {
                    for (String locale : new String[] {"en", "ja", null}) {
                        IndexView.Scope scope = SearchService.scope(view, audience, locale);
                        for (Query query : queries) {
                            assertNotNull(FacetCounter.TermShape.of(query), "counted from kept sets: " + query);
                            FacetCounter.Counts kept = FacetCounter.count(view, scope, query);
                            FacetCounter.Counts searched = FacetCounter.count(view, scope.searcher(), query);
                            assertEquals(searched, kept, audience + " " + locale + " " + query);
                            FacetCounter.Counts again = FacetCounter.count(view, scope, query);
                            assertEquals(searched, again, "from the kept sets: " + query);
                        }
                    }
                }
                long before = FacetCounter.count(view, SearchService.scope(view, Audience.PUBLIC, "en"),
                        disjunction("refund")).total();
                assertTrue(before > 0);
                index.release(view);
                view = null;
                writeArticle(content, 102, false, "a new refund"); // English, public
                sync.syncAll();
                view = index.acquire();
                assertEquals(before + 1, FacetCounter.count(view, SearchService.scope(view, Audience.PUBLIC, "en"),
                        disjunction("refund")).total(), "the next version counts the new article");
            } finally {
                if (view != null) {
                    index.release(view);
                }
            }
        }
    }

    @Test
    void onlyTextSearchShapesAreCountedFromSets() {
        FacetCounter.TermShape plain = FacetCounter.TermShape.of(disjunction("refund", "delivery"));
        assertEquals(6, plain.anyOf().size());
        assertEquals(List.of(), plain.allOf());
        FacetCounter.TermShape narrowed = FacetCounter.TermShape.of(narrowed(disjunction("refund"), "x1"));
        assertEquals(List.of(new Term(IndexFields.TAG, "x1")), narrowed.allOf());
        assertNull(FacetCounter.TermShape.of(new MatchAllDocsQuery()));
        assertNull(FacetCounter.TermShape.of(narrowed(new MatchAllDocsQuery(), "x1")), "browsing is searched");
        Query atLeastTwo = new BooleanQuery.Builder().setMinimumNumberShouldMatch(2)
                .add(new TermQuery(new Term("body.en", "refund")), BooleanClause.Occur.SHOULD)
                .add(new TermQuery(new Term("body.en", "delivery")), BooleanClause.Occur.SHOULD).build();
        assertNull(FacetCounter.TermShape.of(atLeastTwo));
    }

    /** {@code query} narrowed to the tag {@code tag}, as SearchService narrows a search. */
    private static Query narrowed(Query query, String tag) {
        return new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(IndexFields.TAG, tag)), BooleanClause.Occur.FILTER).build();
    }

    /** Words over an English title and body, boosted as TextQueries boosts them. */
    private static Query disjunction(String... words) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (String word : words) {
            builder.add(new BoostQuery(new TermQuery(new Term("title.en", word)), 2f), BooleanClause.Occur.SHOULD);
            builder.add(new TermQuery(new Term("body.en", word)), BooleanClause.Occur.SHOULD);
            builder.add(new TermQuery(new Term("body.ja", word)), BooleanClause.Occur.SHOULD);
        }
        return builder.build();
    }

    private static void writeArticle(Path content, int n, boolean internal, String body) throws IOException {
        Path file = content.resolve(n % 3 == 0 ? "en" : "ja").resolve("a" + n + ".md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "---\nid: a" + n + "\ntitle: " + (n % 5 == 0 ? "refund t" : "t") + n
                + "\ncategory: c" + (n % 4) + "\ntags: [x" + (n % 5) + "]\n"
                + (internal ? "visibility: internal\n" : "") + "---\n" + body + "\n");
    }

    private ArticleIndex openIndex() throws IOException {
        return ArticleIndex.open(folder.resolve("index"), new Analysis(), new ArticleDocuments(new SuggestKeys()), "test");
    }

    private static ContentSync syncing(Path content, ArticleIndex index) {
        return new ContentSync(new ContentFolder(content),
                new ArticleParser(new MarkdownRenderer(), Set.of("ja", "en"), "ja"), index);
    }

    private static Map<String, List<SearchResult.FacetValue>> lucene(IndexView view, FacetsCollector collected)
            throws Exception {
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(view.facetState(), collected);
        Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
        for (String dim : IndexFields.FACET_DIMENSIONS) {
            List<SearchResult.FacetValue> values = new ArrayList<>();
            FacetResult result = counts.getTopChildren(FacetCounter.MAX_VALUES, dim);
            if (result != null) {
                for (LabelAndValue value : result.labelValues) {
                    values.add(new SearchResult.FacetValue(value.label, value.value.longValue()));
                }
            }
            facets.put(dim, values);
        }
        return facets;
    }
}
