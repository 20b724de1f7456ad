package dev.kotae.kept;

import java.io.IOException;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.IOFunction;

/**
 * The documents of each segment that a filter (an audience's visibility and a locale) matches, deleted
 * ones included, kept per segment core: a new index version applies its live documents to them instead
 * of running the filter again on the segments it shares with the version before.
 */
public final class FilterMatches {

    /** About the heap all sets may take: a segment of 100,000 articles takes 12.5 KB a filter. */
    static final long MAX_BYTES = 8L << 20;

    private final Kept<Query, FixedBitSet> perSegment = Kept.byWeight(MAX_BYTES, (filter, bits) -> bits.ramBytesUsed());

    /**
     * The documents of {@code segment} that {@code filter} matches, as {@code read} reads them, deleted
     * ones included. Shared: callers must not change the set.
     */
    public FixedBitSet of(LeafReader segment, Query filter, IOFunction<Query, FixedBitSet> read) throws IOException {
        return perSegment.get(segment.getCoreCacheHelper(), filter, read);
    }
}
