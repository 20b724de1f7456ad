package dev.kotae.analytics;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which results each visitor was shown, so a click is counted only when it refers to a search this
 * visitor ran and to an article at the rank it was actually shown, and only once per result: a
 * click-through rate is then at most 1 per result, whatever a script posts. Only a first page opens a
 * search here (it is the page that is recorded as a search); a later page adds its ranks to the search
 * this visitor already ran, so a script cannot ask for page 2 under ever new sessions and click there
 * without a search ever being counted. Kept in memory for an hour, bounded; a click on a search answered
 * by another replica or before a restart is not counted.
 */
public final class ClickLedger {

    /** What to do with a click. */
    public enum Verdict {
        /** A result shown to this visitor, clicked for the first time: count it. */
        COUNT,
        /** Already counted: ignore it. */
        REPEAT,
        /** No such search for this visitor, or that article was not shown at that rank: ignore it. */
        NOT_SHOWN
    }

    private static final int MAX_SEARCHES = 200_000;

    private record Key(String session, String query) {}

    /** The ranks shown and the ones already clicked. */
    private static final class Shown {
        final Map<Integer, String> ranks = new HashMap<>();
        final Set<Integer> clicked = new HashSet<>();
    }

    private final Cache<Key, Shown> searches = Caffeine.newBuilder().maximumSize(MAX_SEARCHES)
            .expireAfterWrite(Duration.ofHours(1)).build();

    /**
     * Notes that the visitor's search showed these article ids from rank {@code firstRank} on. A first page
     * ({@code firstRank} 1) opens the search; a later page counts only for a search this visitor opened.
     */
    public void shown(String session, String query, int firstRank, List<String> ids) {
        if (session == null || query == null || ids.isEmpty()) {
            return;
        }
        Key key = key(session, query);
        Shown shown = firstRank == 1 ? searches.get(key, k -> new Shown()) : searches.getIfPresent(key);
        if (shown == null) {
            return; // a later page of a search never run (and so never counted) by this visitor
        }
        synchronized (shown) {
            for (int i = 0; i < ids.size(); i++) {
                shown.ranks.put(firstRank + i, ids.get(i));
            }
        }
    }

    /** Whether the click is counted; a counted click is remembered so a repeat is not. */
    public Verdict click(String session, String query, String articleId, int rank) {
        if (session == null || query == null) {
            return Verdict.NOT_SHOWN;
        }
        Shown shown = searches.getIfPresent(key(session, query));
        if (shown == null) {
            return Verdict.NOT_SHOWN;
        }
        synchronized (shown) {
            if (!articleId.equals(shown.ranks.get(rank))) {
                return Verdict.NOT_SHOWN;
            }
            return shown.clicked.add(rank) ? Verdict.COUNT : Verdict.REPEAT;
        }
    }

    private static Key key(String session, String query) {
        return new Key(session, QueryText.normalized(QueryText.masked(query)));
    }
}
