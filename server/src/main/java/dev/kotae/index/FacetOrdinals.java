package dev.kotae.index;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * Every document's facet ordinals (global, as the index version's facet state numbers them) in two flat
 * arrays, read once per index version. Counting the facets of a search's matches is then an array walk;
 * Lucene's doc-values counting decodes each match's ordinals again on every search.
 */
public final class FacetOrdinals {

    /** {@code ords[starts[doc]] .. ords[starts[doc + 1] - 1]} are the ordinals of top-level document {@code doc}. */
    private final int[] starts;
    private final int[] ords;
    private final int size;
    /** The value each ordinal stands for (the last part of its facet path), looked up once per version. */
    private final String[] labels;

    private FacetOrdinals(int[] starts, int[] ords, int size, String[] labels) {
        this.starts = starts;
        this.ords = ords;
        this.size = size;
        this.labels = labels;
    }

    static FacetOrdinals of(SortedSetDocValuesReaderState state, int maxDoc) throws IOException {
        int[] starts = new int[maxDoc + 1];
        int[] ords = new int[Math.max(16, maxDoc * 4)];
        int count = 0;
        int last = 0;
        SortedSetDocValues values = state.getDocValues();
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            Arrays.fill(starts, last + 1, doc + 1, count);
            int n = values.docValueCount();
            if (count + n > ords.length) {
                ords = Arrays.copyOf(ords, Math.max(count + n, ords.length * 2));
            }
            for (int i = 0; i < n; i++) {
                ords[count++] = (int) values.nextOrd();
            }
            last = doc;
        }
        Arrays.fill(starts, last + 1, maxDoc + 1, count);
        String[] labels = new String[state.getSize()];
        SortedSetDocValues dictionary = state.getDocValues();
        for (int ord = 0; ord < labels.length; ord++) {
            String[] path = FacetsConfig.stringToPath(dictionary.lookupOrd(ord).utf8ToString());
            labels[ord] = path[path.length - 1];
        }
        return new FacetOrdinals(starts, Arrays.copyOf(ords, count), state.getSize(), labels);
    }

    /** How many ordinals there are: the length of a counts array. */
    public int size() {
        return size;
    }

    /** The facet value of ordinal {@code ord}, e.g. a tag. */
    public String label(int ord) {
        return labels[ord];
    }

    /** Adds one to the count of each ordinal of top-level document {@code doc}. */
    public void count(int doc, int[] counts) {
        for (int i = starts[doc], end = starts[doc + 1]; i < end; i++) {
            counts[ords[i]]++;
        }
    }
}
