package dev.kotae.analytics;

import dev.kotae.plugin.KotaeEvent;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The latest events in memory, newest first, for administrators to see what the help center and its
 * widgets record ({@code GET /api/v1/admin/events}). Each type keeps its own latest {@link #PER_TYPE}, so
 * a burst of searches or page views does not push out the votes and deflections an administrator is
 * checking (and, under load, a search is not kept for long after it is answered). Lost on restart
 * (durable analytics storage is a separate concern).
 *
 * <p>{@link EventBus#publish} adds each event on the publishing request's own thread ({@link
 * EventBus#keepLatestIn}): adding is a few field writes under this object's lock, where handing the event
 * to a thread of its own woke that thread for every search.
 */
public final class RecentEvents {

    /** Events kept of each type. */
    public static final int PER_TYPE = 1_000;
    /** The most {@link #latest} returns: every type's allowance. */
    public static final int CAPACITY = PER_TYPE * EventNames.ALL.size();

    /** An event and its place in arrival order, which orders events of different types. */
    private record Entry(long sequence, KotaeEvent event) {}

    private static final Comparator<Entry> NEWEST_FIRST = Comparator.comparingLong(Entry::sequence).reversed();

    private final Map<String, Deque<Entry>> byType = new HashMap<>();
    private long arrived;

    /** Keeps {@code event} as its type's newest, dropping the type's oldest beyond {@link #PER_TYPE}. */
    public synchronized void add(KotaeEvent event) {
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
        Stream<Entry> newestFirst = type != null
                ? byType.getOrDefault(type, new ArrayDeque<>()).stream()
                : byType.values().stream().flatMap(Deque::stream).sorted(NEWEST_FIRST);
        return newestFirst.limit(limit).map(Entry::event).toList();
    }
}
