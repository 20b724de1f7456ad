package dev.kotae.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;

/**
 * The searches asked most of late, which a new index version is warmed with ({@link SearchService#warm}),
 * in Caffeine's eviction order, hottest first: searches asked again (its protected segment, most recent
 * first), then the others by their counts in its frequency sketch once that is in use (from half of
 * {@link #REMEMBERED} distinct searches on; before, by recency). A stream of one-off queries therefore does
 * not push out the questions visitors ask all day.
 */
final class RecentSearches {

    /** Distinct searches remembered; each is a small request record. */
    static final int REMEMBERED = 1_000;

    private final Cache<SearchRequest, Boolean> requests = Caffeine.newBuilder().maximumSize(REMEMBERED).build();

    /** Notes one search of {@code request} (normalised, as the result cache keys it). */
    void searched(SearchRequest request) {
        requests.get(request, asked -> Boolean.TRUE);
    }

    /** At most {@code limit} of the remembered searches, those most likely to be asked again first. */
    List<SearchRequest> hottest(int limit) {
        return requests.policy().eviction()
                .map(eviction -> List.copyOf(eviction.hottest(limit).keySet()))
                .orElseGet(List::of);
    }
}
