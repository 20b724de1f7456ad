package dev.kotae.analytics;

import dev.kotae.plugin.KotaeEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The latest events in memory, newest first, for administrators to see what the help center and its
 * widgets record ({@code GET /api/v1/admin/events}). Bounded; lost on restart (durable analytics storage
 * is a separate concern).
 */
public final class RecentEvents implements EventBus.Subscriber {

    public static final int CAPACITY = 5_000;

    private final Deque<KotaeEvent> events = new ArrayDeque<>();

    @Override
    public synchronized void accept(KotaeEvent event) {
        if (events.size() == CAPACITY) {
            events.removeLast();
        }
        events.addFirst(event);
    }

    /**
     * Up to {@code limit} events, newest first.
     *
     * @param type an {@link EventNames} name, or {@code null} for all
     */
    public synchronized List<KotaeEvent> latest(String type, int limit) {
        List<KotaeEvent> found = new ArrayList<>();
        for (Iterator<KotaeEvent> it = events.iterator(); it.hasNext() && found.size() < limit; ) {
            KotaeEvent event = it.next();
            if (type == null || type.equals(EventNames.of(event))) {
                found.add(event);
            }
        }
        return found;
    }
}
