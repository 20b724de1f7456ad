package dev.kotae.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import dev.kotae.kept.Kept;
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
            List<TermSearch> searches = List.of(
                    anyOf("refund"), anyOf("delivery", "password"), anyOf("refund", "absent"),
                    anyOf("absent"), anyOf(), anyOf("refund").tagged("x1"),
                    anyOf("delivery", "password").tagged("x3"), anyOf("refund").tagged("no-such-tag"));
            IndexView view = index.acquire();
            try {
                assertFalse(view.getIndexReader().leaves().size() < 2, "the test needs several segments");
                assertTrue(view.getIndexReader().hasDeletions(), "the test needs a deleted document");
                for (Audience audience : Audience.values()) {
                    for (String locale : new String[] {"en", "ja", null}) {
                        IndexView.Scope scope = SearchService.scope(view, audience, locale);
                        for (TermSearch search : searches) {
                            FacetCounter.Counts kept = search.counted(view, scope);
                            FacetCounter.Counts searched = FacetCounter.count(view, scope.searcher(), search.query());
                            assertEquals(searched, kept, audience + " " + locale + " " + search);
                            FacetCounter.Counts again = search.counted(view, scope);
                            assertEquals(searched, again, "from the kept sets: " + search);
                        }
                    }
                }
                long before = anyOf("refund").counted(view, SearchService.scope(view, Audience.PUBLIC, "en")).total();
                assertTrue(before > 0);
                index.release(view);
                view = null;
                writeArticle(content, 102, false, "a new refund"); // English, public
                sync.syncAll();
                view = index.acquire();
                assertEquals(before + 1, anyOf("refund").counted(view, SearchService.scope(view, Audience.PUBLIC, "en"))
                        .total(), "the next version counts the new article");
            } finally {
                if (view != null) {
                    index.release(view);
                }
            }
        }
    }

    /** A text search's matching terms (words over an English title and body), narrowed by tags. */
    private record TermSearch(List<Term> anyOf, List<Term> allOf) {

        TermSearch tagged(String tag) {
            List<Term> narrowed = new ArrayList<>(allOf);
            narrowed.add(new Term(IndexFields.TAG, tag));
            return new TermSearch(anyOf, narrowed);
        }

        /** Each scope's own counts, kept as {@link SearchService} keeps them. */
        static final Kept<IndexView.Scope, FacetCounter.Tally> SCOPE_COUNTS = Kept.bySize(256);

        /** Counted from the kept term sets, as a text search is. */
        FacetCounter.Counts counted(IndexView view, IndexView.Scope scope) throws IOException {
            return FacetCounter.count(view, scope, FacetCounter.matches(view, scope, anyOf, allOf), SCOPE_COUNTS);
        }

        /** The same search as a Lucene query. */
        Query query() {
            BooleanQuery.Builder query = new BooleanQuery.Builder()
                    .add(TextQuery.matchingQuery(anyOf), BooleanClause.Occur.MUST);
            allOf.forEach(term -> query.add(new TermQuery(term), BooleanClause.Occur.FILTER));
            return query.build();
        }
    }

    private static TermSearch anyOf(String... words) {
        List<Term> terms = new ArrayList<>();
        for (String word : words) {
            terms.add(new Term("title.en", word));
            terms.add(new Term("body.en", word));
            terms.add(new Term("body.ja", word));
        }
        return new TermSearch(terms, List.of());
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
