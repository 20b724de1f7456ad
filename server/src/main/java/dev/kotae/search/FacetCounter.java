package dev.kotae.search;

import dev.kotae.index.FacetOrdinals;
import dev.kotae.index.IndexFields;
import dev.kotae.index.IndexView;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * Counts facet values over the documents a query matched. Because the query already carries the
 * caller's visibility filter, counts never include what the caller may not see. Counting walks the
 * version's {@link FacetOrdinals}; the order and labels are those of Lucene's
 * {@code SortedSetDocValuesFacetCounts.getTopChildren} (most first, ties in label order).
 */
final class FacetCounter {

    static final int MAX_VALUES = 100;

    private FacetCounter() {}

    /**
     * The counts per dimension, in {@link IndexFields#FACET_DIMENSIONS} order. Unmodifiable: counts without a
     * query are shared by every request of an index version.
     */
    static Map<String, List<SearchResult.FacetValue>> count(IndexView view, FacetsCollector collected)
            throws IOException {
        Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
        for (String dim : IndexFields.FACET_DIMENSIONS) {
            facets.put(dim, new ArrayList<>());
        }
        SortedSetDocValuesReaderState state = view.facetState();
        FacetOrdinals ordinals = view.facetOrdinals();
        if (state == null || ordinals == null) {
            return unmodifiable(facets);
        }
        int[] counts = new int[ordinals.size()];
        for (FacetsCollector.MatchingDocs hits : collected.getMatchingDocs()) {
            DocIdSetIterator docs = hits.totalHits == 0 || hits.bits == null ? null : hits.bits.iterator();
            if (docs == null) {
                continue;
            }
            int base = hits.context.docBase;
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                ordinals.count(base + doc, counts);
            }
        }
        for (String dim : IndexFields.FACET_DIMENSIONS) {
            SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(dim);
            if (range == null) {
                continue;
            }
            List<int[]> found = new ArrayList<>();
            for (int ord = range.start; ord <= range.end; ord++) {
                if (counts[ord] > 0) {
                    found.add(new int[] {ord, counts[ord]});
                }
            }
            found.sort(Comparator.<int[]>comparingInt(o -> -o[1]).thenComparingInt(o -> o[0]));
            for (int[] value : found.subList(0, Math.min(MAX_VALUES, found.size()))) {
                facets.get(dim).add(new SearchResult.FacetValue(ordinals.label(value[0]), value[1]));
            }
        }
        return unmodifiable(facets);
    }

    private static Map<String, List<SearchResult.FacetValue>> unmodifiable(Map<String, List<SearchResult.FacetValue>> facets) {
        facets.replaceAll((dim, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(facets);
    }
}
