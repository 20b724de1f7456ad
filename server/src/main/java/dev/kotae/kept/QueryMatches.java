package dev.kotae.kept;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LRUQueryCache;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryCachingPolicy;
import org.apache.lucene.search.UsageTrackingQueryCachingPolicy;

/**
 * The documents of each segment that a query matches where it is not scored (a suggestion's prefixes,
 * which a suggestion scores only as matched or not; a category page's filters), kept by Lucene's own
 * query cache: per segment core, deleted documents included (the searcher applies its live documents on
 * top, so scopes of one segment share them), and dropped by Lucene's closed listener when the core
 * closes, as {@link Kept} drops its values. A prefix of one or two characters matches thousands of
 * terms, and enumerating them was most of a suggestion's cost; what customers type comes back
 * keystroke after keystroke.
 *
 * <p>Unlike Lucene's defaults, every segment is kept (Lucene's default skips segments under 10,000
 * documents, which at 10,000 articles is the whole index), and a query is kept on its first use (by
 * default only after it recurred within Lucene's last 256 uses, which the variety of typed prefixes
 * rarely does). Single terms are never kept, as Lucene decides: their postings are already a set.
 */
public final class QueryMatches implements Usage {

    /** About the heap the kept sets may take: a set is 1.2 KB at 10,000 articles, 12.5 KB at 100,000. */
    static final long MAX_BYTES = 16L << 20;
    /** Queries kept at most, over all segments. */
    static final int MAX_QUERIES = 4096;

    private static final QueryCachingPolicy ON_FIRST_USE = new UsageTrackingQueryCachingPolicy() {
        @Override
        protected int minFrequencyToCache(Query query) {
            return 1;
        }
    };

    private final LRUQueryCache cache = new LRUQueryCache(MAX_QUERIES, MAX_BYTES, segment -> true, Float.POSITIVE_INFINITY);

    /** Lets {@code searcher}'s unscored queries use these kept sets. */
    public void keepFor(IndexSearcher searcher) {
        searcher.setQueryCache(cache);
        searcher.setQueryCachingPolicy(ON_FIRST_USE);
    }

    @Override
    public long hits() {
        return cache.getHitCount();
    }

    @Override
    public long misses() {
        return cache.getMissCount();
    }

    @Override
    public long bytes() {
        return cache.ramBytesUsed();
    }
}
