package dev.kotae.analytics;

import dev.kotae.plugin.KotaeEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The latest events in memory, newest first, for administrators to see what the help center and its
 * widgets record ({@code GET /api/v1/admin/events}). Each type keeps its own latest {@link #PER_TYPE}, so
 * a burst of searches or page views does not push out the votes and deflections an administrator is
 * checking (and, under load, a search is not kept for long after it is answered). Lost on restart
 * (durable analytics storage is a separate concern).
 */
public final class RecentEvents implements EventBus.Subscriber {

    /** Events kept of each type. */
    public static final int PER_TYPE = 1_000;
    /** The most {@link #latest} returns: every type's allowance, for the types the API names. */
    public static final int CAPACITY = PER_TYPE * 5;

    /** An event and its place in arrival order, which orders events of different types. */
    private record Entry(long sequence, KotaeEvent event) {}

    private final Map<String, Deque<Entry>> byType = new HashMap<>();
    private long arrived;

    @Override
    public synchronized void accept(KotaeEvent event) {
        Deque<Entry> events = byType.computeIfAbsent(EventNames.of(event), type -> new ArrayDeque<>());
        if (events.size() == PER_TYPE) {
            events.removeLast();
        }
        events.addFirst(new Entry(arrived++, event));
    }

    /**
     * Up to {@code limit} events, newest first.
     *
     * @param type an {@link EventNames} name, or {@code null} for all
     */
    public synchronized List<KotaeEvent> latest(String type, int limit) {
        List<Entry> found = new ArrayList<>();
        if (type != null) {
            for (Iterator<Entry> it = byType.getOrDefault(type, new ArrayDeque<>()).iterator();
                    it.hasNext() && found.size() < limit; ) {
                found.add(it.next());
            }
        } else {
            byType.values().forEach(found::addAll);
            found.sort(Comparator.comparingLong(Entry::sequence).reversed());
        }
        return found.stream().limit(limit).map(Entry::event).toList();
    }
}
