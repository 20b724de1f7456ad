package dev.kotae.search;

import dev.kotae.index.IndexView;
import dev.kotae.kept.Kept;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.util.IOSupplier;

/**
 * Whole search results of the index version being searched, so that a question many visitors ask is
 * ranked, counted and highlighted once per version rather than once per visitor (help-center queries
 * repeat: "password reset" is asked all day). The answers are the ones a fresh search gives: a result is
 * kept only for the version it was computed on ({@link Kept}: dropped when Lucene closes the version),
 * under the whole validated request, the audience included, so what agents were answered never reaches
 * the public, and under the synonym set it was computed with, so an edit of the synonyms shows at once
 * without a new index version. What was learned from customers needs no key of its own: it lives in the
 * articles' documents ({@code LearnedPhrasings}), so publishing a new one makes a new index version.
 *
 * <p>Bounded by an estimate of the results' heap size; Caffeine's admission policy keeps the frequently
 * asked ones when one-off queries stream through.
 */
public final class ResultCache {

    /** {@code null} when off. */
    private final Kept<Asked, SearchResult> results;

    /** A request as answered with one synonym set: another set may answer it otherwise. */
    private record Asked(SearchRequest request, long synonymsVersion) {}

    /** @param maxBytes about how much heap the kept results may take; {@code 0} keeps nothing */
    ResultCache(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must be 0 or more");
        }
        this.results = maxBytes == 0 ? null : Kept.byWeight(maxBytes, (asked, result) -> weight(asked.request(), result));
    }

    /**
     * The result kept for {@code request} on {@code view} with the synonym set {@code synonymsVersion}, else
     * what {@code search} answers (then kept). {@code request} must be the normalised request the search
     * answers, audience and locale included, and {@code search} must use that synonym set.
     */
    SearchResult get(IndexView view, SearchRequest request, long synonymsVersion, IOSupplier<SearchResult> search)
            throws IOException {
        if (results == null) {
            return search.get();
        }
        return results.get(view.getIndexReader().getReaderCacheHelper(), new Asked(request, synonymsVersion),
                key -> search.get());
    }

    /** Searches answered from the cache since start. */
    public long hits() {
        return results == null ? 0 : results.hits();
    }

    /** Searches computed because no result was kept for them (not counted while the cache is off). */
    public long misses() {
        return results == null ? 0 : results.misses();
    }

    /** The estimated heap the kept results take now ({@link #weight}). */
    public long bytes() {
        return results == null ? 0 : results.bytes();
    }

    /** How many results are kept now. */
    public long size() {
        return results == null ? 0 : results.size();
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
