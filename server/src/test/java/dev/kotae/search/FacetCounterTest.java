package dev.kotae.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
        try (ArticleIndex index = ArticleIndex.open(folder.resolve("index"), new Analysis(),
                new ArticleDocuments(new SuggestKeys()), "test")) {
            ContentSync sync = new ContentSync(new ContentFolder(content),
                    new ArticleParser(new MarkdownRenderer(), Set.of("ja", "en"), "ja"), index);
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
