package dev.kotae.analytics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How often each article page was opened since the server started: the signal behind "popular
 * articles". Kept in memory; the analytics store (with history) replaces it as the source of truth.
 */
public final class PageViews {

    /** Bounds memory: ids beyond this many are not counted (a help center has far fewer articles read). */
    static final int MAX_ARTICLES = 200_000;

    private final Map<String, LongAdder> views = new ConcurrentHashMap<>();

    public void viewed(String articleId) {
        LongAdder counter = views.get(articleId);
        if (counter == null) {
            if (views.size() >= MAX_ARTICLES) {
                return;
            }
            counter = views.computeIfAbsent(articleId, id -> new LongAdder());
        }
        counter.increment();
    }

    /** The most viewed article ids, most first (ties in id order, so the list is stable). */
    public List<String> top(int limit) {
        return views.entrySet().stream()
                .sorted(Map.Entry.<String, LongAdder>comparingByValue(
                        (a, b) -> Long.compare(b.sum(), a.sum())).thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(Map.Entry::getKey).toList();
    }
}
