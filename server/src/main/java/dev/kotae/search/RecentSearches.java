package dev.kotae.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The searches asked most of late, which a new index version is warmed with ({@link SearchService#warm}):
 * each remembered search's count, halved every {@link #HALF_LIFE} searches so that what visitors ask today
 * outweighs what they asked last week. Caffeine decides which {@link #REMEMBERED} searches are remembered
 * (its admission keeps the frequently asked ones when one-off queries stream in); the order is the counts'
 * own. Caffeine's eviction order is not used for it: it is a guess that put none of the 40 searches a bench
 * repeated most among its 100 hottest.
 */
final class RecentSearches {

    /** Distinct searches remembered; each is a small request record and a count. */
    static final int REMEMBERED = 1_000;
    /** Searches after which every count halves. */
    static final int HALF_LIFE = 10_000;

    private final Cache<SearchRequest, AtomicInteger> counts = Caffeine.newBuilder().maximumSize(REMEMBERED).build();
    private final AtomicLong searches = new AtomicLong();

    /** Notes one search of {@code request} (normalised, as the result cache keys it). */
    void searched(SearchRequest request) {
        counts.get(request, asked -> new AtomicInteger()).incrementAndGet();
        if (searches.incrementAndGet() % HALF_LIFE == 0) {
            // At most REMEMBERED counts, once in HALF_LIFE searches: microseconds on the search that does it.
            counts.asMap().values().forEach(count -> count.updateAndGet(asked -> asked / 2));
        }
    }

    /** At most {@code limit} of the remembered searches, the most asked first. */
    List<SearchRequest> hottest(int limit) {
        return counts.asMap().entrySet().stream()
                .map(entry -> Map.entry(entry.getKey(), entry.getValue().get()))
                .sorted(Map.Entry.<SearchRequest, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }
}
