package dev.kotae.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.kotae.index.IndexView;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.util.IOSupplier;

/**
 * Whole search results of the index version being searched, so that a question many visitors ask is
 * ranked, counted and highlighted once per version rather than once per visitor (help-center queries
 * repeat: "password reset" is asked all day). The answers are the ones a fresh search gives: a result is
 * kept only for the version it was computed on, under the whole validated request, the audience included,
 * so what agents were answered never reaches the public, and a new version starts empty.
 *
 * <p>Bounded by an estimate of the results' heap size; Caffeine's admission policy keeps the frequently
 * asked ones when one-off queries stream through. Not a memo: a lost race computes twice, which is cheaper
 * than making searches for the same words wait on each other.
 */
public final class ResultCache {

    /** One version's results; the reader's cache key is an identity that does not hold the reader. */
    private record Generation(IndexReader.CacheKey version, Cache<SearchRequest, SearchResult> results) {}

    private final long maxBytes;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private volatile Generation current;

    /** @param maxBytes about how much heap the kept results may take; {@code 0} keeps nothing */
    ResultCache(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must be 0 or more");
        }
        this.maxBytes = maxBytes;
    }

    /**
     * The result kept for {@code request} on {@code view}, else what {@code search} answers (then kept).
     * {@code request} must be the normalised request the search answers, audience and locale included.
     */
    SearchResult get(IndexView view, SearchRequest request, IOSupplier<SearchResult> search) throws IOException {
        Generation generation = generation(view);
        if (generation == null) {
            return search.get();
        }
        SearchResult known = generation.results().getIfPresent(request);
        if (known != null) {
            hits.increment();
            return known;
        }
        misses.increment();
        SearchResult computed = search.get();
        generation.results().put(request, computed);
        return computed;
    }

    /** Searches answered from the cache since start. */
    public long hits() {
        return hits.sum();
    }

    /** Searches computed because no result was kept for them (not counted while the cache is off). */
    public long misses() {
        return misses.sum();
    }

    /** The estimated heap the kept results take now ({@link #weight}). */
    public long bytes() {
        Generation known = current;
        return known == null ? 0 : known.results().policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    /** How many results are kept now. */
    public long size() {
        Generation known = current;
        return known == null ? 0 : known.results().estimatedSize();
    }

    private Generation generation(IndexView view) {
        IndexReader.CacheHelper helper = view.getIndexReader().getReaderCacheHelper();
        if (maxBytes == 0 || helper == null) {
            return null;
        }
        Generation known = current;
        if (known != null && known.version() == helper.getKey()) {
            return known;
        }
        // A search still on the previous version during a refresh may swap it back for a moment; each
        // generation only ever holds results of its own version, so that costs misses, never wrong answers.
        Generation fresh = new Generation(helper.getKey(), Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((SearchRequest request, SearchResult result) -> weight(request, result))
                // Evictions run on the searching thread that caused them, not on the common pool a 2-core
                // machine shares with everything else; the bound then also holds as soon as put() returns.
                .executor(Runnable::run)
                .build());
        current = fresh;
        return fresh;
    }

    /**
     * About the heap a kept result takes, from object and string sizes on a 64-bit JVM with compressed
     * pointers: strings at two bytes a char (one for Latin-1 text: an upper bound), facet values without
     * their labels, which each index version holds once for all results. The sample help center's results
     * checked against heap use after GC in docs/benchmarks.md.
     */
    static int weight(SearchRequest request, SearchResult result) {
        long bytes = 200 + chars(request.query()) + chars(result.didYouMean());
        for (SearchResult.Hit hit : result.hits()) {
            bytes += 80 + chars(hit.id()) + chars(hit.title()) + chars(hit.category()) + chars(hit.url())
                    + chars(hit.snippet()) + chars(hit.type()) + chars(hit.locale()) + chars(hit.visibility());
            for (String tag : hit.tags()) {
                bytes += 8 + chars(tag);
            }
        }
        for (List<SearchResult.FacetValue> values : result.facets().values()) {
            bytes += 40 + 28L * values.size();
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    private static long chars(String text) {
        return text == null ? 0 : 40 + 2L * text.length();
    }
}
