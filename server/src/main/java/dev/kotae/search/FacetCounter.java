package dev.kotae.search;

import dev.kotae.index.IndexFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;

/**
 * Counts facet values over the documents a query matched. Because the query already carries the
 * caller's visibility filter, counts never include what the caller may not see.
 */
final class FacetCounter {

    static final int MAX_VALUES = 100;

    private FacetCounter() {}

    static Map<String, List<SearchResult.FacetValue>> count(SortedSetDocValuesReaderState state, FacetsCollector collected)
            throws IOException {
        Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
        for (String dim : IndexFields.FACET_DIMENSIONS) {
            facets.put(dim, new ArrayList<>());
        }
        if (state == null) {
            return facets;
        }
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state, collected);
        for (String dim : IndexFields.FACET_DIMENSIONS) {
            FacetResult result;
            try {
                result = counts.getTopChildren(MAX_VALUES, dim);
            } catch (IllegalArgumentException notIndexedYet) {
                continue;
            }
            if (result == null) {
                continue;
            }
            for (LabelAndValue value : result.labelValues) {
                facets.get(dim).add(new SearchResult.FacetValue(value.label, value.value.longValue()));
            }
        }
        return facets;
    }
}
