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
 * documents, which at 10,000 articles is the whole index), and Lucene's usage thresholds apply one use
 * sooner: a query it counts as costly to build (a prefix) is kept on its first use, where by default it
 * must recur within Lucene's last 256 uses, which the variety of typed prefixes rarely does; a compound
 * filter on its third. Single terms are never kept, as Lucene decides: their postings are already a set.
 */
public final class QueryMatches implements Usage {

    /** About the heap the kept sets may take: a set is 1.2 KB at 10,000 articles, 12.5 KB at 100,000. */
    static final long MAX_BYTES = 16L << 20;
    /** Queries kept at most, over all segments. */
    static final int MAX_QUERIES = 4096;

    private final LRUQueryCache cache = new LRUQueryCache(MAX_QUERIES, MAX_BYTES, segment -> true, Float.POSITIVE_INFINITY);
    /** Lucene's policy (its own judgement of what is costly, its history of recent uses), one use sooner. */
    private final QueryCachingPolicy policy = new UsageTrackingQueryCachingPolicy() {
        @Override
        protected int minFrequencyToCache(Query query) {
            return super.minFrequencyToCache(query) - 1;
        }
    };

    /** Lets {@code searcher}'s unscored queries use these kept sets. */
    public void keepFor(IndexSearcher searcher) {
        searcher.setQueryCache(cache);
        searcher.setQueryCachingPolicy(policy);
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
