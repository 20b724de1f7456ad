package dev.kotae.search;

import java.util.List;
import java.util.Map;

/**
 * One page of search results, shaped as the API returns it.
 *
 * @param didYouMean a spelling correction when the query as typed found nothing; or the query with its
 *     Japanese kana (or romaji) written as the help center writes those words («へんきん»: «返金») when the
 *     search used that reading and found something; else {@code null}
 * @param corrected whether the hits are for {@code didYouMean} rather than the query as typed
 */
public record SearchResult(String query, long total, int page, int size, double tookMs, List<Hit> hits,
        Map<String, List<FacetValue>> facets, String didYouMean, boolean corrected) {

    /** The same result, as the answer to {@code typed} (echoed as the query) in {@code value} milliseconds. */
    public SearchResult answering(String typed, double value) {
        return new SearchResult(typed, total, page, size, value, hits, facets, didYouMean, corrected);
    }

    /**
     * One matching article. {@code snippet} is HTML-escaped text with {@code <mark>} around matches;
     * {@code visibility} is {@code internal} only in an agent's results.
     */
    public record Hit(String id, String title, String type, String locale, String category, List<String> tags,
            String visibility, String url, String snippet, float score) {}

    /** One value of a facet with the number of matching articles that have it. */
    public record FacetValue(String value, long count) {}
}
