package dev.kotae.analytics;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How often each article page was opened: counted in memory since the server started (the signal behind
 * "popular articles", cheap to read on every home page), and published as an {@link ArticleViewEvent} so
 * the analytics store keeps the views with their history (the article-views report, week over week).
 */
public final class PageViews {

    /** Bounds memory: ids beyond this many are not counted (a help center has far fewer articles read). */
    static final int MAX_ARTICLES = 200_000;

    private final Map<String, LongAdder> views = new ConcurrentHashMap<>();
    private final EventBus events;
    private final Clock clock;

    /** Views counted in memory only (nothing is stored). */
    public PageViews() {
        this(null, Clock.systemUTC());
    }

    /** Views counted in memory and published to {@code events} for the analytics store. */
    public PageViews(EventBus events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** An article opened by someone whose requester is not known. */
    public void viewed(String articleId) {
        viewed(articleId, null, Requester.UNKNOWN);
    }

    /**
     * An article opened by a visitor: counted, and published with who opened it (agents' and automated
     * clients' views are stored but left out of the customers' report).
     *
     * @param session the visitor's anonymous session, or {@code null}
     */
    public void viewed(String articleId, String session, Requester requester) {
        LongAdder counter = views.get(articleId);
        if (counter == null && views.size() < MAX_ARTICLES) {
            counter = views.computeIfAbsent(articleId, id -> new LongAdder());
        }
        if (counter != null) {
            counter.increment();
        }
        if (events != null) {
            // Best effort, like a search's event: a full journal loses the view, never the page.
            events.publish(new ArticleViewEvent(clock.instant(), session, articleId), requester);
        }
    }

    /** The most viewed article ids, most first (ties in id order, so the list is stable). */
    public List<String> top(int limit) {
        return views.entrySet().stream()
                .sorted(Map.Entry.<String, LongAdder>comparingByValue(
                        (a, b) -> Long.compare(b.sum(), a.sum())).thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(Map.Entry::getKey).toList();
    }
}
