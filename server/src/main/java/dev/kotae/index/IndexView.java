package dev.kotae.index;

import java.io.IOException;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;

/**
 * A point-in-time searcher, scoring with {@link ArticleSimilarity}, plus what is derived once per index
 * version (the facet ordinal map), so a request never rebuilds it. Acquired from and released to {@link ArticleIndex}.
 */
public final class IndexView extends IndexSearcher {

    private static final ArticleSimilarity SIMILARITY = new ArticleSimilarity();

    private final SortedSetDocValuesReaderState facetState;

    IndexView(IndexReader reader, FacetsConfig facetsConfig) throws IOException {
        super(reader);
        setSimilarity(SIMILARITY);
        this.facetState = hasFacets(reader) ? new DefaultSortedSetDocValuesReaderState(reader, facetsConfig) : null;
    }

    /** The facet state of this index version, or {@code null} while the index is empty. */
    public SortedSetDocValuesReaderState facetState() {
        return facetState;
    }

    private static boolean hasFacets(IndexReader reader) {
        return reader.leaves().stream()
                .anyMatch(leaf -> leaf.reader().getFieldInfos().fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME) != null);
    }
}
